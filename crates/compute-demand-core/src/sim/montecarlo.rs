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
use crate::sim::dist::Dist;
use crate::sim::stats::{normal_quantile, Summary};
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
#[derive(Clone, Debug, Default)]
pub struct Simulation {
    sampling: Sampling,
    /// In blocks of [`BLOCK`] draws; within a block, one run of consecutive draws per
    /// (year, metric). The model writes straight into its block, which stays in cache while
    /// it fills, and a summary gathers its column block by block.
    figures: Vec<f64>,
    /// Draws whose first shortfall falls in each year; the last slot is "not by 2030".
    shortfall_counts: [usize; YEAR_COUNT + 1],
    /// The column being summarised.
    scratch: Vec<f64>,
}

const ROW: usize = YEAR_COUNT * METRIC_COUNT;
/// Draws per block of [`Simulation::figures`].
const BLOCK: usize = 32;
const BLOCK_LEN: usize = ROW * BLOCK;

/// One block of draws being written: figure (year, metric) of draw `draw` in the block.
struct BlockSink<'a> {
    figures: &'a mut [f64],
    draw: usize,
}

fn block_index(year: usize, metric: Metric, draw: usize) -> usize {
    (year * METRIC_COUNT + metric.index()) * BLOCK + draw
}

impl Figures for BlockSink<'_> {
    #[inline(always)]
    fn set(&mut self, year: usize, metric: Metric, value: f64) {
        self.figures[block_index(year, metric, self.draw)] = value;
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

    /// The draws of one metric in one year, gathered from the blocks.
    fn column(&mut self, metric: Metric, year: u16) -> &mut [f64] {
        let n = self.sampling.samples;
        let start = block_index(usize::from(year - FIRST_YEAR), metric, 0);
        self.scratch.clear();
        for (index, block) in self.figures.chunks_exact(BLOCK_LEN).enumerate() {
            let size = BLOCK.min(n - index * BLOCK);
            self.scratch.extend_from_slice(&block[start..start + size]);
        }
        &mut self.scratch
    }

    /// The value of `metric` in `year` for every draw, in draw order.
    pub fn draws(&mut self, metric: Metric, year: u16) -> Vec<f64> {
        self.column(metric, year).to_vec()
    }

    /// p5, p50, p95 and mean of `metric` in `year` (2024–2030).
    pub fn summary(&mut self, metric: Metric, year: u16) -> Summary {
        Summary::of(self.column(metric, year))
    }

    /// The mean alone, which needs no ordering: what the stacked segment chart adds up.
    pub fn mean(&mut self, metric: Metric, year: u16) -> f64 {
        let column = self.column(metric, year);
        Summary::mean_of(column)
    }

    pub fn first_shortfall(&self) -> ShortfallYear {
        shortfall_year(&self.shortfall_counts, self.sampling.samples)
    }

    /// Every summary.
    pub fn outlook(&mut self) -> Outlook {
        let mut years = [ByMetric([Summary::exact(0.0); METRIC_COUNT]); YEAR_COUNT];
        for (year, figures) in crate::years().zip(years.iter_mut()) {
            for metric in Metric::ALL {
                figures[metric] = self.summary(metric, year);
            }
        }
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

    /// Fills `column` (length n) with one Latin hypercube column of `dist`, clamped to
    /// `[min, max]`: the stratified scores in a random order, through the distribution.
    fn fill(
        &self,
        column: &mut [f64],
        dist: Dist,
        (min, max): (f64, f64),
        rng: &mut Xoshiro256PlusPlus,
    ) {
        let rule = dist.draw_rule();
        column.copy_from_slice(if rule.needs_uniform_score() {
            &self.uniform
        } else {
            &self.normal
        });
        shuffle(column, rng);
        rule.apply(column, min, max);
    }
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
        let mut column = vec![0.0; self.strata.uniform.len()];
        self.strata.fill(
            &mut column,
            dist,
            (f64::NEG_INFINITY, f64::INFINITY),
            &mut self.rng,
        );
        column
    }
}

