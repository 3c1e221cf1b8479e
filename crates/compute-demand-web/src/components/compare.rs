//! Compare and reset: pin the scenario as the reference that every figure and chart is then
//! compared with, or return to the preset's defaults.

use crate::i18n::texts;
use compute_demand_core::output::format::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareBarProps {
    pub pinned: bool,
    pub lang: Lang,
    pub onpin: Callback<()>,
    pub onresetall: Callback<()>,
}

#[component]
pub fn CompareBar(props: &CompareBarProps) -> Html {
    let t = texts(props.lang);
    let onpin = props.onpin.reform(|_| ());
    let onreset = props.onresetall.reform(|_| ());
    let pressed = if props.pinned { "true" } else { "false" };
    html! {
        <div class="compare-bar">
            <button type="button" class={classes!("pin", props.pinned.then_some("pinned"))} data-action="pin"
                aria-pressed={pressed} onclick={onpin} title={t.pin_hint()}>
                { if props.pinned { t.unpin() } else { t.pin() } }
            </button>
            if props.pinned { <span class="pin-note">{ t.pinned_note() }</span> }
            <button type="button" class="reset-all" data-action="reset-all" onclick={onreset}>{ t.reset_all() }</button>
        </div>
    }
}
