//! Validates the bundled questionnaire and writes its compact form for the
//! module's render tests (the module itself reads the published
//! `questionnaire.bin`, and embeds no questionnaire). A bundled file with
//! errors stops the build with every error, located, as `diag check` prints them.

use std::path::PathBuf;

fn main() {
    let source = "../../questionnaires/villeneuve-la-garenne.yaml";
    println!("cargo:rerun-if-changed={source}");
    let text = match std::fs::read_to_string(source) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {source}: {e}");
            std::process::exit(1);
        }
    };
    let q = match diag_core::Questionnaire::from_yaml(&text) {
        Ok(q) => q,
        Err(e) => {
            eprintln!("{}", e.render(source, &text));
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("bundled.bin"), q.to_compact(&text)) {
        eprintln!("cannot write the compact questionnaire: {e}");
        std::process::exit(1);
    }
}
