//! `dist/methodology.html` and `dist/methodology.fr.html`: docs/methodology.md (and its French
//! summary, docs/methodology.fr.md) rendered at build time, with the site's stylesheet, a policy
//! that allows no script at all, an id on every heading (GitHub's, so the document's own
//! contents links work) and a generated section, "Parameters and sources", with one entry per
//! parameter whose id is its key (`methodology.html#facility.pue`, in French
//! `methodology.fr.html#facility.pue`): the app's source links point there.
//!
//! The Markdown's comment markers shape the page: `<!-- summary -->` and `<!-- contents -->`
//! (each closed by `<!-- end of NAME -->`) become the one-screen summary and the contents list;
//! a `<!-- developer -->` note is left out; other comments are dropped. The names of the
//! repository's files (`data/gpus.toml`, `tests/data.rs`) become what they hold ("the GPU
//! catalog", "a data test"): a reader of the page sees no path.

use crate::Result;
use compute_demand_core::data::{Country, ParamSpec};
use compute_demand_core::input::notation::write_number;
use compute_demand_core::output::format::{quantity, significant, Lang};
use compute_demand_core::{Dist, Metric, PARAMS};
use compute_demand_web::components::footer::methodology_page;
use compute_demand_web::compute::Shown;
use compute_demand_web::export::escape;
use compute_demand_web::i18n::{self, param_label, source_language, tr};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

/// The page's policy: styles and images from this origin, nothing else; no script.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; \
     form-action 'none'; object-src 'none'";

/// The generated section's id (and its heading's).
pub const PARAMETERS_ID: &str = "parameters-and-sources";
/// The summary's and the contents list's ids.
pub const SUMMARY_ID: &str = "summary";
pub const CONTENTS_ID: &str = "contents";

/// The page's own words (the parameters' labels, groups, units and evidence classes are the
/// app's: `i18n`).
struct Words {
    title: &'static str,
    description: &'static str,
    back: &'static str,
    parameters: &'static str,
    parameters_intro: &'static str,
    summary: &'static str,
    contents: &'static str,
    /// The link to the other language's page, named in that language.
    other: &'static str,
    unit: &'static str,
    share: &'static str,
    default: &'static str,
    bounds: &'static str,
    to: &'static str,
    evidence: &'static str,
    source: &'static str,
    range90: &'static str,
    median: &'static str,
}

const EN: Words = Words {
    title: "Methodology — compute-demand",
    description: "How compute-demand estimates the compute France's generative-AI ecosystem needs to 2030: every formula, source, parameter and the calibration.",
    back: "← Back to the calculator",
    parameters: "Parameters and sources",
    parameters_intro: "Every parameter of the model, as the calculator's sliders show it: its key (the \
         name the command line, share links and scenario files use), its default in the \
         baseline, the bounds a value must stay within, its evidence class and its source. \
         Generated from the data the model runs on (<code>compute-demand params</code> lists \
         the same).",
    summary: "Summary",
    contents: "Contents",
    other: "Français",
    unit: "Unit",
    share: "share",
    default: "Default",
    bounds: "Bounds",
    to: "to",
    evidence: "Evidence",
    source: "Source",
    range90: "a 90% range; median",
    median: "median",
};

