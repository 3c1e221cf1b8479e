//! The ecosystem model. For each year 2024–2030: demand by segment (FLOP) → H100-equivalents
//! → physical GPUs of that year's fleet → facility power → energy, cost and carbon; and the
//! supply projects → power → H100-equivalents → coverage.

pub mod assumptions;
pub mod estimate;
pub mod explain;
pub mod fleet;
pub mod supply;

use crate::data::h100;
use crate::data::{Capacity, CapexScope, Customers, ParamId, Status, GPUS};
use crate::metric::{ByMetric, Metric, METRIC_COUNT};
use crate::model::assumptions::{
    Assumptions, HoursSegment, ParamValues, RunSegment, ServingSegment,
};
use crate::model::estimate::{
    co2_tonnes, inference_flop, training_flop, HOURS_PER_YEAR, SECONDS_PER_YEAR,
};
use crate::model::fleet::{Fleet, FleetUnit};
use crate::model::supply::{
    all_tranches, delivery, foreign_share, online_fraction, CustomProject, PowerPerUnit,
    SupplyTranche,
};
use crate::{FIRST_YEAR, YEAR_COUNT};

/// Every metric of one year.
pub type YearFigures = ByMetric<f64>;

/// Every metric of every year, 2024 first.
pub type Projection = [YearFigures; YEAR_COUNT];

/// Where one draw's figures go: a [`Projection`], or the Monte Carlo's column buffers.
pub trait Figures {
    fn set(&mut self, year: usize, metric: Metric, value: f64);
}

impl Figures for Projection {
    #[inline(always)]
    fn set(&mut self, year: usize, metric: Metric, value: f64) {
        self[year][metric] = value;
    }
}

/// Coverage is capped so that a scenario without demand still reports a finite number.
pub const MAX_COVERAGE_RATIO: f64 = 1e6;

const DAYS_PER_YEAR: f64 = 365.0;

/// The model's fixed structure: the fleet table and the supply tranches. Parameter values
/// vary per call (per Monte Carlo draw); this does not.
#[derive(Clone, Debug)]
pub struct Model {
    fleet: Fleet,
    h100_flop_per_s: f64,
    tranches: Vec<SupplyTranche>,
    /// The tranches again, summed by cohort: what a draw's supply is computed from.
    cohorts: Vec<Cohort>,
}

/// Tranches online together (same announced year and status), their capacities summed by
/// what converts them to power and what scales them: a draw's supply then costs a few
/// operations per cohort, not per tranche.
#[derive(Clone, Debug)]
struct Cohort {
    year: u16,
    status: Status,
    parts: Vec<CohortPart>,
}

/// The capacity of a cohort's tranches that share how they are scaled: whether their site
/// is all AI, whose customers they serve, and a share parameter of their own.
#[derive(Clone, Debug)]
struct CohortPart {
    dedicated: bool,
    customers: Customers,
    share_param: Option<ParamId>,
    /// Site power (peak), MW; GPUs' catalog IT power, W; euros all-in; euros of facility.
    site_mw: f64,
    gpu_it_w: f64,
    eur_all_in: f64,
    eur_facility: f64,
}

