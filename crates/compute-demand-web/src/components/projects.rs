//! Supply the user adds: one tranche per project, checked by the core like a file's.

use crate::i18n::texts;
use crate::state::{Action, AppState, Notice};
use compute_demand_core::data::Capacity;
use compute_demand_core::input::project::{FieldValue, ProjectField, ProjectFields};
use compute_demand_core::input::validate;
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{years, CustomProject, Unit, GPUS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProjectsProps {
    pub projects: Vec<CustomProject>,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn capacity_text(capacity: Capacity, lang: Lang) -> String {
    match capacity {
        Capacity::Mw(mw) => quantity(mw, Unit::Megawatts, lang),
        Capacity::Gpus { count, gpu } => {
            format!("{} × {}", quantity(count, Unit::Gpus, lang), GPUS[gpu].id)
        }
        Capacity::Eur { eur, .. } => quantity(eur, Unit::Euros, lang),
    }
}

#[component]
pub fn Projects(props: &ProjectsProps) -> Html {
    let t = texts(props.lang);
    let name = use_node_ref();
    let year = use_node_ref();
    let amount = use_node_ref();
    let unit = use_node_ref();
    let status = use_node_ref();
    let dedicated = use_node_ref();
    let onsubmit = {
        let refs = (
            name.clone(),
            year.clone(),
            amount.clone(),
            unit.clone(),
            status.clone(),
            dedicated.clone(),
        );
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let text = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let choice = |r: &NodeRef| {
                r.cast::<HtmlSelectElement>()
                    .map(|s| s.value())
                    .unwrap_or_default()
            };
            let amount = match validate::number(&text(&refs.2)) {
                Ok(value) => value,
                Err(error) => {
                    return dispatch.dispatch(Action::Notify(Notice::error(
                        error.at(t.capacity).to_string(),
                    )))
                }
            };
            let mut fields = ProjectFields::default();
            let mut set = |field, value| fields.set(field, value).expect("typed as the field");
            set(ProjectField::Name, FieldValue::Text(text(&refs.0)));
            if let Ok(year) = choice(&refs.1).parse() {
                set(ProjectField::Year, FieldValue::Number(year));
            }
            set(ProjectField::Status, FieldValue::Text(choice(&refs.4)));
            if let Some(input) = refs.5.cast::<HtmlInputElement>() {
                set(ProjectField::Dedicated, FieldValue::Flag(input.checked()));
            }
            match choice(&refs.3).as_str() {
                "gpus" => set(ProjectField::Gpus, FieldValue::Number(amount)),
                "eur" => set(ProjectField::Eur, FieldValue::Number(amount * 1e9)),
                _ => set(ProjectField::Mw, FieldValue::Number(amount)),
            }
            match fields.check() {
                Ok(project) => dispatch.dispatch(Action::AddProject(project)),
                Err(error) => dispatch.dispatch(Action::Notify(Notice::error(error.to_string()))),
            }
        })
    };
    let status_label = |key: &str| match key {
        "built" => t.built,
        "financed" => t.financed,
        _ => t.announced,
    };
    html! {
        <section class="projects" aria-labelledby="projects-title">
            <h3 id="projects-title">{ t.projects }</h3>
            <p class="note">{ t.projects_note }</p>
            <ul>
                { for props.projects.iter().enumerate().map(|(index, p)| {
                    let onclick = props.dispatch.to_callback().reform(move |_| Action::RemoveProject(index));
                    html! {
                        <li class="project">
                            <span class="project-name">{ &p.name }</span>
                            { format!(" — {} · {} · {}", p.tranche.year, capacity_text(p.tranche.capacity, props.lang), status_label(p.tranche.status.key())) }
                            <button type="button" {onclick} aria-label={format!("{} {}", t.remove, p.name)}>{ t.remove }</button>
                        </li>
                    }
                }) }
            </ul>
            <form class="project-form" {onsubmit}>
                <label class="field"><span>{ t.project_name }</span><input ref={name} id="project-name" type="text" maxlength="120" required=true /></label>
                <label class="field"><span>{ t.year }</span>
                    <select ref={year} id="project-year">{ for years().map(|y| html! { <option value={y.to_string()} selected={y == 2028}>{ y }</option> }) }</select>
                </label>
                <label class="field"><span>{ t.capacity }</span><input ref={amount} id="project-amount" type="number" step="any" min="0" value="100" /></label>
                <label class="field"><span class="visually-hidden">{ t.capacity }</span>
                    <select ref={unit} id="project-unit" aria-label={t.capacity}>
                        <option value="mw" selected=true>{ "MW" }</option>
                        <option value="gpus">{ "H100 GPUs" }</option>
                        <option value="eur">{ "€bn (all-in)" }</option>
                    </select>
                </label>
                <label class="field"><span>{ t.status }</span>
                    <select ref={status} id="project-status">
                        <option value="announced" selected=true>{ t.announced }</option>
                        <option value="financed">{ t.financed }</option>
                        <option value="built">{ t.built }</option>
                    </select>
                </label>
                <label class="check"><input ref={dedicated} type="checkbox" checked=true />{ t.dedicated }</label>
                <button type="submit" id="project-add">{ t.add }</button>
            </form>
        </section>
    }
}
