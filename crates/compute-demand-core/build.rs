//! Turns the data files in `data/` into static Rust tables (`$OUT_DIR/data.rs`).
//!
//! The data stays in TOML, where each value sits beside its source; the build checks its
//! shape and cross-references and fails with a clear message when they are wrong. Doing
//! this at build time keeps a TOML parser out of the WebAssembly bundle.

// Build time, not the bundle: clippy.toml's size rules do not apply here.
#![allow(clippy::disallowed_methods)]

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

// The same text forms and rules as the validation layer: the data files can hold nothing a
// link or a scenario file would be refused for.
#[macro_use]
#[path = "src/keyed.rs"]
mod keyed;
#[path = "src/terms/decimal.rs"]
mod decimal;
#[path = "src/terms/notation.rs"]
#[allow(dead_code)] // The build reads values; it writes none.
mod notation;
#[path = "src/terms/rules.rs"]
#[allow(dead_code)]
mod rules;
use notation::{parse_notation, Notation};
use rules::Bounds;

const FIRST_YEAR: u16 = 2024;
const LAST_YEAR: u16 = 2030;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GpuFile {
    gpu: Vec<GpuRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GpuRow {
    id: String,
    name: String,
    bf16_tflops: f64,
    fp8_tflops: f64,
    memory_gb: f64,
    bandwidth_tbps: f64,
    tdp_w: f64,
    server_overhead: f64,
    overhead_source: String,
    price_usd: f64,
    source: String,
    url: Option<String>,
    price_source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamFile {
    param: Vec<ParamRow>,
    #[serde(default)]
    removed: Vec<RemovedRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemovedRow {
    key: String,
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamRow {
    key: String,
    /// In a pack other than the default, the engine's key this parameter fills when the pack
    /// names it its own way (the UK's `training.deepmind.uk_share` fills
    /// `training.poolside.france_share`); without it, the key is the engine's.
    #[serde(default)]
    role: Option<String>,
    group: String,
    label: String,
    label_fr: String,
    unit: String,
    min: f64,
    max: f64,
    step: f64,
    value: toml::Value,
    source: String,
    url: Option<String>,
    evidence: String,
    quote: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetFile {
    source: String,
    year: Vec<FleetRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetRow {
    year: u16,
    mix: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SupplyFile {
    project: Vec<ProjectRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectRow {
    id: String,
    name: String,
    site: String,
    dedicated: bool,
    customers: String,
    committed: Option<String>,
    share_param: Option<String>,
    source: String,
    url: Option<String>,
    tranches: Vec<TrancheRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TrancheRow {
    year: u16,
    start: Option<f64>,
    status: String,
    mw: Option<f64>,
    site_mw: Option<f64>,
    gpus: Option<f64>,
    gpu: Option<String>,
    eur: Option<f64>,
    scope: Option<String>,
    /// The year (fractional) the tranche leaves service, when it is known to be replaced.
    retired: Option<f64>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrelationFile {
    correlation: Vec<CorrelationRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CorrelationRow {
    a: String,
    b: String,
    rho: f64,
    evidence: String,
    rationale: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetFile {
    preset: Vec<PresetRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PresetRow {
    id: String,
    label: String,
    label_fr: String,
    description: String,
    description_fr: String,
    values: BTreeMap<String, toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutsideFile {
    forecast: Vec<OutsideRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutsideRow {
    id: String,
    region: String,
    publisher: String,
    title: String,
    published: String,
    year: i64,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    unit: String,
    perimeter: String,
    perimeter_text: String,
    comparable: String,
    url: String,
    seen: String,
    note: String,
}

// What is a country's is in its pack, `data/countries/<code>/` (issue 28): its parameters'
// values and sources, its register, presets, correlations and published forecasts (and
// `calibration.toml`, which tests/calibration.rs reads). The GPU catalog, the fleet mix and the
// metrics are the engine's, in data/ itself. Every folder of data/countries/ is a pack: adding
// one needs no code.
const COUNTRIES_DIR: &str = "countries";

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for file in ["gpus", "fleet_mix", "metrics"] {
        println!("cargo::rerun-if-changed=data/{file}.toml");
    }
    // A folder: cargo scans all of it, so a pack added or edited rebuilds the tables.
    println!("cargo::rerun-if-changed=data/{COUNTRIES_DIR}");
    for file in [
        "src/keyed.rs",
        "src/terms/notation.rs",
        "src/terms/rules.rs",
    ] {
        println!("cargo::rerun-if-changed={file}");
    }
    let code = generate(&dir, with_all_countries())
        .unwrap_or_else(|message| panic!("\n\ndata error: {message}\n\n"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("data.rs");
    std::fs::write(out, code).expect("write data.rs");
    let metrics = read(&dir, "metrics")
        .and_then(|file: MetricFile| emit_metrics(&file.metric))
        .unwrap_or_else(|message| panic!("\n\ndata error: {message}\n\n"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("metrics.rs");
    std::fs::write(out, metrics).expect("write metrics.rs");
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    code: String,
    name: String,
    name_fr: String,
    /// The pack of a scenario that names none (and of every link and file written before
    /// packs): exactly one pack says so.
    #[serde(default)]
    default: bool,
    /// `YYYY-MM`: the newest month the pack's sources cite (tests/data.rs checks it).
    data_as_of: String,
    /// The page's opening paragraph for this country, in both languages.
    lede: String,
    lede_fr: String,
    /// How texts written for any country name this one (`Country::placed`).
    words: PackWords,
    /// Other codes people give this country (ISO's `gb`, `gbr` for the United Kingdom): never
    /// read as the pack, only pointed to its code when given.
    #[serde(default)]
    other_codes: Vec<String>,
}

/// The words a text's `{token}`s become for one country: every token, in both languages.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PackWords {
    country: String,
    adjective: String,
    pays: String,
    en_pays: String,
    de_pays: String,
    adj_m: String,
    adj_f: String,
    adj_mp: String,
    adj_fp: String,
    hub_lab: String,
}

impl PackWords {
    /// `(token, word)` for each token, in `Country::words`' order.
    fn pairs(&self) -> [(&'static str, &str); 10] {
        [
            ("{country}", &self.country),
            ("{adjective}", &self.adjective),
            ("{pays}", &self.pays),
            ("{en_pays}", &self.en_pays),
            ("{de_pays}", &self.de_pays),
            ("{adj_m}", &self.adj_m),
            ("{adj_f}", &self.adj_f),
            ("{adj_mp}", &self.adj_mp),
            ("{adj_fp}", &self.adj_fp),
            ("{hub_lab}", &self.hub_lab),
        ]
    }
}

/// One country's files, read.
struct Pack {
    file: PackFile,
    params: ParamFile,
    supply: SupplyFile,
    presets: PresetFile,
    correlations: CorrelationFile,
    outside: OutsideFile,
}

/// Whether every pack goes into the tables (the `all-countries` feature) or only the default one.
fn with_all_countries() -> bool {
    std::env::var_os("CARGO_FEATURE_ALL_COUNTRIES").is_some()
}

/// Every pack under data/countries/ (or the default one only, unless `all`), the default one
/// first, then by code.
fn read_packs(dir: &Path, all: bool) -> Result<Vec<Pack>, String> {
    let root = dir.join(COUNTRIES_DIR);
    let entries = std::fs::read_dir(&root).map_err(|e| format!("{}: {e}", root.display()))?;
    let mut folders: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    folders.sort();
    let mut packs = Vec::new();
    for folder in folders {
        let at = |name: &str| format!("{COUNTRIES_DIR}/{folder}/{name}");
        let file: PackFile = read(dir, &at("pack"))?;
        let lower = |text: &str| text.len() == 2 && text.bytes().all(|b| b.is_ascii_lowercase());
        if !lower(&file.code) || file.code != folder {
            return Err(format!(
                "data/{}.toml: the code is two lowercase letters and names the pack's \
                 folder (found '{}' in {COUNTRIES_DIR}/{folder}/)",
                at("pack"),
                file.code
            ));
        }
        let month = file.data_as_of.split_once('-');
        let month_shaped = month.is_some_and(|(y, m)| {
            y.len() == 4 && m.len() == 2 && (y.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        });
        if !month_shaped {
            return Err(format!(
                "data/{}.toml: data_as_of is YYYY-MM, not '{}'",
                at("pack"),
                file.data_as_of
            ));
        }
        let blank = file
            .words
            .pairs()
            .into_iter()
            .find(|(_, word)| word.trim().is_empty());
        if let Some((token, _)) = blank {
            return Err(format!(
                "data/{}.toml: [words] gives {token} no word",
                at("pack")
            ));
        }
        if file.lede.trim().is_empty() || file.lede_fr.trim().is_empty() {
            return Err(format!(
                "data/{}.toml: the lede is written in both languages",
                at("pack")
            ));
        }
        let letters = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase());
        if let Some(other) = file
            .other_codes
            .iter()
            .find(|c| !letters(c) || **c == file.code)
        {
            return Err(format!(
                "data/{}.toml: other_codes are lowercase letters other than the code, not '{other}'",
                at("pack")
            ));
        }
        if file.name.trim().is_empty() || file.name_fr.trim().is_empty() {
            return Err(format!(
                "data/{}.toml: the country is named in both languages",
                at("pack")
            ));
        }
        packs.push(Pack {
            file,
            params: read(dir, &at("params"))?,
            supply: read(dir, &at("supply"))?,
            presets: read(dir, &at("presets"))?,
            correlations: read(dir, &at("correlations"))?,
            outside: read(dir, &at("outside"))?,
        });
    }
    for pack in &packs {
        let taken = pack.file.other_codes.iter().find(|other| {
            packs.iter().any(|p| {
                p.file.code == **other
                    || (!std::ptr::eq(p, pack) && p.file.other_codes.contains(other))
            })
        });
        if let Some(other) = taken {
            return Err(format!(
                "data/{COUNTRIES_DIR}/{}/pack.toml: other code '{other}' is another pack's",
                pack.file.code
            ));
        }
    }
    let defaults = packs.iter().filter(|pack| pack.file.default).count();
    if defaults != 1 {
        return Err(format!(
            "data/{COUNTRIES_DIR}/: exactly one pack.toml says `default = true`, found {defaults}"
        ));
    }
    packs.sort_by_key(|pack| !pack.file.default);
    if !all {
        packs.truncate(1);
    }
    Ok(packs)
}

/// A pack's parameters are the engine's: in the same order, each with the engine's key or
/// naming the engine's key it fills (`role`), and with the same group, unit and bounds as the
/// default pack's, which the model's formulas and the validation layer read. A pack gives its
/// own keys, labels, values, sources and evidence. Its own keys are its vocabulary in links,
/// files and the CLI, so none may be another parameter's engine key.
fn same_schema(pack: &Pack, schema: &[ParamRow]) -> Result<(), String> {
    let code = &pack.file.code;
    let rows = &pack.params.param;
    if rows.len() != schema.len() {
        return Err(format!(
            "{COUNTRIES_DIR}/{code}/params.toml: {} parameters, where the engine has {}",
            rows.len(),
            schema.len()
        ));
    }
    let mut keys: Vec<&str> = Vec::new();
    for (row, engine) in rows.iter().zip(schema) {
        let at = format!("{COUNTRIES_DIR}/{code}/params.toml {}", row.key);
        let role = match (&row.role, pack.file.default) {
            (Some(_), true) => {
                return Err(format!(
                    "{at}: the default pack's keys are the engine's; it names no role"
                ))
            }
            (Some(role), false) if *role == row.key => {
                return Err(format!(
                    "{at}: a role that is its own key; leave the role out"
                ))
            }
            (Some(role), false) => role.as_str(),
            (None, _) => row.key.as_str(),
        };
        let same = role == engine.key
            && row.group == engine.group
            && row.unit == engine.unit
            && row.min == engine.min
            && row.max == engine.max
            && row.step == engine.step;
        if !same {
            return Err(format!(
                "{at}: expected the engine's '{}' ({}, {}, {}..{} step {}) in this place",
                engine.key, engine.group, engine.unit, engine.min, engine.max, engine.step
            ));
        }
        rules::param_key_shape(&row.key).map_err(|e| format!("{at}: {e}"))?;
        if row.key != engine.key && schema.iter().any(|other| other.key == row.key) {
            return Err(format!("{at}: the engine's key of another parameter"));
        }
        if keys.contains(&row.key.as_str()) {
            return Err(format!("{at}: duplicate key"));
        }
        keys.push(&row.key);
    }
    Ok(())
}

/// `COUNTRIES`: each pack's country and its tables (in `pack_<code>`), the default first.
fn emit_countries(out: &mut String, packs: &[Pack]) {
    writeln!(out, "pub static COUNTRIES: [Country; {}] = [", packs.len()).unwrap();
    for pack in packs {
        let PackFile {
            code,
            name,
            name_fr,
            data_as_of,
            lede,
            lede_fr,
            words,
            other_codes,
            ..
        } = &pack.file;
        let words = words.pairs();
        writeln!(
            out,
            "    Country {{ code: {code:?}, name: {name:?}, name_fr: {name_fr:?}, other_codes: &{other_codes:?}, \
             data_as_of: {data_as_of:?}, \
             lede: {lede:?}, lede_fr: {lede_fr:?}, words: &{words:?}, params: &pack_{code}::PARAMS, \
             projects: &pack_{code}::PROJECTS, \
             presets: &pack_{code}::PRESETS, correlations: &pack_{code}::CORRELATIONS }},"
        )
        .unwrap();
    }
    out.push_str("];\n\n");
    // The published forecasts by a function, not a field of `COUNTRIES`: the app's bundle,
    // which never calls it, leaves them out.
    out.push_str(
        "/// A pack's published forecasts, by its code.\n\
         pub fn outside_of(code: &str) -> &'static [OutsideForecast] {\n    match code {\n",
    );
    for pack in packs {
        let code = &pack.file.code;
        writeln!(out, "        {code:?} => pack_{code}::OUTSIDE,").unwrap();
    }
    out.push_str("        _ => &[],\n    }\n}\n\n");
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricFile {
    metric: Vec<MetricRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricRow {
    variant: String,
    key: String,
    unit: String,
    segment: bool,
    table: bool,
    label: String,
    label_fr: String,
    description: String,
    description_fr: String,
}

/// `data/metrics.toml` as one `metrics!` invocation (src/metric.rs): the `Metric` enum, its
/// keys, units, labels and descriptions, from one row per metric.
fn emit_metrics(rows: &[MetricRow]) -> Result<String, String> {
    let mut out = String::from(
        "// @generated by build.rs from data/metrics.toml. Do not edit.\n\nmetrics! {\n    \
         /// One reported quantity. All are France-sited, per year, and never negative.\n    \
         pub enum Metric {\n",
    );
    let (mut variants, mut keys) = (BTreeSet::new(), BTreeSet::new());
    for row in rows {
        let what = format!("data/metrics.toml: metric {}", row.key);
        let camel = row
            .variant
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            && row.variant.chars().all(|c| c.is_ascii_alphanumeric());
        let snake = !row.key.is_empty()
            && row
                .key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !camel || !snake {
            return Err(format!(
                "{what}: the variant is CamelCase and the key snake_case"
            ));
        }
        if !variants.insert(row.variant.as_str()) || !keys.insert(row.key.as_str()) {
            return Err(format!("{what}: its variant or key is already a metric's"));
        }
        let texts = [
            &row.label,
            &row.label_fr,
            &row.description,
            &row.description_fr,
        ];
        if texts.iter().any(|text| text.trim().is_empty()) {
            return Err(format!(
                "{what}: every label and description is written, in both languages"
            ));
        }
        if row.segment && row.unit != "Gpus" {
            return Err(format!(
                "{what}: a segment is a part of gpus_h100e, in GPUs"
            ));
        }
        writeln!(
            out,
            "        {} = {:?} {{\n            unit: {}, segment: {}, table: {},\n            \
             label: {:?},\n            label_fr: {:?},\n            description: {:?},\n            \
             description_fr: {:?},\n        }}",
            row.variant,
            row.key,
            row.unit,
            row.segment,
            row.table,
            row.label,
            french(&row.label_fr),
            row.description,
            french(&row.description_fr),
        )
        .expect("write to a String");
    }
    out.push_str("    }\n}\n");
    Ok(out)
}

fn read<T: for<'de> Deserialize<'de>>(dir: &Path, name: &str) -> Result<T, String> {
    let path = dir.join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("data/{name}.toml: {e}"))
}

/// The tables' Rust source from the data folder `dir`, with every pack or the default one.
pub(crate) fn generate(dir: &Path, all: bool) -> Result<String, String> {
    let gpus: GpuFile = read(dir, "gpus")?;
    let fleet: FleetFile = read(dir, "fleet_mix")?;
    let packs = read_packs(dir, all)?;

    let mut out = String::from("// @generated by build.rs from data/*.toml. Do not edit.\n\n");
    let gpu_ids = emit_gpus(&mut out, &gpus.gpu)?;
    emit_fleet(&mut out, &fleet, &gpu_ids)?;
    let schema = &packs[0].params.param;
    let keys = emit_param_ids(&mut out, schema)?;
    for pack in &packs {
        let code = &pack.file.code;
        let in_pack = |e: String| format!("{COUNTRIES_DIR}/{code}/{e}");
        same_schema(pack, schema)?;
        writeln!(out, "/// The tables of `data/{COUNTRIES_DIR}/{code}/`.\npub mod pack_{code} {{\nuse super::*;\n").unwrap();
        emit_params(&mut out, &pack.params.param).map_err(in_pack)?;
        emit_removed(&mut out, &pack.params.removed, &keys).map_err(in_pack)?;
        // The pack's other tables name its parameters by the pack's own keys.
        let pack_keys: Vec<String> = pack.params.param.iter().map(|p| p.key.clone()).collect();
        emit_projects(&mut out, &pack.supply.project, &gpu_ids, &pack_keys).map_err(in_pack)?;
        emit_presets(&mut out, &pack.presets.preset, &pack.params.param).map_err(in_pack)?;
        emit_correlations(&mut out, &pack.correlations.correlation, &pack_keys).map_err(in_pack)?;
        emit_outside(&mut out, &pack.outside.forecast).map_err(in_pack)?;
        out.push_str("}\n\n");
    }
    emit_countries(&mut out, &packs);
    // The default pack's tables under their old names, for what is not yet a pack's own.
    writeln!(
        out,
        "pub use pack_{}::{{CORRELATIONS, OUTSIDE, PARAMS, PRESETS, PROJECTS, REMOVED_PARAMS}};",
        packs[0].file.code
    )
    .unwrap();
    Ok(out)
}

fn source_expr(text: &str, url: &Option<String>, what: &str) -> Result<String, String> {
    rules::source(text, url.as_deref()).map_err(|e| format!("{what}: {e}"))?;
    Ok(format!("Source {{ text: {text:?}, url: {url:?} }}"))
}

/// Whether the catalog's and the register's source texts go into the tables (the
/// `register-sources` feature); they are checked either way.
/// The French labels and descriptions of parameters and presets go into the tables only
/// with the `french` feature; the web app fetches them with the rest of its French.
fn french(text: &str) -> &str {
    if std::env::var_os("CARGO_FEATURE_FRENCH").is_some() {
        text
    } else {
        ""
    }
}

fn with_register_sources() -> bool {
    std::env::var_os("CARGO_FEATURE_REGISTER_SOURCES").is_some()
}

/// A source of the register: checked, then kept, or its text left out (`register-sources`);
/// its address, which the app's register links each project to, goes with the texts the app
/// fetches (`param-sources`).
fn register_source_expr(text: &str, url: &Option<String>, what: &str) -> Result<String, String> {
    let checked = source_expr(text, url, what)?;
    let url = if with_fetched_texts() { url } else { &None };
    Ok(if with_register_sources() {
        checked
    } else {
        format!("Source {{ text: \"\", url: {url:?} }}")
    })
}

/// A source checked, then kept whole when `kept`, else left out, text and address: the GPU
/// catalog's without `register-sources` (the app shows none), a parameter's without
/// `param-sources` (the app fetches them after its first render).
fn source_kept_if(
    kept: bool,
    text: &str,
    url: &Option<String>,
    what: &str,
) -> Result<String, String> {
    let checked = source_expr(text, url, what)?;
    Ok(if kept {
        checked
    } else {
        "Source { text: \"\", url: None }".to_string()
    })
}

/// Whether the texts the app fetches after its first render go into the tables (the
/// `param-sources` feature): the parameters' sources, the default correlations' rationales
/// and sources, and the register projects' sites and addresses.
fn with_fetched_texts() -> bool {
    std::env::var_os("CARGO_FEATURE_PARAM_SOURCES").is_some()
}

/// A text the app fetches: kept with the `param-sources` feature, else empty.
fn fetched_text(text: &str) -> String {
    format!("{:?}", if with_fetched_texts() { text } else { "" })
}

/// A plain text of the catalog or the register, kept or left out as its sources are.
fn register_text(text: &str) -> String {
    format!("{:?}", if with_register_sources() { text } else { "" })
}

fn positive(value: f64, what: &str) -> Result<f64, String> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(format!("{what} must be a positive number, found {value}"))
    }
}

fn emit_gpus(out: &mut String, rows: &[GpuRow]) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    writeln!(out, "pub const GPU_COUNT: usize = {};", rows.len()).unwrap();
    writeln!(out, "pub static GPUS: [Gpu; GPU_COUNT] = [").unwrap();
    for g in rows {
        if ids.contains(&g.id) {
            return Err(format!("gpus.toml: duplicate id {}", g.id));
        }
        let what = format!("gpus.toml {}", g.id);
        for (field, value) in [
            ("bf16_tflops", g.bf16_tflops),
            ("fp8_tflops", g.fp8_tflops),
            ("memory_gb", g.memory_gb),
            ("bandwidth_tbps", g.bandwidth_tbps),
            ("tdp_w", g.tdp_w),
            ("server_overhead", g.server_overhead),
            ("price_usd", g.price_usd),
        ] {
            positive(value, &format!("{what} {field}"))?;
        }
        let source = source_kept_if(with_register_sources(), &g.source, &g.url, &what)?;
        for (field, text) in [
            ("price_source", &g.price_source),
            ("overhead_source", &g.overhead_source),
        ] {
            rules::source(text, None).map_err(|e| format!("{what} {field}: {e}"))?;
        }
        writeln!(
            out,
            "    Gpu {{ id: {:?}, name: {:?}, bf16_tflops: {:?}, fp8_tflops: {:?}, memory_gb: {:?}, \
             bandwidth_tbps: {:?}, tdp_w: {:?}, server_overhead: {:?}, overhead_source: {}, price_usd: {:?}, \
             source: {source}, price_source: {} }},",
            g.id, g.name, g.bf16_tflops, g.fp8_tflops, g.memory_gb, g.bandwidth_tbps, g.tdp_w,
            g.server_overhead, register_text(&g.overhead_source), g.price_usd, register_text(&g.price_source)
        )
        .unwrap();
        ids.push(g.id.clone());
    }
    writeln!(out, "];\n").unwrap();
    Ok(ids)
}

fn notation_of(value: &toml::Value, what: &str) -> Result<Notation, String> {
    let notation = match value {
        toml::Value::Float(f) => Notation::Point(*f),
        toml::Value::Integer(i) => Notation::Point(*i as f64),
        toml::Value::String(s) => parse_notation(s).map_err(|e| format!("{what}: {e}"))?,
        other => {
            return Err(format!(
                "{what}: expected a number or a range string, found {other}"
            ))
        }
    };
    Ok(notation)
}

/// Checks a value against a parameter's bounds (the validation layer's rule) and renders it
/// as a `Dist` expression. The shipped data also keeps ranges strictly ordered.
fn dist_expr(notation: Notation, row: &ParamRow, what: &str) -> Result<String, String> {
    let bounds = Bounds {
        min: row.min,
        max: row.max,
        unit: &row.unit,
    };
    let checked = rules::param_value(notation, bounds).map_err(|e| format!("{what}: {e}"))?;
    Ok(match checked {
        Notation::Point(v) => format!("Dist::Point({v:?})"),
        Notation::Range90(low, high) | Notation::Uniform(low, high) => {
            if low >= high {
                return Err(format!("{what}: range {low}..{high} must have low < high"));
            }
            let kind = if matches!(checked, Notation::Uniform(..)) {
                "Uniform"
            } else {
                "Range90"
            };
            format!("Dist::{kind} {{ low: {low:?}, high: {high:?} }}")
        }
    })
}

fn const_name(key: &str) -> String {
    key.replace('.', "_").to_uppercase()
}

/// `PARAM_COUNT` and the `key` module: the engine's parameter ids, from the default pack.
fn emit_param_ids(out: &mut String, rows: &[ParamRow]) -> Result<Vec<String>, String> {
    let mut keys: Vec<String> = Vec::new();
    for p in rows {
        if keys.contains(&p.key) {
            return Err(format!("params.toml {}: duplicate key", p.key));
        }
        rules::param_key_shape(&p.key).map_err(|e| format!("params.toml {}: {e}", p.key))?;
        keys.push(p.key.clone());
    }
    writeln!(out, "pub const PARAM_COUNT: usize = {};", rows.len()).unwrap();
    writeln!(
        out,
        "/// Parameter ids by key: `key::TRAINING_FRONTIER_GROWTH` is `training.frontier.growth`."
    )
    .unwrap();
    writeln!(out, "pub mod key {{\n    use super::ParamId;").unwrap();
    for (index, key) in keys.iter().enumerate() {
        writeln!(
            out,
            "    pub const {}: ParamId = ParamId({index});",
            const_name(key)
        )
        .unwrap();
    }
    writeln!(out, "}}\n").unwrap();
    Ok(keys)
}

/// A pack's `PARAMS`, each row checked by the data rules.
fn emit_params(out: &mut String, rows: &[ParamRow]) -> Result<(), String> {
    writeln!(out, "pub static PARAMS: [ParamSpec; PARAM_COUNT] = [").unwrap();
    for (index, p) in rows.iter().enumerate() {
        let what = format!("params.toml {}", p.key);
        let fail = |e: String| format!("{what}: {e}");
        let group = rules::param_group(&p.group).map_err(fail)?;
        rules::param_bounds(p.min, p.max, p.step).map_err(fail)?;
        let dist = dist_expr(notation_of(&p.value, &what)?, p, &what)?;
        let source = source_kept_if(with_fetched_texts(), &p.source, &p.url, &what)?;
        let evidence = rules::evidence(&p.evidence).map_err(fail)?;
        rules::evidence_backing(evidence, &p.source, p.quote.as_deref()).map_err(fail)?;
        // The quote is read by the CLI, the methodology and the tests; the app links to them.
        let quote = register_text(p.quote.as_deref().unwrap_or_default());
        writeln!(
            out,
            "    ParamSpec {{ id: ParamId({index}), key: {:?}, group: ParamGroup::{group:?}, label: {:?}, \
             label_fr: {:?}, unit: {:?}, min: {:?}, max: {:?}, step: {:?}, baseline: {dist}, source: {source}, \
             evidence: Evidence::{evidence:?}, quote: {quote} }},",
            p.key, p.label, french(&p.label_fr), p.unit, p.min, p.max, p.step
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    Ok(())
}

fn emit_removed(out: &mut String, rows: &[RemovedRow], keys: &[String]) -> Result<(), String> {
    writeln!(
        out,
        "pub static REMOVED_PARAMS: [RemovedParam; {}] = [",
        rows.len()
    )
    .unwrap();
    for row in rows {
        if keys.contains(&row.key) {
            return Err(format!(
                "params.toml removed {}: the key is still a parameter",
                row.key
            ));
        }
        if row.note.trim().is_empty() {
            return Err(format!("params.toml removed {}: empty note", row.key));
        }
        writeln!(
            out,
            "    RemovedParam {{ key: {:?}, note: {:?} }},",
            row.key, row.note
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    Ok(())
}

fn emit_fleet(out: &mut String, fleet: &FleetFile, gpu_ids: &[String]) -> Result<(), String> {
    let expected: Vec<u16> = (FIRST_YEAR..=LAST_YEAR).collect();
    let years: Vec<u16> = fleet.year.iter().map(|row| row.year).collect();
    if years != expected {
        return Err(format!("fleet_mix.toml: needs one row per year {FIRST_YEAR}–{LAST_YEAR} in order, found {years:?}"));
    }
    if fleet.source.trim().is_empty() {
        return Err("fleet_mix.toml: empty source".to_string());
    }
    writeln!(
        out,
        "pub static FLEET_MIX: FleetMix = FleetMix {{ source: {}, shares: [",
        register_text(&fleet.source)
    )
    .unwrap();
    for row in &fleet.year {
        let mut shares = vec![0.0; gpu_ids.len()];
        for (id, share) in &row.mix {
            let index = gpu_ids
                .iter()
                .position(|g| g == id)
                .ok_or_else(|| format!("fleet_mix.toml {}: unknown GPU '{id}'", row.year))?;
            if !(share.is_finite() && *share >= 0.0) {
                return Err(format!(
                    "fleet_mix.toml {}: share of {id} must be ≥ 0",
                    row.year
                ));
            }
            shares[index] = *share;
        }
        let total: f64 = shares.iter().sum();
        if (total - 1.0).abs() > 1e-9 {
            return Err(format!(
                "fleet_mix.toml {}: shares sum to {total}, not 1",
                row.year
            ));
        }
        writeln!(out, "    {shares:?},").unwrap();
    }
    writeln!(out, "] }};\n").unwrap();
    Ok(())
}

fn emit_projects(
    out: &mut String,
    rows: &[ProjectRow],
    gpu_ids: &[String],
    keys: &[String],
) -> Result<(), String> {
    let mut ids = BTreeSet::new();
    writeln!(out, "pub static PROJECTS: [Project; {}] = [", rows.len()).unwrap();
    for p in rows {
        let what = format!("supply.toml {}", p.id);
        if !ids.insert(p.id.clone()) {
            return Err(format!("{what}: duplicate id"));
        }
        if p.tranches.is_empty() {
            return Err(format!("{what}: needs at least one tranche"));
        }
        let share_param = match &p.share_param {
            None => "None".to_string(),
            Some(key) => {
                let index = keys
                    .iter()
                    .position(|k| k == key)
                    .ok_or_else(|| format!("{what}: unknown share_param '{key}'"))?;
                format!("Some(ParamId({index}))")
            }
        };
        let mut tranches = String::new();
        for t in &p.tranches {
            rules::register_year(t.year).map_err(|e| format!("{what}: {e}"))?;
            rules::source(&t.source, None).map_err(|e| format!("{what} {}: {e}", t.year))?;
            let status = rules::status(&t.status).map_err(|e| format!("{what}: {e}"))?;
            let capacity = match (t.mw, t.gpus, &t.gpu, t.eur, &t.scope) {
                (Some(mw), None, None, None, None) => {
                    format!("Capacity::Mw({:?})", positive(mw, &what)?)
                }
                (None, Some(count), Some(gpu), None, None) => {
                    let index = gpu_ids
                        .iter()
                        .position(|g| g == gpu)
                        .ok_or_else(|| format!("{what}: unknown GPU '{gpu}'"))?;
                    format!(
                        "Capacity::Gpus {{ count: {:?}, gpu: {index} }}",
                        positive(count, &what)?
                    )
                }
                (None, None, None, Some(eur), Some(scope)) => {
                    let scope = rules::capex_scope(scope).map_err(|e| format!("{what}: {e}"))?;
                    format!(
                        "Capacity::Eur {{ eur: {:?}, scope: CapexScope::{scope:?} }}",
                        positive(eur, &what)?
                    )
                }
                _ => {
                    return Err(format!(
                        "{what}: a tranche gives exactly one of mw, gpus + gpu, or eur + scope"
                    ))
                }
            };
            let start = rules::start_of_service(t.start.unwrap_or(0.0))
                .map_err(|e| format!("{what} {}: {e}", t.year))?;
            let site_mw = match (t.site_mw, t.gpus) {
                (None, _) => "None".to_string(),
                (Some(mw), Some(_)) => format!("Some({:?})", positive(mw, &what)?),
                (Some(_), None) => {
                    return Err(format!(
                        "{what} {}: site_mw goes with gpus (the site power of those GPUs)",
                        t.year
                    ))
                }
            };
            let retired = match t.retired {
                None => "None".to_string(),
                Some(at) if at.is_finite() && at > f64::from(t.year) + start && at <= 2100.0 => {
                    format!("Some({at:?})")
                }
                Some(at) => {
                    return Err(format!(
                        "{what} {}: retired {at} is not a year after it enters service",
                        t.year
                    ))
                }
            };
            write!(
                tranches,
                "SourcedTranche {{ tranche: Tranche {{ year: {}, status: Status::{status:?}, capacity: {capacity} }}, \
                 start: {start:?}, site_mw: {site_mw}, retired: {retired}, source: {} }}, ",
                t.year, register_text(&t.source)
            )
            .unwrap();
        }
        let source = register_source_expr(&p.source, &p.url, &what)?;
        let customers = rules::customers(&p.customers).map_err(|e| format!("{what}: {e}"))?;
        let committed = match &p.committed {
            None => "None".to_string(),
            Some(text) => format!(
                "Some(Commitment::{:?})",
                rules::commitment(text).map_err(|e| format!("{what}: {e}"))?
            ),
        };
        if p.site.trim().is_empty() {
            return Err(format!("{what}: empty site"));
        }
        writeln!(
            out,
            "    Project {{ id: {:?}, name: {:?}, site: {}, dedicated: {}, customers: Customers::{customers:?}, \
             committed: {committed}, share_param: {share_param}, source: {source}, tranches: &[{tranches}] }},",
            p.id,
            p.name,
            fetched_text(&p.site),
            p.dedicated
        )
        .unwrap();
    }
    writeln!(out, "];\n").unwrap();
    Ok(())
}

fn emit_presets(out: &mut String, rows: &[PresetRow], params: &[ParamRow]) -> Result<(), String> {
    if rows.first().map(|p| p.id.as_str()) != Some("baseline") || !rows[0].values.is_empty() {
        return Err("presets.toml: the first preset is 'baseline', with no overrides".to_string());
    }
    writeln!(out, "pub static PRESETS: [Preset; {}] = [", rows.len()).unwrap();
    for preset in rows {
        let mut overrides = String::new();
        for (key, value) in &preset.values {
            let what = format!("presets.toml {} {key}", preset.id);
            let (index, row) = params
                .iter()
                .enumerate()
                .find(|(_, p)| &p.key == key)
                .ok_or_else(|| format!("{what}: unknown parameter"))?;
            let dist = dist_expr(notation_of(value, &what)?, row, &what)?;
            write!(overrides, "(ParamId({index}), {dist}), ").unwrap();
        }
        writeln!(
            out,
            "    Preset {{ id: {:?}, label: {:?}, label_fr: {:?}, description: {:?}, description_fr: {:?}, \
             overrides: &[{overrides}] }},",
            preset.id,
            preset.label,
            french(&preset.label_fr),
            preset.description,
            french(&preset.description_fr)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    Ok(())
}

fn emit_correlations(
    out: &mut String,
    rows: &[CorrelationRow],
    keys: &[String],
) -> Result<(), String> {
    writeln!(
        out,
        "pub static CORRELATIONS: [DefaultCorrelation; {}] = [",
        rows.len()
    )
    .unwrap();
    let mut pairs = BTreeSet::new();
    for row in rows {
        let what = format!("correlations.toml {},{}", row.a, row.b);
        let index = |key: &str| {
            keys.iter()
                .position(|k| k == key)
                .ok_or_else(|| format!("{what}: unknown parameter '{key}'"))
        };
        let (a, b) = (index(&row.a)?, index(&row.b)?);
        rules::correlation(a == b, row.rho).map_err(|e| format!("{what}: {e}"))?;
        if !pairs.insert((a.min(b), a.max(b))) {
            return Err(format!("{what}: the pair is given twice"));
        }
        let evidence = rules::evidence(&row.evidence).map_err(|e| format!("{what}: {e}"))?;
        rules::source(&row.source, None).map_err(|e| format!("{what}: {e}"))?;
        rules::source(&row.rationale, None).map_err(|e| format!("{what} rationale: {e}"))?;
        writeln!(
            out,
            "    DefaultCorrelation {{ pair: Correlation {{ a: ParamId({a}), b: ParamId({b}), rho: {:?} }}, \
             evidence: Evidence::{evidence:?}, rationale: {}, source: {} }},",
            row.rho,
            fetched_text(&row.rationale),
            fetched_text(&row.source)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    Ok(())
}

/// The published forecasts set beside the model's (`data/countries/fr/outside.toml`), each checked by the
/// rules. Their titles, perimeters in words and notes, which only the CLI and the methodology
/// print, are left out of the app's bundle with the register's sources: the app labels a
/// forecast by its publisher and year, and its perimeter by its key, in either language.
fn emit_outside(out: &mut String, rows: &[OutsideRow]) -> Result<(), String> {
    writeln!(out, "pub static OUTSIDE: &[OutsideForecast] = &[").unwrap();
    let mut ids = BTreeSet::new();
    for row in rows {
        let what = format!("outside.toml {}", row.id);
        let fail = |e: String| format!("{what}: {e}");
        if !ids.insert(row.id.clone()) {
            return Err(format!("{what}: duplicate id"));
        }
        let kinds = rules::outside_forecast(&rules::ForecastRow {
            id: &row.id,
            region: &row.region,
            publisher: &row.publisher,
            title: &row.title,
            published: &row.published,
            year: row.year,
            value: row.value,
            low: row.low,
            high: row.high,
            unit: &row.unit,
            perimeter: &row.perimeter,
            perimeter_text: &row.perimeter_text,
            comparable: &row.comparable,
            url: &row.url,
            seen: &row.seen,
            note: &row.note,
        })
        .map_err(fail)?;
        let rules::ForecastKinds {
            region,
            year,
            unit,
            perimeter,
            comparable,
            seen,
        } = kinds;
        writeln!(
            out,
            "    OutsideForecast {{ id: {:?}, region: Region::{region:?}, publisher: {:?}, title: {}, \
             published: {:?}, year: {year}, value: {:?}, low: {:?}, high: {:?}, unit: ForecastUnit::{unit:?}, \
             perimeter: Perimeter::{perimeter:?}, perimeter_text: {}, comparable: Comparable::{comparable:?}, \
             url: {:?}, seen: Seen::{seen:?}, note: {} }},",
            row.id, row.publisher, register_text(&row.title), row.published, row.value, row.low, row.high,
            register_text(&row.perimeter_text), row.url, register_text(&row.note)
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
    Ok(())
}
