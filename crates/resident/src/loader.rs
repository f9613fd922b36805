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
use diag_ui::i18n::{self, Lang};
use diag_ui::questionnaire::Shared;
use std::borrow::Cow;
use std::cell::Cell;
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
async fn global_promise(
    name: &str,
    arg: Option<wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    let global = js_sys::global();
    let value = js_sys::Reflect::get(&global, &name.into()).ok()?;
    let promise = match arg {
        Some(a) => value
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call1(&global, &a)
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

/// Loads the published questionnaire (falling back to the built-in one) in
/// the language `main.js` chose, whose texts it fetched when they are in a
/// translation file.
pub async fn load() -> Result<Shared, String> {
    let (bytes, q, edited) = match published().await {
        Some(found) => found,
        None => (
            Cow::Borrowed(BUILT_IN),
            Questionnaire::from_compact(BUILT_IN)
                .map_err(|e| format!("questionnaire intégré : {e}"))?,
            None,
        ),
    };
    let lang = js_sys::Reflect::get(&js_sys::global(), &"diagLang".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|code| Lang::ALL.into_iter().find(|l| l.code() == code))
        .unwrap_or(Lang::Fr);
    let q = if lang.built_in() {
        q
    } else {
        match translated(&bytes, lang, edited.as_deref()).await {
            Some(t) => t,
            None => {
                LANG_FAILED.set(true);
                q
            }
        }
    };
    let shown = if q.title.exact(lang.code()).is_some() {
        lang
    } else {
        Lang::Fr
    };
    CHOSEN.set(shown);
    Ok(ready(q))
}

thread_local! {
    /// A chosen language's texts could not be fetched: the resident is told.
    static LANG_FAILED: Cell<bool> = const { Cell::new(false) };
    /// The language the questionnaire was loaded in.
    static CHOSEN: Cell<Lang> = const { Cell::new(Lang::Fr) };
}

/// The language the questionnaire was loaded in (French for a trial).
pub fn chosen() -> Lang {
    CHOSEN.get()
}

/// Whether the chosen language could not be loaded (told once).
pub fn lang_failed() -> bool {
    LANG_FAILED.replace(false)
}

/// A translation's texts (`questionnaire.ar.bin`) and interface strings
/// (`ui.ar.json`), which `main.js` fetched in parallel with this module
/// (`diagPack`), added to the compact form `bytes`. `None` offline, or for
/// texts made for another version of the questionnaire (a hand edit not
/// compiled again).
async fn translated(bytes: &[u8], lang: Lang, edited: Option<&str>) -> Option<Questionnaire> {
    let fetched: js_sys::Array = global_promise("diagPack", None).await?.dyn_into().ok()?;
    let pack = match edited {
        None => js_sys::Uint8Array::new(&fetched.get(0)).to_vec(),
        // The YAML was edited by hand: the published pack was made for the
        // old text, so the staff's module makes one from the translation file.
        Some(yaml) => {
            let code = lang.code();
            let translation = fetch::text(&format!("questionnaire.{code}.yaml")).await?;
            let args = js_sys::Array::of3(&yaml.into(), &translation.into(), &code.into());
            global_promise("diagTranslate", Some(args.into()))
                .await
                .map(|v| js_sys::Uint8Array::new(&v).to_vec())?
        }
    };
    let q = Questionnaire::from_compact_with(bytes, Some(&pack)).ok()?;
    let strings = js_sys::Array::from(&fetched.get(1))
        .iter()
        .map(|v| v.as_string())
        .collect::<Option<Vec<String>>>()?;
    i18n::load_strings(lang, strings).ok()?;
    Some(q)
}

/// The published questionnaire's compact form and model, when the published
/// YAML is there and readable (with its text when it was edited by hand and
/// compiled here); `None` for the built-in one.
async fn published() -> Option<(Cow<'static, [u8]>, Questionnaire, Option<String>)> {
    let yaml = published_text().await?;
    let wanted = digest(&yaml);
    if compact_header(BUILT_IN).is_ok_and(|h| h.digest == wanted) {
        return None;
    }
    if let Some(bytes) = fetch::bytes(COMPILED).await {
        if compact_header(&bytes).is_ok_and(|h| h.digest == wanted) {
            if let Ok(q) = Questionnaire::from_compact(&bytes) {
                return Some((Cow::Owned(bytes), q, None));
            }
        }
    }
    // Edited by hand: the staff's module reads the YAML (it rejects a broken file).
    let compiled = global_promise("diagCompile", Some(yaml.as_str().into()))
        .await
        .map(|v| js_sys::Uint8Array::new(&v).to_vec())?;
    let q = Questionnaire::from_compact(&compiled).ok()?;
    Some((Cow::Owned(compiled), q, Some(yaml)))
}
