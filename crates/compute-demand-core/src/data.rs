//! The sourced defaults — GPU catalog, scenario parameters, fleet mix, supply projects and
//! presets — as static tables generated at build time from `data/*.toml` (see build.rs).

pub use crate::terms::rules::{
    CapexScope, Commitment, Comparable, Customers, Evidence, ForecastUnit, ParamGroup, Perimeter,
    Region, Seen, Status,
};
use crate::terms::Dist;

/// The data's vintage: the newest source the data files cite (`data/*.toml`: NVIDIA and
/// Mistral on Mistral Compute's GB300, June 2026). The files have no `date` or `accessed`
/// field; when a source is added or updated, this moves with it (`tests/data.rs` reads every
/// source's dates and fails until it does).
pub const DATA_AS_OF: &str = "2026-06";

/// Where a figure comes from: a publication with its date, and a link when there is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    pub text: &'static str,
    pub url: Option<&'static str>,
}

/// One accelerator model. Throughputs are dense (no sparsity), per GPU.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gpu {
    pub id: &'static str,
    pub name: &'static str,
    pub bf16_tflops: f64,
    /// 8-bit dense peak (INT8 TOPS for the A100, which has no FP8).
    pub fp8_tflops: f64,
    pub memory_gb: f64,
    pub bandwidth_tbps: f64,
    pub tdp_w: f64,
    /// All-in IT power per GPU (host, network, fans) ÷ GPU TDP, as the server or rack runs it.
    pub server_overhead: f64,
    pub overhead_source: &'static str,
    /// Per-GPU price including its share of the server, where the source gives one.
    pub price_usd: f64,
    pub source: Source,
    pub price_source: &'static str,
}

impl Gpu {
    pub fn bf16_flop_per_s(&self) -> f64 {
        self.bf16_tflops * 1e12
    }

    pub fn fp8_flop_per_s(&self) -> f64 {
        self.fp8_tflops * 1e12
    }

    /// Peak IT power of one GPU with its share of the server or rack, as catalogued, W.
    pub fn it_w(&self) -> f64 {
        self.tdp_w * self.server_overhead
    }
}

/// A country pack (`data/countries/<code>/`): the country, which links (`cc=`), scenario files
/// (`country = "…"`) and the CLI (`--country`) name by its code, and its tables. Its
/// parameters share the engine's keys, groups, units and bounds ([`ParamId`] indexes every
/// pack's `params`); their labels, values, sources and evidence are the pack's.
#[derive(Clone, Copy)]
pub struct Country {
    /// Two lowercase letters, the pack's folder.
    pub code: &'static str,
    pub name: &'static str,
    pub name_fr: &'static str,
    /// Other codes people give the country (`gb` for the United Kingdom), which a refusal
    /// points to `code`.
    pub other_codes: &'static [&'static str],
    /// The data's vintage: the newest month the pack's sources cite, `YYYY-MM`.
    pub data_as_of: &'static str,
    /// The page's opening paragraph for this country, in English and in French.
    pub lede: &'static str,
    pub lede_fr: &'static str,
    /// What each `{token}` of a text written for any country becomes for this one (pack.toml's
    /// `[words]`): `{country}` and `{adjective}` in English ("the United Kingdom", "UK"),
    /// `{pays}`, `{en_pays}`, `{de_pays}` and `{adj_m}`, `{adj_f}`, `{adj_mp}`, `{adj_fp}` (the
    /// adjective by gender and number) in French; `{hub_lab}`, the segment of a lab counted in
    /// the ecosystem that trains mostly abroad (France: Poolside).
    pub words: &'static [(&'static str, &'static str)],
    pub params: &'static [ParamSpec; PARAM_COUNT],
    /// The supply register.
    pub projects: &'static [Project],
    /// The first is the baseline.
    pub presets: &'static [Preset],
    pub correlations: &'static [DefaultCorrelation],
}

/// One pack is one country: two are the same when their codes are.
impl PartialEq for Country {
    fn eq(&self, other: &Country) -> bool {
        self.code == other.code
    }
}

impl Eq for Country {}

impl std::fmt::Debug for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Country({})", self.code)
    }
}

