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

// The layers, lowest first: terms (the ground floor) ← data ← metric ← model ← outside ←
// input ← sim ← output. Each names only the layers before it (short_sort and keyed are
// helpers below them all); ARCHITECTURE.md says why, tests/architecture.rs keeps it.

pub mod data;
pub mod input;
pub mod metric;
pub mod model;
pub mod output;
pub mod outside;
pub mod short_sort;
pub mod sim;
pub mod terms;

pub use data::{ParamGroup, ParamId, ParamSpec, GPUS, PARAMS, PARAM_COUNT, PRESETS, PROJECTS};
pub use input::scenario::Scenario;
pub use input::validate::InputError;
pub use metric::{ByMetric, Metric, Unit, DEMAND_DEFINITION, METRIC_COUNT};
pub use model::assumptions::ParamValues;
pub use model::supply::CustomProject;
pub use model::{Model, Projection, YearFigures};
pub use sim::discover::{discover, Discovery};
pub use sim::exceedance::{Exceedance, ExceedancePoint};
pub use sim::montecarlo::{Outlook, Simulator};
pub use sim::sensitivity::{tornado, Swing, Tornado};
pub use sim::stats::Summary;
pub use terms::discovery::Condition;
pub use terms::{years, Dist, Sampling, FIRST_YEAR, LAST_YEAR, YEAR_COUNT};
