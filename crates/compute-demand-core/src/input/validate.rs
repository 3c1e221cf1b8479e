//! The one validation layer. Every value that comes from outside — CLI flags, scenario files,
//! share links, stored state — passes through here, so all edges refuse the same things with
//! the same words: unknown names (with the nearest valid ones), values outside a parameter's
//! bounds, NaN and infinities, negative quantities, inverted ranges, and inputs over the size
//! caps that keep a tab or a terminal responsive.

use crate::data::{gpu_index, CapexScope, Country, ParamSpec, Preset, Status};
pub use crate::terms::notation::printable;
use crate::terms::notation::{parse_notation, parse_number, Notation, Written};
use crate::terms::rules;
use crate::terms::{ChartId, Dist};
use crate::{FIRST_YEAR, GPUS, LAST_YEAR};
use std::fmt;

/// Caps on input sizes.
pub mod limits {
    /// Monte Carlo samples per run (memory grows linearly: ≈1.2 KB per sample).
    pub const MAX_SAMPLES: usize = 100_000;
    /// Share-link fragment, bytes: room for the largest scenario the other caps allow
    /// (32 projects with 120-character names, each character up to 12 bytes escaped).
    pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;
    /// Scenario file, bytes.
    pub const MAX_FILE_BYTES: usize = 64 * 1024;
    /// Correlated pairs a scenario may set.
    pub const MAX_CORRELATIONS: usize = 64;
    /// Projects a scenario may add to the built-in ones.
    pub const MAX_CUSTOM_PROJECTS: usize = 32;
    /// Scenario and project names, characters.
    pub const MAX_NAME_CHARS: usize = 120;
    /// One custom project: site power, MW (100 GW).
    pub const MAX_PROJECT_MW: f64 = 100_000.0;
    /// One custom project: GPUs.
    pub const MAX_PROJECT_GPUS: f64 = 10_000_000.0;
    /// One custom project: euros (€1 trillion).
    pub const MAX_PROJECT_EUR: f64 = 1e12;
}

/// A refusal: what was wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// Where: a flag, `scenario.toml:12`, `link`, `stored scenario`… Empty when obvious.
    pub place: String,
    pub message: String,
}

impl InputError {
    pub fn new(message: impl Into<String>) -> InputError {
        InputError {
            place: String::new(),
            message: message.into(),
        }
    }

    /// Names the place, outermost first: `scenario.toml:12: training.frontier.growth: …`.
    pub fn at(mut self, place: impl Into<String>) -> InputError {
        let place = place.into();
        self.place = if self.place.is_empty() {
            place
        } else {
            format!("{place}: {}", self.place)
        };
        self
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.place, self.message)
        }
    }
}

impl std::error::Error for InputError {}

pub type Checked<T> = Result<T, InputError>;

/// Reading a chart's key is a validation: `ChartId` is on the ground floor, its refusal here.
impl ChartId {
    /// A chart by its key, or a refusal that lists the charts.
    pub fn parse(key: &str) -> Checked<ChartId> {
        ChartId::from_key(key).ok_or_else(|| {
            InputError::new(format!(
                "unknown chart '{}'; the charts are {}",
                printable(key),
                ChartId::keys().collect::<Vec<_>>().join(", ")
            ))
        })
    }
}

/// A scenario file over [`limits::MAX_FILE_BYTES`]: the one message every reader gives.
/// `bytes` is its size when known; a reader that stops at the cap says "over".
pub fn file_too_large(bytes: Option<u64>) -> InputError {
    let size = match bytes {
        Some(bytes) => format!("{bytes} bytes"),
        None => format!("over {} bytes", limits::MAX_FILE_BYTES),
    };
    InputError::new(format!(
        "the file is {size}; scenario files are at most {} bytes",
        limits::MAX_FILE_BYTES
    ))
}

