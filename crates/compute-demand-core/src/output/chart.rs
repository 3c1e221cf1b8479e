//! The app's charts, by the key a share link (`embed=`) and the page (`data-chart`) call them.

use crate::input::validate::{printable, Checked, InputError};

keyed! {
    /// A chart of the app: what an embed shows, what a figure download draws.
    pub enum ChartId {
        /// Demand against supply, 2024–2030 (average facility power, MW).
        DemandSupply = "demand-supply",
        /// Demand by segment (H100-equivalents).
        Segments = "segments",
        /// What moves the chosen figure most.
        Tornado = "tornado",
    }
}

impl ChartId {
    /// A chart by its key, or a refusal that lists the charts.
    pub fn parse(key: &str) -> Checked<ChartId> {
        ChartId::from_key(key).ok_or_else(|| {
            InputError::new(format!(
                "unknown chart '{}'; the charts are {}",
                printable(key),
                ChartId::keys().collect::<Vec<_>>().join(", ")
            ))
        })
    }
}
