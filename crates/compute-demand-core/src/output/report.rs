//! Results as JSON, CSV and aligned text tables: one writer for the CLI and the app, so an
//! export from either reads the same.

use crate::data::{Country, ParamSpec, Source};
use crate::input::project::FieldValue;
use crate::input::scenario::Scenario;
use crate::metric::Metric;
use crate::model::supply::CustomProject;
use crate::output::format::{quantity, Lang};
use crate::output::{csv, json};
use crate::sim::montecarlo::Outlook;
use crate::sim::sensitivity::{RankInfluence, Tornado};
use crate::sim::stats::Summary;
use crate::terms::Dist;
use crate::years;

/// A parameter value in JSON: a number for a point, the written range otherwise.
pub fn dist_json(dist: Dist) -> String {
    match dist {
        Dist::Point(value) => json::number(value),
        other => json::string(&other.notation()),
    }
}

pub fn summary_json(summary: Summary) -> String {
    json::object([
        ("p5", json::number(summary.p5)),
        ("p50", json::number(summary.p50)),
        ("p95", json::number(summary.p95)),
        ("mean", json::number(summary.mean)),
    ])
}

pub fn project_json(project: &CustomProject) -> String {
    json::object(project.fields().into_iter().map(|(field, value)| {
        let value = match value {
            FieldValue::Text(text) => json::string(&text),
            FieldValue::Number(number) => json::number(number),
            FieldValue::Flag(flag) => flag.to_string(),
        };
        (field.key(), value)
    }))
}

/// The scenario in full: every parameter's value, not only the overrides.
pub fn scenario_json(scenario: &Scenario) -> String {
    let params = json::object(
        scenario
            .country
            .params
            .iter()
            .map(|spec| (spec.key, dist_json(scenario.value(spec.id)))),
    );
    json::object([
        ("country", json::string(scenario.country.code)),
        ("name", json::string(&scenario.name)),
        ("preset", json::string(scenario.preset.id)),
        ("samples", scenario.sampling.samples.to_string()),
        ("seed", scenario.sampling.seed.to_string()),
        ("params", params),
        (
            "projects",
            json::array(scenario.projects.iter().map(project_json)),
        ),
    ])
}

/// The licence of the data and of the figures the tool draws.
pub const DATA_LICENCE: &str = "CC BY 4.0";

/// What a report says of itself: the tool's version, the data's vintage and where to see the
/// scenario again (a full URL in the app; a link's fragment, `#v1&…`, on the command line,
/// which knows no base URL).
#[derive(Clone, Copy)]
pub struct ReportMeta<'a> {
    pub version: &'a str,
    pub data_as_of: &'a str,
    pub permalink: &'a str,
    /// Each parameter's source: [`own_source`] where the core has them; the app's bundle
    /// leaves them out and hands over the ones it fetched.
    pub source_of: &'a dyn Fn(&ParamSpec) -> Source,
}

/// A parameter's source as this build of the core has it (none without `param-sources`).
pub fn own_source(spec: &ParamSpec) -> Source {
    spec.source
}

/// `{"tool", "version", "data_as_of", "licence", "permalink", "sources": [{"key", "source",
/// "url"}]}`: every parameter's source, in the scenario's country pack.
pub fn meta_json(meta: &ReportMeta, country: &Country) -> String {
    let sources = json::array(country.params.iter().map(|spec| {
        let source = (meta.source_of)(spec);
        json::object([
            ("key", json::string(spec.key)),
            ("source", json::string(source.text)),
            ("url", json::optional(source.url, json::string)),
        ])
    }));
    json::object([
        ("tool", json::string("compute-demand")),
        ("version", json::string(meta.version)),
        ("data_as_of", json::string(meta.data_as_of)),
        ("licence", json::string(DATA_LICENCE)),
        ("permalink", json::string(meta.permalink)),
        ("sources", sources),
    ])
}

/// `{"meta": …, "scenario": …, "years": [{"year": 2024, "metrics": {"<key>": {p5, p50, p95,
/// mean}}}], …}`
pub fn outlook_json(scenario: &Scenario, outlook: &Outlook, meta: &ReportMeta) -> String {
    let years_json = json::array(years().zip(&outlook.years).map(|(year, figures)| {
        let metrics = json::object(
            Metric::ALL
                .iter()
                .map(|&metric| (metric.key(), summary_json(figures[metric]))),
        );
        json::object([("year", year.to_string()), ("metrics", metrics)])
    }));
    let year_json = |year: Option<u16>| json::optional(year, |y| y.to_string());
    let shortfall = &outlook.first_shortfall;
    json::object([
        ("meta", meta_json(meta, scenario.country)),
        ("scenario", scenario_json(scenario)),
        ("years", years_json),
        (
            "first_shortfall_year",
            json::object([
                ("p5", year_json(shortfall.p5)),
                ("p50", year_json(shortfall.p50)),
                ("p95", year_json(shortfall.p95)),
            ]),
        ),
    ]) + "\n"
}