impl Country {
    /// The pack a scenario is in when nothing names one: France's, the default.
    pub fn first() -> &'static Country {
        &COUNTRIES[0]
    }

    /// `text` with this country's words for its tokens (`words`), or `None` when it holds none:
    /// "demand on {adjective} sites" → "demand on UK sites".
    pub fn placed(&self, text: &str) -> Option<String> {
        if !text.contains('{') || !self.words.iter().any(|(token, _)| text.contains(token)) {
            return None;
        }
        let mut placed = text.to_string();
        for (token, word) in self.words {
            if placed.contains(token) {
                placed = placed.replace(token, word);
            }
        }
        Some(placed)
    }

    /// Whether this is the default pack, the one a scenario that names no country is in.
    pub fn is_default(&self) -> bool {
        std::ptr::eq(self, Country::first())
    }

    pub fn name(&self, lang: crate::terms::Lang) -> &'static str {
        match lang {
            crate::terms::Lang::En => self.name,
            crate::terms::Lang::Fr => self.name_fr,
        }
    }

    /// The pack's parameter `id`: its label, baseline, source and evidence.
    pub fn param(&self, id: ParamId) -> &'static ParamSpec {
        &self.params[id.index()]
    }

    /// The pack's parameter named `key` (links, files, the CLI): by the pack's key, which is
    /// the engine's or the pack's own; or by the engine's key where the pack names it
    /// otherwise, as links written before the pack had its own keys do (build.rs refuses a
    /// pack key that is another parameter's engine key, so the two cannot disagree).
    pub fn param_by_key(&self, key: &str) -> Option<&'static ParamSpec> {
        self.params
            .iter()
            .find(|spec| spec.key == key)
            .or_else(|| param_by_key(key).map(|engine| self.param(engine.id)))
    }

    /// The pack's published forecasts (`outside.toml`): read through a function so that a
    /// build that never asks for them (the app's bundle) leaves them out.
    pub fn outside(&self) -> &'static [OutsideForecast] {
        outside_of(self.code)
    }

    /// The baseline preset, the first.
    pub fn baseline(&self) -> &'static Preset {
        &self.presets[0]
    }

    pub fn preset_by_id(&self, id: &str) -> Option<&'static Preset> {
        self.presets.iter().find(|preset| preset.id == id)
    }
}

/// The pack whose table (`table` picks it: `|c| &c.params[..]`, `|c| c.presets`…) holds
/// `row`, the same row by its address, and the row's place in it.
pub fn pack_holding<T: 'static>(
    table: impl Fn(&'static Country) -> &'static [T],
    row: &T,
) -> Option<(&'static Country, usize)> {
    COUNTRIES.iter().find_map(|country| {
        let at = table(country).iter().position(|r| std::ptr::eq(r, row))?;
        Some((country, at))
    })
}

pub fn country_by_code(code: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|country| country.code == code)
}

/// Index of a parameter in [`PARAMS`]; the constants in [`key`] name each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ParamId(usize);

impl ParamId {
    pub const fn index(self) -> usize {
        self.0
    }

    /// The engine's (the default pack's) parameter: its key names the parameter's role in the
    /// model; a pack may name it otherwise ([`Country::param`]).
    pub fn spec(self) -> &'static ParamSpec {
        &PARAMS[self.0]
    }

    pub fn all() -> impl Iterator<Item = ParamId> {
        (0..PARAM_COUNT).map(ParamId)
    }
}

/// A scenario parameter: what it means, its bounds, and its sourced baseline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    pub id: ParamId,
    pub key: &'static str,
    pub group: ParamGroup,
    pub label: &'static str,
    pub label_fr: &'static str,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub baseline: Dist,
    /// Its text is empty without the `param-sources` feature (the app's bundle, which fetches
    /// the texts after its first render); its address is always there.
    pub source: Source,
    pub evidence: Evidence,
    /// For a published value: the figure as its source states it (empty in the app's bundle).
    pub quote: &'static str,
}

/// Share of each GPU model (indexed as [`GPUS`]) among the GPUs in service, per model year.
#[derive(Debug)]
pub struct FleetMix {
    pub source: &'static str,
    pub shares: [[f64; GPU_COUNT]; crate::YEAR_COUNT],
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Capacity {
    /// Site power capacity (peak), MW.
    Mw(f64),
    /// Physical GPUs of one model (index into [`GPUS`]).
    Gpus {
        count: f64,
        gpu: usize,
    },
    Eur {
        eur: f64,
        scope: CapexScope,
    },
}

/// Capacity that comes online at the start of `year` (as announced) and stays; delivery
/// delays and attrition are the scenario's (`supply.<status>.delay_years`, `.completion`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tranche {
    pub year: u16,
    pub status: Status,
    pub capacity: Capacity,
}

/// A tranche of the register, with its own evidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SourcedTranche {
    pub tranche: Tranche,
    /// The part of its year that passes before it enters service (mid-2026: 0.5).
    pub start: f64,
    /// The site power reported for a GPU tranche, MW (peak): its power comes from this, its
    /// H100-equivalents from the GPUs.
    pub site_mw: Option<f64>,
    /// The year (fractional) it leaves service, when it is known to be replaced (Dawn's Intel
    /// GPUs by its MI355X, 2026.4); else it stays.
    pub retired: Option<f64>,
    pub source: &'static str,
}

