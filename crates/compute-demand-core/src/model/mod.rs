//! The ecosystem model. For each year 2024–2030: demand by segment (FLOP) → H100-equivalents,
//! held at least at the use of the domestic labs' and research's own clusters → physical GPUs of
//! that year's fleet → facility power → energy, cost and carbon; demand from abroad from the
//! EU's AI load; and the supply projects → power → H100-equivalents → coverage, of all demand
//! on the country's sites and of its own ecosystem's demand alone. A country pack gives the
//! values (`data/countries/<code>/`); nothing here names a country.

pub mod assumptions;
pub mod estimate;
pub mod explain;
pub mod fleet;
pub mod supply;

use crate::data::h100;
use crate::data::{Capacity, CapexScope, Commitment, ParamId, Status, GPUS};
use crate::metric::{ByMetric, Metric, METRIC_COUNT};
use crate::model::assumptions::{
    Assumptions, HoursSegment, ParamValues, RunSegment, ServingSegment,
};
use crate::model::estimate::{
    co2_tonnes, inference_flop, training_flop, HOURS_PER_YEAR, SECONDS_PER_YEAR,
};
use crate::model::fleet::{Fleet, FleetUnit};
use crate::model::supply::{
    all_tranches, delivery, online_fraction, CustomProject, PowerPerUnit, SupplyTranche,
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
    /// The H100 SXM, the unit of H100-equivalents, as a fleet of one.
    h100: FleetUnit,
    tranches: Vec<SupplyTranche>,
    /// The tranches again, summed by cohort: what a draw's supply is computed from.
    cohorts: Vec<Cohort>,
}

/// Tranches online together (same announced year, start and status), their capacities summed
/// by what converts them to power and what scales them: a draw's supply then costs a few
/// operations per cohort, not per tranche.
#[derive(Clone, Debug)]
struct Cohort {
    year: u16,
    start: f64,
    status: Status,
    /// When its tranches leave service; `f64::INFINITY` when they stay.
    retired_year: f64,
    /// The share of each year after they left service, for a cohort that leaves: fixed by the
    /// register, not drawn, so it is worked out once here and not in every draw.
    /// Boxed: most cohorts stay, and the per-draw loop walks every cohort.
    retired_share: Option<Box<[f64; YEAR_COUNT]>>,
    parts: Vec<CohortPart>,
}

/// The capacity of a cohort's tranches that share how they are scaled: whether their site
/// is all AI, a share parameter of their own, and who owns them when the floor counts them.
#[derive(Clone, Debug)]
struct CohortPart {
    dedicated: bool,
    share_param: Option<ParamId>,
    committed: Option<Commitment>,
    /// Owned capacity given in GPUs counts its H100-equivalents from the GPUs; any other is
    /// refilled with the year's fleet, as supply is.
    gpu_given: bool,
    /// Site power (peak), MW; GPUs' catalog IT power, W; euros all-in; euros of facility.
    site_mw: f64,
    gpu_it_w: f64,
    eur_all_in: f64,
    eur_facility: f64,
    /// The GPUs' H100-equivalents (BF16 peak ÷ the H100's), for owned GPU tranches.
    gpu_h100e: f64,
}

