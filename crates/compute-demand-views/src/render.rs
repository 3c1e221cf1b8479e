//! The outcome views as markup: the question, the chance in words, the exceedance chart (SVG
//! whose geometry comes from `compute_demand_web::geometry`) and the "what would have to be
//! true" table. Strings, not a virtual DOM: the module writes them into the page's
//! `#outcome`, and the native tests read them.

use crate::outcome::{extent, Curve, Series, Side};
use compute_demand_core::data::ParamSpec;
use compute_demand_core::input::field::shown_value;
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::{quantity, significant, trimmed, Lang};
use compute_demand_core::sim::stats::Summary;
use compute_demand_core::terms::discovery::{Condition, Unmet};
use compute_demand_core::{Discovery, Metric, Unit};
use compute_demand_web::components::charts::{chart_title, AXIS, DEMAND, FOREIGN, GRID, SUPPLY};
use compute_demand_web::export::escape;
use compute_demand_web::geometry::{line_path, nice_ceiling, number, Frame, LinearScale, LogScale};
use compute_demand_web::i18n::{count, fill, metric_label, param_label, texts, tr, unit_label};

/// How many parameters the table lists; the CSV has them all.
pub const TABLE_ROWS: usize = 10;

/// Everything the panel shows, computed.
pub struct Panel<'a> {
    pub metric: Metric,
    pub year: u16,
    pub lang: Lang,
    pub side: Side,
    /// The level box as typed, kept when it does not read.
    pub level_text: &'a str,
    /// Why the box does not read, in `lang`; the views then show the last level that did.
    pub refusal: Option<String>,
    /// The outcome shown: `side` at the last level that read.
    pub condition: Condition,
    pub curves: &'a [Curve],
    /// The pinned scenario's curves, when one is pinned (drawn dashed, as every chart's
    /// ghost), and its chance of the outcome.
    pub pinned: Option<(&'a [Curve], f64)>,
    /// The share of draws where the outcome happens.
    pub chance: f64,
    pub draws: usize,
    pub discovery: &'a Result<Discovery, Unmet>,
    pub narrow: bool,
}

/// `{label} ({unit})`-free name of a metric's unit for the level box.
fn level_unit(unit: Unit, lang: Lang) -> &'static str {
    match unit {
        Unit::Ratio => "×",
        Unit::Probability => tr(lang, "(0 to 1)"),
        Unit::Euros => "€",
        other => other.key(),
    }
}

/// The outcome in words: "Facility power (average) above 300 MW in 2030".
pub fn outcome_words(metric: Metric, year: u16, condition: Condition, lang: Lang) -> String {
    let template = match condition {
        Condition::Above(_) => tr(lang, "{metric} above {level} in {year}"),
        Condition::Below(_) => tr(lang, "{metric} below {level} in {year}"),
    };
    fill(
        template,
        &[
            ("metric", metric_label(metric, lang)),
            ("level", &quantity(condition.level(), metric.unit(), lang)),
            ("year", &year.to_string()),
        ],
    )
}

/// The chance in words: "… in 2030: 49.8% of the draws (4,982 of 10,000)." and, with a
/// pinned scenario, its chance.
pub fn chance_sentence(p: &Panel) -> String {
    let holding = (p.chance * p.draws as f64).round() as u64;
    let percent = quantity(p.chance, Unit::Probability, p.lang);
    let pinned = p.pinned.map_or(String::new(), |(_, chance)| {
        let line = tr(p.lang, " Pinned scenario: {percent}.");
        fill(
            line,
            &[("percent", &quantity(chance, Unit::Probability, p.lang))],
        )
    });
    let sentence = fill(
        tr(
            p.lang,
            "{outcome}: {percent} of the draws ({holding} of {draws}).",
        ),
        &[
            (
                "outcome",
                &outcome_words(p.metric, p.year, p.condition, p.lang),
            ),
            ("percent", &percent),
            ("holding", &count(holding, p.lang)),
            ("draws", &count(p.draws as u64, p.lang)),
        ],
    );
    sentence + &pinned
}

