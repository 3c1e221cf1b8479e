//! Profiling aid: `cargo run --release --example profile` runs the default scenario 300 times.
use compute_demand_core::{Metric, Scenario, Simulator};
fn main() {
    let scenario = Scenario::default();
    let model = scenario.model();
    let mut simulator = Simulator::new();
    let mut total = 0.0;
    for _ in 0..300 {
        total += simulator
            .simulate(&model, &scenario, scenario.sampling)
            .summary(Metric::FacilityPowerMw, 2030)
            .p50;
    }
    println!("{total}");
}