impl Cohort {
    /// The cohorts of `tranches` announced by the last year shown.
    fn of(tranches: &[SupplyTranche]) -> Vec<Cohort> {
        let h100_bf16 = h100().bf16_flop_per_s();
        let mut cohorts: Vec<Cohort> = Vec::new();
        for t in tranches
            .iter()
            .filter(|t| t.tranche.year <= crate::LAST_YEAR)
        {
            let (year, start, status) = (t.tranche.year, t.start, t.tranche.status);
            let retired_year = t.retired.unwrap_or(f64::INFINITY);
            let at = match cohorts.iter().position(|c| {
                c.year == year
                    && c.start == start
                    && c.status == status
                    && c.retired_year == retired_year
            }) {
                Some(at) => at,
                None => {
                    let retired_share = retired_year.is_finite().then(|| {
                        Box::new(std::array::from_fn(|i| {
                            online_fraction(FIRST_YEAR + i as u16, retired_year)
                        }))
                    });
                    cohorts.push(Cohort {
                        year,
                        start,
                        status,
                        retired_year,
                        retired_share,
                        parts: Vec::new(),
                    });
                    cohorts.len() - 1
                }
            };
            let gpus = match t.tranche.capacity {
                Capacity::Gpus { count, gpu } => Some((count, gpu)),
                _ => None,
            };
            let gpu_given = t.committed.is_some() && gpus.is_some();
            let parts = &mut cohorts[at].parts;
            let scaled = (t.dedicated, t.share_param, t.committed, gpu_given);
            let part = match parts
                .iter()
                .position(|p| (p.dedicated, p.share_param, p.committed, p.gpu_given) == scaled)
            {
                Some(at) => &mut parts[at],
                None => {
                    parts.push(CohortPart {
                        dedicated: t.dedicated,
                        share_param: t.share_param,
                        committed: t.committed,
                        gpu_given,
                        site_mw: 0.0,
                        gpu_it_w: 0.0,
                        eur_all_in: 0.0,
                        eur_facility: 0.0,
                        gpu_h100e: 0.0,
                    });
                    parts.last_mut().expect("pushed")
                }
            };
            if let (true, Some((count, gpu))) = (gpu_given, gpus) {
                part.gpu_h100e += count * GPUS[gpu].bf16_flop_per_s() / h100_bf16;
            }
            match t.power_capacity() {
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

/// A draw's supply by year: the expected AI power in service, and what of it the domestic
/// labs and research own, by [`Commitment`] (indexed as `Commitment::ALL`).
struct SupplyByYear {
    power_mw: [f64; YEAR_COUNT],
    /// Owned capacity given in GPUs, H100e.
    owned_gpu_h100e: [[f64; YEAR_COUNT]; Commitment::COUNT],
    /// Owned capacity given otherwise, average MW, refilled with the year's fleet.
    owned_refill_mw: [[f64; YEAR_COUNT]; Commitment::COUNT],
}

impl Default for Model {
    fn default() -> Model {
        Model::new(crate::data::Country::first().projects, &[], &[])
    }
}

impl Model {
    /// The model with a pack's `register` but the projects `excluded` (indices into it), and
    /// `custom` ones added.
    pub fn new(
        register: &'static [crate::data::Project],
        custom: &[CustomProject],
        excluded: &[usize],
    ) -> Model {
        let tranches = all_tranches(register, custom, excluded);
        Model {
            fleet: Fleet::from_data(),
            h100: FleetUnit::of_gpu(h100()),
            cohorts: Cohort::of(&tranches),
            tranches,
        }
    }

    pub fn project(&self, values: &ParamValues) -> Projection {
        let mut projection = [ByMetric([0.0; METRIC_COUNT]); YEAR_COUNT];
        self.project_into(values, &mut projection);
        projection
    }

    // Index loops on purpose: at opt-level "z" (the web bundle's) iterator adapters here stay
    // calls per figure.
    #[allow(clippy::needless_range_loop)]
    pub fn project_into<F: Figures>(&self, values: &ParamValues, out: &mut F) {
        let a = Assumptions::read(values);
        let h100 = self.h100.bf16_flop_per_s;
        // One H100-equivalent is one H100 SXM doing the same work: training at its BF16 peak,
        // serving at the served mix of 8 and 16 bits, as every fleet serves.
        let h100_serving = self.h100.serving_flop_per_s(a.low_precision_share);
        // What one H100-equivalent delivers in a year, training and serving. A training cluster
        // is held all year but busy only part of it.
        let training_h100e_year = h100 * a.training_mfu * a.training_busy_share * SECONDS_PER_YEAR;
        let serving_h100e_year = h100_serving * a.serving_utilization * SECONDS_PER_YEAR;

        // Base-year FLOP per year wherever it is sited; the country's share of each year applies
        // in the loop below.
        let runs = |s: &RunSegment| {
            s.runs_per_year * training_flop(s.active_params, s.tokens) * a.experiment_overhead
        };
        let hours = |s: &HoursSegment| s.h100_hours_per_year * 3_600.0 * h100 * a.training_mfu;
        let serving = |s: &ServingSegment| {
            s.users * s.tokens_per_user_day * DAYS_PER_YEAR * inference_flop(s.active_params, 1.0)
        };
        // The estimated segments, in Metric::SEGMENTS order (the floor's part comes last).
        const ESTIMATED: usize = 7;
        const TRAINING_SEGMENTS: usize = 4;
        const FRONTIER: usize = 0;
        const POOLSIDE: usize = 1;
        const RESEARCH: usize = 3;
        const ABROAD: usize = 6;
        let base_flop: [f64; ESTIMATED] = [
            runs(&a.frontier),
            runs(&a.hub_lab),
            hours(&a.startups),
            hours(&a.research),
            serving(&a.consumer),
            serving(&a.enterprise),
            serving(&a.abroad),
        ];
        let site_share = [
            a.frontier.site_share,
            a.hub_lab.site_share,
            a.startups.site_share,
            a.research.site_share,
            a.consumer.site_share,
            a.enterprise.site_share,
            a.abroad.site_share,
        ];
        let growth = [
            a.frontier.growth,
            a.hub_lab.growth,
            a.startups.growth,
            a.research.growth,
            a.consumer.growth,
            a.enterprise.growth,
            a.abroad.growth,
        ];

        let fleet = self.fleet.by_year(a.fleet_lag_years);
        let supply = self.supply_by_year(&a, values, &fleet);
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
        let mut growth_factor = [1.0; ESTIMATED];
        let mut eu_ai_growth = 1.0;
        for year in 0..YEAR_COUNT {
            let calendar_year = FIRST_YEAR + year as u16;
            let unit = fleet[year];
            let h100e_per_unit = unit.bf16_flop_per_s / h100;
            let serving_units_per_h100e =
                h100_serving / unit.serving_flop_per_s(a.low_precision_share);
            let unit_average_w = chain.facility_average_w(unit.it_w);
            let mut training_flop_year = 0.0;
            let mut inference_flop_year = 0.0;
            let mut inference_h100e = 0.0;
            let mut all_sites_h100e = 0.0;
            // The estimated demand on the country's sites that runs on the own clusters: the labs'
            // training and their users abroad on the labs' (frontier, hub lab, abroad),
            // research on research's. Startups, consumers and enterprises are served mostly
            // elsewhere (in France: Scaleway, OVHcloud, hyperscalers' French regions), so they do
            // not fill the floor.
            // Held on the own clusters, training and serving apart; the rest of training.
            let mut held_training = [0.0; Commitment::COUNT];
            let mut held_serving = [0.0; Commitment::COUNT];
            let mut other_training = 0.0;
            let mut other_serving = 0.0;
            // An index loop and direct `out.set` calls: at opt-level "z" (the web bundle's),
            // an iterator adapter or a closure here stays a call per figure.
            for segment in 0..ESTIMATED {
                let everywhere = base_flop[segment] * growth_factor[segment];
                let flop = everywhere * site_share[segment].at(calendar_year);
                let per_h100e = if segment < TRAINING_SEGMENTS {
                    training_flop_year += flop;
                    per_training_h100e
                } else {
                    inference_flop_year += flop;
                    per_serving_h100e
                };
                let h100e = flop * per_h100e;
                if segment >= TRAINING_SEGMENTS {
                    inference_h100e += h100e;
                }
                all_sites_h100e += everywhere * per_h100e;
                match segment {
                    FRONTIER | POOLSIDE => held_training[Commitment::Labs as usize] += h100e,
                    ABROAD => held_serving[Commitment::Labs as usize] += h100e,
                    RESEARCH => held_training[Commitment::Research as usize] += h100e,
                    _ if segment < TRAINING_SEGMENTS => other_training += h100e,
                    _ => other_serving += h100e,
                }
                out.set(year, Metric::SEGMENTS[segment], h100e);
                growth_factor[segment] *= growth[segment];
            }

            // The floor: of the own clusters in service, the share held for the country's ecosystem
            // is its demand at least; what the segments leave of it is counted as training
            // (GPUs at their BF16 peak, as `owned_gpus_h100e` is). Training is summed from
            // max(held training, floor − held serving), not from held plus the difference, so
            // that more estimated demand can never lower a figure by a rounding.
            // The total is summed from max(held, floor) for the same reason: moving demand
            // between the held serving and the floor's remainder must not lower it by a rounding
            // (more users abroad fill the floor that training had filled). Physical GPUs too:
            // per holder the more of the held parts' GPUs (training at the fleet's BF16 peak,
            // serving at the served mix) and the floor's (at BF16, as it is counted), so that
            // serving that displaces training inside the floor never lowers them.
            let mut owned_h100e = 0.0;
            let mut committed_h100e = 0.0;
            let mut training_h100e = other_training;
            let mut gpus_h100e = other_training + other_serving;
            let mut units =
                other_training / h100e_per_unit + other_serving * serving_units_per_h100e;
            for holder in 0..Commitment::COUNT {
                let owned = supply.owned_gpu_h100e[holder][year]
                    + supply.owned_refill_mw[holder][year] * 1e6 / unit_average_w * h100e_per_unit;
                owned_h100e += owned;
                let floor = a.supply.committed_domestic_share * owned;
                let held = held_training[holder] + held_serving[holder];
                training_h100e += held_training[holder].max(floor - held_serving[holder]);
                gpus_h100e += held.max(floor);
                let held_units = held_training[holder] / h100e_per_unit
                    + held_serving[holder] * serving_units_per_h100e;
                units += held_units.max(floor / h100e_per_unit);
                if floor > held {
                    committed_h100e += floor - held;
                }
            }
            all_sites_h100e += committed_h100e;
            out.set(year, Metric::CommittedGpusH100e, committed_h100e);

            let facility_power_mw = units * unit_average_w / 1e6;
            let energy_gwh = facility_power_mw * HOURS_PER_YEAR / 1e3;
            let it_peak_mw = units * chain.it_peak_w(unit.it_w) / 1e6;
            let gpu_capex_per_year = units * unit.price_usd * gpu_capex_per_usd_year;
            let facility_capex_per_year = it_peak_mw * facility_capex_per_mw_year;
            let electricity = energy_gwh * 1e3 * money.electricity_eur_per_mwh;

            let supply_power_mw = supply.power_mw[year];
            // Supply is a power envelope filled with that year's fleet.
            let supply_units = supply_power_mw * 1e6 / unit_average_w;

            // Demand from abroad on the country's sites: its part of the EU's AI load added
            // since 2024, from the demand side (not from its supply).
            let foreign_power_mw = a.foreign.power_mw(eu_ai_growth);
            eu_ai_growth *= a.foreign.eu_ai_growth;
            let foreign_h100e = foreign_power_mw * 1e6 / unit_average_w * h100e_per_unit;
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
            out.set(year, Metric::ForeignGpusH100e, foreign_h100e);
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
            out.set(
                year,
                Metric::CoverageRatioDomestic,
                coverage_ratio(supply_power_mw, facility_power_mw),
            );
            out.set(year, Metric::DemandExceedsSupply, exceeds);
            out.set(year, Metric::OwnedGpusH100e, owned_h100e);
            out.set(year, Metric::EcosystemGpusH100e, all_sites_h100e);
        }
    }

    /// Expected AI facility power in service in each year, over every tranche after its odds,
    /// delay and site share, and the part of it the labs and research own. (What
    /// [`supply::SupplyTranche::expected_ai_mw`] gives each tranche, summed by cohort.)
    fn supply_by_year(
        &self,
        a: &Assumptions,
        values: &ParamValues,
        fleet: &[FleetUnit; YEAR_COUNT],
    ) -> SupplyByYear {
        let per = PowerPerUnit::of(a);
        let mut supply = SupplyByYear {
            power_mw: [0.0; YEAR_COUNT],
            owned_gpu_h100e: [[0.0; YEAR_COUNT]; Commitment::COUNT],
            owned_refill_mw: [[0.0; YEAR_COUNT]; Commitment::COUNT],
        };
        for cohort in &self.cohorts {
            // What euros buy is the fleet of the announced year.
            let bought = fleet[usize::from(cohort.year - FIRST_YEAR)];
            let per_eur_all_in = PowerPerUnit::eur_all_in(a, bought);
            let delivery = delivery(a, cohort.status);
            let online_year = f64::from(cohort.year) + cohort.start + delivery.delay_years;
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
                let weight = ai_share * share * delivery.completion;
                let part_mw = average * weight;
                // Indices, not `years()`: an inclusive range costs a check per step in this,
                // the model's innermost loop.
                for year in 0..YEAR_COUNT {
                    let mut in_service = online_fraction(FIRST_YEAR + year as u16, online_year);
                    if let Some(retired) = &cohort.retired_share {
                        // As `supply::in_service_fraction`, with the retired part worked out.
                        in_service = (in_service - retired[year]).max(0.0);
                    }
                    supply.power_mw[year] += part_mw * in_service;
                    if let Some(holder) = part.committed {
                        let holder = holder as usize;
                        if part.gpu_given {
                            supply.owned_gpu_h100e[holder][year] +=
                                part.gpu_h100e * weight * in_service;
                        } else {
                            supply.owned_refill_mw[holder][year] += part_mw * in_service;
                        }
                    }
                }
            }
        }
        supply
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