const FR: Words = Words {
    title: "Méthodologie — compute-demand",
    description: "Comment compute-demand estime le calcul dont l'écosystème français d'IA générative a besoin jusqu'en 2030\u{202f}: résumé, paramètres et sources.",
    back: "← Retour au calculateur",
    parameters: "Paramètres et sources",
    parameters_intro: "Chaque paramètre du modèle, tel que le montrent les curseurs du \
         calculateur\u{202f}: sa clé (le nom qu'utilisent la ligne de commande, les liens \
         partagés et les fichiers de scénario), sa valeur par défaut dans le scénario de \
         référence, les bornes qu'une valeur doit respecter, son niveau de preuve et sa source \
         (en anglais). Tiré des données mêmes du modèle (<code>compute-demand params</code> \
         donne la même liste).",
    summary: "Résumé",
    contents: "Sommaire",
    other: "English",
    unit: "Unité",
    share: "part (de 0 à 1)",
    default: "Par défaut",
    bounds: "Bornes",
    to: "à",
    evidence: "Preuve",
    source: "Source",
    range90: "fourchette à 90\u{202f}%\u{202f}; médiane",
    median: "médiane",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

fn other(lang: Lang) -> Lang {
    match lang {
        Lang::En => Lang::Fr,
        Lang::Fr => Lang::En,
    }
}

/// Writes `dist/methodology.html` from `english` and `dist/methodology.fr.html` from `french`,
/// linking `stylesheet` (a file in dist/).
pub fn write(dist: &Path, english: &str, french: &str, stylesheet: &str) -> Result {
    for (lang, markdown) in [(Lang::En, english), (Lang::Fr, french)] {
        let path = dist.join(methodology_page(lang, Country::first()));
        std::fs::write(&path, page(lang, markdown, stylesheet)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

pub fn page(lang: Lang, markdown: &str, stylesheet: &str) -> Result<String> {
    let w = words(lang);
    let mut ids: HashSet<String> = PARAMS.iter().map(|p| p.key.to_string()).collect();
    ids.extend([PARAMETERS_ID, SUMMARY_ID, CONTENTS_ID].map(str::to_string));
    let body = body(markdown, &mut ids, lang);
    let parameters = parameters_section(lang);
    let (there, there_page) = (other(lang), methodology_page(other(lang), Country::first()));
    let other_link = format!(
        "<a href=\"{there_page}\" hreflang=\"{code}\" lang=\"{code}\" data-link=\"other-language\">{name}</a>",
        code = there.code(),
        name = w.other,
    );
    Ok(format!(
        r##"<!doctype html>
<html lang="{code}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{POLICY}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="{description}">
  <link rel="alternate" hreflang="{there_code}" href="{there_page}">
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{stylesheet}">
</head>
<body class="doc-page">
  <nav class="doc-nav"><a href="./">{back}</a> · <a href="#{PARAMETERS_ID}">{parameters}</a> · {other_link}</nav>
  <main class="doc">
{body}
{parameters_section}
  </main>
  <nav class="doc-nav"><a href="./">{back}</a> · {other_link}</nav>
</body>
</html>
"##,
        code = lang.code(),
        there_code = there.code(),
        title = w.title,
        description = escape(w.description),
        back = w.back,
        parameters = w.parameters,
        parameters_section = parameters,
        stylesheet = escape(stylesheet),
    ))
}

/// The Markdown as HTML: GitHub's tables, the markers' summary and contents, no developer
/// note and no path, an id on every heading (unique, never a parameter's key), each table in
/// a scrolling box, and each `code` span that names a parameter linked to its entry.
fn body(markdown: &str, ids: &mut HashSet<String>, lang: Lang) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = plain_paths(marked(Parser::new_ext(markdown, options).collect(), lang));
    let mut events = events;
    let keys: HashSet<&str> = PARAMS.iter().map(|p| p.key).collect();
    let mut in_link = false;
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Heading { .. }) => {
                let text: String = events[i + 1..]
                    .iter()
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .filter_map(|e| match e {
                        Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                let id = unique(slug(&text), ids);
                if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                    *slot = Some(CowStr::from(id));
                }
            }
            Event::Start(Tag::Link { .. }) => in_link = true,
            Event::End(TagEnd::Link) => in_link = false,
            Event::Start(Tag::Table(_)) => {
                events.insert(i, Event::Html("<div class=\"table-scroll\">".into()));
                i += 1;
            }
            Event::End(TagEnd::Table) => {
                events.insert(i + 1, Event::Html("</div>".into()));
                i += 1;
            }
            Event::Code(code) if !in_link && keys.contains(code.as_ref()) => {
                events[i] = Event::InlineHtml(key_link(code, lang).into());
            }
            _ => {}
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// A parameter's key, linked to its entry, with its label on hover.
fn key_link(key: &str, lang: Lang) -> String {
    let label = PARAMS
        .iter()
        .find(|p| p.key == key)
        .map(|p| param_label(p, lang))
        .unwrap_or_default();
    let key = escape(key);
    format!(
        "<a class=\"param-key\" href=\"#{key}\" title=\"{}\"><code>{key}</code></a>",
        escape(label)
    )
}

/// The events with the comment markers applied: the summary in a `<section>`, the contents
/// in a `<nav>`, the developer notes and every other comment left out.
fn marked(events: Vec<Event<'_>>, lang: Lang) -> Vec<Event<'_>> {
    let w = words(lang);
    let mut out = Vec::with_capacity(events.len());
    let mut developer = false;
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        if !matches!(event, Event::Start(Tag::HtmlBlock)) {
            if !developer {
                out.push(event);
            }
            continue;
        }
        let mut block = String::new();
        for event in events.by_ref() {
            match event {
                Event::Html(text) => block.push_str(&text),
                _ => break,
            }
        }
        let block = block.trim();
        let marker = block
            .strip_prefix("<!--")
            .and_then(|b| b.strip_suffix("-->"))
            .map(str::trim);
        let html = match marker {
            Some("developer") => {
                developer = true;
                continue;
            }
            Some("end of developer") => {
                developer = false;
                continue;
            }
            _ if developer => continue,
            Some("summary") => format!(
                "<section class=\"doc-summary\" id=\"{SUMMARY_ID}\" aria-label=\"{}\">\n",
                w.summary
            ),
            Some("contents") => format!(
                "<nav class=\"doc-contents\" id=\"{CONTENTS_ID}\" aria-label=\"{}\">\n",
                w.contents
            ),
            Some("end of summary") => "</section>\n".to_string(),
            Some("end of contents") => "</nav>\n".to_string(),
            Some(_) => continue,
            None => format!("{block}\n"),
        };
        out.push(Event::Html(html.into()));
    }
    out
}

/// The events with every repository path in their text or code spans replaced by what it
/// names (a path alone in parentheses goes with them).
fn plain_paths(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // Text, and code spans that are paths, gathered into one text per run.
    let mut run: Option<String> = None;
    let mut at_start = true;
    for event in events {
        let text = match &event {
            Event::Text(t) => Some(t.to_string()),
            Event::SoftBreak => Some("\n".to_string()),
            Event::Code(c) if path_name(c).is_some() => Some(c.to_string()),
            _ => None,
        };
        if let Some(text) = text {
            run.get_or_insert_with(String::new).push_str(&text);
            continue;
        }
        if let Some(text) = run.take() {
            let plain = without_paths(&text, at_start);
            out.push(Event::Text(plain.into()));
        }
        at_start = matches!(
            event,
            Event::Start(
                Tag::Paragraph
                    | Tag::Item
                    | Tag::TableCell
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
            )
        );
        out.push(event);
    }
    if let Some(text) = run {
        out.push(Event::Text(without_paths(&text, at_start).into()));
    }
    out
}

/// What a repository path names, for a reader of the page (`None`: `word` is no path).
pub fn path_name(word: &str) -> Option<&'static str> {
    let is_path = word.starts_with("crates/")
        || word.starts_with("tests/")
        || word.starts_with("src/")
        || (word.starts_with("data/") && word.len() > 5)
        || word.ends_with(".rs")
        || word.ends_with(".toml");
    if !is_path || word.contains(char::is_whitespace) || word.contains("://") {
        return None;
    }
    let file = word
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or(word);
    Some(match file {
        "params.toml" => "the parameter table",
        "gpus.toml" => "the GPU catalog",
        "fleet_mix.toml" => "the fleet-mix table",
        "supply.toml" => "the supply register",
        "presets.toml" => "the preset table",
        "correlations.toml" => "the correlation table",
        "calibration.toml" => "the calibration table",
        "data.rs" if word.starts_with("tests/") => "a data test",
        "calibration.rs" if word.starts_with("tests/") => "a calibration test",
        "model.rs" => "the model",
        "build.rs" => "the build",
        _ if file.ends_with(".toml") || word.starts_with("data/") => "a data file",
        _ => "the code",
    })
}

/// `text` with each path replaced by what it names, capitalised where a sentence starts
/// (`at_start`: `text` opens a block); "(path)" alone is dropped with the space before it.
pub fn without_paths(text: &str, at_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (token, after) = rest.split_at(end);
        let space_end = after
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(after.len());
        let (space, next) = after.split_at(space_end);
        let core = token
            .trim_start_matches('(')
            .trim_end_matches([')', ',', '.', ';', ':', '*']);
        let Some(name) = path_name(core) else {
            out.push_str(token);
            out.push_str(space);
            rest = next;
            continue;
        };
        let open = &token[..token.len() - token.trim_start_matches('(').len()];
        let close = &token[open.len() + core.len()..];
        let said = already_said(&out, name);
        if open == "(" && close.starts_with(')') {
            // "(data/gpus.toml)": nothing left to say; drop it and the space before it.
            out.truncate(out.trim_end().len());
            out.push_str(&close[1..]);
        } else if said && open == "(" && close == "," {
            // "the GPU catalog (data/gpus.toml, dense peaks" → "the GPU catalog (dense peaks".
            out.push('(');
            rest = next;
            continue;
        } else if said && open.is_empty() && out.trim_end().ends_with(',') {
            // "(via the register, data/countries/fr/supply.toml)" → "(via the register)".
            out.truncate(out.trim_end().trim_end_matches(',').len());
            out.push_str(close);
        } else {
            let sentence = out.is_empty() && at_start || out.trim_end().ends_with('.');
            out.push_str(open);
            out.push_str(&if sentence {
                capitalised(name)
            } else {
                name.to_string()
            });
            out.push_str(close);
        }
        out.push_str(space);
        rest = next;
    }
    out
}

/// Whether the words before a path already name what it holds ("the GPU catalog (…",
/// "the register, …"): the last word before it is the name's last word.
fn already_said(before: &str, name: &str) -> bool {
    let before = before.trim_end().trim_end_matches(['(', ',']).trim_end();
    let last = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let named = name.rsplit(' ').next().unwrap_or(name);
    !last.is_empty() && last.starts_with(named)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// GitHub's heading anchor: lower case; letters, digits, `-` and `_` kept; spaces to `-`;
/// everything else dropped.
pub fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// `id`, or `id-1`, `id-2`… when taken (GitHub's rule), and now taken.
fn unique(id: String, ids: &mut HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 0;
    while ids.contains(&candidate) {
        n += 1;
        candidate = format!("{id}-{n}");
    }
    ids.insert(candidate.clone());
    candidate
}

/// One entry per parameter, by group, in the catalog's order.
fn parameters_section(lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!(
        "<section class=\"parameters\" aria-labelledby=\"{PARAMETERS_ID}\">\n\
         <h2 id=\"{PARAMETERS_ID}\">{}</h2>\n<p>{}</p>\n",
        w.parameters, w.parameters_intro
    );
    let mut group = None;
    for spec in &PARAMS {
        if group != Some(spec.group) {
            if group.is_some() {
                out.push_str("</div>\n");
            }
            group = Some(spec.group);
            out.push_str(&format!(
                "<h3>{}</h3>\n<div class=\"param-entries\">\n",
                escape(i18n::group(spec.group, lang))
            ));
        }
        out.push_str(&entry(spec, lang));
    }
    if group.is_some() {
        out.push_str("</div>\n");
    }
    out.push_str("</section>");
    out
}

fn entry(spec: &ParamSpec, lang: Lang) -> String {
    let w = words(lang);
    let (evidence, meaning) = i18n::evidence(spec.evidence, lang);
    let link = spec
        .source
        .url
        .map(|url| {
            let url = escape(url);
            format!(" <a href=\"{url}\" rel=\"noopener noreferrer\">{url}</a>")
        })
        .unwrap_or_default();
    let in_english = match source_language(lang) {
        "" => String::new(),
        note => format!(" <span class=\"source-language\">{}</span>", escape(note)),
    };
    let unit = match spec.unit {
        "share" => w.share,
        unit => tr(lang, unit),
    };
    format!(
        "<article class=\"param-entry\" id=\"{key}\">\n\
         <h4><a class=\"param-key\" href=\"#{key}\"><code>{key}</code></a> — {label}</h4>\n\
         <dl>\n\
         <dt>{unit_word}</dt><dd>{unit}</dd>\n\
         <dt>{default_word}</dt><dd>{default}</dd>\n\
         <dt>{bounds_word}</dt><dd>{min} {to} {max}</dd>\n\
         <dt>{evidence_word}</dt><dd><span class=\"evidence evidence-{evidence_key}\">{evidence}</span>{colon}{meaning}</dd>\n\
         <dt>{source_word}</dt><dd><span lang=\"en\">{source}</span>{in_english}{link}</dd>\n\
         </dl>\n\
         </article>\n",
        key = escape(spec.key),
        label = escape(param_label(spec, lang)),
        unit = escape(unit),
        default = default_text(spec, lang),
        min = written(spec.min, lang),
        max = written(spec.max, lang),
        to = w.to,
        evidence_key = spec.evidence.key(),
        evidence = escape(evidence),
        colon = i18n::colon(lang),
        meaning = escape(meaning),
        source = escape(&without_paths(spec.source.text, true)),
        unit_word = w.unit,
        default_word = w.default,
        bounds_word = w.bounds,
        evidence_word = w.evidence,
        source_word = w.source,
    )
}

/// A bound, every digit kept, with the language's decimal mark.
fn written(value: f64, lang: Lang) -> String {
    match lang {
        Lang::En => write_number(value),
        Lang::Fr => write_number(value).replace('.', ","),
    }
}

/// The baseline's value as the command line writes it (the notation links and files use),
/// with its median and kind.
fn default_text(spec: &ParamSpec, lang: Lang) -> String {
    let w = words(lang);
    let median = number(spec.baseline.median().clamp(spec.min, spec.max), spec, lang);
    let notation = format!("<code>{}</code>", escape(&spec.baseline.notation()));
    match spec.baseline {
        Dist::Point(_) => notation,
        Dist::Range90 { .. } => format!("{notation} ({} {median})", w.range90),
        Dist::Uniform { .. } => format!("{notation} ({} {median})", w.median),
    }
}

/// A median as the CLI's `params` table writes it: a year to a tenth, else three figures.
fn number(value: f64, spec: &ParamSpec, lang: Lang) -> String {
    if spec.unit == "year" {
        let year = format!("{value:.1}");
        match lang {
            Lang::En => year,
            Lang::Fr => year.replace('.', ","),
        }
    } else {
        significant(value, lang)
    }
}

/// The figures the summary quotes for the baseline's `shown` year, in the order it writes
/// them: French demand's facility power (median, 5th, 95th percentile), demand from abroad's
/// median, supply's three, the coverage of all demand's three, the probability that demand
/// exceeds supply, and the coverage of French demand's median. Spaces as plain spaces.
pub fn summary_figures(shown: &Shown, lang: Lang) -> Vec<String> {
    let h = &shown.headline;
    let quoted = [
        (Metric::FacilityPowerMw, h[Metric::FacilityPowerMw].p50),
        (Metric::FacilityPowerMw, h[Metric::FacilityPowerMw].p5),
        (Metric::FacilityPowerMw, h[Metric::FacilityPowerMw].p95),
        (Metric::ForeignPowerMw, h[Metric::ForeignPowerMw].p50),
        (Metric::SupplyPowerMw, h[Metric::SupplyPowerMw].p50),
        (Metric::SupplyPowerMw, h[Metric::SupplyPowerMw].p5),
        (Metric::SupplyPowerMw, h[Metric::SupplyPowerMw].p95),
        (Metric::CoverageRatio, h[Metric::CoverageRatio].p50),
        (Metric::CoverageRatio, h[Metric::CoverageRatio].p5),
        (Metric::CoverageRatio, h[Metric::CoverageRatio].p95),
        // The mean of a 0-or-1 figure: the probability.
        (
            Metric::DemandExceedsSupply,
            h[Metric::DemandExceedsSupply].mean,
        ),
        (
            Metric::CoverageRatioDomestic,
            h[Metric::CoverageRatioDomestic].p50,
        ),
    ];
    quoted
        .iter()
        .map(|&(metric, value)| plain_spaces(&quantity(value, metric.unit(), lang)))
        .collect()
}

/// The summary's text, between its markers.
pub fn summary(markdown: &str) -> Option<&str> {
    let (_, rest) = markdown.split_once("<!-- summary -->")?;
    Some(rest.split_once("<!-- end of summary -->")?.0)
}

/// The figures the summary of `markdown` does not write, in order, as the model gives them:
/// empty when the summary is the model's.
pub fn stale_figures(markdown: &str, figures: &[String]) -> Vec<String> {
    let text = plain_spaces(summary(markdown).unwrap_or_default());
    let mut at = 0;
    let mut missing = Vec::new();
    for figure in figures {
        match text[at..].find(figure.as_str()) {
            Some(found) => at += found + figure.len(),
            None => missing.push(figure.clone()),
        }
    }
    missing
}

/// `text` with every run of white space (no-break ones and line ends included) as one space.
fn plain_spaces(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_githubs() {
        assert_eq!(
            slug("1. The question and scope"),
            "1-the-question-and-scope"
        );
        assert_eq!(
            slug("2.1 Training segments sized by runs (frontier labs, Poolside)"),
            "21-training-segments-sized-by-runs-frontier-labs-poolside"
        );
        assert_eq!(slug("Demand — training"), "demand--training");
    }

    #[test]
    fn every_parameter_has_its_anchor_and_headings_have_ids() {
        for lang in [Lang::En, Lang::Fr] {
            let html = page(
                lang,
                "# Title\n\n## Title\n\nSee `facility.pue`.\n",
                "style.css",
            )
            .unwrap();
            for spec in &PARAMS {
                assert!(
                    html.contains(&format!("id=\"{}\"", spec.key)),
                    "{} has an anchor",
                    spec.key
                );
            }
            assert!(html.contains("<h1 id=\"title\">") && html.contains("<h2 id=\"title-1\">"));
            assert!(html.contains("<a class=\"param-key\" href=\"#facility.pue\" title=\""));
            assert!(!html.contains("<script"));
            assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
            let there = methodology_page(other(lang), Country::first());
            assert!(html.contains(&format!("href=\"{there}\" hreflang=")));
        }
    }

    #[test]
    fn the_french_page_speaks_french() {
        let html = page(Lang::Fr, "# Méthodologie\n", "style.css").unwrap();
        let pue = PARAMS.iter().find(|p| p.key == "facility.pue").unwrap();
        assert!(html.contains(&escape(pue.label_fr)), "French labels");
        assert!(!html.contains(&format!("— {}</h4>", escape(pue.label))));
        for word in [
            "Paramètres et sources",
            "Bornes",
            "(en anglais)",
            ">English</a>",
        ] {
            assert!(html.contains(word), "{word}");
        }
        let en = page(Lang::En, "# Methodology\n", "style.css").unwrap();
        assert!(en.contains(">Français</a>") && en.contains("<dt>Bounds</dt>"));
    }

    #[test]
    fn markers_make_the_summary_and_contents_and_drop_developer_notes() {
        let markdown =
            "# T\n\n<!-- summary -->\n\n**In short.** Words.\n\n<!-- end of summary -->\n\n\
             <!-- contents -->\n\n1. [A](#a)\n\n<!-- end of contents -->\n\n<!-- developer -->\n\n\
             Code in `crates/x/src/`.\n\n<!-- end of developer -->\n\n<!-- a\nnote -->\n\nAfter.\n";
        let html = body(markdown, &mut HashSet::new(), Lang::En);
        assert!(html.contains(
            "<section class=\"doc-summary\" id=\"summary\" aria-label=\"Summary\">\n<p><strong>In short.</strong> Words.</p>\n</section>"
        ));
        assert!(html.contains(
            "<nav class=\"doc-contents\" id=\"contents\" aria-label=\"Contents\">\n<ol>"
        ));
        assert!(html.contains("</ol>\n</nav>"));
        assert!(
            !html.contains("Code in") && !html.contains("<!--"),
            "{html}"
        );
        assert!(html.contains("<p>After.</p>"));
    }

    #[test]
    fn paths_become_what_they_hold() {
        let cases = [
            (
                "From `data/countries/fr/params.toml` (64 parameters).",
                "From the parameter table (64 parameters).",
            ),
            (
                "`data/countries/fr/presets.toml` defines three.",
                "The preset table defines three.",
            ),
            ("**GPU catalog (`gpus.toml`)**", "GPU catalog"),
            (
                "The catalog (data/gpus.toml) holds it.",
                "The catalog holds it.",
            ),
            (
                "shifts data/fleet_mix.toml later",
                "shifts the fleet-mix table later",
            ),
            (
                "by `tests/data.rs` (which fails",
                "by a data test (which fails",
            ),
            (
                "build.rs refuses one. build.rs and `tests/calibration.rs` too",
                "The build refuses one. The build and a calibration test too",
            ),
            (
                "exactly as `model.rs` computes it",
                "exactly as the model computes it",
            ),
            (
                "The GPU catalog (`data/gpus.toml`, dense peaks)",
                "The GPU catalog (dense peaks)",
            ),
            (
                "OVHcloud (via the register, data/countries/fr/supply.toml), 2024",
                "OVHcloud (via the register), 2024",
            ),
            (
                "the catalogue (data/gpus.toml) holds",
                "the catalogue holds",
            ),
            (
                "Keep `facility.pue` and https://x.org/a.toml.",
                "Keep `facility.pue` and https://x.org/a.toml.",
            ),
        ];
        for (markdown, plain) in cases {
            let html = body(markdown, &mut HashSet::new(), Lang::En);
            let text = html
                .replace("<p>", "")
                .replace("</p>", "")
                .replace("<strong>", "")
                .replace("</strong>", "");
            let expected = plain.replace("`facility.pue`", &key_link("facility.pue", Lang::En));
            assert_eq!(text.trim(), expected, "{markdown}");
        }
        assert_eq!(path_name("facility.pue"), None);
        assert_eq!(path_name("data/"), None);
        assert_eq!(
            path_name("crates/compute-demand-core/src/"),
            Some("the code")
        );
        assert_eq!(without_paths("(data/gpus.toml) first", true), " first");
    }

    #[test]
    fn stale_figures_are_found_in_order() {
        let figures = ["298 MW", "42.3 MW", "0.641×"].map(str::to_string);
        let markdown =
            "<!-- summary -->\n298\u{a0}MW (42.3\nMW) and 0.641×\n<!-- end of summary -->";
        assert!(stale_figures(markdown, &figures).is_empty());
        let stale = "<!-- summary -->\n42.3 MW, 298 MW, 0.64×\n<!-- end of summary -->";
        assert_eq!(stale_figures(stale, &figures), ["42.3 MW", "0.641×"]);
    }

    /// The summaries quote the baseline as the model gives it (`cargo xtask build` warns too).
    #[test]
    fn the_summaries_are_the_models() {
        let baseline = crate::prerender::Baseline::compute().unwrap();
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs");
        for (lang, file) in [
            (Lang::En, "methodology.md"),
            (Lang::Fr, "methodology.fr.md"),
        ] {
            let markdown = std::fs::read_to_string(root.join(file)).unwrap();
            let figures = summary_figures(&baseline.shown, lang);
            assert_eq!(figures.len(), 12);
            let stale = stale_figures(&markdown, &figures);
            assert!(
                stale.is_empty(),
                "docs/{file}'s summary lacks {stale:?} (the baseline's {figures:?})"
            );
        }
    }
}
