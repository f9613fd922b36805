//! Any bytes as a questionnaire file: no panic, no hang; a questionnaire that
//! loads can be scored, encoded and simulated.
#![no_main]

use diag_core::{decode, encode, evaluate, simulate, Answers, Questionnaire};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match Questionnaire::from_bytes(data) {
        Ok(q) => {
            let a = Answers::new();
            let _ = evaluate(&q, &a);
            let code = encode(&q, &a);
            assert_eq!(decode(&q, &code), Ok(a));
            let _ = simulate::count(&q, 20, 1);
        }
        Err(e) => {
            let text = String::from_utf8_lossy(data);
            let _ = e.render("fuzz.yaml", &text);
            for d in &e.diagnostics {
                let _ = d.in_language("fr");
            }
        }
    }
});
