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
        ForeignGpusH100e = "foreign_gpus_h100e",
        ForeignPowerMw = "foreign_power_mw",
        SitesEnergyGwh = "sites_energy_gwh",
        AbroadGpusH100e = "abroad_gpus_h100e",
        CommittedGpusH100e = "committed_gpus_h100e",
        OwnedGpusH100e = "owned_gpus_h100e",
        EcosystemGpusH100e = "ecosystem_gpus_h100e",
        CoverageRatioDomestic = "coverage_ratio_domestic",
    }
}

pub const METRIC_COUNT: usize = Metric::COUNT;

/// What "demand" means, in one paragraph: the top of docs/methodology.md and of
/// `compute-demand run --help` (tests hold both to it).
pub const DEMAND_DEFINITION: &str = "Demand is the compute that France's generative-AI ecosystem uses — its labs, startups and researchers, and the people and firms its models serve, in France and abroad — wherever it runs (ecosystem_gpus_h100e), and the part of it on sites in France (gpus_h100e, facility_power_mw). On French sites it is never below the capacity that French labs and public research own or have contracted there, in the years that capacity is in service, times the share of it held for the French ecosystem (owned_gpus_h100e; the part the estimates leave is committed_gpus_h100e). Demand from abroad on French sites (foreign_power_mw) is France's share of the AI load added in the EU since 2024, estimated from that load, not from the French supply it is compared with. Supply is the AI capacity expected in service on French sites. Two coverages answer two questions: coverage_ratio, supply ÷ (French demand + demand from abroad), asks whether French sites can host all the AI demand that seeks them; coverage_ratio_domestic, supply ÷ French demand, asks whether they can host the French ecosystem's own.";

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
    /// The parts of French demand on French sites, in the order of the stacked chart: the
    /// seven estimated segments, then the labs' and research's own clusters in use beyond them.
    /// They sum to `gpus_h100e`.
    pub const SEGMENTS: [Metric; 8] = [
        Metric::FrontierGpusH100e,
        Metric::PoolsideGpusH100e,
        Metric::StartupsGpusH100e,
        Metric::ResearchGpusH100e,
        Metric::ConsumerGpusH100e,
        Metric::EnterpriseGpusH100e,
        Metric::AbroadGpusH100e,
        Metric::CommittedGpusH100e,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn unit(self) -> Unit {
        match self {
            Metric::TrainingFlop | Metric::InferenceFlop => Unit::Flop,
            Metric::FacilityPowerMw | Metric::SupplyPowerMw | Metric::ForeignPowerMw => {
                Unit::Megawatts
            }
            Metric::EnergyGwh | Metric::SitesEnergyGwh => Unit::Gigawatthours,
            Metric::CostEur | Metric::CloudRentalEur => Unit::Euros,
            Metric::Co2Tonnes => Unit::TonnesCo2,
            Metric::CoverageRatio | Metric::CoverageRatioDomestic => Unit::Ratio,
            Metric::DemandExceedsSupply => Unit::Probability,
            // Every count of GPUs, named: a new metric must say its unit here.
            Metric::GpusH100e
            | Metric::GpusUnits
            | Metric::SupplyGpusH100e
            | Metric::TrainingGpusH100e
            | Metric::InferenceGpusH100e
            | Metric::FrontierGpusH100e
            | Metric::PoolsideGpusH100e
            | Metric::StartupsGpusH100e
            | Metric::ResearchGpusH100e
            | Metric::ConsumerGpusH100e
            | Metric::EnterpriseGpusH100e
            | Metric::ForeignGpusH100e
            | Metric::AbroadGpusH100e
            | Metric::CommittedGpusH100e
            | Metric::OwnedGpusH100e
            | Metric::EcosystemGpusH100e => Unit::Gpus,
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
            Metric::CoverageRatio => "Coverage of all demand",
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
            Metric::ForeignGpusH100e => "Demand from abroad on French sites (H100e)",
            Metric::ForeignPowerMw => "Demand from abroad on French sites (power)",
            Metric::SitesEnergyGwh => "Energy of all AI demand on French sites",
            Metric::AbroadGpusH100e => "French labs' users abroad (H100e)",
            Metric::CommittedGpusH100e => "Own clusters in use beyond the estimates (H100e)",
            Metric::OwnedGpusH100e => "Labs' and research's own clusters (H100e)",
            Metric::EcosystemGpusH100e => "French ecosystem's compute, all sites (H100e)",
            Metric::CoverageRatioDomestic => "Coverage of French demand alone",
        }
    }

    /// What the figure means exactly: what `--help`, the app and the methodology say.
    pub fn description(self) -> &'static str {
        match self {
            Metric::TrainingFlop => "FLOP of training by the French ecosystem run on sites in France, per year",
            Metric::InferenceFlop => "FLOP of inference by the French ecosystem (its users in France and the French labs' users abroad) served from sites in France, per year",
            Metric::GpusH100e => "the French ecosystem's compute on sites in France, as H100 GPUs doing the same work",
            Metric::GpusUnits => "the physical GPUs of that year's fleet that this demand needs",
            Metric::FacilityPowerMw => "average facility power of those GPUs (IT power × load × PUE), MW",
            Metric::EnergyGwh => "facility energy of the French ecosystem's demand on sites in France, GWh per year",
            Metric::CostEur => "capex of those GPUs and sites amortised, plus electricity, € per year",
            Metric::Co2Tonnes => "emissions of that energy at the French grid's intensity, tCO2e per year",
            Metric::SupplyGpusH100e => "the supply's power filled with that year's fleet, in H100-equivalents",
            Metric::SupplyPowerMw => "expected AI power in service on French sites after delivery odds, delays and AI shares, average MW",
            Metric::CoverageRatio => "supply ÷ (French demand + demand from abroad): can French sites host all the AI demand that seeks them?",
            Metric::TrainingGpusH100e => "the training part of the H100-equivalents needed, with the own clusters' use beyond the estimates",
            Metric::InferenceGpusH100e => "the inference part of the H100-equivalents needed",
            Metric::CloudRentalEur => "what those H100-equivalents would cost rented by the hour in the cloud, € per year",
            Metric::DemandExceedsSupply => "the share of draws in which all demand on French sites exceeds supply (each draw counts 1 or 0)",
            Metric::FrontierGpusH100e => "French frontier labs' training on sites in France (H100e)",
            Metric::PoolsideGpusH100e => "Poolside's training on sites in France (H100e)",
            Metric::StartupsGpusH100e => "model-building startups' training on sites in France (H100e)",
            Metric::ResearchGpusH100e => "public and industrial research on sites in France (H100e)",
            Metric::ConsumerGpusH100e => "consumer inference for users in France served from France (H100e)",
            Metric::EnterpriseGpusH100e => "enterprise inference for users in France served from France (H100e)",
            Metric::ForeignGpusH100e => "demand from abroad on French sites: the part of the EU's AI load added since 2024 that users outside the French ecosystem site in France (H100e); not part of the French ecosystem's demand",
            Metric::ForeignPowerMw => "demand from abroad on French sites: France's share of the EU's AI load added since 2024, average MW",
            Metric::SitesEnergyGwh => "energy of all AI demand on French sites, the French ecosystem's and from abroad, GWh per year: what grid forecasts (RTE) cover",
            Metric::AbroadGpusH100e => "inference for the French labs' users outside France, served from France (H100e)",
            Metric::CommittedGpusH100e => "use of the French labs' and research's own French clusters beyond what the segments that run on them estimate: the share held for the French ecosystem, less those segments, when positive (H100e)",
            Metric::OwnedGpusH100e => "the French labs' and public research's own clusters in France, in service that year (H100e)",
            Metric::EcosystemGpusH100e => "the French ecosystem's compute wherever it runs, in France or abroad (H100e)",
            Metric::CoverageRatioDomestic => "supply ÷ French demand: can French sites host the French ecosystem's own demand?",
        }
    }

    /// What the figure means exactly, in French.
    pub fn description_fr(self) -> &'static str {
        if cfg!(not(feature = "french")) {
            return "";
        }
        match self {
            Metric::TrainingFlop => "FLOP d'entraînement de l'écosystème français calculés sur des sites en France, par an",
            Metric::InferenceFlop => "FLOP d'inférence pour les utilisateurs en France servis depuis la France, par an",
            Metric::GpusH100e => "calcul de l'écosystème français sur des sites en France, en GPU H100 faisant le même travail",
            Metric::GpusUnits => "GPU physiques du parc de l'année nécessaires à cette demande",
            Metric::FacilityPowerMw => "puissance moyenne des sites pour ces GPU (puissance IT × charge × PUE), MW",
            Metric::EnergyGwh => "énergie des sites consommée par la demande de l'écosystème français en France, GWh par an",
            Metric::CostEur => "investissement amorti de ces GPU et sites, plus l'électricité, € par an",
            Metric::Co2Tonnes => "émissions de cette énergie à l'intensité du réseau français, tCO2e par an",
            Metric::SupplyGpusH100e => "la puissance de l'offre remplie avec le parc de l'année, en équivalents H100",
            Metric::SupplyPowerMw => "puissance d'IA attendue en service sur les sites français après chances de livraison, retards et parts d'IA, MW moyens",
            Metric::CoverageRatio => "offre ÷ (demande française + demande de l'étranger) : les sites français peuvent-ils accueillir toute la demande d'IA qui les cherche ?",
            Metric::TrainingGpusH100e => "la part entraînement des équivalents H100 nécessaires, avec l'utilisation des grappes propres au-delà des estimations",
            Metric::InferenceGpusH100e => "la part inférence des équivalents H100 nécessaires",
            Metric::CloudRentalEur => "ce que ces équivalents H100 coûteraient loués à l'heure dans le cloud, € par an",
            Metric::DemandExceedsSupply => "la part des tirages où toute la demande sur les sites français dépasse l'offre (chaque tirage compte 1 ou 0)",
            Metric::FrontierGpusH100e => "entraînement des laboratoires de pointe français sur des sites en France (éq. H100)",
            Metric::PoolsideGpusH100e => "entraînement de Poolside sur des sites en France (éq. H100)",
            Metric::StartupsGpusH100e => "entraînement des startups qui entraînent des modèles, sur des sites en France (éq. H100)",
            Metric::ResearchGpusH100e => "recherche publique et industrielle sur des sites en France (éq. H100)",
            Metric::ConsumerGpusH100e => "inférence grand public pour les utilisateurs en France servie depuis la France (éq. H100)",
            Metric::EnterpriseGpusH100e => "inférence des entreprises en France servie depuis la France (éq. H100)",
            Metric::ForeignGpusH100e => "demande de l'étranger sur les sites français : la part de la charge d'IA ajoutée dans l'UE depuis 2024 que des utilisateurs hors de l'écosystème français placent en France (éq. H100) ; hors demande de l'écosystème français",
            Metric::ForeignPowerMw => "demande de l'étranger sur les sites français : part de la France dans la charge d'IA ajoutée dans l'UE depuis 2024, MW moyens",
            Metric::SitesEnergyGwh => "énergie de toute la demande d'IA sur les sites français, celle de l'écosystème français et celle de l'étranger, GWh par an : ce que couvrent les prévisions du réseau (RTE)",
            Metric::AbroadGpusH100e => "inférence pour les utilisateurs étrangers des laboratoires français, servie depuis la France (éq. H100)",
            Metric::CommittedGpusH100e => "utilisation des grappes françaises propres des laboratoires et de la recherche au-delà de l'estimation des sept segments (éq. H100)",
            Metric::OwnedGpusH100e => "grappes propres des laboratoires et de la recherche publique français en France, en service cette année-là (éq. H100)",
            Metric::EcosystemGpusH100e => "calcul de l'écosystème français où qu'il tourne, en France ou à l'étranger (éq. H100)",
            Metric::CoverageRatioDomestic => "offre ÷ demande française : les sites français peuvent-ils accueillir la demande de l'écosystème français ?",
        }
    }

    pub fn label_fr(self) -> &'static str {
        if cfg!(not(feature = "french")) {
            return "";
        }
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
            Metric::CoverageRatio => "Couverture de toute la demande",
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
            Metric::ForeignGpusH100e => "Demande de l'étranger sur les sites français (éq. H100)",
            Metric::ForeignPowerMw => "Demande de l'étranger sur les sites français (puissance)",
            Metric::SitesEnergyGwh => "Énergie de toute la demande d'IA sur les sites français",
            Metric::AbroadGpusH100e => {
                "Utilisateurs étrangers des laboratoires français (éq. H100)"
            }
            Metric::CommittedGpusH100e => {
                "Grappes propres utilisées au-delà des estimations (éq. H100)"
            }
            Metric::OwnedGpusH100e => {
                "Grappes propres des laboratoires et de la recherche (éq. H100)"
            }
            Metric::EcosystemGpusH100e => "Calcul de l'écosystème français, tous sites (éq. H100)",
            Metric::CoverageRatioDomestic => "Couverture de la seule demande française",
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
