//! The views over a run's draws: the exceedance curve is the share of draws above each level,
//! and a discovery's groups partition the draws, each parameter summarised over its own group.

use compute_demand_core::input::validate;
use compute_demand_core::sim::discover::{Condition, Unmet};
use compute_demand_core::{discover, Exceedance, Metric, Scenario, Simulator, Summary};

fn simulated(samples: usize) -> (Simulator, Scenario) {
    let mut scenario = Scenario::default();
    scenario.sampling.samples = samples;
    let mut simulator = Simulator::new();
    simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    (simulator, scenario)
}

fn share_above(draws: &[f64], level: f64) -> f64 {
    draws.iter().filter(|&&d| d > level).count() as f64 / draws.len() as f64
}

#[test]
fn exceedance_is_the_share_of_draws_above_each_level() {
    let (mut simulator, _) = simulated(2_000);
    for (metric, year) in [
        (Metric::FacilityPowerMw, 2030),
        (Metric::SupplyPowerMw, 2030),
        (Metric::CoverageRatio, 2027),
        (Metric::DemandExceedsSupply, 2030),
    ] {
        let simulation = simulator.last();
        let draws = simulation.draws(metric, year);
        let exceedance = Exceedance::of(simulation, metric, year);
        assert_eq!(exceedance.draws(), draws.len());
        assert_eq!(exceedance.chance_above(f64::NEG_INFINITY), 1.0);
        let max = draws.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(exceedance.chance_above(max), 0.0);
        assert_eq!(exceedance.chance_above(max * 2.0 + 1.0), 0.0);
        let summary = simulation.summary(metric, year);
        for level in [summary.p5, summary.p50, summary.p95, 0.0, 1.0, 500.0] {
            assert_eq!(
                exceedance.chance_above(level),
                share_above(&draws, level),
                "{} {year} at {level}",
                metric.key()
            );
        }
        let curve = exceedance.curve(41);
        assert!(curve.len() <= 41);
        for pair in curve.windows(2) {
            assert!(pair[0].level < pair[1].level && pair[0].chance >= pair[1].chance);
        }
        for point in curve.iter().chain(&exceedance.steps()) {
            assert_eq!(point.chance, share_above(&draws, point.level));
        }
        // The 0/1 metric has two steps: the share of draws in shortfall, then none.
        if metric == Metric::DemandExceedsSupply {
            assert!(exceedance.steps().len() <= 2);
        }
    }
}

#[test]
fn a_simulator_that_has_not_run_has_no_curve_and_nothing_to_discover() {
    let mut simulator = Simulator::new();
    let exceedance = Exceedance::of(simulator.last(), Metric::FacilityPowerMw, 2030);
    assert_eq!(exceedance.draws(), 0);
    assert!(exceedance.curve(21).is_empty());
    let found = discover(
        &mut simulator,
        Metric::CoverageRatio,
        2030,
        Condition::Below(1.0),
    );
    assert_eq!(found, Err(Unmet::NoRun));
}

#[test]
fn discovery_groups_partition_the_draws() {
    let (mut simulator, scenario) = simulated(1_500);
    for condition in [Condition::Below(1.0), Condition::Above(0.5)] {
        let discovery =
            discover(&mut simulator, Metric::CoverageRatio, 2030, condition).expect("a split");
        let figures = simulator.last().draws(Metric::CoverageRatio, 2030);
        let holds: Vec<bool> = figures.iter().map(|&f| condition.holds(f)).collect();
        assert_eq!(discovery.draws, 1_500);
        assert_eq!(discovery.holding + discovery.rest, discovery.draws);
        assert_eq!(discovery.holding, holds.iter().filter(|&&h| h).count());
        assert!((discovery.share_holding() + discovery.share_rest() - 1.0).abs() < 1e-12);
        // Every drawn parameter, once.
        let drawn = simulator.drawn_parameters().to_vec();
        assert_eq!(discovery.parameters.len(), drawn.len());
        assert!(drawn.iter().all(|p| discovery
            .parameters
            .iter()
            .filter(|s| s.param == *p)
            .count()
            == 1));
        assert!(drawn.iter().all(|&p| scenario.value(p).is_uncertain()));
        for pair in discovery.parameters.windows(2) {
            assert!(pair[0].distance >= pair[1].distance);
        }
        for split in &discovery.parameters {
            let column = simulator.parameter_draws(split.param).unwrap();
            let group = |want: bool| -> Vec<f64> {
                column
                    .iter()
                    .zip(&holds)
                    .filter(|(_, &h)| h == want)
                    .map(|(&v, _)| f64::from(v))
                    .collect()
            };
            let (mut a, mut b) = (group(true), group(false));
            assert_eq!(a.len() + b.len(), 1_500);
            for (got, values) in [(split.holds, &mut a), (split.rest, &mut b)] {
                let expected = Summary::of(values);
                assert_eq!(
                    (got.p5, got.p50, got.p95),
                    (expected.p5, expected.p50, expected.p95)
                );
            }
            assert!((0.0..=1.0).contains(&split.distance));
        }
    }
}

#[test]
fn an_outcome_no_draw_meets_is_said_plainly() {
    let (mut simulator, _) = simulated(300);
    let metric = Metric::CoverageRatio;
    for (condition, start) in [
        (
            Condition::Below(0.0001),
            "no draw has coverage_ratio below 0.0001 in 2030 (its draws run from ",
        ),
        (
            Condition::Above(1e9),
            "no draw has coverage_ratio above 1000000000 in 2030",
        ),
        (
            Condition::Below(1e9),
            "every draw has coverage_ratio below 1000000000 in 2030",
        ),
    ] {
        let found = discover(&mut simulator, metric, 2030, condition);
        let error = validate::discovered(found, metric, 2030, condition).unwrap_err();
        assert!(error.message.starts_with(start), "{}", error.message);
    }
    let both = validate::condition(Some("1"), Some("2"), ["--below", "--above"]).unwrap_err();
    assert_eq!(
        both.to_string(),
        "give --below or --above, not both: the draws are split by one condition"
    );
    let neither = validate::condition(None, None, ["--below", "--above"]).unwrap_err();
    assert!(neither.to_string().starts_with("give a condition"));
    let bad = validate::condition(Some("x"), None, ["--below", "--above"]).unwrap_err();
    assert_eq!(bad.to_string(), "--below: 'x' is not a number");
}
