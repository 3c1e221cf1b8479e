//! The tools the build and the tests need, installed when missing. Which versions work, and
//! why these, is in docs/toolchain.md.

use crate::{root, run, Result};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// PATH with cargo's bin directory and the project's node tools first.
pub fn path() -> String {
    let mut dirs = vec![root().join("tests/node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    let existing = std::env::var_os("PATH").unwrap_or_default();
    let mut all: Vec<PathBuf> = dirs;
    all.extend(std::env::split_paths(&existing));
    std::env::join_paths(all)
        .expect("PATH entries")
        .to_string_lossy()
        .into_owned()
}

/// The first line a tool prints for `--version`, if it runs.
fn version_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .env("PATH", path())
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    })
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".to_string())
}

/// `cargo install`, compiled for the build's time rather than the tool's speed: these tools
/// orchestrate (Trunk calls cargo, wasm-bindgen and wasm-opt) or run briefly, and Trunk's own
/// release profile (fat LTO, one codegen unit) made its compile ≈7.5 of a fresh machine's
/// minutes. Without LTO, with 16 codegen units at opt-level 1 (BENCHMARKS.md §6).
fn cargo_install(args: &[&str]) -> Result {
    run(Command::new("cargo")
        .arg("install")
        .args(args)
        .env("PATH", path())
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false"))
}

/// `rustup <kind> add <name>` unless `rustup <kind> list --installed` lists it: a target or a
/// component.
fn ensure_rustup(kind: &str, name: &str) -> Result {
    let installed = Command::new("rustup")
        .args([kind, "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line == name)
    {
        return Ok(());
    }
    run(Command::new("rustup").args([kind, "add", name]))
}

/// Everything `trunk build` needs: the wasm target, the standard library's source, Trunk, the
/// wasm-bindgen CLI, wasm-opt.
pub fn ensure_web_build() -> Result {
    ensure_rustup("target", "wasm32-unknown-unknown")?;
    // The release bundle builds the standard library itself (see `site::trunk_build`); without
    // its source the build falls back to the prebuilt one, larger, and says so.
    if let Err(e) = ensure_rustup("component", "rust-src") {
        eprintln!(
            "xtask: warning: no rust-src ({e}); the bundle will use the prebuilt standard library"
        );
    }
    if version_of("trunk", &["--version"]).as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        cargo_install(&["--locked", &format!("trunk@{TRUNK_VERSION}")])?;
    }
    let bindgen = locked_wasm_bindgen()?;
    if version_of("wasm-bindgen", &["--version"]).as_deref()
        != Some(&format!("wasm-bindgen {bindgen}"))
    {
        // Without --locked: the CLI's own lock pins a version the registry here lacked.
        cargo_install(&["--force", &format!("wasm-bindgen-cli@{bindgen}")])?;
    }
    ensure_node_packages()
}

/// playwright-core, binaryen (wasm-opt) and esbuild, from tests/package-lock.json.
pub fn ensure_node_packages() -> Result {
    let tests = root().join("tests");
    let ready = tests.join("node_modules/.bin/wasm-opt").exists()
        && tests.join("node_modules/.bin/esbuild").exists()
        && tests
            .join("node_modules/playwright-core/package.json")
            .exists();
    if !ready {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&tests))?;
    }
    Ok(())
}

pub fn ensure_bench_packages() -> Result {
    let bench = root().join("bench");
    if !bench
        .join("node_modules/@quri/squiggle-lang/package.json")
        .exists()
    {
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&bench))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver (a downloaded browser does not work here).
pub fn ensure_browser() -> Result {
    if PathBuf::from(CHROMIUM).exists() && PathBuf::from(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let apt = |args: &[&str]| {
        let as_root = Command::new("id")
            .arg("-u")
            .output()
            .map(|o| o.stdout == b"0\n")
            .unwrap_or(false);
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update"])?;
    apt(&[
        "install",
        "-y",
        "--no-install-recommends",
        "chromium",
        "chromium-driver",
    ])
}

pub fn ensure_fuzz() -> Result {
    if version_of("cargo", &["fuzz", "--version"]).is_none_or(|v| !v.contains(CARGO_FUZZ_VERSION)) {
        cargo_install(&["--locked", &format!("cargo-fuzz@{CARGO_FUZZ_VERSION}")])?;
    }
    Ok(())
}
