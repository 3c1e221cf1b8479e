//! Supply: the register's tranches and the users' own, turned into average facility power per
//! year — after each tranche's odds of being built, its delay, and the AI share of its site —
//! and the part of it the domestic labs and research own (the floor of their demand).

use crate::data::{Capacity, CapexScope, Commitment, ParamId, Project, Status, Tranche};
use crate::model::assumptions::{Assumptions, Delivery, ParamValues};
use crate::model::fleet::{Fleet, FleetUnit};

/// A project a user adds to a scenario: one tranche, like a line of `data/countries/fr/supply.toml`,
/// online from the start of its year and owned by no one the floor counts.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomProject {
    pub name: String,
    pub tranche: Tranche,
    pub dedicated: bool,
}

/// A tranche of any project, built-in or custom, with what scales it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SupplyTranche {
    pub tranche: Tranche,
    /// The part of its year before it enters service.
    pub start: f64,
    /// Site power reported for a GPU tranche, MW (peak): its power comes from this.
    pub site_mw: Option<f64>,
    pub dedicated: bool,
    pub committed: Option<Commitment>,
    pub share_param: Option<ParamId>,
    /// The year (fractional) it leaves service, if it does.
    pub retired: Option<f64>,
}

/// Every tranche of the `register`'s projects but the `excluded` ones (indices into it),
/// followed by the custom ones.
pub(crate) fn all_tranches(
    register: &'static [Project],
    custom: &[CustomProject],
    excluded: &[usize],
) -> Vec<SupplyTranche> {
    let included = register
        .iter()
        .enumerate()
        .filter(|(index, _)| !excluded.contains(index))
        .map(|(_, project)| project);
    let built_in = included.flat_map(|project| {
        project
            .tranches
            .iter()
            .map(|sourced| SupplyTranche::of(project, sourced))
    });
    let added = custom.iter().map(|project| SupplyTranche {
        tranche: project.tranche,
        start: 0.0,
        site_mw: None,
        dedicated: project.dedicated,
        committed: None,
        share_param: None,
        retired: None,
    });
    built_in.chain(added).collect()
}

/// What is known of tranches of `status`: built ones are there, on time.
pub fn delivery(a: &Assumptions, status: Status) -> Delivery {
    match status {
        Status::Built => Delivery {
            completion: 1.0,
            delay_years: 0.0,
        },
        Status::Financed => a.supply.financed,
        Status::Announced => a.supply.announced,
    }
}

/// The share of `year` that a tranche online from `online_year` (fractional) is in service:
/// 0 before, 1 from the year after, the rest of the year in between.
#[inline(always)]
pub fn online_fraction(year: u16, online_year: f64) -> f64 {
    (f64::from(year) - online_year + 1.0).clamp(0.0, 1.0)
}

/// The share of `year` a tranche is in service: from `online_year` until `retired_year`
/// (`f64::INFINITY` when it stays), never below 0 (a tranche delayed past its retirement).
pub fn in_service_fraction(year: u16, online_year: f64, retired_year: f64) -> f64 {
    (online_fraction(year, online_year) - online_fraction(year, retired_year)).max(0.0)
}

/// Average facility power per unit of each kind of capacity, MW: one formula for a tranche's
/// account (`average_mw`) and the model's supply (`Model::supply_average_mw`, which sums
/// capacities of one kind before multiplying).
#[derive(Clone, Copy, Debug)]
pub struct PowerPerUnit {
    /// Per MW of announced site capacity: peak facility power, while the model compares
    /// averages.
    pub site_mw: f64,
    /// Per watt of GPUs' catalog IT power.
    pub gpu_it_w: f64,
    /// Per euro of facility capex (IT MW at the capex per MW, then its average at the PUE).
    pub eur_of_facility: f64,
}

impl PowerPerUnit {
    #[inline(always)]
    pub fn of(a: &Assumptions) -> PowerPerUnit {
        let chain = &a.chain;
        PowerPerUnit {
            site_mw: chain.average_load,
            gpu_it_w: chain.facility_average_w(1.0) / 1e6,
            eur_of_facility: chain.average_load * chain.pue / a.money.facility_capex_eur_per_mw,
        }
    }

    /// Per euro spent all in (GPUs, servers, facility), on the fleet `bought`: what euros buy
    /// in the tranche's announced year.
    #[inline(always)]
    pub fn eur_all_in(a: &Assumptions, bought: FleetUnit) -> f64 {
        a.chain.facility_average_w(bought.it_w) / 1e6 / bought.capex_eur(a)
    }
}

