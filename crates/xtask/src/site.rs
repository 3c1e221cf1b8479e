//! The release site: Trunk's build, then what build time makes natively (the methodology page,
//! the link preview, the manifest, the prerendered baseline in index.html, the service worker),
//! a Content-Security-Policy that allows exactly the inline scripts index.html holds, and the
//! size budget. Nothing made here goes into the WebAssembly bundle.

use crate::tools::path;
use crate::{first_paint, methodology, offline, prerender, preview};
use crate::{root, run, Result};
use base64::Engine as _;
use compute_demand_core::data::COUNTRIES;
use compute_demand_core::output::format::Lang;
use sha2::{Digest, Sha256, Sha384};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The WebAssembly features rustc's output uses, which wasm-opt must be told about
/// (docs/toolchain.md); web/index.html passes the same to Trunk.
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Gzipped wasm + JavaScript of the release build, bytes, read strictly. It was 200 kB; the
/// model of issue 9, correlations (issue 14), then explain, compare, the register (issue 11),
/// and chart downloads, embeds and citations (issue 12) took it to 290 kB, and the core built
/// at opt-level "s" for full-sample drags (issue 13) to 303 kB; ASCII upper-casing (no case
/// tables) and exports holding their figures brought it to 298.7 kB. Then (issue 13): the
/// standard library rebuilt with panics as traps (−21 kB), the core back at "z" with a hot
/// loop "z" inlines (−11 kB), short lists sorted by insertion (−4.6 kB), the core's own
/// decimal parser (−12 kB), the library's size-optimised variants (−3.5 kB) and no Unicode
/// letter tables (−1.9 kB), the JavaScript glue minified (−1.4 kB): 241.7 kB. Then numbers
/// written from Ryū's digits and a short list of hidden characters (−6.1 kB), and the French
/// fetched only by a page in French (`french-….txt`, −6.3 kB): 229.3 kB, within the 225 KiB
/// (230,400 bytes) issue 13 allowed. Issue 24's model (five more figures, two more segments,
/// demand from abroad, the floor) and its sources (every parameter's, longer where the
/// arithmetic is now written out) brought it to 234.5 kB, and issue 25's screen (explain's
/// values and pinned steps, a broken link in plain words, the register's factors, the
/// add-supply form's checks) over 240 kB. Out again: the parameters' source texts and
/// addresses, the projects' sites and addresses and the correlations' rationales, fetched
/// after the first render (`sources-….txt`), the GPU catalog's unused sources, and the
/// scenario file's keys kept in a list rather than a B-tree: 243.6 → 239.0 kB for the last
/// three, under issue 26's ceiling of 240,000 bytes; wasm-opt's `--low-memory-unused` took
/// 0.9 kB more. BENCHMARKS.md §4 says what each kilobyte bought; this check holds the ceiling.
pub const BUDGET_GZIP_BYTES: usize = 240_000;

pub fn build() -> Result<PathBuf> {
    let dist = root().join("dist");
    // The bundle includes the interface's French as a file kept beside its texts
    // (`compute_demand_web::french::FILE`): a text edited since is written into it first.
    if compute_demand_web::i18n::fr::refresh_file().map_err(|e| {
        format!(
            "{}: {e}",
            compute_demand_web::i18n::fr::file_path().display()
        )
    })? {
        eprintln!(
            "xtask: the French texts changed: {} rewritten",
            compute_demand_web::i18n::fr::file_path().display()
        );
    }
    let marker = dist.join(PREBUILT_STD_MARKER);
    // The size tricks rest on unstable flags of this very toolchain: when they fail (a
    // toolchain that renamed them, no rust-src), the plain build still makes a working site,
    // larger, and the budget check reports it instead of failing on it.
    let tricks = fetch_std_dependencies().and_then(|()| run(&mut trunk_build()));
    let tricks = match tricks {
        Ok(()) => true,
        Err(e) => {
            eprintln!(
                "xtask: warning: the size-optimised build failed ({e}); building with the \
                 prebuilt standard library: a working site, over the size budget"
            );
            run(&mut trunk_plain_build())?;
            std::fs::write(&marker, "the prebuilt standard library: see site::build\n")
                .map_err(|e| format!("{}: {e}", marker.display()))?;
            false
        }
    };
    let views = build_views(&dist, tricks)?;
    finish(&dist, &views)?;
    Ok(dist)
}

