//! The staff's application root: loads the questionnaire (with the YAML
//! reader), follows the URL, and shows the advisor's desk or the author's
//! preview. On the resident's routes it shows nothing (`main.js` hides it).

use crate::advisor::AdvisorPage;
use crate::author::AuthorPage;
use crate::loader::{self, Site};
use diag_ui::i18n::{Lang, Msg};
use diag_ui::lang_parameter;
use diag_ui::route::{self, Route};
use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Hands a questionnaire's compact form to the resident's module, which
/// runs it as a trial (see `main.js` and `diag_resident::trial`).
fn try_as_resident(compact: Vec<u8>) {
    let global = js_sys::global();
    let trial = js_sys::Reflect::get(&global, &"diagTrial".into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(f) = trial {
        let bytes = js_sys::Uint8Array::from(compact.as_slice());
        let _ = f.call1(&JsValue::UNDEFINED, &bytes);
    }
}

/// The whole staff application.
#[function_component]
pub fn StaffApp() -> Html {
    let site = use_state(|| None::<Result<Site, String>>);
    let route = use_state(route::current);
    {
        let site = site.clone();
        let route = route.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                site.set(Some(loader::load().await));
            });
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "hashchange", move |_| route.set(route::current()))
            });
            move || drop(listener)
        });
    }
    let lang = lang_parameter().unwrap_or(Lang::Fr);
    if !route.is_staff() {
        return html! {};
    }
    let site = match &*site {
        None => {
            return html! { <main id="main"><p class="loading" role="status">{ Msg::Loading.get(lang) }</p></main> };
        }
        Some(Err(details)) => {
            return html! { <main id="main" class="error-page"><h1>{ Msg::ErrorTitle.get(lang) }</h1><pre>{ details.clone() }</pre></main> };
        }
        Some(Ok(site)) => site.clone(),
    };
    if *route == Route::Preview {
        let on_try = Callback::from(try_as_resident);
        html! { <AuthorPage {lang} {on_try} /> }
    } else {
        html! { <AdvisorPage q={site.q.clone()} /> }
    }
}
