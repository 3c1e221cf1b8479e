//! Monte Carlo: statistics with fixed seeds and stated tolerances.

#[path = "common/pinned_stream.rs"]
mod pinned_stream;

use compute_demand_core::data::{key, ParamId, PARAMS};
use compute_demand_core::{Dist, Metric, Sampling, Scenario, Simulator, Summary};
use proptest::prelude::*;

/// Every parameter at its baseline median, as a point.
fn all_points() -> Scenario {
    let mut scenario = Scenario::default();
    let medians = scenario.medians();
    for id in ParamId::all() {
        scenario.set(id, Dist::Point(medians[id.index()]));
    }
    scenario
}

/// The research segment in 2024 is researchers × hours × France share ÷ 8,760: with the
/// other two fixed, its draws are the researcher count's draws times a constant.
fn research_draws(dist: Dist, samples: usize, seed: u64) -> Summary {
    let mut scenario = all_points();
    scenario.set(key::TRAINING_RESEARCH_RESEARCHERS, dist);
    scenario.sampling = Sampling { samples, seed };
    let hours = scenario.medians()[key::TRAINING_RESEARCH_GPU_HOURS_PER_RESEARCHER.index()];
    let share = scenario.medians()[key::TRAINING_RESEARCH_FRANCE_SHARE.index()];
    let busy = scenario.medians()[key::HARDWARE_TRAINING_BUSY_SHARE.index()];
    let per_researcher = hours * share / (8_760.0 * busy);
    let s = Simulator::new()
        .run(&scenario)
        .get(Metric::ResearchGpusH100e, 2024);
    Summary {
        p5: s.p5 / per_researcher,
        p50: s.p50 / per_researcher,
        p95: s.p95 / per_researcher,
        mean: s.mean / per_researcher,
    }
}

#[track_caller]
fn check(what: &str, actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance * expected.abs(),
        "{what}: {actual} vs {expected} (±{tolerance})"
    );
}

#[test]
fn ranges_put_five_percent_beyond_each_bound() {
    // (written range, expected p5, p50, p95, mean, tolerance)
    let lognormal_mean = (0.5 * ((1000f64.ln() + 5000f64.ln()) / 2.0 * 2.0)
        + 0.5 * ((5000f64.ln() - 1000f64.ln()) / (2.0 * 1.6448536269514722)).powi(2))
    .exp();
    let sigma = 2000.0 / 1.6448536269514722;
    let density =
        (-0.5f64 * 1.6448536269514722f64.powi(2)).exp() / (2.0 * std::f64::consts::PI).sqrt();
    let clamped_normal_mean = 2000.0 * 0.95 + sigma * density;
    let cases = [
        (
            "lognormal 1000..5000",
            Dist::Range90 {
                low: 1000.0,
                high: 5000.0,
            },
            1000.0,
            (1000.0f64 * 5000.0).sqrt(),
            5000.0,
            lognormal_mean,
            0.003,
        ),
        // Draws below the parameter's minimum (0) are clamped to it, which lifts the mean to
        // E[max(X, 0)] = μ·Φ(μ/σ) + σ·φ(μ/σ), with μ/σ = 1.645 so Φ = 0.95.
        (
            "normal 0..4000 (low bound not positive)",
            Dist::Range90 {
                low: 0.0,
                high: 4000.0,
            },
            0.0,
            2000.0,
            4000.0,
            clamped_normal_mean,
            0.003,
        ),
        (
            "uniform(1000, 3000)",
            Dist::Uniform {
                low: 1000.0,
                high: 3000.0,
            },
            1100.0,
            2000.0,
            2900.0,
            2000.0,
            0.003,
        ),
    ];
    for (what, dist, p5, p50, p95, mean, tolerance) in cases {
        let s = research_draws(dist, 20_000, 7);
        // A normal 0..4000 has p5 at 0: compare it in absolute terms.
        if p5 == 0.0 {
            assert!(s.p5.abs() < 10.0, "{what}: p5 {}", s.p5);
        } else {
            check(&format!("{what} p5"), s.p5, p5, tolerance);
        }
        check(&format!("{what} p50"), s.p50, p50, tolerance);
        check(&format!("{what} p95"), s.p95, p95, tolerance);
        check(&format!("{what} mean"), s.mean, mean, 0.01);
    }
}

