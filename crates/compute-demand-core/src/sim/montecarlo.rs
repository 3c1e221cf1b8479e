//! Monte Carlo over every uncertain parameter.
//!
//! Each draw sets every parameter at once and goes through the whole 2024–2030 model, so
//! correlations across years and between metrics are kept and totals are sums of samples,
//! never sums of percentiles (Epoch AI; Guesstimate issue #57).
//!
//! Draws are Latin hypercube samples: parameter j of draw i takes the quantile at
//! (π_j(i) + ½) ÷ n for a random permutation π_j. Each parameter's empirical distribution
//! then matches its target exactly — 5% of draws below a 90% range's low bound — and
//! percentiles settle with fewer samples, which steadies the figures while a slider moves.
//! The permutations come from xoshiro256++, seeded: the same on every platform.

use crate::data::{ParamId, PARAMS};
use crate::input::scenario::{Sampling, Scenario};
use crate::metric::{ByMetric, Metric, METRIC_COUNT};
use crate::model::{Figures, Model};
use crate::sim::correlation;
use crate::sim::stats::{normal_quantile, SelectScratch, Summary};
use crate::sim::stream::{StreamedSummary, WindowPlan, WINDOWS};
use crate::terms::dist::{Dist, DrawRule};
use crate::{FIRST_YEAR, YEAR_COUNT};
use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The uncertain answer: a summary per metric and year, and when demand overtakes supply.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    pub sampling: Sampling,
    /// Index 0 is 2024.
    pub years: [ByMetric<Summary>; YEAR_COUNT],
    pub first_shortfall: ShortfallYear,
}

impl Outlook {
    pub fn get(&self, metric: Metric, year: u16) -> Summary {
        self.years[usize::from(year - FIRST_YEAR)][metric]
    }
}

/// Percentiles of the first year demand exceeds supply, over draws; `None` means not by 2030.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShortfallYear {
    pub p5: Option<u16>,
    pub p50: Option<u16>,
    pub p95: Option<u16>,
}

/// Figures per draw of one run: every metric of every year, for every draw. Summaries are
/// taken on demand, so a view that shows a few metrics pays for those only.
///
/// Figures are stored as `f32`: a percentile then differs from the one taken over `f64`
/// figures by at most one part in 10⁷ (`tests/montecarlo.rs` holds it), far below sampling
/// error, and a run's memory and memory traffic are halved.
#[derive(Clone, Debug, Default)]
pub struct Simulation {
    sampling: Sampling,
    /// The years held, as indices from 2024: all of them, except inside
    /// [`Simulator::run`] at large sample counts, which summarises a few years at a time.
    years: std::ops::Range<usize>,
    /// In blocks of [`BLOCK`] draws; within a block, one run of consecutive draws per
    /// (year, metric). The model writes straight into its block, which stays in cache while
    /// it fills, and a summary gathers its column block by block.
    figures: Vec<f32>,
    /// Draws whose first shortfall falls in each year; the last slot is "not by 2030".
    shortfall_counts: [usize; YEAR_COUNT + 1],
    /// Working space of the summaries: the column summarised, and the selection's.
    column: Vec<f32>,
    scratch: SelectScratch,
}

/// Draws per block of [`Simulation::figures`].
const BLOCK: usize = 32;

/// The figures of column `c` (years first, then metrics) in a block of `len` draws.
fn column_of(block: &[f32], c: usize, len: usize) -> &[f32] {
    &block[c * BLOCK..c * BLOCK + len]
}

/// What [`Simulator::run`] may hold of figures at once. A run whose figures need more
/// (100,000 draws: 8.4 MB a year) streams its summaries instead, or after a miss goes in
/// passes of as many years as fit (four then three), so that it stays under 64 MiB with the
/// parameters' values beside them.
const FIGURE_BUDGET_BYTES: usize = 34 << 20;

/// One block of draws being written: figure (year, metric) of draw `draw` in the block, for
/// the years held; and the first year in which the draw's demand exceeds its supply.
struct BlockSink<'a> {
    figures: &'a mut [f32],
    years: std::ops::Range<usize>,
    draw: usize,
    first_shortfall: usize,
}

fn block_index(year_held: usize, metric: Metric, draw: usize) -> usize {
    (year_held * METRIC_COUNT + metric.index()) * BLOCK + draw
}

/// A figure as stored. Every figure of a valid scenario is far inside `f32`'s range (the
/// largest, training FLOP, stays below 1e36); a larger one would be held at `f32::MAX`
/// rather than become infinite.
#[inline(always)]
fn narrow(value: f64) -> f32 {
    // Figures are never negative; NaN stays NaN, for the tests to see.
    let narrow = value as f32;
    if narrow > f32::MAX {
        f32::MAX
    } else {
        narrow
    }
}

impl Figures for BlockSink<'_> {
    #[inline(always)]
    fn set(&mut self, year: usize, metric: Metric, value: f64) {
        if metric == Metric::DemandExceedsSupply && value > 0.5 {
            self.first_shortfall = self.first_shortfall.min(year);
        }
        let held = year.wrapping_sub(self.years.start);
        if held < self.years.len() {
            self.figures[block_index(held, metric, self.draw)] = narrow(value);
        }
    }
}

