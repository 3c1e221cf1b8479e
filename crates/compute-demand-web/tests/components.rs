//! Component tests in headless Chromium (`cargo test -p compute-demand-web --target
//! wasm32-unknown-unknown`, which `cargo xtask test` runs with Debian's chromedriver).

use compute_demand_core::{Metric, Scenario, Simulator};
use compute_demand_web::app::App;
use compute_demand_web::components::headline::{Headline, HeadlineProps};
use compute_demand_web::components::slider::{Slider, SliderProps};
use compute_demand_web::compute;
use compute_demand_web::state::Pace;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};
use yew::{Callback, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn slider_reports_drags_and_releases() {
    let seen: Rc<RefCell<Vec<(String, f64)>>> = Rc::default();
    let record = |kind: &'static str| {
        let seen = seen.clone();
        Callback::from(move |value: f64| seen.borrow_mut().push((kind.to_string(), value)))
    };
    let root = mount();
    let props = SliderProps {
        id: "s".into(),
        param: "training.frontier.growth".into(),
        value: 2.0,
        min: 1.0,
        max: 10.0,
        step: 0.1,
        oninput: record("input"),
        onchange: record("change"),
    };
    Renderer::<Slider>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    let input: HtmlInputElement = root
        .query_selector("input[type=range][data-param='training.frontier.growth']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        (input.min(), input.max(), input.step(), input.value()),
        ("1".into(), "10".into(), "0.1".into(), "2".into())
    );
    input.set_value("3.5");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert_eq!(
        *seen.borrow(),
        vec![("input".to_string(), 3.5), ("change".to_string(), 3.5)]
    );
}

#[wasm_bindgen_test]
async fn headline_carries_the_raw_numbers() {
    let mut scenario = Scenario::default();
    scenario.sampling.samples = 500;
    let outlook = Simulator::new().run(&scenario);
    let mut simulator = Simulator::new();
    compute::simulate(&mut simulator, &scenario, Pace::Settled);
    let shown = Rc::new(compute::shown(simulator.last(), 2027));
    let root = mount();
    let props = HeadlineProps {
        shown,
        lang: Default::default(),
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
    assert_eq!(
        all as usize,
        compute_demand_core::output::report::HEADLINE.len()
    );
}

#[wasm_bindgen_test]
async fn the_app_renders_every_parameter_and_marks_itself_ready() {
    let root = mount();
    Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let sliders = root
        .query_selector_all("input[type=range][data-param]")
        .unwrap()
        .length() as usize;
    assert_eq!(sliders, compute_demand_core::PARAMS.len());
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    assert_eq!(body.get_attribute("data-ready").as_deref(), Some("true"));
    assert!(root
        .query_selector("svg#chart-demand-supply path")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("svg#chart-tornado rect")
        .unwrap()
        .is_some());
}

/// The same seed gives the same stream in WebAssembly as natively: these numbers are pinned
/// in the core's native tests too (crates/compute-demand-core/tests/montecarlo.rs).
#[wasm_bindgen_test]
fn the_stream_of_a_seed_matches_the_native_one() {
    use compute_demand_core::{Dist, Sampling};
    let mut lhs = compute_demand_core::sim::montecarlo::LatinHypercube::new(1000, 7);
    let draws = lhs.column(Dist::Uniform {
        low: 0.0,
        high: 1000.0,
    });
    assert_eq!(
        draws[..8],
        [547.5, 467.5, 63.5, 714.5, 522.5, 177.5, 248.5, 86.5]
    );

    let scenario = Scenario {
        sampling: Sampling {
            samples: 1000,
            seed: 7,
        },
        ..Scenario::default()
    };
    let power = Simulator::new()
        .run(&scenario)
        .get(Metric::FacilityPowerMw, 2030);
    assert_eq!(
        [power.p5, power.p50, power.p95, power.mean],
        [
            65.61350108423616,
            401.5376086495743,
            3151.5655484874164,
            962.9967938516578
        ]
    );
}
