//! Component tests in headless Chromium (`cargo test -p compute-demand-web --target
//! wasm32-unknown-unknown`, which `cargo xtask test` runs with Debian's chromedriver).

#[path = "../../compute-demand-core/tests/common/pinned_stream.rs"]
mod pinned_stream;

use compute_demand_core::data::Country;
use compute_demand_core::input::scenario::default_correlations;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::correlation::Correlation;
use compute_demand_core::{Dist, Metric, Scenario, Simulator, PARAMS};
use compute_demand_web::app::App;
use compute_demand_web::components::correlations::{Correlations, CorrelationsProps, PairRow};
use compute_demand_web::components::headline::{Headline, HeadlineProps};
use compute_demand_web::components::param_control::{ParamControl, ParamControlProps};
use compute_demand_web::components::projects::{Projects, ProjectsProps};
use compute_demand_web::compute;
use compute_demand_web::sources::{Loaded, Sources};
use compute_demand_web::state::ProjectForm;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// What a leaf's callbacks were called with, in order.
type Seen = Rc<RefCell<Vec<String>>>;

fn record<T: std::fmt::Debug + 'static>(seen: &Seen, name: &'static str) -> Callback<T> {
    let seen = seen.clone();
    Callback::from(move |value: T| seen.borrow_mut().push(format!("{name} {value:?}")))
}

fn fire(element: &HtmlElement, value: &str, event: &str) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
        select.set_value(value);
    }
    element
        .dispatch_event(&web_sys::Event::new(event).unwrap())
        .unwrap();
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

/// A parameter's control hands over what was done as it came: the slider's number, the
/// boxes' text, the kind chosen. It checks nothing: the reducer does.
#[wasm_bindgen_test]
async fn a_parameter_control_reports_what_was_done() {
    let seen: Seen = Rc::default();
    let spec = compute_demand_core::data::param_by_key("training.frontier.growth").unwrap();
    let value = Dist::Range90 {
        low: 1.5,
        high: 4.0,
    };
    let props = ParamControlProps {
        spec,
        value,
        preset_value: value,
        lang: Default::default(),
        country: Country::first(),
        ondrag: record(&seen, "drag"),
        onrelease: record(&seen, "release"),
        onmedian: record(&seen, "median"),
        onbound: record(&seen, "bound"),
        onkind: record(&seen, "kind"),
        onreset: record(&seen, "reset"),
        refused: vec![],
        sources: Default::default(),
    };
    let root = mount();
    Renderer::<ParamControl>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let slider: HtmlInputElement = find(
        &root,
        "input[type=range][data-param='training.frontier.growth']",
    )
    .dyn_into()
    .unwrap();
    // A growth rate rides a log track: the slider's positions are log10 of ×/yr, from
    // log10(1) = 0 to log10(10) = 1, and position 0.5 is 10^0.5 = 3.162 (four figures).
    assert_eq!(slider.get_attribute("data-scale").as_deref(), Some("log"));
    assert_eq!(
        (slider.min(), slider.max(), slider.step()),
        ("0".to_string(), "1".to_string(), "0.001".to_string())
    );
    fire(&slider, "0.5", "input");
    fire(&slider, "0.5", "change");
    fire(&find(&root, "input.number:not(.bound)"), "1e9", "change");
    fire(&find(&root, "input.bound"), "2", "change");
    fire(&find(&root, ".param-range select"), "uniform", "change");
    find(&root, "button.reset").click();
    assert_eq!(
        *seen.borrow(),
        [
            "drag 3.162",
            "release 3.162",
            "median \"1e9\"",
            "bound (Low, \"2\")",
            "kind Uniform",
        ],
        "the reset is disabled while the value is the preset's"
    );
    let options: Vec<String> = (0..3)
        .map(|i| {
            let select: HtmlSelectElement = find(&root, ".param-range select").dyn_into().unwrap();
            select.item(i).unwrap().get_attribute("value").unwrap()
        })
        .collect();
    assert_eq!(options, ["point", "range", "uniform"]);
}

/// The bundle's core leaves the parameters' source texts and addresses, the projects'
/// addresses and the correlations' texts out: the app fetches them after its first render
/// (`compute_demand_web::sources`).
#[wasm_bindgen_test]
fn the_bundle_has_no_source_texts() {
    assert!(PARAMS.iter().all(|p| p.source.text.is_empty()));
    assert!(PARAMS.iter().all(|p| p.source.url.is_none()));
    assert!(compute_demand_core::PROJECTS
        .iter()
        .all(|p| p.source.url.is_none() && p.site.is_empty()));
    assert!(compute_demand_core::data::CORRELATIONS
        .iter()
        .all(|d| d.rationale.is_empty() && d.source.is_empty()));
}

