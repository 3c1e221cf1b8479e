//! A figure explained: the chain from the assumptions to it, this scenario's values plugged
//! in, each step with its number, its formula in words and the parameters it uses (each a
//! link to its slider); and why the chain, at median assumptions, differs from the Monte
//! Carlo median shown above.

use super::{box_text, raw};
use crate::i18n::{explain_note, metric_label, param_label, step_words, texts, tr, unit_label};
use crate::sources::Loaded;
use compute_demand_core::data::{Country, ParamSpec};
use compute_demand_core::input::field::shown_value;
use compute_demand_core::model::explain::Step;
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{Metric, ParamValues};
use yew::prelude::*;

/// The pinned scenario's side of a comparison: its chain and the values it was explained at.
#[derive(Clone, PartialEq)]
pub struct PinnedChain {
    pub steps: Vec<Step>,
    pub values: ParamValues,
}

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub metric: Metric,
    pub year: u16,
    pub steps: Vec<Step>,
    /// The values the chain was explained at (the scenario's medians): each input shows its own.
    pub values: ParamValues,
    /// When a scenario is pinned: its chain, for pinned → now on every step.
    pub pinned: Option<PinnedChain>,
    /// The figure as the headline shows it: the median of the draws.
    pub drawn_median: f64,
    pub samples: usize,
    pub lang: Lang,
    /// The scenario's country: its parameters' labels and methodology page.
    pub country: &'static Country,
    pub onclose: Callback<()>,
    /// A parameter's link was followed: its key.
    pub onparam: Callback<&'static str>,
    /// The parameters' source texts, once fetched: the titles of the inputs' source links.
    #[prop_or_default]
    pub sources: Loaded,
}

/// An input's value as its box shows it, in its unit: "1.3", "85%", "2027", "8 runs/yr".
pub fn input_value(spec: &ParamSpec, value: f64, lang: Lang) -> String {
    let number = box_text(shown_value(spec, value), lang);
    match spec.unit {
        "share" if lang == Lang::Fr => format!("{number}\u{a0}%"),
        "share" => format!("{number}%"),
        // A year, and a plain multiplier (PUE 1.3), need no unit after them.
        "year" | "×" => number,
        unit => format!("{number}\u{a0}{}", unit_label(unit, lang)),
    }
}

/// Whether two figures differ beyond rounding in the last bits.
fn differs(a: f64, b: f64) -> bool {
    (a - b).abs() > 1e-9 * a.abs().max(b.abs()).max(f64::MIN_POSITIVE)
}

/// A step's parameters, each a link to its slider with its value (pinned → now when it
/// moved); a long list folds away.
fn params(step: &Step, props: &ExplainProps) -> Html {
    let lang = props.lang;
    let links = html! {
        <span class="step-params">
            { for step.params.iter().map(|id| {
                let spec = props.country.param(*id);
                let key = spec.key;
                let onclick = props.onparam.reform(move |event: MouseEvent| {
                    // The fragment is the share link: following the anchor would replace
                    // the scenario.
                    event.prevent_default();
                    key
                });
                let now = props.values[id.index()];
                let before = props.pinned.as_ref().map(|p| p.values[id.index()]).filter(|&b| differs(b, now));
                let value = match before {
                    Some(before) => format!("{} → {}", input_value(spec, before, lang), input_value(spec, now, lang)),
                    None => input_value(spec, now, lang),
                };
                // Each parameter: to its slider, and to its source on the methodology page.
                html! { <span class="step-param" data-param-moved={before.map(|_| "true")}>
                    <a href={format!("#param-{key}")} {onclick}>{ param_label(spec, lang) }</a>
                    { " " }<span class="param-value" data-param-value={key}>{ value }</span>
                    <a class="step-source" href={format!("{}#{key}", crate::components::footer::methodology_page(lang, props.country))} title={props.sources.text(spec)}
                        aria-label={format!("{} {}", texts(lang).source(), param_label(spec, lang))}>{ "↗" }</a>
                </span> }
            }) }
        </span>
    };
    if step.params.len() <= FOLDED_OVER {
        return links;
    }
    let summary = format!("{} ({})", texts(lang).controls(), step.params.len());
    html! { <details class="step-more"><summary>{ summary }</summary>{ links }</details> }
}

