//! The French of the interface's words looked up by their English (`i18n::tr`) and of the
//! core's messages' phrases (`messages::in_lang`), natively: `written` gathers it with the
//! texts of `i18n::Texts` (theirs beside their English) and the core's labels into the file
//! the bundle includes (`crate::french::FILE`, `i18n/french.txt`), which `refresh_file`
//! keeps equal to it (a test, and `cargo xtask build`).

use super::FR;
use crate::french::French;

/// Every French text of the native build, by its English: the interface's texts and words,
/// the core's labels and descriptions (its `french` feature) and the messages' phrases.
pub fn written() -> French {
    use crate::french::PackFrench;
    use compute_demand_core::data::COUNTRIES;
    use compute_demand_core::Metric;
    let metrics = Metric::ALL
        .iter()
        .map(|m| (m.label_fr(), m.description_fr()));
    // Every pack's: the bundle holds them all (without the `all-countries` feature, the
    // reader passes over the packs it does not hold).
    let packs = COUNTRIES.iter().map(|country| PackFrench {
        code: country.code,
        lede: country.lede_fr,
        params: country.params.iter().map(|p| p.label_fr).collect(),
        presets: country
            .presets
            .iter()
            .map(|p| (p.label_fr, p.description_fr))
            .collect(),
    });
    French::new(
        FR.0.to_vec(),
        metrics.collect(),
        packs.collect(),
        WORDS.to_vec(),
        PHRASES.to_vec(),
    )
}

/// Where `french::FILE` is, for the test and the build that rewrite it.
pub fn file_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n/french.txt")
}

/// Rewrites `french::FILE` if the code's French differs from it; says whether it did.
pub fn refresh_file() -> std::io::Result<bool> {
    let written = written().file();
    let path = file_path();
    if std::fs::read_to_string(&path).ok().as_deref() == Some(written.as_str()) {
        return Ok(false);
    }
    std::fs::write(&path, written)?;
    Ok(true)
}

