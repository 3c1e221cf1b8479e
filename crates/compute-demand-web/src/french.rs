//! The interface's French, carried in the bundle as one text file (`i18n/french.txt`): the
//! interface's words and the core's labels and descriptions by their English, and the phrases
//! that put the core's English messages into French. It is written from the code natively
//! (`i18n::fr::written` gathers the texts of `i18n`, `i18n::fr`, `messages::PHRASES` and the
//! core's `french` feature) and kept beside them in the repository, so that the bundle reads
//! it sorted, with none of the code that gathers and sorts it. A page in French draws its
//! first render in French with no request more than a page in English.
//! English is the key: `i18n::tr(lang, "Supply")`. This module knows no other: the texts
//! themselves are in `i18n`.

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
    /// The French of `words` (any order; one French per English) and of `phrases`, as
    /// `i18n::fr::written` gathers them.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    #[allow(clippy::disallowed_methods)] // native only: the bundle never sorts these
    pub fn new(
        mut words: Vec<(&'static str, &'static str)>,
        mut phrases: Vec<(&'static str, &'static str)>,
    ) -> French {
        words.sort_unstable();
        words.dedup();
        phrases.sort_by_key(|(english, _)| std::cmp::Reverse(english.len()));
        French { words, phrases }
    }

    /// Every word with its English, in order.
    pub fn words(&self) -> &[(&'static str, &'static str)] {
        &self.words
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

/// The French, as `i18n::fr::written` writes it: generated from the code's texts and kept in
/// the repository beside them, so that the bundle carries it with no code to gather and sort
/// it (`i18n::fr::refresh_file` rewrites it when a text changes: a test and
/// `cargo xtask build` call it).
pub const FILE: &str = include_str!("i18n/french.txt");

/// The French the page uses, read from [`FILE`] the first time it is needed. A file that does
/// not read (which the tests make impossible) leaves the page in English words.
pub fn french() -> Option<&'static French> {
    static READ: OnceLock<Option<French>> = OnceLock::new();
    READ.get_or_init(|| French::parse(FILE).ok()).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_as_written() {
        let written = crate::i18n::fr::written();
        let file: &'static str = Box::leak(written.file().into_boxed_str());
        assert_eq!(French::parse(file), Ok(written));
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