/// A parameter's source shows its methodology entry until its text and address are here,
/// then them too; a note when they could not be had.
#[wasm_bindgen_test]
async fn a_source_shows_its_text_once_loaded() {
    let spec = &PARAMS[0];
    let url = "https://example.org/source";
    let file = Sources::made_up(url, |key| format!("The text of {key}."));
    let sources: &'static Sources = Box::leak(Box::new(
        Sources::parse(Box::leak(file.into_boxed_str())).unwrap(),
    ));
    for (loaded, text, note) in [
        (Loaded::Pending, None, false),
        (
            Loaded::Ready(sources),
            Some(format!("The text of {}.", spec.key)),
            false,
        ),
        (Loaded::Failed, None, true),
    ] {
        let ready = text.is_some();
        let root = mount();
        let props = ParamControlProps {
            spec,
            value: spec.baseline,
            preset_value: spec.baseline,
            lang: Lang::En,
            country: Country::first(),
            ondrag: Callback::noop(),
            onrelease: Callback::noop(),
            onmedian: Callback::noop(),
            onbound: Callback::noop(),
            onkind: Callback::noop(),
            onreset: Callback::noop(),
            refused: vec![],
            sources: loaded,
        };
        Renderer::<ParamControl>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        let shown = root
            .query_selector("details.source [data-source-text][lang=en]")
            .unwrap()
            .and_then(|e| e.text_content());
        assert_eq!(shown, text, "{loaded:?}");
        let all = root.query_selector_all("details.source a").unwrap();
        let links: Vec<String> = (0..all.length())
            .map(|i| {
                let link: Element = all.item(i).unwrap().dyn_into().unwrap();
                link.get_attribute("href").unwrap()
            })
            .collect();
        let methodology = format!("methodology.html#{}", spec.key);
        let expected: Vec<&str> = if ready {
            vec![url, &methodology]
        } else {
            vec![&methodology]
        };
        assert_eq!(links, expected, "{loaded:?}");
        let missing = root
            .query_selector("details.source [data-source-missing]")
            .unwrap();
        assert_eq!(missing.is_some(), note, "{loaded:?}");
    }
}

/// The project form hands over each field as typed or chosen, by field.
#[wasm_bindgen_test]
async fn the_project_form_hands_over_its_fields() {
    let submitted: Rc<RefCell<Vec<ProjectForm>>> = Rc::default();
    let props = ProjectsProps {
        lang: Default::default(),
        country: Country::first(),
        onsubmit: {
            let submitted = submitted.clone();
            Callback::from(move |form| submitted.borrow_mut().push(form))
        },
    };
    let root = mount();
    Renderer::<Projects>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let status: Vec<String> = root
        .query_selector_all("#project-status option")
        .unwrap()
        .values()
        .into_iter()
        .map(|option| {
            option
                .unwrap()
                .dyn_into::<HtmlElement>()
                .unwrap()
                .get_attribute("value")
                .unwrap()
        })
        .collect();
    assert_eq!(status, ["announced", "financed", "built"]);
    fire(&find(&root, "#project-name"), "Campus", "input");
    fire(&find(&root, "#project-amount"), "2.5", "input");
    fire(&find(&root, "#project-unit"), "eur", "change");
    fire(&find(&root, "#project-status"), "built", "change");
    find(&root, ".project-form input[type=checkbox]").click();
    find(&root, "#project-add").click();
    assert_eq!(
        *submitted.borrow(),
        [ProjectForm {
            name: "Campus".into(),
            year: "2028".into(),
            amount: "2.5".into(),
            unit: "eur".into(),
            status: "built".into(),
            dedicated: false,
        }]
    );
}

#[wasm_bindgen_test]
async fn headline_carries_the_raw_numbers() {
    let mut scenario = Scenario::default();
    scenario.sampling.samples = 500;
    let outlook = Simulator::new().run(&scenario);
    let mut simulator = Simulator::new();
    compute::simulate(&mut simulator, &scenario);
    let shown = Rc::new(compute::shown(simulator.last(), 2027));
    let root = mount();
    let props = HeadlineProps {
        shown,
        pinned: None,
        nameplate_mw: 0.0,
        lang: Default::default(),
        onexplain: Callback::noop(),
    };
    Renderer::<Headline>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let figure = root
        .query_selector("[data-metric='facility_power_mw'][data-year='2027']")
        .unwrap()
        .expect("figure");
    let expected = outlook.get(Metric::FacilityPowerMw, 2027);
    let read = |name: &str| figure.get_attribute(name).unwrap().parse::<f64>().unwrap();
    assert_eq!(
        (read("data-p5"), read("data-p50"), read("data-p95")),
        (expected.p5, expected.p50, expected.p95)
    );
    assert!(figure.text_content().unwrap().contains("MW"));
    let all = root
        .query_selector_all("[data-metric][data-year='2027']")
        .unwrap()
        .length();
    assert_eq!(all as usize, compute::FIGURES.len());
    let foreign = find(&root, "[data-metric='foreign_power_mw'] .meaning");
    // The description names the scenario's country (France's words for its tokens).
    assert_eq!(
        Some(foreign.text_content().unwrap()),
        Country::first().placed(Metric::ForeignPowerMw.description())
    );
}

