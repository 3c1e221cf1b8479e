//! One parameter: its slider and number box, its range, a reset, and its source.

use super::short_number;
use super::slider::Slider;
use crate::i18n::{param_label, texts};
use crate::state::{Action, AppState, Notice, ValueKind};
use compute_demand_core::input::notation::Notation;
use compute_demand_core::input::validate;
use compute_demand_core::output::format::Lang;
use compute_demand_core::{Dist, ParamSpec};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParamControlProps {
    pub spec: &'static ParamSpec,
    pub value: Dist,
    pub preset_value: Dist,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The number typed into a box, checked against the parameter's bounds.
fn typed(spec: &ParamSpec, event: &Event) -> Result<f64, String> {
    let input: HtmlInputElement = event.target_unchecked_into();
    let value = validate::number(&input.value()).map_err(|e| e.at(spec.key).to_string())?;
    validate::param_dist(spec, Notation::Point(value)).map_err(|e| e.to_string())?;
    Ok(value)
}

#[component]
pub fn ParamControl(props: &ParamControlProps) -> Html {
    let spec = props.spec;
    let id = spec.id;
    let t = texts(props.lang);
    let dispatch = &props.dispatch;
    let slider_id = format!("param-{}", spec.key);
    let median = props.value.median().clamp(spec.min, spec.max);
    let kind = ValueKind::of(props.value);

    let on_drag = dispatch
        .to_callback()
        .reform(move |value| Action::Drag(id, value));
    let on_release = dispatch
        .to_callback()
        .reform(move |value| Action::SetMedian(id, value));
    let on_median = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| match typed(spec, &event) {
            Ok(value) => dispatch.dispatch(Action::SetMedian(id, value)),
            Err(message) => dispatch.dispatch(Action::Notify(Notice::error(message))),
        })
    };
    let (low, high) = props.value.bounds();
    let on_bound = |is_low: bool| {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| match typed(spec, &event) {
            Ok(value) if is_low => dispatch.dispatch(Action::SetBounds(id, value, high)),
            Ok(value) => dispatch.dispatch(Action::SetBounds(id, low, value)),
            Err(message) => dispatch.dispatch(Action::Notify(Notice::error(message))),
        })
    };
    let on_kind = dispatch.to_callback().reform(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        let kind = match select.value().as_str() {
            "range" => ValueKind::Range90,
            "uniform" => ValueKind::Uniform,
            _ => ValueKind::Point,
        };
        Action::SetKind(id, kind)
    });
    let on_reset = dispatch.to_callback().reform(move |_| Action::Reset(id));
    let label = param_label(spec, props.lang);
    let changed = props.value != props.preset_value;

    html! {
        <div class={classes!("param", changed.then_some("param-changed"))}>
            <div class="param-head">
                <label for={slider_id.clone()}>{ label }</label>
                <span class="unit">{ spec.unit }</span>
            </div>
            <div class="param-row">
                <Slider
                    id={slider_id.clone()}
                    param={spec.key}
                    value={median}
                    min={spec.min}
                    max={spec.max}
                    step={spec.step}
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
                    <option value="point" selected={kind == ValueKind::Point}>{ t.kind_point }</option>
                    <option value="range" selected={kind == ValueKind::Range90}>{ t.kind_range }</option>
                    <option value="uniform" selected={kind == ValueKind::Uniform}>{ t.kind_uniform }</option>
                </select>
                if kind != ValueKind::Point {
                    <input type="number" class="number bound" step="any" aria-label={format!("{label}: {}", t.low)}
                        value={short_number(low, 6)} onchange={on_bound(true)} />
                    <span class="dash">{ "–" }</span>
                    <input type="number" class="number bound" step="any" aria-label={format!("{label}: {}", t.high)}
                        value={short_number(high, 6)} onchange={on_bound(false)} />
                }
            </div>
            <details class="source">
                <summary>{ t.source }</summary>
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
