//! The app: one reducer for the state, the computations memoised on it, the effects that
//! keep the address bar and storage in step, and the layout.

use crate::browser;
use crate::components::charts::{DemandSupplyChart, SegmentChart, TornadoChart};
use crate::components::headline::Headline;
use crate::components::notices::Notices;
use crate::components::param_control::ParamControl;
use crate::components::projects::Projects;
use crate::components::toolbar::{Export, MetricPicker, ScenarioBar, ShareBar};
use crate::compute;
use crate::i18n::{group, texts};
use crate::state::{Action, AppState, Notice, Pace};
use compute_demand_core::input::link::{self, Decoded, Link};
use compute_demand_core::input::scenario_file;
use compute_demand_core::input::validate::{self, limits};
use compute_demand_core::output::report::{outlook_csv, outlook_json};
use compute_demand_core::{ParamGroup, Scenario, Simulator, PARAMS};
use gloo_events::EventListener;
use gloo_file::callbacks::FileReader;
use yew::prelude::*;

/// The scenario a visit starts from: the link if there is one, else the last one kept in
/// this browser, else the baseline. Whatever could not be read is said, and the rest kept.
fn initial_state() -> AppState {
    let lang = browser::preferred_lang();
    let fragment = browser::fragment();
    let (decoded, from_storage) = if !fragment.is_empty() {
        (link::decode(&fragment), false)
    } else if let Some(stored) = browser::stored_scenario() {
        (link::decode(&stored), true)
    } else {
        (
            Decoded {
                link: Link::of(Scenario::default()),
                problems: vec![],
            },
            false,
        )
    };
    let notices = decoded
        .problems
        .iter()
        .map(|problem| {
            let text = problem.to_string();
            Notice::error(if from_storage {
                text.replacen("link", "saved scenario", 1)
            } else {
                text
            })
        })
        .collect();
    AppState::new(decoded.link, lang, notices)
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let dispatch = state.dispatcher();
    let simulator = use_mut_ref(Simulator::new);
    let runs = use_mut_ref(|| 0u64);
    let file_reader = use_mut_ref(|| None::<FileReader>);

    // The model runs when the scenario or the pace changes; the page's summaries are taken
    // from its draws, again when only the year changes.
    let run = {
        let (simulator, runs) = (simulator.clone(), runs.clone());
        use_memo(
            (state.scenario.clone(), state.pace),
            move |(scenario, pace)| {
                browser::measured("compute-demand:simulate", || {
                    compute::simulate(&mut simulator.borrow_mut(), scenario, *pace)
                });
                *runs.borrow_mut() += 1;
                *runs.borrow()
            },
        )
    };
    let shown = {
        let simulator = simulator.clone();
        use_memo((*run, state.year), move |(_, year)| {
            browser::measured("compute-demand:summaries", || {
                compute::shown(simulator.borrow_mut().last(), *year)
            })
        })
    };
    let tornado = use_memo(
        (state.scenario.clone(), state.metric, state.year),
        |(scenario, metric, year)| {
            browser::measured("compute-demand:sensitivity", || {
                compute::sensitivity(scenario, *metric, *year)
            })
        },
    );

    // The address bar is always a share link, and the last scenario is kept. While a slider
    // moves, the writes wait for its release: one address-bar rewrite and one storage write
    // per gesture rather than per pixel.
    let settled_link = (state.pace == Pace::Settled).then(|| state.link());
    use_effect_with(settled_link, |link| {
        if let Some(link) = link {
            let fragment = link::encode(link);
            browser::replace_fragment(&fragment);
            browser::store_scenario(&fragment);
        }
    });
    use_effect_with(state.lang, |lang| browser::store_lang(*lang));
    // Charts draw narrower on small screens so their text stays legible.
    let narrow = use_state(browser::is_narrow);
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| narrow.set(browser::is_narrow()))
            });
            move || drop(listener)
        });
    }
    use_effect_with((), |_| browser::mark_ready());
    {
        // A link pasted over this page's address arrives as a hashchange.
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    let decoded = link::decode(&browser::fragment());
                    // What could not be read leaves the address bar, even when nothing changed.
                    browser::replace_fragment(&link::encode(&decoded.link));
                    let notices = decoded
                        .problems
                        .iter()
                        .map(|p| Notice::error(p.to_string()))
                        .collect();
                    dispatch.dispatch(Action::Load(Box::new(decoded.link), notices));
                })
            });
            move || drop(listener)
        });
    }

    let t = texts(state.lang);
    let on_export = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |what: Export| {
            let scenario = &state.scenario;
            let outlook = || compute::full_outlook(scenario);
            let result = match what {
                Export::Csv => {
                    browser::download("compute-demand.csv", "text/csv", &outlook_csv(&outlook()))
                }
                Export::Json => browser::download(
                    "compute-demand.json",
                    "application/json",
                    &outlook_json(scenario, &outlook()),
                ),
                Export::Svg => browser::svg_markup("chart-demand-supply")
                    .ok_or_else(|| "the chart is not on the page".to_string())
                    .and_then(|svg| {
                        browser::download("compute-demand-chart.svg", "image/svg+xml", &svg)
                    }),
                Export::Scenario => browser::download(
                    "scenario.toml",
                    "text/plain",
                    &scenario_file::write(scenario),
                ),
            };
            if let Err(message) = result {
                dispatch.dispatch(Action::Notify(Notice::error(message)));
            }
        })
    };
    let on_import = {
        let dispatch = dispatch.clone();
        let imported = t.imported;
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            if file.size() > limits::MAX_FILE_BYTES as f64 {
                let error = validate::file_too_large(Some(file.size() as u64)).at(name);
                return dispatch.dispatch(Action::Notify(Notice::error(error.to_string())));
            }
            let dispatch = dispatch.clone();
            let reader =
                gloo_file::callbacks::read_as_text(&gloo_file::File::from(file), move |read| {
                    let action = match read {
                        Ok(text) => match scenario_file::parse(&text, &name) {
                            Ok(scenario) => Action::Load(
                                Box::new(Link::of(scenario)),
                                vec![Notice::info(format!("{imported} ({name})"))],
                            ),
                            Err(error) => Action::Notify(Notice::error(error.to_string())),
                        },
                        Err(_) => Action::Notify(Notice::error(format!(
                            "{name}: the file could not be read as text"
                        ))),
                    };
                    dispatch.dispatch(action);
                });
            *file_reader.borrow_mut() = Some(reader);
        })
    };
    let on_copy = {
        let dispatch = dispatch.clone();
        let copied = t.copied;
        Callback::from(move |_| {
            if browser::copy_to_clipboard(&browser::current_url()) {
                dispatch.dispatch(Action::Notify(Notice::info(copied)));
            }
        })
    };
    let on_year = dispatch.to_callback().reform(Action::SetYear);
    let on_dismiss = dispatch.to_callback().reform(Action::Dismiss);
    let sampling = shown.sampling;

    html! {
        <div class="app" lang={state.lang.code()}>
            <header class="masthead">
                <h1>{ t.title }</h1>
                <p class="lede">{ t.lede }</p>
            </header>
            <Notices notices={state.notices.clone()} unshown={state.unshown_notices} more_label={t.more_notices}
                dismiss_label={t.dismiss} ondismiss={on_dismiss} />
            <ScenarioBar preset={state.scenario.preset.id} name={state.scenario.name.clone()} year={state.year}
                lang={state.lang} dispatch={dispatch.clone()} />
            <div class="layout">
                <main class="results">
                    <Headline shown={shown.clone()} lang={state.lang} />
                    <p class="sampling" aria-live="off">
                        { format!("{} {} · seed {}", sampling.samples, t.samples, sampling.seed) }
                        if state.pace == Pace::Dragging { { format!(" · {}", t.updating) } }
                    </p>
                    <DemandSupplyChart shown={shown.clone()} narrow={*narrow} lang={state.lang} onyear={on_year} />
                    <SegmentChart shown={shown.clone()} narrow={*narrow} lang={state.lang} />
                    <div class="tornado-head">
                        <MetricPicker metric={state.metric} lang={state.lang} dispatch={dispatch.clone()} />
                    </div>
                    <TornadoChart tornado={tornado} narrow={*narrow} lang={state.lang} />
                    <ShareBar lang={state.lang} oncopy={on_copy} onexport={on_export} onimport={on_import} />
                </main>
                <aside class="controls" aria-labelledby="controls-title">
                    <h2 id="controls-title">{ t.controls }</h2>
                    { for ParamGroup::ALL.iter().map(|&g| html! {
                        <details class="group" open=true data-group={g.key()}>
                            <summary>{ group(g, state.lang) }</summary>
                            { for PARAMS.iter().filter(|spec| spec.group == g).map(|spec| html! {
                                <ParamControl key={spec.key} spec={spec} value={state.scenario.value(spec.id)}
                                    preset_value={state.scenario.preset_value(spec.id)} lang={state.lang} dispatch={dispatch.clone()} />
                            }) }
                        </details>
                    }) }
                    <Projects projects={state.scenario.projects.clone()} lang={state.lang} dispatch={dispatch.clone()} />
                </aside>
            </div>
            <footer class="footer"><p>{ t.footer }</p></footer>
        </div>
    }
}
