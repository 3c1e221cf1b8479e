//! A typed view of one set of parameter values: what the model reads, in its units.

use crate::data::key;
use crate::data::PARAM_COUNT;

/// The value of every parameter, indexed by [`crate::ParamId`].
pub type ParamValues = [f64; PARAM_COUNT];

/// The share of a segment's compute sited in the pack's country, by year: `early` before `switch_year`,
/// `late` from it on. A fractional switch year moves that share of the year: 2026.5 puts
/// 2026 half-way. A constant share has `early == late`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SiteShare {
    pub early: f64,
    pub late: f64,
    pub switch_year: f64,
}

impl SiteShare {
    pub fn constant(share: f64) -> SiteShare {
        SiteShare {
            early: share,
            late: share,
            switch_year: f64::from(crate::FIRST_YEAR),
        }
    }

    /// The share in `year`.
    #[inline(always)]
    pub fn at(&self, year: u16) -> f64 {
        let weight = (f64::from(year) - self.switch_year + 1.0).clamp(0.0, 1.0);
        self.early + weight * (self.late - self.early)
    }
}

/// A segment whose demand is runs × 6 · N · D (frontier labs, and the lab counted in the
/// ecosystem that trains mostly abroad: France's Poolside, the UK's Google DeepMind).
#[derive(Clone, Copy, Debug)]
pub struct RunSegment {
    pub runs_per_year: f64,
    pub active_params: f64,
    pub tokens: f64,
    pub growth: f64,
    pub site_share: SiteShare,
}

/// A segment whose demand is given in H100-hours (startups, research).
#[derive(Clone, Copy, Debug)]
pub struct HoursSegment {
    pub h100_hours_per_year: f64,
    pub growth: f64,
    pub site_share: SiteShare,
}

/// A segment whose demand is users × tokens × 2 · N (consumers, enterprises).
#[derive(Clone, Copy, Debug)]
pub struct ServingSegment {
    pub users: f64,
    pub tokens_per_user_day: f64,
    pub active_params: f64,
    pub growth: f64,
    pub site_share: SiteShare,
}

#[derive(Clone, Copy, Debug)]
pub struct PowerChain {
    /// Multiplies every GPU's catalog server overhead.
    pub overhead_scale: f64,
    pub average_load: f64,
    pub pue: f64,
}

impl PowerChain {
    /// Peak IT power of one GPU with its server share, W, from the catalog's TDP × server
    /// overhead (`Gpu::it_w`, or a fleet's average of it).
    pub fn it_peak_w(&self, catalog_it_w: f64) -> f64 {
        catalog_it_w * self.overhead_scale
    }

