//! The ecosystem model: internal consistency, monotonicity, no dead parameter, and no NaN,
//! infinity or negative figure for any in-range input.

use compute_demand_core::data::{key, ParamId, PARAMS};
use compute_demand_core::model::{coverage_ratio, MAX_COVERAGE_RATIO};
use compute_demand_core::{
    Metric, Model, ParamValues, Scenario, METRIC_COUNT, PARAM_COUNT, YEAR_COUNT,
};
use proptest::prelude::*;

fn medians() -> ParamValues {
    Scenario::default().medians()
}

fn with(mut values: ParamValues, id: ParamId, value: f64) -> ParamValues {
    values[id.index()] = value;
    values
}

#[test]
fn figures_hang_together() {
    let model = Model::default();
    let values = medians();
    for figures in model.project(&values) {
        let get = |m: Metric| figures[m];
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300);
        let segments: f64 = Metric::SEGMENTS.iter().map(|&m| get(m)).sum();
        assert!(
            close(segments, get(Metric::GpusH100e)),
            "segments add up to the total"
        );
        assert!(close(
            get(Metric::TrainingGpusH100e) + get(Metric::InferenceGpusH100e),
            get(Metric::GpusH100e)
        ));
        assert!(close(
            get(Metric::EnergyGwh),
            get(Metric::FacilityPowerMw) * 8.76
        ));
        let grid = values[key::FACILITY_GRID_GCO2_PER_KWH.index()];
        assert!(close(get(Metric::Co2Tonnes), get(Metric::EnergyGwh) * grid));
        // Coverage counts all demand on French sites: the French ecosystem's and from abroad.
        let on_sites = get(Metric::FacilityPowerMw) + get(Metric::ForeignPowerMw);
        assert!(close(
            get(Metric::CoverageRatio),
            get(Metric::SupplyPowerMw) / on_sites
        ));
        assert!(close(get(Metric::SitesEnergyGwh), on_sites * 8.76));
        // The second coverage leaves demand from abroad aside, so it covers at least as much.
        assert!(close(
            get(Metric::CoverageRatioDomestic),
            get(Metric::SupplyPowerMw) / get(Metric::FacilityPowerMw)
        ));
        assert!(get(Metric::CoverageRatioDomestic) >= get(Metric::CoverageRatio));
        // The floor: French demand holds the owned clusters at the share held for the French
        // ecosystem; what the estimates leave of it is its own segment.
        let held = values[key::SUPPLY_COMMITTED_FRENCH_SHARE.index()];
        assert!(get(Metric::GpusH100e) >= held * get(Metric::OwnedGpusH100e) * (1.0 - 1e-12));
        assert!(get(Metric::CommittedGpusH100e) <= held * get(Metric::OwnedGpusH100e));
        assert!(get(Metric::EcosystemGpusH100e) >= get(Metric::GpusH100e) * (1.0 - 1e-12));
        let exceeds = on_sites > get(Metric::SupplyPowerMw);
        assert_eq!(
            get(Metric::DemandExceedsSupply),
            if exceeds { 1.0 } else { 0.0 }
        );
    }
}

/// Demand from abroad is the demand side's: it does not move with the supply it is compared
/// with (leaving every project out changes none of it), and it grows with the EU's AI load and
/// France's share of it.
#[test]
fn demand_from_abroad_does_not_follow_the_supply() {
    let values = medians();
    let all = Model::default().project(&values);
    let none = Model::new(
        &compute_demand_core::PROJECTS,
        &[],
        &(0..compute_demand_core::PROJECTS.len()).collect::<Vec<_>>(),
    )
    .project(&values);
    for (with, without) in all.iter().zip(&none) {
        assert_eq!(
            with[Metric::ForeignPowerMw],
            without[Metric::ForeignPowerMw]
        );
        assert_eq!(without[Metric::SupplyPowerMw], 0.0);
    }
    let more = Model::default().project(&with(values, key::FOREIGN_FRANCE_SHARE, 0.2));
    assert!(more[6][Metric::ForeignPowerMw] > all[6][Metric::ForeignPowerMw]);
    assert_eq!(
        all[0][Metric::ForeignPowerMw],
        0.0,
        "only the load added since 2024 counts"
    );
}

