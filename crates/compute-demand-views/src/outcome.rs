//! What the outcome views ask of a run and read from its draws: the outcome (a metric in a
//! year, above or below a level), the exceedance curves to draw, and the chance of the
//! outcome. Pure: the native tests check it against the CLI's readings of the same draws.

use compute_demand_core::sim::exceedance::{Exceedance, ExceedancePoint};
use compute_demand_core::sim::montecarlo::Simulation;
use compute_demand_core::terms::discovery::Condition;
use compute_demand_core::{Metric, Unit};
use compute_demand_web::geometry::significant_figures;

/// The points each curve is read at: the smallest draw, every 1% of the draws, the largest.
/// The panel's CSV is the CLI's `exceedance --points 101`.
pub const CURVE_POINTS: usize = 101;

/// Which side of the level the outcome asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Above,
    Below,
}

impl Side {
    /// What the panel's buttons carry (`data-side`) and the CLI's flags say.
    pub fn key(self) -> &'static str {
        match self {
            Side::Above => "above",
            Side::Below => "below",
        }
    }

    pub fn from_key(key: &str) -> Option<Side> {
        match key {
            "above" => Some(Side::Above),
            "below" => Some(Side::Below),
            _ => None,
        }
    }

    pub fn at(self, level: f64) -> Condition {
        match self {
            Side::Above => Condition::Above(level),
            Side::Below => Condition::Below(level),
        }
    }
}

/// The outcome a reader starts from, before choosing one: a coverage below 1 (supply short of
/// demand), a probability above one half, and any other figure above its median (rounded to
/// two significant figures), which splits the draws about in half.
pub fn default_condition(metric: Metric, chosen: &Exceedance) -> Condition {
    match metric.unit() {
        Unit::Ratio => Condition::Below(1.0),
        Unit::Probability => Condition::Above(0.5),
        _ => {
            // The middle of three points spread over the sorted draws is the median draw.
            let curve = chosen.curve(3);
            let median = curve.get(curve.len() / 2).map_or(0.0, |p| p.level);
            Condition::Above(significant_figures(median, 2))
        }
    }
}

/// What a curve is the exceedance of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Series {
    /// The chosen metric.
    Chosen,
    /// On facility power: the French ecosystem's demand plus demand from abroad, all the
    /// average power sought on French sites (what the coverage counts).
    AllOnSites,
    /// On facility power: the AI capacity expected in service on French sites.
    Supply,
}

impl Series {
    /// What the chart's curves carry (`data-series`).
    pub fn key(self) -> &'static str {
        match self {
            Series::Chosen => "chosen",
            Series::AllOnSites => "all-on-sites",
            Series::Supply => "supply",
        }
    }
}

/// One curve of the exceedance chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    pub series: Series,
    pub exceedance: Exceedance,
    pub points: Vec<ExceedancePoint>,
}

impl Curve {
    fn of(series: Series, exceedance: Exceedance) -> Curve {
        let points = exceedance.curve(CURVE_POINTS);
        Curve {
            series,
            exceedance,
            points,
        }
    }
}

/// The curves the chart draws for `metric` in `year`: the metric's own, and on facility power
/// also all demand on French sites and supply, in the same unit (MW of average facility
/// power), so that where demand's curve passes supply's is read off directly.
pub fn curves(simulation: &Simulation, metric: Metric, year: u16) -> Vec<Curve> {
    let mut curves = vec![Curve::of(
        Series::Chosen,
        Exceedance::of(simulation, metric, year),
    )];
    if metric == Metric::FacilityPowerMw && simulation.holds_year(year) {
        let french = simulation.draws(Metric::FacilityPowerMw, year);
        let abroad = simulation.draws(Metric::ForeignPowerMw, year);
        // Summed in f64 per draw and stored as the run stores figures (f32).
        let all = french.iter().zip(&abroad).map(|(f, a)| (f + a) as f32);
        curves.push(Curve::of(Series::AllOnSites, Exceedance::of_figures(all)));
        curves.push(Curve::of(
            Series::Supply,
            Exceedance::of(simulation, Metric::SupplyPowerMw, year),
        ));
    }
    curves
}

/// The smallest and largest draw over every curve; `None` without draws.
pub fn extent(curves: &[Curve]) -> Option<(f64, f64)> {
    curves
        .iter()
        .filter_map(|c| c.exceedance.extent())
        .reduce(|(lo, hi), (l, h)| (lo.min(l), hi.max(h)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use compute_demand_core::input::scenario::Scenario;
    use compute_demand_core::sim::montecarlo::Simulator;
    use compute_demand_core::Sampling;

    fn simulated(samples: usize) -> Simulator {
        let scenario = Scenario::default();
        let mut simulator = Simulator::new();
        let sampling = Sampling {
            samples,
            ..scenario.sampling
        };
        simulator.simulate(&scenario.model(), &scenario, sampling);
        simulator
    }

    #[test]
    fn facility_power_is_drawn_with_all_demand_on_sites_and_supply() {
        let mut simulator = simulated(400);
        let simulation = simulator.last();
        let drawn = curves(simulation, Metric::FacilityPowerMw, 2030);
        let series: Vec<Series> = drawn.iter().map(|c| c.series).collect();
        assert_eq!(series, [Series::Chosen, Series::AllOnSites, Series::Supply]);
        // Demand from abroad is never negative: all demand on sites lies right of French demand.
        let median = |c: &Curve| c.exceedance.curve(3)[1].level;
        assert!(median(&drawn[1]) >= median(&drawn[0]));
        for curve in &drawn {
            assert!(curve.points.len() > 10, "{:?}", curve.series);
            assert_eq!(curve.points.last().unwrap().chance, 0.0);
        }
        let one = curves(simulation, Metric::CoverageRatio, 2030);
        assert_eq!(one.len(), 1);
        assert!(curves(simulation, Metric::FacilityPowerMw, 2031)[0]
            .points
            .is_empty());
    }

    /// Each default outcome, by the metric's unit.
    #[test]
    fn default_outcomes() {
        let mut simulator = simulated(400);
        let simulation = simulator.last();
        let check = |metric: Metric, expected: fn(f64) -> Condition| {
            let chosen = Exceedance::of(simulation, metric, 2030);
            let condition = default_condition(metric, &chosen);
            let median = chosen.curve(3)[1].level;
            assert_eq!(condition, expected(median), "{}", metric.key());
        };
        check(Metric::CoverageRatio, |_| Condition::Below(1.0));
        check(Metric::DemandExceedsSupply, |_| Condition::Above(0.5));
        check(Metric::FacilityPowerMw, |m| {
            Condition::Above(significant_figures(m, 2))
        });
        // Above its median, about half the draws.
        let chosen = Exceedance::of(simulation, Metric::FacilityPowerMw, 2030);
        let chance = chosen.chance_of(default_condition(Metric::FacilityPowerMw, &chosen));
        assert!((0.3..0.7).contains(&chance), "{chance}");
    }

    #[test]
    fn sides_read_back() {
        for side in [Side::Above, Side::Below] {
            assert_eq!(Side::from_key(side.key()), Some(side));
        }
        assert_eq!(Side::from_key("over"), None);
        assert_eq!(Side::Below.at(2.0), Condition::Below(2.0));
    }
}
