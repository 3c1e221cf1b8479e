//! Chart geometry: scales, ticks and SVG paths, as pure functions tested natively. The chart
//! components only place what these compute.

/// A chart's viewBox before its legend, width and height: on a narrow screen narrower, so that
/// the text, scaled with the chart, stays legible, and lower, so that the chart fits a phone's
/// first screen under the answer. The trend charts and the outcome views' share it.
pub fn chart_size(narrow: bool) -> (f64, f64) {
    if narrow {
        (400.0, 260.0)
    } else {
        (640.0, 300.0)
    }
}

/// The drawing area inside an SVG's viewBox, with room for axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub fn plot_left(&self) -> f64 {
        self.left
    }
    pub fn plot_right(&self) -> f64 {
        self.width - self.right
    }
    pub fn plot_top(&self) -> f64 {
        self.top
    }
    pub fn plot_bottom(&self) -> f64 {
        self.height - self.bottom
    }
    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", number(self.width), number(self.height))
    }
}

/// Maps a value range onto a pixel range, linearly.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl LinearScale {
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// Round-number ticks from 0 to the domain's top: 1, 2 or 5 × 10^k apart.
    pub fn ticks(&self, wanted: usize) -> Vec<f64> {
        let step = nice_step(self.domain.1 - self.domain.0, wanted);
        let mut ticks = Vec::new();
        let mut tick = (self.domain.0 / step).ceil() * step;
        while tick <= self.domain.1 + step * 1e-9 {
            ticks.push(tick);
            tick += step;
        }
        ticks
    }
}

/// A step of 1, 2 or 5 × 10^k that cuts `span` into about `wanted` parts.
pub fn nice_step(span: f64, wanted: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / wanted.max(1) as f64;
    let magnitude = 10f64.powi(raw.log10().floor() as i32);
    let fraction = raw / magnitude;
    // Round to the nearest of 1, 2, 5, 10 on a log scale (the thresholds are their
    // geometric midpoints), as d3's ticks do.
    let nice = if fraction >= 50f64.sqrt() {
        10.0
    } else if fraction >= 10f64.sqrt() {
        5.0
    } else if fraction >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    nice * magnitude
}

/// The smallest 1, 2 or 5 × 10^k at or above `value` (and above zero).
pub fn nice_ceiling(value: f64) -> f64 {
    if !(value.is_finite() && value > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powi(value.log10().floor() as i32);
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|&v| v >= value * (1.0 - 1e-12))
        .unwrap_or(10.0 * magnitude)
}

/// Maps positive values onto pixels on a log10 axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LogScale {
    /// Powers of ten at the ends of the axis.
    pub decades: (i32, i32),
    pub range: (f64, f64),
}

impl LogScale {
    /// The decades that hold every value in `values` (positive ones; others are ignored).
    pub fn covering(values: impl IntoIterator<Item = f64>, range: (f64, f64)) -> LogScale {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        for value in values.into_iter().filter(|v| v.is_finite() && *v > 0.0) {
            low = low.min(value);
            high = high.max(value);
        }
        if !low.is_finite() {
            return LogScale {
                decades: (0, 1),
                range,
            };
        }
        let bottom = low.log10().floor() as i32;
        let top = (high.log10().ceil() as i32).max(bottom + 1);
        LogScale {
            decades: (bottom, top),
            range,
        }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = (f64::from(self.decades.0), f64::from(self.decades.1));
        let position = if value > 0.0 {
            value.log10().clamp(d0, d1)
        } else {
            d0
        };
        let (r0, r1) = self.range;
        r0 + (position - d0) / (d1 - d0) * (r1 - r0)
    }

    /// One tick per power of ten.
    pub fn ticks(&self) -> Vec<f64> {
        (self.decades.0..=self.decades.1)
            .map(|k| 10f64.powi(k))
            .collect()
    }
}

/// How a parameter's slider track maps to its values. A track is logarithmic when its
/// values span more than [`LOG_SPAN`]×: its positions are then log10 of the values, so that
/// each decade gets the same length. A track from 0 of a quantity (not a share, not a number
/// of years) runs over the top [`ZERO_DECADES`] decades below its maximum on a log scale, its
/// left end standing for 0 itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Track {
    /// Positions are the values.
    Linear { min: f64, max: f64, step: f64 },
    /// Positions are log10 of the values from `low` to `high`; with `zero`, the left end is 0.
    Log { low: f64, high: f64, zero: bool },
}

