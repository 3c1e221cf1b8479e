//! The model under any scenario the validator accepts: every summary of every metric and year
//! is finite, non-negative and ordered p5 ≤ p50 ≤ p95.
//!
//! The bytes drive a scenario built from a preset: each 6-byte record picks a parameter and
//! sets it to a point, a 90% range, a uniform range or an extreme range, anywhere inside the
//! parameter's bounds (the bounds themselves included), or adds a custom project through the
//! validation layer. Samples stay small (1–64) so that a run takes microseconds.
#![no_main]

use compute_demand_core::data::{CapexScope, Status};
use compute_demand_core::input::project::{FieldValue, ProjectField, ProjectFields};
use compute_demand_core::input::validate::limits;
use compute_demand_core::sim::correlation::Correlation;
use compute_demand_core::{
    years, Dist, Metric, Scenario, Simulator, GPUS, PARAMS, PARAM_COUNT, PRESETS,
};
use libfuzzer_sys::fuzz_target;

struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u8(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.u8()?, self.u8()?]))
    }

    fn u64(&mut self) -> u64 {
        let mut value = 0u64;
        for _ in 0..8 {
            value = (value << 8) | u64::from(self.u8().unwrap_or(0));
        }
        value
    }
}

/// A value inside [min, max] from 16 bits: 0 is min and 65535 is max exactly.
fn within(min: f64, max: f64, bits: u16) -> f64 {
    match bits {
        0 => min,
        u16::MAX => max,
        _ => (min + (max - min) * (f64::from(bits) / f64::from(u16::MAX))).clamp(min, max),
    }
}

/// The smallest value above `min` the parameter can take: extreme lognormal spreads.
fn tiny_above(min: f64) -> f64 {
    if min == 0.0 {
        f64::from_bits(1) // 5e-324, the smallest subnormal
    } else {
        min
    }
}

fn build(data: &[u8]) -> Scenario {
    let mut bytes = Bytes(data);
    let preset = &PRESETS[usize::from(bytes.u8().unwrap_or(0)) % PRESETS.len()];
    let mut scenario = Scenario::from_preset(preset);
    scenario.sampling.samples = usize::from(bytes.u8().unwrap_or(63) % 64) + 1;
    scenario.sampling.seed = bytes.u64();

    while let (Some(which), Some(kind), Some(a), Some(b)) =
        (bytes.u8(), bytes.u8(), bytes.u16(), bytes.u16())
    {
        if which >= 200 {
            // A rank correlation between two parameters, rho in [-1, 1].
            let (x, y) = (
                usize::from(a) % PARAM_COUNT,
                usize::from(b) % PARAM_COUNT,
            );
            if x != y {
                let pair = Correlation {
                    a: PARAMS[x].id,
                    b: PARAMS[y].id,
                    rho: f64::from(kind) / 127.5 - 1.0,
                };
                let _ = scenario.set_correlation(pair);
            }
            continue;
        }
        if usize::from(which) >= PARAM_COUNT {
            // A custom project instead of a parameter.
            if scenario.projects.len() >= limits::MAX_CUSTOM_PROJECTS {
                continue;
            }
            let mut fields = ProjectFields::default();
            let mut set = |field: ProjectField, value: FieldValue| {
                fields.set(field, value).expect("typed as the field")
            };
            let text = |text: &str| FieldValue::Text(text.to_string());
            set(
                ProjectField::Name,
                text(&format!("p{}", scenario.projects.len())),
            );
            set(
                ProjectField::Year,
                FieldValue::Number(f64::from(2024 + u16::from(kind % 7))),
            );
            set(
                ProjectField::Status,
                text(Status::ALL[usize::from(kind / 7) % Status::COUNT].key()),
            );
            set(ProjectField::Dedicated, FieldValue::Flag(which % 2 == 0));
            // Above 0, up to each cap.
            let amount = |max: f64| FieldValue::Number(within(0.0, max, a.max(1)));
            match b % 4 {
                0 => set(ProjectField::Mw, amount(limits::MAX_PROJECT_MW)),
                1 => {
                    set(ProjectField::Gpus, amount(limits::MAX_PROJECT_GPUS));
                    set(
                        ProjectField::Gpu,
                        text(GPUS[usize::from(b / 4) % GPUS.len()].id),
                    );
                }
                scope => {
                    set(ProjectField::Eur, amount(limits::MAX_PROJECT_EUR));
                    let scope = CapexScope::ALL[usize::from(scope - 2)];
                    set(ProjectField::Scope, text(scope.key()));
                }
            }
            let project = fields
                .check()
                .unwrap_or_else(|e| panic!("harness built an invalid project: {e}: {fields:?}"));
            scenario
                .add_project(project)
                .expect("below the project cap");
            continue;
        }
        let spec = &PARAMS[usize::from(which)];
        let (x, y) = (within(spec.min, spec.max, a), within(spec.min, spec.max, b));
        let (low, high) = (x.min(y), x.max(y));
        let dist = match kind % 6 {
            0 => Dist::Point(x),
            1 => Dist::Range90 { low, high },
            2 => Dist::Uniform { low, high },
            // The widest lognormal the bounds allow: from just above the minimum.
            3 => Dist::Range90 {
                low: tiny_above(spec.min),
                high: high.max(tiny_above(spec.min)),
            },
            // The whole range, or a range pinned at one bound.
            4 => Dist::Range90 {
                low: spec.min,
                high: spec.max,
            },
            _ => Dist::Range90 { low: x, high: x },
        };
        scenario.set(spec.id, dist);
    }
    scenario
}

fn rank(year: Option<u16>) -> u16 {
    year.unwrap_or(u16::MAX) // "not by 2030" is the latest
}

fuzz_target!(|data: &[u8]| {
    let scenario = build(data);
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
