//! What the results' download and embed buttons produce: the figures as CSV or JSON, a chart
//! as a figure (PNG or SVG, with its title, source line and permalink), the scenario as a
//! file, and the iframe code of an embed.
//!
//! The page's buttons only ask (`exporter`): the files are made by the page's second module
//! (crates/compute-demand-views), which calls [`export`] with the state the page's link
//! holds. Their writers (CSV, JSON, scenario file, figure, PNG) weigh 12 kB gzipped, which
//! the bundle's budget could not hold beside the French.

use super::url_of;
use crate::browser;
use crate::components::charts::{chart_legend, chart_title};
use crate::components::toolbar::Export;
use crate::compute::{self, Method};
use crate::export::{self, Caption, ImageFormat};
use crate::i18n::preset_label;
use crate::state::{Action, AppState, Notice};
use compute_demand_core::data::Source;
use compute_demand_core::input::link::{self, Link};
use compute_demand_core::input::scenario_file;
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::report::{outlook_csv, outlook_json, ReportMeta};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Saves `what` of the state's scenario as a file; the error says why it could not (a PNG's
/// that comes after this returns goes to `failed`). The page's second module calls it.
pub fn export(
    state: &AppState,
    what: Export,
    failed: impl Fn(String) + 'static,
) -> Result<(), String> {
    let scenario = &state.scenario;
    // The words name the scenario's country (the outcome views' module calls this with no
    // page render before it).
    crate::i18n::set_country(scenario.country);
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
                data_as_of: state.scenario.country.data_as_of,
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

/// The iframe code that embeds this scenario's main chart.
pub fn embed_code(state: &AppState) -> AttrValue {
    let link = Link {
        embed: Some(ChartId::DemandSupply),
        ..state.link()
    };
    export::iframe_code(&url_of(&link)).into()
}

/// The download callback: asks the page's second module for the file; a refusal becomes a
/// notice.
pub fn exporter(state: &UseReducerHandle<AppState>) -> Callback<Export> {
    let (state, dispatch) = (state.clone(), state.dispatcher());
    Callback::from(move |what: Export| {
        let dispatch = dispatch.clone();
        let args = [
            JsValue::from_str(&what.key()),
            JsValue::from_str(&link::encode(&state.link())),
            JsValue::from_bool(state.method == Method::Rank),
        ];
        browser::ask_module("download", &args, move |refusal, _| {
            if let Some(message) = refusal {
                dispatch.dispatch(Action::Notify(Notice::error(message)));
            }
        });
    })
}
