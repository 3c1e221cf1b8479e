//! The baseline beside what can be observed and what others estimate (France's chapter of the
//! methodology, §8): calibration by comparison, not by narrowing. Each row of every pack's
//! `calibration.toml` (`data/countries/<code>/`) is set beside that country's baseline draws;
//! the tables are written from them into the country's chapter
//! (`docs/countries/<code>/methodology.md`; run with `UPDATE_METHODOLOGY=1` to rewrite them),
//! and a row the baseline disagrees with must say why. A pack's ranges follow their sources,
//! whatever these tables show.

#[path = "common/methodology.rs"]
mod methodology;

use compute_demand_core::data::key;
use compute_demand_core::data::{Country, COUNTRIES};
use compute_demand_core::input::notation::plain_number;
use compute_demand_core::sim::montecarlo::Simulation;
use compute_demand_core::{Metric, Outlook, Scenario, Simulator};
use methodology::{document_of, replace_generated_in, Generated};

/// What an observation says of the model's figure.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Floor,
    Ceiling,
    Inside,
    Compare,
}

struct Observation {
    id: String,
    what: String,
    figure: String,
    value: f64,
    metric: Metric,
    year: u16,
    role: Role,
    perimeter: String,
    publisher: String,
    date: String,
    why: Option<String>,
}

fn observations(country: &Country) -> Vec<Observation> {
    let path = format!(
        "{}/data/countries/{}/calibration.toml",
        env!("CARGO_MANIFEST_DIR"),
        country.code
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("{path} parses: {e}"));
    let rows = file["observation"]
        .as_array()
        .expect("[[observation]] rows");
    rows.iter()
        .map(|row| {
            let text = |key: &str| -> String {
                row.get(key)
                    .and_then(|v| v.as_str())
                    .unwrap_or_else(|| panic!("an observation lacks '{key}': {row:?}"))
                    .to_string()
            };
            let value = row
                .get("value")
                .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
                .expect("value");
            let metric = Metric::from_key(&text("metric")).expect("a known metric");
            let role = match text("role").as_str() {
                "floor" => Role::Floor,
                "ceiling" => Role::Ceiling,
                "inside" => Role::Inside,
                "compare" => Role::Compare,
                other => panic!("unknown role {other}"),
            };
            Observation {
                id: text("id"),
                what: text("what"),
                figure: text("figure"),
                value,
                metric,
                year: row["year"].as_integer().expect("year") as u16,
                role,
                perimeter: text("perimeter"),
                publisher: text("publisher"),
                date: text("date"),
                why: row.get("why").and_then(|v| v.as_str()).map(str::to_string),
            }
        })
        .collect()
}

/// A country's baseline draws at the documented sampling (10,000 draws, the default seed).
fn baseline(country: &'static Country) -> Simulation {
    let scenario = Scenario::in_country(country);
    let mut simulator = Simulator::new();
    simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    std::mem::take(simulator.last())
}

/// The share of draws at or above `value`.
fn share_at_or_above(draws: &[f64], value: f64) -> f64 {
    draws.iter().filter(|&&d| d >= value).count() as f64 / draws.len() as f64
}

/// Whether the baseline disagrees with the observation, from the share of draws at or above it.
fn disagrees(o: &Observation, at_or_above: f64, p5: f64, p95: f64) -> bool {
    match o.role {
        Role::Floor => at_or_above < 0.5,
        Role::Ceiling => at_or_above > 0.5,
        Role::Inside => !(p5 <= o.value && o.value <= p95),
        Role::Compare => false,
    }
}

