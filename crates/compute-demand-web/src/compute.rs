//! What the view shows, computed from the state. A run of the model keeps every draw; the
//! page then summarises only the figures it shows (about 30 of the 147 metric-years), and a
//! change of year summarises again without running the model again. Exports run in full.

use compute_demand_core::sim::montecarlo::{ShortfallYear, Simulation};
use compute_demand_core::sim::sensitivity::{rank_influence_of_last_run, RankInfluence};
use compute_demand_core::{
    tornado, years, ByMetric, Metric, Outlook, Sampling, Scenario, Simulator, Summary, Tornado,
    YEAR_COUNT,
};

/// How the tornado measures what moves a figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Method {
    /// One at a time: each parameter at its p5 and p95, the others at their medians.
    #[default]
    Oat,
    /// Spearman's rank correlation of each parameter with the figure over the draws.
    Rank,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Oat, Method::Rank];
    pub fn key(self) -> &'static str {
        match self {
            Method::Oat => "oat",
            Method::Rank => "rank",
        }
    }
}

/// The headline's figures, in reading order: the answer and what it is set against first
/// (demand from abroad, supply, the two coverages, the chance of a shortfall), then GPUs,
/// energy, money and carbon. The CLI's table (`report::HEADLINE`) also shows training and
/// inference apart and the own clusters' use beyond the estimates, which the page's segment
/// chart splits the total into (medians of parts do not add up to the median of the whole),
/// and the ecosystem's compute wherever it runs.
pub const FIGURES: [Metric; 14] = [
    Metric::FacilityPowerMw,
    Metric::ForeignPowerMw,
    Metric::SupplyPowerMw,
    Metric::CoverageRatio,
    Metric::CoverageRatioDomestic,
    Metric::DemandExceedsSupply,
    Metric::GpusH100e,
    Metric::GpusUnits,
    Metric::OwnedGpusH100e,
    Metric::SupplyGpusH100e,
    Metric::EnergyGwh,
    Metric::CostEur,
    Metric::CloudRentalEur,
    Metric::Co2Tonnes,
];

/// The page's first view, before its own run: a tenth of the default draws, seen at once
/// (a slider's moves, later, run on the scenario's own count).
pub const PREVIEW_SAMPLES: usize = 1_000;

/// Runs the model on the scenario's own sampling; the draws stay in the simulator for
/// [`shown`].
pub fn simulate(simulator: &mut Simulator, scenario: &Scenario) {
    simulator.simulate(&scenario.model(), scenario, scenario.sampling);
}

/// The work of a slice of a run, in draws through the model (drawing the parameters' columns
/// and imposing their correlations count too, at their cost in draws): about 5 ms natively,
/// a few tens in the browser, so a slice per task keeps every frame short. A slider's move
/// at 10,000 draws fits in one, as the simulator keeps its draws' orders and recomputes the
/// moved parameter's column only; a fresh 10,000-draw run takes about four.
pub const SLICE_DRAWS: usize = 32_768;

/// The page's runs: the last complete one, which every figure is read from, and the one under
/// way, which a large scenario runs a slice per task while the page shows the other.
#[derive(Default)]
pub struct Runs {
    settled: Simulator,
    working: Simulator,
    /// Runs completed so far: what the page's summaries follow.
    complete: u64,
    /// Whether the first run is seen on [`PREVIEW_SAMPLES`] at once (the page's figures), or
    /// only once complete (the pinned scenario's deltas, which say they are coming).
    no_preview: bool,
    /// A run to begin in the next slice rather than in [`Runs::start`]: the page's and the
    /// pinned scenario's first runs start in the page's first task, which planning them
    /// (correlations repaired), let alone a slice, would lengthen.
    waiting: Option<Scenario>,
    /// The run under way is the page's first after its preview: once complete, the other
    /// simulator (the preview's 1,000 draws) gets a copy of it, so that the first slider move
    /// is one slice as every later one is, not a fresh run restarted by each `input` event.
    /// Only for runs whose moves fit a slice: a larger one's would not, whatever the other
    /// simulator held, and the copy would double its memory for nothing.
    copy_when_settled: bool,
}

impl Runs {
    /// Runs whose first is seen only once complete, with no preview.
    pub fn without_preview() -> Runs {
        Runs {
            no_preview: true,
            ..Runs::default()
        }
    }

