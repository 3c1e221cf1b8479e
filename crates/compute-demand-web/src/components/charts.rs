//! The three charts, drawn as SVG straight in `html!`; every coordinate comes from
//! `crate::geometry`. Colours are presentation attributes, so an exported SVG keeps them.

use crate::compute::Shown;
use crate::geometry::{band_path, line_path, nice_ceiling, Frame, LinearScale, LogScale};
use crate::i18n::{metric_label, param_label, texts};
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{years, Metric, Summary, Tornado, Unit, FIRST_YEAR, PARAMS, YEAR_COUNT};
use std::rc::Rc;
use yew::prelude::*;

const DEMAND: &str = "#c2410c";
const SUPPLY: &str = "#1d4ed8";
const AXIS: &str = "#525252";
const GRID: &str = "#e5e5e5";
/// One colour per segment, in `Metric::SEGMENTS` order; distinguishable in greyscale too.
const SEGMENT_COLOURS: [&str; 6] = [
    "#7c2d12", "#c2410c", "#f59e0b", "#65a30d", "#0e7490", "#6d28d9",
];

/// The trend charts' frame. On a narrow screen the viewBox is narrower, so that the text,
/// scaled with the chart, stays legible.
fn trend_frame(narrow: bool) -> Frame {
    let width = if narrow { 400.0 } else { 640.0 };
    Frame {
        width,
        height: 300.0,
        left: 70.0,
        right: 12.0,
        top: 14.0,
        bottom: 30.0,
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
                <text x={year_x(frame, i).to_string()} y={(frame.height - 10.0).to_string()} text-anchor="middle"
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
                    <line x1={frame.plot_left().to_string()} x2={frame.plot_right().to_string()} y1={y.to_string()} y2={y.to_string()} stroke={GRID} />
                    <text x={(frame.plot_left() - 6.0).to_string()} y={(y + 4.0).to_string()} text-anchor="end" font-size="11" fill={AXIS}>
                        { quantity(value, unit, lang) }
                    </text>
                </g>
            }) }
        </g>
    }
}

/// A callback, for any event, that shows `year`'s readout (`None`: the selected year's).
fn focus_on<E: 'static>(focused: &UseStateHandle<Option<u16>>, year: Option<u16>) -> Callback<E> {
    let focused = focused.clone();
    Callback::from(move |_| focused.set(year))
}

#[derive(Properties, PartialEq)]
pub struct TrendProps {
    pub shown: Rc<Shown>,
    pub narrow: bool,
    pub lang: Lang,
    pub onyear: Callback<u16>,
}

