//! Properties that must hold for any answers and any input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{decode, encode, evaluate, Answers, Questionnaire};
use proptest::prelude::*;
use std::sync::OnceLock;

fn bundled() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| {
        Questionnaire::from_yaml(include_str!(
            "../../../questionnaires/villeneuve-la-garenne.yaml"
        ))
        .unwrap()
    })
}

/// Random answers: for each question nothing, one option, or (multiple
/// choice) any subset, kept in the questionnaire's order.
fn any_answers() -> impl Strategy<Value = Answers> {
    let q = bundled();
    let picks: Vec<_> = q.questions.iter().map(|_| (0u8..4, any::<u32>())).collect();
    picks.prop_map(move |picks| {
        let mut a = Answers::new();
        for (question, (skip, r)) in q.questions.iter().zip(picks) {
            if skip == 0 {
                continue;
            }
            let n = question.options.len() as u32;
            if question.kind.is_multiple() {
                let ids: Vec<&str> = question
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| r & (1 << k) != 0)
                    .map(|(_, o)| o.id.as_str())
                    .collect();
                a.choose_many(&question.id, &ids);
            } else {
                a.choose(&question.id, &question.options[(r % n) as usize].id);
            }
        }
        a
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn evaluate_is_total_and_sane(a in any_answers()) {
        let q = bundled();
        let o = evaluate(q, &a);
        for d in &o.dimensions {
            prop_assert!(d.score <= d.max);
            if let Some(p) = d.percent { prop_assert!(p <= 100); }
            prop_assert_eq!(d.percent.is_some(), d.level.is_some());
            if let Some(c) = d.coverage { prop_assert!(c <= 100); }
            // A level only with enough really answered.
            if d.level.is_some() { prop_assert!(d.coverage.unwrap_or(0) >= q.coverage_threshold); }
        }
        // Early stop only on a partial outcome; confidence reasons say why it is not high.
        prop_assert!(!o.early_stop || !o.complete);
        prop_assert_eq!(o.confidence.reasons.is_empty(), o.confidence.level == diag_core::ConfidenceLevel::High);
        prop_assert!(q.parcours.iter().any(|p| p.id == o.parcours));
        if let Some(next) = &o.next { prop_assert!(q.parcours.iter().any(|p| &p.id == next)); }
        prop_assert!(o.ignored.is_empty());
        prop_assert_eq!(o.complete, o.missing.is_empty());
        // Deterministic.
        prop_assert_eq!(evaluate(q, &a), o);
    }

    #[test]
    fn codes_round_trip(a in any_answers()) {
        let q = bundled();
        prop_assert_eq!(decode(q, &encode(q, &a)), Ok(a));
    }

    #[test]
    fn decode_never_panics_and_random_strings_do_not_decode(s in "[0-9A-Za-z -]{0,30}") {
        let q = bundled();
        // A random string passes the two check characters about once in a
        // thousand; it must then still be a whole code of the right length.
        if let Ok(a) = decode(q, &s) {
            prop_assert_eq!(decode(q, &encode(q, &a)), Ok(a));
        }
    }

    #[test]
    fn from_yaml_never_panics(s in any::<String>()) {
        let _ = Questionnaire::from_yaml(&s);
    }

    #[test]
    fn from_yaml_never_panics_on_mutated_questionnaires(cut in 0usize..4000, insert in "[ :\\-\\[\\]{}a-z0-9\n]{0,8}") {
        let src = include_str!("../../../tests/fixtures/minimal.yaml");
        let at = src.char_indices().map(|(i, _)| i).nth(cut % src.chars().count()).unwrap_or(0);
        let mutated = format!("{}{}{}", &src[..at], insert, &src[at..]);
        let _ = Questionnaire::from_yaml(&mutated);
        let _ = Questionnaire::check(&mutated);
    }
}
