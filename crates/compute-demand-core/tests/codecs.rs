//! Scenario files and share links: round trips, and every refusal names what and where.

// Tests are not in the bundle: std's Unicode escaping is the reference here (clippy.toml
// refuses it in the code).
#![allow(clippy::disallowed_methods)]

use compute_demand_core::data::{key, Capacity, Status, Tranche};
use compute_demand_core::input::link::{self, Link};
use compute_demand_core::input::scenario_file;
use compute_demand_core::input::validate::limits;
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::correlation::Correlation;
use compute_demand_core::{CustomProject, Dist, Metric, Scenario, PRESETS};
use proptest::prelude::*;

fn edited() -> Scenario {
    let mut scenario = Scenario::from_preset(&PRESETS[2]);
    scenario.name = "Campus & <agents> \"fast\" — été 2026".to_string();
    scenario.set(key::TRAINING_FRONTIER_RUNS_PER_YEAR, Dist::Point(6.5));
    scenario.set(
        key::INFERENCE_CONSUMER_GROWTH,
        Dist::Range90 {
            low: 1.5,
            high: 3.25,
        },
    );
    scenario.set(
        key::SUPPLY_GENAI_SHARE,
        Dist::Uniform {
            low: 0.25,
            high: 0.75,
        },
    );
    scenario.set(
        key::HARDWARE_FLEET_LAG_YEARS,
        Dist::Range90 {
            low: -1.0,
            high: 2.0,
        },
    );
    scenario.sampling.samples = 2_500;
    scenario.sampling.seed = 42;
    // A new pair, a default pair changed, and a default pair removed (0).
    let defaults = compute_demand_core::input::scenario::default_correlations(
        compute_demand_core::data::Country::first(),
    );
    for pair in [
        Correlation {
            a: key::TRAINING_RESEARCH_GROWTH,
            b: key::INFERENCE_CONSUMER_USERS_M,
            rho: -0.35,
        },
        Correlation {
            rho: 0.85,
            ..defaults[0]
        },
        Correlation {
            rho: 0.0,
            ..defaults[1]
        },
    ] {
        scenario.set_correlation(pair).unwrap();
    }
    let projects = [
        (
            "Nouveau campus, Fouju",
            Capacity::Mw(200.0),
            Status::Announced,
            false,
        ),
        (
            "Lab cluster",
            Capacity::Gpus {
                count: 4096.0,
                gpu: 5,
            },
            Status::Financed,
            true,
        ),
        (
            "€2bn facility",
            Capacity::Eur {
                eur: 2e9,
                scope: compute_demand_core::data::CapexScope::Facility,
            },
            Status::Built,
            false,
        ),
    ];
    for (name, capacity, status, dedicated) in projects {
        scenario
            .add_project(CustomProject {
                name: name.to_string(),
                tranche: Tranche {
                    year: 2028,
                    status,
                    capacity,
                },
                dedicated,
            })
            .unwrap();
    }
    scenario.include_project(2, false);
    scenario.include_project(0, false);
    scenario
}

#[test]
fn scenario_files_round_trip() {
    for scenario in [
        Scenario::default(),
        Scenario::from_preset(&PRESETS[1]),
        edited(),
    ] {
        let text = scenario_file::write(&scenario);
        assert!(
            text.contains("\ncountry = \"fr\"\n"),
            "a file carries its country: {text}"
        );
        assert_eq!(
            scenario_file::parse(&text, "s.toml").unwrap(),
            scenario,
            "{text}"
        );
    }
}

#[test]
fn links_round_trip() {
    assert_eq!(link::encode(&Link::of(Scenario::default())), "v1");
    let view = Link {
        scenario: edited(),
        year: Some(2027),
        metric: Some(Metric::CostEur),
        pinned: Some(Box::new(edited())),
        embed: Some(ChartId::Segments),
        lang: Some(Lang::Fr),
    };
    let fragment = link::encode(&view);
    assert!(fragment.len() < 2000, "compact: {fragment}");
    assert!(
        fragment.contains("&off=jean-zay&off=scaleway&"),
        "{fragment}"
    );
    let decoded = link::decode(&format!("#{fragment}"));
    assert_eq!(decoded.problems, vec![]);
    assert_eq!(decoded.link, view);
}

