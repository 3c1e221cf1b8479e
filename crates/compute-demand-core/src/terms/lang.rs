//! A language, and numbers for people in it: three significant figures, English or French.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// `value` to three significant figures, digits grouped by thousands: 12,400 · 0.0123 · 4.10.
/// Built from an integer of three digits rather than with `{:.N}`, whose exact-digits
/// formatter would add kilobytes to the WebAssembly bundle.
pub fn significant(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let (digits, magnitude) = leading_digits(value.abs(), 3);
    let plain = if magnitude >= 2 {
        format!("{digits}{}", "0".repeat((magnitude - 2) as usize))
    } else if magnitude >= 0 {
        let point = (magnitude + 1) as usize;
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("0.{}{digits}", "0".repeat((-magnitude - 1) as usize))
    };
    let sign = if value < 0.0 { "-" } else { "" };
    localise(&format!("{sign}{plain}"), lang)
}

/// Like [`significant`], without the zeros that end a fraction: 1 · 10 · 2.5 · 0.1, for
/// bounds and axis ticks, where "1.00" would claim a precision nobody measured.
pub fn trimmed(value: f64, lang: Lang) -> String {
    let text = significant(value, lang);
    let point = if lang == Lang::Fr { ',' } else { '.' };
    if text.contains(point) {
        text.trim_end_matches('0')
            .trim_end_matches(point)
            .to_string()
    } else {
        text
    }
}

/// The first `count` significant digits of `value` (> 0), rounded, and the power of ten of
/// the first: 0.0123 → ("123", -2); 999.7 → ("100", 3).
pub(crate) fn leading_digits(value: f64, count: i32) -> (String, i32) {
    let mut magnitude = value.log10().floor() as i32;
    let mut digits = (value / 10f64.powi(magnitude - (count - 1))).round() as u64;
    // log10 may land just beside a power of ten; rounding may carry into a new digit.
    if digits >= 10u64.pow(count as u32) {
        digits /= 10;
        magnitude += 1;
    } else if digits < 10u64.pow(count as u32 - 1) {
        digits = (value / 10f64.powi(magnitude - count)).round() as u64;
        magnitude -= 1;
    }
    (digits.to_string(), magnitude)
}

/// Groups the integer digits and swaps separators for `lang`.
/// A whole number, digits grouped by thousands: 10,000 in English, 10 000 in French.
pub fn whole(count: u64, lang: Lang) -> String {
    localise(&count.to_string(), lang)
}

fn localise(plain: &str, lang: Lang) -> String {
    let (sign, unsigned) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (group, point) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    let mut grouped = String::new();
    for (i, digit) in integer.chars().enumerate() {
        if i > 0 && (integer.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{fraction}")
    }
}
