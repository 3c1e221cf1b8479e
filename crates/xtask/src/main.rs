//! `cargo xtask`: the project's automation, in Rust rather than shell.
//!
//! - `cargo xtask serve` builds the app and serves it at http://127.0.0.1:8080 (`--addr` and
//!   `--prefix` as for `serve-dist`).
//! - `cargo xtask serve-dist [--dir DIR] [--addr HOST:PORT] [--prefix /sub/path/] [--stop-on-eof]`
//!   serves an already-built site (default `dist/`) without building it, and prints
//!   `xtask serve: listening on <url>` on stdout (port 0 picks a free port), then a line per
//!   request. The end-to-end tests and the browser benchmark start the site this way
//!   (tests/e2e/support.mjs): `cargo xtask test` and `cargo xtask bench` give them this very
//!   binary in `XTASK_BIN`; without it they fall back to `cargo run -q -p xtask --`. There is
//!   no other static server in the project.
//! - `cargo xtask test` runs every test: native, WebAssembly in Chromium, the bundle budget,
//!   end-to-end in Chromium, and a short fuzz smoke.
//! - `cargo xtask build` builds the release site into `dist/`, then makes natively what the
//!   app does not carry: the methodology page, the link preview, the prerendered baseline and
//!   the service worker (site.rs; `SITE_URL` makes the preview's address absolute).
//! - `cargo xtask bench` runs the benchmarks behind BENCHMARKS.md; `cargo xtask measure --
//!   PROGRAM ARGS…` prints one program's wall time and peak memory (the benchmark's tool).
//! - `cargo xtask fuzz [--seconds N]` replays the committed corpora and fuzzes each target (a
//!   10-second smoke by default, a campaign with --seconds); `cargo xtask budget` weighs the
//!   built bundle; `cargo xtask csp` rewrites dist/'s policy.
//!
//! A bare `cargo xtask` prints the usage. Each command installs the tools it needs when they
//! are missing and skips those already there; docs/toolchain.md says which versions and why.

