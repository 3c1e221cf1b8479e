//! What the page asks of this module on a click (`compute_demand_web::browser::ask_module`):
//! a download (the figures as CSV or JSON, a chart as a figure, the scenario as a file) and
//! the reading of a chosen scenario file. The bundle keeps the buttons; the writers and the
//! reader (18 kB gzipped) are here, so that the bundle has room for its French.
//!
//! Each function's last argument is the page's answer: called with what went wrong, or (the
//! reader) with its result.

use compute_demand_core::input::link::{self, Link};
use compute_demand_core::input::scenario_file;
use compute_demand_core::output::format::Lang;
use compute_demand_web::app::downloads::export;
use compute_demand_web::browser;
use compute_demand_web::components::toolbar::Export;
use compute_demand_web::compute::Method;
use compute_demand_web::state::AppState;
use wasm_bindgen::prelude::*;

/// Saves `what` (an [`Export::key`]) of the page's link (`fragment`, as in the address bar);
/// `rank`: the tornado shows rank correlations (a chart's legend says so).
#[wasm_bindgen]
pub fn download(what: String, fragment: String, rank: bool, answer: js_sys::Function) {
    let failed = move |message: String| {
        let _ = answer.call1(&JsValue::NULL, &JsValue::from_str(&message));
    };
    let Some(what) = Export::from_key(&what) else {
        return failed(format!("there is no download '{what}'"));
    };
    let mut state = page_state(&fragment);
    state.method = if rank { Method::Rank } else { Method::Oat };
    if what == Export::Json {
        // The JSON gives each parameter's source: the texts the page fetches after its first
        // render (the same file, from the browser's cache).
        js_sys::futures::spawn_local(async move {
            state.sources = browser::load_sources().await;
            if let Err(message) = export(&state, what, failed.clone()) {
                failed(message);
            }
        });
    } else if let Err(message) = export(&state, what, failed.clone()) {
        failed(message);
    }
}

/// The state the page's link holds: the scenario, the year and figure shown, the pinned
/// scenario, the language.
fn page_state(fragment: &str) -> AppState {
    let link = link::decode(fragment).link;
    let lang = link.lang.unwrap_or(Lang::En);
    AppState::new(link, lang, Vec::new())
}

/// Reads a chosen scenario file (`text`, named `name`) and answers with its scenario as a
/// link's fragment, or with the refusal.
#[wasm_bindgen]
pub fn read_scenario(text: String, name: String, answer: js_sys::Function) {
    let (refusal, fragment) = match scenario_fragment(&text, &name) {
        Ok(fragment) => (JsValue::NULL, JsValue::from_str(&fragment)),
        Err(refusal) => (JsValue::from_str(&refusal), JsValue::NULL),
    };
    let _ = answer.call2(&JsValue::NULL, &refusal, &fragment);
}

/// The scenario a file holds, as the fragment of a link to it (the page decodes it back:
/// every part of a scenario has its place in a link), or the reader's refusal in words.
pub fn scenario_fragment(text: &str, name: &str) -> Result<String, String> {
    let scenario = scenario_file::parse(text, name).map_err(|error| error.to_string())?;
    Ok(link::encode(&Link::of(scenario)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use compute_demand_core::data::PRESETS;
    use compute_demand_core::{Dist, Scenario};

    /// A file's scenario comes back through its fragment as the page would hold it had it read
    /// the file itself (`link::canonical`): every preset, and one with every kind of edit.
    #[test]
    fn a_file_comes_back_as_its_scenario() {
        let mut edited = Scenario {
            name: "Mine, « édité »".into(),
            excluded_projects: vec![0, 2],
            correlations: Vec::new(),
            ..Scenario::default()
        };
        edited.values[0] = Dist::Point(0.1234567891);
        let scenarios = PRESETS.iter().map(Scenario::from_preset).chain([edited]);
        for scenario in scenarios {
            let file = scenario_file::write(&scenario);
            let fragment = scenario_fragment(&file, "mine.toml").unwrap();
            let decoded = link::decode(&fragment);
            assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
            let read = scenario_file::parse(&file, "mine.toml").unwrap();
            assert_eq!(decoded.link.scenario, link::canonical(&read), "{file}");
        }
    }

    /// A refusal says where in the file and why, as the page shows it.
    #[test]
    fn a_file_that_does_not_read_is_refused_in_words() {
        // (file, refusal's start)
        let table = [
            (
                "[params]\nnope = 1\n",
                "big.toml:2: unknown parameter 'nope'",
            ),
            ("name = \n", "big.toml:1:"),
        ];
        for (file, refusal) in table {
            let got = scenario_fragment(file, "big.toml").unwrap_err();
            assert!(got.starts_with(refusal), "{got} vs {refusal}");
        }
    }

    /// Every download the page offers has a key the module reads back.
    #[test]
    fn every_download_key_reads_back() {
        use compute_demand_core::output::chart::ChartId;
        use compute_demand_web::export::ImageFormat;
        let mut all = vec![Export::Csv, Export::Json, Export::Scenario];
        for chart in ChartId::ALL {
            for format in ImageFormat::ALL {
                all.push(Export::Chart(chart, format));
            }
        }
        for what in all {
            assert_eq!(Export::from_key(&what.key()), Some(what), "{}", what.key());
        }
        assert_eq!(Export::from_key("png:nope"), None);
        assert_eq!(Export::from_key("pdf"), None);
    }
}