/// The whole panel: heading, explanation, the question's controls, the chance, the chart with
/// its downloads, and what would have to be true.
pub fn panel(p: &Panel) -> String {
    let lang = p.lang;
    let t = texts(lang);
    let side_button = |side: Side, label: &str| {
        format!(
            "<button type=\"button\" data-side=\"{}\" aria-pressed=\"{}\">{}</button>",
            side.key(),
            p.side == side,
            escape(label)
        )
    };
    let refusal = p.refusal.as_deref().map_or(String::new(), |message| {
        format!(
            "<p class=\"field-error\" id=\"outcome-level-error\" role=\"alert\">{}</p>",
            escape(message)
        )
    });
    let invalid = if p.refusal.is_some() {
        " aria-invalid=\"true\" aria-describedby=\"outcome-level-error\""
    } else {
        ""
    };
    let downloads = format!(
        "<div class=\"chart-downloads\">\
         <button type=\"button\" data-download=\"png\" data-chart=\"exceedance\" title=\"{png}\" aria-label=\"{png}\">PNG</button>\
         <button type=\"button\" data-download=\"svg\" data-chart=\"exceedance\" title=\"{svg}\" aria-label=\"{svg}\">SVG</button>\
         <button type=\"button\" data-csv=\"exceedance\" title=\"{csv}\" aria-label=\"{csv}\">CSV</button></div>",
        png = escape(t.download_png()),
        svg = escape(t.download_svg()),
        csv = escape(tr(lang, "Download the curve's points (CSV)")),
    );
    format!(
        "<h2 id=\"outcome-heading\">{heading}</h2>\
         <p class=\"outcome-intro\">{intro}</p>\
         <form class=\"outcome-ask\" data-outcome-form=\"\">\
         <span class=\"outcome-metric\">{metric}, {year}</span>\
         <span class=\"outcome-sides\" role=\"group\" aria-label=\"{sides}\">{above}{below}</span>\
         <label for=\"outcome-level\">{level_label}</label>\
         <input id=\"outcome-level\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" value=\"{level}\"{invalid}>\
         <span class=\"unit\">{unit}</span>{refusal}</form>\
         <p class=\"outcome-chance\" data-chance=\"{chance}\" aria-live=\"polite\">{sentence}</p>\
         <figure class=\"chart\" data-chart=\"exceedance\"><figcaption>{title}</figcaption>{figure}\
         <p class=\"chart-note\">{caption}</p></figure>{downloads}\
         {discover}",
        heading = escape(tr(lang, "What are the chances?")),
        intro = escape(tr(
            lang,
            "Each draw is one possible world under these assumptions. The curve gives, for each level, the share of draws above it; choose a level to read its chance and to see what would have to be true for it."
        )),
        metric = escape(metric_label(p.metric, lang)),
        year = p.year,
        sides = escape(tr(lang, "Above or below the level")),
        above = side_button(Side::Above, tr(lang, "above")),
        below = side_button(Side::Below, tr(lang, "below")),
        level_label = escape(tr(lang, "Level")),
        level = escape(p.level_text),
        unit = escape(level_unit(p.metric.unit(), lang)),
        chance = number(p.chance),
        sentence = escape(&chance_sentence(p)),
        title = escape(&chart_title(ChartId::Exceedance, (p.metric, p.year), lang)),
        figure = exceedance_figure(p),
        caption = escape(&caption(p)),
        discover = discovery_block(p),
    )
}

/// What the chart shows, under it.
fn caption(p: &Panel) -> String {
    let line = tr(
        p.lang,
        "Chance that the figure is above each level, over the run's {draws} draws (1 − the cumulative distribution).",
    );
    fill(line, &[("draws", &count(p.draws as u64, p.lang))])
}

/// A curve's colour and name.
fn series_style(series: Series, metric: Metric, lang: Lang) -> (&'static str, &'static str) {
    match series {
        Series::Chosen if metric == Metric::FacilityPowerMw => {
            (DEMAND, tr(lang, "{adjective} demand"))
        }
        Series::Chosen => (DEMAND, metric_label(metric, lang)),
        Series::AllOnSites => (
            FOREIGN,
            tr(lang, "All demand on {adjective} sites (+ from abroad)"),
        ),
        Series::Supply => (SUPPLY, texts(lang).supply()),
    }
}