/// Steps with more parameters than this list them folded.
const FOLDED_OVER: usize = 6;

/// Where each step stands against the pinned chain: its pinned value, and whether the change
/// enters there (a moved input of its own, or the first step that moved when no input of the
/// chain did: a project or a correlation).
fn against_pinned(props: &ExplainProps) -> Vec<(Option<f64>, bool)> {
    let Some(pinned) = &props.pinned else {
        return vec![(None, false); props.steps.len()];
    };
    let moved = |step: &Step| {
        step.params
            .iter()
            .any(|id| differs(pinned.values[id.index()], props.values[id.index()]))
    };
    let mut rows: Vec<(Option<f64>, bool)> = props
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let before = pinned
                .steps
                .get(i)
                .filter(|p| p.id == step.id)
                .or_else(|| pinned.steps.iter().find(|p| p.id == step.id))
                .map(|p| p.value);
            let enters = moved(step) && before.is_some_and(|b| differs(b, step.value));
            (before, enters)
        })
        .collect();
    if !rows.iter().any(|&(_, enters)| enters) {
        let first = (props.steps.iter().zip(&rows))
            .position(|(step, &(before, _))| before.is_some_and(|b| differs(b, step.value)));
        if let Some(first) = first {
            rows[first].1 = true;
        }
    }
    rows
}

/// One step: its name, value (pinned → now), formula and inputs.
fn step_row(step: &Step, (before, enters): (Option<f64>, bool), props: &ExplainProps) -> Html {
    let lang = props.lang;
    // Until the texts are here (they come with the sources, after the first render).
    let (title, formula) = step_words(step.id, props.sources, lang).unwrap_or(("…", ""));
    let now = quantity(step.value, step.unit, lang);
    let value = match before {
        Some(before) if differs(before, step.value) => {
            format!("{} → {now}", quantity(before, step.unit, lang))
        }
        _ => now,
    };
    html! {
        <li class={classes!("step", enters.then_some("step-enters"))} data-step={step.id.key()}
            data-value={raw(step.value)} data-pinned-value={before.map(raw)}
            data-step-delta={enters.then_some("enters")}>
            <span class="step-title">{ title }</span>
            <span class="step-value">{ value }</span>
            if enters {
                <span class="step-delta-note">{ tr(lang, "your change enters here") }</span>
            }
            <span class="step-formula">{ formula }</span>
            if !step.params.is_empty() {
                { params(step, props) }
            }
        </li>
    }
}

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let unit = props.metric.unit();
    let at_medians = props.steps.last().map_or(0.0, |step| step.value);
    let note = explain_note(
        (
            &quantity(at_medians, unit, lang),
            &quantity(props.drawn_median, unit, lang),
        ),
        props.samples,
        props.metric == Metric::DemandExceedsSupply,
        (props.sources, lang),
    );
    let onclose = props.onclose.reform(|_| ());
    // Esc closes the panel, as a dialog's would.
    let onkeydown = {
        let close = props.onclose.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                close.emit(());
            }
        })
    };
    let rows = against_pinned(props);
    html! {
        <section id="explain" class="explain" data-explain={props.metric.key()} aria-labelledby="explain-title"
            tabindex="-1" {onkeydown}>
            <div class="explain-head">
                <h3 id="explain-title">{ format!("{} — {} {}", metric_label(props.metric, lang), t.explain_title(), props.year) }</h3>
                <button type="button" class="explain-close" onclick={onclose}>{ t.close() }</button>
            </div>
            if props.pinned.is_some() {
                <p class="explain-pinned">{ tr(lang, "Each value reads pinned → now.") }</p>
            }
            <ol class="steps">
                { for props.steps.iter().zip(rows).map(|(step, row)| step_row(step, row, props)) }
            </ol>
            <p class="explain-note" data-explain-note="">{ note }</p>
        </section>
    }
}
