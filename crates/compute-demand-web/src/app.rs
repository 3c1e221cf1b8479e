//! The app: one reducer for the state, the hooks that keep the browser in step with it, and
//! the layout. The results and the controls are their own sections.

mod controls;
mod results;

use crate::browser;
use crate::components::compare::CompareBar;
use crate::components::notices::Notices;
use crate::components::toolbar::ScenarioBar;
use crate::hooks::{use_handlers, use_link_sync};
use crate::i18n::texts;
use crate::state::AppState;
use controls::Controls;
use results::Results;
use yew::prelude::*;

/// The scenario a visit starts from: the link if there is one, else the last one kept in
/// this browser, else the baseline.
fn initial_state() -> AppState {
    let lang = browser::preferred_lang();
    AppState::start(&browser::fragment(), browser::stored_scenario, lang)
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    use_link_sync(&state);
    use_effect_with(state.lang, |lang| {
        browser::store_lang(*lang);
        browser::set_title(texts(*lang).page_title);
    });
    use_effect_with((), |_| browser::mark_ready());

    let on = use_handlers(&state.dispatcher());
    let t = texts(state.lang);

    html! {
        <div class="app" lang={state.lang.code()}>
            <header class="masthead">
                <h1>{ t.title }</h1>
                <p class="lede">{ t.lede }</p>
            </header>
            <Notices notices={state.notices.clone()} unshown={state.unshown_notices} more_label={t.more_notices}
                dismiss_label={t.dismiss} ondismiss={on.dismiss.clone()} reset_label={t.reset_all} onresetall={on.reset_all.clone()} />
            <ScenarioBar preset={state.scenario.preset.id} name={state.scenario.name.clone()} year={state.year}
                lang={state.lang} onpreset={on.preset.clone()} onyear={on.year.clone()} onrename={on.rename.clone()} onlang={on.lang.clone()} />
            <CompareBar pinned={state.pinned.is_some()} lang={state.lang} onpin={on.pin.clone()} onresetall={on.reset_all.clone()} />
            <div class="layout">
                <Results state={state.clone()} on={on.clone()} />
                <Controls state={state} {on} />
            </div>
            <footer class="footer"><p>{ t.footer }</p></footer>
        </div>
    }
}
