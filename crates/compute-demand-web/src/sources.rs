//! The texts the app shows but does not need for its first render, out of the WebAssembly
//! bundle: the parameters' sources (text and address), the register projects' sites and
//! addresses, the default correlations' rationales and sources. The core's `param-sources` feature is off
//! there, so its tables hold them empty. xtask writes them into a file beside the bundle
//! (`sources-….txt`, named in the page by `<meta name="compute-demand:sources">`); the app
//! fetches it once, after its first render and when the browser is idle, in either language
//! (`hooks::use_link_sync`, `browser::load_sources`), and hands it down to the parameters'
//! controls, the explain panel, the correlations and the register (a prop: its arrival draws
//! them again). Until it arrives, and if it cannot be had, a parameter's source shows its
//! entry on the methodology page. The texts are in English in both languages.

use compute_demand_core::data::{DefaultCorrelation, Project, CORRELATIONS};
use compute_demand_core::{ParamSpec, PARAMS, PROJECTS};

/// What the file starts with: its format's version.
const HEADER: &str = "compute-demand sources 3\n";
/// Between the file's three parts: the parameters', the projects' and the correlations'.
const PART: char = '\u{1d}';
const ROW: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// A row of the file: a key (a parameter's, a project's id, a correlation's pair) and two
/// texts, either of which may be empty.
pub type Row<'a> = (&'a str, &'a str, &'a str);

/// The fetched texts, each part in its table's order: per parameter its source's address and
/// text, per project its source's address and its site, per default correlation its source
/// and rationale.
#[derive(Debug, PartialEq)]
pub struct Sources {
    params: Vec<(&'static str, &'static str)>,
    projects: Vec<(&'static str, &'static str)>,
    correlations: Vec<(&'static str, &'static str)>,
}

/// A part of the file, read against the keys it must hold in order. `needed` is the field
/// that may not be empty (0 or 1), if any.
fn part<'k>(
    text: &'static str,
    keys: impl ExactSizeIterator<Item = &'k str>,
    needed: Option<usize>,
) -> Result<Vec<(&'static str, &'static str)>, &'static str> {
    let mut rows = text.split(ROW);
    let mut read = Vec::with_capacity(keys.len());
    for key in keys {
        let row = rows.next().ok_or("the source texts lack a parameter")?;
        let mut fields = row.split(FIELD);
        let (Some(found), Some(first), Some(second), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err("a source row has no text");
        };
        if found != key {
            return Err("the source texts are for other parameters");
        }
        if needed.is_some_and(|i| [first, second][i].trim_ascii().is_empty()) {
            return Err("a source text is empty");
        }
        read.push((first, second));
    }
    if rows.next().is_some() {
        return Err("the source texts are for other parameters");
    }
    Ok(read)
}

impl Sources {
    /// The file xtask writes: the header, then the parameters' rows (key, address, text), the
    /// projects' (id, address, site) and the correlations' (pair, source, rationale), each
    /// part in its table's order, between separator characters no text holds.
    pub fn file(params: &[Row], projects: &[Row], correlations: &[Row]) -> String {
        let part = |rows: &[Row]| {
            let rows: Vec<String> = rows
                .iter()
                .map(|(key, a, b)| format!("{key}{FIELD}{a}{FIELD}{b}"))
                .collect();
            rows.join(&ROW.to_string())
        };
        format!(
            "{HEADER}{}{PART}{}{PART}{}",
            part(params),
            part(projects),
            part(correlations)
        )
    }

