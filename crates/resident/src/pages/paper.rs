//! Version papier: the whole questionnaire with boxes to tick, to print.

use diag_core::{AnswerTest, Condition, Kind, Questionnaire};
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
    let org = &q.organisation;
    html! {
        <article class="paper">
            <h1 data-focus="" tabindex="-1">{ q.title.get(code) }{ " — " }{ Msg::PaperVersion.get(lang) }</h1>
            <p>{ Msg::PaperIntro.get(lang) }</p>
            if let Some(pm) = &org.permanence {
                <p class="paper-permanence">
                    <strong>{ Msg::Permanence.get(lang) }{ Msg::Colon.get(lang) }</strong>
                    { pm.place.get(code) }{ " — " }{ pm.hours.get(code) }
                    if let Some(phone) = &org.phone { { " — " }<span class="nowrap">{ phone.clone() }</span> }
                </p>
            }
            <p class="name-line">{ Msg::Name.get(lang) }{ " ______________________________" }</p>
            <div class="actions no-print">
                <button type="button" onclick={print}>{ Msg::PrintPaper.get(lang) }</button>
                <a class="button secondary" href={Route::Welcome.hash()}>{ Msg::Back.get(lang) }</a>
            </div>
            { for q.sections.iter().map(|s| html! {
                <section>
                    <h2>{ s.title.get(code) }</h2>
                    if let Some(only) = s.show_if.as_ref().map(|c| only_if(q, c, lang)) { <p class="only-if">{ only }</p> }
                    if let Some(intro) = &s.intro { <p class="section-intro">{ intro.get(code) }</p> }
                    // Numbered across sections, so "question 4" means one question.
                    <ol start={(s.questions.start + 1).to_string()}>
                        { for q.questions.get(s.questions.clone()).unwrap_or_default().iter().map(|question| html! {
                            <li class="paper-question">
                                <p><strong>{ question.text.get(code) }</strong>{ " " }
                                    <em>{ if question.kind == Kind::Multiple { Msg::TickAny.get(lang) } else { Msg::TickOne.get(lang) } }</em></p>
                                if let Some(only) = question.show_if.as_ref().map(|c| only_if(q, c, lang)) { <p class="only-if">{ only }</p> }
                                if let Some(help) = &question.help { <p class="paper-help">{ help.get(code) }</p> }
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

/// When to answer, in words: "Seulement si vous avez répondu « Oui » à la
/// question 4." (for a condition on one answer; otherwise: ask the advisor).
fn only_if(q: &Questionnaire, c: &Condition, lang: Lang) -> String {
    let code = lang.code();
    let Some((i, test, o)) = c.answer_test() else {
        return Msg::OnlyIfOther.get(lang).to_owned();
    };
    let option = q
        .questions
        .get(i)
        .and_then(|x| x.options.get(o))
        .map(|x| x.text.get(code))
        .unwrap_or_default();
    let msg = match test {
        AnswerTest::Is | AnswerTest::Ticked => Msg::OnlyIfAnswered,
        AnswerTest::IsNot => Msg::UnlessAnswered,
        AnswerTest::AtLeast => Msg::OnlyIfAtLeast,
    };
    msg.get(lang)
        .replace("{option}", option)
        .replace("{n}", &(i + 1).to_string())
}
