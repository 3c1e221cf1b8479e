//! Numbers as people type them into the page's boxes: in the page's language (`21,9` in
//! French, `1,000` in English), a share as a percentage, and a refusal worded for the person
//! at the box, in their language, rather than for a log.

use crate::data::ParamSpec;
use crate::input::validate;
use crate::terms::lang::{trimmed, Lang};
use crate::terms::notation::{parse_number, printable, Notation};

/// Why a typed number was refused.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not a number (the text, cut for echoing).
    NotANumber(String),
    /// A number outside the parameter's bounds; the bounds as the box shows them.
    OutOfRange { low: f64, high: f64, percent: bool },
    /// A range whose low end is above its high end.
    Inverted,
    /// Not above zero, or above `high` (a quantity such as a project's capacity).
    Positive { high: f64 },
}

impl Refusal {
    /// Every refusal's words in English, with `{…}` placeholders: the web app keys its French
    /// by them (`i18n::fr`), so that the bundle carries no French.
    pub const TEMPLATES: [&'static str; 5] = [
        "A number is needed.",
        "“{text}” is not a number.",
        "Out of range: between {low} and {high}.",
        "The low end is above the high end.",
        "More than 0 and at most {high}.",
    ];

    /// The refusal's words: one of [`Refusal::TEMPLATES`], and the values that fill it,
    /// written for `lang` (its digits, its percent sign).
    pub fn words(&self, lang: Lang) -> (&'static str, Vec<(&'static str, String)>) {
        let [needed, not_a_number, out_of_range, inverted, positive] = Refusal::TEMPLATES;
        match self {
            Refusal::NotANumber(text) if text.is_empty() => (needed, vec![]),
            Refusal::NotANumber(text) => (not_a_number, vec![("text", text.clone())]),
            Refusal::OutOfRange { low, high, percent } => {
                let number = |v: f64| {
                    let text = trimmed(v, lang);
                    match (percent, lang) {
                        (true, Lang::Fr) => format!("{text}\u{a0}%"),
                        (true, Lang::En) => format!("{text}%"),
                        (false, _) => text,
                    }
                };
                let values = vec![("low", number(*low)), ("high", number(*high))];
                (out_of_range, values)
            }
            Refusal::Inverted => (inverted, vec![]),
            Refusal::Positive { high } => (positive, vec![("high", trimmed(*high, lang))]),
        }
    }

    /// The refusal in plain words, in `lang`: French with the `french` feature (the CLI's
    /// and the tests' build), English otherwise.
    pub fn message(&self, lang: Lang) -> String {
        let (english, values) = self.words(lang);
        let mut out = match lang {
            Lang::Fr => french(english),
            Lang::En => english,
        }
        .to_string();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), &value);
        }
        out
    }
}

/// The French of a refusal's template, with the `french` feature.
#[cfg(feature = "french")]
fn french(english: &'static str) -> &'static str {
    let french = [
        "Un nombre est attendu.",
        "«\u{a0}{text}\u{a0}» n’est pas un nombre.",
        "Hors limites\u{a0}: entre {low} et {high}.",
        "Le bas de la plage dépasse le haut.",
        "Plus de 0 et au plus {high}.",
    ];
    Refusal::TEMPLATES
        .iter()
        .position(|t| *t == english)
        .map_or(english, |i| french[i])
}

/// Without the `french` feature (the web bundle, which translates the templates itself).
#[cfg(not(feature = "french"))]
fn french(english: &'static str) -> &'static str {
    english
}

/// Whether a parameter's boxes show it as a percentage: shares do.
pub fn is_percent(spec: &ParamSpec) -> bool {
    spec.unit == "share"
}

/// What a box shows for `value` of `spec`: percent for shares.
pub fn shown_value(spec: &ParamSpec, value: f64) -> f64 {
    if is_percent(spec) {
        value * 100.0
    } else {
        value
    }
}

/// A number as typed in `lang`. Spaces (also no-break ones) and `_` group digits anywhere.
/// English: `.` is the decimal point and `,` groups thousands (`1,000`, but not `21,9`).
/// French: `,` is the decimal comma and `.` is taken as a point when there is no comma, so
/// `21,9` and `21.9` both read 21.9. The SI suffixes and exponents of the notation still work.
pub fn typed_number(text: &str, lang: Lang) -> Result<f64, Refusal> {
    let refused = || Refusal::NotANumber(printable(text.trim()));
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '_'))
        .collect();
    let (group, point) = match lang {
        Lang::Fr if compact.contains(',') => ('.', ','),
        Lang::Fr => (',', '.'),
        Lang::En => (',', '.'),
    };
    if compact.matches(point).count() > 1 {
        return Err(refused());
    }
    let (integer, rest) = match compact.find(point) {
        Some(at) => (&compact[..at], &compact[at + point.len_utf8()..]),
        None => (compact.as_str(), ""),
    };
    if rest.contains(group) || !groups_of_three(integer, group) {
        return Err(refused());
    }
    let mut plain: String = integer.chars().filter(|&c| c != group).collect();
    if compact.contains(point) {
        plain.push('.');
        plain.push_str(rest);
    }
    parse_number(&plain).map_err(|_| refused())
}

