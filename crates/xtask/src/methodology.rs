//! The methodology pages, one per country pack, rendered at build time: the shared method
//! (docs/methodology.md) followed by the pack's chapter (docs/countries/<code>/methodology.md),
//! at the address `methodology_page` gives it (`methodology.html` for the default pack,
//! `methodology-<code>.html` for another), and the default pack's French summary
//! (docs/methodology.fr.md, `methodology.fr.html`). Each has the site's stylesheet, a policy
//! that allows no script at all, an id on every heading (GitHub's, so the documents' own
//! contents links work) and a generated section, "Parameters and sources", with one entry per
//! parameter of the pack whose id is its key (`methodology.html#facility.pue`, in French
//! `methodology.fr.html#facility.pue`, `methodology-<code>.html#facility.pue`): the app's source
//! links point there.
//!
//! The chapter's headings go one level down (its title under the page's), and the chapter's
//! summary joins the method's: a country's baseline is quoted at the top of its page.
//! The Markdown's comment markers shape the page: `<!-- summary -->` and `<!-- contents -->`
//! (each closed by `<!-- end of NAME -->`) become the one-screen summary and the contents list;
//! a `<!-- developer -->` note is left out; other comments are dropped. The names of the
//! repository's files (`data/gpus.toml`, `tests/data.rs`) become what they hold ("the GPU
//! catalog", "a data test"): a reader of the page sees no path.

use crate::Result;
use compute_demand_core::data::{Country, ParamSpec, COUNTRIES};
use compute_demand_core::input::notation::write_number;
use compute_demand_core::output::format::{quantity, significant, Lang};
use compute_demand_core::{Dist, Metric};
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
/// The country's chapter's id: links to a chapter from its own page land there.
pub const CHAPTER_ID: &str = "country-chapter";
/// The page's main part's id: links to the shared method as a whole land there.
pub const TOP_ID: &str = "top";

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

/// A pack's chapter, relative to docs/.
pub fn chapter_path(country: &Country) -> String {
    format!("countries/{}/methodology.md", country.code)
}

/// The documents a page is made of: the shared method, and the country's chapter (none for
/// the French summary, which is whole).
pub struct Doc<'a> {
    pub method: &'a str,
    pub chapter: Option<&'a str>,
}

