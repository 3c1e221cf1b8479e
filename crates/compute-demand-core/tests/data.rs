//! The data files: every value sourced, inside its bounds, and consistent.

// Tests are not in the bundle: std's Unicode tables are fine here (clippy.toml refuses them
// in the code).
#![allow(clippy::disallowed_methods)]

#[path = "common/methodology.rs"]
mod methodology;

use compute_demand_core::data::{Country, COUNTRIES, GPUS, PARAMS, PRESETS, PROJECTS};
use compute_demand_core::{Dist, Scenario};

// The shape rules (bounds, ranges, sources, statuses, scopes, one capacity per tranche) are
// applied by build.rs through `input::rules`, the validation layer's own functions; a row that
// breaks one fails the build. tests/rules.rs holds those rules to a table of bad rows. The
// tests here check what the rules cannot: meaning and completeness.

#[test]
fn every_parameter_has_labels_and_passes_the_validation_layer() {
    for p in &PARAMS {
        assert!(
            !p.label.is_empty() && !p.label_fr.is_empty() && !p.unit.is_empty(),
            "{} lacks a label or unit",
            p.key
        );
        compute_demand_core::input::validate::param_dist(p, p.baseline.written())
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(p.step <= p.max - p.min, "{}: step {}", p.key, p.step);
    }
}

#[test]
fn judgements_carry_a_range() {
    for p in &PARAMS {
        if p.evidence == compute_demand_core::data::Evidence::Judgement {
            assert!(
                p.baseline.is_uncertain(),
                "{} is a judgement but a point value",
                p.key
            );
        }
    }
}

#[test]
fn gpu_catalog_is_complete_and_sourced() {
    let wanted = [
        "a100-sxm",
        "h100-sxm",
        "h200",
        "b200",
        "gb200",
        "gb300",
        "mi300x",
        "vr200",
        "h100-pcie",
        "l40s",
        "l4",
        "v100",
    ];
    for id in wanted {
        assert!(GPUS.iter().any(|g| g.id == id), "catalog lacks {id}");
    }
    for g in &GPUS {
        for (what, value) in [
            ("bf16", g.bf16_tflops),
            ("fp8", g.fp8_tflops),
            ("memory", g.memory_gb),
            ("bandwidth", g.bandwidth_tbps),
            ("tdp", g.tdp_w),
            ("price", g.price_usd),
        ] {
            assert!(value.is_finite() && value > 0.0, "{} {what}", g.id);
        }
        assert!(
            !g.source.text.is_empty() && !g.price_source.is_empty(),
            "{} unsourced",
            g.id
        );
        // H100-equivalents: BF16 ÷ 989 (ours) equals 8-bit ÷ 1,979 (Epoch AI) within the
        // datasheets' rounding (0.5%) — except where a datasheet says otherwise: (id, tolerance, why).
        let exceptions = [
            (
                "l40s",
                0.02,
                "the L40S datasheet gives 362.05 BF16 against 733 FP8 (1.2% apart)",
            ),
            (
                "v100",
                f64::INFINITY,
                "the V100 has no 8-bit tensor path: FP16 in both columns",
            ),
        ];
        let tolerance = exceptions
            .iter()
            .find(|(id, ..)| *id == g.id)
            .map_or(5e-3, |(_, tolerance, _)| *tolerance);
        let ours = g.bf16_tflops / 989.0;
        let epoch = g.fp8_tflops / 1979.0;
        assert!(
            (ours / epoch - 1.0).abs() < tolerance,
            "{}: {ours} vs {epoch} H100e",
            g.id
        );
    }
}