impl Cohort {
    /// The cohorts of `tranches` announced by the last year shown.
    fn of(tranches: &[SupplyTranche]) -> Vec<Cohort> {
        let mut cohorts: Vec<Cohort> = Vec::new();
        for t in tranches
            .iter()
            .filter(|t| t.tranche.year <= crate::LAST_YEAR)
        {
            let (year, status) = (t.tranche.year, t.tranche.status);
            let at = match cohorts
                .iter()
                .position(|c| (c.year, c.status) == (year, status))
            {
                Some(at) => at,
                None => {
                    cohorts.push(Cohort {
                        year,
                        status,
                        parts: Vec::new(),
                    });
                    cohorts.len() - 1
                }
            };
            let parts = &mut cohorts[at].parts;
            let scaled = (t.dedicated, t.customers, t.share_param);
            let part = match parts
                .iter()
                .position(|p| (p.dedicated, p.customers, p.share_param) == scaled)
            {
                Some(at) => &mut parts[at],
                None => {
                    parts.push(CohortPart {
                        dedicated: t.dedicated,
                        customers: t.customers,
                        share_param: t.share_param,
                        site_mw: 0.0,
                        gpu_it_w: 0.0,
                        eur_all_in: 0.0,
                        eur_facility: 0.0,
                    });
                    parts.last_mut().expect("pushed")
                }
            };
            match t.tranche.capacity {
                Capacity::Mw(mw) => part.site_mw += mw,
                Capacity::Gpus { count, gpu } => part.gpu_it_w += count * GPUS[gpu].it_w(),
                Capacity::Eur {
                    eur,
                    scope: CapexScope::AllIn,
                } => part.eur_all_in += eur,
                Capacity::Eur {
                    eur,
                    scope: CapexScope::Facility,
                } => part.eur_facility += eur,
            }
        }
        cohorts
    }
}

impl Default for Model {
    fn default() -> Model {
        Model::new(&[], &[])
    }
}

impl Model {
    /// The model with the built-in supply projects but those `excluded` (indices into
    /// `PROJECTS`), and `custom` ones added.
    pub fn new(custom: &[CustomProject], excluded: &[usize]) -> Model {
        let tranches = all_tranches(custom, excluded);
        Model {
            fleet: Fleet::from_data(),
            h100_flop_per_s: h100().bf16_flop_per_s(),
            cohorts: Cohort::of(&tranches),
            tranches,
        }
    }

    pub fn project(&self, values: &ParamValues) -> Projection {
        let mut projection = [ByMetric([0.0; METRIC_COUNT]); YEAR_COUNT];
        self.project_into(values, &mut projection);
        projection
    }

