//! One-at-a-time sensitivity: the data of a tornado chart.

use crate::data::{ParamId, PARAMS};
use crate::input::scenario::Scenario;
use crate::metric::Metric;
use crate::FIRST_YEAR;

/// How far one parameter moves a metric: the metric with that parameter at its p5 (`low`)
/// and at its p95 (`high`), every other parameter at its median.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Swing {
    pub param: ParamId,
    pub low: f64,
    pub high: f64,
    /// |high − low|.
    pub swing: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub metric: Metric,
    pub year: u16,
    /// The metric with every parameter at its median.
    pub base: f64,
    /// One bar per uncertain parameter, widest first.
    pub swings: Vec<Swing>,
}

/// The tornado of `metric` in `year` (2024–2030) for `scenario`.
pub fn tornado(scenario: &Scenario, metric: Metric, year: u16) -> Tornado {
    let model = scenario.model();
    let medians = scenario.medians();
    let year_index = usize::from(year.clamp(FIRST_YEAR, crate::LAST_YEAR) - FIRST_YEAR);
    let evaluate = |values: &crate::ParamValues| model.project(values)[year_index][metric];
    let base = evaluate(&medians);

    let mut swings: Vec<Swing> = ParamId::all()
        .filter(|&id| scenario.value(id).is_uncertain())
        .map(|id| {
            let spec = &PARAMS[id.index()];
            let dist = scenario.value(id);
            let mut values = medians;
            values[id.index()] = dist.quantile(0.05).clamp(spec.min, spec.max);
            let low = evaluate(&values);
            values[id.index()] = dist.quantile(0.95).clamp(spec.min, spec.max);
            let high = evaluate(&values);
            Swing {
                param: id,
                low,
                high,
                swing: (high - low).abs(),
            }
        })
        .collect();
    // Widest first; ties go by parameter order.
    crate::short_sort::sort_short_by(&mut swings, |a, b| {
        b.swing
            .total_cmp(&a.swing)
            .then(a.param.cmp(&b.param))
            .is_lt()
    });
    Tornado {
        metric,
        year,
        base,
        swings,
    }
}

/// How strongly one uncertain parameter moves a metric across the Monte Carlo draws:
/// Spearman's rank correlation between its draws and the metric's. Unlike the one-at-a-time
/// tornado, it reflects correlations between parameters and their interactions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RankInfluence {
    pub param: ParamId,
    pub rho: f64,
}

/// The rank correlation of every uncertain parameter with `metric` in `year`, over a run of
/// `scenario` at its own sampling, strongest first.
pub fn rank_influence(
    simulator: &mut crate::Simulator,
    scenario: &Scenario,
    metric: Metric,
    year: u16,
) -> Vec<RankInfluence> {
    simulator.simulate(&scenario.model(), scenario, scenario.sampling);
    rank_influence_of_last_run(simulator, metric, year)
}

/// The same over the simulator's last run, without running again (the app's tornado).
pub fn rank_influence_of_last_run(
    simulator: &mut crate::Simulator,
    metric: Metric,
    year: u16,
) -> Vec<RankInfluence> {
    let year = year.clamp(FIRST_YEAR, crate::LAST_YEAR);
    let outputs = simulator.last().draws(metric, year);
    let influences: Vec<RankInfluence> = simulator
        .drawn_parameters()
        .iter()
        .map(|&param| RankInfluence {
            param,
            rho: crate::sim::correlation::spearman(
                &simulator
                    .parameter_draws(param)
                    .expect("drawn")
                    .iter()
                    .map(|&value| f64::from(value))
                    .collect::<Vec<f64>>(),
                &outputs,
            ),
        })
        .collect();
    // Strongest first, ties in parameter order, through the one sort the correlations use
    // already (a second sort instance would weigh on the WebAssembly bundle).
    let strength: Vec<f64> = influences.iter().map(|i| -i.rho.abs()).collect();
    crate::sim::correlation::ranking(&strength)
        .iter()
        .map(|&i| influences[i as usize])
        .collect()
}
