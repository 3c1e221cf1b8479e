//! The baseline beside what can be observed (docs/methodology.md, "Calibration"): each
//! observation must fall inside the baseline's 90% range, and the upper tail must stay inside
//! what the grid and the sector's forecasts allow. Where they disagree, the parameters change,
//! not the observations.

use compute_demand_core::{Metric, Outlook, Scenario, Simulator, PRESETS};

/// What an observation says of a figure.
#[derive(Clone, Copy, Debug)]
enum Check {
    /// The observed value lies inside the 90% range (p5 ≤ value ≤ p95).
    Inside(f64),
    /// The 95th percentile stays at or below this ceiling.
    CeilingOfP95(f64),
}

/// (what was observed, with its source; metric; year; check)
const OBSERVATIONS: &[(&str, Metric, u16, Check)] = &[
    (
        "2024 installed base used by the French ecosystem in France: Jean Zay's 1,456 H100 and \
         older partitions, Scaleway's ≈5,000 GPUs, ≈4,000 H100e (GENCI 2024; Scaleway 2024)",
        Metric::GpusH100e,
        2024,
        Check::Inside(4_000.0),
    ),
    (
        "Mistral Compute, Bruyères-le-Châtel: 13,800 GB300 ≈ 34,900 H100e in service from \
         mid-2026 (NVIDIA, June 2026): the French labs' own French capacity by 2027",
        Metric::GpusH100e,
        2027,
        Check::Inside(34_900.0),
    ),
    (
        "the same, in service for half of 2026: ≈17,400 H100e on average over the year, and \
         ≈34,900 by its end",
        Metric::GpusH100e,
        2026,
        Check::Inside(17_400.0),
    ),
    (
        "Mistral Compute at the end of 2026",
        Metric::GpusH100e,
        2026,
        Check::Inside(34_900.0),
    ),
    (
        "Les Ulis, 10 MW of inference from Q3 2026: ≈7,900 H100e serving from France in 2027",
        Metric::InferenceGpusH100e,
        2027,
        Check::Inside(7_900.0),
    ),
    (
        "the 2024 registered base, built: ≈4,310 H100e (Jean Zay and Scaleway by chip, §8 rows 1–4)",
        Metric::SupplyGpusH100e,
        2024,
        Check::Inside(4_310.0),
    ),
    (
        "RTE's 2025 update: all French data centres 2.4–4.3 GW by 2030 — AI on French sites stays \
         below the low trajectory (sites_energy_gwh ÷ 8.76 < 2,400 MW, i.e. < 21,000 GWh)",
        Metric::SitesEnergyGwh,
        2030,
        Check::CeilingOfP95(21_000.0),
    ),
    (
        "RTE: every data centre in France together ≈15–20 TWh a year by 2030 (Bilan \
         prévisionnel): AI demand on French sites stays below the upper end",
        Metric::SitesEnergyGwh,
        2030,
        Check::CeilingOfP95(20_000.0),
    ),
    (
        "the French ecosystem's own demand alone stays below RTE's lower end (15 TWh)",
        Metric::EnergyGwh,
        2030,
        Check::CeilingOfP95(15_000.0),
    ),
];

fn failures(outlook: &Outlook) -> Vec<String> {
    let mut out = Vec::new();
    for &(what, metric, year, check) in OBSERVATIONS {
        let s = outlook.get(metric, year);
        let ok = match check {
            Check::Inside(value) => s.p5 <= value && value <= s.p95,
            Check::CeilingOfP95(ceiling) => s.p95 <= ceiling,
        };
        if !ok {
            out.push(format!(
                "{} {year} {check:?}: p5 {:.0}, p50 {:.0}, p95 {:.0} — {what}",
                metric.key(),
                s.p5,
                s.p50,
                s.p95
            ));
        }
    }
    out
}

#[test]
fn the_baseline_holds_every_observation() {
    let outlook = Simulator::new().run(&Scenario::default());
    let failed = failures(&outlook);
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// Low and high stay brackets: below and above the baseline's median where it matters.
#[test]
fn low_and_high_bracket_the_baseline() {
    let run = |id: &str| {
        let preset = PRESETS.iter().find(|p| p.id == id).unwrap();
        Simulator::new().run(&Scenario::from_preset(preset))
    };
    let (low, base, high) = (run("low"), run("baseline"), run("high"));
    for metric in [Metric::GpusH100e, Metric::FacilityPowerMw] {
        for year in [2027, 2030] {
            let p50 = |o: &Outlook| o.get(metric, year).p50;
            assert!(
                p50(&low) < p50(&base) && p50(&base) < p50(&high),
                "{} {year}: {} < {} < {}",
                metric.key(),
                p50(&low),
                p50(&base),
                p50(&high)
            );
        }
    }
    let coverage = |o: &Outlook| o.get(Metric::CoverageRatio, 2030).p50;
    assert!(
        coverage(&low) > coverage(&high),
        "low covers more than high"
    );
}
