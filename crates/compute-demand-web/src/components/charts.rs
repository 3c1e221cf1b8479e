//! The three charts, drawn as SVG straight in `html!`; every coordinate comes from
//! `crate::geometry`. Colours are presentation attributes, so an exported SVG keeps them.

use crate::compute::{segment_shares, Sensitivity, Shown};
use crate::geometry::{
    anchor_within, band_path, bar_span, diamond, fit_label, line_path, nice_ceiling, number,
    BarLayout, Frame, LinearScale, LogScale,
};
use crate::i18n::{
    colon, count, fill, metric_label, param_label, semicolon, texts, tornado_centre, tr,
};
use crate::sources::{Forecast, Loaded};
use crate::state::DEFAULT_METRIC;
use compute_demand_core::output::chart::ChartId;
#[cfg(any(test, not(target_arch = "wasm32")))]
use compute_demand_core::output::format::trimmed;
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::sim::sensitivity::RankInfluence;
use compute_demand_core::{years, Metric, Summary, Tornado, Unit, FIRST_YEAR, YEAR_COUNT};
use std::rc::Rc;
use yew::prelude::*;

pub const DEMAND: &str = "#c2410c";
/// Demand from abroad, stacked on the French ecosystem's.
pub const FOREIGN: &str = "#9d174d";
pub const SUPPLY: &str = "#1d4ed8";
/// Published forecasts (`data/countries/fr/outside.toml`).
const OUTSIDE: &str = "#15803d";
pub const AXIS: &str = "#525252";
pub const GRID: &str = "#e5e5e5";
/// One colour per segment, in `Metric::SEGMENTS` order; distinguishable in greyscale too.
const SEGMENT_COLOURS: [&str; crate::compute::SEGMENT_COUNT] = [
    "#7c2d12", "#c2410c", "#f59e0b", "#65a30d", "#0e7490", "#6d28d9", "#be185d", "#475569",
];

/// A chart's title, as its caption and an exported figure give it; the tornado's names the
/// figure and year it explains.
pub fn chart_title(chart: ChartId, (metric, year): (Metric, u16), lang: Lang) -> String {
    let t = texts(lang);
    match chart {
        ChartId::DemandSupply => format!("{} (MW, {})", t.chart_demand_supply(), t.log_scale()),
        ChartId::Segments => t.chart_segments().to_string(),
        ChartId::Tornado => format!(
            "{}{}{} {year}",
            t.chart_tornado(),
            colon(lang),
            metric_label(metric, lang)
        ),
        ChartId::Exceedance => format!(
            "{}{}{} {year}",
            tr(lang, "Chance of exceeding each level"),
            colon(lang),
            metric_label(metric, lang)
        ),
    }
}

/// What the page draws beside a chart rather than in it (the segments' swatches, the
/// tornado's two sides), for an exported figure: colour and label.
pub fn chart_legend(chart: ChartId, rank: bool, lang: Lang) -> Vec<(&'static str, String)> {
    match chart {
        // The exceedance chart draws its legend inside it (compute-demand-views).
        ChartId::DemandSupply | ChartId::Exceedance => Vec::new(),
        ChartId::Segments => Metric::SEGMENTS
            .iter()
            .zip(SEGMENT_COLOURS)
            .map(|(&m, colour)| (colour, metric_label(m, lang).to_string()))
            .collect(),
        ChartId::Tornado if rank => vec![(P5_SIDE, "ρ < 0".into()), (P95_SIDE, "ρ > 0".into())],
        ChartId::Tornado => vec![(P5_SIDE, "p5".into()), (P95_SIDE, "p95".into())],
    }
}

/// The trend charts' frame (`geometry::chart_size`). `legend_rows` of legend stand above the
/// plot, which they would otherwise hide (the published forecasts of 2024 stand where a legend
/// would); the plot gives up their height (`LEGEND_GROWTH`), so that the results below do not
/// move.
fn trend_frame(narrow: bool, legend_rows: usize) -> Frame {
    let (width, height) = crate::geometry::chart_size(narrow);
    let legend = LEGEND_ROW * legend_rows as f64;
    Frame {
        width,
        height: height + legend * LEGEND_GROWTH,
        left: 70.0,
        right: 12.0,
        top: 14.0 + legend,
        bottom: 30.0,
    }
}

/// A legend row's height.
const LEGEND_ROW: f64 = 16.0;
/// The share of the legend's height the chart grows by; the plot gives up the rest.
const LEGEND_GROWTH: f64 = 0.0;