/// The file names of the outcome views' module start with this: [`check_budget`] weighs it
/// apart from the bundle, which it does not delay (the page imports it once its results are
/// drawn).
pub const VIEWS_STEM: &str = "views-";

/// Builds the outcome views (`crates/compute-demand-views`) as a second WebAssembly module,
/// as Trunk builds the bundle (the same profile, and the same standard-library tricks when
/// they worked for the bundle), bound with wasm-bindgen for `import()` and shrunk by
/// wasm-opt, into dist/ as `views-DIGEST.js` and `views-DIGEST_bg.wasm`. Returns the
/// JavaScript's name, which [`finish`] writes into the page.
fn build_views(dist: &Path, tricks: bool) -> Result<String> {
    let mut cargo = Command::new("cargo");
    cargo
        .args([
            "build",
            "--lib",
            "-p",
            "compute-demand-views",
            "--profile",
            "release-web",
        ])
        .args(["--target", "wasm32-unknown-unknown"])
        .current_dir(root())
        .env("PATH", path());
    if tricks {
        for (key, value) in size_tricks() {
            cargo.env(key, value);
        }
    }
    run(&mut cargo)?;
    let built = root().join("target/wasm32-unknown-unknown/release-web/compute_demand_views.wasm");
    let bound = root().join("target/views-bound");
    let _ = std::fs::remove_dir_all(&bound);
    run(Command::new("wasm-bindgen")
        .env("PATH", path())
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "views",
            "--out-dir",
        ])
        .arg(&bound)
        .arg(&built))?;
    let wasm = bound.join("views_bg.wasm");
    run(Command::new("wasm-opt")
        .env("PATH", path())
        .args(["-Oz", "--converge", "--low-memory-unused"])
        .args(WASM_FEATURES)
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm))?;
    let glue = bound.join("views.js");
    minify_js(&glue)?;
    shorten_bindings(&wasm, &glue)?;
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let (wasm_bytes, glue_text) = (
        read(&wasm)?,
        String::from_utf8_lossy(&read(&glue)?).into_owned(),
    );
    let mut digest = Sha256::new();
    digest.update(&wasm_bytes);
    digest.update(glue_text.as_bytes());
    let stem = format!("{VIEWS_STEM}{}", offline::short_hex(&digest.finalize()));
    if !glue_text.contains("views_bg.wasm") {
        return Err("the views' glue does not name views_bg.wasm".into());
    }
    let glue_text = glue_text.replace("views_bg.wasm", &format!("{stem}_bg.wasm"));
    let write = |name: String, bytes: &[u8]| {
        let path = dist.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(format!("{stem}_bg.wasm"), &wasm_bytes)?;
    write(format!("{stem}.js"), glue_text.as_bytes())?;
    Ok(format!("{stem}.js"))
}

/// Written into dist/ when the bundle was built without the size tricks (see [`build`]).
pub const PREBUILT_STD_MARKER: &str = ".prebuilt-std";

/// `trunk build --release` on the stable toolchain alone: the fallback of [`build`].
fn trunk_plain_build() -> Command {
    let mut trunk = Command::new("trunk");
    trunk
        .args(["build", "--release"])
        .current_dir(root())
        .env("PATH", path());
    trunk
}

