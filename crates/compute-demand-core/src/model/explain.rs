//! A figure explained: the chain of steps from the assumptions to it, at one set of values
//! (the app uses the scenario's medians), each with its number and the parameters it uses.
//!
//! The numbers are the model's own: every step that is a metric is read from
//! [`Model::project`], and the others (IT power, nameplate, expected capacity, demand on the
//! country's sites) from the same functions the model calls, so the chain cannot drift from the answer
//! (`explained_figures_are_the_models` holds it to that).

use crate::data::{key, ParamGroup, ParamId, PARAMS};
use crate::metric::{Metric, Unit};
use crate::model::assumptions::{Assumptions, ForeignDemand, ParamValues};
use crate::model::supply::Accounting;
use crate::model::{Model, YearFigures};
use crate::FIRST_YEAR;

keyed! {
    /// One step of a chain: what its number is.
    pub enum StepId {
        Flop = "flop",
        H100e = "h100e",
        Gpus = "gpus",
        ItPower = "it_power",
        FacilityPower = "facility_power",
        Energy = "energy",
        Cost = "cost",
        Co2 = "co2",
        CloudRental = "cloud_rental",
        Owned = "owned",
        Floor = "floor",
        EuAiAdded = "eu_ai_added",
        ForeignPower = "foreign_power",
        Nameplate = "nameplate",
        Expected = "expected",
        SupplyPower = "supply_power",
        SupplyH100e = "supply_h100e",
        OnSites = "on_sites",
        Coverage = "coverage",
        Exceeds = "exceeds",
    }
}

/// One step: its number at the values explained, its unit, and the parameters it brings in.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub id: StepId,
    pub value: f64,
    pub unit: Unit,
    pub params: Vec<ParamId>,
}

/// The part of the demand a chain follows: all of it, or training or inference alone.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    All,
    Training,
    Inference,
}

/// The chain that leads to `metric` in `year`, at `values`.
pub fn explain(model: &Model, values: &ParamValues, metric: Metric, year: u16) -> Vec<Step> {
    let chain = Chain {
        figures: model.project(values)[usize::from(year - FIRST_YEAR)],
        a: Assumptions::read(values),
        model,
        values,
        year,
    };
    let f = &chain.figures;
    let then = |mut steps: Vec<Step>, more: Vec<Step>| {
        steps.extend(more);
        steps
    };
    match metric {
        Metric::FrontierGpusH100e
        | Metric::PoolsideGpusH100e
        | Metric::StartupsGpusH100e
        | Metric::ResearchGpusH100e
        | Metric::ConsumerGpusH100e
        | Metric::EnterpriseGpusH100e
        | Metric::AbroadGpusH100e => chain.segment(metric),
        Metric::OwnedGpusH100e => up_to(chain.floor(), StepId::Owned),
        Metric::CommittedGpusH100e => chain.floor(),
        Metric::EcosystemGpusH100e => {
            let value = f[Metric::EcosystemGpusH100e];
            let mut params = flop_params(Part::All);
            params.retain(|&id| !id.spec().key.contains("site_share"));
            params.extend([
                key::HARDWARE_TRAINING_MFU,
                key::HARDWARE_SERVING_UTILIZATION,
            ]);
            vec![step(StepId::H100e, value, Unit::Gpus, params)]
        }
        Metric::CoverageRatioDomestic => {
            let value = f[Metric::CoverageRatioDomestic];
            let coverage = step(StepId::Coverage, value, Unit::Ratio, vec![]);
            let demand = f[Metric::FacilityPowerMw];
            let demand = step(StepId::FacilityPower, demand, Unit::Megawatts, vec![]);
            then(chain.supply(StepId::SupplyPower), vec![demand, coverage])
        }
        Metric::TrainingFlop | Metric::TrainingGpusH100e => {
            chain.demand(Part::Training, StepId::H100e)
        }
        Metric::InferenceFlop | Metric::InferenceGpusH100e => {
            chain.demand(Part::Inference, StepId::H100e)
        }
        Metric::GpusH100e => chain.demand(Part::All, StepId::H100e),
        Metric::GpusUnits => chain.demand(Part::All, StepId::Gpus),
        Metric::FacilityPowerMw => chain.demand(Part::All, StepId::FacilityPower),
        Metric::EnergyGwh => then(
            chain.demand(Part::All, StepId::FacilityPower),
            vec![chain.energy()],
        ),
        Metric::CostEur => {
            let cost = step(StepId::Cost, f[Metric::CostEur], Unit::Euros, COST.to_vec());
            then(
                chain.demand(Part::All, StepId::FacilityPower),
                vec![chain.energy(), cost],
            )
        }
        Metric::Co2Tonnes => {
            let grid = vec![key::FACILITY_GRID_GCO2_PER_KWH];
            let co2 = step(StepId::Co2, f[Metric::Co2Tonnes], Unit::TonnesCo2, grid);
            then(
                chain.demand(Part::All, StepId::FacilityPower),
                vec![chain.energy(), co2],
            )
        }
        Metric::CloudRentalEur => {
            let rent = vec![
                key::FACILITY_CLOUD_USD_PER_H100_HOUR,
                key::HARDWARE_USD_TO_EUR,
            ];
            let value = f[Metric::CloudRentalEur];
            let rental = step(StepId::CloudRental, value, Unit::Euros, rent);
            then(chain.demand(Part::All, StepId::H100e), vec![rental])
        }
        Metric::ForeignPowerMw | Metric::ForeignGpusH100e => chain.foreign(),
        Metric::SupplyPowerMw => chain.supply(StepId::SupplyPower),
        Metric::SupplyGpusH100e => chain.supply(StepId::SupplyH100e),
        Metric::SitesEnergyGwh => {
            let energy = f[Metric::SitesEnergyGwh];
            let energy = step(StepId::Energy, energy, Unit::Gigawatthours, vec![]);
            then(chain.foreign(), vec![chain.on_sites(), energy])
        }
        Metric::CoverageRatio => {
            let coverage = step(
                StepId::Coverage,
                f[Metric::CoverageRatio],
                Unit::Ratio,
                vec![],
            );
            then(
                chain.supply(StepId::SupplyPower),
                vec![chain.on_sites(), coverage],
            )
        }
        Metric::DemandExceedsSupply => {
            let value = f[Metric::DemandExceedsSupply];
            let exceeds = step(StepId::Exceeds, value, Unit::Probability, vec![]);
            then(
                chain.supply(StepId::SupplyPower),
                vec![chain.on_sites(), exceeds],
            )
        }
    }
}