/// The demand and supply chart's legend, in the chart (an exported figure keeps it): the
/// French ecosystem's demand, demand from abroad stacked on it (when shown), supply, and the
/// pinned scenario's ghost.
fn trend_legend(frame: &Frame, (pinned, outside): (bool, bool), abroad: bool, lang: Lang) -> Html {
    let t = texts(lang);
    let x = frame.plot_left() + 8.0;
    // A phone's frame has room for the names alone (the readout below says median and range).
    let compact = frame.width < 500.0;
    let spelled = |name: &str| {
        if compact {
            name.to_string()
        } else {
            format!("{name} ({}, {})", t.median(), t.band())
        }
    };
    let mut rows: Vec<(&str, String)> = vec![(DEMAND, spelled(tr(lang, "{adjective} demand")))];
    if abroad {
        let all = if compact {
            "All demand on {adjective} sites"
        } else {
            "All demand on {adjective} sites (+ from abroad)"
        };
        rows.push((FOREIGN, tr(lang, all).to_string()));
    }
    rows.push((SUPPLY, spelled(t.supply())));
    if !abroad {
        // The view is named in the drawing itself, so that an exported figure says it too.
        let only = if compact {
            "{adjective} demand only"
        } else {
            "Demand from abroad not drawn: {adjective} demand only"
        };
        rows.push(("none", capitalised(tr(lang, only))));
    }
    let outside_y = 12.0 + LEGEND_ROW * (rows.len() + usize::from(pinned)) as f64;
    let outside_label = if compact {
        "Published forecasts, all data centres"
    } else {
        "Published forecasts for all data centres: ceilings for AI demand"
    };
    html! {
        <g class="legend" font-size="12">
            { for rows.iter().enumerate().map(|(i, (colour, label))| {
                let y = 10.0 + LEGEND_ROW * i as f64;
                html! { <>
                    <rect x={number(x)} y={number(y)} width="14" height="4" fill={*colour} />
                    <text x={number(x + 20.0)} y={number(y + 6.0)} fill={AXIS}>{ label.clone() }</text>
                </> }
            }) }
            if pinned {
                <line x1={number(x)} x2={number(x + 14.0)} y1={number(12.0 + LEGEND_ROW * rows.len() as f64)} y2={number(12.0 + LEGEND_ROW * rows.len() as f64)}
                    stroke={AXIS} stroke-width="2" stroke-dasharray="4 3" />
                <text x={number(x + 20.0)} y={number(16.0 + LEGEND_ROW * rows.len() as f64)} fill={AXIS}>{ format!("{} ({})", t.pinned_series(), t.median()) }</text>
            }
            if outside {
                <path d={diamond(x + 7.0, outside_y)} fill={OUTSIDE} stroke={OUTSIDE} />
                <text x={number(x + 20.0)} y={number(outside_y + 4.0)} fill={AXIS}>{ tr(lang, outside_label) }</text>
            }
        </g>
    }
}

fn year_x(frame: &Frame, year_index: usize) -> f64 {
    let column = (frame.plot_right() - frame.plot_left()) / YEAR_COUNT as f64;
    frame.plot_left() + column * (year_index as f64 + 0.5)
}

fn year_axis(frame: &Frame, selected: u16) -> Html {
    html! {
        <g class="axis-x">
            { for years().enumerate().map(|(i, year)| html! {
                <text x={number(year_x(frame, i))} y={number(frame.height - 10.0)} text-anchor="middle"
                    font-size="12" fill={AXIS} font-weight={if year == selected { "700" } else { "400" }}>{ year }</text>
            }) }
        </g>
    }
}

fn value_axis(frame: &Frame, ticks: &[(f64, f64)], unit: Unit, lang: Lang) -> Html {
    html! {
        <g class="axis-y">
            { for ticks.iter().map(|&(value, y)| html! {
                <g>
                    <line x1={number(frame.plot_left())} x2={number(frame.plot_right())} y1={number(y)} y2={number(y)} stroke={GRID} />
                    <text x={number(frame.plot_left() - 6.0)} y={number(y + 4.0)} text-anchor="end" font-size="11" fill={AXIS}>
                        { tick_label(value, unit, lang) }
                    </text>
                </g>
            }) }
        </g>
    }
}

/// An axis tick: a round number, so without the zeros that would end its fraction ("10 GW",
/// "1 MW", not "10.0 GW", "1.00 MW").
pub fn tick_label(value: f64, unit: Unit, lang: Lang) -> String {
    trim_fraction(&quantity(value, unit, lang), lang)
}

/// `text` without the zeros that end the fraction of its first number, and without the
/// decimal separator when nothing follows it: "10.0 GW" → "10 GW", "€1.50bn" → "€1.5bn", in
/// French "1,00 MW" → "1 MW". (English groups thousands with commas, French with spaces:
/// only `lang`'s decimal separator starts a fraction.)
pub fn trim_fraction(text: &str, lang: Lang) -> String {
    let point = if lang == Lang::Fr { b',' } else { b'.' };
    let bytes = text.as_bytes();
    let Some(at) = bytes.iter().position(|&b| b == point) else {
        return text.to_string();
    };
    let digits = bytes[at + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = at + 1 + digits;
    let mut keep = end;
    while keep > at + 1 && bytes[keep - 1] == b'0' {
        keep -= 1;
    }
    if digits > 0 && keep == at + 1 {
        keep = at;
    }
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..keep]);
    out.push_str(&text[end..]);
    out
}

/// A callback, for any event, that shows `year`'s readout (`None`: the selected year's).
fn focus_on<E: 'static>(focused: &UseStateHandle<Option<u16>>, year: Option<u16>) -> Callback<E> {
    let focused = focused.clone();
    Callback::from(move |_| focused.set(year))
}

/// One year of the main chart in words: French demand, all demand on French sites (when
/// drawn) and supply, each median with its 90% range.
fn describe_year(shown: &Shown, year: u16, abroad: bool, lang: Lang) -> String {
    let i = usize::from(year - FIRST_YEAR);
    let mw = |v: f64| quantity(v, Unit::Megawatts, lang);
    let colon = colon(lang);
    let part = |label: &str, s: &Summary| {
        format!("{label}{colon}{} ({}–{})", mw(s.p50), mw(s.p5), mw(s.p95))
    };
    let mut parts = vec![part(
        tr(lang, "{adjective} ecosystem's demand"),
        &shown.demand_mw[i],
    )];
    if abroad {
        parts.push(part(
            tr(lang, "all demand on {adjective} sites"),
            &shown.sites_mw[i],
        ));
    }
    parts.push(part(texts(lang).supply(), &shown.supply_mw[i]));
    let mut text = format!("{year} — {}", parts.join(semicolon(lang)));
    // A reader adds the two demand cards and compares with the drawn total: say why the sum of
    // two medians is not the median of the sum, with both numbers.
    let foreign = shown.headline[Metric::ForeignPowerMw].p50;
    let (french, total) = (shown.demand_mw[i].p50, shown.sites_mw[i].p50);
    if abroad && year == shown.year && (french + foreign - total).abs() > 0.01 * total {
        text.push_str(". ");
        text.push_str(&fill(
            tr(lang, "Medians do not add up: {adjective} demand's and that from abroad ({foreign}) sum to {sum}; the total's median is {total}"),
            &[
                ("foreign", &mw(foreign)),
                ("sum", &mw(french + foreign)),
                ("total", &mw(total)),
            ],
        ));
    }
    text
}

