//! The term's changes on the bundled questionnaire and its translation files:
//! a change touches its lines only, a no-op changes no byte, the result is
//! valid for the core, and refused changes change nothing.
#![allow(clippy::indexing_slicing)]

use diag_core::{Date, Questionnaire, When};
use diag_workshop::{apply, mark_for_review, read, Change, Contact, Period, Refused, Written};

const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");
const AR: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.ar.yaml");
const PT: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.pt.yaml");
const TR: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.tr.yaml");

/// The lines that differ between two texts (same number of lines or not).
fn changed_lines(before: &str, after: &str) -> Vec<String> {
    let (a, b): (Vec<_>, Vec<_>) = (before.lines().collect(), after.lines().collect());
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let tail = tail.min(a.len() - head).min(b.len() - head);
    b[head..b.len() - tail]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
}

fn period(from: &str, to: &str, place: &str, schedule: &str) -> Period {
    Period {
        from: from.into(),
        to: to.into(),
        place: vec![("fr".into(), place.into()), ("en".into(), String::new())],
        schedule: vec![("fr".into(), schedule.into()), ("en".into(), String::new())],
    }
}

#[test]
fn the_bundled_details_are_read_as_written() {
    let d = read(BUNDLED).unwrap();
    assert_eq!(d.languages, ["fr", "en"]);
    assert_eq!(d.contact(Contact::Phone).unwrap()[0].1, "01 40 85 57 00");
    assert_eq!(
        d.contact(Contact::PermanenceHours).unwrap()[0].1,
        "Le mercredi de 14 h à 17 h, sans rendez-vous"
    );
    assert_eq!(d.parcours.len(), 4);
    let init = d.parcours("initiation").unwrap();
    assert_eq!(init.written, Written::Sessions);
    assert_eq!(init.periods[0].from, "2026-09-12");
    assert_eq!(init.periods[0].place[0].1, "Médiathèque, espace numérique");
    assert_eq!(
        init.periods[0].schedule[1].1,
        "Tuesdays and Thursdays, 9:30 to 11:30 am"
    );
}

#[test]
fn writing_back_what_is_there_changes_no_byte() {
    let d = read(BUNDLED).unwrap();
    for (c, value) in &d.contacts {
        let edited = apply(BUNDLED, &Change::Contact(*c, value.clone().unwrap())).unwrap();
        assert_eq!(edited.text, BUNDLED, "{c:?}");
        assert!(edited.changed.is_empty());
    }
    for p in &d.parcours {
        for (index, period) in p.periods.iter().enumerate() {
            let edited = apply(
                BUNDLED,
                &Change::Period {
                    parcours: p.id.clone(),
                    index,
                    period: period.clone(),
                },
            )
            .unwrap();
            assert_eq!(edited.text, BUNDLED, "{}", p.id);
        }
    }
    // And the translation files, with nothing changed.
    for t in [AR, PT, TR] {
        assert_eq!(mark_for_review(t, "fr", &[]), t);
    }
}

#[test]
fn a_contact_change_touches_its_line_only_and_says_which_french_text_changed() {
    let mut value = read(BUNDLED)
        .unwrap()
        .contact(Contact::PermanenceHours)
        .unwrap()
        .clone();
    value[0].1 = "Le jeudi de 9 h à 12 h, sans rendez-vous".into();
    value[1].1 = "Thursdays from 9 am to noon, no appointment needed".into();
    let edited = apply(BUNDLED, &Change::Contact(Contact::PermanenceHours, value)).unwrap();
    assert_eq!(
        changed_lines(BUNDLED, &edited.text),
        [
            "      fr: \"Le jeudi de 9 h à 12 h, sans rendez-vous\"",
            "      en: \"Thursdays from 9 am to noon, no appointment needed\""
        ]
    );
    assert_eq!(
        edited.changed,
        [(
            "Le mercredi de 14 h à 17 h, sans rendez-vous".to_owned(),
            "Le jeudi de 9 h à 12 h, sans rendez-vous".to_owned()
        )]
    );
    let q = Questionnaire::from_yaml(&edited.text).unwrap();
    assert_eq!(
        q.organisation.permanence.unwrap().hours.get("fr"),
        "Le jeudi de 9 h à 12 h, sans rendez-vous"
    );
    // The phone, written plain as it was.
    let edited = apply(
        BUNDLED,
        &Change::Contact(
            Contact::Phone,
            vec![(String::new(), "01 47 98 00 00".into())],
        ),
    )
    .unwrap();
    assert_eq!(
        changed_lines(BUNDLED, &edited.text),
        ["  phone: \"01 47 98 00 00\""]
    );
}