/// The distance between two parameter columns of `n` draws: an odd number of 64-byte cache
/// lines, so that the columns read side by side for one draw spread over the cache sets
/// instead of all falling in the same ones.
fn column_stride(n: usize) -> usize {
    (n.div_ceil(8) | 1) * 8
}

impl Simulation {
    pub fn sampling(&self) -> Sampling {
        self.sampling
    }

    fn block_len(&self) -> usize {
        self.years.len() * METRIC_COUNT * BLOCK
    }

    /// Makes room for the figures of `sampling.samples` draws in `years`; true when that
    /// needed a new buffer.
    fn hold(&mut self, sampling: Sampling, years: std::ops::Range<usize>) -> bool {
        self.sampling = sampling;
        self.years = years;
        // Every slot is overwritten as the run goes; only a change of size needs a new buffer.
        let len = sampling.samples.div_ceil(BLOCK) * self.block_len();
        self.shortfall_counts = [0; YEAR_COUNT + 1];
        if self.figures.len() == len {
            return false;
        }
        self.figures = Vec::new();
        self.figures = vec![0.0; len];
        true
    }

    /// The draws of one metric in one year, in draw order, a block's worth at a time.
    fn column(&self, metric: Metric, year: u16) -> impl Iterator<Item = &[f32]> + Clone {
        let year = usize::from(year - FIRST_YEAR);
        assert!(
            self.years.contains(&year),
            "{year} is not among the years held"
        );
        let n = self.sampling.samples;
        let start = block_index(year - self.years.start, metric, 0);
        self.figures
            .chunks_exact(self.block_len())
            .enumerate()
            .map(move |(index, block)| &block[start..start + BLOCK.min(n - index * BLOCK)])
    }

    /// Whether the figures of `year` are held: every year after [`Simulator::simulate`],
    /// none before a run. [`Simulation::draws`] and the summaries need it.
    pub fn holds_year(&self, year: u16) -> bool {
        year >= FIRST_YEAR && self.years.contains(&usize::from(year - FIRST_YEAR))
    }

    /// The value of `metric` in `year` for every draw, in draw order.
    pub fn draws(&self, metric: Metric, year: u16) -> Vec<f64> {
        self.column(metric, year)
            .flatten()
            .map(|&value| f64::from(value))
            .collect()
    }

    /// p5, p50, p95 and mean of `metric` in `year` (2024–2030).
    pub fn summary(&mut self, metric: Metric, year: u16) -> Summary {
        // Gathered first: the selection then reads one contiguous column twice, instead of
        // blocks 18 KB apart.
        let mut column = std::mem::take(&mut self.column);
        column.clear();
        for chunk in self.column(metric, year) {
            column.extend_from_slice(chunk);
        }
        let summary = Summary::of_f32(&column, &mut self.scratch);
        self.column = column;
        summary
    }

    /// The mean alone, which needs no ordering: what the stacked segment chart adds up.
    pub fn mean(&self, metric: Metric, year: u16) -> f64 {
        Summary::mean_of_f32_chunks(self.column(metric, year))
    }

    pub fn first_shortfall(&self) -> ShortfallYear {
        shortfall_year(&self.shortfall_counts, self.sampling.samples)
    }

    /// Summarises every metric of the years held into `years`.
    fn summarise_held(&mut self, years: &mut [ByMetric<Summary>; YEAR_COUNT]) {
        for index in self.years.clone() {
            let year = FIRST_YEAR + index as u16;
            for metric in Metric::ALL {
                years[index][metric] = self.summary(metric, year);
            }
        }
    }

    /// Every summary.
    pub fn outlook(&mut self) -> Outlook {
        let mut years = [ByMetric([Summary::exact(0.0); METRIC_COUNT]); YEAR_COUNT];
        self.summarise_held(&mut years);
        Outlook {
            sampling: self.sampling,
            years,
            first_shortfall: self.first_shortfall(),
        }
    }
}

/// Stratified scores for `n` draws: (i + ½) ÷ n, and the normal quantile of each.
#[derive(Clone, Debug, Default)]
struct Strata {
    uniform: Vec<f64>,
    normal: Vec<f64>,
}

impl Strata {
    fn prepare(&mut self, n: usize) {
        if self.uniform.len() == n {
            return;
        }
        self.uniform = (0..n).map(|i| (i as f64 + 0.5) / n as f64).collect();
        // The scores are symmetric, Φ⁻¹(1 − u) = −Φ⁻¹(u): compute the lower half only.
        let mut normal = vec![0.0; n];
        for i in 0..n.div_ceil(2) {
            let z = normal_quantile(self.uniform[i]);
            normal[i] = z;
            normal[n - 1 - i] = -z;
        }
        if n % 2 == 1 {
            normal[n / 2] = 0.0;
        }
        self.normal = normal;
    }

    /// The scores `rule` reads, ascending: stratum r's score is `scores[r]`.
    fn scores(&self, rule: DrawRule) -> &[f64] {
        if rule.needs_uniform_score() {
            &self.uniform
        } else {
            &self.normal
        }
    }

