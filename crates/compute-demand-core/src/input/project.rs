//! A custom supply project's fields: one list, one getter and one setter by name. The share
//! link, the scenario file, the JSON report and the app's form only format `(field, value)`
//! pairs in their own syntax; what a field is and how it is checked lives here.

use crate::data::{Capacity, Tranche, GPUS};
use crate::input::field::{typed_number, Refusal};
use crate::input::validate::{self, limits, Checked, InputError};
use crate::model::supply::CustomProject;
use crate::terms::rules::{self, CapacityGiven};
use crate::terms::Lang;

keyed! {
    /// A field of a custom project, in the order files and links write them.
    pub enum ProjectField {
        Name = "name",
        Year = "year",
        Status = "status",
        Mw = "mw",
        Gpus = "gpus",
        Gpu = "gpu",
        Eur = "eur",
        Scope = "scope",
        Dedicated = "dedicated",
    }
}

/// Site power above which a project of one's own is questioned (5 GW): more than three times
/// the largest project of every pack's register ([`largest_project_mw`]: France's, about
/// 1.6 GW, is Brookfield and Data4's; its largest single campus, Fouju, is 1.4 GW). A test
/// holds it to the registers.
pub const LARGE_PROJECT_MW: f64 = 5_000.0;

/// The capacity typed into the app's project form for `field` (`mw`, `gpus`, or `eur` typed
/// in billions), read in `lang` and checked as [`ProjectFields::check`] checks it: the
/// field's value (euros in euros), or why not, in plain words for the box.
pub fn typed_capacity(field: ProjectField, text: &str, lang: Lang) -> Result<f64, Refusal> {
    let (scale, max) = match field {
        ProjectField::Gpus => (1.0, limits::MAX_PROJECT_GPUS),
        ProjectField::Eur => (1e9, limits::MAX_PROJECT_EUR),
        _ => (1.0, limits::MAX_PROJECT_MW),
    };
    let value = typed_number(text, lang)? * scale;
    validate::positive_at_most(field.key(), value, max)
        .map_err(|_| Refusal::Positive { high: max / scale })
}

/// Whether a capacity checked by [`typed_capacity`] is worth a warning: site power above
/// [`LARGE_PROJECT_MW`].
pub fn is_large(field: ProjectField, value: f64) -> bool {
    field == ProjectField::Mw && value > LARGE_PROJECT_MW
}

/// The warning beside a capacity [`is_large`] flags, in English (the web app keys its French
/// by it): the project is added all the same. `{country}` is the scenario's, `{largest}` its
/// [`largest_project_mw`].
pub const LARGE_WARNING: &str = "Over 5 GW: more than three times the largest project announced in {country} (about {largest}). Check the figure and its unit; the project is added as typed.";

/// The largest project of `country`'s register at its baseline medians, its tranches'
/// nameplates summed, MW: France's is about 1.6 GW (Brookfield and Data4's), the United
/// Kingdom's about 1.1 GW (QTS Cambois).
pub fn largest_project_mw(country: &'static crate::data::Country) -> f64 {
    let medians = crate::Scenario::in_country(country).medians();
    crate::model::supply::register(country.projects, &medians)
        .iter()
        .map(|(_, tranches)| tranches.iter().map(|t| t.account.nameplate_mw).sum::<f64>())
        .fold(0.0, f64::max)
}

/// The type of a field's value, which decides how each syntax writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    Number,
    Flag,
}

impl ProjectField {
    pub fn field_type(self) -> FieldType {
        match self {
            ProjectField::Name | ProjectField::Status | ProjectField::Gpu | ProjectField::Scope => {
                FieldType::Text
            }
            ProjectField::Year | ProjectField::Mw | ProjectField::Gpus | ProjectField::Eur => {
                FieldType::Number
            }
            ProjectField::Dedicated => FieldType::Flag,
        }
    }

    /// A field by name, or a refusal naming the nearest one.
    pub fn named(name: &str) -> Checked<ProjectField> {
        ProjectField::from_key(name).ok_or_else(|| {
            let near = validate::nearest(name, ProjectField::keys(), 1);
            InputError::new(format!(
                "unknown project field '{}'; did you mean '{}'?",
                validate::printable(name),
                near[0]
            ))
        })
    }
}

