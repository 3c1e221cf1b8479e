//! The ground floor: the words every layer of the core speaks in, and that use none of them.
//!
//! The years the model covers, a parameter's value ([`Dist`]), how a scenario is sampled
//! ([`Sampling`]), numbers as text ([`notation`], [`lang`]), the data rules and their keyed
//! enums ([`rules`]), the app's charts ([`chart`]) and what a scenario discovery may be asked
//! ([`discovery`]). Everything above may use these; nothing here names a module above
//! (`tests/architecture.rs` keeps the order, ARCHITECTURE.md lists it).

pub mod chart;
pub mod decimal;
pub mod discovery;
pub mod dist;
pub mod lang;
pub mod math;
pub mod notation;
pub mod quote;
pub mod rules;

pub use chart::ChartId;
pub use dist::{Dist, ValueKind};
pub use lang::Lang;

/// The first year the model covers.
pub const FIRST_YEAR: u16 = 2024;
/// The last year the model covers.
pub const LAST_YEAR: u16 = 2030;
pub const YEAR_COUNT: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The years 2024..=2030.
pub fn years() -> impl Iterator<Item = u16> + Clone {
    FIRST_YEAR..=LAST_YEAR
}

/// How a scenario is sampled: the same samples and seed give the same numbers everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sampling {
    pub samples: usize,
    pub seed: u64,
}

impl Sampling {
    pub const DEFAULT_SAMPLES: usize = 10_000;
    /// 13 May 2024, the day of Amazon's announcement ("more than €1.2bn", often reported as €1.3bn).
    pub const DEFAULT_SEED: u64 = 20_240_513;
}

impl Default for Sampling {
    fn default() -> Sampling {
        Sampling {
            samples: Sampling::DEFAULT_SAMPLES,
            seed: Sampling::DEFAULT_SEED,
        }
    }
}
