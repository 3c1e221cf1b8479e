//! What each subcommand prints. Every value from the command line goes through
//! `compute_demand_core::input::validate`.

use crate::args::{
    Cli, Command, DataFormat, DiscoverArgs, DrawsArgs, ExceedanceArgs, ExplainArgs, Format,
    FormatArgs, InferenceArgs, Method, OutsideArgs, ScenarioSource, SensitivityArgs, SiteArgs,
    TrainingArgs,
};
use compute_demand_core::data::ParamSpec;
use compute_demand_core::data::{key, Capacity, Country, COUNTRIES, GPUS, PARAMS};
use compute_demand_core::input::notation::write_number;
use compute_demand_core::input::validate::{self, limits, Checked, InputError};
use compute_demand_core::input::{link, scenario_file};
use compute_demand_core::model::estimate::{
    estimate_inference, estimate_training, gpu_it_power_w, InferenceLoad, Site, TrainingRun,
};
use compute_demand_core::model::supply::register;
use compute_demand_core::output::format::{quantity, significant, Lang};
use compute_demand_core::output::report::{
    align, dist_json, outlook_csv, outlook_json, outlook_table, tornado_csv, tornado_json,
    tornado_table,
};
use compute_demand_core::output::report::{
    rank_influence_csv, rank_influence_json, rank_influence_table,
};
use compute_demand_core::output::{csv, json, report, views};
use compute_demand_core::outside::OutsideForecast;
use compute_demand_core::sim::exceedance::DEFAULT_POINTS;
use compute_demand_core::sim::sensitivity::rank_influence;
use compute_demand_core::Metric;
use compute_demand_core::{tornado, Dist, Scenario, Simulator, Unit};
use compute_demand_core::{Exceedance, ExceedancePoint};

pub fn execute(cli: Cli) -> Checked<String> {
    match cli.command {
        Command::Training(args) => training(&args),
        Command::Inference(args) => inference(&args),
        Command::Gpus(args) => Ok(gpus(&args)),
        Command::Params(args) => Ok(params(country_flag(&args.country)?, args.format)),
        Command::Projects(args) => Ok(projects(country_flag(&args.country)?, args.format)),
        Command::Countries(args) => Ok(countries(args.format)),
        Command::Run(args) => {
            let scenario = scenario_from(&args.source)?;
            let outlook = Simulator::new().run(&scenario);
            Ok(match args.format {
                Format::Json => {
                    // No base URL is known here: the permalink is the share link's fragment.
                    let permalink = format!("#{}", link::encode(&link::Link::of(scenario.clone())));
                    let meta = report::ReportMeta {
                        version: env!("CARGO_PKG_VERSION"),
                        data_as_of: scenario.country.data_as_of,
                        permalink: &permalink,
                        source_of: &compute_demand_core::output::report::own_source,
                    };
                    outlook_json(&scenario, &outlook, &meta)
                }
                Format::Csv => outlook_csv(&outlook),
                Format::Table => outlook_table(&scenario, &outlook, Lang::En),
            })
        }
        Command::Sensitivity(args) => sensitivity(&args),
        Command::Draws(args) => draws(&args),
        Command::Explain(args) => explain(&args),
        Command::ShareUrl(args) => {
            let scenario = scenario_from(&args.source)?;
            let year = match &args.year {
                Some(text) => Some(
                    validate::number(text)
                        .and_then(validate::year)
                        .map_err(|e| e.at("--year"))?,
                ),
                None => None,
            };
            let fragment = link::encode(&link::Link {
                scenario,
                year,
                metric: None,
                pinned: None,
                embed: None,
                lang: None,
            });
            let base = args.base.split('#').next().unwrap_or_default();
            Ok(format!("{base}#{fragment}\n"))
        }
        Command::Scenario(source) => Ok(scenario_file::write(&scenario_from(&source)?)),
        Command::Outside(args) => outside(&args),
        Command::Exceedance(args) => exceedance(&args),
        Command::Discover(args) => discover(&args),
    }
}

/// `--country`, checked: the pack a command reads.
fn country_flag(code: &str) -> Checked<&'static Country> {
    validate::country(code).map_err(|e| e.at("--country"))
}

