//! The results column: the answer and the main chart first, then the figures and the
//! sentence that sums them up, the other charts and the share bar; on a narrow screen, the
//! summary bar. In an embed, one chart, the sentence and the source line only.

use super::{copier, url_of};
use crate::browser;
use crate::components::charts::{
    chart_legend, chart_title, DemandSupplyChart, SegmentChart, TornadoChart,
};
use crate::components::explain::{Explain, PinnedChain};
use crate::components::headline::{
    answer, figure_grid, quotable, verdict_heading, FigureView, ANSWER,
};
use crate::components::summary::summary_bar;
use crate::components::toolbar::{chart_downloads, method_switch, Export, MetricPicker, ShareBar};
use crate::compute;
use crate::export::{self, Caption, ImageFormat};
use crate::hooks::{use_file_import, use_narrow, use_pinned, use_simulation, Handlers, Pinned};
use crate::i18n::{self, preset_label, texts};
use crate::state::{Action, AppState, Method, Notice};
use compute_demand_core::data::{Source, DATA_AS_OF};
use compute_demand_core::input::link::Link;
use compute_demand_core::input::scenario_file;
use compute_demand_core::model::explain::{explain, register_mw};
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::report::{outlook_csv, outlook_json, ReportMeta};
use compute_demand_core::Metric;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub state: UseReducerHandle<AppState>,
    pub on: Rc<Handlers>,
    /// Whether the charts below the headline are drawn: not in the page's first task, which
    /// draws the answer only.
    pub lower_drawn: bool,
    /// Whether the rest of the page (the controls) is drawn too: the page is ready then.
    pub rest_drawn: bool,
}

/// Saves `what` of the state's scenario as a file; the error says why it could not (a PNG's
/// that comes after this returns goes to `failed`).
fn export(state: &AppState, what: Export, failed: impl Fn(String) + 'static) -> Result<(), String> {
    let scenario = &state.scenario;
    let outlook = || compute::full_outlook(scenario);
    match what {
        Export::Csv => {
            browser::download("compute-demand.csv", "text/csv", &outlook_csv(&outlook()))
        }
        Export::Json => {
            let permalink = url_of(&state.link());
            let sources = state.sources;
            let meta = ReportMeta {
                version: export::VERSION,
                data_as_of: DATA_AS_OF,
                permalink: &permalink,
                source_of: &move |spec| Source {
                    text: sources.text(spec).unwrap_or_default(),
                    url: sources.url(spec),
                },
            };
            let json = outlook_json(scenario, &outlook(), &meta);
            browser::download("compute-demand.json", "application/json", &json)
        }
        Export::Chart(chart, format) => export_chart(state, (chart, format), failed),
        Export::Scenario => browser::download(
            "scenario.toml",
            "text/plain",
            &scenario_file::write(scenario),
        ),
    }
}

/// Saves a chart as a figure: its SVG as the page draws it, with the title, the scenario and
/// year, the source line, the licence and the permalink drawn in.
fn export_chart(
    state: &AppState,
    (chart, format): (ChartId, ImageFormat),
    failed: impl Fn(String) + 'static,
) -> Result<(), String> {
    let lang = state.lang;
    let markup = browser::svg_markup(&export::dom_id(chart))
        .ok_or_else(|| "the chart is not on the page".to_string())?;
    let name = match state.scenario.name.as_str() {
        "" => preset_label(state.scenario.preset, lang),
        name => name,
    };
    let legend = chart_legend(chart, state.method == Method::Rank, lang);
    let caption = Caption {
        title: &chart_title(chart, (state.metric, state.year), lang),
        subtitle: &format!("{name} · {}", state.year),
        legend: &legend,
        credit: &export::credit_line(lang),
        permalink: &url_of(&state.link()),
    };
    let scale = match format {
        ImageFormat::Png => export::PNG_SCALE,
        ImageFormat::Svg => 1.0,
    };
    let figure = export::figure_svg(&markup, &caption, scale)
        .ok_or_else(|| "the chart could not be read".to_string())?;
    let file = export::file_name(chart, format);
    match format {
        ImageFormat::Svg => browser::download(&file, "image/svg+xml", &figure.svg),
        ImageFormat::Png => {
            let size = (figure.width as u32, figure.height as u32);
            browser::download_png(&file, &figure.svg, size, failed)
        }
    }
}

/// An embed: the chart alone, the sentence that answers, and where it comes from, with a
/// link to the whole app.
fn embed_view(chart: Html, verdict: Html, state: &AppState, samples: usize) -> Html {
    let full = url_of(&Link {
        embed: None,
        ..state.link()
    });
    html! {
        <main class="results" data-samples={samples.to_string()}>
            { chart }
            { verdict }
            <p class="source" data-source="">
                { export::credit_line(state.lang) }{ " · " }
                <a href={full} target="_blank" rel="noopener">{ texts(state.lang).open_full() }</a>
            </p>
        </main>
    }
}

/// The iframe code that embeds this scenario's main chart.
fn embed_code(state: &AppState) -> AttrValue {
    let link = Link {
        embed: Some(ChartId::DemandSupply),
        ..state.link()
    };
    export::iframe_code(&url_of(&link)).into()
}

