//! Everything that comes from outside: the scenario, its text notation, its file format, its
//! share link, and the one validation layer they all pass through.

pub mod arbitrary;
pub mod decimal;
mod dist_text;
pub mod field;
pub mod link;
pub mod notation;
pub mod project;
pub mod rules;
pub mod scenario;
pub mod scenario_file;
pub mod validate;