    /// Fills `column` with the values of `dist`, clamped to `[min, max]`, of the strata in
    /// `order`: draw i takes stratum `order[i]`. Every draw rule is non-decreasing in its
    /// score, so a column's ranks are its strata.
    fn apply(&self, column: &mut [f64], order: &[u32], dist: Dist, (min, max): (f64, f64)) {
        let rule = dist.draw_rule();
        let scores = self.scores(rule);
        for (value, &stratum) in column.iter_mut().zip(order) {
            *value = scores[stratum as usize];
        }
        rule.apply(column, min, max);
    }

    /// The same values of the strata in `column`, stored over them as `f32` bits, each kept
    /// inside `[min, max]`, a chunk at a time.
    fn apply_in_place(&self, column: &mut [u32], dist: Dist, (min, max): (f64, f64)) {
        let mut wide = [0.0; 256];
        for column in column.chunks_mut(wide.len()) {
            let wide = &mut wide[..column.len()];
            self.apply(wide, column, dist, (min, max));
            for (slot, &value) in column.iter_mut().zip(wide.iter()) {
                *slot = narrow_within(value, min, max).to_bits();
            }
        }
    }

    /// The same values stored as `f32`, each kept inside `[min, max]`, a chunk at a time.
    fn apply_narrow(&self, column: &mut [f32], order: &[u32], dist: Dist, (min, max): (f64, f64)) {
        let mut wide = [0.0; 256];
        for (column, order) in column.chunks_mut(wide.len()).zip(order.chunks(wide.len())) {
            let wide = &mut wide[..column.len()];
            self.apply(wide, order, dist, (min, max));
            for (narrow, &value) in column.iter_mut().zip(wide.iter()) {
                *narrow = narrow_within(value, min, max);
            }
        }
    }
}

/// `value` as the nearest `f32` that stays within `[min, max]` (a bound itself may not be
/// an `f32`).
fn narrow_within(value: f64, min: f64, max: f64) -> f32 {
    let narrow = value as f32;
    if f64::from(narrow) < min {
        narrow.next_up()
    } else if f64::from(narrow) > max {
        narrow.next_down()
    } else {
        narrow
    }
}

/// A random order of `n` strata: one Latin hypercube column before its values.
fn shuffled_strata(order: &mut [u32], rng: &mut Xoshiro256PlusPlus) {
    for (stratum, slot) in order.iter_mut().enumerate() {
        *slot = stratum as u32;
    }
    shuffle(order, rng);
}

/// Latin hypercube draws of single distributions, for models built from the core's pieces
/// outside [`Model`] (the benchmark against Squiggle is one).
#[derive(Clone, Debug)]
pub struct LatinHypercube {
    strata: Strata,
    rng: Xoshiro256PlusPlus,
}

impl LatinHypercube {
    pub fn new(samples: usize, seed: u64) -> LatinHypercube {
        let mut strata = Strata::default();
        strata.prepare(samples.max(1));
        LatinHypercube {
            strata,
            rng: Xoshiro256PlusPlus::seed_from_u64(seed),
        }
    }

    /// `samples` draws of `dist`, each column independent of the others.
    pub fn column(&mut self, dist: Dist) -> Vec<f64> {
        let n = self.strata.uniform.len();
        let mut order = vec![0; n];
        shuffled_strata(&mut order, &mut self.rng);
        let mut column = vec![0.0; n];
        let unbounded = (f64::NEG_INFINITY, f64::INFINITY);
        self.strata.apply(&mut column, &order, dist, unbounded);
        column
    }
}

/// Runs scenarios, keeping its buffers, its stratified scores and its last draws between
/// runs.
///
/// A run's draws depend on which parameters are drawn, their correlations, the sample count
/// and the seed, but not on the parameters' distributions: the order of each column's strata
/// is drawn from those alone, and the values follow from the order through the distribution.
/// So the next run of the same layout — a slider moving — keeps the orders and recomputes
/// the values of the columns whose distribution changed only, and gives the same figures, to
/// the bit, as a fresh simulator.
#[derive(Clone, Debug, Default)]
pub struct Simulator {
    strata: Strata,
    /// The layout the orders and values below are for; `None` while they are being drawn.
    layout: Option<Layout>,
    /// Per drawn column (`column_stride(n)` apart): the stratum each draw takes, shuffled and
    /// correlated.
    /// Empty after a [`Simulator::run`] too large to keep them (only its values are kept).
    orders: Vec<u32>,
    /// The parameters' values per draw (`column_stride(n)` apart), stored as `f32` (a draw
    /// moved by one part in 10⁷ is as good a draw; it halves the largest buffer of a run),
    /// and the distribution and bounds each column's values were computed for.
    draws: Vec<f32>,
    applied: Vec<Applied>,
    simulation: Simulation,
    /// The run begun and not yet complete.
    pending: Option<Pending>,
    /// The last correlation plan, for the pairs and drawn parameters it was made for: a
    /// slider's move keeps both, and a set of pairs to repair costs an eigendecomposition.
    plan: Option<(
        Vec<correlation::Correlation>,
        Vec<ParamId>,
        correlation::CorrelationPlan,
    )>,
}

/// The distribution and bounds a column's values were computed for; `None` before any.
type Applied = Option<(Dist, (f64, f64))>;

