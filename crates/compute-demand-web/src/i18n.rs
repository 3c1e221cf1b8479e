//! The interface's words, in English and French. Parameter and metric labels come with the
//! data (`label`, `label_fr`); numbers are written by `compute_demand_core::output::format`.

use crate::state::Method;
use compute_demand_core::data::{Evidence, Preset, Status};
use compute_demand_core::model::explain::StepId;
use compute_demand_core::output::format::{significant, Lang};
use compute_demand_core::{Metric, ParamGroup, ParamSpec};

pub struct Texts {
    /// The document's title.
    pub page_title: &'static str,
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
    /// What a chart's PNG and SVG buttons save.
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub embed: &'static str,
    pub embed_note: &'static str,
    pub copy: &'static str,
    pub copied_text: &'static str,
    pub cite: &'static str,
    pub cite_note: &'static str,
    /// The source line: "Source: compute-demand 0.1.0, data as of 2026-06".
    pub data_as_of: &'static str,
    /// The licences: the code's, and the data's and figures'.
    pub code: &'static str,
    pub data_and_figures: &'static str,
    /// An embed's link to the whole app.
    pub open_full: &'static str,
    pub export_scenario: &'static str,
    pub import_scenario: &'static str,
    pub imported: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_unreadable: &'static str,
    pub storage_overwritten: &'static str,
    pub storage_restored: &'static str,
    pub reset_all: &'static str,
    pub pin: &'static str,
    pub unpin: &'static str,
    pub pin_hint: &'static str,
    pub pinned_note: &'static str,
    pub pinned_series: &'static str,
    pub explain: &'static str,
    pub explain_title: &'static str,
    pub close: &'static str,
    pub register_title: &'static str,
    pub register_note: &'static str,
    pub register_tranche: &'static str,
    pub register_nameplate: &'static str,
    pub register_online: &'static str,
    pub register_weight: &'static str,
    pub register_counted: &'static str,
    pub source_link: &'static str,
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
    pub seed: &'static str,
    /// The summary bar's coverage.
    pub coverage_short: &'static str,
    /// After a source written in another language than the page's (empty in English).
    pub source_language: &'static str,
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
    page_title: "compute-demand — how much compute France's generative AI needs, 2024–2030",
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
    chart_segments: "Demand by segment: H100-equivalents (each segment's share of the median total)",
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
    download_png: "Download this chart as an image (PNG)",
    download_svg: "Download this chart as a drawing (SVG)",
    embed: "Embed",
    embed_note: "Paste this into a web page: it shows the chart, the answer and the source for this scenario, and links back here.",
    copy: "Copy",
    copied_text: "Copied to the clipboard.",
    cite: "Cite",
    cite_note: "With this scenario's link and the version, so the figures can be found again.",
    data_as_of: "data as of",
    code: "code",
    data_and_figures: "data and figures",
    open_full: "Open in compute-demand",
    export_scenario: "Scenario file",
    import_scenario: "Open a scenario file",
    imported: "Scenario file loaded.",
    storage_unavailable: "This browser won't let the app remember your scenario; the link in the address bar still holds it.",
    storage_unreadable: "The scenario saved in this browser could not be read (damaged, or from another version). It is left as it is until you change something.",
    storage_overwritten: "Another tab saved a different scenario; this tab keeps its own (in its address bar).",
    storage_restored: "This is the scenario you last edited in this browser, not a shared link.",
    reset_all: "Reset all",
    pin: "Pin to compare",
    unpin: "Unpin",
    pin_hint: "Keep this scenario as the reference: every figure then shows its change against it.",
    pinned_note: "Changes are against the pinned scenario (dashed).",
    pinned_series: "pinned",
    explain: "Explain",
    explain_title: "step by step, in",
    close: "Close",
    register_title: "Supply register",
    register_note: "Every project and tranche counted as supply, at this scenario's values. Untick a project to leave it out; the projects you add appear at the end, where you can edit or remove them.",
    register_tranche: "Tranche",
    register_nameplate: "Nameplate",
    register_online: "In service",
    register_weight: "Weight",
    register_counted: "Counted in",
    source_link: "source",
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
    samples: "draws",
    seed: "seed",
    coverage_short: "Coverage",
    source_language: "",
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
    page_title: "compute-demand — le calcul dont l'IA générative française a besoin, 2024–2030",
    title: "De combien de calcul l'IA générative française a-t-elle besoin\u{202f}?",
    lede: "GPU, puissance, énergie, coûts et carbone de l'écosystème français d'IA générative, 2024–2030, face aux capacités d'IA construites en France — des 1,3 Md€ d'Amazon pour AWS autour de Paris (mai 2024) à Mistral Compute, en service depuis 2026, et aux campus prévus jusqu'en 2030. Chaque hypothèse est réglable\u{202f}; chaque chiffre montre sa fourchette à 90\u{202f}%.",
    year: "Année",
    preset: "Scénario",
    scenario_name: "Nom du scénario",
    scenario_name_hint: "Nommez ce scénario (repris dans les exports)",
    range_label: "fourchette à 90\u{202f}%",
    first_shortfall: "Première année où la demande dépasse l'offre (médiane des tirages)",
    shortfall_none: "pas avant 2030",
    shortfall_probability: "Probabilité que la demande dépasse l'offre",
    chart_demand_supply: "Demande et offre\u{202f}: puissance moyenne des sites",
    chart_segments: "Demande par segment\u{202f}: équivalents H100 (part de chaque segment dans le total médian)",
    chart_tornado: "Ce qui fait le plus varier ce chiffre",
    tornado_metric: "Chiffre",
    tornado_note: "Avec toutes les entrées à leur médiane, le chiffre est sous sa médiane Monte Carlo, car les incertitudes se multiplient.",
    at_medians: "toutes les entrées à leur médiane",
    demand: "Demande",
    supply: "Offre",
    median: "médiane",
    band: "fourchette à 90\u{202f}%",
    log_scale: "échelle log",
    controls: "Hypothèses",
    reset: "Rétablir",
    source: "Source",
    value: "Valeur",
    kind: "valeur ou fourchette",
    kind_point: "valeur",
    kind_range: "fourchette 90\u{202f}%",
    kind_uniform: "uniforme",
    low: "bas",
    high: "haut",
    share: "Partager",
    copy_link: "Copier le lien",
    copied: "Lien copié dans le presse-papiers.",
    export: "Télécharger",
    export_csv: "Résultats (CSV)",
    export_json: "Résultats (JSON)",
    download_png: "Télécharger ce graphique en image (PNG)",
    download_svg: "Télécharger ce graphique en dessin (SVG)",
    embed: "Intégrer",
    embed_note: "À coller dans une page web\u{202f}: le graphique, la réponse et la source pour ce scénario, avec un lien vers cette page.",
    copy: "Copier",
    copied_text: "Copié dans le presse-papiers.",
    cite: "Citer",
    cite_note: "Avec le lien de ce scénario et la version, pour retrouver les chiffres.",
    data_as_of: "données au",
    code: "code",
    data_and_figures: "données et figures",
    open_full: "Ouvrir dans compute-demand",
    export_scenario: "Fichier de scénario",
    import_scenario: "Ouvrir un fichier de scénario",
    imported: "Fichier de scénario chargé.",
    storage_unavailable: "Ce navigateur ne laisse pas l'application retenir votre scénario\u{202f}; le lien dans la barre d'adresse le contient toujours.",
    storage_unreadable: "Le scénario enregistré dans ce navigateur n'a pas pu être lu (abîmé, ou d'une autre version). Il reste tel quel jusqu'à ce que vous changiez quelque chose.",
    storage_overwritten: "Un autre onglet a enregistré un autre scénario\u{202f}; cet onglet garde le sien (dans sa barre d'adresse).",
    storage_restored: "Voici le scénario modifié en dernier dans ce navigateur, et non un lien partagé.",
    reset_all: "Tout réinitialiser",
    pin: "Épingler pour comparer",
    unpin: "Désépingler",
    pin_hint: "Garder ce scénario comme référence\u{202f}: chaque chiffre montre alors son écart avec lui.",
    pinned_note: "Les écarts sont mesurés par rapport au scénario épinglé (en pointillés).",
    pinned_series: "épinglé",
    explain: "Expliquer",
    explain_title: "pas à pas, en",
    close: "Fermer",
    register_title: "Registre de l'offre",
    register_note: "Chaque projet et chaque tranche comptés dans l'offre, aux valeurs de ce scénario. Décochez un projet pour l'exclure\u{202f}; les projets ajoutés figurent à la fin, où l'on peut les modifier ou les retirer.",
    register_tranche: "Tranche",
    register_nameplate: "Puissance nominale",
    register_online: "En service",
    register_weight: "Poids",
    register_counted: "Compté en",
    source_link: "source",
    projects: "Ajouter de l'offre",
    projects_note: "Les projets ajoutés rejoignent le registre (compute-demand projects)\u{202f}; ils servent des utilisateurs en France, avec les mêmes chances de livraison et retards selon leur statut.",
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
    seed: "graine",
    coverage_short: "Couverture",
    source_language: "(en anglais)",
    updating: "calcul…",
    language: "Langue",
    footer: "Chaque valeur par défaut a une source (survol ou liens à côté de chaque réglage)\u{202f}; la méthode est dans docs/methodology.md. Calculé dans votre navigateur\u{202f}: rien ne quitte cette page. La ligne de commande `compute-demand` donne les mêmes chiffres.",
    independent: "une corrélation de 0 est l'indépendance\u{202f}: rien à ajouter",
    correlations: "Corrélations entre hypothèses",
    correlations_note: "Corrélations de rang imposées aux tirages Monte Carlo, de −1 à 1\u{202f}; chaque hypothèse garde sa fourchette. Une paire est ignorée tant qu'une de ses hypothèses est une valeur unique.",
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
            "sans ancrage publié\u{202f}: un jugement, à fourchette large",
        ),
    }
}

