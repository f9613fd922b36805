//! The application root: loads the questionnaire and shows its first question.

use diag_core::Questionnaire;
use yew::prelude::*;

/// The whole application.
#[function_component]
pub fn App() -> Html {
    // Parsed once per mount; the bundled questionnaire is validated by the tests,
    // but a failure still gets a readable screen rather than a panic.
    let loaded = use_memo((), |_| Questionnaire::from_yaml(crate::BUNDLED));
    match &*loaded {
        Ok(q) => {
            let lang = q.default_language().to_owned();
            let first = q.questions.first();
            html! {
                <main id="main" lang={lang.clone()}>
                    <h1>{ q.title.get(&lang) }</h1>
                    if let Some(question) = first {
                        <form class="question">
                            <fieldset>
                                <legend id="question-text">{ question.text.get(&lang) }</legend>
                                { for question.options.iter().map(|o| html! {
                                    <label class="option">
                                        <input type="radio" name={question.id.clone()} value={o.id.clone()} />
                                        <span>{ o.text.get(&lang) }</span>
                                    </label>
                                }) }
                            </fieldset>
                        </form>
                    }
                </main>
            }
        }
        Err(e) => html! {
            <main id="main" lang="fr">
                <h1>{ "Le questionnaire ne peut pas être chargé" }</h1>
                <p>{ "Merci de prévenir la mairie. Détail pour le conseiller :" }</p>
                <pre>{ e.to_string() }</pre>
            </main>
        },
    }
}