/// The widest span (max ÷ min) a linear track keeps.
pub const LOG_SPAN: f64 = 20.0;
/// Decades of a log track from 0: its left end stands for 0, the next step for max ÷ 1000.
pub const ZERO_DECADES: i32 = 3;
/// Steps along a log track.
const LOG_STEPS: f64 = 1000.0;

impl Track {
    /// The track of a parameter from `min` to `max`, moved by `step`, in `unit`, whose
    /// values are typically near `typical` (its baseline): a share or a delay from 0 is
    /// linear unless its typical value would sit in the first twentieth of the track. A growth
    /// rate is on a log track whatever its span: growth compounds, and on a linear track from
    /// 1 to 10×/yr its likely values (1.5 to 3) would fill a sixth of it.
    pub fn of(min: f64, max: f64, step: f64, unit: &str, typical: f64) -> Track {
        let crowded = min == 0.0 && max > 0.0 && typical > 0.0 && typical < 0.05 * max;
        let growth = unit == "×/yr" && min > 0.0;
        if min > 0.0 && (max / min > LOG_SPAN || growth) {
            Track::Log {
                low: min,
                high: max,
                zero: false,
            }
        } else if crowded || (min == 0.0 && max > 0.0 && !matches!(unit, "share" | "years")) {
            Track::Log {
                low: max / 10f64.powi(ZERO_DECADES),
                high: max,
                zero: true,
            }
        } else {
            Track::Linear { min, max, step }
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self, Track::Log { .. })
    }

    /// The input's `min`, `max` and `step`, as positions.
    pub fn bounds(&self) -> (f64, f64, f64) {
        match *self {
            Track::Linear { min, max, step } => (min, max, step),
            Track::Log { low, high, .. } => {
                let (from, to) = (low.log10(), high.log10());
                (from, to, (to - from) / LOG_STEPS)
            }
        }
    }

    /// Where `value` sits: the position the input takes (clamped to the track).
    pub fn position(&self, value: f64) -> f64 {
        match *self {
            Track::Linear { min, max, .. } => value.clamp(min, max),
            Track::Log { low, high, .. } => value.clamp(low, high).log10(),
        }
    }

    /// The value at `position`: on a log track 10^position, to four significant figures (so
    /// that a link carries 31.62 rather than 31.622776601683793), and 0 at the left end of a
    /// track from 0.
    pub fn value(&self, position: f64) -> f64 {
        match *self {
            Track::Linear { .. } => position,
            Track::Log { low, high, zero } => {
                let (from, to) = (low.log10(), high.log10());
                let position = position.clamp(from, to);
                if zero && position <= from {
                    0.0
                } else {
                    significant_figures(ten_to(position), 4).clamp(low, high)
                }
            }
        }
    }

    /// How far along the track `value` sits: 0 at the left end, 1 at the right.
    pub fn fraction(&self, value: f64) -> f64 {
        let (from, to, _) = self.bounds();
        if to <= from {
            return 0.0;
        }
        (self.position(value) - from) / (to - from)
    }
}

/// 10^x by the core's own exp (std's `powf` would add its software pow to the bundle).
fn ten_to(x: f64) -> f64 {
    compute_demand_core::sim::stats::exp(x * std::f64::consts::LN_10)
}

/// `value` rounded to `digits` significant figures.
pub fn significant_figures(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    // Scale by an exact power of ten (10^k, k ≥ 0) each way: 1e-5 is not exact in binary,
    // and 1235 / 1e5 would read 123499999.99999999.
    let shift = digits - 1 - magnitude;
    if shift >= 0 {
        let factor = 10f64.powi(shift);
        (value * factor).round() / factor
    } else {
        let factor = 10f64.powi(-shift);
        (value / factor).round() * factor
    }
}

/// Where a horizontal bar chart puts its rows: beside a column of labels on a wide screen,
/// under their labels on a narrow one (where a label column would leave each label a few
/// words).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarLayout {
    pub frame: Frame,
    /// How wide a label may be, px: the column left of the bars, or the frame's width above
    /// them.
    pub label_px: f64,
    pub labels_above: bool,
}

impl BarLayout {
    /// The layout of `bars` rows.
    pub fn new(narrow: bool, bars: usize) -> BarLayout {
        let (width, left, label_px) = if narrow {
            (400.0, 8.0, 384.0)
        } else {
            (640.0, 250.0, 236.0)
        };
        let mut layout = BarLayout {
            frame: Frame {
                width,
                height: 0.0,
                left,
                right: 70.0,
                top: 10.0,
                bottom: 24.0,
            },
            label_px,
            labels_above: narrow,
        };
        layout.frame.height = 40.0 + layout.row() * bars.max(1) as f64;
        layout
    }

