//! The reducer, natively: each table is (action, the notice it leaves, what it leaves).

use super::*;
use compute_demand_core::data::{key, Capacity, CapexScope, Status};
use compute_demand_core::PRESETS;

fn start() -> Rc<AppState> {
    Rc::new(AppState::new(
        Link::of(Scenario::default()),
        Lang::En,
        vec![],
    ))
}

/// Applies `action` to `state`, then checks the notices it left: none when `notice` is
/// `None`, else one error whose text is exactly `notice`.
fn check(state: &Rc<AppState>, action: Action, notice: Option<&str>) -> Rc<AppState> {
    let row = format!("{action:?}");
    let next = state.clone().reduce(action);
    let said: Vec<&str> = next.notices.iter().map(|n| n.text.as_str()).collect();
    match notice {
        None => assert!(said.is_empty(), "{row}: said {said:?}"),
        Some(text) => {
            assert_eq!(said, [text], "{row}");
            assert!(next.notices[0].is_error, "{row}");
            assert_eq!(
                next.scenario, state.scenario,
                "{row}: a refusal changes nothing"
            );
        }
    }
    next
}

const RUNS: ParamId = key::TRAINING_FRONTIER_RUNS_PER_YEAR;

/// `value` as the state holds it: to the six significant digits of its link.
fn rounded(value: Dist) -> Dist {
    let round = |v: f64| compute_demand_core::input::notation::round_significant(v, 6);
    match value {
        Dist::Point(v) => Dist::Point(round(v)),
        Dist::Range90 { low, high } => Dist::Range90 {
            low: round(low),
            high: round(high),
        },
        Dist::Uniform { low, high } => Dist::Uniform {
            low: round(low),
            high: round(high),
        },
    }
}

/// Whether a range's median is `expected`, to the six digits its bounds are held to.
fn near(median: f64, expected: f64) -> bool {
    (median - expected).abs() <= 1e-5 * expected.abs()
}

/// The baseline with the frontier labs' runs per year at `value`.
fn runs_at(value: Dist) -> Rc<AppState> {
    let mut scenario = Scenario::default();
    scenario.set(RUNS, value);
    Rc::new(AppState::new(Link::of(scenario), Lang::En, vec![]))
}

/// What a box holds after an action: the refusal under it (in English), if any.
fn refusal_in(state: &AppState, number_box: NumberBox) -> Option<String> {
    state
        .refused_in(RUNS, number_box)
        .map(|refused| crate::i18n::refusal_text(&refused.refusal, state.lang))
}

#[test]
fn typed_values_are_checked_against_the_parameter_in_the_box() {
    let spec = RUNS.spec();
    let range = |low: f64, high: f64| Dist::Range90 { low, high };
    let start = range(1.5, 6.0);
    // A range moved by its median, held to the digits its link writes.
    let moved = |median: f64| rounded(start.with_median(median, spec.min, spec.max));
    let over = spec.max + 1.0;
    let out_of_range = format!("Out of range: between {} and {}.", spec.min, spec.max);
    let text = String::from;
    let median = NumberBox::Median;
    let (low, high) = (NumberBox::Bound(Bound::Low), NumberBox::Bound(Bound::High));
    // (action, the box, the refusal under it, the value it leaves): no notice in any case,
    // and a refusal changes nothing in the scenario.
    let table = [
        (
            Action::TypeMedian(RUNS, text("12")),
            median,
            None,
            moved(12.0),
        ),
        (
            Action::TypeMedian(RUNS, text(" 2.5 ")),
            median,
            None,
            moved(2.5),
        ),
        (
            Action::TypeMedian(RUNS, text("")),
            median,
            Some("A number is needed.".to_string()),
            start,
        ),
        (
            Action::TypeMedian(RUNS, text("abc")),
            median,
            Some("“abc” is not a number.".to_string()),
            start,
        ),
        (
            Action::TypeMedian(RUNS, over.to_string()),
            median,
            Some(out_of_range.clone()),
            start,
        ),
        (
            Action::TypeMedian(RUNS, text("-1")),
            median,
            Some(out_of_range.clone()),
            start,
        ),
        (
            Action::TypeBound(RUNS, Bound::Low, text("2")),
            low,
            None,
            range(2.0, 6.0),
        ),
        (
            Action::TypeBound(RUNS, Bound::High, text("8")),
            high,
            None,
            range(1.5, 8.0),
        ),
        (
            Action::TypeBound(RUNS, Bound::High, over.to_string()),
            high,
            Some(out_of_range.clone()),
            start,
        ),
        (
            Action::TypeBound(RUNS, Bound::Low, text("7")),
            low,
            Some("The low end is above the high end.".to_string()),
            start,
        ),
    ];
    for (action, number_box, refusal, value) in table {
        let row = format!("{action:?}");
        let next = check(&runs_at(start), action, None);
        assert_eq!(next.scenario.value(RUNS), value, "{row}");
        assert_eq!(refusal_in(&next, number_box), refusal, "{row}");
        if refusal.is_some() {
            assert_eq!(
                next.link(),
                runs_at(start).link(),
                "{row}: the link is kept"
            );
        }
    }
}

