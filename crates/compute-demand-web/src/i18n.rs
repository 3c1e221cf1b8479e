//! The interface's words, in English and French. The English is here and in the core's data
//! (parameter, preset and metric labels); the French is written natively (`fr`, the core's
//! `french` feature) into a file the bundle carries (`crate::french`), looked up by its
//! English: `tr(lang, "Supply")`. Numbers are written by
//! `compute_demand_core::output::format`.

#[cfg(any(test, not(target_arch = "wasm32")))]
pub mod fr;

use crate::compute::Method;
use crate::french::{french, French};
use crate::sources::Loaded;
use compute_demand_core::data::{Country, Evidence, Preset, Status};
use compute_demand_core::model::explain::StepId;
use compute_demand_core::output::format::{significant, Lang};
use compute_demand_core::{Metric, ParamGroup, ParamSpec};
use std::cell::{Cell, RefCell};

/// `Texts`, each text's English and French side by side: `EN`, and `FR` natively (the
/// bundle fetches its French, `crate::french`).
macro_rules! texts {
    ($($(#[$doc:meta])* $field:ident: $english:literal, $french:literal;)*) => {
        /// Each text's place in `Texts`.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum TextId {
            $($field,)*
        }

        const TEXT_COUNT: usize = [$(TextId::$field),*].len();

        /// The interface's texts in one language: an array indexed by `TextId`, so that the
        /// French are made from the English in one loop, with no code per text.
        pub struct Texts([&'static str; TEXT_COUNT]);

        impl Texts {
            // Inlined: a load, as a field's would be.
            $(
                $(#[$doc])*
                #[inline(always)]
                pub fn $field(&self) -> &'static str {
                    self.0[TextId::$field as usize]
                }
            )*
        }

        pub const EN: Texts = Texts([$($english,)*]);

        /// The French, for the native build and the tests: xtask writes it into the French
        /// file a page in French fetches, so the WebAssembly bundle carries none of it.
        #[cfg(any(test, not(target_arch = "wasm32")))]
        pub const FR: Texts = Texts([$($french,)*]);
    };
}

texts! {
    /// The document's title.
    page_title:
        "compute-demand — how much compute {country}'s generative AI needs, 2024–2030",
        "compute-demand — le calcul dont l'IA générative {adj_f} a besoin, 2024–2030";
    title:
        "How much compute does {country}'s generative AI need?",
        "De combien de calcul l'IA générative {adj_f} a-t-elle besoin\u{202f}?";
    year:
        "Year",
        "Année";
    preset:
        "Scenario",
        "Scénario";
    scenario_name:
        "Scenario name",
        "Nom du scénario";
    scenario_name_hint:
        "Name this scenario (shown in exports)",
        "Nommez ce scénario (repris dans les exports)";
    range_label:
        "90% range",
        "fourchette à 90\u{202f}%";
    first_shortfall:
        "First year demand exceeds supply (median over draws)",
        "Première année où la demande dépasse l'offre (médiane des tirages)";
    shortfall_none:
        "not by 2030",
        "pas avant 2030";
    shortfall_probability:
        "Chance demand exceeds supply",
        "Probabilité que la demande dépasse l'offre";
    chart_demand_supply:
        "Demand and supply: average facility power",
        "Demande et offre\u{202f}: puissance moyenne des sites";
    chart_segments:
        "Demand by segment: H100-equivalents (each segment's share of the median total)",
        "Demande par segment\u{202f}: équivalents H100 (part de chaque segment dans le total médian)";
    chart_tornado:
        "What moves this figure most",
        "Ce qui fait le plus varier ce chiffre";
    tornado_metric:
        "Figure",
        "Chiffre";
    tornado_note:
        "With every input at its median the figure is below its Monte Carlo median, because the uncertain inputs multiply.",
        "Avec toutes les entrées à leur médiane, le chiffre est sous sa médiane Monte Carlo, car les incertitudes se multiplient.";
    at_medians:
        "every input at its median",
        "toutes les entrées à leur médiane";
    demand:
        "Demand",
        "Demande";
    supply:
        "Supply",
        "Offre";
    median:
        "median",
        "médiane";
    band:
        "90% range",
        "fourchette à 90\u{202f}%";
    log_scale:
        "log scale",
        "échelle log";
    controls:
        "Assumptions",
        "Hypothèses";
    reset:
        "Reset",
        "Rétablir";
    source:
        "Source",
        "Source";
    value:
        "Value",
        "Valeur";
    kind:
        "point or range",
        "valeur ou fourchette";
    kind_point:
        "point",
        "valeur";
    kind_range:
        "90% range",
        "fourchette à 90\u{202f}%";
    kind_uniform:
        "uniform",
        "uniforme";
    low:
        "low",
        "bas";
    high:
        "high",
        "haut";
    share:
        "Share",
        "Partager";
    copy_link:
        "Copy link",
        "Copier le lien";
    copied:
        "Link copied to the clipboard.",
        "Lien copié dans le presse-papiers.";
    export:
        "Download",
        "Télécharger";
    export_csv:
        "Results (CSV)",
        "Résultats (CSV)";
    export_json:
        "Results (JSON)",
        "Résultats (JSON)";
    /// What a chart's PNG and SVG buttons save.
    download_png:
        "Download this chart as an image (PNG)",
        "Télécharger ce graphique en image (PNG)";
    download_svg:
        "Download this chart as a drawing (SVG)",
        "Télécharger ce graphique en dessin (SVG)";
    embed:
        "Embed",
        "Intégrer";
    embed_note:
        "Paste this into a web page: it shows the chart, the answer and the source for this scenario, and links back here.",
        "À coller dans une page web\u{202f}: le graphique, la réponse et la source pour ce scénario, avec un lien vers cette page.";
    copy:
        "Copy",
        "Copier";
    copied_text:
        "Copied to the clipboard.",
        "Copié dans le presse-papiers.";
    cite:
        "Cite",
        "Citer";
    cite_note:
        "With this scenario's link and the version, so the figures can be found again.",
        "Avec le lien de ce scénario et la version, pour retrouver les chiffres.";
    /// The source line: "Source: compute-demand 0.1.0, data as of 2026-06".
    data_as_of:
        "data as of",
        "données au";
    /// The licences: the code's, and the data's and figures'.
    code:
        "code",
        "code";
    data_and_figures:
        "data and figures",
        "données et figures";
    /// An embed's link to the whole app.
    open_full:
        "Open in compute-demand",
        "Ouvrir dans compute-demand";
    export_scenario:
        "Scenario file",
        "Fichier de scénario";
    import_scenario:
        "Open a scenario file",
        "Ouvrir un fichier de scénario";
    imported:
        "Scenario file loaded.",
        "Fichier de scénario chargé.";
    storage_unavailable:
        "This browser won't let the app remember your scenario; the link in the address bar still holds it.",
        "Ce navigateur ne laisse pas l'application retenir votre scénario\u{202f}; le lien dans la barre d'adresse le contient toujours.";
    storage_unreadable:
        "The scenario saved in this browser could not be read (damaged, or from another version). It is left as it is until you change something.",
        "Le scénario enregistré dans ce navigateur n'a pas pu être lu (abîmé, ou d'une autre version). Il reste tel quel jusqu'à ce que vous changiez quelque chose.";
    storage_overwritten:
        "Another tab saved a different scenario; this tab keeps its own (in its address bar).",
        "Un autre onglet a enregistré un autre scénario\u{202f}; cet onglet garde le sien (dans sa barre d'adresse).";
    storage_restored:
        "This is the scenario you last edited in this browser, not a shared link.",
        "Voici le scénario modifié en dernier dans ce navigateur, et non un lien partagé.";
    reset_all:
        "Reset all",
        "Tout réinitialiser";
    pin:
        "Pin to compare",
        "Épingler pour comparer";
    unpin:
        "Unpin",
        "Désépingler";
    pin_hint:
        "Keep this scenario as the reference: every figure then shows its change against it.",
        "Garder ce scénario comme référence\u{202f}: chaque chiffre montre alors son écart avec lui.";
    pinned_note:
        "Changes are against the pinned scenario (dashed).",
        "Les écarts sont mesurés par rapport au scénario épinglé (en pointillés).";
    pinned_series:
        "pinned",
        "épinglé";
    explain:
        "Explain",
        "Expliquer";
    explain_title:
        "step by step, in",
        "pas à pas, en";
    close:
        "Close",
        "Fermer";
    register_title:
        "Supply register",
        "Registre de l'offre";
    register_note:
        "Every project and tranche counted as supply, at this scenario's values (each assumption at its median). Each row multiplies out: nameplate × average load × the odds it is built × the AI share of its site × the share of the project counted × the part of the year in service = the MW counted. Untick a project to leave it out; the projects you add appear at the end, where you can edit or remove them.",
        "Chaque projet et chaque tranche comptés dans l'offre, aux valeurs de ce scénario (chaque hypothèse à sa médiane). Chaque ligne se multiplie\u{202f}: puissance nominale × charge moyenne × probabilité d'être construit × part d'IA du site × part du projet comptée × part de l'année en service = MW comptés. Décochez un projet pour l'exclure\u{202f}; les projets ajoutés figurent à la fin, où l'on peut les modifier ou les retirer.";
    register_tranche:
        "Tranche",
        "Tranche";
    register_nameplate:
        "Nameplate",
        "Puissance nominale";
    register_weight:
        "factors",
        "facteurs";
    register_counted:
        "MW counted in",
        "MW comptés en";
    source_link:
        "source",
        "source";
    projects:
        "Add supply",
        "Ajouter de l'offre";
    projects_note:
        "Projects you add join the register (compute-demand projects); they serve users in {country}, with the same delivery odds and delays by status.",
        "Les projets ajoutés rejoignent le registre (compute-demand projects)\u{202f}; ils servent des utilisateurs {en_pays}, avec les mêmes chances de livraison et retards selon leur statut.";
    project_name:
        "Project",
        "Projet";
    capacity:
        "Capacity",
        "Capacité";
    status:
        "Status",
        "Statut";
    built:
        "built",
        "construit";
    financed:
        "financed",
        "financé";
    announced:
        "announced",
        "annoncé";
    dedicated:
        "dedicated to AI",
        "dédié à l'IA";
    add:
        "Add",
        "Ajouter";
    remove:
        "Remove",
        "Retirer";
    dismiss:
        "Dismiss",
        "Fermer";
    more_notices:
        "more problems not shown",
        "autres problèmes non affichés";
    samples:
        "draws",
        "tirages";
    seed:
        "seed",
        "graine";
    /// The summary bar's coverage.
    coverage_short:
        "Coverage of all demand",
        "Couverture de toute la demande";
    updating:
        "updating…",
        "calcul…";
    language:
        "Language",
        "Langue";
    footer:
        "Every default has a source (hover or follow the links beside each control); the method has a page of its own. Computed in your browser: nothing leaves this page. The command line `compute-demand` gives the same numbers.",
        "Chaque valeur par défaut a une source (survol ou liens à côté de chaque réglage)\u{202f}; la méthode a sa propre page. Calculé dans votre navigateur\u{202f}: rien ne quitte cette page. La ligne de commande `compute-demand` donne les mêmes chiffres.";
    independent:
        "a correlation of 0 is independence: nothing to add",
        "une corrélation de 0 est l'indépendance\u{202f}: rien à ajouter";
    correlations:
        "Correlations between assumptions",
        "Corrélations entre hypothèses";
    correlations_note:
        "Rank correlations imposed on the Monte Carlo draws, from −1 to 1; each assumption keeps its own range. A pair is ignored while one of its assumptions is a single value.",
        "Corrélations de rang imposées aux tirages Monte Carlo, de −1 à 1\u{202f}; chaque hypothèse garde sa fourchette. Une paire est ignorée tant qu'une de ses hypothèses est une valeur unique.";
    add_pair:
        "Add a pair",
        "Ajouter une paire";
    assumption:
        "Assumption",
        "Hypothèse";
    rho:
        "Rank correlation ρ",
        "Corrélation de rang ρ";
    method:
        "Method",
        "Méthode";
    rank_axis:
        "rank correlation with the figure over the draws (ρ)",
        "corrélation de rang avec le chiffre sur les tirages (ρ)";
}

impl Texts {
    /// Each text beside its counterpart in `other`.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn rows(&self, other: &Texts) -> Vec<(&'static str, &'static str)> {
        self.0
            .iter()
            .copied()
            .zip(other.0.iter().copied())
            .collect()
    }

    /// These texts, each through `translate`.
    pub fn translated(&self, translate: &dyn Fn(&'static str) -> &'static str) -> Texts {
        Texts(self.0.map(translate))
    }
}

/// The phrases that put the core's English messages into French, longest first (none while
/// the French is not loaded).
pub fn phrases() -> &'static [(&'static str, &'static str)] {
    french().map_or(&[], French::phrases)
}

/// A text placed for a country, by (the text's address and length, the country's code).
type PlacedTexts = Vec<((usize, usize, &'static str), &'static str)>;
/// The interface's texts by (language, French loaded, the country's code).
type CountryTexts = Vec<((Lang, bool, &'static str), &'static Texts)>;

thread_local! {
    /// The country the page shows, whose words the texts' `{tokens}` take (`set_country`).
    static COUNTRY: Cell<&'static Country> = Cell::new(Country::first());
    /// Each text placed for a country, made once: (the text's address and length, the
    /// country's code) → the placed text. Texts and countries are few and fixed.
    static PLACED: RefCell<PlacedTexts> = const { RefCell::new(Vec::new()) };
    /// The interface's texts per language and country, made once each.
    static TEXTS: RefCell<CountryTexts> = const { RefCell::new(Vec::new()) };
}

/// Sets the country the page shows: the app does on each render, before its components
/// read their words (a page-wide setting, like its French), and the outcome views when they
/// read a link.
pub fn set_country(country: &'static Country) {
    COUNTRY.with(|cell| cell.set(country));
}

/// The country the page shows.
pub fn country() -> &'static Country {
    COUNTRY.with(Cell::get)
}

/// `text` with the page's country's words for its tokens (`Country::placed`): "demand on
/// {adjective} sites" → "demand on French sites".
pub fn placed(text: &'static str) -> &'static str {
    if !text.contains('{') {
        return text;
    }
    let country = country();
    let key = (text.as_ptr() as usize, text.len(), country.code);
    PLACED.with(|cache| {
        if let Some((_, placed)) = cache.borrow().iter().find(|(k, _)| *k == key) {
            return *placed;
        }
        let placed = country
            .placed(text)
            .map_or(text, |placed| &*Box::leak(placed.into_boxed_str()));
        cache.borrow_mut().push((key, placed));
        placed
    })
}

/// The interface's texts in `lang` for the page's country; in English while the French ones
/// are not yet loaded.
pub fn texts(lang: Lang) -> &'static Texts {
    let loaded = french().is_some();
    let key = (lang, loaded, country().code);
    TEXTS.with(|cache| {
        if let Some((_, texts)) = cache.borrow().iter().find(|(k, _)| *k == key) {
            return *texts;
        }
        let texts = match (lang, french()) {
            // The French by its place (the file's texts are in this order; a text it lacks
            // stays in English).
            (Lang::Fr, Some(french)) => Texts(std::array::from_fn(|i| {
                placed(french.texts().get(i).copied().unwrap_or(EN.0[i]))
            })),
            _ => EN.translated(&placed),
        };
        let texts: &'static Texts = Box::leak(Box::new(texts));
        cache.borrow_mut().push((key, texts));
        texts
    })
}

/// `english` in `lang` for the page's country: itself, or its French from the French texts
/// (itself while they are not loaded, or if they have none), its tokens placed.
pub fn tr(lang: Lang, english: &'static str) -> &'static str {
    placed(match (lang, french()) {
        (Lang::Fr, Some(french)) => french.word(english).unwrap_or(english),
        _ => english,
    })
}

/// The page's opening paragraph: its country's.
pub fn lede(lang: Lang) -> &'static str {
    let country = country();
    in_french(lang, country.lede, |french| french.lede(country))
}

/// `english`, or in French what `french` finds for it, its tokens placed.
fn in_french(
    lang: Lang,
    english: &'static str,
    french: impl FnOnce(&'static French) -> Option<&'static str>,
) -> &'static str {
    placed(match (lang, crate::french::french()) {
        (Lang::Fr, Some(file)) => french(file).unwrap_or(english),
        _ => english,
    })
}

/// A typed number's refusal, in `lang`: the core's English template, its French from the
/// fetched file, filled with values written for `lang`.
pub fn refusal_text(refusal: &compute_demand_core::input::field::Refusal, lang: Lang) -> String {
    let (english, values) = refusal.words(lang);
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    fill(tr(lang, english), &values)
}

/// `template` with each `{name}` replaced by its value: the translated sentences keep their
/// placeholders, which French may place elsewhere.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

pub fn group(group: ParamGroup, lang: Lang) -> &'static str {
    tr(
        lang,
        match group {
            ParamGroup::Training => "Demand — training",
            ParamGroup::Inference => "Demand — inference",
            ParamGroup::Foreign => "Demand from abroad",
            ParamGroup::Hardware => "Hardware",
            ParamGroup::Facility => "Facility & energy",
            ParamGroup::Supply => "Supply",
        },
    )
}

pub fn param_label(spec: &ParamSpec, lang: Lang) -> &'static str {
    in_french(lang, spec.label, |french| french.param(spec))
}

pub fn metric_label(metric: Metric, lang: Lang) -> &'static str {
    in_french(lang, metric.label(), |french| {
        Some(french.metric(metric)?.0)
    })
}

