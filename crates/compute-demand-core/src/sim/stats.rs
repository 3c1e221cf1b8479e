//! Small numerical routines: the inverse normal CDF and summaries of samples.

pub use crate::terms::math::{exp, normal_quantile, Z_95};

/// p5, median, p95 and mean of a metric across samples.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub p5: f64,
    pub p50: f64,
    pub p95: f64,
    pub mean: f64,
}

impl Summary {
    /// All four equal: the summary of a deterministic value.
    pub fn exact(value: f64) -> Summary {
        Summary {
            p5: value,
            p50: value,
            p95: value,
            mean: value,
        }
    }

    /// Summarises `samples`, reordering them. Percentiles interpolate linearly between order
    /// statistics (Hyndman & Fan type 7, the default of numpy and R). The mean is taken about
    /// the median, so that identical samples give exactly their value.
    pub fn of(samples: &mut [f64]) -> Summary {
        let n = samples.len();
        assert!(n > 0, "a summary needs at least one sample");
        let (k50, w50) = rank(n, 0.5);
        let (lower, at50, upper) = samples.select_nth_unstable_by(k50, f64::total_cmp);
        let at50 = *at50;
        let next50 = min_of(upper);
        let p50 = lerp(at50, next50, w50);

        // p5 lies among the order statistics up to the median's, p95 among those after it.
        let (k5, w5) = rank(n, 0.05);
        let p5 = if k5 < k50 {
            let (_, at, rest) = lower.select_nth_unstable_by(k5, f64::total_cmp);
            lerp(*at, min_of(rest).min(at50), w5)
        } else {
            lerp(at50, next50, w5)
        };
        let (k95, w95) = rank(n, 0.95);
        let p95 = if k95 > k50 {
            let (_, at, rest) = upper.select_nth_unstable_by(k95 - k50 - 1, f64::total_cmp);
            lerp(*at, min_of(rest), w95)
        } else {
            lerp(at50, next50, w95)
        };

        Summary {
            p5,
            p50,
            p95,
            mean: mean_about(samples, p50),
        }
    }

    /// The mean of `samples`, exact when they are all equal.
    pub fn mean_of(samples: &[f64]) -> f64 {
        mean_about(samples, samples.first().copied().unwrap_or(0.0))
    }

    /// The same summary of samples held as `f32` (how a run stores its figures), read in
    /// place from `chunks` (the column's pieces, in any order) and left as they are: the
    /// order statistics are found by radix selection on the samples' integer images
    /// (`scratch` is working space), and the interpolation and the mean are in `f64`.
    pub fn of_f32_chunks<'a, C>(chunks: C, scratch: &mut SelectScratch) -> Summary
    where
        C: Iterator<Item = &'a [f32]> + Clone,
    {
        let n: usize = chunks.clone().map(<[f32]>::len).sum();
        assert!(n > 0, "a summary needs at least one sample");
        // Each percentile needs the order statistic below it and, when it falls between two,
        // the next one.
        let wanted = percentile_ranks(n);
        let ranks = [0, 1, 2, 3, 4, 5].map(|i| (wanted[i / 2].0 + i % 2).min(n - 1));
        let (at, sum) = order_statistics(chunks.clone(), n, ranks, scratch);
        Summary::from_order_statistics(n, at, sum)
    }

    /// The summary of `n` samples from the order statistics at and after each percentile's
    /// rank ([`percentile_ranks`]) and the samples' sum.
    pub(crate) fn from_order_statistics(n: usize, at: [f32; 6], sum: f64) -> Summary {
        let at = at.map(f64::from);
        let [p5, p50, p95] =
            [0, 1, 2].map(|i| lerp(at[2 * i], at[2 * i + 1], rank(n, WANTED_PERCENTILES[i]).1));
        // Σ(x − p50) = Σx − n·p50, with Σx summed exactly enough in f64 (each f32 has 24
        // significant bits; the sum of 100,000 loses under one part in 10¹⁰).
        Summary {
            p5,
            p50,
            p95,
            mean: p50 + (sum - n as f64 * p50) / n as f64,
        }
    }

