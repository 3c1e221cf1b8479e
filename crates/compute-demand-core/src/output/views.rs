//! The views over others' forecasts and over a run's draws, as JSON, CSV (with units) and
//! aligned tables: `compute-demand outside`, `exceedance` and `discover`, and the app's exports
//! of the same.

use crate::data::Country;
use crate::input::notation::plain_number;
use crate::metric::{Metric, Unit};
use crate::output::format::{quantity, significant, trimmed, whole, Lang};
use crate::output::report::{align, summary_json};
use crate::output::{csv, json};
use crate::outside::OutsideForecast;
use crate::sim::discover::{Discovery, ParamSplit};
use crate::sim::exceedance::ExceedancePoint;
use crate::sim::stats::Summary;

/// Every field of each forecast, and its figure in MW (`mw`, `low_mw`, `high_mw`, `mw_kind`:
/// `average` for an energy a year, `capacity` for a power as given).
pub fn outside_json(forecasts: &[&OutsideForecast]) -> String {
    json::array(forecasts.iter().map(|f| {
        json::object(outside_fields(f).into_iter().map(|(name, field)| {
            let value = match field {
                Field::Text(text) => json::string(text),
                Field::Number(value) => json::optional(value, json::number),
                Field::Year(year) => year.to_string(),
            };
            (name, value)
        }))
    })) + "\n"
}

/// The same fields, one record per forecast: `value`, `low` and `high` in `unit`, the MW in MW.
pub fn outside_csv(forecasts: &[&OutsideForecast]) -> String {
    csv::table(
        &OUTSIDE_FIELDS,
        forecasts.iter().map(|f| {
            outside_fields(f)
                .into_iter()
                .map(|(_, field)| match field {
                    Field::Text(text) => text.to_string(),
                    Field::Number(value) => value.map(json::number).unwrap_or_default(),
                    Field::Year(year) => year.to_string(),
                })
                .collect()
        }),
    )
}

const OUTSIDE_FIELDS: [&str; 20] = [
    "id",
    "region",
    "publisher",
    "title",
    "published",
    "year",
    "value",
    "low",
    "high",
    "unit",
    "perimeter",
    "perimeter_text",
    "comparable",
    "url",
    "seen",
    "note",
    "mw",
    "low_mw",
    "high_mw",
    "mw_kind",
];

