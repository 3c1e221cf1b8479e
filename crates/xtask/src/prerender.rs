//! The baseline's answer, rendered natively at build time with the app's own components (Yew's
//! server-side renderer): the markup that `dist/index.html` shows before the app starts, or
//! without JavaScript, and the main chart's SVG that the link preview is drawn from.

use compute_demand_core::data::Country;
use compute_demand_core::model::explain::register_mw;
use compute_demand_core::output::format::Lang;
use compute_demand_core::{Scenario, Simulator, LAST_YEAR};
use compute_demand_web::components::charts::{DemandSupplyChart, TrendProps};
use compute_demand_web::components::compare::CompareBar;
use compute_demand_web::components::footer::methodology_link;
use compute_demand_web::components::headline::{
    answer, figure_grid, quotable, verdict_heading, FigureView,
};
use compute_demand_web::components::toolbar::ScenarioBar;
use compute_demand_web::compute::{self, Shown};
use compute_demand_web::i18n::{sampling, texts};
use std::future::Future;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use yew::prelude::*;
use yew::ServerRenderer;

/// The preset the page opens on, and the year it answers for.
pub const PRESET: &str = "baseline";
pub const YEAR: u16 = LAST_YEAR;

/// The baseline's figures, as the app computes them on a bare visit: the scenario's own
/// sampling (10,000 draws, seed 20240513), so the same numbers as `compute-demand run`.
#[derive(Clone, PartialEq)]
pub struct Baseline {
    pub shown: Shown,
    /// The register's nameplate announced by `YEAR`, as the app's headline names it.
    pub nameplate_mw: f64,
}

impl Baseline {
    /// The default pack's: the page's first paint.
    pub fn compute() -> Result<Baseline, String> {
        Baseline::of(Country::first())
    }

    /// `country`'s baseline, as a `cc=` link opens it.
    pub fn of(country: &'static Country) -> Result<Baseline, String> {
        let preset = country
            .preset_by_id(PRESET)
            .ok_or_else(|| format!("no preset `{PRESET}` in {}", country.code))?;
        let scenario = Scenario::from_preset(preset);
        let mut simulator = Simulator::new();
        compute::simulate(&mut simulator, &scenario);
        let shown = compute::shown(simulator.last(), YEAR);
        let nameplate_mw = register_mw(&scenario.model(), &scenario.medians(), YEAR).0;
        Ok(Baseline {
            shown,
            nameplate_mw,
        })
    }
}

/// The markup the page holds inside `<div id="app">` until the app replaces it.
pub fn app_markup(baseline: &Baseline) -> String {
    // The phone's chart (a narrower, lower frame, as the app draws it under 600 px) beside the
    // wide one; the stylesheet shows one. Its ids are renamed so that ids stay unique.
    let narrow = chart_markup(baseline, true).replace(
        "id=\"chart-demand-supply\"",
        "id=\"chart-demand-supply-narrow\"",
    );
    let (shown, nameplate_mw) = (baseline.shown.clone(), baseline.nameplate_mw);
    render::<Page>(move || PageProps {
        shown: Rc::new(shown),
        nameplate_mw,
        narrow_chart: AttrValue::from(narrow),
    })
}

/// The main chart (demand and supply, 2024–2030) exactly as the app draws it: a `<figure>`
/// holding the `<svg id="chart-demand-supply">`.
pub fn chart_markup(baseline: &Baseline, narrow: bool) -> String {
    let shown = baseline.shown.clone();
    render::<DemandSupplyChart>(move || TrendProps {
        shown: Rc::new(shown),
        pinned: None,
        narrow,
        lang: Lang::En,
        onyear: Callback::noop(),
        // As in the app's first render: the published forecasts come with the source texts.
        sources: Default::default(),
    })
}

/// Only the `<svg>…</svg>` of the chart.
pub fn chart_svg(baseline: &Baseline) -> Result<String, String> {
    let figure = chart_markup(baseline, false);
    let start = figure.find("<svg").ok_or("the chart has no <svg>")?;
    let end = figure
        .rfind("</svg>")
        .ok_or("the chart's <svg> is not closed")?
        + "</svg>".len();
    Ok(figure[start..end].to_string())
}

#[derive(Properties, PartialEq)]
struct PageProps {
    shown: Rc<Shown>,
    nameplate_mw: f64,
    narrow_chart: AttrValue,
}

/// The app's first screen, from the same components `app.rs` and `app/results.rs` lay out:
/// the masthead, the scenario and compare bars (so nothing moves when the app takes over; the
/// stylesheet hides them without JavaScript), then the results column (the answer beside the
/// main chart, the sampling line, the figures and the sentence). The controls column is the
/// app's alone.
#[component]
fn Page(props: &PageProps) -> Html {
    let lang = Lang::En;
    let t = texts(lang);
    let shown = &*props.shown;
    let noop = Callback::noop();
    let view = FigureView {
        shown,
        pinned: None,
        lang,
        explained: None,
        onexplain: &noop,
    };
    let samples = shown.sampling.samples;
    html! {
        <div class="app prerendered" lang={lang.code()} data-prerendered={PRESET}>
            <header class="masthead">
                <h1>{ t.title() }</h1>
                <p class="lede">{ compute_demand_web::i18n::lede(lang) }</p>
                <p class="masthead-links">{ methodology_link(lang, Country::first()) }</p>
            </header>
            <ScenarioBar country={Country::first()} preset={PRESET} name={AttrValue::default()} year={shown.year} {lang}
                onpreset={Callback::noop()} onyear={Callback::noop()} onrename={Callback::noop()} onlang={Callback::noop()} />
            <CompareBar pinned={false} {lang} onpin={Callback::noop()} onresetall={Callback::noop()} />
            <div class="layout">
                <main class="results" data-samples={samples.to_string()}>
                    <section class="headline" aria-labelledby="headline-title">
                        <div class="lead">
                            { answer(view, quotable(shown, lang, None)) }
                            <div class="prerendered-wide">
                                <DemandSupplyChart shown={props.shown.clone()} narrow={false} {lang} onyear={Callback::noop()} />
                            </div>
                            <div class="prerendered-narrow">{ Html::from_html_unchecked(props.narrow_chart.clone()) }</div>
                        </div>
                        <p class="sampling">{ sampling(samples, shown.sampling.seed, lang) }</p>
                        { figure_grid(view, None) }
                        { verdict_heading(shown, props.nameplate_mw, lang) }
                    </section>
                </main>
            </div>
            <footer class="footer"><p>{ t.footer() }{ " " }{ methodology_link(lang, Country::first()) }</p></footer>
        </div>
    }
}

/// Renders a component to HTML, without hydration markers. (The renderer runs on Yew's own
/// threads: the properties are made there, from `Send` data.)
fn render<C: BaseComponent>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String {
    block_on(
        ServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// Runs a future to completion on this thread (Yew renders on its own runtime; this only waits
/// for the answer).
fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first paint draws what the app draws: a country menu only when the app has one
    /// (the web crate's `all-countries`), whatever packs the core holds in xtask.
    #[test]
    fn the_first_paint_has_the_app_s_country_menu() {
        use compute_demand_web::components::toolbar::COUNTRY_MENU;
        let markup = app_markup(&Baseline::compute().unwrap());
        assert!(markup.contains("id=\"preset\""));
        assert_eq!(markup.contains("id=\"country\""), COUNTRY_MENU);
    }

    #[test]
    fn block_on_waits_for_the_answer() {
        assert_eq!(block_on(async { 41 + 1 }), 42);
    }
}
