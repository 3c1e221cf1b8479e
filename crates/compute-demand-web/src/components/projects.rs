//! Supply the user adds: one tranche per project. The form hands over what was typed; the
//! reducer checks it like a file's project. The projects added are listed, edited and removed
//! in the register (`register.rs`).

use super::value_of as value;
use crate::i18n::{status_label, texts};
use crate::state::ProjectForm;
use compute_demand_core::data::Status;
use compute_demand_core::input::project::ProjectField;
use compute_demand_core::output::format::Lang;
use compute_demand_core::years;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProjectsProps {
    pub lang: Lang,
    pub onsubmit: Callback<ProjectForm>,
}

/// The form's inputs, one per field: what they hold is read when the form is submitted.
#[derive(Default)]
struct Inputs {
    name: NodeRef,
    year: NodeRef,
    amount: NodeRef,
    /// The capacity field the amount is for.
    unit: NodeRef,
    status: NodeRef,
    dedicated: NodeRef,
}

impl Inputs {
    fn read(&self) -> ProjectForm {
        let checked = |input: &NodeRef| {
            input
                .get()
                .is_some_and(|node| node.unchecked_into::<HtmlInputElement>().checked())
        };
        ProjectForm {
            name: value(&self.name),
            year: value(&self.year),
            amount: value(&self.amount),
            unit: value(&self.unit),
            status: value(&self.status),
            dedicated: checked(&self.dedicated),
        }
    }
}

#[component]
pub fn Projects(props: &ProjectsProps) -> Html {
    let t = texts(props.lang);
    let inputs = use_memo((), |_| Inputs::default());
    let onsubmit = {
        let inputs = inputs.clone();
        props.onsubmit.reform(move |event: SubmitEvent| {
            event.prevent_default();
            inputs.read()
        })
    };
    html! {
        <section class="projects" aria-labelledby="projects-title">
            <h3 id="projects-title">{ t.projects }</h3>
            <p class="note">{ t.projects_note }</p>
            <form class="project-form" {onsubmit}>
                <label class="field"><span>{ t.project_name }</span>
                    <input ref={inputs.name.clone()} id="project-name" type="text" maxlength="120" required=true /></label>
                <label class="field"><span>{ t.year }</span>
                    <select ref={inputs.year.clone()} id="project-year">{ for years().map(|y| html! { <option value={y.to_string()} selected={y == 2028}>{ y }</option> }) }</select>
                </label>
                <label class="field"><span>{ t.capacity }</span>
                    <input ref={inputs.amount.clone()} id="project-amount" type="text" inputmode="decimal" value="100" /></label>
                <label class="field"><span class="visually-hidden">{ t.capacity }</span>
                    <select ref={inputs.unit.clone()} id="project-unit" aria-label={t.capacity}>
                        <option value={ProjectField::Mw.key()} selected=true>{ "MW" }</option>
                        <option value={ProjectField::Gpus.key()}>{ "H100 GPUs" }</option>
                        <option value={ProjectField::Eur.key()}>{ "€bn (all-in)" }</option>
                    </select>
                </label>
                <label class="field"><span>{ t.status }</span>
                    <select ref={inputs.status.clone()} id="project-status">
                        // Least certain first: the form starts on announced.
                        { for Status::ALL.into_iter().rev().map(|status| html! {
                            <option value={status.key()} selected={status == Status::Announced}>{ status_label(status, t) }</option>
                        }) }
                    </select>
                </label>
                <label class="check"><input ref={inputs.dedicated.clone()} type="checkbox" checked=true />{ t.dedicated }</label>
                <button type="submit" id="project-add">{ t.add }</button>
            </form>
        </section>
    }
}
