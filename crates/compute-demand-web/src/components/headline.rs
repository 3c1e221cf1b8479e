//! The answer at a glance: the chosen year's figures with their 90% ranges.

use super::raw;
use crate::compute::{Shown, FIGURES};
use crate::i18n::{metric_description, metric_label, texts};
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{Metric, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub shown: Rc<Shown>,
    pub lang: Lang,
}

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
            "En {year}, l'écosystème français d'IA générative a besoin d'environ {p50} de puissance ({p5}–{p95}), soit {gpus} équivalents H100, et la demande de l'étranger sur les sites français d'environ {foreign} de plus. La couverture compte toute la demande sur les sites français, de l'écosystème français et de l'étranger : face à elle, {supply} de capacité d'IA attendue en service, compte tenu des chances de chaque projet d'être construit, de son retard et de la part d'IA de son site, et la demande dépasse l'offre dans {percent} des tirages."
        ),
    }
}

#[component]
pub fn Headline(props: &HeadlineProps) -> Html {
    let t = texts(props.lang);
    let lang = props.lang;
    let year = props.shown.year;
    let shortfall = props.shown.first_shortfall;
    let shortfall_text = shortfall
        .p50
        .map_or(t.shortfall_none.to_string(), |y| y.to_string());
    let shortfall_range = format!(
        "p5 {} · p95 {}",
        shortfall
            .p5
            .map_or(t.shortfall_none.to_string(), |y| y.to_string()),
        shortfall
            .p95
            .map_or(t.shortfall_none.to_string(), |y| y.to_string())
    );
    html! {
        <section class="headline" aria-labelledby="headline-title">
            <h2 id="headline-title" class="verdict">{ verdict(&props.shown, lang) }</h2>
            <div class="figures">
                { for FIGURES.iter().map(|&metric| {
                    let s = props.shown.headline[metric];
                    let (value, range) = if metric == Metric::DemandExceedsSupply {
                        (quantity(s.mean, Unit::Probability, lang), String::new())
                    } else {
                        let unit = metric.unit();
                        (quantity(s.p50, unit, lang), format!("{}: {} – {}", t.range_label, quantity(s.p5, unit, lang), quantity(s.p95, unit, lang)))
                    };
                    let label = if metric == Metric::DemandExceedsSupply { t.shortfall_probability } else { metric_label(metric, lang) };
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
                }) }
                <div class="figure figure-shortfall" data-first-shortfall={shortfall.p50.map(|y| y.to_string()).unwrap_or_default()}>
                    <div class="figure-label">{ t.first_shortfall }</div>
                    <div class="figure-value">{ shortfall_text }</div>
                    <div class="figure-range">{ shortfall_range }</div>
                </div>
            </div>
        </section>
    }
}
