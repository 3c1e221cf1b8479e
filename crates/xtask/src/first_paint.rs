//! dist/index.html after Trunk: the link-preview tags, the manifest and the service worker's
//! registration in `<head>`, and in `<div id="app">` the baseline's answer rendered at build
//! time (`prerender`), which the app replaces in one frame when it starts
//! (compute-demand-web's `browser::mark_ready`). A tiny inline script marks that answer as
//! loading when the address holds another scenario (a share link) or the browser keeps one,
//! so that the baseline is never passed off as it.

use crate::offline::{MANIFEST, REGISTER_SCRIPT};
use crate::preview;
use crate::Result;
use compute_demand_web::export::escape;

/// The environment variable that gives the site's public address (e.g.
/// `https://example.org/compute-demand/`): `og:image` and `twitter:image` become absolute
/// and `og:url` is set. Without it they stay relative.
pub const SITE_URL_VAR: &str = "SITE_URL";

/// Inside `#app`, the first script of the prerendered answer's wrapper (`#prerendered`, already
/// in the document when it runs): marks that wrapper busy when the page opens on a scenario
/// other than the baseline — a share link (`#v1&…`, anything but a bare `#v1`), or, without a
/// fragment, a scenario kept in this browser. (Before the answer is parsed, so never shown
/// unmarked.) Its hash goes into the policy.
pub const PENDING_SCRIPT: &str = "(function () { var h = location.hash.replace(/^#/, ''); var note = null; if (h !== '' && h !== 'v1') { note = 'Loading this link\\u2019s scenario\\u2026'; } else if (h === '') { try { var s = localStorage.getItem('compute-demand/scenario'); if (s && s !== 'v1') { note = 'Loading your last scenario\\u2026'; } } catch (e) {} } if (note) { var app = document.getElementById('prerendered'); var p = document.getElementById('pending-note'); app.classList.add('link-pending'); app.setAttribute('aria-busy', 'true'); p.textContent = note; p.hidden = false; } })();";

/// The public address of the site, from SITE_URL, without its trailing slash.
pub fn site_url() -> Result<Option<String>> {
    match std::env::var(SITE_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => {
            let url = url.trim().trim_end_matches('/').to_string();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(format!(
                    "{SITE_URL_VAR} must be an absolute http(s) URL, not '{url}'"
                ));
            }
            Ok(Some(url))
        }
        _ => Ok(None),
    }
}

/// index.html with the head's additions and the prerendered answer.
pub fn rewrite(html: &str, app_markup: &str, site_url: Option<&str>) -> Result<String> {
    let head = head_tags(html, site_url)?;
    let html = insert_before(html, "</head>", &head)?;
    let html = remove_element(&html, "<p id=\"loading\"", "</p>")?;
    // The marks go on a wrapper inside #app, which the app's mount removes with them.
    let app = format!(
        "<div id=\"app\"><div id=\"prerendered\">\
         <p id=\"pending-note\" class=\"pending-note\" role=\"status\" hidden></p>\
         <script>{PENDING_SCRIPT}</script>{app_markup}</div></div>"
    );
    let empty = "<div id=\"app\"></div>";
    if !html.contains(empty) {
        return Err("dist/index.html lacks an empty <div id=\"app\"></div>".into());
    }
    Ok(html.replacen(empty, &app, 1))
}

/// Open Graph and Twitter tags from the page's own title and description, the manifest, and
/// the service worker's registration.
fn head_tags(html: &str, site_url: Option<&str>) -> Result<String> {
    let title = between(html, "<title>", "</title>").ok_or("index.html lacks a <title>")?;
    let description = between(html, "<meta name=\"description\" content=\"", "\"")
        .ok_or("index.html lacks <meta name=\"description\">")?;
    // Already escaped as they stand in the page.
    let (title, description) = (title.trim(), description.trim());
    let image = match site_url {
        Some(base) => escape(&format!("{base}/{}", preview::FILE)),
        None => preview::FILE.to_string(),
    };
    let url = site_url
        .map(|base| {
            format!(
                "\n  <meta property=\"og:url\" content=\"{}/\">",
                escape(base)
            )
        })
        .unwrap_or_default();
    Ok(format!(
        r##"  <meta property="og:type" content="website">
  <meta property="og:title" content="{title}">
  <meta property="og:description" content="{description}">
  <meta property="og:image" content="{image}">
  <meta property="og:image:width" content="{width}">
  <meta property="og:image:height" content="{height}">
  <meta property="og:image:alt" content="The baseline's demand for facility power against the AI capacity expected in France, 2024–2030, medians and 90% ranges">{url}
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:title" content="{title}">
  <meta name="twitter:description" content="{description}">
  <meta name="twitter:image" content="{image}">
  <meta name="theme-color" content="#c2410c">
  <link rel="manifest" href="{MANIFEST}">
  <script>window.addEventListener('load', function () {{ {REGISTER_SCRIPT} }});</script>
"##,
        width = preview::WIDTH,
        height = preview::HEIGHT,
    ))
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

fn insert_before(html: &str, marker: &str, insert: &str) -> Result<String> {
    let at = html
        .find(marker)
        .ok_or_else(|| format!("index.html lacks {marker}"))?;
    Ok(format!("{}{insert}{}", &html[..at], &html[at..]))
}

/// `html` without the element that starts with `open` (and its line's indentation), if any.
fn remove_element(html: &str, open: &str, close: &str) -> Result<String> {
    let Some(start) = html.find(open) else {
        return Ok(html.to_string());
    };
    let end = start
        + html[start..]
            .find(close)
            .ok_or_else(|| format!("unterminated {open}"))?
        + close.len();
    let start = html[..start].trim_end_matches([' ', '\t']).len();
    let end = if html[end..].starts_with('\n') {
        end + 1
    } else {
        end
    };
    Ok(format!("{}{}", &html[..start], &html[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<html><head><meta charset=\"utf-8\"><title>T &amp; co</title>\n<meta name=\"description\" content=\"D\">\n</head><body>\n  <p id=\"loading\" class=\"boot-message\">Loading the model…</p>\n  <div id=\"app\"></div>\n</body></html>";

    #[test]
    fn the_answer_replaces_the_loading_message() {
        let html = rewrite(TRUNK, "<main>answer</main>", None).unwrap();
        assert!(!html.contains("Loading the model"));
        assert!(html.contains("<div id=\"app\"><div id=\"prerendered\"><p id=\"pending-note\""));
        assert!(html.contains("<main>answer</main></div></div>"));
        assert!(html.contains("<meta property=\"og:image\" content=\"preview.png\">"));
        assert!(html.contains("<meta name=\"twitter:title\" content=\"T &amp; co\">"));
        assert!(!html.contains("og:url"));
    }

    #[test]
    fn a_site_url_makes_the_image_absolute() {
        let html = rewrite(TRUNK, "", Some("https://example.org/app")).unwrap();
        assert!(html.contains("content=\"https://example.org/app/preview.png\""));
        assert!(html.contains("<meta property=\"og:url\" content=\"https://example.org/app/\">"));
    }
}