/// `trunk build --release`, with the standard library rebuilt for the bundle: at the release
/// profile's size optimisation, with its `optimize_for_size` variants (smaller sorts and
/// formatting), and with `panic = "immediate-abort"`, so that a panic is a trap without the
/// formatting and unwinding machinery behind panic messages (25 kB gzipped in all;
/// BENCHMARKS.md §4). These are unstable, hence `RUSTC_BOOTSTRAP`, confined to this build;
/// `rust-src` is the library's source (tools::ensure_web_build). A trap in the page shows
/// the crash banner that the script in web/index.html's <head> draws.
fn trunk_build() -> Command {
    let mut trunk = Command::new("trunk");
    trunk
        .args(["build", "--release"])
        .current_dir(root())
        .env("PATH", path());
    for (key, value) in size_tricks() {
        trunk.env(key, value);
    }
    trunk
}

/// The environment of [`trunk_build`]'s unstable size tricks, for the views' module too.
fn size_tricks() -> [(&'static str, &'static str); 4] {
    [
        ("RUSTC_BOOTSTRAP", "1"),
        ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
        ("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size"),
        (
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort",
        ),
    ]
}

/// Downloads the crates the standard library's own build needs (its lock file is rust-src's):
/// Trunk runs cargo offline (`offline = true` in Trunk.toml, so that it downloads no tools),
/// and on a fresh machine nothing else would have fetched them.
fn fetch_std_dependencies() -> Result {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("rustc: {e}"))?;
    let sysroot = String::from_utf8_lossy(&sysroot.stdout).trim().to_string();
    let library = Path::new(&sysroot).join("lib/rustlib/src/rust/library/Cargo.toml");
    run(Command::new("cargo")
        .arg("fetch")
        .arg("--manifest-path")
        .arg(&library)
        .env("RUSTC_BOOTSTRAP", "1"))
}

/// Everything after Trunk, in dist/: the service worker last, since it lists every file.
pub fn finish(dist: &Path, views: &str) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = minify_glue(dist, &html)?;
    let html = name_in_page(&html, "views", views)?;
    let html = write_sources(dist, &html)?;
    let site_url = first_paint::site_url()?;

    eprintln!("xtask: rendering the baseline ({} draws)", {
        compute_demand_core::Sampling::default().samples
    });
    let baseline = prerender::Baseline::compute()?;
    write_methodology(dist, &stylesheet(&html)?, &baseline)?;
    preview::write(dist, &baseline)?;
    offline::write_manifest(dist)?;
    let html = first_paint::rewrite(
        &html,
        &prerender::app_markup(&baseline),
        site_url.as_deref(),
    )?;
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    apply_csp(dist)?;
    offline::write_service_worker(dist)
}

