//! The app: one reducer for the state, the hooks that keep the browser in step with it, and
//! the layout. The results and the controls are their own sections.

mod controls;
pub mod downloads;
mod results;

use crate::browser;
use crate::components::compare::CompareBar;
use crate::components::footer::footer;
use crate::components::notices::Notices;
use crate::components::toolbar::{CopyAsked, ScenarioBar};
use crate::export;
use crate::hooks::{use_handlers, use_link_sync, use_parts};
use crate::i18n::texts;
use crate::state::AppState;
use compute_demand_core::input::link::{self, Link};
use compute_demand_core::output::format::Lang;
use controls::{Controls, CONTROL_PARTS};
use results::Results;
use yew::prelude::*;

/// The scenario a visit starts from: the link if there is one, else the last one kept in
/// this browser, else the baseline.
fn initial_state() -> AppState {
    AppState::start(
        &browser::fragment(),
        browser::stored_scenario,
        browser::preferred_lang(),
    )
}

/// The address of `link` on this page: absolute, from whatever host and sub-path serve it.
fn url_of(link: &Link) -> String {
    export::page_url(&browser::current_url(), &link::encode(link))
}

/// What every copy button calls: copies the text (the page's address when none) to the
/// clipboard, and says so beside the button, in `lang`.
fn copier(lang: Lang) -> Callback<CopyAsked> {
    Callback::from(move |CopyAsked { text, button }| {
        let t = texts(lang);
        let (text, copied) = match text {
            Some(text) => (text, t.copied_text()),
            None => (browser::current_url(), t.copied()),
        };
        if browser::copy_to_clipboard(&text) {
            browser::say_beside(&button, copied);
        }
    })
}

/// The page's first stop for the keyboard: straight to the first assumption's slider, past
/// the figures, charts and toolbar. (Not an anchor to follow: the fragment is the scenario.)
fn skip_link(lang: Lang) -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus_first("input[type=range][data-param]");
    });
    html! {
        <a class="skip-link" href="#controls-title" data-link="skip" {onclick}>
            { crate::i18n::tr(lang, "Skip to the assumptions") }</a>
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_link_sync(&state);
    // The page's words name the scenario's country (`i18n::set_country`): set before any
    // component below reads them.
    crate::i18n::set_country(state.scenario.country);
    use_effect_with((state.lang, state.scenario.country), |(lang, country)| {
        crate::i18n::set_country(country);
        browser::set_document_lang(*lang);
        browser::set_title(texts(*lang).page_title());
    });

    let on = use_handlers(&state.dispatcher());
    // The first task draws the headline; the next, the charts below it; then the controls,
    // a part per task (see ARCHITECTURE.md).
    let parts = use_parts(if state.embed.is_some() {
        0
    } else {
        CONTROL_PARTS + 1
    });
    let t = texts(state.lang);
    if state.embed.is_some() {
        // An embed: the chart, the answer and the source, nothing else.
        return html! {
            <div class="app embed" lang={state.lang.code()}>
                <Results state={state.clone()} on={on.clone()} lower_drawn={true} rest_drawn={true} />
            </div>
        };
    }
    let permalink = url_of(&state.link());
    let oncopy = copier(state.lang);
    let lang = state.lang;
    let country = state.scenario.country;

    html! {
        <div class="app" lang={state.lang.code()} data-sources={state.sources.state()}>
            { skip_link(lang) }
            <header class="masthead">
                <h1>{ t.title() }</h1>
                <p class="lede">{ crate::i18n::lede(lang) }</p>
                <p class="masthead-links">{ crate::components::footer::methodology_link(lang, country) }</p>
            </header>
            <Notices notices={state.notices.clone()} unshown={state.unshown_notices} more_label={t.more_notices()}
                dismiss_label={t.dismiss()} ondismiss={on.dismiss.clone()} reset_label={t.reset_all()} onresetall={on.reset_all.clone()} lang={state.lang} />
            <ScenarioBar {country} preset={state.scenario.preset.id} name={state.scenario.name.clone()} year={state.year}
                lang={state.lang} onpreset={on.preset.clone()} onyear={on.year.clone()} onrename={on.rename.clone()} onlang={on.lang.clone()} />
            <CompareBar pinned={state.pinned.is_some()} lang={state.lang} onpin={on.pin.clone()} onresetall={on.reset_all.clone()} />
            // Keyed by the country: choosing another draws the results and controls anew, so
            // that every component below reads the new country's words (`i18n::country`), not
            // only those whose props change with it.
            <div class="layout" key={country.code}>
                <Results state={state.clone()} on={on.clone()} lower_drawn={parts > 0} rest_drawn={parts == CONTROL_PARTS + 1} />
                <Controls state={state} {on} parts={parts.saturating_sub(1)} />
            </div>
            { footer(lang, country, &permalink, &oncopy) }
        </div>
    }
}