/// One row per year × metric: `metric,year,p5,p50,p95,mean,unit`.
pub fn outlook_csv(outlook: &Outlook) -> String {
    let mut out = String::from("metric,year,p5,p50,p95,mean,unit\n");
    for (year, figures) in years().zip(&outlook.years) {
        for metric in Metric::ALL {
            let s = figures[metric];
            out.push_str(&format!(
                "{},{year},{},{},{},{},{}\n",
                metric.key(),
                json::number(s.p5),
                json::number(s.p50),
                json::number(s.p95),
                json::number(s.mean),
                metric.unit().key()
            ));
        }
    }
    out
}

/// Columns of text, padded to line up; `right[i]` right-aligns column i.
pub fn align(rows: &[Vec<String>], right: &[bool]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let pad = " ".repeat(widths[c] - cell.chars().count());
                if right.get(c).copied().unwrap_or(false) {
                    format!("{pad}{cell}")
                } else if c + 1 == row.len() {
                    cell.clone()
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The headline metrics of the table view, in reading order. With [`TABLE_FLOPS`] below them
/// they are the rows marked `table` in `data/metrics.toml`, each once (a test holds them to it).
pub const HEADLINE: [Metric; 18] = [
    Metric::GpusH100e,
    Metric::GpusUnits,
    Metric::TrainingGpusH100e,
    Metric::InferenceGpusH100e,
    // The floor under the ecosystem's demand: what the labs and research own, and its use beyond the
    // segments' estimates.
    Metric::OwnedGpusH100e,
    Metric::CommittedGpusH100e,
    Metric::FacilityPowerMw,
    // Beside the ecosystem's own: coverage counts both.
    Metric::ForeignPowerMw,
    Metric::EnergyGwh,
    Metric::CostEur,
    Metric::CloudRentalEur,
    Metric::Co2Tonnes,
    Metric::SupplyGpusH100e,
    Metric::SupplyPowerMw,
    Metric::CoverageRatio,
    Metric::CoverageRatioDomestic,
    Metric::DemandExceedsSupply,
    Metric::EcosystemGpusH100e,
];

/// The table's last rows: compute in FLOP, after the figures people read first.
pub const TABLE_FLOPS: [Metric; 2] = [Metric::TrainingFlop, Metric::InferenceFlop];

/// Every row of the table view, in order.
pub fn table_rows() -> impl Iterator<Item = Metric> {
    HEADLINE.into_iter().chain(TABLE_FLOPS)
}

/// Medians by year, with the p5–p95 range on the line below.
pub fn outlook_table(scenario: &Scenario, outlook: &Outlook, lang: Lang) -> String {
    let mut rows = vec![std::iter::once("metric".to_string())
        .chain(years().map(|y| y.to_string()))
        .collect::<Vec<_>>()];
    for metric in table_rows() {
        let value = |v: f64| quantity(v, metric.unit(), lang);
        let summaries: Vec<Summary> = outlook
            .years
            .iter()
            .map(|figures| figures[metric])
            .collect();
        if metric == Metric::DemandExceedsSupply {
            rows.push(
                std::iter::once("P(demand > supply)".to_string())
                    .chain(summaries.iter().map(|s| value(s.mean)))
                    .collect(),
            );
            continue;
        }
        rows.push(
            std::iter::once(metric.key().to_string())
                .chain(summaries.iter().map(|s| value(s.p50)))
                .collect(),
        );
        if summaries.iter().any(|s| s.p5 != s.p95) {
            rows.push(
                std::iter::once("  p5–p95".to_string())
                    .chain(
                        summaries
                            .iter()
                            .map(|s| format!("{}–{}", value(s.p5), value(s.p95))),
                    )
                    .collect(),
            );
        }
    }
    let right: Vec<bool> = std::iter::once(false)
        .chain(years().map(|_| true))
        .collect();
    let shortfall = &outlook.first_shortfall;
    let year_text = |y: Option<u16>| y.map_or("after 2030".to_string(), |y| y.to_string());
    let title = if scenario.name.is_empty() {
        scenario.preset.label.to_string()
    } else {
        scenario.name.clone()
    };
    format!(
        "{title} — {}, preset {}, {} samples, seed {}\n\n{}\nFirst year demand exceeds supply: {} (p5 {}, p95 {})\n",
        scenario.country.name(lang),
        scenario.preset.id,
        outlook.sampling.samples,
        outlook.sampling.seed,
        align(&rows, &right),
        year_text(shortfall.p50),
        year_text(shortfall.p5),
        year_text(shortfall.p95),
    )
}

/// `[{"key", "low", "high", "swing"}]`, widest first.
pub fn tornado_json(country: &Country, tornado: &Tornado) -> String {
    json::array(tornado.swings.iter().map(|s| {
        json::object([
            ("key", json::string(country.param(s.param).key)),
            ("low", json::number(s.low)),
            ("high", json::number(s.high)),
            ("swing", json::number(s.swing)),
        ])
    })) + "\n"
}

/// `key,low,high,swing,unit`: one record per parameter, widest first.
pub fn tornado_csv(country: &Country, tornado: &Tornado) -> String {
    let unit = tornado.metric.unit().key();
    csv::table(
        &["key", "low", "high", "swing", "unit"],
        tornado.swings.iter().map(|s| {
            vec![
                country.param(s.param).key.to_string(),
                json::number(s.low),
                json::number(s.high),
                json::number(s.swing),
                unit.to_string(),
            ]
        }),
    )
}

pub fn tornado_table(country: &Country, tornado: &Tornado, lang: Lang) -> String {
    let unit = tornado.metric.unit();
    let mut rows = vec![vec![
        "parameter".to_string(),
        "at p5".to_string(),
        "at p95".to_string(),
        "swing".to_string(),
    ]];
    for s in &tornado.swings {
        rows.push(vec![
            country.param(s.param).key.to_string(),
            quantity(s.low, unit, lang),
            quantity(s.high, unit, lang),
            quantity(s.swing, unit, lang),
        ]);
    }
    format!(
        "{} in {}: {} with every parameter at its median\n\n{}",
        tornado.metric.key(),
        tornado.year,
        quantity(tornado.base, unit, lang),
        align(&rows, &[false, true, true, true])
    )
}

/// `[{"key", "rho"}]`, strongest first.
pub fn rank_influence_json(country: &Country, influences: &[RankInfluence]) -> String {
    json::array(influences.iter().map(|i| {
        json::object([
            ("key", json::string(country.param(i.param).key)),
            ("rho", json::number(i.rho)),
        ])
    })) + "\n"
}

pub fn rank_influence_csv(country: &Country, influences: &[RankInfluence]) -> String {
    csv::table(
        &["key", "rho"],
        influences
            .iter()
            .map(|i| vec![country.param(i.param).key.to_string(), json::number(i.rho)]),
    )
}

pub fn rank_influence_table(
    country: &Country,
    influences: &[RankInfluence],
    metric: Metric,
    year: u16,
    samples: usize,
) -> String {
    let mut rows = vec![vec![
        "parameter".to_string(),
        "rank correlation".to_string(),
    ]];
    for i in influences {
        rows.push(vec![
            country.param(i.param).key.to_string(),
            format!("{:+.2}", i.rho),
        ]);
    }
    format!(
        "{} in {year}: Spearman rank correlation with each uncertain parameter over {samples} draws\n\n{}",
        metric.key(),
        align(&rows, &[false, true])
    )
}

/// A figure's chain (`compute-demand explain`): one record per step, `step,value,unit,params`.
pub fn explain_csv(country: &Country, steps: &[crate::model::explain::Step]) -> String {
    csv::table(
        &["step", "value", "unit", "params"],
        steps.iter().map(|step| {
            vec![
                step.id.key().to_string(),
                json::number(step.value),
                step.unit.key().to_string(),
                step_params(country, step).join(" "),
            ]
        }),
    )
}

pub fn explain_json(country: &Country, steps: &[crate::model::explain::Step]) -> String {
    json::array(steps.iter().map(|step| {
        json::object([
            ("step", json::string(step.id.key())),
            ("value", json::number(step.value)),
            ("unit", json::string(step.unit.key())),
            (
                "params",
                json::array(step_params(country, step).into_iter().map(json::string)),
            ),
        ])
    })) + "\n"
}

pub fn explain_table(
    country: &Country,
    steps: &[crate::model::explain::Step],
    metric: Metric,
    year: u16,
) -> String {
    let mut rows = vec![vec![
        "step".to_string(),
        "value".to_string(),
        "parameters".to_string(),
    ]];
    for step in steps {
        rows.push(vec![
            step.id.key().to_string(),
            quantity(step.value, step.unit, Lang::En),
            step_params(country, step).join(" "),
        ]);
    }
    format!(
        "{} in {year}, every parameter at its median, step by step\n\n{}",
        metric.key(),
        align(&rows, &[false, true, false])
    )
}

fn step_params(country: &Country, step: &crate::model::explain::Step) -> Vec<&'static str> {
    step.params
        .iter()
        .map(|id| country.param(*id).key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::table_rows;
    use crate::metric::Metric;

    /// The table's order is a hand list; which metrics it holds is `data/metrics.toml`'s
    /// `table` column: a metric marked there and missing here, or listed twice, fails.
    #[test]
    fn the_table_has_a_row_for_each_metric_marked_table_once() {
        let rows: Vec<Metric> = table_rows().collect();
        for metric in Metric::ALL {
            let times = rows.iter().filter(|&&row| row == metric).count();
            assert_eq!(times, usize::from(metric.in_table()), "{}", metric.key());
        }
    }
}