/// The chart's frame: as wide as the trend charts', narrower on a phone.
pub fn frame(narrow: bool, legend_rows: usize) -> Frame {
    let (width, height) = compute_demand_web::geometry::chart_size(narrow);
    let legend = 16.0 * legend_rows as f64;
    Frame {
        width,
        height: height + legend,
        left: 52.0,
        right: 30.0,
        top: 14.0 + legend,
        bottom: 34.0,
    }
}

/// The levels' axis. Logarithmic for figures that are positive in every draw (they spread
/// over decades: a scenario's 90% range of 2030 facility power runs from tens of MW to GW,
/// and its largest draws far beyond), over the levels between the 0.5% and 99.5% chances of
/// every curve, and the chosen level; linear from 0 otherwise (a probability, a figure that
/// can be 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LevelScale {
    Linear(LinearScale),
    Log(LogScale),
}

impl LevelScale {
    pub fn of(frame: &Frame, curves: &[Curve], level: f64, unit: Unit) -> LevelScale {
        let range = (frame.plot_left(), frame.plot_right());
        let positive = curves
            .iter()
            .all(|c| c.exceedance.extent().is_none_or(|(low, _)| low > 0.0));
        if positive && unit != Unit::Probability {
            let body = curves.iter().flat_map(|c| {
                c.points
                    .iter()
                    .filter(|p| (0.005..=0.995).contains(&p.chance))
                    .map(|p| p.level)
            });
            return LevelScale::Log(LogScale::covering(body.chain([level]), range));
        }
        let (low, high) = extent(curves).unwrap_or((0.0, 1.0));
        LevelScale::Linear(LinearScale {
            domain: (low.min(0.0), nice_ceiling(high.max(level))),
            range,
        })
    }

    /// Where `value` stands, held to the axis.
    pub fn map(&self, value: f64) -> f64 {
        match self {
            LevelScale::Linear(scale) => {
                let (low, high) = scale.domain;
                scale.map(value.clamp(low, high))
            }
            LevelScale::Log(scale) => scale.map(value),
        }
    }

    /// The axis's ticks: round numbers; on a log axis every decade, and 2 and 5 between
    /// when it spans two decades or fewer.
    pub fn ticks(&self, narrow: bool) -> Vec<f64> {
        match self {
            LevelScale::Linear(scale) => scale.ticks(if narrow { 4 } else { 6 }),
            LevelScale::Log(scale) => {
                let (first, last) = scale.decades;
                let fine = last - first <= 2;
                let mut ticks = Vec::new();
                for decade in first..=last {
                    let power = 10f64.powi(decade);
                    ticks.push(power);
                    if fine && decade < last {
                        ticks.extend([2.0 * power, 5.0 * power]);
                    }
                }
                ticks
            }
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, LevelScale::Log(_))
    }
}

/// The curve through its points, from chance 1 at the axis's left end to 0 at its right end:
/// each point lies on the share of draws above its level.
pub fn curve_path(curve: &Curve, frame: &Frame, x: &LevelScale, y: &LinearScale) -> String {
    let Some(first) = curve.points.first() else {
        return String::new();
    };
    let mut points = vec![
        (frame.plot_left(), y.map(1.0)),
        (x.map(first.level), y.map(1.0)),
    ];
    points.extend(
        curve
            .points
            .iter()
            .map(|p| (x.map(p.level), y.map(p.chance))),
    );
    points.push((frame.plot_right(), y.map(0.0)));
    line_path(&points)
}