#[test]
fn supply_only_grows_and_includes_what_was_built_in_2024() {
    let projection = Model::default().project(&medians());
    let supply: Vec<f64> = projection
        .iter()
        .map(|f| f[Metric::SupplyPowerMw])
        .collect();
    assert!(supply.windows(2).all(|w| w[1] >= w[0]), "{supply:?}");
    // The registered base of 2024, built and counted whole: Jean Zay (1,456 H100 and its older
    // V100s), Scaleway by chip (1,016 H100 in Nabu, the rest smaller) and OVHcloud (1,000 H100
    // and 1,000 A100): ≈5,600 H100e.
    let h100e_2024 = projection[0][Metric::SupplyGpusH100e];
    assert!(h100e_2024 > 5_000.0 && h100e_2024 < 6_500.0, "{h100e_2024}");
}

#[test]
fn every_parameter_moves_some_figure() {
    let model = Model::default();
    let base = medians();
    let before = model.project(&base);
    for spec in &PARAMS {
        let current = base[spec.id.index()];
        let moved = if current + spec.step <= spec.max {
            current + spec.step
        } else {
            current - spec.step
        };
        let after = model.project(&with(base, spec.id, moved));
        assert_ne!(before, after, "{} changes nothing", spec.key);
    }
}

/// (parameter, metric that must not fall when the parameter rises)
const MONOTONE: [(ParamId, Metric); 16] = [
    (key::INFERENCE_CONSUMER_USERS_M, Metric::InferenceFlop),
    (key::INFERENCE_CONSUMER_USERS_M, Metric::FacilityPowerMw),
    (key::INFERENCE_ENTERPRISE_USERS_M, Metric::GpusH100e),
    (
        key::INFERENCE_CONSUMER_TOKENS_PER_USER_DAY,
        Metric::InferenceFlop,
    ),
    (
        key::INFERENCE_ENTERPRISE_TOKENS_PER_USER_DAY,
        Metric::EnergyGwh,
    ),
    (key::INFERENCE_CONSUMER_ACTIVE_PARAMS_B, Metric::GpusUnits),
    (key::INFERENCE_ENTERPRISE_ACTIVE_PARAMS_B, Metric::CostEur),
    (key::TRAINING_FRONTIER_ACTIVE_PARAMS_B, Metric::TrainingFlop),
    (key::TRAINING_FRONTIER_TOKENS_T, Metric::TrainingFlop),
    (
        key::TRAINING_FRONTIER_RUNS_PER_YEAR,
        Metric::FacilityPowerMw,
    ),
    (key::TRAINING_POOLSIDE_ACTIVE_PARAMS_B, Metric::Co2Tonnes),
    (key::TRAINING_POOLSIDE_TOKENS_T, Metric::GpusH100e),
    (key::TRAINING_STARTUPS_COUNT, Metric::TrainingFlop),
    (key::TRAINING_RESEARCH_RESEARCHERS, Metric::GpusH100e),
    (key::TRAINING_FRONTIER_GROWTH, Metric::TrainingFlop),
    (key::INFERENCE_CONSUMER_GROWTH, Metric::CloudRentalEur),
];

#[test]
fn demand_grows_with_users_tokens_and_params() {
    let model = Model::default();
    let base = medians();
    for (id, metric) in MONOTONE {
        let spec = id.spec();
        let mut previous = f64::NEG_INFINITY;
        for step in 0..=10 {
            let value = spec.min + (spec.max - spec.min) * f64::from(step) / 10.0;
            let figure = model.project(&with(base, id, value))[6][metric];
            assert!(
                figure >= previous,
                "{} ↑ made {} fall: {previous} → {figure}",
                spec.key,
                metric.key()
            );
            previous = figure;
        }
    }
}

#[test]
fn coverage_is_finite_without_demand() {
    let table = [
        (10.0, 5.0, 2.0),
        (0.0, 5.0, 0.0),
        (5.0, 0.0, MAX_COVERAGE_RATIO),
        (0.0, 0.0, MAX_COVERAGE_RATIO),
    ];
    for (supply, demand, expected) in table {
        assert_eq!(
            coverage_ratio(supply, demand),
            expected,
            "{supply} ÷ {demand}"
        );
    }
}