#[test]
fn the_named_supply_projects_are_there() {
    let ids: Vec<&str> = PROJECTS.iter().map(|p| p.id).collect();
    for id in [
        "jean-zay",
        "scaleway",
        "microsoft-2024",
        "amazon-2024",
        "mistral-compute",
        "fluidstack",
        "mgx-campus",
        "ovhcloud-gpus",
        "sesterce",
        "evroc-mougins",
        "prologis-paris",
        "digital-realty-paris",
        "equinix-paris",
        "telehouse-france",
    ] {
        assert!(ids.contains(&id), "supply lacks {id}");
    }
    // No pledge twice: Amazon's May 2024 pledge is the AWS plan's 2024–2025 spending, so the
    // plan's entry starts after it.
    let aws = PROJECTS.iter().find(|p| p.id.starts_with("aws-")).unwrap();
    assert!(
        aws.tranches.iter().all(|t| t.tranche.year > 2026),
        "the AWS plan's entry holds no year the Amazon pledge does"
    );
    // The own clusters are marked, and only they.
    use compute_demand_core::data::Commitment;
    let committed: Vec<(&str, Commitment)> = PROJECTS
        .iter()
        .filter_map(|p| p.committed.map(|c| (p.id, c)))
        .collect();
    assert_eq!(
        committed,
        [
            ("jean-zay", Commitment::Research),
            ("jean-zay-older", Commitment::Research),
            ("mistral-compute", Commitment::Labs),
            ("mistral-les-ulis", Commitment::Labs),
            ("alice-recoque", Commitment::Research),
        ]
    );
    let amazon = PROJECTS.iter().find(|p| p.id == "amazon-2024").unwrap();
    assert_eq!(
        amazon.share_param.map(|id| id.spec().key),
        Some("supply.amazon_cloud_share")
    );
}

#[test]
fn presets_exist_and_stay_inside_bounds() {
    let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
    assert_eq!(&ids[..3], ["baseline", "low", "high"]);
    for preset in &PRESETS {
        let scenario = Scenario::from_preset(preset);
        scenario
            .validate()
            .unwrap_or_else(|e| panic!("preset {}: {e}", preset.id));
        for (id, dist) in preset.overrides {
            assert_ne!(
                *dist,
                id.spec().baseline,
                "{} repeats the baseline of {}",
                preset.id,
                id.spec().key
            );
            assert!(!matches!(dist, Dist::Point(v) if !v.is_finite()));
        }
    }
}

/// The label rules (docs/methodology.md §6.1): a published value carries the figure as its
/// source states it; a derived one shows its arithmetic in its source and has a derivation in
/// France's chapter, §6.2; a judgement says so first. build.rs refuses a row that breaks the
/// first or the last (`input::rules::evidence_backing`, table-tested in tests/rules.rs); this
/// holds the methodology to the data, and writes each chapter's parameter table from its pack.
#[test]
fn labels_mean_what_they_say() {
    use compute_demand_core::data::Evidence;
    use compute_demand_core::data::{Country, COUNTRIES};
    use compute_demand_core::input::rules::evidence_backing;
    let text = methodology::text();
    let france = methodology::chapter(Country::first());
    let derivations = france
        .split_once("### 6.2 Derivations")
        .and_then(|(_, rest)| rest.split_once("### 6.3"))
        .map(|(section, _)| section)
        .expect("§6.2 Derivations, then §6.3");
    let mut missing = Vec::new();
    for p in &PARAMS {
        let quote = (!p.quote.is_empty()).then_some(p.quote);
        evidence_backing(p.evidence, p.source.text, quote)
            .unwrap_or_else(|e| panic!("{}: {e}", p.key));
        if p.evidence == Evidence::Derived && !derivations.contains(&format!("`{}`", p.key)) {
            missing.push(p.key);
        }
    }
    for country in &COUNTRIES {
        methodology::replace_generated_in(
            &methodology::document_of(country),
            methodology::Generated::Parameters,
            &parameters_table(country),
        );
    }
    assert!(
        missing.is_empty(),
        "no derivation in France's chapter, §6.2, for {missing:?}"
    );
    // What demand means opens the methodology, in the words `run --help` uses.
    let top = text.split("\n## ").next().unwrap_or_default();
    assert!(
        top.contains(compute_demand_core::DEMAND_DEFINITION),
        "the methodology opens with the definition of demand"
    );
}

/// The methodology's §6.3: every parameter, as the data gives it.
fn parameters_table(country: &'static compute_demand_core::data::Country) -> String {
    use compute_demand_core::input::notation::plain_number;
    let medians = Scenario::in_country(country).medians();
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::new();
    let mut group = None;
    for p in country.params {
        if group != Some(p.group) {
            group = Some(p.group);
            out.push_str(&format!(
                "\n#### {}\n\n| Key | Baseline | Median | Unit | Bounds | Evidence | As the source states it | Source |\n|---|---|---|---|---|---|---|---|\n",
                group_title(p.group)
            ));
        }
        let source = match p.source.url {
            Some(url) => format!("{} — <{url}>", cell(p.source.text)),
            None => cell(p.source.text),
        };
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {} – {} | {} | {} | {} |\n",
            p.key,
            p.baseline.notation(),
            plain_number((medians[p.id.index()] * 1e4).round() / 1e4),
            p.unit,
            plain_number(p.min),
            plain_number(p.max),
            p.evidence.key(),
            if p.quote.is_empty() {
                String::new()
            } else {
                format!("“{}”", cell(p.quote))
            },
            source
        ));
    }
    out
}

