//! Exact summaries of a column seen once, a block at a time, without holding it.
//!
//! A run too large to hold all its figures ([`super::montecarlo::Simulator::run`] at 100,000
//! draws) would otherwise go through the model once per group of years. Instead, a pilot —
//! the run's first draws, a random subset of them since draws come in random order — tells
//! where each wanted order statistic will fall: around each percentile, a window of values
//! wide enough (six standard errors of the pilot's quantile either side) that the order
//! statistic lies in it all but always. Every value is then counted against each window and
//! only those inside are kept, so an order statistic is read from its window exactly: the
//! same value a selection over the whole column finds. A rank outside its window (a pilot
//! unlike the rest) is reported, and the caller runs again with the figures held.

use crate::sim::stats::{key, order_statistics, percentile_ranks, SelectScratch, Summary};

/// Pilot draws: enough that a column's windows hold about an eighth of its values.
pub(crate) const PILOT_DRAWS: usize = 8_192;

/// Standard errors of the pilot's quantile on each side of a window.
pub(crate) const WINDOW_SIGMAS: f64 = 6.0;

/// One percentile's window: the values between `lo` and `hi` (as keys, the floats'
/// order-preserving integer images), and how many of the column's values fall below, at
/// and inside it.
#[derive(Clone, Debug)]
struct Window {
    lo: u32,
    hi: u32,
    lo_value: f32,
    hi_value: f32,
    /// Values with key < lo, ≤ lo, < hi and ≤ hi.
    below_lo: usize,
    upto_lo: usize,
    below_hi: usize,
    upto_hi: usize,
    /// The values strictly inside.
    inside: Vec<f32>,
}

impl Window {
    fn new(lo_value: f32, hi_value: f32) -> Window {
        Window {
            lo: key(lo_value),
            hi: key(hi_value),
            lo_value,
            hi_value,
            below_lo: 0,
            upto_lo: 0,
            below_hi: 0,
            upto_hi: 0,
            inside: Vec::new(),
        }
    }

    /// Counts `keys` against the window and keeps the values inside (at most 64 at once).
    fn add(&mut self, values: &[f32], keys: &[u32]) {
        let (lo, hi) = (self.lo, self.hi);
        // Four counts, each a loop of vector compares.
        let count = |test: &dyn Fn(u32) -> bool| -> usize {
            keys.iter().map(|&key| u32::from(test(key))).sum::<u32>() as usize
        };
        let upto_lo = count(&|key| key <= lo);
        let below_hi = count(&|key| key < hi);
        self.below_lo += count(&|key| key < lo);
        self.upto_lo += upto_lo;
        self.below_hi += below_hi;
        self.upto_hi += count(&|key| key <= hi);
        if below_hi > upto_lo {
            // A few values in a block are inside: a mask of them, then one step per value
            // inside, rather than a branch or a store per value.
            let mut mask = 0u64;
            for (bit, &key) in keys.iter().enumerate() {
                mask |= u64::from(lo < key && key < hi) << bit;
            }
            while mask != 0 {
                self.inside.push(values[mask.trailing_zeros() as usize]);
                mask &= mask - 1;
            }
        }
    }

    /// The values of ranks `ranks` (ascending) in the column, when the window holds both.
    fn order_statistics(&self, ranks: [usize; 2], scratch: &mut SelectScratch) -> Option<[f32; 2]> {
        if ranks[0] < self.below_lo || ranks[1] >= self.upto_hi {
            return None;
        }
        let inside = &self.inside[..];
        let is_inside = |rank: usize| rank >= self.upto_lo && rank < self.below_hi;
        let selected = if is_inside(ranks[0]) || is_inside(ranks[1]) {
            // Ranks outside are clamped in; their selection is not read.
            let within =
                ranks.map(|rank| rank.clamp(self.upto_lo, self.below_hi - 1) - self.upto_lo);
            order_statistics(std::iter::once(inside), inside.len(), within, scratch).0
        } else {
            [self.lo_value; 2]
        };
        Some([0, 1].map(|i| {
            if ranks[i] < self.upto_lo {
                self.lo_value
            } else if ranks[i] < self.below_hi {
                selected[i]
            } else {
                self.hi_value
            }
        }))
    }
}