/// Runs scenarios, keeping its buffers and stratified scores between runs.
#[derive(Clone, Debug, Default)]
pub struct Simulator {
    strata: Strata,
    draws: Vec<f64>,
    /// The parameter each column of `draws` holds, for the last run.
    drawn: Vec<ParamId>,
    simulation: Simulation,
    /// The run begun and not yet complete.
    pending: Option<Pending>,
}

/// A run under way: its model, what its draws are drawn from, and how far it has gone.
#[derive(Clone, Debug)]
struct Pending {
    model: Model,
    /// Every parameter's value for the draw being run: the points stay, the rest is drawn.
    values: crate::ParamValues,
    stage: Stage,
    rng: Xoshiro256PlusPlus,
    /// Each uncertain parameter's distribution and bounds, in the order of `Simulator::drawn`.
    dists: Vec<(Dist, (f64, f64))>,
    /// The columns the correlations reorder, and their target matrix.
    correlated: Vec<usize>,
    matrix: Vec<f64>,
    imposing: correlation::Imposing,
}

/// Where a run is: drawing its parameters' columns, imposing their correlations, or running
/// its draws through the model, a block of 32 at a time.
#[derive(Clone, Copy, Debug)]
enum Stage {
    Drawing { next_column: usize },
    Correlating,
    Running { next_block: usize },
}

/// What each piece of a run costs, in draws through the model (about 150 ns each): a column
/// of n draws costs about n ÷ 12 of them, a step of the correlations (one or two sorts of n)
/// about n ÷ 3.
const COLUMN_COST: f64 = 1.0 / 12.0;
const CORRELATION_STEP_COST: f64 = 1.0 / 3.0;

impl Simulator {
    pub fn new() -> Simulator {
        Simulator::default()
    }

    /// The draws of parameter `id` in the last run, in draw order; `None` for a parameter
    /// with a point value (every draw holds its value).
    pub fn parameter_draws(&self, id: ParamId) -> Option<&[f64]> {
        let column = self.drawn.iter().position(|&drawn| drawn == id)?;
        let (n, stride) = (
            self.simulation.sampling.samples,
            column_stride(self.simulation.sampling.samples),
        );
        Some(&self.draws[column * stride..column * stride + n])
    }

    /// The parameters drawn in the last run (those with a range), in parameter order.
    pub fn drawn_parameters(&self) -> &[ParamId] {
        &self.drawn
    }

    /// The last simulation run, to take more summaries from without running again.
    pub fn last(&mut self) -> &mut Simulation {
        &mut self.simulation
    }