#[test]
fn a_refusal_stays_on_its_box_until_a_valid_value_or_a_reset() {
    let refused = start().reduce(Action::TypeMedian(RUNS, "1000".into()));
    let typed = refused
        .refused_in(RUNS, NumberBox::Median)
        .map(|r| r.typed.clone());
    assert_eq!(typed.as_deref(), Some("1000"));
    // In French, the same refusal in French, and the comma is the decimal separator.
    let french = refused.clone().reduce(Action::SetLang(Lang::Fr));
    let message = refusal_in(&french, NumberBox::Median).unwrap();
    assert!(
        message.starts_with("Hors limites\u{a0}: entre"),
        "{message}"
    );
    let comma = french.reduce(Action::TypeMedian(RUNS, "2,5".into()));
    assert!(comma.refused.is_empty());
    assert!(near(comma.scenario.value(RUNS).median(), 2.5));
    for clearing in [
        Action::Reset(RUNS),
        Action::Release(RUNS, 3.0),
        Action::ResetAll,
        Action::ChoosePreset(&PRESETS[1]),
    ] {
        let row = format!("{clearing:?}");
        assert!(refused.clone().reduce(clearing).refused.is_empty(), "{row}");
    }
    // A share is typed as a percentage.
    let share = key::SUPPLY_GENAI_SHARE;
    let half = start().reduce(Action::TypeMedian(share, "50".into()));
    assert!((half.scenario.value(share).median() - 0.5).abs() < 1e-9);
}

#[test]
fn a_bound_keeps_the_kind_of_its_range() {
    let uniform = runs_at(Dist::Uniform {
        low: 1.5,
        high: 6.0,
    });
    let next = check(
        &uniform,
        Action::TypeBound(RUNS, Bound::High, "9".into()),
        None,
    );
    assert_eq!(
        next.scenario.value(RUNS),
        Dist::Uniform {
            low: 1.5,
            high: 9.0
        }
    );
    let inverted = uniform
        .clone()
        .reduce(Action::TypeBound(RUNS, Bound::High, "1".into()));
    assert_eq!(inverted.scenario, uniform.scenario);
    assert!(inverted
        .refused_in(RUNS, NumberBox::Bound(Bound::High))
        .is_some());
    // A point has no bounds on screen, and none to move.
    let point = runs_at(Dist::Point(3.0));
    let next = check(
        &point,
        Action::TypeBound(RUNS, Bound::Low, "1".into()),
        None,
    );
    assert_eq!(next.scenario.value(RUNS), Dist::Point(3.0));
}

#[test]
fn a_pinned_scenario_is_the_reference_and_travels_in_the_link() {
    let low = start().reduce(Action::ChoosePreset(&PRESETS[1]));
    let pinned = low.reduce(Action::TogglePin);
    assert_eq!(pinned.pinned.as_ref(), Some(&pinned.scenario));
    let compared = pinned.reduce(Action::ChoosePreset(&PRESETS[2]));
    assert_eq!(compared.pinned.as_ref().map(|s| s.preset.id), Some("low"));
    let fragment = link::encode(&compared.link());
    assert!(fragment.contains("&pin=p%3Dlow"), "{fragment}");
    let found = Found::InAddress(fragment.as_str().into());
    let reopened = AppState::opened(link::decode(&fragment), found, Lang::En);
    assert_eq!(reopened.pinned, compared.pinned);
    assert_eq!(reopened.scenario, compared.scenario);
    let unpinned = compared.reduce(Action::TogglePin);
    assert_eq!(unpinned.pinned, None);
    assert!(!link::encode(&unpinned.link()).contains("pin="));
}

#[test]
fn reset_all_returns_to_the_presets_defaults() {
    let edited = start()
        .reduce(Action::ChoosePreset(&PRESETS[2]))
        .reduce(Action::Rename("Mine".into()))
        .reduce(Action::Release(RUNS, 9.0))
        .reduce(Action::IncludeProject(0, false))
        .reduce(Action::SubmitProject(form("Campus", "5", "mw")))
        .reduce(Action::TogglePin);
    let reset = edited.clone().reduce(Action::ResetAll);
    let mut expected = Scenario::from_preset(&PRESETS[2]);
    expected.name = "Mine".into();
    assert_eq!(reset.scenario, expected);
    assert_eq!(reset.pinned, edited.pinned, "the comparison stays");
}

#[test]
fn a_scenario_restored_from_storage_says_so_and_a_link_does_not() {
    let stored = |fragment: &str| {
        let fragment = fragment.to_string();
        move || Ok::<_, ()>(Some(fragment))
    };
    let restored = Rc::new(AppState::start("", stored("v1&p=high"), Lang::En));
    let kept: Vec<_> = restored.notices.iter().map(|n| n.kept).collect();
    assert_eq!(kept, [Some(Kept::Restored)]);
    let reset = restored.reduce(Action::ResetAll);
    assert!(reset.notices.is_empty());
    assert_eq!(reset.scenario, Scenario::from_preset(&PRESETS[2]));
    // The baseline kept, or a link in the address: nothing to say.
    assert!(AppState::start("", stored("v1"), Lang::En)
        .notices
        .is_empty());
    assert!(AppState::start("v1&p=low", stored("v1&p=high"), Lang::En)
        .notices
        .is_empty());
}

