//! compute-demand's core: how much compute France's generative-AI ecosystem needs, year by
//! year to 2030, against the supply being built — with every number sourced and uncertain.
//!
//! Pure and deterministic: no I/O, no clock, no OS randomness, no browser. The same code runs
//! natively (the CLI) and as WebAssembly (the app) and gives the same numbers.
//!
//! The path of a number: [`Scenario`] (parameter values, from [`data`]) → [`Model`] (one
//! draw through 2024–2030) → [`Simulator`] (Monte Carlo over every uncertain parameter) →
//! [`Outlook`] (p5 / p50 / p95 / mean per metric and year) → [`output::report`] (JSON, CSV, table).

// The size rules of clippy.toml hold the code the bundle carries; unit tests may use std's
// sorts and Unicode tables as references.
#![cfg_attr(test, allow(clippy::disallowed_methods))]

#[macro_use]
mod keyed;

pub mod data;
pub mod input;
pub mod metric;
pub mod model;
pub mod output;
pub mod outside;
pub mod short_sort;
pub mod sim;

pub use data::{ParamGroup, ParamId, ParamSpec, GPUS, PARAMS, PARAM_COUNT, PRESETS, PROJECTS};
pub use input::scenario::{Sampling, Scenario};
pub use input::validate::InputError;
pub use metric::{ByMetric, Metric, Unit, DEMAND_DEFINITION, METRIC_COUNT};
pub use model::assumptions::ParamValues;
pub use model::supply::CustomProject;
pub use model::{Model, Projection, YearFigures};
pub use sim::discover::{discover, Condition, Discovery};
pub use sim::dist::Dist;
pub use sim::exceedance::{Exceedance, ExceedancePoint};
pub use sim::montecarlo::{Outlook, Simulator};
pub use sim::sensitivity::{tornado, Swing, Tornado};
pub use sim::stats::Summary;

/// The first year the model covers.
pub const FIRST_YEAR: u16 = 2024;
/// The last year the model covers.
pub const LAST_YEAR: u16 = 2030;
pub const YEAR_COUNT: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The years 2024..=2030.
pub fn years() -> impl Iterator<Item = u16> + Clone {
    FIRST_YEAR..=LAST_YEAR
}