/// Writes each pack's page from the shared method `method` and the pack's chapter (`chapters`,
/// in the order of `COUNTRIES`), and the default pack's French page from `french`, linking
/// `stylesheet` (a file in dist/).
pub fn write(
    dist: &Path,
    method: &str,
    chapters: &[(&'static Country, String)],
    french: &str,
    stylesheet: &str,
) -> Result {
    let mut pages = Vec::new();
    for (country, chapter) in chapters {
        let doc = Doc {
            method,
            chapter: Some(chapter),
        };
        pages.push((Lang::En, *country, doc));
        if country.is_default() {
            let summary = Doc {
                method: french,
                chapter: None,
            };
            pages.push((Lang::Fr, *country, summary));
        }
    }
    for (lang, country, doc) in pages {
        let path = dist.join(methodology_page(lang, country));
        std::fs::write(&path, page(lang, country, &doc, stylesheet)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

pub fn page(lang: Lang, country: &Country, doc: &Doc, stylesheet: &str) -> Result<String> {
    let w = words(lang);
    let mut ids: HashSet<String> = country.params.iter().map(|p| p.key.to_string()).collect();
    ids.extend([PARAMETERS_ID, SUMMARY_ID, CONTENTS_ID, CHAPTER_ID, TOP_ID].map(str::to_string));
    let (method, chapter) = match doc.chapter {
        Some(chapter) => {
            let (method, chapter) = with_chapter_summary(doc.method, chapter);
            (method, Some(chapter))
        }
        None => (doc.method.to_string(), None),
    };
    let mut body = body(&method, &mut ids, lang, country, 0);
    if let Some(chapter) = chapter {
        body.push_str(&format!(
            "<section class=\"doc-chapter\" id=\"{CHAPTER_ID}\">\n{}</section>\n",
            self::body(&chapter, &mut ids, lang, country, 1)
        ));
    }
    let parameters = parameters_section(lang, country);
    // Only the default pack has a page in the other language (another pack's chapter is in
    // English only, and both its languages' pages are the same).
    let there = other(lang);
    let there_page = methodology_page(there, country);
    let other_language = there_page != methodology_page(lang, country);
    let other_link = format!(
        "<a href=\"{there_page}\" hreflang=\"{code}\" lang=\"{code}\" data-link=\"other-language\">{name}</a>",
        code = there.code(),
        name = w.other,
    );
    let (alternate, top_other, bottom_other) = if other_language {
        (
            format!(
                "\n  <link rel=\"alternate\" hreflang=\"{}\" href=\"{there_page}\">",
                there.code()
            ),
            format!(" · {other_link}"),
            format!(" · {other_link}"),
        )
    } else {
        Default::default()
    };
    let (title, description) = if country.is_default() {
        (w.title.to_string(), w.description.to_string())
    } else {
        (
            format!("Methodology: {} — compute-demand", country.name),
            format!(
                "How compute-demand estimates the compute a country's generative-AI ecosystem \
                 needs to 2030: the shared method, then the chapter on {}: its parameters, sources \
                 and calibration.",
                country.name
            ),
        )
    };
    Ok(format!(
        r##"<!doctype html>
<html lang="{code}">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{POLICY}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title}</title>
  <meta name="description" content="{description}">{alternate}
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{stylesheet}">
</head>
<body class="doc-page">
  <nav class="doc-nav"><a href="./">{back}</a> · <a href="#{PARAMETERS_ID}">{parameters}</a>{top_other}</nav>
  <main class="doc" id="{TOP_ID}">
{body}
{parameters_section}
  </main>
  <nav class="doc-nav"><a href="./">{back}</a>{bottom_other}</nav>
</body>
</html>
"##,
        code = lang.code(),
        title = escape(&title),
        description = escape(&description),
        back = w.back,
        parameters = w.parameters,
        parameters_section = parameters,
        stylesheet = escape(stylesheet),
    ))
}

/// The shared method with the chapter's summary and contents at the end of its own (a
/// country's page opens with that country's baseline, and lists its chapter's sections), and
/// the chapter without them.
fn with_chapter_summary(method: &str, chapter: &str) -> (String, String) {
    let (mut method, mut chapter) = (method.to_string(), chapter.to_string());
    for name in ["summary", "contents"] {
        let (start, end) = (
            format!("<!-- {name} -->"),
            format!("<!-- end of {name} -->"),
        );
        let Some(inner) = marked_text(&chapter, name).map(str::to_string) else {
            continue;
        };
        let Some(at) = method.find(&end) else {
            continue;
        };
        method.insert_str(at, inner.trim_start());
        chapter = chapter.replacen(&format!("{start}{inner}{end}"), "", 1);
    }
    (method, chapter)
}

/// The Markdown as HTML: GitHub's tables, the markers' summary and contents, no developer
/// note and no path, an id on every heading (unique, never a parameter's key), headings
/// `shift` levels down, each table in a scrolling box, each `code` span that names a
/// parameter linked to its entry, and links between the documents made links between pages.
fn body(
    markdown: &str,
    ids: &mut HashSet<String>,
    lang: Lang,
    country: &Country,
    shift: usize,
) -> String {
    use pulldown_cmark::HeadingLevel;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = plain_paths(marked(Parser::new_ext(markdown, options).collect(), lang));
    let mut events = events;
    let keys: HashSet<&str> = country.params.iter().map(|p| p.key).collect();
    let lower = |level: HeadingLevel| {
        let n = (level as usize + shift).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    };
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
                if let Event::Start(Tag::Heading {
                    id: slot, level, ..
                }) = &mut events[i]
                {
                    *slot = Some(CowStr::from(id));
                    *level = lower(*level);
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = lower(*level);
                events[i] = Event::End(TagEnd::Heading(level));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_link = true;
                if let Some(page) = page_link(dest_url, country) {
                    if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i] {
                        *dest_url = CowStr::from(page);
                    }
                }
            }
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
                events[i] = Event::InlineHtml(key_link(code, lang, country).into());
            }
            _ => {}
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Where a link between the documents goes on the site: the shared method
/// (`methodology.md`, `../../methodology.md`) is the top of every page; a chapter
/// (`countries/<code>/methodology.md`, `../<code>/methodology.md`) is this page's when it is
/// this page's country's, else that country's page. `None`: not a link between them.
fn page_link(url: &str, country: &Country) -> Option<String> {
    let (path, fragment) = match url.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (url, None),
    };
    let path = path.trim_start_matches("./");
    let anchor = |default: &str| format!("#{}", fragment.unwrap_or(default));
    if path == "methodology.md" || path == "../../methodology.md" {
        return Some(anchor(TOP_ID));
    }
    let code = path
        .strip_prefix("countries/")
        .or_else(|| path.strip_prefix("../"))
        .and_then(|rest| rest.strip_suffix("/methodology.md"))?;
    let there = COUNTRIES.iter().find(|c| c.code == code)?;
    if there == country {
        return Some(anchor(CHAPTER_ID));
    }
    let page = methodology_page(Lang::En, there);
    Some(match fragment {
        Some(fragment) => format!("{page}#{fragment}"),
        None => page,
    })
}

/// A parameter's key, linked to its entry, with its label on hover.
fn key_link(key: &str, lang: Lang, country: &Country) -> String {
    let label = country
        .params
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
        || word.starts_with("docs/")
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
        "methodology.md" if word.contains("countries/") => "the country's chapter",
        "methodology.md" => "the shared method",
        "research.md" => "the country's research notes",
        _ if word.contains("data/countries/") => "the country pack",
        _ if word.starts_with("docs/") => "a document",
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

/// One entry per parameter of `country`'s pack, by group, in the catalog's order.
fn parameters_section(lang: Lang, country: &Country) -> String {
    let w = words(lang);
    let mut out = format!(
        "<section class=\"parameters\" aria-labelledby=\"{PARAMETERS_ID}\">\n\
         <h2 id=\"{PARAMETERS_ID}\">{}</h2>\n<p>{}</p>\n",
        w.parameters, w.parameters_intro
    );
    let mut group = None;
    for spec in country.params {
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
    marked_text(markdown, "summary")
}

/// The text between `<!-- NAME -->` and `<!-- end of NAME -->`.
fn marked_text<'a>(markdown: &'a str, name: &str) -> Option<&'a str> {
    let (_, rest) = markdown.split_once(&format!("<!-- {name} -->"))?;
    Some(rest.split_once(&format!("<!-- end of {name} -->"))?.0)
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

    fn whole(markdown: &str) -> Doc<'_> {
        Doc {
            method: markdown,
            chapter: None,
        }
    }

    /// Every pack's page: an entry per parameter whose id is its key, with the pack's label
    /// (the default pack in both languages, another in English).
    #[test]
    fn every_pack_has_an_anchor_per_parameter_and_headings_have_ids() {
        for country in &COUNTRIES {
            let langs: &[Lang] = if country.is_default() {
                &[Lang::En, Lang::Fr]
            } else {
                &[Lang::En]
            };
            for &lang in langs {
                let doc = whole("# Title\n\n## Title\n\nSee `facility.pue`.\n");
                let html = page(lang, country, &doc, "style.css").unwrap();
                for spec in country.params {
                    let entry = format!(
                        "id=\"{}\">\n<h4><a class=\"param-key\" href=\"#{0}\"><code>{0}</code></a> — {}</h4>",
                        spec.key,
                        escape(param_label(spec, lang))
                    );
                    assert!(html.contains(&entry), "{}: {}", country.code, spec.key);
                }
                assert!(html.contains("<h1 id=\"title\">") && html.contains("<h2 id=\"title-1\">"));
                assert!(html.contains("<a class=\"param-key\" href=\"#facility.pue\" title=\""));
                assert!(!html.contains("<script"));
                assert!(html.contains(&format!("<html lang=\"{}\">", lang.code())));
                let there = methodology_page(other(lang), country);
                assert_eq!(
                    html.contains(&format!("href=\"{there}\" hreflang=")),
                    country.is_default(),
                    "{}: a link to the other language's page only where there is one",
                    country.code
                );
            }
        }
    }

    /// A pack's page: the method, then the chapter one heading level down in its section,
    /// the chapter's summary at the end of the method's, links between the documents as links
    /// between the pages.
    #[test]
    fn a_page_is_the_method_then_the_chapter() {
        // A link to each pack's chapter, the first's with a fragment.
        let links: Vec<String> = COUNTRIES
            .iter()
            .map(|c| {
                let fragment = if c.is_default() { "#8-calibration" } else { "" };
                format!("[{}]({}{fragment})", c.name, chapter_path(c))
            })
            .collect();
        let method = format!(
            "# Methodology\n\n<!-- summary -->\n\nThe method.\n\n<!-- end of summary -->\n\n\
             <!-- contents -->\n\n1. [Scope](#1-scope)\n\n<!-- end of contents -->\n\n\
             ## 1. Scope\n\nSee {}.\n",
            links.join(", ")
        );
        let chapter = "# A country\n\n<!-- summary -->\n\nIts baseline.\n\n<!-- end of summary -->\n\n\
                       <!-- contents -->\n\n- [Its scope](#1-scope-1)\n\n<!-- end of contents -->\n\n\
                       ## 1. Scope\n\nThe [method](../../methodology.md#1-scope), [top](../../methodology.md).\n";
        for country in &COUNTRIES {
            let doc = Doc {
                method: &method,
                chapter: Some(chapter),
            };
            let html = page(Lang::En, country, &doc, "style.css").unwrap();
            assert!(
                html.contains("<p>The method.</p>\n<p>Its baseline.</p>\n</section>"),
                "{html}"
            );
            assert_eq!(html.matches("Its baseline.").count(), 1);
            assert!(html.contains(
                "<ol>\n<li><a href=\"#1-scope\">Scope</a></li>\n</ol>\n<ul>\n<li><a href=\"#1-scope-1\">Its scope</a></li>\n</ul>\n</nav>"
            ), "the chapter's contents join the method's: {html}");
            assert_eq!(html.matches("Its scope").count(), 1);
            assert!(
                html.contains("<h1 id=\"methodology\">") && html.contains("<h2 id=\"1-scope\">")
            );
            assert!(html.contains(&format!(
                "<section class=\"doc-chapter\" id=\"{CHAPTER_ID}\">\n<h2 id=\"a-country\">"
            )));
            assert!(html.contains("<h3 id=\"1-scope-1\">1. Scope</h3>"));
            assert!(
                html.contains("href=\"#1-scope\">method</a>")
                    && html.contains("href=\"#top\">top</a>")
            );
            for there in &COUNTRIES {
                let fragment = if there.is_default() {
                    "#8-calibration"
                } else {
                    ""
                };
                let href = match (there == country, fragment) {
                    (true, "") => format!("#{CHAPTER_ID}"),
                    (true, fragment) => fragment.to_string(),
                    (false, fragment) => format!("{}{fragment}", methodology_page(Lang::En, there)),
                };
                assert!(
                    html.contains(&format!("href=\"{href}\">{}</a>", there.name)),
                    "{}'s page links {}'s chapter at {href}",
                    country.code,
                    there.code
                );
            }
        }
    }

    #[test]
    fn the_french_page_speaks_french() {
        let country = Country::first();
        let html = page(Lang::Fr, country, &whole("# Méthodologie\n"), "style.css").unwrap();
        let pue = country
            .params
            .iter()
            .find(|p| p.key == "facility.pue")
            .unwrap();
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
        let en = page(Lang::En, country, &whole("# Methodology\n"), "style.css").unwrap();
        assert!(en.contains(">Français</a>") && en.contains("<dt>Bounds</dt>"));
    }

    #[test]
    fn markers_make_the_summary_and_contents_and_drop_developer_notes() {
        let markdown =
            "# T\n\n<!-- summary -->\n\n**In short.** Words.\n\n<!-- end of summary -->\n\n\
             <!-- contents -->\n\n1. [A](#a)\n\n<!-- end of contents -->\n\n<!-- developer -->\n\n\
             Code in `crates/x/src/`.\n\n<!-- end of developer -->\n\n<!-- a\nnote -->\n\nAfter.\n";
        let html = body(markdown, &mut HashSet::new(), Lang::En, Country::first(), 0);
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
                "Its chapter, `docs/countries/<code>/methodology.md`, with markers.",
                "Its chapter, with markers.",
            ),
            (
                "Its figures are in `crates/compute-demand-core/data/countries/uk/`.",
                "Its figures are in the country pack.",
            ),
            (
                "See docs/methodology.md and docs/countries/uk/research.md.",
                "See the shared method and the country's research notes.",
            ),
            (
                "Keep `facility.pue` and https://x.org/a.toml.",
                "Keep `facility.pue` and https://x.org/a.toml.",
            ),
        ];
        for (markdown, plain) in cases {
            let html = body(markdown, &mut HashSet::new(), Lang::En, Country::first(), 0);
            let text = html
                .replace("<p>", "")
                .replace("</p>", "")
                .replace("<strong>", "")
                .replace("</strong>", "");
            let expected = plain.replace(
                "`facility.pue`",
                &key_link("facility.pue", Lang::En, Country::first()),
            );
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

    /// Every chapter's summary, and the French page's (the default pack's), quote its pack's
    /// baseline as the model gives it (`cargo xtask build` warns too for the default pack's).
    #[test]
    fn the_summaries_are_the_models() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs");
        let mut pages = vec![(Country::first(), Lang::Fr, "methodology.fr.md".to_string())];
        pages.extend(COUNTRIES.iter().map(|c| (c, Lang::En, chapter_path(c))));
        for (country, lang, file) in pages {
            let baseline = crate::prerender::Baseline::of(country).unwrap();
            let markdown = std::fs::read_to_string(root.join(&file)).unwrap();
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