/// The country packs and what each holds.
fn countries(format: Format) -> String {
    let rows: Vec<Record> = COUNTRIES
        .iter()
        .map(|country| {
            vec![
                ("code", Cell::Text(country.code)),
                ("name", Cell::Text(country.name)),
                ("name_fr", Cell::Text(country.name_fr)),
                ("params", Cell::Number(country.params.len() as f64)),
                ("projects", Cell::Number(country.projects.len() as f64)),
                ("presets", Cell::Number(country.presets.len() as f64)),
                (
                    "outside_forecasts",
                    Cell::Number(country.outside().len() as f64),
                ),
                ("data_as_of", Cell::Text(country.data_as_of)),
            ]
        })
        .collect();
    if format != Format::Table {
        return records(rows, format);
    }
    let mut table = vec![[
        "code",
        "country",
        "parameters",
        "projects",
        "presets",
        "forecasts",
        "data as of",
    ]
    .map(String::from)
    .to_vec()];
    for row in &rows {
        let cell = |name: &str| match row.iter().find(|(key, _)| *key == name) {
            Some((_, Cell::Text(text))) => text.to_string(),
            Some((_, Cell::Number(number))) => write_number(*number),
            _ => String::new(),
        };
        table.push(
            [
                "code",
                "name",
                "params",
                "projects",
                "presets",
                "outside_forecasts",
                "data_as_of",
            ]
            .map(cell)
            .to_vec(),
        );
    }
    let mut out = align(&table, &[false, false, true, true, true, true, false]);
    out.push_str("\nA scenario names its country with --country, a link with cc= and a file with country =; without one it is France's.\n");
    out
}

/// The scenario a command runs: a file or a preset, then each --set in order.
pub fn scenario_from(source: &ScenarioSource) -> Checked<Scenario> {
    let country = match &source.country {
        Some(code) => Some(country_flag(code)?),
        None => None,
    };
    let in_country = country.unwrap_or(Country::first());
    let mut scenario = match (&source.scenario, &source.preset) {
        _ if source.link.is_some() => {
            let text = source.link.as_deref().unwrap_or_default();
            let fragment = text.split_once('#').map_or(text, |(_, fragment)| fragment);
            let decoded = link::decode(fragment);
            for problem in &decoded.problems {
                eprintln!("compute-demand: note: --link: {problem}");
            }
            decoded.link.scenario
        }
        (Some(path), _) => read_scenario_file(path)?,
        (None, Some(id)) => {
            Scenario::from_preset(validate::preset(in_country, id).map_err(|e| e.at("--preset"))?)
        }
        (None, None) => Scenario::in_country(in_country),
    };
    match country {
        // A file or link names its own country: a --country that differs is a mistake, not
        // an override (its parameters and projects are the other pack's).
        Some(country)
            if (source.scenario.is_some() || source.link.is_some())
                && scenario.country != country =>
        {
            return Err(InputError::new(format!(
                "--country {} but the scenario is {}'s ({}); leave --country out or give a scenario of {}",
                country.code, scenario.country.name, scenario.country.code, country.name
            ))
            .at("--country"));
        }
        _ => {}
    }
    for assignment in &source.set {
        let (key, value) = assignment.split_once('=').ok_or_else(|| {
            InputError::new(format!(
                "'{}' is not KEY=VALUE",
                validate::printable(assignment)
            ))
            .at("--set")
        })?;
        scenario
            .set_text(key.trim(), value)
            .map_err(|e| e.at("--set"))?;
    }
    if let Some(text) = &source.samples {
        scenario.sampling.samples = validate::number(text)
            .and_then(validate::samples)
            .map_err(|e| e.at("--samples"))?;
    }
    if let Some(text) = &source.seed {
        scenario.sampling.seed = validate::seed(text).map_err(|e| e.at("--seed"))?;
    }
    for text in &source.corr {
        let pair =
            validate::correlation_flag(scenario.country, text).map_err(|e| e.at("--corr"))?;
        scenario.set_correlation(pair).map_err(|e| e.at("--corr"))?;
    }
    for id in &source.exclude {
        let index = validate::project(scenario.country, id).map_err(|e| e.at("--exclude"))?;
        scenario.include_project(index, false);
    }
    scenario.validate()?;
    // Pairs ignored or repaired are said, on stderr, and the run goes on.
    for notice in scenario.correlation_plan().notices {
        eprintln!("compute-demand: note: {notice}");
    }
    Ok(scenario)
}

