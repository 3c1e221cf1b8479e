//! The app's one state and the actions that change it. Actions carry what the user did as it
//! came (the text typed, the form submitted, the file read); the reducer checks it through
//! the core's validation layer and says what it refused. Pure: no browser here, so every
//! check and every notice is tested natively.

use crate::compute::Method;
use crate::i18n::texts;
use crate::messages::Unread;
use crate::sources::Loaded;
use compute_demand_core::data::{Country, Preset};
use compute_demand_core::input::field::{self, Refusal};
use compute_demand_core::input::link::{self, Decoded, Link};
use compute_demand_core::input::project::{FieldValue, ProjectField, ProjectFields};
use compute_demand_core::input::validate::{self, Checked, InputError};
use compute_demand_core::output::chart::ChartId;
use compute_demand_core::output::format::Lang;
use compute_demand_core::sim::correlation::Correlation;
use compute_demand_core::sim::dist::ValueKind;
use compute_demand_core::{Dist, Metric, ParamId, Scenario, LAST_YEAR};
use std::rc::Rc;
use yew::Reducible;

/// Whether a slider is moving: while it is, the link and storage wait for the release.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    Dragging,
    Settled,
}

/// A message for the user: what went wrong (or right), in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    /// What it says of the scenario kept in this browser, if that is what it is about.
    pub kept: Option<Kept>,
    /// What a link it is about lost, if that is what it is about: the notice words it in
    /// the page's language (`messages::unread_words`).
    pub unread: Option<Unread>,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: true,
            kept: None,
            unread: None,
        }
    }
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: false,
            kept: None,
            unread: None,
        }
    }
    /// A notice about a link that could not be wholly read, in `lang`.
    pub fn unread(unread: Unread, lang: Lang) -> Notice {
        Notice {
            unread: Some(unread.clone()),
            ..Notice::error(crate::messages::unread_text(&unread, lang))
        }
    }
    /// A notice about the kept scenario, in `lang`.
    pub fn kept(kept: Kept, lang: Lang) -> Notice {
        Notice {
            kept: Some(kept),
            ..Notice::info(kept.text(lang))
        }
    }
}

/// What can befall the scenario kept in this browser (`localStorage`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// Storage is missing, refused or full: only the address bar holds the scenario.
    Unavailable,
    /// The kept value could not be (wholly) read: it stays as it is until the user changes
    /// something.
    Unreadable,
    /// Another tab kept a different scenario since this one last did.
    Overwritten,
    /// The page opened on the scenario last kept here, not on a link: said, with a reset.
    Restored,
}

impl Kept {
    pub fn text(self, lang: Lang) -> &'static str {
        let t = texts(lang);
        match self {
            Kept::Unavailable => t.storage_unavailable(),
            Kept::Unreadable => t.storage_unreadable(),
            Kept::Overwritten => t.storage_overwritten(),
            Kept::Restored => t.storage_restored(),
        }
    }
}

/// Which end of a range a typed bound is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    Low,
    High,
}

/// One of a parameter's number boxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberBox {
    Median,
    Bound(Bound),
}

/// A value typed into a box and refused: the box shows what was typed, marked, with why
/// under it, while the model keeps the last valid value.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    pub id: ParamId,
    pub number_box: NumberBox,
    pub typed: String,
    pub refusal: Refusal,
}

/// Where the link a visit opens was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// In the address bar (the fragment as it stood there): its problems are the link's.
    InAddress(Rc<str>),
    /// Kept in this browser from the last visit: its problems are the saved scenario's.
    InStorage,
}

/// The project form as submitted: each field's text, unread.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProjectForm {
    pub name: String,
    pub year: String,
    /// The capacity, in the unit's terms: euros are typed in billions.
    pub amount: String,
    /// The capacity field the amount is for: `mw`, `gpus` or `eur`.
    pub unit: String,
    pub status: String,
    pub dedicated: bool,
}

