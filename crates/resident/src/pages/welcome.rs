//! Accueil: what this is, the four parcours, how long, privacy, start or resume.

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
                <p>{ Msg::SavedProgress.get(lang) }</p>
                <div class="actions">
                    <a class="button" href={resume.clone()}>{ Msg::Resume.get(lang) }</a>
                    <button type="button" class="secondary" onclick={props.on_restart.reform(|_| ())}>{ Msg::Restart.get(lang) }</button>
                </div>
            } else {
                <div class="actions">
                    <button type="button" onclick={start}>{ Msg::Start.get(lang) }</button>
                </div>
            }
        </section>
    }
}
