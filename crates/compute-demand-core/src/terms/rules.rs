//! The data rules: what a parameter value, a status, a capex scope or a supply tranche may be.
//! The validation layer (`input::validate`) applies them to what users type; build.rs applies
//! the same functions to the rows of `data/*.toml`, so the shipped data can never hold what a
//! link or a file would be refused for.
//!
//! build.rs includes this file verbatim (`#[path]`, after `keyed.rs` and `notation.rs`), so it
//! depends on nothing but `core` and its two sibling files. Errors are plain text; each caller
//! adds the place.

use super::notation::{printable, Notation, Written};

keyed! {
    /// How far along a supply tranche is.
    pub enum Status {
        Built = "built",
        Financed = "financed",
        Announced = "announced",
    }
}

keyed! {
    /// What an investment in euros buys.
    pub enum CapexScope {
        /// GPUs, servers, network and the facility.
        AllIn = "all_in",
        /// Building, power and cooling only.
        Facility = "facility",
    }
}

keyed! {
    /// The control groups of the app and the sections of `compute-demand params`.
    pub enum ParamGroup {
        Training = "training",
        Inference = "inference",
        Foreign = "foreign",
        Hardware = "hardware",
        Facility = "facility",
        Supply = "supply",
    }
}

keyed! {
    /// What stands behind a parameter's default.
    pub enum Evidence {
        /// A figure quoted from a source.
        Published = "published",
        /// Arithmetic from published figures, shown in the methodology.
        Derived = "derived",
        /// No published anchor: the authors' judgement, with a wide range.
        Judgement = "judgement",
    }
}

keyed! {
    /// Who a supply project's capacity is owned by or contracted to, when that is the French
    /// ecosystem: its use is then a floor on French demand (`demand.committed.in_use_share`).
    pub enum Commitment {
        /// French AI labs' own sites (Mistral Compute, Les Ulis).
        Labs = "labs",
        /// French public research machines (Jean Zay, Alice Recoque).
        Research = "research",
    }
}

keyed! {
    /// Who a supply project serves, as its operator describes it (the register's column; demand
    /// from abroad is estimated on the demand side, not from this).
    pub enum Customers {
        /// French users: research centres, French clouds, the French labs' own sites.
        Domestic = "domestic",
        /// Hyperscalers' regions, serving customers everywhere.
        Hyperscale = "hyperscale",
        /// GPU clouds built for labs, mostly foreign.
        Neocloud = "neocloud",
        /// Colocation: space and power let to whoever rents it.
        Colocation = "colocation",
    }
}

/// One of the keyed enums, by key, or a message listing the keys.
fn keyed_value<T: Copy>(
    what: &str,
    text: &str,
    find: fn(&str) -> Option<T>,
    keys: impl Iterator<Item = &'static str>,
) -> Result<T, String> {
    find(text.trim()).ok_or_else(|| {
        let keys: Vec<&str> = keys.collect();
        format!(
            "unknown {what} '{}'; it is one of {}",
            printable(text.trim()),
            keys.join(", ")
        )
    })
}

pub fn evidence(text: &str) -> Result<Evidence, String> {
    keyed_value("evidence", text, Evidence::from_key, Evidence::keys())
}

pub fn commitment(text: &str) -> Result<Commitment, String> {
    keyed_value("commitment", text, Commitment::from_key, Commitment::keys())
}

/// The part of its announced year that passes before a tranche enters service.
pub fn start_of_service(start: f64) -> Result<f64, String> {
    if start.is_finite() && (0.0..1.0).contains(&start) {
        Ok(start)
    } else {
        Err(format!(
            "start must be at least 0 and below 1 (a share of the year), not {}",
            Written(start)
        ))
    }
}

pub fn customers(text: &str) -> Result<Customers, String> {
    keyed_value("customers", text, Customers::from_key, Customers::keys())
}

/// The first and last year a supply tranche may come online: the register keeps what is
/// announced beyond the model's horizon; it adds nothing by 2030.
pub const REGISTER_YEARS: (u16, u16) = (2024, 2035);

pub fn register_year(year: u16) -> Result<u16, String> {
    let (first, last) = REGISTER_YEARS;
    if (first..=last).contains(&year) {
        Ok(year)
    } else {
        Err(format!("tranche year {year} is outside {first}–{last}"))
    }
}

pub fn status(text: &str) -> Result<Status, String> {
    Status::from_key(text.trim()).ok_or_else(|| {
        format!(
            "unknown status '{}'; a project is built, financed or announced",
            printable(text.trim())
        )
    })
}

