//! Scenario files: what `compute-demand run --scenario FILE` reads and the app exports and
//! imports. The format is a small subset of TOML — any TOML tool reads what this writes — and
//! it also takes ranges unquoted (`key = 1.5..6`). Errors name the file and the line.
//!
//! ```toml
//! format = 1
//! name = "Faster inference growth"
//! preset = "baseline"
//! samples = 10000
//! seed = 20240513
//!
//! [params]
//! inference.consumer.growth = "2..4"
//! training.frontier.runs_per_year = 6
//!
//! [[project]]
//! name = "New campus"
//! year = 2028
//! mw = 200
//! status = "announced"
//! dedicated = false
//! ```

use crate::data::{Capacity, GPUS, PARAMS};
use crate::input::notation::write_number;
use crate::input::scenario::Scenario;
use crate::input::validate::{self, limits, Checked, InputError, ProjectFields};
use crate::output::report::scope_key;
use crate::sim::dist::Dist;
use std::collections::BTreeSet;

pub const FORMAT_VERSION: u32 = 1;

/// A right-hand side as written.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    /// A number, range or other unquoted word, kept as written.
    Bare(String),
    Bool(bool),
}

impl Value {
    fn text(&self) -> &str {
        match self {
            Value::Text(text) | Value::Bare(text) => text,
            Value::Bool(true) => "true",
            Value::Bool(false) => "false",
        }
    }

    fn number(&self) -> Checked<f64> {
        match self {
            Value::Bare(text) => validate::number(text),
            other => Err(InputError::new(format!(
                "expected a number, found '{}'",
                validate::printable(other.text())
            ))),
        }
    }

    fn string(&self) -> Checked<&str> {
        match self {
            Value::Text(text) => Ok(text),
            other => Err(InputError::new(format!(
                "expected a quoted string, found '{}'",
                validate::printable(other.text())
            ))),
        }
    }

    fn boolean(&self) -> Checked<bool> {
        match self {
            Value::Bool(flag) => Ok(*flag),
            other => Err(InputError::new(format!(
                "expected true or false, found '{}'",
                validate::printable(other.text())
            ))),
        }
    }
}

enum Section {
    Top,
    Params,
    Project,
}