/// The methodology pages: for each pack, the shared method (docs/methodology.md) followed by
/// its chapter (docs/countries/<code>/methodology.md), and the default pack's French summary
/// (docs/methodology.fr.md); a summary whose figures are not the default pack's baseline's is
/// reported (`cargo test -p xtask` fails).
fn write_methodology(dist: &Path, stylesheet: &str, baseline: &prerender::Baseline) -> Result {
    let read = |name: &str| {
        let path = root().join("docs").join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let (method, french) = (read("methodology.md")?, read("methodology.fr.md")?);
    let mut chapters = Vec::new();
    for country in &COUNTRIES {
        let chapter = read(&methodology::chapter_path(country))?;
        chapters.push((country, chapter));
    }
    let default_chapter = &chapters
        .iter()
        .find(|(country, _)| country.is_default())
        .ok_or("no default pack")?
        .1;
    for (lang, markdown) in [(Lang::En, default_chapter), (Lang::Fr, &french)] {
        let figures = methodology::summary_figures(&baseline.shown, lang);
        let stale = methodology::stale_figures(markdown, &figures);
        if !stale.is_empty() {
            eprintln!(
                "xtask: warning: the methodology's {} summary lacks the baseline's {stale:?} \
                 (it should quote {figures:?})",
                lang.code()
            );
        }
    }
    methodology::write(dist, &method, &chapters, &french, stylesheet)
}

/// Writes the parameters' source texts beside the bundle, named by their digest, and names
/// the file in the page (`<meta name="compute-demand:sources">`): the app fetches it after its
/// first render, in either language (`compute_demand_web::sources`). Returns the page.
fn write_sources(dist: &Path, html: &str) -> Result<String> {
    let file = sources_file()?;
    write_beside(dist, html, "sources", &file)
}

/// The source texts' file, as the app reads it back.
pub fn sources_file() -> Result<String> {
    let forecasts: Vec<_> = compute_demand_core::data::COUNTRIES
        .iter()
        .map(compute_demand_web::components::charts::drawn_forecasts)
        .collect();
    let file = compute_demand_web::sources::Sources::written(&forecasts);
    let leaked: &'static str = Box::leak(file.clone().into_boxed_str());
    compute_demand_web::sources::Sources::parse(leaked)
        .map_err(|e| format!("the parameters' source texts: {e}"))?;
    Ok(file)
}

/// Writes `file` into dist/ as `STEM-DIGEST.txt` and names it in the page, `<meta
/// name="compute-demand:STEM" content="STEM-DIGEST.txt">`. Returns the page.
fn write_beside(dist: &Path, html: &str, stem: &str, file: &str) -> Result<String> {
    let digest = Sha256::digest(file.as_bytes());
    let name = format!("{stem}-{}.txt", offline::short_hex(&digest));
    let path = dist.join(&name);
    std::fs::write(&path, file).map_err(|e| format!("{}: {e}", path.display()))?;
    name_in_page(html, stem, &name)
}

/// The page with `<meta name="compute-demand:STEM" content="NAME">` at the end of its head.
fn name_in_page(html: &str, stem: &str, name: &str) -> Result<String> {
    if !html.contains("</head>") {
        return Err(format!("index.html has no </head> to name {name} in"));
    }
    let meta = format!("  <meta name=\"compute-demand:{stem}\" content=\"{name}\">\n</head>");
    Ok(html.replacen("</head>", &meta, 1))
}

/// The texts the app fetches (`compute_demand_web::sources`) that are in `wasm` anyway, by
/// their key: none, since `compute-demand-core`'s `param-sources` feature is off in the
/// bundle. A parameter's, a project's and a correlation's.
pub fn source_texts_in(wasm: &[u8]) -> Vec<String> {
    use compute_demand_core::data::CORRELATIONS;
    use compute_demand_core::{PARAMS, PROJECTS};
    let bundle = String::from_utf8_lossy(wasm);
    let found = |text: &str| !text.is_empty() && bundle.contains(text);
    // The app links each published forecast it draws to where it was read: an address a
    // parameter's source shares is then in the bundle for that.
    let forecast_url = |url: &str| {
        compute_demand_core::outside::OUTSIDE
            .iter()
            .any(|f| f.url == url)
    };
    let params = PARAMS
        .iter()
        .filter(|p| {
            found(p.source.text) || p.source.url.is_some_and(|u| found(u) && !forecast_url(u))
        })
        .map(|p| p.key.to_string());
    let projects = PROJECTS
        .iter()
        .filter(|p| p.source.url.is_some_and(found))
        .map(|p| p.id.to_string());
    let correlations = CORRELATIONS
        .iter()
        .filter(|d| found(d.rationale) || found(d.source))
        .map(|d| d.pair.pair_text(&COUNTRIES[0]));
    // The published forecasts come with the fetched texts, written at build time: their table
    // in the bundle (its ids) would be 2.4 kB gzipped of nothing the page reads.
    let forecasts = (compute_demand_core::outside::OUTSIDE.iter())
        .filter(|f| found(f.id))
        .map(|f| format!("forecast {}", f.id));
    params
        .chain(projects)
        .chain(correlations)
        .chain(forecasts)
        .collect()
}

/// Minifies an ES module in place with esbuild (the bundle's glue, the views' glue).
fn minify_js(path: &Path) -> Result {
    run(Command::new(root().join("tests/node_modules/.bin/esbuild"))
        .arg(path)
        .args([
            "--minify",
            "--format=esm",
            "--allow-overwrite",
            "--log-level=warning",
        ])
        .arg(format!("--outfile={}", path.display())))
}

/// Minifies wasm-bindgen's JavaScript glue with esbuild (Trunk's own minifier cannot parse
/// it: 6.9 → 5.6 kB gzipped), gives the bundle's imports and exports short names in it and in the
/// WebAssembly ([`bindings::shorten`]), and gives index.html both files' new integrity hashes.
/// Returns the page.
fn minify_glue(dist: &Path, html: &str) -> Result<String> {
    let named = |prefix: &str, suffix: &str| {
        std::fs::read_dir(dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .find(|path| {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                name.starts_with(prefix) && name.ends_with(suffix)
            })
            .ok_or(format!("dist/ holds no {prefix}…{suffix}"))
    };
    let wasm = named("compute-demand-web-", "_bg.wasm")?;
    let glue = named("compute-demand-web-", ".js")?;
    let integrity = |bytes: &[u8]| {
        let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes));
        format!("integrity=\"sha384-{digest}\"")
    };
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut html = html.to_string();
    let before = [integrity(&read(&glue)?), integrity(&read(&wasm)?)];
    for (hash, path) in before.iter().zip([&glue, &wasm]) {
        if !html.contains(hash.as_str()) {
            return Err(format!(
                "index.html does not hold {}'s integrity hash",
                path.display()
            ));
        }
    }
    minify_js(&glue)?;
    shorten_bindings(&wasm, &glue)?;
    for (hash, path) in before.iter().zip([&glue, &wasm]) {
        html = html.replace(hash.as_str(), &integrity(&read(path)?));
    }
    Ok(html)
}