pub fn capex_scope(text: &str) -> Result<CapexScope, String> {
    CapexScope::from_key(text.trim()).ok_or_else(|| {
        format!(
            "unknown scope '{}'; euros buy 'all_in' (GPUs and facility) or 'facility'",
            printable(text.trim())
        )
    })
}

pub fn param_group(text: &str) -> Result<ParamGroup, String> {
    ParamGroup::from_key(text).ok_or_else(|| {
        let groups: Vec<&str> = ParamGroup::keys().collect();
        format!(
            "unknown group '{}'; the groups are {}",
            printable(text),
            groups.join(", ")
        )
    })
}

/// A parameter's bounds and unit, as `data/countries/fr/params.toml` states them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds<'a> {
    pub min: f64,
    pub max: f64,
    pub unit: &'a str,
}

/// One number of a parameter value: finite and inside the bounds.
pub fn in_bounds(value: f64, bounds: Bounds) -> Result<f64, String> {
    let takes = || {
        format!(
            "it takes {}..{} ({})",
            Written(bounds.min),
            Written(bounds.max),
            bounds.unit
        )
    };
    if !value.is_finite() {
        return Err(format!("{} is not a finite number", Written(value)));
    }
    if value < 0.0 && bounds.min >= 0.0 {
        return Err(format!("{} is negative; {}", Written(value), takes()));
    }
    if value < bounds.min || value > bounds.max {
        return Err(format!("{} is out of range; {}", Written(value), takes()));
    }
    Ok(value)
}

/// A written value checked against a parameter's bounds: every number inside them, and a
/// range's low bound not above its high bound.
pub fn param_value(notation: Notation, bounds: Bounds) -> Result<Notation, String> {
    match notation {
        Notation::Point(value) => Ok(Notation::Point(in_bounds(value, bounds)?)),
        Notation::Range90(low, high) | Notation::Uniform(low, high) => {
            let (low, high) = (in_bounds(low, bounds)?, in_bounds(high, bounds)?);
            if low > high {
                let written = match notation {
                    Notation::Uniform(..) => {
                        format!("uniform({}, {})", Written(low), Written(high))
                    }
                    _ => format!("{}..{}", Written(low), Written(high)),
                };
                return Err(format!(
                    "range {written} has its low bound above its high bound"
                ));
            }
            Ok(match notation {
                Notation::Uniform(..) => Notation::Uniform(low, high),
                _ => Notation::Range90(low, high),
            })
        }
    }
}

/// A parameter's own definition: finite bounds in order and a positive slider step.
pub fn param_bounds(min: f64, max: f64, step: f64) -> Result<(), String> {
    if !(min.is_finite() && max.is_finite() && min < max) {
        return Err(format!(
            "bounds {}..{} need finite min < max",
            Written(min),
            Written(max)
        ));
    }
    if !(step.is_finite() && step > 0.0) {
        return Err(format!("step {} must be above 0", Written(step)));
    }
    Ok(())
}

/// Parameter keys: lowercase letters, digits, '.' and '_'.
pub fn param_key_shape(key: &str) -> Result<(), String> {
    let valid = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "key '{}' may use lowercase letters, digits, '.' and '_' only",
            printable(key)
        ))
    }
}

/// A quantity above zero and at most `max`.
pub fn positive_at_most(what: &str, value: f64, max: f64) -> Result<f64, String> {
    if value.is_finite() && value > 0.0 && value <= max {
        Ok(value)
    } else {
        Err(format!(
            "{what} must be above 0 and at most {}, not {}",
            Written(max),
            Written(value)
        ))
    }
}

/// Which one of a tranche's capacity fields is given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CapacityGiven {
    Mw(f64),
    Gpus(f64),
    Eur(f64),
}

/// A tranche gives exactly one of mw, gpus or eur.
pub fn one_capacity(
    mw: Option<f64>,
    gpus: Option<f64>,
    eur: Option<f64>,
) -> Result<CapacityGiven, String> {
    match (mw, gpus, eur) {
        (Some(mw), None, None) => Ok(CapacityGiven::Mw(mw)),
        (None, Some(count), None) => Ok(CapacityGiven::Gpus(count)),
        (None, None, Some(eur)) => Ok(CapacityGiven::Eur(eur)),
        _ => Err("a project tranche needs exactly one of mw, gpus or eur".to_string()),
    }
}

