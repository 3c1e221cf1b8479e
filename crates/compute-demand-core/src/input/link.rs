//! Share links: a scenario (and the view on it) as a URL fragment, compact and versioned.
//!
//! `v1&p=high&n=My%20case&s=10000&seed=1&training.frontier.growth=2..4&x=name:Campus,year:2028,mw:200`
//! `&c=training.frontier.growth,training.poolside.growth,0.8` (a correlation that differs from
//! the defaults; 0 removes a default pair)`&off=scaleway-dc5` (a project of the register left
//! out of the supply)`&pin=p%3Dlow` (the reference scenario of a comparison: its own parts,
//! escaped as one)`&embed=demand-supply` (the page shows that chart alone, to sit in an iframe)
//! `&lang=fr` (the page's language: `en` or `fr`; the app writes French only, English being its
//! default). `cc=uk` (the country pack, written first and only when it is not the first pack,
//! France: a link without it is France's, as every link written before packs were)
//!
//! Only what differs from the preset and from the defaults is written, so the baseline's link
//! is `#v1`. Numbers are written to at most [`SIGNIFICANT`] significant digits, and a scenario
//! read from a link is held to them ([`canonical`]): what a link reproduces is what was on
//! screen. A link is input from a stranger: decoding checks everything through
//! [`crate::input::validate`], keeps what is valid and reports each part it had to drop, twice:
//! precisely for a log ([`Decoded::problems`]) and as what a reader lost ([`Decoded::ignored`]).

use crate::data::{Capacity, Country, ParamId};
use crate::input::project::{FieldValue, ProjectField, ProjectFields};
use crate::input::scenario::{Sampling, Scenario};
use crate::input::validate::{self, limits, Checked, InputError};
use crate::metric::Metric;
use crate::terms::notation::{parse_notation, round_significant, write_number, Notation};
use crate::terms::ChartId;
use crate::terms::Dist;
use crate::terms::Lang;

pub const VERSION: &str = "v1";

/// Significant digits a link writes of a number (a value, a project's size, a correlation):
/// more than any box shows, few enough that a dragged slider's link stays short.
pub const SIGNIFICANT: usize = 6;

/// What a link carries: the scenario, optionally the year and metric on screen, the
/// scenario it is compared with, and the chart an embed shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub scenario: Scenario,
    pub year: Option<u16>,
    pub metric: Option<Metric>,
    /// The reference pinned for a comparison.
    pub pinned: Option<Box<Scenario>>,
    /// The chart shown alone, for an iframe.
    pub embed: Option<ChartId>,
    /// The page's language, when the link sets it.
    pub lang: Option<Lang>,
}

impl Link {
    pub fn of(scenario: Scenario) -> Link {
        Link {
            scenario,
            year: None,
            metric: None,
            pinned: None,
            embed: None,
            lang: None,
        }
    }
}

/// The fragment, without its leading `#`. Numbers are written as [`canonical`] holds them.
pub fn encode(link: &Link) -> String {
    let mut parts = vec![VERSION.to_string()];
    parts.extend(scenario_parts(&canonical(&link.scenario), link));
    if let Some(pinned) = &link.pinned {
        let inner = scenario_parts(&canonical(pinned), &Link::of(Scenario::default())).join("&");
        parts.push(format!("pin={}", escape(&inner, STRICT)));
    }
    if let Some(chart) = link.embed {
        parts.push(format!("embed={}", chart.key()));
    }
    if let Some(lang) = link.lang {
        parts.push(format!("lang={}", lang.code()));
    }
    parts.join("&")
}

/// `scenario` as its link carries it: every value that differs from the preset, every size of
/// a project of its own and every correlation that differs from the defaults, to
/// [`SIGNIFICANT`] digits. `decode(encode(s))` gives `canonical(s)`; the app holds its
/// scenario canonical, so the figures on screen are the ones its link reproduces.
pub fn canonical(scenario: &Scenario) -> Scenario {
    let round = |value: f64| round_significant(value, SIGNIFICANT);
    let mut out = scenario.clone();
    let moved: Vec<(ParamId, Dist)> = scenario.overrides().collect();
    for (id, value) in moved {
        out.set(
            id,
            match value {
                Dist::Point(v) => Dist::Point(round(v)),
                Dist::Range90 { low, high } => Dist::Range90 {
                    low: round(low),
                    high: round(high),
                },
                Dist::Uniform { low, high } => Dist::Uniform {
                    low: round(low),
                    high: round(high),
                },
            },
        );
    }
    for project in &mut out.projects {
        let capacity = &mut project.tranche.capacity;
        *capacity = match *capacity {
            Capacity::Mw(mw) => Capacity::Mw(round(mw)),
            Capacity::Gpus { count, gpu } => Capacity::Gpus {
                count: round(count),
                gpu,
            },
            Capacity::Eur { eur, scope } => Capacity::Eur {
                eur: round(eur),
                scope,
            },
        };
    }
    let defaults = crate::input::scenario::default_correlations(out.country);
    for pair in &mut out.correlations {
        let default = defaults.iter().find(|d| d.same_pair(pair));
        if default.is_none_or(|d| d.rho != pair.rho) {
            pair.rho = round(pair.rho);
        }
    }
    out
}

