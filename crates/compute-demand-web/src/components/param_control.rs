//! One parameter: its slider and number box, its range, a reset, and its source.
//!
//! The slider is `input[type=range][data-param=…]`: each move calls `ondrag`, the release
//! `onrelease`, with the parameter's value. A slider whose range spans orders of magnitude
//! has `data-scale="log"`: its positions are log10 of the values (see [`Track`]). The boxes
//! show four significant figures in the page's language, shares as percentages.

use super::footer::methodology_page;
use super::{box_text, chosen, input_text};
use crate::geometry::{number, Track};
use crate::i18n::{colon, evidence, param_label, source_language, texts, tr, unit_label, Texts};
use crate::sources::Loaded;
use crate::state::{Bound, NumberBox};
use compute_demand_core::data::{Country, Evidence};
use compute_demand_core::input::decimal::parse_decimal;
use compute_demand_core::input::field::shown_value;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::dist::ValueKind;
use compute_demand_core::{Dist, ParamSpec};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParamControlProps {
    pub spec: &'static ParamSpec,
    pub value: Dist,
    pub preset_value: Dist,
    pub lang: Lang,
    /// The scenario's country: its methodology page.
    pub country: &'static Country,
    /// Each move of the slider.
    pub ondrag: Callback<f64>,
    /// The slider let go.
    pub onrelease: Callback<f64>,
    /// The median box's text.
    pub onmedian: Callback<String>,
    /// A bound box's text.
    pub onbound: Callback<(Bound, String)>,
    pub onkind: Callback<ValueKind>,
    pub onreset: Callback<()>,
    /// Boxes holding a refused value: the box, what was typed, and why, in words.
    #[prop_or_default]
    pub refused: Vec<(NumberBox, String, String)>,
    /// The parameters' source texts, as the page has them so far (`crate::sources`).
    #[prop_or_default]
    pub sources: Loaded,
}

/// The value a slider is on, read from its position along `track`.
fn number_of(event: &Event, track: Track) -> Option<f64> {
    let position = parse_decimal(&input_text(event))?;
    Some(track.value(position))
}

fn kind_label(kind: ValueKind, t: &Texts) -> &'static str {
    match kind {
        ValueKind::Point => t.kind_point(),
        ValueKind::Range90 => t.kind_range(),
        ValueKind::Uniform => t.kind_uniform(),
    }
}

/// An evidence class, as a badge: its name, with what it means on hover. (Its colour comes
/// from the `data-evidence` of the element around it.)
pub fn evidence_badge(class: Evidence, lang: Lang) -> Html {
    let (name, meaning) = evidence(class, lang);
    html! { <span class="evidence" title={meaning}>{ name }</span> }
}

const LOW: NumberBox = NumberBox::Bound(Bound::Low);
const HIGH: NumberBox = NumberBox::Bound(Bound::High);

/// Where a parameter's default comes from: its evidence class, the source in its own
/// language, its address, and its entry on the methodology page. The source's text and
/// address come after the page's first render (`crate::sources`); until then only its entry
/// shows, and if they cannot be had, a note says where to read it.
fn source(spec: &ParamSpec, country: &Country, lang: Lang, sources: Loaded) -> Html {
    let t = texts(lang);
    let text = sources.text(spec);
    html! {
        <details class="source">
                <summary>{ t.source() }{ evidence_badge(spec.evidence, lang) }</summary>
                <p>
                    if let Some(text) = text {
                        <span lang="en" data-source-text={spec.key}>{ text }</span>
                        if !source_language(lang).is_empty() {
                            { " " }<span class="source-language">{ source_language(lang) }</span>
                        }
                    }
                    if let Some(url) = sources.url(spec) {
                        { " " }
                        <a href={url} target="_blank" rel="noopener noreferrer">{ url }</a>
                    }
                    { " " }<a href={format!("{}#{}", methodology_page(lang, country), spec.key)} target="_blank">{ tr(lang, "methodology") }</a>
                </p>
                if text.is_none() && sources == Loaded::Failed {
                    <p class="note" data-source-missing="">
                        { tr(lang, "The source text could not be loaded; it is on the methodology page.") }</p>
                }
        </details>
    }
}

