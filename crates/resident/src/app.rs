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

    let lang = crate::loader::chosen();
    let q = match &props.site {
        Err(details) => return crate::pages::error::page(lang, details),
        Ok(q) => q.clone(),
    };
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
            html! { <Resident key="published" {q} route={shown} trial=false on_end_trial={end_trial} /> }
        }
    }
}
