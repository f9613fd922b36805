//! "Lire la question": the browser's speech synthesis, where it exists.

/// Whether this browser can speak.
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| w.speech_synthesis().is_ok())
}

/// Reads `text` aloud in `lang`, interrupting anything being read.
pub fn say(text: &str, lang: &str) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    synth.cancel();
    if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        u.set_lang(lang);
        u.set_rate(0.9);
        synth.speak(&u);
    }
}
