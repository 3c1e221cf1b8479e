//! SECURITY.md's table of bad command lines is a test: every row whose command is written out
//! in full (no file paths, no elision) is run, and its first stderr line must read as the
//! table says (… stands for any text). Errors exit non-zero; notes exit 0.

use std::process::Command;

/// (the arguments, the expected first line of stderr)
fn rows() -> Vec<(Vec<String>, String)> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../SECURITY.md"))
        .expect("SECURITY.md");
    let start = text.find("### CLI").expect("a CLI table");
    text[start..]
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .filter_map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            let input = cells.first()?.trim();
            let message = cells.get(1)?.trim();
            let command = input.strip_prefix('`')?.strip_suffix('`')?;
            let expected = message.strip_prefix('`')?.split('`').next()?;
            let written_out = !command.contains(['…', '`', '/']) && !command.contains(".toml")
                || command.contains("#v1");
            written_out.then(|| (split(command), expected.to_string()))
        })
        .collect()
}

/// Words, with '…' quoting as a shell reads it.
fn split(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn reads_as(message: &str, expected: &str) -> bool {
    let mut rest = message;
    for (i, part) in expected.split('…').enumerate() {
        match rest.find(part) {
            Some(at) if i > 0 || at == 0 => rest = &rest[at + part.len()..],
            _ => return false,
        }
    }
    // The whole message, unless the table elides its end.
    rest.trim().is_empty() || expected.ends_with('…')
}

#[test]
fn every_written_out_command_reads_as_its_message() {
    let rows = rows();
    assert!(rows.len() >= 25, "{} rows", rows.len());
    for (args, expected) in rows {
        let out = Command::new(env!("CARGO_BIN_EXE_compute-demand"))
            .args(&args)
            .output()
            .expect("run compute-demand");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            reads_as(first, &expected),
            "{args:?}\n got: {first}\nwant: {expected}"
        );
        let is_note = expected.starts_with("compute-demand: note:");
        assert_eq!(
            out.status.success(),
            is_note,
            "{args:?}: exit {:?}",
            out.status
        );
    }
}