/// A tornado method's name, and the sentence that says what its bars are.
pub fn method(method: Method, lang: Lang) -> (&'static str, &'static str) {
    match (method, lang) {
        (Method::Oat, Lang::En) => ("One at a time", "Each bar: the figure with one assumption at its 5th and then its 95th percentile, all the others at their medians."),
        (Method::Oat, Lang::Fr) => ("Une à la fois", "Chaque barre\u{202f}: le chiffre avec une hypothèse à son 5e puis à son 95e centile, toutes les autres à leur médiane."),
        (Method::Rank, Lang::En) => ("Rank correlation", "Each bar: the Spearman rank correlation of an assumption with the figure over the Monte Carlo draws, so it reflects the correlations between assumptions and their interactions."),
        (Method::Rank, Lang::Fr) => ("Corrélation de rang", "Chaque barre\u{202f}: la corrélation de rang de Spearman d'une hypothèse avec le chiffre sur les tirages Monte Carlo\u{202f}; elle reflète les corrélations entre hypothèses et leurs interactions."),
    }
}

/// What comes between a label and what it labels: French puts a narrow no-break space
/// before the colon.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Fr => "\u{202f}: ",
    }
}

/// What separates two clauses of a list (French: a narrow no-break space before it).
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "; ",
        Lang::Fr => "\u{202f}; ",
    }
}