/// The main chart's two views: all demand on French sites, or the French ecosystem's alone;
/// and whether the published forecasts are set beside them.
fn view_switch(
    all_demand: &UseStateHandle<bool>,
    outside: &UseStateHandle<bool>,
    lang: Lang,
) -> Html {
    let abroad = **all_demand;
    let choose = |all: bool| {
        let all_demand = all_demand.clone();
        Callback::from(move |_: MouseEvent| all_demand.set(all))
    };
    let toggle_outside = {
        let outside = outside.clone();
        Callback::from(move |_: MouseEvent| outside.set(!*outside))
    };
    html! {
        <div class="chart-views">
            <div role="group" aria-label={tr(lang, "Which demand the chart draws")}>
                <button type="button" data-view="all" aria-pressed={abroad.to_string()} onclick={choose(true)}>
                    { tr(lang, "All demand on {adjective} sites") }</button>
                <button type="button" data-view="french" aria-pressed={(!abroad).to_string()} onclick={choose(false)}>
                    { capitalised(tr(lang, "{adjective} demand only")) }</button>
            </div>
            <button type="button" data-view="outside" aria-pressed={outside.to_string()} onclick={toggle_outside}>
                { tr(lang, "Published forecasts") }</button>
        </div>
    }
}

/// The published forecasts `country`'s demand chart draws, in the model's years, of
/// demand (not the grid capacity reserved), in MW, each labelled in both languages. Written
/// into the source texts' file when the site is built (the bundle carries no forecast).
#[cfg(any(test, not(target_arch = "wasm32")))]
pub fn drawn_forecasts(country: &'static compute_demand_core::data::Country) -> Vec<Forecast> {
    use compute_demand_core::outside::{forecasts, Comparable, PowerKind, Region};
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    // The labels name this country; the page's country is set back after.
    let page_country = crate::i18n::country();
    crate::i18n::set_country(country);
    let drawn = forecasts(country, Some(Region::Country))
        .filter(|f| f.in_model_years() && f.comparable != Comparable::NotDemand)
        .map(|f| {
            let in_mw = f.in_mw();
            let label = |lang| leak(outside_label(f, in_mw.mw, lang));
            Forecast {
                id: f.id,
                year: f.year,
                mw: (in_mw.mw, in_mw.low_mw.zip(in_mw.high_mw)),
                average: in_mw.kind == PowerKind::Average,
                url: f.url,
                label: (label(Lang::En), label(Lang::Fr)),
            }
        })
        .collect();
    crate::i18n::set_country(page_country);
    drawn
}

/// A published forecast in words: who, when, the figure as published, its perimeter, and
/// what the chart draws of it (at `mw`).
#[cfg(any(test, not(target_arch = "wasm32")))]
fn outside_label(
    forecast: &compute_demand_core::outside::OutsideForecast,
    mw: f64,
    lang: Lang,
) -> String {
    use compute_demand_core::outside::{Perimeter, PowerKind};
    let value = match (forecast.low, forecast.high) {
        (Some(low), Some(high)) => {
            format!("{}–{}", trimmed(low, lang), trimmed(high, lang))
        }
        _ => trimmed(forecast.value, lang),
    };
    let perimeter = match forecast.perimeter {
        Perimeter::AllDc => "all data centres in {country}",
        Perimeter::AllDcConsumption => {
            "data centres serving {adjective} uses, in {country} and abroad"
        }
        Perimeter::Colocation => "colocation data centres",
        Perimeter::AiOnly => "AI only",
        Perimeter::GridReserved | Perimeter::GridRequested => "grid capacity for data centres",
    };
    let drawn = match forecast.in_mw().kind {
        PowerKind::Average => "drawn as the average load of {mw}",
        PowerKind::Capacity => "a capacity, drawn at {mw}: an average load sits below it",
    };
    let mw = quantity(mw, Unit::Megawatts, lang);
    fill(
        tr(
            lang,
            "{publisher} ({published}): {figure} in {year}, {perimeter}; {drawn}",
        ),
        &[
            ("publisher", forecast.publisher),
            ("published", forecast.published),
            ("figure", &format!("{value}\u{a0}{}", forecast.unit.key())),
            ("year", &forecast.year.to_string()),
            ("perimeter", tr(lang, perimeter)),
            ("drawn", &fill(tr(lang, drawn), &[("mw", &mw)])),
        ],
    )
}

