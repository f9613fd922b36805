//! Scoring and recommendation on a small questionnaire whose numbers are easy
//! to follow: `bases` is scored only by `souris` (a scale worth 0, 1 or 2).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{evaluate, recommend, Answers, Questionnaire};

fn minimal() -> Questionnaire {
    Questionnaire::from_yaml(include_str!("../../../tests/fixtures/minimal.yaml")).unwrap()
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (q, o) in pairs {
        a.choose(q, o);
    }
    a
}

#[test]
fn weak_basics_lead_to_initiation_with_a_next_step() {
    let q = minimal();
    let o = evaluate(
        &q,
        &answers(&[("cherche-emploi", "oui"), ("souris", "non"), ("cv", "seul")]),
    );
    assert!(o.complete);
    assert_eq!(o.parcours, "initiation");
    assert_eq!(o.next.as_deref(), Some("emploi"));
    assert_eq!(o.rule, 0);
    let bases = &o.dimensions[0];
    assert_eq!((bases.score, bases.max, bases.percent), (0, 2, Some(0)));
    assert_eq!(bases.level.as_deref(), Some("debutant"));
    let emploi = &o.dimensions[1];
    assert_eq!(
        (emploi.score, emploi.max, emploi.percent),
        (2, 2, Some(100))
    );
    assert_eq!(emploi.level.as_deref(), Some("avance"));
}

#[test]
fn level_bands_follow_the_percentage() {
    let q = minimal();
    // 1 point of 2 = 50 %: not below 40, below 75.
    let o = evaluate(
        &q,
        &answers(&[("cherche-emploi", "non"), ("souris", "aide")]),
    );
    assert_eq!(o.dimensions[0].percent, Some(50));
    assert_eq!(o.dimensions[0].level.as_deref(), Some("intermediaire"));
    assert_eq!(o.parcours, "emploi");
    assert_eq!(o.next, None);
    assert_eq!(o.rule, 1);
}

#[test]
fn the_trace_shows_every_rule_up_to_the_deciding_one_with_what_it_read() {
    let q = minimal();
    let o = evaluate(
        &q,
        &answers(&[("cherche-emploi", "non"), ("souris", "seul")]),
    );
    assert_eq!(o.trace.len(), 2);
    assert!(!o.trace[0].held);
    assert_eq!(o.trace[0].when, "level(bases) == debutant");
    assert_eq!(o.trace[0].read[0].what, "level(bases)");
    assert_eq!(o.trace[0].read[0].value, "avance");
    assert!(o.trace[1].held);
    assert_eq!(o.trace[1].when, "true");
}

#[test]
fn answers_to_hidden_questions_are_ignored_and_the_skip_is_explained() {
    let q = minimal();
    // cv is shown only to job seekers; its answer must not count.
    let o = evaluate(
        &q,
        &answers(&[
            ("cherche-emploi", "non"),
            ("souris", "seul"),
            ("cv", "seul"),
        ]),
    );
    assert!(o.complete);
    assert_eq!(o.dimensions[1].max, 0);
    assert_eq!(o.dimensions[1].percent, None);
    assert_eq!(o.dimensions[1].level, None);
    assert_eq!(o.skipped.len(), 1);
    assert_eq!(o.skipped[0].question, "cv");
    assert_eq!(o.skipped[0].because, "answer(cherche-emploi) == oui");
    assert!(!o.skipped[0].section);
}

#[test]
fn dont_know_scores_nothing_is_counted_and_leaves_the_dimension_unassessed() {
    let q = minimal();
    let o = evaluate(
        &q,
        &answers(&[("cherche-emploi", "oui"), ("souris", "nsp"), ("cv", "nsp")]),
    );
    assert_eq!(o.dont_know, 2);
    assert_eq!((o.dimensions[0].score, o.dimensions[0].max), (0, 2));
    // Nothing really answered about the basics: "non évalué", and no
    // comparison of its level holds, so rule 1 does not either.
    assert_eq!(o.dimensions[0].coverage, Some(0));
    assert_eq!(o.dimensions[0].percent, None);
    assert_eq!(o.dimensions[0].level, None);
    assert_eq!(o.parcours, "emploi");
}

#[test]
fn partial_answers_give_a_partial_outcome_naming_what_is_missing() {
    let q = minimal();
    let o = evaluate(&q, &answers(&[("cherche-emploi", "oui")]));
    assert!(!o.complete);
    assert_eq!(o.missing, ["souris", "cv"]);
    // Nothing known about the basics yet: no level, so rule 1 does not hold.
    assert_eq!(o.dimensions[0].level, None);
    assert_eq!(o.parcours, "emploi");
}

