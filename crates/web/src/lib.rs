//! The Diagnostic numérique in the browser: a Yew front end over diag-core.
//!
//! Everything runs on the device; no answer is ever sent anywhere.

mod app;

pub use app::App;

use wasm_bindgen::prelude::wasm_bindgen;

/// The questionnaire compiled into the binary.
pub const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

/// Entry point called by `main.js` once the module is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    if let Some(root) = gloo_root() {
        yew::Renderer::<App>::with_root(root).render();
    }
}

fn gloo_root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id("app")
}