#[test]
fn the_register_counts_or_leaves_out_projects_and_edits_the_users() {
    let out = start().reduce(Action::IncludeProject(2, false));
    assert!(!out.scenario.includes_project(2));
    assert!(link::encode(&out.link()).contains("off="));
    let back = out.reduce(Action::IncludeProject(2, true));
    assert_eq!(back.scenario, Scenario::default());
    let added = start().reduce(Action::SubmitProject(form("Campus", "5", "mw")));
    // (field, text) → the notice
    let table = [
        (ProjectField::Name, "Campus Nord", None),
        (ProjectField::Year, "2029", None),
        (ProjectField::Mw, "250", None),
        (ProjectField::Status, "financed", None),
        (
            ProjectField::Mw,
            "-5",
            Some("Project Campus: mw must be above 0 and at most 100000, not -5"),
        ),
    ];
    for (field, text, notice) in table {
        let row = format!("{field:?} {text}");
        let next = added
            .clone()
            .reduce(Action::EditProject(0, field, text.into()));
        let said: Vec<&str> = next.notices.iter().map(|n| n.text.as_str()).collect();
        match notice {
            None => {
                assert!(said.is_empty(), "{row}: {said:?}");
                assert_ne!(next.scenario.projects, added.scenario.projects, "{row}");
            }
            Some(text) => {
                assert_eq!(said.len(), 1, "{row}");
                assert!(said[0].starts_with(&text[..20]), "{row}: {said:?}");
                assert_eq!(next.scenario, added.scenario, "{row}");
            }
        }
    }
    let renamed = added.reduce(Action::EditProject(
        0,
        ProjectField::Name,
        "Campus Nord".into(),
    ));
    assert_eq!(renamed.scenario.projects[0].name, "Campus Nord");
}

#[test]
fn names_are_checked() {
    let text = String::from;
    // (typed, notice, the name it leaves)
    let table = [
        (text("  Mon scénario "), None, "Mon scénario"),
        (text(""), None, ""),
        (
            "é".repeat(121),
            Some("names are at most 120 characters"),
            "",
        ),
        (
            text("bell\u{7}"),
            Some("names may not contain control characters"),
            "",
        ),
    ];
    for (typed, notice, name) in table {
        let next = check(&start(), Action::Rename(typed), notice);
        assert_eq!(next.scenario.name, name);
    }
}

fn form(name: &str, amount: &str, unit: &str) -> ProjectForm {
    ProjectForm {
        name: name.into(),
        year: "2028".into(),
        amount: amount.into(),
        unit: unit.into(),
        status: "announced".into(),
        dedicated: true,
    }
}

#[test]
fn the_project_form_is_read_by_field_and_checked() {
    let built = ProjectForm {
        status: "built".into(),
        dedicated: false,
        year: "2026".into(),
        ..form("Lab", "4000", "gpus")
    };
    let h100 = compute_demand_core::data::gpu_index("h100-sxm").unwrap();
    let scope = CapexScope::AllIn;
    // (form, notice, the added project's year, status, capacity and dedication)
    let table = [
        (
            form("Campus", "500", "mw"),
            None,
            Some((2028, Status::Announced, Capacity::Mw(500.0), true)),
        ),
        (
            form("Campus", "1.5", "eur"),
            None,
            Some((
                2028,
                Status::Announced,
                Capacity::Eur { eur: 1.5e9, scope },
                true,
            )),
        ),
        (
            built,
            None,
            Some((
                2026,
                Status::Built,
                Capacity::Gpus {
                    count: 4000.0,
                    gpu: h100,
                },
                false,
            )),
        ),
        (
            form("Campus", "", "mw"),
            Some("Capacity: A number is needed."),
            None,
        ),
        (
            form("Campus", "1e9", "mw"),
            Some("mw must be above 0 and at most 100000, not 1000000000"),
            None,
        ),
        (
            form("Campus", "0", "gpus"),
            Some("gpus must be above 0 and at most 10000000, not 0"),
            None,
        ),
        (form("  ", "5", "mw"), Some("a project needs a name"), None),
        (
            ProjectForm {
                year: "2031".into(),
                ..form("Late", "5", "mw")
            },
            Some("year 2031 is outside 2024–2030"),
            None,
        ),
    ];
    for (form, notice, added) in table {
        let row = format!("{form:?}");
        let next = check(&start(), Action::SubmitProject(form), notice);
        let got = next.scenario.projects.last().map(|p| {
            let t = &p.tranche;
            (t.year, t.status, t.capacity, p.dedicated)
        });
        assert_eq!(got, added, "{row}");
    }
    let french = Rc::new(AppState::new(
        Link::of(Scenario::default()),
        Lang::Fr,
        vec![],
    ));
    let refused = Action::SubmitProject(form("Campus", "", "mw"));
    check(
        &french,
        refused,
        Some("Capacité\u{202f}: Un nombre est attendu."),
    );
    let listed = start().reduce(Action::SubmitProject(form("Campus", "5", "mw")));
    assert_eq!(
        listed.reduce(Action::RemoveProject(0)).scenario.projects,
        []
    );
}