fn read_scenario_file(path: &str) -> Checked<Scenario> {
    use std::io::Read as _;
    let place = || format!("--scenario {}", validate::printable(path));
    let file = std::fs::File::open(path).map_err(|e| InputError::new(e.to_string()).at(place()))?;
    // Read one byte past the cap, whatever the file claims to be: a pipe or a device has no
    // size to check beforehand.
    let mut bytes = Vec::new();
    file.take(limits::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::new(e.to_string()).at(place()))?;
    if bytes.len() > limits::MAX_FILE_BYTES {
        return Err(validate::file_too_large(None).at(place()));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| InputError::new("the file is not UTF-8 text").at(place()))?;
    scenario_file::parse(&text, path)
}

/// The baseline median of a parameter: the default of a flag that stands for it.
/// The default pack's median of a parameter: the default of a flag of `training` and
/// `inference`, which take no country.
fn baseline(param: compute_demand_core::ParamId) -> f64 {
    pack_baseline(Country::first(), param)
}

fn optional_point(
    flag: &str,
    param: compute_demand_core::ParamId,
    text: &Option<String>,
) -> Checked<f64> {
    match text {
        Some(text) => {
            validate::param_point(Country::first(), flag, PARAMS[param.index()].key, text)
        }
        None => Ok(baseline(param)),
    }
}

fn site(args: &SiteArgs) -> Checked<Site> {
    let gpu = &GPUS[validate::gpu(&args.gpu).map_err(|e| e.at("--gpu"))?];
    let gpu_power_w = match &args.gpu_power_w {
        Some(text) => validate::positive_quantity("--gpu-power-w", text, 100_000.0)?,
        None => gpu_it_power_w(
            gpu.tdp_w,
            gpu.server_overhead * baseline(key::HARDWARE_SERVER_OVERHEAD_SCALE),
            baseline(key::HARDWARE_AVERAGE_LOAD),
        ),
    };
    Ok(Site {
        gpu,
        gpu_power_w,
        pue: optional_point("--pue", key::FACILITY_PUE, &args.pue)?,
        grid_gco2_per_kwh: optional_point(
            "--grid-gco2-per-kwh",
            key::FACILITY_GRID_GCO2_PER_KWH,
            &args.grid_gco2_per_kwh,
        )?,
        electricity_eur_per_mwh: optional_point(
            "--electricity-eur-per-mwh",
            key::FACILITY_ELECTRICITY_EUR_PER_MWH,
            &args.electricity_eur_per_mwh,
        )?,
    })
}

/// Model sizes and token counts: above zero, below absurd.
const MAX_PARAMS: f64 = 1e15;
const MAX_TOKENS: f64 = 1e18;

fn metric_year(metric: &str, year: &str) -> Checked<(Metric, u16)> {
    let metric = validate::metric(metric).map_err(|e| e.at("--metric"))?;
    let year = validate::number(year)
        .and_then(validate::year)
        .map_err(|e| e.at("--year"))?;
    Ok((metric, year))
}

fn sensitivity(args: &SensitivityArgs) -> Checked<String> {
    let (metric, year) = metric_year(&args.at.metric, &args.at.year)?;
    let scenario = scenario_from(&args.source)?;
    if args.method == Method::Rank {
        let influences = rank_influence(&mut Simulator::new(), &scenario, metric, year);
        return Ok(match args.format {
            Format::Json => rank_influence_json(scenario.country, &influences),
            Format::Csv => rank_influence_csv(scenario.country, &influences),
            Format::Table => {
                let samples = scenario.sampling.samples;
                rank_influence_table(scenario.country, &influences, metric, year, samples)
            }
        });
    }
    let result = tornado(&scenario, metric, year);
    Ok(match args.format {
        Format::Json => tornado_json(scenario.country, &result),
        Format::Csv => tornado_csv(scenario.country, &result),
        Format::Table => tornado_table(scenario.country, &result, Lang::En),
    })
}