/// A parameter's unit (as params.toml writes it, in English) in `lang`; shares show as
/// percentages.
pub fn unit_label(unit: &'static str, lang: Lang) -> &'static str {
    if unit == "share" {
        return "%";
    }
    if lang == Lang::En {
        return unit;
    }
    match unit {
        "B params" => "Md paramètres",
        "H100-hours" => "heures H100",
        "k H100-hours" => "k heures H100",
        "M users" => "M utilisateurs",
        "T tokens" => "10¹² jetons",
        "people" => "personnes",
        "runs/yr" => "entraînements/an",
        "startups" => "start-up",
        "tokens/day" => "jetons/jour",
        "year" => "année",
        "years" => "ans",
        "× final-run compute" => "× calcul final",
        "×/yr" => "×/an",
        other => other,
    }
}

/// A whole number with its thousands grouped as the core writes them in `lang` (10,000 ·
/// 10 000 with narrow no-break spaces): a count, every digit kept.
pub fn count(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let group = match lang {
        Lang::En => ",",
        Lang::Fr => "\u{202f}",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(group);
        }
        out.push(digit);
    }
    out
}

/// The sampling line: "10,000 draws · seed 20240513".
pub fn sampling(samples: usize, seed: u64, lang: Lang) -> String {
    let t = texts(lang);
    format!(
        "{} {} · {} {seed}",
        count(samples as u64, lang),
        t.samples,
        t.seed
    )
}

