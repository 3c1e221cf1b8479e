//! Every formula against cases worked by hand or published, as tables.

use compute_demand_core::data::{gpu_index, GPUS};
use compute_demand_core::model::estimate::{
    co2_tonnes, estimate_inference, estimate_training, gpu_it_power_w, inference_flop,
    training_flop, InferenceLoad, Site, TrainingRun,
};

fn close(actual: f64, expected: f64, relative: f64) -> bool {
    ((actual - expected) / expected).abs() <= relative
}

#[track_caller]
fn check(what: &str, actual: f64, expected: f64, relative: f64) {
    assert!(
        close(actual, expected, relative),
        "{what}: got {actual:e}, expected {expected:e} (±{relative})"
    );
}

#[test]
fn training_compute_matches_published_runs() {
    // (model, active params, tokens, published FLOP, tolerance)
    let cases = [
        ("GPT-3 (paper: 3.14e23)", 175e9, 300e9, 3.14e23, 0.01),
        (
            "Chinchilla (paper: 5.76e23; 6ND 5.88e23)",
            70e9,
            1.4e12,
            5.76e23,
            0.025,
        ),
        ("Chinchilla, 6ND exactly", 70e9, 1.4e12, 5.88e23, 1e-12),
        (
            "Mixtral-style MoE uses active params",
            12.9e9,
            1e12,
            7.74e22,
            1e-12,
        ),
    ];
    for (model, active, tokens, expected, tolerance) in cases {
        check(model, training_flop(active, tokens), expected, tolerance);
    }
}

fn site(gpu: &str, gpu_power_w: f64, pue: f64, grid: f64, price: f64) -> Site {
    Site {
        gpu: &GPUS[gpu_index(gpu).unwrap()],
        gpu_power_w,
        pue,
        grid_gco2_per_kwh: grid,
        electricity_eur_per_mwh: price,
    }
}

#[test]
fn training_estimate_chain() {
    // GPT-3 on A100s at 40% MFU: 3.15e23 / (312e12 × 0.4) / 3600 = 701,122 GPU-hours.
    // 1,000 W per GPU → 701.1 MWh IT; PUE 1.2 → 841.3 MWh; 50 g/kWh → 42.07 t; 100 €/MWh → €84,135.
    let run = TrainingRun {
        active_params: 175e9,
        tokens: 300e9,
        mfu: 0.4,
        days: Some(30.0),
    };
    let e = estimate_training(&run, &site("a100-sxm", 1000.0, 1.2, 50.0, 100.0));
    let gpu_hours = 3.15e23 / (312e12 * 0.4) / 3600.0;
    let table = [
        ("flop", e.flop, 3.15e23),
        ("gpu_hours", e.gpu_hours, gpu_hours),
        ("gpus over 30 days", e.gpus.unwrap(), gpu_hours / 720.0),
        ("it_energy_mwh", e.it_energy_mwh, gpu_hours * 1000.0 / 1e6),
        (
            "facility_energy_mwh",
            e.facility_energy_mwh,
            gpu_hours * 1000.0 / 1e6 * 1.2,
        ),
        (
            "co2_tonnes",
            e.co2_tonnes,
            gpu_hours * 1.2e-3 * 50.0 / 1000.0,
        ),
        (
            "energy_cost_eur",
            e.energy_cost_eur,
            gpu_hours * 1.2e-3 * 100.0,
        ),
    ];
    for (what, actual, expected) in table {
        check(what, actual, expected, 1e-12);
    }
    assert_eq!(
        estimate_training(
            &TrainingRun { days: None, ..run },
            &site("a100-sxm", 1.0, 1.0, 1.0, 1.0)
        )
        .gpus,
        None
    );
}

#[test]
fn inference_estimate_chain() {
    // 1e12 tokens/day on a 39B-active model: 7.8e22 FLOP/day = 9.03e17 FLOP/s;
    // on H100 at 15%: ÷ 1.4835e14 = 6,085 GPUs.
    let load = InferenceLoad {
        active_params: 39e9,
        tokens_per_day: 1e12,
        utilization: 0.15,
    };
    let e = estimate_inference(&load, &site("h100-sxm", 1000.0, 1.3, 20.0, 80.0));
    let gpus = 7.8e22 / 86_400.0 / (989e12 * 0.15);
    let table = [
        ("flop_per_day", e.flop_per_day, 7.8e22),
        ("gpus", e.gpus, gpus),
        ("it_power_mw", e.it_power_mw, gpus * 1000.0 / 1e6),
        ("facility_power_mw", e.facility_power_mw, gpus * 1.3e-3),
        (
            "energy_mwh_per_year",
            e.energy_mwh_per_year,
            gpus * 1.3e-3 * 8760.0,
        ),
        (
            "co2_tonnes_per_year",
            e.co2_tonnes_per_year,
            gpus * 1.3e-3 * 8760.0 * 20.0 / 1000.0,
        ),
    ];
    for (what, actual, expected) in table {
        check(what, actual, expected, 1e-12);
    }
}

#[test]
fn small_formulas() {
    let table = [
        (
            "inference 2·N per token",
            inference_flop(7e9, 1000.0),
            1.4e13,
        ),
        (
            "H100 IT power, Epoch AI chain",
            gpu_it_power_w(700.0, 1.82, 0.75),
            955.5,
        ),
        ("1 GWh at 21.7 g/kWh", co2_tonnes(1000.0, 21.7), 21.7),
    ];
    for (what, actual, expected) in table {
        check(what, actual, expected, 1e-12);
    }
}
