//! What a reading of a run's draws may be asked: a scenario discovery's outcome and why it
//! may find nothing to split, and how many points an exceedance curve may have.

/// An outcome: a figure below a level, or above it (strictly).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Condition {
    Below(f64),
    Above(f64),
}

impl Condition {
    pub fn holds(self, figure: f64) -> bool {
        match self {
            Condition::Below(level) => figure < level,
            Condition::Above(level) => figure > level,
        }
    }

    pub fn level(self) -> f64 {
        match self {
            Condition::Below(level) | Condition::Above(level) => level,
        }
    }

    /// `below` or `above`: what JSON and CSV write.
    pub fn key(self) -> &'static str {
        match self {
            Condition::Below(_) => "below",
            Condition::Above(_) => "above",
        }
    }
}

/// Why there is nothing to split.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unmet {
    /// No figures of that year: no run yet.
    NoRun,
    /// No draw meets the condition, or every draw does; the smallest and largest figures.
    NoDraw {
        min: f64,
        max: f64,
    },
    EveryDraw {
        min: f64,
        max: f64,
    },
}

/// The fewest and most points a curve may be asked for.
pub const POINTS_RANGE: (usize, usize) = (2, 1_001);