    /// Starts the run of `scenario`, dropping any under way, and runs its first slice, which
    /// is the whole of a slider's move at 10,000 draws; [`Runs::step`] runs the rest. The
    /// page's first run larger than [`PREVIEW_SAMPLES`] is seen at once on that many draws, so
    /// that the page never waits with nothing to show (its own run then starts in the next
    /// task); that run, and any without preview, is only begun here, and waits for its
    /// first slice. True when the run is complete.
    pub fn start(&mut self, scenario: &Scenario) -> bool {
        let sampling = scenario.sampling;
        let preview = !self.no_preview && self.complete == 0 && sampling.samples > PREVIEW_SAMPLES;
        if preview {
            let few = Sampling {
                samples: PREVIEW_SAMPLES,
                seed: sampling.seed,
            };
            self.working.simulate(&scenario.model(), scenario, few);
            self.settle();
        }
        if preview || self.no_preview {
            // Any run under way is dropped when this one begins.
            self.waiting = Some(scenario.clone());
            return false;
        }
        self.waiting = None;
        self.working.begin(&scenario.model(), scenario, sampling);
        self.step()
    }

    /// Runs the next slice of the run under way; true once it is complete and settled (or
    /// when there is none).
    pub fn step(&mut self) -> bool {
        if let Some(scenario) = self.waiting.take() {
            self.working
                .begin(&scenario.model(), &scenario, scenario.sampling);
            // A move costs its draws through the model and about a quarter more.
            self.copy_when_settled =
                !self.no_preview && scenario.sampling.samples * 5 / 4 <= SLICE_DRAWS;
        }
        if self.working.is_complete() {
            return true;
        }
        let done = self.working.advance(SLICE_DRAWS);
        if done {
            self.settle();
        }
        done
    }

    fn settle(&mut self) {
        std::mem::swap(&mut self.settled, &mut self.working);
        self.complete += 1;
        if std::mem::take(&mut self.copy_when_settled) {
            self.working.clone_from(&self.settled);
        }
    }

    /// The last complete run.
    pub fn settled(&mut self) -> &mut Simulator {
        &mut self.settled
    }

    pub fn complete_runs(&self) -> u64 {
        self.complete
    }

    /// Whether a run is under way: the page then shows the last complete one, and says so.
    pub fn is_running(&self) -> bool {
        self.waiting.is_some() || !self.working.is_complete()
    }
}

/// The figures on the page for `year`.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub sampling: Sampling,
    pub year: u16,
    /// The headline metrics in `year` (others hold `Summary::exact(0.0)` and are not shown).
    pub headline: ByMetric<Summary>,
    pub demand_mw: [Summary; YEAR_COUNT],
    /// All demand on French sites, the French ecosystem's and from abroad: what the coverage
    /// compares supply with (from `sites_energy_gwh`, MW on average).
    pub sites_mw: [Summary; YEAR_COUNT],
    pub supply_mw: [Summary; YEAR_COUNT],
    /// Means of the segments' H100-equivalents, in `Metric::SEGMENTS` order.
    pub segments: [[f64; SEGMENT_COUNT]; YEAR_COUNT],
    /// The total H100-equivalents (`gpus_h100e`), which the segments share.
    pub gpus_h100e: [Summary; YEAR_COUNT],
    pub first_shortfall: ShortfallYear,
}

/// How many parts the demand is split into on the segment chart.
pub const SEGMENT_COUNT: usize = Metric::SEGMENTS.len();

pub fn shown(simulation: &mut Simulation, year: u16) -> Shown {
    let mut headline = ByMetric([Summary::exact(0.0); compute_demand_core::METRIC_COUNT]);
    for metric in FIGURES {
        headline[metric] = simulation.summary(metric, year);
    }
    let mut by_year = |metric: Metric| -> [Summary; YEAR_COUNT] {
        let mut summaries = [Summary::exact(0.0); YEAR_COUNT];
        for (slot, y) in summaries.iter_mut().zip(years()) {
            *slot = simulation.summary(metric, y);
        }
        summaries
    };
    let demand_mw = by_year(Metric::FacilityPowerMw);
    // GWh a year → average MW: a linear map, so the percentiles map too.
    let sites_mw = by_year(Metric::SitesEnergyGwh).map(|s| Summary {
        p5: s.p5 / 8.76,
        p50: s.p50 / 8.76,
        p95: s.p95 / 8.76,
        mean: s.mean / 8.76,
    });
    let supply_mw = by_year(Metric::SupplyPowerMw);
    let gpus_h100e = by_year(Metric::GpusH100e);
    let mut segments = [[0.0; SEGMENT_COUNT]; YEAR_COUNT];
    for (row, y) in segments.iter_mut().zip(years()) {
        for (slot, metric) in row.iter_mut().zip(Metric::SEGMENTS) {
            *slot = simulation.mean(metric, y);
        }
    }
    Shown {
        sampling: simulation.sampling(),
        year,
        headline,
        demand_mw,
        sites_mw,
        supply_mw,
        segments,
        gpus_h100e,
        first_shortfall: simulation.first_shortfall(),
    }
}