fn round(value: f64) -> String {
    let digits = if value.abs() >= 100.0 { 0 } else { 1 };
    let scale = 10f64.powi(digits);
    let rounded = (value * scale).round() / scale;
    // Thousands separated by commas, as the rest of the methodology writes them.
    let text = plain_number(rounded);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 && c != '-' {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

/// The methodology's §8.1 table.
fn table(observations: &[Observation], simulation: &mut Simulation) -> String {
    let mut out = String::from(
        "| # | Observation or estimate | Perimeter | Figure (source, date) | Role | Model's figure | \
         Baseline p5 – p50 – p95 | Draws at or above | Verdict |\n\
         |---|---|---|---|---|---|---|---|---|\n",
    );
    for (n, o) in observations.iter().enumerate() {
        let draws = simulation.draws(o.metric, o.year);
        let s = simulation.summary(o.metric, o.year);
        let at_or_above = share_at_or_above(&draws, o.value);
        let role = match o.role {
            Role::Floor => "floor",
            Role::Ceiling => "ceiling",
            Role::Inside => "inside the 90% range",
            Role::Compare => "reference",
        };
        let verdict = if disagrees(o, at_or_above, s.p5, s.p95) {
            "**disagrees** (see below)"
        } else if o.role == Role::Compare {
            "—"
        } else {
            "holds"
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} ({}, {}) | {role} | `{}` {} | {} – {} – {} | {}% | {verdict} |\n",
            n + 1,
            o.what,
            o.perimeter,
            o.figure,
            o.publisher,
            o.date,
            o.metric.key(),
            o.year,
            round(s.p5),
            round(s.p50),
            round(s.p95),
            (at_or_above * 100.0).round(),
        ));
    }
    let disagreements: Vec<String> = observations
        .iter()
        .enumerate()
        .filter_map(|(n, o)| {
            o.why
                .as_ref()
                .map(|why| format!("- **{}** ({}): {why}", n + 1, o.id))
        })
        .collect();
    if !disagreements.is_empty() {
        out.push_str("\nWhere the baseline disagrees, and why:\n\n");
        out.push_str(&disagreements.join("\n"));
        out.push('\n');
    }
    out
}

/// The methodology's table is the model's, and every disagreement says why (and only a
/// disagreement carries a why, so that reasons do not outlive what they explain).
#[test]
fn the_calibration_tables_are_the_models_and_explain_every_disagreement() {
    let mut unexplained = Vec::new();
    for country in &COUNTRIES {
        let observations = observations(country);
        assert!(!observations.is_empty(), "{}: no observation", country.code);
        let mut simulation = baseline(country);
        unexplained.extend(unexplained_rows(country, &observations, &mut simulation));
        replace_generated_in(
            &document_of(country),
            Generated::Calibration,
            &table(&observations, &mut simulation),
        );
    }
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}

/// The rows whose verdict and `why` do not match.
fn unexplained_rows(
    country: &Country,
    observations: &[Observation],
    simulation: &mut Simulation,
) -> Vec<String> {
    let mut unexplained = Vec::new();
    for o in observations {
        let draws = simulation.draws(o.metric, o.year);
        let s = simulation.summary(o.metric, o.year);
        let disagrees = disagrees(o, share_at_or_above(&draws, o.value), s.p5, s.p95);
        if disagrees != o.why.is_some() {
            unexplained.push(format!(
                "{} {}: {} (p5 {:.0}, p50 {:.0}, p95 {:.0} against {})",
                country.code,
                o.id,
                if disagrees {
                    "the baseline disagrees: say why in its pack's calibration.toml"
                } else {
                    "the baseline agrees: its 'why' no longer applies"
                },
                s.p5,
                s.p50,
                s.p95,
                o.value
            ));
        }
    }
    unexplained
}

/// Issue 24's floor, per draw: French demand in 2026 is at or above the capacity that French
/// labs and public research own in France that year in at least three draws out of four; and
/// in every draw it is at least the share of it held for the French ecosystem.
#[test]
fn french_demand_stands_on_what_the_labs_own() {
    let mut simulator = Simulator::new();
    let scenario = Scenario::default();
    let simulation = simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    let demand = simulation.draws(Metric::GpusH100e, 2026);
    let owned = simulation.draws(Metric::OwnedGpusH100e, 2026);
    let at_or_above = demand.iter().zip(&owned).filter(|(d, o)| d >= o).count();
    let share = at_or_above as f64 / demand.len() as f64;
    assert!(share >= 0.75, "{share}");
    let held_share = simulator
        .parameter_draws(key::SUPPLY_COMMITTED_FRENCH_SHARE)
        .expect("drawn")
        .to_vec();
    let simulation = simulator.last();
    for year in compute_demand_core::years() {
        let demand = simulation.draws(Metric::GpusH100e, year);
        let owned = simulation.draws(Metric::OwnedGpusH100e, year);
        for ((d, o), f) in demand.iter().zip(&owned).zip(&held_share) {
            // Figures are stored as f32: a part in a million.
            assert!(
                *d >= f64::from(*f) * o * (1.0 - 1e-6),
                "{year}: {d} < {f} × {o}"
            );
        }
    }
}

/// Low and high stay brackets: below and above the baseline's median where it matters.
#[test]
fn low_and_high_bracket_the_baseline() {
    for country in &COUNTRIES {
        low_and_high_bracket(country);
    }
}

