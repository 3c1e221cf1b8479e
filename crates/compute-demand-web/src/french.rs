//! The interface's French, out of the WebAssembly bundle. It is written in the native build
//! (`i18n::fr`, `messages::PHRASES`); xtask writes it into a file beside the bundle
//! (`french-….txt`, named in the page by `<meta name="compute-demand:french">`), and only a
//! page in French fetches it (`browser::load_french`); an English page does not wait for it
//! (only the service worker caches it, with every other file, for offline use).
//! English is the key: `i18n::tr(lang, "Supply")`.

use crate::i18n::{Texts, EN};
use std::sync::OnceLock;

/// What the file starts with: its format's version.
const HEADER: &str = "compute-demand french 1\n";
const SECTION: char = '\u{1d}';
const ROW: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// The French texts: interface words by their English, and the phrases that put the core's
/// English messages into French (`messages::in_lang`), longest first.
#[derive(Debug, PartialEq)]
pub struct French {
    words: Vec<(&'static str, &'static str)>,
    phrases: Vec<(&'static str, &'static str)>,
}

impl French {
    /// The French of the native build, every interface text with its English.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    #[allow(clippy::disallowed_methods)] // native only: the bundle never sorts these
    pub fn written() -> French {
        use crate::i18n::fr::WORDS;
        use crate::i18n::FR;
        use compute_demand_core::{Metric, PARAMS, PRESETS};
        let mut words = EN.rows(&FR);
        words.extend_from_slice(WORDS);
        // The core's labels and descriptions (its `french` feature).
        words.extend(PARAMS.iter().map(|p| (p.label, p.label_fr)));
        for preset in &PRESETS {
            words.push((preset.label, preset.label_fr));
            words.push((preset.description, preset.description_fr));
        }
        for metric in Metric::ALL {
            words.push((metric.label(), metric.label_fr()));
            words.push((metric.description(), metric.description_fr()));
        }
        words.sort_unstable();
        words.dedup();
        let mut phrases = crate::messages::PHRASES.to_vec();
        phrases.sort_by_key(|(english, _)| std::cmp::Reverse(english.len()));
        French { words, phrases }
    }

    /// The file xtask writes: the header, then the words and the phrases, rows of English
    /// and French between separator characters no text holds.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn file(&self) -> String {
        let section = |rows: &[(&str, &str)]| -> String {
            rows.iter()
                .map(|(english, french)| format!("{english}{FIELD}{french}"))
                .collect::<Vec<_>>()
                .join(&ROW.to_string())
        };
        format!(
            "{HEADER}{}{SECTION}{}",
            section(&self.words),
            section(&self.phrases)
        )
    }

    /// Reads a file that [`French::file`] wrote. Anything else (another version, a page the
    /// server sent instead) is refused whole: the page then stays in English words.
    pub fn parse(file: &'static str) -> Result<French, String> {
        let body = file
            .strip_prefix(HEADER)
            .ok_or("the French texts are not in this version's format")?;
        let (words, phrases) = body
            .split_once(SECTION)
            .ok_or("the French texts have no phrases")?;
        let rows = |section: &'static str| -> Result<Vec<(&'static str, &'static str)>, String> {
            section
                .split(ROW)
                .filter(|row| !row.is_empty())
                .map(|row| row.split_once(FIELD).ok_or("a French row has no French"))
                .collect::<Result<_, _>>()
                .map_err(str::to_string)
        };
        let words = rows(words)?;
        if !words.windows(2).all(|pair| pair[0].0 < pair[1].0) {
            return Err("the French words are not in order".to_string());
        }
        Ok(French {
            words,
            phrases: rows(phrases)?,
        })
    }

    #[inline(never)]
    pub fn word(&self, english: &str) -> Option<&'static str> {
        let at = self
            .words
            .binary_search_by(|(key, _)| (*key).cmp(english))
            .ok()?;
        Some(self.words[at].1)
    }

    pub fn phrases(&self) -> &[(&'static str, &'static str)] {
        &self.phrases
    }
}

/// The French the page uses, once loaded; natively and in tests, always the written one.
static LOADED: OnceLock<(French, Texts)> = OnceLock::new();

/// Makes `french` the page's French (the first call only).
pub fn install(french: French) {
    let texts = EN.translated(&|english| french.word(english).unwrap_or(english));
    let _ = LOADED.set((french, texts));
}