    pub fn project_into<F: Figures>(&self, values: &ParamValues, out: &mut F) {
        let a = Assumptions::read(values);
        let h100 = self.h100_flop_per_s;
        // What one H100-equivalent delivers in a year, training and serving.
        let training_h100e_year = h100 * a.training_mfu * SECONDS_PER_YEAR;
        let serving_h100e_year = h100 * a.serving_utilization * SECONDS_PER_YEAR;

        // Base-year FLOP per year wherever it is sited; the France share of each year applies
        // in the loop below.
        let runs = |s: &RunSegment| {
            s.runs_per_year * training_flop(s.active_params, s.tokens) * a.experiment_overhead
        };
        let hours = |s: &HoursSegment| s.h100_hours_per_year * 3_600.0 * h100 * a.training_mfu;
        let serving = |s: &ServingSegment| {
            s.users * s.tokens_per_user_day * DAYS_PER_YEAR * inference_flop(s.active_params, 1.0)
        };
        // Segment by segment, in Metric::SEGMENTS order.
        let base_flop = [
            runs(&a.frontier),
            runs(&a.poolside),
            hours(&a.startups),
            hours(&a.research),
            serving(&a.consumer),
            serving(&a.enterprise),
        ];
        let france_share = [
            a.frontier.france_share,
            a.poolside.france_share,
            a.startups.france_share,
            a.research.france_share,
            a.consumer.france_share,
            a.enterprise.france_share,
        ];
        let abroad_base_flop = serving(&a.abroad);
        let growth = [
            a.frontier.growth,
            a.poolside.growth,
            a.startups.growth,
            a.research.growth,
            a.consumer.growth,
            a.enterprise.growth,
        ];
        const TRAINING_SEGMENTS: usize = 4;

        let fleet = self.fleet.by_year(a.fleet_lag_years);
        let (supply_mw, hosted_foreign_mw) = self.supply_average_mw(&a, values, &fleet);
        let chain = a.chain;
        let money = a.money;
        // Yearly constants of the draw, as reciprocals: the loop below multiplies only.
        let per_training_h100e = 1.0 / training_h100e_year;
        let per_serving_h100e = 1.0 / serving_h100e_year;
        let gpu_capex_per_usd_year =
            money.usd_to_eur * money.cluster_capex_multiplier / money.gpu_depreciation_years;
        let facility_capex_per_mw_year =
            money.facility_capex_eur_per_mw / money.facility_depreciation_years;
        let cloud_eur_per_h100e_year =
            HOURS_PER_YEAR * money.cloud_usd_per_h100_hour * money.usd_to_eur;
        let mut growth_factor = [1.0; 6];
        let mut abroad_growth = 1.0;
        for year in 0..YEAR_COUNT {
            let calendar_year = FIRST_YEAR + year as u16;
            let unit = fleet[year];
            let mut training_flop_year = 0.0;
            let mut inference_flop_year = 0.0;
            let mut training_h100e = 0.0;
            let mut inference_h100e = 0.0;
            // An index loop and direct `out.set` calls: at opt-level "z" (the web bundle's),
            // an iterator adapter or a closure here stays a call per figure.
            for segment in 0..Metric::SEGMENTS.len() {
                let metric = Metric::SEGMENTS[segment];
                let flop = base_flop[segment]
                    * growth_factor[segment]
                    * france_share[segment].at(calendar_year);
                let h100e = if segment < TRAINING_SEGMENTS {
                    training_flop_year += flop;
                    training_h100e += flop * per_training_h100e;
                    flop * per_training_h100e
                } else {
                    inference_flop_year += flop;
                    inference_h100e += flop * per_serving_h100e;
                    flop * per_serving_h100e
                };
                out.set(year, metric, h100e);
                growth_factor[segment] *= growth[segment];
            }

            let gpus_h100e = training_h100e + inference_h100e;
            // Physical GPUs: training runs at the fleet's BF16 peak, serving partly at 8 bits.
            let h100e_per_unit = unit.bf16_flop_per_s / h100;
            let serving_units_per_h100e = h100 / unit.serving_flop_per_s(a.low_precision_share);
            let units = training_h100e / h100e_per_unit + inference_h100e * serving_units_per_h100e;
            let unit_average_w = chain.facility_average_w(unit.it_w);
            let facility_power_mw = units * unit_average_w / 1e6;
            let energy_gwh = facility_power_mw * HOURS_PER_YEAR / 1e3;
            let it_peak_mw = units * chain.it_peak_w(unit.it_w) / 1e6;
            let gpu_capex_per_year = units * unit.price_usd * gpu_capex_per_usd_year;
            let facility_capex_per_year = it_peak_mw * facility_capex_per_mw_year;
            let electricity = energy_gwh * 1e3 * money.electricity_eur_per_mwh;

            let supply_power_mw = supply_mw[year];
            // Supply is a power envelope filled with that year's fleet.
            let supply_units = supply_power_mw * 1e6 / unit_average_w;

            // Demand from abroad on French sites: foreign customers of the hosting sites, and
            // the French labs' users abroad served from France.
            let abroad_h100e = abroad_base_flop
                * abroad_growth
                * a.abroad.france_share.at(calendar_year)
                * per_serving_h100e;
            abroad_growth *= a.abroad.growth;
            let abroad_mw = abroad_h100e * serving_units_per_h100e * unit_average_w / 1e6;
            let hosted_mw = hosted_foreign_mw[year];
            let hosted_h100e = hosted_mw * 1e6 / unit_average_w * h100e_per_unit;
            let foreign_power_mw = hosted_mw + abroad_mw;
            let on_french_sites_mw = facility_power_mw + foreign_power_mw;

            let exceeds = if on_french_sites_mw > supply_power_mw {
                1.0
            } else {
                0.0
            };
            out.set(year, Metric::TrainingFlop, training_flop_year);
            out.set(year, Metric::InferenceFlop, inference_flop_year);
            out.set(year, Metric::TrainingGpusH100e, training_h100e);
            out.set(year, Metric::InferenceGpusH100e, inference_h100e);
            out.set(year, Metric::GpusH100e, gpus_h100e);
            out.set(year, Metric::GpusUnits, units);
            out.set(year, Metric::FacilityPowerMw, facility_power_mw);
            out.set(year, Metric::EnergyGwh, energy_gwh);
            out.set(
                year,
                Metric::CostEur,
                gpu_capex_per_year + facility_capex_per_year + electricity,
            );
            out.set(
                year,
                Metric::Co2Tonnes,
                co2_tonnes(energy_gwh * 1e3, a.grid_gco2_per_kwh),
            );
            out.set(
                year,
                Metric::CloudRentalEur,
                gpus_h100e * cloud_eur_per_h100e_year,
            );
            out.set(year, Metric::SupplyPowerMw, supply_power_mw);
            out.set(year, Metric::SupplyGpusH100e, supply_units * h100e_per_unit);
            out.set(year, Metric::ForeignGpusH100e, hosted_h100e + abroad_h100e);
            out.set(year, Metric::ForeignPowerMw, foreign_power_mw);
            out.set(
                year,
                Metric::SitesEnergyGwh,
                on_french_sites_mw * HOURS_PER_YEAR / 1e3,
            );
            out.set(
                year,
                Metric::CoverageRatio,
                coverage_ratio(supply_power_mw, on_french_sites_mw),
            );
            out.set(year, Metric::DemandExceedsSupply, exceeds);
        }
    }