#[derive(Debug, PartialEq)]
pub struct Project {
    pub id: &'static str,
    pub name: &'static str,
    pub site: &'static str,
    /// AI capacity; general-purpose capacity is scaled by `supply.genai_share`.
    pub dedicated: bool,
    /// Who it serves, as its operator describes it (a description: demand from abroad is
    /// estimated on the demand side).
    pub customers: Customers,
    /// Owned by or contracted to the country's ecosystem: its use is a floor on its demand.
    pub committed: Option<Commitment>,
    /// A parameter that scales every tranche (Amazon's cloud share of its "more than €1.2bn").
    pub share_param: Option<ParamId>,
    pub source: Source,
    pub tranches: &'static [SourcedTranche],
}

/// A rank (Spearman) correlation between two parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Correlation {
    pub a: ParamId,
    pub b: ParamId,
    pub rho: f64,
}

impl Correlation {
    /// The pair in key order, so that (a, b) and (b, a) are one pair.
    pub fn ordered(self) -> Correlation {
        if self.a <= self.b {
            self
        } else {
            Correlation {
                a: self.b,
                b: self.a,
                rho: self.rho,
            }
        }
    }

    pub fn same_pair(&self, other: &Correlation) -> bool {
        let (x, y) = (self.ordered(), other.ordered());
        x.a == y.a && x.b == y.b
    }

    /// `KEY1,KEY2`, in `country`'s keys.
    pub fn pair_text(&self, country: &Country) -> String {
        format!(
            "{},{}",
            country.param(self.a).key,
            country.param(self.b).key
        )
    }
}

/// A default correlation between two parameters, with why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DefaultCorrelation {
    pub pair: Correlation,
    pub evidence: Evidence,
    pub rationale: &'static str,
    pub source: &'static str,
}

/// A parameter key that existed once: links and files that name it get this note.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RemovedParam {
    pub key: &'static str,
    pub note: &'static str,
}

/// A named scenario: the baseline with some parameters overridden.
#[derive(Debug, PartialEq)]
pub struct Preset {
    pub id: &'static str,
    pub label: &'static str,
    pub label_fr: &'static str,
    pub description: &'static str,
    pub description_fr: &'static str,
    pub overrides: &'static [(ParamId, Dist)],
}

/// A published forecast set beside the model's figures (`data/countries/fr/outside.toml`): nothing in the
/// model reads it. [`crate::outside`] puts it in the model's units. Its title, perimeter text
/// and note are empty without the `register-sources` feature (in the app's bundle).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutsideForecast {
    pub id: &'static str,
    pub region: Region,
    pub publisher: &'static str,
    /// The publication (empty in the app's bundle).
    pub title: &'static str,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: &'static str,
    /// The year the figure refers to.
    pub year: u16,
    /// The central figure, in `unit`: the midpoint where the source gives only a range.
    pub value: f64,
    /// The ends of the range the source gives, when it gives one.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: ForecastUnit,
    pub perimeter: Perimeter,
    /// The perimeter in words, as the source gives it (empty in the app's bundle).
    pub perimeter_text: &'static str,
    pub comparable: Comparable,
    /// Where the figure was read.
    pub url: &'static str,
    pub seen: Seen,
    /// What the figure is and any arithmetic done on it (empty in the app's bundle).
    pub note: &'static str,
}

impl ParamSpec {
    /// The bounds the data rules check values against.
    pub fn bounds(&self) -> crate::terms::rules::Bounds<'static> {
        crate::terms::rules::Bounds {
            min: self.min,
            max: self.max,
            unit: self.unit,
        }
    }
}

include!(concat!(env!("OUT_DIR"), "/data.rs"));

pub fn gpu_index(id: &str) -> Option<usize> {
    GPUS.iter().position(|gpu| gpu.id == id)
}

pub fn removed_param(key: &str) -> Option<&'static RemovedParam> {
    REMOVED_PARAMS.iter().find(|removed| removed.key == key)
}

/// The default pack's parameter named `key`: the engine's keys.
pub fn param_by_key(key: &str) -> Option<&'static ParamSpec> {
    PARAMS.iter().find(|spec| spec.key == key)
}

pub fn preset_by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.id == id)
}

/// The reference GPU of H100-equivalents.
pub fn h100() -> &'static Gpu {
    &GPUS[gpu_index("h100-sxm").expect("the catalog lists h100-sxm")]
}