/// The chain behind one metric-year at the scenario's medians.
fn explain(args: &ExplainArgs) -> Checked<String> {
    let (metric, year) = metric_year(&args.at.metric, &args.at.year)?;
    let scenario = scenario_from(&args.source)?;
    let steps = compute_demand_core::model::explain::explain(
        &scenario.model(),
        &scenario.medians(),
        metric,
        year,
    );
    Ok(match args.format {
        Format::Json => report::explain_json(scenario.country, &steps),
        Format::Csv => report::explain_csv(scenario.country, &steps),
        Format::Table => report::explain_table(scenario.country, &steps, metric, year),
    })
}

/// The published forecasts, of one region or both.
fn outside(args: &OutsideArgs) -> Checked<String> {
    let country = country_flag(&args.country)?;
    let region = match &args.region {
        Some(text) => Some(validate::region(text).map_err(|e| e.at("--region"))?),
        None => None,
    };
    let forecasts: Vec<&OutsideForecast> =
        compute_demand_core::outside::forecasts(country, region).collect();
    Ok(match args.format {
        Format::Json => views::outside_json(&forecasts),
        Format::Csv => views::outside_csv(&forecasts),
        Format::Table => views::outside_table(country, &forecasts),
    })
}

/// The chance of exceeding each level (or one) of a metric in a year, over the run's draws.
fn exceedance(args: &ExceedanceArgs) -> Checked<String> {
    let (metric, year) = metric_year(&args.at.metric, &args.at.year)?;
    let level = match &args.level {
        Some(text) => Some(validate::number(text).map_err(|e| e.at("--level"))?),
        None => None,
    };
    let points = match &args.points {
        Some(text) => validate::number(text)
            .and_then(validate::curve_points)
            .map_err(|e| e.at("--points"))?,
        None => DEFAULT_POINTS,
    };
    let scenario = scenario_from(&args.source)?;
    let mut simulator = Simulator::new();
    let simulation = simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    let exceedance = Exceedance::of(simulation, metric, year);
    let draws = exceedance.draws();
    if let Some(level) = level {
        let point = ExceedancePoint {
            level,
            chance: exceedance.chance_above(level),
        };
        return Ok(match args.format {
            Format::Json => views::chance_json(metric, year, draws, point),
            Format::Csv => views::exceedance_csv(metric, year, &[point]),
            Format::Table => views::chance_table(metric, year, draws, point),
        });
    }
    let curve = exceedance.curve(points);
    Ok(match args.format {
        Format::Json => views::exceedance_json(metric, year, draws, &curve),
        Format::Csv => views::exceedance_csv(metric, year, &curve),
        Format::Table => views::exceedance_table(metric, year, draws, &curve),
    })
}

/// What would have to be true for an outcome: the draws split by it, each parameter in both.
fn discover(args: &DiscoverArgs) -> Checked<String> {
    let (metric, year) = metric_year(&args.metric, &args.year)?;
    let condition = validate::condition(
        args.below.as_deref(),
        args.above.as_deref(),
        ["--below", "--above"],
    )?;
    let scenario = scenario_from(&args.source)?;
    let mut simulator = Simulator::new();
    simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    let found = compute_demand_core::discover(&mut simulator, metric, year, condition);
    let discovery = validate::discovered(found, metric, year, condition)?;
    Ok(match args.format {
        Format::Json => views::discovery_json(scenario.country, &discovery),
        Format::Csv => views::discovery_csv(scenario.country, &discovery),
        Format::Table => views::discovery_table(scenario.country, &discovery),
    })
}

