//! Rank correlations between parameters, imposed on the Latin-hypercube columns by the
//! Iman–Conover method (Iman & Conover, 1982): each correlated column keeps exactly the values
//! it had — its marginal distribution is untouched — and only their order across draws
//! changes, so that the ranks follow the target correlations.
//!
//! 1. Score each column by its ranks: the draw of rank r gets the normal score Φ⁻¹((r + ½)/n).
//! 2. Those scores have some sample correlation E = F·Fᵀ; the target, turned from rank
//!    (Spearman) to score (Pearson) correlation by ρ_p = 2·sin(π·ρ_s/6), is C = P·Pᵀ.
//! 3. T = P·F⁻¹·scores has correlation C; each column is reordered to follow T's ranks.
//!
//! Plain arithmetic and `sqrt` only (and `libm::sin` once per pair), with ties broken by
//! index: the same draws natively and in WebAssembly.

pub use crate::data::Correlation;
use crate::data::{Country, ParamId};
use crate::input::scenario::Scenario;
use crate::terms::notation::Written;

/// What the simulator imposes: the uncertain parameters that take part, their target rank
/// correlations (a valid matrix, repaired if need be), and what was said about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CorrelationPlan {
    /// The parameters of the matrix, in parameter order.
    pub params: Vec<ParamId>,
    /// k × k, row-major, unit diagonal: rank correlations.
    pub matrix: Vec<f64>,
    /// Pairs ignored (a point value) and any repair, in words.
    pub notices: Vec<String>,
}

/// A scenario's correlations planned: what `Simulator` runs it with.
impl Scenario {
    /// What the simulator will impose, and what it has to say about the pairs (ignored or
    /// repaired).
    pub fn correlation_plan(&self) -> CorrelationPlan {
        plan(self.country, &self.correlations, |id| {
            self.value(id).is_uncertain()
        })
    }
}