/// The French of the other interface words: parameter groups, evidence classes, the
/// tornado's methods, units, an explained figure's steps, and the sentences with
/// placeholders (`{name}`, filled by `i18n::fill`).
pub const WORDS: &[(&str, &str)] = &[
    ("Country", "Pays"),
    // The outcome views (crates/compute-demand-views), which load this file themselves.
    ("Chance of exceeding each level", "Probabilité de dépasser chaque niveau"),
    ("What are the chances?", "Quelles sont les chances\u{202f}?"),
    ("Each draw is one possible world under these assumptions. The curve gives, for each level, the share of draws above it; choose a level to read its chance and to see what would have to be true for it.", "Chaque tirage est un monde possible sous ces hypothèses. La courbe donne, pour chaque niveau, la part des tirages qui le dépassent\u{a0}; choisissez un niveau pour lire sa probabilité et voir ce qu'il faudrait pour l'atteindre."),
    ("Above or below the level", "Au-dessus ou en dessous du niveau"),
    ("above", "au-dessus"),
    ("below", "en dessous"),
    ("Level", "Niveau"),
    ("(0 to 1)", "(de 0 à 1)"),
    ("{metric} above {level} in {year}", "{metric} au-dessus de {level} en {year}"),
    ("{metric} below {level} in {year}", "{metric} en dessous de {level} en {year}"),
    ("{outcome}: {percent} of the draws ({holding} of {draws}).", "{outcome}\u{202f}: {percent} des tirages ({holding} sur {draws})."),
    ("Chance that the figure is above each level, over the run's {draws} draws (1 − the cumulative distribution).", "Probabilité que le chiffre dépasse chaque niveau, sur les {draws} tirages du calcul (1 − la fonction de répartition)."),
    ("level (log scale) →", "niveau (échelle logarithmique) →"),
    ("level →", "niveau →"),
    ("No draws to read.", "Aucun tirage à lire."),
    (" Pinned scenario: {percent}.", " Scénario épinglé\u{202f}: {percent}."),
    ("Download the curve's points (CSV)", "Télécharger les points de la courbe (CSV)"),
    ("What would have to be true", "Ce qu'il faudrait"),
    ("No draw meets this outcome: in {year} the draws run from {min} to {max}.", "Aucun tirage ne réalise cette issue\u{202f}: en {year}, les tirages vont de {min} à {max}."),
    ("Every draw meets this outcome: in {year} the draws run from {min} to {max}.", "Tous les tirages réalisent cette issue\u{202f}: en {year}, les tirages vont de {min} à {max}."),
    ("The {holding} draws where the outcome happens against the {rest} others: each uncertain parameter's median and 90% range in both groups, the most different first. The distance is Kolmogorov–Smirnov's (0: the same values; 1: no overlap).", "Les {holding} tirages où l'issue se réalise face aux {rest} autres\u{a0}: pour chaque paramètre incertain, la médiane et l'intervalle à 90\u{a0}% dans les deux groupes, les plus différents d'abord. La distance est celle de Kolmogorov–Smirnov (0\u{a0}: mêmes valeurs\u{a0}; 1\u{a0}: aucun recouvrement)."),
    ("A distance below {distance} is within what chance alone gives groups of these sizes (5% level).", "Une distance inférieure à {distance} reste dans ce que le hasard seul donne à des groupes de ces tailles (seuil de 5\u{a0}%)."),
    ("Parameter", "Paramètre"),
    ("Where it happens", "Là où elle se réalise"),
    ("In the others", "Dans les autres"),
    ("Distance", "Distance"),
    ("Download every parameter's split (CSV)", "Télécharger la séparation de chaque paramètre (CSV)"),
    // The published forecasts beside the demand chart (`components::charts::outside_label`).
    ("Published forecasts", "Prévisions publiées"),
    ("Published forecasts, all data centres", "Prévisions publiées, tous centres de données"),
    ("Published forecasts for all data centres: ceilings for AI demand", "Prévisions publiées pour tous les centres de données\u{202f}: des plafonds pour la demande d'IA"),
    ("{publisher} ({published}): {figure} in {year}, {perimeter}; {drawn}", "{publisher} ({published})\u{202f}: {figure} en {year}, {perimeter}\u{202f}; {drawn}"),
    ("all data centres in {country}", "tous les centres de données {en_pays}"),
    ("data centres serving {adjective} uses, in {country} and abroad", "centres de données des usages {adj_mp}, {en_pays} et à l'étranger"),
    ("colocation data centres", "centres de données de colocation"),
    ("AI only", "IA seule"),
    ("grid capacity for data centres", "capacité du réseau pour les centres de données"),
    ("drawn as the average load of {mw}", "tracée comme la charge moyenne de {mw}"),
    ("a capacity, drawn at {mw}: an average load sits below it", "une capacité, tracée à {mw}\u{202f}: une charge moyenne reste en dessous"),
    // A typed number's refusals (`Refusal::TEMPLATES`) and the add-supply form's warning.
    ("A number is needed.", "Un nombre est attendu."),
    ("“{text}” is not a number.", "«\u{a0}{text}\u{a0}» n’est pas un nombre."),
    ("Out of range: between {low} and {high}.", "Hors limites\u{a0}: entre {low} et {high}."),
    ("The low end is above the high end.", "Le bas de la plage dépasse le haut."),
    ("More than 0 and at most {high}.", "Plus de 0 et au plus {high}."),
    ("Over 5 GW: more than three times the largest project announced in {country} (about {largest}). Check the figure and its unit; the project is added as typed.", "Plus de 5\u{a0}GW\u{202f}: plus de trois fois le plus grand projet annoncé {en_pays} (environ {largest}). Vérifiez le chiffre et son unité\u{202f}; le projet est ajouté tel quel."),
    ("Demand — training", "Demande — entraînement"),
    ("Demand — inference", "Demande — inférence"),
    ("Hardware", "Matériel"),
    ("Facility & energy", "Sites et énergie"),
    ("Supply", "Offre"),
    ("published", "publié"),
    ("a figure quoted from a source", "un chiffre cité d'une source"),
    ("derived", "dérivé"),
    ("arithmetic from published figures", "calculé à partir de chiffres publiés"),
    ("judgement", "jugement"),
    ("no published anchor: a judgement, with a wide range", "sans ancrage publié\u{202f}: un jugement, à fourchette large"),
    ("One at a time", "Une à la fois"),
    ("Each bar: the figure with one assumption at its 5th and then its 95th percentile, all the others at their medians.", "Chaque barre\u{202f}: le chiffre avec une hypothèse à son 5e puis à son 95e centile, toutes les autres à leur médiane."),
    ("Rank correlation", "Corrélation de rang"),
    ("Each bar: the Spearman rank correlation of an assumption with the figure over the Monte Carlo draws, so it reflects the correlations between assumptions and their interactions.", "Chaque barre\u{202f}: la corrélation de rang de Spearman d'une hypothèse avec le chiffre sur les tirages Monte Carlo\u{202f}; elle reflète les corrélations entre hypothèses et leurs interactions."),
    ("B params", "Md paramètres"),
    ("H100-hours", "heures H100"),
    ("k H100-hours", "k heures H100"),
    ("M users", "M utilisateurs"),
    ("T tokens", "10¹² jetons"),
    ("people", "personnes"),
    ("runs/yr", "entraînements/an"),
    ("startups", "start-up"),
    ("tokens/day", "jetons/jour"),
    ("year", "année"),
    ("years", "ans"),
    ("× final-run compute", "× calcul final"),
    ("×/yr", "×/an"),
    ("Facility power needed in {year} (median)", "Puissance des sites nécessaire en {year} (médiane)"),
    ("Centred on {base}: every assumption at its median.", "Centré sur {base}\u{202f}: toutes les hypothèses à leur médiane."),
    ("{centre} The headline's {median} is the median of {draws} draws: the two differ because the uncertain assumptions multiply.", "{centre} Les {median} du résumé sont la médiane de {draws} tirages\u{202f}: les deux diffèrent car les hypothèses incertaines se multiplient."),
    ("Compute demanded in {country}", "Calcul demandé {en_pays}"),
    ("each segment's base FLOP (runs × 6 × parameters × tokens, GPU-hours, or users × tokens × 2 × parameters) × its growth since 2024 × its share sited in {country}", "FLOP de base de chaque segment (entraînements × 6 × paramètres × jetons, heures GPU, ou utilisateurs × jetons × 2 × paramètres) × sa croissance depuis 2024 × sa part localisée {en_pays}"),
    ("Own clusters in service", "Grappes propres en service"),
    ("the GPUs of the {adjective} labs' and research's own sites in {country}, in service this year, in H100-equivalents", "GPU des sites propres {en_pays} des laboratoires et de la recherche, en service cette année, en équivalents H100"),
    ("Own clusters used beyond the estimate", "Grappes propres utilisées au-delà de l'estimation"),
    ("own clusters × the share held for the {adjective} ecosystem, less what the segments that run on them already count, when positive", "grappes propres × part réservée à l'écosystème {adj_m}, moins ce que comptent déjà les segments qui y tournent, si c'est positif"),
    ("H100-equivalents", "Équivalents H100"),
    ("FLOP per year ÷ (what an H100 does in a year: its peak × utilisation × seconds, and for training the share of hours its GPUs are busy), plus the own clusters' use beyond the estimate", "FLOP par an ÷ (ce que fait un H100 en un an\u{202f}: son pic × taux d'utilisation × secondes, et pour l'entraînement la part des heures où ses GPU sont occupés), plus l'utilisation des grappes propres au-delà de l'estimation"),
    ("Physical GPUs of the year's fleet", "GPU physiques du parc de l'année"),
    ("H100-equivalents ÷ the speed of that year's fleet mix relative to an H100 (faster for the share served at 8 bits)", "équivalents H100 ÷ vitesse du parc de l'année rapportée à un H100 (plus rapide pour la part servie en 8 bits)"),
    ("IT power", "Puissance informatique"),
    ("GPUs × each GPU's power with its server share (TDP × server overhead) × average load", "GPU × puissance de chaque GPU avec sa part de serveur (TDP × surcoût serveur) × charge moyenne"),
    ("Facility power", "Puissance du site"),
    ("IT power × PUE", "puissance informatique × PUE"),
    ("Energy", "Énergie"),
    ("power × 8,760 hours", "puissance × 8\u{202f}760 heures"),
    ("Cost per year", "Coût annuel"),
    ("GPU capex ÷ its depreciation years + facility capex per MW of IT peak ÷ its years + energy × electricity price", "investissement GPU ÷ ses années d'amortissement + investissement du site par MW informatique ÷ ses années + énergie × prix de l'électricité"),
    ("CO2", "CO2"),
    ("energy × the grid's carbon intensity", "énergie × intensité carbone du réseau"),
    ("The same in cloud rental", "Le même en location cloud"),
    ("H100-equivalents × 8,760 hours × the hourly price × the euro rate", "équivalents H100 × 8\u{202f}760 heures × prix horaire × taux de change"),
    ("AI load added in the EU since 2024", "Charge d'IA ajoutée dans l'UE depuis 2024"),
    ("the EU's AI data-centre electricity in 2024 × (its growth since 2024 − 1), as average power", "électricité des centres de données d'IA de l'UE en 2024 × (sa croissance depuis 2024 − 1), en puissance moyenne"),
    ("Demand from abroad", "Demande de l'étranger"),
    ("the EU's added AI load × the share sited in {country} for users outside the {adjective} ecosystem", "charge d'IA ajoutée dans l'UE × part située {en_pays} pour des utilisateurs hors de l'écosystème {adj_m}"),
    ("Nameplate announced by then", "Puissance nominale annoncée d'ici là"),
    ("the peak site power of every tranche counted, announced for this year or before", "puissance de pointe de chaque tranche comptée, annoncée pour cette année ou avant"),
    ("Expected AI power once built", "Puissance d'IA attendue une fois construite"),
    ("nameplate × average load × the odds of being built × the AI share of general-purpose sites (and, for a pledge that mixes its data centres with other spending, their share of it)", "nominal × charge moyenne × chances d'être construit × part d'IA des sites généralistes (et, pour un engagement qui mêle ses centres de données à d'autres dépenses, leur part)"),
    ("In service this year", "En service cette année"),
    ("each tranche from its announced year plus its status's delay", "chaque tranche à partir de son année annoncée plus le retard de son statut"),
    ("Supply in H100-equivalents", "Offre en équivalents H100"),
    ("power in service ÷ the average power of one GPU of the year's fleet × its speed relative to an H100", "puissance en service ÷ puissance moyenne d'un GPU du parc de l'année × sa vitesse rapportée à un H100"),
    ("Demand on {adjective} sites", "Demande sur les sites {adj_mp}"),
    ("the {adjective} ecosystem's facility power + the demand from abroad", "puissance de l'écosystème {adj_m} + demande de l'étranger"),
    ("Coverage", "Couverture"),
    ("supply in service ÷ demand on {adjective} sites", "offre en service ÷ demande sur les sites {adj_mp}"),
    ("Demand exceeds supply", "La demande dépasse l'offre"),
    ("1 when the demand on {adjective} sites is above the supply in service, else 0", "1 si la demande sur les sites {adj_mp} dépasse l'offre en service, sinon 0"),
    ("This chain puts every assumption at its median and gives {at_medians}. The figure above, {drawn}, is the median of {samples} draws in which every assumption varies at once. They differ because the model multiplies uncertain quantities: the median of a product is not the product of the medians, and the wide, right-skewed ranges (growth, users, runs) move the draws' median away from it.", "Cette chaîne place chaque hypothèse à sa médiane et donne {at_medians}. Le chiffre ci-dessus, {drawn}, est la médiane de {samples} tirages où toutes les hypothèses varient ensemble. Ils diffèrent parce que le modèle multiplie des grandeurs incertaines\u{202f}: la médiane d'un produit n'est pas le produit des médianes, et les plages larges et asymétriques (croissance, utilisateurs, entraînements) en éloignent la médiane des tirages."),
    (
        "In {year}, {country}'s generative-AI ecosystem needs about {p50} of facility power on {adjective} sites ({p5}–{p95}), or {gpus} H100-equivalents, and demand from abroad adds {foreign}. Against both stand {supply} of AI capacity expected in service, out of {nameplate} of nameplate announced by then (after each project's odds of being built, its delay and its site's AI share): all this demand exceeds supply in {percent} of draws, while supply covers {adjective} demand alone {domestic} over at the median.",
        "En {year}, l'écosystème {adj_m} d'IA générative a besoin d'environ {p50} de puissance sur les sites {adj_mp} ({p5}–{p95}), soit {gpus} équivalents H100, et la demande de l'étranger ajoute {foreign}. Face aux deux, {supply} de capacité d'IA attendue en service, sur {nameplate} de puissance nominale annoncée d'ici là (compte tenu des chances de chaque projet d'être construit, de son retard et de la part d'IA de son site)\u{202f}: toute cette demande dépasse l'offre dans {percent} des tirages, tandis que l'offre couvre {domestic} fois la seule demande {adj_f} en médiane.",
    ),
    ("methodology", "méthodologie"),
    (
        "The source text could not be loaded; it is on the methodology page.",
        "Le texte de la source n'a pas pu être chargé\u{202f}; il figure dans la méthodologie.",
    ),
    ("{adjective} ecosystem's demand", "Demande de l'écosystème {adj_m}"),
    ("All demand on {adjective} sites (+ from abroad)", "Toute la demande sur les sites {adj_mp} (+ de l'étranger)"),
    ("{adjective} demand", "Demande {adj_f}"),
    ("by {year}", "d'ici {year}"),
    ("5% of draws: {early}; 95%: {late}", "5\u{202f}% des tirages\u{202f}: {early}\u{202f}; 95\u{202f}%\u{202f}: {late}"),
    ("At every assumption's median this chain gives {at_medians}: 1 if demand exceeds supply, else 0. The figure above, {drawn}, is the share of the {samples} draws, in which every assumption varies at once, where it does.", "Avec chaque hypothèse à sa médiane, cette chaîne donne {at_medians}\u{202f}: 1 si la demande dépasse l'offre, sinon 0. Le chiffre ci-dessus, {drawn}, est la part des {samples} tirages, où toutes les hypothèses varient ensemble, où c'est le cas."),
    ("Methodology and sources", "Méthodologie et sources"),
    ("your change enters here", "votre changement entre ici"),
    ("Medians do not add up: {adjective} demand's and that from abroad ({foreign}) sum to {sum}; the total's median is {total}", "Les médianes ne s'additionnent pas\u{a0}: celle de la demande {adj_f} et celle de l'étranger ({foreign}) font {sum}\u{a0}; la médiane du total est {total}"),
    ("Skip to the assumptions", "Aller aux hypothèses"),
    ("average load", "charge moyenne"),
    ("odds it is built", "probabilité d'être construit"),
    ("AI share of the site", "part d'IA du site"),
    ("share of the project counted", "part du projet comptée"),
    ("{share} of {year} in service", "{share} de {year} en service"),
    ("in service after {year}", "en service après {year}"),
    ("from {month}", "à partir de {month}"),
    ("Each value reads pinned → now.", "Chaque valeur se lit épinglé → maintenant."),
    ("In {year}, {country}'s generative AI needs about {gpus} GPUs ({h100e} H100-equivalents) on {adjective} sites. Expected AI capacity covers {all} of that demand plus demand from abroad, and {own} of {adjective} demand alone.", "En {year}, l'IA générative {adj_f} a besoin d'environ {gpus} GPU ({h100e} équivalents H100) {en_pays}. L'offre attendue couvre {all} de cette demande plus celle de l'étranger, {own} de la seule demande {adj_f}."),
    ("all demand on {adjective} sites", "toute la demande sur les sites {adj_mp}"),
    ("{adjective} demand only", "demande {adj_f} seule"),
    ("Demand from abroad not drawn: {adjective} demand only", "Demande de l'étranger non tracée\u{202f}: demande {adj_f} seule"),
    ("All demand on {adjective} sites", "Toute la demande sur les sites {adj_mp}"),
    ("Which demand the chart draws", "Quelle demande le graphique montre"),
    ("(in English)", "(en anglais)"),
    // A link that could not be wholly read (`messages::unread_words`).
    ("Part of the link could not be read and was ignored:", "Une partie du lien n'a pas pu être lue et a été ignorée\u{202f}:"),
    ("Everything else in the link was applied.", "Tout le reste du lien a été appliqué."),
    ("Part of the scenario saved in this browser could not be read and was ignored:", "Une partie du scénario enregistré dans ce navigateur n'a pas pu être lue et a été ignorée\u{202f}:"),
    ("Everything else in it was applied.", "Tout le reste a été appliqué."),
    ("This link could not be read:", "Ce lien n'a pas pu être lu\u{202f}:"),
    ("The page shows the baseline scenario instead.", "La page montre donc le scénario de référence."),
    ("The scenario saved in this browser could not be read:", "Le scénario enregistré dans ce navigateur n'a pas pu être lu\u{202f}:"),
    ("The link as you opened it:", "Le lien tel que vous l'avez ouvert\u{202f}:"),
    ("and {count} more", "et {count} de plus"),
    ("it is {length} characters long, and the app reads links of up to {max}", "il fait {length} caractères, et l'application lit les liens d'au plus {max}"),
    ("it comes from another version of the app, or it is damaged", "il vient d'une autre version de l'application, ou il est abîmé"),
    ("a part with characters that could not be read (a broken “%” code, or text that is not UTF-8)", "une partie dont les caractères n'ont pas pu être lus (un code «\u{a0}%\u{a0}» incomplet, ou du texte qui n'est pas de l'UTF-8)"),
    ("a part{text} that is not a setting of this app", "une partie{text} qui n'est pas un réglage de l'application"),
    ("{what}; did you mean “{label}”?", "{what}\u{202f}; vouliez-vous dire «\u{a0}{label}\u{a0}»\u{202f}?"),
    ("1 more part that is not a setting of this app", "1 autre partie qui n'est pas un réglage de l'application"),
    ("{count} more parts that are not settings of this app", "{count} autres parties qui ne sont pas des réglages de l'application"),
    ("a setting that earlier versions of the app had and this one no longer has", "un réglage qu'avaient les versions précédentes de l'application et que celle-ci n'a plus"),
    ("the scenario{text}, which the app does not have (it has {list})", "le scénario{text}, que l'application n'a pas (elle a {list})"),
    ("the scenario's name: a name is at most {max} characters, with no control characters", "le nom du scénario\u{202f}: un nom fait au plus {max} caractères, sans caractère de contrôle"),
    ("the number of draws{text}: it is a whole number from 1 to {max}", "le nombre de tirages{text}\u{202f}: c'est un nombre entier de 1 à {max}"),
    ("the seed{text}: it is a whole number", "la graine{text}\u{202f}: c'est un nombre entier"),
    ("the year{text}: the model covers {first} to {last}", "l'année{text}\u{202f}: le modèle couvre {first} à {last}"),
    ("the figure to explain{text}, which the app does not have", "le chiffre à expliquer{text}, que l'application n'a pas"),
    ("the project{text}: a project needs a name, a year from {first} to {last} and one size above zero, in MW, in GPUs or in euros", "le projet{text}\u{202f}: un projet a besoin d'un nom, d'une année de {first} à {last} et d'une taille au-dessus de zéro, en MW, en GPU ou en euros"),
    ("the project{text}: a scenario adds at most {max} projects", "le projet{text}\u{202f}: un scénario ajoute au plus {max} projets"),
    ("the correlation between “{a}” and “{b}”: it needs two different assumptions and a number from −1 to 1, and a scenario sets at most {max}", "la corrélation entre «\u{a0}{a}\u{a0}» et «\u{a0}{b}\u{a0}»\u{202f}: il faut deux hypothèses différentes et un nombre de −1 à 1, et un scénario en fixe au plus {max}"),
    ("a correlation that could not be read", "une corrélation qui n'a pas pu être lue"),
    ("the project to leave out{text}, which is not in the supply register", "le projet à écarter{text}, qui n'est pas dans le registre de l'offre"),
    ("the scenario pinned for comparison: part of it could not be read", "le scénario épinglé pour la comparaison\u{202f}: une partie n'a pas pu être lue"),
    ("the scenario pinned for comparison: with it, the link would be too long", "le scénario épinglé pour la comparaison\u{202f}: avec lui, le lien serait trop long"),
    ("the chart to show alone{text}, which the app does not have", "le graphique à montrer seul{text}, que l'application n'a pas"),
    ("the country{text}, which the app has no data for (it has {list})", "le pays{text}, pour lequel l'application n'a pas de données (elle a\u{a0}: {list})"),
    ("the language{text}: the app is in English (en) and French (fr)", "la langue{text}\u{202f}: l'application est en anglais (en) et en français (fr)"),
    ("“{label}”: the value{text} is not a number", "«\u{a0}{label}\u{a0}»\u{202f}: la valeur{text} n'est pas un nombre"),
    ("“{label}”: the low end of the range{text} is above its high end", "«\u{a0}{label}\u{a0}»\u{202f}: le bas de la plage{text} dépasse son haut"),
    ("“{label}”: the value{text} is outside what the model takes, {low} to {high}", "«\u{a0}{label}\u{a0}»\u{202f}: la valeur{text} sort de ce que le modèle admet, de {low} à {high}"),
];