    /// The same, of one slice.
    pub fn of_f32(samples: &[f32], scratch: &mut SelectScratch) -> Summary {
        Summary::of_f32_chunks(std::iter::once(samples), scratch)
    }

    /// The mean alone of `f32` samples in `chunks`, exact when they are all equal.
    pub fn mean_of_f32_chunks<'a>(chunks: impl Iterator<Item = &'a [f32]>) -> f64 {
        let (mut center, mut deviation, mut n) = (None, 0.0, 0usize);
        for chunk in chunks {
            let center = *center.get_or_insert(chunk.first().map_or(0.0, |&v| f64::from(v)));
            deviation += chunk
                .iter()
                .map(|&sample| f64::from(sample) - center)
                .sum::<f64>();
            n += chunk.len();
        }
        center.unwrap_or(0.0) + deviation / n.max(1) as f64
    }
}

/// The mean, summed as deviations from `center` so that identical samples give exactly
/// their value and large magnitudes lose less precision.
fn mean_about(samples: &[f64], center: f64) -> f64 {
    let deviation: f64 = samples.iter().map(|&sample| sample - center).sum();
    center + deviation / samples.len() as f64
}

/// The percentiles a summary reports.
pub(crate) const WANTED_PERCENTILES: [f64; 3] = [0.05, 0.5, 0.95];

/// For each of [`WANTED_PERCENTILES`], the rank of the order statistic just below it among
/// `n` samples, and the percentile.
pub(crate) fn percentile_ranks(n: usize) -> [(usize, f64); 3] {
    WANTED_PERCENTILES.map(|p| (rank(n, p).0, p))
}

/// The order statistic just below quantile `p` of `n` samples, and the weight of the next one.
fn rank(n: usize, p: f64) -> (usize, f64) {
    let h = (n - 1) as f64 * p;
    let below = h.floor();
    (below as usize, h - below)
}

