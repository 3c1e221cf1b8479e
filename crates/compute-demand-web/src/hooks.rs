//! The app's hooks: the model run memoised on the state, the address bar and storage kept in
//! step with it, window events, the file import, and callbacks that dispatch.

use crate::browser;
use crate::compute::Method;
use crate::compute::{self, Sensitivity, Shown};
use crate::state::{Action, AppState, Bound, FileRead, Pace, ProjectForm};
use compute_demand_core::data::Preset;
use compute_demand_core::input::link;
use compute_demand_core::input::project::ProjectField;
use compute_demand_core::input::validate::limits;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::dist::ValueKind;
use compute_demand_core::sim::sensitivity::{rank_influence_of_last_run, RankInfluence};
use compute_demand_core::{Metric, ParamId, Scenario, PARAMS};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// One parameter's callbacks.
pub struct ParamHandlers {
    pub ondrag: Callback<f64>,
    pub onrelease: Callback<f64>,
    pub onmedian: Callback<String>,
    pub onbound: Callback<(Bound, String)>,
    pub onkind: Callback<ValueKind>,
    pub onreset: Callback<()>,
}

/// Every callback that only dispatches an action, made once: the dispatcher never changes,
/// so a leaf given one keeps equal props and renders again only when its data changes.
pub struct Handlers {
    pub dismiss: Callback<usize>,
    pub preset: Callback<&'static Preset>,
    pub year: Callback<u16>,
    pub rename: Callback<String>,
    pub lang: Callback<Lang>,
    pub metric: Callback<Metric>,
    pub submit: Callback<ProjectForm>,
    pub remove: Callback<usize>,
    pub method: Callback<Method>,
    /// A pair's rho as typed or slid to.
    pub correlate: Callback<(ParamId, ParamId, String)>,
    pub uncorrelate: Callback<(ParamId, ParamId)>,
    /// Two keys and a rho, as the form holds them.
    pub add_pair: Callback<(String, String, String)>,
    pub pin: Callback<()>,
    pub reset_all: Callback<()>,
    /// A built-in project counted or left out.
    pub include: Callback<(usize, bool)>,
    /// A field of one of the scenario's own projects, as typed.
    pub edit_project: Callback<(usize, ProjectField, String)>,
    /// A figure to explain, or none.
    pub explain: Callback<Option<Metric>>,
    /// In `PARAMS` order.
    pub params: Vec<ParamHandlers>,
}

/// There is one set per app: two are the same when they are one.
impl PartialEq for Handlers {
    fn eq(&self, other: &Handlers) -> bool {
        std::ptr::eq(self, other)
    }
}

/// A callback that dispatches `action(value)`.
fn dispatching<T: 'static>(
    dispatch: &UseReducerDispatcher<AppState>,
    action: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |value| dispatch.dispatch(action(value)))
}

/// A callback that switches the page's language and keeps the choice.
fn switching_language(dispatch: &UseReducerDispatcher<AppState>) -> Callback<Lang> {
    let dispatch = dispatch.clone();
    Callback::from(move |lang| {
        browser::store_lang(lang);
        dispatch.dispatch(Action::SetLang(lang));
    })
}

fn handlers(dispatch: &UseReducerDispatcher<AppState>) -> Handlers {
    let params = PARAMS.iter().map(|spec| {
        let id = spec.id;
        ParamHandlers {
            ondrag: dispatching(dispatch, move |value| Action::Drag(id, value)),
            onrelease: dispatching(dispatch, move |value| Action::Release(id, value)),
            onmedian: dispatching(dispatch, move |text| Action::TypeMedian(id, text)),
            onbound: dispatching(dispatch, move |(bound, text)| {
                Action::TypeBound(id, bound, text)
            }),
            onkind: dispatching(dispatch, move |kind| Action::SetKind(id, kind)),
            onreset: dispatching(dispatch, move |()| Action::Reset(id)),
        }
    });
    Handlers {
        dismiss: dispatching(dispatch, Action::Dismiss),
        preset: dispatching(dispatch, Action::ChoosePreset),
        year: dispatching(dispatch, Action::SetYear),
        rename: dispatching(dispatch, Action::Rename),
        lang: switching_language(dispatch),
        metric: dispatching(dispatch, Action::SetMetric),
        submit: dispatching(dispatch, Action::SubmitProject),
        remove: dispatching(dispatch, Action::RemoveProject),
        method: dispatching(dispatch, Action::SetMethod),
        correlate: dispatching(dispatch, |(a, b, rho)| Action::SetCorrelation(a, b, rho)),
        uncorrelate: dispatching(dispatch, |(a, b)| Action::ResetCorrelation(a, b)),
        add_pair: dispatching(dispatch, |(a, b, rho)| Action::AddCorrelation(a, b, rho)),
        pin: dispatching(dispatch, |()| Action::TogglePin),
        reset_all: dispatching(dispatch, |()| Action::ResetAll),
        include: dispatching(dispatch, |(index, included)| {
            Action::IncludeProject(index, included)
        }),
        edit_project: dispatching(dispatch, |(index, field, text)| {
            Action::EditProject(index, field, text)
        }),
        explain: dispatching(dispatch, Action::Explain),
        params: params.collect(),
    }
}

