//! The output contract of every command, as reviewed text: human tables and `--help` are
//! snapshots (tests/snapshots/*.snap; a change shows as a diff to accept with
//! `INSTA_UPDATE=always cargo test -p compute-demand-cli` or `cargo insta review`), and every
//! command's `--format csv` parses as CSV with one field per header column.

use std::process::Command;

fn stdout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_compute-demand"))
        .args(args)
        .output()
        .expect("run compute-demand");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

const TRAINING: &[&str] = &[
    "training", "--params", "175e9", "--tokens", "300e9", "--gpu", "a100-sxm", "--days", "30",
];
const INFERENCE: &[&str] = &[
    "inference",
    "--active-params",
    "39B",
    "--tokens-per-day",
    "1T",
    "--gpu",
    "h100-sxm",
];
const RUN: &[&str] = &["run", "--samples", "500"];
const SENSITIVITY: &[&str] = &["sensitivity", "--samples", "500"];

/// Every command that prints rows or figures, as the user types it without `--format`.
const COMMANDS: &[(&str, &[&str])] = &[
    ("gpus", &["gpus"]),
    ("params", &["params"]),
    ("training", TRAINING),
    ("inference", INFERENCE),
    ("run", RUN),
    ("sensitivity", SENSITIVITY),
    (
        "sensitivity_rank",
        &["sensitivity", "--method", "rank", "--samples", "500"],
    ),
    ("projects", &["projects"]),
    ("countries", &["countries"]),
    ("explain", &["explain", "--metric", "co2_tonnes"]),
    (
        "explain_supply",
        &["explain", "--metric", "supply_gpus_h100e", "--year", "2027"],
    ),
    ("outside", &["outside"]),
    ("exceedance", &["exceedance", "--samples", "500"]),
    (
        "exceedance_level",
        &["exceedance", "--samples", "500", "--level", "500"],
    ),
    (
        "discover",
        &["discover", "--samples", "500", "--below", "1"],
    ),
];

#[test]
fn human_tables_are_reviewed() {
    for (name, args) in COMMANDS {
        insta::assert_snapshot!(format!("table_{name}"), stdout(args));
    }
}

#[test]
fn help_texts_are_reviewed() {
    let subcommands = [
        "training",
        "inference",
        "gpus",
        "params",
        "run",
        "sensitivity",
        "share-url",
        "scenario",
        "projects",
        "draws",
        "explain",
        "outside",
        "exceedance",
        "discover",
        "countries",
    ];
    insta::assert_snapshot!("help", stdout(&["--help"]));
    for subcommand in subcommands {
        insta::assert_snapshot!(
            format!("help_{subcommand}"),
            stdout(&[subcommand, "--help"])
        );
    }
}

#[test]
fn every_csv_parses_with_one_field_per_column() {
    for (name, args) in COMMANDS {
        let text = stdout(&[args, &["--format", "csv"][..]].concat());
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().expect("a header").clone();
        assert!(header.len() >= 2, "{name}: header {header:?}");
        let mut records = 0;
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(record.len(), header.len(), "{name}: {record:?}");
            records += 1;
        }
        assert!(records > 0, "{name}: no records");
    }
}

#[test]
fn csv_and_json_carry_the_same_fields() {
    // (command, JSON is an array of objects keyed as the CSV header)
    for args in [&["gpus"][..], &["params"], SENSITIVITY, &["outside"]] {
        let csv_text = stdout(&[args, &["--format", "csv"][..]].concat());
        let json: serde_json::Value =
            serde_json::from_str(&stdout(&[args, &["--format", "json"][..]].concat())).unwrap();
        let header: Vec<String> = csv::Reader::from_reader(csv_text.as_bytes())
            .headers()
            .unwrap()
            .iter()
            .map(String::from)
            .collect();
        let first = json.as_array().expect("an array")[0].as_object().unwrap();
        let json_keys: Vec<&String> = first.keys().collect();
        for key in &json_keys {
            assert!(
                header.contains(key),
                "{args:?}: {key} missing from the CSV header"
            );
        }
    }
}

#[test]
fn draws_are_one_row_per_draw_with_named_columns() {
    let text = stdout(&[
        "draws",
        "--keys",
        "training.frontier.growth,facility.pue",
        "--metric",
        "gpus_h100e",
        "--metric",
        "facility_power_mw",
        "--year",
        "2026",
        "--year",
        "2030",
        "--samples",
        "300",
    ]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "draw",
            "training.frontier.growth",
            "facility.pue",
            "gpus_h100e@2026",
            "facility_power_mw@2030"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 300);
    // The draws are the run's: their median is the run's median.
    let mut power: Vec<f64> = rows.iter().map(|r| r[4].parse().unwrap()).collect();
    power.sort_by(f64::total_cmp);
    let run: serde_json::Value =
        serde_json::from_str(&stdout(&["run", "--samples", "300", "--format", "json"])).unwrap();
    let p50 = run["years"][6]["metrics"]["facility_power_mw"]["p50"]
        .as_f64()
        .unwrap();
    assert!((power[149] + power[150]) / 2.0 - p50 < 1e-9 * p50);
    let json: serde_json::Value = serde_json::from_str(&stdout(&[
        "draws",
        "--keys",
        "facility.pue",
        "--samples",
        "7",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 7);
}

/// The chain the CLI explains ends on the run's figure when every parameter is a point: the
/// Monte Carlo then has one value, the medians'.
#[test]
fn explain_ends_on_the_figure_at_median_assumptions() {
    for metric in [
        "facility_power_mw",
        "co2_tonnes",
        "supply_power_mw",
        "coverage_ratio",
    ] {
        let steps: serde_json::Value = serde_json::from_str(&stdout(&[
            "explain", "--metric", metric, "--year", "2029", "--format", "json",
        ]))
        .unwrap();
        let last = steps.as_array().unwrap().last().unwrap()["value"]
            .as_f64()
            .unwrap();
        let tornado: serde_json::Value = serde_json::from_str(&stdout(&[
            "sensitivity",
            "--metric",
            metric,
            "--year",
            "2029",
            "--samples",
            "10",
            "--format",
            "json",
        ]))
        .unwrap();
        // Each swing's bars straddle the centre, the figure at the medians.
        let swing = &tornado.as_array().unwrap()[0];
        let (low, high) = (
            swing["low"].as_f64().unwrap(),
            swing["high"].as_f64().unwrap(),
        );
        assert!(
            low.min(high) <= last * (1.0 + 1e-12) && last <= low.max(high) * (1.0 + 1e-12),
            "{metric}: {last} outside {low}..{high}"
        );
    }
}
