//! The compute-demand web app: a Yew single-page app over the core model. Only this crate
//! knows the browser (see ARCHITECTURE.md).

// The size rules of clippy.toml hold the code the bundle carries; unit tests may use std's
// sorts and Unicode tables as references.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

/// Talc, not std's dlmalloc: 1.8 kB smaller in the bundle, and no slower here (BENCHMARKS.md §4).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod browser;
pub mod cite;
pub mod components;
pub mod compute;
pub mod export;
pub mod french;
pub mod geometry;
pub mod hooks;
pub mod i18n;
pub mod messages;
pub mod sources;
pub mod state;

/// Mounts the app on `#app`. (`#app` may hold the baseline's answer rendered at build time:
/// the app replaces it, see `browser::app_root`. A crash is a trap, shown by web/index.html.)
pub fn start() {
    // The first render (the scenario's decoding, the first run's first part, every component
    // drawn) is measured for bench/browser.mjs.
    browser::measured("compute-demand:start", || match browser::app_root() {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    });
}

/// This crate's sources, each with its path under `src/` and its text: for the tests that
/// read the code (its layers; every English looked up has its French).
#[cfg(test)]
pub(crate) fn crate_sources() -> Vec<(String, String)> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(&src)
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                found.push((relative, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    found
}

/// The modules form layers, each using only those below it (issue 26: there was a cycle
/// through french, i18n, messages and state). ARCHITECTURE.md draws them.
#[cfg(test)]
mod layers {
    /// Bottom first: a module uses modules of the layers below its own, never of its own.
    const LAYERS: &[&[&str]] = &[
        &["french", "geometry", "sources", "compute"],
        &["i18n", "browser"],
        &["messages", "export"],
        &["cite", "state"],
        &["hooks", "components"],
        &["app"],
    ];

    fn layer(module: &str) -> Option<usize> {
        LAYERS.iter().position(|layer| layer.contains(&module))
    }

    /// The `crate::…` modules `text` uses, outside comments and its test module.
    fn uses(text: &str) -> Vec<String> {
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
        let mut found = Vec::new();
        for line in code.lines() {
            let line = line.split("//").next().unwrap_or("");
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                found.push(name);
            }
        }
        found
    }

    #[test]
    fn every_module_uses_only_the_layers_below_it() {
        let mut checked = 0;
        for (relative, text) in super::crate_sources() {
            let module = relative.split(['/', '.']).next().unwrap().to_string();
            if matches!(module.as_str(), "lib" | "main") || relative.ends_with("tests.rs") {
                continue;
            }
            let own = layer(&module).unwrap_or_else(|| panic!("{module}: in no layer"));
            for used in uses(&text) {
                if used == module {
                    continue;
                }
                let theirs = layer(&used).unwrap_or_else(|| panic!("{used}: in no layer"));
                assert!(
                    theirs < own,
                    "{relative} uses crate::{used}, which is not below it"
                );
                checked += 1;
            }
        }
        assert!(
            checked > 50,
            "only {checked} uses found: is the scan still right?"
        );
    }
}