/// The language a fragment asks for, if it has a valid `lang=` part: what the page needs to
/// know before it decodes the rest (to fetch its French first).
pub fn lang_in(fragment: &str) -> Option<Lang> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut parts = fragment.split('&');
    if fragment.len() > limits::MAX_FRAGMENT_BYTES || parts.next() != Some(VERSION) {
        return None;
    }
    parts
        .filter_map(|part| part.strip_prefix("lang="))
        .next_back()
        .and_then(|code| language(code).ok())
}

/// A language by its code: `en` or `fr`.
fn language(code: &str) -> Checked<Lang> {
    match code {
        "en" => Ok(Lang::En),
        "fr" => Ok(Lang::Fr),
        other => Err(InputError::new(format!(
            "unknown language '{}'; the languages are en, fr",
            validate::printable(other)
        ))),
    }
}

/// The parts that say what differs in `scenario` from the defaults, and `view`'s year and metric.
fn scenario_parts(scenario: &Scenario, view: &Link) -> Vec<String> {
    let link = view;
    let mut parts = Vec::new();
    if scenario.country != crate::data::Country::first() {
        parts.push(format!("cc={}", scenario.country.code));
    }
    if scenario.preset.id != scenario.country.baseline().id {
        parts.push(format!("p={}", scenario.preset.id));
    }
    if !scenario.name.is_empty() {
        parts.push(format!("n={}", escape(&scenario.name, STRICT)));
    }
    let defaults = Sampling::default();
    if scenario.sampling.samples != defaults.samples {
        parts.push(format!("s={}", scenario.sampling.samples));
    }
    if scenario.sampling.seed != defaults.seed {
        parts.push(format!("seed={}", scenario.sampling.seed));
    }
    if let Some(year) = link.year {
        parts.push(format!("y={year}"));
    }
    if let Some(metric) = link.metric {
        parts.push(format!("m={}", metric.key()));
    }
    for (id, dist) in scenario.overrides() {
        let text = dist.notation().replace(", ", ",");
        parts.push(format!(
            "{}={}",
            scenario.country.param(id).key,
            escape(&text, LENIENT)
        ));
    }
    for project in &scenario.projects {
        let fields: Vec<String> = project
            .fields()
            .into_iter()
            .filter_map(|(field, value)| {
                let text = match value {
                    FieldValue::Text(text) => escape(&text, STRICT),
                    FieldValue::Number(number) => write_number(number),
                    // Dedicated is the default: only its absence is written.
                    FieldValue::Flag(true) => return None,
                    FieldValue::Flag(false) => "0".to_string(),
                };
                Some(format!("{}:{text}", field.key()))
            })
            .collect();
        parts.push(format!("x={}", fields.join(",")));
    }
    for pair in scenario.correlation_overrides() {
        parts.push(format!(
            "c={},{}",
            pair.pair_text(scenario.country),
            write_number(pair.rho)
        ));
    }
    for &index in &scenario.excluded_projects {
        parts.push(format!("off={}", scenario.country.projects[index].id));
    }
    parts
}

/// What decoding kept, and what it had to drop and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub link: Link,
    /// Each part dropped, precisely: what the command line prints.
    pub problems: Vec<InputError>,
    /// The same parts, one for one, as what the reader lost: what the page says.
    pub ignored: Vec<Ignored>,
}

impl Decoded {
    fn new() -> Decoded {
        Decoded {
            link: Link::of(Scenario::default()),
            problems: Vec::new(),
            ignored: Vec::new(),
        }
    }

    fn drop_part(&mut self, problem: InputError, ignored: Ignored) {
        self.problems.push(problem.at("link"));
        self.ignored.push(ignored);
    }

    /// Whether the whole link was refused (and the baseline given).
    pub fn refused_whole(&self) -> bool {
        self.ignored
            .iter()
            .any(|ignored| matches!(ignored, Ignored::TooLong(_) | Ignored::OtherVersion))
    }
}

