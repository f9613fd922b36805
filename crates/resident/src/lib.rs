//! The resident's Wasm module: welcome, one question per screen, the result
//! with its printed sheet and code, the paper version. It reads the
//! questionnaire in its compact, pre-validated form and holds no YAML reader,
//! no advisor's records and no author's preview: those are in the staff's
//! module, which `main.js` loads only when a staff screen is opened.
//!
//! Everything runs on the device; no answer is ever sent anywhere.

mod app;
mod components;
mod embed;
mod hooks;
mod loader;
mod pages;
mod resident;
mod speech;
mod state;
mod storage;

pub use app::App;

/// The root's properties for a questionnaire (or the failure to load one).
pub fn app_props(site: Result<diag_ui::questionnaire::Shared, String>) -> app::Props {
    app::Props { site }
}

use diag_ui::panic;
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, run when `main.js` has loaded the module: loads the
/// questionnaire, then takes over the welcome screen that `index.html`
/// already shows (Yew replaces it in the same frame: no flicker).
#[wasm_bindgen(start)]
pub fn start() {
    panic::install("app");
    let Some(window) = web_sys::window() else {
        return;
    };
    // "Recommencer" on the error screen: forget the progress that may have caused it.
    if window.location().hash().is_ok_and(|h| h == "#/recommencer") {
        storage::clear();
        let _ = window.location().set_hash("#/");
    }
    wasm_bindgen_futures::spawn_local(async move {
        let site = loader::load().await;
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"))
        {
            yew::Renderer::<App>::with_root_and_props(root, app::Props { site }).render();
        }
    });
    embed::report_height();
}

/// Runs a questionnaire from the author's preview (its compact form), saving
/// nothing: called by the staff's module through `main.js`.
#[wasm_bindgen]
pub fn trial(compact: &[u8]) -> Result<(), String> {
    let q = diag_core::Questionnaire::from_compact(compact).map_err(|e| e.to_string())?;
    app::start_trial(loader::ready(q));
    Ok(())
}
