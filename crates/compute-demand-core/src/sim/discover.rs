//! What would have to be true: scenario discovery over the draws of a run.
//!
//! An outcome (a metric in a year below or above a level) splits the draws in two: those where
//! it happens and the rest. For every uncertain parameter, each group's drawn values are
//! summarised (p5, median, p95), and the parameters are ranked by how far apart the two groups'
//! distributions are: the two-sample Kolmogorov–Smirnov distance, the largest gap between their
//! empirical CDFs (0 when the outcome does not depend on the parameter, 1 when the groups do
//! not overlap). This is Monte Carlo filtering, the regional sensitivity analysis of
//! Hornberger and Spear (1981), one parameter at a time; the scenario discovery of robust
//! decision making (Bryant and Lempert, 2010) looks for boxes of several parameters at once
//! with PRIM, which this does not do. The signed shift (difference of the medians over the
//! parameter's p5–p95 width in all draws) says in which direction a parameter leans.

use crate::data::ParamId;
use crate::metric::Metric;
use crate::sim::montecarlo::Simulator;
use crate::sim::stats::{from_key, key, sort_keys, Summary};
pub use crate::terms::discovery::{Condition, Unmet};
use crate::{FIRST_YEAR, LAST_YEAR};

/// One uncertain parameter in the two groups.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSplit {
    pub param: ParamId,
    /// Its drawn values where the outcome happens, and in the rest.
    pub holds: Summary,
    pub rest: Summary,
    /// The two-sample Kolmogorov–Smirnov distance between the groups, 0–1: what ranks them.
    pub distance: f64,
    /// (median where it happens − median in the rest) ÷ (p95 − p5 over all draws); 0 when
    /// the parameter does not spread.
    pub shift: f64,
}

/// The draws split by an outcome, and every uncertain parameter in each group, the most
/// different first.
#[derive(Clone, Debug, PartialEq)]
pub struct Discovery {
    pub metric: Metric,
    pub year: u16,
    pub condition: Condition,
    /// Draws in all, where the outcome happens, and the rest.
    pub draws: usize,
    pub holding: usize,
    pub rest: usize,
    /// Ranked by `distance`, then by the size of `shift`, then in parameter order.
    pub parameters: Vec<ParamSplit>,
}

impl Discovery {
    /// The share of draws where the outcome happens.
    pub fn share_holding(&self) -> f64 {
        self.holding as f64 / self.draws as f64
    }

    /// The share of the rest.
    pub fn share_rest(&self) -> f64 {
        self.rest as f64 / self.draws as f64
    }

    /// The distance two groups of these sizes drawn from one distribution exceed 5% of the
    /// time: Kolmogorov–Smirnov's asymptotic critical value, 1.358 × √((n₁ + n₂) ÷ (n₁ × n₂)).
    /// A parameter below it differs between the groups no more than chance would make it.
    pub fn chance_distance(&self) -> f64 {
        let (a, b) = (self.holding as f64, self.rest as f64);
        1.358 * ((a + b) / (a * b)).sqrt()
    }
}

/// Splits the draws of the simulator's last run by `condition` on `metric` in `year` (held to
/// 2024–2030), and sets each parameter drawn in it in the two groups.
pub fn discover(
    simulator: &mut Simulator,
    metric: Metric,
    year: u16,
    condition: Condition,
) -> Result<Discovery, Unmet> {
    let year = year.clamp(FIRST_YEAR, LAST_YEAR);
    let simulation = simulator.last();
    if !simulation.holds_year(year) || simulation.sampling().samples == 0 {
        return Err(Unmet::NoRun);
    }
    let figures = simulation.draws(metric, year);
    let holds: Vec<bool> = figures.iter().map(|&f| condition.holds(f)).collect();
    let holding = holds.iter().filter(|&&h| h).count();
    let (min, max) = figures
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &f| {
            (lo.min(f), hi.max(f))
        });
    if holding == 0 {
        return Err(Unmet::NoDraw { min, max });
    }
    if holding == figures.len() {
        return Err(Unmet::EveryDraw { min, max });
    }
    let mut parameters: Vec<ParamSplit> = simulator
        .drawn_parameters()
        .iter()
        .filter_map(|&param| {
            let draws = simulator.parameter_draws(param)?;
            Some(split(param, draws, &holds))
        })
        .collect();
    crate::short_sort::sort_short_by(&mut parameters, |a, b| {
        a.distance > b.distance || (a.distance == b.distance && a.shift.abs() > b.shift.abs())
    });
    Ok(Discovery {
        metric,
        year,
        condition,
        draws: figures.len(),
        holding,
        rest: figures.len() - holding,
        parameters,
    })
}