/// Demand and supply, 2024–2030: medians and 90% bands of average facility power, log scale.
#[component]
pub fn DemandSupplyChart(props: &TrendProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let focused = use_state(|| None::<u16>);
    let frame = trend_frame(props.narrow);
    let year = props.shown.year;
    let (demand, supply) = (&props.shown.demand_mw, &props.shown.supply_mw);
    let scale = LogScale::covering(
        demand.iter().chain(supply).flat_map(|s| [s.p5, s.p95]),
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
    let mw = |v: f64| quantity(v, Unit::Megawatts, lang);
    let describe = |year: u16| {
        let i = usize::from(year - FIRST_YEAR);
        format!(
            "{year} — {}: {} ({}–{}); {}: {} ({}–{})",
            t.demand,
            mw(demand[i].p50),
            mw(demand[i].p5),
            mw(demand[i].p95),
            t.supply,
            mw(supply[i].p50),
            mw(supply[i].p5),
            mw(supply[i].p95)
        )
    };
    let shown = (*focused).unwrap_or(year);
    let selected_x = year_x(&frame, usize::from(year - FIRST_YEAR));
    let title = format!("{} (MW, {})", t.chart_demand_supply, t.log_scale);

    html! {
        <figure class="chart">
            <figcaption>{ &title }</figcaption>
            <svg id="chart-demand-supply" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={title.clone()}>
                <title>{ &title }</title>
                { value_axis(&frame, &ticks, Unit::Megawatts, lang) }
                <line x1={selected_x.to_string()} x2={selected_x.to_string()} y1={frame.plot_top().to_string()} y2={frame.plot_bottom().to_string()}
                    stroke="#a3a3a3" stroke-dasharray="4 3" />
                <path d={band_path(&points(&pick(supply, |s| s.p95)), &points(&pick(supply, |s| s.p5)))} fill={SUPPLY} fill-opacity="0.15" />
                <path d={band_path(&points(&pick(demand, |s| s.p95)), &points(&pick(demand, |s| s.p5)))} fill={DEMAND} fill-opacity="0.18" />
                <path d={line_path(&points(&pick(supply, |s| s.p50)))} fill="none" stroke={SUPPLY} stroke-width="2.5" />
                <path d={line_path(&points(&pick(demand, |s| s.p50)))} fill="none" stroke={DEMAND} stroke-width="2.5" stroke-dasharray="0" />
                { for years().enumerate().map(|(i, year)| {
                    let x = year_x(&frame, i);
                    let (focus, blur) = (focus_on(&focused, Some(year)), focus_on(&focused, None));
                    let (enter, leave) = (focus_on(&focused, Some(year)), focus_on(&focused, None));
                    let choose = props.onyear.reform(move |_: MouseEvent| year);
                    let keys = {
                        let onyear = props.onyear.clone();
                        Callback::from(move |event: KeyboardEvent| {
                            if event.key() == "Enter" || event.key() == " " {
                                onyear.emit(year);
                            }
                        })
                    };
                    let label = describe(year);
                    html! {
                        <g class="point" tabindex="0" role="button" aria-label={label.clone()}
                            onfocus={focus} onblur={blur} onmouseenter={enter} onmouseleave={leave} onclick={choose}
                            onkeydown={keys}>
                            <title>{ label }</title>
                            <rect x={(x - 20.0).to_string()} y={frame.plot_top().to_string()} width="40"
                                height={(frame.plot_bottom() - frame.plot_top()).to_string()} fill="transparent" />
                            <circle cx={x.to_string()} cy={scale.map(supply[i].p50).to_string()} r="4" fill={SUPPLY} />
                            <circle cx={x.to_string()} cy={scale.map(demand[i].p50).to_string()} r="4" fill={DEMAND} />
                        </g>
                    }
                }) }
                { year_axis(&frame, year) }
                <g class="legend" font-size="12">
                    <rect x={(frame.plot_left() + 8.0).to_string()} y="18" width="14" height="4" fill={DEMAND} />
                    <text x={(frame.plot_left() + 28.0).to_string()} y="24" fill={AXIS}>{ format!("{} ({}, {})", t.demand, t.median, t.band) }</text>
                    <rect x={(frame.plot_left() + 8.0).to_string()} y="34" width="14" height="4" fill={SUPPLY} />
                    <text x={(frame.plot_left() + 28.0).to_string()} y="40" fill={AXIS}>{ format!("{} ({}, {})", t.supply, t.median, t.band) }</text>
                </g>
            </svg>
            <p class="readout" aria-live="polite">{ describe(shown) }</p>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct SegmentsProps {
    pub shown: Rc<Shown>,
    pub narrow: bool,
    pub lang: Lang,
}

/// Demand by segment: stacked means, which add up to the total's mean.
#[component]
pub fn SegmentChart(props: &SegmentsProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let frame = trend_frame(props.narrow);
    let focused = use_state(|| None::<u16>);
    let year = props.shown.year;
    let stacks = &props.shown.segments;
    let top = nice_ceiling(
        stacks
            .iter()
            .map(|s| s.iter().sum::<f64>())
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
    let count = |v: f64| quantity(v, Unit::Gpus, lang);
    let describe = |year: u16| {
        let stack = &stacks[usize::from(year - FIRST_YEAR)];
        let parts: Vec<String> = Metric::SEGMENTS
            .iter()
            .zip(stack)
            .map(|(&m, &v)| format!("{} {}", metric_label(m, lang), count(v)))
            .collect();
        format!(
            "{year} — {}: {}",
            count(stack.iter().sum()),
            parts.join(" · ")
        )
    };
    let shown = (*focused).unwrap_or(year);
    html! {
        <figure class="chart">
            <figcaption>{ t.chart_segments }</figcaption>
            <svg id="chart-segments" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={t.chart_segments}>
                <title>{ t.chart_segments }</title>
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
                                html! { <rect x={x.to_string()} y={y1.to_string()} width={(column * 0.6).to_string()}
                                    height={(y0 - y1).max(0.0).to_string()} fill={SEGMENT_COLOURS[s]} /> }
                            }) }
                        </g>
                    }
                }) }
                { year_axis(&frame, year) }
            </svg>
            <ul class="legend-list">
                { for Metric::SEGMENTS.iter().zip(SEGMENT_COLOURS).map(|(&m, colour)| html! {
                    <li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={colour} /></svg>
                        { metric_label(m, lang) }</li>
                }) }
            </ul>
            <p class="readout" aria-live="polite">{ describe(shown) }</p>
        </figure>
    }
}

