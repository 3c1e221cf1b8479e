//! The interface's French, carried in the bundle as one text file (`i18n/french.txt`): the
//! interface's words and the core's labels and descriptions by their English, and the phrases
//! that put the core's English messages into French. It is written from the code natively
//! (`i18n::fr::written` gathers the texts of `i18n`, `i18n::fr`, `messages::PHRASES` and the
//! core's `french` feature) and kept beside them in the repository, so that the bundle reads
//! it sorted, with none of the code that gathers and sorts it. A page in French draws its
//! first render in French with no request more than a page in English.
//! English is the key: `i18n::tr(lang, "Supply")`. This module knows no other: the texts
//! themselves are in `i18n`.

use compute_demand_core::data::{pack_holding, Country, ParamSpec, Preset, COUNTRIES};
use compute_demand_core::Metric;
use std::sync::OnceLock;

/// What the file starts with: its format's version.
const HEADER: &str = "compute-demand french 3\n";
const SECTION: char = '\u{1d}';
const ROW: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// One country's French: its lede, its parameters' labels (in its table's order) and its
/// presets' labels and descriptions.
#[derive(Debug, PartialEq)]
pub struct PackFrench {
    pub code: &'static str,
    pub lede: &'static str,
    pub params: Vec<&'static str>,
    pub presets: Vec<(&'static str, &'static str)>,
}

