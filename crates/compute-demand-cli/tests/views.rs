//! `outside`, `exceedance` and `discover`: the same numbers as the core's functions, the
//! forecasts with their units and sources, and one clear line for each refusal.

use compute_demand_core::data::Country;
use compute_demand_core::outside::{forecasts, Region};
use compute_demand_core::sim::discover::Condition;
use compute_demand_core::{discover, Exceedance, Metric, Scenario, Simulator, PARAMS};
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

/// The core's simulator after a run of the baseline at `samples` draws.
fn core_run(samples: usize) -> Simulator {
    let mut scenario = Scenario::default();
    scenario.sampling.samples = samples;
    let mut simulator = Simulator::new();
    simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    simulator
}

fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"))
}

/// The CLI writes each number's shortest round-trip digits; serde_json's default reader gets
/// within one unit in the last place of them.
fn same(got: &Value, want: f64) {
    let got = number(got);
    assert!(
        (got - want).abs() <= f64::EPSILON * want.abs(),
        "{got} against the core's {want}"
    );
}

#[test]
fn exceedance_gives_the_cores_numbers() {
    let mut simulator = core_run(700);
    for (metric, points) in [
        (Metric::FacilityPowerMw, "21"),
        (Metric::SupplyPowerMw, "9"),
    ] {
        let cli = json(&[
            "exceedance",
            "--metric",
            metric.key(),
            "--year",
            "2029",
            "--samples",
            "700",
            "--points",
            points,
            "--format",
            "json",
        ]);
        let exceedance = Exceedance::of(simulator.last(), metric, 2029);
        let curve = exceedance.curve(points.parse().unwrap());
        assert_eq!(cli["draws"], 700);
        assert_eq!(cli["unit"], "MW");
        let cli_points = cli["points"].as_array().unwrap();
        assert_eq!(cli_points.len(), curve.len());
        for (got, want) in cli_points.iter().zip(&curve) {
            same(&got["level"], want.level);
            same(&got["chance"], want.chance);
        }
        let one = json(&[
            "exceedance",
            "--metric",
            metric.key(),
            "--year",
            "2029",
            "--samples",
            "700",
            "--level",
            "400",
            "--format",
            "json",
        ]);
        same(&one["chance"], exceedance.chance_above(400.0));
    }
}

#[test]
fn discover_gives_the_cores_numbers() {
    let mut simulator = core_run(800);
    let condition = Condition::Below(1.0);
    let core = discover(&mut simulator, Metric::CoverageRatio, 2030, condition).unwrap();
    let cli = json(&[
        "discover",
        "--metric",
        "coverage_ratio",
        "--year",
        "2030",
        "--below",
        "1",
        "--samples",
        "800",
        "--format",
        "json",
    ]);
    assert_eq!(cli["condition"], "below");
    same(&cli["level"], 1.0);
    assert_eq!(cli["draws"], 800);
    assert_eq!(cli["holding"]["draws"], core.holding);
    assert_eq!(cli["rest"]["draws"], core.rest);
    let shares = number(&cli["holding"]["share"]) + number(&cli["rest"]["share"]);
    assert!((shares - 1.0).abs() < 1e-12);
    let parameters = cli["parameters"].as_array().unwrap();
    assert_eq!(parameters.len(), core.parameters.len());
    for (got, want) in parameters.iter().zip(&core.parameters) {
        assert_eq!(got["key"], PARAMS[want.param.index()].key);
        same(&got["distance"], want.distance);
        same(&got["shift"], want.shift);
        for (group, summary) in [("holding", want.holds), ("rest", want.rest)] {
            same(&got[group]["p5"], summary.p5);
            same(&got[group]["p50"], summary.p50);
            same(&got[group]["p95"], summary.p95);
        }
    }
}

#[test]
fn outside_lists_every_forecast_with_its_unit_and_source() {
    let all = json(&["outside", "--format", "json"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), forecasts(Country::first(), None).count());
    for (got, f) in all.iter().zip(forecasts(Country::first(), None)) {
        assert_eq!(got["id"], f.id);
        assert_eq!(got["unit"], f.unit.key());
        assert_eq!(got["url"], f.url);
        assert!(!got["note"].as_str().unwrap().is_empty(), "{}", f.id);
        same(&got["mw"], f.in_mw().mw);
    }
    let europe = json(&["outside", "--region", "europe", "--format", "json"]);
    assert_eq!(
        europe.as_array().unwrap().len(),
        forecasts(Country::first(), Some(Region::Europe)).count()
    );
    let csv_text = String::from_utf8(run(&["outside", "--format", "csv"]).stdout).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    for column in [
        "value",
        "low",
        "high",
        "unit",
        "mw",
        "mw_kind",
        "perimeter",
        "url",
    ] {
        assert!(header.iter().any(|h| h == column), "no {column} column");
    }
    assert_eq!(reader.records().count(), all.len());
}

/// Each refusal: exit code and the one line on stderr.
#[test]
fn bad_input_gets_one_clear_line() {
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["discover", "--metric", "coverage", "--below", "1"],
            1,
            "--metric: unknown metric 'coverage'; did you mean 'coverage_ratio'",
        ),
        (
            &["discover", "--year", "2031", "--below", "1"],
            1,
            "--year: year 2031 is outside 2024–2030",
        ),
        (
            &["discover", "--below", "1", "--above", "2"],
            1,
            "give --below or --above, not both",
        ),
        (
            &["discover"],
            1,
            "give a condition to split the draws by: --below X or --above X",
        ),
        (
            &["discover", "--below", "one"],
            1,
            "--below: 'one' is not a number",
        ),
        (
            &["discover", "--below", "0.00001", "--samples", "200"],
            1,
            "no draw has coverage_ratio below 0.00001 in 2030 (its draws run from",
        ),
        (
            &["discover", "--above", "-1", "--samples", "200"],
            1,
            "every draw has coverage_ratio above -1 in 2030",
        ),
        (
            &["exceedance", "--metric", "power"],
            1,
            "--metric: unknown metric 'power'",
        ),
        (
            &["exceedance", "--year", "2023"],
            1,
            "--year: year 2023 is outside 2024–2030",
        ),
        (
            &["exceedance", "--level", "NaN"],
            1,
            "--level: 'NaN' is not a number",
        ),
        (
            &["exceedance", "--points", "1"],
            1,
            "--points: points must be a whole number from 2 to 1001, not 1",
        ),
        (
            &["exceedance", "--points", "5", "--level", "3"],
            2,
            "the argument '--points <POINTS>' cannot be used with '--level <LEVEL>'",
        ),
        (
            &["outside", "--region", "asia"],
            1,
            "--region: unknown region 'asia'; it is one of country, europe",
        ),
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
            stderr.starts_with("compute-demand: error: ") && stderr.contains(expected),
            "{args:?}\n got: {stderr}want: …{expected}…"
        );
        assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    }
}