#[test]
fn embeds_round_trip_and_refuse_an_unknown_chart() {
    for chart in ChartId::ALL {
        let view = Link {
            embed: Some(chart),
            ..Link::of(Scenario::from_preset(&PRESETS[2]))
        };
        let fragment = link::encode(&view);
        assert_eq!(fragment, format!("v1&p=high&embed={}", chart.key()));
        let decoded = link::decode(&fragment);
        assert_eq!(decoded.problems, vec![]);
        assert_eq!(decoded.link, view);
    }
    let decoded = link::decode("v1&p=high&embed=map");
    let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["link: unknown chart 'map'; the charts are demand-supply, segments, tornado, exceedance"]
    );
    assert_eq!(decoded.link.embed, None);
    assert_eq!(decoded.link.scenario.preset.id, "high", "the rest is kept");
    // A pinned scenario holds a scenario only.
    let decoded = link::decode("v1&pin=embed%3Dtornado");
    assert_eq!(decoded.link.pinned, None);
    assert_eq!(decoded.problems.len(), 1);
}

#[test]
fn scenario_files_accept_toml_forms() {
    let text = r#"
        # comment
        format = 1
        name = "a # not a comment"   # a comment
        preset = "low"
        seed = 7

        [params]
        training.frontier.runs_per_year = 6          # a point
        "inference.consumer.growth" = "1.5..3"       # quoted key, quoted range
        inference.enterprise.growth = 1.5..3         # unquoted range
        supply.genai_share = "uniform(0.3, 0.6)"
        training.startups.count = 1_000
        inference.consumer.users_m = 20M             # with a suffix: 2e7 > max
    "#;
    let error = scenario_file::parse(text, "f.toml")
        .unwrap_err()
        .to_string();
    assert_eq!(error, "f.toml:14: inference.consumer.users_m: 20000000 is out of range; it takes 0..200 (M users)");
    let fixed = text.replace("20M", "20");
    let scenario = scenario_file::parse(&fixed, "f.toml").unwrap();
    assert_eq!(scenario.name, "a # not a comment");
    assert_eq!(scenario.preset.id, "low");
    assert_eq!(scenario.sampling.seed, 7);
    assert_eq!(
        scenario.value(key::TRAINING_STARTUPS_COUNT),
        Dist::Point(1000.0)
    );
    assert_eq!(
        scenario.value(key::INFERENCE_ENTERPRISE_GROWTH),
        Dist::Range90 {
            low: 1.5,
            high: 3.0
        }
    );
    assert_eq!(
        scenario.value(key::SUPPLY_GENAI_SHARE),
        Dist::Uniform {
            low: 0.3,
            high: 0.6
        }
    );
}

