//! The scenario bar (preset, year, name, language), the share bar (link, downloads, embed,
//! import), each chart's download buttons, and what every copy button hands over.

use super::{chosen, input_text};
use crate::compute::Method;
use crate::export::ImageFormat;
use crate::i18n::{self, metric_label, preset_description, preset_label, texts, tr};
use crate::state::DEFAULT_METRIC;
use compute_demand_core::data::{country_by_code, Country, Preset, COUNTRIES};
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::Lang;
use compute_demand_core::{years, Metric};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioBarProps {
    /// The scenario's country: its presets, and the country menu's choice.
    pub country: &'static Country,
    pub preset: &'static str,
    pub name: AttrValue,
    pub year: u16,
    pub lang: Lang,
    pub onpreset: Callback<&'static Preset>,
    pub onyear: Callback<u16>,
    /// The name box's text.
    pub onrename: Callback<String>,
    pub onlang: Callback<Lang>,
}

fn preset_or_first(country: &'static Country, id: &str) -> &'static Preset {
    country.preset_by_id(id).unwrap_or(country.baseline())
}

/// Whether the scenario bar has a country menu: with the crate's `all-countries` feature,
/// whatever packs the core holds in this build (xtask's has them all, the bundle one).
pub const COUNTRY_MENU: bool = cfg!(feature = "all-countries");

/// The country menu, when the app holds every pack: choosing one opens its baseline.
fn country_menu(props: &ScenarioBarProps) -> Html {
    if !COUNTRY_MENU || COUNTRIES.len() < 2 {
        return Html::default();
    }
    let onchange = props.onpreset.reform(|event: Event| {
        country_by_code(&chosen(&event))
            .unwrap_or(Country::first())
            .baseline()
    });
    html! {
        <label class="field country">
            <span>{ tr(props.lang, "Country") }</span>
            <select id="country" {onchange}>
                { for COUNTRIES.iter().map(|c| html! {
                    <option value={c.code} selected={c == props.country}>{ c.name(props.lang) }</option>
                }) }
            </select>
        </label>
    }
}

#[component]
pub fn ScenarioBar(props: &ScenarioBarProps) -> Html {
    let t = texts(props.lang);
    let country = props.country;
    let on_preset = props
        .onpreset
        .reform(move |event: Event| preset_or_first(country, &chosen(&event)));
    let on_name = props.onrename.reform(|event: Event| input_text(&event));
    let current = preset_or_first(country, props.preset);
    html! {
        <div class="scenario-bar">
            { country_menu(props) }
            <label class="field">
                <span>{ t.preset() }</span>
                <select id="preset" onchange={on_preset}>
                    { for country.presets.iter().map(|p| html! {
                        <option value={p.id} selected={p.id == props.preset}>{ preset_label(p, props.lang) }</option>
                    }) }
                </select>
            </label>
            <fieldset class="years">
                <legend>{ t.year() }</legend>
                { for years().map(|year| {
                    let onclick = props.onyear.reform(move |_| year);
                    html! {
                        <button type="button" class={classes!("year", (year == props.year).then_some("selected"))}
                            aria-pressed={(year == props.year).to_string()} data-year-button={year.to_string()} {onclick}>{ year }</button>
                    }
                }) }
            </fieldset>
            <label class="field name">
                <span>{ t.scenario_name() }</span>
                <input id="scenario-name" type="text" maxlength="120" placeholder={t.scenario_name_hint()}
                    value={props.name.clone()} onchange={on_name} />
            </label>
            <div class="languages" role="group" aria-label={t.language()}>
                { for [Lang::En, Lang::Fr].into_iter().map(|lang| {
                    let onclick = props.onlang.reform(move |_| lang);
                    html! {
                        <button type="button" class={classes!("lang", (lang == props.lang).then_some("selected"))}
                            aria-pressed={(lang == props.lang).to_string()} lang={lang.code()} {onclick}>
                            { lang.code().to_ascii_uppercase() }
                        </button>
                    }
                }) }
            </div>
            <p class="preset-description">{ preset_description(current, props.lang) }</p>
        </div>
    }
}

/// What can be downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Csv,
    Json,
    /// A chart as a figure: the chart with its title, scenario, source, licence and link.
    Chart(ChartId, ImageFormat),
    Scenario,
}

impl Export {
    /// How the page names it to the module that makes the file (`browser::ask_module`):
    /// `csv`, `json`, `scenario`, or a chart's `FORMAT:CHART` (`png:demand-supply`).
    pub fn key(self) -> String {
        match self {
            Export::Csv => "csv".into(),
            Export::Json => "json".into(),
            Export::Scenario => "scenario".into(),
            Export::Chart(chart, format) => format!("{}:{}", format.key(), chart.key()),
        }
    }

    /// The export a [`key`](Export::key) names.
    pub fn from_key(key: &str) -> Option<Export> {
        match key {
            "csv" => Some(Export::Csv),
            "json" => Some(Export::Json),
            "scenario" => Some(Export::Scenario),
            _ => {
                let (format, chart) = key.split_once(':')?;
                let format = ImageFormat::ALL.into_iter().find(|f| f.key() == format)?;
                Some(Export::Chart(ChartId::from_key(chart)?, format))
            }
        }
    }
}