/// The big answer's label: the facility power needed in `year`.
pub fn answer_label(year: u16, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Facility power needed in {year} (median)"),
        Lang::Fr => format!("Puissance des sites nécessaire en {year} (médiane)"),
    }
}

/// What the one-at-a-time tornado is centred on, beside the headline's Monte Carlo median
/// (`headline`: none when the figures shown are for another year or figure).
pub fn tornado_centre(base: &str, headline: Option<(&str, &str)>, lang: Lang) -> String {
    let centre = match lang {
        Lang::En => format!("Centred on {base}: every assumption at its median."),
        Lang::Fr => format!("Centré sur {base}\u{202f}: toutes les hypothèses à leur médiane."),
    };
    let Some((median, draws)) = headline else {
        return centre;
    };
    match lang {
        Lang::En => format!("{centre} The headline's {median} is the median of {draws} draws: the two differ because the uncertain assumptions multiply."),
        Lang::Fr => format!("{centre} Les {median} du résumé sont la médiane de {draws} tirages\u{202f}: les deux diffèrent car les hypothèses incertaines se multiplient."),
    }
}

pub fn status_label(status: Status, t: &Texts) -> &'static str {
    match status {
        Status::Built => t.built,
        Status::Financed => t.financed,
        Status::Announced => t.announced,
    }
}

