//! The resident's application root: follows the URL and shows the resident's
//! path, for the published questionnaire or for a trial from the preview.

use crate::resident::Resident;
use diag_ui::questionnaire::Shared;
use diag_ui::route::{self, Route};
use gloo::events::EventListener;
use std::cell::RefCell;
use yew::prelude::*;

thread_local! {
    /// How the preview's "Essayer" reaches the mounted app (see [`start_trial`]).
    static TRIAL: RefCell<Option<Callback<Shared>>> = const { RefCell::new(None) };
}

/// Runs `q` as a trial (from the author's preview): nothing is saved.
pub fn start_trial(q: Shared) {
    if let Some(cb) = TRIAL.with(|t| t.borrow().clone()) {
        cb.emit(q);
    }
    route::go(&Route::Welcome);
}

/// What the module starts with: the questionnaire, or why there is none.
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The loaded questionnaire, or the details of the failure.
    pub site: Result<Shared, String>,
}

/// The resident's whole application. Staff routes are the staff module's:
/// this one keeps showing its last screen, hidden by `main.js`.
#[function_component]
pub fn App(props: &Props) -> Html {
    let route = use_state(route::current);
    // A questionnaire the author is trying from the preview (never saved).
    let trial = use_state(|| None::<Shared>);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| {
                    let r = route::current();
                    if !r.is_staff() {
                        route.set(r);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let trial = trial.clone();
        use_effect_with((), move |_| {
            TRIAL.with(|t| *t.borrow_mut() = Some(Callback::from(move |q| trial.set(Some(q)))));
            || TRIAL.with(|t| *t.borrow_mut() = None)
        });
    }
    // `questionnaire.yaml` edited by hand and not compiled: once the first
    // screen is painted, its questionnaire replaces the compiled one (the
    // resident's screens are drawn again from it, saved answers read again).
    let edited = use_state(|| None::<Shared>);
    let checked = use_state(|| false);
    // Opened on the welcome: the way to the questions waits for that check.
    let from_welcome = use_state(|| route::current() == Route::Welcome);
    // The check, once: from idle time after the first screen, or at once
    // when the resident moves on before that.
    let check = {
        let (edited, checked) = (edited.clone(), checked.clone());
        Callback::from(move |()| {
            let (edited, checked) = (edited.clone(), checked.clone());
            crate::loader::check_hand_edit(Callback::from(move |found: Option<Shared>| {
                if let Some(q) = found {
                    edited.set(Some(q));
                }
                checked.set(true);
            }));
        })
    };
    {
        let check = check.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                crate::loader::idle().await;
                check.emit(());
            });
        });
    }
    // (Not for the screen the page opened on: that one is the first screen.)
    let opened_on = use_mut_ref(|| Some((*route).clone()));
    use_effect_with((*route).clone(), move |r| {
        let first = opened_on.borrow_mut().take().is_some_and(|o| o == *r);
        if !first && matches!(r, Route::Question(_) | Route::Result | Route::Paper) {
            check.emit(());
        }
    });

    let lang = crate::loader::chosen();
    let q = match (&*edited, &props.site) {
        (Some(q), _) => q.clone(),
        (None, Err(details)) => return crate::pages::error::page(lang, details),
        (None, Ok(q)) => q.clone(),
    };
    let key = if edited.is_some() {
        "edited"
    } else {
        "published"
    };
    // From the welcome, a question waits for that check (done, in practice,
    // before a resident clicks), so that no question shows the compiled
    // form's text if the YAML replaces it. A page opened on a question (a
    // reload) shows it at once: the first screen never waits.
    let waits = matches!(*route, Route::Question(_) | Route::Result | Route::Paper)
        && *from_welcome
        && !*checked
        && trial.is_none();
    if waits {
        return html! { <main id="main"><p class="loading" role="status">{ diag_ui::i18n::Msg::Loading.get(lang) }</p></main> };
    }
    // Opened on a staff screen: the resident's path starts at the welcome.
    let shown = if route.is_staff() {
        Route::Welcome
    } else {
        (*route).clone()
    };
    let end_trial = {
        let trial = trial.clone();
        Callback::from(move |_| {
            trial.set(None);
            route::go(&Route::Preview);
        })
    };
    match &*trial {
        // A new key gives the trial its own fresh state.
        Some(t) => {
            html! { <Resident key="trial" q={t.clone()} route={shown} trial=true on_end_trial={end_trial} /> }
        }
        None => {
            html! { <Resident {key} {q} route={shown} trial=false on_end_trial={end_trial} /> }
        }
    }
}
