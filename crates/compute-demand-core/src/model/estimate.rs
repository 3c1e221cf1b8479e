//! The formulas for one training run and one inference load: `compute-demand training` and
//! `compute-demand inference`, and the building blocks of the ecosystem model.

use crate::data::Gpu;

pub const SECONDS_PER_DAY: f64 = 86_400.0;
pub const HOURS_PER_YEAR: f64 = 8_760.0;
pub const SECONDS_PER_YEAR: f64 = HOURS_PER_YEAR * 3_600.0;

/// Training compute, C ≈ 6 · N_active · D (EleutherAI, Transformer Math 101; Epoch AI).
pub fn training_flop(active_params: f64, tokens: f64) -> f64 {
    6.0 * active_params * tokens
}

/// Inference compute, ≈ 2 · N_active per token processed (kipply, Transformer inference arithmetic).
pub fn inference_flop(active_params: f64, tokens: f64) -> f64 {
    2.0 * active_params * tokens
}

/// Average all-in IT power per GPU: TDP × server overhead × average load (Epoch AI, energy.py).
pub fn gpu_it_power_w(tdp_w: f64, server_overhead: f64, average_load: f64) -> f64 {
    tdp_w * server_overhead * average_load
}

/// Tonnes of CO2e for an energy in MWh at a grid intensity in gCO2e/kWh (g/kWh = kg/MWh).
pub fn co2_tonnes(energy_mwh: f64, grid_gco2_per_kwh: f64) -> f64 {
    energy_mwh * grid_gco2_per_kwh / 1_000.0
}

/// Where and on what the compute runs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Site {
    pub gpu: &'static Gpu,
    /// Average all-in IT power per GPU (server share included), W.
    pub gpu_power_w: f64,
    pub pue: f64,
    pub grid_gco2_per_kwh: f64,
    pub electricity_eur_per_mwh: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingRun {
    pub active_params: f64,
    pub tokens: f64,
    /// Model FLOP utilisation: achieved ÷ dense BF16 peak.
    pub mfu: f64,
    /// Wall-clock duration, when known: gives the number of GPUs.
    pub days: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainingEstimate {
    pub flop: f64,
    pub gpu_hours: f64,
    pub gpus: Option<f64>,
    pub it_energy_mwh: f64,
    pub facility_energy_mwh: f64,
    pub co2_tonnes: f64,
    pub energy_cost_eur: f64,
}

pub fn estimate_training(run: &TrainingRun, site: &Site) -> TrainingEstimate {
    let flop = training_flop(run.active_params, run.tokens);
    let gpu_hours = flop / (site.gpu.bf16_flop_per_s() * run.mfu) / 3_600.0;
    let it_energy_mwh = gpu_hours * site.gpu_power_w / 1e6;
    let facility_energy_mwh = it_energy_mwh * site.pue;
    TrainingEstimate {
        flop,
        gpu_hours,
        gpus: run.days.map(|days| gpu_hours / (days * 24.0)),
        it_energy_mwh,
        facility_energy_mwh,
        co2_tonnes: co2_tonnes(facility_energy_mwh, site.grid_gco2_per_kwh),
        energy_cost_eur: facility_energy_mwh * site.electricity_eur_per_mwh,
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InferenceLoad {
    pub active_params: f64,
    /// Tokens processed per day (prompt and generated).
    pub tokens_per_day: f64,
    /// Achieved ÷ dense BF16 peak, averaged over the serving fleet.
    pub utilization: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InferenceEstimate {
    pub flop_per_day: f64,
    pub gpus: f64,
    pub it_power_mw: f64,
    pub facility_power_mw: f64,
    pub energy_mwh_per_year: f64,
    pub co2_tonnes_per_year: f64,
}

pub fn estimate_inference(load: &InferenceLoad, site: &Site) -> InferenceEstimate {
    let flop_per_day = inference_flop(load.active_params, load.tokens_per_day);
    let gpus = flop_per_day / SECONDS_PER_DAY / (site.gpu.bf16_flop_per_s() * load.utilization);
    let it_power_mw = gpus * site.gpu_power_w / 1e6;
    let facility_power_mw = it_power_mw * site.pue;
    let energy_mwh_per_year = facility_power_mw * HOURS_PER_YEAR;
    InferenceEstimate {
        flop_per_day,
        gpus,
        it_power_mw,
        facility_power_mw,
        energy_mwh_per_year,
        co2_tonnes_per_year: co2_tonnes(energy_mwh_per_year, site.grid_gco2_per_kwh),
    }
}
