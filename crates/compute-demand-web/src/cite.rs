//! The version, the data's vintage and the licences, and how to cite a scenario: an APA-style
//! line and a BibTeX entry, each with the version and the scenario's permalink. Pure, tested
//! natively.

use crate::export::{CODE_LICENCE, VERSION};
use crate::i18n::{colon, country, placed, texts};
use compute_demand_core::output::format::Lang;
use compute_demand_core::output::report::DATA_LICENCE;

/// The title a citation gives, for the page's country.
pub fn title() -> &'static str {
    placed("compute-demand: How much compute {country}'s generative AI needs, 2024–2030")
}

/// The data's vintage: the page's country's.
fn data_as_of() -> &'static str {
    country().data_as_of
}

/// The year cited: the data's.
fn year() -> &'static str {
    let data_as_of = data_as_of();
    data_as_of.get(..4).unwrap_or(data_as_of)
}

/// "compute-demand 0.1.0 · data as of 2026-06 · code: MIT OR Apache-2.0 · data and figures:
/// CC BY 4.0"
pub fn version_line(lang: Lang) -> String {
    let t = texts(lang);
    let colon = colon(lang);
    format!(
        "compute-demand {VERSION} · {} {} · {}{colon}{CODE_LICENCE} · {}{colon}{DATA_LICENCE}",
        t.data_as_of(),
        data_as_of(),
        t.code(),
        t.data_and_figures()
    )
}

/// APA style, for software without a person as author: the title in the author's place.
pub fn apa(permalink: &str) -> String {
    format!(
        "{} (Version {VERSION}) [Computer software; data as of {}, {DATA_LICENCE}]. ({}). {permalink}",
        title(),
        data_as_of(),
        year()
    )
}

/// A BibTeX `@software` entry, keyed by the version.
pub fn bibtex(permalink: &str) -> String {
    format!(
        "@software{{compute_demand_{key},\n  title = {{{title}}},\n  version = {{{VERSION}}},\n  year = {{{year}}},\n  url = {{{permalink}}},\n  note = {{Data as of {data_as_of}, {DATA_LICENCE}}}\n}}\n",
        key = VERSION.replace(['.', '-'], "_"),
        title = title(),
        year = year(),
        data_as_of = data_as_of(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use compute_demand_core::data::DATA_AS_OF;

    const LINK: &str = "https://example.org/deep/app/#v1&p=high";

    #[test]
    fn bibtex_carries_the_version_and_the_permalink() {
        let entry = bibtex(LINK);
        let key = format!("@software{{compute_demand_{},", VERSION.replace('.', "_"));
        assert!(entry.starts_with(&key), "{entry}");
        for field in [
            format!("  version = {{{VERSION}}},"),
            "  year = {2026},".to_string(),
            format!("  url = {{{LINK}}},"),
            format!("  note = {{Data as of {DATA_AS_OF}, CC BY 4.0}}"),
        ] {
            assert!(entry.contains(&field), "{field} in {entry}");
        }
        // Braces balance: the entry reads as one.
        let depth = entry.chars().try_fold(0i32, |depth, c| match c {
            '{' => Some(depth + 1),
            '}' => (depth > 0).then(|| depth - 1),
            _ => Some(depth),
        });
        assert_eq!(depth, Some(0));
    }

    #[test]
    fn apa_names_title_version_year_and_link() {
        assert_eq!(
            apa(LINK),
            format!("{} (Version {VERSION}) [Computer software; data as of {DATA_AS_OF}, CC BY 4.0]. (2026). {LINK}", title())
        );
    }

    #[test]
    fn the_version_line_in_each_language() {
        assert_eq!(
            version_line(Lang::En),
            format!("compute-demand {VERSION} · data as of {DATA_AS_OF} · code: MIT OR Apache-2.0 · data and figures: CC BY 4.0")
        );
        assert_eq!(
            version_line(Lang::Fr),
            format!("compute-demand {VERSION} · données au {DATA_AS_OF} · code\u{202f}: MIT OR Apache-2.0 · données et figures\u{202f}: CC BY 4.0")
        );
    }
}