/// A field's value, typed.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Number(f64),
    Flag(bool),
}

impl FieldValue {
    /// A value read from text, as links and the app's form give them: numbers take SI
    /// suffixes, flags are `1`/`0` or `true`/`false`.
    pub fn parse(field: ProjectField, text: &str) -> Checked<FieldValue> {
        Ok(match field.field_type() {
            FieldType::Text => FieldValue::Text(text.to_string()),
            FieldType::Number => FieldValue::Number(validate::number(text)?),
            FieldType::Flag => match text.trim() {
                "1" | "true" => FieldValue::Flag(true),
                "0" | "false" => FieldValue::Flag(false),
                other => {
                    return Err(InputError::new(format!(
                        "{} is 1 or 0 (true or false), not '{}'",
                        field.key(),
                        validate::printable(other)
                    )))
                }
            },
        })
    }
}

/// The raw fields of a custom project, as read from a file, a link or the app's form, before
/// [`ProjectFields::check`] turns them into a project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectFields {
    values: [Option<FieldValue>; ProjectField::COUNT],
}

impl ProjectFields {
    pub fn get(&self, field: ProjectField) -> Option<&FieldValue> {
        self.values[field as usize].as_ref()
    }

    /// Sets `field`, refusing a value of the wrong type.
    pub fn set(&mut self, field: ProjectField, value: FieldValue) -> Checked<()> {
        let fits = matches!(
            (field.field_type(), &value),
            (FieldType::Text, FieldValue::Text(_))
                | (FieldType::Number, FieldValue::Number(_))
                | (FieldType::Flag, FieldValue::Flag(_))
        );
        if !fits {
            let expected = match field.field_type() {
                FieldType::Text => "a quoted string",
                FieldType::Number => "a number",
                FieldType::Flag => "true or false",
            };
            return Err(InputError::new(format!("{} takes {expected}", field.key())));
        }
        self.values[field as usize] = Some(value);
        Ok(())
    }

    /// Sets a field given by name from its text form (links, the app's form).
    pub fn set_text(&mut self, name: &str, text: &str) -> Checked<()> {
        let field = ProjectField::named(name)?;
        self.set(field, FieldValue::parse(field, text)?)
    }

    fn text(&self, field: ProjectField) -> Option<&str> {
        match self.get(field) {
            Some(FieldValue::Text(text)) => Some(text),
            _ => None,
        }
    }

    fn number(&self, field: ProjectField) -> Option<f64> {
        match self.get(field) {
            Some(FieldValue::Number(value)) => Some(*value),
            _ => None,
        }
    }

    /// The project these fields describe, through the validation layer: a name, a year of
    /// the model, exactly one capacity within the caps, a known status, GPU and scope.
    /// Status defaults to announced, GPU to H100, scope to all-in, dedicated to true.
    pub fn check(&self) -> Checked<CustomProject> {
        let name = validate::name(self.text(ProjectField::Name).unwrap_or(""))?;
        if name.is_empty() {
            return Err(InputError::new("a project needs a name"));
        }
        let year = validate::year(
            self.number(ProjectField::Year)
                .ok_or_else(|| InputError::new(format!("project '{name}' needs a year")))?,
        )?;
        let status = validate::status(self.text(ProjectField::Status).unwrap_or("announced"))?;
        let given = rules::one_capacity(
            self.number(ProjectField::Mw),
            self.number(ProjectField::Gpus),
            self.number(ProjectField::Eur),
        )
        .map_err(|_| {
            InputError::new(format!(
                "project '{name}' needs exactly one of mw, gpus or eur"
            ))
        })?;
        let capacity = match given {
            CapacityGiven::Mw(mw) => Capacity::Mw(validate::positive_at_most(
                "mw",
                mw,
                limits::MAX_PROJECT_MW,
            )?),
            CapacityGiven::Gpus(count) => Capacity::Gpus {
                count: validate::positive_at_most("gpus", count, limits::MAX_PROJECT_GPUS)?,
                gpu: validate::gpu(self.text(ProjectField::Gpu).unwrap_or("h100-sxm"))?,
            },
            CapacityGiven::Eur(eur) => Capacity::Eur {
                eur: validate::positive_at_most("eur", eur, limits::MAX_PROJECT_EUR)?,
                scope: validate::capex_scope(self.text(ProjectField::Scope).unwrap_or("all_in"))?,
            },
        };
        let dedicated = !matches!(
            self.get(ProjectField::Dedicated),
            Some(FieldValue::Flag(false))
        );
        Ok(CustomProject {
            name,
            tranche: Tranche {
                year,
                status,
                capacity,
            },
            dedicated,
        })
    }
}

