//! The questionnaire residents get, without a YAML reader on the usual path:
//!
//! 1. `questionnaire.bin`, the compiled form published with the YAML (by the
//!    build, `diag compile` or the author's "Publier"), which `main.js`
//!    fetches in parallel with this module;
//! 2. missing or unreadable: `questionnaire.yaml`, which the staff's module
//!    (it holds the YAML reader) checks and compiles — slower, never broken;
//! 3. neither: the error page, with whom to call.
//!
//! `questionnaire.yaml` is not on the first load: after the first screen is
//! painted, from idle time, [`hand_edit`] fetches it, and when it is not the
//! text the compiled form was made from (edited by hand, not compiled), its
//! questionnaire replaces the compiled one before the first answer is
//! recorded (`app.rs`).

use diag_core::{compact_header, digest, Questionnaire};
use diag_ui::fetch;
use diag_ui::i18n::{self, Lang, Msg};
use diag_ui::questionnaire::Shared;
use std::cell::Cell;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const PUBLISHED: &str = "questionnaire.yaml";
const COMPILED: &str = "questionnaire.bin";

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

/// The compiled form: the download `main.js` started, or a new one.
async fn compiled_bytes() -> Option<Vec<u8>> {
    match global_promise("diagQuestionnaire", None).await {
        Some(v) if !v.is_null() => Some(js_sys::Uint8Array::new(&v).to_vec()),
        Some(_) => None,
        None => fetch::bytes(COMPILED).await,
    }
}

/// `yaml` checked and compiled by the staff's module (it rejects a broken file).
async fn compile(yaml: &str) -> Option<Vec<u8>> {
    global_promise("diagCompile", Some(yaml.into()))
        .await
        .map(|v| js_sys::Uint8Array::new(&v).to_vec())
}

/// Loads the published questionnaire in the language `main.js` chose (whose
/// texts it fetched when they are in a translation file).
pub async fn load() -> Result<Shared, String> {
    if let Some(bytes) = compiled_bytes().await {
        if let (Ok(q), Ok(h)) = (Questionnaire::from_compact(&bytes), compact_header(&bytes)) {
            MADE_FROM.set(Some(h.digest));
            return Ok(in_language(&bytes, q, None).await);
        }
    }
    // No compiled form: the YAML, compiled by the staff's module.
    let yaml = fetch::text(PUBLISHED)
        .await
        .ok_or_else(|| Msg::Unavailable.get(Lang::Fr).to_owned())?;
    let bytes = compile(&yaml)
        .await
        .ok_or_else(|| Msg::Unavailable.get(Lang::Fr).to_owned())?;
    let q = Questionnaire::from_compact(&bytes).map_err(|e| e.to_string())?;
    Ok(in_language(&bytes, q, Some(&yaml)).await)
}

/// Resolves after the next paint, once the browser is idle (`main.js`'s
/// `diagIdle`): what the first screen does not need waits for it.
pub async fn idle() {
    let _ = global_promise("diagIdle", Some(wasm_bindgen::JsValue::UNDEFINED)).await;
}

/// Runs [`hand_edit`] once per page (later calls do nothing), then tells
/// `done` what it found.
pub fn check_hand_edit(done: yew::Callback<Option<Shared>>) {
    if CHECK_STARTED.replace(true) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move { done.emit(hand_edit().await) });
}

/// After the first screen: the published YAML's questionnaire when it is not
/// the text the compiled form in use was made from (a hand edit not
/// compiled), in the chosen language; `None` when it is (the usual case),
/// or cannot be read (the compiled form stays).
async fn hand_edit() -> Option<Shared> {
    let made_from = MADE_FROM.get()?;
    let yaml = fetch::text(PUBLISHED).await?;
    if digest(&yaml) == made_from {
        return None;
    }
    let bytes = compile(&yaml).await?;
    let q = Questionnaire::from_compact(&bytes).ok()?;
    MADE_FROM.set(Some(digest(&yaml)));
    Some(in_language(&bytes, q, Some(&yaml)).await)
}

/// `q` (compact form `bytes`) in the chosen language when its texts can be
/// had (`edited`: the YAML, when it was compiled here).
async fn in_language(bytes: &[u8], q: Questionnaire, edited: Option<&str>) -> Shared {
    let lang = js_sys::Reflect::get(&js_sys::global(), &"diagLang".into())
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|code| Lang::ALL.into_iter().find(|l| l.code() == code))
        .unwrap_or(Lang::Fr);
    let q = if q.languages.first().is_some_and(|d| d == lang.code()) {
        q
    } else {
        let inline = q.languages.iter().any(|l| l == lang.code());
        match translated(bytes, lang, inline, edited).await {
            Ok(t) => t,
            Err(problem) => {
                LANG_PROBLEM.set(Some(problem));
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
    ready(q)
}

thread_local! {
    /// Why a chosen language's texts are not shown (the resident is told).
    static LANG_PROBLEM: Cell<Option<Msg>> = const { Cell::new(None) };
    /// The language the questionnaire was loaded in.
    static CHOSEN: Cell<Lang> = const { Cell::new(Lang::Fr) };
    /// The digest of the YAML the compiled form in use was made from.
    static MADE_FROM: Cell<Option<u64>> = const { Cell::new(None) };
    /// Whether the hand-edit check has started.
    static CHECK_STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The language the questionnaire was loaded in (French for a trial).
pub fn chosen() -> Lang {
    CHOSEN.get()
}

/// What to tell the resident about the chosen language, once.
pub fn lang_problem() -> Option<Msg> {
    LANG_PROBLEM.take()
}

/// A translation's texts (`questionnaire.ar.bin`) and interface strings
/// (`ui.ar.json`), which `main.js` fetched in parallel with this module
/// (`diagPack`), added to the compact form `bytes` (`inline`: a language of
/// the YAML itself, such as English, not of a translation file). Refused offline
/// (`LanguageFailed`), and for texts made for another version of the
/// questionnaire (`LanguageOutOfStep`: the pack was not published again).
async fn translated(
    bytes: &[u8],
    lang: Lang,
    inline: bool,
    edited: Option<&str>,
) -> Result<Questionnaire, Msg> {
    let offline = Msg::LanguageFailed;
    let fetched: js_sys::Array = global_promise("diagPack", None)
        .await
        .and_then(|v| v.dyn_into().ok())
        .ok_or(offline)?;
    let pack = match edited {
        None => js_sys::Uint8Array::new(&fetched.get(0)).to_vec(),
        // The YAML was compiled here: the published pack was made for
        // another text, so the staff's module makes one from the translation file.
        Some(yaml) => {
            let code = lang.code();
            // An inline language's texts are in the YAML itself.
            let translation = if inline {
                String::new()
            } else {
                fetch::text(&format!("questionnaire.{code}.yaml"))
                    .await
                    .ok_or(offline)?
            };
            let args = js_sys::Array::of3(&yaml.into(), &translation.into(), &code.into());
            global_promise("diagTranslate", Some(args.into()))
                .await
                .map(|v| js_sys::Uint8Array::new(&v).to_vec())
                .ok_or(Msg::LanguageOutOfStep)?
        }
    };
    let q =
        Questionnaire::from_compact_with(bytes, Some(&pack)).map_err(|_| Msg::LanguageOutOfStep)?;
    // English's interface strings are compiled in; the others' were fetched.
    if !lang.built_in() {
        let strings = js_sys::Array::from(&fetched.get(1))
            .iter()
            .map(|v| v.as_string())
            .collect::<Option<Vec<String>>>()
            .ok_or(offline)?;
        i18n::load_strings(lang, strings).map_err(|_| offline)?;
    }
    Ok(q)
}