#[test]
fn the_translations_of_a_changed_text_are_marked_for_review_and_read_back_in_french() {
    let new = "Le jeudi de 9 h à 12 h, sans rendez-vous";
    let mut value = read(BUNDLED)
        .unwrap()
        .contact(Contact::PermanenceHours)
        .unwrap()
        .clone();
    value[0].1 = new.into();
    let edited = apply(BUNDLED, &Change::Contact(Contact::PermanenceHours, value)).unwrap();
    let files: Vec<String> = [AR, PT, TR]
        .iter()
        .map(|t| mark_for_review(t, "fr", &edited.changed))
        .collect();
    for (before, after) in [AR, PT, TR].iter().zip(&files) {
        let lines = changed_lines(before, after);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0], format!("  - fr: \"{new}\""));
        assert_eq!(lines[2], "    reviewed: false");
    }
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let (q, in_files) = Questionnaire::from_yaml_translated(&edited.text, &refs);
    let q = q.unwrap();
    assert!(
        in_files
            .iter()
            .all(|f| f.iter().all(|d| d.code == "translation-to-review")),
        "{in_files:#?}"
    );
    let hours = &q.organisation.permanence.as_ref().unwrap().hours;
    assert_eq!(
        hours.get("ar"),
        new,
        "Arabic readers get the new French, not the old hours"
    );
    assert!(!q.warnings.iter().any(|d| d.code == "untranslated-text"));
}

#[test]
fn a_new_period_turns_sessions_into_periods_in_the_files_indentation() {
    let d = read(BUNDLED).unwrap();
    let init = d.parcours("initiation").unwrap();
    let mut next = init.periods[0].clone();
    next.from = "2027-01-05".into();
    next.to = "2027-03-26".into();
    let edited = apply(
        BUNDLED,
        &Change::AddPeriod {
            parcours: "initiation".into(),
            period: next,
        },
    )
    .unwrap();
    let lines = changed_lines(BUNDLED, &edited.text);
    assert_eq!(
        lines,
        [
            "    periods:",
            "      - from: 2026-09-12",
            "        to: 2026-11-01",
            "        schedule:",
            "          fr: \"Le mardi et le jeudi, de 9 h 30 à 11 h 30\"",
            "          en: \"Tuesdays and Thursdays, 9:30 to 11:30 am\"",
            "      - from: 2027-01-05",
            "        to: 2027-03-26",
            "        schedule: { fr: \"Le mardi et le jeudi, de 9 h 30 à 11 h 30\", en: \"Tuesdays and Thursdays, 9:30 to 11:30 am\" }",
        ]
    );
    assert!(
        edited.changed.is_empty(),
        "no text changed: translations stay valid"
    );
    let q = Questionnaire::from_yaml(&edited.text).unwrap();
    let p = q.parcours_by_id("initiation").unwrap();
    assert_eq!(p.periods.len(), 2);
    let today = Date::parse("2026-12-04").unwrap();
    assert!(
        matches!(p.when(today), When::Next(_)),
        "{:?}",
        p.when(today)
    );
    assert!(!q
        .warnings_on(&edited.text, today)
        .iter()
        .any(|w| w.code == "sessions-over" && w.message.contains("`initiation`")));
    // A third one goes at the end of the list, at the same indentation.
    let again = apply(
        &edited.text,
        &Change::AddPeriod {
            parcours: "initiation".into(),
            period: period(
                "2027-04-06",
                "2027-06-25",
                "Médiathèque, espace numérique",
                "",
            ),
        },
    )
    .unwrap();
    assert_eq!(
        changed_lines(&edited.text, &again.text),
        ["      - from: 2027-04-06", "        to: 2027-06-25"]
    );
    assert_eq!(
        Questionnaire::from_yaml(&again.text)
            .unwrap()
            .parcours_by_id("initiation")
            .unwrap()
            .periods
            .len(),
        3
    );
    // Removing the first and then the only one left.
    let removed = apply(
        &again.text,
        &Change::RemovePeriod {
            parcours: "initiation".into(),
            index: 0,
        },
    )
    .unwrap();
    assert_eq!(
        read(&removed.text)
            .unwrap()
            .parcours("initiation")
            .unwrap()
            .periods
            .len(),
        2
    );
    let removed = apply(
        &removed.text,
        &Change::RemovePeriod {
            parcours: "initiation".into(),
            index: 0,
        },
    )
    .unwrap();
    let removed = apply(
        &removed.text,
        &Change::RemovePeriod {
            parcours: "initiation".into(),
            index: 0,
        },
    )
    .unwrap();
    let term = read(&removed.text).unwrap();
    assert_eq!(
        (
            term.parcours("initiation").unwrap().periods.len(),
            term.parcours("initiation").unwrap().written
        ),
        (0, Written::Nothing)
    );
    Questionnaire::from_yaml(&removed.text).unwrap();
}

