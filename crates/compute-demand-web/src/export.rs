//! What a chart and a link carry when they leave the page: the figure file (the chart's own
//! SVG wrapped with its title, the scenario, the source line, the licence and the permalink,
//! all drawn inside the image), the embed's iframe code, and the page's address for a
//! fragment. Pure string building: no browser here, so it is tested natively.

use crate::i18n::{colon, texts};
use compute_demand_core::input::decimal::parse_decimal;
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::Lang;
use compute_demand_core::output::report::DATA_LICENCE;

/// The app's version, as the source line, the footer and a citation give it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The code's licence (the workspace's SPDX expression).
pub const CODE_LICENCE: &str = env!("CARGO_PKG_LICENSE");

/// How wide an exported figure is, in SVG units; the PNG is drawn at [`PNG_SCALE`] times that,
/// in pixels.
pub const WIDTH: f64 = 1200.0;
pub const PNG_SCALE: f64 = 2.0;
const MARGIN: f64 = 32.0;
/// The title's and the subtitle's font size, line spacing and characters per line (an average
/// character is about 0.6 of the size in bold, 0.56 in regular).
const TITLE: (f64, f64, usize) = (26.0, 32.0, 72);
const SUBTITLE: (f64, f64, usize) = (17.0, 22.0, 119);
/// Characters of the permalink per line, and lines at most (the whole link is the figure's
/// hyperlink either way).
const LINK_CHARS: usize = 150;
const LINK_LINES: usize = 8;

/// A chart file's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub const ALL: [ImageFormat; 2] = [ImageFormat::Png, ImageFormat::Svg];
    /// The file extension, and the button's `data-download`.
    pub fn key(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// The id of the chart's `<svg>` on the page.
pub fn dom_id(chart: ChartId) -> String {
    format!("chart-{}", chart.key())
}

pub fn file_name(chart: ChartId, format: ImageFormat) -> String {
    format!("compute-demand-{}.{}", chart.key(), format.key())
}

/// "Source: compute-demand 0.1.0, data as of 2026-06".
pub fn source_line(lang: Lang) -> String {
    let t = texts(lang);
    format!(
        "{}{}compute-demand {VERSION}, {} {}",
        t.source(),
        colon(lang),
        t.data_as_of(),
        crate::i18n::country().data_as_of
    )
}

/// The source line and the licence of data and figures.
pub fn credit_line(lang: Lang) -> String {
    format!("{} · {DATA_LICENCE}", source_line(lang))
}

/// The page's address (`current`, with or without a fragment) with `fragment` as its
/// fragment: absolute, so it works from whatever host and sub-path the app is served.
pub fn page_url(current: &str, fragment: &str) -> String {
    let base = current.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// The embed's height in the iframe code, px: the main chart's embed, chart unshrunk, at
/// 400 px wide in French, the taller language (measured: 637 px; English 587). Narrower or
/// with a longer sentence, the chart shrinks so that the sentence and the source still fit
/// (style.css; tests/e2e/feedback.test.mjs holds both at 400 and 320 px).
pub const EMBED_HEIGHT: u32 = 640;

/// The HTML that embeds `url` (a link with `embed=`) in another page.
pub fn iframe_code(url: &str) -> String {
    format!(
        "<iframe src=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT}\" style=\"border:0;max-width:100%\" title=\"compute-demand\" loading=\"lazy\"></iframe>",
        escape(url)
    )
}

/// Text for XML and HTML, in content and in attributes; control characters, which XML cannot
/// hold, are left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// What is written around the chart.
pub struct Caption<'a> {
    pub title: &'a str,
    /// The scenario's name (or its preset's label) and the year.
    pub subtitle: &'a str,
    /// Swatches that the page draws outside the chart's SVG: colour and label.
    pub legend: &'a [(&'static str, String)],
    /// The source line and the licence ([`credit_line`]).
    pub credit: &'a str,
    pub permalink: &'a str,
}

/// An exported figure: its SVG, and the size it asks to be drawn at.
#[derive(Debug)]
pub struct Figure {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

use crate::geometry::coordinate as n;

/// The chart's `viewBox` (its width and height), read from its opening tag.
fn view_box(chart: &str) -> Option<(f64, f64)> {
    let tag = &chart[..chart.find('>')?];
    let at = tag.find("viewBox=\"")? + "viewBox=\"".len();
    let values: Vec<f64> = tag[at..]
        .split('"')
        .next()?
        .split([' ', ','])
        .filter(|v| !v.is_empty())
        .map(parse_decimal)
        .collect::<Option<_>>()?;
    match values[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => Some((width, height)),
        _ => None,
    }
}

/// `text` at (`x`, `y`).
fn text(x: f64, y: f64, attributes: &str, content: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" {attributes}>{}</text>",
        n(x),
        n(y),
        escape(content)
    )
}

