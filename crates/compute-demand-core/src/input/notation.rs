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
    let plain = format!("{value}");
    let exponent = format!("{value:e}");
    if plain.len() > 12 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// Text safe to echo in a one-line message: control characters escaped (no terminal escape
/// sequence or line break gets through), long text cut.
pub fn printable(text: &str) -> String {
    let mut out: String = text.chars().take(60).flat_map(char::escape_debug).collect();
    if text.chars().count() > 60 {
        out.push('…');
    }
    out
}
