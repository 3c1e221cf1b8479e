//! A scenario: a preset, the parameter values that differ from it, projects added to the
//! supply, and how to sample it.

use crate::data::{Correlation, Country};
use crate::data::{ParamId, Preset, PARAM_COUNT};
use crate::input::validate::{self, limits, Checked, InputError};
use crate::model::supply::CustomProject;
use crate::model::Model;
use crate::short_sort::sort_short_by_key;
use crate::terms::Dist;
pub use crate::terms::Sampling;
use crate::ParamValues;

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The country pack the scenario is in: its parameters, register and presets.
    pub country: &'static Country,
    /// The user's title for it; free text, shown as text only.
    pub name: String,
    pub preset: &'static Preset,
    /// The value of every parameter: the preset's, then the user's.
    pub values: [Dist; PARAM_COUNT],
    pub projects: Vec<CustomProject>,
    /// Built-in projects of the register left out of the supply: indices into the pack's `projects`,
    /// ascending, each once.
    pub excluded_projects: Vec<usize>,
    /// The rank correlations in force: the pack's defaults (`correlations.toml`), then the
    /// user's. A pair at 0 is independent.
    pub correlations: Vec<Correlation>,
    pub sampling: Sampling,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario::in_country(Country::first())
    }
}

impl Scenario {
    /// A country's baseline.
    pub fn in_country(country: &'static Country) -> Scenario {
        Scenario::from_preset(country.baseline())
    }

    /// A preset's scenario, in the pack the preset is from.
    pub fn from_preset(preset: &'static Preset) -> Scenario {
        let country = pack_of(preset);
        Scenario {
            country,
            name: String::new(),
            preset,
            values: preset_values(country, preset),
            projects: Vec::new(),
            excluded_projects: Vec::new(),
            correlations: default_correlations(country),
            sampling: Sampling::default(),
        }
    }

    /// Switches to another preset: every parameter takes that preset's value. A preset of
    /// another pack moves the scenario to that country's baseline first (its register,
    /// correlations and projects are that country's), keeping the name and the sampling.
    pub fn reset_to(&mut self, preset: &'static Preset) {
        if pack_of(preset) != self.country {
            *self = Scenario {
                name: std::mem::take(&mut self.name),
                sampling: self.sampling,
                ..Scenario::from_preset(preset)
            };
            return;
        }
        self.preset = preset;
        self.values = preset_values(self.country, preset);
    }

    pub fn value(&self, id: ParamId) -> Dist {
        self.values[id.index()]
    }

    pub fn preset_value(&self, id: ParamId) -> Dist {
        preset_value(self.country, self.preset, id)
    }

    pub fn set(&mut self, id: ParamId, dist: Dist) {
        self.values[id.index()] = dist;
    }

    /// Sets `key` from its text form (`--set key=value`, a file line, a link).
    pub fn set_text(&mut self, key: &str, text: &str) -> Checked<()> {
        let spec = validate::param_key(self.country, key)?;
        let dist = validate::param_value(spec, text)?;
        self.set(spec.id, dist);
        Ok(())
    }