#[test]
fn answers_that_do_not_fit_are_listed_not_fatal() {
    let q = minimal();
    let o = evaluate(
        &q,
        &answers(&[
            ("cherche-emploi", "peut-etre"),
            ("inconnue", "oui"),
            ("souris", "seul"),
        ]),
    );
    assert_eq!(o.ignored, ["cherche-emploi", "inconnue"]);
    assert_eq!(o.missing, ["cherche-emploi"]);
}

#[test]
fn recommend_agrees_with_evaluate() {
    let q = minimal();
    for souris in ["non", "aide", "seul", "nsp"] {
        for emploi in ["oui", "non"] {
            let a = answers(&[("cherche-emploi", emploi), ("souris", souris)]);
            let o = evaluate(&q, &a);
            assert_eq!(q.parcours[recommend(&q, &a)].id, o.parcours);
        }
    }
}

#[test]
fn outcome_serializes_to_json() {
    let q = minimal();
    let o = evaluate(
        &q,
        &answers(&[("cherche-emploi", "non"), ("souris", "seul")]),
    );
    let json = serde_json::to_value(&o).unwrap();
    assert_eq!(json["parcours"], "emploi");
    assert_eq!(json["dimensions"][0]["percent"], 100);
    assert_eq!(json["because"]["fr"], "Vous êtes prêt·e.");
}

#[test]
fn conditions_combine_with_and_or_not_and_parentheses() {
    let src = include_str!("../../../tests/fixtures/minimal.yaml").replace(
        "when: level(bases) == debutant",
        "when: not (answer(cherche-emploi) == non or percent(bases) >= 50) and answered(souris) and dont-know() < 2 and answer(souris) < seul",
    );
    let q = Questionnaire::from_yaml(&src).unwrap();
    let held = |pairs: &[(&str, &str)]| evaluate(&q, &answers(pairs)).rule == 0;
    assert!(held(&[("cherche-emploi", "oui"), ("souris", "non")]));
    assert!(!held(&[("cherche-emploi", "non"), ("souris", "non")]));
    assert!(!held(&[("cherche-emploi", "oui"), ("souris", "seul")]));
    // "Je ne sais pas" takes no place on the scale: `< seul` does not hold.
    assert!(!held(&[("cherche-emploi", "oui"), ("souris", "nsp")]));
    assert!(!held(&[("cherche-emploi", "oui")]));
}

#[test]
fn multiple_choice_answers_sum_their_scores() {
    let src = include_str!("../../../tests/fixtures/minimal.yaml").replace(
        "      - id: souris\n",
        "      - id: objectifs\n        kind: multiple\n        text: { fr: \"Objectifs\", en: \"Goals\" }\n        options:\n          - { id: a, text: { fr: \"A\", en: \"A\" }, scores: { bases: 2 } }\n          - { id: b, text: { fr: \"B\", en: \"B\" }, scores: { bases: 1 } }\n          - { id: c, text: { fr: \"C\", en: \"C\" } }\n      - id: souris\n",
    );
    let q = Questionnaire::from_yaml(&src).unwrap();
    let mut a = answers(&[("cherche-emploi", "non"), ("souris", "seul")]);
    a.choose_many("objectifs", &["a", "c"]);
    let o = evaluate(&q, &a);
    // a (2) + souris seul (2) of max 3 + 2.
    assert_eq!((o.dimensions[0].score, o.dimensions[0].max), (4, 5));
    assert_eq!(o.dimensions[0].percent, Some(80));
    a.choose_many("objectifs", &[]);
    let o = evaluate(&q, &a);
    assert!(o.complete, "no box ticked is an answer");
    assert_eq!(o.dimensions[0].score, 2);
}

#[test]
fn warnings_do_not_stop_loading() {
    let src = include_str!("../../../tests/fixtures/minimal.yaml").replace(
        "recommendation:\n",
        "recommendation:\n  - when: true\n    parcours: emploi\n    because: { fr: \"Toujours.\", en: \"Always.\" }\n",
    );
    let q = Questionnaire::from_yaml(&src).unwrap();
    assert_eq!(q.warnings.len(), 2);
    assert!(q.warnings.iter().all(|w| w.code == "unreachable-rule"));
}

#[test]
fn expected_questions_include_those_not_settled_yet() {
    let q = minimal();
    // Before the job question is answered, `cv` may still come.
    assert_eq!(
        diag_core::expected_questions(&q, &Answers::new()),
        [0, 1, 2]
    );
    assert_eq!(diag_core::shown_questions(&q, &Answers::new()), [0, 1]);
    assert_eq!(
        diag_core::expected_questions(&q, &answers(&[("cherche-emploi", "non")])),
        [0, 1]
    );
    assert_eq!(
        diag_core::expected_questions(&q, &answers(&[("cherche-emploi", "oui")])),
        [0, 1, 2]
    );
}
