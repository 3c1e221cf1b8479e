//! The app's charts: the key lives on the ground floor ([`crate::terms::chart`]); reading one
//! from text is a validation ([`crate::input::validate`]).

pub use crate::terms::chart::ChartId;