/// A source: non-empty text, and an address that is http(s) when there is one.
pub fn source(text: &str, url: Option<&str>) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err("the source is empty".to_string());
    }
    match url {
        Some(url) if !url.starts_with("https://") && !url.starts_with("http://") => Err(format!(
            "url '{}' is not an http(s) address",
            printable(url)
        )),
        _ => Ok(()),
    }
}

/// What each evidence class must show (docs/methodology.md §6.1): a published value its
/// source's figure as stated; a derived one its arithmetic; a judgement says so first.
pub fn evidence_backing(
    evidence: Evidence,
    source: &str,
    quote: Option<&str>,
) -> Result<(), String> {
    let says = source.split(':').next().unwrap_or_default().trim();
    let has_digit = |text: &str| text.bytes().any(|b| b.is_ascii_digit());
    match (evidence, quote) {
        (Evidence::Published, None) => {
            Err("a published value needs `quote`: the figure as its source states it".to_string())
        }
        (Evidence::Published, Some(quote)) if !has_digit(quote) => {
            Err("a published value's quote states a figure".to_string())
        }
        (Evidence::Published, Some(_)) if says == "judgement" || says == "derived" => Err(format!(
            "a published value's source does not start with '{says}:'"
        )),
        (Evidence::Published, Some(_)) => Ok(()),
        (_, Some(_)) => Err("only a published value carries a quote".to_string()),
        (Evidence::Derived, None) => {
            let arithmetic = ['÷', '×', '='].iter().any(|&op| source.contains(op));
            if says != "derived" || !arithmetic || !has_digit(source) {
                Err("a derived value's source starts with 'derived:' and shows its arithmetic (×, ÷ or =)".to_string())
            } else {
                Ok(())
            }
        }
        (Evidence::Judgement, None) => {
            if says == "judgement" {
                Ok(())
            } else {
                Err(
                    "a judgement's source starts with 'judgement:' and says why the range"
                        .to_string(),
                )
            }
        }
    }
}

/// A correlation between two parameters: two different ones, rho in [-1, 1].
pub fn correlation(same_parameter: bool, rho: f64) -> Result<f64, String> {
    if same_parameter {
        return Err("a correlation pairs two different parameters".to_string());
    }
    if !(rho.is_finite() && (-1.0..=1.0).contains(&rho)) {
        return Err(format!("correlation {} is outside -1..1", Written(rho)));
    }
    Ok(rho)
}

keyed! {
    /// Where a published forecast counts (a pack's `outside.toml`).
    pub enum Region {
        /// The pack's own country.
        Country = "country",
        /// The EU-27 or wider Europe: the forecast's perimeter text says which.
        Europe = "europe",
    }
}

keyed! {
    /// What a published forecast counts.
    pub enum Perimeter {
        /// Every data centre on the territory, AI or not.
        AllDc = "all-dc",
        /// Consumption-based: the territory's data centres and those abroad for French use.
        AllDcConsumption = "all-dc-consumption",
        /// Colocation operators only.
        Colocation = "colocation",
        /// AI data centres or AI load only.
        AiOnly = "ai-only",
        /// Grid capacity reserved.
        GridReserved = "grid-reserved",
        /// Connection requests.
        GridRequested = "grid-requested",
    }
}

keyed! {
    /// How a published forecast sits beside the model's AI demand on French sites.
    pub enum Comparable {
        /// It holds more than the model counts (every data centre, every use): the model's
        /// figure should sit below it.
        Ceiling = "ceiling",
        /// AI only, on the same territory.
        LikeForLike = "like-for-like",
        /// Requests or reservations: to set beside supply, not demand.
        NotDemand = "not-demand",
    }
}

keyed! {
    /// Where a published forecast was read.
    pub enum Seen {
        /// At the publisher.
        Source = "source",
        /// In a text quoting it (press, aggregator, redistribution).
        Secondary = "secondary",
        /// Looked for and not found in any text.
        NotFound = "not-found",
    }
}

keyed! {
    /// The unit of a published forecast's figure.
    pub enum ForecastUnit {
        /// Energy per year.
        Twh = "TWh",
        /// Power or capacity.
        Gw = "GW",
        Mw = "MW",
    }
}

pub fn region(text: &str) -> Result<Region, String> {
    keyed_value("region", text, Region::from_key, Region::keys())
}

pub fn perimeter(text: &str) -> Result<Perimeter, String> {
    keyed_value("perimeter", text, Perimeter::from_key, Perimeter::keys())
}

pub fn comparable(text: &str) -> Result<Comparable, String> {
    keyed_value("comparable", text, Comparable::from_key, Comparable::keys())
}