#[test]
fn a_period_of_another_place_keeps_its_own_place() {
    let edited = apply(
        BUNDLED,
        &Change::AddPeriod {
            parcours: "emploi".into(),
            period: period(
                "2027-01-04",
                "2027-02-26",
                "Maison de l'emploi",
                "Le lundi, de 9 h à 12 h",
            ),
        },
    )
    .unwrap();
    let q = Questionnaire::from_yaml(&edited.text).unwrap();
    let p = q.parcours_by_id("emploi").unwrap();
    assert_eq!(
        p.periods[1].place.as_ref().unwrap().get("fr"),
        "Maison de l'emploi"
    );
    assert_eq!(
        p.periods[1].place.as_ref().unwrap().get("en"),
        "Maison de l'emploi",
        "an empty English takes the French"
    );
    assert!(
        p.periods[0].place.is_none(),
        "the first keeps the parcours' place"
    );
}

#[test]
fn bad_input_is_refused_with_a_reason_and_changes_nothing() {
    let d = read(BUNDLED).unwrap();
    let p = &d.parcours("bureautique").unwrap().periods[0];
    let change = |from: &str, to: &str, place: &str| Change::Period {
        parcours: "bureautique".into(),
        index: 0,
        period: Period {
            from: from.into(),
            to: to.into(),
            place: vec![("fr".into(), place.into())],
            schedule: p.schedule.clone(),
        },
    };
    assert_eq!(
        apply(BUNDLED, &change("2027-03-26", "2027-01-05", "Salle")),
        Err(Refused::EndBeforeStart {
            from: "2027-03-26".into(),
            to: "2027-01-05".into()
        })
    );
    assert_eq!(
        apply(BUNDLED, &change("2027-01-05", "2027-02-30", "Salle")),
        Err(Refused::InvalidDate("2027-02-30".into()))
    );
    assert_eq!(
        apply(BUNDLED, &change("2027-01-05", "2027-03-26", "  ")),
        Err(Refused::EmptyPlace)
    );
    let overlap = Change::AddPeriod {
        parcours: "initiation".into(),
        period: period("2026-10-20", "2026-12-20", "Salle", ""),
    };
    assert_eq!(
        apply(BUNDLED, &overlap),
        Err(Refused::Overlaps {
            with: 1,
            from: "2026-09-12".into(),
            to: "2026-11-01".into()
        })
    );
    assert_eq!(
        apply(
            BUNDLED,
            &Change::Contact(
                Contact::Phone,
                vec![(String::new(), "01 40 85 OO 00".into())]
            )
        ),
        Err(Refused::Phone("01 40 85 OO 00".into()))
    );
    assert_eq!(
        apply(
            BUNDLED,
            &Change::Contact(
                Contact::Email,
                vec![(String::new(), "conseiller villeneuve92.com".into())]
            )
        ),
        Err(Refused::Email("conseiller villeneuve92.com".into()))
    );
    assert!(matches!(
        apply(
            BUNDLED,
            &Change::Contact(Contact::PermanencePlace, vec![("fr".into(), String::new())])
        ),
        Err(Refused::Empty(Contact::PermanencePlace))
    ));
    assert!(matches!(
        apply(
            "a: [1,\n",
            &Change::Contact(Contact::Phone, vec![(String::new(), "01".into())])
        ),
        Err(Refused::Unreadable(_))
    ));
    // Each says it in plain French.
    assert!(Refused::EndBeforeStart {
        from: "2027-03-26".into(),
        to: "2027-01-05".into()
    }
    .french()
    .contains("5 janvier 2027"));
}
