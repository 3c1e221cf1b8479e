//! Scenario files: what `compute-demand run --scenario FILE` reads and the app exports and
//! imports. The format is a small subset of TOML — any TOML tool reads what this writes — and
//! it also takes ranges unquoted (`key = 1.5..6`). Errors name the file and the line.
//!
//! ```toml
//! format = 1
//! country = "fr"
//! name = "Faster inference growth"
//! preset = "baseline"
//! samples = 10000
//! seed = 20240513
//!
//! [params]
//! inference.consumer.growth = "2..4"
//! training.frontier.runs_per_year = 6
//!
//! [correlations]
//! "training.frontier.growth,training.poolside.growth" = 0.8
//!
//! [register]
//! # Built-in projects of the register left out of the supply.
//! scaleway-dc5 = false
//!
//! [[project]]
//! name = "New campus"
//! year = 2028
//! mw = 200
//! status = "announced"
//! dedicated = false
//! ```

use crate::data::{Correlation, Country};
use crate::input::project::{FieldType, FieldValue, ProjectField, ProjectFields};
use crate::input::scenario::Scenario;
use crate::input::validate::{self, limits, Checked, InputError};
use crate::terms::notation::{write_number, Written};
use crate::terms::Dist;

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

/// One meaningful line of a scenario file.
#[derive(Clone, Debug, PartialEq)]
enum Line {
    /// `[params]`
    Params,
    /// `[correlations]`
    Correlations,
    /// `[register]`
    Register,
    /// `[[project]]`
    Project,
    /// `key = value`
    Assignment(String, Value),
}

/// The file's lines that say something, numbered from 1; comments and blank lines dropped.
fn lex(text: &str) -> impl Iterator<Item = (usize, Checked<Line>)> + '_ {
    text.lines().enumerate().filter_map(|(index, raw)| {
        let line = strip_comment(raw).trim();
        let lexed = match line {
            "" => return None,
            "[params]" => Ok(Line::Params),
            "[correlations]" => Ok(Line::Correlations),
            "[register]" => Ok(Line::Register),
            "[[project]]" => Ok(Line::Project),
            _ if line.starts_with('[') => Err(InputError::new(format!(
                "unknown section {}; a scenario has [params], [correlations], [register] and [[project]] sections",
                validate::printable(line)
            ))),
            _ => split_assignment(line).map(|(key, value)| Line::Assignment(key, value)),
        };
        Some((index + 1, lexed))
    })
}

/// The top of the file: format, country, name, preset, samples and seed.
#[derive(Default)]
struct Settings {
    country: Option<&'static Country>,
    /// The preset's id and its line, read once the country is known.
    preset: Option<(usize, String)>,
    name: Option<String>,
    samples: Option<usize>,
    seed: Option<u64>,
}

const SETTINGS: [&str; 6] = ["format", "country", "name", "preset", "samples", "seed"];

fn read_setting(settings: &mut Settings, line_no: usize, key: &str, value: &Value) -> Checked<()> {
    match key {
        "format" => {
            let version = value.number()?;
            if version != f64::from(FORMAT_VERSION) {
                return Err(InputError::new(format!(
                    "format {} is not supported; this version reads format {FORMAT_VERSION}",
                    Written(version)
                )));
            }
        }
        "country" => settings.country = Some(validate::country(value.string()?)?),
        "name" => settings.name = Some(validate::name(value.string()?)?),
        "preset" => settings.preset = Some((line_no, value.string()?.to_string())),
        "samples" => settings.samples = Some(validate::samples(value.number()?)?),
        "seed" => settings.seed = Some(validate::seed(value.text())?),
        other => {
            let near = validate::nearest(other, SETTINGS, 1);
            return Err(InputError::new(format!(
                "unknown setting '{}' (did you mean '{}'? parameters go under [params])",
                validate::printable(other),
                near[0]
            )));
        }
    }
    Ok(())
}

/// A `[[project]]` line: the field by name, its value typed as the field wants.
fn read_project_field(fields: &mut ProjectFields, key: &str, value: &Value) -> Checked<()> {
    let field = ProjectField::named(key)?;
    let typed = match field.field_type() {
        FieldType::Text => FieldValue::Text(value.string()?.to_string()),
        FieldType::Number => FieldValue::Number(value.number()?),
        FieldType::Flag => FieldValue::Flag(value.boolean()?),
    };
    fields.set(field, typed)
}

#[derive(Clone, Copy)]
enum Section {
    Top,
    Params,
    Correlations,
    Register,
    Project,
}

/// What the lines said, each with the line it came from; checked against the scenario after.
#[derive(Default)]
struct Sections {
    settings: Settings,
    params: Vec<(usize, String, Value)>,
    correlations: Vec<(usize, Correlation)>,
    /// Built-in projects and whether they count.
    register: Vec<(usize, String, bool)>,
    projects: Vec<(usize, ProjectFields)>,
}