#[derive(Properties, PartialEq)]
pub struct TornadoProps {
    pub tornado: Rc<Tornado>,
    pub narrow: bool,
    pub lang: Lang,
}

/// Bars shown: the widest swings.
const TORNADO_BARS: usize = 10;
const P5_SIDE: &str = "#0e7490";
const P95_SIDE: &str = "#c2410c";

#[component]
pub fn TornadoChart(props: &TornadoProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let tornado = &props.tornado;
    let unit = tornado.metric.unit();
    let bars: Vec<_> = tornado.swings.iter().take(TORNADO_BARS).collect();
    let row = 28.0;
    // Label column and label length shrink with the screen.
    let (width, left, label_chars) = if props.narrow {
        (400.0, 150.0, 24)
    } else {
        (640.0, 250.0, 42)
    };
    let frame = Frame {
        width,
        height: 40.0 + row * bars.len().max(1) as f64,
        left,
        right: 70.0,
        top: 10.0,
        bottom: 24.0,
    };
    let extent = bars
        .iter()
        .flat_map(|s| [s.low, s.high])
        .chain([tornado.base]);
    let (low, high) = extent.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let pad = ((high - low) * 0.05).max(high.abs() * 1e-9).max(1e-12);
    let scale = LinearScale {
        domain: (low - pad, high + pad),
        range: (frame.plot_left(), frame.plot_right()),
    };
    let base_x = scale.map(tornado.base);
    let title = format!(
        "{}: {} {}",
        t.chart_tornado,
        metric_label(tornado.metric, lang),
        tornado.year
    );
    html! {
        <figure class="chart">
            <figcaption>{ &title }</figcaption>
            <svg id="chart-tornado" xmlns="http://www.w3.org/2000/svg" viewBox={frame.view_box()} role="img" aria-label={title.clone()}>
                <title>{ &title }</title>
                { for bars.iter().enumerate().map(|(i, swing)| {
                    let y = frame.plot_top() + row * i as f64;
                    let spec = &PARAMS[swing.param.index()];
                    let label = param_label(spec, lang);
                    let short: String = if label.chars().count() > label_chars { label.chars().take(label_chars - 1).chain(['…']).collect() } else { label.to_string() };
                    let (x_low, x_high) = (scale.map(swing.low), scale.map(swing.high));
                    let describe = format!("{label}: {} → {} (p5 → p95)", quantity(swing.low, unit, lang), quantity(swing.high, unit, lang));
                    html! {
                        <g class="swing" tabindex="0" aria-label={describe.clone()}>
                            <title>{ describe }</title>
                            <text x={(frame.plot_left() - 8.0).to_string()} y={(y + 17.0).to_string()} text-anchor="end" font-size="11" fill={AXIS}>{ short }</text>
                            <rect x={x_low.min(base_x).to_string()} y={(y + 5.0).to_string()} width={(x_low - base_x).abs().max(1.0).to_string()} height="16" fill={P5_SIDE} />
                            <rect x={x_high.min(base_x).to_string()} y={(y + 5.0).to_string()} width={(x_high - base_x).abs().max(1.0).to_string()} height="16" fill={P95_SIDE} />
                            <text x={(x_low.max(x_high) + 4.0).to_string()} y={(y + 17.0).to_string()} font-size="10" fill={AXIS}>
                                { quantity(swing.low.max(swing.high), unit, lang) }
                            </text>
                        </g>
                    }
                }) }
                <line x1={base_x.to_string()} x2={base_x.to_string()} y1={frame.plot_top().to_string()} y2={frame.plot_bottom().to_string()} stroke={AXIS} />
                <text x={base_x.to_string()} y={(frame.height - 6.0).to_string()} text-anchor="middle" font-size="11" fill={AXIS}>
                    { format!("{} ({})", quantity(tornado.base, unit, lang), t.at_medians) }
                </text>
            </svg>
            <p class="note">
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={P5_SIDE} /></svg>{ " p5 " }
                <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill={P95_SIDE} /></svg>{ " p95 — " }
                { t.tornado_note }
            </p>
        </figure>
    }
}
