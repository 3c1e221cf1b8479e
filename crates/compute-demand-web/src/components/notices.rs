//! Messages: what was refused and why, or what just happened.

use crate::messages::in_lang;
use crate::state::{Kept, Notice};
use compute_demand_core::output::format::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    /// How many more were not shown.
    pub unshown: usize,
    pub more_label: AttrValue,
    pub dismiss_label: AttrValue,
    pub ondismiss: Callback<usize>,
    /// The reset a restored scenario's notice offers.
    pub reset_label: AttrValue,
    pub onresetall: Callback<()>,
    /// The page's language: the core's messages are shown in it.
    pub lang: Lang,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices" role="alert" aria-live="assertive">
            { for props.notices.iter().enumerate().map(|(index, notice)| {
                let ondismiss = props.ondismiss.reform(move |_| index);
                let kept = |kept: Kept| (notice.kept == Some(kept)).then_some("true");
                html! {
                    <div class={classes!("notice", notice.is_error.then_some("notice-error"))}
                        data-storage-unavailable={kept(Kept::Unavailable)} data-storage-corrupt={kept(Kept::Unreadable)}
                        data-storage-overwritten={kept(Kept::Overwritten)} data-restored={kept(Kept::Restored)}>
                        <span class="notice-text">{ in_lang(&notice.text, props.lang) }</span>
                        if notice.kept == Some(Kept::Restored) {
                            <button type="button" class="notice-action" data-action="reset-all"
                                onclick={props.onresetall.reform(|_| ())}>{ props.reset_label.clone() }</button>
                        }
                        <button type="button" class="notice-dismiss" onclick={ondismiss}>{ props.dismiss_label.clone() }</button>
                    </div>
                }
            }) }
            if props.unshown > 0 {
                <p class="notice-more">{ format!("+ {} {}", props.unshown, props.more_label) }</p>
            }
        </div>
    }
}
