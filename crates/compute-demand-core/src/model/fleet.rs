//! The GPU fleet: per-GPU averages over each year's mix of models.

use crate::data::{FLEET_MIX, GPUS};
use crate::model::assumptions::Assumptions;
use crate::YEAR_COUNT;

/// The average physical GPU of a fleet mix. Linear in the mix shares, so interpolating two
/// years' averages equals averaging their interpolated mix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FleetUnit {
    pub bf16_flop_per_s: f64,
    pub fp8_flop_per_s: f64,
    /// Peak IT power with the server share, as catalogued (before the scenario's scale), W.
    pub it_w: f64,
    pub price_usd: f64,
}

impl FleetUnit {
    /// A fleet of one catalog GPU.
    pub fn of_gpu(gpu: &crate::data::Gpu) -> FleetUnit {
        FleetUnit {
            bf16_flop_per_s: gpu.bf16_flop_per_s(),
            fp8_flop_per_s: gpu.fp8_flop_per_s(),
            it_w: gpu.it_w(),
            price_usd: gpu.price_usd,
        }
    }

    fn of_mix(shares: &[f64]) -> FleetUnit {
        let mut unit = FleetUnit {
            bf16_flop_per_s: 0.0,
            fp8_flop_per_s: 0.0,
            it_w: 0.0,
            price_usd: 0.0,
        };
        for (gpu, &share) in GPUS.iter().zip(shares) {
            unit.bf16_flop_per_s += share * gpu.bf16_flop_per_s();
            unit.fp8_flop_per_s += share * gpu.fp8_flop_per_s();
            unit.it_w += share * gpu.it_w();
            unit.price_usd += share * gpu.price_usd;
        }
        unit
    }

    fn lerp(self, next: FleetUnit, weight: f64) -> FleetUnit {
        let mix = |a: f64, b: f64| a + weight * (b - a);
        FleetUnit {
            bf16_flop_per_s: mix(self.bf16_flop_per_s, next.bf16_flop_per_s),
            fp8_flop_per_s: mix(self.fp8_flop_per_s, next.fp8_flop_per_s),
            it_w: mix(self.it_w, next.it_w),
            price_usd: mix(self.price_usd, next.price_usd),
        }
    }

    /// Serving throughput of one GPU, FLOP/s: BF16 for the share served at 16 bits, the 8-bit
    /// peak for the rest.
    #[inline(always)]
    pub fn serving_flop_per_s(&self, low_precision_share: f64) -> f64 {
        self.bf16_flop_per_s + low_precision_share * (self.fp8_flop_per_s - self.bf16_flop_per_s)
    }

    /// All-in capex of one GPU in service: the GPU with its cluster share, and the facility
    /// built for its peak IT power, €.
    pub fn capex_eur(&self, a: &Assumptions) -> f64 {
        let gpu = self.price_usd * a.money.usd_to_eur * a.money.cluster_capex_multiplier;
        let facility = a.money.facility_capex_eur_per_mw * a.chain.it_peak_w(self.it_w) / 1e6;
        gpu + facility
    }
}

/// The fleet's average GPU for each year of the mix table.
#[derive(Clone, Debug)]
pub struct Fleet {
    by_year: [FleetUnit; YEAR_COUNT],
}

impl Fleet {
    pub fn from_data() -> Fleet {
        Fleet {
            by_year: FLEET_MIX.shares.map(|shares| FleetUnit::of_mix(&shares)),
        }
    }

    /// The average GPU in year index `year` when adoption runs `lag_years` late (early when
    /// negative); positions beyond the table hold its first or last year.
    pub fn at(&self, year: usize, lag_years: f64) -> FleetUnit {
        let position = (year as f64 - lag_years).clamp(0.0, (YEAR_COUNT - 1) as f64);
        // Truncation is floor here (position ≥ 0), without a libm call on the hot path.
        let index = position as usize;
        let next = (index + 1).min(YEAR_COUNT - 1);
        self.by_year[index].lerp(self.by_year[next], position - index as f64)
    }
}

impl Fleet {
    /// The average GPU of every model year at once.
    pub fn by_year(&self, lag_years: f64) -> [FleetUnit; YEAR_COUNT] {
        std::array::from_fn(|year| self.at(year, lag_years))
    }
}
