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
//! unlike the rest) is reported, and the caller runs again in passes, holding a few years'
//! figures at a time.

use crate::sim::stats::{
    from_key, key, order_statistics, percentile_ranks, SelectScratch, Summary,
};

/// Where a streamed run places its windows: after a pilot of `pilot_draws`, `sigmas`
/// standard errors of the pilot's quantile on each side of each percentile.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WindowPlan {
    pub pilot_draws: usize,
    pub sigmas: f64,
}

/// A pilot large enough that a column's windows hold about an eighth of its values (a
/// smaller one widens them, a larger one costs more to place them: 8,192 ran fastest of
/// 4,096, 8,192 and 16,384), and windows wide enough to miss all but never.
pub(crate) const WINDOWS: WindowPlan = WindowPlan {
    pilot_draws: 8_192,
    sigmas: 6.0,
};

/// The order-preserving integer image of a float as a signed integer: a < b exactly when
/// signed_key(a) < signed_key(b) (the radix selection's key, less 2³¹).
#[inline(always)]
fn signed_key(value: f32) -> i32 {
    (key(value) ^ 0x8000_0000) as i32
}

fn from_signed_key(key: i32) -> f32 {
    from_key(key as u32 ^ 0x8000_0000)
}

/// One percentile's window: the values between `lo` and `hi` (as signed keys, the floats'
/// order-preserving integer images), and how many of the column's values fall below, at
/// and inside it. In a column's order: `below`, `at_lo`, `inside`, `at_hi`, `above`.
///
/// A window starts inclusive, keeping the values at its bounds with those inside (two
/// compares a value). A column with many draws at a bound (a point mass: a clamp, a cap,
/// a yes-or-no figure) would fill it, so past `cap` values it turns strict: those at the
/// bounds are counted instead of kept (four compares a value). A window of one value is
/// strict from the start.
#[derive(Clone, Debug)]
struct Window {
    lo: i32,
    hi: i32,
    lo_value: f32,
    hi_value: f32,
    below: usize,
    above: usize,
    at_lo: usize,
    at_hi: usize,
    inside: Vec<f32>,
    strict: bool,
    cap: usize,
}

impl Window {
    fn new(lo_value: f32, hi_value: f32, cap: usize) -> Window {
        let (lo, hi) = (signed_key(lo_value), signed_key(hi_value));
        Window {
            lo,
            hi,
            lo_value,
            hi_value,
            below: 0,
            above: 0,
            at_lo: 0,
            at_hi: 0,
            // Room for what the pilot expects (half the cap, less its margin), at once.
            inside: Vec::with_capacity(cap.saturating_sub(1_024) * 5 / 8),
            strict: lo == hi,
            cap,
        }
    }

    /// Counts `keys` (at most 256) against the window and keeps the values of those inside.
    fn add(&mut self, keys: &[i32]) {
        let (lo, hi) = (self.lo, self.hi);
        // One loop of vector compares (signed: SSE2 has no unsigned compare) counts the keys
        // below and above and flags those inside.
        let mut flags = [0u8; 256];
        let (mut below, mut above) = (0u32, 0u32);
        if self.strict {
            let (mut at_lo, mut at_hi) = (0u32, 0u32);
            for (flag, &key) in flags.iter_mut().zip(keys) {
                below += u32::from(key < lo);
                above += u32::from(key > hi);
                at_lo += u32::from(key == lo);
                at_hi += u32::from(key == hi);
                *flag = u8::from(lo < key && key < hi);
            }
            self.at_lo += at_lo as usize;
            // A window of one value counts it once.
            self.at_hi += if lo == hi { 0 } else { at_hi as usize };
        } else {
            for (flag, &key) in flags.iter_mut().zip(keys) {
                let (is_below, is_above) = (key < lo, key > hi);
                below += u32::from(is_below);
                above += u32::from(is_above);
                *flag = u8::from(!(is_below | is_above));
            }
        }
        self.below += below as usize;
        self.above += above as usize;
        // The flags as a bit mask per 64 keys (a multiplication gathers eight flags into a
        // byte), then one step per value inside: no branch or store per value, and one
        // mispredicted branch or so per 64.
        let used = keys.len().next_multiple_of(64);
        for (chunk, flags) in flags[..used].chunks_exact(64).enumerate() {
            let mut mask = 0u64;
            for (byte, word) in flags.chunks_exact(8).enumerate() {
                let word = u64::from_le_bytes(word.try_into().expect("eight flags"));
                mask |= (word.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * byte);
            }
            while mask != 0 {
                let index = chunk * 64 + mask.trailing_zeros() as usize;
                self.inside.push(from_signed_key(keys[index]));
                mask &= mask - 1;
            }
        }
        if !self.strict && self.inside.len() > self.cap {
            self.make_strict();
        }
    }