#[test]
fn imported_files_are_read_or_refused() {
    let file = "name = \"Imported\"\n[params]\ntraining.frontier.runs_per_year = 6\n";
    let runs = RUNS;
    let next = start().reduce(Action::Import(
        "mine.toml".into(),
        FileRead::Scenario(Box::new(
            compute_demand_core::input::scenario_file::parse(file, "mine.toml").unwrap(),
        )),
    ));
    assert_eq!(
        next.notices,
        [Notice::info("Scenario file loaded. (mine.toml)")]
    );
    assert_eq!(
        (next.scenario.name.as_str(), next.scenario.value(runs)),
        ("Imported", Dist::Point(6.0))
    );
    // (what was read, notice)
    let table = [
        (
            FileRead::TooLarge(70_000),
            "big.toml: the file is 70000 bytes; scenario files are at most 65536 bytes",
        ),
        (
            FileRead::Unreadable,
            "big.toml: the file could not be read as text",
        ),
        (
            // The module's refusal (crates/compute-demand-views, `clicks`), shown as it says it.
            FileRead::Refused("big.toml:2: unknown parameter 'nope'".into()),
            "big.toml:2: unknown parameter 'nope'",
        ),
    ];
    for (read, notice) in table {
        let next = start().reduce(Action::Import("big.toml".into(), read));
        assert!(
            next.notices[0].text.starts_with(notice),
            "{:?} vs {notice}",
            next.notices
        );
        assert_eq!(next.scenario, Scenario::default());
    }
}

/// The action of a link pasted over the page's address.
fn open(fragment: &str) -> Action {
    Action::OpenLink(Box::new(link::decode(fragment)), fragment.into())
}

/// Whether `text` shows a key (`facility.pue`, `runs_per_year`) or developers' words.
fn shows_a_key(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let word = |i: usize| {
        chars
            .get(i)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
    };
    let joined =
        (1..chars.len()).any(|i| matches!(chars[i], '_' | '.') && word(i - 1) && word(i + 1));
    joined || text.contains("field") || text.contains("champ")
}

#[test]
fn a_link_says_what_it_could_not_read_and_where_it_was_found() {
    let bad = "v1&n=Kept&nope=1";
    let from_address = AppState::start(
        bad,
        || -> Result<_, ()> { panic!("storage is not read when there is a link") },
        Lang::En,
    );
    assert_eq!(from_address.scenario.name, "Kept");
    assert_eq!(from_address.notices.len(), 1);
    let notice = &from_address.notices[0];
    assert_eq!(
        notice.text,
        "Part of the link could not be read and was ignored: a part “nope” that is not a setting of this app. Everything else in the link was applied."
    );
    let unread = notice.unread.as_ref().expect("a link's notice");
    assert_eq!(unread.original.as_deref(), Some(bad), "the link as opened");
    let from_storage = AppState::start("", || Ok::<_, ()>(Some(bad.into())), Lang::En);
    assert_eq!(from_storage.scenario.name, "Kept");
    // First, that the kept value is left as it is; then what could not be read.
    assert_eq!(from_storage.notices[0].kept, Some(Kept::Unreadable));
    assert!(
        from_storage.notices[1]
            .text
            .starts_with("Part of the scenario saved in this browser could not be read"),
        "{:?}",
        from_storage.notices
    );
    assert_eq!(
        from_storage.notices[1].unread.as_ref().unwrap().original,
        None
    );
    let whole = AppState::start("", || Ok::<_, ()>(Some("v9".into())), Lang::En);
    assert_eq!(
        whole.notices[1].text,
        "The scenario saved in this browser could not be read: it comes from another version of the app, or it is damaged. The page shows the baseline scenario instead."
    );
    let fresh = AppState::start("", || Ok::<_, ()>(None), Lang::Fr);
    assert_eq!(
        fresh,
        AppState::new(Link::of(Scenario::default()), Lang::Fr, vec![])
    );

    let french = Rc::new(AppState::new(
        Link::of(Scenario::default()),
        Lang::Fr,
        vec![Notice::info("old")],
    ));
    let opened = french.reduce(open(bad));
    assert_eq!(
        (opened.lang, opened.scenario.name.as_str()),
        (Lang::Fr, "Kept")
    );
    assert_eq!(
        opened.notices.len(),
        1,
        "the old notices go: {:?}",
        opened.notices
    );
    assert_eq!(
        opened.notices[0].text,
        "Une partie du lien n'a pas pu être lue et a été ignorée\u{202f}: une partie «\u{a0}nope\u{a0}» qui n'est pas un réglage de l'application. Tout le reste du lien a été appliqué."
    );
    let english = opened.reduce(Action::SetLang(Lang::En));
    assert!(english.notices[0].text.starts_with("Part of the link"));
}