/// One parameter's draws in the two groups.
fn split(param: ParamId, draws: &[f32], holds: &[bool]) -> ParamSplit {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (&value, &holds) in draws.iter().zip(holds) {
        if holds { &mut a } else { &mut b }.push(key(value));
    }
    sort_keys(&mut a);
    sort_keys(&mut b);
    let all = merged(&a, &b);
    let (holds, rest, all) = (summary(&a), summary(&b), summary(&all));
    let width = all.p95 - all.p5;
    ParamSplit {
        param,
        holds,
        rest,
        distance: kolmogorov_smirnov(&a, &b),
        shift: if width > 0.0 {
            (holds.p50 - rest.p50) / width
        } else {
            0.0
        },
    }
}

/// Two ascending lists as one.
fn merged(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j == b.len() || (i < a.len() && a[i] <= b[j]) {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out
}

/// p5, p50, p95 (Hyndman and Fan's type 7, as every summary) and mean of ascending keys.
fn summary(sorted: &[u32]) -> Summary {
    let n = sorted.len();
    if n == 0 {
        return Summary::exact(f64::NAN);
    }
    let at = |rank: usize| f64::from(from_key(sorted[rank]));
    let quantile = |p: f64| {
        let h = (n - 1) as f64 * p;
        let below = h.floor();
        let weight = h - below;
        let rank = below as usize;
        if weight == 0.0 {
            at(rank)
        } else {
            at(rank) + weight * (at(rank + 1) - at(rank))
        }
    };
    let p50 = quantile(0.5);
    let deviation: f64 = (0..n).map(|rank| at(rank) - p50).sum();
    Summary {
        p5: quantile(0.05),
        p50,
        p95: quantile(0.95),
        mean: p50 + deviation / n as f64,
    }
}

/// The largest gap between the empirical CDFs of two ascending, non-empty lists.
fn kolmogorov_smirnov(a: &[u32], b: &[u32]) -> f64 {
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (mut i, mut j, mut largest) = (0, 0, 0.0f64);
    while i < a.len() && j < b.len() {
        let value = a[i].min(b[j]);
        i += a[i..].partition_point(|&k| k == value);
        j += b[j..].partition_point(|&k| k == value);
        largest = largest.max((i as f64 / na - j as f64 / nb).abs());
    }
    largest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(values: &[f32]) -> Vec<u32> {
        let mut keys: Vec<u32> = values.iter().copied().map(key).collect();
        keys.sort_unstable();
        keys
    }

    #[test]
    fn kolmogorov_smirnov_distances() {
        let a = keys(&[1.0, 2.0, 3.0]);
        assert_eq!(kolmogorov_smirnov(&a, &a), 0.0);
        assert_eq!(kolmogorov_smirnov(&a, &keys(&[4.0, 5.0])), 1.0);
        // F_a − F_b is largest at 2: 2/3 − 0.
        assert!((kolmogorov_smirnov(&a, &keys(&[2.5, 3.0, 9.0])) - 2.0 / 3.0).abs() < 1e-12);
        // Ties step together.
        assert!((kolmogorov_smirnov(&keys(&[1.0, 1.0]), &keys(&[1.0, 2.0])) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn summaries_are_the_cores() {
        let values = [5.0f32, 1.0, 4.0, 2.0, 3.0, 10.0, 7.5];
        let mut wide: Vec<f64> = values.iter().map(|&v| f64::from(v)).collect();
        let expected = Summary::of(&mut wide);
        let got = summary(&keys(&values));
        assert_eq!(
            (got.p5, got.p50, got.p95),
            (expected.p5, expected.p50, expected.p95)
        );
        assert!((got.mean - expected.mean).abs() < 1e-12);
        assert_eq!(
            merged(&keys(&[1.0, 3.0]), &keys(&[2.0, 4.0])),
            keys(&[1.0, 2.0, 3.0, 4.0])
        );
    }
}
