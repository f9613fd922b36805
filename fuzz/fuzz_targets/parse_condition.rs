//! Any text as a recommendation rule's condition, inside a valid questionnaire.
#![no_main]

use diag_core::{evaluate, Answers, Questionnaire};
use libfuzzer_sys::fuzz_target;

const BASE: &str = include_str!("../../tests/fixtures/minimal.yaml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).replace(['\n', '\r'], " ").replace('\'', "''");
    let src = BASE.replacen("when: level(bases) == debutant", &format!("when: '{text}'"), 1);
    if let Ok(q) = Questionnaire::from_yaml(&src) {
        let mut a = Answers::new();
        a.choose("cherche-emploi", "oui").choose("souris", "aide");
        let _ = evaluate(&q, &a);
    }
});
