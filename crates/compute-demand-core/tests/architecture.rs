//! Architecture invariants that a grep can keep (ARCHITECTURE.md names each): what the core
//! may import, which web module may touch the browser, what components take, and how long a
//! function may run. Reads the workspace's sources as text; no build knowledge needed.

// Tests are not in the bundle: std's sorts are fine here (clippy.toml refuses them in the code).
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                out.push((path, text));
            }
        }
    }
    out.sort();
    out
}

/// The lines of code, without `//` comments, so that prose may name what code may not use.
fn code(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn core_src() -> PathBuf {
    workspace().join("crates/compute-demand-core/src")
}

#[test]
fn the_core_is_pure() {
    let forbidden = [
        "std::fs",
        "std::net",
        "std::time",
        "std::env",
        "std::process",
        "std::thread",
        "web_sys",
        "js_sys",
        "getrandom",
        "thread_rng",
    ];
    for (path, text) in sources(&core_src()) {
        let code = code(&text);
        for word in forbidden {
            assert!(!code.contains(word), "{} uses {word}", path.display());
        }
    }
}

#[test]
fn the_model_and_the_simulator_never_import_from_output_or_input_codecs() {
    for folder in ["model", "sim"] {
        for (path, text) in sources(&core_src().join(folder)) {
            let code = code(&text);
            for word in ["crate::output", "input::link", "input::scenario_file"] {
                assert!(!code.contains(word), "{} imports {word}", path.display());
            }
        }
    }
}

#[test]
fn only_browser_rs_touches_the_browser() {
    let web = workspace().join("crates/compute-demand-web/src");
    for (path, text) in sources(&web) {
        if path.ends_with("browser.rs") {
            continue;
        }
        let code = code(&text);
        for word in [
            "window()",
            "document()",
            "local_storage",
            "web_sys::window",
            "gloo_file",
            "gloo_net",
            "gloo_storage",
        ] {
            assert!(!code.contains(word), "{} calls {word}", path.display());
        }
    }
}

#[test]
fn components_take_callbacks_not_the_dispatcher() {
    let components = workspace().join("crates/compute-demand-web/src/components");
    for (path, text) in sources(&components) {
        let code = code(&text);
        for word in ["UseReducerDispatcher", "dispatcher()", "Action::"] {
            assert!(!code.contains(word), "{} uses {word}", path.display());
        }
    }
}

/// The lengths of the functions in `text`: from a line whose code starts a `fn` to the line
/// that closes it at the same indentation.
fn function_lengths(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "const fn ",
            "pub const fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p));
        if !is_fn || trimmed.ends_with(';') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let close = format!("{}}}", " ".repeat(indent));
        if let Some(end) = lines[start..].iter().position(|l| *l == close) {
            let name = trimmed.split('(').next().unwrap_or(trimmed).to_string();
            out.push((name, end + 1));
        }
    }
    out
}

/// About 100 lines at most, except the model's per-draw loop, which is kept whole so that the
/// compiler sees one straight pass per draw.
#[test]
fn no_function_runs_past_about_a_hundred_lines() {
    const LIMIT: usize = 110;
    let exempt = ["pub fn project_into"];
    let mut long = Vec::new();
    for crate_dir in [
        "compute-demand-core",
        "compute-demand-cli",
        "compute-demand-web",
        "xtask",
    ] {
        let src = workspace().join("crates").join(crate_dir).join("src");
        for (path, text) in sources(&src) {
            for (name, length) in function_lengths(&text) {
                if length > LIMIT && !exempt.iter().any(|e| name.starts_with(e)) {
                    long.push(format!("{}: {name} ({length} lines)", path.display()));
                }
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {LIMIT} lines:\n{}",
        long.join("\n")
    );
}
