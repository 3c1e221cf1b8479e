//! The compute-demand web app: a Yew single-page app over the core model. Only this crate
//! knows the browser (see ARCHITECTURE.md).

pub mod app;
pub mod browser;
pub mod cite;
pub mod components;
pub mod compute;
pub mod export;
pub mod geometry;
pub mod hooks;
pub mod i18n;
pub mod messages;
pub mod state;

/// Mounts the app on `#app`. (`#app` may hold the baseline's answer rendered at build time:
/// the app replaces it, see `browser::app_root`. A crash is a trap, shown by web/index.html.)
pub fn start() {
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