/// One field of a forecast's record: JSON and CSV write it each their way.
enum Field {
    Text(&'static str),
    /// Missing: JSON `null`, an empty CSV field.
    Number(Option<f64>),
    Year(u16),
}

fn outside_fields(f: &OutsideForecast) -> Vec<(&'static str, Field)> {
    let in_mw = f.in_mw();
    let values = [
        Field::Text(f.id),
        Field::Text(f.region.key()),
        Field::Text(f.publisher),
        Field::Text(f.title),
        Field::Text(f.published),
        Field::Year(f.year),
        Field::Number(Some(f.value)),
        Field::Number(f.low),
        Field::Number(f.high),
        Field::Text(f.unit.key()),
        Field::Text(f.perimeter.key()),
        Field::Text(f.perimeter_text),
        Field::Text(f.comparable.key()),
        Field::Text(f.url),
        Field::Text(f.seen.key()),
        Field::Text(f.note),
        Field::Number(Some(in_mw.mw)),
        Field::Number(in_mw.low_mw),
        Field::Number(in_mw.high_mw),
        Field::Text(in_mw.kind.key()),
    ];
    OUTSIDE_FIELDS.into_iter().zip(values).collect()
}

/// A forecast's figure as its source gives it: `17.5 TWh (15–20)`.
fn figure_text(f: &OutsideForecast) -> String {
    let unit = f.unit.key();
    match (f.low, f.high) {
        (Some(low), Some(high)) => format!(
            "{} {unit} ({}–{})",
            trimmed(f.value, Lang::En),
            trimmed(low, Lang::En),
            trimmed(high, Lang::En)
        ),
        _ => format!("{} {unit}", trimmed(f.value, Lang::En)),
    }
}

/// One line per forecast of `country`'s pack (figure, in MW, perimeter, how it compares, where
/// it was read), then each one's publisher, title and address. The region reads as the
/// country's name or Europe.
pub fn outside_table(country: &Country, forecasts: &[&OutsideForecast]) -> String {
    let mut rows = vec![[
        "id",
        "region",
        "year",
        "figure",
        "as power",
        "perimeter",
        "compares as",
        "read at",
    ]
    .map(String::from)
    .to_vec()];
    for f in forecasts {
        let in_mw = f.in_mw();
        rows.push(vec![
            f.id.to_string(),
            match f.region {
                crate::outside::Region::Country => country.name.to_string(),
                crate::outside::Region::Europe => "Europe".to_string(),
            },
            f.year.to_string(),
            figure_text(f),
            format!(
                "{} {}",
                quantity(in_mw.mw, Unit::Megawatts, Lang::En),
                in_mw.kind.key()
            ),
            f.perimeter.key().to_string(),
            f.comparable.key().to_string(),
            f.seen.key().to_string(),
        ]);
    }
    let mut out = align(
        &rows,
        &[false, false, true, true, true, false, false, false],
    );
    out.push_str(
        "\nAs power: an energy a year as the average load that uses it (TWh × 10⁶ ÷ 8,760 h); a \
         power as given, a capacity. Notes: --format json.\n\nSources:\n",
    );
    for f in forecasts {
        out.push_str(&format!(
            "  {}: {}, {} ({}) {}\n",
            f.id, f.publisher, f.title, f.published, f.url
        ));
    }
    out
}

/// `{metric, year, unit, draws, points: [{level, chance}]}`.
pub fn exceedance_json(
    metric: Metric,
    year: u16,
    draws: usize,
    points: &[ExceedancePoint],
) -> String {
    json::object([
        ("metric", json::string(metric.key())),
        ("year", year.to_string()),
        ("unit", json::string(metric.unit().key())),
        ("draws", draws.to_string()),
        (
            "points",
            json::array(points.iter().map(|p| {
                json::object([
                    ("level", json::number(p.level)),
                    ("chance", json::number(p.chance)),
                ])
            })),
        ),
    ]) + "\n"
}

/// `metric,year,level,unit,chance`: one record per point.
pub fn exceedance_csv(metric: Metric, year: u16, points: &[ExceedancePoint]) -> String {
    csv::table(
        &["metric", "year", "level", "unit", "chance"],
        points.iter().map(|p| {
            vec![
                metric.key().to_string(),
                year.to_string(),
                json::number(p.level),
                metric.unit().key().to_string(),
                json::number(p.chance),
            ]
        }),
    )
}

pub fn exceedance_table(
    metric: Metric,
    year: u16,
    draws: usize,
    points: &[ExceedancePoint],
) -> String {
    let unit = metric.unit();
    let mut rows = vec![vec!["level".to_string(), "chance above".to_string()]];
    for p in points {
        rows.push(vec![
            quantity(p.level, unit, Lang::En),
            quantity(p.chance, Unit::Probability, Lang::En),
        ]);
    }
    format!(
        "{} in {year}: the chance the figure is above each level, over {} draws\n\n{}",
        metric.key(),
        grouped(draws),
        align(&rows, &[true, true])
    )
}

/// `{metric, year, unit, draws, level, chance}`: the chance of one level.
pub fn chance_json(metric: Metric, year: u16, draws: usize, point: ExceedancePoint) -> String {
    json::object([
        ("metric", json::string(metric.key())),
        ("year", year.to_string()),
        ("unit", json::string(metric.unit().key())),
        ("draws", draws.to_string()),
        ("level", json::number(point.level)),
        ("chance", json::number(point.chance)),
    ]) + "\n"
}

/// "facility_power_mw in 2030 is above 500 MW in 42.3% of 10,000 draws".
pub fn chance_table(metric: Metric, year: u16, draws: usize, point: ExceedancePoint) -> String {
    format!(
        "{} in {year} is above {} in {} of {} draws\n",
        metric.key(),
        quantity(point.level, metric.unit(), Lang::En),
        quantity(point.chance, Unit::Probability, Lang::En),
        grouped(draws)
    )
}

/// A count of draws grouped by thousands: 10,000.
fn grouped(count: usize) -> String {
    whole(count as u64, Lang::En)
}

/// `{metric, year, unit, condition, level, draws, holding: {draws, share}, rest: {…},
/// chance_distance, parameters: [{key, unit, distance, shift, holding: {p5, p50, p95, mean},
/// rest: {…}}]}`, the most different first.
pub fn discovery_json(country: &Country, d: &Discovery) -> String {
    let group = |draws: usize, share: f64| {
        json::object([("draws", draws.to_string()), ("share", json::number(share))])
    };
    let parameters = json::array(d.parameters.iter().map(|p| {
        let spec = country.param(p.param);
        json::object([
            ("key", json::string(spec.key)),
            ("unit", json::string(spec.unit)),
            ("distance", json::number(p.distance)),
            ("shift", json::number(p.shift)),
            ("holding", summary_json(p.holds)),
            ("rest", summary_json(p.rest)),
        ])
    }));
    json::object([
        ("metric", json::string(d.metric.key())),
        ("year", d.year.to_string()),
        ("unit", json::string(d.metric.unit().key())),
        ("condition", json::string(d.condition.key())),
        ("level", json::number(d.condition.level())),
        ("draws", d.draws.to_string()),
        ("holding", group(d.holding, d.share_holding())),
        ("rest", group(d.rest, d.share_rest())),
        ("chance_distance", json::number(d.chance_distance())),
        ("parameters", parameters),
    ]) + "\n"
}

/// One record per parameter, the most different first: its distance and shift, then p5, p50
/// and p95 where the outcome happens and in the rest, in the parameter's unit.
pub fn discovery_csv(country: &Country, d: &Discovery) -> String {
    csv::table(
        &[
            "key",
            "distance",
            "shift",
            "holding_p5",
            "holding_p50",
            "holding_p95",
            "rest_p5",
            "rest_p50",
            "rest_p95",
            "unit",
            "holding_draws",
            "rest_draws",
        ],
        d.parameters.iter().map(|p| {
            let spec = country.param(p.param);
            vec![
                spec.key.to_string(),
                json::number(p.distance),
                json::number(p.shift),
                json::number(p.holds.p5),
                json::number(p.holds.p50),
                json::number(p.holds.p95),
                json::number(p.rest.p5),
                json::number(p.rest.p50),
                json::number(p.rest.p95),
                spec.unit.to_string(),
                d.holding.to_string(),
                d.rest.to_string(),
            ]
        }),
    )
}

/// A group's median and 90% range: `2.1 (1.6–2.9)`; a year to a tenth (2029.5).
fn median_and_range(s: Summary, unit: &str) -> String {
    let value = |v: f64| {
        if unit == "year" {
            plain_number((v * 10.0).round() / 10.0)
        } else {
            significant(v, Lang::En)
        }
    };
    format!("{} ({}–{})", value(s.p50), value(s.p5), value(s.p95))
}

fn signed(value: f64) -> String {
    let text = significant(value, Lang::En);
    if value > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

fn split_row(country: &Country, p: &ParamSplit) -> Vec<String> {
    let spec = country.param(p.param);
    vec![
        spec.key.to_string(),
        significant(p.distance, Lang::En),
        signed(p.shift),
        median_and_range(p.holds, spec.unit),
        median_and_range(p.rest, spec.unit),
        spec.unit.to_string(),
    ]
}

pub fn discovery_table(country: &Country, d: &Discovery) -> String {
    let percent = |share: f64| quantity(share, Unit::Probability, Lang::En);
    let mut rows = vec![[
        "parameter",
        "distance",
        "shift",
        "where it happens",
        "the rest",
        "unit",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(d.parameters.iter().map(|p| split_row(country, p)));
    format!(
        "{} {} {} in {}: {} of {} draws ({}); the rest: {} ({})\n\
         Each uncertain parameter's median (p5–p95) in the two groups, the most different first \
         (distance: Kolmogorov–Smirnov, 0–1; shift: difference of the medians over the p5–p95 \
         width of all draws)\n\n{}\nA distance below {} is within what chance gives groups of these sizes 5% of \
         the time (Kolmogorov–Smirnov's critical value).\n",
        d.metric.key(),
        d.condition.key(),
        trimmed(d.condition.level(), Lang::En),
        d.year,
        grouped(d.holding),
        grouped(d.draws),
        percent(d.share_holding()),
        grouped(d.rest),
        percent(d.share_rest()),
        align(&rows, &[false, true, true, true, true, false]),
        significant(d.chance_distance(), Lang::En)
    )
}
