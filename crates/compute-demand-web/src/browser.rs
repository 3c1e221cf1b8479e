//! Everything that touches the browser: the window and its events, the address bar, storage,
//! downloads, the clipboard, the document. No other module reaches them. Failures here
//! (storage disabled, clipboard refused) lose a convenience, never the page.

use compute_demand_core::output::format::Lang;
use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

const STORAGE_SCENARIO: &str = "compute-demand/scenario";
const STORAGE_LANG: &str = "compute-demand/lang";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The element the app mounts on: `#app`. After `cargo xtask build` it holds the baseline's
/// answer, rendered at build time, until the app starts: Yew empties it when it mounts and
/// renders the app in the microtask that follows, so no frame shows it empty (and whatever
/// marked that answer as loading goes with it).
pub fn app_root() -> Option<web_sys::Element> {
    document()?.get_element_by_id("app")
}

/// Calls `handler` on each `event` at the window, until the listener is dropped.
pub fn on_window(
    event: &'static str,
    handler: impl Fn(&web_sys::Event) + 'static,
) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, event, handler))
}

/// The URL fragment, without `#`.
pub fn fragment() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Rewrites the fragment without a history entry, so the address bar is always a share link.
pub fn replace_fragment(fragment: &str) {
    let Some(window) = window() else { return };
    if self::fragment() == fragment {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Brings the element `id` into view and focus, opening the `<details>` around it. (Not by
/// following `#id`: the fragment is the share link.)
pub fn reveal(id: &str) {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let mut ancestor = element.closest("details").ok().flatten();
    while let Some(details) = ancestor {
        let _ = details.set_attribute("open", "");
        ancestor = details
            .parent_element()
            .and_then(|p| p.closest("details").ok().flatten());
    }
    element.scroll_into_view();
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

/// Focuses the first element that matches `selector`, if there is one.
pub fn focus_first(selector: &str) {
    let found = document().and_then(|d| d.query_selector(selector).ok().flatten());
    if let Some(html) = found
        .as_ref()
        .and_then(|e| e.dyn_ref::<web_sys::HtmlElement>())
    {
        let _ = html.focus();
    }
}

/// The document's title (the window's and the tab's).
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

pub fn current_url() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Storage would not serve: `localStorage` is missing or throws (a private window, a policy),
/// or a write was refused (full: `QuotaExceededError`).
#[derive(Debug)]
pub struct Refused;

fn storage() -> Result<web_sys::Storage, Refused> {
    let window = window().ok_or(Refused)?;
    window.local_storage().ok().flatten().ok_or(Refused)
}

/// The scenario kept in this browser, if any.
pub fn stored_scenario() -> Result<Option<String>, Refused> {
    storage()?.get_item(STORAGE_SCENARIO).map_err(|_| Refused)
}

pub fn store_scenario(fragment: &str) -> Result<(), Refused> {
    storage()?
        .set_item(STORAGE_SCENARIO, fragment)
        .map_err(|_| Refused)
}

/// The text of the file the page names in the `<meta name="…" content="FILE">` that `meta`
/// selects (xtask writes it), fetched; none when the page names none (a build without
/// xtask's last step), the fetch fails or the server answers with an error.
async fn fetch_named(meta: &str) -> Option<String> {
    use js_sys::futures::JsFuture;
    let url = document()?
        .query_selector(meta)
        .ok()??
        .get_attribute("content")?;
    let response = JsFuture::from(window()?.fetch_with_str(&url)).await.ok()?;
    let response = response.dyn_into::<web_sys::Response>().ok()?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    response.ok().then_some(text)
}

/// Fetches the texts the page names in `<meta name="compute-demand:sources">` (see
/// `crate::sources`). A page that names none, a failed fetch or a file that is not this
/// build's leave them out (`Failed`): a parameter's source then shows its methodology entry.
pub async fn load_sources() -> crate::sources::Loaded {
    use crate::sources::{Loaded, Sources};
    let Some(text) = fetch_named("meta[name='compute-demand:sources']").await else {
        return Loaded::Failed;
    };
    match Sources::parse(Box::leak(text.into_boxed_str())) {
        Ok(sources) => Loaded::Ready(Box::leak(Box::new(sources))),
        Err(problem) => {
            web_sys::console::warn_1(&JsValue::from_str(problem));
            Loaded::Failed
        }
    }
}

/// The language the link in the address bar sets (`lang=`), else the stored one, else the
/// browser's: French for any `fr*` locale.
pub fn preferred_lang() -> Lang {
    if let Some(lang) = compute_demand_core::input::link::lang_in(&fragment()) {
        return lang;
    }
    let stored = storage()
        .ok()
        .and_then(|s| s.get_item(STORAGE_LANG).ok().flatten());
    let browser = window().and_then(|w| w.navigator().language());
    match stored.or(browser) {
        Some(code) if code.to_ascii_lowercase().starts_with("fr") => Lang::Fr,
        _ => Lang::En,
    }
}

/// Keeps the language the reader chose, if storage lets it.
pub fn store_lang(lang: Lang) {
    if let Ok(storage) = storage() {
        let _ = storage.set_item(STORAGE_LANG, lang.code());
    }
}

/// Sets the page's language on the document.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// Runs `work` inside a performance measure named `name`. bench/browser.mjs reads them
/// (`performance.getEntriesByType("measure")`) to split compute time from rendering.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _ = performance.measure_with_start_mark(name, &start);
    }
    result
}

/// Whether the window is phone-narrow (under 600 CSS pixels).
pub fn is_narrow() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 600.0)
}

