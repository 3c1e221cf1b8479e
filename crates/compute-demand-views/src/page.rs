//! The module's side of the page: `show` (what web/index.html's `computeDemandViews` calls
//! with the page's link once its results are settled), the panel's state between calls, and
//! the answers to the panel's clicks and changes, delegated from the document once.

use crate::outcome::{curves, default_condition, Curve, Side};
use crate::render::{self, Panel};
use compute_demand_core::input::field::typed_number;
use compute_demand_core::input::link::{self, Link};
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::Lang;
use compute_demand_core::output::views::{discovery_csv, exceedance_csv};
use compute_demand_core::sim::montecarlo::Simulator;
use compute_demand_core::terms::discovery::{Condition, Unmet};
use compute_demand_core::{discover, Discovery, Metric, Sampling, Scenario};
use compute_demand_web::browser;
use compute_demand_web::components::charts::chart_title;
use compute_demand_web::export::{self, Caption, ImageFormat};
use compute_demand_web::i18n::{self, preset_label, refusal_text};
use compute_demand_web::state::{DEFAULT_METRIC, DEFAULT_YEAR};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the page leaves empty for the views.
const CONTAINER: &str = "outcome";

/// What the panel holds between calls.
#[derive(Default)]
struct Views {
    simulator: Simulator,
    /// The scenario and sampling the simulator last ran.
    simulated: Option<(Scenario, Sampling)>,
    /// The pinned scenario's run, when the link pins one.
    pinned: Simulator,
    pinned_simulated: Option<(Scenario, Sampling)>,
    /// The page's link, as last given.
    fragment: String,
    /// The figure and year the reader's outcome is about: another resets it.
    asked: Option<(Metric, u16)>,
    side: Option<Side>,
    level_text: String,
    /// The last level typed that read; `None`: the default outcome's.
    level: Option<f64>,
    refusal: Option<String>,
    /// What the downloads give: the chosen figure's curve and the discovery.
    shown: Option<Shown>,
    listening: bool,
}

struct Shown {
    metric: Metric,
    year: u16,
    lang: Lang,
    chosen: Curve,
    discovery: Result<Discovery, Unmet>,
    title: String,
    subtitle: String,
}

thread_local! {
    static VIEWS: RefCell<Views> = RefCell::new(Views::default());
}

/// Draws the views for the page's link (`fragment`, as in the address bar).
#[wasm_bindgen]
pub fn show(fragment: String) {
    VIEWS.with(|v| v.borrow_mut().fragment = fragment);
    listen_once();
    redraw();
}

/// Runs the page's scenario if it is not the one run last, reads the outcome from the draws,
/// and writes the panel (an embed: the chart and the chance) into `#outcome`.
fn redraw() {
    let Some(container) = document().and_then(|d| d.get_element_by_id(CONTAINER)) else {
        return;
    };
    let markup = VIEWS.with(|v| v.borrow_mut().markup());
    // The level box keeps the focus it had.
    let focused = document()
        .and_then(|d| d.active_element())
        .is_some_and(|e| e.id() == "outcome-level");
    container.set_inner_html(&markup);
    if focused {
        browser::focus_first("#outcome-level");
    }
}

