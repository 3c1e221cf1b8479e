//! The supply register: every project and tranche that makes the supply, with what each
//! counts for at this scenario's values — nameplate, status, the month it enters service, every
//! factor its MW are multiplied by (average load, the odds it is built, the AI share of its
//! site, its own share, the part of the year in service) and the MW counted in the year shown —
//! and a box to leave a project out. The scenario's own projects sit in the same table, editable.

use super::input_text;
use crate::i18n::{fill, status_label, texts, tr};
use crate::sources::Loaded;
use compute_demand_core::data::{Capacity, Project, Status};
use compute_demand_core::input::notation::write_number;
use compute_demand_core::input::project::ProjectField;
use compute_demand_core::model::supply::{
    custom_accounts, register, RegisterTranche, TrancheAccount,
};
use compute_demand_core::output::format::{month_year, quantity, Lang};
use compute_demand_core::{years, CustomProject, Scenario, Unit};
use yew::prelude::*;

/// What the register shows of a scenario: its built-in projects' and its own projects'
/// accounts at the scenario's medians, its own projects, and which built-in ones it leaves out.
/// Compared by value, so that a move of a slider that changes no account (a demand
/// parameter's) does not draw the register again.
#[derive(PartialEq)]
pub struct RegisterView {
    pub built_in: Vec<(&'static Project, Vec<RegisterTranche>)>,
    pub own: Vec<TrancheAccount>,
    pub projects: Vec<CustomProject>,
    pub excluded: Vec<usize>,
}

impl RegisterView {
    pub fn of(scenario: &Scenario) -> RegisterView {
        let values = scenario.medians();
        RegisterView {
            built_in: register(scenario.country.projects, &values),
            own: custom_accounts(&scenario.projects, &values),
            projects: scenario.projects.clone(),
            excluded: scenario.excluded_projects.clone(),
        }
    }

