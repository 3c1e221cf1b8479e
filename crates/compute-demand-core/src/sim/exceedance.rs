//! The chance that a figure exceeds any level: 1 − the empirical CDF of its draws, the
//! exceedance (survival) curve of one metric in one year.
//!
//! `chance_above(x)` is exact: the share of draws strictly above x (1 below the smallest draw,
//! 0 at and above the largest). The curve is the same function read at levels chosen among the
//! draws themselves: the draws at ranks spread evenly over the sorted draws (at 21 points,
//! the smallest draw, every 5% of the draws, and the largest), so that each point lies exactly
//! on the curve, its chance is the share of draws above its level, and the points are as dense
//! in chance wherever the figure spreads, tails included. Equal draws give one point.

use crate::metric::Metric;
use crate::sim::montecarlo::Simulation;
use crate::sim::stats::{from_key, key, sort_keys};
use crate::terms::discovery::Condition;

/// One point of an exceedance curve: the share of draws whose figure is above `level`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExceedancePoint {
    pub level: f64,
    pub chance: f64,
}

/// The points a curve has unless asked for more or fewer: the smallest draw, every 5%, the
/// largest.
pub const DEFAULT_POINTS: usize = 21;

pub use crate::terms::discovery::POINTS_RANGE;

/// The draws of one figure, sorted, to read its exceedance from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Exceedance {
    /// The draws' order-preserving integer images, ascending (the figures are stored as
    /// `f32`; their images are sorted by a radix sort, [`sort_keys`]).
    keys: Vec<u32>,
}

impl Exceedance {
    /// The exceedance of figures as a run stores them.
    pub fn of_figures(figures: impl IntoIterator<Item = f32>) -> Exceedance {
        let mut keys: Vec<u32> = figures.into_iter().map(key).collect();
        sort_keys(&mut keys);
        Exceedance { keys }
    }

    /// The exceedance of `metric` in `year` over the draws of `simulation`; empty (every
    /// chance 0, no points) when the simulation holds no figures of that year.
    pub fn of(simulation: &Simulation, metric: Metric, year: u16) -> Exceedance {
        if !simulation.holds_year(year) {
            return Exceedance::default();
        }
        // The draws are f32 widened to f64: narrowing them back is exact.
        Exceedance::of_figures(
            simulation
                .draws(metric, year)
                .into_iter()
                .map(|value| value as f32),
        )
    }

    /// How many draws.
    pub fn draws(&self) -> usize {
        self.keys.len()
    }

    /// The draw of rank `rank` (0 the smallest).
    fn level(&self, rank: usize) -> f64 {
        f64::from(from_key(self.keys[rank]))
    }