/// A step of an explained figure: its name, and its formula in words.
pub fn step_words(step: StepId, lang: Lang) -> (&'static str, &'static str) {
    let fr = lang == Lang::Fr;
    match (step, fr) {
        (StepId::Flop, false) => ("Compute demanded in France", "each segment's base FLOP (runs × 6 × parameters × tokens, GPU-hours, or users × tokens × 2 × parameters) × its growth since 2024 × its share sited in France"),
        (StepId::Flop, true) => ("Calcul demandé en France", "FLOP de base de chaque segment (entraînements × 6 × paramètres × jetons, heures GPU, ou utilisateurs × jetons × 2 × paramètres) × sa croissance depuis 2024 × sa part localisée en France"),
        (StepId::H100e, false) => ("H100-equivalents", "FLOP per year ÷ (an H100's peak × utilisation × seconds in a year): MFU for training, serving utilisation for inference"),
        (StepId::H100e, true) => ("Équivalents H100", "FLOP par an ÷ (pic d'un H100 × taux d'utilisation × secondes dans l'année)\u{202f}: MFU pour l'entraînement, utilisation en service pour l'inférence"),
        (StepId::Gpus, false) => ("Physical GPUs of the year's fleet", "H100-equivalents ÷ the speed of that year's fleet mix relative to an H100 (faster for the share served at 8 bits)"),
        (StepId::Gpus, true) => ("GPU physiques du parc de l'année", "équivalents H100 ÷ vitesse du parc de l'année rapportée à un H100 (plus rapide pour la part servie en 8 bits)"),
        (StepId::ItPower, false) => ("IT power", "GPUs × each GPU's power with its server share (TDP × server overhead) × average load"),
        (StepId::ItPower, true) => ("Puissance informatique", "GPU × puissance de chaque GPU avec sa part de serveur (TDP × surcoût serveur) × charge moyenne"),
        (StepId::FacilityPower, false) => ("Facility power", "IT power × PUE"),
        (StepId::FacilityPower, true) => ("Puissance du site", "puissance informatique × PUE"),
        (StepId::Energy, false) => ("Energy", "power × 8,760 hours"),
        (StepId::Energy, true) => ("Énergie", "puissance × 8\u{202f}760 heures"),
        (StepId::Cost, false) => ("Cost per year", "GPU capex ÷ its depreciation years + facility capex per MW of IT peak ÷ its years + energy × electricity price"),
        (StepId::Cost, true) => ("Coût annuel", "investissement GPU ÷ ses années d'amortissement + investissement du site par MW informatique ÷ ses années + énergie × prix de l'électricité"),
        (StepId::Co2, false) => ("CO2", "energy × the grid's carbon intensity"),
        (StepId::Co2, true) => ("CO2", "énergie × intensité carbone du réseau"),
        (StepId::CloudRental, false) => ("The same in cloud rental", "H100-equivalents × 8,760 hours × the hourly price × the euro rate"),
        (StepId::CloudRental, true) => ("Le même en location cloud", "équivalents H100 × 8\u{202f}760 heures × prix horaire × taux de change"),
        (StepId::HostedForeign, false) => ("Foreign customers of French sites", "each site's AI power in service × the share used from abroad by its customer class"),
        (StepId::HostedForeign, true) => ("Clients étrangers des sites français", "puissance d'IA en service de chaque site × part utilisée depuis l'étranger selon sa clientèle"),
        (StepId::AbroadUsers, false) => ("The French labs' users abroad", "users abroad × tokens × 2 × parameters, the share served from France, through the same chain to power"),
        (StepId::AbroadUsers, true) => ("Utilisateurs étrangers des laboratoires français", "utilisateurs à l'étranger × jetons × 2 × paramètres, part servie depuis la France, par la même chaîne jusqu'à la puissance"),
        (StepId::ForeignPower, false) => ("Demand from abroad", "the two above"),
        (StepId::ForeignPower, true) => ("Demande de l'étranger", "la somme des deux précédentes"),
        (StepId::Nameplate, false) => ("Nameplate announced by then", "the peak site power of every tranche counted, announced for this year or before"),
        (StepId::Nameplate, true) => ("Puissance nominale annoncée d'ici là", "puissance de pointe de chaque tranche comptée, annoncée pour cette année ou avant"),
        (StepId::Expected, false) => ("Expected AI power once built", "nameplate × average load × the odds of being built × the AI share of general-purpose sites (and Amazon's cloud share)"),
        (StepId::Expected, true) => ("Puissance d'IA attendue une fois construite", "nominal × charge moyenne × chances d'être construit × part d'IA des sites généralistes (et part cloud d'Amazon)"),
        (StepId::SupplyPower, false) => ("In service this year", "each tranche from its announced year plus its status's delay"),
        (StepId::SupplyPower, true) => ("En service cette année", "chaque tranche à partir de son année annoncée plus le retard de son statut"),
        (StepId::SupplyH100e, false) => ("Supply in H100-equivalents", "power in service ÷ the average power of one GPU of the year's fleet × its speed relative to an H100"),
        (StepId::SupplyH100e, true) => ("Offre en équivalents H100", "puissance en service ÷ puissance moyenne d'un GPU du parc de l'année × sa vitesse rapportée à un H100"),
        (StepId::OnSites, false) => ("Demand on French sites", "the French ecosystem's facility power + the demand from abroad"),
        (StepId::OnSites, true) => ("Demande sur les sites français", "puissance de l'écosystème français + demande de l'étranger"),
        (StepId::Coverage, false) => ("Coverage", "supply in service ÷ demand on French sites"),
        (StepId::Coverage, true) => ("Couverture", "offre en service ÷ demande sur les sites français"),
        (StepId::Exceeds, false) => ("Demand exceeds supply", "1 when the demand on French sites is above the supply in service, else 0"),
        (StepId::Exceeds, true) => ("La demande dépasse l'offre", "1 si la demande sur les sites français dépasse l'offre en service, sinon 0"),
    }
}