#[test]
fn point_values_give_the_deterministic_result_exactly() {
    let scenario = all_points();
    let deterministic = scenario.model().project(&scenario.medians());
    let outlook = Simulator::new().run(&scenario);
    for (year, figures) in deterministic.iter().enumerate() {
        for metric in Metric::ALL {
            assert_eq!(
                outlook.years[year][metric],
                // Runs store figures as f32.
                Summary::exact(f64::from(figures[metric] as f32)),
                "{} {}",
                metric.key(),
                2024 + year
            );
        }
    }
}

#[test]
fn percentiles_are_ordered_for_every_preset() {
    for preset in &compute_demand_core::PRESETS {
        let mut scenario = Scenario::from_preset(preset);
        scenario.sampling.samples = 4_000;
        let outlook = Simulator::new().run(&scenario);
        for figures in &outlook.years {
            for metric in Metric::ALL {
                let s = figures[metric];
                assert!(
                    s.p5 <= s.p50 && s.p50 <= s.p95,
                    "{} {}: {s:?}",
                    preset.id,
                    metric.key()
                );
                assert!(s.p5.is_finite() && s.p95.is_finite() && s.mean.is_finite());
            }
        }
        let y = outlook.first_shortfall;
        // None is "not by 2030": later than any year (Option orders None first).
        let rank = |year: Option<u16>| year.unwrap_or(u16::MAX);
        assert!(
            rank(y.p5) <= rank(y.p50) && rank(y.p50) <= rank(y.p95),
            "{}: {y:?}",
            preset.id
        );
    }
}

#[test]
fn the_same_seed_gives_the_same_numbers() {
    let scenario = Scenario::default();
    let first = Simulator::new().run(&scenario);
    let mut reused = Simulator::new();
    reused.run(&Scenario::from_preset(&compute_demand_core::PRESETS[2]));
    assert_eq!(
        first,
        reused.run(&scenario),
        "a reused simulator carries nothing over"
    );
}

#[test]
fn other_seeds_agree_within_sampling_error() {
    let base = Simulator::new().run(&Scenario::default());
    for seed in [1, 2, 3] {
        let mut scenario = Scenario::default();
        scenario.sampling.seed = seed;
        let other = Simulator::new().run(&scenario);
        assert_ne!(other, base, "seed {seed} changes the draws");
        for metric in [
            Metric::GpusH100e,
            Metric::FacilityPowerMw,
            Metric::SupplyPowerMw,
            Metric::CostEur,
        ] {
            for year in [2024, 2027, 2030] {
                let (a, b) = (base.get(metric, year).p50, other.get(metric, year).p50);
                assert!(
                    (a / b - 1.0).abs() < 0.04,
                    "{} {year}: medians {a} and {b} differ by more than 4%",
                    metric.key()
                );
            }
        }
    }
}

