//! A scenario: a preset, the parameter values that differ from it, projects added to the
//! supply, and how to sample it.

use crate::data::{ParamId, Preset, PARAMS, PARAM_COUNT, PRESETS};
use crate::input::validate::{self, limits, Checked, InputError};
use crate::model::supply::CustomProject;
use crate::model::Model;
use crate::sim::dist::Dist;
use crate::ParamValues;

/// How a scenario is sampled: the same samples and seed give the same numbers everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sampling {
    pub samples: usize,
    pub seed: u64,
}

impl Sampling {
    pub const DEFAULT_SAMPLES: usize = 10_000;
    /// 13 May 2024, the day of Amazon's €1.3bn announcement.
    pub const DEFAULT_SEED: u64 = 20_240_513;
}

impl Default for Sampling {
    fn default() -> Sampling {
        Sampling {
            samples: Sampling::DEFAULT_SAMPLES,
            seed: Sampling::DEFAULT_SEED,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The user's title for it; free text, shown as text only.
    pub name: String,
    pub preset: &'static Preset,
    /// The value of every parameter: the preset's, then the user's.
    pub values: [Dist; PARAM_COUNT],
    pub projects: Vec<CustomProject>,
    pub sampling: Sampling,
}

impl Default for Scenario {
    fn default() -> Scenario {
        Scenario::from_preset(&PRESETS[0])
    }
}

impl Scenario {
    pub fn from_preset(preset: &'static Preset) -> Scenario {
        Scenario {
            name: String::new(),
            preset,
            values: preset_values(preset),
            projects: Vec::new(),
            sampling: Sampling::default(),
        }
    }

    /// Switches to another preset: every parameter takes that preset's value.
    pub fn reset_to(&mut self, preset: &'static Preset) {
        self.preset = preset;
        self.values = preset_values(preset);
    }

    pub fn value(&self, id: ParamId) -> Dist {
        self.values[id.index()]
    }

    pub fn preset_value(&self, id: ParamId) -> Dist {
        preset_value(self.preset, id)
    }

    pub fn set(&mut self, id: ParamId, dist: Dist) {
        self.values[id.index()] = dist;
    }

    /// Sets `key` from its text form (`--set key=value`, a file line, a link).
    pub fn set_text(&mut self, key: &str, text: &str) -> Checked<()> {
        let spec = validate::param_key(key)?;
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

    /// Every parameter at its median: the centre of the sensitivity analysis, and the whole
    /// answer when every parameter is a point.
    pub fn medians(&self) -> ParamValues {
        std::array::from_fn(|i| {
            let spec = &PARAMS[i];
            self.values[i].median().clamp(spec.min, spec.max)
        })
    }

    pub fn model(&self) -> Model {
        Model::new(&self.projects)
    }

    /// The whole scenario against every rule; the decoders call it last, so nothing they
    /// accept can put a NaN on screen or run away with memory.
    pub fn validate(&self) -> Checked<()> {
        for spec in &PARAMS {
            validate::param_dist(spec, self.values[spec.id.index()].written())?;
        }
        validate::name(&self.name)?;
        validate::samples(self.sampling.samples as f64)?;
        if self.projects.len() > limits::MAX_CUSTOM_PROJECTS {
            return Err(InputError::new(format!(
                "a scenario adds at most {} projects",
                limits::MAX_CUSTOM_PROJECTS
            )));
        }
        Ok(())
    }
}

fn preset_value(preset: &Preset, id: ParamId) -> Dist {
    preset
        .overrides
        .iter()
        .find(|(overridden, _)| *overridden == id)
        .map_or(PARAMS[id.index()].baseline, |&(_, dist)| dist)
}

fn preset_values(preset: &Preset) -> [Dist; PARAM_COUNT] {
    std::array::from_fn(|i| preset_value(preset, PARAMS[i].id))
}
