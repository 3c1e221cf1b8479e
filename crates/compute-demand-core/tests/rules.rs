//! The data rules, held to a table of bad rows: what build.rs refuses in data/*.toml and the
//! validation layer refuses from users, with the words it uses.

use compute_demand_core::data::{CapexScope, Status};
use compute_demand_core::input::notation::Notation;
use compute_demand_core::input::rules::{self, Bounds, CapacityGiven};

const SHARE: Bounds = Bounds {
    min: 0.0,
    max: 1.0,
    unit: "share",
};
const SHIFT: Bounds = Bounds {
    min: -2.0,
    max: 4.0,
    unit: "years",
};

/// `Ok(())` when the rule accepts, else the start of its message.
fn check(result: Result<impl std::fmt::Debug, String>, expected: Result<(), &str>) {
    match (result, expected) {
        (Ok(_), Ok(())) => {}
        (Err(message), Err(start)) => {
            assert!(
                message.starts_with(start),
                "{message:?} should start {start:?}"
            )
        }
        (result, expected) => panic!("{result:?}, expected {expected:?}"),
    }
}

#[test]
fn parameter_values() {
    let nan = f64::NAN;
    let table: &[(Notation, Bounds, Result<(), &str>)] = &[
        (Notation::Point(0.5), SHARE, Ok(())),
        (Notation::Point(0.0), SHARE, Ok(())),
        (Notation::Point(1.0), SHARE, Ok(())),
        (
            Notation::Point(1.5),
            SHARE,
            Err("1.5 is out of range; it takes 0..1 (share)"),
        ),
        (
            Notation::Point(-0.1),
            SHARE,
            Err("-0.1 is negative; it takes 0..1 (share)"),
        ),
        (Notation::Point(-0.1), SHIFT, Ok(())),
        (
            Notation::Point(-3.0),
            SHIFT,
            Err("-3 is out of range; it takes -2..4 (years)"),
        ),
        (
            Notation::Point(nan),
            SHARE,
            Err("NaN is not a finite number"),
        ),
        (Notation::Range90(0.2, 0.4), SHARE, Ok(())),
        (Notation::Range90(0.4, 0.4), SHARE, Ok(())),
        (
            Notation::Range90(0.4, 0.2),
            SHARE,
            Err("range 0.4..0.2 has its low bound above"),
        ),
        (
            Notation::Uniform(0.4, 0.2),
            SHARE,
            Err("range uniform(0.4, 0.2) has its low bound"),
        ),
        (Notation::Uniform(0.2, 2.0), SHARE, Err("2 is out of range")),
    ];
    for &(notation, bounds, expected) in table {
        check(rules::param_value(notation, bounds), expected);
    }
}

