//! The app's one state and the actions that change it. Pure: no browser here, so the reducer
//! is tested natively.

use compute_demand_core::data::Preset;
use compute_demand_core::input::link::Link;
use compute_demand_core::input::validate;
use compute_demand_core::output::format::Lang;
use compute_demand_core::{CustomProject, Dist, Metric, ParamId, Scenario, LAST_YEAR};
use std::rc::Rc;
use yew::Reducible;

/// Whether a slider is moving: while it is, the model runs on fewer samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    Dragging,
    Settled,
}

/// A message for the user: what went wrong (or right), in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: true,
        }
    }
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: false,
        }
    }
}

/// The three forms a parameter's value takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Point,
    Range90,
    Uniform,
}

impl ValueKind {
    pub fn of(dist: Dist) -> ValueKind {
        match dist {
            Dist::Point(_) => ValueKind::Point,
            Dist::Range90 { .. } => ValueKind::Range90,
            Dist::Uniform { .. } => ValueKind::Uniform,
        }
    }
}

pub const DEFAULT_YEAR: u16 = LAST_YEAR;
/// Notices on screen at once: a link with hundreds of bad parts must not bury the page.
pub const MAX_NOTICES: usize = 5;
pub const DEFAULT_METRIC: Metric = Metric::FacilityPowerMw;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    pub year: u16,
    /// The figure the tornado explains.
    pub metric: Metric,
    pub lang: Lang,
    pub pace: Pace,
    pub notices: Vec<Notice>,
    /// Notices beyond [`MAX_NOTICES`], counted but not shown.
    pub unshown_notices: usize,
}

impl AppState {
    pub fn new(link: Link, lang: Lang, notices: Vec<Notice>) -> AppState {
        let mut state = AppState {
            scenario: link.scenario,
            year: link.year.unwrap_or(DEFAULT_YEAR),
            metric: link.metric.unwrap_or(DEFAULT_METRIC),
            lang,
            pace: Pace::Settled,
            notices: Vec::new(),
            unshown_notices: 0,
        };
        state.notify(notices);
        state
    }

    /// Adds notices, keeping the first [`MAX_NOTICES`] on screen and counting the rest.
    fn notify(&mut self, notices: Vec<Notice>) {
        self.notices.extend(notices);
        if self.notices.len() > MAX_NOTICES {
            self.unshown_notices += self.notices.len() - MAX_NOTICES;
            self.notices.truncate(MAX_NOTICES);
        }
    }