#[test]
fn scenario_file_errors_name_the_line() {
    // (file text, expected message)
    let cases = [
        ("[params]\ntraining.frontier.run_per_year = 3", "s.toml:2: unknown parameter 'training.frontier.run_per_year'; did you mean 'training.frontier.runs_per_year'"),
        ("preset = \"medium\"", "s.toml:1: unknown preset 'medium'; the presets are baseline, low, high"),
        ("[params]\ntraining.frontier.growth = 0.5", "s.toml:2: training.frontier.growth: 0.5 is out of range; it takes 1..10"),
        ("[params]\ntraining.frontier.growth = \"3..2\"", "s.toml:2: training.frontier.growth: range 3..2 has its low bound above its high bound"),
        ("[params]\ntraining.frontier.growth = nan", "s.toml:2: training.frontier.growth: 'nan' is not a number"),
        ("[params]\ntraining.frontier.growth = inf", "s.toml:2: training.frontier.growth: 'inf' is not a number"),
        // A terminal escape sequence in a value is echoed escaped, never raw.
        ("[params]\ntraining.frontier.growth = \"\\u001b[31mred\"", "s.toml:2: training.frontier.growth: '\\u{1b}[31mred' is not a number"),
        ("[params]\ntraining.startups.count = -3", "s.toml:2: training.startups.count: -3 is negative"),
        ("name = \"x\"\nname = \"y\"", "s.toml:2: 'name' is set twice"),
        ("\n\nsamples = 0", "s.toml:3: samples must be a whole number from 1 to 100000"),
        ("samples = 1e9", "s.toml:1: samples must be a whole number from 1 to 100000"),
        ("format = 2", "s.toml:1: format 2 is not supported"),
        ("[tables]", "s.toml:1: unknown section [tables]"),
        ("just words", "s.toml:1: expected key = value"),
        ("name = \"unterminated", "s.toml:1: unterminated string"),
        ("pressets = \"low\"", "s.toml:1: unknown setting 'pressets' (did you mean 'preset'?"),
        ("country = \"de\"", "s.toml:1: no country pack 'de'; the countries are fr (France), uk (United Kingdom)"),
        ("country = \"United Kingdom\"", "s.toml:1: no country pack 'United Kingdom'; did you mean 'uk'? the countries are fr (France), uk (United Kingdom)"),
        ("country = fr", "s.toml:1: expected a quoted string, found 'fr'"),
        ("contry = \"fr\"", "s.toml:1: unknown setting 'contry' (did you mean 'country'?"),
        ("[[project]]\nname = \"x\"\nyear = 2031\nmw = 5", "s.toml:1: year 2031 is outside 2024–2030"),
        ("[[project]]\nname = \"x\"\nyear = 2027\nmw = 5\ngpus = 3", "s.toml:1: project 'x' needs exactly one of mw, gpus or eur"),
        ("[[project]]\nname = \"x\"\nyear = 2027\ngpus = 5\ngpu = \"h1000\"", "s.toml:1: unknown GPU 'h1000'; the GPUs are a100-sxm"),
        ("[[project]]\nname = \"x\"\nyear = 2027\nmw = 1e9", "s.toml:1: mw must be above 0 and at most 100000"),
        ("[[project]]\nnmae = \"x\"", "s.toml:2: unknown project field 'nmae'; did you mean 'name'?"),
    ];
    for (text, expected) in cases {
        let error = scenario_file::parse(text, "s.toml")
            .expect_err(text)
            .to_string();
        assert!(
            error.starts_with(expected),
            "for {text:?}\n got: {error}\nwant: {expected}…"
        );
    }
}

#[test]
fn size_caps_hold() {
    let big = "# padding\n".repeat(limits::MAX_FILE_BYTES / 10 + 1);
    assert!(scenario_file::parse(&big, "big.toml")
        .unwrap_err()
        .message
        .contains("at most 65536 bytes"));
    let many =
        "[[project]]\nname = \"p\"\nyear = 2027\nmw = 1\n".repeat(limits::MAX_CUSTOM_PROJECTS + 1);
    assert!(scenario_file::parse(&many, "m.toml")
        .unwrap_err()
        .message
        .contains("at most 32 projects"));
    let decoded = link::decode(&format!("v1&n={}", "a".repeat(limits::MAX_FRAGMENT_BYTES)));
    assert_eq!(decoded.link, Link::of(Scenario::default()));
    assert!(decoded.problems[0]
        .message
        .contains("links are at most 65536 bytes"));
}

