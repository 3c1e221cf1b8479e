//! A typed view of one set of parameter values: what the model reads, in its units.

use crate::data::key;
use crate::data::PARAM_COUNT;

/// The value of every parameter, indexed by [`crate::ParamId`].
pub type ParamValues = [f64; PARAM_COUNT];

/// A segment whose demand is runs × 6 · N · D (frontier labs, Poolside).
#[derive(Clone, Copy, Debug)]
pub struct RunSegment {
    pub runs_per_year: f64,
    pub active_params: f64,
    pub tokens: f64,
    pub growth: f64,
    pub france_share: f64,
}

/// A segment whose demand is given in H100-hours (startups, research).
#[derive(Clone, Copy, Debug)]
pub struct HoursSegment {
    pub h100_hours_per_year: f64,
    pub growth: f64,
    pub france_share: f64,
}

/// A segment whose demand is users × tokens × 2 · N (consumers, enterprises).
#[derive(Clone, Copy, Debug)]
pub struct ServingSegment {
    pub users: f64,
    pub tokens_per_user_day: f64,
    pub active_params: f64,
    pub growth: f64,
    pub france_share: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct PowerChain {
    pub server_overhead: f64,
    pub average_load: f64,
    pub pue: f64,
}

impl PowerChain {
    /// Peak IT power of one GPU with its server share, W.
    pub fn it_peak_w(&self, tdp_w: f64) -> f64 {
        tdp_w * self.server_overhead
    }

    /// Average facility power of one GPU: TDP × server overhead × load × PUE, W.
    pub fn facility_average_w(&self, tdp_w: f64) -> f64 {
        tdp_w * self.server_overhead * self.average_load * self.pue
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Money {
    pub usd_to_eur: f64,
    pub cluster_capex_multiplier: f64,
    pub gpu_depreciation_years: f64,
    /// Per MW of peak IT power.
    pub facility_capex_eur_per_mw: f64,
    pub facility_depreciation_years: f64,
    pub electricity_eur_per_mwh: f64,
    pub cloud_usd_per_h100_hour: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct SupplyWeights {
    pub financed: f64,
    pub announced: f64,
    pub genai_share: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct Assumptions {
    pub frontier: RunSegment,
    pub poolside: RunSegment,
    pub experiment_overhead: f64,
    pub startups: HoursSegment,
    pub research: HoursSegment,
    pub consumer: ServingSegment,
    pub enterprise: ServingSegment,
    pub training_mfu: f64,
    pub serving_utilization: f64,
    pub fleet_lag_years: f64,
    pub chain: PowerChain,
    pub money: Money,
    pub grid_gco2_per_kwh: f64,
    pub supply: SupplyWeights,
}

impl Assumptions {
    pub fn read(v: &ParamValues) -> Assumptions {
        let at = |id: crate::ParamId| v[id.index()];
        Assumptions {
            frontier: RunSegment {
                runs_per_year: at(key::TRAINING_FRONTIER_RUNS_PER_YEAR),
                active_params: at(key::TRAINING_FRONTIER_ACTIVE_PARAMS_B) * 1e9,
                tokens: at(key::TRAINING_FRONTIER_TOKENS_T) * 1e12,
                growth: at(key::TRAINING_FRONTIER_GROWTH),
                france_share: at(key::TRAINING_FRONTIER_FRANCE_SHARE),
            },
            poolside: RunSegment {
                runs_per_year: at(key::TRAINING_POOLSIDE_RUNS_PER_YEAR),
                active_params: at(key::TRAINING_POOLSIDE_ACTIVE_PARAMS_B) * 1e9,
                tokens: at(key::TRAINING_POOLSIDE_TOKENS_T) * 1e12,
                growth: at(key::TRAINING_POOLSIDE_GROWTH),
                france_share: at(key::TRAINING_POOLSIDE_FRANCE_SHARE),
            },
            experiment_overhead: at(key::TRAINING_EXPERIMENT_OVERHEAD),
            startups: HoursSegment {
                h100_hours_per_year: at(key::TRAINING_STARTUPS_COUNT)
                    * at(key::TRAINING_STARTUPS_TRAINING_SHARE)
                    * at(key::TRAINING_STARTUPS_GPU_HOURS_K)
                    * 1e3,
                growth: at(key::TRAINING_STARTUPS_GROWTH),
                france_share: at(key::TRAINING_STARTUPS_FRANCE_SHARE),
            },
            research: HoursSegment {
                h100_hours_per_year: at(key::TRAINING_RESEARCH_RESEARCHERS)
                    * at(key::TRAINING_RESEARCH_GPU_HOURS_PER_RESEARCHER),
                growth: at(key::TRAINING_RESEARCH_GROWTH),
                france_share: at(key::TRAINING_RESEARCH_FRANCE_SHARE),
            },
            consumer: ServingSegment {
                users: at(key::INFERENCE_CONSUMER_USERS_M) * 1e6,
                tokens_per_user_day: at(key::INFERENCE_CONSUMER_TOKENS_PER_USER_DAY),
                active_params: at(key::INFERENCE_CONSUMER_ACTIVE_PARAMS_B) * 1e9,
                growth: at(key::INFERENCE_CONSUMER_GROWTH),
                france_share: at(key::INFERENCE_CONSUMER_FRANCE_SHARE),
            },
            enterprise: ServingSegment {
                users: at(key::INFERENCE_ENTERPRISE_USERS_M) * 1e6,
                tokens_per_user_day: at(key::INFERENCE_ENTERPRISE_TOKENS_PER_USER_DAY),
                active_params: at(key::INFERENCE_ENTERPRISE_ACTIVE_PARAMS_B) * 1e9,
                growth: at(key::INFERENCE_ENTERPRISE_GROWTH),
                france_share: at(key::INFERENCE_ENTERPRISE_FRANCE_SHARE),
            },
            training_mfu: at(key::HARDWARE_TRAINING_MFU),
            serving_utilization: at(key::HARDWARE_SERVING_UTILIZATION),
            fleet_lag_years: at(key::HARDWARE_FLEET_LAG_YEARS),
            chain: PowerChain {
                server_overhead: at(key::HARDWARE_SERVER_OVERHEAD),
                average_load: at(key::HARDWARE_AVERAGE_LOAD),
                pue: at(key::FACILITY_PUE),
            },
            money: Money {
                usd_to_eur: at(key::HARDWARE_USD_TO_EUR),
                cluster_capex_multiplier: at(key::HARDWARE_CLUSTER_CAPEX_MULTIPLIER),
                gpu_depreciation_years: at(key::HARDWARE_GPU_DEPRECIATION_YEARS),
                facility_capex_eur_per_mw: at(key::FACILITY_CAPEX_MEUR_PER_MW) * 1e6,
                facility_depreciation_years: at(key::FACILITY_DEPRECIATION_YEARS),
                electricity_eur_per_mwh: at(key::FACILITY_ELECTRICITY_EUR_PER_MWH),
                cloud_usd_per_h100_hour: at(key::FACILITY_CLOUD_USD_PER_H100_HOUR),
            },
            grid_gco2_per_kwh: at(key::FACILITY_GRID_GCO2_PER_KWH),
            supply: SupplyWeights {
                financed: at(key::SUPPLY_WEIGHT_FINANCED),
                announced: at(key::SUPPLY_WEIGHT_ANNOUNCED),
                genai_share: at(key::SUPPLY_GENAI_SHARE),
            },
        }
    }
}
