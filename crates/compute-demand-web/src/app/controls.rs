//! The controls column: every parameter, by group, the correlations between them, and the
//! projects.

use crate::components::correlations::{Correlations, PairRow};
use crate::components::param_control::ParamControl;
use crate::components::projects::Projects;
use crate::components::register::{Register, RegisterView};
use crate::hooks::Handlers;
use crate::i18n::{group, texts};
use crate::state::{AppState, NumberBox};
use compute_demand_core::{ParamGroup, ParamId, Scenario};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub state: UseReducerHandle<AppState>,
    pub on: Rc<Handlers>,
    /// How many of its [`CONTROL_PARTS`] are drawn so far (see `hooks::use_parts`).
    pub parts: usize,
}

/// The pairs in force, each marked when one of its parameters is a point.
fn pair_rows(scenario: &Scenario) -> Vec<PairRow> {
    let uncertain = |id| scenario.value(id).is_uncertain();
    scenario
        .correlations
        .iter()
        .map(|&pair| PairRow {
            pair,
            ignored: !(uncertain(pair.a) && uncertain(pair.b)),
        })
        .collect()
}

/// A parameter's boxes that hold a refused value: the box, the text, and why, in the page's
/// language.
fn refused_boxes(state: &AppState, id: ParamId) -> Vec<(NumberBox, String, String)> {
    state
        .refused
        .iter()
        .filter(|refused| refused.id == id)
        .map(|r| {
            (
                r.number_box,
                r.typed.clone(),
                crate::i18n::refusal_text(&r.refusal, state.lang),
            )
        })
        .collect()
}

/// The parts of the controls, drawn a task each after the page's first: the groups, the
/// correlations, the register.
pub const CONTROL_PARTS: usize = ParamGroup::ALL.len() + 2;

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let scenario = &state.scenario;
    let on = &props.on;
    let t = texts(lang);
    let drawn = props.parts;

    html! {
        <aside class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{ t.controls() }</h2>
            // Only the first group starts open, so the column is short enough to scroll past.
            { for ParamGroup::ALL.iter().enumerate().map(|(i, &g)| html! {
                <details class="group" open={i == 0} data-group={g.key()}>
                    <summary>{ group(g, lang) }</summary>
                    { for scenario.country.params.iter().zip(&on.params).filter(|(spec, _)| drawn > i && spec.group == g).map(|(spec, on)| html! {
                        <ParamControl key={spec.key} spec={spec} value={scenario.value(spec.id)}
                            preset_value={scenario.preset_value(spec.id)} lang={lang} country={scenario.country}
                            ondrag={on.ondrag.clone()} onrelease={on.onrelease.clone()} onmedian={on.onmedian.clone()}
                            onbound={on.onbound.clone()} onkind={on.onkind.clone()} onreset={on.onreset.clone()}
                            refused={refused_boxes(state, spec.id)} sources={state.sources} />
                    }) }
                </details>
            }) }
            if drawn > ParamGroup::ALL.len() {
                <Correlations rows={pair_rows(scenario)} notices={scenario.correlation_plan().notices} lang={lang} country={scenario.country}
                    onset={on.correlate.clone()} onreset={on.uncorrelate.clone()} onadd={on.add_pair.clone()}
                    sources={state.sources} />
            }
            if drawn > ParamGroup::ALL.len() + 1 {
                <Register view={Rc::new(RegisterView::of(scenario))} year={state.year} lang={lang}
                    oninclude={on.include.clone()} onedit={on.edit_project.clone()} onremove={on.remove.clone()}
                    sources={state.sources} />
            }
            <Projects lang={lang} country={scenario.country} onsubmit={on.submit.clone()} />
        </aside>
    }
}
