//! The resident's application root: follows the URL and shows the resident's
//! path, for the published questionnaire or for a trial from the preview.

use crate::pages::{paper::Paper, question::QuestionPage, result::ResultPage, welcome::Welcome};
use crate::state::{Action, Quiz};
use crate::storage::{self, Loaded, Saved};
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::{self, Route};
use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
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

/// The `?lang=xx` parameter, if the page was opened with one.
pub fn lang_parameter() -> Option<Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .map(Lang::from_code)
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

    let lang = lang_parameter().unwrap_or(Lang::Fr);
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

#[derive(Properties, PartialEq)]
struct ResidentProps {
    q: Shared,
    route: Route,
    /// Trying a questionnaire from the preview: nothing is saved.
    trial: bool,
    on_end_trial: Callback<()>,
}

#[function_component]
fn Resident(props: &ResidentProps) -> Html {
    let q = props.q.clone();
    let trial = props.trial;
    let quiz = use_reducer(|| Quiz::new(lang_parameter().unwrap_or(Lang::Fr)));
    // What storage held when the page opened: offered on the welcome screen.
    let saved = use_state(|| None::<Saved>);

    // Once: read saved progress.
    {
        let q = q.clone();
        let quiz = quiz.clone();
        let saved = saved.clone();
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

    // Another tab of the same browser saving progress: say so rather than
    // letting the two overwrite each other silently.
    {
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

    // The document's language follows the resident's choice.
    use_effect_with(quiz.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    // Saved after every answer and every move, once there is something to save.
    {
        let q = q.clone();
        let quiz_for_save = quiz.clone();
        use_effect_with(
            (quiz.answers.clone(), quiz.lang, props.route.clone()),
            move |(answers, lang, route)| {
                if !answers.is_empty() && !trial {
                    let s = Saved {
                        lang: lang.code().to_owned(),
                        route: route.hash(),
                        answers: answers.clone(),
                    };
                    if !storage::save(&q.0, &s) {
                        quiz_for_save.dispatch(Action::SaveFailed);
                    }
                }
            },
        );
    }

    // Move focus to the new screen's heading so screen readers announce it.
    use_effect_with(props.route.clone(), |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("[data-focus]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });

    let lang = quiz.lang;
    let on_lang = {
        let quiz = quiz.clone();
        Callback::from(move |l: Lang| quiz.dispatch(Action::SetLang(l)))
    };
    let on_clear = {
        let quiz = quiz.clone();
        let saved = saved.clone();
        Callback::from(move |_| {
            if !trial {
                storage::clear();
            }
            saved.set(None);
            quiz.dispatch(Action::Clear);
            route::go(&Route::Welcome);
        })
    };
    let dismiss = {
        let quiz = quiz.clone();
        Callback::from(move |_| quiz.dispatch(Action::Notice(None)))
    };

    let page = match &props.route {
        Route::Question(id) => match q.0.question(id) {
            Some((index, _)) => {
                let on_answer = {
                    let quiz = quiz.clone();
                    Callback::from(move |(qid, a)| quiz.dispatch(Action::Answer(qid, a)))
                };
                html! { <QuestionPage q={q.clone()} {index} answers={quiz.answers.clone()} {lang} {on_answer} /> }
            }
            None => {
                html! { <Welcome q={q.clone()} lang={lang} resume={None::<String>} on_restart={on_clear.clone()} /> }
            }
        },
        Route::Result => {
            html! { <ResultPage q={q.clone()} answers={quiz.answers.clone()} {lang} on_clear={on_clear.clone()} /> }
        }
        Route::Paper => html! { <Paper q={q.clone()} {lang} /> },
        Route::Welcome | Route::Preview | Route::Advisor => html! {
            <Welcome q={q.clone()} lang={lang} resume={saved.as_ref().map(|s| s.route.clone())} on_restart={on_clear.clone()} />
        },
    };

    let title = q.0.title.get(lang.code()).to_owned();
    let town = q.0.organisation.name.get(lang.code()).to_owned();
    html! {
        <>
            <a class="skip" href="#main">{ Msg::SkipToContent.get(lang) }</a>
            if trial {
                <div class="trial-banner" role="status">
                    <p>{ Msg::TrialBanner.get(lang) }</p>
                    <button type="button" class="secondary" onclick={props.on_end_trial.reform(|_| ())}>{ Msg::BackToPreview.get(lang) }</button>
                </div>
            }
            <header class="site">
                <p class="town">{ town }</p>
                <nav aria-label={Msg::Language.get(lang)} class="langs">
                    { for [Lang::Fr, Lang::En].into_iter().filter(|l| q.0.languages.iter().any(|c| c == l.code())).map(|l| {
                        let on_lang = on_lang.clone();
                        html! {
                            <button type="button" lang={l.code()} aria-pressed={(l == lang).to_string()}
                                onclick={Callback::from(move |_| on_lang.emit(l))}>{ l.name() }</button>
                        }
                    }) }
                </nav>
            </header>
            <main id="main" tabindex="-1" aria-label={title}>
                if let Some(n) = quiz.notice {
                    <div class="notice" role="status">
                        <p>{ n.get(lang) }</p>
                        <button type="button" class="secondary" onclick={dismiss}>{ Msg::Dismiss.get(lang) }</button>
                    </div>
                }
                { page }
            </main>
            <footer class="site">
                <a href={Route::Paper.hash()}>{ Msg::PaperVersion.get(lang) }</a>
                { " · " }
                <a href={Route::Advisor.hash()} class="discreet" lang="fr">{ "Espace conseiller" }</a>
            </footer>
        </>
    }
}
