//! The command line as users script it: output keys, formats, and one-line refusals.

use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_compute-demand"))
        .args(args)
        .output()
        .expect("run compute-demand")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn training_json() {
    let v = json(&[
        "training", "--params", "175e9", "--tokens", "300e9", "--gpu", "a100-sxm", "--mfu", "0.4",
        "--format", "json",
    ]);
    let mut k = keys(&v);
    k.sort();
    assert_eq!(
        k,
        [
            "co2_tonnes",
            "energy_cost_eur",
            "facility_energy_mwh",
            "flop",
            "gpu_hours",
            "it_energy_mwh"
        ]
    );
    assert_eq!(v["flop"].as_f64().unwrap(), 3.15e23);
    let gpu_hours = 3.15e23 / (312e12 * 0.4) / 3600.0;
    assert!((v["gpu_hours"].as_f64().unwrap() / gpu_hours - 1.0).abs() < 1e-12);

    let v = json(&[
        "training",
        "--params",
        "141B",
        "--active-params",
        "39B",
        "--tokens",
        "10T",
        "--gpu",
        "h100-sxm",
        "--days",
        "90",
        "--gpu-power-w",
        "1000",
        "--pue",
        "1.2",
        "--grid-gco2-per-kwh",
        "50",
        "--electricity-eur-per-mwh",
        "100",
        "--format",
        "json",
    ]);
    let flop = 6.0 * 39e9 * 10e12;
    assert_eq!(v["flop"].as_f64().unwrap(), flop);
    let gpu_hours = v["gpu_hours"].as_f64().unwrap();
    assert!((v["gpus"].as_f64().unwrap() - gpu_hours / (90.0 * 24.0)).abs() < 1e-6);
    let facility = gpu_hours * 1000.0 / 1e6 * 1.2;
    assert!((v["facility_energy_mwh"].as_f64().unwrap() / facility - 1.0).abs() < 1e-12);
    assert!((v["co2_tonnes"].as_f64().unwrap() / (facility * 0.05) - 1.0).abs() < 1e-12);
    assert!((v["energy_cost_eur"].as_f64().unwrap() / (facility * 100.0) - 1.0).abs() < 1e-12);
}

#[test]
fn inference_json() {
    let v = json(&[
        "inference",
        "--active-params",
        "39e9",
        "--tokens-per-day",
        "1e12",
        "--gpu",
        "h100-sxm",
        "--utilization",
        "0.15",
        "--format",
        "json",
    ]);
    let mut k = keys(&v);
    k.sort();
    assert_eq!(
        k,
        [
            "co2_tonnes_per_year",
            "energy_mwh_per_year",
            "facility_power_mw",
            "flop_per_day",
            "gpus",
            "it_power_mw"
        ]
    );
    let gpus = 7.8e22 / 86_400.0 / (989e12 * 0.15);
    assert!((v["gpus"].as_f64().unwrap() / gpus - 1.0).abs() < 1e-12);
}

#[test]
fn catalogs() {
    let gpus = json(&["gpus", "--format", "json"]);
    let ids: Vec<&str> = gpus
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    let catalog: Vec<&str> = compute_demand_core::GPUS.iter().map(|g| g.id).collect();
    assert_eq!(ids, catalog);
    for field in [
        "id",
        "name",
        "bf16_tflops",
        "fp8_tflops",
        "memory_gb",
        "bandwidth_tbps",
        "tdp_w",
        "server_overhead",
        "source",
    ] {
        assert!(gpus[0].get(field).is_some(), "gpus lack {field}");
    }
    let params = json(&["params", "--format", "json"]);
    for p in params.as_array().unwrap() {
        for field in ["key", "label", "unit", "default", "min", "max", "source"] {
            assert!(p.get(field).is_some(), "{} lacks {field}", p["key"]);
        }
        let (d, min, max) = (
            p["default"].as_f64().unwrap(),
            p["min"].as_f64().unwrap(),
            p["max"].as_f64().unwrap(),
        );
        assert!(min <= d && d <= max);
    }
    assert!(String::from_utf8(run(&["gpus"]).stdout)
        .unwrap()
        .contains("NVIDIA H100 Tensor Core GPU datasheet"));
}