/// The published forecasts as markers at their years, each a link to where the figure was
/// read: filled for an average load, open for a capacity, with a whisker for a published
/// range.
fn outside_layer(frame: &Frame, scale: &LogScale, forecasts: &[Forecast], lang: Lang) -> Html {
    // Each year's markers side by side, centred on the year (the last year's stay inside).
    let mut count = [0usize; YEAR_COUNT];
    for forecast in forecasts {
        count[usize::from(forecast.year - FIRST_YEAR)] += 1;
    }
    let mut placed = [0usize; YEAR_COUNT];
    html! {
        <g data-series="outside">
            { for forecasts.iter().map(|forecast| {
                let at = usize::from(forecast.year - FIRST_YEAR);
                let offset = placed[at] as f64 - (count[at] as f64 - 1.0) / 2.0;
                placed[at] += 1;
                let x = year_x(frame, at) + 9.0 * offset;
                let y = scale.map(forecast.mw.0);
                let label = forecast.label(lang);
                let fill = if forecast.average { OUTSIDE } else { "#fff" };
                html! {
                    <a href={forecast.url} target="_blank" rel="noopener" data-outside={forecast.id}
                        data-mw={number(forecast.mw.0)} aria-label={label}>
                        <title>{ label }</title>
                        if let (_, Some((low, high))) = forecast.mw {
                            <line x1={number(x)} x2={number(x)} y1={number(scale.map(high))} y2={number(scale.map(low))}
                                stroke={OUTSIDE} stroke-width="1.5" />
                        }
                        <path d={diamond(x, y)} fill={fill} stroke={OUTSIDE} stroke-width="1.5" />
                    </a>
                }
            }) }
        </g>
    }
}