/// Any value of every parameter, each inside its bounds.
fn any_values() -> impl Strategy<Value = ParamValues> {
    let per_param: Vec<BoxedStrategy<f64>> = PARAMS
        .iter()
        .map(|spec| {
            prop_oneof![
                1 => Just(spec.min),
                1 => Just(spec.max),
                8 => spec.min..=spec.max,
            ]
            .boxed()
        })
        .collect();
    per_param.prop_map(|values| {
        let mut array = [0.0; PARAM_COUNT];
        array.copy_from_slice(&values);
        array
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn no_nan_infinity_or_negative(values in any_values()) {
        let model = Model::default();
        for (year, figures) in model.project(&values).iter().enumerate() {
            for metric in Metric::ALL {
                let v = figures[metric];
                prop_assert!(v.is_finite() && v >= 0.0, "{} in {} is {v}", metric.key(), 2024 + year);
            }
        }
    }

    #[test]
    fn more_users_tokens_or_params_never_lower_demand(values in any_values(), which in 0..MONOTONE.len(), bump in 1.0f64..3.0) {
        let (id, metric) = MONOTONE[which];
        let spec = id.spec();
        let raised = (values[id.index()] * bump + spec.step).min(spec.max);
        let model = Model::default();
        let before = model.project(&values);
        let after = model.project(&with(values, id, raised));
        for year in 0..7 {
            prop_assert!(after[year][metric] >= before[year][metric], "{} ↑ lowered {}", spec.key, metric.key());
        }
    }
}

/// France shares move with the year where the world did: before the switch year the early
/// share, from it the late one, a fractional year part-way.
#[test]
fn france_shares_switch_in_their_year() {
    let model = Model::default();
    let frontier = |switch: f64, year: usize| {
        let values = [
            (key::TRAINING_FRONTIER_FRANCE_SHARE, 0.2),
            (key::TRAINING_FRONTIER_FRANCE_SHARE_LATE, 0.8),
            (key::TRAINING_FRONTIER_OWN_SITES_YEAR, switch),
            (key::TRAINING_FRONTIER_GROWTH, 1.0),
        ]
        .iter()
        .fold(medians(), |v, &(id, x)| with(v, id, x));
        model.project(&values)[year][Metric::FrontierGpusH100e]
    };
    let base = frontier(2031.0, 0); // never switches: 0.2 throughout
                                    // (switch year, year index, share expected ÷ 0.2)
    let table = [
        (2026.0, 1, 1.0),
        (2026.0, 2, 4.0),
        (2026.0, 6, 4.0),
        (2026.5, 2, 2.5),
        (2024.0, 0, 4.0),
        (2031.0, 6, 1.0),
    ];
    for (switch, year, ratio) in table {
        let got = frontier(switch, year) / base;
        assert!(
            (got - ratio).abs() < 1e-9,
            "switch {switch}, year {year}: {got}"
        );
    }
}

/// A tranche whose delay takes it past 2030 adds nothing in 2030, through the whole model.
#[test]
fn a_tranche_delayed_past_2030_adds_nothing_in_2030() {
    use compute_demand_core::data::{Capacity, Status, Tranche};
    use compute_demand_core::CustomProject;
    let campus = CustomProject {
        name: "Late campus".to_string(),
        tranche: Tranche {
            year: 2029,
            status: Status::Announced,
            capacity: Capacity::Mw(500.0),
        },
        dedicated: true,
    };
    let supply_2030 = |projects: &[CustomProject], delay: f64| {
        let values = with(medians(), key::SUPPLY_ANNOUNCED_DELAY_YEARS, delay);
        Model::new(&compute_demand_core::PROJECTS, projects, &[]).project(&values)[6]
            [Metric::SupplyPowerMw]
    };
    let with_campus = std::slice::from_ref(&campus);
    // (announced delay, the campus adds to 2030's supply)
    for (delay, adds) in [(0.0, true), (1.5, true), (2.0, false), (5.0, false)] {
        let added = supply_2030(with_campus, delay) - supply_2030(&[], delay);
        assert_eq!(added > 1e-9, adds, "delay {delay}: {added}");
    }
}

/// Leaving a project of the register out takes exactly its own share off the supply: the
/// supply of all projects is the sum of each one's alone.
#[test]
fn leaving_a_project_out_takes_off_its_own_supply() {
    use compute_demand_core::PROJECTS;
    let values = medians();
    let supply = |excluded: &[usize]| {
        Model::new(&compute_demand_core::PROJECTS, &[], excluded).project(&values)[6]
            [Metric::SupplyPowerMw]
    };
    let all = supply(&[]);
    let everyone: Vec<usize> = (0..PROJECTS.len()).collect();
    assert_eq!(supply(&everyone), 0.0);
    let mut sum_alone = 0.0;
    for (index, project) in PROJECTS.iter().enumerate() {
        let others: Vec<usize> = everyone.iter().copied().filter(|&i| i != index).collect();
        let alone = supply(&others);
        let without = supply(&[index]);
        assert!(without <= all, "{}", project.id);
        assert!((all - without - alone).abs() < 1e-9 * all, "{}", project.id);
        sum_alone += alone;
    }
    assert!((sum_alone - all).abs() < 1e-9 * all);
    let mut scenario = Scenario::default();
    scenario.include_project(1, false);
    scenario.include_project(1, false);
    assert_eq!(scenario.excluded_projects, vec![1]);
    scenario.include_project(1, true);
    assert!(scenario.excluded_projects.is_empty());
}

/// The register's accounts add up to the supply the model counts, year by year, with the
/// projects left out counting nothing and the scenario's own projects counted.
#[test]
fn the_registers_accounts_add_up_to_the_supply() {
    use compute_demand_core::data::{Capacity, Status, Tranche};
    use compute_demand_core::model::supply::{custom_accounts, register};
    use compute_demand_core::{years, CustomProject};
    let mut scenario = Scenario::default();
    scenario.include_project(2, false);
    let campus = CustomProject {
        name: "Campus".to_string(),
        tranche: Tranche {
            year: 2027,
            status: Status::Financed,
            capacity: Capacity::Mw(300.0),
        },
        dedicated: false,
    };
    scenario.add_project(campus).unwrap();
    let values = scenario.medians();
    let projection = scenario.model().project(&values);
    let accounts = register(&compute_demand_core::PROJECTS, &values);
    let custom = custom_accounts(&scenario.projects, &values);
    for (i, year) in years().enumerate() {
        let built_in: f64 = accounts
            .iter()
            .enumerate()
            .filter(|(index, _)| scenario.includes_project(*index))
            .flat_map(|(_, (_, tranches))| tranches.iter().map(|t| t.account.counted_mw(year)))
            .sum();
        let own: f64 = custom.iter().map(|t| t.counted_mw(year)).sum();
        let supply = projection[i][Metric::SupplyPowerMw];
        assert!(
            (built_in + own - supply).abs() <= 1e-9 * supply.max(1.0),
            "{year}: {} vs {supply}",
            built_in + own
        );
    }
}

/// Records which figures a draw sets.
struct Seen([[usize; METRIC_COUNT]; YEAR_COUNT]);

impl compute_demand_core::model::Figures for Seen {
    fn set(&mut self, year: usize, metric: Metric, _value: f64) {
        self.0[year][metric.index()] += 1;
    }
}

/// A metric declared in `data/metrics.toml` that the model never computes would read as 0 in
/// every export: each draw sets every metric of every year, once.
#[test]
fn the_model_sets_every_metric_once_a_year() {
    let scenario = Scenario::default();
    let mut seen = Seen([[0; METRIC_COUNT]; YEAR_COUNT]);
    scenario
        .model()
        .project_into(&scenario.medians(), &mut seen);
    for (year, counts) in seen.0.iter().enumerate() {
        for metric in Metric::ALL {
            assert_eq!(counts[metric.index()], 1, "{} in year {year}", metric.key());
        }
    }
}