/// What a run's draws are drawn from, the distributions aside.
#[derive(Clone, Debug, PartialEq)]
struct Layout {
    /// The parameters drawn (those with a range), in parameter order.
    drawn: Vec<ParamId>,
    samples: usize,
    seed: u64,
    /// The correlated columns (indices into `drawn`) and their target matrix.
    correlated: Vec<usize>,
    matrix: Vec<f64>,
}

/// A run under way: its model, what its draws are drawn from, and how far it has gone.
#[derive(Clone, Debug)]
struct Pending {
    /// Whether its scores and orders are ready; whether its figures have room; the years
    /// they hold.
    prepared: bool,
    held: bool,
    years: std::ops::Range<usize>,
    model: Model,
    /// Every parameter's value for the draw being run: the points stay, the rest is drawn.
    values: crate::ParamValues,
    layout: Layout,
    stage: Stage,
    rng: Xoshiro256PlusPlus,
    /// Each drawn parameter's distribution and bounds, in the order of `layout.drawn`.
    dists: Vec<(Dist, (f64, f64))>,
    imposing: correlation::Imposing,
    /// Whether the orders stay for the next run once the values are computed.
    keep_orders: bool,
    /// Whether [`Simulator::run_streamed`] takes the draws through the model itself:
    /// [`Simulator::advance`] then stops once they are ready.
    streamed: bool,
}

/// Where a run is: drawing its columns' orders, imposing their correlations, computing the
/// values, or running its draws through the model, a block of 32 at a time.
#[derive(Clone, Copy, Debug)]
enum Stage {
    Drawing { next_column: usize },
    Correlating,
    Applying { next_column: usize },
    Running { next_block: usize },
}

/// What each piece of a run costs, in draws through the model (about 400 ns each): making
/// ready the scores and orders of n draws costs about n ÷ 8 of them, room for their figures
/// (when it must be made) n ÷ 4, an order of n strata about n ÷ 12, its values about n ÷ 16,
/// a step of the correlations (a radix sort of n) about n ÷ 6.
const COLUMN_COST: f64 = 1.0 / 12.0;
const PREPARE_COST: f64 = 1.0 / 8.0;
const HOLD_COST: f64 = 1.0 / 4.0;
const APPLY_COST: f64 = 1.0 / 16.0;
const CORRELATION_STEP_COST: f64 = 1.0 / 6.0;

impl Simulator {
    pub fn new() -> Simulator {
        Simulator::default()
    }

    /// The draws of parameter `id` in the last run, in draw order; `None` for a parameter
    /// with a point value (every draw holds its value).
    pub fn parameter_draws(&self, id: ParamId) -> Option<&[f32]> {
        let layout = self.layout.as_ref()?;
        let column = layout.drawn.iter().position(|&drawn| drawn == id)?;
        let (n, stride) = (layout.samples, column_stride(layout.samples));
        Some(&self.draws[column * stride..column * stride + n])
    }

    /// The parameters drawn in the last run (those with a range), in parameter order.
    pub fn drawn_parameters(&self) -> &[ParamId] {
        self.layout.as_ref().map_or(&[], |layout| &layout.drawn)
    }

    /// The last simulation run, to take more summaries from without running again.
    pub fn last(&mut self) -> &mut Simulation {
        &mut self.simulation
    }

    /// Runs `scenario` with its own sampling settings and summarises every metric. At sample
    /// counts whose figures exceed [`FIGURE_BUDGET_BYTES`] the draws go through the model
    /// once and the summaries are streamed (`sim::stream`), or, should a window miss, once
    /// per group of years holding that group's figures; either way the summaries are those
    /// of [`Simulation::outlook`] after [`Simulator::simulate`], to the bit.
    pub fn run(&mut self, scenario: &Scenario) -> Outlook {
        self.run_within(scenario, FIGURE_BUDGET_BYTES, WINDOWS)
    }

    /// [`Simulator::run`] holding at most `figure_budget_bytes` of figures, and streaming
    /// with windows placed by `windows` when all of them do not fit.
    fn run_within(
        &mut self,
        scenario: &Scenario,
        figure_budget_bytes: usize,
        windows: WindowPlan,
    ) -> Outlook {
        let model = scenario.model();
        let year_bytes =
            scenario.sampling.samples.max(1) * METRIC_COUNT * std::mem::size_of::<f32>();
        let per_pass = (figure_budget_bytes / year_bytes).clamp(1, YEAR_COUNT);
        if per_pass < YEAR_COUNT {
            if let Some(outlook) = self.run_streamed(&model, scenario, windows) {
                return outlook;
            }
        }
        self.run_in_passes(&model, scenario, per_pass)
    }

    /// Runs `scenario` through the model once per group of `per_pass` years, holding that
    /// group's figures only.
    fn run_in_passes(&mut self, model: &Model, scenario: &Scenario, per_pass: usize) -> Outlook {
        let sampling = scenario.sampling;
        let mut years = [ByMetric([Summary::exact(0.0); METRIC_COUNT]); YEAR_COUNT];
        let mut first_shortfall = None;
        for start in (0..YEAR_COUNT).step_by(per_pass) {
            let held = start..(start + per_pass).min(YEAR_COUNT);
            self.begin_holding(model, scenario, sampling, held, per_pass == YEAR_COUNT);
            self.advance(usize::MAX);
            self.simulation.summarise_held(&mut years);
            first_shortfall.get_or_insert(self.simulation.first_shortfall());
        }
        Outlook {
            sampling: self.simulation.sampling,
            years,
            first_shortfall: first_shortfall.expect("at least one pass"),
        }
    }