/// `content` cut at spaces into lines of at most `chars` characters (a longer word stands
/// alone); every line but the last keeps its space, so the lines read as `content`.
fn wrap(content: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in content.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    let count = lines.len();
    for line in &mut lines[..count.saturating_sub(1)] {
        line.push(' ');
    }
    lines
}

/// `content` wrapped into lines from the baseline `y`: the markup and the last baseline.
fn block(
    y: f64,
    (size, leading, chars): (f64, f64, usize),
    style: &str,
    content: &str,
) -> (String, f64) {
    let lines = wrap(content, chars);
    let spans: String = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let dy = if i == 0 { 0.0 } else { leading };
            format!(
                "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                n(MARGIN),
                n(dy),
                escape(line)
            )
        })
        .collect();
    let markup = format!(
        "<text y=\"{}\" font-size=\"{}\" {style}>{spans}</text>",
        n(y),
        n(size)
    );
    (markup, y + leading * (lines.len() - 1) as f64)
}

/// The legend's swatches, wrapped to the width; the markup and the baseline of its last row.
fn legend(items: &[(&'static str, String)], mut y: f64) -> (String, f64) {
    let mut out = String::new();
    let mut x = MARGIN;
    for (colour, label) in items {
        let width = 20.0 + 15.0 * 0.56 * label.chars().count() as f64;
        if x > MARGIN && x + width > WIDTH - MARGIN {
            x = MARGIN;
            y += 24.0;
        }
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\"/>",
            n(x),
            n(y - 12.0),
            escape(colour)
        ));
        out.push_str(&text(x + 20.0, y, "font-size=\"15\" fill=\"#333\"", label));
        x += width + 24.0;
    }
    (out, y)
}

/// The permalink, cut into lines, as one hyperlinked text: its characters in order, so the
/// text reads as the link.
fn permalink(url: &str, y: f64) -> (String, f64) {
    let chars: Vec<char> = url.chars().collect();
    let lines: Vec<String> = chars
        .chunks(LINK_CHARS)
        .map(|chunk| chunk.iter().collect())
        .collect();
    let shown = lines.len().clamp(1, LINK_LINES);
    let spans: String = lines
        .iter()
        .take(shown)
        .enumerate()
        .map(|(i, line)| {
            let more = if i + 1 == shown && lines.len() > shown {
                "…"
            } else {
                ""
            };
            let dy = if i == 0 { "0" } else { "18" };
            format!(
                "<tspan x=\"{}\" dy=\"{dy}\">{}{more}</tspan>",
                n(MARGIN),
                escape(line)
            )
        })
        .collect();
    let markup = format!(
        "<a href=\"{}\"><text y=\"{}\" font-size=\"13\" fill=\"#1d4ed8\" data-permalink=\"\">{spans}</text></a>",
        escape(url),
        n(y)
    );
    (markup, y + 18.0 * (shown - 1) as f64)
}

