//! The texts the app shows but does not need for its first render, out of the WebAssembly
//! bundle: the parameters' sources (text and address), the register projects' sites and
//! addresses, the default correlations' rationales and sources (the core's `param-sources`
//! feature is off there, so its tables hold them empty), an explained figure's steps in words,
//! and the published forecasts the demand chart sets beside its bands (`data/countries/fr/outside.toml`,
//! France's in the model's years, already in MW: the bundle carries no forecast table). xtask writes them into a file beside the bundle
//! (`sources-….txt`, named in the page by `<meta name="compute-demand:sources">`); the app
//! fetches it once, after its first render and when the browser is idle, in either language
//! (`hooks::use_link_sync`, `browser::load_sources`), and hands it down to the parameters'
//! controls, the explain panel, the correlations and the register (a prop: its arrival draws
//! them again). Until it arrives, and if it cannot be had, a parameter's source shows its
//! entry on the methodology page. The texts are in English in both languages.

use compute_demand_core::data::{pack_holding, Country, DefaultCorrelation, Project, COUNTRIES};
use compute_demand_core::input::decimal::parse_decimal;
use compute_demand_core::model::explain::StepId;
use compute_demand_core::{ParamSpec, FIRST_YEAR, LAST_YEAR};

/// What the file starts with: its format's version.
const HEADER: &str = "compute-demand sources 5\n";
/// The explain part's last row: the two notes under a chain (a median's, a chance's).
const NOTES: &str = "notes";
/// Between the file's parts: the countries' codes; per country (in that order) the
/// parameters', the projects', the correlations' and the published forecasts'; then the
/// explained steps'. A build reads the countries it holds and passes over the others (the
/// bundle may hold fewer packs than xtask, which writes the file).
const PART: char = '\u{1d}';
const ROW: char = '\u{1e}';
const FIELD: char = '\u{1f}';

/// A row of the file: a key (a parameter's, a project's id, a correlation's pair) and two
/// texts, either of which may be empty.
pub type Row<'a> = (&'a str, &'a str, &'a str);

/// One country's fetched texts, each part in its table's order: per parameter its source's
/// address and text, per project its source's address and its site, per default correlation
/// its source and rationale; and the forecasts its demand chart draws.
#[derive(Debug, PartialEq)]
struct PackSources {
    params: Vec<(&'static str, &'static str)>,
    projects: Vec<(&'static str, &'static str)>,
    correlations: Vec<(&'static str, &'static str)>,
    forecasts: Vec<Forecast>,
}

/// The fetched texts: every country's (`COUNTRIES` order), and the explained steps'.
#[derive(Debug, PartialEq)]
pub struct Sources {
    packs: Vec<PackSources>,
    /// Per step (`StepId::ALL` order) its name and formula, then the notes, in English.
    steps: Vec<(&'static str, &'static str)>,
}

/// One country's rows for the file: its parameters', projects' and correlations'.
pub type PackRows<'a> = [Vec<Row<'a>>; 3];

/// A published forecast as the demand chart draws it: where, as a marker, and what it says
/// (written when the site is built, `components::charts::drawn_forecasts`).
#[derive(Clone, Debug, PartialEq)]
pub struct Forecast {
    pub id: &'static str,
    /// The year it refers to, one the chart covers.
    pub year: u16,
    /// In MW, with the published range's ends when there is one.
    pub mw: (f64, Option<(f64, f64)>),
    /// An energy a year drawn as the average load that uses it; else a capacity.
    pub average: bool,
    /// Where the figure was read.
    pub url: &'static str,
    /// What it is, in English and in French: who, when, the figure, its perimeter.
    pub label: (&'static str, &'static str),
}

impl Forecast {
    /// Its row: id, year, MW and its range's ends (empty when none), kind, address, and its
    /// label in English and in French.
    fn row(&self) -> String {
        let (low, high) = self.mw.1.map_or((String::new(), String::new()), |(l, h)| {
            (l.to_string(), h.to_string())
        });
        let kind = if self.average { "average" } else { "capacity" };
        let fields = [
            self.id,
            &self.year.to_string(),
            &self.mw.0.to_string(),
            &low,
            &high,
            kind,
            self.url,
            self.label.0,
            self.label.1,
        ];
        fields.join(&FIELD.to_string())
    }

