//! The results column: the answer and the main chart first, then the figures and the
//! sentence that sums them up, the other charts and the share bar; on a narrow screen, the
//! summary bar.

use crate::browser;
use crate::components::charts::{DemandSupplyChart, SegmentChart, TornadoChart};
use crate::components::explain::Explain;
use crate::components::headline::{answer, figure_grid, verdict_heading, FigureView};
use crate::components::summary::summary_bar;
use crate::components::toolbar::{method_switch, Export, MetricPicker, ShareBar};
use crate::compute;
use crate::hooks::{use_file_import, use_narrow, use_pinned, use_simulation, Handlers};
use crate::i18n::{self, texts};
use crate::state::{Action, AppState, Notice, Pace};
use compute_demand_core::input::scenario_file;
use compute_demand_core::model::explain::{explain, register_mw};
use compute_demand_core::output::report::{outlook_csv, outlook_json};
use compute_demand_core::{Metric, Scenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub state: UseReducerHandle<AppState>,
    pub on: Rc<Handlers>,
}

/// Saves `what` of `scenario` as a file; the error says why it could not.
fn export(scenario: &Scenario, what: Export) -> Result<(), String> {
    let outlook = || compute::full_outlook(scenario);
    match what {
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
            .and_then(|svg| browser::download("compute-demand-chart.svg", "image/svg+xml", &svg)),
        Export::Scenario => browser::download(
            "scenario.toml",
            "text/plain",
            &scenario_file::write(scenario),
        ),
    }
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher();
    let (shown, sensitivity) = use_simulation(state);
    let narrow = use_narrow();
    let on_import = use_file_import(&dispatch);
    let t = texts(state.lang);
    let on_export = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |what| {
            if let Err(message) = export(&state.scenario, what) {
                dispatch.dispatch(Action::Notify(Notice::error(message)));
            }
        })
    };
    let on_copy = {
        let copied = t.copied;
        Callback::from(move |()| {
            if browser::copy_to_clipboard(&browser::current_url()) {
                dispatch.dispatch(Action::Notify(Notice::info(copied)));
            }
        })
    };
    let sampling = shown.sampling;
    let lang = state.lang;
    let pinned = use_pinned(state);
    let on = &props.on;
    let view = FigureView {
        shown: &shown,
        pinned: pinned.as_deref(),
        lang,
        explained: state.explained,
        onexplain: &on.explain,
    };
    // The chain behind the open figure, and the register's nameplate, at the scenario's
    // medians: cheap (one pass of the model), so not memoised.
    let model = state.scenario.model();
    let medians = state.scenario.medians();
    let nameplate_mw = register_mw(&model, &medians, state.year).0;
    // The pinned scenario's figure at its medians: the tornado's ghost.
    let pinned_base = state.pinned.as_ref().map(|pinned| {
        let at = usize::from(state.year - compute_demand_core::FIRST_YEAR);
        pinned.model().project(&pinned.medians())[at][state.metric]
    });
    let explained = state.explained.map(|metric| {
        let steps = explain(&model, &medians, metric, state.year);
        let drawn = shown.headline[metric];
        let drawn = if metric == Metric::DemandExceedsSupply { drawn.mean } else { drawn.p50 };
        let onparam = Callback::from(|key: &'static str| browser::reveal(&format!("param-{key}")));
        html! {
            <Explain {metric} year={state.year} {steps} drawn_median={drawn} samples={sampling.samples}
                {lang} onclose={on.explain.reform(|()| None)} {onparam} />
        }
    });

    html! {
        <main class="results" data-samples={sampling.samples.to_string()}>
            <section class="headline" aria-labelledby="headline-title">
                <div class="lead">
                    { answer(view) }
                    <DemandSupplyChart shown={shown.clone()} pinned={pinned.clone()} narrow={narrow} lang={lang} onyear={props.on.year.clone()} />
                </div>
                <p class="sampling" aria-live="off">
                    { i18n::sampling(sampling.samples, sampling.seed, lang) }
                    if state.pace == Pace::Dragging { { format!(" · {}", t.updating) } }
                </p>
                { figure_grid(view) }
                { for explained }
                { verdict_heading(&shown, nameplate_mw, lang) }
            </section>
            <SegmentChart shown={shown.clone()} pinned={pinned.clone()} narrow={narrow} lang={lang} />
            <div class="tornado-head">
                <MetricPicker metric={state.metric} lang={lang} onmetric={props.on.metric.clone()} />
                { method_switch(state.method, lang, &props.on.method) }
            </div>
            <TornadoChart {sensitivity} shown={shown.clone()} {pinned_base} narrow={narrow} lang={lang} />
            <ShareBar lang={lang} oncopy={on_copy} onexport={on_export} onimport={on_import} />
            { summary_bar(&shown, lang) }
        </main>
    }
}