#[test]
fn totals_are_sums_of_samples_not_of_percentiles() {
    let outlook = Simulator::new().run(&Scenario::default());
    for year in [2024, 2030] {
        let total = outlook.get(Metric::GpusH100e, year);
        let segments: Vec<Summary> = Metric::SEGMENTS
            .iter()
            .map(|&m| outlook.get(m, year))
            .collect();
        let sum_of_means: f64 = segments.iter().map(|s| s.mean).sum();
        let sum_of_p95: f64 = segments.iter().map(|s| s.p95).sum();
        assert!(
            (total.mean / sum_of_means - 1.0).abs() < 1e-9,
            "means add up"
        );
        assert!(
            total.p95 < sum_of_p95,
            "the total's p95 is below the sum of the segments' p95"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any in-range range on any parameter: no NaN or infinity anywhere.
    #[test]
    fn no_nan_for_any_ranges(which in proptest::collection::vec((0..PARAMS.len(), 0.0f64..1.0, 0.0f64..1.0, any::<bool>()), 1..12), seed in any::<u64>()) {
        let mut scenario = Scenario { sampling: Sampling { samples: 300, seed }, ..Scenario::default() };
        for (index, a, b, uniform) in which {
            let spec = &PARAMS[index];
            let at = |t: f64| spec.min + t * (spec.max - spec.min);
            let (low, high) = (at(a.min(b)), at(a.max(b)));
            scenario.set(spec.id, if uniform { Dist::Uniform { low, high } } else { Dist::Range90 { low, high } });
        }
        let outlook = Simulator::new().run(&scenario);
        for figures in &outlook.years {
            for metric in Metric::ALL {
                let s = figures[metric];
                prop_assert!([s.p5, s.p50, s.p95, s.mean].iter().all(|v| v.is_finite() && *v >= 0.0), "{}: {s:?}", metric.key());
            }
        }
    }
}

/// The stream for a seed is fixed, to the bit, whatever the platform: the same numbers are asserted in
/// the web crate's WebAssembly tests (crates/compute-demand-web/tests/components.rs).
#[test]
fn the_stream_of_a_seed_is_pinned() {
    let (draws, power) = pinned_stream::computed();
    assert_eq!(draws, pinned_stream::UNIFORM_DRAWS);
    assert_eq!(power, pinned_stream::BASELINE_POWER_2030);
}

/// A run sliced into parts (as the app runs large ones, a slice per task) gives the figures
/// of the run in one go, to the bit, whatever the slice; and a run begun anew drops the one
/// under way.
#[test]
fn a_sliced_run_gives_the_same_figures() {
    let mut scenario = Scenario::from_preset(&compute_demand_core::PRESETS[2]);
    scenario.sampling.samples = 1_000;
    let whole = Simulator::new().run(&scenario);
    for slice in [1, 31, 32, 100, 999, 1_000, 5_000] {
        let mut simulator = Simulator::new();
        // A run begun and abandoned first: its draws must not leak into the next.
        let mut other = scenario.clone();
        other.sampling.seed = 7;
        simulator.begin(&other.model(), &other, other.sampling);
        simulator.advance(64);
        simulator.begin(&scenario.model(), &scenario, scenario.sampling);
        let mut slices = 1;
        while !simulator.advance(slice) {
            assert!(!simulator.is_complete());
            slices += 1;
        }
        assert!(simulator.is_complete());
        // Drawing the columns and imposing the correlations take slices of their own.
        assert!(
            slices >= 1_000usize.div_ceil(slice.div_ceil(32) * 32),
            "slice {slice}"
        );
        assert_eq!(simulator.last().outlook(), whole, "slice {slice}");
    }
}

/// Figures are stored as `f32`. Against the same draws' figures computed and summarised in
/// `f64`, every percentile and mean of every metric and year is within one part in 10⁶
/// (measured: under 1e-7).
#[test]
fn f32_figures_keep_every_summary_within_a_part_in_a_million() {
    let mut scenario = Scenario::default();
    scenario.sampling.samples = 2_000;
    let model = scenario.model();
    let mut simulator = Simulator::new();
    simulator.simulate(&model, &scenario, scenario.sampling);
    let drawn = simulator.drawn_parameters().to_vec();
    let projections: Vec<_> = (0..scenario.sampling.samples)
        .map(|draw| {
            let mut values = scenario.medians();
            for &id in &drawn {
                values[id.index()] = f64::from(simulator.parameter_draws(id).expect("drawn")[draw]);
            }
            model.project(&values)
        })
        .collect();
    let mut worst: f64 = 0.0;
    for (index, year) in compute_demand_core::years().enumerate() {
        for metric in Metric::ALL {
            let mut column: Vec<f64> = projections.iter().map(|p| p[index][metric]).collect();
            let wide = Summary::of(&mut column);
            let narrow = simulator.last().summary(metric, year);
            for (got, wanted) in [
                (narrow.p5, wide.p5),
                (narrow.p50, wide.p50),
                (narrow.p95, wide.p95),
                (narrow.mean, wide.mean),
            ] {
                let error = if wanted == 0.0 {
                    got.abs()
                } else {
                    ((got - wanted) / wanted).abs()
                };
                worst = worst.max(error);
            }
        }
    }
    assert!(worst < 1e-6, "worst relative error {worst:e}");
}

/// A simulator keeps its draws' orders: the next run after a slider move gives, to the bit,
/// what a fresh simulator gives; and a run after changing the sample count, the seed or the
/// correlations redraws.
#[test]
fn a_run_after_a_change_equals_a_fresh_run() {
    let base = Scenario::from_preset(&compute_demand_core::PRESETS[0]);
    let growth = compute_demand_core::data::ParamId::all()
        .find(|&id| compute_demand_core::PARAMS[id.index()].key == "training.frontier.growth")
        .expect("a parameter");
    let mut simulator = Simulator::new();
    simulator.simulate(
        &base.model(),
        &base,
        Sampling {
            samples: 900,
            seed: 3,
        },
    );
    let mut moved = base.clone();
    moved.set(
        growth,
        Dist::Range90 {
            low: 1.9,
            high: 2.6,
        },
    );
    let mut fewer = moved.clone();
    fewer.sampling.samples = 400;
    let mut uncorrelated = moved.clone();
    uncorrelated.correlations.clear();
    let mut pointed = moved.clone();
    pointed.set(growth, Dist::Point(2.0));
    for (what, scenario, sampling) in [
        (
            "a moved range",
            &moved,
            Sampling {
                samples: 900,
                seed: 3,
            },
        ),
        (
            "back again",
            &base,
            Sampling {
                samples: 900,
                seed: 3,
            },
        ),
        (
            "another seed",
            &moved,
            Sampling {
                samples: 900,
                seed: 4,
            },
        ),
        (
            "fewer draws",
            &fewer,
            Sampling {
                samples: 400,
                seed: 3,
            },
        ),
        (
            "no correlations",
            &uncorrelated,
            Sampling {
                samples: 900,
                seed: 3,
            },
        ),
        (
            "a point",
            &pointed,
            Sampling {
                samples: 900,
                seed: 3,
            },
        ),
    ] {
        let model = scenario.model();
        let kept = simulator.simulate(&model, scenario, sampling).outlook();
        let fresh = Simulator::new()
            .simulate(&model, scenario, sampling)
            .outlook();
        assert_eq!(kept, fresh, "{what}");
    }
}

/// Few samples, where a percentile's upper neighbour passes the next percentile's rank (the
/// debug assertion the fuzz target met with `-a`), still give the sorted percentiles.
#[test]
fn radix_summaries_of_few_samples_equal_sorted_ones() {
    let mut scratch = compute_demand_core::sim::stats::SelectScratch::default();
    for n in 1..=40 {
        let values: Vec<f32> = (0..n).map(|i| ((i * 7919) % 31) as f32 - 3.5).collect();
        let radix = Summary::of_f32(&values, &mut scratch);
        let sorted = Summary::of(&mut values.iter().map(|&v| f64::from(v)).collect::<Vec<_>>());
        assert_eq!(
            (radix.p5, radix.p50, radix.p95),
            (sorted.p5, sorted.p50, sorted.p95),
            "{n} samples"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Percentiles by radix selection over f32 samples (any sign, duplicates, sizes on both
    /// sides of the sorting cut-off) are the order statistics a full sort gives.
    #[test]
    fn radix_selected_percentiles_equal_sorted_ones(
        values in proptest::collection::vec(prop_oneof![
            -1e6f32..1e6,
            Just(0.0f32),
            Just(-0.0f32),
            Just(42.0f32),
            1e-30f32..1e-20,
        ], 1..3_000)
    ) {
        let mut scratch = compute_demand_core::sim::stats::SelectScratch::default();
        let radix = Summary::of_f32(&values, &mut scratch);
        let mut wide: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        let sorted = Summary::of(&mut wide);
        prop_assert_eq!((radix.p5, radix.p50, radix.p95), (sorted.p5, sorted.p50, sorted.p95));
        let scale = sorted.mean.abs().max(1.0);
        prop_assert!((radix.mean - sorted.mean).abs() <= 1e-9 * scale, "{} vs {}", radix.mean, sorted.mean);
    }
}