/// What a link lost, in the reader's terms: a parameter rather than its key, the project by
/// its name, the year. The text a part held is kept as written (escapes read, cut, with
/// control and invisible characters escaped), for the page to echo or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// The whole link: its length in bytes, over [`limits::MAX_FRAGMENT_BYTES`].
    TooLong(usize),
    /// The whole link: from another version of the app, or damaged.
    OtherVersion,
    /// A part whose characters do not read: a broken `%` escape, or bytes that are not UTF-8.
    Unreadable,
    /// A part the app has no name for (its name), with the parameter it is nearest when it
    /// is written like a parameter's key.
    Unknown {
        name: String,
        near: Option<ParamId>,
    },
    /// Further parts with unknown names, counted.
    MoreUnknown(usize),
    /// A parameter this version no longer has.
    Removed,
    /// A parameter's value, as written, and why it was refused.
    Value {
        param: ParamId,
        text: String,
        why: Why,
    },
    /// The country pack asked for.
    Country(String),
    /// The preset asked for.
    Preset(String),
    /// The scenario's name.
    Name,
    Samples(String),
    Seed(String),
    Year(String),
    /// The figure the tornado explains.
    Figure(String),
    /// A project of the user's: its name (or the part, when it has none), and whether it was
    /// one over [`limits::MAX_CUSTOM_PROJECTS`].
    Project {
        name: String,
        too_many: bool,
    },
    /// A correlation, and its two parameters when they are known.
    Correlation(Option<(ParamId, ParamId)>),
    /// A project of the register to leave out.
    LeftOut(String),
    /// The scenario pinned for a comparison: unreadable, or too long to carry.
    Pinned {
        too_long: bool,
    },
    /// The chart an embed shows.
    Chart(String),
    /// The page's language.
    Lang(String),
}

/// Why a parameter's value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    NotANumber,
    /// Outside the parameter's bounds.
    OutOfRange,
    /// A range whose low end is above its high end.
    Inverted,
}

/// Decodes a fragment (with or without `#`). Never fails: a link that is unreadable as a
/// whole gives the baseline and one problem; a bad part is dropped with its own problem.
/// The scenarios it gives are [`canonical`].
pub fn decode(fragment: &str) -> Decoded {
    decode_within(fragment, Within::Link)
}

/// Where a fragment is read: a link, or the parts of its pinned scenario.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Within {
    Link,
    Pin,
}

/// A pinned scenario holds one scenario and no pin of its own.
const PIN_IN_PIN: &str = "it may only hold a scenario";

fn decode_within(fragment: &str, within: Within) -> Decoded {
    let mut decoded = Decoded::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return decoded;
    }
    if fragment.len() > limits::MAX_FRAGMENT_BYTES {
        let problem = InputError::new(format!(
            "the link is {} bytes long; links are at most {} bytes, so the baseline is shown",
            fragment.len(),
            limits::MAX_FRAGMENT_BYTES
        ));
        decoded.drop_part(problem, Ignored::TooLong(fragment.len()));
        return decoded;
    }
    let mut parts = fragment.split('&');
    match parts.next() {
        Some(VERSION) => {}
        Some(other) => {
            let problem = InputError::new(format!(
                "this link starts with '{}', not '{VERSION}': it is from another version or damaged, so the baseline is shown",
                validate::printable(other)
            ));
            decoded.drop_part(problem, Ignored::OtherVersion);
            return decoded;
        }
        None => return decoded,
    }

    // The country first, then the preset: the other parts apply on top of them.
    let parts: Vec<&str> = parts.filter(|part| !part.is_empty()).collect();
    for part in &parts {
        if let Some(code) = part.strip_prefix("cc=") {
            match unescape(code).and_then(|code| validate::country(&code)) {
                Ok(country) => decoded.link.scenario = Scenario::in_country(country),
                Err(e) => decoded.drop_part(e, ignored(part, false, Country::first())),
            }
        }
    }
    for part in &parts {
        if let Some(id) = part.strip_prefix("p=") {
            let country = decoded.link.scenario.country;
            match unescape(id).and_then(|id| validate::preset(country, &id)) {
                Ok(preset) => decoded.link.scenario.reset_to(preset),
                Err(e) => decoded.drop_part(e, ignored(part, false, country)),
            }
        }
    }
    // Suggestions ("did you mean") cost an edit distance against every key: only the first
    // few unknown keys get them, so that decoding stays linear in the link's length.
    let mut unknown = 0;
    for part in parts {
        if part.starts_with("p=") || part.starts_with("cc=") {
            continue;
        }
        if is_unknown_key(part, decoded.link.scenario.country) {
            unknown += 1;
            if unknown > SUGGESTED_UNKNOWN_KEYS {
                continue;
            }
        }
        if let Err(e) = apply(&mut decoded.link, part, within) {
            let too_many = decoded.link.scenario.projects.len() >= limits::MAX_CUSTOM_PROJECTS;
            let country = decoded.link.scenario.country;
            decoded.drop_part(e, ignored(part, too_many, country));
        }
    }
    if unknown > SUGGESTED_UNKNOWN_KEYS {
        let more = unknown - SUGGESTED_UNKNOWN_KEYS;
        let problem = InputError::new(format!(
            "and {more} more part{} with unknown names, dropped",
            if more == 1 { "" } else { "s" }
        ));
        decoded.drop_part(problem, Ignored::MoreUnknown(more));
    }
    finish(decoded)
}

