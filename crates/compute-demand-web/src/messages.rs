//! The core's refusals in the page's language. The core words its messages once, in English,
//! for every edge (the CLI, files, links, storage); the page shows them in French by
//! replacing their fixed phrases, longest first, and setting French punctuation. What a
//! message echoes (a key, a value, a name) is left as it was.
//!
//! A link that could not be wholly read is said otherwise: in the reader's terms, from what
//! the core says was lost (`link::Ignored`), in sentences of the page's own (`unread_words`):
//! a parameter by its label, never its key; the text a part held only when it reads as words.

use crate::i18n::{count, fill, param_label, preset_label, tr};
use compute_demand_core::data::COUNTRIES;
use compute_demand_core::input::field::{is_percent, shown_value};
use compute_demand_core::input::link::{Ignored, Why};
use compute_demand_core::input::validate::limits;
use compute_demand_core::output::format::{trimmed, Lang};
use compute_demand_core::{FIRST_YEAR, LAST_YEAR};
use std::rc::Rc;

/// A link that could not be wholly read, or the scenario kept in this browser: what the
/// reader lost, and the link as it was opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unread {
    /// One entry per part ignored, or one for the whole link.
    pub ignored: Vec<Ignored>,
    /// The fragment as it stood in the address bar, for the reader to copy before the page
    /// rewrites it; none for the scenario kept in this browser.
    pub original: Option<Rc<str>>,
}

/// Parts a link's notice lists before it counts the rest.
pub const LISTED: usize = 5;

/// What a link's notice says, in the page's language: its opening, a line per part the
/// reader lost, and its close.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadWords {
    pub lead: &'static str,
    pub items: Vec<String>,
    pub tail: &'static str,
}

/// The notice of a link (or of the scenario kept in this browser) that could not be wholly
/// read, in `lang`.
pub fn unread_words(unread: &Unread, lang: Lang) -> UnreadWords {
    let whole = unread
        .ignored
        .iter()
        .any(|ignored| matches!(ignored, Ignored::TooLong(_) | Ignored::OtherVersion));
    let (lead, tail) = match (whole, unread.original.is_some()) {
        (false, true) => (
            "Part of the link could not be read and was ignored:",
            "Everything else in the link was applied.",
        ),
        (false, false) => (
            "Part of the scenario saved in this browser could not be read and was ignored:",
            "Everything else in it was applied.",
        ),
        (true, true) => (
            "This link could not be read:",
            "The page shows the baseline scenario instead.",
        ),
        (true, false) => (
            "The scenario saved in this browser could not be read:",
            "The page shows the baseline scenario instead.",
        ),
    };
    let mut items: Vec<String> = unread
        .ignored
        .iter()
        .take(LISTED)
        .map(|ignored| item(ignored, lang))
        .collect();
    if unread.ignored.len() > LISTED {
        let more = count((unread.ignored.len() - LISTED) as u64, lang);
        items.push(fill(tr(lang, "and {count} more"), &[("count", &more)]));
    }
    UnreadWords {
        lead: tr(lang, lead),
        items,
        tail: tr(lang, tail),
    }
}

/// The same notice as one text.
pub fn unread_text(unread: &Unread, lang: Lang) -> String {
    let words = unread_words(unread, lang);
    let separator = match lang {
        Lang::En => "; ",
        Lang::Fr => "\u{202f}; ",
    };
    format!(
        "{} {}. {}",
        words.lead,
        words.items.join(separator),
        words.tail
    )
}

