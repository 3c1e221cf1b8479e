//! The compute-demand web app: a Yew single-page app over the core model. Only this crate
//! knows the browser (see ARCHITECTURE.md).

// The size rules of clippy.toml hold the code the bundle carries; unit tests may use std's
// sorts and Unicode tables as references.
#![cfg_attr(test, allow(clippy::disallowed_methods))]
// No `unsafe` for bytes or anything else (issue 26): the texts are an array, not a transmute.
#![forbid(unsafe_code)]

pub mod app;
pub mod browser;
pub mod cite;
pub mod components;
pub mod compute;
pub mod export;
pub mod french;
pub mod geometry;
pub mod hooks;
pub mod i18n;
pub mod messages;
pub mod sources;
pub mod state;

/// Mounts the app on `#app`, once a page in French has its French texts (fetched beside the
/// bundle, see `french`). (`#app` may hold the baseline's answer rendered at build time: the
/// app replaces it, see `browser::app_root`. A crash is a trap, shown by web/index.html.)
pub fn start() {
    let lang = browser::preferred_lang();
    if lang == compute_demand_core::output::format::Lang::Fr && !french::is_loaded() {
        js_sys::futures::spawn_local(async {
            browser::load_french().await;
            mount();
        });
    } else {
        mount();
    }
}

fn mount() {
    // The first render (the scenario's decoding, the first run's first part, every component
    // drawn) is measured for bench/browser.mjs.
    browser::measured("compute-demand:start", || match browser::app_root() {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    });
}