/// Plans the correlations `pairs` among the parameters that are uncertain (`uncertain(id)`).
/// Pairs with a point-valued parameter are ignored with a notice; a set of pairs that no
/// joint distribution can have (a matrix that is not positive semi-definite) is repaired by
/// clipping its eigenvalues, with a notice naming each pair it changed (in `country`'s keys).
pub fn plan(
    country: &Country,
    pairs: &[Correlation],
    uncertain: impl Fn(ParamId) -> bool,
) -> CorrelationPlan {
    let mut notices = Vec::new();
    let mut kept: Vec<Correlation> = Vec::new();
    for pair in pairs.iter().map(|p| p.ordered()) {
        if pair.rho == 0.0 {
            continue;
        }
        let points: Vec<&str> = [pair.a, pair.b]
            .into_iter()
            .filter(|&id| !uncertain(id))
            .map(|id| country.param(id).key)
            .collect();
        if !points.is_empty() {
            let what = if points.len() == 1 {
                "has a point value, not a range"
            } else {
                "have point values, not ranges"
            };
            notices.push(format!(
                "correlation {} = {} is ignored: {} {what}",
                pair.pair_text(country),
                Written(pair.rho),
                points.join(" and ")
            ));
            continue;
        }
        kept.push(pair);
    }
    let mut params: Vec<ParamId> = kept.iter().flat_map(|p| [p.a, p.b]).collect();
    crate::short_sort::sort_short_by(&mut params, |a, b| a < b);
    params.dedup();
    let k = params.len();
    let at = |id: ParamId| params.iter().position(|&p| p == id).expect("in params");
    let mut matrix = identity(k);
    for pair in &kept {
        let (i, j) = (at(pair.a), at(pair.b));
        matrix[i * k + j] = pair.rho;
        matrix[j * k + i] = pair.rho;
    }
    if let Some(repaired) = repair(&matrix, k) {
        let mut changes = Vec::new();
        for pair in &kept {
            let (i, j) = (at(pair.a), at(pair.b));
            let now = repaired[i * k + j];
            if (now - pair.rho).abs() > 5e-3 {
                changes.push(format!(
                    "{} {} → {}",
                    pair.pair_text(country),
                    Written(pair.rho),
                    Written(round2(now))
                ));
            }
        }
        notices.push(format!(
            "these correlations cannot hold together (their matrix is not positive \
             semi-definite), so they were repaired to the nearest valid set: {}",
            changes.join("; ")
        ));
        matrix = repaired;
    }
    CorrelationPlan {
        params,
        matrix,
        notices,
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

fn identity(k: usize) -> Vec<f64> {
    let mut m = vec![0.0; k * k];
    for i in 0..k {
        m[i * k + i] = 1.0;
    }
    m
}

/// The lower Cholesky factor of a k × k symmetric matrix, or `None` when it is not positive
/// definite (to a small tolerance).
pub fn cholesky(a: &[f64], k: usize) -> Option<Vec<f64>> {
    let mut l = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..=i {
            let mut sum = a[i * k + j];
            for m in 0..j {
                sum -= l[i * k + m] * l[j * k + m];
            }
            if i == j {
                if sum <= 1e-12 {
                    return None;
                }
                l[i * k + i] = sum.sqrt();
            } else {
                l[i * k + j] = sum / l[j * k + j];
            }
        }
    }
    Some(l)
}

/// Eigenvalues and eigenvectors (columns of `v`) of a symmetric matrix by cyclic Jacobi
/// rotations: a fixed number of sweeps of plain arithmetic.
fn symmetric_eigen(a: &[f64], k: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = a.to_vec();
    let mut v = identity(k);
    let total: f64 = a.iter().map(|x| x * x).sum();
    for _sweep in 0..50 {
        let off: f64 = (0..k)
            .flat_map(|i| (0..k).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * k + j] * a[i * k + j])
            .sum();
        // Converged to working precision (cyclic Jacobi converges quadratically: a handful of
        // sweeps).
        if off <= 1e-24 * total {
            break;
        }
        for p in 0..k {
            for q in p + 1..k {
                let apq = a[p * k + q];
                if apq == 0.0 {
                    continue;
                }
                let theta = (a[q * k + q] - a[p * k + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for r in 0..k {
                    let (arp, arq) = (a[r * k + p], a[r * k + q]);
                    a[r * k + p] = c * arp - s * arq;
                    a[r * k + q] = s * arp + c * arq;
                }
                for r in 0..k {
                    let (apr, aqr) = (a[p * k + r], a[q * k + r]);
                    a[p * k + r] = c * apr - s * aqr;
                    a[q * k + r] = s * apr + c * aqr;
                }
                for r in 0..k {
                    let (vrp, vrq) = (v[r * k + p], v[r * k + q]);
                    v[r * k + p] = c * vrp - s * vrq;
                    v[r * k + q] = s * vrp + c * vrq;
                }
            }
        }
    }
    ((0..k).map(|i| a[i * k + i]).collect(), v)
}

/// A valid correlation matrix near `m` when `m` is not one: negative eigenvalues clipped to
/// a small positive floor, then rescaled to a unit diagonal. `None` when `m` is valid.
pub fn repair(m: &[f64], k: usize) -> Option<Vec<f64>> {
    // A Cholesky factor exists: positive definite, nothing to repair (the common case, and
    // far cheaper than the eigenvalues).
    if cholesky(m, k).is_some() {
        return None;
    }
    let (values, vectors) = symmetric_eigen(m, k);
    if values.iter().all(|&value| value >= -1e-12) {
        return None;
    }
    Some(clipped(k, &values, &vectors))
}

/// `m` with its eigenvalues held above a small floor and its diagonal rescaled to 1: strictly
/// positive definite, so that it has a Cholesky factor (a correlation of exactly ±1 becomes
/// ±0.999999).
fn positive_definite(m: &[f64], k: usize) -> Vec<f64> {
    let (values, vectors) = symmetric_eigen(m, k);
    clipped(k, &values, &vectors)
}

/// The matrix of eigenvalues `values` (held above a small floor) and eigenvectors `vectors`,
/// rescaled to a unit diagonal.
fn clipped(k: usize, values: &[f64], vectors: &[f64]) -> Vec<f64> {
    const FLOOR: f64 = 1e-6;
    let clipped: Vec<f64> = values.iter().map(|&value| value.max(FLOOR)).collect();
    let mut out = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            out[i * k + j] = (0..k)
                .map(|e| vectors[i * k + e] * clipped[e] * vectors[j * k + e])
                .sum();
        }
    }
    let scale: Vec<f64> = (0..k).map(|i| 1.0 / out[i * k + i].sqrt()).collect();
    for i in 0..k {
        for j in 0..k {
            out[i * k + j] *= scale[i] * scale[j];
        }
        out[i * k + i] = 1.0;
    }
    out
}

