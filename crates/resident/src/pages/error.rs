//! The screen shown when the questionnaire cannot run.

use diag_ui::i18n::{Lang, Msg};
use yew::prelude::*;

/// A friendly error with a way to start again and the details for the advisor.
pub fn page(lang: Lang, details: &str) -> Html {
    html! {
        <main id="main" class="error-page">
            <h1>{ Msg::ErrorTitle.get(lang) }</h1>
            <p>{ Msg::ErrorText.get(lang) }</p>
            <p><a class="button" href="?#/recommencer">{ Msg::Restart.get(lang) }</a></p>
            <details>
                <summary>{ Msg::ErrorDetails.get(lang) }</summary>
                <pre>{ details.to_owned() }</pre>
            </details>
        </main>
    }
}