fn low_and_high_bracket(country: &'static Country) {
    let run = |id: &str| {
        let preset = (country.preset_by_id(id))
            .unwrap_or_else(|| panic!("{}: a pack has low and high presets", country.code));
        Simulator::new().run(&Scenario::from_preset(preset))
    };
    let (low, base, high) = (run("low"), run("baseline"), run("high"));
    for metric in [
        Metric::GpusH100e,
        Metric::FacilityPowerMw,
        Metric::ForeignPowerMw,
    ] {
        for year in [2027, 2030] {
            let p50 = |o: &Outlook| o.get(metric, year).p50;
            assert!(
                p50(&low) < p50(&base) && p50(&base) < p50(&high),
                "{} {} {year}: {} < {} < {}",
                country.code,
                metric.key(),
                p50(&low),
                p50(&base),
                p50(&high)
            );
        }
    }
    for metric in [Metric::CoverageRatio, Metric::CoverageRatioDomestic] {
        let coverage = |o: &Outlook| o.get(metric, 2030).p50;
        assert!(
            coverage(&low) > coverage(&base) && coverage(&base) > coverage(&high),
            "{} {}: low covers more than the baseline, the baseline more than high",
            country.code,
            metric.key()
        );
    }
}

/// The methodology's table of published forecasts (§8.3): each in MW beside the baseline's
/// counterpart in the same year, where there is one.
fn outside_table(country: &'static Country, simulation: &mut Simulation) -> String {
    use compute_demand_core::outside::{forecasts, PowerKind, Region, Seen};
    let mut out = String::from(
        "| # | Forecast | Perimeter | Figure (source, published; read) | As power | Compares as | \
         Baseline, same year: p5 – p50 – p95 | Draws at or above |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    let ordered =
        forecasts(country, Some(Region::Country)).chain(forecasts(country, Some(Region::Europe)));
    for (n, f) in ordered.enumerate() {
        let in_mw = f.in_mw();
        let range = match (f.low, f.high) {
            (Some(low), Some(high)) => format!(" ({}–{})", plain_number(low), plain_number(high)),
            _ => String::new(),
        };
        let seen = match f.seen {
            Seen::Source => "at the source",
            Seen::Secondary => "in a text quoting it",
            Seen::NotFound => "not found",
        };
        let kind = match in_mw.kind {
            PowerKind::Average => "average",
            PowerKind::Capacity => "capacity",
        };
        let (model, share) = match f.counterpart() {
            Some(c) => {
                let draws: Vec<f64> = simulation
                    .draws(c.metric, f.year)
                    .iter()
                    .map(|d| d * c.to_mw)
                    .collect();
                let s = simulation.summary(c.metric, f.year);
                let what = if c.metric == Metric::SupplyPowerMw {
                    "supply in service".to_string()
                } else {
                    format!("all AI demand on sites in {}", country.name)
                };
                (
                    format!(
                        "{what}: {} – {} – {} MW",
                        round(s.p5 * c.to_mw),
                        round(s.p50 * c.to_mw),
                        round(s.p95 * c.to_mw)
                    ),
                    format!("{}%", (share_at_or_above(&draws, in_mw.mw) * 100.0).round()),
                )
            }
            None if f.region == Region::Europe => ("— (Europe)".to_string(), "—".to_string()),
            None => ("— (outside 2024–2030)".to_string(), "—".to_string()),
        };
        out.push_str(&format!(
            "| {} | `{}` {} {} | {} (`{}`) | {} {}{range} ([{}]({}), {}; {seen}) | {} MW {kind} | {} | {model} | {share} |\n",
            n + 1,
            f.id,
            if f.region == Region::Country { country.name } else { "Europe" },
            f.year,
            f.perimeter_text,
            f.perimeter.key(),
            plain_number(f.value),
            f.unit.key(),
            f.publisher,
            f.url,
            f.published,
            round(in_mw.mw),
            f.comparable.key(),
        ));
    }
    out
}

/// §8.3 (and each country chapter's table) is written from the pack's `outside.toml` and its
/// baseline's draws.
#[test]
fn the_outside_forecasts_tables_are_the_models() {
    for country in &COUNTRIES {
        let mut simulation = baseline(country);
        let table = outside_table(country, &mut simulation);
        replace_generated_in(&document_of(country), Generated::Outside, &table);
    }
}
