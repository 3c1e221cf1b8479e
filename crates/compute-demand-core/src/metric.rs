//! The quantities the model reports for every year.

keyed! {
    /// One reported quantity. All are France-sited, per year, and never negative.
    pub enum Metric {
        TrainingFlop = "training_flop",
        InferenceFlop = "inference_flop",
        GpusH100e = "gpus_h100e",
        GpusUnits = "gpus_units",
        FacilityPowerMw = "facility_power_mw",
        EnergyGwh = "energy_gwh",
        CostEur = "cost_eur",
        Co2Tonnes = "co2_tonnes",
        SupplyGpusH100e = "supply_gpus_h100e",
        SupplyPowerMw = "supply_power_mw",
        CoverageRatio = "coverage_ratio",
        TrainingGpusH100e = "training_gpus_h100e",
        InferenceGpusH100e = "inference_gpus_h100e",
        CloudRentalEur = "cloud_rental_eur",
        DemandExceedsSupply = "demand_exceeds_supply",
        FrontierGpusH100e = "frontier_gpus_h100e",
        PoolsideGpusH100e = "poolside_gpus_h100e",
        StartupsGpusH100e = "startups_gpus_h100e",
        ResearchGpusH100e = "research_gpus_h100e",
        ConsumerGpusH100e = "consumer_gpus_h100e",
        EnterpriseGpusH100e = "enterprise_gpus_h100e",
    }
}

pub const METRIC_COUNT: usize = Metric::COUNT;

keyed! {
    /// The unit a figure is in: its key is what CSV and JSON exports write beside it, and
    /// [`crate::output::format::quantity`] writes it for people.
    pub enum Unit {
        Flop = "FLOP",
        Gpus = "GPUs",
        GpuHours = "GPU-hours",
        Megawatts = "MW",
        Megawatthours = "MWh",
        Gigawatthours = "GWh",
        Euros = "EUR",
        TonnesCo2 = "tCO2e",
        Ratio = "ratio",
        Probability = "probability",
    }
}

impl Metric {
    /// The demand segments, in the order of the stacked chart.
    pub const SEGMENTS: [Metric; 6] = [
        Metric::FrontierGpusH100e,
        Metric::PoolsideGpusH100e,
        Metric::StartupsGpusH100e,
        Metric::ResearchGpusH100e,
        Metric::ConsumerGpusH100e,
        Metric::EnterpriseGpusH100e,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn unit(self) -> Unit {
        match self {
            Metric::TrainingFlop | Metric::InferenceFlop => Unit::Flop,
            Metric::FacilityPowerMw | Metric::SupplyPowerMw => Unit::Megawatts,
            Metric::EnergyGwh => Unit::Gigawatthours,
            Metric::CostEur | Metric::CloudRentalEur => Unit::Euros,
            Metric::Co2Tonnes => Unit::TonnesCo2,
            Metric::CoverageRatio => Unit::Ratio,
            Metric::DemandExceedsSupply => Unit::Probability,
            _ => Unit::Gpus,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Metric::TrainingFlop => "Training compute sited in France",
            Metric::InferenceFlop => "Inference compute served from France",
            Metric::GpusH100e => "GPUs needed (H100-equivalents)",
            Metric::GpusUnits => "GPUs needed (physical units)",
            Metric::FacilityPowerMw => "Facility power (average)",
            Metric::EnergyGwh => "Energy per year",
            Metric::CostEur => "Cost per year (capex amortised + electricity)",
            Metric::Co2Tonnes => "Emissions per year",
            Metric::SupplyGpusH100e => "Supply (H100-equivalents)",
            Metric::SupplyPowerMw => "Supply power (average)",
            Metric::CoverageRatio => "Coverage (supply ÷ demand)",
            Metric::TrainingGpusH100e => "Training GPUs (H100-equivalents)",
            Metric::InferenceGpusH100e => "Inference GPUs (H100-equivalents)",
            Metric::CloudRentalEur => "Cloud rental equivalent per year",
            Metric::DemandExceedsSupply => "Demand exceeds supply (mean = probability)",
            Metric::FrontierGpusH100e => "Frontier labs (H100e)",
            Metric::PoolsideGpusH100e => "Poolside (H100e)",
            Metric::StartupsGpusH100e => "Model-building startups (H100e)",
            Metric::ResearchGpusH100e => "Research (H100e)",
            Metric::ConsumerGpusH100e => "Consumer inference (H100e)",
            Metric::EnterpriseGpusH100e => "Enterprise inference (H100e)",
        }
    }

    pub fn label_fr(self) -> &'static str {
        match self {
            Metric::TrainingFlop => "Calcul d'entraînement situé en France",
            Metric::InferenceFlop => "Calcul d'inférence servi depuis la France",
            Metric::GpusH100e => "GPU nécessaires (équivalents H100)",
            Metric::GpusUnits => "GPU nécessaires (unités physiques)",
            Metric::FacilityPowerMw => "Puissance des sites (moyenne)",
            Metric::EnergyGwh => "Énergie par an",
            Metric::CostEur => "Coût annuel (investissement amorti + électricité)",
            Metric::Co2Tonnes => "Émissions par an",
            Metric::SupplyGpusH100e => "Offre (équivalents H100)",
            Metric::SupplyPowerMw => "Puissance de l'offre (moyenne)",
            Metric::CoverageRatio => "Couverture (offre ÷ demande)",
            Metric::TrainingGpusH100e => "GPU d'entraînement (équivalents H100)",
            Metric::InferenceGpusH100e => "GPU d'inférence (équivalents H100)",
            Metric::CloudRentalEur => "Équivalent en location cloud par an",
            Metric::DemandExceedsSupply => "Demande supérieure à l'offre (moyenne = probabilité)",
            Metric::FrontierGpusH100e => "Laboratoires de pointe (éq. H100)",
            Metric::PoolsideGpusH100e => "Poolside (éq. H100)",
            Metric::StartupsGpusH100e => "Startups qui entraînent (éq. H100)",
            Metric::ResearchGpusH100e => "Recherche (éq. H100)",
            Metric::ConsumerGpusH100e => "Inférence grand public (éq. H100)",
            Metric::EnterpriseGpusH100e => "Inférence entreprises (éq. H100)",
        }
    }
}

/// One value per metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ByMetric<T>(pub [T; METRIC_COUNT]);

impl<T> std::ops::Index<Metric> for ByMetric<T> {
    type Output = T;
    fn index(&self, metric: Metric) -> &T {
        &self.0[metric.index()]
    }
}

impl<T> std::ops::IndexMut<Metric> for ByMetric<T> {
    fn index_mut(&mut self, metric: Metric) -> &mut T {
        &mut self.0[metric.index()]
    }
}
