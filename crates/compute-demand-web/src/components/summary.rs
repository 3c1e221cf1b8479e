//! The summary bar of a narrow screen: the year's facility power and coverage with their 90%
//! ranges, fixed to the bottom of the viewport while the assumptions scroll by (the page is
//! padded for it; on a wide screen the stylesheet hides it and the results column stays in
//! view instead). A function, not a component: it has no state of its own.

use crate::compute::Shown;
use crate::i18n::{texts, tr};
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::Metric;
use yew::prelude::*;

pub fn summary_bar(shown: &Shown, lang: Lang) -> Html {
    let t = texts(lang);
    let item = |metric: Metric, label: &'static str| {
        let (s, unit) = (shown.headline[metric], metric.unit());
        html! {
            <span class="summary-item" data-summary-metric={metric.key()}>
                <span class="summary-label">{ label }</span>{ " " }
                <strong>{ quantity(s.p50, unit, lang) }</strong>{ " " }
                <span class="summary-range">{ format!("({} – {})", quantity(s.p5, unit, lang), quantity(s.p95, unit, lang)) }</span>
            </span>
        }
    };
    html! {
        <div class="summary-bar" data-summary="">
            <span class="summary-year">{ shown.year }</span>
            { item(Metric::FacilityPowerMw, tr(lang, "{adjective} demand")) }
            { item(Metric::CoverageRatio, t.coverage_short()) }
        </div>
    }
}
