//! One parameter: its slider and number box, its range, a reset, and its source.
//!
//! The slider is `input[type=range][data-param=…]`: each move calls `ondrag`, the release
//! `onrelease`, with its number.

use super::{chosen, input_text, short_number};
use crate::i18n::{evidence, param_label, texts, Texts};
use crate::state::Bound;
use compute_demand_core::data::Evidence;
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
}

/// The number a slider is on.
fn number_of(event: &Event) -> Option<f64> {
    input_text(event).parse().ok()
}

fn kind_label(kind: ValueKind, t: &Texts) -> &'static str {
    match kind {
        ValueKind::Point => t.kind_point,
        ValueKind::Range90 => t.kind_range,
        ValueKind::Uniform => t.kind_uniform,
    }
}

/// An evidence class, as a badge: its name, with what it means on hover. (Its colour comes
/// from the `data-evidence` of the element around it.)
pub fn evidence_badge(class: Evidence, lang: Lang) -> Html {
    let (name, meaning) = evidence(class, lang);
    html! { <span class="evidence" title={meaning}>{ name }</span> }
}

#[component]
pub fn ParamControl(props: &ParamControlProps) -> Html {
    let spec = props.spec;
    let t = texts(props.lang);
    let slider_id = format!("param-{}", spec.key);
    let median = props.value.median().clamp(spec.min, spec.max);
    let kind = props.value.kind();
    let (low, high) = props.value.bounds();
    let on_drag = {
        let ondrag = props.ondrag.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = number_of(&event) {
                ondrag.emit(value);
            }
        })
    };
    let on_release = {
        let onrelease = props.onrelease.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = number_of(&event) {
                onrelease.emit(value);
            }
        })
    };
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

    html! {
        <div class={classes!("param", changed.then_some("param-changed"))} data-evidence={spec.evidence.key()}>
            <div class="param-head">
                <label for={slider_id.clone()}>{ label }</label>
                <span class="unit">{ spec.unit }</span>
            </div>
            <div class="param-row">
                <input
                    type="range"
                    id={slider_id.clone()}
                    data-param={spec.key}
                    min={spec.min.to_string()}
                    max={spec.max.to_string()}
                    step={spec.step.to_string()}
                    value={median.to_string()}
                    oninput={on_drag}
                    onchange={on_release}
                />
                <input
                    type="number"
                    class="number"
                    step="any"
                    min={spec.min.to_string()}
                    max={spec.max.to_string()}
                    aria-label={format!("{label}: {}", if kind == ValueKind::Point { t.value } else { t.median })}
                    value={short_number(median, 6)}
                    onchange={on_median}
                />
                <button type="button" class="reset" disabled={!changed} onclick={on_reset}
                    title={t.reset} aria-label={format!("{}: {label}", t.reset)}>{ "↺" }</button>
            </div>
            <div class="param-range">
                <select aria-label={format!("{label}: {}", t.kind)} onchange={on_kind}>
                    { for ValueKind::ALL.into_iter().map(|each| html! {
                        <option value={each.key()} selected={each == kind}>{ kind_label(each, t) }</option>
                    }) }
                </select>
                if kind != ValueKind::Point {
                    <input type="number" class="number bound" step="any" aria-label={format!("{label}: {}", t.low)}
                        value={short_number(low, 6)} onchange={on_bound(Bound::Low)} />
                    <span class="dash">{ "–" }</span>
                    <input type="number" class="number bound" step="any" aria-label={format!("{label}: {}", t.high)}
                        value={short_number(high, 6)} onchange={on_bound(Bound::High)} />
                }
            </div>
            <details class="source">
                <summary>{ t.source }{ evidence_badge(spec.evidence, props.lang) }</summary>
                <p>
                    { spec.source.text }
                    if let Some(url) = spec.source.url {
                        { " " }
                        <a href={url} target="_blank" rel="noopener noreferrer">{ url }</a>
                    }
                </p>
            </details>
        </div>
    }
}
