//! `cargo bench -p compute-demand-core --bench model`: the numbers behind BENCHMARKS.md.

use compute_demand_core::data::{Capacity, Status, Tranche};
use compute_demand_core::{CustomProject, Metric, Sampling, Scenario, Simulator};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;

fn deterministic(c: &mut Criterion) {
    let scenario = Scenario::default();
    let model = scenario.model();
    let values = scenario.medians();
    c.bench_function("projection: one draw through 2024–2030", |b| {
        b.iter(|| model.project(black_box(&values)))
    });
}

fn monte_carlo(c: &mut Criterion) {
    let scenario = Scenario::default();
    let model = scenario.model();
    let mut group = c.benchmark_group("monte carlo");
    group.sample_size(20);
    for samples in [1_000, 10_000, 100_000] {
        let sampling = Sampling { samples, seed: 1 };
        let mut simulator = Simulator::new();
        group.throughput(Throughput::Elements(samples as u64));
        // A fresh simulator draws everything: the parameters' orders, the correlations, the
        // values, then the model.
        group.bench_with_input(
            BenchmarkId::new("fresh simulator: draws + model", samples),
            &sampling,
            |b, &sampling| {
                b.iter(|| {
                    Simulator::new()
                        .simulate(&model, &scenario, sampling)
                        .summary(Metric::FacilityPowerMw, 2030)
                })
            },
        );
        // A slider's move: the simulator keeps its draws' orders and recomputes the moved
        // parameter's column, then runs the model.
        let growth = compute_demand_core::data::ParamId::all()
            .find(|&id| compute_demand_core::PARAMS[id.index()].key == "training.frontier.growth")
            .expect("a parameter");
        let mut moved = scenario.clone();
        let mut step = 0;
        group.bench_with_input(
            BenchmarkId::new("a slider's move: one column + model", samples),
            &sampling,
            |b, &sampling| {
                b.iter(|| {
                    step += 1;
                    let low = 1.7 + f64::from(step % 7) * 0.01;
                    moved.set(
                        growth,
                        compute_demand_core::Dist::Range90 { low, high: 2.4 },
                    );
                    simulator
                        .simulate(&moved.model(), &moved, sampling)
                        .summary(Metric::FacilityPowerMw, 2030)
                })
            },
        );
        // The same scenario again: everything drawn is kept, the model alone runs.
        group.bench_with_input(
            BenchmarkId::new("same scenario again: model alone", samples),
            &sampling,
            |b, &sampling| {
                b.iter(|| {
                    simulator.simulate(&model, &scenario, sampling);
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("same again + every summary", samples),
            &sampling,
            |b, &sampling| b.iter(|| simulator.simulate(&model, &scenario, sampling).outlook()),
        );
        group.bench_with_input(
            BenchmarkId::new("same again + one summary", samples),
            &sampling,
            |b, &sampling| {
                b.iter(|| {
                    simulator
                        .simulate(&model, &scenario, sampling)
                        .summary(Metric::FacilityPowerMw, 2030)
                })
            },
        );
    }
    group.finish();
}

/// Cost against the supply side's size: custom projects add tranches to every draw.
fn projects(c: &mut Criterion) {
    let mut group = c.benchmark_group("projects");
    group.sample_size(20);
    for count in [0usize, 8, 32] {
        let mut scenario = Scenario::default();
        for i in 0..count {
            let tranche = Tranche {
                year: 2025 + (i % 6) as u16,
                status: Status::Announced,
                capacity: Capacity::Mw(50.0),
            };
            scenario
                .add_project(CustomProject {
                    name: format!("p{i}"),
                    tranche,
                    dedicated: i % 2 == 0,
                })
                .unwrap();
        }
        let model = scenario.model();
        let mut simulator = Simulator::new();
        let sampling = Sampling {
            samples: 10_000,
            seed: 1,
        };
        group.bench_with_input(
            BenchmarkId::new("simulate 10k, custom projects", count),
            &count,
            |b, _| {
                b.iter(|| {
                    simulator.simulate(&model, &scenario, sampling);
                })
            },
        );
    }
    group.finish();
}

fn sensitivity(c: &mut Criterion) {
    let scenario = Scenario::default();
    c.bench_function("tornado: every uncertain parameter", |b| {
        b.iter(|| compute_demand_core::tornado(black_box(&scenario), Metric::FacilityPowerMw, 2030))
    });
}

/// Decoding links: a typical one, and the two worst cases the 64 KiB cap allows.
fn links(c: &mut Criterion) {
    use compute_demand_core::input::link;
    use compute_demand_core::input::validate::limits::MAX_FRAGMENT_BYTES;
    let fill = |part: &dyn Fn(usize) -> String| {
        let mut fragment = String::from("v1");
        let mut i = 0;
        while fragment.len() < MAX_FRAGMENT_BYTES - 64 {
            fragment.push('&');
            fragment.push_str(&part(i));
            i += 1;
        }
        fragment
    };
    let keys: Vec<&str> = compute_demand_core::PARAMS.iter().map(|p| p.key).collect();
    let cases = [
        (
            "typical",
            "v1&p=high&n=Campus&training.frontier.growth=2..4&supply.genai_share=uniform(0.2,0.6)\
             &x=name:Campus,year:2028,mw:200&c=training.frontier.growth,training.poolside.growth,0.8"
                .to_string(),
        ),
        ("64 KiB of unknown keys", fill(&|i| format!("unknown.key_{i}=1"))),
        (
            "64 KiB of unknown names in values",
            fill(&|i| match i % 3 {
                0 => format!("m=metric_{i}"),
                1 => format!("c=nope_{i},training.frontier.growth,0.5"),
                _ => format!("x=name:P,year:2028,mw:5,field_{i}:1"),
            }),
        ),
        ("one 64 KiB unknown key", format!("v1&{}=1", "k".repeat(MAX_FRAGMENT_BYTES - 16))),
        (
            "64 KiB of valid keys",
            fill(&|i| format!("{}=1..2", keys[i % keys.len()])),
        ),
    ];
    let mut group = c.benchmark_group("link decode");
    for (name, fragment) in &cases {
        group.throughput(Throughput::Bytes(fragment.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(name),
            fragment,
            |b, fragment| b.iter(|| link::decode(black_box(fragment))),
        );
    }
    group.finish();
}

/// Reading scenario files: a typical one, and the worst the 64 KiB cap allows.
fn scenario_files(c: &mut Criterion) {
    use compute_demand_core::input::scenario_file;
    use compute_demand_core::input::validate::limits::MAX_FILE_BYTES;
    let typical = scenario_file::write(&Scenario::from_preset(&compute_demand_core::PRESETS[2]));
    let mut many_lines = String::from("format = 1\n[params]\n");
    for spec in &compute_demand_core::PARAMS {
        let value = spec.baseline.notation();
        many_lines.push_str(&format!(
            "{} = \"{value}\" # {}\n",
            spec.key,
            "x".repeat(40)
        ));
    }
    while many_lines.len() < MAX_FILE_BYTES - 100 {
        many_lines.push_str("# a comment line that the lexer skips, as any reader must\n");
    }
    let long_key = format!("[params]\n{} = 1\n", "k".repeat(MAX_FILE_BYTES - 32));
    let mut group = c.benchmark_group("scenario file read");
    for (name, text) in [
        ("typical", &typical),
        ("64 KiB of parameters and comments", &many_lines),
        ("one 64 KiB unknown key", &long_key),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        assert_eq!(
            scenario_file::parse(text, "s.toml").is_ok(),
            !name.contains("unknown"),
            "{name}"
        );
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| scenario_file::parse(black_box(text), "s.toml"))
        });
    }
    group.finish();
}

/// What correlations cost per draw: the baseline with and without its default pairs.
fn correlations(c: &mut Criterion) {
    let with = Scenario::default();
    let mut without = Scenario::default();
    without.correlations.clear();
    let mut group = c.benchmark_group("correlations");
    group.sample_size(20);
    group.throughput(Throughput::Elements(10_000));
    for (name, scenario) in [("independent", &without), ("default pairs", &with)] {
        let model = scenario.model();
        // A fresh simulator each time: correlations are imposed when the draws are drawn,
        // which a simulator that ran the scenario before keeps.
        group.bench_function(BenchmarkId::new("fresh simulator, 10k", name), |b| {
            b.iter(|| {
                Simulator::new().simulate(&model, scenario, scenario.sampling);
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    deterministic,
    monte_carlo,
    projects,
    sensitivity,
    links,
    scenario_files,
    correlations
);
criterion_main!(benches);
