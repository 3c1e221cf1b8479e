//! The core compiled for Node with wasm-bindgen: the small model of the Squiggle comparison
//! (bench/squiggle.mjs), and the whole model behind share links for the differential test
//! (tests/differential/, which sets its figures beside the native CLI's).
//!
//! Training GPU-hours from parameters, tokens and MFU, plus a year of inference, each input a
//! lognormal 90% interval (Squiggle's `a to b`), on H100 dense BF16 peak (989 TFLOP/s):
//!
//! ```text
//! training  = 6 · params · tokens / (989e12 · mfu) / 3600
//! inference = 2 · active_params · tokens_per_day · 365 / (989e12 · utilization) / 3600
//! total     = training + inference
//! ```

use compute_demand_core::input::{arbitrary, link};
use compute_demand_core::output::report::{outlook_json, ReportMeta};
use compute_demand_core::sim::montecarlo::LatinHypercube;
use compute_demand_core::{Dist, Summary};
use wasm_bindgen::prelude::wasm_bindgen;

/// Peak dense BF16 FLOP/s of one H100 SXM.
const PEAK_FLOPS: f64 = 989e12;

const fn range(low: f64, high: f64) -> Dist {
    Dist::Range90 { low, high }
}

/// Total GPU-hours per draw: `samples` Latin hypercube draws, one column per input.
pub fn total_gpu_hours(samples: usize, seed: u64) -> Vec<f64> {
    let mut draws = LatinHypercube::new(samples, seed);
    let params = draws.column(range(30e9, 200e9));
    let tokens = draws.column(range(5e12, 20e12));
    let mfu = draws.column(range(0.3, 0.5));
    let active_params = draws.column(range(10e9, 100e9));
    let tokens_per_day = draws.column(range(1e10, 1e11));
    let utilization = draws.column(range(0.1, 0.4));
    (0..params.len())
        .map(|i| {
            let training = 6.0 * params[i] * tokens[i] / (PEAK_FLOPS * mfu[i]) / 3600.0;
            let inference = 2.0 * active_params[i] * tokens_per_day[i] * 365.0
                / (PEAK_FLOPS * utilization[i])
                / 3600.0;
            training + inference
        })
        .collect()
}

/// `[mean, p5, p50, p95, sd]` of total GPU-hours over `samples` draws (at least one).
/// `sd` is the sample standard deviation, for the standard error of the mean.
#[wasm_bindgen]
pub fn small_model(samples: u32, seed: u64) -> Vec<f64> {
    let mut total = total_gpu_hours(samples.max(1) as usize, seed);
    let n = total.len() as f64;
    let mean = Summary::mean_of(&total);
    let sd = if total.len() > 1 {
        (total.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0)).sqrt()
    } else {
        0.0
    };
    let summary = Summary::of(&mut total);
    vec![summary.mean, summary.p5, summary.p50, summary.p95, sd]
}

/// The outlook of the scenario a share-link fragment carries, as `compute-demand run --link
/// FRAGMENT --format json` prints it.
#[wasm_bindgen]
pub fn run_link(fragment: &str) -> String {
    let scenario = link::decode(fragment).link.scenario;
    let outlook = compute_demand_core::Simulator::new().run(&scenario);
    let permalink = format!("#{}", link::encode(&link::Link::of(scenario.clone())));
    let meta = ReportMeta {
        version: env!("CARGO_PKG_VERSION"),
        data_as_of: compute_demand_core::data::DATA_AS_OF,
        permalink: &permalink,
        source_of: &compute_demand_core::output::report::own_source,
    };
    outlook_json(&scenario, &outlook, &meta)
}

/// A valid scenario made from `seed` (the fuzz targets' generator: presets, ranges, custom
/// projects, correlations), as a share-link fragment.
#[wasm_bindgen]
pub fn arbitrary_link(seed: u32) -> String {
    // SplitMix64: plain integer arithmetic, the same bytes on every platform.
    let mut state = u64::from(seed);
    let bytes: Vec<u8> = (0..48)
        .flat_map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)).to_le_bytes()
        })
        .collect();
    link::encode(&link::Link::of(arbitrary::scenario(&bytes)))
}

/// The fragment decoded and encoded again: a share link's round trip.
#[wasm_bindgen]
pub fn relink(fragment: &str) -> String {
    link::encode(&link::decode(fragment).link)
}

#[cfg(test)]
mod tests {
    use super::small_model;
    use compute_demand_core::sim::stats::Z_95;

    /// Mean of a lognormal 90% interval: exp(μ + σ²/2).
    fn lognormal_mean(low: f64, high: f64) -> f64 {
        let (a, b) = (low.ln(), high.ln());
        let sigma = (b - a) / (2.0 * Z_95);
        (0.5 * (a + b) + 0.5 * sigma * sigma).exp()
    }

    /// The mean of 1/X for X lognormal over a 90% interval: exp(−μ + σ²/2).
    fn inverse_lognormal_mean(low: f64, high: f64) -> f64 {
        let (a, b) = (low.ln(), high.ln());
        let sigma = (b - a) / (2.0 * Z_95);
        (-0.5 * (a + b) + 0.5 * sigma * sigma).exp()
    }

    #[test]
    fn mean_matches_the_closed_form() {
        let training = 6.0
            * lognormal_mean(30e9, 200e9)
            * lognormal_mean(5e12, 20e12)
            * inverse_lognormal_mean(0.3, 0.5)
            / 989e12
            / 3600.0;
        let inference = 2.0
            * lognormal_mean(10e9, 100e9)
            * lognormal_mean(1e10, 1e11)
            * 365.0
            * inverse_lognormal_mean(0.1, 0.4)
            / 989e12
            / 3600.0;
        let expected = training + inference;
        let out = small_model(100_000, 7);
        let (mean, sd) = (out[0], out[4]);
        let standard_error = sd / (100_000f64).sqrt();
        assert!(
            (mean - expected).abs() < 4.0 * standard_error,
            "mean {mean}, expected {expected} ± {standard_error}"
        );
        assert!(
            out[1] < out[2] && out[2] < out[3],
            "percentiles in order: {out:?}"
        );
    }

    #[test]
    fn arbitrary_links_round_trip() {
        for seed in 0..50 {
            let fragment = super::arbitrary_link(seed);
            let decoded = compute_demand_core::input::link::decode(&fragment);
            assert!(
                decoded.problems.is_empty(),
                "{fragment}: {:?}",
                decoded.problems
            );
            assert_eq!(super::relink(&fragment), fragment);
        }
    }

    #[test]
    fn deterministic_for_a_seed() {
        assert_eq!(small_model(1000, 3), small_model(1000, 3));
        assert_eq!(small_model(1, 3).len(), 5);
    }
}
