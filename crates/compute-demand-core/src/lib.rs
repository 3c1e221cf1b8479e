//! compute-demand's core: how much compute France's generative-AI ecosystem needs, year by
//! year to 2030, against the supply being built — with every number sourced and uncertain.
//!
//! Pure and deterministic: no I/O, no clock, no OS randomness, no browser. The same code runs
//! natively (the CLI) and as WebAssembly (the app) and gives the same numbers.
//!
//! The path of a number: [`Scenario`] (parameter values, from [`data`]) → [`Model`] (one
//! draw through 2024–2030) → [`Simulator`] (Monte Carlo over every uncertain parameter) →
//! [`Outlook`] (p5 / p50 / p95 / mean per metric and year) → [`report`] (JSON, CSV, table).

pub mod assumptions;
pub mod data;
pub mod dist;
pub mod estimate;
pub mod fleet;
pub mod format;
pub mod json;
pub mod link;
pub mod metric;
pub mod model;
pub mod montecarlo;
pub mod notation;
pub mod report;
pub mod scenario;
pub mod scenario_file;
pub mod sensitivity;
pub mod stats;
pub mod supply;
pub mod validate;

pub use assumptions::ParamValues;
pub use data::{ParamGroup, ParamId, ParamSpec, GPUS, PARAMS, PARAM_COUNT, PRESETS, PROJECTS};
pub use dist::Dist;
pub use metric::{ByMetric, Metric, Unit, METRIC_COUNT};
pub use model::{Model, Projection, YearFigures};
pub use montecarlo::{Outlook, Simulator};
pub use scenario::{Sampling, Scenario};
pub use sensitivity::{tornado, Swing, Tornado};
pub use stats::Summary;
pub use supply::CustomProject;
pub use validate::InputError;

/// The first year the model covers.
pub const FIRST_YEAR: u16 = 2024;
/// The last year the model covers.
pub const LAST_YEAR: u16 = 2030;
pub const YEAR_COUNT: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The years 2024..=2030.
pub fn years() -> impl Iterator<Item = u16> + Clone {
    FIRST_YEAR..=LAST_YEAR
}
