//! The quantities the model reports for every year: one row each in `data/metrics.toml`.

/// Declares a metrics enum from one row per metric: `keyed!`'s key table, and each row's
/// unit, labels, descriptions and places (a segment of demand; a row of the CLI's table).
/// Every function is an exhaustive match over the rows: no metric falls into another's unit.
/// build.rs writes the one invocation from `data/metrics.toml` (`$OUT_DIR/metrics.rs`); the
/// tests below declare a fixture with it.
macro_rules! metrics {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $variant:ident = $key:literal {
                unit: $unit:ident, segment: $segment:literal, table: $table:literal,
                label: $label:literal,
                label_fr: $label_fr:literal,
                description: $description:literal,
                description_fr: $description_fr:literal,
            } )+
        }
    ) => {
        keyed! {
            $(#[$meta])*
            pub enum $name {
                $( $variant = $key, )+
            }
        }

        #[allow(dead_code)]
        impl $name {
            /// The parts of the ecosystem's demand on the country's sites, in the order of the stacked chart
            /// (the rows marked `segment`, in row order). They sum to `gpus_h100e`.
            pub const SEGMENTS: [$name; $crate::metric::count([$($segment),+])] =
                $crate::metric::pick($name::ALL, [$($segment),+]);

            pub fn unit(self) -> $crate::metric::Unit {
                match self {
                    $( $name::$variant => $crate::metric::Unit::$unit, )+
                }
            }

            /// Whether the CLI's table has a row for it (`output::report::table_rows` orders them).
            pub fn in_table(self) -> bool {
                match self {
                    $( $name::$variant => $table, )+
                }
            }

            pub fn label(self) -> &'static str {
                match self {
                    $( $name::$variant => $label, )+
                }
            }

            /// What the figure means exactly: what `--help`, the app and the methodology say.
            pub fn description(self) -> &'static str {
                match self {
                    $( $name::$variant => $description, )+
                }
            }

            /// The label in French; "" without the `french` feature (build.rs leaves it out).
            pub fn label_fr(self) -> &'static str {
                match self {
                    $( $name::$variant => $label_fr, )+
                }
            }

            /// What the figure means exactly, in French; "" without the `french` feature.
            pub fn description_fr(self) -> &'static str {
                match self {
                    $( $name::$variant => $description_fr, )+
                }
            }
        }
    };
}