fn min_of(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

/// `at` moved `weight` of the way to `next`; `next` is only read when the weight is positive,
/// which guarantees it exists.
fn lerp(at: f64, next: f64, weight: f64) -> f64 {
    if weight == 0.0 {
        at
    } else {
        at + weight * (next - at)
    }
}

/// The order-preserving integer image of a float: a < b exactly when key(a) < key(b) (−0 just
/// below +0).
#[inline(always)]
pub(crate) fn key(value: f32) -> u32 {
    let bits = value.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

pub(crate) fn from_key(key: u32) -> f32 {
    f32::from_bits(if key >> 31 == 1 {
        key & 0x7fff_ffff
    } else {
        !key
    })
}

/// Working space of [`Summary::of_f32_chunks`], kept between summaries.
#[derive(Clone, Debug, Default)]
pub struct SelectScratch {
    keys: Vec<u32>,
}

/// The first digit of a key (its top 11 bits: sign, exponent and two bits of mantissa), and
/// the second (the next 11).
const FIRST_SHIFT: u32 = 21;
const SECOND_SHIFT: u32 = 10;
const DIGITS: usize = 1 << 11;

/// The order statistics of the given ranks (0-based, each below `n`, ascending when `n` is
/// over 512) of the `n` samples in `chunks`, and the samples' sum.
///
/// Most-significant-digit radix selection on the samples' keys: one pass counts them by
/// their first digit, which tells in which of 2,048 buckets each wanted rank falls (and sums
/// them); a second pass copies out the keys of those few buckets; within each, a count by
/// the second digit narrows it to a handful of keys, which are sorted. Two sequential passes
/// over the samples instead of the several partitions a comparison-based selection makes
/// per rank.
pub(crate) fn order_statistics<'a, C, const R: usize>(
    chunks: C,
    n: usize,
    ranks: [usize; R],
    scratch: &mut SelectScratch,
) -> ([f32; R], f64)
where
    C: Iterator<Item = &'a [f32]> + Clone,
{
    let keys = &mut scratch.keys;
    keys.clear();
    if n <= 512 {
        // Few samples: sorting them costs less than counting into the buckets. Summed in the
        // same lanes as below.
        let mut sums = [0.0f64; 4];
        for chunk in chunks {
            for (position, &sample) in chunk.iter().enumerate() {
                keys.push(key(sample));
                sums[position % 4] += f64::from(sample);
            }
        }
        keys.sort_unstable();
        let sum = (sums[0] + sums[1]) + (sums[2] + sums[3]);
        return (ranks.map(|rank| from_key(keys[rank])), sum);
    }
    // Buckets are located in one sweep, so the ranks must ascend. Above the sorting cut-off
    // they do; below it a percentile's "next" rank can pass the following percentile's.
    debug_assert!(ranks.windows(2).all(|pair| pair[0] <= pair[1]));
    // Four counts and four sums, by position modulo 4: consecutive samples often fall in the
    // same bucket, and one count would wait on each increment before the next.
    let mut lanes = [[0u32; DIGITS]; 4];
    let mut sums = [0.0f64; 4];
    // A sample's lane is its position in its chunk modulo 4, so that a column summed block
    // by block as it is drawn (`stream`) has the same sum to the bit.
    for chunk in chunks.clone() {
        let quads = chunk.chunks_exact(4);
        let remainder = quads.remainder();
        for quad in quads {
            for lane in 0..4 {
                lanes[lane][(key(quad[lane]) >> FIRST_SHIFT) as usize] += 1;
                sums[lane] += f64::from(quad[lane]);
            }
        }
        for (lane, &sample) in remainder.iter().enumerate() {
            lanes[lane][(key(sample) >> FIRST_SHIFT) as usize] += 1;
            sums[lane] += f64::from(sample);
        }
    }
    let mut counts = lanes[0];
    for lane in &lanes[1..] {
        for (count, &more) in counts.iter_mut().zip(lane) {
            *count += more;
        }
    }
    let sum = (sums[0] + sums[1]) + (sums[2] + sums[3]);
    let located = locate(&counts, ranks);
    // The wanted buckets (at most R, usually three: each pair of ranks shares one).
    let mut buckets: [usize; R] = located.map(|(bucket, _)| bucket);
    buckets.sort_unstable();
    let distinct = dedup(&mut buckets);
    let buckets = &buckets[..distinct];
    let mut starts = [0usize; R];
    let mut total = 0;
    for (start, &bucket) in starts.iter_mut().zip(buckets) {
        *start = total;
        total += counts[bucket] as usize;
    }
    // One more slot past the wanted buckets' keys takes every other key, overwritten by the
    // next: the copy has no branch to mispredict.
    keys.resize(total + 1, 0);
    const SLOTS: usize = 8;
    assert!(R < SLOTS, "at most {} ranks at once", SLOTS - 1);
    let trash = R;
    let mut slot_of = [trash as u8; DIGITS];
    for (slot, &bucket) in buckets.iter().enumerate() {
        slot_of[bucket] = slot as u8;
    }
    let mut next = [total; SLOTS];
    next[..R].copy_from_slice(&starts);
    let mut step = [1usize; SLOTS];
    step[trash] = 0;
    for chunk in chunks {
        for &sample in chunk {
            let key = key(sample);
            let slot = usize::from(slot_of[(key >> FIRST_SHIFT) as usize]);
            keys[next[slot]] = key;
            next[slot] += step[slot];
        }
    }
    let values = located.map(|(bucket, rank)| {
        let slot = buckets
            .iter()
            .position(|&wanted| wanted == bucket)
            .expect("a wanted bucket");
        let end = starts[slot] + counts[bucket] as usize;
        from_key(select_within(&mut keys[starts[slot]..end], rank))
    });
    (values, sum)
}

/// For each rank, its bucket under `counts` and its rank within the bucket (ranks ascending).
fn locate<const R: usize>(counts: &[u32; DIGITS], ranks: [usize; R]) -> [(usize, usize); R] {
    let (mut below, mut bucket) = (0usize, 0usize);
    ranks.map(|rank| {
        while rank >= below + counts[bucket] as usize {
            below += counts[bucket] as usize;
            bucket += 1;
        }
        (bucket, rank - below)
    })
}

/// Moves the distinct values of sorted `values` to its front; how many there are.
fn dedup<const R: usize>(values: &mut [usize; R]) -> usize {
    let mut distinct = 0;
    for i in 0..R {
        if distinct == 0 || values[distinct - 1] != values[i] {
            values[distinct] = values[i];
            distinct += 1;
        }
    }
    distinct
}

/// The key of rank `rank` among `keys`, which share their first digit: narrowed by the second
/// digit when there are many, then sorted.
fn select_within(keys: &mut [u32], rank: usize) -> u32 {
    if keys.len() > 256 {
        let mut counts = [0u32; DIGITS];
        for &key in keys.iter() {
            counts[((key >> SECOND_SHIFT) as usize) & (DIGITS - 1)] += 1;
        }
        let [(digit, within)] = locate(&counts, [rank]);
        let mut narrowed: Vec<u32> = keys
            .iter()
            .copied()
            .filter(|&key| ((key >> SECOND_SHIFT) as usize) & (DIGITS - 1) == digit)
            .collect();
        narrowed.sort_unstable();
        return narrowed[within];
    }
    keys.sort_unstable();
    keys[rank]
}

/// Sorts keys ascending: a least-significant-digit radix sort, a byte a pass, skipping the
/// bytes every key shares. Linear, where the standard library the web modules are built with
/// (size-optimised) sorts by heapsort: an exceedance sorts a figure's draws, a discovery two groups per parameter.
pub(crate) fn sort_keys(keys: &mut Vec<u32>) {
    let mut sorted = vec![0u32; keys.len()];
    for shift in [0, 8, 16, 24] {
        let mut counts = [0usize; 256];
        for &key in keys.iter() {
            counts[((key >> shift) & 0xff) as usize] += 1;
        }
        if counts.contains(&keys.len()) {
            continue; // every key has this byte: the pass would not move anything
        }
        let mut next = [0usize; 256];
        let mut total = 0;
        for (slot, &count) in next.iter_mut().zip(&counts) {
            *slot = total;
            total += count;
        }
        for &key in keys.iter() {
            let digit = ((key >> shift) & 0xff) as usize;
            sorted[next[digit]] = key;
            next[digit] += 1;
        }
        std::mem::swap(keys, &mut sorted);
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn keys_sort_as_std_sorts_them(keys in proptest::collection::vec(proptest::num::u32::ANY, 0..600)) {
            let mut radix = keys.clone();
            sort_keys(&mut radix);
            let mut std = keys;
            std.sort_unstable();
            proptest::prop_assert_eq!(radix, std);
        }
    }

    use super::{exp, sort_keys};

    #[test]
    fn exp_is_within_two_ulp_of_std() {
        let mut worst = 0;
        let mut x: f64 = -708.0;
        while x <= 709.0 {
            for nudge in [0.0, 1e-9, -3.3e-12] {
                let x = (x + nudge).clamp(-708.0, 709.0);
                let (ours, reference) = (exp(x), x.exp());
                let ulp = (reference.to_bits() as i64 - ours.to_bits() as i64).abs();
                worst = worst.max(ulp);
                assert!(
                    ulp <= 2,
                    "exp({x}) = {ours}, std gives {reference}: {ulp} ulp"
                );
            }
            x += 0.000_731;
        }
        assert_eq!(exp(0.0), 1.0);
        assert!(worst <= 2);
    }
}