    /// Runs `scenario` through the model once, every summary streamed as its draws come
    /// ([`crate::sim::stream`]): only a pilot's figures are held, and windows around each
    /// percentile. `None` when a pilot misplaced a window; the draws then stay, for
    /// [`Simulator::run_in_passes`]. The summaries are those of a run holding every figure,
    /// to the bit.
    fn run_streamed(
        &mut self,
        model: &Model,
        scenario: &Scenario,
        windows: WindowPlan,
    ) -> Option<Outlook> {
        let sampling = scenario.sampling;
        self.begin_holding(model, scenario, sampling, 0..YEAR_COUNT, false);
        self.pending.as_mut().expect("a run begun").streamed = true;
        self.advance(usize::MAX);
        let mut pending = self
            .pending
            .take()
            .expect("a streamed run stops at its draws");
        let n = pending.layout.samples;
        // A streamed run holds no figures (no years), its summaries only.
        let sampling = Sampling {
            samples: n,
            seed: sampling.seed,
        };
        self.simulation.hold(sampling, 0..0);
        const BATCH: usize = 8;
        let block_len = YEAR_COUNT * METRIC_COUNT * BLOCK;
        let blocks = n.div_ceil(BLOCK);
        let pilot_blocks = windows.pilot_draws.div_ceil(BLOCK).clamp(1, blocks);
        // Room for the pilot's blocks, then a batch's (see below).
        let mut figures = vec![0.0f32; pilot_blocks.max(BATCH).min(blocks) * block_len];
        let mut columns: Vec<StreamedSummary> = Vec::new();
        let scratch = &mut self.simulation.scratch;
        // After the pilot, blocks are summarised a batch at a time (each column's runs of
        // the batch at once), in the pilot's room.
        let len_of = |block: usize| BLOCK.min(n - block * BLOCK);
        for index in 0..blocks {
            let slot = index
                .checked_sub(pilot_blocks)
                .map_or(index, |after| after % BATCH);
            let block = &mut figures[slot * block_len..(slot + 1) * block_len];
            let counts = &mut self.simulation.shortfall_counts;
            run_block(
                &mut pending,
                &self.draws,
                index,
                (block, 0..YEAR_COUNT),
                counts,
            );
            let batch = &figures[..(slot + 1) * block_len];
            let runs = |c: usize| {
                let first = index - slot;
                let blocks = batch.chunks_exact(block_len).enumerate();
                blocks.map(move |(b, block)| column_of(block, c, len_of(first + b)))
            };
            if index + 1 == pilot_blocks {
                let mut pilot = Vec::with_capacity(n.min(pilot_blocks * BLOCK));
                columns = (0..YEAR_COUNT * METRIC_COUNT)
                    .map(|c| {
                        pilot.clear();
                        runs(c).for_each(|run| pilot.extend_from_slice(run));
                        let mut column =
                            StreamedSummary::from_pilot(&pilot, n, windows.sigmas, scratch);
                        column.add([&pilot[..]]);
                        column
                    })
                    .collect();
            } else if index >= pilot_blocks && (slot + 1 == BATCH || index + 1 == blocks) {
                for (c, column) in columns.iter_mut().enumerate() {
                    column.add(runs(c));
                }
            }
        }
        let mut years = [ByMetric([Summary::exact(0.0); METRIC_COUNT]); YEAR_COUNT];
        for (c, column) in columns.iter().enumerate() {
            let metric = Metric::ALL[c % METRIC_COUNT];
            years[c / METRIC_COUNT][metric] = column.summary(scratch)?;
        }
        Some(Outlook {
            sampling: self.simulation.sampling,
            years,
            first_shortfall: self.simulation.first_shortfall(),
        })
    }

    /// Draws `sampling.samples` parameter sets for `scenario` and runs each through `model`
    /// (the app drags with fewer samples than it settles with).
    pub fn simulate(
        &mut self,
        model: &Model,
        scenario: &Scenario,
        sampling: Sampling,
    ) -> &mut Simulation {
        self.begin(model, scenario, sampling);
        self.advance(usize::MAX);
        &mut self.simulation
    }

    /// Begins a run: plans its draws and makes room for the figures. The draws are drawn and
    /// go through the model in [`Simulator::advance`], a slice at a time if need be (the app
    /// keeps each task short that way); the figures are those of [`Simulator::simulate`], to
    /// the bit, however the run is sliced. Until the run is complete, [`Simulator::last`]
    /// holds figures of no run.
    pub fn begin(&mut self, model: &Model, scenario: &Scenario, sampling: Sampling) {
        self.begin_holding(model, scenario, sampling, 0..YEAR_COUNT, true);
    }