/// Average facility power of a tranche's capacity when fully in service, MW, before any odds
/// or shares. `bought` is the fleet of its announced year: what euros buy then.
pub fn average_mw(capacity: Capacity, a: &Assumptions, bought: FleetUnit) -> f64 {
    let per = PowerPerUnit::of(a);
    match capacity {
        Capacity::Mw(mw) => mw * per.site_mw,
        Capacity::Gpus { count, gpu } => count * crate::data::GPUS[gpu].it_w() * per.gpu_it_w,
        Capacity::Eur {
            eur,
            scope: CapexScope::AllIn,
        } => eur * PowerPerUnit::eur_all_in(a, bought),
        Capacity::Eur {
            eur,
            scope: CapexScope::Facility,
        } => eur * per.eur_of_facility,
    }
}

impl SupplyTranche {
    pub(crate) fn of(
        project: &crate::data::Project,
        sourced: &crate::data::SourcedTranche,
    ) -> SupplyTranche {
        SupplyTranche {
            tranche: sourced.tranche,
            start: sourced.start,
            site_mw: sourced.site_mw,
            dedicated: project.dedicated,
            committed: project.committed,
            share_param: project.share_param,
            retired: sourced.retired,
        }
    }

    /// The capacity that gives the tranche its power: the reported site power when there is
    /// one, else the capacity as given.
    pub(crate) fn power_capacity(&self) -> Capacity {
        self.site_mw.map_or(self.tranche.capacity, Capacity::Mw)
    }

    /// The share of its average power counted: the odds it is built × the AI share of its
    /// site × its own share parameter (Amazon's cloud share).
    pub(crate) fn weight(&self, a: &Assumptions, values: &ParamValues) -> f64 {
        let odds = self.odds(a, values);
        odds.completion * odds.ai_share * odds.own_share
    }

    /// The factors of its weight, each on its own.
    pub(crate) fn odds(&self, a: &Assumptions, values: &ParamValues) -> TrancheOdds {
        TrancheOdds {
            completion: delivery(a, self.tranche.status).completion,
            ai_share: if self.dedicated {
                1.0
            } else {
                a.supply.genai_share
            },
            own_share: self.share_param.map_or(1.0, |id| values[id.index()]),
        }
    }

    /// The tranche's expected AI power once in service, MW: average power × its weight.
    pub(crate) fn expected_ai_mw(
        &self,
        a: &Assumptions,
        values: &ParamValues,
        bought: FleetUnit,
    ) -> f64 {
        average_mw(self.power_capacity(), a, bought) * self.weight(a, values)
    }

    /// The year (fractional) it enters service: announced year, the part of it before service,
    /// and its status's delay.
    pub(crate) fn online_year(&self, a: &Assumptions) -> f64 {
        f64::from(self.tranche.year) + self.start + delivery(a, self.tranche.status).delay_years
    }
}

/// The shares of a tranche's average power that count, each a factor of its weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrancheOdds {
    /// The odds it is built, for its status.
    pub completion: f64,
    /// The AI share of its site: 1 for a site built for AI.
    pub ai_share: f64,
    /// Its own share parameter (Amazon's cloud share), else 1.
    pub own_share: f64,
}

/// What a tranche counts for at a scenario's values: its account in the register. The MW it
/// counts in a year are, factor by factor, `nameplate_mw × average_load × odds.completion ×
/// odds.ai_share × odds.own_share × online_fraction(year)`, which the app shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrancheAccount {
    pub tranche: Tranche,
    /// Peak facility power once built, MW: the tranche's capacity as given, converted with
    /// the scenario's values (GPUs × TDP × server overhead × PUE; euros through capex).
    pub nameplate_mw: f64,
    /// Average facility power ÷ peak.
    pub average_load: f64,
    /// The factors of `weight`.
    pub odds: TrancheOdds,
    /// The share of its average power counted: the odds it is built × the AI share of its
    /// site × its own share parameter (Amazon's cloud share).
    pub weight: f64,
    /// Average AI power expected once in service, MW: average power × weight.
    pub expected_mw: f64,
    /// The year (fractional) it enters service, after its status's delay.
    pub online_year: f64,
    /// The year (fractional) it leaves service; `f64::INFINITY` when it stays.
    pub retired_year: f64,
}

impl TrancheAccount {
    /// The MW it counts in `year`'s supply: nothing before it is in service.
    pub fn counted_mw(&self, year: u16) -> f64 {
        self.expected_mw * self.in_service(year)
    }