    /// The file of this build: the texts as the core has them (xtask builds the core with
    /// `param-sources`; without it they are empty and the file is refused).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn written() -> String {
        let params: Vec<Row> = PARAMS
            .iter()
            .map(|p| (p.key, p.source.url.unwrap_or(""), p.source.text))
            .collect();
        let projects: Vec<Row> = PROJECTS
            .iter()
            .map(|p| (p.id, p.source.url.unwrap_or(""), p.site))
            .collect();
        let pairs: Vec<String> = CORRELATIONS.iter().map(|d| d.pair.pair_text()).collect();
        let correlations: Vec<Row> = CORRELATIONS
            .iter()
            .zip(&pairs)
            .map(|(d, pair)| (pair.as_str(), d.source, d.rationale))
            .collect();
        Sources::file(&params, &projects, &correlations)
    }

    /// A file for tests: every row's key, `url` as every address and `text(key)` as every
    /// text (the tests may run without the core's texts).
    pub fn made_up(url: &str, text: impl Fn(&str) -> String) -> String {
        let pairs: Vec<String> = CORRELATIONS.iter().map(|d| d.pair.pair_text()).collect();
        let params: Vec<(&str, String)> = PARAMS.iter().map(|p| (p.key, text(p.key))).collect();
        let correlations: Vec<(&str, String)> =
            pairs.iter().map(|k| (k.as_str(), text(k))).collect();
        let params: Vec<Row> = params.iter().map(|(k, t)| (*k, url, t.as_str())).collect();
        let projects: Vec<Row> = PROJECTS.iter().map(|p| (p.id, url, "A site.")).collect();
        let correlations: Vec<Row> = correlations
            .iter()
            .map(|(k, t)| (*k, "A source.", t.as_str()))
            .collect();
        Sources::file(&params, &projects, &correlations)
    }

    /// Reads a file that [`Sources::file`] wrote for this build's tables. Anything else
    /// (another version, another build's parameters, a page the server sent instead) is
    /// refused whole: the page then shows the methodology's links.
    pub fn parse(file: &'static str) -> Result<Sources, &'static str> {
        let body = file
            .strip_prefix(HEADER)
            .ok_or("the source texts are not in this version's format")?;
        let mut parts = body.split(PART);
        let mut next = || parts.next().ok_or("the source texts lack a part");
        let params = part(next()?, PARAMS.iter().map(|p| p.key), Some(1))?;
        let projects = part(next()?, PROJECTS.iter().map(|p| p.id), Some(1))?;
        let pairs: Vec<String> = CORRELATIONS.iter().map(|d| d.pair.pair_text()).collect();
        let correlations = part(next()?, pairs.iter().map(String::as_str), Some(1))?;
        if parts.next().is_some() {
            return Err("the source texts are for other parameters");
        }
        Ok(Sources {
            params,
            projects,
            correlations,
        })
    }

    /// `spec`'s source text.
    pub fn text(&self, spec: &ParamSpec) -> &'static str {
        self.params.get(spec.id.index()).map_or("", |p| p.1)
    }

    /// `spec`'s source's address, when it has one.
    pub fn url(&self, spec: &ParamSpec) -> Option<&'static str> {
        self.params
            .get(spec.id.index())
            .map(|p| p.0)
            .filter(|url| !url.is_empty())
    }

    /// The address of `project`'s source (a register project), when it has one.
    pub fn project_url(&self, project: &Project) -> Option<&'static str> {
        let at = PROJECTS.iter().position(|p| p.id == project.id)?;
        self.projects
            .get(at)
            .map(|p| p.0)
            .filter(|url| !url.is_empty())
    }

    /// Where `project` (a register project) is.
    pub fn project_site(&self, project: &Project) -> &'static str {
        let at = PROJECTS.iter().position(|p| p.id == project.id);
        at.and_then(|at| self.projects.get(at)).map_or("", |p| p.1)
    }

    /// A default correlation's source and rationale.
    pub fn correlation(
        &self,
        default: &DefaultCorrelation,
    ) -> Option<(&'static str, &'static str)> {
        let at = CORRELATIONS
            .iter()
            .position(|d| d.pair.same_pair(&default.pair))?;
        self.correlations.get(at).copied()
    }
}