/// A chart's download buttons, PNG and SVG. (A function: no state.)
pub fn chart_downloads(chart: ChartId, lang: Lang, onexport: &Callback<Export>) -> Html {
    let t = texts(lang);
    html! {
        <div class="chart-downloads">
            { for ImageFormat::ALL.into_iter().map(|format| {
                let label = if format == ImageFormat::Png { t.download_png() } else { t.download_svg() };
                html! {
                    <button type="button" data-download={format.key()} data-chart={chart.key()} title={label} aria-label={label}
                        onclick={onexport.reform(move |_| Export::Chart(chart, format))}>{ format.key().to_ascii_uppercase() }</button>
                }
            }) }
        </div>
    }
}

/// A copy asked for by a copy button: the text (`None`: the page's address), and the button,
/// beside which the copy is confirmed (in the [`copy_status`] that follows it).
pub struct CopyAsked {
    pub text: Option<String>,
    pub button: web_sys::Element,
}

/// A copy button's click: `text` (`None`: the page's address) and the button, handed over.
pub fn copy_click(oncopy: &Callback<CopyAsked>, text: Option<String>) -> Callback<MouseEvent> {
    oncopy.reform(move |event: MouseEvent| CopyAsked {
        text: text.clone(),
        button: event.target_unchecked_into(),
    })
}

/// Right after every copy button: where it says it copied, for two seconds. (Always empty
/// here: only the copy writes into it.)
pub fn copy_status() -> Html {
    html! { <span class="copy-status" role="status"></span> }
}

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub lang: Lang,
    /// Copies the link, or the embed code, to the clipboard.
    pub oncopy: Callback<CopyAsked>,
    pub onexport: Callback<Export>,
    pub onimport: Callback<web_sys::File>,
    /// The iframe code that embeds the main chart of this scenario.
    pub embed_code: AttrValue,
}

#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let t = texts(props.lang);
    let on_file = {
        let onimport = props.onimport.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            if let Some(file) = file {
                onimport.emit(file);
            }
        })
    };
    let export = |what: Export, label: &'static str, id: &'static str, key: &'static str| {
        let onclick = props.onexport.reform(move |_| what);
        html! { <button type="button" id={id} data-download={key} {onclick}>{ label }</button> }
    };
    let copy_embed = copy_click(&props.oncopy, Some(props.embed_code.to_string()));
    html! {
        <div class="share-bar">
            <button type="button" id="copy-link" onclick={copy_click(&props.oncopy, None)}>{ t.copy_link() }</button>
            { copy_status() }
            <span class="share-label">{ t.export() }</span>
            { export(Export::Csv, t.export_csv(), "export-csv", "csv") }
            { export(Export::Json, t.export_json(), "export-json", "json") }
            { export(Export::Scenario, t.export_scenario(), "export-scenario", "scenario") }
            <label class="import">
                <span>{ t.import_scenario() }</span>
                <input id="import-scenario" type="file" accept=".toml,text/plain" onchange={on_file} />
            </label>
            <details class="embed-code">
                <summary data-action="embed">{ t.embed() }</summary>
                <p class="note">{ t.embed_note() }</p>
                <textarea readonly=true rows="3" data-embed-code="" aria-label={t.embed()} value={props.embed_code.clone()} />
                <button type="button" data-copy="embed" onclick={copy_embed}>{ t.copy() }</button>
                { copy_status() }
            </details>
        </div>
    }
}

/// The figures the tornado can explain.
pub const TORNADO_METRICS: [Metric; 9] = [
    Metric::FacilityPowerMw,
    Metric::GpusH100e,
    Metric::GpusUnits,
    Metric::EnergyGwh,
    Metric::CostEur,
    Metric::Co2Tonnes,
    Metric::SupplyPowerMw,
    Metric::CoverageRatio,
    Metric::CloudRentalEur,
];

#[derive(Properties, PartialEq)]
pub struct MetricPickerProps {
    pub metric: Metric,
    pub lang: Lang,
    pub onmetric: Callback<Metric>,
}

#[component]
pub fn MetricPicker(props: &MetricPickerProps) -> Html {
    let t = texts(props.lang);
    let onchange = props
        .onmetric
        .reform(|event: Event| Metric::from_key(&chosen(&event)).unwrap_or(DEFAULT_METRIC));
    html! {
        <label class="field">
            <span>{ t.tornado_metric() }</span>
            <select id="tornado-metric" {onchange}>
                { for TORNADO_METRICS.iter().map(|&m| html! {
                    <option value={m.key()} selected={m == props.metric}>{ metric_label(m, props.lang) }</option>
                }) }
            </select>
        </label>
    }
}

/// The tornado's methods, one at a time or rank correlation, and what the chosen one's bars
/// are. (A function, not a component: it has no state, and a component type costs the bundle
/// about a kilobyte.)
pub fn method_switch(chosen: Method, lang: Lang, onmethod: &Callback<Method>) -> Html {
    html! {
        <div class="method">
            <div class="methods" role="group" aria-label={texts(lang).method()}>
                { for Method::ALL.into_iter().map(|method| {
                    let pressed = method == chosen;
                    html! {
                        <button type="button" class={if pressed { "toggle selected" } else { "toggle" }}
                            data-method={method.key()} aria-pressed={pressed.to_string()} onclick={onmethod.reform(move |_| method)}>
                            { i18n::method(method, lang).0 }
                        </button>
                    }
                }) }
            </div>
            <p class="note" data-method-note={chosen.key()}>{ i18n::method(chosen, lang).1 }</p>
        </div>
    }
}