    /// The smallest and largest draws; `None` without draws.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let last = self.keys.len().checked_sub(1)?;
        Some((self.level(0), self.level(last)))
    }

    /// How many draws are at or below `level`.
    fn at_or_below(&self, level: f64) -> usize {
        self.keys
            .partition_point(|&key| f64::from(from_key(key)) <= level)
    }

    /// The share of draws whose figure is above `level` (strictly): 1 at −∞, 0 at and above
    /// the largest draw; 0 without draws.
    pub fn chance_above(&self, level: f64) -> f64 {
        let n = self.keys.len();
        if n == 0 {
            return 0.0;
        }
        (n - self.at_or_below(level)) as f64 / n as f64
    }

    /// The share of draws where `condition` holds: above its level (strictly, as
    /// [`Self::chance_above`]) or below it (strictly); 0 without draws.
    pub fn chance_of(&self, condition: Condition) -> f64 {
        let n = self.keys.len();
        if n == 0 {
            return 0.0;
        }
        match condition {
            Condition::Above(level) => self.chance_above(level),
            Condition::Below(level) => {
                let below = self
                    .keys
                    .partition_point(|&key| f64::from(from_key(key)) < level);
                below as f64 / n as f64
            }
        }
    }

    /// The curve at `points` levels (held to [`POINTS_RANGE`]): the draws at ranks spread
    /// evenly from the smallest to the largest, ascending in level and descending in chance;
    /// equal draws give one point.
    pub fn curve(&self, points: usize) -> Vec<ExceedancePoint> {
        let n = self.keys.len();
        if n == 0 {
            return Vec::new();
        }
        let intervals = points.clamp(POINTS_RANGE.0, POINTS_RANGE.1) - 1;
        let mut curve: Vec<ExceedancePoint> = Vec::with_capacity(intervals + 1);
        for k in 0..=intervals {
            // Rounded to the nearest rank, in integers: the same ranks on every platform.
            let rank = (k * (n - 1) + intervals / 2) / intervals;
            let level = self.level(rank);
            if curve.last().is_some_and(|point| point.level == level) {
                continue;
            }
            curve.push(ExceedancePoint {
                level,
                chance: self.chance_above(level),
            });
        }
        curve
    }

    /// The whole step function: one point at every distinct draw.
    pub fn steps(&self) -> Vec<ExceedancePoint> {
        let n = self.keys.len();
        let mut steps = Vec::new();
        let mut rank = 0;
        while rank < n {
            let key = self.keys[rank];
            let next = rank + self.keys[rank..].partition_point(|&k| k == key);
            steps.push(ExceedancePoint {
                level: self.level(rank),
                chance: (n - next) as f64 / n as f64,
            });
            rank = next;
        }
        steps
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn share_above(draws: &[f32], level: f64) -> f64 {
        draws.iter().filter(|&&d| f64::from(d) > level).count() as f64 / draws.len() as f64
    }

    proptest! {
        #[test]
        fn the_curve_is_the_share_of_draws_above_each_level(
            draws in proptest::collection::vec(0f32..1e4, 1..400),
            levels in proptest::collection::vec(-1e3f64..2e4, 1..20),
            points in 2usize..60,
        ) {
            let exceedance = Exceedance::of_figures(draws.iter().copied());
            prop_assert_eq!(exceedance.chance_above(f64::NEG_INFINITY), 1.0);
            let (_, max) = exceedance.extent().unwrap();
            prop_assert_eq!(exceedance.chance_above(max), 0.0);
            prop_assert_eq!(exceedance.chance_above(f64::INFINITY), 0.0);
            for level in levels {
                prop_assert_eq!(exceedance.chance_above(level), share_above(&draws, level));
                prop_assert_eq!(exceedance.chance_of(Condition::Above(level)), share_above(&draws, level));
                let below = draws.iter().filter(|&&d| f64::from(d) < level).count() as f64
                    / draws.len() as f64;
                prop_assert_eq!(exceedance.chance_of(Condition::Below(level)), below);
            }
            for curve in [exceedance.curve(points), exceedance.steps()] {
                prop_assert!(curve.len() <= points.max(draws.len()));
                for pair in curve.windows(2) {
                    prop_assert!(pair[0].level < pair[1].level);
                    prop_assert!(pair[0].chance >= pair[1].chance);
                }
                for point in &curve {
                    prop_assert_eq!(point.chance, share_above(&draws, point.level));
                }
                prop_assert_eq!(curve.last().unwrap().level, max);
                prop_assert_eq!(curve.last().unwrap().chance, 0.0);
            }
        }
    }

    #[test]
    fn no_draws_no_curve() {
        let empty = Exceedance::default();
        assert_eq!(empty.chance_above(0.0), 0.0);
        assert!(empty.curve(21).is_empty() && empty.steps().is_empty());
        assert_eq!(empty.extent(), None);
        let one = Exceedance::of_figures([3.0]);
        assert_eq!(
            one.curve(21),
            [ExceedancePoint {
                level: 3.0,
                chance: 0.0
            }]
        );
    }

    #[test]
    fn twenty_one_points_every_five_percent() {
        let draws: Vec<f32> = (1..=101).map(|i| i as f32).collect();
        let curve = Exceedance::of_figures(draws.into_iter().rev()).curve(DEFAULT_POINTS);
        assert_eq!(curve.len(), 21);
        for (k, point) in curve.iter().enumerate() {
            assert_eq!(point.level, 1.0 + 5.0 * k as f64);
            assert_eq!(point.chance, (100 - 5 * k) as f64 / 101.0);
        }
    }
}