pub fn preset_label(preset: &Preset, lang: Lang) -> &'static str {
    in_french(lang, preset.label, |french| Some(french.preset(preset)?.0))
}

pub fn preset_description(preset: &Preset, lang: Lang) -> &'static str {
    in_french(lang, preset.description, |french| {
        Some(french.preset(preset)?.1)
    })
}

/// What a figure means exactly (the core's words).
pub fn metric_description(metric: Metric, lang: Lang) -> &'static str {
    in_french(lang, metric.description(), |french| {
        Some(french.metric(metric)?.1)
    })
}

/// An evidence class's name, and what it means.
pub fn evidence(evidence: Evidence, lang: Lang) -> (&'static str, &'static str) {
    let (name, meaning) = match evidence {
        Evidence::Published => ("published", "a figure quoted from a source"),
        Evidence::Derived => ("derived", "arithmetic from published figures"),
        Evidence::Judgement => (
            "judgement",
            "no published anchor: a judgement, with a wide range",
        ),
    };
    (tr(lang, name), tr(lang, meaning))
}

/// A tornado method's name, and the sentence that says what its bars are.
pub fn method(method: Method, lang: Lang) -> (&'static str, &'static str) {
    let (name, bars) = match method {
        Method::Oat => ("One at a time", "Each bar: the figure with one assumption at its 5th and then its 95th percentile, all the others at their medians."),
        Method::Rank => ("Rank correlation", "Each bar: the Spearman rank correlation of an assumption with the figure over the Monte Carlo draws, so it reflects the correlations between assumptions and their interactions."),
    };
    (tr(lang, name), tr(lang, bars))
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
    tr(lang, unit)
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
        t.samples(),
        t.seed()
    )
}

