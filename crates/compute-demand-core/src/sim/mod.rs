//! The simulator: distributions, Latin-hypercube Monte Carlo over the model, summaries,
//! sensitivity, and the views over a run's draws (exceedance, scenario discovery). It calls
//! the model; it knows nothing of where a scenario came from or how results are written.

pub mod correlation;
pub mod discover;
pub mod dist;
pub mod exceedance;
pub mod montecarlo;
pub mod sensitivity;
pub mod stats;
mod stream;
