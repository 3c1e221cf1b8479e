//! The results column: the answer and the main chart first, then the figures and the
//! sentence that sums them up, the other charts and the share bar; on a narrow screen, the
//! summary bar. In an embed, one chart, the sentence and the source line only.

use super::downloads::{embed_code, exporter};
use super::{copier, url_of};
use crate::browser;
use crate::components::charts::{DemandSupplyChart, SegmentChart, TornadoChart};
use crate::components::explain::{Explain, PinnedChain};
use crate::components::headline::{
    answer, figure_grid, quotable, verdict_heading, FigureView, ANSWER,
};
use crate::components::summary::summary_bar;
use crate::components::toolbar::{
    chart_downloads, method_switch, CopyAsked, MetricPicker, ShareBar,
};
use crate::compute;
use crate::export;
use crate::hooks::{
    use_file_import, use_narrow, use_outcome_views, use_pinned, use_simulation, Handlers, Pinned,
};
use crate::i18n::{self, texts};
use crate::state::AppState;
use compute_demand_core::input::link::Link;
use compute_demand_core::model::explain::{explain, register_mw};
use compute_demand_core::output::chart::ChartId;
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

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let state = &props.state;
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
    let on_import = use_file_import(&state.dispatcher());
    let on_export = exporter(state);
    let on_copy = copier(state.lang);
    let pinned = use_pinned(state);
    use_explain_focus(state.explained);
    use_outcome_views(
        state,
        current && (props.lower_drawn || state.embed.is_some()),
    );
    let lang = state.lang;
    let at_medians = AtMedians::of(state);
    let charts = charts(state, (&shown, sensitivity), &pinned, narrow, &props.on);
    let verdict = verdict_heading(&shown, at_medians.nameplate_mw, lang);
    if let Some(chart) = state.embed {
        let chart = match chart {
            ChartId::DemandSupply => charts.demand_supply,
            ChartId::Segments => charts.segments,
            ChartId::Tornado => charts.tornado,
            ChartId::Exceedance => outcome_views(),
        };
        return embed_view(chart, verdict, state, shown.sampling.samples);
    }
    let downloads = |chart| chart_downloads(chart, lang, &on_export);
    // Figures or their changes against the pinned scenario still to come.
    let updating = running || pinned.running;
    let headline = Headline {
        shown: &shown,
        pinned: pinned.shown.as_deref(),
        explained: explain_panel(state, &at_medians, &shown, &props.on),
        demand_supply: charts.demand_supply,
        downloads: downloads(ChartId::DemandSupply),
        verdict,
        updating,
    };

    html! {
        <main class="results" data-samples={shown.sampling.samples.to_string()} aria-busy={updating.then_some("true")}>
            { headline.view(state, &props.on, &on_copy) }
            if props.lower_drawn {
                { charts.segments }
                { downloads(ChartId::Segments) }
                { tornado_head(state, &props.on) }
                { charts.tornado }
                { downloads(ChartId::Tornado) }
                { outcome_views() }
                <ShareBar lang={lang} oncopy={on_copy} onexport={on_export.clone()} onimport={on_import}
                    embed_code={embed_code(state)} />
                { summary_bar(&shown, lang) }
            }
        </main>
    }
}

/// The scenario at its medians (one pass of the model: cheap, so not memoised): the chain
/// explain shows, and the register's nameplate.
struct AtMedians {
    model: compute_demand_core::Model,
    medians: compute_demand_core::ParamValues,
    nameplate_mw: f64,
}

impl AtMedians {
    fn of(state: &AppState) -> AtMedians {
        let model = state.scenario.model();
        let medians = state.scenario.medians();
        let nameplate_mw = register_mw(&model, &medians, state.year).0;
        AtMedians {
            model,
            medians,
            nameplate_mw,
        }
    }
}

/// The three charts, drawn once, for the page or an embed.
struct Charts {
    demand_supply: Html,
    segments: Html,
    tornado: Html,
}

fn charts(
    state: &AppState,
    (shown, sensitivity): (&Rc<compute::Shown>, Rc<compute::Sensitivity>),
    pinned: &Pinned,
    narrow: bool,
    on: &Handlers,
) -> Charts {
    let lang = state.lang;
    let (shown, pinned_rank, pinned_shown) =
        (shown.clone(), pinned.rank.clone(), pinned.shown.clone());
    // The pinned scenario's figure at its medians: the tornado's ghost.
    let pinned_base = state.pinned.as_ref().map(|pinned| {
        let at = usize::from(state.year - compute_demand_core::FIRST_YEAR);
        pinned.model().project(&pinned.medians())[at][state.metric]
    });
    Charts {
        demand_supply: html! {
            <DemandSupplyChart shown={shown.clone()} pinned={pinned_shown.clone()} narrow={narrow} lang={lang} onyear={on.year.clone()} sources={state.sources} />
        },
        segments: html! { <SegmentChart shown={shown.clone()} pinned={pinned_shown} narrow={narrow} lang={lang} /> },
        tornado: html! { <TornadoChart {sensitivity} shown={shown} {pinned_base} {pinned_rank} narrow={narrow} lang={lang} /> },
    }
}

/// The headline section: the answer beside the main chart, the sampling line, the figures
/// and the verdict; an open explanation right under the figure that asked for it.
struct Headline<'a> {
    shown: &'a compute::Shown,
    pinned: Option<&'a compute::Shown>,
    explained: Option<Html>,
    demand_supply: Html,
    downloads: Html,
    verdict: Html,
    updating: bool,
}

impl Headline<'_> {
    fn view(self, state: &AppState, on: &Handlers, on_copy: &Callback<CopyAsked>) -> Html {
        let lang = state.lang;
        let sampling = self.shown.sampling;
        let view = FigureView {
            shown: self.shown,
            pinned: self.pinned,
            lang,
            explained: state.explained,
            onexplain: &on.explain,
        };
        let (under_answer, under_figure) = if state.explained == Some(ANSWER) {
            (self.explained, None)
        } else {
            (None, self.explained)
        };
        html! {
            <section class="headline" aria-labelledby="headline-title">
                <div class="lead">
                    { answer(view, quotable(self.shown, lang, Some(on_copy))) }
                    { self.demand_supply }
                </div>
                { for under_answer }
                { self.downloads }
                <p class="sampling" aria-live="off">
                    { i18n::sampling(sampling.samples, sampling.seed, lang) }
                    if self.updating { { format!(" · {}", texts(lang).updating()) } }
                </p>
                { figure_grid(view, under_figure) }
                { self.verdict }
            </section>
        }
    }
}

/// The open figure's chain, at the scenario's medians, beside the Monte Carlo median shown.
fn explain_panel(
    state: &AppState,
    at_medians: &AtMedians,
    shown: &compute::Shown,
    on: &Handlers,
) -> Option<Html> {
    let (model, medians) = (&at_medians.model, &at_medians.medians);
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
            <Explain {metric} country={state.scenario.country} year={state.year} {steps} values={*medians} {pinned} drawn_median={drawn} samples={shown.sampling.samples}
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

/// Where the outcome views draw (the chance of exceeding a level, what would have to be
/// true): left empty here, filled by a second WebAssembly module (`compute-demand-views`,
/// see `use_outcome_views`), which answers its own controls.
fn outcome_views() -> Html {
    html! { <section id="outcome" class="outcome" aria-labelledby="outcome-heading"></section> }
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
