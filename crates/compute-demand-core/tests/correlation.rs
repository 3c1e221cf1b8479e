//! Rank correlations: they hold as asked, the marginals do not move, invalid sets are
//! repaired aloud, and correlated growth widens the range of a total.

// Tests are not in the bundle: std's sorts are fine here (clippy.toml refuses them in the code).
#![allow(clippy::disallowed_methods)]

use compute_demand_core::data::key;
use compute_demand_core::sim::correlation::{spearman, Correlation};
use compute_demand_core::{Metric, ParamId, Sampling, Scenario, Simulator};

fn scenario(pairs: &[(ParamId, ParamId, f64)]) -> Scenario {
    let mut scenario = Scenario::default();
    scenario.correlations.clear();
    scenario.sampling = Sampling {
        samples: 10_000,
        seed: 11,
    };
    for &(a, b, rho) in pairs {
        scenario.set_correlation(Correlation { a, b, rho }).unwrap();
    }
    scenario
}

fn draws(simulator: &Simulator, id: ParamId) -> Vec<f64> {
    simulator
        .parameter_draws(id)
        .expect("uncertain")
        .iter()
        .map(|&value| f64::from(value))
        .collect()
}

#[test]
fn rank_correlations_hold_within_three_hundredths() {
    let (a, b) = (
        key::INFERENCE_CONSUMER_GROWTH,
        key::INFERENCE_ENTERPRISE_GROWTH,
    );
    let c = key::TRAINING_FRONTIER_GROWTH;
    for rho in [-0.8_f64, -0.3, 0.0, 0.2, 0.5, 0.9, 1.0] {
        // A second pair on `a` where the two can hold together (1 − 1.25ρ² ≥ 0).
        let second = if rho.abs() <= 0.8 { rho / 2.0 } else { 0.0 };
        let mut simulator = Simulator::new();
        simulator.run(&scenario(&[(a, b, rho), (a, c, second)]));
        let got = spearman(&draws(&simulator, a), &draws(&simulator, b));
        assert!((got - rho).abs() <= 0.03, "asked {rho}, got {got}");
        let got = spearman(&draws(&simulator, a), &draws(&simulator, c));
        assert!((got - second).abs() <= 0.03, "asked {second}, got {got}");
    }
}

#[test]
fn marginals_keep_the_same_values() {
    let (a, b) = (key::TRAINING_FRONTIER_GROWTH, key::TRAINING_POOLSIDE_GROWTH);
    let sorted = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v
    };
    let mut independent = Simulator::new();
    independent.run(&scenario(&[]));
    let mut correlated = Simulator::new();
    correlated.run(&scenario(&[(a, b, 0.7)]));
    for id in [a, b, key::INFERENCE_CONSUMER_USERS_M] {
        assert_eq!(
            sorted(draws(&independent, id)),
            sorted(draws(&correlated, id)),
            "{}",
            id.spec().key
        );
    }
    // Parameters outside the pairs keep their order too: the same draws, draw for draw.
    assert_eq!(
        draws(&independent, key::INFERENCE_CONSUMER_USERS_M),
        draws(&correlated, key::INFERENCE_CONSUMER_USERS_M)
    );
}

#[test]
fn sets_that_cannot_hold_are_repaired_and_said() {
    let (a, b, c) = (
        key::INFERENCE_CONSUMER_GROWTH,
        key::INFERENCE_ENTERPRISE_GROWTH,
        key::TRAINING_FRONTIER_GROWTH,
    );
    // (pairs, a notice naming this, the plan's matrix is valid)
    type Row<'a> = (&'a [(ParamId, ParamId, f64)], Option<&'a str>);
    let table: &[Row] = &[
        (&[(a, b, 0.6), (b, c, 0.6), (a, c, 0.5)], None),
        (
            &[(a, b, 0.9), (b, c, 0.9), (a, c, -0.9)],
            Some("repaired to the nearest valid set"),
        ),
        (
            &[(a, key::TRAINING_STARTUPS_COUNT, 0.5)],
            Some("training.startups.count has a point value"),
        ),
    ];
    for (pairs, expected) in table {
        let plan = scenario(pairs).correlation_plan();
        match expected {
            None => assert!(plan.notices.is_empty(), "{:?}", plan.notices),
            Some(text) => {
                let notice = plan.notices.join(" ");
                assert!(
                    notice.contains(text) && notice.contains("correlation"),
                    "{notice}"
                );
            }
        }
        let k = plan.params.len();
        if k >= 2 {
            assert!(
                compute_demand_core::sim::correlation::cholesky(&plan.matrix, k).is_some(),
                "{pairs:?}: the planned matrix is valid"
            );
        }
    }
    // Refused outright: a pair of one parameter, a rho outside -1..1.
    for (text, message) in [
        (
            "training.frontier.growth,training.frontier.growth=0.5",
            "two different parameters",
        ),
        (
            "training.frontier.growth,training.poolside.growth=1.5",
            "outside -1..1",
        ),
        ("training.frontier.growth=0.5", "is not KEY1,KEY2"),
        (
            "training.frontier.growth,nope=0.5",
            "unknown parameter 'nope'",
        ),
    ] {
        let error = compute_demand_core::input::validate::correlation_flag(
            compute_demand_core::data::Country::first(),
            text,
        )
        .unwrap_err();
        assert!(error.to_string().contains(message), "{error}");
    }
}

#[test]
fn correlated_growth_widens_the_2030_range() {
    let (a, b) = (key::TRAINING_FRONTIER_GROWTH, key::TRAINING_POOLSIDE_GROWTH);
    let width = |rho: f64| {
        let outlook = Simulator::new().run(&scenario(&[
            (a, b, rho),
            (
                key::INFERENCE_CONSUMER_GROWTH,
                key::INFERENCE_ENTERPRISE_GROWTH,
                rho,
            ),
        ]));
        let s = outlook.get(Metric::GpusH100e, 2030);
        s.p95 / s.p5
    };
    let (independent, correlated) = (width(0.0), width(0.9));
    assert!(
        correlated > independent * 1.05,
        "{independent} → {correlated}"
    );
}
