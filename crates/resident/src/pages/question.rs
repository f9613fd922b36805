//! One question per screen: a fieldset with its legend, native inputs,
//! help on demand, "Précédent" / "Suivant", and the progress announced.

use crate::components::pictogram::Pictogram;
use crate::components::read_aloud::read_aloud;
use diag_core::{expected_questions, Answer, Answers, Kind};
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::{self, Route};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    /// Index of the question in `q.questions`.
    pub index: usize,
    pub answers: Answers,
    pub lang: Lang,
    /// `(question id, answer)`.
    pub on_answer: Callback<(String, Answer)>,
}

#[function_component]
pub fn QuestionPage(props: &Props) -> Html {
    let missing = use_state(|| false);
    {
        let missing = missing.clone();
        use_effect_with(props.index, move |_| missing.set(false));
    }
    let voice = crate::speech::use_voice(props.lang.code());
    let q = &props.q.0;
    let lang = props.lang;
    let code = lang.code();
    let Some(question) = q.questions.get(props.index) else {
        return html! {};
    };
    let expected = expected_questions(q, &props.answers);
    let position = expected
        .iter()
        .position(|i| *i == props.index)
        .map_or(0, |p| p + 1);
    let question_route = |i: usize| q.questions.get(i).map(|x| Route::Question(x.id.clone()));
    let next = q
        .next_shown(&props.answers, props.index)
        .and_then(question_route);
    let previous = q
        .previous_shown(&props.answers, props.index)
        .and_then(question_route)
        .unwrap_or(Route::Welcome);
    let current = props.answers.get(&question.id);
    let multiple = question.kind == Kind::Multiple;
    let qid = question.id.clone();
    let section = q
        .sections
        .get(question.section)
        .map(|s| s.title.get(code).to_owned());
    // A section's introduction, once: on its first question shown.
    let intro = q
        .sections
        .get(question.section)
        .filter(|_| {
            q.previous_shown(&props.answers, props.index)
                .and_then(|p| q.questions.get(p))
                .is_none_or(|p| p.section != question.section)
        })
        .and_then(|s| s.intro.as_ref())
        .map(|t| t.get(code).to_owned());

    let on_submit = {
        let missing = missing.clone();
        let on_answer = props.on_answer.clone();
        let answered = current.is_some();
        let qid = qid.clone();
        let next = next.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !answered {
                if multiple {
                    // Ticking nothing is an answer to a multiple-choice question.
                    on_answer.emit((qid.clone(), Answer::Many(Vec::new())));
                } else {
                    missing.set(true);
                    return;
                }
            }
            route::go(next.as_ref().unwrap_or(&Route::Result));
        })
    };
    let on_previous = Callback::from(move |_| route::go(&previous));

    // Offered once the answers so far settle the advice (opt-in per questionnaire).
    let enough = q.early_stop && !props.answers.is_empty() && diag_core::settled(q, &props.answers);
    let speak = spoken_text(question, code);
    let is_last = next.is_none();

    html! {
        <form class="question" onsubmit={on_submit} novalidate=true data-question={question.id.clone()}>
            if let Some(s) = section { <p class="section-title">{ s }</p> }
            if let Some(i) = intro { <p class="section-intro">{ i }</p> }
            <p class="progress-text" aria-live="polite">
                { Msg::QuestionOf.get(lang).replace("{n}", &position.to_string()).replace("{total}", &expected.len().to_string()) }
            </p>
            <progress aria-hidden="true" value={position.to_string()} max={expected.len().to_string()}></progress>
            if enough {
                <aside class="notice early-stop" role="status">
                    <p><strong>{ Msg::EnoughToAdvise.get(lang) }</strong></p>
                    <p>{ Msg::EnoughToAdviseText.get(lang) }</p>
                    <a class="button" href={Route::Result.hash()}>{ Msg::SeeResultNow.get(lang) }</a>
                </aside>
            }
            <fieldset aria-describedby={missing.then_some("missing")}>
                <legend data-focus="" tabindex="-1">
                    if let Some(p) = &question.pictogram { <Pictogram name={p.clone()} {lang} /> }
                    <span class="question-text" elementtiming="question">{ question.text.get(code) }</span>
                </legend>
                if multiple { <p class="hint">{ Msg::SeveralAnswers.get(lang) }</p> }
                if let Some(help) = &question.help {
                    // Keyed by question: a new question's help starts closed.
                    <details class="help" key={question.id.clone()}>
                        <summary>{ Msg::Help.get(lang) }</summary>
                        <p>{ help.get(code) }</p>
                    </details>
                }
                { options(props) }
            </fieldset>
            if *missing {
                <p id="missing" class="missing" role="alert">{ Msg::ChooseAnswer.get(lang) }</p>
            }
            { read_aloud(speak, lang, voice) }
            <div class="actions nav">
                <button type="button" class="secondary" onclick={on_previous}>{ Msg::Previous.get(lang) }</button>
                <button type="submit">{ if is_last { Msg::SeeResult.get(lang) } else { Msg::Next.get(lang) } }</button>
            </div>
        </form>
    }
}

/// The answers to one question as native radio buttons or checkboxes (a
/// function, not a component: it has no state of its own, and a component
/// costs bytes in the resident's module).
fn options(props: &Props) -> Html {
    let q = &props.q.0;
    let code = props.lang.code();
    let Some(question) = q.questions.get(props.index) else {
        return html! {};
    };
    let multiple = question.kind == Kind::Multiple;
    let current = props.answers.get(&question.id);
    let chosen = |id: &str| match current {
        Some(Answer::One(o)) => o == id,
        Some(Answer::Many(v)) => v.iter().any(|o| o == id),
        None => false,
    };
    let qid = question.id.clone();
    let options = question.options.iter().map(|o| {
        let input_id = format!("opt-{}-{}", question.id, o.id);
        let on_answer = props.on_answer.clone();
        let qid = qid.clone();
        let oid = o.id.clone();
        let shared = props.q.clone();
        let answers = props.answers.clone();
        let onchange = Callback::from(move |_: Event| {
            on_answer.emit((qid.clone(), shared.0.toggle(&answers, &qid, &oid)));
        });
        html! {
            <label class={classes!("option", o.dont_know.then_some("dont-know"))} for={input_id.clone()}>
                <input id={input_id} type={if multiple { "checkbox" } else { "radio" }}
                    name={question.id.clone()} value={o.id.clone()} checked={chosen(&o.id)} {onchange} />
                <span>{ o.text.get(code) }</span>
            </label>
        }
    });

    html! { <div class="options">{ for options }</div> }
}

/// "Lire la question": the question, then each answer.
fn spoken_text(question: &diag_core::Question, code: &str) -> String {
    std::iter::once(question.text.get(code).to_owned())
        .chain(question.options.iter().map(|o| o.text.get(code).to_owned()))
        .collect::<Vec<_>>()
        .join(". ")
}