    fn begin_holding(
        &mut self,
        model: &Model,
        scenario: &Scenario,
        sampling: Sampling,
        years: std::ops::Range<usize>,
        keep_orders: bool,
    ) {
        let n = sampling.samples.max(1);
        let drawn: Vec<ParamId> = ParamId::all()
            .filter(|&id| scenario.value(id).is_uncertain())
            .collect();
        let planned = matches!(&self.plan,
            Some((pairs, of, _)) if *pairs == scenario.correlations && *of == drawn);
        if !planned {
            let plan = scenario.correlation_plan();
            self.plan = Some((scenario.correlations.clone(), drawn.clone(), plan));
        }
        let plan = &self.plan.as_ref().expect("planned above").2;
        // The plan's parameters are uncertain and in parameter order, as `drawn` is.
        let correlated: Vec<usize> = if plan.params.len() >= 2 {
            (0..drawn.len())
                .filter(|&column| plan.params.contains(&drawn[column]))
                .collect()
        } else {
            Vec::new()
        };
        let dists: Vec<(Dist, (f64, f64))> = drawn
            .iter()
            .map(|&id| {
                let spec = &PARAMS[id.index()];
                (scenario.value(id), (spec.min, spec.max))
            })
            .collect();
        let layout = Layout {
            drawn,
            samples: n,
            seed: sampling.seed,
            correlated,
            matrix: plan.matrix.clone(),
        };
        let stage = if self.layout.as_ref() != Some(&layout) {
            self.layout = None;
            self.applied = vec![None; layout.drawn.len()];
            Stage::Drawing { next_column: 0 }
        } else if self.orders.is_empty() {
            // A run too large to keep its orders kept its values only.
            if self.applied.iter().zip(&dists).all(|(a, d)| *a == Some(*d)) {
                Stage::Running { next_block: 0 }
            } else {
                self.layout = None;
                self.applied = vec![None; layout.drawn.len()];
                Stage::Drawing { next_column: 0 }
            }
        } else {
            Stage::Applying { next_column: 0 }
        };
        self.pending = Some(Pending {
            prepared: false,
            held: false,
            years,
            model: model.clone(),
            values: scenario.medians(),
            imposing: correlation::Imposing::new(layout.correlated.len(), n),
            layout,
            stage,
            rng: Xoshiro256PlusPlus::seed_from_u64(sampling.seed),
            dists,
            keep_orders,
            streamed: false,
        });
    }

    /// Does about as much of the run begun as `draws` draws through the model cost — drawing
    /// the columns' orders, imposing their correlations, computing their values, then the
    /// draws, whole blocks of 32 — and at least one piece of it. True once the run is
    /// complete, or when none was begun.
    pub fn advance(&mut self, draws: usize) -> bool {
        let Some(pending) = self.pending.as_mut() else {
            return true;
        };
        let n = pending.layout.samples;
        let mut budget = draws.max(1) as f64;
        if !pending.prepared {
            // The run's scores and orders are made ready in its first slice rather than when
            // it is begun, so that beginning a run costs next to nothing (the app begins one
            // while it draws the page).
            self.strata.prepare(n);
            if matches!(pending.stage, Stage::Drawing { .. }) {
                self.orders.clear();
                self.orders
                    .resize(pending.dists.len() * column_stride(n), 0);
            }
            pending.prepared = true;
            budget -= n as f64 * PREPARE_COST;
        }
        while budget > 0.0 {
            match pending.stage {
                Stage::Drawing { next_column } if next_column < pending.dists.len() => {
                    let start = next_column * column_stride(n);
                    shuffled_strata(&mut self.orders[start..start + n], &mut pending.rng);
                    pending.stage = Stage::Drawing {
                        next_column: next_column + 1,
                    };
                    budget -= n as f64 * COLUMN_COST;
                }
                Stage::Drawing { .. } => pending.stage = Stage::Correlating,
                Stage::Correlating => {
                    let correlated = &pending.layout.correlated;
                    let mut columns: Vec<&mut [u32]> = self
                        .orders
                        .chunks_mut(column_stride(n))
                        .enumerate()
                        .filter(|(index, _)| correlated.contains(index))
                        .map(|(_, column)| &mut column[..n])
                        .collect();
                    let matrix = &pending.layout.matrix;
                    if pending
                        .imposing
                        .step(&mut columns, matrix, &self.strata.normal)
                    {
                        self.layout = Some(pending.layout.clone());
                        pending.stage = Stage::Applying { next_column: 0 };
                    }
                    budget -= n as f64 * CORRELATION_STEP_COST;
                }
                Stage::Applying { next_column } => {
                    let columns = (&mut self.orders, &mut self.draws, &mut self.applied[..]);
                    budget -= apply_step(pending, &self.strata, columns, next_column);
                }
                Stage::Running { .. } if pending.streamed => return false,
                Stage::Running { .. } if !pending.held => {
                    // Room for the figures is made once the draws are, not with the orders:
                    // a large run's first slice stays short, and the orders (dropped by then
                    // in a run in passes) and the figures are not held at once.
                    let sampling = Sampling {
                        samples: n,
                        seed: pending.layout.seed,
                    };
                    if self.simulation.hold(sampling, pending.years.clone()) {
                        budget -= n as f64 * HOLD_COST;
                    }
                    pending.held = true;
                }
                Stage::Running { next_block } => {
                    let blocks = (budget / BLOCK as f64).ceil().min(usize::MAX as f64) as usize;
                    let until = run_blocks(
                        pending,
                        &self.draws,
                        &mut self.simulation,
                        (next_block, blocks),
                    );
                    pending.stage = Stage::Running { next_block: until };
                    if until == n.div_ceil(BLOCK) {
                        self.pending = None;
                        return true;
                    }
                    return false;
                }
            }
        }
        false
    }

