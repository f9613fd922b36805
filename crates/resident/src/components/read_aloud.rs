//! "Lire la question" and the voice's speed, shown only when the browser has
//! a voice for the language. A plain function, not a component: its state
//! lives in the question page ([`use_read_aloud`]), which saves the Wasm a
//! component's machinery.

use crate::speech;
use diag_ui::i18n::{Lang, Msg};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Whether a voice exists for `lang`, and the speed chosen (a hook: call it
/// before any early return).
#[hook]
pub fn use_read_aloud(lang: Lang) -> (bool, UseStateHandle<f32>) {
    let voice = speech::use_voice(lang.code());
    let rate = use_state(speech::rate);
    (voice, rate)
}

/// The button that reads `text` aloud and the speed's choice; nothing without a voice.
pub fn read_aloud(text: String, lang: Lang, voice: bool, rate: &UseStateHandle<f32>) -> Html {
    if !voice {
        return html! {};
    }
    let speak = Callback::from(move |_| speech::say(&text, lang.code()));
    let on_rate = {
        let rate = rate.clone();
        Callback::from(move |e: Event| {
            let chosen = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| {
                    if s.value() == "normal" {
                        speech::NORMAL
                    } else {
                        speech::SLOW
                    }
                });
            if let Some(r) = chosen {
                speech::set_rate(r);
                rate.set(r);
            }
        })
    };
    let normal = **rate >= speech::NORMAL;
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