/// Reads a scenario file; `file` names it in error messages.
pub fn parse(text: &str, file: &str) -> Checked<Scenario> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(InputError::new(format!(
            "the file is {} bytes; scenario files are at most {} bytes",
            text.len(),
            limits::MAX_FILE_BYTES
        ))
        .at(file));
    }
    let mut preset = None;
    let mut name = None;
    let mut samples = None;
    let mut seed = None;
    let mut params: Vec<(usize, String, Value)> = Vec::new();
    let mut projects: Vec<(usize, ProjectFields)> = Vec::new();
    let mut section = Section::Top;
    let mut seen: BTreeSet<String> = BTreeSet::new();

    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let place = || format!("{file}:{line_no}");
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line == "[params]" {
            section = Section::Params;
            continue;
        }
        if line == "[[project]]" {
            if projects.len() >= limits::MAX_CUSTOM_PROJECTS {
                return Err(InputError::new(format!(
                    "a scenario adds at most {} projects",
                    limits::MAX_CUSTOM_PROJECTS
                ))
                .at(place()));
            }
            projects.push((line_no, ProjectFields::default()));
            seen.retain(|key| !key.starts_with("project."));
            section = Section::Project;
            continue;
        }
        if line.starts_with('[') {
            return Err(InputError::new(format!(
                "unknown section {}; a scenario has [params] and [[project]] sections",
                validate::printable(line)
            ))
            .at(place()));
        }
        let (key, value) = split_assignment(line).map_err(|e| e.at(place()))?;
        let scope = match section {
            Section::Top => "",
            Section::Params => "params.",
            Section::Project => "project.",
        };
        if !seen.insert(format!("{scope}{key}")) {
            return Err(
                InputError::new(format!("'{}' is set twice", validate::printable(&key)))
                    .at(place()),
            );
        }
        let result: Checked<()> = (|| {
            match section {
                Section::Top => match key.as_str() {
                    "format" => {
                        let version = value.number()?;
                        if version != f64::from(FORMAT_VERSION) {
                            return Err(InputError::new(format!(
                                "format {version} is not supported; this version reads format {FORMAT_VERSION}"
                            )));
                        }
                    }
                    "name" => name = Some(validate::name(value.string()?)?),
                    "preset" => preset = Some(validate::preset(value.string()?)?),
                    "samples" => samples = Some(validate::samples(value.number()?)?),
                    "seed" => seed = Some(validate::seed(value.text())?),
                    other => {
                        let near = validate::nearest(
                            other,
                            ["format", "name", "preset", "samples", "seed"],
                            1,
                        );
                        return Err(InputError::new(format!(
                            "unknown setting '{}' (did you mean '{}'? parameters go under [params])",
                            validate::printable(other),
                            near[0]
                        )));
                    }
                },
                Section::Params => {
                    validate::param_key(&key)?;
                    params.push((line_no, key.clone(), value.clone()));
                }
                Section::Project => {
                    let fields = &mut projects.last_mut().expect("in a project section").1;
                    match key.as_str() {
                        "name" => fields.name = Some(value.string()?.to_string()),
                        "year" => fields.year = Some(value.number()?),
                        "status" => fields.status = Some(value.string()?.to_string()),
                        "mw" => fields.mw = Some(value.number()?),
                        "gpus" => fields.gpus = Some(value.number()?),
                        "gpu" => fields.gpu = Some(value.string()?.to_string()),
                        "eur" => fields.eur = Some(value.number()?),
                        "scope" => fields.scope = Some(value.string()?.to_string()),
                        "dedicated" => fields.dedicated = Some(value.boolean()?),
                        other => {
                            let names = [
                                "name",
                                "year",
                                "status",
                                "mw",
                                "gpus",
                                "gpu",
                                "eur",
                                "scope",
                                "dedicated",
                            ];
                            let near = validate::nearest(other, names, 1);
                            return Err(InputError::new(format!(
                                "unknown project field '{}'; did you mean '{}'?",
                                validate::printable(other),
                                near[0]
                            )));
                        }
                    }
                }
            }
            Ok(())
        })();
        result.map_err(|e| e.at(place()))?;
    }

    let mut scenario = Scenario::from_preset(preset.unwrap_or(&crate::PRESETS[0]));
    scenario.name = name.unwrap_or_default();
    if let Some(samples) = samples {
        scenario.sampling.samples = samples;
    }
    if let Some(seed) = seed {
        scenario.sampling.seed = seed;
    }
    for (line_no, key, value) in params {
        scenario
            .set_text(&key, value.text())
            .map_err(|e| e.at(format!("{file}:{line_no}")))?;
    }
    for (line_no, fields) in projects {
        let project =
            validate::custom_project(&fields).map_err(|e| e.at(format!("{file}:{line_no}")))?;
        scenario
            .add_project(project)
            .map_err(|e| e.at(format!("{file}:{line_no}")))?;
    }
    scenario.validate().map_err(|e| e.at(file))?;
    Ok(scenario)
}

/// The line up to a `#` that is not inside a quoted string.
fn strip_comment(line: &str) -> &str {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '#' if !in_string => return &line[..i],
            _ => {}
        }
    }
    line
}