/// One row per draw: the chosen parameters' drawn values, then the chosen metric-years.
fn draws(args: &DrawsArgs) -> Checked<String> {
    let scenario = scenario_from(&args.source)?;
    let params: Vec<&ParamSpec> = if args.keys.is_empty() {
        scenario
            .country
            .params
            .iter()
            .filter(|spec| scenario.value(spec.id).is_uncertain())
            .collect()
    } else {
        args.keys
            .iter()
            .map(|key| {
                validate::param_key(scenario.country, key.trim()).map_err(|e| e.at("--keys"))
            })
            .collect::<Checked<_>>()?
    };
    let years: Vec<&str> = match args.year.len() {
        0 => vec!["2030"; args.metric.len()],
        1 => vec![args.year[0].as_str(); args.metric.len()],
        n if n == args.metric.len() => args.year.iter().map(String::as_str).collect(),
        n => {
            return Err(InputError::new(format!(
                "{n} --year for {} --metric: give one year, or one per metric",
                args.metric.len()
            ))
            .at("--year"))
        }
    };
    let outputs: Vec<(Metric, u16)> = args
        .metric
        .iter()
        .zip(years)
        .map(|(metric, year)| metric_year(metric, year))
        .collect::<Checked<_>>()?;

    let mut simulator = Simulator::new();
    let n = scenario.sampling.samples;
    let simulation = simulator.simulate(&scenario.model(), &scenario, scenario.sampling);
    let columns: Vec<(String, Vec<f64>)> = outputs
        .iter()
        .map(|&(metric, year)| {
            (
                format!("{}@{year}", metric.key()),
                simulation.draws(metric, year),
            )
        })
        .collect();
    let mut header: Vec<String> = vec!["draw".to_string()];
    header.extend(params.iter().map(|spec| spec.key.to_string()));
    header.extend(columns.iter().map(|(name, _)| name.clone()));
    let rows = (0..n).map(|draw| {
        let mut row = vec![draw.to_string()];
        for spec in &params {
            let value = simulator.parameter_draws(spec.id).map_or_else(
                || scenario.value(spec.id).median(),
                |column| f64::from(column[draw]),
            );
            row.push(json::number(value));
        }
        row.extend(columns.iter().map(|(_, values)| json::number(values[draw])));
        row
    });
    Ok(match args.format {
        DataFormat::Csv => {
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            csv::table(&header, rows)
        }
        DataFormat::Json => {
            json::array(rows.map(|row| json::object(header.iter().map(String::as_str).zip(row))))
                + "\n"
        }
    })
}

fn training(args: &TrainingArgs) -> Checked<String> {
    let params = validate::positive_quantity("--params", &args.params, MAX_PARAMS)?;
    let active_params = match &args.active_params {
        Some(text) => validate::positive_quantity("--active-params", text, MAX_PARAMS)?,
        None => params,
    };
    if active_params > params {
        return Err(InputError::new(format!(
            "{active_params} active parameters exceed the {params} parameters of the model"
        ))
        .at("--active-params"));
    }
    let run = TrainingRun {
        active_params,
        tokens: validate::positive_quantity("--tokens", &args.tokens, MAX_TOKENS)?,
        mfu: optional_point("--mfu", key::HARDWARE_TRAINING_MFU, &args.mfu)?,
        days: args
            .days
            .as_deref()
            .map(|text| validate::positive_quantity("--days", text, 3_650.0))
            .transpose()?,
    };
    let e = estimate_training(&run, &site(&args.site)?);
    let mut rows = vec![
        ("flop", e.flop, Unit::Flop),
        ("gpu_hours", e.gpu_hours, Unit::GpuHours),
    ];
    if let Some(gpus) = e.gpus {
        rows.push(("gpus", gpus, Unit::Gpus));
    }
    rows.extend([
        ("it_energy_mwh", e.it_energy_mwh, Unit::Megawatthours),
        (
            "facility_energy_mwh",
            e.facility_energy_mwh,
            Unit::Megawatthours,
        ),
        ("co2_tonnes", e.co2_tonnes, Unit::TonnesCo2),
        ("energy_cost_eur", e.energy_cost_eur, Unit::Euros),
    ]);
    Ok(figures(&rows, args.site.format))
}