#[test]
fn parameter_definitions() {
    // ((min, max, step), expected)
    type Row = ((f64, f64, f64), Result<(), &'static str>);
    let table: &[Row] = &[
        ((0.0, 1.0, 0.01), Ok(())),
        ((1.0, 1.0, 0.01), Err("bounds 1..1 need finite min < max")),
        (
            (0.0, f64::INFINITY, 1.0),
            Err("bounds 0..inf need finite min < max"),
        ),
        ((0.0, 1.0, 0.0), Err("step 0 must be above 0")),
    ];
    for &((min, max, step), expected) in table {
        check(rules::param_bounds(min, max, step), expected);
    }
    for (key, expected) in [
        ("training.frontier.growth", Ok(())),
        (
            "Training.growth",
            Err("key 'Training.growth' may use lowercase"),
        ),
        ("", Err("key '' may use lowercase")),
        ("a-b", Err("key 'a-b' may use lowercase")),
    ] {
        check(rules::param_key_shape(key), expected);
    }
    check(rules::param_group("supply"), Ok(()));
    check(
        rules::param_group("demand"),
        Err("unknown group 'demand'; the groups are training, inference, foreign, hardware, facility, supply"),
    );
}

#[test]
fn tranches() {
    for (text, expected) in [
        ("built", Ok(Status::Built)),
        (" financed ", Ok(Status::Financed)),
        ("announced", Ok(Status::Announced)),
        ("planned", Err(())),
        ("Built", Err(())),
    ] {
        assert_eq!(rules::status(text).map_err(|_| ()), expected, "{text}");
    }
    check(
        rules::status("planned"),
        Err("unknown status 'planned'; a project is built, financed or announced"),
    );
    assert_eq!(rules::capex_scope("all_in"), Ok(CapexScope::AllIn));
    check(
        rules::capex_scope("gpus"),
        Err("unknown scope 'gpus'; euros buy"),
    );

    // ((mw, gpus, eur), what the tranche gives)
    type Row = (
        (Option<f64>, Option<f64>, Option<f64>),
        Option<CapacityGiven>,
    );
    let table: &[Row] = &[
        ((Some(44.0), None, None), Some(CapacityGiven::Mw(44.0))),
        (
            (None, Some(1456.0), None),
            Some(CapacityGiven::Gpus(1456.0)),
        ),
        ((None, None, Some(1.3e9)), Some(CapacityGiven::Eur(1.3e9))),
        ((Some(44.0), Some(1.0), None), None),
        ((None, None, None), None),
    ];
    for &((mw, gpus, eur), expected) in table {
        assert_eq!(rules::one_capacity(mw, gpus, eur).ok(), expected);
    }
    check(
        rules::positive_at_most("mw", 0.0, 10.0),
        Err("mw must be above 0 and at most 10, not 0"),
    );
    check(rules::positive_at_most("mw", 10.0, 10.0), Ok(()));
}

#[test]
fn sources() {
    check(
        rules::source("GENCI (2024)", Some("https://www.genci.fr/")),
        Ok(()),
    );
    check(rules::source("GENCI (2024)", None), Ok(()));
    check(rules::source("  ", None), Err("the source is empty"));
    check(
        rules::source("GENCI", Some("ftp://genci.fr")),
        Err("url 'ftp://genci.fr' is not an http(s) address"),
    );
}

/// What each evidence class must show: (evidence, source, quote) → accepted or the message.
#[test]
fn evidence_labels() {
    use compute_demand_core::data::Evidence::{Derived, Judgement, Published};
    let table: &[(_, &str, Option<&str>, Result<(), &str>)] = &[
        (
            Published,
            "Epoch AI (2024): 0.75",
            Some("0.75 of peak"),
            Ok(()),
        ),
        (
            Published,
            "Epoch AI (2024): 0.75",
            None,
            Err("a published value needs `quote`"),
        ),
        (
            Published,
            "Epoch AI (2024)",
            Some("about three quarters"),
            Err("a published value's quote states a figure"),
        ),
        (
            Published,
            "judgement: none",
            Some("0.75"),
            Err("a published value's source does not start with 'judgement:'"),
        ),
        (
            Published,
            "derived: 3 × 4 = 12",
            Some("12"),
            Err("a published value's source does not start with 'derived:'"),
        ),
        (Derived, "derived: 3 × 4 = 12", None, Ok(())),
        (Derived, "derived: 12 ÷ 4 = 3", None, Ok(())),
        (
            Derived,
            "derived: three times four",
            None,
            Err("a derived value's source starts with 'derived:' and shows its arithmetic"),
        ),
        (
            Derived,
            "Epoch AI: 3 × 4 = 12",
            None,
            Err("a derived value's source starts with 'derived:'"),
        ),
        (
            Derived,
            "derived: 3 × 4 = 12",
            Some("12"),
            Err("only a published value carries a quote"),
        ),
        (Judgement, "judgement: no split is published", None, Ok(())),
        (
            Judgement,
            "no split is published",
            None,
            Err("a judgement's source starts with 'judgement:'"),
        ),
        (
            Judgement,
            "judgement: none",
            Some("1"),
            Err("only a published value carries a quote"),
        ),
    ];
    for &(evidence, source, quote, expected) in table {
        check(rules::evidence_backing(evidence, source, quote), expected);
    }
}

/// A row of data/countries/fr/outside.toml, broken one field at a time: each is refused with its message.
#[test]
fn outside_forecasts() {
    use rules::ForecastRow;
    let good = ForecastRow {
        id: "rte-bp2025-2030",
        region: "country",
        publisher: "RTE",
        title: "Bilan prévisionnel 2025",
        published: "2025-12-09",
        year: 2030,
        value: 15.0,
        low: Some(12.0),
        high: Some(18.0),
        unit: "TWh",
        perimeter: "all-dc",
        perimeter_text: "data centres on the French grid",
        comparable: "ceiling",
        url: "https://www.rte-france.com/",
        seen: "source",
        note: "15 TWh in 2030.",
    };
    type Break = fn(&mut ForecastRow<'static>);
    let table: &[(Break, Result<(), &str>)] = &[
        (|_| {}, Ok(())),
        (|r| (r.low, r.high) = (None, None), Ok(())),
        (|r| r.published = "2025", Ok(())),
        (|r| r.published = "2025-12", Ok(())),
        (|r| r.low = Some(15.0), Ok(())),
        (
            |r| r.id = "RTE_2030",
            Err("id 'RTE_2030' is not kebab-case"),
        ),
        (
            |r| r.id = "rte--2030",
            Err("id 'rte--2030' is not kebab-case"),
        ),
        (|r| r.id = "-rte", Err("id '-rte' is not kebab-case")),
        (
            |r| r.region = "asia",
            Err("unknown region 'asia'; it is one of country, europe"),
        ),
        (
            |r| r.unit = "PJ",
            Err("unknown unit 'PJ'; it is one of TWh, GW, MW"),
        ),
        (
            |r| r.perimeter = "ai",
            Err("unknown perimeter 'ai'; it is one of all-dc,"),
        ),
        (
            |r| r.comparable = "floor",
            Err("unknown comparable 'floor'; it is one of ceiling"),
        ),
        (
            |r| r.seen = "yes",
            Err("unknown seen 'yes'; it is one of source, secondary, not-found"),
        ),
        (|r| r.year = 2021, Err("year 2021 is outside 2022–2060")),
        (|r| r.year = 2061, Err("year 2061 is outside 2022–2060")),
        (
            |r| r.low = Some(16.0),
            Err("the value 15 is not inside its range 16–18"),
        ),
        (
            |r| r.high = Some(14.0),
            Err("the value 15 is not inside its range 12–14"),
        ),
        (
            |r| r.high = None,
            Err("a range gives both low and high, or neither"),
        ),
        (|r| r.value = f64::NAN, Err("NaN must be a number above 0")),
        (|r| r.value = -1.0, Err("-1 must be a number above 0")),
        (
            |r| r.url = "http://www.rte-france.com/",
            Err("url 'http://www.rte-france.com/' is not an https address"),
        ),
        (
            |r| r.url = "https://",
            Err("url 'https://' is not an https address"),
        ),
        (
            |r| r.url = "https://a b",
            Err("url 'https://a b' is not an https address"),
        ),
        (
            |r| r.published = "9 Dec 2025",
            Err("published '9 Dec 2025' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        (
            |r| r.published = "2025-13",
            Err("published '2025-13' is not"),
        ),
        (|r| r.note = " ", Err("empty note")),
        (|r| r.publisher = "", Err("empty publisher")),
    ];
    for (index, (brk, expected)) in table.iter().enumerate() {
        let mut row = good;
        brk(&mut row);
        let result = rules::outside_forecast(&row);
        match (&result, expected) {
            (Ok(_), Ok(())) => {}
            (Err(message), Err(start)) => assert!(
                message.starts_with(start),
                "row {index}: {message:?} should start {start:?}"
            ),
            _ => panic!("row {index}: {result:?}, expected {expected:?}"),
        }
    }
}
