//! The staff's Wasm module, loaded on demand by `main.js` when a staff screen
//! is opened (`#/conseiller`, `#/apercu`), never on the resident's path:
//! the advisor's desk and encrypted records, the author's preview, and the
//! YAML reader with its diagnostics. It also compiles a hand-edited
//! `questionnaire.yaml` for the resident's module (the slow path).

mod advisor;
mod app;
mod author;
mod download;
mod loader;
mod qr;

// The unit tests run in the browser, as the module does (`cargo test --target wasm32-unknown-unknown`).
#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

pub use app::StaffApp;
pub use qr::decode_qr;

use diag_ui::panic;
use wasm_bindgen::prelude::wasm_bindgen;

/// The questionnaire compiled into the site (also in the resident's module,
/// in its compact form).
pub const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

/// Mounts the staff's screens into `#staff`; `main.js` calls it once, the
/// first time a staff route is opened.
#[wasm_bindgen]
pub fn mount() {
    panic::install("staff");
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("staff"))
    {
        yew::Renderer::<StaffApp>::with_root(root).render();
    }
}

/// Checks a questionnaire's YAML and returns its compact form for the
/// resident's module, or the first error as text (the preview shows them all).
#[wasm_bindgen]
pub fn compile(yaml: &str) -> Result<Vec<u8>, String> {
    match diag_core::Questionnaire::from_yaml(yaml) {
        Ok(q) => Ok(q.to_compact(yaml)),
        Err(e) => Err(e.render("questionnaire.yaml", yaml)),
    }
}

/// The slow path for a language: the texts of the translation file
/// `translation` (in `lang`) for a questionnaire.yaml edited by hand, as the
/// pack its compact form takes (`Questionnaire::language_pack`). Texts the
/// edit changed stay in French until the translation file is updated.
/// An inline language (`languages: [fr, en]`) has its texts in the YAML:
/// `translation` is then empty.
#[wasm_bindgen]
pub fn translate(yaml: &str, translation: &str, lang: &str) -> Result<Vec<u8>, String> {
    let files: &[&str] = if translation.is_empty() {
        &[]
    } else {
        &[translation]
    };
    match diag_core::Questionnaire::from_yaml_translated(yaml, files).0 {
        Ok(q) => Ok(q.language_pack(yaml, lang)),
        Err(e) => Err(e.render("questionnaire.yaml", yaml)),
    }
}