    /// Whether the last run begun is complete: its figures can be read.
    pub fn is_complete(&self) -> bool {
        self.pending.is_none()
    }
}

/// The values of a run's column `next_column` from its order, or the end of that stage: one
/// piece of [`Simulator::advance`]; what it cost, in draws through the model.
fn apply_step(
    pending: &mut Pending,
    strata: &Strata,
    (orders, draws, applied): (&mut Vec<u32>, &mut Vec<f32>, &mut [Applied]),
    next_column: usize,
) -> f64 {
    let n = pending.layout.samples;
    let stride = column_stride(n);
    let start = next_column * stride;
    let Some(&dist) = pending.dists.get(next_column) else {
        if !pending.keep_orders {
            // Bits for bits: the buffer is the orders' own (`Vec`'s collect reuses it;
            // `values_take_the_place_of_the_orders` checks that it does).
            *draws = std::mem::take(orders)
                .into_iter()
                .map(f32::from_bits)
                .collect();
        }
        pending.stage = Stage::Running { next_block: 0 };
        return 0.0;
    };
    pending.stage = Stage::Applying {
        next_column: next_column + 1,
    };
    if !pending.keep_orders {
        // A run that does not keep its orders turns them into its values where they lie (a
        // large run holds one of the two only), every column of them.
        if next_column == 0 {
            *draws = Vec::new();
        }
        strata.apply_in_place(&mut orders[start..start + n], dist.0, dist.1);
    } else if applied[next_column] != Some(dist) {
        // Values are made room for only now, so that they and the correlations' scratch are
        // never held at once.
        if draws.len() != pending.dists.len() * stride {
            *draws = Vec::new();
            *draws = vec![0.0; pending.dists.len() * stride];
        }
        let (column, order) = (&mut draws[start..start + n], &orders[start..start + n]);
        strata.apply_narrow(column, order, dist.0, dist.1);
    } else {
        return 0.0;
    }
    applied[next_column] = Some(dist);
    n as f64 * APPLY_COST
}

/// Runs `count` blocks of draws from block `first` (or to the end), each draw's uncertain
/// parameters read from their columns; the block after the last one run.
fn run_blocks(
    pending: &mut Pending,
    draws: &[f32],
    simulation: &mut Simulation,
    (first, count): (usize, usize),
) -> usize {
    let n = simulation.sampling.samples;
    let until = first.saturating_add(count).min(n.div_ceil(BLOCK));
    let block_len = simulation.block_len();
    for index in first..until {
        let block = &mut simulation.figures[index * block_len..(index + 1) * block_len];
        let years = simulation.years.clone();
        run_block(
            pending,
            draws,
            index,
            (block, years),
            &mut simulation.shortfall_counts,
        );
    }
    until
}

/// Runs block `index` of the draws into `block`, which holds the figures of `years`, and
/// counts each draw's first shortfall.
fn run_block(
    pending: &mut Pending,
    draws: &[f32],
    index: usize,
    (block, years): (&mut [f32], std::ops::Range<usize>),
    shortfall_counts: &mut [usize; YEAR_COUNT + 1],
) {
    let n = pending.layout.samples;
    let stride = column_stride(n);
    let values = &mut pending.values;
    let first_draw = index * BLOCK;
    let mut sink = BlockSink {
        figures: block,
        years,
        draw: 0,
        first_shortfall: YEAR_COUNT,
    };
    for offset in 0..BLOCK.min(n - first_draw) {
        let draw = first_draw + offset;
        for (column, &id) in pending.layout.drawn.iter().enumerate() {
            values[id.index()] = f64::from(draws[column * stride + draw]);
        }
        sink.draw = offset;
        sink.first_shortfall = YEAR_COUNT;
        pending.model.project_into(values, &mut sink);
        shortfall_counts[sink.first_shortfall] += 1;
    }
}

/// Fisher–Yates with a multiply-shift bounded draw: integer arithmetic only, so the
/// permutation is identical natively and in WebAssembly. The bias, under n ÷ 2³², is nil
/// beside sampling error at any allowed sample count.
fn shuffle(values: &mut [u32], rng: &mut Xoshiro256PlusPlus) {
    for i in (1..values.len()).rev() {
        let j = ((rng.next_u64() >> 32) * (i as u64 + 1)) >> 32;
        values.swap(i, j as usize);
    }
}