    fn row(&self) -> f64 {
        if self.labels_above {
            40.0
        } else {
            28.0
        }
    }

    /// The top of row `i`'s bar, which is 16 high.
    pub fn bar_top(&self, i: usize) -> f64 {
        let offset = if self.labels_above { 18.0 } else { 5.0 };
        self.frame.plot_top() + self.row() * i as f64 + offset
    }

    /// Where row `i`'s label is written: x, baseline, and text-anchor.
    pub fn label_at(&self, i: usize) -> (f64, f64, &'static str) {
        let bar = self.bar_top(i);
        if self.labels_above {
            (self.frame.plot_left(), bar - 5.0, "start")
        } else {
            (self.frame.plot_left() - 8.0, bar + 12.0, "end")
        }
    }
}

/// A bar from `origin` to `value` on `scale`: its left edge and its width, at least a pixel
/// so that a bar at the origin still shows.
pub fn bar_span(scale: &LinearScale, origin: f64, value: f64) -> (f64, f64) {
    let (from, to) = (scale.map(origin), scale.map(value));
    (from.min(to), (to - from).abs().max(1.0))
}

/// The text-anchor that keeps a label written at `x` inside a chart `width` wide: centred in
/// the middle, from its start near the left edge, to its end near the right.
pub fn anchor_within(x: f64, width: f64) -> &'static str {
    if x < width * 0.3 {
        "start"
    } else if x > width * 0.7 {
        "end"
    } else {
        "middle"
    }
}

/// The width of `text` in ems as a sans-serif font sets it, estimated by character class from
/// DejaVu Sans (the font Debian's browsers fall back to, wider than most) and rounded up, so
/// that a label cut to a width stays inside it: a count of characters let "Google DeepMind:
/// active parameters per run" run out of the tornado's label column, where capitals and
/// `m`s are wide.
pub fn text_width_em(text: &str) -> f64 {
    text.chars().map(char_width_em).sum()
}

/// One character's width in ems, as [`text_width_em`] estimates it.
fn char_width_em(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | 'I' | '.' | ',' | ';' | '\'' | '|' | '!' => 0.3,
        ' ' => 0.32,
        ':' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.42,
        'm' | 'w' | 'M' | 'W' | '—' | '…' | '%' => 1.0,
        'A'..='Z' => 0.79,
        _ => 0.64,
    }
}

/// `label` cut to fit `width_px` at a font of `font_px`, the last character an ellipsis when
/// cut.
pub fn fit_label(label: &str, width_px: f64, font_px: f64) -> String {
    let room = width_px / font_px;
    if text_width_em(label) <= room {
        return label.to_string();
    }
    let mut cut = String::new();
    let mut used = char_width_em('…');
    for c in label.chars() {
        used += char_width_em(c);
        if used > room {
            break;
        }
        cut.push(c);
    }
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// A number for an SVG or HTML attribute: the shortest text that reads back to it, as `{}`
/// writes it (the core's `plain_number`, which keeps std's float formatter out of the
/// bundle).
pub fn number(value: f64) -> String {
    compute_demand_core::input::notation::plain_number(value)
}

/// A path's coordinate, to a tenth.
pub fn coordinate(value: f64) -> String {
    number((value * 10.0).round() / 10.0)
}

/// `M x y L x y …` through the points.
pub fn line_path(points: &[(f64, f64)]) -> String {
    let mut path = String::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        path.push_str(if i == 0 { "M" } else { " L" });
        path.push_str(&format!("{} {}", coordinate(x), coordinate(y)));
    }
    path
}

/// A diamond ten units across centred on (x, y): a published forecast's marker.
pub fn diamond(x: f64, y: f64) -> String {
    let mut path = line_path(&[(x, y - 5.0), (x + 5.0, y), (x, y + 5.0), (x - 5.0, y)]);
    path.push_str(" Z");
    path
}

