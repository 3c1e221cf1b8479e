//! The interface's words, in English and French. Parameter and metric labels come with the
//! data (`label`, `label_fr`); numbers are written by `compute_demand_core::output::format`.

use crate::state::Method;
use compute_demand_core::data::{Evidence, Preset};
use compute_demand_core::output::format::Lang;
use compute_demand_core::{Metric, ParamGroup, ParamSpec};

pub struct Texts {
    pub title: &'static str,
    pub lede: &'static str,
    pub year: &'static str,
    pub preset: &'static str,
    pub scenario_name: &'static str,
    pub scenario_name_hint: &'static str,
    pub range_label: &'static str,
    pub first_shortfall: &'static str,
    pub shortfall_none: &'static str,
    pub shortfall_probability: &'static str,
    pub chart_demand_supply: &'static str,
    pub chart_segments: &'static str,
    pub chart_tornado: &'static str,
    pub tornado_metric: &'static str,
    pub tornado_note: &'static str,
    pub at_medians: &'static str,
    pub demand: &'static str,
    pub supply: &'static str,
    pub median: &'static str,
    pub band: &'static str,
    pub log_scale: &'static str,
    pub controls: &'static str,
    pub reset: &'static str,
    pub source: &'static str,
    pub value: &'static str,
    pub kind: &'static str,
    pub kind_point: &'static str,
    pub kind_range: &'static str,
    pub kind_uniform: &'static str,
    pub low: &'static str,
    pub high: &'static str,
    pub share: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub export: &'static str,
    pub export_csv: &'static str,
    pub export_json: &'static str,
    pub export_svg: &'static str,
    pub export_scenario: &'static str,
    pub import_scenario: &'static str,
    pub imported: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_unreadable: &'static str,
    pub storage_overwritten: &'static str,
    pub projects: &'static str,
    pub projects_note: &'static str,
    pub project_name: &'static str,
    pub capacity: &'static str,
    pub status: &'static str,
    pub built: &'static str,
    pub financed: &'static str,
    pub announced: &'static str,
    pub dedicated: &'static str,
    pub add: &'static str,
    pub remove: &'static str,
    pub dismiss: &'static str,
    pub more_notices: &'static str,
    pub samples: &'static str,
    pub updating: &'static str,
    pub language: &'static str,
    pub footer: &'static str,
    pub independent: &'static str,
    pub correlations: &'static str,
    pub correlations_note: &'static str,
    pub add_pair: &'static str,
    pub assumption: &'static str,
    pub rho: &'static str,
    pub method: &'static str,
    pub rank_axis: &'static str,
}

pub const EN: Texts = Texts {
    title: "How much compute does France's generative AI need?",
    lede: "GPUs, power, energy, money and carbon for France's generative-AI ecosystem, 2024–2030, against the AI capacity being built in France — from Amazon's €1.3bn for AWS around Paris (May 2024) to Mistral Compute, in service since 2026, and the campuses planned to 2030. Every assumption is yours to move; every figure shows its 90% range.",
    year: "Year",
    preset: "Scenario",
    scenario_name: "Scenario name",
    scenario_name_hint: "Name this scenario (shown in exports)",
    range_label: "90% range",
    first_shortfall: "First year demand exceeds supply (median over draws)",
    shortfall_none: "not by 2030",
    shortfall_probability: "Chance demand exceeds supply",
    chart_demand_supply: "Demand and supply: average facility power",
    chart_segments: "Demand by segment: H100-equivalents (means, which add up)",
    chart_tornado: "What moves this figure most",
    tornado_metric: "Figure",
    tornado_note: "With every input at its median the figure is below its Monte Carlo median, because the uncertain inputs multiply.",
    at_medians: "every input at its median",
    demand: "Demand",
    supply: "Supply",
    median: "median",
    band: "90% range",
    log_scale: "log scale",
    controls: "Assumptions",
    reset: "Reset",
    source: "Source",
    value: "Value",
    kind: "point or range",
    kind_point: "point",
    kind_range: "90% range",
    kind_uniform: "uniform",
    low: "low",
    high: "high",
    share: "Share",
    copy_link: "Copy link",
    copied: "Link copied to the clipboard.",
    export: "Download",
    export_csv: "Results (CSV)",
    export_json: "Results (JSON)",
    export_svg: "Chart (SVG)",
    export_scenario: "Scenario file",
    import_scenario: "Open a scenario file",
    imported: "Scenario file loaded.",
    storage_unavailable: "This browser won't let the app remember your scenario; the link in the address bar still holds it.",
    storage_unreadable: "The scenario saved in this browser could not be read (damaged, or from another version). It is left as it is until you change something.",
    storage_overwritten: "Another tab saved a different scenario; this tab keeps its own (in its address bar).",
    projects: "Add supply",
    projects_note: "Projects you add join the register (compute-demand projects); they serve users in France, with the same delivery odds and delays by status.",
    project_name: "Project",
    capacity: "Capacity",
    status: "Status",
    built: "built",
    financed: "financed",
    announced: "announced",
    dedicated: "dedicated to AI",
    add: "Add",
    remove: "Remove",
    dismiss: "Dismiss",
    more_notices: "more problems not shown",
    samples: "samples",
    updating: "updating…",
    language: "Language",
    footer: "Every default has a source (hover or follow the links beside each control); the method is in docs/methodology.md. Computed in your browser: nothing leaves this page. The command line `compute-demand` gives the same numbers.",
    independent: "a correlation of 0 is independence: nothing to add",
    correlations: "Correlations between assumptions",
    correlations_note: "Rank correlations imposed on the Monte Carlo draws, from −1 to 1; each assumption keeps its own range. A pair is ignored while one of its assumptions is a single value.",
    add_pair: "Add a pair",
    assumption: "Assumption",
    rho: "Rank correlation ρ",
    method: "Method",
    rank_axis: "rank correlation with the figure over the draws (ρ)",
};