/// Nearest-rank percentiles of the first shortfall year from per-year counts; the last count
/// is "no shortfall by 2030".
fn shortfall_year(counts: &[usize; YEAR_COUNT + 1], n: usize) -> ShortfallYear {
    let at = |p: f64| {
        let wanted = ((p * n as f64).ceil() as usize).max(1);
        let mut seen = 0;
        for (year, &count) in counts.iter().enumerate() {
            seen += count;
            if seen >= wanted {
                return (year < YEAR_COUNT).then(|| FIRST_YEAR + year as u16);
            }
        }
        None
    };
    ShortfallYear {
        p5: at(0.05),
        p50: at(0.5),
        p95: at(0.95),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PRESETS;

    /// A run summarised a few years at a time gives the summaries of one holding every year,
    /// and the same first-shortfall years.
    #[test]
    fn a_run_in_passes_gives_the_outlook_of_one_pass() {
        let mut scenario = Scenario::from_preset(&PRESETS[2]);
        scenario.sampling.samples = 700;
        let whole = Simulator::new().run(&scenario);
        for years_per_pass in [1, 2, 3, 6] {
            let passes =
                Simulator::new().run_in_passes(&scenario.model(), &scenario, years_per_pass);
            assert_eq!(passes, whole, "{years_per_pass} years a pass");
        }
    }

    /// A run too large to hold its figures streams its summaries, and they are those of a
    /// run holding every figure, to the bit: for every preset, with the pilot a part of the
    /// draws (12,000) or all of them (3,001, not a multiple of a block or of 4).
    #[test]
    fn a_streamed_run_gives_the_outlook_of_one_holding_every_figure() {
        for preset in &PRESETS {
            for samples in [12_000, 3_001] {
                let mut scenario = Scenario::from_preset(preset);
                scenario.sampling.samples = samples;
                let whole = Simulator::new().run(&scenario);
                let streamed = Simulator::new().run_streamed(&scenario.model(), &scenario, WINDOWS);
                assert_eq!(
                    streamed.as_ref(),
                    Some(&whole),
                    "{} at {samples} draws",
                    preset.id
                );
            }
        }
    }

    /// A run that does not keep its orders holds its values in their buffer, not beside it.
    #[test]
    fn values_take_the_place_of_the_orders() {
        let mut scenario = Scenario::from_preset(&PRESETS[0]);
        scenario.sampling.samples = 5_000;
        let mut simulator = Simulator::new();
        simulator.begin_holding(&scenario.model(), &scenario, scenario.sampling, 0..1, false);
        while !matches!(
            simulator.pending.as_ref().map(|p| p.stage),
            Some(Stage::Applying { .. })
        ) {
            simulator.advance(1);
        }
        let orders = simulator.orders.as_ptr() as usize;
        while !simulator.advance(1) {}
        assert!(simulator.orders.is_empty());
        assert_eq!(simulator.draws.as_ptr() as usize, orders);
        // And they are the values a run keeping its orders computes beside them.
        let mut kept = Simulator::new();
        kept.simulate(&scenario.model(), &scenario, scenario.sampling);
        assert_eq!(simulator.draws, kept.draws);
    }

    /// Windows of a few ranks around a pilot's quantiles: they miss.
    const NARROW: WindowPlan = WindowPlan {
        pilot_draws: 8_192,
        sigmas: 0.0,
    };

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        /// Any valid scenario (the fuzz target's generator: points, ranges at the bounds,
        /// custom projects, correlations), streamed after a pilot of a part of its draws:
        /// the summaries of a run holding every figure, to the bit, or a miss reported.
        #[test]
        fn streamed_runs_of_any_scenario_equal_held_ones_or_miss(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..120),
            samples in 1usize..700,
            pilot_draws in 1usize..300,
            sigmas in 0.0f64..8.0,
        ) {
            let mut scenario = crate::input::arbitrary::scenario(&bytes);
            scenario.sampling.samples = samples;
            let model = scenario.model();
            let mut held = Simulator::new();
            let held = held.simulate(&model, &scenario, scenario.sampling).outlook();
            let windows = WindowPlan { pilot_draws, sigmas };
            if let Some(streamed) = Simulator::new().run_streamed(&model, &scenario, windows) {
                // To the bit: a NaN equals no NaN.
                let bits = |o: &Outlook| -> Vec<u64> {
                    o.years.iter().flat_map(|y| y.0.iter())
                        .flat_map(|s| [s.p5, s.p50, s.p95, s.mean].map(f64::to_bits))
                        .collect()
                };
                proptest::prop_assert_eq!(bits(&streamed), bits(&held));
                proptest::prop_assert_eq!(streamed.first_shortfall, held.first_shortfall);
            }
        }
    }

    /// Windows too narrow to hold their order statistics are noticed, and the run then goes
    /// in passes to the same outlook.
    #[test]
    fn a_misplaced_window_falls_back_to_a_run_in_passes() {
        let mut scenario = Scenario::from_preset(&PRESETS[0]);
        scenario.sampling.samples = 12_000;
        let whole = Simulator::new().run(&scenario);
        let mut simulator = Simulator::new();
        assert_eq!(
            simulator.run_streamed(&scenario.model(), &scenario, NARROW),
            None
        );
        let year_bytes = 12_000 * METRIC_COUNT * std::mem::size_of::<f32>();
        assert_eq!(
            simulator.run_within(&scenario, 3 * year_bytes, NARROW),
            whole
        );
    }
}
