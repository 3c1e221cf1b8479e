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

/// The core's layers, lowest first: a file in one may name its own layer and those before
/// it, never one after. `keyed` and `short_sort` are helpers below everything; `terms` is the
/// ground floor (years, `Dist`, `Sampling`, `Lang`, `ChartId`, notation, the data rules);
/// then the shipped data, the metrics, the model, the published forecasts, what comes in
/// (the scenario and its codecs), the simulator that runs a scenario, and what goes out.
const LAYERS: [&str; 10] = [
    "keyed",
    "short_sort",
    "terms",
    "data",
    "metric",
    "model",
    "outside",
    "input",
    "sim",
    "output",
];

/// The code without unit-test modules (`#[cfg(test)] mod … { … }`): tests may use the whole
/// crate, and are not in what the layers build.
fn without_test_modules(code: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let next = lines.get(i + 1).map_or("", |l| l.trim_start());
        if lines[i].trim() == "#[cfg(test)]" && next.starts_with("mod ") && next.ends_with('{') {
            let indent = lines[i + 1].len() - next.len();
            let close = format!("{}}}", " ".repeat(indent));
            i += 2;
            while i < lines.len() && lines[i] != close {
                i += 1;
            }
        } else {
            out.push(lines[i]);
        }
        i += 1;
    }
    out.join("\n")
}

fn identifier(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The items of a `{ … }` group at its top level (`a::b, c, d::{e, f}` → `a::b`, `c`, `d::{…}`).
fn group_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 1);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                items.push(text[start..i].trim());
                start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    items.retain(|item| !item.is_empty());
    items
}

/// What the crate root re-exports, by name, and the layer each comes from (`pub use sim::…`).
fn root_names(lib: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for statement in code(lib).split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let layer = identifier(path).to_string();
        let tail = path.rsplit("::").next().unwrap_or(path);
        let names = match path.find('{') {
            Some(at) => group_items(&path[at..]),
            None => vec![tail],
        };
        for name in names {
            let name = name.rsplit(" as ").next().unwrap_or(name);
            let name = name.rsplit("::").next().unwrap_or(name);
            out.push((identifier(name.trim()).to_string(), layer.clone()));
        }
    }
    out
}

/// The layers a file's code names, each with the text that names it: `crate::x…`,
/// `super::super::x…` (resolved from the file's module path), every item of `crate::{…}`, and
/// `crate::Name` re-exported at the root from layer x. A name the root does not re-export from
/// a layer gives `?name`, so that nothing slips past the table.
fn layers_named(module: &[&str], code: &str, roots: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find(['c', 's']) {
        let start = at + found;
        at = start + 1;
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &code[start..];
        let base: Vec<&str> = if let Some(after) = rest.strip_prefix("crate::") {
            rest = after;
            Vec::new()
        } else if rest.starts_with("super::") {
            let mut base = module.to_vec();
            while let Some(after) = rest.strip_prefix("super::") {
                base.pop();
                rest = after;
            }
            base
        } else {
            continue;
        };
        let items = if rest.starts_with('{') {
            group_items(rest)
        } else {
            vec![rest]
        };
        for item in items {
            let name = identifier(item);
            let layer = match base.first() {
                Some(layer) => layer.to_string(),
                None if LAYERS.contains(&name) => name.to_string(),
                None => roots
                    .iter()
                    .find(|(root, _)| root == name)
                    .map_or(format!("?{name}"), |(_, layer)| layer.clone()),
            };
            let shown = format!("{}{item}", &code[start..code.len() - rest.len()]);
            out.push((layer, shown.lines().next().unwrap_or("").to_string()));
        }
    }
    out
}

/// Every place in the core's sources where a layer names one above it (or a name the table
/// cannot place), as `file: text`.
fn backward_imports(files: &[(PathBuf, String)], lib: &str) -> Vec<String> {
    let roots = root_names(lib);
    let mut wrong = Vec::new();
    for (path, text) in files {
        let relative = path.strip_prefix(core_src()).unwrap_or(path);
        let mut module: Vec<&str> = relative
            .iter()
            .map(|part| part.to_str().unwrap_or("").trim_end_matches(".rs"))
            .collect();
        if module.last() == Some(&"mod") {
            module.pop();
        }
        if module == ["lib"] {
            continue;
        }
        let Some(own) = LAYERS.iter().position(|layer| *layer == module[0]) else {
            wrong.push(format!(
                "{}: a folder the layer table does not list",
                path.display()
            ));
            continue;
        };
        let code = without_test_modules(&code(text));
        for (layer, shown) in layers_named(&module, &code, &roots) {
            match LAYERS.iter().position(|l| *l == layer) {
                Some(named) if named <= own => {}
                _ => wrong.push(format!("{}: {shown}", path.display())),
            }
        }
    }
    wrong
}

#[test]
fn the_core_s_layers_import_in_one_direction() {
    let lib = std::fs::read_to_string(core_src().join("lib.rs")).unwrap();
    let wrong = backward_imports(&sources(&core_src()), &lib);
    assert!(
        wrong.is_empty(),
        "imports against the layer order {LAYERS:?}:\n{}",
        wrong.join("\n")
    );
}

/// The check itself, on made-up files: each way of naming a higher layer is caught.
#[test]
fn the_layer_check_catches_every_way_of_importing_upward() {
    let lib = "pub use input::scenario::Scenario;\npub use terms::{years, Dist};\n";
    let file = |name: &str, text: &str| (core_src().join(name), text.to_string());
    let clean = [
        file("model/a.rs", "use crate::data::X;\nuse crate::{terms, Dist};\nuse super::b::Y;\nfn f() { crate::years(); }"),
        file("sim/a.rs", "use crate::input::scenario::Scenario;\nuse crate::Scenario;"),
        file("model/b.rs", "#[cfg(test)]\nmod tests {\n    use crate::input::scenario::Scenario;\n}"),
    ];
    assert_eq!(backward_imports(&clean, lib), Vec::<String>::new());
    let upward = [
        file("model/a.rs", "use crate::sim::X;"),
        file("model/b.rs", "use crate::{data::X, input::{a, b}};"),
        file("model/c.rs", "use super::super::output::Y;"),
        file("model/d.rs", "fn f(s: &crate::Scenario) {}"),
        file("terms/mod.rs", "use super::data::P;"),
        file("data.rs", "let x = crate::Unplaced;"),
        file("extra/a.rs", ""),
    ];
    let wrong = backward_imports(&upward, lib);
    assert_eq!(wrong.len(), upward.len(), "{wrong:#?}");
}

#[test]
fn only_browser_rs_touches_the_browser() {
    // The app's `browser.rs`, and the outcome views' `page.rs` (their module's side of the
    // page); the views' markup and readings stay pure.
    let web = workspace().join("crates/compute-demand-web/src");
    let views = workspace().join("crates/compute-demand-views/src");
    let all = sources(&web).into_iter().chain(sources(&views));
    for (path, text) in all {
        if path.ends_with("browser.rs") || path.ends_with("compute-demand-views/src/page.rs") {
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
        "compute-demand-views",
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
