//! Supply the user adds: one tranche per project. The form hands over what was typed; the
//! reducer checks it like a file's project. The capacity box is checked first, by the core's
//! rules for the form (`input::project::typed_capacity`): a refused value is marked beside the
//! box and nothing is handed over; a very large one is added with a warning. (Checked when
//! the form is sent or the unit changes, not when the box is left: a message appearing then
//! would move the Add button from under the pointer.) The projects added are listed, edited
//! and removed in the register (`register.rs`).

use super::value_of as value;
use crate::i18n::{fill, refusal_text, status_label, texts, tr};
use crate::state::ProjectForm;
use compute_demand_core::data::Status;
use compute_demand_core::input::field::Refusal;
use compute_demand_core::input::project::{
    is_large, largest_project_mw, typed_capacity, ProjectField, LARGE_WARNING,
};
use compute_demand_core::output::format::{trimmed, Lang};
use compute_demand_core::years;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProjectsProps {
    pub lang: Lang,
    /// The scenario's country, which its note names: a change of country draws it again.
    pub country: &'static compute_demand_core::data::Country,
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

    /// What the capacity box holds, checked in `lang`.
    fn capacity(&self, lang: Lang) -> Capacity {
        let unit = ProjectField::from_key(&value(&self.unit)).unwrap_or(ProjectField::Mw);
        let text = value(&self.amount);
        let said = match typed_capacity(unit, &text, lang) {
            Err(refusal) => Said::Refused(refusal),
            Ok(amount) if is_large(unit, amount) => Said::Large,
            Ok(_) => Said::Nothing,
        };
        Capacity { text, said }
    }
}

/// The capacity box as last checked: its text (which the box must keep when the form redraws:
/// Yew writes an input's `value` at every render) and what the form says about it.
#[derive(Clone, Debug, PartialEq)]
struct Capacity {
    text: String,
    said: Said,
}

/// What the form says beside the capacity box.
#[derive(Clone, Debug, PartialEq)]
enum Said {
    Nothing,
    /// Refused: marked, and nothing is added.
    Refused(Refusal),
    /// Far above the register's largest project: added, with a warning.
    Large,
}

#[component]
pub fn Projects(props: &ProjectsProps) -> Html {
    let (t, lang) = (texts(props.lang), props.lang);
    let inputs = use_memo((), |_| Inputs::default());
    let checked = use_state(|| Capacity {
        text: "100".into(),
        said: Said::Nothing,
    });
    let on_check = {
        let (inputs, checked) = (inputs.clone(), checked.clone());
        Callback::from(move |_: Event| checked.set(inputs.capacity(lang)))
    };
    let onsubmit = {
        let (inputs, checked, onsubmit) = (inputs.clone(), checked.clone(), props.onsubmit.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let now = inputs.capacity(lang);
            let refused = matches!(now.said, Said::Refused(_));
            checked.set(now);
            if refused {
                if let Some(amount) = inputs.amount.cast::<HtmlElement>() {
                    let _ = amount.focus();
                }
            } else {
                onsubmit.emit(inputs.read());
            }
        })
    };
    let (note, class) = match &checked.said {
        Said::Nothing => (None, ""),
        Said::Refused(refusal) => (Some(refusal_text(refusal, lang)), "field-error"),
        Said::Large => {
            // "about": in gigawatts, to the tenth.
            let gw = (largest_project_mw(props.country) / 100.0).round() / 10.0;
            let largest = format!("{}\u{a0}GW", trimmed(gw, lang));
            let text = fill(tr(lang, LARGE_WARNING), &[("largest", &largest)]);
            (Some(text), "field-warning")
        }
    };
    let refused = matches!(checked.said, Said::Refused(_));
    html! {
        <section class="projects" aria-labelledby="projects-title">
            <h3 id="projects-title">{ t.projects() }</h3>
            <p class="note">{ t.projects_note() }</p>
            <form class="project-form" {onsubmit}>
                <label class="field"><span>{ t.project_name() }</span>
                    <input ref={inputs.name.clone()} id="project-name" type="text" maxlength="120" required=true /></label>
                <label class="field"><span>{ t.year() }</span>
                    <select ref={inputs.year.clone()} id="project-year">{ for years().map(|y| html! { <option value={y.to_string()} selected={y == 2028}>{ y }</option> }) }</select>
                </label>
                <div class="project-capacity">
                <label class="field"><span>{ t.capacity() }</span>
                    <input ref={inputs.amount.clone()} id="project-amount" type="text" inputmode="decimal" value={checked.text.clone()}
                        aria-invalid={refused.then_some("true")} aria-describedby={note.is_some().then_some("project-amount-note")}
                        /></label>
                <label class="field"><span class="visually-hidden">{ t.capacity() }</span>
                    <select ref={inputs.unit.clone()} id="project-unit" aria-label={t.capacity()} onchange={on_check}>
                        <option value={ProjectField::Mw.key()} selected=true>{ "MW" }</option>
                        <option value={ProjectField::Gpus.key()}>{ "H100 GPUs" }</option>
                        <option value={ProjectField::Eur.key()}>{ "€bn (all-in)" }</option>
                    </select>
                </label>
                if let Some(note) = note {
                    <p class={class} id="project-amount-note" role={if refused { "alert" } else { "status" }}>{ note }</p>
                }
                </div>
                <label class="field"><span>{ t.status() }</span>
                    <select ref={inputs.status.clone()} id="project-status">
                        // Least certain first: the form starts on announced.
                        { for Status::ALL.into_iter().rev().map(|status| html! {
                            <option value={status.key()} selected={status == Status::Announced}>{ status_label(status, t) }</option>
                        }) }
                    </select>
                </label>
                <label class="check"><input ref={inputs.dedicated.clone()} type="checkbox" checked=true />{ t.dedicated() }</label>
                <button type="submit" id="project-add">{ t.add() }</button>
            </form>
        </section>
    }
}