fn inference(args: &InferenceArgs) -> Checked<String> {
    let load = InferenceLoad {
        active_params: validate::positive_quantity(
            "--active-params",
            &args.active_params,
            MAX_PARAMS,
        )?,
        tokens_per_day: validate::positive_quantity(
            "--tokens-per-day",
            &args.tokens_per_day,
            MAX_TOKENS,
        )?,
        utilization: optional_point(
            "--utilization",
            key::HARDWARE_SERVING_UTILIZATION,
            &args.utilization,
        )?,
    };
    let e = estimate_inference(&load, &site(&args.site)?);
    let rows = [
        ("flop_per_day", e.flop_per_day, Unit::Flop),
        ("gpus", e.gpus, Unit::Gpus),
        ("it_power_mw", e.it_power_mw, Unit::Megawatts),
        ("facility_power_mw", e.facility_power_mw, Unit::Megawatts),
        (
            "energy_mwh_per_year",
            e.energy_mwh_per_year,
            Unit::Megawatthours,
        ),
        (
            "co2_tonnes_per_year",
            e.co2_tonnes_per_year,
            Unit::TonnesCo2,
        ),
    ];
    Ok(figures(&rows, args.site.format))
}

/// Named figures, each with its unit: a JSON object of plain numbers, CSV records
/// `name,value,unit`, or an aligned table in human units.
fn figures(rows: &[(&str, f64, Unit)], format: Format) -> String {
    match format {
        Format::Json => {
            json::object(
                rows.iter()
                    .map(|&(name, value, _)| (name, json::number(value))),
            ) + "\n"
        }
        Format::Csv => csv::table(
            &["name", "value", "unit"],
            rows.iter().map(|&(name, value, unit)| {
                vec![
                    name.to_string(),
                    json::number(value),
                    unit.key().to_string(),
                ]
            }),
        ),
        Format::Table => {
            let lines: Vec<Vec<String>> = rows
                .iter()
                .map(|&(name, value, unit)| vec![name.to_string(), quantity(value, unit, Lang::En)])
                .collect();
            align(&lines, &[false, true])
        }
    }
}