fn split_assignment(line: &str) -> Checked<(String, Value)> {
    let (key, rest) = if let Some(quoted) = line.strip_prefix('"') {
        let end = quoted
            .find('"')
            .ok_or_else(|| InputError::new("unterminated quoted key"))?;
        let after = quoted[end + 1..].trim_start();
        let rest = after
            .strip_prefix('=')
            .ok_or_else(|| InputError::new("expected '=' after the key"))?;
        (quoted[..end].to_string(), rest)
    } else {
        let (key, rest) = line.split_once('=').ok_or_else(|| {
            InputError::new(format!(
                "expected key = value, found '{}'",
                validate::printable(line)
            ))
        })?;
        let key = key.trim();
        let bare = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !bare {
            return Err(InputError::new(format!(
                "'{}' is not a valid key",
                validate::printable(key)
            )));
        }
        (key.to_string(), rest)
    };
    Ok((key, parse_value(rest.trim())?))
}

fn parse_value(text: &str) -> Checked<Value> {
    if let Some(body) = text.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = body.chars();
        loop {
            match chars.next() {
                None => return Err(InputError::new("unterminated string")),
                Some('"') => break,
                Some('\\') => match chars.next() {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('u') => {
                        let hex: String = chars.by_ref().take(4).collect();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| {
                                InputError::new(format!(
                                    "bad escape \\u{}",
                                    validate::printable(&hex)
                                ))
                            })?;
                        out.push(c);
                    }
                    other => {
                        let shown = other
                            .map(|c| validate::printable(&c.to_string()))
                            .unwrap_or_default();
                        return Err(InputError::new(format!("unknown escape \\{shown}")));
                    }
                },
                Some(c) => out.push(c),
            }
        }
        if !chars.as_str().trim().is_empty() {
            return Err(InputError::new("unexpected text after the closing quote"));
        }
        return Ok(Value::Text(out));
    }
    match text {
        "" => Err(InputError::new("missing value after '='")),
        "true" => Ok(Value::Bool(true)),
        "false" => Ok(Value::Bool(false)),
        _ => Ok(Value::Bare(text.to_string())),
    }
}

/// The scenario as a file: the preset, sampling, only the parameters that differ from the
/// preset, and the added projects.
pub fn write(scenario: &Scenario) -> String {
    let mut out = String::from(
        "# compute-demand scenario: `compute-demand run --scenario FILE` reads it, and so does the app's import.\n",
    );
    out.push_str(&format!("format = {FORMAT_VERSION}\n"));
    out.push_str(&format!("name = {}\n", toml_string(&scenario.name)));
    out.push_str(&format!("preset = {}\n", toml_string(scenario.preset.id)));
    out.push_str(&format!("samples = {}\n", scenario.sampling.samples));
    out.push_str(&format!("seed = {}\n", scenario.sampling.seed));
    out.push_str("\n[params]\n# Only the values that differ from the preset.\n");
    for (id, dist) in scenario.overrides() {
        let value = match dist {
            Dist::Point(v) => write_number(v),
            other => toml_string(&other.notation()),
        };
        out.push_str(&format!("{} = {value}\n", PARAMS[id.index()].key));
    }
    for project in &scenario.projects {
        let t = &project.tranche;
        out.push_str("\n[[project]]\n");
        out.push_str(&format!("name = {}\n", toml_string(&project.name)));
        out.push_str(&format!("year = {}\n", t.year));
        match t.capacity {
            Capacity::Mw(mw) => out.push_str(&format!("mw = {}\n", write_number(mw))),
            Capacity::Gpus { count, gpu } => out.push_str(&format!(
                "gpus = {}\ngpu = {}\n",
                write_number(count),
                toml_string(GPUS[gpu].id)
            )),
            Capacity::Eur { eur, scope } => out.push_str(&format!(
                "eur = {}\nscope = {}\n",
                write_number(eur),
                toml_string(scope_key(scope))
            )),
        }
        out.push_str(&format!("status = {}\n", toml_string(t.status.key())));
        out.push_str(&format!("dedicated = {}\n", project.dedicated));
    }
    out
}

/// A TOML basic string (JSON's escapes are a subset TOML reads).
fn toml_string(text: &str) -> String {
    crate::output::json::string(text)
}