/// The exceedance chart, `svg#chart-exceedance`: the curves, the grid, the axes, the chosen
/// level as a vertical line and the legend.
pub fn exceedance_figure(p: &Panel) -> String {
    let lang = p.lang;
    let unit = p.metric.unit();
    let frame = frame(p.narrow, p.curves.len() + usize::from(p.pinned.is_some()));
    if extent(p.curves).is_none() {
        return format!(
            "<p class=\"empty\">{}</p>",
            escape(tr(lang, "No draws to read."))
        );
    }
    let pinned: &[Curve] = p.pinned.map_or(&[], |(curves, _)| curves);
    let all: Vec<Curve> = p.curves.iter().chain(pinned).cloned().collect();
    let x = LevelScale::of(&frame, &all, p.condition.level(), unit);
    let y = LinearScale {
        domain: (0.0, 1.0),
        range: (frame.plot_bottom(), frame.plot_top()),
    };
    let mut svg = format!(
        "<svg id=\"chart-exceedance\" data-chart=\"exceedance\" viewBox=\"{}\" role=\"img\" aria-labelledby=\"outcome-heading\" font-size=\"12\" font-family=\"system-ui, sans-serif\">",
        frame.view_box()
    );
    let (left, right) = (frame.plot_left(), frame.plot_right());
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let ty = number(y.map(tick));
        svg += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{ty}\" y2=\"{ty}\" stroke=\"{GRID}\"/><text x=\"{}\" y=\"{ty}\" dy=\"4\" text-anchor=\"end\" fill=\"{AXIS}\">{}</text>",
            number(left),
            number(right),
            number(left - 6.0),
            escape(&axis_label(tick, Unit::Probability, lang))
        );
    }
    let bottom = number(frame.plot_bottom());
    for tick in x.ticks(p.narrow) {
        let tx = number(x.map(tick));
        svg += &format!(
            "<line x1=\"{tx}\" x2=\"{tx}\" y1=\"{bottom}\" y2=\"{}\" stroke=\"{AXIS}\"/><text x=\"{tx}\" y=\"{}\" text-anchor=\"middle\" fill=\"{AXIS}\">{}</text>",
            number(frame.plot_bottom() + 4.0),
            number(frame.plot_bottom() + 18.0),
            escape(&axis_label(tick, unit, lang))
        );
    }
    svg += &format!(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{bottom}\" y2=\"{bottom}\" stroke=\"{AXIS}\"/>",
        number(left),
        number(right)
    );
    for curve in pinned {
        let (colour, name) = series_style(curve.series, p.metric, lang);
        svg += &format!(
            "<path data-series=\"pinned\" data-pinned=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-opacity=\"0.55\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{} ({})</title></path>",
            curve.series.key(),
            curve_path(curve, &frame, &x, &y),
            escape(name),
            escape(texts(lang).pinned_series())
        );
    }
    for curve in p.curves {
        let (colour, name) = series_style(curve.series, p.metric, lang);
        svg += &format!(
            "<path data-series=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"><title>{}</title></path>",
            curve.series.key(),
            curve_path(curve, &frame, &x, &y),
            escape(name)
        );
    }
    let lx = number(x.map(p.condition.level()));
    let chosen = p
        .curves
        .first()
        .map_or(0.0, |c| c.exceedance.chance_above(p.condition.level()));
    svg += &format!(
        "<line data-level=\"{}\" x1=\"{lx}\" x2=\"{lx}\" y1=\"{}\" y2=\"{bottom}\" stroke=\"#111\" stroke-dasharray=\"4 3\"/><circle cx=\"{lx}\" cy=\"{}\" r=\"4\" fill=\"#111\"/>",
        number(p.condition.level()),
        number(frame.plot_top()),
        number(y.map(chosen)),
    );
    svg += &legend(p, !pinned.is_empty(), left);
    svg += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{AXIS}\">{}</text></svg>",
        number(right),
        number(frame.height - 4.0),
        escape(if x.is_log() {
            tr(lang, "level (log scale) →")
        } else {
            tr(lang, "level →")
        })
    );
    svg
}

