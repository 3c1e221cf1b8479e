//! The app's charts, by the key a share link (`embed=`) and the page (`data-chart`) call them.

keyed! {
    /// A chart of the app: what an embed shows, what a figure download draws.
    pub enum ChartId {
        /// Demand against supply, 2024–2030 (average facility power, MW).
        DemandSupply = "demand-supply",
        /// Demand by segment (H100-equivalents).
        Segments = "segments",
        /// What moves the chosen figure most.
        Tornado = "tornado",
        /// The chance that the chosen figure exceeds each level (drawn by the outcome views).
        Exceedance = "exceedance",
    }
}