mod bindings;
mod first_paint;
mod measure;
mod methodology;
mod offline;
mod prerender;
mod preview;
mod serve;
mod site;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--addr HOST:PORT] [--prefix /sub/path/]
                 build the site and serve it (default http://127.0.0.1:8080/)
  serve-dist [--dir DIR] [--addr HOST:PORT] [--prefix /sub/path/] [--stop-on-eof]
                 serve a built site (default dist/) without building it
  test [--skip-fuzz]
                 every test: native, wasm in Chromium, budget, end to end, fuzz smoke
  build          build the release site into dist/
  bench          the benchmarks behind BENCHMARKS.md
  fuzz [--seconds N]
                 replay every committed fuzz input, then fuzz each target N s (10)
  budget         weigh the built bundle against its budget
  csp            rewrite dist/index.html's Content-Security-Policy";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("serve") => serve_app(&args[1..]),
        Some("serve-dist") => serve::Options::new(root().join("dist"))
            .parse(&args[1..])
            .and_then(|options| serve::serve(&options)),
        Some("build") => build_site().map(|_| ()),
        Some("test") => test(&args[1..]),
        Some("bench") => bench(),
        Some("measure") => measure::measure(&args[1..]),
        Some("csp") => site::csp_command(&root().join("dist")),
        Some("budget") => site::check_budget(&root().join("dist")),
        Some("fuzz") => fuzz_seconds(&args[1..])
            .and_then(|seconds| tools::ensure_fuzz().and_then(|()| fuzz_smoke(seconds))),
        Some(other) => {
            eprintln!("xtask: unknown command `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .expect("crates/xtask sits two levels down")
        .to_path_buf()
}

/// Runs a command to completion, echoing it; fails with its name when it fails.
pub fn run(command: &mut Command) -> Result {
    eprintln!("$ {}", describe(command));
    let status = command
        .status()
        .map_err(|e| format!("{}: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

fn describe(command: &Command) -> String {
    std::iter::once(command.get_program().to_string_lossy().into_owned())
        .chain(command.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn cargo() -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root()).env("PATH", tools::path());
    command
}

fn build_site() -> Result<PathBuf> {
    tools::ensure_web_build()?;
    site::build()
}

fn serve_app(args: &[String]) -> Result {
    if args.iter().any(|a| a == "--dir") {
        return Err(
            "serve builds and serves dist/; to serve another folder, use serve-dist --dir".into(),
        );
    }
    let options = serve::Options::new(root().join("dist")).parse(args)?;
    build_site()?;
    serve::serve(&options)
}

/// This program, for the Node scripts that start the site with `serve-dist`.
/// The CLI that the native tests built, in the `ci` profile: the browser and differential
/// tests call it.
fn ci_cli() -> PathBuf {
    root().join("target/ci/compute-demand")
}

fn xtask_bin() -> Result<PathBuf> {
    std::env::current_exe().map_err(|e| format!("cannot find the xtask binary: {e}"))
}

fn test(args: &[String]) -> Result {
    let skip_fuzz = args.iter().any(|a| a == "--skip-fuzz");
    let mut steps = Steps::new();
    let result = test_steps(&mut steps, skip_fuzz);
    steps.report();
    result?;
    eprintln!("xtask: all tests passed");
    Ok(())
}

/// Every step of `cargo xtask test`, each timed.
fn test_steps(steps: &mut Steps, skip_fuzz: bool) -> Result {
    steps.run("tools", || {
        tools::ensure_web_build()?;
        tools::ensure_browser()
    })?;

    // 1. Formatting, lints, and the native tests of every crate.
    steps.run("format", || {
        run(cargo().args(["fmt", "--all", "--", "--check"]))
    })?;
    // The `ci` profile (Cargo.toml): optimised, with debug assertions and overflow checks,
    // without the release profile's fat LTO of every test binary.
    steps.run("clippy", || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--profile",
            "ci",
            "--",
            "-D",
            "warnings",
        ]))
    })?;
    steps.run("native tests", || {
        run(cargo().args(["test", "--workspace", "--profile", "ci"]))
    })?;

    // 2. Component tests: the web crate compiled to WebAssembly, in headless Chromium.
    steps.run("wasm component tests", || {
        run(cargo()
            .args([
                "test",
                "-p",
                "compute-demand-web",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
    })?;

    // 3. The release site, its security policy and its size budget.
    let dist = steps.run("site build and budget", || {
        let dist = site::build()?;
        site::check_budget(&dist)?;
        Ok(dist)
    })?;

    // 4. End to end: the built site in Debian's Chromium.
    steps.run("end to end", || {
        // Built by the native tests already (the CLI's tests run it); this makes sure.
        run(cargo().args(["build", "--profile", "ci", "-p", "compute-demand-cli"]))?;
        run(Command::new("node")
            .args(["--test", "--test-concurrency=1", "e2e/"])
            .current_dir(root().join("tests"))
            .env("PATH", tools::path())
            .env("SITE_DIR", &dist)
            .env("XTASK_BIN", xtask_bin()?)
            .env("CLI_BIN", ci_cli()))
    })?;

    // 5. The same numbers everywhere: random scenarios natively, in WebAssembly (Node) and
    //    after the share link's round trip.
    steps.run("differential", || {
        build_node_model()?;
        run(Command::new("node")
            .args(["--test", "differential/"])
            .current_dir(root().join("tests"))
            .env("PATH", tools::path())
            .env("NODE_MODEL_DIR", root().join("bench/pkg"))
            .env("CLI_BIN", ci_cli()))
    })?;

    // 6. A bounded fuzz smoke over every target.
    if !skip_fuzz {
        steps.run("fuzz smoke", || {
            tools::ensure_fuzz()?;
            fuzz_smoke(FUZZ_SMOKE_SECONDS)
        })?;
    }
    Ok(())
}

/// The steps of a run with their times: printed as each ends, and all of them with the total
/// at the end, passed or not.
struct Steps {
    started: std::time::Instant,
    done: Vec<(&'static str, std::time::Duration)>,
}

impl Steps {
    fn new() -> Steps {
        Steps {
            started: std::time::Instant::now(),
            done: Vec::new(),
        }
    }

    fn run<T>(&mut self, name: &'static str, step: impl FnOnce() -> Result<T>) -> Result<T> {
        let start = std::time::Instant::now();
        let result = step();
        let took = start.elapsed();
        eprintln!("xtask: {name}: {:.0} s", took.as_secs_f64());
        self.done.push((name, took));
        result
    }

    fn report(&self) {
        eprintln!("xtask: steps");
        for (name, took) in &self.done {
            eprintln!("  {name:<24} {:>6.0} s", took.as_secs_f64());
        }
        let total = self.started.elapsed().as_secs_f64();
        eprintln!("  {:<24} {total:>6.0} s ({:.1} min)", "total", total / 60.0);
    }
}

/// Seconds per fuzz target in the smoke: about 30 s in all.
const FUZZ_SMOKE_SECONDS: u32 = 10;

/// `cargo xtask fuzz [--seconds N]`: the smoke's length per target, or a campaign's.
fn fuzz_seconds(args: &[String]) -> Result<u32> {
    match args {
        [] => Ok(FUZZ_SMOKE_SECONDS),
        [flag, n] if flag == "--seconds" => n
            .parse()
            .map_err(|_| format!("--seconds takes a whole number, not '{n}'")),
        _ => Err("usage: cargo xtask fuzz [--seconds N]".to_string()),
    }
}

fn fuzz_smoke(seconds: u32) -> Result {
    let fuzz = root().join("fuzz");
    for target in FUZZ_TARGETS {
        let corpus = fuzz.join("corpus").join(target);
        // Every committed input once, the past reproducers among them: a crash fails here
        // whatever the smoke finds after.
        run(fuzz_run(&fuzz, target).arg(&corpus).args(["--", "-runs=0"]))?;
        // New inputs go to a scratch directory (libFuzzer writes to the first one); the
        // committed seed corpus is only read.
        let scratch = fuzz.join("target/smoke-corpus").join(target);
        std::fs::create_dir_all(&scratch).map_err(|e| e.to_string())?;
        run(fuzz_run(&fuzz, target).arg(&scratch).arg(&corpus).args([
            "--",
            &format!("-max_total_time={seconds}"),
            "-rss_limit_mb=2048",
        ]))?;
    }
    Ok(())
}

/// The fuzz targets, each with a committed corpus in fuzz/corpus/<target>.
const FUZZ_TARGETS: [&str; 4] = ["fragment", "scenario_file", "model", "decimal"];

/// `cargo fuzz run <target>` in fuzz/, on stable through RUSTC_BOOTSTRAP, as SECURITY.md's
/// campaigns run it: optimised with debug assertions and overflow checks (`-a`: `--release`
/// alone drops them); without AddressSanitizer (the code under test has no `unsafe`) and
/// without tracing comparisons (most of them are the model's arithmetic; SECURITY.md measures
/// the targets 1.5–3× faster with more coverage in the same time).
fn fuzz_run(fuzz: &Path, target: &str) -> Command {
    let mut command = cargo();
    command
        .current_dir(fuzz)
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", fuzz.join("target"))
        .args(["fuzz", "run", target, "--release", "--debug-assertions"])
        .args(["--sanitizer", "none", "--no-trace-compares"]);
    command
}

fn bench() -> Result {
    run(cargo().args(["bench", "-p", "compute-demand-core", "--bench", "model"]))?;
    let dist = build_site()?;
    // The bundle, weighed as `cargo xtask budget` weighs it (and held to its budget).
    site::check_budget(&dist)?;
    tools::ensure_browser()?;
    tools::ensure_bench_packages()?;
    run(Command::new("node")
        .arg("browser.mjs")
        .current_dir(root().join("bench"))
        .env("PATH", tools::path())
        .env("SITE_DIR", &dist)
        .env("XTASK_BIN", xtask_bin()?))?;
    build_node_model()?;
    // The whole model against Squiggle's toy: the release CLI, weighed by `xtask measure`.
    run(cargo().args(["build", "--release", "-p", "compute-demand-cli"]))?;
    run(Command::new("node")
        .arg("squiggle.mjs")
        .current_dir(root().join("bench"))
        .env("PATH", tools::path())
        .env("XTASK_BIN", xtask_bin()?)
        .env("CLI_BIN", root().join("target/release/compute-demand")))
}

/// The Squiggle comparison's model, compiled to WebAssembly for Node (bench/pkg).
fn build_node_model() -> Result {
    run(cargo().args([
        "build",
        "--release",
        "-p",
        "compute-demand-node",
        "--target",
        "wasm32-unknown-unknown",
    ]))?;
    let wasm = root().join("target/wasm32-unknown-unknown/release/compute_demand_node.wasm");
    let pkg = root().join("bench/pkg");
    run(Command::new("wasm-bindgen")
        .env("PATH", tools::path())
        .args(["--target", "nodejs", "--out-dir"])
        .arg(&pkg)
        .arg(&wasm))?;
    let bg = pkg.join("compute_demand_node_bg.wasm");
    run(Command::new("wasm-opt")
        .env("PATH", tools::path())
        .arg("-O3")
        .args(site::WASM_FEATURES)
        .arg(&bg)
        .arg("-o")
        .arg(&bg))
}
