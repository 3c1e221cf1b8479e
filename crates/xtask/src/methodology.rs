//! `dist/methodology.html`: docs/methodology.md rendered at build time, with the site's
//! stylesheet, a policy that allows no script at all, an id on every heading (GitHub's, so the
//! document's own contents links work) and a generated section, "Parameters and sources", with
//! one entry per parameter whose id is its key (`methodology.html#facility.pue`): the app's
//! source links point there.

use crate::Result;
use compute_demand_core::data::ParamSpec;
use compute_demand_core::input::notation::write_number;
use compute_demand_core::output::format::{significant, Lang};
use compute_demand_core::{Dist, PARAMS};
use compute_demand_web::export::escape;
use compute_demand_web::i18n;
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;
use std::path::Path;

/// The page's policy: styles and images from this origin, nothing else; no script.
pub const POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; \
     form-action 'none'; object-src 'none'";

/// The generated section's id (and its heading's).
pub const PARAMETERS_ID: &str = "parameters-and-sources";

/// Writes `dist/methodology.html` from `markdown`, linking `stylesheet` (a file in dist/).
pub fn write(dist: &Path, markdown: &str, stylesheet: &str) -> Result {
    let html = page(markdown, stylesheet)?;
    let path = dist.join("methodology.html");
    std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn page(markdown: &str, stylesheet: &str) -> Result<String> {
    let mut ids: HashSet<String> = PARAMS.iter().map(|p| p.key.to_string()).collect();
    ids.insert(PARAMETERS_ID.to_string());
    let body = body(markdown, &mut ids);
    let parameters = parameters_section();
    Ok(format!(
        r##"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="{POLICY}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Methodology — compute-demand</title>
  <meta name="description" content="How compute-demand estimates the compute France's generative-AI ecosystem needs to 2030: every formula, source, parameter and the calibration.">
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{stylesheet}">
</head>
<body class="doc-page">
  <nav class="doc-nav"><a href="./">← Back to the calculator</a> · <a href="#{PARAMETERS_ID}">Parameters and sources</a></nav>
  <main class="doc">
{body}
{parameters}
  </main>
  <nav class="doc-nav"><a href="./">← Back to the calculator</a></nav>
</body>
</html>
"##,
        stylesheet = escape(stylesheet),
    ))
}

/// The Markdown as HTML: GitHub's tables, an id on every heading (unique, never a parameter's
/// key), each table in a scrolling box, and each `code` span that names a parameter linked to
/// its entry.
fn body(markdown: &str, ids: &mut HashSet<String>) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Parser::new_ext(markdown, options).collect();
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
                let key = escape(code);
                events[i] = Event::InlineHtml(
                    format!("<a class=\"param-key\" href=\"#{key}\"><code>{key}</code></a>").into(),
                );
            }
            _ => {}
        }
        i += 1;
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
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
fn parameters_section() -> String {
    let mut out = format!(
        "<section class=\"parameters\" aria-labelledby=\"{PARAMETERS_ID}\">\n\
         <h2 id=\"{PARAMETERS_ID}\">Parameters and sources</h2>\n\
         <p>Every parameter of the model, as the calculator's sliders show it: its key (the \
         name the command line, share links and scenario files use), its default in the \
         baseline, the bounds a value must stay within, its evidence class and its source. \
         Generated from the data the model runs on (<code>compute-demand params</code> lists \
         the same).</p>\n"
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
                escape(i18n::group(spec.group, Lang::En))
            ));
        }
        out.push_str(&entry(spec));
    }
    if group.is_some() {
        out.push_str("</div>\n");
    }
    out.push_str("</section>");
    out
}

fn entry(spec: &ParamSpec) -> String {
    let (evidence, meaning) = i18n::evidence(spec.evidence, Lang::En);
    let link = spec
        .source
        .url
        .map(|url| {
            let url = escape(url);
            format!(" <a href=\"{url}\" rel=\"noopener noreferrer\">{url}</a>")
        })
        .unwrap_or_default();
    format!(
        "<article class=\"param-entry\" id=\"{key}\">\n\
         <h4><a class=\"param-key\" href=\"#{key}\"><code>{key}</code></a> — {label}</h4>\n\
         <dl>\n\
         <dt>Unit</dt><dd>{unit}</dd>\n\
         <dt>Default</dt><dd>{default}</dd>\n\
         <dt>Bounds</dt><dd>{min} to {max}</dd>\n\
         <dt>Evidence</dt><dd><span class=\"evidence evidence-{evidence_key}\">{evidence}</span>: {meaning}</dd>\n\
         <dt>Source</dt><dd><span lang=\"en\">{source}</span>{link}</dd>\n\
         </dl>\n\
         </article>\n",
        key = escape(spec.key),
        label = escape(spec.label),
        unit = escape(spec.unit),
        default = escape(&default_text(spec)),
        min = write_number(spec.min),
        max = write_number(spec.max),
        evidence_key = spec.evidence.key(),
        evidence = escape(evidence),
        meaning = escape(meaning),
        source = escape(spec.source.text),
    )
}

/// The baseline's value as the command line writes it, with its median and kind.
fn default_text(spec: &ParamSpec) -> String {
    let median = number(spec.baseline.median().clamp(spec.min, spec.max), spec);
    match spec.baseline {
        Dist::Point(_) => spec.baseline.notation(),
        Dist::Range90 { .. } => format!(
            "{} (a 90% range; median {median})",
            spec.baseline.notation()
        ),
        Dist::Uniform { .. } => format!("{} (median {median})", spec.baseline.notation()),
    }
}

/// A median as the CLI's `params` table writes it: a year to a tenth, else three figures.
fn number(value: f64, spec: &ParamSpec) -> String {
    if spec.unit == "year" {
        format!("{value:.1}")
    } else {
        significant(value, Lang::En)
    }
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
        let html = page("# Title\n\n## Title\n\nSee `facility.pue`.\n", "style.css").unwrap();
        for spec in &PARAMS {
            assert!(
                html.contains(&format!("id=\"{}\"", spec.key)),
                "{} has an anchor",
                spec.key
            );
        }
        assert!(html.contains("<h1 id=\"title\">") && html.contains("<h2 id=\"title-1\">"));
        assert!(html.contains("<a class=\"param-key\" href=\"#facility.pue\">"));
        assert!(!html.contains("<script"));
    }
}
