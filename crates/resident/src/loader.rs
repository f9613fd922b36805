//! The questionnaire residents get, without a YAML reader on the usual path:
//!
//! 1. `questionnaire.yaml` next to the page is fetched (`main.js` starts it in
//!    parallel with this module) and its digest computed;
//! 2. the same digest as the built-in questionnaire: the built-in compact form;
//! 3. otherwise `questionnaire.bin`, when its header carries that digest (the
//!    files were published together by the build, `diag compile` or the preview);
//! 4. otherwise the YAML was edited by hand: the staff's module (which holds
//!    the YAML reader) checks and compiles it — slower, never broken;
//! 5. missing or with errors: the built-in questionnaire (the preview shows
//!    the errors).

use diag_core::{compact_header, digest, Questionnaire};
use diag_ui::fetch;
use diag_ui::questionnaire::Shared;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bundled questionnaire, validated and compacted by `build.rs`.
const BUILT_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundled.bin"));
const PUBLISHED: &str = "questionnaire.yaml";
const COMPILED: &str = "questionnaire.bin";

/// The built-in questionnaire (the build proved it valid; if it somehow is
/// not, the error page shows why).
pub fn built_in() -> Result<Shared, String> {
    Questionnaire::from_compact(BUILT_IN)
        .map(ready)
        .map_err(|e| format!("questionnaire intégré : {e}"))
}

/// A questionnaire as residents read it: French texts with French
/// typography (no question mark alone at the start of a line).
pub fn ready(q: Questionnaire) -> Shared {
    Shared::new(q.with_french_typography())
}

/// A promise stored on `globalThis` by `main.js`, awaited.
async fn global_promise(name: &str, arg: Option<&str>) -> Option<wasm_bindgen::JsValue> {
    let global = js_sys::global();
    let value = js_sys::Reflect::get(&global, &name.into()).ok()?;
    let promise = match arg {
        Some(a) => value
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(&global, &a.into())
            .ok()?,
        None => value,
    };
    JsFuture::from(promise.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()
}

/// The YAML text: the download `main.js` started, or a new one.
async fn published_text() -> Option<String> {
    match global_promise("diagQuestionnaire", None).await {
        Some(v) => v.as_string(),
        None => fetch::text(PUBLISHED).await,
    }
}

/// Loads the published questionnaire, falling back to the built-in one.
pub async fn load() -> Result<Shared, String> {
    let Some(yaml) = published_text().await else {
        return built_in();
    };
    let wanted = digest(&yaml);
    if compact_header(BUILT_IN).is_ok_and(|h| h.digest == wanted) {
        return built_in();
    }
    if let Some(bytes) = fetch::bytes(COMPILED).await {
        if compact_header(&bytes).is_ok_and(|h| h.digest == wanted) {
            if let Ok(q) = Questionnaire::from_compact(&bytes) {
                return Ok(ready(q));
            }
        }
    }
    // Edited by hand: the staff's module reads the YAML (it rejects a broken file).
    let compiled = global_promise("diagCompile", Some(&yaml))
        .await
        .map(|v| js_sys::Uint8Array::new(&v).to_vec());
    match compiled.map(|b| Questionnaire::from_compact(&b)) {
        Some(Ok(q)) => Ok(ready(q)),
        _ => built_in(),
    }
}