/// The scenarios held to what their link writes, and a pinned one that takes the written link
/// over the cap dropped (two large scenarios, the pinned one escaped twice), and said: a link
/// must read back.
fn finish(mut decoded: Decoded) -> Decoded {
    let link = &mut decoded.link;
    link.scenario = canonical(&link.scenario);
    if let Some(pinned) = &mut link.pinned {
        **pinned = canonical(pinned);
    }
    if link.pinned.is_some() && encode(link).len() > limits::MAX_FRAGMENT_BYTES {
        link.pinned = None;
        decoded.drop_part(too_long_to_pin(), Ignored::Pinned { too_long: true });
    }
    debug_assert!(decoded.link.scenario.validate().is_ok());
    debug_assert_eq!(decoded.problems.len(), decoded.ignored.len());
    decoded
}

/// What the reader lost with a part that was refused (`too_many`: the scenario already had
/// as many projects of its own as it may), the parameters named in `country`'s keys.
fn ignored(part: &str, too_many: bool, country: &Country) -> Ignored {
    let Some((key, raw)) = part.split_once('=') else {
        return Ignored::Unknown {
            name: validate::printable(part),
            near: None,
        };
    };
    let Ok(value) = unescape(raw) else {
        return Ignored::Unreadable;
    };
    let text = validate::printable(&value);
    match key {
        "cc" => Ignored::Country(text),
        "p" => Ignored::Preset(text),
        "n" => Ignored::Name,
        "s" => Ignored::Samples(text),
        "seed" => Ignored::Seed(text),
        "y" => Ignored::Year(text),
        "m" => Ignored::Figure(text),
        "x" => {
            let named = raw.split(',').find_map(|field| field.strip_prefix("name:"));
            let name = named
                .and_then(|name| unescape(name).ok())
                .filter(|name| !name.trim().is_empty())
                .map_or(text, |name| validate::printable(name.trim()));
            let fits = project_fields(raw)
                .and_then(|fields| fields.check())
                .is_ok();
            Ignored::Project {
                name,
                too_many: fits && too_many,
            }
        }
        "c" => {
            let mut keys = value.split(',').map(|key| country.param_by_key(key));
            Ignored::Correlation(match (keys.next().flatten(), keys.next().flatten()) {
                (Some(a), Some(b)) => Some((a.id, b.id)),
                _ => None,
            })
        }
        "off" => Ignored::LeftOut(text),
        "pin" => Ignored::Pinned { too_long: false },
        "embed" => Ignored::Chart(text),
        "lang" => Ignored::Lang(text),
        key if crate::data::removed_param(key).is_some() => Ignored::Removed,
        key => match country.param_by_key(key) {
            Some(spec) => Ignored::Value {
                param: spec.id,
                why: why_refused(spec, &value),
                text,
            },
            None => Ignored::Unknown {
                name: unescape(key).map_or_else(
                    |_| validate::printable(key),
                    |key| validate::printable(&key),
                ),
                near: key
                    .contains('.')
                    .then(|| validate::nearest(key, country.params.iter().map(|p| p.key), 1))
                    .and_then(|near| near.first().copied())
                    .and_then(|near| country.param_by_key(near))
                    .map(|spec| spec.id),
            },
        },
    }
}

/// Why `text` is no value of `spec`.
fn why_refused(spec: &crate::data::ParamSpec, text: &str) -> Why {
    let inside = |v: f64| spec.min <= v && v <= spec.max;
    match parse_notation(text) {
        Err(_) => Why::NotANumber,
        Ok(Notation::Range90(low, high) | Notation::Uniform(low, high))
            if low > high && inside(low) && inside(high) =>
        {
            Why::Inverted
        }
        Ok(_) => Why::OutOfRange,
    }
}

/// The refusal of a pinned scenario that would take the link over its cap.
pub fn too_long_to_pin() -> InputError {
    InputError::new(format!(
        "the pinned scenario was dropped: with it the link would be over {} bytes",
        limits::MAX_FRAGMENT_BYTES
    ))
}

/// Unknown keys that get their own message with suggestions; the rest are counted.
pub const SUGGESTED_UNKNOWN_KEYS: usize = 5;

/// The link's own keys: the view, the scenario's settings, projects and correlations.
const LINK_KEYS: [&str; 13] = [
    "cc", "p", "n", "s", "seed", "y", "m", "x", "c", "off", "pin", "embed", "lang",
];