/// The chart's legend, above the plot: a swatch and a name per curve, and the pinned
/// scenario's dashes.
fn legend(p: &Panel, pinned: bool, left: f64) -> String {
    let lang = p.lang;
    let mut svg = String::new();
    let mut legend: Vec<(&str, &str, bool)> = p
        .curves
        .iter()
        .map(|c| {
            let (colour, name) = series_style(c.series, p.metric, lang);
            (colour, name, false)
        })
        .collect();
    if pinned {
        legend.push((AXIS, texts(lang).pinned_series(), true));
    }
    for (row, (colour, name, dashed)) in legend.into_iter().enumerate() {
        let ty = 10.0 + 16.0 * row as f64;
        let dash = if dashed {
            " stroke-dasharray=\"4 3\""
        } else {
            ""
        };
        svg += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{ty0}\" y2=\"{ty0}\" stroke=\"{colour}\" stroke-width=\"4\"{dash}/><text x=\"{}\" y=\"{}\" fill=\"#111\">{}</text>",
            number(left + 4.0),
            number(left + 18.0),
            number(left + 24.0),
            number(ty + 3.0),
            escape(name),
            ty0 = number(ty),
        );
    }
    svg
}

/// A tick: its round number in the metric's unit, without the zeros a figure's three
/// significant digits would add ("1 GW", not "1.00 GW").
fn axis_label(tick: f64, unit: Unit, lang: Lang) -> String {
    let (value, suffix) = match unit {
        Unit::Megawatts if tick >= 1e3 => (tick / 1e3, "\u{a0}GW"),
        Unit::Megawatts => (tick, "\u{a0}MW"),
        Unit::Gigawatthours if tick >= 1e3 => (tick / 1e3, "\u{a0}TWh"),
        Unit::Gigawatthours => (tick, "\u{a0}GWh"),
        Unit::Ratio => (tick, "×"),
        Unit::Probability if lang == Lang::Fr => (tick * 100.0, "\u{a0}%"),
        Unit::Probability => (tick * 100.0, "%"),
        _ => return quantity(tick, unit, lang),
    };
    format!("{}{suffix}", trimmed(value, lang))
}

/// A parameter's drawn values in one group: median (p5–p95), in what its box shows.
fn group_cell(spec: &ParamSpec, s: Summary, lang: Lang) -> String {
    let value = |v: f64| {
        let shown = shown_value(spec, v);
        if spec.unit == "year" {
            trimmed((shown * 10.0).round() / 10.0, lang)
        } else {
            significant(shown, lang)
        }
    };
    format!(
        "{} ({}–{})\u{a0}{}",
        value(s.p50),
        value(s.p5),
        value(s.p95),
        unit_label(spec.unit, lang)
    )
}