/// Asks the outcome views for `fragment` through `window.computeDemandViews`, which
/// web/index.html defines and which imports the views' module once (named in `<meta
/// name="compute-demand:views">`). A page without it (a test's) shows no views.
pub fn show_views(fragment: &str) {
    let views = window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("computeDemandViews")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(views) = views {
        let _ = views.call1(&JsValue::NULL, &JsValue::from_str(fragment));
    }
}

/// Asks the page's second module (crates/compute-demand-views, imported once by
/// `window.computeDemandModule` in web/index.html) to run its function `name` with `args`
/// and then `answer`, which it calls with what went wrong (`Some`) or with its result. What
/// only a click needs (the downloads' writers, the scenario file's reader) lives there: the
/// bundle's size is held to a budget. A page without the loader (a test's) answers at once.
pub fn ask_module(
    name: &str,
    args: &[JsValue],
    answer: impl FnOnce(Option<String>, Option<String>) + 'static,
) {
    let answer = wasm_bindgen::closure::Closure::once_into_js(answer);
    let ask = window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("computeDemandModule")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(ask) = ask else {
        let answer: js_sys::Function = answer.unchecked_into();
        let _ = answer.call1(
            &JsValue::NULL,
            &JsValue::from_str("this page cannot do that"),
        );
        return;
    };
    let list = js_sys::Array::new();
    for arg in args {
        list.push(arg);
    }
    list.push(&answer);
    let _ = ask.call2(&JsValue::NULL, &JsValue::from_str(name), &list);
}

/// `<body data-ready="true">`: the first result is on screen.
pub fn mark_ready() {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        let _ = performance.mark("compute-demand:ready");
    }
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.set_attribute("data-ready", "true");
    }
}

