//! SECURITY.md's tables of bad inputs are tests: every row whose input is written out in full
//! (a code span) is decoded here, and its message must read as the table says. A row that
//! describes its input in words ("a name of 121 characters") is checked elsewhere, in
//! tests/codecs.rs and the CLI's tests. An ellipsis (…) in a message stands for any text.

use compute_demand_core::input::{link, scenario_file};

fn security_md() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../SECURITY.md");
    std::fs::read_to_string(path).expect("SECURITY.md")
}

/// The rows of the table under `heading`: for each cell, its code spans when the cell is
/// written out (nothing but code, spaces and "then" between them), else none.
fn table(heading: &str) -> Vec<Vec<Vec<String>>> {
    let text = security_md();
    let start = text.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let rows = text[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2) // header and rule
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(code_spans)
                .collect::<Vec<_>>()
        })
        .collect();
    rows
}

/// The text of each `code span` in a cell, in order; none when the cell also holds words
/// (an input described rather than written out) or an elided input (…).
fn code_spans(cell: &str) -> Vec<String> {
    let pieces: Vec<&str> = cell.split('`').collect();
    let prose_only_joins = pieces
        .iter()
        .step_by(2)
        .all(|text| matches!(text.trim(), "" | "then" | "/"));
    let spans: Vec<String> = pieces
        .iter()
        .skip(1)
        .step_by(2)
        .map(|s| s.to_string())
        .collect();
    if prose_only_joins && !cell.contains("/ `") {
        spans
    } else {
        Vec::new()
    }
}

/// `message` reads as `expected`, where `…` in `expected` stands for any text.
fn reads_as(message: &str, expected: &str) -> bool {
    let mut rest = message;
    for (i, part) in expected.split('…').enumerate() {
        let part = part.trim_end_matches(' ');
        match rest.find(part) {
            Some(at) if i > 0 || at == 0 => rest = &rest[at + part.len()..],
            _ => return false,
        }
    }
    // The whole message, unless the table elides its end.
    rest.trim().is_empty() || expected.ends_with('…')
}

#[test]
fn every_written_out_link_row_reads_as_its_message() {
    let mut checked = 0;
    for row in table("### Share-link fragments") {
        let (inputs, messages) = (&row[0], &row[1]);
        if inputs.len() != 1
            || messages.is_empty()
            || !inputs[0].starts_with('v')
            || inputs[0].contains('…')
        {
            continue;
        }
        let problems: Vec<String> = link::decode(&inputs[0])
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect();
        for expected in messages {
            let expected = format!("link: {expected}");
            assert!(
                problems.iter().any(|p| reads_as(p, &expected)),
                "{}: expected {expected:?}, got {problems:?}",
                inputs[0]
            );
        }
        checked += 1;
    }
    assert!(checked >= 25, "{checked} rows checked");
}

#[test]
fn every_written_out_file_row_reads_as_its_message() {
    let mut checked = 0;
    for row in table("### Scenario files") {
        let (inputs, messages) = (&row[0], &row[1]);
        if inputs.is_empty() || messages.len() != 1 || !messages[0].starts_with("s.toml:") {
            continue;
        }
        // One code span is the whole file; two are its two lines (a section, then a line).
        let text = inputs.join("\n");
        let error = scenario_file::parse(&text, "s.toml")
            .expect_err(&format!("{text:?} should be refused"))
            .to_string();
        assert!(
            reads_as(&error, &messages[0]),
            "{text:?}: expected {:?}, got {error:?}",
            messages[0]
        );
        checked += 1;
    }
    assert!(checked >= 20, "{checked} rows checked");
}
