//! Messages: what was refused and why, or what just happened. A link that could not be wholly
//! read says what the reader lost, in plain words, and shows the link as it was opened, to
//! copy before the page rewrites its address.

use crate::browser;
use crate::export;
use crate::i18n::{texts, tr};
use crate::messages::Unread;
use crate::messages::{in_lang, unread_words};
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
                let text = match &notice.unread {
                    Some(unread) => unread_view(unread, props.lang),
                    None => html! { <span class="notice-text">{ in_lang(&notice.text, props.lang) }</span> },
                };
                html! {
                    <div class={classes!("notice", notice.is_error.then_some("notice-error"))}
                        data-storage-unavailable={kept(Kept::Unavailable)} data-storage-corrupt={kept(Kept::Unreadable)}
                        data-storage-overwritten={kept(Kept::Overwritten)} data-restored={kept(Kept::Restored)}
                        data-link-notice={notice.unread.is_some().then_some("true")}>
                        { text }
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

/// What a link lost, a line per part, and the link as it was opened with a copy button.
fn unread_view(unread: &Unread, lang: Lang) -> Html {
    let words = unread_words(unread, lang);
    let original = unread.original.as_deref().map(|fragment| {
        let url = export::page_url(&browser::current_url(), fragment);
        let copy = {
            let url = url.clone();
            let copied = texts(lang).copied_text();
            Callback::from(move |event: MouseEvent| {
                let button: web_sys::Element = event.target_unchecked_into();
                if browser::copy_to_clipboard(&url) {
                    browser::say_beside(&button, copied);
                }
            })
        };
        html! {
            <div class="notice-original">
                <label>
                    <span>{ tr(lang, "The link as you opened it:") }</span>
                    <input type="text" readonly=true data-original-link="" value={url} />
                </label>
                <button type="button" class="notice-copy" data-action="copy-original-link" onclick={copy}>{ texts(lang).copy() }</button>
                <span class="copy-status" role="status"></span>
            </div>
        }
    });
    html! {
        <div class="notice-text">
            <p class="notice-lead">{ words.lead }</p>
            <ul class="notice-list">
                { for words.items.into_iter().map(|item| html! { <li>{ item }</li> }) }
            </ul>
            <p class="notice-tail">{ words.tail }</p>
            { for original }
        </div>
    }
}