/// The summary of one column in the making: a window per percentile and the sum.
#[derive(Clone, Debug)]
pub(crate) struct StreamedSummary {
    windows: [Window; 3],
    /// Sums by draw index modulo 4, as [`Summary::of_f32`] adds them, for the same mean.
    sums: [f64; 4],
    seen: usize,
}

impl StreamedSummary {
    /// Windows placed from `pilot`, the column's first draws, `sigmas` standard errors of
    /// its quantiles wide on each side.
    pub(crate) fn from_pilot(
        pilot: &[f32],
        sigmas: f64,
        scratch: &mut SelectScratch,
    ) -> StreamedSummary {
        let m = pilot.len();
        assert!(m > 0, "a pilot needs draws");
        // The pilot's ranks on each side of each percentile, ascending.
        let reach = |p: f64| (sigmas * (m as f64 * p * (1.0 - p)).sqrt()).ceil() as usize + 2;
        let centres = percentile_ranks(m);
        let mut bounds = [0usize; 6];
        for (i, &(centre, p)) in centres.iter().enumerate() {
            let reach = reach(p);
            bounds[2 * i] = centre.saturating_sub(reach);
            bounds[2 * i + 1] = (centre + 1 + reach).min(m - 1);
        }
        let mut sorted = bounds;
        sorted.sort_unstable();
        let (values, _) = order_statistics(std::iter::once(pilot), m, sorted, scratch);
        let value_at = |rank: usize, open: f32| {
            // A window reaching past the pilot's extremes is open on that side.
            let at = values[sorted.iter().position(|&r| r == rank).expect("a bound")];
            if rank == 0 || rank == m - 1 {
                open
            } else {
                at
            }
        };
        let windows = [0, 1, 2].map(|i| {
            Window::new(
                value_at(bounds[2 * i], f32::NEG_INFINITY),
                value_at(bounds[2 * i + 1], f32::INFINITY),
            )
        });
        StreamedSummary {
            windows,
            sums: [0.0; 4],
            seen: 0,
        }
    }

    /// The column's next values, in draw order: a multiple of 4 of them but for the last.
    pub(crate) fn add(&mut self, values: &[f32]) {
        debug_assert!(
            self.seen.is_multiple_of(4),
            "only the last values may leave a partial quad"
        );
        let mut keys = [0u32; 64];
        for values in values.chunks(keys.len()) {
            let keys = &mut keys[..values.len()];
            for (key_slot, &value) in keys.iter_mut().zip(values) {
                *key_slot = key(value);
            }
            let quads = values.chunks_exact(4);
            let remainder = quads.remainder();
            for quad in quads {
                for (sum, &value) in self.sums.iter_mut().zip(quad) {
                    *sum += f64::from(value);
                }
            }
            for (lane, &value) in remainder.iter().enumerate() {
                self.sums[lane] += f64::from(value);
            }
            for window in &mut self.windows {
                window.add(values, keys);
            }
        }
        self.seen += values.len();
    }

    /// The column's summary, or `None` when an order statistic fell outside its window.
    pub(crate) fn summary(&self, scratch: &mut SelectScratch) -> Option<Summary> {
        let n = self.seen;
        let wanted = percentile_ranks(n);
        let mut at = [0.0f32; 6];
        for (i, &(rank, _)) in wanted.iter().enumerate() {
            let ranks = [rank, (rank + 1).min(n - 1)];
            let [low, high] = self.windows[i].order_statistics(ranks, scratch)?;
            at[2 * i] = low;
            at[2 * i + 1] = high;
        }
        let sum = (self.sums[0] + self.sums[1]) + (self.sums[2] + self.sums[3]);
        Some(Summary::from_order_statistics(n, at, sum))
    }
}