/// An unknown name prepared for comparison with every valid one (all ASCII): the bit vectors
/// of Myers' bit-parallel edit distance (Hyyrö's formulation), one machine word operation per
/// byte of a valid name. Characters outside ASCII match no byte of a valid name, so they all
/// stand as one symbol, 0xFF, which gives the same distance as comparing characters. (No
/// edit-distance crate: this is smaller in the WebAssembly bundle and several times faster.)
struct Pattern {
    /// Characters in the pattern (at most 64, see [`SUGGESTION_CHARS`]).
    chars: usize,
    /// Bit i of `masks[c]` is set when character i of the pattern is byte c.
    masks: Box<[u64; 256]>,
}

impl Pattern {
    fn new(text: &str) -> Pattern {
        let mut masks = Box::new([0u64; 256]);
        let mut chars = 0;
        for (i, c) in text.chars().take(64).enumerate() {
            let byte = if c.is_ascii() { c as u8 } else { 0xFF };
            masks[usize::from(byte)] |= 1 << i;
            chars = i + 1;
        }
        Pattern { chars, masks }
    }

    /// 1 − Levenshtein distance ÷ the longer length, as `strsim::normalized_levenshtein`
    /// (exactly so when `other` is ASCII, as every name the project suggests is; a character
    /// outside ASCII in `other` matches nothing).
    fn similarity(&self, other: &str) -> f64 {
        // Valid names are ASCII: their bytes are their characters, with no copy to make.
        let other_chars = if other.is_ascii() {
            other.len()
        } else {
            other.chars().count()
        };
        let longest = self.chars.max(other_chars);
        if longest == 0 {
            1.0
        } else if self.chars == 0 {
            0.0
        } else {
            let symbols = other
                .chars()
                .map(|c| if c.is_ascii() { c as u8 } else { 0xFE });
            1.0 - self.distance(symbols) as f64 / longest as f64
        }
    }

    /// The edit distance from the pattern to `other`, one word operation per byte of it.
    fn distance(&self, other: impl Iterator<Item = u8>) -> usize {
        let masks = &self.masks;
        let m = self.chars;
        let last = 1u64 << (m - 1);
        let (mut pv, mut mv, mut score) = (!0u64, 0u64, m);
        for byte in other {
            let eq = masks[usize::from(byte)];
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & last != 0 {
                score += 1;
            } else if mh & last != 0 {
                score -= 1;
            }
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        score
    }
}

/// Characters of an unknown name that suggestions look at: longer than any valid name, so a
/// suggestion costs the same whatever a hostile input's length.
const SUGGESTION_CHARS: usize = 64;

/// The closest names to `wanted`, best first: by edit distance to the whole name and to its
/// last dotted part, so `runs_per_year` finds `training.frontier.runs_per_year`.
pub fn nearest<'a>(
    wanted: &str,
    names: impl IntoIterator<Item = &'a str>,
    count: usize,
) -> Vec<&'a str> {
    let wanted = match wanted.char_indices().nth(SUGGESTION_CHARS) {
        Some((end, _)) => &wanted[..end],
        None => wanted,
    };
    let pattern = Pattern::new(wanted);
    let mut scored: Vec<(f64, &str)> = names
        .into_iter()
        .map(|name| {
            let last = name.rsplit('.').next().unwrap_or(name);
            let score = pattern.similarity(name).max(pattern.similarity(last)).max(
                if name.contains(wanted) && !wanted.is_empty() {
                    0.9
                } else {
                    0.0
                },
            );
            (score, name)
        })
        .collect();
    crate::short_sort::sort_short_by(&mut scored, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(b.1)).is_lt()
    });
    scored
        .into_iter()
        .take(count)
        .map(|(_, name)| name)
        .collect()
}

fn did_you_mean(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [init @ .., last] => format!("; did you mean {} or {last}?", init.join(", ")),
    }
}

/// A parameter of `country` by its key (`Country::param_by_key`).
pub fn param_key(country: &Country, key: &str) -> Checked<&'static ParamSpec> {
    if let Some(removed) = crate::data::removed_param(key) {
        return Err(InputError::new(format!(
            "parameter '{}' was removed and its value dropped: {}",
            removed.key, removed.note
        )));
    }
    country.param_by_key(key).ok_or_else(|| {
        let near = nearest(key, country.params.iter().map(|spec| spec.key), 3);
        InputError::new(format!(
            "unknown parameter '{}'{}",
            printable(key),
            did_you_mean(&near)
        ))
    })
}