/// The big answer's label: the facility power needed in `year`.
pub fn answer_label(year: u16, lang: Lang) -> String {
    fill(
        tr(lang, "Facility power needed in {year} (median)"),
        &[("year", &year.to_string())],
    )
}

/// What the one-at-a-time tornado is centred on, beside the headline's Monte Carlo median
/// (`headline`: none when the figures shown are for another year or figure).
pub fn tornado_centre(base: &str, headline: Option<(&str, &str)>, lang: Lang) -> String {
    let centre = fill(
        tr(lang, "Centred on {base}: every assumption at its median."),
        &[("base", base)],
    );
    let Some((median, draws)) = headline else {
        return centre;
    };
    fill(
        tr(lang, "{centre} The headline's {median} is the median of {draws} draws: the two differ because the uncertain assumptions multiply."),
        &[("centre", &centre), ("median", median), ("draws", draws)],
    )
}

/// After a source, which is written in English: nothing on an English page.
pub fn source_language(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "",
        Lang::Fr => tr(lang, "(in English)"),
    }
}

pub fn status_label(status: Status, t: &Texts) -> &'static str {
    match status {
        Status::Built => t.built(),
        Status::Financed => t.financed(),
        Status::Announced => t.announced(),
    }
}

/// A step's name and formula in `lang`, once the texts are here.
pub fn step_words(
    step: StepId,
    sources: Loaded,
    lang: Lang,
) -> Option<(&'static str, &'static str)> {
    let (name, formula) = sources.step(step)?;
    Some((tr(lang, name), tr(lang, formula)))
}

