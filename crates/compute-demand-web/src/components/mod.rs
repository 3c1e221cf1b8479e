//! Leaf components: they render their props and call their callbacks, nothing else.

pub mod charts;
pub mod headline;
pub mod notices;
pub mod param_control;
pub mod projects;
pub mod slider;
pub mod toolbar;

/// `value` rounded to `digits` significant figures, as the shortest text: what a number box
/// shows for a median such as 2.1908902300206643.
pub fn short_number(value: f64, digits: i32) -> String {
    if value == 0.0 || !value.is_finite() {
        return "0".to_string();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    format!("{}", (value * factor).round() / factor)
}

/// A number for a `data-*` attribute: every digit, so tests can compare with the CLI.
pub fn raw(value: f64) -> String {
    format!("{value}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_numbers() {
        let table = [
            (2.1908902300206643, "2.19089"),
            (751.0, "751"),
            (0.0, "0"),
            (123456789.0, "123457000"),
            (-0.5, "-0.5"),
        ];
        for (value, expected) in table {
            assert_eq!(super::short_number(value, 6), expected);
        }
    }
}