/// What would have to be true: `[data-panel=discover]`, the top parameters' medians and
/// ranges in both groups, or why the draws cannot be split.
fn discovery_block(p: &Panel) -> String {
    let lang = p.lang;
    let heading = format!(
        "<h3>{}</h3>",
        escape(tr(lang, "What would have to be true"))
    );
    let d = match p.discovery {
        Ok(d) => d,
        Err(unmet) => {
            let (template, min, max) = match *unmet {
                Unmet::NoRun => (tr(lang, "No draws to read."), 0.0, 0.0),
                Unmet::NoDraw { min, max } => (
                    tr(lang, "No draw meets this outcome: in {year} the draws run from {min} to {max}."),
                    min,
                    max,
                ),
                Unmet::EveryDraw { min, max } => (
                    tr(lang, "Every draw meets this outcome: in {year} the draws run from {min} to {max}."),
                    min,
                    max,
                ),
            };
            let unit = p.metric.unit();
            let text = fill(
                template,
                &[
                    ("year", &p.year.to_string()),
                    ("min", &quantity(min, unit, lang)),
                    ("max", &quantity(max, unit, lang)),
                ],
            );
            return format!(
                "<div data-panel=\"discover\">{heading}<p class=\"outcome-unmet\">{}</p></div>",
                escape(&text)
            );
        }
    };
    let intro = fill(
        tr(lang, "The {holding} draws where the outcome happens against the {rest} others: each uncertain parameter's median and 90% range in both groups, the most different first. The distance is Kolmogorov–Smirnov's (0: the same values; 1: no overlap)."),
        &[
            ("holding", &count(d.holding as u64, lang)),
            ("rest", &count(d.rest as u64, lang)),
        ],
    );
    let columns = [
        tr(lang, "Parameter"),
        tr(lang, "Where it happens"),
        tr(lang, "In the others"),
        tr(lang, "Distance"),
    ];
    let mut rows = String::new();
    for split in d.parameters.iter().take(TABLE_ROWS) {
        let spec = compute_demand_web::i18n::country().param(split.param);
        // Each cell names its column (`data-label`): a phone stacks the cells under the
        // parameter and shows the names (style.css).
        rows += &format!(
            "<tr data-param=\"{}\"><th scope=\"row\">{}</th><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td></tr>",
            spec.key,
            escape(param_label(spec, lang)),
            escape(columns[1]),
            escape(&group_cell(spec, split.holds, lang)),
            escape(columns[2]),
            escape(&group_cell(spec, split.rest, lang)),
            escape(columns[3]),
            significant(split.distance, lang)
        );
    }
    let chance_note = fill(
        tr(lang, "A distance below {distance} is within what chance alone gives groups of these sizes (5% level)."),
        &[("distance", &significant(d.chance_distance(), lang))],
    );
    format!(
        "<div data-panel=\"discover\">{heading}<p>{}</p><div class=\"table-scroll\"><table class=\"discover-table\">\
         <thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\
         <tbody>{rows}</tbody></table></div><p class=\"note\">{}</p>\
         <div class=\"chart-downloads\"><button type=\"button\" data-csv=\"discover\" title=\"{csv}\" aria-label=\"{csv}\">CSV</button></div></div>",
        escape(&intro),
        escape(columns[0]),
        escape(columns[1]),
        escape(columns[2]),
        escape(columns[3]),
        escape(&chance_note),
        csv = escape(tr(lang, "Download every parameter's split (CSV)")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcome::{curves, default_condition};
    use compute_demand_core::input::scenario::Scenario;
    use compute_demand_core::{discover, Exceedance, Sampling, Simulator};

    fn panel_markup(metric: Metric, lang: Lang, level_text: &str) -> String {
        let scenario = Scenario::default();
        let mut simulator = Simulator::new();
        let sampling = Sampling {
            samples: 500,
            ..scenario.sampling
        };
        simulator.simulate(&scenario.model(), &scenario, sampling);
        let drawn = curves(simulator.last(), metric, 2030);
        let condition = default_condition(metric, &Exceedance::of(simulator.last(), metric, 2030));
        let discovery = discover(&mut simulator, metric, 2030, condition);
        let p = Panel {
            metric,
            year: 2030,
            lang,
            side: Side::Above,
            level_text,
            refusal: None,
            condition,
            chance: drawn[0].exceedance.chance_of(condition),
            curves: &drawn,
            pinned: None,
            draws: 500,
            discovery: &discovery,
            narrow: false,
        };
        panel(&p)
    }

    #[test]
    fn the_panel_holds_its_parts() {
        let markup = panel_markup(Metric::FacilityPowerMw, Lang::En, "300");
        for part in [
            "data-side=\"above\" aria-pressed=\"true\"",
            "id=\"outcome-level\"",
            "data-chance=\"",
            "id=\"chart-exceedance\"",
            "data-series=\"chosen\"",
            "data-series=\"all-on-sites\"",
            "data-series=\"supply\"",
            "<line data-level=\"",
            "data-download=\"png\" data-chart=\"exceedance\"",
            "data-csv=\"exceedance\"",
            "data-panel=\"discover\"",
            "data-csv=\"discover\"",
        ] {
            assert!(markup.contains(part), "no {part}");
        }
        assert_eq!(markup.matches("<tr data-param=").count(), TABLE_ROWS);
        for bad in ["NaN", "\"inf\"", "\"-inf\"", ">inf<", " inf ", "—"] {
            assert!(!markup.contains(bad), "{bad} in the markup");
        }
    }

    /// A pinned scenario's curves are drawn dashed, named in the legend, and its chance said.
    #[test]
    fn a_pinned_scenario_is_drawn_and_said() {
        let exceedance = Exceedance::of_figures([1.0, 2.0, 4.0]);
        let curves = [Curve {
            series: Series::Chosen,
            points: exceedance.curve(3),
            exceedance,
        }];
        let discovery = Err(Unmet::NoRun);
        let p = Panel {
            metric: Metric::CoverageRatio,
            year: 2030,
            lang: Lang::En,
            side: Side::Below,
            level_text: "1",
            refusal: None,
            condition: Condition::Below(1.0),
            curves: &curves,
            pinned: Some((&curves, 0.25)),
            chance: 0.0,
            draws: 3,
            discovery: &discovery,
            narrow: true,
        };
        let markup = panel(&p);
        assert_eq!(markup.matches("data-series=\"pinned\"").count(), 1);
        assert!(markup.contains(">pinned</text>"), "the legend names it");
        assert!(chance_sentence(&p).ends_with(" Pinned scenario: 25.0%."));
        assert!(
            markup.contains("No draws to read."),
            "an unmet outcome is said"
        );
    }

    #[test]
    fn typed_text_is_escaped() {
        let markup = panel_markup(Metric::CoverageRatio, Lang::En, "<b>\"x");
        assert!(markup.contains("value=\"&lt;b&gt;&quot;x\""));
        assert!(!markup.contains("<b>"));
        assert!(markup.contains("data-series=\"chosen\"") && !markup.contains("all-on-sites"));
    }

    /// A figure positive in every draw gets a log axis over its curves' body and the level;
    /// a probability a linear one from 0.
    #[test]
    fn level_axes() {
        let curve = |draws: &[f32]| {
            let exceedance = Exceedance::of_figures(draws.iter().copied());
            Curve {
                series: Series::Chosen,
                points: exceedance.curve(101),
                exceedance,
            }
        };
        let frame = frame(false, 1);
        let spread: Vec<f32> = (1..=1000).map(|i| i as f32).collect();
        let log = LevelScale::of(&frame, &[curve(&spread)], 3000.0, Unit::Megawatts);
        // The lowest 0.5% of the draws (1 to 5) left out; the level (3,000) in.
        assert_eq!(
            log,
            LevelScale::Log(LogScale {
                decades: (1, 4),
                range: (52.0, 610.0)
            })
        );
        assert_eq!(log.ticks(false), [10.0, 100.0, 1000.0, 10000.0]);
        let zero_one = curve(&[0.0, 1.0, 1.0]);
        let linear = LevelScale::of(&frame, &[zero_one], 0.5, Unit::Probability);
        assert!(!linear.is_log());
        assert_eq!(linear.map(-3.0), frame.plot_left(), "held to the axis");
        let short = LevelScale::Log(LogScale {
            decades: (1, 2),
            range: (0.0, 1.0),
        });
        assert_eq!(short.ticks(false), [10.0, 20.0, 50.0, 100.0]);
    }

    #[test]
    fn the_curve_runs_from_one_to_zero() {
        let curve = Curve {
            series: Series::Chosen,
            exceedance: Exceedance::of_figures([1.0, 2.0, 3.0]),
            points: Exceedance::of_figures([1.0, 2.0, 3.0]).curve(3),
        };
        let frame = Frame {
            width: 400.0,
            height: 100.0,
            left: 0.0,
            right: 0.0,
            top: 0.0,
            bottom: 0.0,
        };
        let x = LevelScale::Linear(LinearScale {
            domain: (0.0, 4.0),
            range: (0.0, 400.0),
        });
        let y = LinearScale {
            domain: (0.0, 1.0),
            range: (100.0, 0.0),
        };
        // 1 from 0 to the smallest draw, 2/3 above 1, 1/3 above 2, 0 above 3, on to the end.
        assert_eq!(
            curve_path(&curve, &frame, &x, &y),
            "M0 0 L100 0 L100 33.3 L200 66.7 L300 100 L400 100"
        );
    }
}
