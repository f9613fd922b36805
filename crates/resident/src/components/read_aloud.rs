//! "Lire la question" and the voice's speed, shown only when the browser has
//! a voice for the language ([`speech::use_voice`], called by the question
//! page). A plain function, not a component, which saves the Wasm a
//! component's machinery.

use crate::speech;
use diag_ui::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The button that reads `text` aloud and the speed's choice (read from the
/// device at each reading); nothing when the browser has no voice for `lang`.
pub fn read_aloud(text: String, lang: Lang, voice: bool) -> Html {
    if !voice {
        return html! {};
    }
    let speak = Callback::from(move |_| speech::say(&text, lang.code()));
    let on_rate = Callback::from(|e: Event| {
        if let Some(s) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        {
            speech::set_normal_rate(s.value() == "normal");
        }
    });
    let normal = speech::normal_rate();
    html! {
        <div class="speak">
            <button type="button" class="secondary" onclick={speak}>{ Msg::ReadAloud.get(lang) }</button>
            <label for="voice-rate">{ Msg::SpeechRate.get(lang) }</label>
            <select id="voice-rate" onchange={on_rate}>
                <option value="slow" selected={!normal}>{ Msg::RateSlow.get(lang) }</option>
                <option value="normal" selected={normal}>{ Msg::RateNormal.get(lang) }</option>
            </select>
        </div>
    }
}
