//! Flags. Numbers stay text here and pass through the core's validation layer in
//! `commands`, so the CLI refuses exactly what files and share links refuse.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "compute-demand",
    version,
    about = "How much compute France's generative-AI ecosystem needs, 2024–2030, against the supply being built.",
    after_help = "Numbers take SI suffixes (70B, 15T, 2k). Ranges: low..high is a 90% interval, uniform(low, high) a uniform one."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Every subcommand lets negative numbers through to the validation layer, which says why
/// they are refused.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compute, GPU-hours, energy and CO2 of one training run.
    #[command(allow_negative_numbers = true)]
    Training(TrainingArgs),
    /// GPUs, power, energy and CO2 of a steady inference load.
    #[command(allow_negative_numbers = true)]
    Inference(InferenceArgs),
    /// The GPU catalog with its sources.
    #[command(allow_negative_numbers = true)]
    Gpus(FormatArgs),
    /// Every scenario parameter: key, label, unit, default, bounds, source, evidence.
    #[command(allow_negative_numbers = true)]
    Params(PackArgs),
    /// The supply register: every project and tranche, its status, capacity as given,
    /// nameplate MW and source.
    #[command(allow_negative_numbers = true)]
    Projects(PackArgs),
    /// The country packs: each country's code (for --country, links' cc= and files'
    /// country =), name, and how many parameters, projects, presets and forecasts it holds.
    #[command(allow_negative_numbers = true)]
    Countries(FormatArgs),
    /// Every metric for every year of a scenario, with p5, p50, p95 and mean (the metrics are
    /// listed below).
    #[command(allow_negative_numbers = true, after_help = crate::commands::metrics_help())]
    Run(RunArgs),
    /// How far each uncertain parameter moves one metric in one year (a tornado chart's data).
    #[command(allow_negative_numbers = true)]
    Sensitivity(SensitivityArgs),
    /// The chain from the assumptions to one metric in one year, every parameter at its
    /// median: each step's value and the parameters it uses (the app's "explain").
    #[command(allow_negative_numbers = true)]
    Explain(ExplainArgs),
    /// One row per Monte Carlo draw: the drawn parameter values and chosen metric-years.
    #[command(allow_negative_numbers = true)]
    Draws(DrawsArgs),
    /// A link that opens the web app on a scenario.
    #[command(allow_negative_numbers = true)]
    ShareUrl(ShareArgs),
    /// Writes a scenario file (for --scenario and the app's import) from a preset and --set.
    #[command(allow_negative_numbers = true)]
    Scenario(ScenarioSource),
    /// Published forecasts of French and European data-centre consumption and power, each
    /// with its perimeter, how it compares with the model, its figure in MW and its source.
    #[command(allow_negative_numbers = true)]
    Outside(OutsideArgs),
    /// The chance that a metric is above each level in a year, over the Monte Carlo draws (an
    /// exceedance curve), or above one --level.
    #[command(allow_negative_numbers = true)]
    Exceedance(ExceedanceArgs),
    /// What would have to be true: the draws split by an outcome (--below or --above a level),
    /// each uncertain parameter's median and 90% range in both groups, the most different first.
    #[command(allow_negative_numbers = true)]
    Discover(DiscoverArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Args, Debug)]