    /// Reads a row [`Forecast::row`] wrote; none if a field is not what it should be.
    fn read(row: &'static str) -> Option<Forecast> {
        let mut fields = row.split(FIELD);
        let mut next = || fields.next().filter(|field| !field.is_empty());
        let positive = |text: &str| parse_decimal(text).filter(|v| v.is_finite() && *v > 0.0);
        let id = next()?;
        let year: u16 = next()?.parse().ok()?;
        let mw = positive(next()?)?;
        let range = match (next(), next()) {
            (None, None) => None,
            (low, high) => Some((positive(low?)?, positive(high?)?)),
        };
        let average = match next()? {
            "average" => true,
            "capacity" => false,
            _ => return None,
        };
        let forecast = Forecast {
            id,
            year,
            mw: (mw, range),
            average,
            url: next()?,
            label: (next()?, next()?),
        };
        let whole = next().is_none() && (FIRST_YEAR..=LAST_YEAR).contains(&year);
        whole.then_some(forecast)
    }

    pub fn label(&self, lang: compute_demand_core::output::format::Lang) -> &'static str {
        match lang {
            compute_demand_core::output::format::Lang::En => self.label.0,
            compute_demand_core::output::format::Lang::Fr => self.label.1,
        }
    }
}

/// A part of the file, read against the keys it must hold in order. `needed` is the field
/// that may not be empty (0 or 1), if any.
fn part<'k>(
    text: &'static str,
    keys: impl Iterator<Item = &'k str>,
    needed: Option<usize>,
) -> Result<Vec<(&'static str, &'static str)>, &'static str> {
    let mut rows = text.split(ROW);
    let mut read = Vec::new();
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
    /// The file xtask writes: the header, then per country (`COUNTRIES` order) its
    /// parameters' rows (key, address, text), projects' (id, address, site), correlations'
    /// (pair, source, rationale) and forecasts', each part in its table's order, between
    /// separator characters no text holds; then the explained steps' (key, name, formula;
    /// the notes last).
    pub fn file(packs: &[(PackRows, &[Forecast])]) -> String {
        let part = |rows: &[Row]| {
            let rows: Vec<String> = rows
                .iter()
                .map(|(key, a, b)| format!("{key}{FIELD}{a}{FIELD}{b}"))
                .collect();
            rows.join(&ROW.to_string())
        };
        let codes: Vec<&str> = COUNTRIES.iter().take(packs.len()).map(|c| c.code).collect();
        let mut parts = vec![codes.join(&ROW.to_string())];
        for ([params, projects, correlations], forecasts) in packs {
            parts.extend([part(params), part(projects), part(correlations)]);
            let forecasts: Vec<String> = forecasts.iter().map(Forecast::row).collect();
            parts.push(forecasts.join(&ROW.to_string()));
        }
        parts.push(part(&Sources::step_rows()));
        format!("{HEADER}{}", parts.join(&PART.to_string()))
    }

    /// The explained steps' rows, in English (`step_english`), the notes last.
    fn step_rows() -> Vec<Row<'static>> {
        let (median, share) = EXPLAIN_NOTES;
        StepId::ALL
            .iter()
            .map(|&step| {
                let (name, formula) = step_english(step);
                (step.key(), name, formula)
            })
            .chain([(NOTES, median, share)])
            .collect()
    }

    /// The file of this build: the texts as the core has them (xtask builds the core with
    /// `param-sources`; without it they are empty and the file is refused), and each
    /// country's `forecasts` (`COUNTRIES` order; none past their end).
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub fn written(forecasts: &[Vec<Forecast>]) -> String {
        let pairs: Vec<Vec<String>> = COUNTRIES
            .iter()
            .map(|c| c.correlations.iter().map(|d| d.pair.pair_text(c)).collect())
            .collect();
        let packs: Vec<(PackRows, &[Forecast])> = COUNTRIES
            .iter()
            .zip(&pairs)
            .enumerate()
            .map(|(i, (country, pairs))| {
                let params = country.params.iter();
                let params = params.map(|p| (p.key, p.source.url.unwrap_or(""), p.source.text));
                let projects = country.projects.iter();
                let projects = projects.map(|p| (p.id, p.source.url.unwrap_or(""), p.site));
                let correlations = country.correlations.iter().zip(pairs);
                let correlations =
                    correlations.map(|(d, pair)| (pair.as_str(), d.source, d.rationale));
                let rows = [params.collect(), projects.collect(), correlations.collect()];
                (rows, forecasts.get(i).map_or(&[][..], Vec::as_slice))
            })
            .collect();
        Sources::file(&packs)
    }

    /// A file for tests: every row's key, `url` as every address and `text(key)` as every
    /// text (the tests may run without the core's texts), and one forecast per country.
    pub fn made_up(url: &str, text: impl Fn(&str) -> String) -> String {
        let forecast = [Forecast {
            id: "a-forecast",
            year: FIRST_YEAR,
            mw: (1_000.0, Some((800.0, 1_200.0))),
            average: true,
            url: "https://example.org/forecast",
            label: ("A forecast.", "Une prévision."),
        }];
        // Per country: (key, text) per parameter, (pair, rationale) per correlation.
        type Texts<'k> = (Vec<(&'k str, String)>, Vec<(String, String)>);
        let texts: Vec<Texts> = COUNTRIES
            .iter()
            .map(|c| {
                let params = c.params.iter().map(|p| (p.key, text(p.key))).collect();
                let pairs = c.correlations.iter().map(|d| d.pair.pair_text(c));
                (
                    params,
                    pairs
                        .map(|k| {
                            let t = text(&k);
                            (k, t)
                        })
                        .collect(),
                )
            })
            .collect();
        let packs: Vec<(PackRows, &[Forecast])> = COUNTRIES
            .iter()
            .zip(&texts)
            .map(|(c, (params, pairs))| {
                let rows = [
                    params.iter().map(|(k, t)| (*k, url, t.as_str())).collect(),
                    c.projects.iter().map(|p| (p.id, url, "A site.")).collect(),
                    pairs
                        .iter()
                        .map(|(k, t)| (k.as_str(), "A source.", t.as_str()))
                        .collect(),
                ];
                (rows, &forecast[..])
            })
            .collect();
        Sources::file(&packs)
    }

    /// Reads a file that [`Sources::file`] wrote for this build's tables. Anything else
    /// (another version, another build's parameters or countries, a page the server sent
    /// instead) is refused whole: the page then shows the methodology's links.
    pub fn parse(file: &'static str) -> Result<Sources, &'static str> {
        let body = file
            .strip_prefix(HEADER)
            .ok_or("the source texts are not in this version's format")?;
        let mut parts = body.split(PART);
        let mut next = || parts.next().ok_or("the source texts lack a part");
        let codes = next()?;
        let mut found: Vec<(&'static str, PackSources)> = Vec::new();
        for code in codes.split(ROW) {
            let Some(country) = COUNTRIES.iter().find(|c| c.code == code) else {
                // A pack this build does not hold: its four parts are passed over.
                for _ in 0..4 {
                    next()?;
                }
                continue;
            };
            let params = part(next()?, country.params.iter().map(|p| p.key), Some(1))?;
            let projects = part(next()?, country.projects.iter().map(|p| p.id), Some(1))?;
            let pairs: Vec<String> = country
                .correlations
                .iter()
                .map(|d| d.pair.pair_text(country))
                .collect();
            let correlations = part(next()?, pairs.iter().map(String::as_str), Some(1))?;
            let forecasts = next()?
                .split(ROW)
                .filter(|row| !row.is_empty())
                .map(Forecast::read)
                .collect::<Option<Vec<_>>>()
                .ok_or("a published forecast cannot be read")?;
            found.push((
                country.code,
                PackSources {
                    params,
                    projects,
                    correlations,
                    forecasts,
                },
            ));
        }
        let mut packs = Vec::new();
        for country in &COUNTRIES {
            let at = found.iter().position(|(code, _)| *code == country.code);
            let at = at.ok_or("the source texts lack a country")?;
            packs.push(found.swap_remove(at).1);
        }
        let steps = part(next()?, StepId::keys().chain([NOTES]), Some(1))?;
        if parts.next().is_some() {
            return Err("the source texts are for other parameters");
        }
        Ok(Sources { packs, steps })
    }

    /// A step's name and formula, in English.
    pub fn step(&self, step: StepId) -> Option<(&'static str, &'static str)> {
        self.steps.get(step as usize).copied()
    }

    /// The notes under a chain, in English: a median's, and a chance's.
    pub fn explain_notes(&self) -> Option<(&'static str, &'static str)> {
        self.steps.get(StepId::COUNT).copied()
    }

    /// `country`'s published forecasts, as its demand chart draws them.
    pub fn forecasts(&self, country: &Country) -> &[Forecast] {
        let at = COUNTRIES.iter().position(|c| c == country);
        at.and_then(|at| self.packs.get(at))
            .map_or(&[], |p| &p.forecasts)
    }

    /// The texts of the country whose table holds `row` (`table` picks the table), with the
    /// row's place in it.
    fn pack_of<T: 'static>(
        &self,
        table: impl Fn(&'static Country) -> &'static [T],
        row: &T,
    ) -> Option<(&PackSources, usize)> {
        let (country, at) = pack_holding(table, row)?;
        let pack = COUNTRIES.iter().position(|c| c == country)?;
        Some((self.packs.get(pack)?, at))
    }

    /// `spec`'s source text.
    pub fn text(&self, spec: &ParamSpec) -> &'static str {
        let found = self.pack_of(|c| &c.params[..], spec);
        found
            .and_then(|(pack, at)| pack.params.get(at))
            .map_or("", |p| p.1)
    }

    /// `spec`'s source's address, when it has one.
    pub fn url(&self, spec: &ParamSpec) -> Option<&'static str> {
        let (pack, at) = self.pack_of(|c| &c.params[..], spec)?;
        pack.params
            .get(at)
            .map(|p| p.0)
            .filter(|url| !url.is_empty())
    }

    /// The address of `project`'s source (a register project), when it has one.
    pub fn project_url(&self, project: &Project) -> Option<&'static str> {
        let (pack, at) = self.pack_of(|c| c.projects, project)?;
        pack.projects
            .get(at)
            .map(|p| p.0)
            .filter(|url| !url.is_empty())
    }

    /// Where `project` (a register project) is.
    pub fn project_site(&self, project: &Project) -> &'static str {
        let found = self.pack_of(|c| c.projects, project);
        found
            .and_then(|(pack, at)| pack.projects.get(at))
            .map_or("", |p| p.1)
    }

    /// A default correlation's source and rationale.
    pub fn correlation(
        &self,
        default: &DefaultCorrelation,
    ) -> Option<(&'static str, &'static str)> {
        let (pack, at) = self.pack_of(|c| c.correlations, default)?;
        pack.correlations.get(at).copied()
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

    /// A step's name and formula in English, once here.
    pub fn step(self, step: StepId) -> Option<(&'static str, &'static str)> {
        self.ready()?.step(step)
    }

    /// The notes under a chain in English (a median's, a chance's), once here.
    pub fn explain_notes(self) -> Option<(&'static str, &'static str)> {
        self.ready()?.explain_notes()
    }

    /// The published forecasts `country`'s demand chart draws: none until here.
    pub fn forecasts(self, country: &Country) -> &'static [Forecast] {
        self.ready()
            .map_or(&[], |sources| sources.forecasts(country))
    }

    /// A default correlation's source and rationale: the core's own, else the fetched ones.
    pub fn correlation(self, default: &DefaultCorrelation) -> Option<(&'static str, &'static str)> {
        if !default.rationale.is_empty() {
            return Some((default.source, default.rationale));
        }
        self.ready().and_then(|s| s.correlation(default))
    }
}

