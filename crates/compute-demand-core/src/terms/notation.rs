//! The text notation of values, shared by the data files, scenario files, `--set` and share
//! links: numbers (`751`, `3.5e9`, `70B`, `10_000`), 90% ranges (`1.5..6`) and uniform ranges
//! (`uniform(0.3, 0.8)`).
//!
//! build.rs includes this file verbatim (`#[path]`), so it depends on nothing but `core` and
//! its sibling `decimal` (which build.rs includes too).

use super::decimal::parse_decimal;

/// A value as written, before it is checked against a parameter's bounds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Notation {
    Point(f64),
    /// `low..high`: a 90% interval.
    Range90(f64, f64),
    /// `uniform(low, high)`.
    Uniform(f64, f64),
}

/// Parses a finite number, with an optional SI suffix: k = 1e3, M = 1e6, B or G = 1e9,
/// T = 1e12. Underscores may separate digits.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("expected a number, found nothing".to_string());
    }
    let (digits, scale) = match trimmed.char_indices().last() {
        Some((i, 'k')) => (&trimmed[..i], 1e3),
        Some((i, 'M')) => (&trimmed[..i], 1e6),
        Some((i, 'B')) | Some((i, 'G')) => (&trimmed[..i], 1e9),
        Some((i, 'T')) => (&trimmed[..i], 1e12),
        _ => (trimmed, 1.0),
    };
    let cleaned: String = digits.chars().filter(|&c| c != '_').collect();
    let looks_numeric = !cleaned.is_empty()
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !looks_numeric {
        return Err(format!("'{}' is not a number", printable(trimmed)));
    }
    let value = parse_decimal(&cleaned)
        .ok_or_else(|| format!("'{}' is not a number", printable(trimmed)))?;
    let scaled = value * scale;
    if !scaled.is_finite() {
        return Err(format!("'{}' is not a finite number", printable(trimmed)));
    }
    Ok(scaled)
}

/// Parses a point value, `low..high` or `uniform(low, high)`.
pub fn parse_notation(text: &str) -> Result<Notation, String> {
    let trimmed = text.trim();
    if let Some(inner) = trimmed
        .strip_prefix("uniform(")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        let (low, high) = inner
            .split_once(',')
            .ok_or_else(|| format!("'{}': expected uniform(low, high)", printable(trimmed)))?;
        return Ok(Notation::Uniform(parse_number(low)?, parse_number(high)?));
    }
    if let Some((low, high)) = trimmed.split_once("..") {
        return Ok(Notation::Range90(parse_number(low)?, parse_number(high)?));
    }
    parse_number(trimmed).map(Notation::Point)
}

/// A number as text that reads back to the same f64: plain while that is short (`751`,
/// `0.924`, `1000`), in exponent form when plain would run long (`1e-300`, not three hundred
/// zeros; `2.5e12`). What files and links write.
pub fn write_number(value: f64) -> String {
    let Some(shortest) = Shortest::of(value) else {
        return zero_or_not_finite(value, "0");
    };
    let (plain, exponent) = (shortest.plain(0), shortest.exponent());
    if plain.len() > 12 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// `value` to at most `digits` significant digits: its shortest digits rounded half away
/// from zero, read back as the nearest `f64` (so fewer digits when the value needs fewer:
/// 0.5 stays 0.5). Idempotent. What links write (`link::SIGNIFICANT`), so that a value
/// dragged to 1.3174603174603174 travels as 1.31746. Zero, the infinities and NaN are
/// returned as they are.
pub fn round_significant(value: f64, digits: usize) -> f64 {
    let Some(shortest) = Shortest::of(value) else {
        return value;
    };
    let all = shortest.digits.as_bytes();
    if digits == 0 || all.len() <= digits {
        return value;
    }
    let mut kept = all[..digits].to_vec();
    let mut magnitude = shortest.magnitude;
    if all[digits] >= b'5' {
        // Carry from the last digit kept: 9.999995 → 10.0000.
        let mut at = digits;
        loop {
            if at == 0 {
                kept.insert(0, b'1');
                kept.pop();
                magnitude += 1;
                break;
            }
            at -= 1;
            if kept[at] == b'9' {
                kept[at] = b'0';
            } else {
                kept[at] += 1;
                break;
            }
        }
    }
    let kept = String::from_utf8(kept).unwrap_or_default();
    let text = format!("{}{}.{}e{magnitude}", shortest.sign, &kept[..1], &kept[1..]);
    parse_decimal(&text).unwrap_or(value)
}

/// A number as `{}` writes it, never in exponent form: `1234.5`, `0.001`, `1500000000000`.
pub fn plain_number(value: f64) -> String {
    match Shortest::of(value) {
        Some(shortest) => shortest.plain(0),
        None => zero_or_not_finite(value, "0"),
    }
}

/// A number in a message, written as files and links write it ([`write_number`]): `{}` on
/// an `f64` would link std's float formatter into the WebAssembly bundle.
pub struct Written(pub f64);

impl std::fmt::Display for Written {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&write_number(self.0))
    }
}