/// Saves `content` as a file named `name`, through a temporary object URL.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |what: &str| format!("could not save {name}: {what}");
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("no Blob"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no object URL"))?;
    let document = document().ok_or_else(|| fail("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .dyn_into()
        .map_err(|_| fail("no link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The element with `id` (a chart) as a standalone SVG file. XMLSerializer writes XML —
/// `outerHTML` would write HTML entities such as `&nbsp;`, which XML does not know.
pub fn svg_markup(id: &str) -> Option<String> {
    let element = document()?.get_element_by_id(id)?;
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&element)
        .ok()?;
    Some(markup)
}

/// Shows `text` for two seconds in the element right after `button` (the copy status that
/// follows every copy button).
pub fn say_beside(button: &web_sys::Element, text: &str) {
    let Some(status) = button
        .closest("button")
        .ok()
        .flatten()
        .and_then(|button| button.next_element_sibling())
    else {
        return;
    };
    status.set_text_content(Some(text));
    let clear = wasm_bindgen::closure::Closure::once_into_js(move || status.set_text_content(None));
    if let Some(window) = window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(clear.unchecked_ref(), 2000);
    }
}

pub fn copy_to_clipboard(text: &str) -> bool {
    match window() {
        Some(window) => {
            let _ = window.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// Saves a blob as a file named `name`, through a temporary object URL.
fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let fail = |what: &str| format!("could not save {name}: {what}");
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| fail("no object URL"))?;
    let anchor: web_sys::HtmlAnchorElement = document()
        .ok_or_else(|| fail("no document"))?
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into().ok())
        .ok_or_else(|| fail("no link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Draws `svg` (a standalone SVG that asks to be drawn `width`×`height` pixels) on a canvas of
/// that size and saves it as the PNG `name`: SVG → image (object URL) → canvas → PNG blob. The
/// image decodes and the canvas encodes after this returns; a failure then goes to `failed`.
/// (The page's Content-Security-Policy must let images load from `blob:`.)
pub fn download_png(
    name: &str,
    svg: &str,
    (width, height): (u32, u32),
    failed: impl Fn(String) + 'static,
) -> Result<(), String> {
    use wasm_bindgen::closure::Closure;
    let fail = |what: &str| format!("could not save {name}: {what}");
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("no Blob"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no object URL"))?;
    let canvas: web_sys::HtmlCanvasElement = document()
        .ok_or_else(|| fail("no document"))?
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| fail("no canvas"))?;
    canvas.set_width(width);
    canvas.set_height(height);
    let image = web_sys::HtmlImageElement::new().map_err(|_| fail("no image"))?;
    let failed: std::rc::Rc<dyn Fn(String)> = std::rc::Rc::new(failed);
    let (drawn, name) = (image.clone(), name.to_string());
    let (loaded_url, on_fail) = (url.clone(), failed.clone());
    let onload = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&loaded_url);
        if let Err(message) = canvas_to_png(&canvas, &drawn, name, on_fail.clone()) {
            on_fail(message);
        }
    });
    let (broken_url, message) = (url.clone(), fail("the figure could not be drawn"));
    let onerror = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&broken_url);
        failed(message);
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}

/// Draws the loaded `image` over the whole canvas and saves the canvas as the PNG `name`.
fn canvas_to_png(
    canvas: &web_sys::HtmlCanvasElement,
    image: &web_sys::HtmlImageElement,
    name: String,
    failed: std::rc::Rc<dyn Fn(String)>,
) -> Result<(), String> {
    let fail = |what: &str| format!("could not save {name}: {what}");
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| fail("no canvas"))?;
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, width, height)
        .map_err(|_| fail("the figure could not be drawn"))?;
    let (message, unread) = (
        fail("the canvas gave no PNG"),
        fail("the canvas could not be read"),
    );
    let saved = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
        match blob.dyn_into::<web_sys::Blob>() {
            Ok(blob) => {
                if let Err(message) = save_blob(&name, &blob) {
                    failed(message);
                }
            }
            Err(_) => failed(message),
        }
    });
    canvas.to_blob(saved.unchecked_ref()).map_err(|_| unread)
}

/// Runs `work` when the browser is idle (`requestIdleCallback`), at the latest after
/// `within_ms`; in a task of its own (see [`later`]) where there is no such call (Safari).
pub fn when_idle(within_ms: u32, work: impl FnOnce() + 'static) {
    let task = wasm_bindgen::closure::Closure::once_into_js(work);
    let Some(window) = window() else { return };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(within_ms);
    let asked = window.request_idle_callback_with_options(task.unchecked_ref(), &options);
    if asked.is_err() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}

/// Runs `work` in a task of its own, after the browser has had the chance to paint and to
/// take input: what keeps every frame short while a long run goes a slice at a time. (Work
/// that is no longer wanted when it runs is for the caller to skip: the closure frees itself
/// once called, so nothing is dropped while it runs.)
pub fn later(work: impl FnOnce() + 'static) {
    let task = wasm_bindgen::closure::Closure::once_into_js(work);
    if let Some(window) = window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}

/// A file's reading in flight: dropping it cancels it.
pub type FileReader = gloo_file::callbacks::FileReader;

/// Reads a file the reader chose as text, then calls `done` with it, or with `None` if it
/// could not be read (or is not UTF-8).
pub fn read_text(file: web_sys::File, done: impl FnOnce(Option<String>) + 'static) -> FileReader {
    let file = gloo_file::File::from(file);
    gloo_file::callbacks::read_as_text(&file, move |text| done(text.ok()))
}