    /// Counts the values at the bounds instead of keeping them.
    fn make_strict(&mut self) {
        let (lo, hi) = (self.lo, self.hi);
        let at = |bound: i32| {
            self.inside
                .iter()
                .filter(|&&v| signed_key(v) == bound)
                .count()
        };
        self.at_lo = at(lo);
        self.at_hi = at(hi);
        self.inside
            .retain(|&value| lo < signed_key(value) && signed_key(value) < hi);
        self.strict = true;
    }

    /// The values of ranks `ranks` (ascending) in the column, when the window holds both.
    fn order_statistics(&self, ranks: [usize; 2], scratch: &mut SelectScratch) -> Option<[f32; 2]> {
        // Where each rank falls: 0 at the low bound, 1 inside, 2 at the high bound.
        let place = |rank: usize| -> Option<(u8, usize)> {
            let mut rank = rank.checked_sub(self.below)?;
            for (part, len) in [self.at_lo, self.inside.len(), self.at_hi]
                .into_iter()
                .enumerate()
            {
                if rank < len {
                    return Some((part as u8, rank));
                }
                rank -= len;
            }
            None
        };
        let places = [place(ranks[0])?, place(ranks[1])?];
        let inside = &self.inside[..];
        let selected = if places.iter().any(|&(part, _)| part == 1) {
            // A rank at a bound is moved to that end of the inside (ascending ranks); its
            // selection is not read.
            let within = places.map(|(part, rank)| match part {
                0 => 0,
                1 => rank,
                _ => inside.len() - 1,
            });
            order_statistics(std::iter::once(inside), inside.len(), within, scratch).0
        } else {
            [self.lo_value; 2]
        };
        Some([0, 1].map(|i| match places[i].0 {
            0 => self.lo_value,
            1 => selected[i],
            _ => self.hi_value,
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
    /// Windows placed from `pilot`, the first draws of a column of `n`, `sigmas` standard
    /// errors of its quantiles wide on each side.
    pub(crate) fn from_pilot(
        pilot: &[f32],
        n: usize,
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
            // Twice the share of the pilot between the bounds, and some.
            let share = (bounds[2 * i + 1] - bounds[2 * i] + 1) as f64 / m as f64;
            Window::new(
                value_at(bounds[2 * i], f32::NEG_INFINITY),
                value_at(bounds[2 * i + 1], f32::INFINITY),
                (2.0 * share * n as f64) as usize + 1_024,
            )
        });
        StreamedSummary {
            windows,
            sums: [0.0; 4],
            seen: 0,
        }
    }

    /// The column's next values, in draw order, in runs: each a multiple of 4 long but for
    /// the column's last.
    pub(crate) fn add<'a>(&mut self, runs: impl IntoIterator<Item = &'a [f32]>) {
        let mut keys = [0i32; 256];
        let mut staged = 0;
        for run in runs {
            debug_assert!(
                self.seen.is_multiple_of(4),
                "only the last run may leave a partial quad"
            );
            self.seen += run.len();
            let quads = run.chunks_exact(4);
            let remainder = quads.remainder();
            for quad in quads {
                for (sum, &value) in self.sums.iter_mut().zip(quad) {
                    *sum += f64::from(value);
                }
            }
            for (lane, &value) in remainder.iter().enumerate() {
                self.sums[lane] += f64::from(value);
            }
            // Keys are staged so that each window counts many at once.
            let mut run = run;
            while !run.is_empty() {
                let take = run.len().min(keys.len() - staged);
                let (piece, rest) = run.split_at(take);
                for (slot, &value) in keys[staged..staged + take].iter_mut().zip(piece) {
                    *slot = signed_key(value);
                }
                staged += take;
                run = rest;
                if staged == keys.len() {
                    self.count(&keys);
                    staged = 0;
                }
            }
        }
        self.count(&keys[..staged]);
    }

    fn count(&mut self, keys: &[i32]) {
        if !keys.is_empty() {
            for window in &mut self.windows {
                window.add(keys);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::{Rng, SeedableRng};
    use rand_xoshiro::Xoshiro256PlusPlus;

    /// Every pair of neighbouring ranks of a small column, against its sorted values: below,
    /// at the low bound, inside, at the high bound and above a window, inclusive and strict.
    #[test]
    fn a_window_reads_each_rank_from_its_part() {
        let column = [5.0f32, 0.5, 3.0, 1.0, 6.0, 2.0, 5.0, 1.0];
        let mut sorted = column;
        sorted.sort_by(f32::total_cmp);
        let keys = column.map(signed_key);
        let mut scratch = SelectScratch::default();
        for cap in [0, 100] {
            let mut window = Window::new(1.0, 5.0, cap);
            window.add(&keys);
            assert_eq!(window.strict, cap == 0);
            for rank in 0..column.len() - 1 {
                // One value below the window and one above: ranks 1 to 6 are in it.
                let expected = (1..6)
                    .contains(&rank)
                    .then(|| [sorted[rank], sorted[rank + 1]]);
                let got = window.order_statistics([rank, rank + 1], &mut scratch);
                assert_eq!(got, expected, "ranks {rank} and {} (cap {cap})", rank + 1);
            }
        }
    }

    /// Columns with point masses at and around the windows' bounds, ties, negative values and
    /// infinities, streamed with windows of every width and caps that turn them strict: the
    /// summary is the one of the whole column, or none (a miss), never another.
    #[test]
    fn streamed_summaries_equal_held_ones_or_report_a_miss() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let mut scratch = SelectScratch::default();
        let (mut exact, mut missed) = (0, 0);
        for case in 0..400 {
            let n = 600 + (rng.next_u64() % 5_000) as usize;
            let atoms = [0.0f32, 1.0, -2.5, 1e6, f32::INFINITY];
            let atom_share = (case % 5) as f64 / 4.0;
            let column: Vec<f32> = (0..n)
                .map(|_| {
                    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
                    if u < atom_share {
                        atoms[(rng.next_u64() % (1 + case % 5) as u64) as usize]
                    } else {
                        (u * 10.0 - 3.0) as f32
                    }
                })
                .collect();
            let held = Summary::of_f32(&column, &mut scratch);
            let pilot = &column[..(64 + case * 13) % n + 1];
            let sigmas = [0.0, 0.5, 2.0, 6.0][case % 4];
            let mut streamed = StreamedSummary::from_pilot(pilot, n, sigmas, &mut scratch);
            if case % 3 == 0 {
                for window in &mut streamed.windows {
                    window.cap = 0; // strict after the first values inside
                }
            }
            streamed.add(column.chunks(32));
            match streamed.summary(&mut scratch) {
                Some(summary) => {
                    // To the bit (an infinity's percentiles can be NaN, equal to no NaN).
                    let bits = |s: Summary| [s.p5, s.p50, s.p95, s.mean].map(f64::to_bits);
                    assert_eq!(bits(summary), bits(held), "case {case}: {n} values");
                    exact += 1;
                }
                None => missed += 1,
            }
        }
        // Both outcomes are exercised; wide windows hold their statistics.
        assert!(exact > 200 && missed > 20, "{exact} exact, {missed} missed");
    }
}