/// The slider: its positions along `track`, each move and the release handed over as the
/// parameter's value.
fn slider(props: &ParamControlProps, track: Track, median: f64, shown: String) -> Html {
    let spec = props.spec;
    let (track_min, track_max, track_step) = track.bounds();
    let on_drag = {
        let ondrag = props.ondrag.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = number_of(&event, track) {
                ondrag.emit(value);
            }
        })
    };
    let on_release = {
        let onrelease = props.onrelease.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = number_of(&event, track) {
                onrelease.emit(value);
            }
        })
    };
    html! {
                <input
                    type="range"
                    id={format!("param-{}", spec.key)}
                    data-param={spec.key}
                    data-scale={if track.is_log() { "log" } else { "linear" }}
                    min={number(track_min)}
                    max={number(track_max)}
                    step={number(track_step)}
                    value={number(track.position(median))}
                    aria-valuetext={shown}
                    oninput={on_drag}
                    onchange={on_release}
                />
    }
}

#[component]
pub fn ParamControl(props: &ParamControlProps) -> Html {
    let spec = props.spec;
    let t = texts(props.lang);
    let slider_id = format!("param-{}", spec.key);
    let median = props.value.median().clamp(spec.min, spec.max);
    let kind = props.value.kind();
    let (low, high) = props.value.bounds();
    let track = Track::of(
        spec.min,
        spec.max,
        spec.step,
        spec.unit,
        spec.baseline.median(),
    );
    let shown = |value: f64| box_text(shown_value(spec, value), props.lang);
    let on_median = props.onmedian.reform(|event: Event| input_text(&event));
    let on_bound = |bound| {
        props
            .onbound
            .reform(move |event: Event| (bound, input_text(&event)))
    };
    let on_kind = props
        .onkind
        .reform(|event: Event| ValueKind::from_key(&chosen(&event)).unwrap_or(ValueKind::Point));
    let on_reset = props.onreset.reform(|_| ());
    let label = param_label(spec, props.lang);
    let changed = props.value != props.preset_value;
    let refused = |number_box: NumberBox| props.refused.iter().find(|(b, _, _)| *b == number_box);
    let typed = |number_box| refused(number_box).map(|(_, typed, _)| typed.clone());
    let invalid = |number_box| refused(number_box).map(|_| "true");
    let box_name = |number_box| match number_box {
        NumberBox::Median => "median",
        NumberBox::Bound(Bound::Low) => "low",
        NumberBox::Bound(Bound::High) => "high",
    };
    let box_id = |number_box| format!("box-{}-{}", spec.key, box_name(number_box));
    let error_id = |number_box| format!("error-{}-{}", spec.key, box_name(number_box));
    let described = |number_box| refused(number_box).map(|_| error_id(number_box));
    let colon = colon(props.lang);
    // A number box: what was typed if it was refused (marked, with why under it), else the
    // value as the page writes it.
    let number_box = |number_box: NumberBox,
                      class: &'static str,
                      what: &str,
                      value: f64,
                      onchange: Callback<Event>| {
        html! {
            <input type="text" inputmode="decimal" class={class} id={box_id(number_box)}
                aria-label={format!("{label}{colon}{what}")}
                value={typed(number_box).unwrap_or_else(|| shown(value))}
                aria-invalid={invalid(number_box)} aria-describedby={described(number_box)} {onchange} />
        }
    };

    html! {
        <div class={classes!("param", changed.then_some("param-changed"))} data-evidence={spec.evidence.key()}>
            <div class="param-head">
                <label for={slider_id.clone()}>{ label }</label>
                <span class="unit">{ unit_label(spec.unit, props.lang) }</span>
            </div>
            <div class="param-row">
                { slider(props, track, median, shown(median)) }
                { number_box(NumberBox::Median, "number", if kind == ValueKind::Point { t.value() } else { t.median() }, median, on_median) }
                <button type="button" class="reset" disabled={!changed} onclick={on_reset}
                    title={t.reset()} aria-label={format!("{}{colon}{label}", t.reset())}>{ "↺" }</button>
            </div>
            <div class="param-range">
                <select aria-label={format!("{label}{colon}{}", t.kind())} onchange={on_kind}>
                    { for ValueKind::ALL.into_iter().map(|each| html! {
                        <option value={each.key()} selected={each == kind}>{ kind_label(each, t) }</option>
                    }) }
                </select>
                if kind != ValueKind::Point {
                    { number_box(LOW, "number bound", t.low(), low, on_bound(Bound::Low)) }
                    <span class="dash">{ "–" }</span>
                    { number_box(HIGH, "number bound", t.high(), high, on_bound(Bound::High)) }
                }
            </div>
            { for props.refused.iter().map(|(number_box, _, message)| html! {
                <p class="field-error" id={error_id(*number_box)} role="alert">{ message }</p>
            }) }
            { source(spec, props.country, props.lang, props.sources) }
        </div>
    }
}