pub fn seen(text: &str) -> Result<Seen, String> {
    keyed_value("seen", text, Seen::from_key, Seen::keys())
}

pub fn forecast_unit(text: &str) -> Result<ForecastUnit, String> {
    keyed_value("unit", text, ForecastUnit::from_key, ForecastUnit::keys())
}

/// The years a published forecast may refer to.
pub const OUTSIDE_YEARS: (u16, u16) = (2022, 2060);

pub fn forecast_year(year: i64) -> Result<u16, String> {
    let (first, last) = OUTSIDE_YEARS;
    if (i64::from(first)..=i64::from(last)).contains(&year) {
        Ok(year as u16)
    } else {
        Err(format!("year {year} is outside {first}–{last}"))
    }
}

/// An id of the data's lists: lowercase letters and digits, in words joined by single hyphens.
pub fn kebab_id(id: &str) -> Result<(), String> {
    let words_ok = id.split('-').all(|word| {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if words_ok {
        Ok(())
    } else {
        Err(format!(
            "id '{}' is not kebab-case (lowercase letters and digits joined by single hyphens)",
            printable(id)
        ))
    }
}

/// A published figure and the range its source gives around it: finite and above zero, the
/// range's two ends given together, low ≤ value ≤ high.
pub fn forecast_figures(value: f64, low: Option<f64>, high: Option<f64>) -> Result<(), String> {
    for number in [Some(value), low, high].into_iter().flatten() {
        if !(number.is_finite() && number > 0.0) {
            return Err(format!("{} must be a number above 0", Written(number)));
        }
    }
    match (low, high) {
        (None, None) => Ok(()),
        (Some(low), Some(high)) if low <= value && value <= high => Ok(()),
        (Some(low), Some(high)) => Err(format!(
            "the value {} is not inside its range {}–{} (low ≤ value ≤ high)",
            Written(value),
            Written(low),
            Written(high)
        )),
        _ => Err("a range gives both low and high, or neither".to_string()),
    }
}

/// The address a reader follows to a published figure: https.
pub fn https_url(url: &str) -> Result<(), String> {
    let host = url.strip_prefix("https://").unwrap_or_default();
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(format!("url '{}' is not an https address", printable(url)))
    } else {
        Ok(())
    }
}

/// A publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn publication_date(text: &str) -> Result<(), String> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        part.len() == digits
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| range.contains(&n))
    };
    let valid = match parts.as_slice() {
        [year] => number(year, 4, 2000..=2099),
        [year, month] => number(year, 4, 2000..=2099) && number(month, 2, 1..=12),
        [year, month, day] => {
            number(year, 4, 2000..=2099) && number(month, 2, 1..=12) && number(day, 2, 1..=31)
        }
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(format!(
            "published '{}' is not YYYY, YYYY-MM or YYYY-MM-DD",
            printable(text)
        ))
    }
}

/// One row of `data/countries/fr/outside.toml` as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForecastRow<'a> {
    pub id: &'a str,
    pub region: &'a str,
    pub publisher: &'a str,
    pub title: &'a str,
    pub published: &'a str,
    pub year: i64,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: &'a str,
    pub perimeter: &'a str,
    pub perimeter_text: &'a str,
    pub comparable: &'a str,
    pub url: &'a str,
    pub seen: &'a str,
    pub note: &'a str,
}

/// A row's keyed fields, read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForecastKinds {
    pub region: Region,
    pub year: u16,
    pub unit: ForecastUnit,
    pub perimeter: Perimeter,
    pub comparable: Comparable,
    pub seen: Seen,
}

/// A published forecast: a kebab-case id, known keys, a year 2022–2060, low ≤ value ≤ high,
/// an https address, a publication date, and no empty text. (Ids unique: build.rs.)
pub fn outside_forecast(row: &ForecastRow) -> Result<ForecastKinds, String> {
    kebab_id(row.id)?;
    for (field, text) in [
        ("publisher", row.publisher),
        ("title", row.title),
        ("perimeter_text", row.perimeter_text),
        ("note", row.note),
    ] {
        if text.trim().is_empty() {
            return Err(format!("empty {field}"));
        }
    }
    let kinds = ForecastKinds {
        region: region(row.region)?,
        year: forecast_year(row.year)?,
        unit: forecast_unit(row.unit)?,
        perimeter: perimeter(row.perimeter)?,
        comparable: comparable(row.comparable)?,
        seen: seen(row.seen)?,
    };
    forecast_figures(row.value, row.low, row.high)?;
    https_url(row.url)?;
    publication_date(row.published)?;
    Ok(kinds)
}