/// A part that names something unknown — a key, a metric, a project field or a parameter of a
/// correlation — and so would cost a search for suggestions.
fn is_unknown_key(part: &str, country: &Country) -> bool {
    let Some((key, value)) = part.split_once('=') else {
        return false;
    };
    let known_param = |key: &str| {
        country.param_by_key(key).is_some() || crate::data::removed_param(key).is_some()
    };
    match key {
        "m" => Metric::from_key(value).is_none(),
        "off" => !country.projects.iter().any(|project| project.id == value),
        "c" => value.split(',').take(2).any(|key| !known_param(key)),
        "x" => value.split(',').any(|pair| {
            pair.split_once(':')
                .is_some_and(|(name, _)| ProjectField::from_key(name).is_none())
        }),
        _ => !LINK_KEYS.contains(&key) && !known_param(key),
    }
}

fn apply(link: &mut Link, part: &str, within: Within) -> Checked<()> {
    let (key, raw) = part.split_once('=').ok_or_else(|| {
        InputError::new(format!("'{}' is not key=value", validate::printable(part)))
    })?;
    let value = unescape(raw)?;
    let scenario = &mut link.scenario;
    match key {
        "n" => scenario.name = validate::name(&value)?,
        "s" => scenario.sampling.samples = validate::samples(validate::number(&value)?)?,
        "seed" => scenario.sampling.seed = validate::seed(&value)?,
        "y" => link.year = Some(validate::year(validate::number(&value)?)?),
        "m" => link.metric = Some(validate::metric(&value)?),
        "x" => {
            let project = project_fields(raw)?.check()?;
            scenario.add_project(project)?;
        }
        "c" => {
            let (pair, rho) = value.rsplit_once(',').ok_or_else(|| {
                InputError::new(format!(
                    "correlation '{}' is not KEY1,KEY2,RHO",
                    validate::printable(&value)
                ))
            })?;
            scenario.set_correlation(validate::correlation_text(scenario.country, pair, rho)?)?;
        }
        "off" => scenario.include_project(validate::project(scenario.country, &value)?, false),
        // A pin inside a pin is refused unread: reading it would go one level deeper per
        // `pin=` (four bytes each), and a 64 KiB link of them overflowed the stack.
        "pin" if within == Within::Pin => return Err(InputError::new(PIN_IN_PIN)),
        "pin" => link.pinned = Some(Box::new(pinned(&value)?)),
        "embed" => link.embed = Some(ChartId::parse(&value)?),
        "lang" if within == Within::Pin => return Err(InputError::new(PIN_IN_PIN)),
        "lang" => link.lang = Some(language(&value)?),
        key => scenario.set_text(key, &value)?,
    }
    Ok(())
}

/// The pinned scenario, from its parts: all of them read, or the pin refused whole, so that a
/// comparison never stands against a reference other than the one that was pinned.
fn pinned(parts: &str) -> Checked<Scenario> {
    let decoded = decode_within(&format!("{VERSION}&{parts}"), Within::Pin);
    let refusal = |problem: &InputError| {
        InputError::new(format!(
            "the pinned scenario was dropped: {}",
            problem.message
        ))
    };
    if let Some(problem) = decoded.problems.first() {
        return Err(refusal(problem));
    }
    let link = decoded.link;
    if link.year.is_some() || link.metric.is_some() || link.embed.is_some() || link.lang.is_some() {
        return Err(InputError::new(format!(
            "the pinned scenario was dropped: {PIN_IN_PIN}"
        )));
    }
    Ok(link.scenario)
}

fn project_fields(raw: &str) -> Checked<ProjectFields> {
    let mut fields = ProjectFields::default();
    for pair in raw.split(',') {
        let (name, raw_value) = pair.split_once(':').ok_or_else(|| {
            InputError::new(format!(
                "project field '{}' is not name:value",
                validate::printable(pair)
            ))
        })?;
        fields.set_text(name, &unescape(raw_value)?)?;
    }
    Ok(fields)
}

/// Characters written as they are: RFC 3986 unreserved only (names, project fields).
const STRICT: &str = "-._~";
/// Also the parentheses and comma of `uniform(a,b)`, legal in a fragment.
const LENIENT: &str = "-._~(),";