impl ProjectForm {
    /// The project's fields, set by key from the form's text. `capacity` names the amount
    /// box in a refusal, in the page's language.
    pub fn fields(&self, capacity: &str, lang: Lang) -> Checked<ProjectFields> {
        let amount = field::typed_number(&self.amount, lang).map_err(|refusal| {
            let colon = if lang == Lang::Fr { "\u{202f}:" } else { ":" };
            InputError::new(format!(
                "{capacity}{colon} {}",
                crate::i18n::refusal_text(&refusal, lang)
            ))
        })?;
        let (unit, amount) = match ProjectField::from_key(&self.unit) {
            Some(ProjectField::Gpus) => (ProjectField::Gpus, amount),
            Some(ProjectField::Eur) => (ProjectField::Eur, amount * 1e9),
            _ => (ProjectField::Mw, amount),
        };
        let mut fields = ProjectFields::default();
        fields.set_text(ProjectField::Name.key(), &self.name)?;
        fields.set_text(ProjectField::Year.key(), &self.year)?;
        fields.set_text(ProjectField::Status.key(), &self.status)?;
        fields.set(ProjectField::Dedicated, FieldValue::Flag(self.dedicated))?;
        fields.set(unit, FieldValue::Number(amount))?;
        Ok(fields)
    }
}

/// A scenario file as the page read it: its scenario, or why there is none. (The page's second
/// module reads the text, crates/compute-demand-views: `scenario_file::parse` is not in the
/// bundle.)
#[derive(Clone, Debug, PartialEq)]
pub enum FileRead {
    Scenario(Box<Scenario>),
    /// The reader's refusal, in words (where in the file, and why).
    Refused(String),
    /// Over the size cap, not read: its size in bytes.
    TooLarge(u64),
    Unreadable,
}

pub const DEFAULT_YEAR: u16 = LAST_YEAR;
/// Notices on screen at once: a link with hundreds of bad parts must not bury the page.
pub const MAX_NOTICES: usize = 5;
pub const DEFAULT_METRIC: Metric = Metric::FacilityPowerMw;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    pub year: u16,
    /// The figure the tornado explains.
    pub metric: Metric,
    /// How the tornado explains it.
    pub method: Method,
    pub lang: Lang,
    pub pace: Pace,
    pub notices: Vec<Notice>,
    /// Notices beyond [`MAX_NOTICES`], counted but not shown.
    pub unshown_notices: usize,
    /// The kept scenario could not be read: it is not written over until the link changes.
    pub hold_storage: bool,
    /// Storage refused a read or a write, and the page said so (once).
    pub storage_refused: bool,
    /// Boxes holding a refused value.
    pub refused: Vec<Refused>,
    /// The reference scenario of a comparison.
    pub pinned: Option<Scenario>,
    /// The figure whose chain is open.
    pub explained: Option<Metric>,
    /// The chart shown alone, for an iframe (the link's `embed=`).
    pub embed: Option<ChartId>,
    /// The parameters' source texts, fetched after the first render (`crate::sources`).
    pub sources: Loaded,
}

impl AppState {
    pub fn new(link: Link, lang: Lang, notices: Vec<Notice>) -> AppState {
        let mut state = AppState {
            // Held to the digits its link writes, as after every action (see `reduce`).
            scenario: link::canonical(&link.scenario),
            year: link.year.unwrap_or(DEFAULT_YEAR),
            metric: link.metric.unwrap_or(DEFAULT_METRIC),
            method: Method::Oat,
            lang,
            pace: Pace::Settled,
            notices: Vec::new(),
            unshown_notices: 0,
            hold_storage: false,
            storage_refused: false,
            refused: Vec::new(),
            pinned: link.pinned.map(|pinned| link::canonical(&pinned)),
            explained: None,
            embed: link.embed,
            sources: Loaded::Pending,
        };
        state.notify(notices);
        state
    }

