//! The questionnaire at the desk: every question of a section on one screen,
//! compact, no animation; keys 1–9 answer the question that has the focus and
//! move to the next one.

use super::focus;
use super::text::AdvisorMsg;
use diag_core::{shown_questions, Answer, Answers, Kind};
use diag_ui::questionnaire::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub answers: Answers,
    pub on_answer: Callback<(String, Answer)>,
    pub on_done: Callback<()>,
}

#[function_component]
pub fn Desk(props: &Props) -> Html {
    let q = props.q.0.clone();
    let shown = shown_questions(&q, &props.answers);
    // After a key press, the focus moves to the next question once it is
    // drawn (counted, so that the same question twice still moves it).
    let focus_next = use_state(|| (0u32, None::<String>));
    {
        let target = (*focus_next).clone();
        use_effect_with(target, |(_, t)| {
            if let Some(id) = t {
                focus(&format!("#desk-{id} input"));
            }
        });
    }
    // Desk mode opens on its first question, ready for the keys.
    use_effect_with((), |_| focus("form.desk fieldset input"));
    let onkeydown = {
        let q = q.clone();
        let answers = props.answers.clone();
        let on_answer = props.on_answer.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(qid) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|el| el.closest("fieldset[data-question]").ok().flatten())
                .and_then(|f| f.get_attribute("data-question"))
            else {
                return;
            };
            let Some((index, question)) = q.question(&qid) else {
                return;
            };
            // `drawn`: the next question is on screen already (nothing changed).
            let move_on = |after: &Answers, drawn: bool| {
                let next = q
                    .next_shown(after, index)
                    .and_then(|i| q.questions.get(i))
                    .map(|x| x.id.clone());
                match next {
                    Some(id) if drawn => focus(&format!("#desk-{id} input")),
                    Some(id) => focus_next.set((focus_next.0.wrapping_add(1), Some(id))),
                    None => focus("#desk-done"),
                }
            };
            // Enter moves on (a multiple choice is done when its boxes are
            // ticked), instead of submitting the whole form.
            if e.key() == "Enter" {
                e.prevent_default();
                move_on(&answers, true);
                return;
            }
            let Some(k) = e
                .key()
                .parse::<usize>()
                .ok()
                .filter(|k| (1..=9).contains(k))
            else {
                return;
            };
            let Some(option) = question.options.get(k - 1) else {
                return;
            };
            e.prevent_default();
            let multiple = question.kind == Kind::Multiple;
            let answer = q.toggle(&answers, &qid, &option.id);
            on_answer.emit((qid.clone(), answer.clone()));
            if !multiple {
                let mut after = answers.clone();
                after.set(&qid, answer);
                move_on(&after, false);
            }
        })
    };
    html! {
        <form class="desk" {onkeydown} onsubmit={props.on_done.reform(|e: SubmitEvent| e.prevent_default())}>
            <p class="hint">{ AdvisorMsg::DeskKeys.fr() }</p>
            { for q.sections.iter().map(|s| {
                let in_section: Vec<usize> = shown.iter().copied().filter(|i| s.questions.contains(i)).collect();
                if in_section.is_empty() { return html! {}; }
                html! {
                    <section>
                        <h3>{ s.title.get("fr") }</h3>
                        { for in_section.iter().filter_map(|i| q.questions.get(*i)).map(|question| desk_question(props, question)) }
                    </section>
                }
            }) }
            <button id="desk-done" type="submit">{ AdvisorMsg::SeeDetail.fr() }</button>
        </form>
    }
}

/// One question at the desk: its options numbered 1 to 9 for the keys.
fn desk_question(props: &Props, question: &diag_core::Question) -> Html {
    let multiple = question.kind == Kind::Multiple;
    html! {
        <fieldset id={format!("desk-{}", question.id)} data-question={question.id.clone()}>
            <legend>{ question.text.get("fr") }</legend>
            { for question.options.iter().enumerate().map(|(k, o)| {
                let checked = match props.answers.get(&question.id) {
                    Some(Answer::One(x)) => *x == o.id,
                    Some(Answer::Many(v)) => v.contains(&o.id),
                    None => false,
                };
                let on_answer = props.on_answer.clone();
                let answers = props.answers.clone();
                let (qid, oid, q) = (question.id.clone(), o.id.clone(), props.q.clone());
                let onchange = Callback::from(move |_: Event| on_answer.emit((qid.clone(), q.0.toggle(&answers, &qid, &oid))));
                let id = format!("desk-{}-{}", question.id, o.id);
                html! {
                    <label for={id.clone()} class="desk-option">
                        <input {id} type={if multiple { "checkbox" } else { "radio" }} name={format!("desk-{}", question.id)} {checked} {onchange} />
                        { format!("{} {}", k + 1, o.text.get("fr")) }
                    </label>
                }
            }) }
        </fieldset>
    }
}
