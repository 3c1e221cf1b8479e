//! Numbers for people: three significant figures, human units, English or French.

use crate::metric::Unit;
use crate::terms::lang::leading_digits;
pub use crate::terms::lang::{significant, trimmed, whole, Lang};

/// Scientific notation with two significant figures, as people write it: 3.8 × 10²⁵ (not a
/// programmer's 3.8e25).
pub fn scientific(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let (digits, magnitude) = leading_digits(value.abs(), 2);
    let sign = if value < 0.0 { "-" } else { "" };
    let point = if lang == Lang::Fr { ',' } else { '.' };
    format!(
        "{sign}{}{point}{}\u{a0}×\u{a0}10{}",
        &digits[..1],
        &digits[1..],
        superscript(magnitude)
    )
}

/// An exponent in superscript digits: 25 → ²⁵, -3 → ⁻³.
fn superscript(exponent: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let sign = if exponent < 0 { "⁻" } else { "" };
    let digits: String = exponent
        .unsigned_abs()
        .to_string()
        .bytes()
        .map(|d| DIGITS[usize::from(d - b'0')])
        .collect();
    format!("{sign}{digits}")
}

/// A fractional year as the month it falls in: 2027.5 → "July 2027" ("juillet 2027"); past
/// the model's horizon, "after 2030". (The register's online dates: "2027.3" reads as a
/// version number, not a date.)
pub fn month_year(year: f64, lang: Lang) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    let last = crate::LAST_YEAR;
    if !year.is_finite() || year >= f64::from(last) + 1.0 {
        return match lang {
            Lang::En => format!("after {last}"),
            Lang::Fr => format!("après {last}"),
        };
    }
    // The month the date falls in (a hair of slack for sums such as 2026 + 0.5 + 1.2).
    let months = (year * 12.0 + 1e-6).floor() as i64;
    let (whole, month) = (months.div_euclid(12), months.rem_euclid(12) as usize);
    let names = if lang == Lang::Fr { FR } else { EN };
    format!("{} {whole}", names[month])
}

/// `value` in the human form of `unit`: "3.8 × 10²⁵ FLOP", "44 MW", "€1.3bn", "12,400".
pub fn quantity(value: f64, unit: Unit, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let scaled = |divisor: f64| significant(value / divisor, lang);
    match unit {
        Unit::Flop => format!("{} FLOP", scientific(value, lang)),
        Unit::Gpus if value.abs() >= 1e6 => {
            format!("{}{}M", scaled(1e6), if fr { "\u{a0}" } else { "" })
        }
        Unit::Gpus => significant(value, lang),
        Unit::GpuHours => quantity(value, Unit::Gpus, lang),
        Unit::Megawatthours if value.abs() >= 1e3 => {
            quantity(value / 1e3, Unit::Gigawatthours, lang)
        }
        Unit::Megawatthours => format!("{}\u{a0}MWh", significant(value, lang)),
        Unit::Megawatts if value.abs() >= 1e3 => format!("{}\u{a0}GW", scaled(1e3)),
        Unit::Megawatts => format!("{}\u{a0}MW", significant(value, lang)),
        Unit::Gigawatthours if value.abs() >= 1e3 => format!("{}\u{a0}TWh", scaled(1e3)),
        Unit::Gigawatthours => format!("{}\u{a0}GWh", significant(value, lang)),
        Unit::Euros => {
            let (number, en_suffix, fr_suffix) = if value.abs() >= 1e9 {
                (scaled(1e9), "bn", "Md€")
            } else if value.abs() >= 1e6 {
                (scaled(1e6), "M", "M€")
            } else if value.abs() >= 1e3 {
                (scaled(1e3), "k", "k€")
            } else {
                (significant(value, lang), "", "€")
            };
            if fr {
                format!("{number}\u{a0}{fr_suffix}")
            } else {
                format!("€{number}{en_suffix}")
            }
        }
        Unit::TonnesCo2 if value.abs() >= 1e6 => format!("{}\u{a0}MtCO2e", scaled(1e6)),
        Unit::TonnesCo2 => format!("{}\u{a0}tCO2e", significant(value, lang)),
        Unit::Ratio if value >= crate::model::MAX_COVERAGE_RATIO => "no demand".to_string(),
        Unit::Ratio => format!("{}×", significant(value, lang)),
        Unit::Probability => {
            let percent = significant(value * 100.0, lang).replace('\u{202f}', "");
            if fr {
                format!("{percent}\u{a0}%")
            } else {
                format!("{percent}%")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_significant_figures() {
        let table = [
            (12_412.0, "12,400"),
            (0.012_34, "0.0123"),
            (4.1, "4.10"),
            (999.7, "1,000"),
            (99.96, "100"),
            (1000.0, "1,000"),
            (0.001, "0.00100"),
            (-2_500.0, "-2,500"),
            (383.2, "383"),
            (0.0, "0"),
        ];
        for (value, text) in table {
            assert_eq!(significant(value, Lang::En), text, "{value}");
        }
        assert_eq!(significant(12_412.5, Lang::Fr), "12\u{202f}400");
        assert_eq!(significant(4.1, Lang::Fr), "4,10");
        let trimmed_table = [
            (1.0, "1"),
            (10.0, "10"),
            (2.5, "2.5"),
            (0.1, "0.1"),
            (1200.0, "1,200"),
        ];
        for (value, text) in trimmed_table {
            assert_eq!(trimmed(value, Lang::En), text, "{value}");
        }
        assert_eq!(trimmed(2.5, Lang::Fr), "2,5");
    }

    #[test]
    fn months() {
        let table = [
            (2027.0, "January 2027", "janvier 2027"),
            (2027.5, "July 2027", "juillet 2027"),
            (2027.3, "April 2027", "avril 2027"),
            (2027.99, "December 2027", "décembre 2027"),
            (2030.9, "November 2030", "novembre 2030"),
            (2031.0, "after 2030", "après 2030"),
            (2040.0, "after 2030", "après 2030"),
        ];
        for (year, en, fr) in table {
            assert_eq!(month_year(year, Lang::En), en, "{year}");
            assert_eq!(month_year(year, Lang::Fr), fr, "{year}");
        }
    }

    #[test]
    fn scientific_notation() {
        let table = [
            (3.15e23, "3.2\u{a0}×\u{a0}10²³"),
            (5.88e23, "5.9\u{a0}×\u{a0}10²³"),
            (9.96e24, "1.0\u{a0}×\u{a0}10²⁵"),
            (1e25, "1.0\u{a0}×\u{a0}10²⁵"),
            (2.0e-3, "2.0\u{a0}×\u{a0}10⁻³"),
            (3.0e27, "3.0\u{a0}×\u{a0}10²⁷"),
        ];
        for (value, text) in table {
            assert_eq!(scientific(value, Lang::En), text, "{value}");
        }
        assert_eq!(scientific(3.15e23, Lang::Fr), "3,2\u{a0}×\u{a0}10²³");
    }
}