    /// Average facility power of one GPU: catalog IT power × scale × load × PUE, W.
    pub fn facility_average_w(&self, catalog_it_w: f64) -> f64 {
        catalog_it_w * self.overhead_scale * self.average_load * self.pue
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

/// What becomes of a tranche of one status: it is ever built with probability `completion`,
/// `delay_years` after its announced year.
#[derive(Clone, Copy, Debug)]
pub struct Delivery {
    pub completion: f64,
    pub delay_years: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct SupplyOdds {
    pub financed: Delivery,
    pub announced: Delivery,
    /// The AI share of a general-purpose site.
    pub genai_share: f64,
    /// The share of the domestic labs' and research's own clusters in the country held for its
    /// ecosystem: a floor on its demand.
    pub committed_domestic_share: f64,
}

/// Demand from abroad on the country's sites, from the EU's AI load: the part of what was added
/// since 2024 that users outside its ecosystem site in the country.
#[derive(Clone, Copy, Debug)]
pub struct ForeignDemand {
    /// EU data centres' AI electricity in 2024, TWh.
    pub eu_ai_twh_2024: f64,
    pub eu_ai_growth: f64,
    pub site_share: f64,
}

impl ForeignDemand {
    /// Average facility power of the demand from abroad on the country's sites in a year whose EU AI
    /// load is `growth_since_2024` times 2024's, MW. (The caller compounds the growth by
    /// multiplying, year by year, as every other growth: `powi` is not bit-identical on every
    /// target.)
    #[inline(always)]
    pub fn power_mw(&self, growth_since_2024: f64) -> f64 {
        let added_twh = self.eu_ai_twh_2024 * (growth_since_2024 - 1.0);
        // TWh a year → MWh → average MW over the year's hours.
        self.site_share * added_twh.max(0.0) * 1e6 / crate::model::estimate::HOURS_PER_YEAR
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Assumptions {
    pub frontier: RunSegment,
    pub hub_lab: RunSegment,
    pub experiment_overhead: f64,
    pub startups: HoursSegment,
    pub research: HoursSegment,
    pub consumer: ServingSegment,
    pub enterprise: ServingSegment,
    /// The domestic labs' users abroad, served partly from the country.
    pub abroad: ServingSegment,
    pub training_mfu: f64,
    /// Share of hours a training cluster's GPUs are busy: training demand is the capacity
    /// held for its FLOP.
    pub training_busy_share: f64,
    pub serving_utilization: f64,
    /// Share of inference FLOP served at 8-bit, at the GPU's FP8 (or INT8) peak.
    pub low_precision_share: f64,
    pub fleet_lag_years: f64,
    pub chain: PowerChain,
    pub money: Money,
    pub grid_gco2_per_kwh: f64,
    pub supply: SupplyOdds,
    pub foreign: ForeignDemand,
}

impl Assumptions {
    pub fn read(v: &ParamValues) -> Assumptions {
        let at = |id: crate::ParamId| v[id.index()];
        let inference_switch = at(key::INFERENCE_OWN_SITES_YEAR);
        Assumptions {
            frontier: RunSegment {
                runs_per_year: at(key::TRAINING_FRONTIER_RUNS_PER_YEAR),
                active_params: at(key::TRAINING_FRONTIER_ACTIVE_PARAMS_B) * 1e9,
                tokens: at(key::TRAINING_FRONTIER_TOKENS_T) * 1e12,
                growth: at(key::TRAINING_FRONTIER_GROWTH),
                site_share: SiteShare {
                    early: at(key::TRAINING_FRONTIER_FRANCE_SHARE),
                    late: at(key::TRAINING_FRONTIER_FRANCE_SHARE_LATE),
                    switch_year: at(key::TRAINING_FRONTIER_OWN_SITES_YEAR),
                },
            },
            hub_lab: RunSegment {
                runs_per_year: at(key::TRAINING_POOLSIDE_RUNS_PER_YEAR),
                active_params: at(key::TRAINING_POOLSIDE_ACTIVE_PARAMS_B) * 1e9,
                tokens: at(key::TRAINING_POOLSIDE_TOKENS_T) * 1e12,
                growth: at(key::TRAINING_POOLSIDE_GROWTH),
                site_share: SiteShare::constant(at(key::TRAINING_POOLSIDE_FRANCE_SHARE)),
            },
            experiment_overhead: at(key::TRAINING_EXPERIMENT_OVERHEAD),
            startups: HoursSegment {
                h100_hours_per_year: at(key::TRAINING_STARTUPS_COUNT)
                    * at(key::TRAINING_STARTUPS_TRAINING_SHARE)
                    * at(key::TRAINING_STARTUPS_GPU_HOURS_K)
                    * 1e3,
                growth: at(key::TRAINING_STARTUPS_GROWTH),
                site_share: SiteShare::constant(at(key::TRAINING_STARTUPS_FRANCE_SHARE)),
            },
            research: HoursSegment {
                h100_hours_per_year: at(key::TRAINING_RESEARCH_RESEARCHERS)
                    * at(key::TRAINING_RESEARCH_GPU_HOURS_PER_RESEARCHER),
                growth: at(key::TRAINING_RESEARCH_GROWTH),
                site_share: SiteShare::constant(at(key::TRAINING_RESEARCH_FRANCE_SHARE)),
            },
            consumer: ServingSegment {
                users: at(key::INFERENCE_CONSUMER_USERS_M) * 1e6,
                tokens_per_user_day: at(key::INFERENCE_CONSUMER_TOKENS_PER_USER_DAY),
                active_params: at(key::INFERENCE_CONSUMER_ACTIVE_PARAMS_B) * 1e9,
                growth: at(key::INFERENCE_CONSUMER_GROWTH),
                site_share: SiteShare {
                    early: at(key::INFERENCE_CONSUMER_FRANCE_SHARE),
                    late: at(key::INFERENCE_CONSUMER_FRANCE_SHARE_LATE),
                    switch_year: inference_switch,
                },
            },
            enterprise: ServingSegment {
                users: at(key::INFERENCE_ENTERPRISE_USERS_M) * 1e6,
                tokens_per_user_day: at(key::INFERENCE_ENTERPRISE_TOKENS_PER_USER_DAY),
                active_params: at(key::INFERENCE_ENTERPRISE_ACTIVE_PARAMS_B) * 1e9,
                growth: at(key::INFERENCE_ENTERPRISE_GROWTH),
                site_share: SiteShare {
                    early: at(key::INFERENCE_ENTERPRISE_FRANCE_SHARE),
                    late: at(key::INFERENCE_ENTERPRISE_FRANCE_SHARE_LATE),
                    switch_year: inference_switch,
                },
            },
            // The domestic labs' users abroad use the consumer assistant: its tokens, model and
            // growth. They are the ecosystem's demand, wherever they are.
            abroad: ServingSegment {
                users: at(key::INFERENCE_ABROAD_USERS_M) * 1e6,
                tokens_per_user_day: at(key::INFERENCE_CONSUMER_TOKENS_PER_USER_DAY),
                active_params: at(key::INFERENCE_CONSUMER_ACTIVE_PARAMS_B) * 1e9,
                growth: at(key::INFERENCE_CONSUMER_GROWTH),
                site_share: SiteShare {
                    early: at(key::INFERENCE_ABROAD_FRANCE_SHARE),
                    late: at(key::INFERENCE_ABROAD_FRANCE_SHARE_LATE),
                    switch_year: inference_switch,
                },
            },
            training_mfu: at(key::HARDWARE_TRAINING_MFU),
            training_busy_share: at(key::HARDWARE_TRAINING_BUSY_SHARE),
            serving_utilization: at(key::HARDWARE_SERVING_UTILIZATION),
            low_precision_share: at(key::HARDWARE_LOW_PRECISION_SERVING_SHARE),
            fleet_lag_years: at(key::HARDWARE_FLEET_LAG_YEARS),
            chain: PowerChain {
                overhead_scale: at(key::HARDWARE_SERVER_OVERHEAD_SCALE),
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
            supply: SupplyOdds::read(&at),
            foreign: ForeignDemand {
                eu_ai_twh_2024: at(key::FOREIGN_EU_AI_TWH),
                eu_ai_growth: at(key::FOREIGN_EU_AI_GROWTH),
                site_share: at(key::FOREIGN_FRANCE_SHARE),
            },
        }
    }
}

impl SupplyOdds {
    fn read(at: &impl Fn(crate::ParamId) -> f64) -> SupplyOdds {
        SupplyOdds {
            financed: Delivery {
                completion: at(key::SUPPLY_FINANCED_COMPLETION),
                delay_years: at(key::SUPPLY_FINANCED_DELAY_YEARS),
            },
            announced: Delivery {
                completion: at(key::SUPPLY_ANNOUNCED_COMPLETION),
                delay_years: at(key::SUPPLY_ANNOUNCED_DELAY_YEARS),
            },
            genai_share: at(key::SUPPLY_GENAI_SHARE),
            committed_domestic_share: at(key::SUPPLY_COMMITTED_FRENCH_SHARE),
        }
    }
}