    /// The state a visit starts in: the link in the address if there is one, else the last
    /// one kept in this browser (`stored`, asked only then), else the baseline. A kept value
    /// that does not read is kept as it is until the user changes something; storage that
    /// refuses to be read is said. (The page's language, `lang`, already follows the link's
    /// `lang=`: `browser::preferred_lang`.)
    pub fn start<E>(
        fragment: &str,
        stored: impl FnOnce() -> Result<Option<String>, E>,
        lang: Lang,
    ) -> AppState {
        if !fragment.is_empty() {
            let found = Found::InAddress(fragment.into());
            return AppState::opened(link::decode(fragment), found, lang);
        }
        match stored() {
            Ok(Some(stored)) => {
                let decoded = link::decode(&stored);
                let unreadable = !decoded.problems.is_empty();
                let baseline = Link {
                    lang: None,
                    ..decoded.link.clone()
                } == Link::of(Scenario::default());
                let mut state = AppState::opened(decoded, Found::InStorage, lang);
                if unreadable {
                    state.hold_storage = true;
                    state
                        .notices
                        .insert(0, Notice::kept(Kept::Unreadable, lang));
                    state.notify(vec![]);
                } else if !baseline {
                    state.notices.insert(0, Notice::kept(Kept::Restored, lang));
                    state.notify(vec![]);
                }
                state
            }
            Ok(None) => AppState::new(Link::of(Scenario::default()), lang, vec![]),
            Err(_) => {
                let mut state = AppState::new(Link::of(Scenario::default()), lang, vec![]);
                state.refuse_storage();
                state
            }
        }
    }

    /// Opens a link pasted over the page's address (`original`, as pasted), in its language
    /// when it sets one the page has (French once fetched). The source texts stay.
    fn open_link(&mut self, decoded: Decoded, original: Rc<str>) {
        let lang = match decoded.link.lang {
            Some(lang) => lang,
            None => self.lang,
        };
        let sources = self.sources;
        *self = AppState::opened(decoded, Found::InAddress(original), lang);
        self.sources = sources;
    }

    /// Says once that storage refused.
    fn refuse_storage(&mut self) {
        if !self.storage_refused {
            self.storage_refused = true;
            self.notify(vec![Notice::kept(Kept::Unavailable, self.lang)]);
        }
    }

    fn shows(&self, kept: Kept) -> bool {
        self.notices.iter().any(|notice| notice.kept == Some(kept))
    }

    /// The state a decoded link opens: what could not be read is said, in one notice and
    /// in the reader's terms, with the link as it was opened; the rest kept.
    pub fn opened(decoded: Decoded, found: Found, lang: Lang) -> AppState {
        let mut notices = Vec::new();
        if !decoded.ignored.is_empty() {
            let original = match found {
                Found::InAddress(original) => Some(original),
                Found::InStorage => None,
            };
            let unread = Unread {
                ignored: decoded.ignored,
                original,
            };
            notices.push(Notice::unread(unread, lang));
        }
        AppState::new(decoded.link, lang, notices)
    }

    /// Adds notices, keeping the first [`MAX_NOTICES`] on screen and counting the rest.
    fn notify(&mut self, notices: Vec<Notice>) {
        self.notices.extend(notices);
        if self.notices.len() > MAX_NOTICES {
            self.unshown_notices += self.notices.len() - MAX_NOTICES;
            self.notices.truncate(MAX_NOTICES);
        }
    }

    /// What the share link carries: the scenario, and the view where it is not the default
    /// (a page in French says so: its link opens in French).
    pub fn link(&self) -> Link {
        Link {
            scenario: self.scenario.clone(),
            year: (self.year != DEFAULT_YEAR).then_some(self.year),
            metric: (self.metric != DEFAULT_METRIC).then_some(self.metric),
            pinned: self.pinned.clone().map(Box::new),
            embed: self.embed,
            lang: (self.lang != Lang::En).then_some(self.lang),
        }
    }

    /// The link without its language: what the scenario kept in this browser is about.
    fn scenario_link(&self) -> Link {
        Link {
            lang: None,
            ..self.link()
        }
    }

    /// What was refused in a box, if anything.
    pub fn refused_in(&self, id: ParamId, number_box: NumberBox) -> Option<&Refused> {
        self.refused
            .iter()
            .find(|r| r.id == id && r.number_box == number_box)
    }

    /// Marks a box as holding a refused value (replacing what it held).
    fn refuse(&mut self, id: ParamId, number_box: NumberBox, typed: String, refusal: Refusal) {
        self.accept(id, Some(number_box));
        self.refused.push(Refused {
            id,
            number_box,
            typed,
            refusal,
        });
    }

    /// Clears the refusal of a box, or of every box of a parameter.
    fn accept(&mut self, id: ParamId, number_box: Option<NumberBox>) {
        self.refused
            .retain(|r| !(r.id == id && number_box.is_none_or(|b| b == r.number_box)));
    }

