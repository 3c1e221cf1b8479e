//! A parameter's value: a point, a 90% interval, or a uniform range.

use crate::terms::math::Z_95;

/// The value of one scenario parameter.
///
/// `Range90 { low, high }` is a 90% interval — 5% of draws fall below `low` and 5% above
/// `high` — lognormal when both bounds are positive (Squiggle's `a to b`), normal otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dist {
    Point(f64),
    Range90 { low: f64, high: f64 },
    Uniform { low: f64, high: f64 },
}

keyed! {
    /// The three forms a parameter's value takes (the app's "point / 90% range / uniform").
    pub enum ValueKind {
        Point = "point",
        Range90 = "range",
        Uniform = "uniform",
    }
}

/// A distribution reduced to the arithmetic one draw needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum DrawRule {
    Constant(f64),
    /// `center + scale · z`, z a standard normal score.
    Normal {
        center: f64,
        scale: f64,
    },
    /// `exp(center + scale · z)`.
    LogNormal {
        center: f64,
        scale: f64,
    },
    /// `low + width · u`, u uniform on (0, 1).
    Uniform {
        low: f64,
        width: f64,
    },
}

impl Dist {
    pub fn is_uncertain(&self) -> bool {
        !matches!(self.draw_rule(), DrawRule::Constant(_))
    }

    pub(crate) fn draw_rule(&self) -> DrawRule {
        match *self {
            Dist::Point(value) => DrawRule::Constant(value),
            Dist::Range90 { low, high } | Dist::Uniform { low, high } if low == high => {
                DrawRule::Constant(low)
            }
            Dist::Range90 { low, high } if low > 0.0 => {
                let (ln_low, ln_high) = (libm::log(low), libm::log(high));
                DrawRule::LogNormal {
                    center: 0.5 * (ln_low + ln_high),
                    scale: (ln_high - ln_low) / (2.0 * Z_95),
                }
            }
            Dist::Range90 { low, high } => DrawRule::Normal {
                center: 0.5 * (low + high),
                scale: (high - low) / (2.0 * Z_95),
            },
            Dist::Uniform { low, high } => DrawRule::Uniform {
                low,
                width: high - low,
            },
        }
    }

    /// The value at cumulative probability `p` (0 < p < 1), before clamping to bounds.
    pub fn quantile(&self, p: f64) -> f64 {
        self.draw_rule()
            .value(crate::terms::math::normal_quantile(p), p)
    }

    pub fn median(&self) -> f64 {
        self.quantile(0.5)
    }

    pub fn kind(&self) -> ValueKind {
        match self {
            Dist::Point(_) => ValueKind::Point,
            Dist::Range90 { .. } => ValueKind::Range90,
            Dist::Uniform { .. } => ValueKind::Uniform,
        }
    }

    /// The same kind of value moved so that its median is `target`: a point becomes `target`;
    /// a lognormal range is scaled, keeping its ratio; other ranges are shifted, keeping their
    /// width. Bounds are then held inside `[min, max]`. What a slider does to a range.
    pub fn with_median(self, target: f64, min: f64, max: f64) -> Dist {
        let target = target.clamp(min, max);
        let moved = |low: f64, high: f64| {
            let (low, high) = match self.draw_rule() {
                DrawRule::LogNormal { .. } if target > 0.0 => {
                    let factor = target / self.median();
                    (low * factor, high * factor)
                }
                _ => {
                    let shift = target - self.median();
                    (low + shift, high + shift)
                }
            };
            (low.clamp(min, max), high.clamp(min, max))
        };
        match self {
            Dist::Point(_) => Dist::Point(target),
            Dist::Range90 { low, high } => {
                let (low, high) = moved(low, high);
                Dist::Range90 { low, high }
            }
            Dist::Uniform { low, high } => {
                let (low, high) = moved(low, high);
                Dist::Uniform { low, high }
            }
        }
    }

    /// Both bounds, or the point twice.
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            Dist::Point(value) => (value, value),
            Dist::Range90 { low, high } | Dist::Uniform { low, high } => (low, high),
        }
    }
}

impl DrawRule {
    /// The draw for normal score `z` and uniform score `u` (only the one it needs is used).
    #[inline(always)]
    pub(crate) fn value(self, z: f64, u: f64) -> f64 {
        match self {
            DrawRule::Constant(value) => value,
            DrawRule::Normal { center, scale } => center + scale * z,
            DrawRule::LogNormal { center, scale } => crate::terms::math::exp(center + scale * z),
            DrawRule::Uniform { low, width } => low + width * u,
        }
    }

    /// Turns a column of scores into draws in place, clamped to `[min, max]`: one loop per
    /// kind of rule, so each loop is branch-free.
    pub(crate) fn apply(self, scores: &mut [f64], min: f64, max: f64) {
        match self {
            DrawRule::Constant(value) => scores.fill(value.clamp(min, max)),
            DrawRule::Normal { center, scale } => scores
                .iter_mut()
                .for_each(|s| *s = (center + scale * *s).clamp(min, max)),
            DrawRule::LogNormal { center, scale } => scores
                .iter_mut()
                .for_each(|s| *s = crate::terms::math::exp(center + scale * *s).clamp(min, max)),
            DrawRule::Uniform { low, width } => scores
                .iter_mut()
                .for_each(|s| *s = (low + width * *s).clamp(min, max)),
        }
    }

    pub(crate) fn needs_uniform_score(self) -> bool {
        matches!(self, DrawRule::Uniform { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::Dist;

    #[test]
    fn moving_the_median() {
        // (value, target, bounds, expected)
        let cases = [
            (Dist::Point(3.0), 5.0, (0.0, 10.0), Dist::Point(5.0)),
            (Dist::Point(3.0), 50.0, (0.0, 10.0), Dist::Point(10.0)),
            (
                Dist::Range90 {
                    low: 2.0,
                    high: 8.0,
                },
                8.0,
                (0.0, 100.0),
                Dist::Range90 {
                    low: 4.0,
                    high: 16.0,
                },
            ),
            (
                Dist::Range90 {
                    low: -1.0,
                    high: 3.0,
                },
                2.0,
                (-5.0, 5.0),
                Dist::Range90 {
                    low: 0.0,
                    high: 4.0,
                },
            ),
            (
                Dist::Uniform {
                    low: 0.2,
                    high: 0.4,
                },
                0.9,
                (0.0, 1.0),
                Dist::Uniform {
                    low: 0.8,
                    high: 1.0,
                },
            ),
        ];
        for (value, target, (min, max), expected) in cases {
            let moved = value.with_median(target, min, max);
            let (a, b) = (moved.bounds(), expected.bounds());
            assert!(
                (a.0 - b.0).abs() < 1e-12 && (a.1 - b.1).abs() < 1e-12,
                "{value:?} → {target}: {moved:?}"
            );
            assert_eq!(
                std::mem::discriminant(&moved),
                std::mem::discriminant(&expected)
            );
        }
    }
}