const METRICS: [&str; 16] = [
    "training_flop",
    "inference_flop",
    "gpus_h100e",
    "gpus_units",
    "facility_power_mw",
    "energy_gwh",
    "cost_eur",
    "co2_tonnes",
    "supply_gpus_h100e",
    "supply_power_mw",
    "coverage_ratio",
    "coverage_ratio_domestic",
    "foreign_power_mw",
    "owned_gpus_h100e",
    "committed_gpus_h100e",
    "ecosystem_gpus_h100e",
];

#[test]
fn run_json_and_csv() {
    let v = json(&["run", "--samples", "2000", "--format", "json"]);
    assert_eq!(v["scenario"]["preset"], "baseline");
    assert_eq!(v["scenario"]["samples"], 2000);
    // What made the report, under which licence, and where to see it again.
    let meta = &v["meta"];
    assert_eq!(meta["tool"], "compute-demand");
    assert_eq!(meta["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(meta["licence"], "CC BY 4.0");
    assert!(meta["data_as_of"]
        .as_str()
        .is_some_and(|d| d.starts_with("20")));
    assert_eq!(meta["permalink"], "#v1&s=2000", "the share link's fragment");
    let sources = meta["sources"].as_array().unwrap();
    assert_eq!(sources.len(), compute_demand_core::PARAMS.len());
    assert!(sources
        .iter()
        .all(|s| s["key"].is_string() && !s["source"].as_str().unwrap().is_empty()));
    let years: Vec<u64> = v["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_u64().unwrap())
        .collect();
    assert_eq!(years, (2024..=2030).collect::<Vec<_>>());
    for year in v["years"].as_array().unwrap() {
        for metric in METRICS {
            let s = &year["metrics"][metric];
            let (p5, p50, p95) = (
                s["p5"].as_f64().unwrap(),
                s["p50"].as_f64().unwrap(),
                s["p95"].as_f64().unwrap(),
            );
            assert!(
                p5 <= p50 && p50 <= p95 && s["mean"].as_f64().unwrap().is_finite(),
                "{metric}"
            );
        }
    }
    let csv =
        String::from_utf8(run(&["run", "--samples", "2000", "--format", "csv"]).stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("metric,year,p5,p50,p95,mean,unit"));
    assert_eq!(lines.count(), 7 * compute_demand_core::METRIC_COUNT);
    // The same scenario and seed give the same numbers as JSON.
    let gpus_2030 = v["years"][6]["metrics"]["gpus_h100e"]["p50"]
        .as_f64()
        .unwrap();
    let row = csv
        .lines()
        .find(|l| l.starts_with("gpus_h100e,2030,"))
        .unwrap();
    assert_eq!(
        row.split(',').nth(3).unwrap().parse::<f64>().unwrap(),
        gpus_2030
    );
    assert!(row.ends_with(",GPUs"), "every row has its unit: {row}");
    // Two coverages, both in JSON and CSV: French demand alone is covered at least as much as
    // all demand on French sites, draw by draw, so at every percentile.
    for q in ["p5", "p50", "p95"] {
        let at = |m: &str| v["years"][6]["metrics"][m][q].as_f64().unwrap();
        assert!(at("coverage_ratio_domestic") >= at("coverage_ratio"), "{q}");
    }
    assert!(csv
        .lines()
        .any(|l| l.starts_with("coverage_ratio_domestic,2030,") && l.ends_with(",ratio")));
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.rsplit(',').next().is_some_and(|u| !u.is_empty())),
        "every row has a unit"
    );
}

#[test]
fn point_values_make_percentiles_equal() {
    let params = json(&["params", "--format", "json"]);
    let mut args = vec![
        "run".to_string(),
        "--samples".into(),
        "50".into(),
        "--format".into(),
        "json".into(),
    ];
    for p in params.as_array().unwrap() {
        args.push("--set".into());
        args.push(format!("{}={}", p["key"].as_str().unwrap(), p["default"]));
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let v = json(&refs);
    for year in v["years"].as_array().unwrap() {
        for metric in METRICS {
            let s = &year["metrics"][metric];
            assert!(
                s["p5"] == s["p50"] && s["p50"] == s["p95"] && s["p95"] == s["mean"],
                "{metric}: {s}"
            );
        }
    }
}

#[test]
fn scenario_files_and_sets() {
    let dir = std::env::temp_dir().join(format!("compute-demand-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("s.toml");
    let written = run(&[
        "scenario",
        "--preset",
        "high",
        "--set",
        "training.frontier.growth=uniform(1.5, 3)",
        "--seed",
        "9",
    ]);
    std::fs::write(&file, &written.stdout).unwrap();
    let from_file = json(&[
        "run",
        "--scenario",
        file.to_str().unwrap(),
        "--samples",
        "500",
        "--format",
        "json",
    ]);
    let from_flags = json(&[
        "run",
        "--preset",
        "high",
        "--set",
        "training.frontier.growth=uniform(1.5,3)",
        "--seed",
        "9",
        "--samples",
        "500",
        "--format",
        "json",
    ]);
    assert_eq!(from_file["years"], from_flags["years"]);
    assert_eq!(
        from_file["scenario"]["params"]["training.frontier.growth"],
        "uniform(1.5, 3)"
    );

    std::fs::write(&file, "[params]\n\ntraining.frontier.growth = 11\n").unwrap();
    let out = run(&["run", "--scenario", file.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(":3: training.frontier.growth: 11 is out of range; it takes 1..10"),
        "{stderr}"
    );
}

#[test]
fn sensitivity_json_is_sorted_by_swing() {
    let v = json(&[
        "sensitivity",
        "--metric",
        "gpus_h100e",
        "--year",
        "2030",
        "--format",
        "json",
    ]);
    let swings: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["swing"].as_f64().unwrap())
        .collect();
    assert!(swings.len() > 20);
    assert!(swings.windows(2).all(|w| w[0] >= w[1]));
    for s in v.as_array().unwrap() {
        let (low, high) = (s["low"].as_f64().unwrap(), s["high"].as_f64().unwrap());
        assert!(
            ((high - low).abs() - s["swing"].as_f64().unwrap()).abs()
                < 1e-6 * low.abs().max(high.abs())
        );
    }
}

#[test]
fn share_url() {
    let out = run(&[
        "share-url",
        "--base",
        "https://example.org/app/",
        "--preset",
        "low",
        "--set",
        "inference.consumer.users_m=5..9",
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "https://example.org/app/#v1&p=low&inference.consumer.users_m=5..9\n"
    );
}

/// `run --link` reads a page's link: its language is the page's, not the scenario's (taken
/// without a word); a language the app does not have is said, and the rest run; numbers with
/// more digits than a link writes are read as the app reads them.
#[test]
fn run_reads_a_pages_link() {
    let figures = |args: &[&str]| {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (plain, _) = figures(&["run", "--format", "csv", "--link", "#v1&p=high&s=200"]);
    let (french, said) = figures(&[
        "run",
        "--format",
        "csv",
        "--link",
        "https://example.org/#v1&p=high&s=200&lang=fr",
    ]);
    assert_eq!((french.as_str(), said.as_str()), (plain.as_str(), ""));
    let (unknown, said) = figures(&[
        "run",
        "--format",
        "csv",
        "--link",
        "#v1&p=high&s=200&lang=xx",
    ]);
    assert_eq!(unknown, plain);
    assert_eq!(
        said,
        "compute-demand: note: --link: link: unknown language 'xx'; the languages are en, fr\n"
    );
    let (long, _) = figures(&[
        "run",
        "--format",
        "csv",
        "--link",
        "#v1&s=200&facility.pue=1.3174603174603174",
    ]);
    let (short, _) = figures(&[
        "run",
        "--format",
        "csv",
        "--link",
        "#v1&s=200&facility.pue=1.31746",
    ]);
    assert_eq!(long, short);
}

/// `countries` lists the packs; `--country` picks one, on every scenario command, and the
/// scenario's file says it.
#[test]
fn countries_and_the_country_flag() {
    let packs = json(&["countries", "--format", "json"]);
    let france = &packs[0];
    assert_eq!(france["code"], "fr");
    assert_eq!(france["name"], "France");
    let params = json(&["params", "--format", "json"]);
    assert_eq!(
        france["params"].as_f64(),
        Some(params.as_array().unwrap().len() as f64)
    );
    let projects = json(&["projects", "--format", "json"]);
    assert_eq!(
        france["projects"].as_f64(),
        Some(projects.as_array().unwrap().len() as f64)
    );

    let plain = run(&["run", "--format", "csv", "--samples", "500"]);
    for country in ["fr", "FR"] {
        let named = run(&[
            "run",
            "--country",
            country,
            "--format",
            "csv",
            "--samples",
            "500",
        ]);
        assert!(named.status.success());
        assert_eq!(
            named.stdout, plain.stdout,
            "--country {country} is the default pack"
        );
    }
    let file = run(&["scenario", "--country", "fr", "--preset", "low"]);
    let text = String::from_utf8(file.stdout).unwrap();
    assert!(text.contains("\ncountry = \"fr\"\n"), "{text}");
    // A link's country and --country agree, or the command says so.
    let link = run(&[
        "run",
        "--link",
        "#v1&cc=fr",
        "--country",
        "fr",
        "--format",
        "csv",
        "--samples",
        "500",
    ]);
    assert_eq!(link.stdout, plain.stdout);

    // The United Kingdom's pack: its own parameters, register and presets, carried by a file
    // and a link, and refused where another country's scenario is given.
    let uk = &packs[1];
    assert_eq!(
        (uk["code"].as_str(), uk["name"].as_str()),
        (Some("uk"), Some("United Kingdom"))
    );
    let uk_projects = json(&["projects", "--country", "uk", "--format", "json"]);
    assert_eq!(
        uk["projects"].as_f64(),
        Some(uk_projects.as_array().unwrap().len() as f64)
    );
    assert_ne!(uk_projects, projects, "the UK's register is its own");
    // Its keys are its own where the engine's would name France; `--set` takes them.
    let uk_params = json(&["params", "--country", "uk", "--format", "json"]);
    let keys: Vec<&str> = uk_params
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"training.deepmind.uk_share"), "{keys:?}");
    assert!(
        !keys
            .iter()
            .any(|k| k.contains("france") || k.contains("poolside")),
        "{keys:?}"
    );
    let set = run(&[
        "run",
        "--country",
        "uk",
        "--set",
        "training.deepmind.uk_share=0.02",
        "--format",
        "csv",
        "--samples",
        "200",
    ]);
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let uk_run = run(&[
        "run",
        "--country",
        "uk",
        "--format",
        "csv",
        "--samples",
        "500",
    ]);
    assert!(uk_run.status.success());
    assert_ne!(uk_run.stdout, plain.stdout, "the UK's figures are its own");
    let file = run(&[
        "scenario",
        "--country",
        "uk",
        "--preset",
        "grid-constrained",
    ]);
    let text = String::from_utf8(file.stdout).unwrap();
    assert!(text.contains("\ncountry = \"uk\"\n"), "{text}");
    // The UK's file speaks its keys (its `uk_share`, not the engine's `france_share`).
    let own = run(&[
        "scenario",
        "--country",
        "uk",
        "--set",
        "training.deepmind.uk_share=0.02",
    ]);
    let own = String::from_utf8(own.stdout).unwrap();
    assert!(
        own.contains("\ntraining.deepmind.uk_share = 0.02\n"),
        "{own}"
    );
    let path = std::env::temp_dir().join(format!("uk-{}.toml", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let from_file = run(&[
        "run",
        "--scenario",
        path.to_str().unwrap(),
        "--format",
        "csv",
        "--samples",
        "500",
    ]);
    let wrong = run(&[
        "run",
        "--scenario",
        path.to_str().unwrap(),
        "--country",
        "fr",
    ]);
    std::fs::remove_file(&path).unwrap();
    let grid = run(&[
        "run",
        "--country",
        "uk",
        "--preset",
        "grid-constrained",
        "--format",
        "csv",
        "--samples",
        "500",
    ]);
    assert_eq!(
        from_file.stdout, grid.stdout,
        "a UK file runs as its preset"
    );
    assert!(String::from_utf8_lossy(&wrong.stderr)
        .contains("--country fr but the scenario is United Kingdom's (uk)"));
    let url = run(&[
        "share-url",
        "--country",
        "uk",
        "--preset",
        "grid-constrained",
    ]);
    assert_eq!(
        String::from_utf8_lossy(&url.stderr),
        "",
        "the app holds every pack: nothing to warn of"
    );
    let url = String::from_utf8(url.stdout).unwrap();
    assert!(url.contains("#v1&cc=uk&p=grid-constrained"), "{url}");
    let from_link = run(&[
        "run",
        "--link",
        url.trim(),
        "--format",
        "csv",
        "--samples",
        "500",
    ]);
    assert_eq!(
        from_link.stdout, grid.stdout,
        "a UK link runs as its preset"
    );
    // France's presets are not the UK's.
    let missing = run(&["run", "--country", "fr", "--preset", "grid-constrained"]);
    assert!(String::from_utf8_lossy(&missing.stderr)
        .contains("unknown preset 'grid-constrained'; the presets are baseline, low, high"));
}

/// Each refusal: exit code and the one line on stderr.
#[test]
fn bad_input_gets_one_clear_line() {
    let cases: &[(&[&str], i32, &str)] = &[
        (&["training", "--params", "7e9", "--tokens", "1e12", "--gpu", "h100"], 1, "--gpu: unknown GPU 'h100'; the GPUs are a100-sxm, h100-sxm"),
        (&["training", "--params", "-7e9", "--tokens", "1e12", "--gpu", "h100-sxm"], 1, "--params: -7000000000 is negative"),
        (&["training", "--params", "NaN", "--tokens", "1e12", "--gpu", "h100-sxm"], 1, "--params: 'NaN' is not a number"),
        (&["training", "--params", "7e9", "--tokens", "inf", "--gpu", "h100-sxm"], 1, "--tokens: 'inf' is not a number"),
        (&["training", "--params", "7e9", "--tokens", "1e999", "--gpu", "h100-sxm"], 1, "--tokens: '1e999' is not a finite number"),
        (&["training", "--params", "7e9", "--tokens", "1e12", "--gpu", "h100-sxm", "--mfu", "1.5"], 1, "--mfu: hardware.training_mfu: 1.5 is out of range; it takes 0.05..0.9"),
        (&["training", "--params", "7e9", "--active-params", "8e9", "--tokens", "1e12", "--gpu", "h100-sxm"], 1, "--active-params: 8000000000 active parameters exceed"),
        (&["training", "--params", "7e9", "--gpu", "h100-sxm"], 2, "the following required arguments were not provided: --tokens <TOKENS>"),
        (&["inference", "--active-params", "7e9", "--tokens-per-day", "0", "--gpu", "h100-sxm"], 1, "--tokens-per-day: 0 is out of range"),
        (&["run", "--set", "training.frontier.run_per_year=3"], 1, "--set: unknown parameter 'training.frontier.run_per_year'; did you mean 'training.frontier.runs_per_year'"),
        (&["run", "--set", "growth=3"], 1, "--set: unknown parameter 'growth'; did you mean"),
        (&["run", "--set", "training.frontier.growth=4..2"], 1, "--set: training.frontier.growth: range 4..2 has its low bound above its high bound"),
        (&["run", "--set", "training.frontier.growth"], 1, "--set: 'training.frontier.growth' is not KEY=VALUE"),
        (&["run", "--preset", "medium"], 1, "--preset: unknown preset 'medium'; the presets are baseline, low, high"),
        (&["run", "--samples", "0"], 1, "--samples: samples must be a whole number from 1 to 100000"),
        (&["run", "--seed", "-1"], 1, "--seed: seed must be a whole number"),
        (&["run", "--scenario", "/nonexistent/s.toml"], 1, "--scenario /nonexistent/s.toml: No such file"),
        (&["run", "--format", "xml"], 2, "invalid value 'xml' for '--format <FORMAT>'"),
        (&["sensitivity", "--metric", "gpus"], 1, "--metric: unknown metric 'gpus'; did you mean"),
        (&["sensitivity", "--year", "2040"], 1, "--year: year 2040 is outside 2024–2030"),
        (&["frobnicate"], 2, "unrecognized subcommand 'frobnicate'"),
        (&["run", "--corr", "training.frontier.growth,training.poolside.growth=1.5"], 1, "--corr: correlation training.frontier.growth,training.poolside.growth: correlation 1.5 is outside -1..1"),
        (&["run", "--corr", "training.frontier.growth=0.5"], 1, "--corr: correlation 'training.frontier.growth' is not KEY1,KEY2"),
        (&["run", "--corr", "training.frontier.growth,training.frontier.growth=0.5"], 1, "a correlation pairs two different parameters"),
        (&["run", "--corr", "training.frontier.growth,training.poolside.growth"], 1, "--corr: 'training.frontier.growth,training.poolside.growth' is not KEY1,KEY2=RHO"),
        (&["run", "--set", "supply.weight_announced=0.5"], 1, "--set: parameter 'supply.weight_announced' was removed and its value dropped: replaced by"),
        (&["draws", "--metric", "gpus_h100e", "--year", "2026", "--year", "2027"], 1, "--year: 2 --year for 1 --metric: give one year, or one per metric"),
        (&["draws", "--keys", "pue"], 1, "--keys: unknown parameter 'pue'; did you mean 'facility.pue'"),
        (&["sensitivity", "--method", "tornado"], 2, "invalid value 'tornado' for '--method <METHOD>'"),
        (&["run", "--country", "es"], 1, "--country: no country pack 'es'; the countries are fr (France), uk (United Kingdom)"),
        (&["params", "--country", "de"], 1, "--country: no country pack 'de'; the countries are fr (France), uk (United Kingdom)"),
        (&["outside", "--country", "france"], 1, "--country: no country pack 'france'; did you mean 'fr'? the countries are fr (France), uk (United Kingdom)"),
    ];
    for &(args, code, expected) in cases {
        let out = run(args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert_eq!(
            stderr.lines().count(),
            1,
            "{args:?}: one line, got {stderr:?}"
        );
        assert!(
            stderr.starts_with("compute-demand: error: "),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains(expected),
            "{args:?}\n got: {stderr}want: …{expected}…"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
}

/// `projects --format json`: `[{id, name, site, dedicated, source, tranches: [{online_year,
/// status, capacity, nameplate_mw, source}]}]`, as issue 9 names it.
#[test]
fn projects_json_has_the_register_shape() {
    let projects = json(&["projects", "--format", "json"]);
    let projects = projects.as_array().unwrap();
    assert!(projects.len() >= 10, "{} projects", projects.len());
    for project in projects {
        for key in ["id", "name", "site", "dedicated", "source", "tranches"] {
            assert!(project.get(key).is_some(), "{project}: lacks {key}");
        }
        for tranche in project["tranches"].as_array().unwrap() {
            for key in [
                "online_year",
                "retired",
                "status",
                "capacity",
                "nameplate_mw",
                "source",
            ] {
                assert!(tranche.get(key).is_some(), "{tranche}: lacks {key}");
            }
            assert!(tranche["nameplate_mw"].as_f64().unwrap() > 0.0, "{tranche}");
            // The capacity as given: mw, gpus and gpu, or eur and scope.
            let given = tranche["capacity"].as_object().unwrap().len();
            assert!((1..=2).contains(&given), "{tranche}");
        }
    }
}

/// `--corr` works on every command that takes a scenario, and travels in links and files.
#[test]
fn correlations_reach_every_scenario_command() {
    let corr = "training.frontier.growth,training.research.growth=-0.4";
    let link = String::from_utf8(run(&["share-url", "--corr", corr]).stdout).unwrap();
    assert!(
        link.contains("c=training.frontier.growth,training.research.growth,-0.4"),
        "{link}"
    );
    let file = String::from_utf8(run(&["scenario", "--corr", corr]).stdout).unwrap();
    assert!(
        file.contains("[correlations]")
            && file.contains("\"training.frontier.growth,training.research.growth\" = -0.4"),
        "{file}"
    );
    for args in [
        &["run", "--samples", "200", "--corr", corr][..],
        &[
            "sensitivity",
            "--method",
            "rank",
            "--samples",
            "200",
            "--corr",
            corr,
        ],
        &[
            "draws",
            "--keys",
            "facility.pue",
            "--samples",
            "20",
            "--corr",
            corr,
        ],
    ] {
        let out = run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bad = run(&["draws", "--corr", "training.frontier.growth=1"]);
    assert!(!bad.status.success());
}

/// A reader that closes the pipe early (`| head -c 10`) ends the output quietly (here 2.3 MB
/// of draws, far more than a pipe buffers): no panic,
/// nothing on stderr, success.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_compute-demand"))
        .args([
            "draws",
            "--metric",
            "facility_power_mw",
            "--samples",
            "2000",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let mut first = [0u8; 10];
    child
        .stdout
        .take()
        .expect("its output")
        .read_exact(&mut first)
        .expect("ten bytes");
    // The read end is dropped here: the rest of the output meets a closed pipe.
    let output = child.wait_with_output().expect("the CLI ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{:?}: {stderr}", output.status);
    assert!(stderr.is_empty(), "{stderr}");
}