    /// Runs `scenario` with its own sampling settings and summarises every metric.
    pub fn run(&mut self, scenario: &Scenario) -> Outlook {
        self.simulate(&scenario.model(), scenario, scenario.sampling)
            .outlook()
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

    /// Begins a run: draws every parameter set and makes room for the figures. The draws go
    /// through the model in [`Simulator::advance`], a slice at a time if need be (the app
    /// keeps each task short that way); the figures are those of [`Simulator::simulate`], to
    /// the bit, however the run is sliced. Until the run is complete, [`Simulator::last`]
    /// holds figures of no run.
    pub fn begin(&mut self, model: &Model, scenario: &Scenario, sampling: Sampling) {
        let n = sampling.samples.max(1);
        self.strata.prepare(n);
        self.drawn = ParamId::all()
            .filter(|&id| scenario.value(id).is_uncertain())
            .collect();
        self.draws.clear();
        self.draws.resize(self.drawn.len() * column_stride(n), 0.0);
        let simulation = &mut self.simulation;
        simulation.sampling = Sampling {
            samples: n,
            seed: sampling.seed,
        };
        // Every slot is overwritten as the run goes; only a change of size needs a new buffer.
        let blocks = n.div_ceil(BLOCK);
        if simulation.figures.len() != blocks * BLOCK_LEN {
            simulation.figures = vec![0.0; blocks * BLOCK_LEN];
        }
        simulation.shortfall_counts = [0; YEAR_COUNT + 1];
        let plan = scenario.correlation_plan();
        // The plan's parameters are uncertain and in parameter order, as `drawn` is.
        let correlated: Vec<usize> = if plan.params.len() >= 2 {
            (0..self.drawn.len())
                .filter(|&column| plan.params.contains(&self.drawn[column]))
                .collect()
        } else {
            Vec::new()
        };
        self.pending = Some(Pending {
            model: model.clone(),
            values: scenario.medians(),
            stage: Stage::Drawing { next_column: 0 },
            rng: Xoshiro256PlusPlus::seed_from_u64(sampling.seed),
            dists: self
                .drawn
                .iter()
                .map(|&id| {
                    let spec = &PARAMS[id.index()];
                    (scenario.value(id), (spec.min, spec.max))
                })
                .collect(),
            imposing: correlation::Imposing::new(correlated.len(), n),
            correlated,
            matrix: plan.matrix,
        });
    }

    /// Does about as much of the run begun as `draws` draws through the model cost — drawing
    /// the parameters' columns, imposing their correlations, then the draws, whole blocks of
    /// 32 — and at least one piece of it. True once the run is complete, or when none was
    /// begun.
    pub fn advance(&mut self, draws: usize) -> bool {
        let Some(pending) = self.pending.as_mut() else {
            return true;
        };
        let n = self.simulation.sampling.samples;
        let stride = column_stride(n);
        let mut budget = draws.max(1) as f64;
        while budget > 0.0 {
            match pending.stage {
                Stage::Drawing { next_column } if next_column < pending.dists.len() => {
                    let (dist, bounds) = pending.dists[next_column];
                    let start = next_column * stride;
                    let column = &mut self.draws[start..start + n];
                    self.strata.fill(column, dist, bounds, &mut pending.rng);
                    pending.stage = Stage::Drawing {
                        next_column: next_column + 1,
                    };
                    budget -= n as f64 * COLUMN_COST;
                }
                Stage::Drawing { .. } => pending.stage = Stage::Correlating,
                Stage::Correlating => {
                    let mut columns: Vec<&mut [f64]> = self
                        .draws
                        .chunks_mut(stride)
                        .enumerate()
                        .filter(|(index, _)| pending.correlated.contains(index))
                        .map(|(_, column)| &mut column[..n])
                        .collect();
                    let matrix = &pending.matrix;
                    if pending
                        .imposing
                        .step(&mut columns, matrix, &self.strata.normal)
                    {
                        pending.stage = Stage::Running { next_block: 0 };
                    }
                    budget -= n as f64 * CORRELATION_STEP_COST;
                }
                Stage::Running { next_block } => {
                    let blocks = (budget / BLOCK as f64).ceil().min(usize::MAX as f64) as usize;
                    let until = run_blocks(
                        pending,
                        (&self.drawn, &self.draws),
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

/// Runs `count` blocks of draws from block `first` (or to the end), each draw's uncertain
/// parameters read from their columns; the block after the last one run.
fn run_blocks(
    pending: &mut Pending,
    (drawn, draws): (&[ParamId], &[f64]),
    simulation: &mut Simulation,
    (first, count): (usize, usize),
) -> usize {
    let n = simulation.sampling.samples;
    let stride = column_stride(n);
    let until = first.saturating_add(count).min(n.div_ceil(BLOCK));
    let values = &mut pending.values;
    for index in first..until {
        let block = &mut simulation.figures[index * BLOCK_LEN..(index + 1) * BLOCK_LEN];
        let first_draw = index * BLOCK;
        let mut sink = BlockSink {
            figures: block,
            draw: 0,
        };
        for offset in 0..BLOCK.min(n - first_draw) {
            let draw = first_draw + offset;
            for (column, &id) in drawn.iter().enumerate() {
                values[id.index()] = draws[column * stride + draw];
            }
            sink.draw = offset;
            pending.model.project_into(values, &mut sink);
            let first = (0..YEAR_COUNT)
                .find(|&year| {
                    sink.figures[block_index(year, Metric::DemandExceedsSupply, offset)] > 0.5
                })
                .unwrap_or(YEAR_COUNT);
            simulation.shortfall_counts[first] += 1;
        }
    }
    until
}

/// Fisher–Yates with a multiply-shift bounded draw: integer arithmetic only, so the
/// permutation is identical natively and in WebAssembly. The bias, under n ÷ 2³², is nil
/// beside sampling error at any allowed sample count.
fn shuffle(values: &mut [f64], rng: &mut Xoshiro256PlusPlus) {
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
