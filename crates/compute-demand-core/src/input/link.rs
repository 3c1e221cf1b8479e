//! Share links: a scenario (and the view on it) as a URL fragment, compact and versioned.
//!
//! `v1&p=high&n=My%20case&s=10000&seed=1&training.frontier.growth=2..4&x=name:Campus,year:2028,mw:200`
//! `&c=training.frontier.growth,training.poolside.growth,0.8` (a correlation that differs from
//! the defaults; 0 removes a default pair)`&off=scaleway-dc5` (a project of the register left
//! out of the supply)`&pin=p%3Dlow` (the reference scenario of a comparison: its own parts,
//! escaped as one)`&embed=demand-supply` (the page shows that chart alone, to sit in an iframe)
//!
//! Only what differs from the preset and from the defaults is written, so the baseline's link
//! is `#v1`. A link is input from a stranger: decoding checks everything through
//! [`crate::input::validate`], keeps what is valid and reports each part it had to drop.

use crate::data::PARAMS;
use crate::input::notation::write_number;
use crate::input::project::{FieldValue, ProjectField, ProjectFields};
use crate::input::scenario::{Sampling, Scenario};
use crate::input::validate::{self, limits, Checked, InputError};
use crate::metric::Metric;
use crate::output::chart::ChartId;

pub const VERSION: &str = "v1";

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
}

impl Link {
    pub fn of(scenario: Scenario) -> Link {
        Link {
            scenario,
            year: None,
            metric: None,
            pinned: None,
            embed: None,
        }
    }
}

/// The fragment, without its leading `#`.
pub fn encode(link: &Link) -> String {
    let mut parts = vec![VERSION.to_string()];
    parts.extend(scenario_parts(&link.scenario, link));
    if let Some(pinned) = &link.pinned {
        let inner = scenario_parts(pinned, &Link::of(Scenario::default())).join("&");
        parts.push(format!("pin={}", escape(&inner, STRICT)));
    }
    if let Some(chart) = link.embed {
        parts.push(format!("embed={}", chart.key()));
    }
    parts.join("&")
}

/// The parts that say what differs in `scenario` from the defaults, and `view`'s year and metric.
fn scenario_parts(scenario: &Scenario, view: &Link) -> Vec<String> {
    let link = view;
    let mut parts = Vec::new();
    if scenario.preset.id != crate::PRESETS[0].id {
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
            PARAMS[id.index()].key,
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
        parts.push(format!("c={},{}", pair.pair_text(), write_number(pair.rho)));
    }
    for &index in &scenario.excluded_projects {
        parts.push(format!("off={}", crate::PROJECTS[index].id));
    }
    parts
}

/// What decoding kept, and what it had to drop and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub link: Link,
    pub problems: Vec<InputError>,
}

/// Decodes a fragment (with or without `#`). Never fails: a link that is unreadable as a
/// whole gives the baseline and one problem; a bad part is dropped with its own problem.
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
    let mut link = Link::of(Scenario::default());
    let mut problems = Vec::new();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Decoded { link, problems };
    }
    if fragment.len() > limits::MAX_FRAGMENT_BYTES {
        problems.push(
            InputError::new(format!(
                "the link is {} bytes long; links are at most {} bytes, so the baseline is shown",
                fragment.len(),
                limits::MAX_FRAGMENT_BYTES
            ))
            .at("link"),
        );
        return Decoded { link, problems };
    }
    let mut parts = fragment.split('&');
    match parts.next() {
        Some(VERSION) => {}
        Some(other) => {
            problems.push(InputError::new(format!(
                "this link starts with '{}', not '{VERSION}': it is from another version or damaged, so the baseline is shown",
                validate::printable(other)
            )).at("link"));
            return Decoded { link, problems };
        }
        None => return Decoded { link, problems },
    }

    // The preset first: the other parts apply on top of it.
    let parts: Vec<&str> = parts.filter(|part| !part.is_empty()).collect();
    for part in &parts {
        if let Some(id) = part.strip_prefix("p=") {
            match unescape(id).and_then(|id| validate::preset(&id)) {
                Ok(preset) => link.scenario.reset_to(preset),
                Err(e) => problems.push(e.at("link")),
            }
        }
    }
    // Suggestions ("did you mean") cost an edit distance against every key: only the first
    // few unknown keys get them, so that decoding stays linear in the link's length.
    let mut unknown = 0;
    for part in parts {
        if part.starts_with("p=") {
            continue;
        }
        if is_unknown_key(part) {
            unknown += 1;
            if unknown > SUGGESTED_UNKNOWN_KEYS {
                continue;
            }
        }
        if let Err(e) = apply(&mut link, part, within) {
            problems.push(e.at("link"));
        }
    }
    if unknown > SUGGESTED_UNKNOWN_KEYS {
        let more = unknown - SUGGESTED_UNKNOWN_KEYS;
        problems.push(
            InputError::new(format!(
                "and {more} more part{} with unknown names, dropped",
                if more == 1 { "" } else { "s" }
            ))
            .at("link"),
        );
    }
    // A link must read back: a pinned scenario that takes the written link over the cap
    // (two large scenarios, the pinned one escaped twice) is dropped, and said.
    if link.pinned.is_some() && encode(&link).len() > limits::MAX_FRAGMENT_BYTES {
        link.pinned = None;
        problems.push(too_long_to_pin().at("link"));
    }
    debug_assert!(link.scenario.validate().is_ok());
    Decoded { link, problems }
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
const LINK_KEYS: [&str; 11] = [
    "p", "n", "s", "seed", "y", "m", "x", "c", "off", "pin", "embed",
];

/// A part that names something unknown — a key, a metric, a project field or a parameter of a
/// correlation — and so would cost a search for suggestions.
fn is_unknown_key(part: &str) -> bool {
    let Some((key, value)) = part.split_once('=') else {
        return false;
    };
    let known_param = |key: &str| {
        crate::data::param_by_key(key).is_some() || crate::data::removed_param(key).is_some()
    };
    match key {
        "m" => Metric::from_key(value).is_none(),
        "off" => !crate::PROJECTS.iter().any(|project| project.id == value),
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
            scenario.set_correlation(validate::correlation_text(pair, rho)?)?;
        }
        "off" => scenario.include_project(validate::project(&value)?, false),
        // A pin inside a pin is refused unread: reading it would go one level deeper per
        // `pin=` (four bytes each), and a 64 KiB link of them overflowed the stack.
        "pin" if within == Within::Pin => return Err(InputError::new(PIN_IN_PIN)),
        "pin" => link.pinned = Some(Box::new(pinned(&value)?)),
        "embed" => link.embed = Some(ChartId::parse(&value)?),
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
    if link.year.is_some() || link.metric.is_some() || link.embed.is_some() {
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
