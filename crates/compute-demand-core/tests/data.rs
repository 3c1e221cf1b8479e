//! The data files: every value sourced, inside its bounds, and consistent.

use compute_demand_core::data::{Capacity, FLEET_MIX, GPUS, PARAMS, PRESETS, PROJECTS};
use compute_demand_core::{Dist, Scenario};

#[test]
fn every_parameter_is_sourced_and_inside_its_bounds() {
    for p in &PARAMS {
        assert!(!p.source.text.trim().is_empty(), "{} has no source", p.key);
        assert!(
            !p.label.is_empty() && !p.label_fr.is_empty() && !p.unit.is_empty(),
            "{} lacks a label or unit",
            p.key
        );
        let (low, high) = p.baseline.bounds();
        assert!(
            p.min <= low && low <= high && high <= p.max,
            "{}: {:?} outside {}..{}",
            p.key,
            p.baseline,
            p.min,
            p.max
        );
        let median = p.baseline.median();
        assert!(
            median.is_finite() && median >= p.min && median <= p.max,
            "{}: median {median}",
            p.key
        );
        assert!(
            p.step > 0.0 && p.step <= (p.max - p.min),
            "{}: step {}",
            p.key,
            p.step
        );
        if let Some(url) = p.source.url {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{}: {url}",
                p.key
            );
        }
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
fn fleet_mix_rows_are_shares() {
    for (year, shares) in compute_demand_core::years().zip(&FLEET_MIX.shares) {
        let total: f64 = shares.iter().sum();
        assert!((total - 1.0).abs() < 1e-9, "{year}: shares sum to {total}");
        assert!(shares.iter().all(|&s| s >= 0.0), "{year}: negative share");
    }
}

#[test]
fn supply_projects_are_sourced_and_in_the_horizon() {
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
    for p in &PROJECTS {
        assert!(!p.source.text.is_empty(), "{} unsourced", p.id);
        for t in p.tranches {
            assert!((2024..=2030).contains(&t.year), "{} {}", p.id, t.year);
            if let Capacity::Gpus { gpu, .. } = t.capacity {
                assert!(gpu < GPUS.len());
            }
        }
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
