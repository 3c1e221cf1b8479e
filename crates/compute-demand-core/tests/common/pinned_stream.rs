//! The stream of one seed, pinned: the native tests (tests/montecarlo.rs) and the WebAssembly
//! component tests (crates/compute-demand-web/tests/components.rs) both include this file, so
//! the two platforms are held to the same numbers, written once. A model change that moves
//! them updates them here.

use compute_demand_core::{Dist, Metric, Sampling, Scenario, Simulator};

/// The first draws of a uniform(0, 1000) Latin-hypercube column of 1,000 draws, seed 7.
pub const UNIFORM_DRAWS: [f64; 8] = [547.5, 467.5, 63.5, 714.5, 522.5, 177.5, 248.5, 86.5];

/// p5, p50, p95 and mean of 2030 facility power, MW, for the baseline at 1,000 draws, seed 7.
pub const BASELINE_POWER_2030: [f64; 4] = [
    41.43487606048584,
    299.0713806152344,
    3795.8682739257792,
    1015.4945595378875,
];

/// What this platform computes for the two pinned quantities.
pub fn computed() -> ([f64; 8], [f64; 4]) {
    let mut lhs = compute_demand_core::sim::montecarlo::LatinHypercube::new(1000, 7);
    let draws = lhs.column(Dist::Uniform {
        low: 0.0,
        high: 1000.0,
    });
    let scenario = Scenario {
        sampling: Sampling {
            samples: 1000,
            seed: 7,
        },
        ..Scenario::default()
    };
    let power = Simulator::new()
        .run(&scenario)
        .get(Metric::FacilityPowerMw, 2030);
    (
        std::array::from_fn(|i| draws[i]),
        [power.p5, power.p50, power.p95, power.mean],
    )
}