/// The French texts. What has a place in a table is read by its place, with no English
/// beside it (the bundle has the English already): the interface's texts (`i18n::Texts`
/// order), the metrics' labels and descriptions (`Metric::ALL` order) and each country's
/// words. The other interface words are looked up by their English; the phrases put the
/// core's English messages into French (`messages::in_lang`), longest first.
#[derive(Debug, PartialEq)]
pub struct French {
    texts: Vec<&'static str>,
    metrics: Vec<(&'static str, &'static str)>,
    packs: Vec<PackFrench>,
    /// By [`english_key`], in its order: the English is in the code that looks it up, so the
    /// file carries a key in its place (carrying both cost 3.3 kB gzipped).
    words: Vec<(u32, &'static str)>,
    phrases: Vec<(&'static str, &'static str)>,
}

/// The key a word looked up by its English is filed under: FNV-1a, 32 bits, of its UTF-8.
/// `French::new` refuses two English texts with one key, so a lookup of a text the code
/// holds finds its own French; a text with no French finds none but by a 1-in-2³² chance per
/// word, for which `i18n::fr::tests::every_looked_up_english_has_its_french` leaves no room.
pub fn english_key(english: &str) -> u32 {
    english.bytes().fold(0x811c_9dc5, |hash: u32, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Reads `FIELD`-joined pairs.
fn pairs(rows: &[&'static str]) -> Option<Vec<(&'static str, &'static str)>> {
    rows.iter().map(|row| row.split_once(FIELD)).collect()
}

impl French {
    /// The French of the texts (in `i18n::Texts` order), of the metrics (in `Metric::ALL`
    /// order), of every country, of `words` (any order; one French per English) and of
    /// `phrases`, as `i18n::fr::written` gathers them.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    #[allow(clippy::disallowed_methods)] // native only: the bundle never sorts these
    pub fn new(
        texts: Vec<&'static str>,
        metrics: Vec<(&'static str, &'static str)>,
        packs: Vec<PackFrench>,
        mut words: Vec<(&'static str, &'static str)>,
        mut phrases: Vec<(&'static str, &'static str)>,
    ) -> French {
        words.sort_unstable();
        words.dedup();
        for pair in words.windows(2) {
            assert_ne!(pair[0].0, pair[1].0, "two French texts for {:?}", pair[0].0);
        }
        let mut keyed: Vec<(u32, &'static str)> = words
            .iter()
            .map(|&(english, french)| (english_key(english), french))
            .collect();
        keyed.sort_unstable_by_key(|&(key, _)| key);
        for pair in keyed.windows(2) {
            assert_ne!(
                pair[0].0, pair[1].0,
                "two English texts with one key: change english_key"
            );
        }
        phrases.sort_by_key(|(english, _)| std::cmp::Reverse(english.len()));
        French {
            texts,
            metrics,
            packs,
            words: keyed,
            phrases,
        }
    }

    /// Every word looked up by its English: its key and its French, in the keys' order.
    pub fn words(&self) -> &[(u32, &'static str)] {
        &self.words
    }

    /// The file xtask writes: the header; the texts; the metrics; the countries' codes, then
    /// a section per country (its lede, its parameters' labels, its presets'); the words and
    /// the phrases: rows between separator characters no text holds.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn file(&self) -> String {
        let joined = |rows: Vec<String>| rows.join(&ROW.to_string());
        let paired = |rows: &[(&str, &str)]| -> String {
            joined(rows.iter().map(|(a, b)| format!("{a}{FIELD}{b}")).collect())
        };
        let mut sections = vec![
            joined(self.texts.iter().map(|t| t.to_string()).collect()),
            paired(&self.metrics),
            joined(self.packs.iter().map(|p| p.code.to_string()).collect()),
        ];
        for pack in &self.packs {
            let mut rows = vec![pack.lede.to_string()];
            rows.extend(pack.params.iter().map(|p| p.to_string()));
            rows.extend(pack.presets.iter().map(|(a, b)| format!("{a}{FIELD}{b}")));
            sections.push(joined(rows));
        }
        sections.push(joined(
            self.words
                .iter()
                .map(|(key, french)| format!("{key:08x}{FIELD}{french}"))
                .collect(),
        ));
        sections.push(paired(&self.phrases));
        format!("{HEADER}{}", sections.join(&SECTION.to_string()))
    }

    /// Reads a file that [`French::file`] wrote for this build's texts, metrics and countries
    /// (a country it does not hold is passed over). Anything else (another version, a page
    /// the server sent instead) is refused whole: the page then stays in English words.
    pub fn parse(file: &'static str) -> Result<French, String> {
        let body = file
            .strip_prefix(HEADER)
            .ok_or("the French texts are not in this version's format")?;
        let mut sections = body.split(SECTION);
        let mut next = || sections.next().ok_or("the French texts lack a part");
        let rows = |section: &'static str| -> Vec<&'static str> {
            section.split(ROW).filter(|row| !row.is_empty()).collect()
        };
        let texts = rows(next()?);
        let metrics = pairs(&rows(next()?)).ok_or("a metric has no description")?;
        if metrics.len() != Metric::ALL.len() {
            return Err("the French texts are for other metrics".to_string());
        }
        let mut packs = Vec::new();
        for code in rows(next()?) {
            let section = rows(next()?);
            let Some(country) = COUNTRIES.iter().find(|c| c.code == code) else {
                continue;
            };
            let count = country.params.len();
            let (lede, rest) = section.split_first().ok_or("a country has no French")?;
            let (params, presets) = rest.split_at(count.min(rest.len()));
            let presets = pairs(presets).ok_or("a preset has no description")?;
            if params.len() != count || presets.len() != country.presets.len() {
                return Err(format!("the French texts are for other data ({code})"));
            }
            packs.push(PackFrench {
                code: country.code,
                lede,
                params: params.to_vec(),
                presets,
            });
        }
        if !packs.iter().any(|p| p.code == Country::first().code) {
            return Err("the French texts lack the default country".to_string());
        }
        let words: Vec<(u32, &'static str)> = pairs(&rows(next()?))
            .and_then(|rows| {
                rows.into_iter()
                    .map(|(key, french)| Some((u32::from_str_radix(key, 16).ok()?, french)))
                    .collect()
            })
            .ok_or("a French row has no French")?;
        if !words.windows(2).all(|pair| pair[0].0 < pair[1].0) {
            return Err("the French words are not in order".to_string());
        }
        let phrases = pairs(&rows(next()?)).ok_or("a French row has no French")?;
        Ok(French {
            texts,
            metrics,
            packs,
            words,
            phrases,
        })
    }

    /// The interface's texts, in `i18n::Texts` order.
    pub fn texts(&self) -> &[&'static str] {
        &self.texts
    }

    /// A metric's label and description.
    pub fn metric(&self, metric: Metric) -> Option<(&'static str, &'static str)> {
        let at = Metric::ALL.iter().position(|m| *m == metric)?;
        self.metrics.get(at).copied()
    }

    /// The French of the country whose table holds `row` (`table` picks it), and its place.
    fn pack_of<T: 'static>(
        &self,
        table: impl Fn(&'static Country) -> &'static [T],
        row: &T,
    ) -> Option<(&PackFrench, usize)> {
        let (country, at) = pack_holding(table, row)?;
        Some((self.packs.iter().find(|p| p.code == country.code)?, at))
    }

    /// A parameter's label.
    pub fn param(&self, spec: &ParamSpec) -> Option<&'static str> {
        let (pack, at) = self.pack_of(|c| &c.params[..], spec)?;
        pack.params.get(at).copied()
    }

    /// A preset's label and description.
    pub fn preset(&self, preset: &Preset) -> Option<(&'static str, &'static str)> {
        let (pack, at) = self.pack_of(|c| c.presets, preset)?;
        pack.presets.get(at).copied()
    }

    /// A country's lede.
    pub fn lede(&self, country: &Country) -> Option<&'static str> {
        let pack = self.packs.iter().find(|p| p.code == country.code)?;
        Some(pack.lede)
    }

    #[inline(never)]
    pub fn word(&self, english: &str) -> Option<&'static str> {
        let key = english_key(english);
        let at = self.words.binary_search_by(|(k, _)| k.cmp(&key)).ok()?;
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
        fn check(file: String, error: &str) {
            let file: &'static str = Box::leak(file.into_boxed_str());
            assert_eq!(French::parse(file), Err(error.to_string()));
        }
        let good = crate::i18n::fr::written().file();
        let sections: Vec<&str> = good.split(SECTION).collect();
        let with = |at: usize, section: &str| {
            let mut changed = sections.clone();
            changed[at] = section;
            changed.join(&SECTION.to_string())
        };
        let format = "the French texts are not in this version's format";
        check("<!doctype html>".to_string(), format);
        check(good.replace("french 3", "french 2"), format);
        check(
            sections[..sections.len() - 1].join(&SECTION.to_string()),
            "the French texts lack a part",
        );
        // The metrics, by their place: one fewer is another build's.
        let metrics = sections[1].rsplit_once(ROW).unwrap().0;
        check(with(1, metrics), "the French texts are for other metrics");
        // A country's section with a parameter fewer.
        let pack = sections[3].rsplit_once(ROW).unwrap().0;
        let code = sections[2].split(ROW).next().unwrap();
        check(
            with(3, pack),
            &format!("the French texts are for other data ({code})"),
        );
        // A country this build does not hold is passed over; the default one may not be
        // missing (another pack without its French shows in English).
        let packs = sections[2].split(ROW).count();
        let unknown = format!("{}{ROW}zz", sections[2]);
        let mut extra = sections.clone();
        extra[2] = &unknown;
        extra.insert(3 + packs, "lede");
        let extra = extra.join(&SECTION.to_string());
        assert!(French::parse(Box::leak(extra.into_boxed_str())).is_ok());
        check(
            with(2, &sections[2].replacen(code, "zz", 1)),
            "the French texts lack the default country",
        );
        // The words, sorted by their keys.
        let words_at = 3 + packs;
        let mut words: Vec<&str> = sections[words_at].split(ROW).collect();
        words.swap(0, 1);
        check(
            with(words_at, &words.join(&ROW.to_string())),
            "the French words are not in order",
        );
        check(with(words_at, "a"), "a French row has no French");
        let french = French::parse(Box::leak(good.into_boxed_str())).unwrap();
        assert_eq!(french.word("Supply"), Some("Offre"));
        assert_eq!(french.word("not a word of the page"), None);
    }
}