/// Broken links are said in plain words, in both languages: what was ignored in the reader's
/// terms (a parameter by its label, a project by its name), no key, no developers' words.
#[test]
fn broken_links_are_said_in_plain_words() {
    let pue = compute_demand_core::data::param_by_key("facility.pue").unwrap();
    // (link, what the English notice names)
    let table = [
        ("v1&x=1", "the project “1”: a project needs a name, a year from 2024 to 2030 and one size above zero"),
        ("v1&facility.pue=abc", "the value “abc” is not a number"),
        ("v1&facility.pue=9", "the value “9” is outside what the model takes, 1 to 3"),
        ("v1&training.frontier.growth=5..2", "the low end of the range “5..2” is above its high end"),
        ("v1&training.frontier.growh=2", "a part that is not a setting of this app; did you mean “"),
        ("v1&supply.weight_financed=0.5", "a setting that earlier versions of the app had and this one no longer has"),
        ("v1&p=nope", "the scenario “nope”, which the app does not have (it has Baseline, Low demand, High demand)"),
        ("v1&y=1999", "the year “1999”: the model covers 2024 to 2030"),
        ("v1&s=1e9", "the number of draws “1e9”: it is a whole number from 1 to 100,000"),
        ("v1&m=watts", "the figure to explain “watts”"),
        ("v1&lang=xx", "the language “xx”: the app is in English (en) and French (fr)"),
        ("v1&embed=map", "the chart to show alone “map”"),
        ("v1&off=nowhere", "the project to leave out “nowhere”, which is not in the supply register"),
        ("v1&n=%ZZ", "a part with characters that could not be read"),
        ("v1&pin=bogus%3D1", "the scenario pinned for comparison: part of it could not be read"),
        ("v9&p=high", "This link could not be read: it comes from another version of the app, or it is damaged."),
    ];
    for (fragment, said) in table {
        let found = Found::InAddress(fragment.into());
        for lang in [Lang::En, Lang::Fr] {
            let state = AppState::opened(link::decode(fragment), found.clone(), lang);
            assert_eq!(state.notices.len(), 1, "{fragment}");
            let text = &state.notices[0].text;
            if lang == Lang::En {
                assert!(text.contains(said), "{fragment}: {text}");
            }
            assert!(!shows_a_key(text), "{fragment} in {lang:?}: {text}");
            assert!(
                !text.contains("link:") && !text.contains("lien\u{202f}:"),
                "{text}"
            );
        }
    }
    let state = AppState::opened(
        link::decode("v1&facility.pue=abc"),
        Found::InAddress("v1".into()),
        Lang::Fr,
    );
    let label = crate::i18n::param_label(pue, Lang::Fr);
    assert!(
        state.notices[0].text.contains(label),
        "the French label: {}",
        state.notices[0].text
    );
    // Many bad parts: one notice, five listed, the rest counted.
    let many: String = (0..12)
        .map(|i| format!("&facility.pue={}", 10 + i))
        .collect();
    let state = AppState::start(&format!("v1{many}"), || Ok::<_, ()>(None), Lang::En);
    assert_eq!(state.notices.len(), 1);
    let words = crate::messages::unread_words(state.notices[0].unread.as_ref().unwrap(), Lang::En);
    assert_eq!(words.items.len(), 6);
    assert_eq!(words.items[5], "and 7 more");
}

#[test]
fn a_links_language_opens_the_page_in_it_and_travels_in_its_link() {
    let french = start().reduce(Action::SetLang(Lang::Fr));
    assert_eq!(link::encode(&french.link()), "v1&lang=fr");
    let english = french.reduce(Action::SetLang(Lang::En));
    assert_eq!(
        link::encode(&english.link()),
        "v1",
        "English, the default, is not written"
    );
    let opened = english.reduce(open("v1&p=high&lang=fr"));
    assert_eq!((opened.lang, opened.scenario.preset.id), (Lang::Fr, "high"));
    assert!(opened.notices.is_empty());
    let unknown = opened.reduce(open("v1&p=low&lang=xx"));
    assert_eq!(
        (unknown.lang, unknown.scenario.preset.id),
        (Lang::Fr, "low")
    );
    assert_eq!(unknown.notices.len(), 1);
    // The scenario kept in this browser is the same in either language.
    let kept = AppState::start("", || Ok::<_, ()>(Some("v1&lang=fr".into())), Lang::En);
    assert!(
        kept.notices.is_empty(),
        "the baseline, not restored: {:?}",
        kept.notices
    );
}

#[test]
fn what_is_computed_is_what_the_link_writes() {
    let pue = compute_demand_core::data::param_by_key("facility.pue")
        .unwrap()
        .id;
    let point = start().reduce(Action::SetKind(pue, ValueKind::Point));
    let dragged = point.reduce(Action::Drag(pue, 1.3174603174603174));
    assert_eq!(dragged.scenario.value(pue), Dist::Point(1.31746));
    let released = dragged.reduce(Action::Release(pue, 1.3174603174603174));
    let fragment = link::encode(&released.link());
    assert_eq!(fragment, "v1&facility.pue=1.31746");
    assert_eq!(link::decode(&fragment).link.scenario, released.scenario);
    // A range moved by its median keeps six digits per bound too.
    let ranged = released
        .clone()
        .reduce(Action::SetKind(pue, ValueKind::Range90));
    let moved = ranged.reduce(Action::Release(pue, 1.2345678901));
    let fragment = link::encode(&moved.link());
    assert_eq!(
        link::decode(&fragment).link.scenario,
        moved.scenario,
        "{fragment}"
    );
    let (low, high) = moved.scenario.value(pue).bounds();
    for bound in [low, high] {
        assert_eq!(
            bound,
            compute_demand_core::input::notation::round_significant(bound, 6)
        );
    }
    // A link with more digits opens on the rounded value, as `run --link` reads it.
    let long = AppState::start(
        "v1&facility.pue=1.3174603174603174",
        || Ok::<_, ()>(None),
        Lang::En,
    );
    assert_eq!(long.scenario, released.scenario);
    assert!(long.notices.is_empty());
}