impl Views {
    fn markup(&mut self) -> String {
        let decoded = link::decode(&self.fragment);
        let Link {
            scenario,
            metric,
            year,
            lang,
            embed,
            pinned,
        } = decoded.link;
        compute_demand_web::i18n::set_country(scenario.country);
        let (metric, year, lang) = (
            metric.unwrap_or(DEFAULT_METRIC),
            year.unwrap_or(DEFAULT_YEAR),
            lang.unwrap_or(Lang::En),
        );
        if self.asked != Some((metric, year)) {
            self.asked = Some((metric, year));
            self.side = None;
            self.level = None;
            self.refusal = None;
        }
        run(&mut self.simulator, &mut self.simulated, &scenario);
        let pinned_drawn = pinned.map(|pinned| {
            run(&mut self.pinned, &mut self.pinned_simulated, &pinned);
            curves(self.pinned.last(), metric, year)
        });
        let drawn = curves(self.simulator.last(), metric, year);
        let chosen = &drawn[0];
        let default = default_condition(metric, &chosen.exceedance);
        let side = *self.side.get_or_insert(match default {
            Condition::Above(_) => Side::Above,
            Condition::Below(_) => Side::Below,
        });
        let level = self.level.unwrap_or(default.level());
        if self.refusal.is_none() {
            self.level_text = compute_demand_core::output::format::trimmed(level, lang);
        }
        let condition = side.at(level);
        let pinned = pinned_drawn
            .as_deref()
            .map(|c| (c, c[0].exceedance.chance_of(condition)));
        let embedded = embed == Some(ChartId::Exceedance);
        // An embed shows the chart and the chance alone: no discovery to compute.
        let discovery = if embedded {
            Err(Unmet::NoRun)
        } else {
            discover(&mut self.simulator, metric, year, condition)
        };
        let name = match scenario.name.as_str() {
            "" => preset_label(scenario.preset, lang),
            name => name,
        };
        let p = Panel {
            metric,
            year,
            lang,
            side,
            level_text: &self.level_text,
            refusal: self.refusal.clone(),
            condition,
            curves: &drawn,
            pinned,
            chance: chosen.exceedance.chance_of(condition),
            draws: chosen.exceedance.draws(),
            discovery: &discovery,
            narrow: browser::is_narrow(),
        };
        let markup = if embedded {
            format!(
                "{}<p class=\"outcome-chance\" data-chance=\"{}\">{}</p>",
                render::exceedance_figure(&p),
                compute_demand_web::geometry::number(p.chance),
                export::escape(&render::chance_sentence(&p))
            )
        } else {
            render::panel(&p)
        };
        self.shown = Some(Shown {
            metric,
            year,
            lang,
            chosen: chosen.clone(),
            discovery,
            title: chart_title(ChartId::Exceedance, (metric, year), lang),
            subtitle: format!("{name} · {year}"),
        });
        markup
    }

    /// The reader typed a level: kept as typed; read in the page's language.
    fn set_level(&mut self, text: String) {
        let lang = self.shown.as_ref().map_or(Lang::En, |s| s.lang);
        match typed_number(&text, lang) {
            Ok(level) if level.is_finite() => {
                self.level = Some(level);
                self.refusal = None;
            }
            Ok(_) => self.refusal = Some(i18n::tr(lang, "A number is needed.").to_string()),
            Err(refusal) => self.refusal = Some(refusal_text(&refusal, lang)),
        }
        self.level_text = text;
    }
}

/// Runs `scenario` in `simulator` unless it is the one `simulated` last.
fn run(
    simulator: &mut Simulator,
    simulated: &mut Option<(Scenario, Sampling)>,
    scenario: &Scenario,
) {
    let sampling = scenario.sampling;
    if simulated
        .as_ref()
        .is_some_and(|(s, at)| s == scenario && *at == sampling)
    {
        return;
    }
    simulator.simulate(&scenario.model(), scenario, sampling);
    *simulated = Some((scenario.clone(), sampling));
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Answers the panel's clicks, changes and submits, delegated from the document (the page
/// redraws `#outcome`'s contents; the document stays).
fn listen_once() {
    if VIEWS.with(|v| std::mem::replace(&mut v.borrow_mut().listening, true)) {
        return;
    }
    let Some(document) = document() else {
        return;
    };
    for kind in ["click", "change", "submit"] {
        let handler = Closure::<dyn FnMut(web_sys::Event)>::new(answer);
        let _ = document.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        // Listening for the page's lifetime.
        handler.forget();
    }
}

/// The element at or above the event's target that matches `selector` inside `#outcome`.
fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target
        .closest(&format!("#{CONTAINER} {selector}"))
        .ok()
        .flatten()
}

