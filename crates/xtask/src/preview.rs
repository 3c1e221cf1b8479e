//! `dist/preview.png`, the link preview (`og:image`): the baseline's main chart, the very SVG the
//! app draws (rendered by `prerender`), set in a 1200×630 card with the question and the
//! answer, and rasterised by resvg. Text needs a font: DejaVu Sans from Debian's
//! `fonts-dejavu-core` (/usr/share/fonts), or any TrueType font found there; with none, the
//! card is drawn without its text, and the build says so.

use crate::prerender::{self, Baseline};
use crate::Result;
use compute_demand_core::output::format::{quantity, Lang};
use compute_demand_core::{Metric, Unit};
use compute_demand_web::export::escape;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use std::path::{Path, PathBuf};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
pub const FILE: &str = "preview.png";

/// Where fonts are looked for, the preferred ones first.
const FONT_DIR: &str = "/usr/share/fonts";
const PREFERRED_FONTS: [&str; 2] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

pub fn write(dist: &Path, baseline: &Baseline) -> Result {
    let svg = card(baseline)?;
    let png = render(&svg)?;
    let path = dist.join(FILE);
    std::fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))
}

/// The preview as SVG: a title, the answer in one line, the chart, and the site's name.
pub fn card(baseline: &Baseline) -> Result<String> {
    let chart = prerender::chart_svg(baseline)?;
    // The chart keeps its own viewBox; placed in a box of the card, it scales to fit.
    let chart = chart.replacen(
        "<svg ",
        "<svg x=\"40\" y=\"150\" width=\"1120\" height=\"440\" preserveAspectRatio=\"xMidYMid meet\" ",
        1,
    );
    let shown = &baseline.shown;
    let mw = |v: f64| quantity(v, Unit::Megawatts, Lang::En);
    let demand = shown.headline[Metric::FacilityPowerMw];
    let supply = shown.headline[Metric::SupplyPowerMw];
    let answer = format!(
        "In {year}: {p50} needed ({p5}–{p95}), {supply} of AI capacity expected",
        year = shown.year,
        p50 = mw(demand.p50),
        p5 = mw(demand.p5),
        p95 = mw(demand.p95),
        supply = mw(supply.p50),
    );
    Ok(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="DejaVu Sans, sans-serif">
<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>
<rect width="{WIDTH}" height="8" fill="#c2410c"/>
<text x="56" y="74" font-size="32" font-weight="700" fill="#171717">How much compute does France's generative AI need?</text>
<text x="56" y="120" font-size="24" fill="#404040">{answer}</text>
{chart}
<text x="56" y="610" font-size="19" fill="#737373">compute-demand · baseline, {samples} draws · medians and 90% ranges · every assumption movable</text>
</svg>"##,
        answer = escape(&answer),
        samples = compute_demand_web::i18n::count(shown.sampling.samples as u64, Lang::En),
    ))
}

/// The SVG as a PNG of WIDTH × HEIGHT.
pub fn render(svg: &str) -> Result<Vec<u8>> {
    let mut options = usvg::Options {
        font_family: "DejaVu Sans".into(),
        ..usvg::Options::default()
    };
    let fonts = fonts();
    if fonts.is_empty() {
        eprintln!("xtask: no font under {FONT_DIR}: {FILE} is drawn without its text");
    }
    let db = options.fontdb_mut();
    for font in fonts {
        if let Ok(bytes) = std::fs::read(&font) {
            db.load_font_data(bytes);
        }
    }
    let family = db
        .faces()
        .next()
        .and_then(|face| face.families.first().map(|(name, _)| name.clone()));
    if let Some(family) = family {
        db.set_sans_serif_family(family.clone());
        if !family.starts_with("DejaVu Sans") {
            options.font_family = family;
        }
    }
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("preview SVG: {e}"))?;
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).ok_or("preview: no pixmap")?;
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("preview PNG: {e}"))
}

/// DejaVu Sans (regular and bold) when installed, else every TrueType font under FONT_DIR.
fn fonts() -> Vec<PathBuf> {
    let preferred: Vec<PathBuf> = PREFERRED_FONTS
        .iter()
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .collect();
    if !preferred.is_empty() {
        return preferred;
    }
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::from(FONT_DIR)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ttf"))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}