/// How many of `flags` are set: the length of a list of marked rows.
pub(crate) const fn count<const N: usize>(flags: [bool; N]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < N {
        if flags[i] {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The items of `all` whose flag is set, in order (`M` is their [`count`]).
pub(crate) const fn pick<T: Copy, const N: usize, const M: usize>(
    all: [T; N],
    flags: [bool; N],
) -> [T; M] {
    let mut out = [all[0]; M];
    let (mut i, mut j) = (0, 0);
    while i < N {
        if flags[i] {
            out[j] = all[i];
            j += 1;
        }
        i += 1;
    }
    out
}

include!(concat!(env!("OUT_DIR"), "/metrics.rs"));

pub const METRIC_COUNT: usize = Metric::COUNT;

/// What "demand" means, in one paragraph: the top of docs/methodology.md and of
/// `compute-demand run --help` (tests hold both to it).
pub const DEMAND_DEFINITION: &str = "Demand is the compute that France's generative-AI ecosystem uses — its labs, startups and researchers, and the people and firms its models serve, in France and abroad — wherever it runs (ecosystem_gpus_h100e), and the part of it on sites in France (gpus_h100e, facility_power_mw). On French sites it is never below the capacity that French labs and public research own or have contracted there, in the years that capacity is in service, times the share of it held for the French ecosystem (owned_gpus_h100e; the part the estimates leave is committed_gpus_h100e). Demand from abroad on French sites (foreign_power_mw) is France's share of the AI load added in the EU since 2024, estimated from that load, not from the French supply it is compared with. Supply is the AI capacity expected in service on French sites. Two coverages answer two questions: coverage_ratio, supply ÷ (French demand + demand from abroad), asks whether French sites can host all the AI demand that seeks them; coverage_ratio_domestic, supply ÷ French demand, asks whether they can host the French ecosystem's own.";

keyed! {
    /// The unit a figure is in: its key is what CSV and JSON exports write beside it, and
    /// [`crate::output::format::quantity`] writes it for people.
    pub enum Unit {
        Flop = "FLOP",
        Gpus = "GPUs",
        GpuHours = "GPU-hours",
        Megawatts = "MW",
        Megawatthours = "MWh",
        Gigawatthours = "GWh",
        Euros = "EUR",
        TonnesCo2 = "tCO2e",
        Ratio = "ratio",
        Probability = "probability",
    }
}

impl Metric {
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One value per metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ByMetric<T>(pub [T; METRIC_COUNT]);

impl<T> std::ops::Index<Metric> for ByMetric<T> {
    type Output = T;
    fn index(&self, metric: Metric) -> &T {
        &self.0[metric.index()]
    }
}

impl<T> std::ops::IndexMut<Metric> for ByMetric<T> {
    fn index_mut(&mut self, metric: Metric) -> &mut T {
        &mut self.0[metric.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::{Metric, Unit};

    metrics! {
        /// Two metrics, and a third added by its one row.
        pub enum Fixture {
            Power = "power" {
                unit: Megawatts, segment: false, table: true,
                label: "Power",
                label_fr: "Puissance",
                description: "average power, MW",
                description_fr: "puissance moyenne, MW",
            }
            Racks = "racks" {
                unit: Gpus, segment: true, table: false,
                label: "Racks",
                label_fr: "Baies",
                description: "racks in use",
                description_fr: "baies utilisées",
            }
            Added = "added_share" {
                unit: Probability, segment: true, table: true,
                label: "Added",
                label_fr: "Ajoutée",
                description: "a metric added with one row",
                description_fr: "une grandeur ajoutée par une ligne",
            }
        }
    }

    #[test]
    fn a_metric_is_declared_by_one_row() {
        let rows = [
            (
                Fixture::Power,
                "power",
                Unit::Megawatts,
                true,
                "Power",
                "Puissance",
            ),
            (Fixture::Racks, "racks", Unit::Gpus, false, "Racks", "Baies"),
            (
                Fixture::Added,
                "added_share",
                Unit::Probability,
                true,
                "Added",
                "Ajoutée",
            ),
        ];
        assert_eq!(Fixture::COUNT, rows.len());
        for (index, (metric, key, unit, table, label, label_fr)) in rows.into_iter().enumerate() {
            assert_eq!(Fixture::ALL[index], metric);
            assert_eq!(metric.key(), key);
            assert_eq!(Fixture::from_key(key), Some(metric));
            assert_eq!(metric.unit(), unit);
            assert_eq!(metric.in_table(), table);
            assert_eq!(metric.label(), label);
            assert_eq!(metric.label_fr(), label_fr);
        }
        assert_eq!(Fixture::Added.description(), "a metric added with one row");
        assert_eq!(
            Fixture::Added.description_fr(),
            "une grandeur ajoutée par une ligne"
        );
        assert_eq!(Fixture::SEGMENTS, [Fixture::Racks, Fixture::Added]);
        assert_eq!(Fixture::from_key("gpus_h100e"), None);
    }

    /// `Metric` is `data/metrics.toml`, row for row: order, key, unit, places and texts.
    #[test]
    fn the_metrics_are_the_rows_of_the_data_file() {
        let file: toml::Table = toml::from_str(include_str!("../data/metrics.toml")).unwrap();
        let rows = file["metric"].as_array().unwrap();
        assert_eq!(rows.len(), Metric::COUNT);
        let text = |row: &toml::Value, field: &str| row[field].as_str().unwrap().to_string();
        let french = |text: String| {
            if cfg!(feature = "french") {
                text
            } else {
                String::new()
            }
        };
        for (metric, row) in Metric::ALL.into_iter().zip(rows) {
            assert_eq!(format!("{metric:?}"), text(row, "variant"));
            assert_eq!(metric.key(), text(row, "key"));
            assert_eq!(format!("{:?}", metric.unit()), text(row, "unit"));
            assert_eq!(metric.in_table(), row["table"].as_bool().unwrap());
            let segment = Metric::SEGMENTS.contains(&metric);
            assert_eq!(segment, row["segment"].as_bool().unwrap());
            assert_eq!(metric.label(), text(row, "label"));
            assert_eq!(metric.description(), text(row, "description"));
            assert_eq!(metric.label_fr(), french(text(row, "label_fr")));
            assert_eq!(metric.description_fr(), french(text(row, "description_fr")));
        }
    }
}