/// The download callback: a refusal becomes a notice.
fn exporter(state: &UseReducerHandle<AppState>) -> Callback<Export> {
    let (state, dispatch) = (state.clone(), state.dispatcher());
    Callback::from(move |what| {
        let dispatch = dispatch.clone();
        let failed =
            move |message: String| dispatch.dispatch(Action::Notify(Notice::error(message)));
        if let Err(message) = export(&state, what, failed.clone()) {
            failed(message);
        }
    })
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let state = &props.state;
    let dispatch = state.dispatcher();
    let (shown, sensitivity, running) = use_simulation(state);
    // The figures are the scenario's own run, not the last one's while a run is under way:
    // then the page is ready (once), and otherwise it says it is updating.
    let current = !running && props.rest_drawn;
    use_effect_with(current, |current| {
        if *current {
            browser::mark_ready();
        }
    });
    let narrow = use_narrow();
    let on_import = use_file_import(&dispatch);
    let t = texts(state.lang);
    let on_export = exporter(state);
    let on_copy = copier(state.lang);
    let sampling = shown.sampling;
    let lang = state.lang;
    let Pinned {
        shown: pinned,
        rank: pinned_rank,
        running: pinning,
    } = use_pinned(state);
    // Figures or their changes against the pinned scenario still to come.
    let updating = running || pinning;
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
    let explained = explain_panel(state, (&model, &medians), &shown, on);

    use_explain_focus(state.explained);
    // The explanation opens right under the figure that asked for it.
    let (under_answer, under_figure) = if state.explained == Some(ANSWER) {
        (explained, None)
    } else {
        (None, explained)
    };

    let demand_supply = html! {
        <DemandSupplyChart shown={shown.clone()} pinned={pinned.clone()} narrow={narrow} lang={lang} onyear={props.on.year.clone()} />
    };
    let segments = html! { <SegmentChart shown={shown.clone()} pinned={pinned.clone()} narrow={narrow} lang={lang} /> };
    let tornado = html! { <TornadoChart {sensitivity} shown={shown.clone()} {pinned_base} {pinned_rank} narrow={narrow} lang={lang} /> };
    let verdict = verdict_heading(&shown, nameplate_mw, lang);
    if let Some(chart) = state.embed {
        let chart = match chart {
            ChartId::DemandSupply => demand_supply,
            ChartId::Segments => segments,
            ChartId::Tornado => tornado,
        };
        return embed_view(chart, verdict, state, sampling.samples);
    }
    let downloads = |chart| chart_downloads(chart, lang, &on_export);

    html! {
        <main class="results" data-samples={sampling.samples.to_string()} aria-busy={updating.then_some("true")}>
            <section class="headline" aria-labelledby="headline-title">
                <div class="lead">
                    { answer(view, quotable(&shown, lang, Some(&on_copy))) }
                    { demand_supply }
                </div>
                { for under_answer }
                { downloads(ChartId::DemandSupply) }
                <p class="sampling" aria-live="off">
                    { i18n::sampling(sampling.samples, sampling.seed, lang) }
                    if updating { { format!(" · {}", t.updating()) } }
                </p>
                { figure_grid(view, under_figure) }
                { verdict }
            </section>
            if props.lower_drawn {
                { segments }
                { downloads(ChartId::Segments) }
                { tornado_head(state, &props.on) }
                { tornado }
                { downloads(ChartId::Tornado) }
                <ShareBar lang={lang} oncopy={on_copy} onexport={on_export.clone()} onimport={on_import}
                    embed_code={embed_code(state)} />
                { summary_bar(&shown, lang) }
            }
        </main>
    }
}

/// The open figure's chain, at the scenario's medians, beside the Monte Carlo median shown.
fn explain_panel(
    state: &AppState,
    (model, medians): (
        &compute_demand_core::Model,
        &compute_demand_core::ParamValues,
    ),
    shown: &compute::Shown,
    on: &Handlers,
) -> Option<Html> {
    state.explained.map(|metric| {
        let steps = explain(model, medians, metric, state.year);
        let pinned = state.pinned.as_ref().map(|pinned| {
            let values = pinned.medians();
            let steps = explain(&pinned.model(), &values, metric, state.year);
            PinnedChain { steps, values }
        });
        let drawn = shown.headline[metric];
        let drawn = if metric == Metric::DemandExceedsSupply { drawn.mean } else { drawn.p50 };
        let onparam = Callback::from(|key: &'static str| browser::reveal(&format!("param-{key}")));
        html! {
            <Explain {metric} year={state.year} {steps} values={*medians} {pinned} drawn_median={drawn} samples={shown.sampling.samples}
                lang={state.lang} onclose={on.explain.reform(|()| None)} {onparam} sources={state.sources} />
        }
    })
}

/// An explanation that opens is brought into view and takes the focus; one that closes
/// gives the focus back to the button that opened it.
#[hook]
fn use_explain_focus(explained: Option<Metric>) {
    let last = use_mut_ref(|| None::<Metric>);
    use_effect_with(explained, move |now| {
        let before = last.replace(*now);
        match (before, *now) {
            (_, Some(_)) => browser::reveal("explain"),
            (Some(metric), None) => {
                browser::focus_first(&format!("[data-explain-open=\"{}\"]", metric.key()))
            }
            (None, None) => {}
        }
    });
}

/// Above the tornado: the metric it explains, and how.
fn tornado_head(state: &AppState, on: &Handlers) -> Html {
    html! {
        <div class="tornado-head">
            <MetricPicker metric={state.metric} lang={state.lang} onmetric={on.metric.clone()} />
            { method_switch(state.method, state.lang, &on.method) }
        </div>
    }
}