/// A step of an explained figure in English: its name, and its formula in words. The app
/// fetches them with the source texts; `i18n::step_words` puts them in the page's language.
pub fn step_english(step: StepId) -> (&'static str, &'static str) {
    match step {
        StepId::Flop => ("Compute demanded in {country}", "each segment's base FLOP (runs × 6 × parameters × tokens, GPU-hours, or users × tokens × 2 × parameters) × its growth since 2024 × its share sited in {country}"),
        StepId::Owned => ("Own clusters in service", "the GPUs of the {adjective} labs' and research's own sites in {country}, in service this year, in H100-equivalents"),
        StepId::Floor => ("Own clusters used beyond the estimate", "own clusters × the share held for the {adjective} ecosystem, less what the segments that run on them already count, when positive"),
        StepId::H100e => ("H100-equivalents", "FLOP per year ÷ (what an H100 does in a year: its peak × utilisation × seconds, and for training the share of hours its GPUs are busy), plus the own clusters' use beyond the estimate"),
        StepId::Gpus => ("Physical GPUs of the year's fleet", "H100-equivalents ÷ the speed of that year's fleet mix relative to an H100 (faster for the share served at 8 bits)"),
        StepId::ItPower => ("IT power", "GPUs × each GPU's power with its server share (TDP × server overhead) × average load"),
        StepId::FacilityPower => ("Facility power", "IT power × PUE"),
        StepId::Energy => ("Energy", "power × 8,760 hours"),
        StepId::Cost => ("Cost per year", "GPU capex ÷ its depreciation years + facility capex per MW of IT peak ÷ its years + energy × electricity price"),
        StepId::Co2 => ("CO2", "energy × the grid's carbon intensity"),
        StepId::CloudRental => ("The same in cloud rental", "H100-equivalents × 8,760 hours × the hourly price × the euro rate"),
        StepId::EuAiAdded => ("AI load added in the EU since 2024", "the EU's AI data-centre electricity in 2024 × (its growth since 2024 − 1), as average power"),
        StepId::ForeignPower => ("Demand from abroad", "the EU's added AI load × the share sited in {country} for users outside the {adjective} ecosystem"),
        StepId::Nameplate => ("Nameplate announced by then", "the peak site power of every tranche counted, announced for this year or before"),
        StepId::Expected => ("Expected AI power once built", "nameplate × average load × the odds of being built × the AI share of general-purpose sites (and, for a pledge that mixes its data centres with other spending, their share of it)"),
        StepId::SupplyPower => ("In service this year", "each tranche from its announced year plus its status's delay"),
        StepId::SupplyH100e => ("Supply in H100-equivalents", "power in service ÷ the average power of one GPU of the year's fleet × its speed relative to an H100"),
        StepId::OnSites => ("Demand on {adjective} sites", "the {adjective} ecosystem's facility power + the demand from abroad"),
        StepId::Coverage => ("Coverage", "supply in service ÷ demand on {adjective} sites"),
        StepId::Exceeds => ("Demand exceeds supply", "1 when the demand on {adjective} sites is above the supply in service, else 0"),
    }
}

