//! Numbers for people: three significant figures, human units, English or French.

use crate::metric::Unit;

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

/// `value` to three significant figures, digits grouped by thousands: 12,400 · 0.0123 · 3.14.
pub fn significant(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).clamp(0, 12) as usize;
    let factor = 10f64.powi(magnitude - 2);
    let rounded = if magnitude >= 2 {
        (value / factor).round() * factor
    } else {
        value
    };
    let text = format!("{rounded:.decimals$}");
    localise(&text, lang)
}

/// Groups the integer digits and swaps separators for `lang`.
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

/// Scientific notation with two significant figures: 3.8e25.
pub fn scientific(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let text = format!("{value:.1e}");
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

/// `value` in the human form of `unit`: "3.8e25 FLOP", "44 MW", "€1.3bn", "12,400".
pub fn quantity(value: f64, unit: Unit, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let scaled = |divisor: f64| significant(value / divisor, lang);
    match unit {
        Unit::Flop => format!("{} FLOP", scientific(value, lang)),
        Unit::Gpus if value.abs() >= 1e6 => {
            format!("{}{}M", scaled(1e6), if fr { "\u{a0}" } else { "" })
        }
        Unit::Gpus => significant(value, lang),
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