/// The app's dispatching callbacks (see [`Handlers`]).
#[hook]
pub fn use_handlers(dispatch: &UseReducerDispatcher<AppState>) -> Rc<Handlers> {
    use_memo(dispatch.clone(), handlers)
}

/// The runs of one scenario (none when `wanted` is `None`): started when it changes, a run
/// that fits a slice at once, a larger one a slice per task (see [`compute::Runs`]), the first
/// with a preview or not. Gives the runs, how many are complete (what summaries follow) and
/// whether one is under way.
#[hook]
fn use_runs(wanted: Option<Scenario>, preview: bool) -> (Rc<RefCell<compute::Runs>>, u64, bool) {
    let runs = use_mut_ref(|| {
        if preview {
            compute::Runs::default()
        } else {
            compute::Runs::without_preview()
        }
    });
    // The run wanted: a slice of an older one, still scheduled, does nothing.
    let latest = use_mut_ref(|| 0u64);
    let update = use_force_update();
    {
        let (runs, latest) = (runs.clone(), latest.clone());
        use_memo(wanted, move |wanted| {
            *latest.borrow_mut() += 1;
            if let Some(scenario) = wanted {
                let done = browser::measured("compute-demand:simulate", || {
                    runs.borrow_mut().start(scenario)
                });
                if !done {
                    let run = *latest.borrow();
                    run_slices(runs, latest, run, update);
                }
            }
        });
    }
    let (complete, running) = {
        let runs = runs.borrow();
        (runs.complete_runs(), runs.is_running())
    };
    (runs, complete, running)
}

/// What the page shows of the model. The model runs when the scenario changes, on its own
/// sample count even while a slider moves: a run that fits a slice (a slider's move at
/// 10,000 draws) at once, a larger one a slice per task while the page keeps showing the last
/// complete run (see [`compute::Runs`]). The page's summaries are taken from the last complete
/// run's draws, again when only the year changes. The tornado follows the scenario (one at a
/// time) or the run (rank), the metric and the year. The last value says whether a run is
/// under way.
#[hook]
pub fn use_simulation(state: &AppState) -> (Rc<Shown>, Rc<Sensitivity>, bool) {
    let (runs, complete, running) = use_runs(Some(state.scenario.clone()), true);
    let shown = {
        let runs = runs.clone();
        use_memo((complete, state.year), move |(_, year)| {
            browser::measured("compute-demand:summaries", || {
                compute::shown(runs.borrow_mut().settled().last(), *year)
            })
        })
    };
    let explained = (state.scenario.clone(), state.metric, state.year);
    let sensitivity = use_memo(
        (explained, complete, state.method),
        move |((scenario, metric, year), _, method)| {
            browser::measured("compute-demand:sensitivity", || {
                let mut runs = runs.borrow_mut();
                compute::sensitivity(runs.settled(), scenario, (*metric, *year), *method)
            })
        },
    );
    (shown, sensitivity, running)
}