/// Each chapter's register: every project and tranche as the pack's register gives it.
#[test]
fn the_methodologys_register_is_the_data() {
    for country in &COUNTRIES {
        methodology::replace_generated_in(
            &methodology::document_of(country),
            methodology::Generated::Register,
            &register_table(country),
        );
    }
}

/// A GPU count as the source gives it: whole, grouped by thousands (1,024, not 1,020).
fn gpu_count(count: f64) -> String {
    use compute_demand_core::output::format::{significant, whole, Lang};
    if count.fract() == 0.0 && count < 1e15 {
        whole(count as u64, Lang::En)
    } else {
        significant(count, Lang::En)
    }
}

fn register_table(country: &'static Country) -> String {
    use compute_demand_core::data::{Capacity, CapexScope};
    use compute_demand_core::output::format::{quantity, Lang};
    use compute_demand_core::Unit;
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from(
        "| Project | Site | Online (announced) | Capacity as given | Status | Dedicated | Customers | Own cluster of | Tranche source |\n\
         |---|---|---|---|---|---|---|---|---|\n",
    );
    for project in country.projects {
        for (i, sourced) in project.tranches.iter().enumerate() {
            let t = sourced.tranche;
            let mut capacity = match t.capacity {
                Capacity::Mw(mw) => quantity(mw, Unit::Megawatts, Lang::En),
                Capacity::Gpus { count, gpu } => format!("{} {}", gpu_count(count), GPUS[gpu].name),
                Capacity::Eur { eur, scope } => format!(
                    "{} {}",
                    quantity(eur, Unit::Euros, Lang::En),
                    match scope {
                        CapexScope::AllIn => "all-in",
                        CapexScope::Facility => "facility-only",
                    }
                ),
            };
            if let Some(mw) = sourced.site_mw {
                capacity.push_str(&format!(
                    ", site {}",
                    quantity(mw, Unit::Megawatts, Lang::En)
                ));
            }
            let online = if sourced.start > 0.0 {
                format!(
                    "{} (from {}% of the year)",
                    t.year,
                    (sourced.start * 100.0).round()
                )
            } else {
                t.year.to_string()
            };
            let first = i == 0;
            let shown = |text: String| if first { text } else { String::new() };
            let share = project
                .share_param
                .map(|id| format!(", × `{}`", country.param(id).key))
                .unwrap_or_default();
            out.push_str(&format!(
                "| {} | {} | {online} | {capacity} | {} | {} | {} | {} | {} |\n",
                shown(cell(project.name)),
                shown(cell(project.site)),
                t.status.key(),
                shown(if project.dedicated {
                    "yes".into()
                } else {
                    "no".into()
                }),
                shown(format!("{}{share}", project.customers.key())),
                shown(
                    project
                        .committed
                        .map(|c| c.key().to_string())
                        .unwrap_or_default()
                ),
                cell(sourced.source)
            ));
        }
    }
    out
}

/// Each chapter's presets table: every parameter a preset overrides, and its value in each.
#[test]
fn the_methodologys_presets_are_the_data() {
    for country in &COUNTRIES {
        methodology::replace_generated_in(
            &methodology::document_of(country),
            methodology::Generated::Presets,
            &presets_table(country),
        );
    }
}

fn presets_table(country: &'static Country) -> String {
    let presets = country.presets;
    let mut out = String::from("| Parameter |");
    for preset in presets {
        out.push_str(&format!(" {} |", preset.label));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(presets.len()));
    out.push('\n');
    for p in country.params {
        let overridden: Vec<Option<String>> = presets
            .iter()
            .map(|preset| {
                preset
                    .overrides
                    .iter()
                    .find(|(id, _)| *id == p.id)
                    .map(|(_, dist)| dist.notation())
            })
            .collect();
        if overridden.iter().all(Option::is_none) {
            continue;
        }
        out.push_str(&format!("| `{}` |", p.key));
        for value in overridden {
            let value = value.unwrap_or_else(|| p.baseline.notation());
            out.push_str(&format!(" `{value}` |"));
        }
        out.push('\n');
    }
    out
}