fn escape(text: &str, keep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let c = byte as char;
        if c.is_ascii_alphanumeric() || keep.contains(c) {
            out.push(c);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

fn unescape(text: &str) -> Checked<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| InputError::new("a '%' is not followed by two hex digits"))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| InputError::new("the link holds bytes that are not UTF-8 text"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::arbitrary;
    use crate::terms::notation::round_significant;
    use proptest::prelude::*;

    /// Significant digits of a number as written: `0.000123` → 3, `1234500` → 5, `1.5e-7` → 2.
    fn significant_digits(number: &str) -> usize {
        let mantissa = number.split(['e', 'E']).next().unwrap_or("");
        let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').trim_end_matches('0').len()
    }

    /// Every number a link writes of values, project sizes and correlations (not the names,
    /// the sample count, the seed or the year).
    fn numbers_in(fragment: &str) -> Vec<String> {
        let mut out = Vec::new();
        for part in fragment.split('&') {
            let Some((key, value)) = part.split_once('=') else {
                continue;
            };
            let value = match key {
                "cc" | "p" | "n" | "s" | "seed" | "y" | "m" | "off" | "embed" | "lang" => continue,
                "pin" => {
                    out.extend(numbers_in(&unescape(value).unwrap()));
                    continue;
                }
                "x" => value
                    .split(',')
                    .filter(|field| {
                        ["mw:", "gpus:", "eur:"]
                            .iter()
                            .any(|f| field.starts_with(f))
                    })
                    .map(|field| field.split_once(':').unwrap().1.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
                "c" => value.rsplit(',').next().unwrap().to_string(),
                _ => value.to_string(),
            };
            let mut number = String::new();
            for c in value.chars().chain([' ']) {
                let exponent_sign = matches!(c, '-' | '+') && number.ends_with(['e', 'E']);
                let exponent = matches!(c, 'e' | 'E') && !number.is_empty();
                let point = c == '.' && !number.ends_with('.');
                if c.is_ascii_digit() || point || exponent_sign || exponent {
                    number.push(c);
                } else {
                    if number.ends_with('.') {
                        number.pop();
                    }
                    if number.chars().any(|c| c.is_ascii_digit()) {
                        out.push(std::mem::take(&mut number));
                    }
                    number.clear();
                    if c == '-' {
                        number.push(c);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn numbers_round_to_six_significant_digits() {
        // (value, rounded)
        let table = [
            (1.3174603174603174, 1.31746),
            (0.5, 0.5),
            (999_999.5, 1_000_000.0),
            (9.999_995, 10.0),
            (-2.000_004_9, -2.0),
            (123_456_789.0, 123_457_000.0),
            (1.234_565e-300, 1.23457e-300),
            (f64::MAX, 1.79769e308),
            (5e-324, 5e-324),
            (0.0, 0.0),
            (20_240_513.0, 20_240_500.0),
        ];
        for (value, rounded) in table {
            let got = round_significant(value, SIGNIFICANT);
            assert_eq!(got, rounded, "{value:e}");
            assert_eq!(round_significant(got, SIGNIFICANT), got, "idempotent");
        }
        assert!(round_significant(f64::NAN, 6).is_nan());
        // The test's own reader of a link's numbers.
        let fragment = "v1&n=A1234567&s=20000&k=1.234567..-2e-7&u=uniform(0.5,1e9)&x=name:B7654321,year:2028,mw:1234567&c=a,b,-0.25";
        assert_eq!(
            numbers_in(fragment),
            ["1.234567", "-2e-7", "0.5", "1e9", "1234567", "-0.25"]
        );
        assert_eq!(
            ["1.234567", "-2e-7", "1234500", "0.000123", "1.31746"].map(significant_digits),
            [7, 1, 5, 3, 6]
        );
    }

    #[test]
    fn a_dragged_value_travels_with_the_digits_shown() {
        let pue = crate::data::param_by_key("facility.pue").unwrap();
        let mut scenario = Scenario::default();
        scenario.set(pue.id, Dist::Point(1.3174603174603174));
        let fragment = encode(&Link::of(scenario.clone()));
        assert_eq!(fragment, "v1&facility.pue=1.31746");
        let decoded = decode(&fragment);
        assert_eq!(decoded.link.scenario.value(pue.id), Dist::Point(1.31746));
        assert_eq!(decoded.link.scenario, canonical(&scenario));
        // A 17-digit link reads as its rounded self, so the CLI and the page agree.
        let long = decode("v1&facility.pue=1.3174603174603174");
        assert_eq!(long.link, decoded.link);
        assert!(long.problems.is_empty());
    }

    #[test]
    fn bounds_keep_rounded_values_inside() {
        // A rounded value stays inside its parameter's bounds when they need six digits or
        // fewer, as every one does.
        for spec in &crate::PARAMS {
            for bound in [spec.min, spec.max] {
                assert_eq!(round_significant(bound, SIGNIFICANT), bound, "{}", spec.key);
            }
        }
    }

    #[test]
    fn languages_travel_and_unknown_ones_are_said() {
        let decoded = decode("v1&p=high&lang=fr");
        assert_eq!(decoded.link.lang, Some(Lang::Fr));
        assert!(decoded.problems.is_empty());
        assert_eq!(encode(&decoded.link), "v1&p=high&lang=fr");
        assert_eq!(decode("v1&lang=en").link.lang, Some(Lang::En));
        assert_eq!(lang_in("#v1&p=low&lang=fr"), Some(Lang::Fr));
        assert_eq!(lang_in("v9&lang=fr"), None);
        assert_eq!(lang_in("v1&lang=xx"), None);
        let unknown = decode("v1&p=high&lang=xx");
        assert_eq!(unknown.link.scenario.preset.id, "high", "the rest is kept");
        assert_eq!(unknown.ignored, [Ignored::Lang("xx".into())]);
        assert_eq!(
            unknown.problems[0].to_string(),
            "link: unknown language 'xx'; the languages are en, fr"
        );
        let pinned = decode("v1&pin=p%3Dlow%26lang%3Dfr");
        assert_eq!(pinned.link.pinned, None);
        assert_eq!(pinned.ignored, [Ignored::Pinned { too_long: false }]);
    }

    #[test]
    fn the_country_travels_and_an_unknown_one_is_said() {
        let france = decode("v1&cc=fr&p=high");
        assert!(france.problems.is_empty());
        assert_eq!(france.link.scenario.country.code, "fr");
        assert_eq!(france.link.scenario.preset.id, "high");
        // France is the pack of a link without cc=, as of every link written before packs.
        assert_eq!(encode(&france.link), "v1&p=high");
        assert_eq!(decode("v1&cc=FR").link.scenario.country.code, "fr");
        let unknown = decode("v1&p=low&cc=zz");
        assert_eq!(unknown.link.scenario.preset.id, "low", "the rest is kept");
        assert_eq!(unknown.ignored, [Ignored::Country("zz".into())]);
        assert_eq!(
            unknown.problems[0].to_string(),
            "link: no country pack 'zz'; the countries are fr (France), uk (United Kingdom)"
        );
        // ISO's code for the United Kingdom, pointed to the pack's.
        assert_eq!(
            decode("v1&cc=GB").problems[0].to_string(),
            "link: no country pack 'GB'; did you mean 'uk'? the countries are fr (France), uk (United Kingdom)"
        );
    }

    /// A pack's links speak its own keys: the UK's `training.deepmind.uk_share` fills the
    /// engine's `training.poolside.france_share`; a UK link written with the engine's key
    /// (before the pack had its own) still reads, and is written back in the UK's words; a key
    /// is refused, with the UK's nearest, where France's would be.
    #[test]
    fn a_pack_s_links_speak_its_keys() {
        let uk = crate::data::country_by_code("uk").unwrap();
        let engine = crate::data::key::TRAINING_POOLSIDE_FRANCE_SHARE;
        assert_eq!(uk.param(engine).key, "training.deepmind.uk_share");
        let check = |fragment: &str| {
            let decoded = decode(fragment);
            assert!(
                decoded.problems.is_empty(),
                "{fragment}: {:?}",
                decoded.problems
            );
            assert_eq!(
                decoded.link.scenario.value(engine),
                Dist::Point(0.02),
                "{fragment}"
            );
            assert_eq!(
                encode(&decoded.link),
                "v1&cc=uk&training.deepmind.uk_share=0.02",
                "{fragment}"
            );
        };
        check("v1&cc=uk&training.deepmind.uk_share=0.02");
        check("v1&cc=uk&training.poolside.france_share=0.02");
        // France has no such key.
        let france = decode("v1&training.deepmind.uk_share=0.02");
        assert_eq!(france.problems.len(), 1);
        // A mistyped UK key gets the UK's nearest.
        let typo = decode("v1&cc=uk&training.deepmind.uk_shares=0.02");
        assert_eq!(
            typo.ignored,
            [Ignored::Unknown {
                name: "training.deepmind.uk_shares".into(),
                near: Some(engine)
            }]
        );
        // Correlations too.
        let pair = decode("v1&cc=uk&c=training.deepmind.uk_share,training.deepmind.growth,0.3");
        assert!(pair.problems.is_empty(), "{:?}", pair.problems);
        assert!(
            encode(&pair.link)
                .ends_with("&c=training.deepmind.growth,training.deepmind.uk_share,0.3"),
            "{}",
            encode(&pair.link)
        );
    }

    #[test]
    fn what_was_ignored_is_named_in_the_readers_terms() {
        let pue = crate::data::param_by_key("facility.pue").unwrap().id;
        let growth = crate::data::param_by_key("training.frontier.growth")
            .unwrap()
            .id;
        let unknown = |name: &str, near: Option<ParamId>| Ignored::Unknown {
            name: name.into(),
            near,
        };
        let table: Vec<(&str, Vec<Ignored>)> = vec![
            (
                "v1&x=1",
                vec![Ignored::Project {
                    name: "1".into(),
                    too_many: false,
                }],
            ),
            (
                "v1&x=name:Foo,year:2099,mw:50",
                vec![Ignored::Project {
                    name: "Foo".into(),
                    too_many: false,
                }],
            ),
            (
                "v1&facility.pue=abc",
                vec![Ignored::Value {
                    param: pue,
                    text: "abc".into(),
                    why: Why::NotANumber,
                }],
            ),
            (
                "v1&facility.pue=0.5",
                vec![Ignored::Value {
                    param: pue,
                    text: "0.5".into(),
                    why: Why::OutOfRange,
                }],
            ),
            (
                "v1&training.frontier.growth=5..2",
                vec![Ignored::Value {
                    param: growth,
                    text: "5..2".into(),
                    why: Why::Inverted,
                }],
            ),
            ("v1&bogus=1", vec![unknown("bogus", None)]),
            ("v1&novalue", vec![unknown("novalue", None)]),
            (
                "v1&training.frontier.growh=2",
                vec![unknown("training.frontier.growh", Some(growth))],
            ),
            ("v1&supply.weight_financed=0.5", vec![Ignored::Removed]),
            ("v1&p=nope", vec![Ignored::Preset("nope".into())]),
            ("v1&cc=zz&p=high", vec![Ignored::Country("zz".into())]),
            ("v1&y=1999", vec![Ignored::Year("1999".into())]),
            ("v1&s=0", vec![Ignored::Samples("0".into())]),
            ("v1&seed=x", vec![Ignored::Seed("x".into())]),
            ("v1&m=watts", vec![Ignored::Figure("watts".into())]),
            ("v1&n=%ZZ", vec![Ignored::Unreadable]),
            ("v1&n=a%0Ab", vec![Ignored::Name]),
            ("v1&off=nowhere", vec![Ignored::LeftOut("nowhere".into())]),
            ("v1&embed=map", vec![Ignored::Chart("map".into())]),
            (
                "v1&c=facility.pue,facility.pue,0.5",
                vec![Ignored::Correlation(Some((pue, pue)))],
            ),
            ("v1&c=what", vec![Ignored::Correlation(None)]),
            ("v9&p=high", vec![Ignored::OtherVersion]),
        ];
        for (fragment, expected) in table {
            let decoded = decode(fragment);
            assert_eq!(decoded.ignored, expected, "{fragment}");
            assert_eq!(decoded.problems.len(), decoded.ignored.len(), "{fragment}");
        }
        let long = format!("v1&n={}", "a".repeat(limits::MAX_FRAGMENT_BYTES));
        assert!(decode(&long).refused_whole());
        assert!(!decode("v1&bogus=1").refused_whole());
        let many: String = (0..40).map(|i| format!("&k{i}=1")).collect();
        let decoded = decode(&format!("v1{many}"));
        assert_eq!(decoded.ignored.last(), Some(&Ignored::MoreUnknown(35)));
        let projects: String = (0..=limits::MAX_CUSTOM_PROJECTS)
            .map(|i| format!("&x=name:P{i},year:2028,mw:5"))
            .collect();
        let decoded = decode(&format!("v1{projects}"));
        assert_eq!(
            decoded.ignored,
            [Ignored::Project {
                name: "P32".into(),
                too_many: true
            }]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any scenario: its link writes at most six significant digits per number and reads
        /// back, without a problem, as the scenario rounded to them.
        #[test]
        fn links_round_trip_after_rounding(bytes in proptest::collection::vec(any::<u8>(), 0..400), pinned in any::<bool>()) {
            let scenario = arbitrary::scenario(&bytes);
            let link = Link {
                pinned: pinned.then(|| Box::new(arbitrary::scenario(&bytes[bytes.len() / 2..]))),
                ..Link::of(scenario.clone())
            };
            let fragment = encode(&link);
            for number in numbers_in(&fragment) {
                prop_assert!(significant_digits(&number) <= SIGNIFICANT, "{number} in {fragment}");
            }
            let decoded = decode(&fragment);
            prop_assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
            prop_assert!(decoded.link.scenario == canonical(&scenario));
            prop_assert!(canonical(&decoded.link.scenario) == decoded.link.scenario, "canonical is a fixed point");
            if decoded.link.pinned.is_some() {
                prop_assert!(decoded.link.pinned.as_deref() == link.pinned.as_deref().map(canonical).as_ref());
            }
            prop_assert_eq!(encode(&decoded.link), fragment);
        }

        /// Decoding any text holds it to the link's digits.
        #[test]
        fn decoded_scenarios_are_canonical(fragment in "v1(&(facility\\.pue|training\\.frontier\\.growth|x|c)=[-0-9a-z.,:e()]{0,24}){0,6}") {
            let decoded = decode(&fragment);
            prop_assert!(canonical(&decoded.link.scenario) == decoded.link.scenario);
            prop_assert_eq!(decoded.problems.len(), decoded.ignored.len());
        }
    }
}