/// One part the reader lost, in `lang`: a phrase without capital or full stop.
fn item(ignored: &Ignored, lang: Lang) -> String {
    let said = |english: &'static str, values: &[(&str, &str)]| fill(tr(lang, english), values);
    let echo = |text: &str| echo(text, lang);
    let (first, last) = (FIRST_YEAR.to_string(), LAST_YEAR.to_string());
    match ignored {
        Ignored::TooLong(bytes) => said(
            "it is {length} characters long, and the app reads links of up to {max}",
            &[
                ("length", &count(*bytes as u64, lang)),
                ("max", &count(limits::MAX_FRAGMENT_BYTES as u64, lang)),
            ],
        ),
        Ignored::OtherVersion => said("it comes from another version of the app, or it is damaged", &[]),
        Ignored::Unreadable => said(
            "a part with characters that could not be read (a broken “%” code, or text that is not UTF-8)",
            &[],
        ),
        Ignored::Unknown { name, near } => {
            let what = said("a part{text} that is not a setting of this app", &[("text", &echo(name))]);
            match near {
                Some(id) => said(
                    "{what}; did you mean “{label}”?",
                    &[("what", &what), ("label", param_label(crate::i18n::country().param(*id), lang))],
                ),
                None => what,
            }
        }
        Ignored::MoreUnknown(1) => said("1 more part that is not a setting of this app", &[]),
        Ignored::MoreUnknown(more) => said(
            "{count} more parts that are not settings of this app",
            &[("count", &count(*more as u64, lang))],
        ),
        Ignored::Removed => said(
            "a setting that earlier versions of the app had and this one no longer has",
            &[],
        ),
        Ignored::Value { param, text, why } => value(crate::i18n::country().param(*param), &echo(text), *why, lang),
        Ignored::Country(text) => {
            let countries: Vec<String> = COUNTRIES
                .iter()
                .map(|country| format!("{} ({})", country.name(lang), country.code))
                .collect();
            said(
                "the country{text}, which the app has no data for (it has {list})",
                &[("text", &echo(text)), ("list", &countries.join(", "))],
            )
        }
        Ignored::Preset(text) => {
            let presets: Vec<&str> = crate::i18n::country().presets.iter().map(|p| preset_label(p, lang)).collect();
            said(
                "the scenario{text}, which the app does not have (it has {list})",
                &[("text", &echo(text)), ("list", &presets.join(", "))],
            )
        }
        Ignored::Name => said(
            "the scenario's name: a name is at most {max} characters, with no control characters",
            &[("max", &limits::MAX_NAME_CHARS.to_string())],
        ),
        Ignored::Samples(text) => said(
            "the number of draws{text}: it is a whole number from 1 to {max}",
            &[("text", &echo(text)), ("max", &count(limits::MAX_SAMPLES as u64, lang))],
        ),
        Ignored::Seed(text) => said("the seed{text}: it is a whole number", &[("text", &echo(text))]),
        Ignored::Year(text) => said(
            "the year{text}: the model covers {first} to {last}",
            &[("text", &echo(text)), ("first", &first), ("last", &last)],
        ),
        Ignored::Figure(text) => said(
            "the figure to explain{text}, which the app does not have",
            &[("text", &echo(text))],
        ),
        Ignored::Project { name, too_many: false } => said(
            "the project{text}: a project needs a name, a year from {first} to {last} and one size above zero, in MW, in GPUs or in euros",
            &[("text", &echo(name)), ("first", &first), ("last", &last)],
        ),
        Ignored::Project { name, too_many: true } => said(
            "the project{text}: a scenario adds at most {max} projects",
            &[("text", &echo(name)), ("max", &limits::MAX_CUSTOM_PROJECTS.to_string())],
        ),
        Ignored::Correlation(Some((a, b))) => said(
            "the correlation between “{a}” and “{b}”: it needs two different assumptions and a number from −1 to 1, and a scenario sets at most {max}",
            &[
                ("a", param_label(crate::i18n::country().param(*a), lang)),
                ("b", param_label(crate::i18n::country().param(*b), lang)),
                ("max", &limits::MAX_CORRELATIONS.to_string()),
            ],
        ),
        Ignored::Correlation(None) => said("a correlation that could not be read", &[]),
        Ignored::LeftOut(text) => said(
            "the project to leave out{text}, which is not in the supply register",
            &[("text", &echo(text))],
        ),
        Ignored::Pinned { too_long: false } => said(
            "the scenario pinned for comparison: part of it could not be read",
            &[],
        ),
        Ignored::Pinned { too_long: true } => said(
            "the scenario pinned for comparison: with it, the link would be too long",
            &[],
        ),
        Ignored::Chart(text) => said(
            "the chart to show alone{text}, which the app does not have",
            &[("text", &echo(text))],
        ),
        Ignored::Lang(text) => said(
            "the language{text}: the app is in English (en) and French (fr)",
            &[("text", &echo(text))],
        ),
    }
}