    /// The parameters whose value differs from the preset's, in parameter order.
    pub fn overrides(&self) -> impl Iterator<Item = (ParamId, Dist)> + '_ {
        ParamId::all()
            .filter(move |&id| self.value(id) != self.preset_value(id))
            .map(move |id| (id, self.value(id)))
    }

    /// Sets the correlation of a pair (either order), replacing any value it had. The list
    /// stays in pair order and holds the default pairs (even at 0) and other pairs not at 0,
    /// so that two scenarios with the same correlations compare equal.
    pub fn set_correlation(&mut self, pair: Correlation) -> Checked<()> {
        let pair = pair.ordered();
        let is_default = (self.country.correlations.iter()).any(|d| d.pair.same_pair(&pair));
        if let Some(index) = self.correlations.iter().position(|c| c.same_pair(&pair)) {
            if pair.rho == 0.0 && !is_default {
                self.correlations.remove(index);
            } else {
                self.correlations[index].rho = pair.rho;
            }
            return Ok(());
        }
        if pair.rho == 0.0 && !is_default {
            return Ok(());
        }
        if self.correlations.len() >= limits::MAX_CORRELATIONS {
            return Err(InputError::new(format!(
                "a scenario sets at most {} correlations",
                limits::MAX_CORRELATIONS
            )));
        }
        self.correlations.push(pair);
        sort_short_by_key(&mut self.correlations, |c| (c.a, c.b));
        Ok(())
    }

    /// The correlation in force for a pair, 0 when none.
    pub fn correlation(&self, a: ParamId, b: ParamId) -> f64 {
        let wanted = Correlation { a, b, rho: 0.0 };
        self.correlations
            .iter()
            .find(|c| c.same_pair(&wanted))
            .map_or(0.0, |c| c.rho)
    }

    /// The pairs whose value differs from the defaults (a removed default reads as 0): what
    /// links and files write.
    pub fn correlation_overrides(&self) -> Vec<Correlation> {
        let defaults = default_correlations(self.country);
        let mut out: Vec<Correlation> = self
            .correlations
            .iter()
            .filter(|c| {
                let default = defaults
                    .iter()
                    .find(|d| d.same_pair(c))
                    .map_or(0.0, |d| d.rho);
                c.rho != default
            })
            .copied()
            .collect();
        for default in &defaults {
            if !self.correlations.iter().any(|c| c.same_pair(default)) {
                out.push(Correlation {
                    rho: 0.0,
                    ..*default
                });
            }
        }
        sort_short_by_key(&mut out, |c| (c.a, c.b));
        out
    }

    pub fn add_project(&mut self, project: CustomProject) -> Checked<()> {
        if self.projects.len() >= limits::MAX_CUSTOM_PROJECTS {
            return Err(InputError::new(format!(
                "a scenario adds at most {} projects",
                limits::MAX_CUSTOM_PROJECTS
            )));
        }
        self.projects.push(project);
        Ok(())
    }

    /// Whether built-in project `index` (into the pack's `projects`) counts in the supply.
    pub fn includes_project(&self, index: usize) -> bool {
        self.excluded_projects.binary_search(&index).is_err()
    }

    /// Counts built-in project `index` in the supply, or leaves it out. An index past the
    /// register is ignored.
    pub fn include_project(&mut self, index: usize, included: bool) {
        if index >= self.country.projects.len() {
            return;
        }
        match (self.excluded_projects.binary_search(&index), included) {
            (Ok(at), true) => {
                self.excluded_projects.remove(at);
            }
            (Err(at), false) => self.excluded_projects.insert(at, index),
            _ => {}
        }
    }

    /// Every parameter at its median: the centre of the sensitivity analysis, and the whole
    /// answer when every parameter is a point.
    pub fn medians(&self) -> ParamValues {
        std::array::from_fn(|i| {
            let spec = &self.country.params[i];
            self.values[i].median().clamp(spec.min, spec.max)
        })
    }

    pub fn model(&self) -> Model {
        Model::new(
            self.country.projects,
            &self.projects,
            &self.excluded_projects,
        )
    }

    /// The whole scenario against every rule; the decoders call it last, so nothing they
    /// accept can put a NaN on screen or run away with memory.
    pub fn validate(&self) -> Checked<()> {
        for spec in self.country.params {
            validate::param_dist(spec, self.values[spec.id.index()].written())?;
        }
        validate::name(&self.name)?;
        validate::samples(self.sampling.samples as f64)?;
        for pair in &self.correlations {
            validate::correlation_pair(self.country, pair.a, pair.b, pair.rho)?;
        }
        if self.correlations.len() > limits::MAX_CORRELATIONS {
            return Err(InputError::new(format!(
                "a scenario sets at most {} correlations",
                limits::MAX_CORRELATIONS
            )));
        }
        let ascending = self.excluded_projects.windows(2).all(|w| w[0] < w[1]);
        let in_register = |&i: &usize| i < self.country.projects.len();
        if !ascending || !self.excluded_projects.iter().all(in_register) {
            return Err(InputError::new(
                "the projects left out are not in the register",
            ));
        }
        if self.projects.len() > limits::MAX_CUSTOM_PROJECTS {
            return Err(InputError::new(format!(
                "a scenario adds at most {} projects",
                limits::MAX_CUSTOM_PROJECTS
            )));
        }
        Ok(())
    }
}

/// The pack a preset is from: each pack's presets are its own statics.
fn pack_of(preset: &'static Preset) -> &'static Country {
    let holding = crate::data::pack_holding(|c| c.presets, preset);
    holding.map_or(Country::first(), |(country, _)| country)
}

fn preset_value(country: &Country, preset: &Preset, id: ParamId) -> Dist {
    preset
        .overrides
        .iter()
        .find(|(overridden, _)| *overridden == id)
        .map_or(country.param(id).baseline, |&(_, dist)| dist)
}

fn preset_values(country: &Country, preset: &Preset) -> [Dist; PARAM_COUNT] {
    std::array::from_fn(|i| preset_value(country, preset, country.params[i].id))
}

/// A country's default correlations, in pair order.
pub fn default_correlations(country: &Country) -> Vec<Correlation> {
    let defaults = country.correlations.iter();
    let mut pairs: Vec<Correlation> = defaults.map(|d| d.pair.ordered()).collect();
    sort_short_by_key(&mut pairs, |c| (c.a, c.b));
    pairs
}