const COST: [ParamId; 6] = [
    key::HARDWARE_USD_TO_EUR,
    key::HARDWARE_CLUSTER_CAPEX_MULTIPLIER,
    key::HARDWARE_GPU_DEPRECIATION_YEARS,
    key::FACILITY_CAPEX_MEUR_PER_MW,
    key::FACILITY_DEPRECIATION_YEARS,
    key::FACILITY_ELECTRICITY_EUR_PER_MWH,
];

fn step(id: StepId, value: f64, unit: Unit, params: Vec<ParamId>) -> Step {
    Step {
        id,
        value,
        unit,
        params,
    }
}

/// `steps` up to and including the step `upto`.
fn up_to(steps: Vec<Step>, upto: StepId) -> Vec<Step> {
    let end = steps.iter().position(|s| s.id == upto).map_or(0, |i| i + 1);
    steps.into_iter().take(end).collect()
}

/// One metric-year's figures at one set of values, and what it takes to explain them.
struct Chain<'a> {
    figures: YearFigures,
    a: Assumptions,
    model: &'a Model,
    values: &'a ParamValues,
    year: u16,
}

impl Chain<'_> {
    /// A segment's H100-equivalents, with its own parameters (`frontier_gpus_h100e` →
    /// `training.frontier.*`).
    fn segment(&self, segment: Metric) -> Vec<Step> {
        let name = segment.key().trim_end_matches("_gpus_h100e");
        let own = PARAMS
            .iter()
            .filter(|spec| spec.key.split('.').nth(1) == Some(name))
            .map(|spec| spec.id)
            .collect();
        vec![step(StepId::H100e, self.figures[segment], Unit::Gpus, own)]
    }

    /// FLOP → H100-equivalents → GPUs → IT power → facility power, up to `upto`.
    fn demand(&self, part: Part, upto: StepId) -> Vec<Step> {
        let f = &self.figures;
        let (flop, h100e) = match part {
            Part::All => (
                f[Metric::TrainingFlop] + f[Metric::InferenceFlop],
                f[Metric::GpusH100e],
            ),
            Part::Training => (f[Metric::TrainingFlop], f[Metric::TrainingGpusH100e]),
            Part::Inference => (f[Metric::InferenceFlop], f[Metric::InferenceGpusH100e]),
        };
        let facility = f[Metric::FacilityPowerMw];
        let floor = match part {
            Part::Inference => 0.0,
            Part::All | Part::Training => f[Metric::CommittedGpusH100e],
        };
        let mut steps = vec![
            step(StepId::Flop, flop, Unit::Flop, flop_params(part)),
            step(
                StepId::Floor,
                floor,
                Unit::Gpus,
                vec![key::SUPPLY_COMMITTED_FRENCH_SHARE],
            ),
            step(
                StepId::H100e,
                h100e,
                Unit::Gpus,
                vec![
                    key::HARDWARE_TRAINING_MFU,
                    key::HARDWARE_TRAINING_BUSY_SHARE,
                    key::HARDWARE_SERVING_UTILIZATION,
                ],
            ),
            step(
                StepId::Gpus,
                f[Metric::GpusUnits],
                Unit::Gpus,
                vec![
                    key::HARDWARE_FLEET_LAG_YEARS,
                    key::HARDWARE_LOW_PRECISION_SERVING_SHARE,
                ],
            ),
            step(
                StepId::ItPower,
                facility / self.a.chain.pue,
                Unit::Megawatts,
                vec![
                    key::HARDWARE_SERVER_OVERHEAD_SCALE,
                    key::HARDWARE_AVERAGE_LOAD,
                ],
            ),
            step(
                StepId::FacilityPower,
                facility,
                Unit::Megawatts,
                vec![key::FACILITY_PUE],
            ),
        ];
        if part == Part::Inference {
            // The own clusters' use beyond the estimates is counted as training.
            steps.remove(1);
        }
        up_to(steps, upto)
    }

    /// The labs' and research's own clusters in service, and their use beyond what the
    /// segments estimate.
    fn floor(&self) -> Vec<Step> {
        let f = &self.figures;
        vec![
            step(StepId::Owned, f[Metric::OwnedGpusH100e], Unit::Gpus, vec![]),
            step(
                StepId::Floor,
                f[Metric::CommittedGpusH100e],
                Unit::Gpus,
                vec![key::SUPPLY_COMMITTED_FRENCH_SHARE],
            ),
        ]
    }

    fn energy(&self) -> Step {
        let energy = self.figures[Metric::EnergyGwh];
        step(StepId::Energy, energy, Unit::Gigawatthours, vec![])
    }

    /// Nameplate → expected once built → in service → H100-equivalents, up to `upto`.
    fn supply(&self, upto: StepId) -> Vec<Step> {
        let (nameplate, expected) = register_mw(self.model, self.values, self.year);
        let odds = vec![
            key::SUPPLY_FINANCED_COMPLETION,
            key::SUPPLY_ANNOUNCED_COMPLETION,
            key::SUPPLY_GENAI_SHARE,
            key::SUPPLY_AMAZON_CLOUD_SHARE,
            key::HARDWARE_AVERAGE_LOAD,
        ];
        let delays = vec![
            key::SUPPLY_FINANCED_DELAY_YEARS,
            key::SUPPLY_ANNOUNCED_DELAY_YEARS,
        ];
        let f = &self.figures;
        let steps = vec![
            step(StepId::Nameplate, nameplate, Unit::Megawatts, vec![]),
            step(StepId::Expected, expected, Unit::Megawatts, odds),
            step(
                StepId::SupplyPower,
                f[Metric::SupplyPowerMw],
                Unit::Megawatts,
                delays,
            ),
            step(
                StepId::SupplyH100e,
                f[Metric::SupplyGpusH100e],
                Unit::Gpus,
                vec![key::HARDWARE_FLEET_LAG_YEARS, key::FACILITY_PUE],
            ),
        ];
        up_to(steps, upto)
    }

    /// Demand from abroad on the country's sites: the EU's AI load added since 2024, and the
    /// country's part of it.
    fn foreign(&self) -> Vec<Step> {
        let foreign = &self.a.foreign;
        // The EU's added load is the country's part at a share of 1, compounded as the model does.
        let t = self.year - FIRST_YEAR;
        let growth = (0..t).fold(1.0, |g, _| g * foreign.eu_ai_growth);
        let added_mw = ForeignDemand {
            site_share: 1.0,
            ..*foreign
        }
        .power_mw(growth);
        vec![
            step(
                StepId::EuAiAdded,
                added_mw,
                Unit::Megawatts,
                vec![key::FOREIGN_EU_AI_TWH, key::FOREIGN_EU_AI_GROWTH],
            ),
            step(
                StepId::ForeignPower,
                self.figures[Metric::ForeignPowerMw],
                Unit::Megawatts,
                vec![key::FOREIGN_FRANCE_SHARE],
            ),
        ]
    }

    /// The country's ecosystem's demand and the demand from abroad, on its sites.
    fn on_sites(&self) -> Step {
        let f = &self.figures;
        let on_sites = f[Metric::FacilityPowerMw] + f[Metric::ForeignPowerMw];
        step(StepId::OnSites, on_sites, Unit::Megawatts, vec![])
    }
}

