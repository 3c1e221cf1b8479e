//! The data files: every value sourced, inside its bounds, and consistent.

use compute_demand_core::data::{GPUS, PARAMS, PRESETS, PROJECTS};
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
fn unsourced_values_say_so_and_carry_a_range() {
    for p in &PARAMS {
        if p.source.text.starts_with("unsourced") {
            assert!(
                p.baseline.is_uncertain(),
                "{} is unsourced but a point value",
                p.key
            );
        }
    }
}

#[test]
fn gpu_catalog_is_complete_and_sourced() {
    let wanted = [
        "a100-sxm", "h100-sxm", "h200", "b200", "gb200", "gb300", "mi300x",
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
        // H100-equivalents: BF16 ÷ 989 (ours) equals 8-bit ÷ 1,979 (Epoch AI) within 0.1%.
        let ours = g.bf16_tflops / 989.0;
        let epoch = g.fp8_tflops / 1979.0;
        assert!(
            (ours / epoch - 1.0).abs() < 1e-3,
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
    ] {
        assert!(ids.contains(&id), "supply lacks {id}");
    }
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
