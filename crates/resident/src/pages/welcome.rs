//! Accueil: what this is, the parcours, how long, privacy, start or resume.

use super::date_text;
use diag_core::Date;
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::{self, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub lang: Lang,
    /// The saved screen to resume, when there is saved progress.
    pub resume: Option<String>,
    /// The day it was saved, when known.
    pub saved_on: Option<Date>,
    pub on_restart: Callback<()>,
}

#[function_component]
pub fn Welcome(props: &Props) -> Html {
    let q = &props.q.0;
    let lang = props.lang;
    let code = lang.code();
    let first = q.questions.first().map(|x| Route::Question(x.id.clone()));
    let start = Callback::from(move |_| {
        if let Some(r) = &first {
            route::go(r);
        }
    });
    let duration = q
        .duration_minutes
        .map(|n| Msg::Duration.get(lang).replace("{n}", &n.to_string()));
    html! {
        <section class="welcome">
            <h1 data-focus="" tabindex="-1" elementtiming="title">{ q.title.get(code) }</h1>
            if let Some(intro) = &q.introduction {
                <p class="lead">{ intro.get(code) }</p>
            }
            <p>{ Msg::ParcoursIntro.get(lang) }</p>
            <ul class="parcours-list">
                { for q.parcours.iter().map(|p| html! {
                    <li><strong>{ p.title.get(code) }</strong>{ " — " }{ p.summary.get(code) }</li>
                }) }
            </ul>
            if let Some(d) = duration { <p>{ d }</p> }
            <p class="private">{ Msg::Private.get(lang) }</p>
            if let Some(resume) = &props.resume {
                { saved_notice(resume, props.saved_on, lang, &props.on_restart) }
            } else {
                <div class="actions">
                    <button type="button" onclick={start}>{ Msg::Start.get(lang) }</button>
                </div>
            }
        </section>
    }
}

/// What is saved on this device, whose it may be, and the way out: on a
/// shared computer the next person must not land in someone else's result.
fn saved_notice(
    resume: &str,
    saved_on: Option<Date>,
    lang: Lang,
    on_restart: &Callback<()>,
) -> Html {
    let finished = resume == Route::Result.hash();
    let date = saved_on.map(|d| date_text(d, lang));
    let message = match (finished, date) {
        (true, Some(d)) => Msg::SavedResult.get(lang).replace("{date}", &d),
        (true, None) => Msg::SavedResultUndated.get(lang).to_owned(),
        (false, Some(d)) => Msg::SavedStarted.get(lang).replace("{date}", &d),
        (false, None) => Msg::SavedProgress.get(lang).to_owned(),
    };
    let restart = {
        let on_restart = on_restart.clone();
        Callback::from(move |_| {
            if super::confirm(Msg::ConfirmErase.get(lang)) {
                on_restart.emit(());
            }
        })
    };
    html! {
        <>
            <p class="saved">{ message }</p>
            <div class="actions">
                <a class="button" href={resume.to_owned()}>{ if finished { Msg::ViewSavedResult.get(lang) } else { Msg::Resume.get(lang) } }</a>
                <button type="button" class="secondary" onclick={restart}>{ if finished { Msg::StartNew.get(lang) } else { Msg::Restart.get(lang) } }</button>
            </div>
        </>
    }
}
