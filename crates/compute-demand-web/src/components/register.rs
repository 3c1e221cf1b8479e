//! The supply register: every project and tranche that makes the supply, with what each
//! counts for at this scenario's values — nameplate, status, online year, weight (the odds of
//! being built × the AI share of its site) and the MW counted in the year shown — and a box to
//! leave a project out. The scenario's own projects sit in the same table, editable.

use super::input_text;
use crate::i18n::{status_label, texts, Texts};
use compute_demand_core::data::{Capacity, Status};
use compute_demand_core::input::notation::write_number;
use compute_demand_core::input::project::ProjectField;
use compute_demand_core::model::supply::{custom_accounts, register, TrancheAccount};
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{years, Scenario, Unit, PROJECTS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub scenario: Scenario,
    pub year: u16,
    pub lang: Lang,
    /// A built-in project (its index) counted or left out.
    pub oninclude: Callback<(usize, bool)>,
    /// One of the scenario's own projects: a field as typed.
    pub onedit: Callback<(usize, ProjectField, String)>,
    pub onremove: Callback<usize>,
}

fn mw(value: f64, lang: Lang) -> String {
    quantity(value, Unit::Megawatts, lang)
}

/// A fractional year to a tenth: 2027, 2027.5 (2027,5 in French); past the model's horizon,
/// "> 2030".
fn year_text(year: f64, lang: Lang) -> String {
    let last = compute_demand_core::LAST_YEAR;
    if year > f64::from(last) + 1.0 {
        return format!("> {last}");
    }
    let tenths = (year * 10.0).round() as i64;
    match tenths % 10 {
        0 => (tenths / 10).to_string(),
        tenth => format!(
            "{}{}{tenth}",
            tenths / 10,
            if lang == Lang::Fr { ',' } else { '.' }
        ),
    }
}

/// The cells every tranche row shows, after its own first cells.
fn account_cells(
    account: &TrancheAccount,
    year: u16,
    counted: bool,
    t: &Texts,
    lang: Lang,
) -> Html {
    let online = year_text(account.online_year, lang);
    let weight = quantity(account.weight, Unit::Probability, lang);
    let counted_mw = if counted {
        account.counted_mw(year)
    } else {
        0.0
    };
    html! {
        <>
            <td class="num">{ mw(account.nameplate_mw, lang) }<small>{ format!("× {weight}") }</small></td>
            <td class="num" data-counted-mw={super::raw(counted_mw)}>{ mw(counted_mw, lang) }<small>{ format!("{} {online}", t.register_online) }</small></td>
        </>
    }
}

#[component]
pub fn Register(props: &RegisterProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let year = props.year;
    let values = props.scenario.medians();
    let built_in = register(&values);
    let own = custom_accounts(&props.scenario.projects, &values);
    let head = html! {
        <tr>
            <th scope="col">{ t.register_tranche }</th>
            <th scope="col" class="num">{ t.register_nameplate }<small>{ format!("× {}", t.register_weight) }</small></th>
            <th scope="col" class="num">{ format!("{} {year}", t.register_counted) }</th>
        </tr>
    };
    html! {
        <section class="register" aria-labelledby="register-title">
            <h3 id="register-title">{ t.register_title }</h3>
            <p class="note">{ t.register_note }</p>
            <div class="table-scroll">
            <table class="register-table">
                <thead>{ head }</thead>
                { for built_in.iter().enumerate().map(|(index, (project, tranches))| {
                    let included = props.scenario.includes_project(index);
                    let onchange = props.oninclude.reform(move |event: Event| {
                        let checked = event.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        (index, checked)
                    });
                    html! {
                        <tbody data-project={project.id} class={classes!((!included).then_some("excluded"))}>
                            // The project on a row of its own, so that the figures keep their
                            // columns in a narrow column of controls.
                            <tr>
                                <th scope="rowgroup" colspan="3" class="project-cell">
                                    <label class="check">
                                        <input type="checkbox" checked={included} {onchange} />
                                        <span>{ project.name }</span>
                                    </label>
                                    <small class="site">
                                        { project.site }
                                        if let Some(url) = project.source.url {
                                            { " · " }
                                            <a class="source-link" href={url} target="_blank" rel="noopener noreferrer">{ t.source_link }</a>
                                        }
                                    </small>
                                </th>
                            </tr>
                            { for tranches.iter().map(|tranche| html! {
                                <tr>
                                    <td>{ tranche.sourced.tranche.year }<small>{ status_label(tranche.sourced.tranche.status, t) }</small></td>
                                    { account_cells(&tranche.account, year, included, t, lang) }
                                </tr>
                            }) }
                        </tbody>
                    }
                }) }
                { for props.scenario.projects.iter().zip(&own).enumerate().map(|(index, (project, account))| {
                    let edit = |field: ProjectField| props.onedit.reform(move |event: Event| (index, field, input_text(&event)));
                    let onremove = props.onremove.reform(move |_| index);
                    let (amount_field, amount, unit) = match project.tranche.capacity {
                        Capacity::Mw(mw) => (ProjectField::Mw, write_number(mw), "MW"),
                        Capacity::Gpus { count, .. } => (ProjectField::Gpus, write_number(count), "GPUs"),
                        Capacity::Eur { eur, .. } => (ProjectField::Eur, write_number(eur), "€"),
                    };
                    html! {
                        <tbody data-project={format!("custom-{}", index + 1)} class="custom">
                            <tr>
                                <th scope="rowgroup" colspan="3" class="project-cell">
                                    <input type="text" class="project-edit project-name" maxlength="120" value={project.name.clone()}
                                        aria-label={t.project_name} onchange={edit(ProjectField::Name)} />
                                    <button type="button" class="remove" onclick={onremove}
                                        aria-label={format!("{} {}", t.remove, project.name)}>{ t.remove }</button>
                                </th>
                            </tr>
                            <tr>
                                <td class="project-edits">
                                    <select aria-label={t.year} onchange={edit(ProjectField::Year)}>
                                        { for years().map(|y| html! { <option value={y.to_string()} selected={y == project.tranche.year}>{ y }</option> }) }
                                    </select>
                                    <input type="text" inputmode="decimal" class="project-edit number" value={amount}
                                        aria-label={format!("{} ({unit})", t.capacity)} onchange={edit(amount_field)} />
                                    <span class="unit">{ unit }</span>
                                    <select aria-label={t.status} onchange={edit(ProjectField::Status)}>
                                        { for Status::ALL.into_iter().map(|status| html! {
                                            <option value={status.key()} selected={status == project.tranche.status}>{ status_label(status, t) }</option>
                                        }) }
                                    </select>
                                </td>
                                { account_cells(account, year, true, t, lang) }
                            </tr>
                        </tbody>
                    }
                }) }
            </table>
            </div>
            if PROJECTS.is_empty() { <p>{ "—" }</p> }
        </section>
    }
}