/// Digits grouped by `group` in threes after the first group (`1,000,000`; not `21,9`).
fn groups_of_three(integer: &str, group: char) -> bool {
    let unsigned = integer.trim_start_matches(['-', '+']);
    let mut groups = unsigned.split(group);
    let first = groups.next().unwrap_or("");
    if !unsigned.contains(group) {
        return true;
    }
    (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A value typed into one of `spec`'s boxes: in `lang`, a percentage for a share (a trailing
/// `%` is allowed), inside the parameter's bounds. The parameter's own value, or why not.
pub fn typed_param(spec: &ParamSpec, text: &str, lang: Lang) -> Result<f64, Refusal> {
    let percent = is_percent(spec);
    let text = if percent {
        text.trim().trim_end_matches('%')
    } else {
        text
    };
    let shown = typed_number(text, lang)?;
    let value = if percent { shown / 100.0 } else { shown };
    if validate::param_dist(spec, Notation::Point(value)).is_err() {
        return Err(Refusal::OutOfRange {
            low: shown_value(spec, spec.min),
            high: shown_value(spec, spec.max),
            percent,
        });
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::param_by_key;

    #[test]
    fn numbers_as_typed_in_each_language() {
        // (text, language) → the number, or None for a refusal
        let table: &[(&str, Lang, Option<f64>)] = &[
            ("21,9", Lang::Fr, Some(21.9)),
            ("21.9", Lang::Fr, Some(21.9)),
            ("21.9", Lang::En, Some(21.9)),
            ("21,9", Lang::En, None),
            ("1,000", Lang::En, Some(1000.0)),
            ("1,000.5", Lang::En, Some(1000.5)),
            ("12,34,567", Lang::En, None),
            ("1 000,5", Lang::Fr, Some(1000.5)),
            ("1\u{202f}000", Lang::Fr, Some(1000.0)),
            ("1.000,5", Lang::Fr, Some(1000.5)),
            ("1,2,3", Lang::Fr, None),
            ("-0,5", Lang::Fr, Some(-0.5)),
            ("70B", Lang::En, Some(70e9)),
            ("2,5e3", Lang::Fr, Some(2500.0)),
            ("abc", Lang::En, None),
            ("", Lang::Fr, None),
            ("1e999", Lang::En, None),
            ("NaN", Lang::En, None),
        ];
        for &(text, lang, expected) in table {
            let got = typed_number(text, lang).ok();
            assert_eq!(got, expected, "{text:?} in {lang:?}");
        }
    }

    #[test]
    fn shares_are_typed_as_percentages_and_refusals_are_plain_words() {
        let share = any_share();
        assert_eq!(typed_param(share, "50", Lang::En), Ok(0.5));
        assert_eq!(typed_param(share, "37,5 %", Lang::Fr), Ok(0.375));
        let pue = param_by_key("facility.pue").unwrap();
        assert_eq!(typed_param(pue, "1,5", Lang::Fr), Ok(1.5));
        let refusal = typed_param(pue, "5", Lang::Fr).unwrap_err();
        let message = refusal.message(Lang::Fr);
        assert!(message.contains("entre 1 et 3"), "{message}");
        assert!(!message.contains("facility.pue"));
        let en = typed_param(share, "150", Lang::En)
            .unwrap_err()
            .message(Lang::En);
        assert_eq!(en, "Out of range: between 0% and 100%.");
        let nan = typed_param(pue, "abc", Lang::En)
            .unwrap_err()
            .message(Lang::En);
        assert_eq!(nan, "“abc” is not a number.");
    }

    fn any_share() -> &'static ParamSpec {
        crate::PARAMS
            .iter()
            .find(|spec| is_percent(spec) && spec.min == 0.0 && spec.max == 1.0)
            .expect("a share from 0 to 1")
    }
}