/// The order of `column`'s values: `order[r]` is the draw of rank r (ties by draw index).
///
/// A least-significant-digit radix sort of the values' integer images (11 bits a pass,
/// skipping the digits every value shares): linear, where a comparison sort of 100,000 draws
/// by index spent most of its time waiting on memory.
pub(crate) fn ranking(column: &[f64]) -> Vec<u32> {
    let key = |value: f64| {
        let bits = value.to_bits();
        if bits >> 63 == 1 {
            !bits
        } else {
            bits | 1 << 63
        }
    };
    let mut entries: Vec<(u64, u32)> = column
        .iter()
        .enumerate()
        .map(|(draw, &value)| (key(value), draw as u32))
        .collect();
    // Below a few thousand, sweeping 2,048 buckets six times costs more than a sort.
    if entries.len() <= 4_096 {
        entries.sort_unstable();
        return entries.into_iter().map(|(_, draw)| draw).collect();
    }
    const DIGIT: u32 = 11;
    const BUCKETS: usize = 1 << DIGIT;
    let mut counts = vec![[0usize; BUCKETS]; 64usize.div_ceil(DIGIT as usize)];
    for &(key, _) in &entries {
        for (pass, count) in counts.iter_mut().enumerate() {
            count[((key >> (pass as u32 * DIGIT)) as usize) & (BUCKETS - 1)] += 1;
        }
    }
    let mut sorted = vec![(0u64, 0u32); entries.len()];
    for (pass, count) in counts.iter().enumerate() {
        if count.contains(&entries.len()) {
            continue; // every value has this digit: the pass would not move anything
        }
        let mut next = [0usize; BUCKETS];
        let mut total = 0;
        for (slot, &count) in next.iter_mut().zip(count) {
            *slot = total;
            total += count;
        }
        for &entry in &entries {
            let digit = ((entry.0 >> (pass as u32 * DIGIT)) as usize) & (BUCKETS - 1);
            sorted[next[digit]] = entry;
            next[digit] += 1;
        }
        std::mem::swap(&mut entries, &mut sorted);
    }
    entries.into_iter().map(|(_, draw)| draw).collect()
}

/// Reorders the columns (each the strata of `n` draws, the j-th at `columns[j]`) so that
/// their rank correlations follow `matrix` (k × k, k = columns.len()); `normal_scores` holds
/// Φ⁻¹((r + ½)/n) ascending. A column holds the stratum of each draw, which is its rank, so
/// reordering moves strata, never values. A step at a time, so that a caller can spread the
/// work over several tasks: each step scores one column, or solves the transform, or
/// reorders one column.
#[derive(Clone, Debug)]
pub(crate) struct Imposing {
    k: usize,
    n: usize,
    /// Scores by rank, draw-major: `scores[i * k + j]`.
    scores: Vec<f64>,
    /// S = P·F⁻¹, once solved; `None` while scoring, or when there is nothing to impose.
    transform: Option<Vec<f64>>,
    /// The next column to score, then (with `transform`) to reorder.
    next: usize,
    done: bool,
}

impl Imposing {
    pub(crate) fn new(k: usize, n: usize) -> Imposing {
        Imposing {
            k,
            n,
            scores: Vec::new(),
            transform: None,
            next: 0,
            done: k < 2 || n <= k,
        }
    }

