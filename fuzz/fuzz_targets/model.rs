//! The model under any scenario the validator accepts: every summary of every metric and year
//! is finite, non-negative and ordered p5 ≤ p50 ≤ p95.
//!
//! The scenario comes from `compute_demand_core::input::arbitrary::scenario` (presets, ranges,
//! custom projects, correlations), shared with the differential test.
#![no_main]

use compute_demand_core::input::arbitrary;
use compute_demand_core::{years, Metric, Simulator};
use libfuzzer_sys::fuzz_target;

fn rank(year: Option<u16>) -> u16 {
    year.unwrap_or(u16::MAX) // "not by 2030" is the latest
}

fuzz_target!(|data: &[u8]| {
    let scenario = arbitrary::scenario(data);
    if let Err(e) = scenario.validate() {
        panic!("harness built a scenario the validator refuses: {e}\n{scenario:?}");
    }
    let outlook = Simulator::new().run(&scenario);
    for year in years() {
        for metric in Metric::ALL {
            let s = outlook.get(metric, year);
            let ok = [s.p5, s.p50, s.p95, s.mean]
                .iter()
                .all(|v| v.is_finite() && *v >= 0.0)
                && s.p5 <= s.p50
                && s.p50 <= s.p95;
            assert!(ok, "{} in {year}: {s:?}\n{scenario:?}", metric.key());
        }
        let p = outlook.get(Metric::DemandExceedsSupply, year).mean;
        assert!(p <= 1.0, "probability above 1 in {year}: {p}");
    }
    let first = outlook.first_shortfall;
    assert!(
        rank(first.p5) <= rank(first.p50) && rank(first.p50) <= rank(first.p95),
        "{first:?}"
    );
});