#[test]
fn sliders_move_the_median_and_set_the_pace() {
    let id = RUNS;
    let dragged = start().reduce(Action::Drag(id, 6.0));
    assert_eq!(dragged.pace, Pace::Dragging);
    assert!(near(dragged.scenario.value(id).median(), 6.0));
    let released = dragged.reduce(Action::Release(id, 7.0));
    assert_eq!(released.pace, Pace::Settled);
    assert!(near(released.scenario.value(id).median(), 7.0));

    let point = released.reduce(Action::SetKind(id, ValueKind::Point));
    let median = point.scenario.value(id).median();
    assert_eq!(point.scenario.value(id), Dist::Point(median));
    assert!(near(median, 7.0));
    let reset = point.reduce(Action::Reset(id));
    assert_eq!(reset.scenario.value(id), reset.scenario.preset_value(id));

    let bad = start().reduce(Action::Notify(Notice::error("bad")));
    let dismissed = bad.reduce(Action::Dismiss(0));
    assert!(dismissed.notices.is_empty());

    let high = start().reduce(Action::ChoosePreset(&PRESETS[2]));
    assert_eq!(high.scenario.preset.id, "high");
}

#[test]
fn notices_are_capped() {
    let many = (0..40)
        .map(|i| Notice::error(format!("problem {i}")))
        .collect();
    let state = AppState::new(Link::of(Scenario::default()), Lang::En, many);
    assert_eq!(
        (state.notices.len(), state.unshown_notices),
        (MAX_NOTICES, 35)
    );
    let later = Rc::new(state).reduce(Action::Notify(Notice::info("saved")));
    assert_eq!(
        (later.notices.len(), later.unshown_notices),
        (MAX_NOTICES, 36)
    );
}

#[test]
fn an_unchanged_state_is_the_same_rc() {
    let state = start();
    let same = state.clone().reduce(Action::SetYear(DEFAULT_YEAR));
    assert!(Rc::ptr_eq(&state, &same));
}

#[test]
fn the_link_omits_default_views() {
    let state = start();
    assert_eq!(link::encode(&state.link()), "v1");
    let moved = state
        .reduce(Action::SetYear(2027))
        .reduce(Action::SetMetric(Metric::CostEur));
    assert_eq!(link::encode(&moved.link()), "v1&y=2027&m=cost_eur");
}

#[test]
fn kinds_convert_around_the_median() {
    let id = key::TRAINING_STARTUPS_COUNT;
    let range = Dist::Range90 {
        low: 500.0,
        high: 1125.0,
    };
    let uniform = Dist::Uniform {
        low: 500.0,
        high: 1125.0,
    };
    // (starting value, kind, expected)
    let table = [
        (Dist::Point(750.0), ValueKind::Range90, range),
        (Dist::Point(750.0), ValueKind::Uniform, uniform),
        (range, ValueKind::Uniform, uniform),
        (
            Dist::Uniform {
                low: 500.0,
                high: 1000.0,
            },
            ValueKind::Point,
            Dist::Point(750.0),
        ),
    ];
    for (value, kind, expected) in table {
        assert_eq!(convert(value, kind, id), expected, "{value:?} → {kind:?}");
    }
    let lag = key::HARDWARE_FLEET_LAG_YEARS;
    let (low, high) = convert(Dist::Point(0.0), ValueKind::Range90, lag).bounds();
    assert!(
        (low + 0.6).abs() < 1e-12 && (high - 0.6).abs() < 1e-12,
        "±10% of the span -2..4"
    );
}

/// The first default pair, and a pair of parameters that is not a default one.
fn pairs() -> (Correlation, Correlation) {
    use compute_demand_core::input::scenario::default_correlations;
    let default = default_correlations(compute_demand_core::data::Country::first())[0];
    let ids: Vec<ParamId> = ParamId::all().collect();
    let user = ids
        .iter()
        .flat_map(|&a| ids.iter().map(move |&b| Correlation { a, b, rho: 0.0 }))
        .find(|c| c.a < c.b && default_rho(Country::first(), c.a, c.b).is_none())
        .expect("a pair that is not a default");
    (default, user)
}

fn keys(pair: Correlation) -> (String, String) {
    (pair.a.spec().key.to_string(), pair.b.spec().key.to_string())
}

/// A row of a correlation table: the action, the notice it leaves, the pair it is about, the
/// pair's rho after, and how many pairs are listed after.
type PairCase = (Action, Option<String>, Correlation, f64, usize);

fn check_pairs(table: Vec<PairCase>) {
    for (action, notice, pair, rho, count) in table {
        let row = format!("{action:?}");
        let next = check(&start(), action, notice.as_deref());
        assert_eq!(next.scenario.correlation(pair.a, pair.b), rho, "{row}");
        assert_eq!(next.scenario.correlations.len(), count, "{row}");
    }
}

fn at(pair: &str, message: &str) -> String {
    format!("correlation {pair}: {message}")
}

#[test]
fn a_pairs_rho_is_set_through_the_core() {
    let (d, u) = pairs();
    let ua = keys(u).0;
    let listed = Scenario::default().correlations.len();
    let dp = d.pair_text(Country::first());
    let text = String::from;
    check_pairs(vec![
        (
            Action::SetCorrelation(d.a, d.b, text("0.8")),
            None,
            d,
            0.8,
            listed,
        ),
        (
            Action::SetCorrelation(d.b, d.a, text(" -0.25 ")),
            None,
            d,
            -0.25,
            listed,
        ),
        // A default pair at 0 stays listed.
        (
            Action::SetCorrelation(d.a, d.b, text("0")),
            None,
            d,
            0.0,
            listed,
        ),
        (
            Action::SetCorrelation(d.a, d.b, text("abc")),
            Some(at(&dp, "'abc' is not a number")),
            d,
            d.rho,
            listed,
        ),
        (
            Action::SetCorrelation(d.a, d.b, text("1.5")),
            Some(at(&dp, "correlation 1.5 is outside -1..1")),
            d,
            d.rho,
            listed,
        ),
        (
            Action::SetCorrelation(u.a, u.a, text("0.5")),
            Some(format!(
                "correlation {ua},{ua}: a correlation pairs two different parameters"
            )),
            u,
            0.0,
            listed,
        ),
    ]);
}