    fn includes_project(&self, index: usize) -> bool {
        self.excluded.binary_search(&index).is_err()
    }
}

#[derive(Properties, PartialEq)]
pub struct RegisterProps {
    pub view: std::rc::Rc<RegisterView>,
    pub year: u16,
    pub lang: Lang,
    /// A built-in project (its index) counted or left out.
    pub oninclude: Callback<(usize, bool)>,
    /// One of the scenario's own projects: a field as typed.
    pub onedit: Callback<(usize, ProjectField, String)>,
    pub onremove: Callback<usize>,
    /// The projects' source addresses, as the page has them so far (`crate::sources`).
    #[prop_or_default]
    pub sources: Loaded,
}

fn mw(value: f64, lang: Lang) -> String {
    quantity(value, Unit::Megawatts, lang)
}

fn percent(value: f64, lang: Lang) -> String {
    quantity(value, Unit::Probability, lang)
}

/// One factor of a tranche's MW: its value for tests (`data-value`), its words for readers.
fn factor(key: &'static str, value: f64, words: &str) -> Html {
    html! {
        <span class="factor" data-factor={key} data-value={super::raw(value)}>{ format!("× {words}") }</span>
    }
}

/// The cell every tranche row shows after its own first cell: the nameplate, every factor it
/// is multiplied by, and the MW counted in `year`, so the product can be done by hand.
fn account_cells(account: &TrancheAccount, year: u16, counted: bool, lang: Lang) -> Html {
    let odds = &account.odds;
    let in_service = if counted {
        account.in_service(year)
    } else {
        0.0
    };
    let counted_mw = account.expected_mw * in_service;
    let factors = [
        ("average-load", account.average_load, "average load"),
        ("completion", odds.completion, "odds it is built"),
        ("ai-share", odds.ai_share, "AI share of the site"),
        ("own-share", odds.own_share, "share of the project counted"),
    ];
    let service_words = fill(
        tr(lang, "{share} of {year} in service"),
        &[
            ("share", &percent(in_service, lang)),
            ("year", &year.to_string()),
        ],
    );
    let last = compute_demand_core::LAST_YEAR;
    let from = if account.online_year >= f64::from(last) + 1.0 {
        fill(
            tr(lang, "in service after {year}"),
            &[("year", &last.to_string())],
        )
    } else {
        fill(
            tr(lang, "from {month}"),
            &[("month", &month_year(account.online_year, lang))],
        )
    };
    // One sentence of arithmetic, wrapping as the column allows.
    html! {
        <td class="calc" data-counted-mw={super::raw(counted_mw)} data-online={super::raw(account.online_year)}>
            <span class="factor" data-factor="nameplate" data-value={super::raw(account.nameplate_mw)}>{ mw(account.nameplate_mw, lang) }</span>
            { for factors.iter().map(|&(key, value, words)| {
                factor(key, value, &format!("{} {}", percent(value, lang), tr(lang, words)))
            }) }
            { factor("in-service", in_service, &service_words) }
            <span class="online">{ format!("({from})") }</span>
            <span class="counted">{ format!("= {}", mw(counted_mw, lang)) }</span>
        </td>
    }
}

#[component]
pub fn Register(props: &RegisterProps) -> Html {
    let lang = props.lang;
    let t = texts(lang);
    let year = props.year;
    let RegisterView {
        built_in,
        own,
        projects,
        ..
    } = &*props.view;
    let head = html! {
        <tr>
            <th scope="col">{ t.register_tranche() }</th>
            <th scope="col">{ format!("{} × {} = {} {year}", t.register_nameplate(), t.register_weight(), t.register_counted()) }</th>
        </tr>
    };
    html! {
        <section class="register" aria-labelledby="register-title">
            <h3 id="register-title">{ t.register_title() }</h3>
            <p class="note">{ t.register_note() }</p>
            <div class="table-scroll">
            <table class="register-table">
                <thead>{ head }</thead>
                { for built_in.iter().enumerate().map(|(index, (project, tranches))| {
                    let included = props.view.includes_project(index);
                    let onchange = props.oninclude.reform(move |event: Event| {
                        let checked = event.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                        (index, checked)
                    });
                    html! {
                        <tbody data-project={project.id} class={classes!((!included).then_some("excluded"))}>
                            // The project on a row of its own, so that the figures keep their
                            // columns in a narrow column of controls.
                            <tr>
                                <th scope="rowgroup" colspan="2" class="project-cell">
                                    <label class="check">
                                        <input type="checkbox" checked={included} {onchange} />
                                        <span>{ project.name }</span>
                                    </label>
                                    <small class="site">
                                        { props.sources.project_site(project) }
                                        if let Some(url) = props.sources.project_url(project) {
                                            { " · " }
                                            <a class="source-link" href={url} target="_blank" rel="noopener noreferrer">{ t.source_link() }</a>
                                        }
                                    </small>
                                </th>
                            </tr>
                            { for tranches.iter().map(|tranche| html! {
                                <tr>
                                    <td>{ tranche.sourced.tranche.year }<small>{ status_label(tranche.sourced.tranche.status, t) }</small></td>
                                    { account_cells(&tranche.account, year, included, lang) }
                                </tr>
                            }) }
                        </tbody>
                    }
                }) }
                { for projects.iter().zip(own).enumerate().map(|(index, (project, account))| {
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
                                <th scope="rowgroup" colspan="2" class="project-cell">
                                    <input type="text" class="project-edit project-name" maxlength="120" value={project.name.clone()}
                                        aria-label={t.project_name()} onchange={edit(ProjectField::Name)} />
                                    <button type="button" class="remove" onclick={onremove}
                                        aria-label={format!("{} {}", t.remove(), project.name)}>{ t.remove() }</button>
                                </th>
                            </tr>
                            <tr>
                                <td class="project-edits">
                                    <select aria-label={t.year()} onchange={edit(ProjectField::Year)}>
                                        { for years().map(|y| html! { <option value={y.to_string()} selected={y == project.tranche.year}>{ y }</option> }) }
                                    </select>
                                    <input type="text" inputmode="decimal" class="project-edit number" value={amount}
                                        aria-label={format!("{} ({unit})", t.capacity())} onchange={edit(amount_field)} />
                                    <span class="unit">{ unit }</span>
                                    <select aria-label={t.status()} onchange={edit(ProjectField::Status)}>
                                        { for Status::ALL.into_iter().map(|status| html! {
                                            <option value={status.key()} selected={status == project.tranche.status}>{ status_label(status, t) }</option>
                                        }) }
                                    </select>
                                </td>
                                { account_cells(account, year, true, lang) }
                            </tr>
                        </tbody>
                    }
                }) }
            </table>
            </div>
            if crate::i18n::country().projects.is_empty() { <p>{ "—" }</p> }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::RegisterView;
    use compute_demand_core::{Dist, Scenario, PARAMS};

    /// The register is drawn again only when what it shows changes: a demand parameter's move
    /// leaves it as it was; a supply parameter's, or a project left out, does not.
    #[test]
    fn the_register_changes_only_with_what_it_shows() {
        let check = |key: &str, value: f64, changes: bool| {
            let base = Scenario::default();
            let spec = PARAMS.iter().find(|p| p.key == key).unwrap();
            let mut moved = base.clone();
            moved.set(spec.id, Dist::Point(value));
            let same = RegisterView::of(&base) == RegisterView::of(&moved);
            assert_eq!(!same, changes, "{key} = {value}");
        };
        check("training.frontier.growth", 3.0, false);
        check("inference.consumer.users_m", 1.0, false);
        check("supply.announced.completion", 0.2, true);
        let without = Scenario {
            excluded_projects: vec![0],
            ..Scenario::default()
        };
        assert!(RegisterView::of(&Scenario::default()) != RegisterView::of(&without));
    }
}
