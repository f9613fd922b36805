//! Every persona of `tests/personas.yaml` gets the parcours an advisor expects.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{personas, Questionnaire};
use std::collections::BTreeSet;

#[test]
fn personas_get_the_expected_parcours() {
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    let src = std::fs::read_to_string(diag_tests::dir().join("personas.yaml")).unwrap();
    let list = personas::parse(&src).unwrap();
    assert!(list.len() >= 16, "only {} personas", list.len());
    let checked = personas::check(&q, list);
    let report = personas::report(&checked);
    // The list is printed either way (visible with --nocapture and on failure).
    println!("{report}");
    assert!(checked.iter().all(|c| c.mismatches.is_empty()), "{report}");
    let reached: BTreeSet<&str> = checked
        .iter()
        .map(|c| c.outcome.parcours.as_str())
        .collect();
    for p in &q.parcours {
        assert!(
            reached.contains(p.id.as_str()),
            "no persona reaches `{}`",
            p.id
        );
    }
}

#[test]
fn bundled_questionnaire_has_no_error_and_no_warning() {
    let src = diag_tests::bundled();
    // Only notes: its translations are not yet reviewed by native speakers.
    let diags: Vec<_> = Questionnaire::check(&src)
        .into_iter()
        .filter(|d| d.code != "translation-not-reviewed")
        .collect();
    assert!(
        diags.is_empty(),
        "{}",
        diag_core::render_all(&diags, "villeneuve-la-garenne.yaml", &src, "en")
    );
}

/// No answer of a bundled question reads as the start of another: "Je ne sais
/// pas" a few lines below "Je ne sais pas le faire" was taken for it by
/// seniors (and the count of "Je ne sais pas" drives a rule).
#[test]
fn no_answer_reads_as_the_start_of_another() {
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    for lang in &q.languages {
        for question in &q.questions {
            let words =
                |t: &str| -> Vec<String> { t.split_whitespace().map(str::to_lowercase).collect() };
            for a in &question.options {
                for b in question.options.iter().filter(|b| b.id != a.id) {
                    let (wa, wb) = (words(a.text.get(lang)), words(b.text.get(lang)));
                    assert!(
                        !wb.starts_with(&wa),
                        "{} ({lang}): « {} » is the start of « {} »",
                        question.id,
                        a.text.get(lang),
                        b.text.get(lang)
                    );
                }
            }
        }
    }
}

/// No help text gives away the right answer of a knowledge check (question
/// 3's help once showed the very e-mail address question 11 asks to recognise).
#[test]
fn no_help_gives_away_a_check() {
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    for (d, dim) in q.dimensions.iter().enumerate() {
        for &c in &dim.checks {
            let check = &q.questions[c];
            let best = check
                .options
                .iter()
                .max_by_key(|o| {
                    o.scores
                        .iter()
                        .filter(|s| s.0 == d)
                        .map(|s| s.1)
                        .sum::<u32>()
                })
                .unwrap();
            for lang in &q.languages {
                let right = best.text.get(lang).to_lowercase();
                for question in q.questions.iter().filter(|x| x.id != check.id) {
                    if let Some(help) = &question.help {
                        assert!(
                            !help.get(lang).to_lowercase().contains(&right),
                            "the help of {} ({lang}) shows the answer of {}: « {right} »",
                            question.id,
                            check.id
                        );
                    }
                }
            }
        }
    }
}

/// A help text never just repeats what the page says anyway ("Vous pouvez
/// cocher plusieurs réponses" under a multiple-choice question).
#[test]
fn no_help_repeats_the_hint() {
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    for question in &q.questions {
        if let Some(help) = &question.help {
            let fr = help.get("fr").to_lowercase();
            assert!(
                !(fr.contains("plusieurs réponses") || fr.contains("une seule réponse")),
                "{}: the help repeats the hint: {fr}",
                question.id
            );
        }
    }
}

/// The advisor's "Niveau" is pre-filled from the scores: the retiree who never
/// touched a computer is a beginner, the retired accountant advanced, and
/// nothing answered suggests nothing.
#[test]
fn reporting_level_follows_the_scores() {
    use diag_core::{evaluate, records::suggested_level, Answers};
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    let src = std::fs::read_to_string(diag_tests::dir().join("personas.yaml")).unwrap();
    let list = personas::parse(&src).unwrap();
    let level = |prefix: &str| {
        let p = list.iter().find(|p| p.name.starts_with(prefix)).unwrap();
        suggested_level(&q, &evaluate(&q, &p.answers))
    };
    assert_eq!(level("Retraitée de 78 ans"), Some("debutant"));
    assert_eq!(level("Comptable à la retraite"), Some("avance"));
    assert_eq!(level("Mère de 34 ans"), Some("intermediaire"));
    assert_eq!(suggested_level(&q, &evaluate(&q, &Answers::new())), None);
}

/// The advisor reads every rule as a sentence: no function name, no id.
#[test]
fn every_rule_reads_in_words() {
    let q = Questionnaire::from_yaml(&diag_tests::bundled()).unwrap();
    for r in &q.rules {
        let said = r.in_words(&q, "fr");
        println!("{said}");
        for raw in [
            "answer(",
            "level(",
            "chosen(",
            "evaluated(",
            "dont-know(",
            "==",
            "!=",
        ] {
            assert!(!said.contains(raw), "`{raw}` in « {said} »");
        }
        assert!(said.contains(" → "), "{said}");
    }
}