#[test]
fn pairs_are_added_through_the_core() {
    let (d, u) = pairs();
    let (da, db) = keys(d);
    let (ua, ub) = keys(u);
    let listed = Scenario::default().correlations.len();
    let up = u.pair_text(Country::first());
    let unknown = validate::param_key(Country::first(), "nope")
        .unwrap_err()
        .to_string();
    let text = String::from;
    check_pairs(vec![
        (
            Action::AddCorrelation(ua.clone(), ub.clone(), text("0.7")),
            None,
            u,
            0.7,
            listed + 1,
        ),
        (
            Action::AddCorrelation(ub.clone(), ua.clone(), text("-1")),
            None,
            u,
            -1.0,
            listed + 1,
        ),
        (
            Action::AddCorrelation(db.clone(), da.clone(), text("0.1")),
            None,
            d,
            0.1,
            listed,
        ),
        (
            Action::AddCorrelation(ua.clone(), ub.clone(), text("0")),
            Some(at(
                &up,
                "a correlation of 0 is independence: nothing to add",
            )),
            u,
            0.0,
            listed,
        ),
        (
            Action::AddCorrelation(ua.clone(), text("nope"), text("0.5")),
            Some(unknown),
            u,
            0.0,
            listed,
        ),
        (
            Action::AddCorrelation(ua.clone(), ub.clone(), text("2")),
            Some(at(&up, "correlation 2 is outside -1..1")),
            u,
            0.0,
            listed,
        ),
    ]);
    let french = Rc::new(AppState::new(
        Link::of(Scenario::default()),
        Lang::Fr,
        vec![],
    ));
    let zero = Action::AddCorrelation(ua, ub, text("0"));
    let said = at(
        &up,
        "une corrélation de 0 est l'indépendance\u{202f}: rien à ajouter",
    );
    check(&french, zero, Some(&said));
}

#[test]
fn a_reset_gives_a_default_pair_its_default_and_removes_a_users_pair() {
    let (d, u) = pairs();
    let (ua, ub) = keys(u);
    let moved = start()
        .reduce(Action::SetCorrelation(d.a, d.b, "-0.9".into()))
        .reduce(Action::AddCorrelation(ua, ub, "0.6".into()));
    assert_eq!(moved.scenario.correlation_overrides().len(), 2);
    assert!(link::encode(&moved.link()).contains("&c="));
    // (reset, the pair's rho after)
    let table = [((d.a, d.b), d.rho), ((u.b, u.a), 0.0)];
    for ((a, b), rho) in table {
        let next = check(&moved, Action::ResetCorrelation(a, b), None);
        assert_eq!(next.scenario.correlation(a, b), rho);
    }
    let both = moved
        .reduce(Action::ResetCorrelation(d.a, d.b))
        .reduce(Action::ResetCorrelation(u.a, u.b));
    assert_eq!(both.scenario, Scenario::default());
    assert_eq!(link::encode(&both.link()), "v1");
}

#[test]
fn the_tornado_method_is_a_view_not_part_of_the_link() {
    // (method, the link after)
    for method in Method::ALL {
        let next = check(&start(), Action::SetMethod(method), None);
        assert_eq!(next.method, method);
        assert_eq!(link::encode(&next.link()), "v1");
    }
    assert_eq!(Method::ALL.map(Method::key), ["oat", "rank"]);
}

/// The kept notices on screen, in order.
fn kept(state: &AppState) -> Vec<Kept> {
    state
        .notices
        .iter()
        .filter_map(|notice| notice.kept)
        .collect()
}

#[test]
fn storage_that_refuses_is_said_once_and_the_scenario_stays() {
    // (what reading gives, the kept notices, whether writes are held)
    let table = [
        (Err(()), vec![Kept::Unavailable], false),
        (Ok(None), vec![], false),
        (Ok(Some("v1&p=high".into())), vec![Kept::Restored], false),
        (Ok(Some("v1".into())), vec![], false),
    ];
    for (read, said, held) in table {
        let row = format!("{read:?}");
        let state = Rc::new(AppState::start("", || read, Lang::En));
        assert_eq!(kept(&state), said, "{row}");
        assert_eq!(state.hold_storage, held, "{row}");
    }
    // A write refused says so once: not again, nor after a dismissal or a new link.
    let state = start();
    let once = state.reduce(Action::StorageRefused);
    assert_eq!(kept(&once), [Kept::Unavailable]);
    assert!(!once.notices[0].is_error);
    assert_eq!(
        once.notices[0].text,
        "This browser won't let the app remember your scenario; the link in the address bar still holds it."
    );
    let again = once.clone().reduce(Action::StorageRefused);
    assert!(
        Rc::ptr_eq(&once, &again),
        "nothing changes, nothing renders"
    );
    let dismissed = again.reduce(Action::Dismiss(0));
    let opened = dismissed.reduce(open("v1&p=low"));
    let later = opened.reduce(Action::StorageRefused);
    assert_eq!(kept(&later), []);
    assert_eq!(
        later.scenario.preset.id, "low",
        "the scenario is the one opened"
    );
    // In the page's language, and again in the next.
    let french = AppState::start("", || Err::<Option<String>, _>(()), Lang::Fr);
    assert!(french.notices[0]
        .text
        .starts_with("Ce navigateur ne laisse pas"));
    let english = Rc::new(french).reduce(Action::SetLang(Lang::En));
    assert!(english.notices[0].text.starts_with("This browser won't"));
}