/// A country pack by its code (`fr`), in either case.
pub fn country(code: &str) -> Checked<&'static Country> {
    crate::data::country_by_code(&code.to_ascii_lowercase()).ok_or_else(|| {
        let packs: Vec<String> = crate::data::COUNTRIES
            .iter()
            .map(|country| format!("{} ({})", country.code, country.name))
            .collect();
        // A country named in full ("France", "united kingdom") or by another code ("GB") is
        // pointed to its code.
        let given = code.trim();
        let named = crate::data::COUNTRIES.iter().find(|country| {
            country.name.eq_ignore_ascii_case(given)
                || country.name_fr.eq_ignore_ascii_case(given)
                || country
                    .other_codes
                    .iter()
                    .any(|other| other.eq_ignore_ascii_case(given))
        });
        let hint = named.map_or(String::new(), |country| {
            format!(" did you mean '{}'?", country.code)
        });
        InputError::new(format!(
            "no country pack '{}';{hint} the countries are {}",
            printable(code),
            packs.join(", ")
        ))
    })
}

/// A preset of `country`'s pack, by id.
pub fn preset(country: &'static Country, id: &str) -> Checked<&'static Preset> {
    country.preset_by_id(id).ok_or_else(|| {
        let ids: Vec<&str> = country.presets.iter().map(|preset| preset.id).collect();
        InputError::new(format!(
            "unknown preset '{}'; the presets are {}",
            printable(id),
            ids.join(", ")
        ))
    })
}

/// A built-in project of `country`'s register, by id: its index in the pack's `projects`.
pub fn project(country: &Country, id: &str) -> Checked<usize> {
    let ids = country.projects.iter().map(|project| project.id);
    ids.clone().position(|known| known == id).ok_or_else(|| {
        let near = nearest(id, ids, 3);
        InputError::new(format!(
            "unknown project '{}'{}",
            printable(id),
            did_you_mean(&near)
        ))
    })
}

pub fn gpu(id: &str) -> Checked<usize> {
    gpu_index(id).ok_or_else(|| {
        let ids: Vec<&str> = GPUS.iter().map(|gpu| gpu.id).collect();
        InputError::new(format!(
            "unknown GPU '{}'; the GPUs are {}",
            printable(id),
            ids.join(", ")
        ))
    })
}

pub fn metric(key: &str) -> Checked<crate::Metric> {
    crate::Metric::from_key(key).ok_or_else(|| {
        let near = nearest(key, crate::Metric::ALL.iter().map(|metric| metric.key()), 3);
        InputError::new(format!(
            "unknown metric '{}'{}",
            printable(key),
            did_you_mean(&near)
        ))
    })
}

pub fn year(value: f64) -> Checked<u16> {
    if value.fract() == 0.0 && (f64::from(FIRST_YEAR)..=f64::from(LAST_YEAR)).contains(&value) {
        Ok(value as u16)
    } else {
        Err(InputError::new(format!(
            "year {} is outside {FIRST_YEAR}–{LAST_YEAR}",
            Written(value)
        )))
    }
}

/// A number as text: finite, with optional SI suffix (see [`crate::terms::notation`]).
pub fn number(text: &str) -> Checked<f64> {
    parse_number(text).map_err(InputError::new)
}

/// A value for parameter `spec`, as text.
pub fn param_value(spec: &ParamSpec, text: &str) -> Checked<Dist> {
    let notation = parse_notation(text).map_err(|e| InputError::new(e).at(spec.key))?;
    param_dist(spec, notation)
}

/// Checks a written value against `spec`: finite, inside the bounds, low ≤ high.
pub fn param_dist(spec: &ParamSpec, notation: Notation) -> Checked<Dist> {
    rules::param_value(notation, spec.bounds())
        .map(Dist::from_written)
        .map_err(|message| InputError::new(message).at(spec.key))
}

pub fn samples(value: f64) -> Checked<usize> {
    if value.fract() == 0.0 && value >= 1.0 && value <= limits::MAX_SAMPLES as f64 {
        Ok(value as usize)
    } else {
        Err(InputError::new(format!(
            "samples must be a whole number from 1 to {}, not {}",
            limits::MAX_SAMPLES,
            Written(value)
        )))
    }
}

pub fn seed(text: &str) -> Checked<u64> {
    text.trim().parse().map_err(|_| {
        InputError::new(format!(
            "seed must be a whole number from 0 to {}, not '{}'",
            u64::MAX,
            printable(text)
        ))
    })
}

/// A scenario or project name: printable text, trimmed, within the length cap.
pub fn name(text: &str) -> Checked<String> {
    let trimmed = text.trim();
    if trimmed.chars().count() > limits::MAX_NAME_CHARS {
        return Err(InputError::new(format!(
            "names are at most {} characters",
            limits::MAX_NAME_CHARS
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(InputError::new("names may not contain control characters"));
    }
    Ok(trimmed.to_string())
}

pub fn status(text: &str) -> Checked<Status> {
    rules::status(text).map_err(InputError::new)
}

pub fn capex_scope(text: &str) -> Checked<CapexScope> {
    rules::capex_scope(text).map_err(InputError::new)
}

/// A quantity above zero and at most `max` (a custom project's capacity).
pub fn positive_at_most(what: &str, value: f64, max: f64) -> Checked<f64> {
    rules::positive_at_most(what, value, max).map_err(InputError::new)
}

/// A physical quantity given on the command line: a finite number above zero, at most `max`.
pub fn positive_quantity(flag: &str, text: &str, max: f64) -> Checked<f64> {
    let value = number(text).map_err(|e| e.at(flag))?;
    if value < 0.0 {
        return Err(InputError::new(format!(
            "{} is negative; it must be above 0",
            Written(value)
        ))
        .at(flag));
    }
    if value == 0.0 || value > max {
        return Err(InputError::new(format!(
            "{} is out of range; it must be above 0 and at most {}",
            Written(value),
            Written(max)
        ))
        .at(flag));
    }
    Ok(value)
}

/// A point value for a parameter given as its own flag (`--mfu` for `hardware.training_mfu`).
pub fn param_point(country: &Country, flag: &str, key: &str, text: &str) -> Checked<f64> {
    let spec = param_key(country, key)?;
    let value = number(text).map_err(|e| e.at(flag))?;
    param_dist(spec, Notation::Point(value)).map_err(|e| e.at(flag))?;
    Ok(value)
}

/// A correlation between two parameters: different ones, rho in [-1, 1].
pub fn correlation_pair(
    country: &Country,
    a: crate::ParamId,
    b: crate::ParamId,
    rho: f64,
) -> Checked<crate::data::Correlation> {
    let pair = crate::data::Correlation { a, b, rho };
    rules::correlation(a == b, rho)
        .map_err(|e| InputError::new(e).at(format!("correlation {}", pair.pair_text(country))))?;
    Ok(pair.ordered())
}

/// `KEY1,KEY2` and a rho as text: what `--corr KEY1,KEY2=RHO`, files and links give.
pub fn correlation_text(
    country: &Country,
    pair: &str,
    rho: &str,
) -> Checked<crate::data::Correlation> {
    let (a, b) = pair.split_once(',').ok_or_else(|| {
        InputError::new(format!(
            "correlation '{}' is not KEY1,KEY2",
            printable(pair)
        ))
    })?;
    let (a, b) = (param_key(country, a.trim())?, param_key(country, b.trim())?);
    let rho = number(rho).map_err(|e| e.at(format!("correlation {},{}", a.key, b.key)))?;
    correlation_pair(country, a.id, b.id, rho)
}

/// `KEY1,KEY2=RHO`, as the command line takes it.
pub fn correlation_flag(country: &Country, text: &str) -> Checked<crate::data::Correlation> {
    let (pair, rho) = text
        .split_once('=')
        .ok_or_else(|| InputError::new(format!("'{}' is not KEY1,KEY2=RHO", printable(text))))?;
    correlation_text(country, pair, rho)
}

/// The outcome a discovery splits the draws by: below a level or above it, one of the two,
/// the level a finite number. `below` and `above` as typed, when given; `names`, what the
/// caller calls them (`--below`, `--above`), for the refusals.
pub fn condition(
    below: Option<&str>,
    above: Option<&str>,
    names: [&str; 2],
) -> Checked<crate::terms::discovery::Condition> {
    use crate::terms::discovery::Condition;
    let [below_name, above_name] = names;
    match (below, above) {
        (Some(text), None) => Ok(Condition::Below(
            number(text).map_err(|e| e.at(below_name))?,
        )),
        (None, Some(text)) => Ok(Condition::Above(
            number(text).map_err(|e| e.at(above_name))?,
        )),
        (Some(_), Some(_)) => Err(InputError::new(format!(
            "give {below_name} or {above_name}, not both: the draws are split by one condition"
        ))),
        (None, None) => Err(InputError::new(format!(
            "give a condition to split the draws by: {below_name} X or {above_name} X"
        ))),
    }
}

/// A region of the published forecasts (`data/countries/fr/outside.toml`): france or europe.
pub fn region(text: &str) -> Checked<crate::terms::rules::Region> {
    rules::region(text).map_err(InputError::new)
}

/// A discovery's split (`T`, what `sim::discover` returns), or why there is none in plain words: "no draw has coverage_ratio
/// below 0.01 in 2030".
pub fn discovered<T>(
    result: Result<T, crate::terms::discovery::Unmet>,
    metric: crate::Metric,
    year: u16,
    condition: crate::terms::discovery::Condition,
) -> Checked<T> {
    use crate::terms::discovery::Unmet;
    use crate::terms::lang::{trimmed, Lang};
    let outcome = format!(
        "{} {} {} in {year}",
        metric.key(),
        condition.key(),
        Written(condition.level())
    );
    let extent = |min: f64, max: f64| {
        format!(
            "its draws run from {} to {}",
            trimmed(min, Lang::En),
            trimmed(max, Lang::En)
        )
    };
    result.map_err(|unmet| match unmet {
        Unmet::NoRun => InputError::new(format!("no run holds {} in {year}", metric.key())),
        Unmet::NoDraw { min, max } => InputError::new(format!(
            "no draw has {outcome} ({}): nothing to discover",
            extent(min, max)
        )),
        Unmet::EveryDraw { min, max } => InputError::new(format!(
            "every draw has {outcome} ({}): there is no rest to set them against",
            extent(min, max)
        )),
    })
}

/// How many points an exceedance curve is read at.
pub fn curve_points(value: f64) -> Checked<usize> {
    let (fewest, most) = crate::terms::discovery::POINTS_RANGE;
    if value.fract() == 0.0 && value >= fewest as f64 && value <= most as f64 {
        Ok(value as usize)
    } else {
        Err(InputError::new(format!(
            "points must be a whole number from {fewest} to {most}, not {}",
            Written(value)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    /// The bit-parallel distance equals the textbook one, as strsim computes it, for every
    /// pattern against every ASCII name.
    #[test]
    fn bit_parallel_similarity_is_levenshtein() {
        let words = [
            "",
            "a",
            "pue",
            "facility.pue",
            "training.frontier.runs_per_year",
            "training.frontier.run_per_year",
            "kitten",
            "sitting",
            "zzzzzzzzzz",
            "inference.consumer.users_m",
            "x".repeat(64).leak(),
            "ab".repeat(40).leak(),
            "été",
            "growth",
        ];
        for a in words {
            let pattern = Pattern::new(a);
            // Exact where it is used: patterns of at most 64 characters (nearest cuts them),
            // names in ASCII.
            if a.chars().count() > 64 {
                continue;
            }
            for b in words.iter().filter(|b| b.is_ascii()) {
                let expected = strsim::normalized_levenshtein(a, b);
                let got = pattern.similarity(b);
                assert!(
                    (got - expected).abs() < 1e-12,
                    "{a:?} ~ {b:?}: {got} vs {expected}"
                );
            }
        }
    }
}
