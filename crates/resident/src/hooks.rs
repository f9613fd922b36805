//! The resident's effects, one hook each: saved progress read once, another
//! tab announced, the document's language, saving after every change, focus
//! on each new screen's heading.

use crate::app::lang_parameter;
use crate::state::{Action, Quiz};
use crate::storage::{self, Loaded, Saved};
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::Route;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Reads saved progress once and restores it; returns what storage held when
/// the page opened (offered on the welcome screen).
#[hook]
pub fn use_saved_progress(
    q: &Shared,
    trial: bool,
    quiz: &UseReducerHandle<Quiz>,
) -> UseStateHandle<Option<Saved>> {
    let saved = use_state(|| None::<Saved>);
    {
        let (q, quiz, saved) = (q.clone(), quiz.clone(), saved.clone());
        use_effect_with((), move |_| {
            if trial {
                return;
            }
            match storage::load(&q.0) {
                Loaded::Progress(s) => {
                    let lang = lang_parameter().unwrap_or_else(|| Lang::from_code(&s.lang));
                    quiz.dispatch(Action::Restore(s.answers.clone(), lang));
                    saved.set(Some(s));
                }
                Loaded::Corrupt => quiz.dispatch(Action::Notice(Some(Msg::StorageCorrupt))),
                Loaded::OtherVersion => {
                    quiz.dispatch(Action::Notice(Some(Msg::StorageOtherVersion)))
                }
                Loaded::Unavailable => quiz.dispatch(Action::SaveFailed),
                Loaded::Nothing => {}
            }
        });
    }
    saved
}

/// Another tab of the same browser saving progress: say so rather than
/// letting the two overwrite each other silently.
#[hook]
pub fn use_other_tab_notice(trial: bool, quiz: &UseReducerHandle<Quiz>) {
    let quiz = quiz.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "storage", move |e| {
                let key = e.dyn_ref::<web_sys::StorageEvent>().and_then(|e| e.key());
                if !trial && key.as_deref() == Some(storage::KEY) {
                    quiz.dispatch(Action::Notice(Some(Msg::OtherTab)));
                }
            })
        });
        move || drop(listener)
    });
}

/// The document's language follows the resident's choice.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}

/// Saved after every answer and every move, once there is something to save.
#[hook]
pub fn use_autosave(q: &Shared, trial: bool, quiz: &UseReducerHandle<Quiz>, route: &Route) {
    let (q, handle) = (q.clone(), quiz.clone());
    use_effect_with(
        (quiz.answers.clone(), quiz.lang, route.clone()),
        move |(answers, lang, route)| {
            if !answers.is_empty() && !trial {
                let s = Saved {
                    lang: lang.code().to_owned(),
                    route: route.hash(),
                    answers: answers.clone(),
                };
                if !storage::save(&q.0, &s) {
                    handle.dispatch(Action::SaveFailed);
                }
            }
        },
    );
}

/// Moves focus to the new screen's heading so screen readers announce it.
#[hook]
pub fn use_focus_on_route(route: &Route) {
    use_effect_with(route.clone(), |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("#app [data-focus]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