#[test]
fn broken_links_keep_what_they_can() {
    // (fragment, problems expected, what survives)
    let decoded = link::decode("#v1&p=high&training.frontier.growth=99&training.frontier.runs_per_year=5&bogus.key=1&s=abc&x=name:A,year:2029,mw:50");
    let messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].starts_with("link: training.frontier.growth: 99 is out of range"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("link: unknown parameter 'bogus.key'"),
        "{messages:?}"
    );
    assert!(
        messages[2].starts_with("link: 'abc' is not a number"),
        "{messages:?}"
    );
    let scenario = &decoded.link.scenario;
    assert_eq!(scenario.preset.id, "high");
    assert_eq!(
        scenario.value(key::TRAINING_FRONTIER_RUNS_PER_YEAR),
        Dist::Point(5.0)
    );
    assert_eq!(scenario.projects.len(), 1);

    let cases = [
        ("#v9&p=low", "from another version or damaged"),
        ("#hello", "from another version or damaged"),
        ("#v1&n=%ZZ", "'%' is not followed by two hex digits"),
        ("#v1&n=%FF%FE", "not UTF-8"),
        ("#v1&n=a%0Ab", "control characters"),
        ("#v1&y=1999", "year 1999 is outside 2024–2030"),
        ("#v1&m=gpus", "unknown metric 'gpus'; did you mean"),
    ];
    for (fragment, expected) in cases {
        let decoded = link::decode(fragment);
        assert_eq!(decoded.problems.len(), 1, "{fragment}");
        assert!(
            decoded.problems[0].message.contains(expected),
            "{fragment}: {}",
            decoded.problems[0]
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn any_fragment_decodes_to_a_valid_scenario(fragment in ".{0,300}") {
        let decoded = link::decode(&fragment);
        prop_assert!(decoded.link.scenario.validate().is_ok());
    }

    #[test]
    fn any_structured_fragment_decodes_to_a_valid_scenario(parts in proptest::collection::vec("(p|n|s|seed|y|m|x|training\\.frontier\\.growth|supply\\.genai_share)=[-0-9a-z.,:%()]{0,20}", 0..8)) {
        let fragment = format!("v1&{}", parts.join("&"));
        let decoded = link::decode(&fragment);
        prop_assert!(decoded.link.scenario.validate().is_ok());
    }

    #[test]
    fn any_file_parses_or_says_where(text in "(\\[params\\]|\\[\\[project\\]\\]|[a-z._]{1,12} = [-0-9a-z.\"]{0,10}|#.{0,5}|.{0,20})(\n(\\[params\\]|\\[\\[project\\]\\]|[a-z._]{1,12} = [-0-9a-z.\"]{0,10}|.{0,20})){0,6}") {
        match scenario_file::parse(&text, "p.toml") {
            Ok(scenario) => prop_assert!(scenario.validate().is_ok()),
            Err(error) => prop_assert!(error.place.starts_with("p.toml"), "{error}"),
        }
    }
}

/// The largest scenario the caps allow still fits in a link, and comes back whole.
#[test]
fn the_largest_scenario_fits_in_a_link() {
    let mut scenario = Scenario::from_preset(&PRESETS[1]);
    let long_name: String = "𝔸".repeat(limits::MAX_NAME_CHARS);
    scenario.name = long_name.clone();
    for spec in compute_demand_core::PARAMS.iter() {
        // Awkward numbers: tiny, or with many digits.
        let low = spec.min + (spec.max - spec.min) * 1e-7 + 1e-300;
        let high = spec.max - (spec.max - spec.min) / 3.0;
        scenario.set(spec.id, Dist::Uniform { low, high });
    }
    for i in 0..limits::MAX_CUSTOM_PROJECTS {
        let capacity = Capacity::Eur {
            eur: 1.234567890123e11 / (i + 1) as f64,
            scope: compute_demand_core::data::CapexScope::AllIn,
        };
        let tranche = Tranche {
            year: 2030,
            status: Status::Financed,
            capacity,
        };
        scenario
            .add_project(CustomProject {
                name: long_name.clone(),
                tranche,
                dedicated: false,
            })
            .unwrap();
    }
    // As many correlations as a scenario may hold, with awkward values.
    let ids: Vec<_> = compute_demand_core::data::ParamId::all().collect();
    let mut pairs = ids
        .iter()
        .flat_map(|&a| ids.iter().map(move |&b| (a, b)))
        .filter(|(a, b)| a < b);
    while scenario.correlations.len() < limits::MAX_CORRELATIONS {
        let (a, b) = pairs.next().unwrap();
        let rho = -0.123456789012345 * (a.index() % 7) as f64 / 7.0 - 1e-9;
        scenario.set_correlation(Correlation { a, b, rho }).unwrap();
    }
    let fragment = link::encode(&Link::of(scenario.clone()));
    assert!(
        fragment.len() <= limits::MAX_FRAGMENT_BYTES,
        "{} bytes",
        fragment.len()
    );
    let decoded = link::decode(&fragment);
    assert_eq!(decoded.problems, vec![]);
    // Back to the digits a link writes.
    assert!(decoded.link.scenario == link::canonical(&scenario));
    assert!(
        decoded.link.scenario != scenario,
        "17-digit values were rounded"
    );
    assert_eq!(
        scenario_file::parse(&scenario_file::write(&scenario), "big.toml").unwrap(),
        scenario
    );
}

#[test]
fn numbers_are_written_short_and_read_back_exactly() {
    use compute_demand_core::input::notation::{parse_number, write_number};
    let table = [
        (751.0, "751"),
        (0.924, "0.924"),
        (1e-300, "1e-300"),
        (2.5e12, "2.5e12"),
        (1000.0, "1000"),
        (1.234e25, "1.234e25"),
        (-0.5, "-0.5"),
    ];
    for (value, text) in table {
        assert_eq!(write_number(value), text);
        assert_eq!(parse_number(text), Ok(value));
    }
}

/// `ours` is what std's formatter writes (`written_by_std`), or as short and as close to the
/// value: both round-trip, and where the value lies halfway between two shortest forms, Ryū
/// takes the even last digit and std the one above. Only the last digit may differ, by one.
fn assert_std_or_tie(value: f64, ours: &str, by_std: &str) {
    use compute_demand_core::input::notation::parse_number;
    assert_eq!(parse_number(ours), Ok(value), "{ours} does not read back");
    if ours == by_std {
        return;
    }
    let (a, b) = (ours.as_bytes(), by_std.as_bytes());
    let last = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len());
    let digit = |bytes: &[u8]| bytes.get(last).copied().unwrap_or(b'x');
    assert!(
        a.len() == b.len()
            && a[last + 1..] == b[last + 1..]
            && digit(a).is_ascii_digit()
            && digit(b) == digit(a) + 1
            && (digit(a) - b'0').is_multiple_of(2),
        "{value:?}: {ours} against std's {by_std}"
    );
}