/// [`bindings::shorten`] on a module and its glue, in place.
fn shorten_bindings(wasm: &Path, glue: &Path) -> Result {
    let read = |path: &Path| std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    let (bytes, text) = (read(wasm)?, read(glue)?);
    let text = String::from_utf8(text).map_err(|e| format!("{}: {e}", glue.display()))?;
    let (bytes, text) =
        crate::bindings::shorten(&bytes, &text).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(wasm, bytes).map_err(|e| format!("{}: {e}", wasm.display()))?;
    std::fs::write(glue, text).map_err(|e| format!("{}: {e}", glue.display()))
}

/// `cargo xtask csp`: the policy again, and the service worker's list (which hashes
/// index.html) if the build wrote one.
pub fn csp_command(dist: &Path) -> Result {
    apply_csp(dist)?;
    if dist.join(offline::SERVICE_WORKER).is_file() {
        offline::write_service_worker(dist)?;
    }
    Ok(())
}

/// The stylesheet Trunk wrote (its name carries a hash), as index.html links it.
pub fn stylesheet(html: &str) -> Result<String> {
    let tag_start = html
        .find("<link rel=\"stylesheet\"")
        .ok_or("index.html links no stylesheet")?;
    let tag = &html[tag_start..];
    let href = tag
        .find("href=\"")
        .ok_or("the stylesheet link has no href")?
        + "href=\"".len();
    let end = href + tag[href..].find('"').ok_or("unterminated href")?;
    Ok(tag[href..end].trim_start_matches("./").to_string())
}

/// The policy: scripts only from this origin plus the hashes of the inline scripts (Trunk's
/// loader, the service worker's registration, the prerendered answer's busy mark); wasm
/// compiled from what this origin serves; a service worker from this origin; no other origin
/// for anything.
pub fn policy(inline_script_hashes: &[String]) -> String {
    let hashes: String = inline_script_hashes
        .iter()
        .map(|h| format!(" 'sha256-{h}'"))
        .collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' blob:; \
         connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'"
    )
}