/// The segments' shares of a median total: each segment's mean ÷ the sum of the means ×
/// `median`, so that the stack stands as high as the headline's median. (Medians do not add
/// up, means do; the shares of the means split the median.)
pub fn segment_shares(means: &[f64; SEGMENT_COUNT], median: f64) -> [f64; SEGMENT_COUNT] {
    let sum: f64 = means.iter().sum();
    if !(sum > 0.0 && sum.is_finite()) {
        return [0.0; SEGMENT_COUNT];
    }
    means.map(|mean| mean / sum * median)
}

/// Every metric of every year at the scenario's own sampling: what the exports hold. The
/// figures are held, as the page holds them for the same scenario, rather than summarised
/// as they come ([`Simulator::run`], whose code the bundle then does without: 4.3 kB); the
/// summaries are the same to the bit.
pub fn full_outlook(scenario: &Scenario) -> Outlook {
    let mut simulator = Simulator::new();
    simulator
        .simulate(&scenario.model(), scenario, scenario.sampling)
        .outlook()
}

/// What moves a figure most, by one method.
#[derive(Clone, Debug, PartialEq)]
pub enum Sensitivity {
    Oat(Tornado),
    /// Rank correlations over the simulator's last run, strongest first.
    Rank {
        metric: Metric,
        year: u16,
        influences: Vec<RankInfluence>,
    },
}