impl CustomProject {
    /// The project's fields in writing order, only those it has: the one getter every codec
    /// formats from.
    pub fn fields(&self) -> Vec<(ProjectField, FieldValue)> {
        let t = &self.tranche;
        let mut fields = vec![
            (ProjectField::Name, FieldValue::Text(self.name.clone())),
            (ProjectField::Year, FieldValue::Number(f64::from(t.year))),
            (
                ProjectField::Status,
                FieldValue::Text(t.status.key().to_string()),
            ),
        ];
        match t.capacity {
            Capacity::Mw(mw) => fields.push((ProjectField::Mw, FieldValue::Number(mw))),
            Capacity::Gpus { count, gpu } => {
                fields.push((ProjectField::Gpus, FieldValue::Number(count)));
                fields.push((
                    ProjectField::Gpu,
                    FieldValue::Text(GPUS[gpu].id.to_string()),
                ));
            }
            Capacity::Eur { eur, scope } => {
                fields.push((ProjectField::Eur, FieldValue::Number(eur)));
                fields.push((
                    ProjectField::Scope,
                    FieldValue::Text(scope.key().to_string()),
                ));
            }
        }
        fields.push((ProjectField::Dedicated, FieldValue::Flag(self.dedicated)));
        fields
    }

    /// The fields of this project, raw again: what the app's form edits.
    pub fn raw_fields(&self) -> ProjectFields {
        let mut raw = ProjectFields::default();
        for (field, value) in self.fields() {
            raw.values[field as usize] = Some(value);
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_s_capacity_is_refused_in_plain_words() {
        let mw = ProjectField::Mw;
        assert_eq!(typed_capacity(mw, "120", Lang::En), Ok(120.0));
        assert_eq!(typed_capacity(mw, "1 500,5", Lang::Fr), Ok(1500.5));
        assert_eq!(
            typed_capacity(ProjectField::Eur, "2,5", Lang::Fr),
            Ok(2.5e9)
        );
        let message =
            |field, text, lang| typed_capacity(field, text, lang).unwrap_err().message(lang);
        assert_eq!(
            message(mw, "-5", Lang::En),
            "More than 0 and at most 100,000."
        );
        assert_eq!(
            message(mw, "0", Lang::En),
            "More than 0 and at most 100,000."
        );
        assert_eq!(message(mw, "abc", Lang::En), "“abc” is not a number.");
        assert_eq!(
            message(ProjectField::Eur, "2000", Lang::Fr),
            "Plus de 0 et au plus 1\u{202f}000."
        );
        assert_eq!(
            message(mw, "abc", Lang::Fr),
            "«\u{a0}abc\u{a0}» n’est pas un nombre."
        );
        // What the form lets through, the project check takes.
        let mut fields = ProjectFields::default();
        fields.set_text("name", "Campus").unwrap();
        fields.set_text("year", "2028").unwrap();
        fields.set(mw, FieldValue::Number(100_000.0)).unwrap();
        assert!(fields.check().is_ok());
        assert!(typed_capacity(mw, "100001", Lang::En).is_err());
    }

    #[test]
    fn the_large_project_warning_holds_to_the_register() {
        assert!(is_large(ProjectField::Mw, 6000.0));
        assert!(!is_large(ProjectField::Mw, 5000.0));
        assert!(!is_large(ProjectField::Gpus, 6000.0));
        // The largest project of each register, summed over its tranches at the baseline.
        let check = |code: &str, about: f64| {
            let largest = largest_project_mw(crate::data::country_by_code(code).unwrap());
            assert!(
                3.0 * largest < LARGE_PROJECT_MW,
                "{code}: largest {largest} MW"
            );
            assert_eq!((largest / 100.0).round(), about, "{code}: {largest} MW");
        };
        check("fr", 16.0);
        #[cfg(feature = "all-countries")]
        check("uk", 11.0);
        assert!(LARGE_WARNING.contains("{country} (about {largest})"));
    }
}
