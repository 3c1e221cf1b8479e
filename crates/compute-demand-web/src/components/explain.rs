//! A figure explained: the chain from the assumptions to it, this scenario's values plugged
//! in, each step with its number, its formula in words and the parameters it uses (each a
//! link to its slider); and why the chain, at median assumptions, differs from the Monte
//! Carlo median shown above.

use super::raw;
use crate::i18n::{explain_note, metric_label, param_label, step_words, texts};
use compute_demand_core::model::explain::Step;
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::Metric;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    pub metric: Metric,
    pub year: u16,
    pub steps: Vec<Step>,
    /// The figure as the headline shows it: the median of the draws.
    pub drawn_median: f64,
    pub samples: usize,
    pub lang: Lang,
    pub onclose: Callback<()>,
    /// A parameter's link was followed: its key.
    pub onparam: Callback<&'static str>,
}

/// A step's parameters, each a link to its slider; a long list folds away.
fn params(step: &Step, props: &ExplainProps) -> Html {
    let lang = props.lang;
    let links = html! {
        <span class="step-params">
            { for step.params.iter().map(|id| {
                let spec = id.spec();
                let key = spec.key;
                let onclick = props.onparam.reform(move |event: MouseEvent| {
                    // The fragment is the share link: following the anchor would replace
                    // the scenario.
                    event.prevent_default();
                    key
                });
                // Each parameter: to its slider, and to its source on the methodology page.
                html! { <span class="step-param">
                    <a href={format!("#param-{key}")} {onclick}>{ param_label(spec, lang) }</a>
                    <a class="step-source" href={format!("methodology.html#{key}")} title={spec.source.text}
                        aria-label={format!("{} {}", texts(lang).source, param_label(spec, lang))}>{ "↗" }</a>
                </span> }
            }) }
        </span>
    };
    if step.params.len() <= FOLDED_OVER {
        return links;
    }
    let summary = format!("{} ({})", texts(lang).controls, step.params.len());
    html! { <details class="step-more"><summary>{ summary }</summary>{ links }</details> }
}

/// Steps with more parameters than this list them folded.
const FOLDED_OVER: usize = 6;

#[component]
pub fn Explain(props: &ExplainProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let unit = props.metric.unit();
    let at_medians = props.steps.last().map_or(0.0, |step| step.value);
    let note = explain_note(
        &quantity(at_medians, unit, lang),
        &quantity(props.drawn_median, unit, lang),
        props.samples,
        props.metric == Metric::DemandExceedsSupply,
        lang,
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
    html! {
        <section id="explain" class="explain" data-explain={props.metric.key()} aria-labelledby="explain-title"
            tabindex="-1" {onkeydown}>
            <div class="explain-head">
                <h3 id="explain-title">{ format!("{} — {} {}", metric_label(props.metric, lang), t.explain_title, props.year) }</h3>
                <button type="button" class="explain-close" onclick={onclose}>{ t.close }</button>
            </div>
            <ol class="steps">
                { for props.steps.iter().map(|step| {
                    let (title, formula) = step_words(step.id, lang);
                    html! {
                        <li class="step" data-step={step.id.key()} data-value={raw(step.value)}>
                            <span class="step-title">{ title }</span>
                            <span class="step-value">{ quantity(step.value, step.unit, lang) }</span>
                            <span class="step-formula">{ formula }</span>
                            if !step.params.is_empty() {
                                { params(step, props) }
                            }
                        </li>
                    }
                }) }
            </ol>
            <p class="explain-note" data-explain-note="">{ note }</p>
        </section>
    }
}