fn read_sections(text: &str) -> Result<Sections, (usize, InputError)> {
    let mut read = Sections::default();
    let mut section = Section::Top;
    // Keys set so far in the current scope: a key set twice is refused. A list, not a set:
    // each key is checked on its line, so the list holds valid keys only (a few thousand at
    // most: every parameter, pair and project), and a B-tree of strings would weigh 1 kB
    // (gzipped) in the bundle.
    let mut seen: Vec<String> = Vec::new();
    for (line_no, line) in lex(text) {
        let at_line = |error: InputError| (line_no, error);
        match line.map_err(at_line)? {
            Line::Params => section = Section::Params,
            Line::Correlations => section = Section::Correlations,
            Line::Register => section = Section::Register,
            Line::Project => {
                if read.projects.len() >= limits::MAX_CUSTOM_PROJECTS {
                    return Err(at_line(InputError::new(format!(
                        "a scenario adds at most {} projects",
                        limits::MAX_CUSTOM_PROJECTS
                    ))));
                }
                read.projects.push((line_no, ProjectFields::default()));
                seen.retain(|key| !key.starts_with("project."));
                section = Section::Project;
            }
            Line::Assignment(key, value) => {
                let scope = match section {
                    Section::Top => "",
                    Section::Params => "params.",
                    Section::Correlations => "correlations.",
                    Section::Register => "register.",
                    Section::Project => "project.",
                };
                let scoped = format!("{scope}{key}");
                if seen.contains(&scoped) {
                    return Err(at_line(InputError::new(format!(
                        "'{}' is set twice",
                        validate::printable(&key)
                    ))));
                }
                seen.push(scoped);
                // TOML puts the top-level settings, the country among them, before any table.
                let country = read.settings.country.unwrap_or(Country::first());
                match section {
                    Section::Top => read_setting(&mut read.settings, line_no, &key, &value),
                    Section::Params => validate::param_key(country, &key)
                        .map(|_| read.params.push((line_no, key, value))),
                    Section::Correlations => {
                        validate::correlation_text(country, &key, value.text())
                            .map(|pair| read.correlations.push((line_no, pair)))
                    }
                    Section::Register => value.boolean().map(|included| {
                        read.register.push((line_no, key, included));
                    }),
                    Section::Project => {
                        let fields = &mut read.projects.last_mut().expect("in a project").1;
                        read_project_field(fields, &key, &value)
                    }
                }
                .map_err(at_line)?;
            }
        }
    }
    Ok(read)
}

/// Reads a scenario file; `file` names it in error messages.
pub fn parse(text: &str, file: &str) -> Checked<Scenario> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(validate::file_too_large(Some(text.len() as u64)).at(file));
    }
    let at = |line_no: usize| move |error: InputError| error.at(format!("{file}:{line_no}"));
    let read = read_sections(text).map_err(|(line_no, error)| at(line_no)(error))?;

    let settings = read.settings;
    // A file without a country is the default pack's, France's, as every file written before
    // packs was. The preset and the register are the country's, whatever their order in the file.
    let country = settings.country.unwrap_or(Country::first());
    let preset = match &settings.preset {
        Some((line_no, id)) => validate::preset(country, id).map_err(at(*line_no))?,
        None => country.baseline(),
    };
    let mut scenario = Scenario::from_preset(preset);
    scenario.name = settings.name.unwrap_or_default();
    if let Some(samples) = settings.samples {
        scenario.sampling.samples = samples;
    }
    if let Some(seed) = settings.seed {
        scenario.sampling.seed = seed;
    }
    for (line_no, key, value) in read.params {
        scenario.set_text(&key, value.text()).map_err(at(line_no))?;
    }
    for (line_no, pair) in read.correlations {
        scenario.set_correlation(pair).map_err(at(line_no))?;
    }
    for (line_no, id, included) in read.register {
        let index = validate::project(country, &id).map_err(at(line_no))?;
        scenario.include_project(index, included);
    }
    for (line_no, fields) in read.projects {
        let project = fields.check().map_err(at(line_no))?;
        scenario.add_project(project).map_err(at(line_no))?;
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
    out.push_str(&format!(
        "country = {}\n",
        toml_string(scenario.country.code)
    ));
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
        out.push_str(&format!("{} = {value}\n", scenario.country.param(id).key));
    }
    let correlations = scenario.correlation_overrides();
    if !correlations.is_empty() {
        out.push_str("\n[correlations]\n# Rank correlations that differ from the defaults (0 removes one).\n");
        for pair in correlations {
            out.push_str(&format!(
                "{} = {}\n",
                toml_string(&pair.pair_text(scenario.country)),
                write_number(pair.rho)
            ));
        }
    }
    if !scenario.excluded_projects.is_empty() {
        out.push_str("\n[register]\n# Built-in projects of the register left out of the supply.\n");
        for &index in &scenario.excluded_projects {
            out.push_str(&format!(
                "{} = false\n",
                scenario.country.projects[index].id
            ));
        }
    }
    for project in &scenario.projects {
        out.push_str("\n[[project]]\n");
        for (field, value) in project.fields() {
            let value = match value {
                FieldValue::Text(text) => toml_string(&text),
                FieldValue::Number(number) => write_number(number),
                FieldValue::Flag(flag) => flag.to_string(),
            };
            out.push_str(&format!("{} = {value}\n", field.key()));
        }
    }
    out
}

/// A TOML basic string (JSON's escapes are a subset TOML reads).
fn toml_string(text: &str) -> String {
    crate::terms::quote::string(text)
}