/// What `write_number` wrote with std's formatter, before it took Ryū's digits.
fn written_by_std(value: f64) -> String {
    let plain = format!("{value}");
    let exponent = format!("{value:e}");
    if plain.len() > 12 && exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn numbers_are_written_as_std_writes_them(bits in any::<u64>(), small in -1e7..1e7f64) {
        use compute_demand_core::input::notation::{debug_number, parse_number, write_number};
        for value in [f64::from_bits(bits), small, small.round(), (small * 1e3).round() / 1e3] {
            if value.is_finite() {
                assert_std_or_tie(value, &write_number(value), &written_by_std(value));
                assert_std_or_tie(value, &debug_number(value), &format!("{value:?}"));
                prop_assert_eq!(parse_number(&write_number(value)), Ok(value));
            }
        }
    }
}

#[test]
fn numbers_at_the_edges_are_written_as_std_writes_them() {
    use compute_demand_core::input::notation::{debug_number, write_number};
    let edges = [
        0.0,
        -0.0,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::MIN,
        1e22,
        1e23,
        1e21,
        1e-7,
        1e-5,
        1e-4,
        9.999e-5,
        1e16,
        9999999999999998.0,
        -1.0,
        1.5,
        123456789012.0,
        1234567890123.0,
        0.1 + 0.2,
        9007199254740993.0,
        2f64.powi(-1022) * 3.0,
    ];
    for value in edges.into_iter().chain((-325..=308).map(|p| 10f64.powi(p))) {
        assert_std_or_tie(value, &write_number(value), &written_by_std(value));
        assert_std_or_tie(value, &debug_number(value), &format!("{value:?}"));
    }
}