    /// The share of `year` it is in service: 0 before, 1 after, the rest of the year in which
    /// it starts.
    pub fn in_service(&self, year: u16) -> f64 {
        in_service_fraction(year, self.online_year, self.retired_year)
    }
}

/// One tranche of the register, with its source and its account at a scenario's values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegisterTranche {
    pub sourced: crate::data::SourcedTranche,
    pub account: TrancheAccount,
}

/// What tranches count for at one set of values: the assumptions and the fleet they are read
/// with, made once for a whole register.
pub(crate) struct Accounting<'a> {
    a: Assumptions,
    values: &'a ParamValues,
    fleet: [FleetUnit; crate::YEAR_COUNT],
}

impl Accounting<'_> {
    pub(crate) fn new<'a>(values: &'a ParamValues, fleet: &Fleet) -> Accounting<'a> {
        let a = Assumptions::read(values);
        let fleet = fleet.by_year(a.fleet_lag_years);
        Accounting { a, values, fleet }
    }

    /// A tranche's account; what its euros buy is the fleet of its announced year.
    pub(crate) fn of(&self, tranche: &SupplyTranche) -> TrancheAccount {
        let a = &self.a;
        let year = tranche
            .tranche
            .year
            .clamp(crate::FIRST_YEAR, crate::LAST_YEAR);
        let bought = self.fleet[usize::from(year - crate::FIRST_YEAR)];
        let average = average_mw(tranche.power_capacity(), a, bought);
        let expected_mw = tranche.expected_ai_mw(a, self.values, bought);
        TrancheAccount {
            tranche: tranche.tranche,
            nameplate_mw: average / a.chain.average_load,
            average_load: a.chain.average_load,
            odds: tranche.odds(a, self.values),
            weight: if average > 0.0 {
                expected_mw / average
            } else {
                0.0
            },
            expected_mw,
            online_year: tranche.online_year(a),
            retired_year: tranche.retired.unwrap_or(f64::INFINITY),
        }
    }
}

/// A supply register — every built-in project of a pack and its tranches — with their
/// accounts at `values` (`compute-demand projects` uses the baseline's medians, the app the
/// scenario's).
pub fn register(
    projects: &'static [Project],
    values: &ParamValues,
) -> Vec<(&'static Project, Vec<RegisterTranche>)> {
    let accounting = Accounting::new(values, &Fleet::from_data());
    projects
        .iter()
        .map(|project| {
            let tranches = project
                .tranches
                .iter()
                .map(|&sourced| RegisterTranche {
                    sourced,
                    account: accounting.of(&SupplyTranche::of(project, &sourced)),
                })
                .collect();
            (project, tranches)
        })
        .collect()
}