/// Runs the slices of run `run` a task each, then has the page drawn again; stops when
/// another run is wanted.
fn run_slices(
    runs: Rc<RefCell<compute::Runs>>,
    latest: Rc<RefCell<u64>>,
    run: u64,
    update: UseForceUpdateHandle,
) {
    browser::later(move || {
        if *latest.borrow() != run {
            return;
        }
        let done = browser::measured("compute-demand:simulate", || runs.borrow_mut().step());
        if done {
            update.force_update();
        } else {
            run_slices(runs, latest, run, update);
        }
    });
}

/// What the page shows of the pinned scenario, when there is one: its own run at its own
/// sampling, a slice per task like the page's (see [`use_simulation`]); its summaries for the
/// year; for the rank tornado, its rank correlations over that run; and whether a run is
/// under way.
#[hook]
pub fn use_pinned(state: &AppState) -> Pinned {
    // No preview: the page's first task stays short, and the deltas say they are coming.
    let (runs, complete, running) = use_runs(state.pinned.clone(), false);
    let pinned = state.pinned.is_some();
    let running = pinned && running;
    let shown = {
        let runs = runs.clone();
        use_memo(
            (pinned, complete, state.year),
            move |&(pinned, complete, year)| {
                (pinned && complete > 0)
                    .then(|| Rc::new(compute::shown(runs.borrow_mut().settled().last(), year)))
            },
        )
    };
    let ranked = (shown.is_some() && state.method == Method::Rank).then_some(state.metric);
    let rank = use_memo(
        (shown.clone(), ranked, state.year),
        move |(_, ranked, year)| {
            ranked.map(|metric| {
                let mut runs = runs.borrow_mut();
                Rc::new(rank_influence_of_last_run(runs.settled(), metric, *year))
            })
        },
    );
    Pinned {
        shown: (*shown).clone(),
        rank: (*rank).clone(),
        running,
    }
}

/// Asks the outcome views to draw `#outcome` for the page's link (`browser::show_views`)
/// once `drawn` (the results are the scenario's own and the element is on the page) and the
/// link settled: once per release of a slider, not per pixel.
#[hook]
pub fn use_outcome_views(state: &AppState, drawn: bool) {
    let asked = (drawn && state.pace == Pace::Settled).then(|| link::encode(&state.link()));
    use_effect_with(asked, |asked| {
        if let Some(fragment) = asked {
            browser::show_views(fragment);
        }
    });
}

/// The pinned scenario as the page shows it (see [`use_pinned`]).
pub struct Pinned {
    pub shown: Option<Rc<Shown>>,
    pub rank: Option<Rc<Vec<RankInfluence>>>,
    /// A run of it is under way.
    pub running: bool,
}

/// The address bar is always a share link, and the last scenario is kept. While a slider
/// moves, the writes wait for its release: one address-bar rewrite and one storage write per
/// gesture rather than per pixel. A kept value that did not read is not written over until
/// the scenario changes; storage that refuses is said once. When the tab comes back (focus,
/// visibility, another tab's write), it says whether another tab has kept a different
/// scenario since, and keeps its own. A link pasted over the address is opened. Once the page
/// is drawn, the parameters' source texts are fetched (not for an embed, which shows none).
#[hook]
pub fn use_link_sync(state: &UseReducerHandle<AppState>) {
    // What this tab last kept.
    let own = use_mut_ref(|| None::<String>);
    let settled_link = (state.pace == Pace::Settled).then(|| state.link());
    // An embed (in another site's iframe) leaves this browser's kept scenario alone.
    let keep = !state.hold_storage && state.embed.is_none();
    let dispatch = state.dispatcher();
    {
        let (own, dispatch) = (own.clone(), dispatch.clone());
        use_effect_with((settled_link, keep), move |(link, keep)| {
            if let Some(link) = link {
                browser::replace_fragment(&link::encode(link));
                if *keep {
                    // The scenario is kept, not the language (kept apart, when chosen).
                    let fragment = link::encode(&link::Link {
                        lang: None,
                        ..link.clone()
                    });
                    match browser::store_scenario(&fragment) {
                        Ok(()) => {
                            *own.borrow_mut() = Some(fragment);
                            dispatch.dispatch(Action::Stored);
                        }
                        Err(browser::Refused) => dispatch.dispatch(Action::StorageRefused),
                    }
                }
            }
        });
    }
    let embed = state.embed.is_some();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if !embed {
                load_sources_later(dispatch.clone());
            }
            let check = Rc::new(move |_: &Event| {
                if let Ok(stored) = browser::stored_scenario() {
                    let own = own.borrow().clone();
                    dispatch.dispatch(Action::StorageChecked { own, stored });
                }
            });
            let listeners: Vec<_> = ["storage", "focus", "visibilitychange"]
                .into_iter()
                .filter_map(|event| {
                    let check = check.clone();
                    browser::on_window(event, move |e| check(e))
                })
                .collect();
            move || drop(listeners)
        });
    }
    use_window_event("hashchange", move |_| {
        let fragment = browser::fragment();
        let decoded = link::decode(&fragment);
        // What could not be read leaves the address bar, even when nothing changed (the
        // notice keeps the link as it was pasted).
        browser::replace_fragment(&link::encode(&decoded.link));
        dispatch.dispatch(Action::OpenLink(Box::new(decoded), fragment.into()));
    });
}