/// One field of a catalog or parameter row.
enum Cell {
    Text(&'static str),
    Number(f64),
    /// Text that may be missing: JSON `null`, an empty CSV field.
    Optional(Option<&'static str>),
    /// A parameter value: a number for a point, the written range otherwise.
    Value(Dist),
    /// A parameter's range as written; missing for a point.
    Range(Dist),
}

impl Cell {
    fn json(&self) -> String {
        match self {
            Cell::Text(text) => json::string(text),
            Cell::Number(value) => json::number(*value),
            Cell::Optional(text) => json::optional(*text, json::string),
            Cell::Value(dist) => dist_json(*dist),
            Cell::Range(dist) if dist.is_uncertain() => json::string(&dist.notation()),
            Cell::Range(_) => "null".to_string(),
        }
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => text.to_string(),
            Cell::Number(value) => json::number(*value),
            Cell::Optional(text) => text.unwrap_or_default().to_string(),
            Cell::Value(dist) => dist.notation(),
            Cell::Range(dist) if dist.is_uncertain() => dist.notation(),
            Cell::Range(_) => String::new(),
        }
    }
}

/// The named fields of one row: the one list that JSON and CSV both write.
type Record = Vec<(&'static str, Cell)>;

/// Records as a JSON array of objects, or CSV with the field names as its header.
fn records(rows: Vec<Record>, format: Format) -> String {
    match format {
        Format::Csv => {
            let header: Vec<&str> = rows
                .first()
                .map(|row| row.iter().map(|(name, _)| *name).collect())
                .unwrap_or_default();
            csv::table(
                &header,
                rows.iter()
                    .map(|row| row.iter().map(|(_, cell)| cell.csv()).collect()),
            )
        }
        _ => {
            json::array(
                rows.iter()
                    .map(|row| json::object(row.iter().map(|(name, cell)| (*name, cell.json())))),
            ) + "\n"
        }
    }
}

fn gpus(args: &FormatArgs) -> String {
    if args.format != Format::Table {
        let rows = GPUS
            .iter()
            .map(|g| {
                vec![
                    ("id", Cell::Text(g.id)),
                    ("name", Cell::Text(g.name)),
                    ("bf16_tflops", Cell::Number(g.bf16_tflops)),
                    ("fp8_tflops", Cell::Number(g.fp8_tflops)),
                    ("memory_gb", Cell::Number(g.memory_gb)),
                    ("bandwidth_tbps", Cell::Number(g.bandwidth_tbps)),
                    ("tdp_w", Cell::Number(g.tdp_w)),
                    ("server_overhead", Cell::Number(g.server_overhead)),
                    ("overhead_source", Cell::Text(g.overhead_source)),
                    ("price_usd", Cell::Number(g.price_usd)),
                    ("source", Cell::Text(g.source.text)),
                    ("url", Cell::Optional(g.source.url)),
                    ("price_source", Cell::Text(g.price_source)),
                ]
            })
            .collect();
        return records(rows, args.format);
    }
    let mut rows = vec![[
        "id",
        "BF16 TFLOP/s",
        "FP8 TFLOP/s",
        "memory GB",
        "TB/s",
        "TDP W",
        "price $",
        "name",
    ]
    .map(String::from)
    .to_vec()];
    for g in &GPUS {
        rows.push(vec![
            g.id.to_string(),
            significant(g.bf16_tflops, Lang::En),
            significant(g.fp8_tflops, Lang::En),
            significant(g.memory_gb, Lang::En),
            significant(g.bandwidth_tbps, Lang::En),
            significant(g.tdp_w, Lang::En),
            significant(g.price_usd, Lang::En),
            g.name.to_string(),
        ]);
    }
    let mut out = align(&rows, &[false, true, true, true, true, true, true, false]);
    out.push_str("\nSources:\n");
    for g in &GPUS {
        out.push_str(&format!(
            "  {}: {}; price: {}\n",
            g.id, g.source.text, g.price_source
        ));
    }
    out
}

/// A pack's parameters at their medians, clamped to their bounds.
fn pack_baseline(country: &Country, param: compute_demand_core::ParamId) -> f64 {
    let spec = country.param(param);
    spec.baseline.median().clamp(spec.min, spec.max)
}

fn params(country: &Country, format: Format) -> String {
    let baseline = |id| pack_baseline(country, id);
    if format != Format::Table {
        let rows = country
            .params
            .iter()
            .map(|p| {
                vec![
                    ("key", Cell::Text(p.key)),
                    ("group", Cell::Text(p.group.key())),
                    ("label", Cell::Text(p.label)),
                    ("label_fr", Cell::Text(p.label_fr)),
                    ("unit", Cell::Text(p.unit)),
                    ("default", Cell::Number(baseline(p.id))),
                    ("range", Cell::Range(p.baseline)),
                    ("value", Cell::Value(p.baseline)),
                    ("min", Cell::Number(p.min)),
                    ("max", Cell::Number(p.max)),
                    ("step", Cell::Number(p.step)),
                    ("source", Cell::Text(p.source.text)),
                    ("url", Cell::Optional(p.source.url)),
                    ("evidence", Cell::Text(p.evidence.key())),
                ]
            })
            .collect();
        return records(rows, format);
    }
    let mut rows = vec![[
        "key",
        "default",
        "range (90%)",
        "bounds",
        "unit",
        "evidence",
    ]
    .map(String::from)
    .to_vec()];
    for p in country.params {
        rows.push(vec![
            p.key.to_string(),
            // A year reads to a tenth (2026.5), not to three figures (2,030).
            if p.unit == "year" {
                format!("{:.1}", baseline(p.id))
            } else {
                significant(baseline(p.id), Lang::En)
            },
            if p.baseline.is_uncertain() {
                p.baseline.notation()
            } else {
                "—".to_string()
            },
            format!("{}..{}", p.min, p.max),
            p.unit.to_string(),
            p.evidence.key().to_string(),
        ]);
    }
    let mut out = align(&rows, &[false, true, true, true, false, false]);
    out.push_str("\nSources:\n");
    for p in country.params {
        out.push_str(&format!("  {}: {}\n", p.key, p.source.text));
    }
    out
}

/// The metric keys with what each means, for `run --help`.
pub fn metrics_help() -> String {
    let mut out = format!(
        "{}\n\nMetrics (every one for every year, 2024–2030):\n",
        compute_demand_core::DEMAND_DEFINITION
    );
    // The descriptions name the default country (a run's own is its scenario's).
    let country = Country::first();
    for metric in compute_demand_core::Metric::ALL {
        let description = metric.description();
        let description = country.placed(description);
        let description = description.as_deref().unwrap_or(metric.description());
        out.push_str(&format!("  {}: {description}\n", metric.key()));
    }
    out
}

/// A tranche's capacity as the register gives it.
fn capacity_given(capacity: Capacity) -> (Vec<(&'static str, String)>, String) {
    match capacity {
        Capacity::Mw(mw) => (
            vec![("mw", json::number(mw))],
            quantity(mw, Unit::Megawatts, Lang::En),
        ),
        Capacity::Gpus { count, gpu } => (
            vec![
                ("gpus", json::number(count)),
                ("gpu", json::string(GPUS[gpu].id)),
            ],
            format!("{} × {}", write_number(count), GPUS[gpu].id),
        ),
        Capacity::Eur { eur, scope } => (
            vec![
                ("eur", json::number(eur)),
                ("scope", json::string(scope.key())),
            ],
            format!("{} {}", quantity(eur, Unit::Euros, Lang::En), scope.key()),
        ),
    }
}

fn projects(country: &'static Country, format: Format) -> String {
    let medians = Scenario::in_country(country).medians();
    let register = register(country.projects, &medians);
    match format {
        Format::Json => {
            json::array(register.iter().map(|(project, tranches)| {
                let tranches = json::array(tranches.iter().map(|t| {
                    let tranche = t.sourced.tranche;
                    json::object([
                        ("online_year", tranche.year.to_string()),
                        ("retired", json::optional(t.sourced.retired, json::number)),
                        ("status", json::string(tranche.status.key())),
                        ("capacity", json::object(capacity_given(tranche.capacity).0)),
                        ("nameplate_mw", json::number(t.account.nameplate_mw)),
                        ("source", json::string(t.sourced.source)),
                    ])
                }));
                json::object([
                    ("id", json::string(project.id)),
                    ("name", json::string(project.name)),
                    ("site", json::string(project.site)),
                    ("dedicated", project.dedicated.to_string()),
                    ("customers", json::string(project.customers.key())),
                    ("source", json::string(project.source.text)),
                    ("url", json::optional(project.source.url, json::string)),
                    ("tranches", tranches),
                ])
            })) + "\n"
        }
        Format::Csv => csv::table(
            &[
                "id",
                "name",
                "site",
                "dedicated",
                "customers",
                "online_year",
                "status",
                "capacity",
                "nameplate_mw",
                "source",
            ],
            register.iter().flat_map(|(project, tranches)| {
                tranches.iter().map(move |t| {
                    let tranche = t.sourced.tranche;
                    vec![
                        project.id.to_string(),
                        project.name.to_string(),
                        project.site.to_string(),
                        project.dedicated.to_string(),
                        project.customers.key().to_string(),
                        tranche.year.to_string(),
                        tranche.status.key().to_string(),
                        capacity_given(tranche.capacity).1,
                        json::number(t.account.nameplate_mw),
                        t.sourced.source.to_string(),
                    ]
                })
            }),
        ),
        Format::Table => {
            let mut rows = vec![
                ["project", "year", "status", "capacity", "nameplate", "site"]
                    .map(String::from)
                    .to_vec(),
            ];
            for (project, tranches) in &register {
                for t in tranches {
                    let tranche = t.sourced.tranche;
                    let years = match t.sourced.retired {
                        Some(until) => format!("{}–{}", tranche.year, json::number(until)),
                        None => tranche.year.to_string(),
                    };
                    rows.push(vec![
                        project.id.to_string(),
                        years,
                        tranche.status.key().to_string(),
                        capacity_given(tranche.capacity).1,
                        quantity(t.account.nameplate_mw, Unit::Megawatts, Lang::En),
                        project.site.to_string(),
                    ]);
                }
            }
            let mut out = align(&rows, &[false, true, false, true, true, false]);
            out.push_str(
                "\nNameplate: peak facility power once built, at the baseline's medians. \
                 Sources: `compute-demand projects --format json`.\n",
            );
            out
        }
    }
}