/// The contents of every `<script>` without a `src`, exactly as written (what CSP hashes).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            scripts.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

pub fn apply_csp(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let html = match html.find("<meta http-equiv=\"Content-Security-Policy\"") {
        Some(start) => {
            let end = start + html[start..].find('>').ok_or("unterminated CSP meta")? + 1;
            // With the line break and indentation put before it, so that applying the policy
            // again gives the same bytes.
            let before = html[..start].trim_end_matches([' ', '\n']);
            format!("{before}{}", &html[end..])
        }
        None => html,
    };
    let hashes: Vec<String> = inline_scripts(&html)
        .into_iter()
        .map(|script| {
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
        })
        .collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(&hashes)
    );
    // Right after the charset declaration, which must come first in <head>.
    let charset = html
        .find("<meta charset")
        .ok_or("index.html lacks <meta charset>")?;
    let at = charset
        + html[charset..]
            .find('>')
            .ok_or("unterminated <meta charset>")?
        + 1;
    let updated = format!("{}\n  {meta}{}", &html[..at], &html[at..]);
    std::fs::write(&index, updated).map_err(|e| format!("{}: {e}", index.display()))
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory").len()
}

/// Fails when the gzipped wasm and JavaScript of the app exceed the budget; prints what each
/// weighs. (The service worker, sw.js, is weighed but not counted.)
pub fn check_budget(dist: &Path) -> Result {
    let mut total = 0;
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == offline::SERVICE_WORKER {
            // Not the app's: the browser fetches it after the page has loaded, once per build.
            let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
            eprintln!(
                "bundle: {name}: {} bytes, {} gzipped (the service worker, not counted)",
                bytes.len(),
                gzip_len(&bytes)
            );
        } else if name.starts_with("french") {
            return Err(format!(
                "{name}: the French is in the bundle (issue 26), not a file a page in French \
                 fetches before its first render"
            ));
        } else if name.starts_with(VIEWS_STEM) {
            // Not the bundle's: the page's second module (the outcome views, the downloads,
            // the scenario file's reader), imported when first needed (see `build_views`).
            let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
            eprintln!(
                "bundle: {name}: {} bytes, {} gzipped (the second module: outcome views, \
                 downloads, the scenario reader; fetched when first needed, not counted)",
                bytes.len(),
                gzip_len(&bytes)
            );
        } else if name.ends_with(".wasm") || name.ends_with(".js") {
            let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
            let carried = source_texts_in(&bytes);
            if !carried.is_empty() {
                return Err(format!(
                    "{name} carries the source texts of {carried:?}, which the app fetches: \
                     build it without compute-demand-core's param-sources feature"
                ));
            }
            let gzipped = gzip_len(&bytes);
            eprintln!("bundle: {name}: {} bytes, {gzipped} gzipped", bytes.len());
            total += gzipped;
        }
    }
    eprintln!("bundle: {total} bytes gzipped (budget {BUDGET_GZIP_BYTES})");
    if total == 0 {
        return Err("no .wasm or .js in dist/".into());
    }
    if dist.join(PREBUILT_STD_MARKER).exists() {
        eprintln!(
            "xtask: warning: built with the prebuilt standard library (the size-optimised build \
             failed, see above): the budget is not checked"
        );
        return Ok(());
    }
    if total > BUDGET_GZIP_BYTES {
        return Err(format!(
            "the bundle is {total} bytes gzipped, over the budget of {BUDGET_GZIP_BYTES}"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html = "<head><script type=\"module\">import x;</script><script src=\"a.js\"></script><script>b()</script></head>";
        assert_eq!(inline_scripts(html), vec!["import x;", "b()"]);
    }

    #[test]
    fn applying_the_policy_again_changes_nothing() {
        let dir = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let index = dir.join("index.html");
        std::fs::write(
            &index,
            "<head>\n  <meta charset=\"utf-8\">\n  <script>a()</script>\n</head>",
        )
        .unwrap();
        apply_csp(&dir).unwrap();
        let once = std::fs::read_to_string(&index).unwrap();
        apply_csp(&dir).unwrap();
        let twice = std::fs::read_to_string(&index).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(once, twice);
        assert_eq!(once.matches("Content-Security-Policy").count(), 1);
        assert!(once.starts_with("<head>\n  <meta charset=\"utf-8\">\n  <meta http-equiv="));
    }

    #[test]
    fn the_stylesheet_is_found_by_its_link() {
        let html = "<link rel=\"stylesheet\" href=\"./style-abc.css\" integrity=\"x\"/>";
        assert_eq!(stylesheet(html).unwrap(), "style-abc.css");
    }

    /// The file beside the bundle holds every parameter's source text, as the core has them
    /// with `param-sources` (what the CLI prints), and the app reads it back whole.
    #[test]
    fn the_sources_file_is_the_cores_texts() {
        use compute_demand_core::PARAMS;
        use compute_demand_web::sources::Sources;
        let file = sources_file().unwrap();
        let sources = Sources::parse(Box::leak(file.clone().into_boxed_str())).unwrap();
        for spec in &PARAMS {
            assert!(
                !spec.source.text.trim().is_empty(),
                "{}: no source text",
                spec.key
            );
            assert_eq!(sources.text(spec), spec.source.text, "{}", spec.key);
            assert_eq!(sources.url(spec), spec.source.url, "{}", spec.key);
        }
        assert!(file.starts_with("compute-demand sources 5\n"));
        // The published forecasts each country's demand chart draws, in 2024–2030, each
        // with its figure in MW and its address.
        for country in &compute_demand_core::data::COUNTRIES {
            let drawn = compute_demand_web::components::charts::drawn_forecasts(country);
            assert_eq!(sources.forecasts(country), &drawn[..], "{}", country.code);
            assert!(
                drawn.len() >= 3,
                "{}: {} forecasts",
                country.code,
                drawn.len()
            );
        }
        let dir = std::env::temp_dir().join(format!("xtask-sources-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let html = write_sources(&dir, "<head>\n</head>").unwrap();
        let name = html
            .split("content=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap();
        let written = std::fs::read_to_string(dir.join(name));
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            name.starts_with("sources-") && name.ends_with(".txt"),
            "{name}"
        );
        assert!(html.contains("<meta name=\"compute-demand:sources\" content=\"sources-"));
        assert_eq!(written.unwrap(), file);
    }

    /// The budget check refuses a bundle that carries a source text.
    #[test]
    fn a_bundle_with_a_source_text_is_found_out() {
        let spec = &compute_demand_core::PARAMS[7];
        let mut wasm = b"\0asm\x01\0\0\0 data ".to_vec();
        assert!(source_texts_in(&wasm).is_empty());
        wasm.extend_from_slice(spec.source.text.as_bytes());
        wasm.extend_from_slice(b"\xff more");
        assert_eq!(source_texts_in(&wasm), vec![spec.key]);
        let default = &compute_demand_core::data::CORRELATIONS[2];
        wasm.extend_from_slice(default.rationale.as_bytes());
        assert_eq!(
            source_texts_in(&wasm),
            vec![spec.key.to_string(), default.pair.pair_text(&COUNTRIES[0])]
        );
        // The forecasts' table, which a country pack's tables held once.
        let forecast = &compute_demand_core::outside::OUTSIDE[3];
        wasm.extend_from_slice(forecast.id.as_bytes());
        assert_eq!(
            source_texts_in(&wasm).last(),
            Some(&format!("forecast {}", forecast.id))
        );
    }

    #[test]
    fn the_policy_names_every_hash_and_no_other_origin() {
        let policy = policy(&["abc=".to_string()]);
        assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(policy.contains("connect-src 'self'") && policy.contains("worker-src 'self'"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("http"));
    }
}
