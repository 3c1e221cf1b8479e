//! Small numerical routines: the inverse normal CDF and summaries of samples.

/// Φ⁻¹(0.95): a 90% interval spans ±Z_95 standard deviations.
pub const Z_95: f64 = 1.644_853_626_951_472_2;

/// Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS 241 (PPND16), accurate to
/// about 1e-16. `p` outside (0, 1) is clamped to the nearest representable tail.
pub fn normal_quantile(p: f64) -> f64 {
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let r = if q < 0.0 { p } else { 1.0 - p };
    let r = (-libm::log(r)).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}

/// e^x for the lognormal draws, by table and polynomial in plain arithmetic: WebAssembly has
/// no exp instruction and its software exp took about 10 ns a draw; this one is a few
/// multiplications, and gives the same bits natively and in WebAssembly.
///
/// x = (64k + j)·ln2/64 + r with |r| ≤ ln2/128, so e^x = 2^k · 2^(j/64) · e^r; e^r by its
/// Taylor series to r⁵ (truncation below 4e-17), 2^(j/64) from a table of correctly rounded
/// values, 2^k in the exponent bits. Within 2 ulp of the correctly rounded result on
/// [-708, 709] (tested against std); arguments outside are clamped to it.
#[inline(always)]
pub fn exp(x: f64) -> f64 {
    const SIXTY_FOUR_OVER_LN2: f64 = 92.332_482_616_893_66;
    // ln2/64 split so that n · LN2_64_HI is exact for |n| < 2^21 (fdlibm's ln2_hi ÷ 64).
    const LN2_64_HI: f64 = 6.931_471_803_691_238e-1 / 64.0;
    const LN2_64_LO: f64 = 1.908_214_929_270_587_7e-10 / 64.0;
    // Adding 1.5·2^52 rounds to an integer held in the low mantissa bits.
    const ROUND: f64 = 6_755_399_441_055_744.0;
    let x = x.clamp(-708.0, 709.0);
    let shifted = x * SIXTY_FOUR_OVER_LN2 + ROUND;
    let n = shifted - ROUND;
    let n_int = shifted.to_bits().wrapping_sub(ROUND.to_bits()) as i64;
    let r = (x - n * LN2_64_HI) - n * LN2_64_LO;
    let e_r = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0)))));
    let (k, j) = (n_int >> 6, (n_int & 63) as usize);
    let two_to_k = f64::from_bits(((k + 1023) as u64) << 52);
    two_to_k * (TWO_TO_J_OVER_64[j] * e_r)
}

/// 2^(j/64) for j = 0..63, correctly rounded.
#[rustfmt::skip]
const TWO_TO_J_OVER_64: [f64; 64] = [
    1.0, 1.0108892860517005, 1.0218971486541166, 1.0330248790212284,
    1.0442737824274138, 1.0556451783605572, 1.0671404006768237, 1.0787607977571199,
    1.0905077326652577, 1.102382583307841, 1.1143867425958924, 1.1265216186082418,
    1.1387886347566916, 1.1511892299529827, 1.1637248587775775, 1.1763969916502812,
    1.189207115002721, 1.202156731452703, 1.215247359980469, 1.22848053610687,
    1.241857812073484, 1.255380757024691, 1.2690509571917332, 1.2828700160787783,
    1.2968395546510096, 1.3109612115247644, 1.3252366431597413, 1.339667524053303,
    1.3542555469368927, 1.3690024229745905, 1.383909881963832, 1.3989796725383112,
    std::f64::consts::SQRT_2, 1.42961333839197, 1.4451808069770467, 1.460917794180647,
    1.4768261459394993, 1.4929077282912648, 1.5091644275934228, 1.5255981507445384,
    1.5422108254079407, 1.559004400237837, 1.5759808451078865, 1.593142151342267,
    1.6104903319492543, 1.6280274218573478, 1.645755478153965, 1.6636765803267364,
    1.681792830507429, 1.7001063537185235, 1.718619298122478, 1.7373338352737062,
    1.7562521603732995, 1.7753764925265212, 1.7947090750031072, 1.8142521755003989,
    1.8340080864093424, 1.8539791250833855, 1.8741676341103, 1.8945759815869656,
    1.9152065613971474, 1.9360617934922943, 1.9571441241754002, 1.978456026387951,
];

/// Horner evaluation, coefficients from the constant term up.
fn poly(coefficients: &[f64; 8], x: f64) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

const A: [f64; 8] = [
    3.387_132_872_796_366_5,
    1.331_416_678_917_843_8e2,
    1.971_590_950_306_551_3e3,
    1.373_169_376_550_946e4,
    4.592_195_393_154_987e4,
    6.726_577_092_700_87e4,
    3.343_057_558_358_813e4,
    2.509_080_928_730_122_7e3,
];
const B: [f64; 8] = [
    1.0,
    4.231_333_070_160_091e1,
    6.872_871_378_068_687e2,
    5.394_196_021_424_751e3,
    2.121_379_430_158_659_7e4,
    3.930_789_580_009_271e4,
    2.872_908_573_572_194_3e4,
    5.226_495_278_852_545e3,
];
const C: [f64; 8] = [
    1.423_437_110_749_683_5,
    4.630_337_846_156_546,
    5.769_497_221_460_691,
    3.647_848_324_763_204_5,
    1.270_458_252_452_368_4,
    2.417_807_251_774_506e-1,
    2.272_384_498_926_918_4e-2,
    7.745_450_142_783_414e-4,
];
const D: [f64; 8] = [
    1.0,
    2.053_191_626_637_759,
    1.676_384_830_183_803_8,
    6.897_673_349_851e-1,
    1.481_037_648_997_505_2e-1,
    1.519_866_656_361_645_7e-2,
    5.475_938_084_995_345e-4,
    1.050_750_071_644_416_9e-9,
];
const E: [f64; 8] = [
    6.657_904_643_501_103,
    5.463_784_911_164_114,
    1.784_826_539_917_291_3,
    2.965_605_718_285_048_7e-1,
    2.653_218_952_657_612_4e-2,
    1.242_660_947_388_078_4e-3,
    2.711_555_568_743_487_6e-5,
    2.010_334_399_292_288_1e-7,
];
const F: [f64; 8] = [
    1.0,
    5.998_322_065_558_88e-1,
    1.369_298_809_227_358e-1,
    1.487_536_129_085_061_5e-2,
    7.868_691_311_456_133e-4,
    1.846_318_317_510_054_8e-5,
    1.421_511_758_316_446e-7,
    2.044_263_103_389_939_7e-15,
];

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

#[cfg(test)]
mod tests {
    use super::exp;

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