/// Waits `ms` milliseconds, letting the browser run its tasks.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_renders_every_parameter_and_marks_itself_ready() {
    let root = mount();
    Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The first view is a preview without the controls; the scenario's own run and the
    // controls come a slice and a part per task, and the page is ready when both are on
    // screen.
    let results = || find(&root, "main.results");
    assert_eq!(
        results().get_attribute("data-samples").as_deref(),
        Some("1000")
    );
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    for _ in 0..400 {
        let ready = body.get_attribute("data-ready").as_deref() == Some("true");
        if ready && results().get_attribute("aria-busy").is_none() {
            break;
        }
        sleep(25).await;
        yew::scheduler::flush().await;
    }
    assert_eq!(
        results().get_attribute("data-samples").as_deref(),
        Some("10000")
    );

    let sliders = root
        .query_selector_all("input[type=range][data-param]")
        .unwrap()
        .length() as usize;
    assert_eq!(sliders, compute_demand_core::PARAMS.len());
    assert_eq!(body.get_attribute("data-ready").as_deref(), Some("true"));
    assert!(root
        .query_selector("svg#chart-demand-supply path")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("svg#chart-tornado rect")
        .unwrap()
        .is_some());
    let count = |selector: &str| root.query_selector_all(selector).unwrap().length() as usize;
    assert_eq!(
        count(".param[data-evidence]"),
        compute_demand_core::PARAMS.len()
    );
    assert_eq!(
        count("[data-group=correlations] [data-correlation]"),
        Scenario::default().correlations.len()
    );
    assert_eq!(count("[data-method=oat][aria-pressed=true]"), 1);
}

/// The correlation section hands over what was slid, typed and chosen, as text.
#[wasm_bindgen_test]
async fn the_correlations_hand_over_what_was_done() {
    let seen: Seen = Rc::default();
    let pair = Correlation {
        rho: 0.9,
        ..default_correlations(compute_demand_core::data::Country::first())[0]
    };
    let props = CorrelationsProps {
        country: Country::first(),
        rows: vec![PairRow {
            pair,
            ignored: false,
        }],
        notices: vec!["correlation a,b = 0.5 is ignored".into()],
        lang: Default::default(),
        onset: record(&seen, "set"),
        onreset: record(&seen, "reset"),
        onadd: record(&seen, "add"),
        sources: Loaded::Pending,
    };
    let root = mount();
    Renderer::<Correlations>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let text = pair.pair_text(compute_demand_core::data::Country::first());
    let slider: HtmlInputElement = find(&root, &format!("input[type=range][data-corr='{text}']"))
        .dyn_into()
        .unwrap();
    assert_eq!(
        (slider.min(), slider.max(), slider.step(), slider.value()),
        ("-1".into(), "1".into(), "0.05".into(), "0.9".into())
    );
    assert!(find(&root, "[data-correlation-notice]")
        .text_content()
        .unwrap()
        .contains("correlation"));
    fire(&slider, "-0.4", "change");
    fire(
        &find(&root, "[data-correlation] input.number"),
        "0.3",
        "change",
    );
    find(&root, &format!("[data-corr-reset='{text}']")).click();
    let (a, b) = (PARAMS[3].key, PARAMS[5].key);
    fire(&find(&root, "select[data-corr-param=a]"), a, "change");
    fire(&find(&root, "select[data-corr-param=b]"), b, "change");
    fire(&find(&root, "input[data-corr-param=rho]"), "-0.25", "input");
    find(&root, "[data-action=add-correlation]").click();
    let ids = |rho: &str| format!("{:?}", (pair.a, pair.b, rho.to_string()));
    assert_eq!(
        *seen.borrow(),
        [
            format!("set {}", ids("-0.4")),
            format!("set {}", ids("0.3")),
            format!("reset {:?}", (pair.a, pair.b)),
            format!(
                "add {:?}",
                (a.to_string(), b.to_string(), "-0.25".to_string())
            ),
        ]
    );
}

/// The same seed gives the same stream in WebAssembly as natively: the numbers are pinned once,
/// in the core's tests/common/pinned_stream.rs, which the native tests include too.
#[wasm_bindgen_test]
fn the_stream_of_a_seed_matches_the_native_one() {
    let (draws, power) = pinned_stream::computed();
    assert_eq!(draws, pinned_stream::UNIFORM_DRAWS);
    assert_eq!(power, pinned_stream::BASELINE_POWER_2030);
}