pub const FR: Texts = Texts {
    title: "De combien de calcul l'IA générative française a-t-elle besoin ?",
    lede: "GPU, puissance, énergie, coûts et carbone de l'écosystème français d'IA générative, 2024–2030, face aux capacités d'IA construites en France — des 1,3 Md€ d'Amazon pour AWS autour de Paris (mai 2024) à Mistral Compute, en service depuis 2026, et aux campus prévus jusqu'en 2030. Chaque hypothèse est réglable ; chaque chiffre montre sa fourchette à 90 %.",
    year: "Année",
    preset: "Scénario",
    scenario_name: "Nom du scénario",
    scenario_name_hint: "Nommez ce scénario (repris dans les exports)",
    range_label: "fourchette à 90 %",
    first_shortfall: "Première année où la demande dépasse l'offre (médiane des tirages)",
    shortfall_none: "pas avant 2030",
    shortfall_probability: "Probabilité que la demande dépasse l'offre",
    chart_demand_supply: "Demande et offre : puissance moyenne des sites",
    chart_segments: "Demande par segment : équivalents H100 (moyennes, qui s'additionnent)",
    chart_tornado: "Ce qui fait le plus varier ce chiffre",
    tornado_metric: "Chiffre",
    tornado_note: "Avec toutes les entrées à leur médiane, le chiffre est sous sa médiane Monte Carlo, car les incertitudes se multiplient.",
    at_medians: "toutes les entrées à leur médiane",
    demand: "Demande",
    supply: "Offre",
    median: "médiane",
    band: "fourchette à 90 %",
    log_scale: "échelle log",
    controls: "Hypothèses",
    reset: "Rétablir",
    source: "Source",
    value: "Valeur",
    kind: "valeur ou fourchette",
    kind_point: "valeur",
    kind_range: "fourchette 90 %",
    kind_uniform: "uniforme",
    low: "bas",
    high: "haut",
    share: "Partager",
    copy_link: "Copier le lien",
    copied: "Lien copié dans le presse-papiers.",
    export: "Télécharger",
    export_csv: "Résultats (CSV)",
    export_json: "Résultats (JSON)",
    export_svg: "Graphique (SVG)",
    export_scenario: "Fichier de scénario",
    import_scenario: "Ouvrir un fichier de scénario",
    imported: "Fichier de scénario chargé.",
    storage_unavailable: "Ce navigateur ne laisse pas l'application retenir votre scénario ; le lien dans la barre d'adresse le contient toujours.",
    storage_unreadable: "Le scénario enregistré dans ce navigateur n'a pas pu être lu (abîmé, ou d'une autre version). Il reste tel quel jusqu'à ce que vous changiez quelque chose.",
    storage_overwritten: "Un autre onglet a enregistré un autre scénario ; cet onglet garde le sien (dans sa barre d'adresse).",
    projects: "Ajouter de l'offre",
    projects_note: "Les projets ajoutés rejoignent le registre (compute-demand projects) ; ils servent des utilisateurs en France, avec les mêmes chances de livraison et retards selon leur statut.",
    project_name: "Projet",
    capacity: "Capacité",
    status: "Statut",
    built: "construit",
    financed: "financé",
    announced: "annoncé",
    dedicated: "dédié à l'IA",
    add: "Ajouter",
    remove: "Retirer",
    dismiss: "Fermer",
    more_notices: "autres problèmes non affichés",
    samples: "tirages",
    updating: "calcul…",
    language: "Langue",
    footer: "Chaque valeur par défaut a une source (survol ou liens à côté de chaque réglage) ; la méthode est dans docs/methodology.md. Calculé dans votre navigateur : rien ne quitte cette page. La ligne de commande `compute-demand` donne les mêmes chiffres.",
    independent: "une corrélation de 0 est l'indépendance : rien à ajouter",
    correlations: "Corrélations entre hypothèses",
    correlations_note: "Corrélations de rang imposées aux tirages Monte Carlo, de −1 à 1 ; chaque hypothèse garde sa fourchette. Une paire est ignorée tant qu'une de ses hypothèses est une valeur unique.",
    add_pair: "Ajouter une paire",
    assumption: "Hypothèse",
    rho: "Corrélation de rang ρ",
    method: "Méthode",
    rank_axis: "corrélation de rang avec le chiffre sur les tirages (ρ)",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

pub fn group(group: ParamGroup, lang: Lang) -> &'static str {
    match (group, lang) {
        (ParamGroup::Training, Lang::En) => "Demand — training",
        (ParamGroup::Training, Lang::Fr) => "Demande — entraînement",
        (ParamGroup::Inference, Lang::En) => "Demand — inference",
        (ParamGroup::Inference, Lang::Fr) => "Demande — inférence",
        (ParamGroup::Hardware, Lang::En) => "Hardware",
        (ParamGroup::Hardware, Lang::Fr) => "Matériel",
        (ParamGroup::Facility, Lang::En) => "Facility & energy",
        (ParamGroup::Facility, Lang::Fr) => "Sites et énergie",
        (ParamGroup::Supply, Lang::En) => "Supply",
        (ParamGroup::Supply, Lang::Fr) => "Offre",
    }
}