    /// Expected AI facility power in service in each year, over every tranche after its odds,
    /// delay and site share; and the part of it used from abroad. (What
    /// [`supply::SupplyTranche::expected_ai_mw`] gives each tranche, summed by cohort.)
    fn supply_average_mw(
        &self,
        a: &Assumptions,
        values: &ParamValues,
        fleet: &[FleetUnit; YEAR_COUNT],
    ) -> ([f64; YEAR_COUNT], [f64; YEAR_COUNT]) {
        let per = PowerPerUnit::of(a);
        let mut supply = [0.0; YEAR_COUNT];
        let mut foreign = [0.0; YEAR_COUNT];
        for cohort in &self.cohorts {
            // What euros buy is the fleet of the announced year.
            let bought = fleet[usize::from(cohort.year - FIRST_YEAR)];
            let per_eur_all_in = PowerPerUnit::eur_all_in(a, bought);
            let (mut mw, mut abroad) = (0.0, 0.0);
            for part in &cohort.parts {
                let average = part.site_mw * per.site_mw
                    + part.gpu_it_w * per.gpu_it_w
                    + part.eur_all_in * per_eur_all_in
                    + part.eur_facility * per.eur_of_facility;
                let ai_share = if part.dedicated {
                    1.0
                } else {
                    a.supply.genai_share
                };
                let share = part.share_param.map_or(1.0, |id| values[id.index()]);
                let part_mw = average * ai_share * share;
                mw += part_mw;
                abroad += part_mw * foreign_share(a, part.customers);
            }
            let delivery = delivery(a, cohort.status);
            let online_year = f64::from(cohort.year) + delivery.delay_years;
            let (mw, abroad) = (mw * delivery.completion, abroad * delivery.completion);
            // Indices, not `years()`: an inclusive range costs a check per step in this,
            // the model's innermost loop.
            for year in 0..YEAR_COUNT {
                let in_service = online_fraction(FIRST_YEAR + year as u16, online_year);
                supply[year] += mw * in_service;
                foreign[year] += abroad * in_service;
            }
        }
        (supply, foreign)
    }
}

/// Supply ÷ demand, capped at [`MAX_COVERAGE_RATIO`]; a year without demand is fully covered.
pub fn coverage_ratio(supply: f64, demand: f64) -> f64 {
    if demand > 0.0 {
        (supply / demand).min(MAX_COVERAGE_RATIO)
    } else {
        MAX_COVERAGE_RATIO
    }
}