/// The chart's markup (`<svg … viewBox="0 0 w h" …>…</svg>`, as the page serialises it) drawn
/// [`WIDTH`] wide under a header (title, scenario and year) and over a footer (the legend the
/// page draws outside the chart, the source line with the licence, the permalink). `scale`
/// sets the size the file asks to be drawn at: 1 for the SVG file, [`PNG_SCALE`] for the PNG.
/// None if the markup is not an SVG with a viewBox.
pub fn figure_svg(chart: &str, caption: &Caption, scale: f64) -> Option<Figure> {
    let chart = chart.trim();
    let rest = chart.strip_prefix("<svg")?;
    let (chart_width, chart_height) = view_box(chart)?;
    let inner_width = WIDTH - 2.0 * MARGIN;
    let inner_height = inner_width * chart_height / chart_width;
    let (title, y) = block(
        48.0,
        TITLE,
        "font-weight=\"700\" fill=\"#111\"",
        caption.title,
    );
    let (subtitle, y) = block(y + 32.0, SUBTITLE, "fill=\"#444\"", caption.subtitle);
    let chart_top = y + 20.0;
    let placed = format!(
        "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" overflow=\"visible\"{rest}",
        n(MARGIN),
        n(chart_top),
        n(inner_width),
        n(inner_height)
    );
    let (legend, y) = legend(caption.legend, chart_top + inner_height + 36.0);
    let rule = y + if caption.legend.is_empty() {
        -16.0
    } else {
        18.0
    };
    let credit_y = rule + 28.0;
    let (link, last) = permalink(caption.permalink, credit_y + 24.0);
    let height = (last + 24.0).ceil();
    let header = title + &subtitle;
    let footer = format!(
        "<line x1=\"{m}\" x2=\"{r}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#d4d4d4\"/>{}",
        text(
            MARGIN,
            credit_y,
            "font-size=\"15\" fill=\"#333\" data-source=\"\"",
            caption.credit
        ),
        m = n(MARGIN),
        r = n(WIDTH - MARGIN),
        y = n(rule),
    );
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"Helvetica, Arial, sans-serif\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>{header}{placed}{legend}{footer}{link}</svg>",
        n(WIDTH * scale),
        n(height * scale),
        n(WIDTH),
        n(height),
    );
    Some(Figure {
        svg,
        width: WIDTH * scale,
        height: height * scale,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHART: &str = r#"<svg id="chart-segments" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 300" role="img"><title>T</title><rect width="10" height="10"/></svg>"#;

    fn caption<'a>(permalink: &'a str, legend: &'a [(&'static str, String)]) -> Caption<'a> {
        Caption {
            title: "Demand by segment",
            subtitle: "Mine & yours <2030> · 2030",
            legend,
            credit: "Source: compute-demand 0.1.0, data as of 2026-06 · CC BY 4.0",
            permalink,
        }
    }

    /// The root's attribute `name`, as a number.
    fn root_number(svg: &str, name: &str) -> f64 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn a_figure_wraps_the_chart_with_its_title_scenario_source_licence_and_link() {
        let url = "https://example.org/deep/app/#v1&p=high&n=A%20%3Cb%3E";
        let legend = [("#7c2d12", "Frontier".to_string())];
        let figure = figure_svg(CHART, &caption(url, &legend), 1.0).unwrap();
        let svg = &figure.svg;
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
        assert!(svg.ends_with("</text></a></svg>"), "{svg}");
        assert!(svg.contains(">Demand by segment</tspan></text>"));
        assert!(svg.contains("Mine &amp; yours &lt;2030&gt; · 2030"));
        assert!(svg.contains("data as of 2026-06 · CC BY 4.0"));
        assert!(svg.contains("Frontier"));
        // The link, escaped once, as the hyperlink and as the text of the permalink line.
        let escaped = "https://example.org/deep/app/#v1&amp;p=high&amp;n=A%20%3Cb%3E";
        assert!(svg.contains(&format!("<a href=\"{escaped}\">")));
        assert!(svg.contains(&format!(">{escaped}</tspan>")));
        // The chart is placed 1136 wide at its own aspect ratio, its own attributes kept.
        assert!(svg.contains(
            "<svg x=\"32\" y=\"100\" width=\"1136\" height=\"532.5\" overflow=\"visible\" id=\"chart-segments\""
        ));
        assert_eq!(figure.width, 1200.0);
        assert_eq!(root_number(svg, "height"), figure.height);
        assert!(figure.height > 100.0 + 532.5 + 60.0, "{}", figure.height);
        assert_eq!(svg.matches("<svg").count(), 2);
        assert_eq!(svg.matches("</svg>").count(), 2);
    }

    #[test]
    fn the_png_asks_for_twice_the_pixels_on_the_same_drawing() {
        let one = figure_svg(CHART, &caption("#v1", &[]), 1.0).unwrap();
        let two = figure_svg(CHART, &caption("#v1", &[]), PNG_SCALE).unwrap();
        assert_eq!((two.width, two.height), (2400.0, one.height * 2.0));
        assert_eq!(root_number(&two.svg, "width"), 2400.0);
        let view = format!("viewBox=\"0 0 1200 {}\"", one.height);
        assert!(one.svg.contains(&view) && two.svg.contains(&view));
    }

    #[test]
    fn a_long_permalink_is_cut_into_lines_that_read_as_the_link() {
        let url = format!("https://example.org/#v1&n={}", "x".repeat(400));
        let figure = figure_svg(CHART, &caption(&url, &[]), 1.0).unwrap();
        let start = figure.svg.find("data-permalink=\"\">").unwrap();
        let text: String = figure.svg[start..]
            .split("<tspan ")
            .skip(1)
            .map(|span| {
                span.split_once('>')
                    .unwrap()
                    .1
                    .split("</tspan>")
                    .next()
                    .unwrap()
            })
            .collect();
        assert_eq!(text.replace("&amp;", "&"), url);
        let link_lines = |svg: &str| {
            svg[svg.find("data-permalink").unwrap()..]
                .matches("<tspan")
                .count()
        };
        assert_eq!(link_lines(&figure.svg), 3);
        // A link too long for the figure ends its last line with an ellipsis.
        let url = "x".repeat(LINK_CHARS * 20);
        let figure = figure_svg(CHART, &caption(&url, &[]), 1.0).unwrap();
        assert_eq!(link_lines(&figure.svg), LINK_LINES);
        assert!(figure.svg.contains("x…</tspan>"));
    }

    #[test]
    fn a_long_title_wraps_and_pushes_the_chart_down() {
        let words = "Demand by segment: H100-equivalents (each segment's share of the median total) in a long title";
        assert_eq!(wrap(words, 72).concat(), words);
        assert!(wrap(words, 72)
            .iter()
            .all(|line| line.chars().count() <= 73));
        assert_eq!(wrap("one", 72), ["one"]);
        assert_eq!(
            wrap(&"x".repeat(90), 72).len(),
            1,
            "a long word stands alone"
        );
        let long = Caption {
            title: words,
            ..caption("#v1", &[])
        };
        let figure = figure_svg(CHART, &long, 1.0).unwrap();
        assert_eq!(figure.svg.matches("<tspan x=\"32\" dy=\"32\">").count(), 1);
        assert!(figure.svg.contains("<svg x=\"32\" y=\"132\""));
        let short = figure_svg(CHART, &caption("#v1", &[]), 1.0).unwrap();
        assert_eq!(figure.height, short.height + 32.0);
    }

    #[test]
    fn the_legend_wraps_to_the_width() {
        let legend: Vec<(&'static str, String)> = (0..12)
            .map(|i| ("#000", format!("Segment number {i}")))
            .collect();
        let one_row = figure_svg(CHART, &caption("#v1", &legend[..1]), 1.0).unwrap();
        let rows = figure_svg(CHART, &caption("#v1", &legend), 1.0).unwrap();
        assert_eq!(rows.height, one_row.height + 24.0, "two rows of six");
        let xs = rows
            .svg
            .split("<rect x=\"")
            .skip(2)
            .map(|r| r.split('"').next().unwrap());
        assert!(xs
            .map(|x| x.parse::<f64>().unwrap())
            .all(|x| x < WIDTH - MARGIN));
    }

    #[test]
    fn markup_that_is_not_an_svg_with_a_view_box_is_refused() {
        for markup in [
            "",
            "<div>no</div>",
            "<svg id=\"a\"></svg>",
            "<svg viewBox=\"0 0 0 5\">",
        ] {
            assert!(
                figure_svg(markup, &caption("#v1", &[]), 1.0).is_none(),
                "{markup}"
            );
        }
        assert_eq!(
            view_box(r#"<svg viewBox="0,0,400,260">"#),
            Some((400.0, 260.0))
        );
    }

    #[test]
    fn urls_and_embeds() {
        assert_eq!(
            page_url(
                "http://127.0.0.1:8080/deep/app/#v1&p=high",
                "v1&p=high&embed=segments"
            ),
            "http://127.0.0.1:8080/deep/app/#v1&p=high&embed=segments"
        );
        assert_eq!(page_url("https://x.org/", "v1"), "https://x.org/#v1");
        let code = iframe_code("https://x.org/a/#v1&embed=demand-supply");
        assert!(code.starts_with(
            "<iframe src=\"https://x.org/a/#v1&amp;embed=demand-supply\" width=\"100%\" height=\"640\""
        ));
        assert!(code.ends_with("></iframe>"));
        assert_eq!(escape("a\u{7}<'\">&"), "a&lt;&#39;&quot;&gt;&amp;");
        assert_eq!(dom_id(ChartId::DemandSupply), "chart-demand-supply");
        assert_eq!(
            file_name(ChartId::Tornado, ImageFormat::Png),
            "compute-demand-tornado.png"
        );
    }

    #[test]
    fn the_source_line_names_the_version_and_the_data_in_each_language() {
        use compute_demand_core::data::DATA_AS_OF;
        assert_eq!(
            source_line(Lang::En),
            format!("Source: compute-demand {VERSION}, data as of {DATA_AS_OF}")
        );
        assert_eq!(
            source_line(Lang::Fr),
            format!("Source\u{202f}: compute-demand {VERSION}, données au {DATA_AS_OF}")
        );
        assert!(credit_line(Lang::En).ends_with(" · CC BY 4.0"));
    }
}