/// Listens to `event` at the window while the component is mounted. The first render's
/// handler stays: it should hold only handles that do not change (a dispatcher, a setter).
#[hook]
pub fn use_window_event<F>(event: &'static str, handler: F)
where
    F: Fn(&Event) + 'static,
{
    use_effect_with((), move |_| {
        let listener = browser::on_window(event, handler);
        move || drop(listener)
    });
}

/// Whether the window is phone-narrow, followed as it is resized: charts draw narrower on
/// small screens so their text stays legible.
#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state(browser::is_narrow);
    let setter = narrow.clone();
    use_window_event("resize", move |_| setter.set(browser::is_narrow()));
    *narrow
}

/// A callback that reads a chosen scenario file and hands its text (or why there is none) to
/// the reducer. A file over the size cap is not read.
#[hook]
pub fn use_file_import(dispatch: &UseReducerDispatcher<AppState>) -> Callback<web_sys::File> {
    // The reading in flight: dropping it would cancel it.
    let reading = use_mut_ref(|| None::<browser::FileReader>);
    let dispatch = dispatch.clone();
    Callback::from(move |file: web_sys::File| {
        let name = file.name();
        if file.size() > limits::MAX_FILE_BYTES as f64 {
            let read = FileRead::TooLarge(file.size() as u64);
            return dispatch.dispatch(Action::Import(name, read));
        }
        let dispatch = dispatch.clone();
        let reader = browser::read_text(file, move |text| {
            let Some(text) = text else {
                return dispatch.dispatch(Action::Import(name, FileRead::Unreadable));
            };
            // Read and checked by the page's second module; its scenario comes back as a link.
            let args = [JsValue::from_str(&text), JsValue::from_str(&name)];
            browser::ask_module("read_scenario", &args, move |refusal, fragment| {
                let read = match (refusal, fragment) {
                    (None, Some(fragment)) => {
                        FileRead::Scenario(Box::new(link::decode(&fragment).link.scenario))
                    }
                    (refusal, _) => FileRead::Refused(refusal.unwrap_or_default()),
                };
                dispatch.dispatch(Action::Import(name, read));
            });
        });
        *reading.borrow_mut() = Some(reader);
    })
}

/// Fetches the texts shown after the first render (see `crate::sources`) when the browser is idle, at
/// the latest two seconds on, and hands them to the state: called once the page is drawn, so
/// that nothing waits for them.
fn load_sources_later(dispatch: UseReducerDispatcher<AppState>) {
    browser::when_idle(2000, move || {
        js_sys::futures::spawn_local(async move {
            dispatch.dispatch(Action::SourcesLoaded(browser::load_sources().await));
        });
    });
}

/// How many of `total` parts of the page are drawn: none in the page's first task, then one
/// more per task. The parameters, the correlations and the register (four elements in five
/// of the page's) come this way after the answer, so that every task stays short however
/// large the scenario (issue 15: no frame over 200 ms). The prerendered page, which works
/// without JavaScript, is the first view: the answer, without controls that would need the
/// app to move.
#[hook]
pub fn use_parts(total: usize) -> usize {
    let parts = use_state(|| 0usize);
    {
        let parts = parts.clone();
        use_effect_with(*parts, move |&drawn| {
            if drawn < total {
                browser::later(move || parts.set(drawn + 1));
            }
        });
    }
    *parts
}