/// A number as `{:?}` writes it, and JSON reads it: `1.0`, `0.0001`, `1.5e-7`, `1e16`.
pub fn debug_number(value: f64) -> String {
    let Some(shortest) = Shortest::of(value) else {
        return zero_or_not_finite(value, "0.0");
    };
    let size = value.abs();
    if (1e-4..1e16).contains(&size) {
        shortest.plain(1)
    } else {
        shortest.exponent()
    }
}

/// Zero with its sign; `{}`'s text for the infinities and NaN, which no scenario holds.
fn zero_or_not_finite(value: f64, zero: &str) -> String {
    match (value == 0.0, value.is_sign_negative()) {
        (true, true) => format!("-{zero}"),
        (true, false) => zero.to_string(),
        _ if value.is_nan() => "NaN".to_string(),
        (_, true) => "-inf".to_string(),
        (_, false) => "inf".to_string(),
    }
}

/// The fewest significant digits that read back to a finite, non-zero value, closest to it,
/// and the power of ten of the first: 1234.5 → "12345", 3; 0.001 → "1", -3. The digits of
/// `{}`, `{:?}` and `{:e}`, from Ryū with its small tables: std's float formatter (Grisu with a
/// Dragon4 fallback, and its tables) is some 5 kB of the WebAssembly bundle. Where a value
/// lies exactly halfway between two shortest forms, Ryū ends on the even digit and std on the
/// one above (tests/codecs.rs).
struct Shortest {
    sign: &'static str,
    digits: String,
    magnitude: i32,
}

impl Shortest {
    fn of(value: f64) -> Option<Shortest> {
        if value == 0.0 || !value.is_finite() {
            return None;
        }
        let mut buffer = ryu::Buffer::new();
        let text = buffer.format_finite(value.abs());
        let (mantissa, exponent) = match text.split_once('e') {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
            None => (text, 0),
        };
        let (integer, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = format!("{integer}{fraction}");
        let significant = all.trim_start_matches('0');
        let leading_zeros = (all.len() - significant.len()) as i32;
        Some(Shortest {
            sign: if value < 0.0 { "-" } else { "" },
            digits: significant.trim_end_matches('0').to_string(),
            magnitude: exponent + integer.len() as i32 - 1 - leading_zeros,
        })
    }

    /// `-1234.5`, `0.001`, `1000`; at least `min_fraction` digits after the point.
    fn plain(&self, min_fraction: usize) -> String {
        let Shortest {
            sign,
            digits,
            magnitude,
        } = self;
        let length = digits.len() as i32;
        let (integer, fraction) = if *magnitude >= length - 1 {
            let zeros = "0".repeat((magnitude - length + 1) as usize);
            (format!("{digits}{zeros}"), String::new())
        } else if *magnitude >= 0 {
            let point = (magnitude + 1) as usize;
            (digits[..point].to_string(), digits[point..].to_string())
        } else {
            let zeros = "0".repeat((-magnitude - 1) as usize);
            ("0".to_string(), format!("{zeros}{digits}"))
        };
        let padding = "0".repeat(min_fraction.saturating_sub(fraction.len()));
        if fraction.is_empty() && padding.is_empty() {
            format!("{sign}{integer}")
        } else {
            format!("{sign}{integer}.{fraction}{padding}")
        }
    }

    /// `-1.2345e3`, `1e-3`.
    fn exponent(&self) -> String {
        let Shortest {
            sign,
            digits,
            magnitude,
        } = self;
        if digits.len() > 1 {
            format!("{sign}{}.{}e{magnitude}", &digits[..1], &digits[1..])
        } else {
            format!("{sign}{digits}e{magnitude}")
        }
    }
}

/// Text safe to echo in a one-line message: control and invisible characters escaped (no
/// terminal escape sequence, line break or bidirectional override gets through), quotes and
/// backslashes escaped as `char::escape_debug` does, long text cut.
pub fn printable(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().take(60) {
        match c {
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\\' | '\'' | '"' => {
                out.push('\\');
                out.push(c);
            }
            c if is_hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}

/// The characters a message must not show as they are: controls (Unicode's Cc), the line and
/// paragraph separators, and those that draw nothing yet can hide or reorder what is shown —
/// format characters (Cf: zero-width, bidirectional controls, tags) and the rest of Unicode's
/// Default_Ignorable_Code_Point (variation selectors, fillers) — and the noncharacters. A
/// short list rather than `char::escape_debug`, whose Unicode tables weigh 2 kB in the
/// WebAssembly bundle; it leaves visible characters, unassigned ones included, as they are.
fn is_hidden(c: char) -> bool {
    let code = c as u32;
    matches!(
        code,
        0x00..=0x1F
            | 0x7F..=0x9F
            | 0xAD
            | 0x34F
            | 0x600..=0x605
            | 0x61C
            | 0x6DD
            | 0x70F
            | 0x890..=0x891
            | 0x8E2
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x2028..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFDD0..=0xFDEF
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF0..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    ) || code & 0xFFFE == 0xFFFE
}
