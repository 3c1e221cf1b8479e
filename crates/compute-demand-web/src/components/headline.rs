//! The answer at a glance: the chosen year's facility power, large, and the sentence that
//! answers the question; then every headline figure with its 90% range. The page puts the
//! main chart between the two ([`answer`] and [`figure_grid`]); [`Headline`] is both.

use super::raw;
use super::toolbar::{copy_click, copy_status, CopyAsked};
use crate::compute::{Shown, FIGURES};
use crate::i18n::{answer_label, colon, fill, metric_description, metric_label, texts, tr};
use compute_demand_core::output::format::{quantity, trimmed, Lang};
use compute_demand_core::{Metric, Summary, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub shown: Rc<Shown>,
    #[prop_or_default]
    pub pinned: Option<Rc<Shown>>,
    #[prop_or_default]
    pub nameplate_mw: f64,
    pub lang: Lang,
    #[prop_or_default]
    pub onexplain: Callback<Option<Metric>>,
}

/// The figure the page answers with first, large.
pub const ANSWER: Metric = Metric::FacilityPowerMw;

/// One sentence that answers the question for the year. `nameplate_mw` is the register's
/// nameplate announced by then, beside the supply expected of it.
pub fn verdict(shown: &Shown, nameplate_mw: f64, lang: Lang) -> String {
    let year = shown.year;
    let demand = shown.headline[Metric::FacilityPowerMw];
    let mw = |v: f64| quantity(v, Unit::Megawatts, lang);
    let (p50, p5, p95) = (mw(demand.p50), mw(demand.p5), mw(demand.p95));
    let gpus = quantity(shown.headline[Metric::GpusH100e].p50, Unit::Gpus, lang);
    let foreign = mw(shown.headline[Metric::ForeignPowerMw].p50);
    let supply = mw(shown.headline[Metric::SupplyPowerMw].p50);
    let nameplate = mw(nameplate_mw);
    let chance = shown.headline[Metric::DemandExceedsSupply].mean;
    let percent = quantity(chance, Unit::Probability, lang);
    let domestic = quantity(
        shown.headline[Metric::CoverageRatioDomestic].p50,
        Unit::Ratio,
        lang,
    );
    fill(
        tr(lang, "In {year}, {country}'s generative-AI ecosystem needs about {p50} of facility power on {adjective} sites ({p5}–{p95}), or {gpus} H100-equivalents, and demand from abroad adds {foreign}. Against both stand {supply} of AI capacity expected in service, out of {nameplate} of nameplate announced by then (after each project's odds of being built, its delay and its site's AI share): all this demand exceeds supply in {percent} of draws, while supply covers {adjective} demand alone {domestic} over at the median."),
        &[
            ("year", &year.to_string()),
            ("p50", &p50),
            ("p5", &p5),
            ("p95", &p95),
            ("gpus", &gpus),
            ("foreign", &foreign),
            ("supply", &supply),
            ("nameplate", &nameplate),
            ("percent", &percent),
            ("domestic", &domestic),
        ],
    )
}

/// What the figures are shown with: the pinned scenario's to compare with, and the figure
/// whose chain is open.
#[derive(Clone, Copy)]
pub struct FigureView<'a> {
    pub shown: &'a Shown,
    pub pinned: Option<&'a Shown>,
    pub lang: Lang,
    pub explained: Option<Metric>,
    pub onexplain: &'a Callback<Option<Metric>>,
}

/// The value a figure is read by: the median, or for a probability its mean.
fn central(metric: Metric, s: Summary) -> f64 {
    if metric == Metric::DemandExceedsSupply {
        s.mean
    } else {
        s.p50
    }
}

/// The change of a figure against the pinned scenario: signed, and as a percentage.
fn delta(metric: Metric, now: f64, then: f64, lang: Lang) -> Html {
    let change = now - then;
    let unit = metric.unit();
    let sign = if change > 0.0 {
        "+"
    } else if change < 0.0 {
        "−"
    } else {
        "±"
    };
    let percent = if then != 0.0 {
        let p = trimmed(100.0 * change.abs() / then.abs(), lang);
        let space = if lang == Lang::Fr { "\u{202f}" } else { "" };
        format!(" ({sign}{p}{space}%)")
    } else {
        String::new()
    };
    let amount = if unit == Unit::Probability {
        let points = trimmed(100.0 * change.abs(), lang);
        format!("{sign}{points} pts")
    } else {
        format!("{sign}{}", quantity(change.abs(), unit, lang))
    };
    html! {
        <div class={classes!("delta", (change > 0.0).then_some("up"), (change < 0.0).then_some("down"))}
            data-delta={raw(change)}>{ format!("{amount}{percent}") }</div>
    }
}