/// Why the chain at median assumptions is not the figure above.
pub fn explain_note(at_medians: &str, drawn: &str, samples: usize, lang: Lang) -> String {
    let samples = significant(samples as f64, lang);
    match lang {
        Lang::En => format!("This chain puts every assumption at its median and gives {at_medians}. The figure above, {drawn}, is the median of {samples} draws in which every assumption varies at once. They differ because the model multiplies uncertain quantities: the median of a product is not the product of the medians, and the wide, right-skewed ranges (growth, users, runs) move the draws' median away from it."),
        Lang::Fr => format!("Cette chaîne place chaque hypothèse à sa médiane et donne {at_medians}. Le chiffre ci-dessus, {drawn}, est la médiane de {samples} tirages où toutes les hypothèses varient ensemble. Ils diffèrent parce que le modèle multiplie des grandeurs incertaines\u{202f}: la médiane d'un produit n'est pas le produit des médianes, et les plages larges et asymétriques (croissance, utilisateurs, entraînements) en éloignent la médiane des tirages."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every French text puts a (narrow) no-break space before `:`, `;`, `?`, `!` and `%`.
    #[test]
    fn french_typography() {
        let t = &FR;
        let all = [
            t.page_title,
            t.title,
            t.lede,
            t.range_label,
            t.first_shortfall,
            t.shortfall_none,
            t.shortfall_probability,
            t.chart_demand_supply,
            t.chart_segments,
            t.chart_tornado,
            t.tornado_note,
            t.at_medians,
            t.band,
            t.kind,
            t.kind_range,
            t.copied,
            t.storage_unavailable,
            t.storage_unreadable,
            t.storage_overwritten,
            t.projects_note,
            t.footer,
            t.embed_note,
            t.cite_note,
            t.independent,
            t.correlations_note,
            t.rho,
            t.rank_axis,
        ];
        let methods = [Method::Oat, Method::Rank].map(|m| method(m, Lang::Fr).1);
        let evidences = [Evidence::Published, Evidence::Derived, Evidence::Judgement]
            .map(|e| evidence(e, Lang::Fr).1);
        let centre = tornado_centre(
            "179\u{a0}MW",
            Some(("383\u{a0}MW", "10\u{202f}000")),
            Lang::Fr,
        );
        let texts = all
            .iter()
            .chain(&methods)
            .chain(&evidences)
            .map(|s| s.to_string());
        for text in texts.chain([centre, colon(Lang::Fr).into(), semicolon(Lang::Fr).into()]) {
            for (i, c) in text.char_indices() {
                if matches!(c, ':' | ';' | '?' | '!' | '%') && !text[..i].ends_with("//") {
                    let before = text[..i].chars().last();
                    assert!(
                        matches!(before, Some('\u{202f}' | '\u{a0}')),
                        "no no-break space before {c:?} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn counts_and_units() {
        // (n, English, French)
        let table = [
            (0, "0", "0"),
            (999, "999", "999"),
            (1000, "1,000", "1\u{202f}000"),
            (10_000, "10,000", "10\u{202f}000"),
            (12_345, "12,345", "12\u{202f}345"),
            (1_234_567, "1,234,567", "1\u{202f}234\u{202f}567"),
        ];
        for (n, en, fr) in table {
            assert_eq!(
                (count(n, Lang::En), count(n, Lang::Fr)),
                (en.into(), fr.into())
            );
        }
        assert_eq!(
            sampling(10_000, 20240513, Lang::En),
            "10,000 draws · seed 20240513"
        );
        assert_eq!(
            sampling(10_000, 20240513, Lang::Fr),
            "10\u{202f}000 tirages · graine 20240513"
        );
        // Every unit of the data has a French form, and shares show as percentages.
        for spec in compute_demand_core::PARAMS.iter() {
            let fr = unit_label(spec.unit, Lang::Fr);
            assert!(!fr.is_empty());
            if spec.unit == "share" {
                assert_eq!((fr, unit_label(spec.unit, Lang::En)), ("%", "%"));
            }
            let english_words = [
                "params", "hours", "users", "tokens", "people", "runs", "yr", "day", "year",
            ];
            assert!(
                !english_words.iter().any(|w| fr.contains(w)),
                "{}: {:?} has no French form",
                spec.key,
                spec.unit
            );
        }
    }
}