/// The texts as the page has them: still to come, here, or not to be had (the file failed to
/// load or was refused).
#[derive(Clone, Copy, Debug, Default)]
pub enum Loaded {
    #[default]
    Pending,
    Ready(&'static Sources),
    Failed,
}

/// Loaded once per page: the same texts are the same load.
impl PartialEq for Loaded {
    fn eq(&self, other: &Loaded) -> bool {
        match (self, other) {
            (Loaded::Ready(a), Loaded::Ready(b)) => std::ptr::eq(*a, *b),
            (Loaded::Pending, Loaded::Pending) | (Loaded::Failed, Loaded::Failed) => true,
            _ => false,
        }
    }
}

impl Loaded {
    /// Where the texts are, in a word: for the page's `data-sources` (tests wait on it).
    pub fn state(self) -> &'static str {
        match self {
            Loaded::Pending => "pending",
            Loaded::Ready(_) => "ready",
            Loaded::Failed => "failed",
        }
    }

    fn ready(self) -> Option<&'static Sources> {
        match self {
            Loaded::Ready(sources) => Some(sources),
            Loaded::Pending | Loaded::Failed => None,
        }
    }

    /// `spec`'s source text: the core's own where it has them (natively, with
    /// `param-sources`), else the fetched one; none until it is here.
    pub fn text(self, spec: &ParamSpec) -> Option<&'static str> {
        if !spec.source.text.is_empty() {
            return Some(spec.source.text);
        }
        self.ready().map(|sources| sources.text(spec))
    }

    /// `spec`'s source's address: the core's own where it has them, else the fetched one.
    pub fn url(self, spec: &ParamSpec) -> Option<&'static str> {
        spec.source
            .url
            .or_else(|| self.ready().and_then(|s| s.url(spec)))
    }

    /// A register project's source's address: the core's own, else the fetched one.
    pub fn project_url(self, project: &Project) -> Option<&'static str> {
        project
            .source
            .url
            .or_else(|| self.ready().and_then(|s| s.project_url(project)))
    }

    /// Where a register project is: the core's own, else the fetched one; "" until here.
    pub fn project_site(self, project: &Project) -> &'static str {
        match self.ready() {
            Some(sources) if project.site.is_empty() => sources.project_site(project),
            _ => project.site,
        }
    }

    /// A default correlation's source and rationale: the core's own, else the fetched ones.
    pub fn correlation(self, default: &DefaultCorrelation) -> Option<(&'static str, &'static str)> {
        if !default.rationale.is_empty() {
            return Some((default.source, default.rationale));
        }
        self.ready().and_then(|s| s.correlation(default))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(file: String) -> &'static str {
        Box::leak(file.into_boxed_str())
    }

    const URL: &str = "https://example.org/a?b=1#c";

    fn text_of(key: &str) -> String {
        format!("The source of {key} — “quoted”, 2024.")
    }

    #[test]
    fn the_file_reads_back_as_written() {
        let file = leak(Sources::made_up(URL, text_of));
        let sources: &'static Sources = Box::leak(Box::new(Sources::parse(file).unwrap()));
        let loaded = Loaded::Ready(sources);
        for spec in &PARAMS {
            assert_eq!(sources.text(spec), text_of(spec.key));
            assert_eq!(sources.url(spec), Some(URL));
            // The core's own first, where this build has them.
            assert_eq!(loaded.url(spec), spec.source.url.or(Some(URL)));
            let text = text_of(spec.key);
            let shown = if spec.source.text.is_empty() {
                text.as_str()
            } else {
                spec.source.text
            };
            assert_eq!(loaded.text(spec), Some(shown));
        }
        for project in &PROJECTS {
            assert_eq!(sources.project_url(project), Some(URL));
            assert_eq!(sources.project_site(project), "A site.");
            assert_eq!(
                loaded.project_url(project),
                project.source.url.or(Some(URL))
            );
        }
        for default in &CORRELATIONS {
            let rationale = text_of(&default.pair.pair_text());
            assert_eq!(
                sources.correlation(default),
                Some(("A source.", rationale.as_str()))
            );
            assert!(loaded.correlation(default).is_some());
        }
    }

    /// The core's texts, when this build has them, make a file that reads back to them.
    #[test]
    fn this_builds_file_reads_back_when_it_has_the_texts() {
        let file = leak(Sources::written());
        match Sources::parse(file) {
            Ok(sources) => {
                for spec in &PARAMS {
                    assert_eq!(sources.text(spec), spec.source.text);
                    assert_eq!(sources.url(spec), spec.source.url);
                }
                for project in &PROJECTS {
                    assert_eq!(sources.project_url(project), project.source.url);
                    assert_eq!(sources.project_site(project), project.site);
                }
                for d in &CORRELATIONS {
                    assert_eq!(sources.correlation(d), Some((d.source, d.rationale)));
                }
            }
            // Without `param-sources` (the bundle's core) every text is empty.
            Err(problem) => {
                assert_eq!(problem, "a source text is empty");
                assert!(PARAMS.iter().all(|p| p.source.text.is_empty()));
                assert!(PARAMS.iter().all(|p| p.source.url.is_none()));
                assert!(PROJECTS
                    .iter()
                    .all(|p| p.source.url.is_none() && p.site.is_empty()));
                assert!(CORRELATIONS.iter().all(|d| d.rationale.is_empty()));
            }
        }
    }

    #[test]
    fn other_files_are_refused() {
        let good = Sources::made_up(URL, text_of);
        #[track_caller]
        fn check(file: String, error: &str) {
            assert_eq!(Sources::parse(leak(file)), Err(error));
        }
        let (head, body) = good.split_at(HEADER.len());
        let parts: Vec<&str> = body.split(PART).collect();
        let rows: Vec<&str> = parts[0].split(ROW).collect();
        let with_params = |rows: &[String]| {
            format!(
                "{head}{}{PART}{}{PART}{}",
                rows.join(&ROW.to_string()),
                parts[1],
                parts[2]
            )
        };
        let good_rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        let format = "the source texts are not in this version's format";
        check("<!doctype html><html></html>".to_string(), format);
        check(String::new(), format);
        check(good.replace("sources 3", "sources 2"), format);
        check(
            with_params(&good_rows[..good_rows.len() - 1]),
            "the source texts lack a parameter",
        );
        let mut extra = good_rows.clone();
        extra.push(format!("more.param{FIELD}{FIELD}x"));
        check(
            with_params(&extra),
            "the source texts are for other parameters",
        );
        let mut swapped = good_rows.clone();
        swapped.swap(0, 1);
        check(
            with_params(&swapped),
            "the source texts are for other parameters",
        );
        let mut textless = good_rows.clone();
        textless[3] = PARAMS[3].key.to_string();
        check(with_params(&textless), "a source row has no text");
        let mut empty = good_rows.clone();
        empty[5] = format!("{}{FIELD}{FIELD} ", PARAMS[5].key);
        check(with_params(&empty), "a source text is empty");
        check(
            format!("{head}{}", parts[0]),
            "the source texts lack a part",
        );
        check(
            format!("{good}{PART}"),
            "the source texts are for other parameters",
        );
        assert!(Sources::parse(leak(with_params(&good_rows))).is_ok());
    }

    #[test]
    fn until_the_texts_are_here_there_is_none() {
        let spec = &PARAMS[0];
        let expected = (!spec.source.text.is_empty()).then_some(spec.source.text);
        assert_eq!(Loaded::Pending.text(spec), expected);
        assert_eq!(Loaded::Failed.text(spec), expected);
        assert_eq!(Loaded::Pending.url(spec), spec.source.url);
        assert_eq!(
            Loaded::Pending.project_url(&PROJECTS[0]),
            PROJECTS[0].source.url
        );
        assert_ne!(Loaded::Pending, Loaded::Failed);
    }
}