/// The JSON writers give JSON that a real parser reads, with every field a custom project has.
#[test]
fn reports_are_json_with_every_project_field() {
    use compute_demand_core::input::project::ProjectField;
    use compute_demand_core::output::report::{outlook_json, project_json, ReportMeta};
    let mut scenario = Scenario::default();
    scenario.sampling.samples = 200;
    scenario.name = "Quote \" and <tag> & \\ back".to_string();
    for text in [
        "x=name:A,year:2027,mw:200,status:built,dedicated:0",
        "x=name:B,year:2028,gpus:1000,gpu:gb200",
        "x=name:C,year:2029,eur:1e9,scope:facility",
    ] {
        let decoded = link::decode(&format!("v1&{text}"));
        assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
        scenario
            .add_project(decoded.link.scenario.projects[0].clone())
            .unwrap();
    }
    let outlook = compute_demand_core::Simulator::new().run(&scenario);
    let meta = ReportMeta {
        version: "9.8.7",
        data_as_of: "2026-06",
        permalink: "https://example.org/app/#v1&n=Quote",
        source_of: &compute_demand_core::output::report::own_source,
    };
    let report: serde_json::Value =
        serde_json::from_str(&outlook_json(&scenario, &outlook, &meta)).unwrap();
    assert_eq!(report["scenario"]["name"], scenario.name.as_str());
    assert_eq!(report["meta"]["version"], "9.8.7");
    assert_eq!(report["meta"]["data_as_of"], "2026-06");
    assert_eq!(report["meta"]["licence"], "CC BY 4.0");
    assert_eq!(report["meta"]["permalink"], meta.permalink);
    let sources = report["meta"]["sources"].as_array().unwrap();
    assert_eq!(sources.len(), compute_demand_core::PARAMS.len());
    assert!(sources
        .iter()
        .all(|s| s["url"].is_null() || s["url"].is_string()));
    assert_eq!(report["years"].as_array().unwrap().len(), 7);
    for project in &scenario.projects {
        let json: serde_json::Value = serde_json::from_str(&project_json(project)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let fields: Vec<&str> = project.fields().iter().map(|(f, _)| f.key()).collect();
        assert_eq!(keys.len(), fields.len(), "{json}");
        for field in fields {
            assert!(keys.contains(&field), "{field} missing from {json}");
            assert!(ProjectField::from_key(field).is_some());
        }
    }
}

/// A link of thousands of unknown keys: suggestions for the first few, then one count, so
/// that decoding stays linear in the link's length.
#[test]
fn unknown_keys_past_the_first_few_are_counted() {
    let mut fragment = String::from("v1&training.frontier.growth=2..4");
    let mut n = 0;
    while fragment.len() < limits::MAX_FRAGMENT_BYTES - 40 {
        fragment.push_str(&format!("&unknown.key_{n}=1"));
        n += 1;
    }
    let decoded = link::decode(&fragment);
    let suggested = link::SUGGESTED_UNKNOWN_KEYS;
    assert_eq!(
        decoded.problems.len(),
        suggested + 1,
        "{:?}",
        &decoded.problems[..3]
    );
    assert!(decoded.problems[0].message.contains("did you mean"));
    assert_eq!(
        decoded.problems[suggested].message,
        format!(
            "and {} more parts with unknown names, dropped",
            n - suggested
        )
    );
    // What was valid is kept.
    assert_eq!(
        decoded.link.scenario.value(key::TRAINING_FRONTIER_GROWTH),
        Dist::Range90 {
            low: 2.0,
            high: 4.0
        }
    );
    // A removed key says what replaced it, and is not counted as unknown.
    let decoded = link::decode("v1&supply.weight_financed=0.5");
    assert_eq!(decoded.problems.len(), 1);
    assert!(
        decoded.problems[0].message.contains("was removed"),
        "{:?}",
        decoded.problems
    );
}

/// Suggestions name the nearest keys: (what was typed, the first suggestion).
#[test]
fn suggestions_name_the_nearest_key() {
    let table = [
        (
            "training.frontier.run_per_year",
            "training.frontier.runs_per_year",
        ),
        ("pue", "facility.pue"),
        ("genai_share", "supply.genai_share"),
        ("inference.consumer.user_m", "inference.consumer.users_m"),
        ("électricité", "facility.electricity_eur_per_mwh"),
    ];
    for (typed, first) in table {
        let error = compute_demand_core::input::validate::param_key(
            compute_demand_core::data::Country::first(),
            typed,
        )
        .unwrap_err();
        assert!(
            error.message.contains(&format!("did you mean '{first}'")),
            "{typed}: {error}"
        );
    }
}

/// A link that reads must write back within the cap: a pinned scenario that would take the
/// written link over it (two scenarios of 32 projects with long names, the pinned one escaped
/// twice) is dropped and said, and what is kept writes a link that reads back unchanged.
#[test]
fn a_pin_that_would_overflow_the_written_link_is_dropped() {
    let name = "€".repeat(118);
    let projects: Vec<String> = (0..32)
        .map(|i| format!("x=name:{name}{i:02},year:2028,mw:1"))
        .collect();
    let pinned = projects.join("%26").replace('&', "%26");
    let fragment = format!("v1&{}&pin={pinned}", projects.join("&"));
    assert!(fragment.len() < compute_demand_core::input::validate::limits::MAX_FRAGMENT_BYTES);
    let decoded = link::decode(&fragment);
    let said: Vec<String> = decoded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        ["link: the pinned scenario was dropped: with it the link would be over 65536 bytes"]
    );
    assert_eq!(decoded.link.pinned, None);
    assert_eq!(decoded.link.scenario.projects.len(), 32);
    let written = link::encode(&decoded.link);
    let again = link::decode(&written);
    assert!(again.problems.is_empty());
    assert_eq!(again.link, decoded.link);
    // A small pin is kept.
    let small = link::decode("v1&pin=p%3Dlow");
    assert!(small.problems.is_empty());
    assert_eq!(small.link.pinned.map(|s| s.preset.id), Some("low"));
}

