//! Any valid scenario from bytes: the generator of the `model` fuzz target and of the
//! differential test (native, WebAssembly and the share link's round trip give the same
//! figures for each scenario it makes). Every scenario it returns passes
//! `Scenario::validate`; samples stay small (mostly 1–16, one input in eight up to 96) so that
//! a run takes microseconds.
//!
//! The bytes drive a scenario built from a preset: each 6-byte record picks a parameter and
//! sets it to a point, a 90% range, a uniform range or an extreme range, anywhere inside the
//! parameter's bounds (the bounds themselves included), adds a custom project through the
//! validation layer, or sets a rank correlation between two parameters.

use crate::data::Correlation;
use crate::data::COUNTRIES;
use crate::data::{CapexScope, Status};
use crate::input::project::{FieldValue, ProjectField, ProjectFields};
use crate::input::validate::limits;
use crate::{Dist, Scenario, GPUS, PARAMS, PARAM_COUNT};

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

/// Every pack's presets, in pack order, chosen by a byte: a build with the default pack only
/// reads the same bytes as before packs, one with every pack tries each country's too.
fn preset(byte: u8) -> &'static crate::data::Preset {
    let presets: Vec<&'static crate::data::Preset> = (COUNTRIES.iter())
        .flat_map(|country| country.presets)
        .collect();
    presets[usize::from(byte) % presets.len()]
}

/// The scenario these bytes describe.
pub fn scenario(data: &[u8]) -> Scenario {
    let mut bytes = Bytes(data);
    let mut scenario = Scenario::from_preset(preset(bytes.u8().unwrap_or(0)));
    // Mostly 1–16 samples, so that a run takes microseconds; one input in eight up to 96, so
    // that runs spanning several blocks of draws (32 each) and a partial last block are tried.
    let samples = bytes.u8().unwrap_or(15);
    scenario.sampling.samples = usize::from(if samples < 224 {
        samples % 16
    } else {
        samples % 96
    }) + 1;
    scenario.sampling.seed = bytes.u64();

    while let (Some(which), Some(kind), Some(a), Some(b)) =
        (bytes.u8(), bytes.u8(), bytes.u16(), bytes.u16())
    {
        if which >= 200 {
            // A rank correlation between two parameters, rho in [-1, 1].
            let (x, y) = (usize::from(a) % PARAM_COUNT, usize::from(b) % PARAM_COUNT);
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
        if which >= 190 {
            // A project of the register left out, or counted again.
            let register = scenario.country.projects.len();
            scenario.include_project(usize::from(a) % register, kind % 2 == 0);
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