/// The accounts of a scenario's own projects, in order, at `values`.
pub fn custom_accounts(custom: &[CustomProject], values: &ParamValues) -> Vec<TrancheAccount> {
    let accounting = Accounting::new(values, &Fleet::from_data());
    all_tranches(&[], custom, &[])
        .iter()
        .map(|tranche| accounting.of(tranche))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{key, Capacity, Status};
    use crate::input::scenario::Scenario;

    fn values_with(changes: &[(crate::ParamId, f64)]) -> ParamValues {
        let mut values = Scenario::default().medians();
        for &(id, value) in changes {
            values[id.index()] = value;
        }
        values
    }

    /// A tranche's share of each year in service, from when it enters until it is retired.
    #[test]
    fn a_retired_tranche_leaves_service() {
        let check = |year: u16, online: f64, retired: f64, expected: f64| {
            let got = in_service_fraction(year, online, retired);
            let close = (got - expected).abs() < 1e-9;
            assert!(close, "{year}, online {online}, retired {retired}: {got}");
        };
        // (year, online, retired, share of the year in service)
        for (year, online, retired, expected) in [
            (2024, 2024.1, f64::INFINITY, 0.9),
            (2030, 2024.1, f64::INFINITY, 1.0),
            (2025, 2024.1, 2026.4, 1.0),
            (2026, 2024.1, 2026.4, 0.4),
            (2027, 2024.1, 2026.4, 0.0),
            // Delayed past its retirement: never in service, never below 0.
            (2027, 2027.5, 2026.4, 0.0),
        ] {
            check(year, online, retired, expected);
        }
    }

    fn tranche(status: Status, dedicated: bool) -> SupplyTranche {
        SupplyTranche {
            tranche: Tranche {
                year: 2027,
                status,
                capacity: Capacity::Mw(100.0),
            },
            start: 0.0,
            site_mw: None,
            dedicated,
            committed: None,
            share_param: None,
            retired: None,
        }
    }

    /// A general-purpose site with no AI share adds no supply; a dedicated one counts whole.
    #[test]
    fn a_site_without_ai_adds_no_supply() {
        let unit = Fleet::from_data().at(3, 0.0);
        // (AI share of general sites, dedicated) → expected AI MW > 0
        let table = [(0.0, false, false), (0.5, false, true), (0.0, true, true)];
        for (genai_share, dedicated, has_supply) in table {
            let values = values_with(&[(key::SUPPLY_GENAI_SHARE, genai_share)]);
            let a = Assumptions::read(&values);
            let mw = tranche(Status::Built, dedicated).expected_ai_mw(&a, &values, unit);
            assert_eq!(mw > 0.0, has_supply, "{genai_share} {dedicated}: {mw}");
        }
    }

    /// A tranche that starts part-way through its year counts that part less in that year.
    #[test]
    fn a_late_start_counts_part_of_its_year() {
        let values = values_with(&[]);
        let a = Assumptions::read(&values);
        let mut t = tranche(Status::Built, true);
        t.start = 0.5;
        assert_eq!(online_fraction(2027, t.online_year(&a)), 0.5);
        assert_eq!(online_fraction(2028, t.online_year(&a)), 1.0);
    }

    /// Delivery: a tranche is in service from its announced year plus its status's delay, for
    /// the fraction of the year after that; built tranches are never delayed.
    #[test]
    fn delays_move_tranches_and_past_2030_they_add_nothing() {
        // (status, delay of that status, year) → share of the year in service
        let table = [
            (Status::Built, 3.0, 2027, 1.0),
            (Status::Built, 3.0, 2026, 0.0),
            (Status::Announced, 0.0, 2027, 1.0),
            (Status::Announced, 0.5, 2027, 0.5),
            (Status::Announced, 0.5, 2028, 1.0),
            (Status::Announced, 3.0, 2030, 1.0),
            (Status::Announced, 3.5, 2030, 0.5),
            (Status::Announced, 4.0, 2030, 0.0),
            (Status::Financed, 6.0, 2030, 0.0),
        ];
        for (status, delay, year, expected) in table {
            let values = values_with(&[
                (key::SUPPLY_ANNOUNCED_DELAY_YEARS, delay),
                (key::SUPPLY_FINANCED_DELAY_YEARS, delay),
            ]);
            let a = Assumptions::read(&values);
            let t = tranche(status, true);
            let share = online_fraction(year, t.online_year(&a));
            assert_eq!(share, expected, "{status:?} delayed {delay} in {year}");
        }
    }

    /// Attrition: the expected power is the odds of completion times the power; built is sure.
    #[test]
    fn completion_scales_what_is_not_built() {
        let unit = Fleet::from_data().at(3, 0.0);
        let values = values_with(&[
            (key::SUPPLY_ANNOUNCED_COMPLETION, 0.25),
            (key::SUPPLY_FINANCED_COMPLETION, 0.8),
        ]);
        let a = Assumptions::read(&values);
        let full = |status| tranche(status, true).expected_ai_mw(&a, &values, unit);
        let built = full(Status::Built);
        assert!((full(Status::Announced) / built - 0.25).abs() < 1e-12);
        assert!((full(Status::Financed) / built - 0.8).abs() < 1e-12);
        assert!((built - 100.0 * a.chain.average_load).abs() < 1e-9);
    }

    /// The register's factors, multiplied by hand as a reader would, give the MW it counts:
    /// for every tranche and year.
    #[test]
    fn a_tranches_factors_multiply_to_what_it_counts() {
        let values = Scenario::default().medians();
        for (project, tranches) in register(&crate::PROJECTS, &values) {
            for t in tranches {
                let a = t.account;
                for year in crate::years() {
                    let by_hand = a.nameplate_mw
                        * a.average_load
                        * a.odds.completion
                        * a.odds.ai_share
                        * a.odds.own_share
                        * a.in_service(year);
                    let counted = a.counted_mw(year);
                    assert!(
                        (by_hand - counted).abs() <= 1e-9 * counted.max(1.0),
                        "{} {year}: {by_hand} vs {counted}",
                        project.id
                    );
                }
            }
        }
    }
}