pub fn param_label(spec: &ParamSpec, lang: Lang) -> &'static str {
    match lang {
        Lang::En => spec.label,
        Lang::Fr => spec.label_fr,
    }
}

pub fn metric_label(metric: Metric, lang: Lang) -> &'static str {
    match lang {
        Lang::En => metric.label(),
        Lang::Fr => metric.label_fr(),
    }
}

pub fn preset_label(preset: &Preset, lang: Lang) -> &'static str {
    match lang {
        Lang::En => preset.label,
        Lang::Fr => preset.label_fr,
    }
}

pub fn preset_description(preset: &Preset, lang: Lang) -> &'static str {
    match lang {
        Lang::En => preset.description,
        Lang::Fr => preset.description_fr,
    }
}

/// What a figure means exactly (the core's words).
pub fn metric_description(metric: Metric, lang: Lang) -> &'static str {
    match lang {
        Lang::En => metric.description(),
        Lang::Fr => metric.description_fr(),
    }
}

/// An evidence class's name, and what it means.
pub fn evidence(evidence: Evidence, lang: Lang) -> (&'static str, &'static str) {
    match (evidence, lang) {
        (Evidence::Published, Lang::En) => ("published", "a figure quoted from a source"),
        (Evidence::Published, Lang::Fr) => ("publié", "un chiffre cité d'une source"),
        (Evidence::Derived, Lang::En) => ("derived", "arithmetic from published figures"),
        (Evidence::Derived, Lang::Fr) => ("dérivé", "calculé à partir de chiffres publiés"),
        (Evidence::Judgement, Lang::En) => (
            "judgement",
            "no published anchor: a judgement, with a wide range",
        ),
        (Evidence::Judgement, Lang::Fr) => (
            "jugement",
            "sans ancrage publié : un jugement, à fourchette large",
        ),
    }
}

/// A tornado method's name, and the sentence that says what its bars are.
pub fn method(method: Method, lang: Lang) -> (&'static str, &'static str) {
    match (method, lang) {
        (Method::Oat, Lang::En) => ("One at a time", "Each bar: the figure with one assumption at its 5th and then its 95th percentile, all the others at their medians."),
        (Method::Oat, Lang::Fr) => ("Une à la fois", "Chaque barre : le chiffre avec une hypothèse à son 5e puis à son 95e centile, toutes les autres à leur médiane."),
        (Method::Rank, Lang::En) => ("Rank correlation", "Each bar: the Spearman rank correlation of an assumption with the figure over the Monte Carlo draws, so it reflects the correlations between assumptions and their interactions."),
        (Method::Rank, Lang::Fr) => ("Corrélation de rang", "Chaque barre : la corrélation de rang de Spearman d'une hypothèse avec le chiffre sur les tirages Monte Carlo ; elle reflète les corrélations entre hypothèses et leurs interactions."),
    }
}
