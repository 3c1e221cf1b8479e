//! Published forecasts beside the model's figures: the rows of `data/countries/fr/outside.toml`
//! ([`OUTSIDE`]), put in the model's units so that a chart in MW can draw them.
//!
//! An energy per year becomes the average load that uses it (MW = TWh × 10⁶ ÷ 8,760 h); a
//! power or capacity (GW, MW) stays what it is, a capacity, which an average load sits below.
//! Nothing in the model reads these figures: they are set beside it, each with its perimeter.

use crate::data::Country;
pub use crate::data::{OutsideForecast, OUTSIDE};
use crate::metric::Metric;
use crate::model::estimate::HOURS_PER_YEAR;
pub use crate::terms::rules::{Comparable, ForecastUnit, Perimeter, Region, Seen};
use crate::{FIRST_YEAR, LAST_YEAR};

/// What a forecast's figure is once in MW.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PowerKind {
    /// An energy per year spread over its 8,760 hours: an average load, as the model's MW are.
    Average,
    /// Power or capacity as the source gives it (connected, peak, reserved): an average load
    /// that uses it sits below it.
    Capacity,
}

impl PowerKind {
    pub fn key(self) -> &'static str {
        match self {
            PowerKind::Average => "average",
            PowerKind::Capacity => "capacity",
        }
    }
}

/// A forecast in MW: its figure and its range's ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InMw {
    pub mw: f64,
    pub low_mw: Option<f64>,
    pub high_mw: Option<f64>,
    pub kind: PowerKind,
}

/// The average load that uses `twh` a year, MW.
pub fn twh_to_average_mw(twh: f64) -> f64 {
    twh * 1e6 / HOURS_PER_YEAR
}

/// The energy a year of an average load of `mw`, TWh.
pub fn average_mw_to_twh(mw: f64) -> f64 {
    mw * HOURS_PER_YEAR / 1e6
}

/// The model's figure a forecast is set beside, and the factor that puts it in MW (figure ×
/// `to_mw`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Counterpart {
    pub metric: Metric,
    pub to_mw: f64,
}

impl OutsideForecast {
    /// The figure and its range in MW: energy as average load, power as given.
    pub fn in_mw(&self) -> InMw {
        let (scale, kind): (fn(f64) -> f64, PowerKind) = match self.unit {
            ForecastUnit::Twh => (twh_to_average_mw, PowerKind::Average),
            ForecastUnit::Gw => (|gw| gw * 1e3, PowerKind::Capacity),
            ForecastUnit::Mw => (|mw| mw, PowerKind::Capacity),
        };
        InMw {
            mw: scale(self.value),
            low_mw: self.low.map(scale),
            high_mw: self.high.map(scale),
            kind,
        }
    }

    /// Whether the figure refers to a year the model covers (2024–2030).
    pub fn in_model_years(&self) -> bool {
        (FIRST_YEAR..=LAST_YEAR).contains(&self.year)
    }

    /// The model's figure this forecast is set beside: for the pack's country in 2024–2030, all AI
    /// demand on its sites (`sites_energy_gwh`, as average MW) for a demand figure, or the supply
    /// in service (`supply_power_mw`) for grid capacity reserved or requested; `None` for
    /// Europe, and for years the model does not cover.
    pub fn counterpart(&self) -> Option<Counterpart> {
        if self.region != Region::Country || !self.in_model_years() {
            return None;
        }
        Some(match self.comparable {
            Comparable::NotDemand => Counterpart {
                metric: Metric::SupplyPowerMw,
                to_mw: 1.0,
            },
            Comparable::Ceiling | Comparable::LikeForLike => Counterpart {
                metric: Metric::SitesEnergyGwh,
                // GWh a year → MWh ÷ hours.
                to_mw: 1e3 / HOURS_PER_YEAR,
            },
        })
    }
}

/// A pack's forecasts of one region, or all of them, in the file's order.
pub fn forecasts(
    country: &'static Country,
    region: Option<Region>,
) -> impl Iterator<Item = &'static OutsideForecast> {
    (country.outside().iter())
        .filter(move |forecast| region.is_none_or(|region| forecast.region == region))
}

/// A pack's forecast by id.
pub fn forecast(country: &Country, id: &str) -> Option<&'static OutsideForecast> {
    country.outside().iter().find(|forecast| forecast.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn energy_becomes_average_load_and_power_stays_capacity() {
        // 8.76 TWh a year is 1,000 MW all year round.
        assert!((twh_to_average_mw(8.76) - 1_000.0).abs() < 1e-9);
        assert!((average_mw_to_twh(1_000.0) - 8.76).abs() < 1e-12);
        let rte = forecast(Country::first(), "rte-bp2025-2030").expect("RTE's 2030 figure");
        let in_mw = rte.in_mw();
        assert_eq!(in_mw.kind, PowerKind::Average);
        assert!((in_mw.mw - 15.0e6 / 8_760.0).abs() < 1e-9, "{in_mw:?}");
        let range = forecast(Country::first(), "rte-bp2025-prep-2030-gw").expect("RTE's GW range");
        let in_mw = range.in_mw();
        assert_eq!(in_mw.kind, PowerKind::Capacity);
        assert_eq!(
            (in_mw.mw, in_mw.low_mw, in_mw.high_mw),
            (4_300.0, Some(2_400.0), Some(4_300.0))
        );
    }

    #[test]
    fn a_counterpart_only_in_frances_model_years() {
        for forecast in OUTSIDE {
            let counterpart = forecast.counterpart();
            let expected = forecast.region == Region::Country
                && (FIRST_YEAR..=LAST_YEAR).contains(&forecast.year);
            assert_eq!(counterpart.is_some(), expected, "{}", forecast.id);
            if let Some(counterpart) = counterpart {
                let supply = forecast.comparable == Comparable::NotDemand;
                assert_eq!(counterpart.metric == Metric::SupplyPowerMw, supply);
            }
        }
        assert!(
            forecasts(Country::first(), Some(Region::Europe)).all(|f| f.region == Region::Europe)
        );
        assert_eq!(forecasts(Country::first(), None).count(), OUTSIDE.len());
    }
}
