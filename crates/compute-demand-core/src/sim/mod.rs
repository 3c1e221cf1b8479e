//! The simulator: distributions, Latin-hypercube Monte Carlo over the model, summaries, and
//! sensitivity. It calls the model; it knows nothing of where a scenario came from or how
//! results are written.

pub mod correlation;
pub mod dist;
pub mod montecarlo;
pub mod sensitivity;
pub mod stats;
mod stream;