#[test]
fn a_kept_value_that_does_not_read_opens_the_baseline_and_is_held_until_a_change() {
    let baseline = Scenario::default();
    // (kept value, whether it opens the baseline)
    let table = [
        ("v0&p=high&training.frontier.runs_per_year=4", true),
        ("v9", true),
        ("\u{0}\u{1}garbage\u{7f}", true),
        ("%%%&&&==", true),
        ("v1&p=high&bogus=1", false),
    ];
    for (value, is_baseline) in table {
        let state = Rc::new(AppState::start(
            "",
            || Ok::<_, ()>(Some(value.into())),
            Lang::En,
        ));
        assert_eq!(kept(&state), [Kept::Unreadable], "{value:?}");
        assert_eq!(state.notices[0].text, Kept::Unreadable.text(Lang::En));
        assert_eq!(state.scenario == baseline, is_baseline, "{value:?}");
        assert!(state.hold_storage, "{value:?}: held");
        // What changes no link keeps it held; a change releases it.
        let french = state.reduce(Action::SetLang(Lang::Fr));
        assert!(french.hold_storage, "{value:?}: a language is no change");
        assert_eq!(french.notices[0].text, Kept::Unreadable.text(Lang::Fr));
        let dismissed = french.reduce(Action::Dismiss(0));
        assert!(
            dismissed.hold_storage,
            "{value:?}: a dismissal is no change"
        );
        let failed = dismissed.reduce(Action::TypeMedian(RUNS, "abc".into()));
        assert!(failed.hold_storage, "{value:?}: a refusal is no change");
        let moved = failed.clone().reduce(Action::Drag(RUNS, 4.5));
        assert!(!moved.hold_storage, "{value:?}: released by a slider");
        let year = failed.reduce(Action::SetYear(2027));
        assert!(!year.hold_storage, "{value:?}: released by the year");
    }
}

#[test]
fn a_tab_says_when_another_kept_a_different_scenario() {
    let some = |text: &str| Some(String::from(text));
    // (what this tab kept, what storage holds, whether it says so)
    let table = [
        (some("v1&p=high"), some("v1&p=low"), true),
        (some("v1&p=high"), some("v1&p=high"), false),
        (None, some("v1&p=low"), false),
        (some("v1&p=high"), None, false),
        (None, None, false),
    ];
    for (own, stored, says) in table {
        let row = format!("{own:?} {stored:?}");
        let checked = Action::StorageChecked { own, stored };
        let next = start().reduce(checked.clone());
        let expected: &[Kept] = if says { &[Kept::Overwritten] } else { &[] };
        assert_eq!(kept(&next), expected, "{row}");
        assert_eq!(
            next.scenario,
            Scenario::default(),
            "{row}: the scenario stays"
        );
        // Said once, however often the tab comes back.
        let again = next.clone().reduce(checked);
        assert!(Rc::ptr_eq(&next, &again), "{row}");
    }
    let overwritten = start().reduce(Action::StorageChecked {
        own: some("v1&p=high"),
        stored: some("v1&p=low"),
    });
    assert_eq!(
        overwritten.notices[0].text,
        "Another tab saved a different scenario; this tab keeps its own (in its address bar)."
    );
    // Once this tab keeps its scenario again, the notice is stale.
    let stored = overwritten.reduce(Action::Stored);
    assert_eq!(kept(&stored), []);
    let quiet = start();
    assert!(Rc::ptr_eq(&quiet, &quiet.clone().reduce(Action::Stored)));
}

/// An embed link opens on its chart alone, and the link it writes back keeps it.
#[test]
fn an_embed_stays_in_the_link() {
    let state = AppState::start("v1&p=high&embed=tornado", || Ok::<_, ()>(None), Lang::En);
    assert_eq!(state.embed, Some(ChartId::Tornado));
    assert!(state.notices.is_empty());
    assert_eq!(link::encode(&state.link()), "v1&p=high&embed=tornado");
    let plain = AppState::start("v1&p=high", || Ok::<_, ()>(None), Lang::En);
    assert_eq!(plain.embed, None);
}

/// The source texts, once fetched (or not to be had), stay when a link is opened over the
/// page, and change nothing else.
#[test]
fn the_source_texts_stay_with_the_page() {
    let sources: &'static crate::sources::Sources = Box::leak(Box::new(
        crate::sources::Sources::parse(Box::leak(
            crate::sources::Sources::made_up("", |_| "A source.".to_string()).into_boxed_str(),
        ))
        .unwrap(),
    ));
    for loaded in [Loaded::Ready(sources), Loaded::Failed] {
        let next = check(&start(), Action::SourcesLoaded(loaded), None);
        assert_eq!(next.sources, loaded);
        assert_eq!(
            AppState {
                sources: Loaded::Pending,
                ..(*next).clone()
            },
            *start()
        );
        let opened = next.reduce(open("v1&p=high"));
        assert_eq!(
            (opened.sources, opened.scenario.preset.id),
            (loaded, "high")
        );
    }
}