fn loaded() -> Option<&'static (French, Texts)> {
    #[cfg(any(test, not(target_arch = "wasm32")))]
    if LOADED.get().is_none() {
        install(French::written());
    }
    LOADED.get()
}

pub fn is_loaded() -> bool {
    loaded().is_some()
}

pub fn lookup(english: &str) -> Option<&'static str> {
    loaded()?.0.word(english)
}

pub fn texts() -> Option<&'static Texts> {
    loaded().map(|(_, texts)| texts)
}

pub fn phrases() -> &'static [(&'static str, &'static str)] {
    loaded().map_or(&[], |(french, _)| french.phrases())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::FR;

    #[test]
    fn every_text_has_its_french() {
        for (english, french) in French::written().words {
            assert!(!french.is_empty(), "no French for {english:?}");
        }
    }

    /// The core's English that the page shows in French by its own table: a typed number's
    /// refusals and the add-supply form's warning.
    #[test]
    fn the_cores_templates_have_their_french() {
        use compute_demand_core::input::field::Refusal;
        use compute_demand_core::input::project::LARGE_WARNING;
        let written = French::written();
        for english in Refusal::TEMPLATES.into_iter().chain([LARGE_WARNING]) {
            let french = written.word(english);
            assert!(
                french.is_some_and(|f| f != english),
                "no French for {english:?}"
            );
        }
    }

    /// Every English text the code looks up by its English (`tr(lang, "…")`) has its French:
    /// editing an English sentence without its French fails here, not silently on the page.
    #[test]
    fn every_looked_up_english_has_its_french() {
        let written = French::written();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        let mut stack = vec![src];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for english in looked_up_literals(&text) {
                    assert!(
                        written.word(&english).is_some(),
                        "{}: no French for {english:?}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked >= 30,
            "only {checked} texts found: is the scan still right?"
        );
    }

    /// The string literals passed as `tr`'s second argument in `code`, unescaped.
    fn looked_up_literals(code: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, _) in code.match_indices("tr(") {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue; // `attr(`, `str(`, a method
            }
            let line = code[..at].rsplit('\n').next().unwrap_or("");
            if line.trim_start().starts_with("//") {
                continue; // prose
            }
            let args = &code[at + 3..];
            let Some((first, rest)) = args.split_once(',') else {
                continue;
            };
            let rest = rest.trim_start();
            if first.contains(['"', ')', '(']) || !rest.starts_with('"') {
                continue; // not a call with a literal
            }
            found.push(unescaped(&rest[1..]));
        }
        found
    }

    /// A Rust string literal's text up to its closing quote (the escapes the texts use).
    fn unescaped(literal: &str) -> String {
        let mut out = String::new();
        let mut chars = literal.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return out,
                '\\' => match chars.next() {
                    Some('u') => {
                        let hex: String =
                            chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        panic!("an unterminated literal: {literal:.40}")
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let written = French::written();
        let file: &'static str = Box::leak(written.file().into_boxed_str());
        assert_eq!(French::parse(file), Ok(French::written()));
    }

    /// One English text has one French: the page's French texts, looked up by their
    /// English, are the native build's, field by field.
    #[test]
    fn every_english_text_has_one_french() {
        let written = French::written();
        for pair in written.words.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "two French texts for {:?}", pair[0].0);
        }
        let looked_up = EN.translated(&|english| written.word(english).unwrap_or(english));
        assert_eq!(looked_up.rows(&EN), FR.rows(&EN));
    }

    #[test]
    fn other_files_are_refused() {
        #[track_caller]
        fn check(file: &'static str, error: &str) {
            assert_eq!(French::parse(file), Err(error.to_string()));
        }
        check(
            "<!doctype html>",
            "the French texts are not in this version's format",
        );
        check(
            "compute-demand french 1\na\u{1f}b",
            "the French texts have no phrases",
        );
        check(
            "compute-demand french 1\na\u{1e}b\u{1f}c\u{1d}",
            "a French row has no French",
        );
        check(
            "compute-demand french 1\nb\u{1f}x\u{1e}a\u{1f}y\u{1d}",
            "the French words are not in order",
        );
        let ok = French::parse("compute-demand french 1\na\u{1f}x\u{1e}b\u{1f}y\u{1d}c \u{1f}d ");
        assert_eq!(
            ok.as_ref().map(|f| (f.word("b"), f.word("z"))),
            Ok((Some("y"), None))
        );
        assert_eq!(ok.map(|f| f.phrases().to_vec()), Ok(vec![("c ", "d ")]));
    }
}
