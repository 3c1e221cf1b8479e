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
        group.bench_with_input(
            BenchmarkId::new("simulate (draws + model)", samples),
            &sampling,
            |b, &sampling| {
                b.iter(|| {
                    simulator.simulate(&model, &scenario, sampling);
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("run (simulate + every summary)", samples),
            &sampling,
            |b, &sampling| b.iter(|| simulator.simulate(&model, &scenario, sampling).outlook()),
        );
        group.bench_with_input(
            BenchmarkId::new("simulate + one summary", samples),
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

criterion_group!(benches, deterministic, monte_carlo, projects, sensitivity);
criterion_main!(benches);
