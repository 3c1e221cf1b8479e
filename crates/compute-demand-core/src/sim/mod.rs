//! The simulator: Latin-hypercube Monte Carlo over the model, summaries, sensitivity, and the
//! views over a run's draws (exceedance, scenario discovery). It runs the model over a
//! `Scenario` (from the layer below, `input`); it uses none of input's codecs, and knows
//! nothing of how results are written.

pub mod correlation;
pub mod discover;
pub mod exceedance;
pub mod montecarlo;
pub mod sensitivity;
pub mod stats;
mod stream;

// A parameter's value lives on the ground floor (`crate::terms`); the old path stays.
pub use crate::terms::dist;
