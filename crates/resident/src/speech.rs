//! "Lire la question": the browser's speech synthesis, offered only where the
//! browser has a voice for the language, at a rate the resident chooses
//! (slow by default: many residents are seniors).

use gloo::events::EventListener;
use yew::prelude::*;

/// Where the chosen rate is kept on this device.
const RATE_KEY: &str = "diag-voice-rate";
/// The slow rate (the default) and the browser's normal one.
const SLOW: f32 = 0.75;
const NORMAL: f32 = 1.0;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// Whether the browser has a voice for `lang` (`ar` matches `ar-SA`).
fn has_voice(lang: &str) -> bool {
    synth().is_some_and(|s| {
        s.get_voices().iter().any(|v| {
            let v: web_sys::SpeechSynthesisVoice = wasm_bindgen::JsCast::unchecked_into(v);
            let l = v.lang().to_ascii_lowercase();
            l.strip_prefix(lang)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '_']))
        })
    })
}

/// Whether to offer reading aloud in `lang`; updated when the browser's voices
/// arrive (Chromium lists them a moment after the page opens).
#[hook]
pub fn use_voice(lang: &'static str) -> bool {
    let found = use_state(|| has_voice(lang));
    {
        let found = found.clone();
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            found.set(has_voice(lang));
            let listener = synth().map(|s| {
                EventListener::new(&s, "voiceschanged", move |_| found.set(has_voice(lang)))
            });
            move || drop(listener)
        });
    }
    *found
}

/// Whether the resident chose the normal rate on this device (slow by default).
/// Kept as a word: parsing and printing floats would add ~20 KB of
/// formatting code to the module.
pub fn normal_rate() -> bool {
    diag_ui::storage::local()
        .and_then(|s| s.get_item(RATE_KEY).ok().flatten())
        .is_some_and(|r| r == "normal")
}

/// Keeps the chosen rate (a refusal only means it is asked again).
pub fn set_normal_rate(normal: bool) {
    if let Some(s) = diag_ui::storage::local() {
        let _ = s.set_item(RATE_KEY, if normal { "normal" } else { "slow" });
    }
}

/// Reads `text` aloud in `lang`, interrupting anything being read.
pub fn say(text: &str, lang: &str) {
    let Some(synth) = synth() else {
        return;
    };
    synth.cancel();
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(lang);
        u.set_rate(if normal_rate() { NORMAL } else { SLOW });
        synth.speak(&u);
    }
}