/// A pin inside a pin is refused without being read. Found by the fragment fuzzer: each
/// `pin=` (four bytes, no escaping needed) was decoded one call deeper, and a link of
/// thousands of them overflowed the stack (the CLI's `--link`, the app, the fuzzer itself).
#[test]
fn pins_nested_thousands_deep_are_refused_without_recursing() {
    let fragment = format!("v1&{}p=high", "pin=".repeat(16_000));
    assert!(fragment.len() <= limits::MAX_FRAGMENT_BYTES);
    // On a small stack, as in WebAssembly: reading the pin must not recurse.
    let decoded = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || link::decode(&fragment))
        .expect("a thread")
        .join()
        .expect("decoding returns");
    assert!(decoded.link.pinned.is_none());
    let messages: Vec<String> = decoded.problems.iter().map(|p| p.message.clone()).collect();
    assert_eq!(
        messages,
        ["the pinned scenario was dropped: it may only hold a scenario"]
    );
}

#[test]
fn echoed_text_shows_every_hidden_character_as_an_escape() {
    use compute_demand_core::input::validate::printable;
    #[track_caller]
    fn check(text: &str, shown: &str) {
        assert_eq!(printable(text), shown, "{text:?}");
    }
    check("plain text, 42", "plain text, 42");
    check(
        "l'été à Besançon ≈ 5 °C — 东京 🚀",
        "l\\'été à Besançon ≈ 5 °C — 东京 🚀",
    );
    check("tab\tcr\rlf\n\"q\" \\", "tab\\tcr\\rlf\\n\\\"q\\\" \\\\");
    check("\u{1b}[31mred", "\\u{1b}[31mred");
    check("\u{7f}\u{85}\u{9f}", "\\u{7f}\\u{85}\\u{9f}");
    check("a\u{202e}b\u{2066}c", "a\\u{202e}b\\u{2066}c");
    check("zero\u{200b}width\u{feff}", "zero\\u{200b}width\\u{feff}");
    check("\u{2028}\u{2029}", "\\u{2028}\\u{2029}");
    check("soft\u{ad}hyphen", "soft\\u{ad}hyphen");
    check("tag\u{e0041}\u{e007f}", "tag\\u{e0041}\\u{e007f}");
    check("vs\u{fe0f}\u{e0100}", "vs\\u{fe0f}\\u{e0100}");
    check(
        "non\u{fffe}\u{10ffff}\u{fdd0}",
        "non\\u{fffe}\\u{10ffff}\\u{fdd0}",
    );
    check(&"x".repeat(61), &format!("{}…", "x".repeat(60)));
    // Every control character (Cc), and std's escaping for ASCII.
    for c in (0u32..=0x10FFFF).filter_map(char::from_u32) {
        let shown = printable(&c.to_string());
        if c.is_control() {
            assert!(shown.starts_with('\\'), "{c:?} shown as {shown:?}");
        }
        if c.is_ascii() {
            assert_eq!(shown, c.escape_debug().to_string());
        }
    }
}