/// A headline figure: its label, its value, its range and what it means, with the raw
/// numbers in `data-*` for tests and tools.
fn figure(metric: Metric, label: String, view: FigureView) -> Html {
    let lang = view.lang;
    let s = view.shown.headline[metric];
    let year = view.shown.year;
    let t = texts(lang);
    let (value, range) = if metric == Metric::DemandExceedsSupply {
        (quantity(s.mean, Unit::Probability, lang), String::new())
    } else {
        let unit = metric.unit();
        let range = format!(
            "{}{}{} – {}",
            t.range_label(),
            colon(lang),
            quantity(s.p5, unit, lang),
            quantity(s.p95, unit, lang)
        );
        (quantity(s.p50, unit, lang), range)
    };
    let meaning = metric_description(metric, lang);
    let open = view.explained == Some(metric);
    let onexplain = view
        .onexplain
        .reform(move |_| if open { None } else { Some(metric) });
    html! {
        <div class={classes!("figure", format!("figure-{}", metric.key()))} title={meaning}
            data-metric={metric.key()} data-year={year.to_string()}
            data-p5={raw(s.p5)} data-p50={raw(s.p50)} data-p95={raw(s.p95)} data-mean={raw(s.mean)}>
            <div class="figure-label">{ label }</div>
            <div class="figure-value">{ value }</div>
            <div class="figure-range">{ range }</div>
            if let Some(pinned) = view.pinned {
                { delta(metric, central(metric, s), central(metric, pinned.headline[metric]), lang) }
            }
            <small class="meaning">{ meaning }</small>
            <button type="button" class="explain-open" data-explain-open={metric.key()} aria-expanded={open.to_string()}
                aria-controls="explain" onclick={onexplain}>{ t.explain() }</button>
        </div>
    }
}

/// The answer: the year's facility power, large, with its range and meaning, and under it
/// the sentence to quote.
pub fn answer(view: FigureView, sentence: Html) -> Html {
    let label = answer_label(view.shown.year, view.lang);
    html! {
        <div class="answer">{ figure(ANSWER, label, view) }{ sentence }</div>
    }
}

/// The sentence a reader can quote, at most 35 words: physical GPUs first, H100-equivalents
/// in brackets, and the two coverages, each at its median.
pub fn quotable_text(shown: &Shown, lang: Lang) -> String {
    let h = &shown.headline;
    let median = |metric: Metric| quantity(h[metric].p50, metric.unit(), lang);
    fill(
        tr(lang, "In {year}, {country}'s generative AI needs about {gpus} GPUs ({h100e} H100-equivalents) on {adjective} sites. Expected AI capacity covers {all} of that demand plus demand from abroad, and {own} of {adjective} demand alone."),
        &[
            ("year", &shown.year.to_string()),
            ("gpus", &median(Metric::GpusUnits)),
            ("h100e", &median(Metric::GpusH100e)),
            ("all", &median(Metric::CoverageRatio)),
            ("own", &median(Metric::CoverageRatioDomestic)),
        ],
    )
}

/// The quotable sentence, with a button that copies it (not on the page before its script).
pub fn quotable(shown: &Shown, lang: Lang, oncopy: Option<&Callback<CopyAsked>>) -> Html {
    let text = quotable_text(shown, lang);
    let copy = oncopy.map(|oncopy| copy_click(oncopy, Some(text.clone())));
    html! {
        <div class="quotable">
            <p data-sentence="">{ text }</p>
            if let Some(onclick) = copy {
                <button type="button" data-action="copy-sentence" {onclick}>{ texts(lang).copy() }</button>
                { copy_status() }
            }
        </div>
    }
}

/// The sentence that answers the question, as the headline's heading.
pub fn verdict_heading(shown: &Shown, nameplate_mw: f64, lang: Lang) -> Html {
    html! { <h2 id="headline-title" class="verdict">{ verdict(shown, nameplate_mw, lang) }</h2> }
}

/// Every other headline figure, and the first year of shortfall; `panel`, a figure's
/// explanation, right under the figure it explains.
pub fn figure_grid(view: FigureView, panel: Option<Html>) -> Html {
    let (shown, lang) = (view.shown, view.lang);
    let t = texts(lang);
    let shortfall = shown.first_shortfall;
    let or_none = |y: Option<u16>| y.map_or(t.shortfall_none().to_string(), |y| y.to_string());
    // In plain words: by when a shortfall has come in 5% and in 95% of the draws.
    let by = |y: Option<u16>| {
        y.map_or(t.shortfall_none().to_string(), |y| {
            fill(tr(lang, "by {year}"), &[("year", &y.to_string())])
        })
    };
    let shortfall_range = fill(
        tr(lang, "5% of draws: {early}; 95%: {late}"),
        &[("early", &by(shortfall.p5)), ("late", &by(shortfall.p95))],
    );
    html! {
        <div class="figures">
            { for FIGURES.iter().filter(|&&m| m != ANSWER).map(|&metric| {
                let label = if metric == Metric::DemandExceedsSupply { t.shortfall_probability() } else { metric_label(metric, lang) };
                let below = panel.clone().filter(|_| view.explained == Some(metric));
                html! { <>{ figure(metric, label.to_string(), view) }{ for below }</> }
            }) }
            <div class="figure figure-shortfall" data-first-shortfall={shortfall.p50.map(|y| y.to_string()).unwrap_or_default()}>
                <div class="figure-label">{ t.first_shortfall() }</div>
                <div class="figure-value">{ or_none(shortfall.p50) }</div>
                <div class="figure-range">{ shortfall_range }</div>
            </div>
        </div>
    }
}

/// The answer, the sentence and the figures in one section (the page puts its main chart
/// between them, from the same functions).
#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let (shown, lang) = (&*props.shown, props.lang);
    let view = FigureView {
        shown,
        pinned: props.pinned.as_deref(),
        lang,
        explained: None,
        onexplain: &props.onexplain,
    };
    html! {
        <section class="headline" aria-labelledby="headline-title">
            { answer(view, quotable(shown, lang, None)) }
            { verdict_heading(shown, props.nameplate_mw, lang) }
            { figure_grid(view, None) }
        </section>
    }
}