/// A parameter's value that was refused (`text`: its echo, or nothing).
fn value(spec: &compute_demand_core::ParamSpec, text: &str, why: Why, lang: Lang) -> String {
    let label = param_label(spec, lang);
    let values = [("label", label), ("text", text)];
    match why {
        Why::NotANumber => fill(
            tr(lang, "“{label}”: the value{text} is not a number"),
            &values,
        ),
        Why::Inverted => fill(
            tr(
                lang,
                "“{label}”: the low end of the range{text} is above its high end",
            ),
            &values,
        ),
        Why::OutOfRange => {
            let bound = |v: f64| {
                let shown = trimmed(shown_value(spec, v), lang);
                match (is_percent(spec), lang) {
                    (true, Lang::En) => format!("{shown}%"),
                    (true, Lang::Fr) => format!("{shown}\u{a0}%"),
                    (false, _) => shown,
                }
            };
            let (low, high) = (bound(spec.min), bound(spec.max));
            fill(
                tr(
                    lang,
                    "“{label}”: the value{text} is outside what the model takes, {low} to {high}",
                ),
                &[values[0], values[1], ("low", &low), ("high", &high)],
            )
        }
    }
}

/// ` “text”` (French: ` « text »`) to name what a part held, or nothing: for empty text, and
/// for text that would show as a key (words joined by `_` or `.`, as `facility.pue`): the
/// page names things in the reader's terms. (Keys are ASCII, so ASCII letters and digits make
/// a key's words: `char::is_alphanumeric` would bring Unicode's letter tables into the bundle.)
fn echo(text: &str, lang: Lang) -> String {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let chars: Vec<char> = text.chars().collect();
    let joined = (0..chars.len()).any(|i| {
        matches!(chars[i], '_' | '.')
            && i > 0
            && word(chars.get(i - 1).copied())
            && word(chars.get(i + 1).copied())
    });
    if text.trim().is_empty() || joined {
        return String::new();
    }
    match lang {
        Lang::En => format!(" “{text}”"),
        Lang::Fr => format!(" «\u{a0}{text}\u{a0}»"),
    }
}

/// `text`, a message of the core, in `lang`.
pub fn in_lang(text: &str, lang: Lang) -> String {
    match lang {
        Lang::En => text.to_string(),
        Lang::Fr => french(text),
    }
}

fn french(text: &str) -> String {
    // Phrases are replaced where they stand in the English, one pass per phrase, on the
    // parts not yet translated, so a French word is never translated twice.
    let mut parts: Vec<(String, bool)> = vec![(text.to_string(), false)];
    for &(english, french) in crate::i18n::phrases() {
        parts = parts
            .into_iter()
            .flat_map(|(part, done)| {
                if done {
                    return vec![(part, done)];
                }
                split_at_phrase(&part, english, french)
            })
            .collect();
    }
    let joined: String = parts.into_iter().map(|(part, _)| part).collect();
    french_punctuation(&joined)
}