pub struct FormatArgs {
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// A listing of one country pack's data.
#[derive(Args, Debug)]
pub struct PackArgs {
    /// Country pack (see `compute-demand countries`).
    #[arg(long, default_value = "fr")]
    pub country: String,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct SiteArgs {
    /// GPU model (see `compute-demand gpus`).
    #[arg(long)]
    pub gpu: String,
    /// Average all-in IT power per GPU, W [default: TDP × the GPU's server overhead × its scale × average load].
    #[arg(long)]
    pub gpu_power_w: Option<String>,
    /// Power usage effectiveness [default: baseline median].
    #[arg(long)]
    pub pue: Option<String>,
    /// Grid carbon intensity, gCO2e/kWh [default: baseline median, France].
    #[arg(long)]
    pub grid_gco2_per_kwh: Option<String>,
    /// Electricity price, €/MWh [default: baseline median, France].
    #[arg(long)]
    pub electricity_eur_per_mwh: Option<String>,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct TrainingArgs {
    /// Parameters of the model.
    #[arg(long)]
    pub params: String,
    /// Active parameters per token [default: --params].
    #[arg(long)]
    pub active_params: Option<String>,
    /// Training tokens.
    #[arg(long)]
    pub tokens: String,
    /// Model FLOP utilisation [default: baseline median].
    #[arg(long)]
    pub mfu: Option<String>,
    /// Wall-clock days: also reports how many GPUs.
    #[arg(long)]
    pub days: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
}

#[derive(Args, Debug)]
pub struct InferenceArgs {
    /// Active parameters per token.
    #[arg(long)]
    pub active_params: String,
    /// Tokens processed per day.
    #[arg(long)]
    pub tokens_per_day: String,
    /// Serving utilisation of dense BF16 peak [default: baseline median].
    #[arg(long)]
    pub utilization: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
}

/// Where a scenario comes from: a preset or a file, then --set, --samples and --seed.
#[derive(Args, Debug)]
pub struct ScenarioSource {
    /// Country pack (see `compute-demand countries`) [default: fr, or the file's or the
    /// link's].
    #[arg(long)]
    pub country: Option<String>,
    /// Preset: baseline, low or high.
    #[arg(long, conflicts_with = "scenario")]
    pub preset: Option<String>,
    /// Scenario file (as written by `compute-demand scenario` or the app's export).
    #[arg(long)]
    pub scenario: Option<String>,
    /// A share link, or its fragment (#v1&…): the scenario it carries, its numbers to the six
    /// significant digits links write. What cannot be read is said on stderr and the rest
    /// kept, as the app does; the view (year, chart, language) is the page's and is ignored.
    #[arg(long, conflicts_with_all = ["scenario", "preset"])]
    pub link: Option<String>,
    /// KEY=VALUE, repeatable: a point (6), a 90% range (2..4) or uniform(0.2, 0.5).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Monte Carlo samples [default: 10000, or the file's].
    #[arg(long)]
    pub samples: Option<String>,
    /// Random seed [default: 20240513, or the file's].
    #[arg(long)]
    pub seed: Option<String>,
    /// KEY1,KEY2=RHO, repeatable: the rank correlation of two parameters, −1 to 1 (0
    /// removes a default pair; see data/countries/fr/correlations.toml).
    #[arg(long = "corr", value_name = "KEY1,KEY2=RHO")]
    pub corr: Vec<String>,
    /// PROJECT, repeatable: leaves a built-in project of the register out of the supply (ids
    /// from `compute-demand projects`).
    #[arg(long = "exclude", value_name = "PROJECT")]
    pub exclude: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RunArgs {
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// One metric in one year, as text: checked by the validation layer.
#[derive(Args, Debug)]
pub struct MetricYear {
    /// Metric key (see `compute-demand run --format json`).
    #[arg(long, default_value = "facility_power_mw")]
    pub metric: String,
    /// Year, 2024–2030.
    #[arg(long, default_value = "2030")]
    pub year: String,
}

#[derive(Args, Debug)]
pub struct SensitivityArgs {
    #[command(flatten)]
    pub at: MetricYear,
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// oat: one-at-a-time swings (a tornado); rank: rank correlations over the draws.
    #[arg(long, value_enum, default_value = "oat")]
    pub method: Method,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    #[command(flatten)]
    pub at: MetricYear,
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// How sensitivity is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Method {
    /// One at a time: each parameter at its p5 and p95, the others at their medians (a tornado).
    Oat,
    /// Spearman rank correlation of each parameter with the metric over the Monte Carlo draws
    /// (reflects correlations and interactions).
    Rank,
}

/// Formats for data that is one row per draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Csv,
    Json,
}

#[derive(Args, Debug)]
pub struct DrawsArgs {
    /// Parameter keys, comma-separated [default: every parameter with a range].
    #[arg(long, value_delimiter = ',', value_name = "K1,K2,…")]
    pub keys: Vec<String>,
    /// Metric key, repeatable; the n-th --metric goes with the n-th --year (or the only one).
    #[arg(long)]
    pub metric: Vec<String>,
    /// Year of each --metric, 2024–2030 [default: 2030].
    #[arg(long)]
    pub year: Vec<String>,
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: csv (columns named by key, metrics as metric@year) or json.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: DataFormat,
}

#[derive(Args, Debug)]
pub struct ShareArgs {
    /// Where the app is served.
    #[arg(long, default_value = "http://127.0.0.1:8080/")]
    pub base: String,
    /// The year the link opens on.
    #[arg(long)]
    pub year: Option<String>,
    #[command(flatten)]
    pub source: ScenarioSource,
}

#[derive(Args, Debug)]
pub struct OutsideArgs {
    /// Country pack (see `compute-demand countries`).
    #[arg(long, default_value = "fr")]
    pub country: String,
    /// country (the pack's own) or europe [default: both].
    #[arg(long)]
    pub region: Option<String>,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct ExceedanceArgs {
    #[command(flatten)]
    pub at: MetricYear,
    /// Prints the chance of this one level instead of the curve.
    #[arg(long, conflicts_with = "points")]
    pub level: Option<String>,
    /// Levels on the curve, 2–1001: the draws at ranks spread evenly from the smallest to
    /// the largest [default: 21, every 5% of the draws].
    #[arg(long)]
    pub points: Option<String>,
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct DiscoverArgs {
    /// Metric key (see `compute-demand run --help`).
    #[arg(long, default_value = "coverage_ratio")]
    pub metric: String,
    /// Year, 2024–2030.
    #[arg(long, default_value = "2030")]
    pub year: String,
    /// The outcome: the metric below this level (give --below or --above).
    #[arg(long)]
    pub below: Option<String>,
    /// The outcome: the metric above this level.
    #[arg(long)]
    pub above: Option<String>,
    #[command(flatten)]
    pub source: ScenarioSource,
    /// Output format: table, json or csv.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Parses the command line; on a usage error prints one line and returns the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    match Cli::try_parse() {
        Ok(cli) => Ok(cli),
        Err(error) if !error.use_stderr() => {
            // --help and --version.
            let _ = error.print();
            Err(ExitCode::SUCCESS)
        }
        Err(error) => {
            // clap's message without its usage block, folded onto one line.
            let rendered = error.render().to_string();
            let message = rendered.split("\n\n").next().unwrap_or("invalid arguments");
            let message = message
                .trim_start_matches("error: ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            eprintln!("compute-demand: error: {message} (see --help)");
            Err(ExitCode::from(2))
        }
    }
}
