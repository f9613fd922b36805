//! Version papier: the whole questionnaire with boxes to tick, to print.

use diag_core::Kind;
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub lang: Lang,
}

#[function_component]
pub fn Paper(props: &Props) -> Html {
    let q = &props.q.0;
    let lang = props.lang;
    let code = lang.code();
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <article class="paper">
            <h1 data-focus="" tabindex="-1">{ q.title.get(code) }{ " — " }{ Msg::PaperVersion.get(lang) }</h1>
            <p>{ Msg::PaperIntro.get(lang) }</p>
            <p class="name-line">{ Msg::Name.get(lang) }{ " ______________________________" }</p>
            <div class="actions no-print">
                <button type="button" onclick={print}>{ Msg::PrintPaper.get(lang) }</button>
                <a class="button secondary" href={Route::Welcome.hash()}>{ Msg::Back.get(lang) }</a>
            </div>
            { for q.sections.iter().map(|s| html! {
                <section>
                    <h2>{ s.title.get(code) }</h2>
                    if let Some(intro) = &s.intro { <p class="section-intro">{ intro.get(code) }</p> }
                    <ol>
                        { for q.questions.get(s.questions.clone()).unwrap_or_default().iter().map(|question| html! {
                            <li class="paper-question">
                                <p><strong>{ question.text.get(code) }</strong>{ " " }
                                    <em>{ if question.kind == Kind::Multiple { Msg::TickAny.get(lang) } else { Msg::TickOne.get(lang) } }</em></p>
                                <ul class="boxes">
                                    { for question.options.iter().map(|o| html! {
                                        <li><span class="box" aria-hidden="true"></span>{ o.text.get(code) }</li>
                                    }) }
                                </ul>
                            </li>
                        }) }
                    </ol>
                </section>
            }) }
        </article>
    }
}