/// `part` cut around each whole-word occurrence of `english`, that replaced by `french`
/// (marked done). "range " is replaced in "range 4..2", not in "Orange campus".
fn split_at_phrase(part: &str, english: &str, french: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut kept = String::new();
    let mut rest = part;
    while let Some(at) = rest.find(english) {
        let (head, tail) = rest.split_at(at);
        kept.push_str(head);
        // Whole words only: a phrase that starts with a letter must not follow one. Any
        // character beyond ASCII counts as a letter (an accented one, most likely): Unicode's
        // letter tables would cost 2 kB of bundle for the rare echoed name that ends in "«".
        let glued = english.starts_with(word_char) && kept.ends_with(word_char);
        if glued {
            kept.push_str(english);
        } else {
            out.push((std::mem::take(&mut kept), false));
            out.push((french.to_string(), true));
        }
        rest = &tail[english.len()..];
    }
    kept.push_str(rest);
    out.push((kept, false));
    out
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// A narrow no-break space before `:`, `;`, `?` and `!` used as punctuation (followed by a
/// space or ending the text; not inside `s.toml:12` or a URL).
fn french_punctuation(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let punctuation = matches!(chars.peek(), None | Some(' '));
        if punctuation && matches!(c, ':' | ';' | '?' | '!') {
            while out.ends_with(' ') {
                out.pop();
            }
            if !out.is_empty() && !out.ends_with('\u{202f}') {
                out.push('\u{202f}');
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_french_and_echoes_stay() {
        let table = [
            (
                "link: unknown parameter 'training.frontier.grwth'; did you mean 'training.frontier.growth' or 'training.poolside.growth'?",
                "lien\u{202f}: paramètre inconnu 'training.frontier.grwth'\u{202f}; vouliez-vous dire 'training.frontier.growth' ou 'training.poolside.growth'\u{202f}?",
            ),
            (
                "link: facility.pue: 'NaN' is not a number",
                "lien\u{202f}: facility.pue\u{202f}: 'NaN' n'est pas un nombre",
            ),
            (
                "saved scenario: training.frontier.growth: 99 is out of range; it takes 1..10 (×/yr)",
                "scénario enregistré\u{202f}: training.frontier.growth\u{202f}: 99 est hors limites\u{202f}; valeurs permises 1..10 (×/yr)",
            ),
        ];
        let table = table.into_iter().chain([(
            "Project Orange campus: mw must be above 0 and at most 100000, not -5",
            "Project Orange campus\u{202f}: mw doit être au-dessus de 0 et au plus 100000 et non -5",
        )]);
        for (english, french) in table {
            assert_eq!(in_lang(english, Lang::Fr), french);
            assert_eq!(in_lang(english, Lang::En), english);
        }
    }

    #[test]
    fn phrases_are_replaced_as_whole_words_after_accented_letters_too() {
        let replaced = |text: &str| {
            let parts = split_at_phrase(text, "range ", "plage ");
            parts.into_iter().map(|(part, _)| part).collect::<String>()
        };
        assert_eq!(replaced("café range 4..2"), "café plage 4..2");
        assert_eq!(replaced("Orange campus"), "Orange campus");
        assert_eq!(replaced("Grangérange x"), "Grangérange x");
        assert_eq!(replaced("1range 2"), "1range 2");
    }

    /// Every message written out in SECURITY.md's tables of links and scenario files reads
    /// in French with none of the English phrasing left.
    #[test]
    fn every_documented_message_reads_in_french() {
        let security = include_str!("../../../SECURITY.md");
        let english = [
            "unknown",
            "did you mean",
            " is not ",
            "expected",
            "out of range",
            "negative",
            "the link",
            "the file",
            "the baseline",
            " must ",
            "at most",
            "dropped",
            "range ",
            "bound",
            "needs",
            "twice",
            "the presets",
            "outside",
        ];
        let mut checked = 0;
        let mut left = Vec::new();
        for heading in ["### Scenario files", "### Share-link fragments"] {
            let start = security.find(heading).expect(heading);
            let rows = security[start..]
                .lines()
                .skip_while(|line| !line.starts_with('|'))
                .take_while(|line| line.starts_with('|'))
                .skip(2);
            for row in rows {
                let Some(message) = row.split(" | ").nth(1) else {
                    continue;
                };
                let Some(message) = message.split('`').nth(1) else {
                    continue;
                };
                let message = message.trim_end_matches('…');
                let french = in_lang(message, Lang::Fr);
                for word in english {
                    // Echoed keys and values may hold anything; the phrases around them may not.
                    let outside_quotes: String =
                        french.split('\'').step_by(2).collect::<Vec<_>>().join(" ");
                    if outside_quotes.contains(word) {
                        left.push(format!("{word:?} left in {french:?} (from {message:?})"));
                    }
                }
                checked += 1;
            }
        }
        assert!(left.is_empty(), "{}", left.join("\n"));
        assert!(checked >= 50, "{checked} messages checked");
    }
}