fn answer(event: web_sys::Event) {
    let kind = event.type_();
    if kind == "submit" || kind == "change" {
        let Some(form) = closest(&event, "form") else {
            return;
        };
        if kind == "submit" {
            event.prevent_default();
        }
        let Some(input) = form
            .query_selector("#outcome-level")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        VIEWS.with(|v| v.borrow_mut().set_level(input.value()));
        redraw();
        return;
    }
    if let Some(button) = closest(&event, "[data-side]") {
        let side = button
            .get_attribute("data-side")
            .and_then(|k| Side::from_key(&k));
        if side.is_some() {
            VIEWS.with(|v| v.borrow_mut().side = side);
            redraw();
        }
    } else if let Some(button) = closest(&event, "[data-csv]") {
        let which = button.get_attribute("data-csv").unwrap_or_default();
        say_failure(VIEWS.with(|v| csv(&v.borrow(), &which)));
    } else if let Some(button) = closest(&event, "[data-download]") {
        let format = match button.get_attribute("data-download").as_deref() {
            Some("png") => ImageFormat::Png,
            _ => ImageFormat::Svg,
        };
        say_failure(VIEWS.with(|v| figure(&v.borrow(), format)));
    }
}

/// Saves a CSV: the curve's points (the CLI's `exceedance --points 101`) or the discovery
/// (`discover`'s), the same bytes.
fn csv(views: &Views, which: &str) -> Result<(), String> {
    let shown = views.shown.as_ref().ok_or("nothing drawn yet")?;
    let (name, text) = match which {
        "exceedance" => (
            format!(
                "compute-demand-exceedance-{}-{}.csv",
                shown.metric.key(),
                shown.year
            ),
            exceedance_csv(shown.metric, shown.year, &shown.chosen.points),
        ),
        _ => match &shown.discovery {
            Ok(d) => (
                format!(
                    "compute-demand-discover-{}-{}.csv",
                    shown.metric.key(),
                    shown.year
                ),
                discovery_csv(compute_demand_web::i18n::country(), d),
            ),
            Err(_) => return Err("no draws to split".into()),
        },
    };
    browser::download(&name, "text/csv", &text)
}

/// Saves the exceedance chart as a figure: its SVG as drawn, with its title, the scenario and
/// year, the source line and the permalink.
fn figure(views: &Views, format: ImageFormat) -> Result<(), String> {
    let shown = views.shown.as_ref().ok_or("nothing drawn yet")?;
    let markup = browser::svg_markup(&export::dom_id(ChartId::Exceedance))
        .ok_or("the chart is not on the page")?;
    let permalink = export::page_url(&browser::current_url(), &views.fragment);
    let caption = Caption {
        title: &shown.title,
        subtitle: &shown.subtitle,
        legend: &[],
        credit: &export::credit_line(shown.lang),
        permalink: &permalink,
    };
    let scale = match format {
        ImageFormat::Png => export::PNG_SCALE,
        ImageFormat::Svg => 1.0,
    };
    let figure =
        export::figure_svg(&markup, &caption, scale).ok_or("the chart could not be read")?;
    let file = export::file_name(ChartId::Exceedance, format);
    match format {
        ImageFormat::Svg => browser::download(&file, "image/svg+xml", &figure.svg),
        ImageFormat::Png => {
            let size = (figure.width as u32, figure.height as u32);
            browser::download_png(&file, &figure.svg, size, say_failure_text)
        }
    }
}

fn say_failure(result: Result<(), String>) {
    if let Err(message) = result {
        say_failure_text(message);
    }
}

/// A download that failed says so in the panel, in words.
fn say_failure_text(message: String) {
    let Some(container) = document().and_then(|d| d.get_element_by_id(CONTAINER)) else {
        return;
    };
    if let Ok(note) = container.owner_document().unwrap().create_element("p") {
        note.set_class_name("field-error");
        note.set_attribute("role", "alert").ok();
        note.set_text_content(Some(&message));
        container.append_child(&note).ok();
    }
}
