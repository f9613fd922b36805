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
    let diags = Questionnaire::check(&src);
    assert!(
        diags.is_empty(),
        "{}",
        diag_core::render_all(&diags, "villeneuve-la-garenne.yaml", &src, "en")
    );
}
