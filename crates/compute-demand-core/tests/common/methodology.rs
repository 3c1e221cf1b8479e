//! The generated sections of each country's chapter of the methodology,
//! docs/countries/<code>/methodology.md (docs/methodology.md is the shared method, with none):
//! the tests write them from the data and the model and
//! fail when the document holds anything else; `UPDATE_METHODOLOGY=1` rewrites them in place. Each section sits between two markers:
//! `<!-- generated: NAME -->` and `<!-- end of generated: NAME -->`.

use std::path::PathBuf;

#[derive(Clone, Copy, Debug)]
pub enum Generated {
    /// §6.3, every parameter (tests/data.rs), in every chapter.
    #[allow(dead_code)]
    Parameters,
    /// §8.1, the baseline beside every observation (tests/calibration.rs).
    #[allow(dead_code)]
    Calibration,
    /// §4.1, the supply register (tests/data.rs).
    #[allow(dead_code)]
    Register,
    /// §7, the presets' values (tests/data.rs).
    #[allow(dead_code)]
    Presets,
    /// §8.3, published forecasts beside the baseline (tests/calibration.rs).
    #[allow(dead_code)]
    Outside,
}

impl Generated {
    fn name(self) -> &'static str {
        match self {
            Generated::Parameters => "parameters",
            Generated::Calibration => "calibration",
            Generated::Register => "register",
            Generated::Presets => "presets",
            Generated::Outside => "outside",
        }
    }
}

/// The shared method, every pack's.
fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/methodology.md")
}

/// The document a country's generated sections are in: its chapter,
/// docs/countries/<code>/methodology.md.
#[allow(dead_code)]
pub fn document_of(country: &compute_demand_core::data::Country) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!(
        "../../docs/countries/{}/methodology.md",
        country.code
    ))
}

/// The shared method as it is on disk.
#[allow(dead_code)]
pub fn text() -> String {
    std::fs::read_to_string(shared()).expect("docs/methodology.md")
}

/// A country's chapter as it is on disk.
#[allow(dead_code)]
pub fn chapter(country: &compute_demand_core::data::Country) -> String {
    let path = document_of(country);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Checks that the default pack's section `which` holds `content`, or writes it there when
/// `UPDATE_METHODOLOGY` is set.
#[allow(dead_code)]
pub fn replace_generated(which: Generated, content: &str) {
    replace_generated_in(
        &document_of(compute_demand_core::data::Country::first()),
        which,
        content,
    )
}

/// [`replace_generated`] in the document at `document`.
pub fn replace_generated_in(document: &std::path::Path, which: Generated, content: &str) {
    let name = document.display();
    let text = std::fs::read_to_string(document).unwrap_or_else(|e| panic!("{name}: {e}"));
    let start = format!("<!-- generated: {} -->\n", which.name());
    let end = format!("<!-- end of generated: {} -->", which.name());
    let (Some(a), Some(b)) = (text.find(&start), text.find(&end)) else {
        panic!("{name} lacks the markers {start:?} and {end:?}");
    };
    let current = &text[a + start.len()..b];
    if current == content {
        return;
    }
    if std::env::var_os("UPDATE_METHODOLOGY").is_some() {
        let updated = format!("{}{start}{content}{}", &text[..a], &text[b..]);
        std::fs::write(document, updated).unwrap_or_else(|e| panic!("write {name}: {e}"));
    } else {
        let first = current
            .lines()
            .zip(content.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(current.lines().count().min(content.lines().count()));
        panic!(
            "{name}'s generated {} section is stale (first difference at its line \
             {}): rerun this test with UPDATE_METHODOLOGY=1 and read the diff\nnow:   {:?}\nshould be: {:?}",
            which.name(),
            first + 1,
            current.lines().nth(first),
            content.lines().nth(first)
        );
    }
}