/// Why the chain at median assumptions is not the figure above, once the texts are here.
pub fn explain_note(
    (at_medians, drawn): (&str, &str),
    samples: usize,
    share: bool,
    (sources, lang): (Loaded, Lang),
) -> Option<String> {
    let samples = significant(samples as f64, lang);
    let (median, chance) = sources.explain_notes()?;
    // A chance is a share of the draws, not a median of them.
    let note = if share { chance } else { median };
    Some(fill(
        tr(lang, note),
        &[
            ("at_medians", at_medians),
            ("drawn", drawn),
            ("samples", &samples),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::FR;
    use super::*;

    /// Every French text puts a (narrow) no-break space before `:`, `;`, `?`, `!` and `%`.
    #[test]
    fn french_typography() {
        let t = &FR;
        let all = [
            t.page_title(),
            t.title(),
            compute_demand_core::data::COUNTRIES[0].lede_fr,
            compute_demand_core::data::COUNTRIES.last().unwrap().lede_fr,
            t.range_label(),
            t.first_shortfall(),
            t.shortfall_none(),
            t.shortfall_probability(),
            t.chart_demand_supply(),
            t.chart_segments(),
            t.chart_tornado(),
            t.tornado_note(),
            t.at_medians(),
            t.band(),
            t.kind(),
            t.kind_range(),
            t.copied(),
            t.storage_unavailable(),
            t.storage_unreadable(),
            t.storage_overwritten(),
            t.projects_note(),
            t.footer(),
            t.embed_note(),
            t.cite_note(),
            t.independent(),
            t.correlations_note(),
            t.rho(),
            t.rank_axis(),
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