    /// One step; true once the columns are in their final order.
    pub(crate) fn step(
        &mut self,
        columns: &mut [&mut [u32]],
        matrix: &[f64],
        normal_scores: &[f64],
    ) -> bool {
        if self.done {
            return true;
        }
        let (k, n) = (self.k, self.n);
        match &self.transform {
            // 1. Scores by rank, a column at a time.
            None if self.next < k => {
                if self.scores.is_empty() {
                    self.scores = vec![0.0; n * k];
                }
                let j = self.next;
                for (draw, &stratum) in columns[j].iter().enumerate() {
                    self.scores[draw * k + j] = normal_scores[stratum as usize];
                }
                self.next += 1;
            }
            // 2. The transform that takes their correlation to the target's.
            None => match solve(&self.scores, k, matrix, normal_scores) {
                Some(transform) => {
                    self.transform = Some(transform);
                    self.next = 0;
                }
                None => self.done = true,
            },
            // 3. Each column reordered as its transformed scores rank.
            Some(s) => {
                let j = self.next;
                let transformed: Vec<f64> = self
                    .scores
                    .chunks_exact(k)
                    .map(|row| (0..k).map(|m| s[j * k + m] * row[m]).sum())
                    .collect();
                let column = &mut columns[j];
                for (rank, &draw) in ranking(&transformed).iter().enumerate() {
                    column[draw as usize] = rank as u32;
                }
                self.next += 1;
                self.done = self.next == k;
            }
        }
        if self.done {
            self.scores = Vec::new();
        }
        self.done
    }
}

/// S = P·F⁻¹ for the scores' sample correlation F·Fᵀ and the target P·Pᵀ (rank correlations
/// turned into the normal scores' correlations); `None` when either has no Cholesky factor.
fn solve(scores: &[f64], k: usize, matrix: &[f64], normal_scores: &[f64]) -> Option<Vec<f64>> {
    // Their sample correlation (every column holds the same scores: one sum of squares).
    let sum_squares: f64 = normal_scores.iter().map(|s| s * s).sum();
    let mut sample = vec![0.0; k * k];
    for row in scores.chunks_exact(k) {
        for a in 0..k {
            for b in 0..=a {
                sample[a * k + b] += row[a] * row[b];
            }
        }
    }
    for a in 0..k {
        for b in 0..=a {
            sample[a * k + b] /= sum_squares;
            sample[b * k + a] = sample[a * k + b];
        }
    }
    let target: Vec<f64> = matrix
        .iter()
        .map(|&rho| 2.0 * libm::sin(std::f64::consts::PI * rho / 6.0))
        .collect();
    let p = cholesky(&target, k).or_else(|| cholesky(&positive_definite(&target, k), k))?;
    let f = cholesky(&sample, k)?;
    // F lower triangular: solve F·X = I.
    let f_inverse = lower_inverse(&f, k);
    let mut s = vec![0.0; k * k];
    for i in 0..k {
        for j in 0..k {
            s[i * k + j] = (0..k).map(|m| p[i * k + m] * f_inverse[m * k + j]).sum();
        }
    }
    Some(s)
}

/// The inverse of a lower-triangular matrix.
fn lower_inverse(l: &[f64], k: usize) -> Vec<f64> {
    let mut inverse = vec![0.0; k * k];
    for col in 0..k {
        for row in col..k {
            let mut sum = if row == col { 1.0 } else { 0.0 };
            for m in col..row {
                sum -= l[row * k + m] * inverse[m * k + col];
            }
            inverse[row * k + col] = sum / l[row * k + row];
        }
    }
    inverse
}

/// Spearman's rank correlation of two columns of equal length (ties by index).
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len();
    if n < 2 {
        return 0.0;
    }
    let ranks = |column: &[f64]| {
        let mut rank = vec![0.0; n];
        for (r, &draw) in ranking(column).iter().enumerate() {
            rank[draw as usize] = r as f64;
        }
        rank
    };
    let (rx, ry) = (ranks(x), ranks(y));
    let mean = (n as f64 - 1.0) / 2.0;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (rx[i] - mean, ry[i] - mean);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}