    /// What the share link carries: the scenario, and the view where it is not the default.
    pub fn link(&self) -> Link {
        Link {
            scenario: self.scenario.clone(),
            year: (self.year != DEFAULT_YEAR).then_some(self.year),
            metric: (self.metric != DEFAULT_METRIC).then_some(self.metric),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A slider moves: the median goes to the value, on fewer samples.
    Drag(ParamId, f64),
    /// The slider is let go: full samples.
    Settle,
    /// The median is typed or the slider is let go on a value.
    SetMedian(ParamId, f64),
    /// The low and high bounds of a range are typed.
    SetBounds(ParamId, f64, f64),
    SetKind(ParamId, ValueKind),
    Reset(ParamId),
    ChoosePreset(&'static Preset),
    SetYear(u16),
    SetMetric(Metric),
    SetLang(Lang),
    SetName(String),
    AddProject(CustomProject),
    RemoveProject(usize),
    /// A whole scenario arrives: an imported file or a pasted link.
    Load(Box<Link>, Vec<Notice>),
    Notify(Notice),
    Dismiss(usize),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Drag(id, value) => {
                move_median(&mut next.scenario, id, value);
                next.pace = Pace::Dragging;
            }
            Action::Settle => next.pace = Pace::Settled,
            Action::SetMedian(id, value) => {
                move_median(&mut next.scenario, id, value);
                next.pace = Pace::Settled;
            }
            Action::SetBounds(id, low, high) => {
                let spec = id.spec();
                let notation = match next.scenario.value(id) {
                    Dist::Uniform { .. } => {
                        compute_demand_core::input::notation::Notation::Uniform(low, high)
                    }
                    _ => compute_demand_core::input::notation::Notation::Range90(low, high),
                };
                match validate::param_dist(spec, notation) {
                    Ok(dist) => next.scenario.set(id, dist),
                    Err(error) => next.notify(vec![Notice::error(error.to_string())]),
                }
            }
            Action::SetKind(id, kind) => {
                let value = next.scenario.value(id);
                next.scenario.set(id, convert(value, kind, id));
            }
            Action::Reset(id) => {
                let preset_value = next.scenario.preset_value(id);
                next.scenario.set(id, preset_value);
            }
            Action::ChoosePreset(preset) => next.scenario.reset_to(preset),
            Action::SetYear(year) => next.year = year,
            Action::SetMetric(metric) => next.metric = metric,
            Action::SetLang(lang) => next.lang = lang,
            Action::SetName(name) => match validate::name(&name) {
                Ok(name) => next.scenario.name = name,
                Err(error) => next.notify(vec![Notice::error(error.to_string())]),
            },
            Action::AddProject(project) => {
                if let Err(error) = next.scenario.add_project(project) {
                    next.notify(vec![Notice::error(error.to_string())]);
                }
            }
            Action::RemoveProject(index) => {
                if index < next.scenario.projects.len() {
                    next.scenario.projects.remove(index);
                }
            }
            Action::Load(link, notices) => {
                let lang = next.lang;
                next = AppState::new(*link, lang, notices);
            }
            Action::Notify(notice) => next.notify(vec![notice]),
            Action::Dismiss(index) => {
                if index < next.notices.len() {
                    next.notices.remove(index);
                }
                if next.notices.is_empty() {
                    next.unshown_notices = 0;
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

fn move_median(scenario: &mut Scenario, id: ParamId, value: f64) {
    if value.is_finite() {
        let spec = id.spec();
        let moved = scenario.value(id).with_median(value, spec.min, spec.max);
        scenario.set(id, moved);
    }
}

/// A value turned into another kind around the same median: a point opens into a range of
/// ×/÷1.5 (or ±10% of the parameter's span when it is not positive); a range collapses to its
/// median or keeps its bounds.
fn convert(value: Dist, kind: ValueKind, id: ParamId) -> Dist {
    let spec = id.spec();
    let median = value.median().clamp(spec.min, spec.max);
    let (low, high) = match value {
        Dist::Point(_) if median > 0.0 => (median / 1.5, median * 1.5),
        Dist::Point(_) => {
            let half = 0.1 * (spec.max - spec.min);
            (median - half, median + half)
        }
        other => other.bounds(),
    };
    let (low, high) = (
        low.clamp(spec.min, spec.max),
        high.clamp(spec.min, spec.max),
    );
    match kind {
        ValueKind::Point => Dist::Point(median),
        ValueKind::Range90 => Dist::Range90 { low, high },
        ValueKind::Uniform => Dist::Uniform { low, high },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use compute_demand_core::data::key;
    use compute_demand_core::PRESETS;

    fn start() -> Rc<AppState> {
        Rc::new(AppState::new(
            Link::of(Scenario::default()),
            Lang::En,
            vec![],
        ))
    }

    #[test]
    fn actions_change_what_they_say() {
        let id = key::TRAINING_FRONTIER_RUNS_PER_YEAR;
        let dragged = start().reduce(Action::Drag(id, 6.0));
        assert_eq!(dragged.pace, Pace::Dragging);
        assert!((dragged.scenario.value(id).median() - 6.0).abs() < 1e-9);
        let settled = dragged.reduce(Action::Settle);
        assert_eq!(settled.pace, Pace::Settled);

        let point = settled.reduce(Action::SetKind(id, ValueKind::Point));
        assert_eq!(
            point.scenario.value(id),
            Dist::Point(point.scenario.value(id).median())
        );
        let reset = point.reduce(Action::Reset(id));
        assert_eq!(reset.scenario.value(id), reset.scenario.preset_value(id));

        let bad = start().reduce(Action::SetBounds(id, 5.0, 100.0));
        assert_eq!(
            bad.scenario,
            Scenario::default(),
            "a refused value changes nothing"
        );
        assert!(
            bad.notices[0].text.contains("out of range"),
            "{:?}",
            bad.notices
        );
        let dismissed = bad.reduce(Action::Dismiss(0));
        assert!(dismissed.notices.is_empty());

        let high = start().reduce(Action::ChoosePreset(&PRESETS[2]));
        assert_eq!(high.scenario.preset.id, "high");
    }

    #[test]
    fn notices_are_capped() {
        let many = (0..40)
            .map(|i| Notice::error(format!("problem {i}")))
            .collect();
        let state = AppState::new(Link::of(Scenario::default()), Lang::En, many);
        assert_eq!(
            (state.notices.len(), state.unshown_notices),
            (MAX_NOTICES, 35)
        );
        let later = Rc::new(state).reduce(Action::Notify(Notice::info("saved")));
        assert_eq!(
            (later.notices.len(), later.unshown_notices),
            (MAX_NOTICES, 36)
        );
    }

    #[test]
    fn an_unchanged_state_is_the_same_rc() {
        let state = start();
        let same = state.clone().reduce(Action::SetYear(DEFAULT_YEAR));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn the_link_omits_default_views() {
        let state = start();
        assert_eq!(
            compute_demand_core::input::link::encode(&state.link()),
            "v1"
        );
        let moved = state
            .reduce(Action::SetYear(2027))
            .reduce(Action::SetMetric(Metric::CostEur));
        assert_eq!(
            compute_demand_core::input::link::encode(&moved.link()),
            "v1&y=2027&m=cost_eur"
        );
    }

    #[test]
    fn kinds_convert_around_the_median() {
        // (starting value, kind, expected)
        let id = key::TRAINING_STARTUPS_COUNT;
        let table = [
            (
                Dist::Point(750.0),
                ValueKind::Range90,
                Dist::Range90 {
                    low: 500.0,
                    high: 1125.0,
                },
            ),
            (
                Dist::Point(750.0),
                ValueKind::Uniform,
                Dist::Uniform {
                    low: 500.0,
                    high: 1125.0,
                },
            ),
            (
                Dist::Range90 {
                    low: 500.0,
                    high: 1125.0,
                },
                ValueKind::Uniform,
                Dist::Uniform {
                    low: 500.0,
                    high: 1125.0,
                },
            ),
            (
                Dist::Uniform {
                    low: 500.0,
                    high: 1000.0,
                },
                ValueKind::Point,
                Dist::Point(750.0),
            ),
        ];
        for (value, kind, expected) in table {
            assert_eq!(convert(value, kind, id), expected, "{value:?} → {kind:?}");
        }
        let lag = key::HARDWARE_FLEET_LAG_YEARS;
        let (low, high) = convert(Dist::Point(0.0), ValueKind::Range90, lag).bounds();
        assert!(
            (low + 0.6).abs() < 1e-12 && (high - 0.6).abs() < 1e-12,
            "±10% of the span -2..4"
        );
    }
}
