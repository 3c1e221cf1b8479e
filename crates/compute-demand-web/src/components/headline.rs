//! The answer at a glance: the chosen year's facility power, large, and the sentence that
//! answers the question; then every headline figure with its 90% range. The page puts the
//! main chart between the two ([`answer`] and [`figure_grid`]); [`Headline`] is both.

use super::raw;
use crate::compute::{Shown, FIGURES};
use crate::i18n::{answer_label, colon, metric_description, metric_label, texts};
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{Metric, Summary, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub shown: Rc<Shown>,
    pub lang: Lang,
}

/// The figure the page answers with first, large.
pub const ANSWER: Metric = Metric::FacilityPowerMw;

/// One sentence that answers the question for the year.
pub fn verdict(shown: &Shown, lang: Lang) -> String {
    let year = shown.year;
    let demand = shown.headline[Metric::FacilityPowerMw];
    let mw = |v: f64| quantity(v, Unit::Megawatts, lang);
    let (p50, p5, p95) = (mw(demand.p50), mw(demand.p5), mw(demand.p95));
    let gpus = quantity(shown.headline[Metric::GpusH100e].p50, Unit::Gpus, lang);
    let foreign = mw(shown.headline[Metric::ForeignPowerMw].p50);
    let supply = mw(shown.headline[Metric::SupplyPowerMw].p50);
    let chance = shown.headline[Metric::DemandExceedsSupply].mean;
    let percent = quantity(chance, Unit::Probability, lang);
    match lang {
        Lang::En => format!(
            "In {year}, France's generative-AI ecosystem needs about {p50} of facility power ({p5}–{p95}), or {gpus} H100-equivalents, and demand from abroad on French sites about {foreign} more. Coverage counts all demand on French sites, the French ecosystem's and from abroad: against it stand {supply} of AI capacity expected in service, after each project's odds of being built, its delay and its site's AI share, and demand exceeds supply in {percent} of draws."
        ),
        Lang::Fr => format!(
            "En {year}, l'écosystème français d'IA générative a besoin d'environ {p50} de puissance ({p5}–{p95}), soit {gpus} équivalents H100, et la demande de l'étranger sur les sites français d'environ {foreign} de plus. La couverture compte toute la demande sur les sites français, de l'écosystème français et de l'étranger\u{202f}: face à elle, {supply} de capacité d'IA attendue en service, compte tenu des chances de chaque projet d'être construit, de son retard et de la part d'IA de son site, et la demande dépasse l'offre dans {percent} des tirages."
        ),
    }
}

/// A headline figure: its label, its value, its range and what it means, with the raw
/// numbers in `data-*` for tests and tools.
fn figure(metric: Metric, s: Summary, year: u16, label: String, lang: Lang) -> Html {
    let t = texts(lang);
    let (value, range) = if metric == Metric::DemandExceedsSupply {
        (quantity(s.mean, Unit::Probability, lang), String::new())
    } else {
        let unit = metric.unit();
        let range = format!(
            "{}{}{} – {}",
            t.range_label,
            colon(lang),
            quantity(s.p5, unit, lang),
            quantity(s.p95, unit, lang)
        );
        (quantity(s.p50, unit, lang), range)
    };
    let meaning = metric_description(metric, lang);
    html! {
        <div class={classes!("figure", format!("figure-{}", metric.key()))} title={meaning}
            data-metric={metric.key()} data-year={year.to_string()}
            data-p5={raw(s.p5)} data-p50={raw(s.p50)} data-p95={raw(s.p95)} data-mean={raw(s.mean)}>
            <div class="figure-label">{ label }</div>
            <div class="figure-value">{ value }</div>
            <div class="figure-range">{ range }</div>
            <small class="meaning">{ meaning }</small>
        </div>
    }
}

/// The answer: the year's facility power, large, with its range and meaning.
pub fn answer(shown: &Shown, lang: Lang) -> Html {
    let label = answer_label(shown.year, lang);
    html! {
        <div class="answer">{ figure(ANSWER, shown.headline[ANSWER], shown.year, label, lang) }</div>
    }
}

/// The sentence that answers the question, as the headline's heading.
pub fn verdict_heading(shown: &Shown, lang: Lang) -> Html {
    html! { <h2 id="headline-title" class="verdict">{ verdict(shown, lang) }</h2> }
}

/// Every other headline figure, and the first year of shortfall.
pub fn figure_grid(shown: &Shown, lang: Lang) -> Html {
    let t = texts(lang);
    let year = shown.year;
    let shortfall = shown.first_shortfall;
    let or_none = |y: Option<u16>| y.map_or(t.shortfall_none.to_string(), |y| y.to_string());
    let shortfall_range = format!(
        "p5 {} · p95 {}",
        or_none(shortfall.p5),
        or_none(shortfall.p95)
    );
    html! {
        <div class="figures">
            { for FIGURES.iter().filter(|&&m| m != ANSWER).map(|&metric| {
                let label = if metric == Metric::DemandExceedsSupply { t.shortfall_probability } else { metric_label(metric, lang) };
                figure(metric, shown.headline[metric], year, label.to_string(), lang)
            }) }
            <div class="figure figure-shortfall" data-first-shortfall={shortfall.p50.map(|y| y.to_string()).unwrap_or_default()}>
                <div class="figure-label">{ t.first_shortfall }</div>
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
    html! {
        <section class="headline" aria-labelledby="headline-title">
            { answer(shown, lang) }
            { verdict_heading(shown, lang) }
            { figure_grid(shown, lang) }
        </section>
    }
}
