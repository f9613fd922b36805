//! Any text as a result code for the bundled questionnaire: a plain error or
//! answers that encode back to the same code.
#![no_main]

use diag_core::{decode, encode, Questionnaire};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static Q: OnceLock<Option<Questionnaire>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some(q) = Q.get_or_init(|| Questionnaire::from_yaml(include_str!("../../questionnaires/villeneuve-la-garenne.yaml")).ok()) else {
        return;
    };
    let text = String::from_utf8_lossy(data);
    if let Ok(answers) = decode(q, &text) {
        let again = encode(q, &answers);
        assert_eq!(decode(q, &again), Ok(answers));
    }
});