/// The notes under an explained chain, in English: why the chain at median assumptions is
/// not the figure above (a median's), and what a chance is (a share of the draws).
pub const EXPLAIN_NOTES: (&str, &str) = (
    "This chain puts every assumption at its median and gives {at_medians}. The figure above, {drawn}, is the median of {samples} draws in which every assumption varies at once. They differ because the model multiplies uncertain quantities: the median of a product is not the product of the medians, and the wide, right-skewed ranges (growth, users, runs) move the draws' median away from it.",
    "At every assumption's median this chain gives {at_medians}: 1 if demand exceeds supply, else 0. The figure above, {drawn}, is the share of the {samples} draws, in which every assumption varies at once, where it does.",
);

#[cfg(test)]
mod tests {
    use super::*;
    use compute_demand_core::{PARAMS, PROJECTS};

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
        // Every country's rows are its own: each finds its text by its table.
        for country in &COUNTRIES {
            reads_back(sources, loaded, country);
        }
        for step in StepId::ALL {
            assert_eq!(sources.step(step), Some(step_english(step)));
        }
        assert_eq!(sources.explain_notes(), Some(EXPLAIN_NOTES));
    }

    fn reads_back(sources: &Sources, loaded: Loaded, country: &'static Country) {
        for spec in country.params {
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
        for project in country.projects {
            assert_eq!(sources.project_url(project), Some(URL));
            assert_eq!(sources.project_site(project), "A site.");
            assert_eq!(
                loaded.project_url(project),
                project.source.url.or(Some(URL))
            );
        }
        let forecasts = loaded.forecasts(country);
        assert_eq!(forecasts.len(), 1);
        assert_eq!(forecasts[0].mw, (1_000.0, Some((800.0, 1_200.0))));
        assert_eq!(forecasts[0].label, ("A forecast.", "Une prévision."));
        assert_eq!(Loaded::Pending.forecasts(country), &[]);
        for default in country.correlations {
            let rationale = text_of(&default.pair.pair_text(country));
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
        let file = leak(Sources::written(&[]));
        let (params, projects, correlations) = (
            COUNTRIES.iter().flat_map(|c| c.params.iter()),
            COUNTRIES.iter().flat_map(|c| c.projects.iter()),
            COUNTRIES.iter().flat_map(|c| c.correlations.iter()),
        );
        match Sources::parse(file) {
            Ok(sources) => {
                for spec in params {
                    assert_eq!(sources.text(spec), spec.source.text);
                    assert_eq!(sources.url(spec), spec.source.url);
                }
                for project in projects {
                    assert_eq!(sources.project_url(project), project.source.url);
                    assert_eq!(sources.project_site(project), project.site);
                }
                for d in correlations {
                    assert_eq!(sources.correlation(d), Some((d.source, d.rationale)));
                }
            }
            // Without `param-sources` (the bundle's core) every text is empty.
            Err(problem) => {
                assert_eq!(problem, "a source text is empty");
                let mut params = params;
                assert!(params.all(|p| p.source.text.is_empty() && p.source.url.is_none()));
                let mut projects = projects;
                assert!(projects.all(|p| p.source.url.is_none() && p.site.is_empty()));
                let mut correlations = correlations;
                assert!(correlations.all(|d| d.rationale.is_empty()));
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
        // parts[0] is the countries' codes, parts[1] the first country's parameters.
        let rows: Vec<&str> = parts[1].split(ROW).collect();
        let with_params = |rows: &[String]| {
            let rest = parts[2..].join(&PART.to_string());
            format!(
                "{head}{}{PART}{}{PART}{rest}",
                parts[0],
                rows.join(&ROW.to_string())
            )
        };
        let good_rows: Vec<String> = rows.iter().map(|r| r.to_string()).collect();
        let format = "the source texts are not in this version's format";
        check("<!doctype html><html></html>".to_string(), format);
        check(String::new(), format);
        check(good.replace("sources 5", "sources 4"), format);
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
        // A pack this build does not hold is passed over; one it holds may not be missing.
        let unknown = format!(
            "{head}{}{ROW}zz{PART}{}",
            parts[0],
            parts[1..].join(&PART.to_string())
        );
        let unknown = unknown.replacen(
            &format!("{PART}{}", parts[parts.len() - 1]),
            &format!("{PART}{PART}{PART}{PART}{PART}{}", parts[parts.len() - 1]),
            1,
        );
        assert!(Sources::parse(leak(unknown)).is_ok());
        let renamed = format!(
            "{head}{}{PART}{}",
            parts[0].replacen("fr", "zz", 1),
            parts[1..].join(&PART.to_string())
        );
        check(renamed, "the source texts lack a country");
        let unreadable = "a published forecast cannot be read";
        check(
            good.replace("\u{1f}average\u{1f}https", "\u{1f}sometimes\u{1f}https"),
            unreadable,
        );
        check(good.replace("1000\u{1f}800", "-1000\u{1f}800"), unreadable);
        check(good.replace("Une prévision.", ""), unreadable);
        check(
            good.replace("Une prévision.", "Une prévision.\u{1f}more"),
            unreadable,
        );
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
