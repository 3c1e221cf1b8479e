//! The rank correlations in force: per pair a slider, a box and a reset, and why a default
//! pair holds; what the simulator says of them; a form to add a pair. What is slid, typed or
//! chosen goes out as text: the reducer checks it.

use super::param_control::evidence_badge;
use super::{input_text, short_number, value_of};
use crate::i18n::{colon, country, group, param_label, source_language, texts};
use crate::sources::Loaded;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::correlation::Correlation;
use compute_demand_core::{ParamGroup, ParamId};
use std::rc::Rc;
use yew::prelude::*;

/// A pair in force, and whether one of its parameters is a point (the simulator then
/// ignores it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PairRow {
    pub pair: Correlation,
    pub ignored: bool,
}

#[derive(Properties, PartialEq)]
pub struct CorrelationsProps {
    pub rows: Vec<PairRow>,
    /// What the simulator says of the pairs: ignored, or repaired.
    pub notices: Vec<String>,
    pub lang: Lang,
    /// The scenario's country: its labels are the words the menus show, so a change of
    /// country draws them again.
    pub country: &'static compute_demand_core::data::Country,
    /// A pair's rho, as slid to or typed.
    pub onset: Callback<(ParamId, ParamId, String)>,
    pub onreset: Callback<(ParamId, ParamId)>,
    /// Two keys and a rho, as the form holds them.
    pub onadd: Callback<(String, String, String)>,
    /// The default pairs' rationales and sources, as the page has them so far
    /// (`crate::sources`).
    #[prop_or_default]
    pub sources: Loaded,
}

fn pair_row(row: &PairRow, props: &CorrelationsProps) -> Html {
    let (lang, t) = (props.lang, texts(props.lang));
    let Correlation { a, b, rho } = row.pair;
    let text = row.pair.pair_text(country());
    let (la, lb) = (
        param_label(country().param(a), lang),
        param_label(country().param(b), lang),
    );
    let name = format!("{la} ↔ {lb}");
    let label = format!("{}{}{name}", t.rho(), colon(lang));
    let value = short_number(rho, 4);
    let set = move |event: Event| (a, b, input_text(&event));
    let default = country()
        .correlations
        .iter()
        .find(|d| d.pair.same_pair(&row.pair));
    let why = default.and_then(|d| props.sources.correlation(d));
    let (reset, mark, changed) = match default {
        Some(d) => (t.reset(), "↺", rho != d.pair.rho),
        None => (t.remove(), "×", true),
    };
    html! {
        <div key={text.clone()} class={if row.ignored { "corr corr-ignored" } else { "corr" }}
            data-correlation={text.clone()} data-ignored={row.ignored.then_some("true")}>
            <div class="corr-pair">{ &name }</div>
            <div class="param-row">
                <input type="range" data-corr={text.clone()} min="-1" max="1" step="0.05" value={value.clone()}
                    aria-label={label.clone()} onchange={props.onset.reform(set)} />
                <input type="text" inputmode="decimal" class="number" {value}
                    aria-label={label} onchange={props.onset.reform(set)} />
                <button type="button" class="reset" data-corr-reset={text} disabled={!changed} title={reset}
                    aria-label={format!("{reset}{}{name}", colon(lang))} onclick={props.onreset.reform(move |_| (a, b))}>{ mark }</button>
            </div>
            if let Some(d) = default {
                <p class="corr-why" title={why.map(|w| w.0)} data-evidence={d.evidence.key()}>{ evidence_badge(d.evidence, lang) }
                    if let Some((_, rationale)) = why {
                        { " " }<span lang="en" data-rationale="">{ rationale }</span>
                        if !source_language(lang).is_empty() { { " " }<span class="source-language">{ source_language(lang) }</span> }
                    }</p>
            }
        </div>
    }
}

#[component]
pub fn Correlations(props: &CorrelationsProps) -> Html {
    let t = texts(props.lang);
    let inputs = use_memo((), |_| <[NodeRef; 3]>::default());
    html! {
        <details class="group corrs" data-group="correlations">
            <summary>{ t.correlations() }</summary>
            <p class="note">{ t.correlations_note() }</p>
            { for props.notices.iter().map(|notice| html! {
                <p class="corr-notice" data-correlation-notice="true">{ crate::messages::in_lang(notice, props.lang) }</p>
            }) }
            { for props.rows.iter().map(|row| pair_row(row, props)) }
            { pair_form(&inputs, props) }
        </details>
    }
}

/// Every parameter as an option, by group; the one at `selected` chosen.
fn param_options(selected: usize, lang: Lang) -> Html {
    html! { <>{ for ParamGroup::ALL.iter().map(|&g| html! {
        <optgroup label={group(g, lang)}>
            { for country().params.iter().filter(|spec| spec.group == g).map(|spec| html! {
                <option value={spec.key} selected={spec.id.index() == selected}>{ param_label(spec, lang) }</option>
            }) }
        </optgroup>
    }) }</> }
}

/// Two parameters and a rho, read from `inputs` when submitted: a pair of the user's.
fn pair_form(inputs: &Rc<[NodeRef; 3]>, props: &CorrelationsProps) -> Html {
    let (lang, t) = (props.lang, texts(props.lang));
    let onsubmit = {
        let inputs = inputs.clone();
        props.onadd.reform(move |event: SubmitEvent| {
            event.prevent_default();
            let [a, b, rho] = &*inputs;
            (value_of(a), value_of(b), value_of(rho))
        })
    };
    let [a, b, rho] = &**inputs;
    html! {
        <form class="corr-form" {onsubmit}>
            <label class="field"><span>{ t.assumption() }{ " 1" }</span>
                <select ref={a.clone()} data-corr-param="a">{ param_options(0, lang) }</select></label>
            <label class="field"><span>{ t.assumption() }{ " 2" }</span>
                <select ref={b.clone()} data-corr-param="b">{ param_options(1, lang) }</select></label>
            <label class="field"><span>{ t.rho() }</span>
                <input ref={rho.clone()} data-corr-param="rho" type="text" inputmode="decimal" class="number" value="0.5" /></label>
            <button type="submit" data-action="add-correlation">{ t.add_pair() }</button>
        </form>
    }
}