/// English phrase → French. Longer phrases are replaced before the shorter ones they
/// contain, whatever their order here.
pub const PHRASES: &[(&str, &str)] = &[
    (
        ": it is from another version or damaged, so the baseline is shown",
        " : il vient d'une autre version ou il est abîmé, la référence est donc affichée",
    ),
    ("this link starts with ", "ce lien commence par "),
    (", not ", " et non "),
    (
        " bytes long; links are at most ",
        " octets ; un lien fait au plus ",
    ),
    (
        " bytes, so the baseline is shown",
        " octets, la référence est donc affichée",
    ),
    ("the link is ", "le lien fait "),
    (
        "the link holds bytes that are not UTF-8 text",
        "le lien contient des octets qui ne sont pas du texte UTF-8",
    ),
    (
        "a '%' is not followed by two hex digits",
        "un « % » n'est pas suivi de deux chiffres hexadécimaux",
    ),
    (
        " more parts with unknown names, dropped",
        " autres parties aux noms inconnus, écartées",
    ),
    (
        " more part with unknown names, dropped",
        " autre partie au nom inconnu, écartée",
    ),
    ("and ", "et "),
    (" and ", " et "),
    (
        "the pinned scenario was dropped: it may only hold a scenario",
        "le scénario épinglé est écarté : il ne peut contenir qu'un scénario",
    ),
    (
        "the pinned scenario was dropped: ",
        "le scénario épinglé est écarté : ",
    ),
    (
        " was removed and its value dropped: ",
        " a été retiré et sa valeur écartée : ",
    ),
    ("parameter ", "paramètre "),
    ("unknown parameter ", "paramètre inconnu "),
    ("unknown preset ", "préréglage inconnu "),
    ("; the presets are ", " ; les préréglages sont "),
    ("unknown project field ", "champ de projet inconnu "),
    ("unknown project ", "projet inconnu "),
    ("unknown metric ", "indicateur inconnu "),
    ("unknown chart ", "graphique inconnu "),
    ("; the charts are ", " ; les graphiques sont "),
    ("unknown GPU ", "GPU inconnu "),
    ("; the GPUs are ", " ; les GPU sont "),
    ("unknown setting ", "réglage inconnu "),
    (
        "? parameters go under [params]",
        " ? les paramètres vont sous [params]",
    ),
    ("unknown section ", "section inconnue "),
    ("; a scenario has ", " ; un scénario a les sections "),
    (" sections", ""),
    ("; did you mean ", " ; vouliez-vous dire "),
    ("(did you mean ", "(vouliez-vous dire "),
    ("' or '", "' ou '"),
    (
        " has its low bound above its high bound",
        " a sa borne basse au-dessus de sa borne haute",
    ),
    ("range ", "plage "),
    (
        " is out of range; it takes ",
        " est hors limites ; valeurs permises ",
    ),
    (
        " is out of range; it must be above 0 and at most ",
        " est hors limites ; il faut plus de 0 et au plus ",
    ),
    (
        " is negative; it takes ",
        " est négatif ; valeurs permises ",
    ),
    (
        " is negative; it must be above 0",
        " est négatif ; il faut plus de 0",
    ),
    (" is not a finite number", " n'est pas un nombre fini"),
    (" is not a number", " n'est pas un nombre"),
    (
        "expected key = value, found ",
        "clé = valeur attendu, trouvé ",
    ),
    (
        "expected a number, found nothing",
        "un nombre est attendu, rien n'est donné",
    ),
    (
        "expected a number, found ",
        "un nombre est attendu, trouvé ",
    ),
    (
        "expected a quoted string, found ",
        "un texte entre guillemets est attendu, trouvé ",
    ),
    (
        "expected true or false, found ",
        "true ou false est attendu, trouvé ",
    ),
    (
        "expected uniform(low, high)",
        "uniform(bas, haut) est attendu",
    ),
    (" is not a valid key", " n'est pas une clé valide"),
    (" is not key=value", " n'est pas de la forme clé=valeur"),
    (
        " is not KEY1,KEY2,RHO",
        " n'est pas de la forme CLÉ1,CLÉ2,RHO",
    ),
    (" is not KEY1,KEY2", " n'est pas de la forme CLÉ1,CLÉ2"),
    (
        "a correlation pairs two different parameters",
        "une corrélation relie deux paramètres différents",
    ),
    (" is outside -1..1", " est hors de -1..1"),
    ("a scenario sets at most ", "un scénario fixe au plus "),
    (" correlations", " corrélations"),
    ("a scenario adds at most ", "un scénario ajoute au plus "),
    (" projects", " projets"),
    (
        "samples must be a whole number from 1 to ",
        "le nombre de tirages est un entier de 1 à ",
    ),
    (
        "seed must be a whole number from 0 to ",
        "la graine est un entier de 0 à ",
    ),
    ("year ", "l'année "),
    (" is outside ", " est hors de "),
    ("names are at most ", "les noms font au plus "),
    (" characters", " caractères"),
    (
        "names may not contain control characters",
        "les noms ne peuvent contenir de caractères de contrôle",
    ),
    ("a project needs a name", "un projet a besoin d'un nom"),
    (" needs a year", " a besoin d'une année"),
    (
        " needs exactly one of mw, gpus or eur",
        " a besoin d'exactement un champ parmi mw, gpus ou eur",
    ),
    ("project ", "projet "),
    (
        " must be above 0 and at most ",
        " doit être au-dessus de 0 et au plus ",
    ),
    (" takes a number", " prend un nombre"),
    (" takes true or false", " prend true ou false"),
    (" takes a quoted string", " prend un texte entre guillemets"),
    (" is set twice", " est fixé deux fois"),
    ("unterminated string", "texte sans guillemet fermant"),
    ("unterminated quoted key", "clé sans guillemet fermant"),
    (
        "expected '=' after the key",
        "« = » est attendu après la clé",
    ),
    ("missing value after '='", "valeur manquante après « = »"),
    (
        "unexpected text after the closing quote",
        "texte inattendu après le guillemet fermant",
    ),
    ("unknown escape ", "échappement inconnu "),
    ("bad escape ", "échappement invalide "),
    (
        " is not supported; this version reads format ",
        " n'est pas pris en charge ; cette version lit le format ",
    ),
    (
        "the file is not UTF-8 text",
        "le fichier n'est pas du texte UTF-8",
    ),
    (
        "the file could not be read as text",
        "le fichier n'a pas pu être lu comme du texte",
    ),
    (
        "; scenario files are at most ",
        " ; un fichier de scénario fait au plus ",
    ),
    ("the file is ", "le fichier fait "),
    (" bytes", " octets"),
    ("is not valid TOML", "n'est pas du TOML valide"),
    ("saved scenario", "scénario enregistré"),
    ("link", "lien"),
    ("correlation ", "corrélation "),
    (" is ignored: ", " est ignorée : "),
    (" has a point value, not a range", " a une valeur ponctuelle, pas une plage"),
    (" have point values, not ranges", " ont des valeurs ponctuelles, pas des plages"),
    (
        "these correlations cannot hold together (their matrix is not positive semi-definite), so they were repaired to the nearest valid set: ",
        "ces corrélations ne peuvent tenir ensemble (leur matrice n'est pas semi-définie positive) ; elles ont été ramenées à l'ensemble valide le plus proche : ",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The file the bundle includes is the code's French: a text edited without it fails
    /// here once, and the file is rewritten (run the tests again).
    #[test]
    fn the_file_in_the_bundle_is_the_written_one() {
        let rewritten = refresh_file().unwrap();
        assert!(
            !rewritten,
            "{} was stale and has been rewritten: run the tests again",
            file_path().display()
        );
        assert_eq!(crate::french::french(), Some(&written()));
    }

    #[test]
    fn every_text_has_its_french() {
        for &(key, french) in written().words() {
            assert!(!french.is_empty(), "no French for the word keyed {key:08x}");
        }
    }

    /// The core's English that the page shows in French by its own table: a typed number's
    /// refusals and the add-supply form's warning.
    #[test]
    fn the_cores_templates_have_their_french() {
        use compute_demand_core::input::field::Refusal;
        use compute_demand_core::input::project::LARGE_WARNING;
        let written = written();
        for english in Refusal::TEMPLATES.into_iter().chain([LARGE_WARNING]) {
            let french = written.word(english);
            assert!(
                french.is_some_and(|f| f != english),
                "no French for {english:?}"
            );
        }
    }

    /// Every English text the code looks up by its English (`tr(lang, "…")`) has its French:
    /// editing an English sentence without its French fails here, not silently on the page.
    #[test]
    fn every_looked_up_english_has_its_french() {
        let written = written();
        let mut checked = 0;
        for (path, text) in crate::crate_sources().into_iter().chain(views_sources()) {
            for english in looked_up_literals(&text) {
                let french = written.word(&english);
                assert!(french.is_some(), "{path}: no French for {english:?}");
                checked += 1;
            }
        }
        assert!(
            checked >= 30,
            "only {checked} texts found: is the scan still right?"
        );
    }

    /// The outcome views' sources (crates/compute-demand-views), which look up this crate's
    /// French with `tr` too.
    fn views_sources() -> Vec<(String, String)> {
        let src =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../compute-demand-views/src");
        let found: Vec<(String, String)> = std::fs::read_dir(&src)
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let text = std::fs::read_to_string(&path).unwrap();
                (path.display().to_string(), text)
            })
            .collect();
        assert!(
            found.len() >= 3,
            "the views' sources moved: {}",
            src.display()
        );
        found
    }

    /// The string literals passed as `tr`'s second argument in `code`, unescaped.
    fn looked_up_literals(code: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, _) in code.match_indices("tr(") {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue; // `attr(`, `str(`, a method
            }
            let line = code[..at].rsplit('\n').next().unwrap_or("");
            if line.trim_start().starts_with("//") {
                continue; // prose
            }
            let args = &code[at + 3..];
            let Some((first, rest)) = args.split_once(',') else {
                continue;
            };
            let rest = rest.trim_start();
            if first.contains(['"', ')', '(']) || !rest.starts_with('"') {
                continue; // not a call with a literal
            }
            found.push(unescaped(&rest[1..]));
        }
        found
    }

    /// A Rust string literal's text up to its closing quote (the escapes the texts use).
    fn unescaped(literal: &str) -> String {
        let mut out = String::new();
        let mut chars = literal.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => return out,
                '\\' => match chars.next() {
                    Some('u') => {
                        let hex: String =
                            chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        panic!("an unterminated literal: {literal:.40}")
    }

    /// The English the page fetches with the source texts (an explained figure's steps and
    /// notes) has its French too.
    #[test]
    fn every_fetched_english_has_its_french() {
        use compute_demand_core::model::explain::StepId;
        let written = written();
        let (median, chance) = crate::sources::EXPLAIN_NOTES;
        let steps = StepId::ALL.map(crate::sources::step_english);
        let fetched = steps.iter().flat_map(|&(name, formula)| [name, formula]);
        for english in fetched.chain([median, chance]) {
            let french = written.word(english);
            assert!(french.is_some(), "no French for {english:?}");
        }
    }

    #[test]
    fn every_english_text_has_one_french() {
        // `French::new` refuses an English text with two French and two with one key.
        let written = written();
        // The texts are read by their place: the file's are `FR`'s, in order.
        assert_eq!(written.texts(), &FR.0[..]);
    }

    /// What is read by its place has its French too: every metric, and every country's lede,
    /// parameters and presets.
    #[test]
    fn every_placed_text_has_its_french() {
        use compute_demand_core::data::COUNTRIES;
        use compute_demand_core::Metric;
        let french = crate::french::french().expect("the bundle's French reads");
        for metric in Metric::ALL {
            let (label, description) = french.metric(metric).unwrap();
            assert!(!label.is_empty() && !description.is_empty(), "{metric:?}");
        }
        for country in COUNTRIES.iter() {
            assert!(
                french.lede(country).is_some_and(|l| !l.is_empty()),
                "{}",
                country.code
            );
            for spec in country.params {
                let label = french.param(spec);
                assert!(
                    label.is_some_and(|l| !l.is_empty()),
                    "{} {}",
                    country.code,
                    spec.key
                );
            }
            for preset in country.presets {
                assert!(
                    french.preset(preset).is_some(),
                    "{} {}",
                    country.code,
                    preset.id
                );
            }
        }
    }
}