fn group_title(group: compute_demand_core::ParamGroup) -> &'static str {
    use compute_demand_core::ParamGroup;
    match group {
        ParamGroup::Training => "Demand — training",
        ParamGroup::Inference => "Demand — inference",
        ParamGroup::Foreign => "Demand from abroad",
        ParamGroup::Hardware => "Hardware",
        ParamGroup::Facility => "Facility and energy",
        ParamGroup::Supply => "Supply",
    }
}

/// A pack's vintage (`data_as_of`; the default pack's is `DATA_AS_OF`, on every chart and
/// citation) is the newest month its sources and the GPU catalog cite: adding a newer source
/// without moving the vintage fails here.
#[test]
fn the_data_vintage_is_the_newest_month_cited() {
    for country in &compute_demand_core::data::COUNTRIES {
        assert_eq!(
            country.data_as_of,
            newest_month_cited(country),
            "{}",
            country.code
        );
    }
    assert_eq!(
        compute_demand_core::data::DATA_AS_OF,
        compute_demand_core::data::Country::first().data_as_of
    );
}

fn newest_month_cited(country: &compute_demand_core::data::Country) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let texts = (country.params.iter())
        .map(|spec| spec.source.text)
        .chain(GPUS.iter().map(|gpu| gpu.source.text))
        .chain(country.projects.iter().map(|project| project.source.text))
        .chain(
            (country.projects.iter()).flat_map(|project| project.tranches.iter().map(|t| t.source)),
        );
    let mut newest = (0, 0);
    for text in texts {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            let month = MONTHS.iter().position(|m| pair[0].starts_with(m));
            let year: Option<u32> = pair[1].parse().ok().filter(|y| (2000..2100).contains(y));
            if let (Some(month), Some(year)) = (month, year) {
                newest = newest.max((year, month as u32 + 1));
            }
        }
    }
    format!("{}-{:02}", newest.0, newest.1)
}

/// data/countries/fr/outside.toml reaches the table whole, every row passing the rules build.rs applies,
/// with the forecasts issue 27 names.
#[test]
fn the_outside_forecasts_load_and_pass_the_rules() {
    use compute_demand_core::input::rules::{self, ForecastRow};
    use compute_demand_core::outside::{Region, OUTSIDE};
    let text = include_str!("../data/countries/fr/outside.toml");
    assert_eq!(OUTSIDE.len(), text.matches("[[forecast]]").count());
    assert!(OUTSIDE.len() >= 28, "{} forecasts", OUTSIDE.len());
    let mut ids = std::collections::BTreeSet::new();
    for f in OUTSIDE {
        assert!(ids.insert(f.id), "{} twice", f.id);
        // Without `register-sources` the texts only the CLI prints are left out (build.rs
        // checked them either way).
        let kept = |text: &'static str| {
            if cfg!(feature = "register-sources") {
                text
            } else {
                "left out"
            }
        };
        let row = ForecastRow {
            id: f.id,
            region: f.region.key(),
            publisher: f.publisher,
            title: kept(f.title),
            published: f.published,
            year: i64::from(f.year),
            value: f.value,
            low: f.low,
            high: f.high,
            unit: f.unit.key(),
            perimeter: f.perimeter.key(),
            perimeter_text: kept(f.perimeter_text),
            comparable: f.comparable.key(),
            url: f.url,
            seen: f.seen.key(),
            note: kept(f.note),
        };
        let kinds = rules::outside_forecast(&row).unwrap_or_else(|e| panic!("{}: {e}", f.id));
        assert_eq!(kinds.year, f.year);
        assert!(text.contains(&format!("id = \"{}\"", f.id)));
    }
    for id in [
        "rte-bp2025-2025",
        "rte-bp2025-2030",
        "rte-bp2025-prep-2030-gw",
        "ademe-2024-territory",
        "ademe-2024-power",
        "ademe-2035-territory",
        "arcep-colocation-2023",
        "shift-fr-2035",
        "edf-2035-added",
        "edf-2030-gw",
        "rte-reserved-2026",
        "iea-eu-2024",
        "iea-eu-2030",
    ] {
        assert!(ids.contains(id), "outside.toml lacks {id}");
    }
    assert!(OUTSIDE.iter().any(|f| f.region == Region::Europe));
}