    /// The scenario back to its preset's values, its correlations, the whole register and
    /// no projects of its own; the name, the sampling and any comparison stay.
    fn reset_all(&mut self) {
        let mut fresh = Scenario::from_preset(self.scenario.preset);
        fresh.name = std::mem::take(&mut self.scenario.name);
        fresh.sampling = self.scenario.sampling;
        self.scenario = fresh;
        self.refused.clear();
        self.notices
            .retain(|notice| notice.kept != Some(Kept::Restored));
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// A slider moves: the median goes to the value.
    Drag(ParamId, f64),
    /// The slider is let go on a value: full samples.
    Release(ParamId, f64),
    /// A median typed into a parameter's number box.
    TypeMedian(ParamId, String),
    /// A bound typed into one of a range's boxes.
    TypeBound(ParamId, Bound, String),
    SetKind(ParamId, ValueKind),
    Reset(ParamId),
    ChoosePreset(&'static Preset),
    SetYear(u16),
    SetMetric(Metric),
    SetMethod(Method),
    SetLang(Lang),
    /// The scenario name as typed.
    Rename(String),
    SubmitProject(ProjectForm),
    RemoveProject(usize),
    /// A correlation typed or slid to for a pair in force: its rho as text.
    SetCorrelation(ParamId, ParamId, String),
    /// A pair back to its default, or, for a pair of the user's, removed.
    ResetCorrelation(ParamId, ParamId),
    /// A pair added from the form: both keys and the rho, as text.
    AddCorrelation(String, String, String),
    /// Keeps the scenario as the reference of a comparison, or drops the reference.
    TogglePin,
    /// Opens the chain behind a figure, or closes it.
    Explain(Option<Metric>),
    /// Every parameter, correlation and project back to the preset's.
    ResetAll,
    /// A built-in project of the register (its index in `PROJECTS`) counted or left out.
    IncludeProject(usize, bool),
    /// A field of one of the scenario's own projects, as typed in the register.
    EditProject(usize, ProjectField, String),
    /// A link pasted over the page's address, decoded, and its fragment as it was pasted.
    OpenLink(Box<Decoded>, Rc<str>),
    /// A scenario file chosen for import: its name, and what reading it gave.
    Import(String, FileRead),
    Notify(Notice),
    Dismiss(usize),
    /// Storage refused to read or keep the scenario (missing, disabled, full).
    StorageRefused,
    /// This tab just kept its scenario: a notice that another tab's replaced it is stale.
    Stored,
    /// The tab came back (focus, visibility, another tab's write): what it last kept, and
    /// what storage holds now.
    StorageChecked {
        own: Option<String>,
        stored: Option<String>,
    },
    /// The parameters' source texts came, or could not be had.
    SourcesLoaded(Loaded),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        if let Err(error) = next.apply(action) {
            next.notify(vec![Notice::error(error.to_string())]);
        }
        // What is computed is what the link writes: a slider's 1.3174603174603174 is 1.31746
        // on screen, in the link and in `compute-demand run --link`.
        next.scenario = link::canonical(&next.scenario);
        // Said once per visit, whatever opened since; a held value is released by a change
        // (of the scenario or the view: a language is none).
        next.storage_refused |= self.storage_refused;
        next.hold_storage = self.hold_storage && next.scenario_link() == self.scenario_link();
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

impl AppState {
    /// Does what `action` says. A refusal comes back before anything changed.
    fn apply(&mut self, action: Action) -> Checked<()> {
        match action {
            Action::Drag(id, value) => {
                self.accept(id, Some(NumberBox::Median));
                move_median(&mut self.scenario, id, value);
                self.pace = Pace::Dragging;
            }
            Action::Release(id, value) => {
                self.accept(id, Some(NumberBox::Median));
                move_median(&mut self.scenario, id, value);
                self.pace = Pace::Settled;
            }
            Action::TypeMedian(id, text) => self.type_median(id, text),
            Action::TypeBound(id, bound, text) => self.type_bound(id, bound, text),
            Action::SetKind(id, kind) => {
                let value = self.scenario.value(id);
                self.scenario.set(id, convert(value, kind, id));
            }
            Action::Reset(id) => {
                self.accept(id, None);
                let preset_value = self.scenario.preset_value(id);
                self.scenario.set(id, preset_value);
            }
            Action::ChoosePreset(preset) => {
                self.refused.clear();
                self.scenario.reset_to(preset);
            }
            Action::TogglePin => {
                self.pinned = match self.pinned {
                    Some(_) => None,
                    None => Some(self.scenario.clone()),
                };
                if link::encode(&self.link()).len() > validate::limits::MAX_FRAGMENT_BYTES {
                    self.pinned = None;
                    return Err(link::too_long_to_pin());
                }
            }
            Action::ResetAll => self.reset_all(),
            Action::Explain(metric) => self.explained = metric,
            Action::IncludeProject(index, included) => {
                self.scenario.include_project(index, included)
            }
            Action::EditProject(index, field, text) => self.edit_project(index, field, &text)?,
            Action::SetYear(year) => self.year = year,
            Action::SetMetric(metric) => self.metric = metric,
            Action::SetMethod(method) => self.method = method,
            Action::SetLang(lang) => self.set_lang(lang),
            Action::Rename(text) => self.scenario.name = validate::name(&text)?,
            Action::SubmitProject(form) => {
                let project = form
                    .fields(texts(self.lang).capacity(), self.lang)?
                    .check()?;
                self.scenario.add_project(project)?;
            }
            Action::RemoveProject(index) => {
                if index < self.scenario.projects.len() {
                    self.scenario.projects.remove(index);
                }
            }
            Action::SetCorrelation(a, b, text) => {
                let pair = Correlation { a, b, rho: 0.0 };
                let rho = validate::number(&text);
                let country = self.scenario.country;
                let rho = rho.map_err(|error| {
                    error.at(format!("correlation {}", pair.pair_text(country)))
                })?;
                let pair = validate::correlation_pair(country, a, b, rho)?;
                self.scenario.set_correlation(pair)?;
            }
            Action::ResetCorrelation(a, b) => {
                let rho = default_rho(self.scenario.country, a, b).unwrap_or(0.0);
                self.scenario.set_correlation(Correlation { a, b, rho })?;
            }
            Action::AddCorrelation(a, b, rho) => {
                let pair =
                    validate::correlation_text(self.scenario.country, &format!("{a},{b}"), &rho)?;
                if pair.rho == 0.0 && default_rho(self.scenario.country, pair.a, pair.b).is_none() {
                    let nothing = texts(self.lang).independent();
                    return Err(InputError::new(nothing).at(format!("correlation {a},{b}")));
                }
                self.scenario.set_correlation(pair)?;
            }
            Action::OpenLink(decoded, original) => self.open_link(*decoded, original),
            Action::Import(name, read) => self.import(name, read)?,
            Action::Notify(notice) => self.notify(vec![notice]),
            Action::Dismiss(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
                if self.notices.is_empty() {
                    self.unshown_notices = 0;
                }
            }
            Action::StorageRefused => self.refuse_storage(),
            Action::SourcesLoaded(loaded) => self.sources = loaded,
            Action::Stored => self
                .notices
                .retain(|notice| notice.kept != Some(Kept::Overwritten)),
            Action::StorageChecked { own, stored } => {
                let replaced = own.is_some() && stored.is_some() && own != stored;
                if replaced && !self.shows(Kept::Overwritten) {
                    self.notify(vec![Notice::kept(Kept::Overwritten, self.lang)]);
                }
            }
        }
        Ok(())
    }

    /// The page in `lang`, its notices too.
    fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        for notice in &mut self.notices {
            if let Some(kept) = notice.kept {
                notice.text = kept.text(lang).into();
            }
            if let Some(unread) = &notice.unread {
                notice.text = crate::messages::unread_text(unread, lang);
            }
        }
    }

    /// A median typed into a box: taken, or refused on the box.
    fn type_median(&mut self, id: ParamId, text: String) {
        match field::typed_param(self.scenario.country.param(id), &text, self.lang) {
            Ok(value) => {
                self.accept(id, Some(NumberBox::Median));
                move_median(&mut self.scenario, id, value);
            }
            Err(refusal) => self.refuse(id, NumberBox::Median, text, refusal),
        }
        self.pace = Pace::Settled;
    }

    /// A bound typed into a box: taken, or refused on the box.
    fn type_bound(&mut self, id: ParamId, bound: Bound, text: String) {
        let number_box = NumberBox::Bound(bound);
        let checked = field::typed_param(self.scenario.country.param(id), &text, self.lang)
            .and_then(|value| {
                let bounded = with_bound(self.scenario.value(id), bound, value);
                validate::param_dist(self.scenario.country.param(id), bounded.written())
                    .map_err(|_| Refusal::Inverted)
            });
        match checked {
            Ok(value) => {
                self.accept(id, Some(number_box));
                self.scenario.set(id, value);
            }
            Err(refusal) => self.refuse(id, number_box, text, refusal),
        }
    }

    /// A field of one of the scenario's own projects, as typed in the register.
    fn edit_project(&mut self, index: usize, field: ProjectField, text: &str) -> Checked<()> {
        let Some(project) = self.scenario.projects.get(index) else {
            return Ok(());
        };
        let mut fields = project.raw_fields();
        let place = || format!("{} {}", texts(self.lang).project_name(), project.name);
        fields
            .set_text(field.key(), text)
            .map_err(|error| error.at(place()))?;
        let edited = fields.check().map_err(|error| error.at(place()))?;
        self.scenario.projects[index] = edited;
        Ok(())
    }

    /// Opens an imported scenario file, saying so, or refuses it.
    fn import(&mut self, name: String, read: FileRead) -> Checked<()> {
        let scenario = match read {
            FileRead::Scenario(scenario) => *scenario,
            FileRead::Refused(refusal) => {
                self.notify(vec![Notice::error(refusal)]);
                return Ok(());
            }
            FileRead::TooLarge(bytes) => return Err(validate::file_too_large(Some(bytes)).at(name)),
            FileRead::Unreadable => {
                return Err(InputError::new("the file could not be read as text").at(name))
            }
        };
        let said = Notice::info(format!("{} ({name})", texts(self.lang).imported()));
        let pinned = self.pinned.take();
        *self = AppState::new(Link::of(scenario), self.lang, vec![said]);
        self.pinned = pinned;
        Ok(())
    }
}

/// The default correlation of a pair (either order) in `country`, if it is a default pair.
pub fn default_rho(country: &Country, a: ParamId, b: ParamId) -> Option<f64> {
    let wanted = Correlation { a, b, rho: 0.0 };
    country
        .correlations
        .iter()
        .find(|d| d.pair.same_pair(&wanted))
        .map(|d| d.pair.rho)
}

fn move_median(scenario: &mut Scenario, id: ParamId, value: f64) {
    if value.is_finite() {
        let spec = id.spec();
        let moved = scenario.value(id).with_median(value, spec.min, spec.max);
        scenario.set(id, moved);
    }
}

/// A value of `kind`: the median for a point, the bounds for a range.
fn shaped(kind: ValueKind, median: f64, (low, high): (f64, f64)) -> Dist {
    match kind {
        ValueKind::Point => Dist::Point(median),
        ValueKind::Range90 => Dist::Range90 { low, high },
        ValueKind::Uniform => Dist::Uniform { low, high },
    }
}

/// The same kind of value with one bound moved (unchecked). A point has no bounds to move.
fn with_bound(value: Dist, bound: Bound, to: f64) -> Dist {
    let (low, high) = value.bounds();
    let bounds = match bound {
        Bound::Low => (to, high),
        Bound::High => (low, to),
    };
    shaped(value.kind(), value.median(), bounds)
}

/// A value turned into another kind around the same median: a point opens into a range of
/// ×/÷1.5 (or ±10% of the parameter's span when it is not positive); a range collapses to its
/// median or keeps its bounds.
fn convert(value: Dist, kind: ValueKind, id: ParamId) -> Dist {
    let spec = id.spec();
    let median = value.median().clamp(spec.min, spec.max);
    let (low, high) = match value {
        Dist::Point(_) if median > 0.0 => (median / 1.5, median * 1.5),
        Dist::Point(_) => {
            let half = 0.1 * (spec.max - spec.min);
            (median - half, median + half)
        }
        other => other.bounds(),
    };
    let clamp = |v: f64| v.clamp(spec.min, spec.max);
    shaped(kind, median, (clamp(low), clamp(high)))
}

#[cfg(test)]
mod tests;
