//! Everything that comes from outside: the scenario, its file format, its share link, and the
//! one validation layer they all pass through. Their text notation is on the ground floor
//! (`crate::terms::notation`). Below the simulator, which runs what this builds.

pub mod arbitrary;
mod dist_text;
pub mod field;
pub mod link;
pub mod project;
pub mod scenario;
pub mod scenario_file;
pub mod validate;

// Their homes are on the ground floor (`crate::terms`); the old paths stay for the crates
// that use them.
pub use crate::terms::{decimal, notation, rules};