/// The one-at-a-time tornado of `scenario`, or the rank correlations over the run the
/// simulator holds (no second run).
pub fn sensitivity(
    simulator: &mut Simulator,
    scenario: &Scenario,
    (metric, year): (Metric, u16),
    method: Method,
) -> Sensitivity {
    match method {
        Method::Oat => Sensitivity::Oat(tornado(scenario, metric, year)),
        Method::Rank => Sensitivity::Rank {
            metric,
            year,
            influences: rank_influence_of_last_run(simulator, metric, year),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_runs_go_a_slice_at_a_time_and_settle_on_the_same_figures() {
        let scenario = Scenario::default();
        let mut runs = Runs::default();
        // The first large run: a preview at once, on a few draws.
        assert!(!runs.start(&scenario));
        assert_eq!(runs.complete_runs(), 1);
        assert_eq!(runs.settled().last().sampling().samples, PREVIEW_SAMPLES);
        let mut slices = 1;
        while !runs.step() {
            slices += 1;
        }
        assert!((2..=10).contains(&slices), "{slices} slices");
        assert_eq!(runs.complete_runs(), 2);
        let full = Simulator::new().run(&scenario);
        assert_eq!(runs.settled().last().outlook(), full);
        // A new large run keeps the last complete one on the page until it settles, with no
        // second preview.
        let mut high = Scenario::from_preset(&compute_demand_core::PRESETS[2]);
        high.sampling.samples = 9_000;
        assert!(!runs.start(&high));
        assert_eq!(runs.complete_runs(), 2);
        assert_eq!(runs.settled().last().sampling().samples, 10_000);
        // Started again before it settles: the older run is dropped.
        assert!(!runs.start(&scenario));
        while !runs.step() {}
        assert_eq!(runs.settled().last().outlook(), full);
        assert!(runs.step(), "nothing under way");
    }

    #[test]
    fn runs_without_preview_show_nothing_until_their_first_run_is_complete() {
        let scenario = Scenario::default();
        let mut runs = Runs::without_preview();
        assert!(!runs.start(&scenario));
        assert_eq!(runs.complete_runs(), 0);
        assert!(runs.is_running());
        // Nothing drawn yet: `start` left all the work to the slices (a tiny run included).
        let mut tiny = scenario.clone();
        tiny.sampling.samples = 10;
        let mut tiny_runs = Runs::without_preview();
        assert!(
            !tiny_runs.start(&tiny),
            "even a run of one slice waits for its task"
        );
        assert!(tiny_runs.step());
        while !runs.step() {}
        assert_eq!(runs.complete_runs(), 1);
        assert_eq!(
            runs.settled().last().outlook(),
            Simulator::new().run(&scenario)
        );
    }

    /// A slider's moves at the scenario's own 10,000 draws, from the first after the page's
    /// first run: each is complete in its first slice (one task), with the figures of a
    /// fresh run.
    #[test]
    fn a_slider_move_at_full_samples_is_one_slice() {
        let mut scenario = Scenario::default();
        let mut runs = Runs::default();
        runs.start(&scenario);
        while !runs.step() {}
        let growth = compute_demand_core::data::ParamId::all()
            .find(|&id| compute_demand_core::PARAMS[id.index()].key == "training.frontier.growth")
            .expect("a parameter");
        for (step, low) in [1.8, 1.9, 2.0, 2.1].into_iter().enumerate() {
            scenario.set(
                growth,
                compute_demand_core::Dist::Range90 { low, high: 2.6 },
            );
            assert!(
                runs.start(&scenario),
                "move {step} took more than one slice"
            );
            while !runs.step() {}
            assert_eq!(runs.settled().last().sampling().samples, 10_000);
            assert_eq!(
                runs.settled().last().outlook(),
                Simulator::new().run(&scenario),
                "move {step}"
            );
        }
    }

    #[test]
    fn shown_figures_equal_the_cli_run() {
        let scenario = Scenario::default();
        let full = Simulator::new().run(&scenario);
        let mut simulator = Simulator::new();
        simulate(&mut simulator, &scenario);
        for year in [2024, 2030] {
            let page = shown(simulator.last(), year);
            for metric in FIGURES {
                assert_eq!(
                    page.headline[metric],
                    full.get(metric, year),
                    "{}",
                    metric.key()
                );
            }
            for (i, y) in years().enumerate() {
                assert_eq!(page.gpus_h100e[i], full.get(Metric::GpusH100e, y));
                assert_eq!(page.demand_mw[i], full.get(Metric::FacilityPowerMw, y));
                assert_eq!(page.supply_mw[i], full.get(Metric::SupplyPowerMw, y));
                for (s, metric) in Metric::SEGMENTS.into_iter().enumerate() {
                    assert!((page.segments[i][s] / full.get(metric, y).mean - 1.0).abs() < 1e-12);
                }
            }
            assert_eq!(page.first_shortfall, full.first_shortfall);
        }
    }

    #[test]
    fn segments_share_the_median_total() {
        let scenario = Scenario::default();
        let mut simulator = Simulator::new();
        simulate(&mut simulator, &scenario);
        let page = shown(simulator.last(), 2030);
        for (i, means) in page.segments.iter().enumerate() {
            let median = page.gpus_h100e[i].p50;
            let shares = segment_shares(means, median);
            let total: f64 = shares.iter().sum();
            assert!((total / median - 1.0).abs() < 1e-12, "{total} vs {median}");
            for (share, mean) in shares.iter().zip(means) {
                assert!((share / median - mean / means.iter().sum::<f64>()).abs() < 1e-12);
            }
        }
        let last = YEAR_COUNT - 1;
        assert_eq!(
            page.gpus_h100e[last].p50,
            page.headline[Metric::GpusH100e].p50
        );
        let mut means = [0.0; SEGMENT_COUNT];
        means[0] = 1.0;
        means[1] = 3.0;
        let mut shares = [0.0; SEGMENT_COUNT];
        shares[0] = 2.0;
        shares[1] = 6.0;
        assert_eq!(segment_shares(&means, 8.0), shares);
        assert_eq!(
            segment_shares(&[0.0; SEGMENT_COUNT], 8.0),
            [0.0; SEGMENT_COUNT]
        );
    }

    #[test]
    fn the_rank_view_reads_the_last_run_as_the_core_does() {
        let scenario = Scenario::default();
        let at = (Metric::FacilityPowerMw, 2030);
        let mut simulator = Simulator::new();
        simulate(&mut simulator, &scenario);
        let shown = sensitivity(&mut simulator, &scenario, at, Method::Rank);
        let core = compute_demand_core::sim::sensitivity::rank_influence(
            &mut Simulator::new(),
            &scenario,
            at.0,
            at.1,
        );
        let Sensitivity::Rank { influences, .. } = shown else {
            panic!("a rank view")
        };
        assert_eq!(influences, core);
        assert!(influences.iter().all(|i| (-1.0..=1.0).contains(&i.rho)));
        let oat = sensitivity(&mut simulator, &scenario, at, Method::Oat);
        assert_eq!(oat, Sensitivity::Oat(tornado(&scenario, at.0, at.1)));
    }
}
