//! The Diagnostic numérique in the browser: a Yew front end over diag-core.
//!
//! Everything runs on the device; no answer is ever sent anywhere.

mod advisor;
mod app;
mod components;
mod download;
mod embed;
mod i18n;
mod loader;
mod pages;
pub mod panic;
mod route;
mod speech;
mod state;
mod storage;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// The questionnaire compiled into the binary.
pub const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

/// Entry point, run when `main.js` has loaded the module.
#[wasm_bindgen(start)]
pub fn start() {
    panic::install();
    let Some(window) = web_sys::window() else {
        return;
    };
    // "Recommencer" on the error screen: forget the progress that may have caused it.
    if window.location().hash().is_ok_and(|h| h == "#/recommencer") {
        storage::clear();
        let _ = window.location().set_hash("#/");
    }
    if let Some(root) = window.document().and_then(|d| d.get_element_by_id("app")) {
        yew::Renderer::<App>::with_root(root).render();
    }
    embed::report_height();
}