/// A closed band: along `upper`, then back along `lower`.
pub fn band_path(upper: &[(f64, f64)], lower: &[(f64, f64)]) -> String {
    if upper.is_empty() {
        return String::new();
    }
    let back: Vec<(f64, f64)> = lower.iter().rev().copied().collect();
    let mut path = line_path(upper);
    for &(x, y) in &back {
        path.push_str(&format!(" L{} {}", coordinate(x), coordinate(y)));
    }
    path.push_str(" Z");
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_scale_and_ticks() {
        let scale = LinearScale {
            domain: (0.0, 200.0),
            range: (300.0, 20.0),
        };
        let table = [(0.0, 300.0), (100.0, 160.0), (200.0, 20.0)];
        for (value, pixel) in table {
            assert_eq!(scale.map(value), pixel, "{value}");
        }
        assert_eq!(scale.ticks(4), vec![0.0, 50.0, 100.0, 150.0, 200.0]);
    }

    #[test]
    fn nice_numbers() {
        let table = [
            (0.87, 1.0),
            (1.0, 1.0),
            (1.2, 2.0),
            (3.0, 5.0),
            (7.5, 10.0),
            (4200.0, 5000.0),
            (0.0, 1.0),
            (f64::NAN, 1.0),
        ];
        for (value, expected) in table {
            assert_eq!(nice_ceiling(value), expected, "{value}");
        }
        let steps = [
            ((0.0, 10.0), 5, 2.0),
            ((0.0, 1000.0), 4, 200.0),
            ((0.0, 0.0), 4, 1.0),
        ];
        for ((low, high), wanted, expected) in steps {
            assert_eq!(nice_step(high - low, wanted), expected);
        }
    }

    #[test]
    fn log_scale_covers_its_values() {
        let scale = LogScale::covering([3.0, 450.0, 0.0, -2.0], (100.0, 0.0));
        assert_eq!(scale.decades, (0, 3));
        assert_eq!(scale.ticks(), vec![1.0, 10.0, 100.0, 1000.0]);
        let table = [(1.0, 100.0), (1000.0, 0.0), (0.0, 100.0), (1e9, 0.0)];
        for (value, pixel) in table {
            assert!(
                (scale.map(value) - pixel).abs() < 1e-9,
                "{value} → {}",
                scale.map(value)
            );
        }
        assert_eq!(LogScale::covering([], (0.0, 1.0)).decades, (0, 1));
    }

    #[test]
    fn bar_charts() {
        // (narrow, bars, width, height, label chars, the second bar's top, its label)
        let table = [
            (false, 10, 640.0, 320.0, 236.0, 43.0, (242.0, 55.0, "end")),
            (true, 10, 400.0, 440.0, 384.0, 68.0, (8.0, 63.0, "start")),
            (false, 0, 640.0, 68.0, 236.0, 43.0, (242.0, 55.0, "end")),
        ];
        for (narrow, bars, width, height, label_px, top, label) in table {
            let layout = BarLayout::new(narrow, bars);
            let frame = layout.frame;
            let row = (frame.width, frame.height, layout.label_px);
            assert_eq!(row, (width, height, label_px), "{narrow} {bars}");
            // The label column ends 8 px left of the bars and starts inside the frame.
            assert!(narrow || label.0 - layout.label_px >= 0.0);
            assert_eq!((layout.bar_top(1), layout.label_at(1)), (top, label));
            // The label sits above its bar on a narrow screen, beside it on a wide one.
            assert_eq!(label.1 < top, narrow);
        }
        // A rank axis from −1 to 1 over 100..300 px: (origin, value, left edge, width).
        let scale = LinearScale {
            domain: (-1.0, 1.0),
            range: (100.0, 300.0),
        };
        assert_eq!(scale.ticks(4), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
        let spans = [
            (0.0, 0.5, 200.0, 50.0),
            (0.0, -0.25, 175.0, 25.0),
            (0.0, -1.0, 100.0, 100.0),
            (0.0, 0.0, 200.0, 1.0),
            (0.5, -0.5, 150.0, 100.0),
        ];
        for (origin, value, left, width) in spans {
            assert_eq!(bar_span(&scale, origin, value), (left, width), "{value}");
        }
        let anchors = [(10.0, "start"), (200.0, "middle"), (390.0, "end")];
        for (x, anchor) in anchors {
            assert_eq!(anchor_within(x, 400.0), anchor, "{x}");
        }
        // (label, width px at 11 px, what shows)
        let fits = [
            ("Frontier growth", 200.0, "Frontier growth"),
            ("Frontier growth", 50.0, "Fronti…"),
            ("Énergie", 50.0, "Énergie"),
            // Cut at a space, the space goes.
            ("Frontier labs growth", 64.0, "Frontier…"),
            (
                "Google DeepMind: active parameters per run",
                236.0,
                "Google DeepMind: active parameters…",
            ),
        ];
        for (label, width, shown) in fits {
            assert_eq!(
                fit_label(label, width, 11.0),
                shown,
                "{label} in {width} px"
            );
            assert!(text_width_em(shown) * 11.0 <= width, "{shown}");
        }
    }

    #[test]
    fn slider_tracks() {
        // (min, max, step, unit, log?)
        // (min, max, step, unit, typical value) → a log track
        let kinds = [
            (1.0, 10.0, 0.1, "×/yr", 2.0, true),
            (1.0, 20.0, 0.1, "×", 2.0, false),
            (0.1, 1000.0, 1.0, "B params", 50.0, true),
            (0.01, 0.9, 0.01, "share", 0.1, true),
            (0.0, 1.0, 0.01, "share", 0.3, false),
            (0.0, 1.0, 0.01, "share", 0.01, true),
            (0.0, 6.0, 0.1, "years", 1.0, false),
            (0.0, 200.0, 0.5, "M users", 30.0, true),
            (-2.0, 4.0, 0.1, "years", 1.0, false),
        ];
        for (min, max, step, unit, typical, log) in kinds {
            assert_eq!(
                Track::of(min, max, step, unit, typical).is_log(),
                log,
                "{min}..{max} {unit}"
            );
        }
        let linear = Track::of(1.0, 10.0, 0.1, "×", 2.0);
        assert_eq!(linear.bounds(), (1.0, 10.0, 0.1));
        assert_eq!((linear.position(3.0), linear.value(3.0)), (3.0, 3.0));
        assert_eq!(linear.position(12.0), 10.0);
        // A log track from 0.1 to 1000: (value, position, value read back).
        let log = Track::of(0.1, 1000.0, 1.0, "B params", 50.0);
        let (from, to, step) = log.bounds();
        assert_eq!((from, to), (-1.0, 3.0));
        assert!((step - 0.004).abs() < 1e-12);
        let table = [
            (0.1, -1.0, 0.1),
            (1.0, 0.0, 1.0),
            (54.0, 54f64.log10(), 54.0),
            (1000.0, 3.0, 1000.0),
            (5000.0, 3.0, 1000.0),
            (0.0, -1.0, 0.1),
        ];
        for (value, position, back) in table {
            assert!((log.position(value) - position).abs() < 1e-12, "{value}");
            assert_eq!(log.value(log.position(value)), back, "{value}");
        }
        assert_eq!(log.value(0.5), 3.162, "four significant figures");
        assert_eq!(log.value(-7.0), 0.1, "clamped to the track");
        assert!((log.fraction(10.0) - 0.5).abs() < 1e-12);
        // A track from 0 of 200 M users: 0.2 to 200 on a log scale, 0 at the left end.
        let zero = Track::of(0.0, 200.0, 0.5, "M users", 30.0);
        let (from, to, _) = zero.bounds();
        assert!((from - 0.2f64.log10()).abs() < 1e-12 && (to - 200f64.log10()).abs() < 1e-12);
        let table = [
            (from, 0.0),
            (from + 0.003, 0.2014),
            (0.0, 1.0),
            (1.0, 10.0),
            (to, 200.0),
        ];
        for (position, value) in table {
            assert_eq!(zero.value(position), value, "{position}");
        }
        assert_eq!(zero.position(0.0), from, "0 sits at the left end");
        assert_eq!(zero.fraction(0.0), 0.0);
        assert!((zero.fraction(20.0) - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn every_baseline_sits_well_inside_its_track() {
        for spec in compute_demand_core::PARAMS.iter() {
            let baseline = spec.baseline.median();
            let track = Track::of(spec.min, spec.max, spec.step, spec.unit, baseline);
            let at = track.fraction(baseline);
            assert!(
                (0.05..=0.95).contains(&at),
                "{}: its baseline sits at {:.1}% of its track",
                spec.key,
                at * 100.0
            );
        }
    }

    #[test]
    fn paths() {
        assert_eq!(line_path(&[(0.0, 1.0), (10.04, 20.06)]), "M0 1 L10 20.1");
        assert_eq!(
            band_path(&[(0.0, 1.0), (2.0, 3.0)], &[(0.0, 5.0), (2.0, 6.0)]),
            "M0 1 L2 3 L2 6 L0 5 Z"
        );
        assert_eq!(band_path(&[], &[]), "");
    }
}
