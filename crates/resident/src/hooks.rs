//! The resident's effects, one hook each: saved progress read once, another
//! tab announced, the document's language, saving after every change, focus
//! on each new screen's heading.

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
                    quiz.dispatch(Action::Restore(s.answers.clone()));
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

/// The document's language and its title (the browser's tab) follow the
/// language the questionnaire was loaded in (`main.js` keeps the address's
/// `?lang=` in step with its choice).
#[hook]
pub fn use_document_lang(q: &Shared, lang: Lang) {
    let q = q.clone();
    use_effect_with(lang, move |lang| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.code());
                let _ = root.set_attribute("dir", if lang.rtl() { "rtl" } else { "ltr" });
            }
            let code = lang.code();
            doc.set_title(&format!(
                "{} — {}",
                q.0.title.get(code),
                q.0.organisation.name.get(code)
            ));
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
                // The welcome screen is not a place to come back to: keep the
                // screen saved before (a question, or a result seen).
                let route = match (route, storage::load(&q.0)) {
                    (Route::Welcome, storage::Loaded::Progress(before)) => before.route,
                    _ => route.hash(),
                };
                let s = Saved {
                    lang: lang.code().to_owned(),
                    route,
                    answers: answers.clone(),
                    date: Some(diag_ui::today()),
                };
                if !storage::save(&q.0, &s) {
                    handle.dispatch(Action::SaveFailed);
                }
            }
        },
    );
}

/// Each new screen starts at its top (the header and the progress in view),
/// with the focus on its heading so screen readers announce it.
#[hook]
pub fn use_focus_on_route(route: &Route) {
    use_effect_with(route.clone(), |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(el) = window
            .document()
            .and_then(|d| d.query_selector("#app [data-focus]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // Focusing would scroll the heading to the top and hide the header.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    });
}