/// `text` with its first letter in upper case (a label that starts a button, in French
/// "demande française seule" as the title's tail writes it). ASCII only: no case tables.
fn capitalised(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// Demand from abroad stacked on French demand: the total's 90% band, the stack between the
/// two medians, and the total's median line.
fn foreign_layers(
    p5: &[(f64, f64)],
    p50: &[(f64, f64)],
    p95: &[(f64, f64)],
    french_p50: &[(f64, f64)],
) -> Html {
    html! { <>
        <path data-band="foreign" d={band_path(p95, p5)} fill={FOREIGN} fill-opacity="0.08" />
        <path data-stack="foreign" d={band_path(p50, french_p50)} fill={FOREIGN} fill-opacity="0.3" />
        <path data-series="foreign" d={line_path(p50)} fill="none" stroke={FOREIGN} stroke-width="2.5" />
    </> }
}

/// A year on the main chart: its median dots, and a target that shows the year in the readout
/// (hover or focus) and chooses it (click, Enter or Space).
fn year_point(
    (frame, scale): (&Frame, &LogScale),
    (i, year): (usize, u16),
    dots: [Option<(f64, &'static str)>; 3],
    (focused, onyear): (&UseStateHandle<Option<u16>>, &Callback<u16>),
    label: String,
) -> Html {
    let x = year_x(frame, i);
    let (focus, blur) = (focus_on(focused, Some(year)), focus_on(focused, None));
    let (enter, leave) = (focus_on(focused, Some(year)), focus_on(focused, None));
    let choose = onyear.reform(move |_: MouseEvent| year);
    let keys = {
        let onyear = onyear.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" || event.key() == " " {
                onyear.emit(year);
            }
        })
    };
    html! {
        <g class="point" tabindex="0" role="button" aria-label={label.clone()}
            onfocus={focus} onblur={blur} onmouseenter={enter} onmouseleave={leave} onclick={choose}
            onkeydown={keys}>
            <title>{ label }</title>
            <rect x={number(x - 20.0)} y={number(frame.plot_top())} width="40"
                height={number(frame.plot_bottom() - frame.plot_top())} fill="transparent" />
            { for dots.into_iter().flatten().map(|(value, colour)| html! {
                <circle cx={number(x)} cy={number(scale.map(value))} r="4" fill={colour} />
            }) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub shown: Rc<Shown>,
    /// The pinned scenario's figures, drawn as ghost lines.
    #[prop_or_default]
    pub pinned: Option<Rc<Shown>>,
    pub narrow: bool,
    pub lang: Lang,
    pub onyear: Callback<u16>,
    /// The fetched texts, which bring the published forecasts (none in the page rendered at
    /// build time, as in the app's first render).
    #[prop_or_default]
    pub sources: Loaded,
}

/// Demand and supply, 2024–2030: medians and 90% bands of average facility power, log scale.
#[component]
pub fn DemandSupplyChart(props: &TrendProps) -> Html {
    let lang = props.lang;
    let focused = use_state(|| None::<u16>);
    // All demand on French sites (French demand with demand from abroad stacked on it, what
    // the coverage counts), or the French ecosystem's alone.
    let all_demand = use_state(|| true);
    let abroad = *all_demand;
    // The published forecasts beside them, on until the reader hides them.
    let outside = use_state(|| true);
    // They come with the source texts, after the first render.
    let forecasts = if *outside {
        props.sources.forecasts(crate::i18n::country())
    } else {
        &[]
    };
    // The legend's rows: the two demand series (or French demand and the view's name),
    // supply, the pinned scenario's, the forecasts' (from the first render, before they come).
    let legend_rows = 3 + usize::from(props.pinned.is_some()) + usize::from(*outside);
    let frame = trend_frame(props.narrow, legend_rows);
    let year = props.shown.year;
    let (demand, supply) = (&props.shown.demand_mw, &props.shown.supply_mw);
    let sites = &props.shown.sites_mw;
    let pinned = props.pinned.as_deref();
    let ghosts = pinned.map(|p| [&p.demand_mw, &p.supply_mw]);
    let scale = LogScale::covering(
        demand
            .iter()
            .chain(supply)
            .chain(sites.iter().filter(|_| abroad))
            .flat_map(|s| [s.p5, s.p95])
            .chain(forecasts.iter().flat_map(|f| {
                let (mw, range) = f.mw;
                [mw, range.map_or(mw, |r| r.0), range.map_or(mw, |r| r.1)]
            }))
            .chain(
                ghosts
                    .iter()
                    .flatten()
                    .flat_map(|series| series.iter().map(|s| s.p50)),
            ),
        (frame.plot_bottom(), frame.plot_top()),
    );
    let points = |values: &[f64]| -> Vec<(f64, f64)> {
        values
            .iter()
            .enumerate()
            .map(|(i, &v)| (year_x(&frame, i), scale.map(v)))
            .collect()
    };
    let pick =
        |series: &[Summary], f: fn(&Summary) -> f64| -> Vec<f64> { series.iter().map(f).collect() };
    let ticks: Vec<(f64, f64)> = scale
        .ticks()
        .into_iter()
        .map(|v| (v, scale.map(v)))
        .collect();
    let describe = |year: u16| describe_year(&props.shown, year, abroad, lang);
    let shown = (*focused).unwrap_or(year);
    let selected_x = year_x(&frame, usize::from(year - FIRST_YEAR));
    let title = chart_title(ChartId::DemandSupply, (DEFAULT_METRIC, year), lang);
    let view = if abroad {
        tr(lang, "all demand on {adjective} sites")
    } else {
        tr(lang, "{adjective} demand only")
    };
    let labelled = format!("{title} — {view}");
    html! {
        <figure class="chart" data-chart={ChartId::DemandSupply.key()} data-chart-view={if abroad { "all" } else { "french" }}>
            <figcaption>{ &title }</figcaption>
            { view_switch(&all_demand, &outside, lang) }
            <svg id="chart-demand-supply" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={labelled.clone()}>
                <title>{ &labelled }</title>
                { value_axis(&frame, &ticks, Unit::Megawatts, lang) }
                <line x1={number(selected_x)} x2={number(selected_x)} y1={number(frame.plot_top())} y2={number(frame.plot_bottom())}
                    stroke="#a3a3a3" stroke-dasharray="4 3" />
                <path d={band_path(&points(&pick(supply, |s| s.p95)), &points(&pick(supply, |s| s.p5)))} fill={SUPPLY} fill-opacity="0.15" />
                if abroad {
                    { foreign_layers(&points(&pick(sites, |s| s.p5)), &points(&pick(sites, |s| s.p50)),
                        &points(&pick(sites, |s| s.p95)), &points(&pick(demand, |s| s.p50))) }
                }
                <path d={band_path(&points(&pick(demand, |s| s.p95)), &points(&pick(demand, |s| s.p5)))} fill={DEMAND} fill-opacity="0.18" />
                <path data-series="supply" d={line_path(&points(&pick(supply, |s| s.p50)))} fill="none" stroke={SUPPLY} stroke-width="2.5" />
                <path data-series="demand" d={line_path(&points(&pick(demand, |s| s.p50)))} fill="none" stroke={DEMAND} stroke-width="2.5" stroke-dasharray="0" />

                { for ghosts.into_iter().flatten().zip([DEMAND, SUPPLY]).map(|(series, colour)| html! {
                    <path data-series="pinned" d={line_path(&points(&pick(series, |s| s.p50)))} fill="none"
                        stroke={colour} stroke-opacity="0.55" stroke-width="2" stroke-dasharray="6 4" />
                }) }
                { for years().enumerate().map(|(i, year)| {
                    let dots = [
                        Some((supply[i].p50, SUPPLY)),
                        Some((demand[i].p50, DEMAND)),
                        abroad.then_some((sites[i].p50, FOREIGN)),
                    ];
                    year_point((&frame, &scale), (i, year), dots, (&focused, &props.onyear), describe(year))
                }) }
                if !forecasts.is_empty() {
                    { outside_layer(&frame, &scale, forecasts, lang) }
                }
                { year_axis(&frame, year) }
                { trend_legend(&frame, (pinned.is_some(), *outside), abroad, lang) }
            </svg>
            <p class="readout" aria-live="polite">{ describe(shown) }</p>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct SegmentsProps {
    pub shown: Rc<Shown>,
    /// The pinned scenario's figures: its median totals, drawn as a ghost line.
    #[prop_or_default]
    pub pinned: Option<Rc<Shown>>,
    pub narrow: bool,
    pub lang: Lang,
}

/// Demand by segment: each year's median total H100-equivalents, split by the segments'
/// shares of the mean (see [`segment_shares`]), so that the selected year's bar stands as
/// high as the headline's median.
#[component]
pub fn SegmentChart(props: &SegmentsProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let frame = trend_frame(props.narrow, 0);
    let focused = use_state(|| None::<u16>);
    let year = props.shown.year;
    let stacks: Vec<[f64; crate::compute::SEGMENT_COUNT]> = props
        .shown
        .segments
        .iter()
        .zip(&props.shown.gpus_h100e)
        .map(|(means, total)| segment_shares(means, total.p50))
        .collect();
    let pinned_totals: Option<Vec<f64>> = props
        .pinned
        .as_ref()
        .map(|p| p.gpus_h100e.iter().map(|s| s.p50).collect());
    let top = nice_ceiling(
        stacks
            .iter()
            .map(|s| s.iter().sum::<f64>())
            .chain(pinned_totals.iter().flatten().copied())
            .fold(0.0, f64::max),
    );
    let scale = LinearScale {
        domain: (0.0, top),
        range: (frame.plot_bottom(), frame.plot_top()),
    };
    let ticks: Vec<(f64, f64)> = scale
        .ticks(4)
        .into_iter()
        .map(|v| (v, scale.map(v)))
        .collect();
    let column = (frame.plot_right() - frame.plot_left()) / YEAR_COUNT as f64;
    let gpus = |v: f64| quantity(v, Unit::Gpus, lang);
    let describe = |year: u16| {
        let stack = &stacks[usize::from(year - FIRST_YEAR)];
        let parts: Vec<String> = Metric::SEGMENTS
            .iter()
            .zip(stack)
            .map(|(&m, &v)| format!("{} {}", metric_label(m, lang), gpus(v)))
            .collect();
        format!(
            "{year} — {} {}{}{}",
            t.median(),
            gpus(stack.iter().sum()),
            colon(lang),
            parts.join(" · ")
        )
    };
    let shown = (*focused).unwrap_or(year);
    html! {
        <figure class="chart" data-chart={ChartId::Segments.key()}>
            <figcaption>{ t.chart_segments() }</figcaption>
            <svg id="chart-segments" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={t.chart_segments()}>
                <title>{ t.chart_segments() }</title>
                { value_axis(&frame, &ticks, Unit::Gpus, lang) }
                { for stacks.iter().enumerate().map(|(i, stack)| {
                    let year = FIRST_YEAR + i as u16;
                    let x = year_x(&frame, i) - column * 0.3;
                    let mut base = 0.0;
                    let focus = focus_on(&focused, Some(year));
                    let (enter, leave) = (focus_on(&focused, Some(year)), focus_on(&focused, None));
                    let label = describe(year);
                    html! {
                        <g class="bar" tabindex="0" aria-label={label.clone()} onfocus={focus} onmouseenter={enter} onmouseleave={leave}>
                            <title>{ label }</title>
                            { for stack.iter().enumerate().map(|(s, &value)| {
                                let (y0, y1) = (scale.map(base), scale.map(base + value));
                                base += value;
                                html! { <rect x={number(x)} y={number(y1)} width={number(column * 0.6)}
                                    height={number((y0 - y1).max(0.0))} fill={SEGMENT_COLOURS[s]} /> }
                            }) }
                        </g>
                    }
                }) }
                if let Some(totals) = &pinned_totals {
                    <path data-series="pinned" fill="none" stroke={AXIS} stroke-width="2" stroke-dasharray="6 4"
                        d={line_path(&totals.iter().enumerate().map(|(i, &v)| (year_x(&frame, i), scale.map(v))).collect::<Vec<_>>())} />
                }
                { year_axis(&frame, year) }
            </svg>
            <ul class="legend-list">
                { for Metric::SEGMENTS.iter().zip(SEGMENT_COLOURS).map(|(&m, colour)| html! {
                    <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={colour} /></svg>
                        { metric_label(m, lang) }</li>
                }) }
                if pinned_totals.is_some() {
                    <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><line x1="0" x2="10" y1="5" y2="5" stroke={AXIS} stroke-width="2" stroke-dasharray="3 2" /></svg>
                        { format!("{} ({})", t.pinned_series(), t.median()) }</li>
                }
            </ul>
            <p class="readout" aria-live="polite">{ describe(shown) }</p>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct TornadoProps {
    pub sensitivity: Rc<Sensitivity>,
    /// The figures on the page: the one-at-a-time chart says how its centre differs from
    /// the headline's median.
    pub shown: Rc<Shown>,
    /// The pinned scenario's figure at its medians, drawn as a ghost line.
    #[prop_or_default]
    pub pinned_base: Option<f64>,
    /// The pinned scenario's rank correlations, drawn as ghost marks.
    #[prop_or_default]
    pub pinned_rank: Option<Rc<Vec<RankInfluence>>>,
    pub narrow: bool,
    pub lang: Lang,
}

/// Bars shown: the widest swings, or the strongest correlations.
const TORNADO_BARS: usize = 10;
const P5_SIDE: &str = "#0e7490";
const P95_SIDE: &str = "#c2410c";

/// What moves the chosen figure most: one at a time, or by rank correlation over the draws.
#[component]
pub fn TornadoChart(props: &TornadoProps) -> Html {
    match &*props.sensitivity {
        Sensitivity::Oat(tornado) => oat_chart(
            tornado,
            (&props.shown, props.pinned_base),
            props.narrow,
            props.lang,
        ),
        Sensitivity::Rank {
            metric,
            year,
            influences,
        } => rank_chart(
            (*metric, *year),
            (influences, props.pinned_rank.as_deref().map(Vec::as_slice)),
            props.narrow,
            props.lang,
        ),
    }
}

/// The tornado's figure: its title, the bars drawn in `frame`, and the note under them.
fn bars_figure(
    (metric, year): (Metric, u16),
    frame: &Frame,
    bars: Html,
    note: Html,
    lang: Lang,
) -> Html {
    let title = chart_title(ChartId::Tornado, (metric, year), lang);
    html! {
        <figure class="chart" data-chart={ChartId::Tornado.key()}>
            <figcaption>{ &title }</figcaption>
            <svg id="chart-tornado" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={title.clone()}>
                <title>{ &title }</title>
                { bars }
            </svg>
            <p class="note">{ note }</p>
        </figure>
    }
}

/// Row `i` of a bar chart: its parameter's label, its bars, and its value at `value_x`.
fn bar_row(
    (layout, i): (&BarLayout, usize),
    (key, label): (&'static str, &str),
    describe: String,
    bars: Html,
    (value_x, value): (f64, String),
) -> Html {
    let (x, y, anchor) = layout.label_at(i);
    let value_y = number(layout.bar_top(i) + 12.0);
    html! {
        <g class="swing" tabindex="0" aria-label={describe.clone()} data-key={key}>
            <title>{ describe }</title>
            <text x={number(x)} y={number(y)} text-anchor={anchor} font-size="11" fill={AXIS}
                paint-order="stroke" stroke="#fff" stroke-width="3">{ fit_label(label, layout.label_px, 11.0) }</text>
            { bars }
            <text x={number(value_x)} y={value_y} font-size="10" fill={AXIS}>{ value }</text>
        </g>
    }
}

/// A bar at `top`, 16 high.
fn bar(top: f64, (x, width): (f64, f64), fill: &'static str) -> Html {
    html! { <rect x={number(x)} y={number(top)} width={number(width)} height="16" {fill} /> }
}

fn swatch(fill: &'static str) -> Html {
    html! { <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" {fill} /></svg> }
}

/// What the one-at-a-time chart is centred on, and the headline's median beside it when the
/// page shows the same figure and year.
fn centre_note(tornado: &Tornado, shown: &Shown, lang: Lang) -> String {
    let unit = tornado.metric.unit();
    let base = quantity(tornado.base, unit, lang);
    let median = quantity(shown.headline[tornado.metric].p50, unit, lang);
    let draws = count(shown.sampling.samples as u64, lang);
    let same = shown.year == tornado.year && crate::compute::FIGURES.contains(&tornado.metric);
    tornado_centre(&base, same.then_some((&median, &draws)), lang)
}

fn oat_chart(
    tornado: &Tornado,
    (shown, pinned): (&Shown, Option<f64>),
    narrow: bool,
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let unit = tornado.metric.unit();
    let bars: Vec<_> = tornado.swings.iter().take(TORNADO_BARS).collect();
    let layout = BarLayout::new(narrow, bars.len());
    let frame = layout.frame;
    let extent = bars
        .iter()
        .flat_map(|s| [s.low, s.high])
        .chain([tornado.base])
        .chain(pinned);
    let (low, high) = extent.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let pad = ((high - low) * 0.05).max(high.abs() * 1e-9).max(1e-12);
    let scale = LinearScale {
        domain: (low - pad, high + pad),
        range: (frame.plot_left(), frame.plot_right()),
    };
    let base = tornado.base;
    let base_x = scale.map(base);
    let rows = bars.iter().enumerate().map(|(i, swing)| {
        let top = layout.bar_top(i);
        let spec = crate::i18n::country().param(swing.param);
        let label = param_label(spec, lang);
        let describe = format!(
            "{label}{}{} → {} (p5 → p95)",
            colon(lang),
            quantity(swing.low, unit, lang),
            quantity(swing.high, unit, lang)
        );
        let sides = html! { <>
            { bar(top, bar_span(&scale, base, swing.low), P5_SIDE) }
            { bar(top, bar_span(&scale, base, swing.high), P95_SIDE) }
        </> };
        let end = scale.map(swing.low).max(scale.map(swing.high)) + 4.0;
        bar_row(
            (&layout, i),
            (spec.key, label),
            describe,
            sides,
            (end, quantity(swing.low.max(swing.high), unit, lang)),
        )
    });
    let body = html! { <>
        <line x1={number(base_x)} x2={number(base_x)} y1={number(frame.plot_top())} y2={number(frame.plot_bottom())} stroke={AXIS} />
        { for rows }
        if let Some(pinned) = pinned {
            <line data-series="pinned" x1={number(scale.map(pinned))} x2={number(scale.map(pinned))}
                y1={number(frame.plot_top())} y2={number(frame.plot_bottom())} stroke={AXIS} stroke-width="2" stroke-dasharray="6 4">
                <title>{ format!("{} ({}): {}", t.pinned_series(), t.at_medians(), quantity(pinned, unit, lang)) }</title>
            </line>
        }
        <text x={number(base_x)} y={number(frame.height - 6.0)} text-anchor={anchor_within(base_x, frame.width)} font-size="11" fill={AXIS}>
            { format!("{} ({})", quantity(base, unit, lang), t.at_medians()) }
        </text>
    </> };
    let note = html! { <>
        <span class="centre" data-centre="">{ centre_note(tornado, shown, lang) }</span>{ " " }
        { swatch(P5_SIDE) }{ " p5 " }{ swatch(P95_SIDE) }{ " p95" }
    </> };
    bars_figure((tornado.metric, tornado.year), &frame, body, note, lang)
}

/// A rank correlation as the page writes it: two decimals, a true minus, a French comma.
pub fn rho_text(rho: f64, lang: Lang) -> String {
    let hundredths = (rho * 100.0).round() as i64;
    let sign = if hundredths < 0 { "−" } else { "" };
    let point = if lang == Lang::Fr { ',' } else { '.' };
    let (units, cents) = (hundredths.abs() / 100, hundredths.abs() % 100);
    format!("{sign}{units}{point}{cents:02}")
}

/// An axis tick of rank correlation: as short as it can be (−0.5, 0, 1).
fn tick_text(tick: f64, lang: Lang) -> String {
    trim_fraction(&rho_text(tick, lang), lang)
}

/// The rank chart; `pinned` are the pinned scenario's correlations, drawn as a ghost mark on
/// each bar.
fn rank_chart(
    at: (Metric, u16),
    (influences, pinned): (&[RankInfluence], Option<&[RankInfluence]>),
    narrow: bool,
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let bars = &influences[..influences.len().min(TORNADO_BARS)];
    let layout = BarLayout::new(narrow, bars.len());
    let frame = layout.frame;
    let scale = LinearScale {
        domain: (-1.0, 1.0),
        range: (frame.plot_left(), frame.plot_right()),
    };
    let value_x = frame.plot_right() + 6.0;
    let rows = bars.iter().enumerate().map(|(i, influence)| {
        let top = layout.bar_top(i);
        let spec = crate::i18n::country().param(influence.param);
        let label = param_label(spec, lang);
        let rho = rho_text(influence.rho, lang);
        let fill = if influence.rho < 0.0 {
            P5_SIDE
        } else {
            P95_SIDE
        };
        let (x, width) = bar_span(&scale, 0.0, influence.rho);
        let ghost = pinned
            .and_then(|pinned| pinned.iter().find(|p| p.param == influence.param))
            .map(|p| number(scale.map(p.rho)));
        let drawn = html! { <>
            <rect x={number(x)} y={number(top)} width={number(width)} height="16" {fill}
                data-rho={super::raw(influence.rho)} />
            if let Some(gx) = ghost {
                <line data-series="pinned" x1={gx.clone()} x2={gx} y1={number(top - 2.0)} y2={number(top + 18.0)}
                    stroke={AXIS} stroke-width="2" stroke-dasharray="3 2" />
            }
        </> };
        bar_row(
            (&layout, i),
            (spec.key, label),
            format!("{label}{}ρ = {rho}", colon(lang)),
            drawn,
            (value_x, rho),
        )
    });
    let grid = scale.ticks(4).into_iter().map(|tick| {
        let x = number(scale.map(tick));
        let stroke = if tick == 0.0 { AXIS } else { GRID };
        html! { <g>
            <line x1={x.clone()} x2={x.clone()} y1={number(frame.plot_top())} y2={number(frame.plot_bottom())} {stroke} />
            <text {x} y={number(frame.height - 6.0)} text-anchor="middle" font-size="11" fill={AXIS}>{ tick_text(tick, lang) }</text>
        </g> }
    });
    let body = html! { <g class="rank">{ for grid }{ for rows }</g> };
    let note = html! { <>
        { swatch(P5_SIDE) }{ " ρ < 0 " }{ swatch(P95_SIDE) }{ " ρ > 0 — " }{ t.rank_axis() }
    </> };
    bars_figure(at, &frame, body, note, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every published forecast drawn on the demand chart says who, when, what and where,
    /// in either language, with the figure the chart draws.
    #[test]
    fn published_forecasts_are_labelled_in_both_languages() {
        let drawn = drawn_forecasts(compute_demand_core::data::Country::first());
        assert!(drawn.len() >= 8, "{} forecasts", drawn.len());
        for forecast in &drawn {
            let (en, fr) = forecast.label;
            let published = compute_demand_core::outside::forecast(
                compute_demand_core::data::Country::first(),
                forecast.id,
            )
            .unwrap();
            assert!(en.starts_with(published.publisher), "{en}");
            assert!(en.contains(&forecast.year.to_string()), "{en}");
            let mw = quantity(forecast.mw.0, Unit::Megawatts, Lang::En);
            assert!(en.contains(&mw), "{en}");
            for english in [
                "data centres",
                "drawn",
                "capacity,",
                " in 20",
                "AI only",
                "grid",
            ] {
                assert!(!fr.contains(english), "English in {fr:?}");
            }
        }
    }

    #[test]
    fn rank_correlations_are_written_with_two_decimals() {
        // (rho, English, French)
        let table = [
            (0.6234, "0.62", "0,62"),
            (-0.5, "−0.50", "−0,50"),
            (0.3, "0.30", "0,30"),
            (-0.001, "0.00", "0,00"),
            (1.0, "1.00", "1,00"),
            (-1.0, "−1.00", "−1,00"),
        ];
        for (rho, en, fr) in table {
            assert_eq!(
                (rho_text(rho, Lang::En), rho_text(rho, Lang::Fr)),
                (en.to_string(), fr.to_string()),
                "{rho}"
            );
        }
        // (tick, English, French)
        let ticks = [
            (-1.0, "−1", "−1"),
            (-0.5, "−0.5", "−0,5"),
            (0.0, "0", "0"),
            (0.5, "0.5", "0,5"),
        ];
        for (tick, en, fr) in ticks {
            assert_eq!(
                (tick_text(tick, Lang::En), tick_text(tick, Lang::Fr)),
                (en.into(), fr.into())
            );
        }
    }

    #[test]
    fn ticks_end_without_zeros() {
        // (value, unit, English, French)
        let table = [
            (10_000.0, Unit::Megawatts, "10\u{a0}GW", "10\u{a0}GW"),
            (1.0, Unit::Megawatts, "1\u{a0}MW", "1\u{a0}MW"),
            (0.1, Unit::Megawatts, "0.1\u{a0}MW", "0,1\u{a0}MW"),
            (1000.0, Unit::Megawatts, "1\u{a0}GW", "1\u{a0}GW"),
            (100.0, Unit::Megawatts, "100\u{a0}MW", "100\u{a0}MW"),
            (2_000.0, Unit::Gpus, "2,000", "2\u{202f}000"),
            (2.5, Unit::Gpus, "2.5", "2,5"),
            (150_000.0, Unit::Gpus, "150,000", "150\u{202f}000"),
            (1.5e9, Unit::Euros, "€1.5bn", "1,5\u{a0}Md€"),
            (2.0e9, Unit::Euros, "€2bn", "2\u{a0}Md€"),
        ];
        for (value, unit, en, fr) in table {
            assert_eq!(
                (
                    tick_label(value, unit, Lang::En),
                    tick_label(value, unit, Lang::Fr)
                ),
                (en.into(), fr.into()),
                "{value}"
            );
        }
        assert_eq!(trim_fraction("1.250 and 3.0", Lang::En), "1.25 and 3.0");
        assert_eq!(trim_fraction("no number", Lang::Fr), "no number");
        assert_eq!(trim_fraction("docs. 1.0", Lang::En), "docs. 1.0");
    }
}