/// The register's capacity announced to enter service by `year` (tranches of that year or
/// before), MW: its nameplate (peak site power), and what is expected of it once built —
/// after the odds of being built, the AI share of general sites and Amazon's cloud share,
/// at average load — before delays.
pub fn register_mw(model: &Model, values: &ParamValues, year: u16) -> (f64, f64) {
    let accounting = Accounting::new(values, &model.fleet);
    let mut nameplate = 0.0;
    let mut expected = 0.0;
    for tranche in model.tranches.iter().filter(|t| t.tranche.year <= year) {
        let account = accounting.of(tranche);
        nameplate += account.nameplate_mw;
        expected += account.expected_mw;
    }
    (nameplate, expected)
}

/// The parameters behind the FLOP of a part of the demand: its segments' own.
fn flop_params(part: Part) -> Vec<ParamId> {
    PARAMS
        .iter()
        .filter(|spec| match part {
            Part::All => matches!(spec.group, ParamGroup::Training | ParamGroup::Inference),
            Part::Training => spec.group == ParamGroup::Training,
            Part::Inference => spec.group == ParamGroup::Inference,
        })
        .map(|spec| spec.id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::scenario::Scenario;
    use crate::years;

    /// Every chain ends on the model's own figure, and the steps in between are the model's
    /// where they are metrics.
    #[test]
    fn explained_figures_are_the_models() {
        let scenario = Scenario::default();
        let (model, values) = (scenario.model(), scenario.medians());
        for year in years() {
            let figures = model.project(&values)[usize::from(year - FIRST_YEAR)];
            for metric in Metric::ALL {
                let steps = explain(&model, &values, metric, year);
                assert!(!steps.is_empty(), "{}", metric.key());
                assert!(
                    steps.iter().all(|s| s.value.is_finite()),
                    "{}",
                    metric.key()
                );
                let last = steps.last().unwrap().value;
                let expected = match metric {
                    Metric::TrainingFlop | Metric::InferenceFlop | Metric::ForeignGpusH100e => {
                        continue
                    }
                    metric => figures[metric],
                };
                assert_eq!(last, expected, "{} {year}", metric.key());
            }
        }
    }

    /// The chain's shape: (metric, step ids in order).
    #[test]
    fn chains_run_from_the_assumptions_to_the_figure() {
        use StepId::*;
        let table: &[(Metric, &[StepId])] = &[
            (Metric::GpusH100e, &[Flop, Floor, H100e]),
            (
                Metric::FacilityPowerMw,
                &[Flop, Floor, H100e, Gpus, ItPower, FacilityPower],
            ),
            (
                Metric::Co2Tonnes,
                &[
                    Flop,
                    Floor,
                    H100e,
                    Gpus,
                    ItPower,
                    FacilityPower,
                    Energy,
                    Co2,
                ],
            ),
            (Metric::InferenceGpusH100e, &[Flop, H100e]),
            (Metric::CommittedGpusH100e, &[Owned, Floor]),
            (Metric::ForeignPowerMw, &[EuAiAdded, ForeignPower]),
            (
                Metric::CoverageRatioDomestic,
                &[Nameplate, Expected, SupplyPower, FacilityPower, Coverage],
            ),
            (
                Metric::SupplyGpusH100e,
                &[Nameplate, Expected, SupplyPower, SupplyH100e],
            ),
            (
                Metric::CoverageRatio,
                &[Nameplate, Expected, SupplyPower, OnSites, Coverage],
            ),
        ];
        let scenario = Scenario::default();
        let (model, values) = (scenario.model(), scenario.medians());
        for &(metric, expected) in table {
            let got: Vec<StepId> = explain(&model, &values, metric, 2030)
                .iter()
                .map(|s| s.id)
                .collect();
            assert_eq!(got, expected, "{}", metric.key());
        }
        // IT power × PUE is the facility power; the register's nameplate is at least what is
        // expected of it, and that at least what is in service.
        let steps = explain(&model, &values, Metric::FacilityPowerMw, 2030);
        let pue = values[key::FACILITY_PUE.index()];
        assert!((steps[4].value * pue / steps[5].value - 1.0).abs() < 1e-12);
        let supply = explain(&model, &values, Metric::SupplyPowerMw, 2030);
        assert!(supply[0].value >= supply[1].value && supply[1].value >= supply[2].value);
        assert!(supply[2].value > 0.0);
    }
}
