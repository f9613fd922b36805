//! Everything about one intake: every answer and every skipped question, the
//! score of each dimension, the rule that decided and the trace of all rules.

use super::confidence;
use diag_core::{Answer, Answers, Calibration, Outcome};
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub answers: Answers,
    pub outcome: Rc<Outcome>,
}

#[function_component]
pub fn Detail(props: &Props) -> Html {
    let q = &props.q.0;
    let o = &props.outcome;
    let lang = "fr";
    let title = |id: &str| q.parcours_title(id, lang);
    // Why a question was not asked, in words ("seulement si …").
    let why_skipped = |qi: usize, section: bool| -> String {
        let condition = if section {
            q.sections
                .iter()
                .find(|s| s.questions.contains(&qi))
                .and_then(|s| s.show_if.as_ref())
        } else {
            q.questions.get(qi).and_then(|x| x.show_if.as_ref())
        };
        condition.map_or_else(String::new, |c| c.in_words(q, lang))
    };
    let answer_text = |qid: &str| -> String {
        let Some((_, question)) = q.question(qid) else {
            return String::new();
        };
        let text = |oid: &str| {
            question
                .options
                .iter()
                .find(|o| o.id == oid)
                .map_or(oid.to_owned(), |o| o.text.get(lang).to_owned())
        };
        match props.answers.get(qid) {
            Some(Answer::One(oid)) => text(oid),
            Some(Answer::Many(v)) if v.is_empty() => "(aucune case cochée)".into(),
            Some(Answer::Many(v)) => v.iter().map(|x| text(x)).collect::<Vec<_>>().join(" ; "),
            None => "(sans réponse)".into(),
        }
    };
    html! {
        <div class="detail">
            if o.early_stop {
                <p class="notice">{ format!("Arrêt anticipé\u{a0}: {} question(s) non posée(s), leurs réponses ne pouvaient plus changer le conseil.", o.missing.len()) }</p>
            } else if !o.complete {
                <p class="notice">{ format!("Questionnaire incomplet\u{a0}: {} question(s) sans réponse.", o.missing.len()) }</p>
            }
            { confidence::summary(q, &o.confidence) }
            <p class="decided">{ "Parcours conseillé : " }<strong id="recommended">{ title(&o.parcours) }</strong></p>
            <p>{ o.because.get(lang) }</p>
            if let Some(n) = &o.next { <p>{ "Ensuite : " }<strong>{ title(n) }</strong></p> }
            <p>{ format!("Réponses «\u{a0}Je ne sais pas\u{a0}»\u{a0}: {}", o.dont_know) }</p>
            <h3>{ "Compétences" }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Score par domaine">
            <table class="scores">
                <caption class="visually-hidden">{ "Score par domaine" }</caption>
                <thead><tr><th scope="col">{ "Domaine" }</th><th scope="col">{ "Score" }</th><th scope="col">{ "Maximum" }</th><th scope="col">{ "%" }</th><th scope="col">{ "Niveau" }</th><th scope="col">{ "Répondu" }</th><th scope="col">{ "Auto-évaluation" }</th></tr></thead>
                <tbody>
                    { for q.dimensions.iter().zip(&o.dimensions).map(|(d, s)| {
                        let over = s.calibration == Some(Calibration::Over);
                        html! {
                            <tr class={classes!(over.then_some("miscalibrated"))}>
                                <th scope="row">{ d.label.get(lang) }</th>
                                <td>{ s.score }</td>
                                <td>{ s.max }</td>
                                <td>{ s.percent.map_or("–".to_owned(), |p| p.to_string()) }</td>
                                <td>{ q.level_label(s.level.as_deref(), lang).unwrap_or("non évalué") }</td>
                                <td>{ s.coverage.map_or("–".to_owned(), |c| format!("{c} %")) }</td>
                                <td>{ match s.calibration {
                                    Some(Calibration::Over) => html! { <strong>{ "⚠ surestimée : les vérifications la contredisent" }</strong> },
                                    Some(c) => html! { { confidence::calibration_text(c) } },
                                    None => html! { "–" },
                                } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
            <h3>{ "Réponses" }</h3>
            <ol class="answers">
                { for q.questions.iter().enumerate().map(|(qi, question)| {
                    let skipped = o.skipped.iter().find(|s| s.question == question.id);
                    html! {
                        <li data-question={question.id.clone()}>
                            <span class="q">{ question.text.get(lang) }</span>{ " — " }
                            if let Some(s) = skipped {
                                <em title={s.because.clone()}>{ format!("non posée : seulement si {}", why_skipped(qi, s.section)) }</em>
                            } else if o.early_stop && o.missing.contains(&question.id) {
                                <em class="not-needed">{ "non posée (arrêt anticipé : ne pouvait plus changer le conseil)" }</em>
                            } else {
                                <strong>{ answer_text(&question.id) }</strong>
                            }
                        </li>
                    }
                }) }
            </ol>
            <h3>{ "Règles" }</h3>
            <p class="discreet no-print">{ "Dans l'ordre : la première règle vraie décide." }</p>
            <ol class="trace">
                { for o.trace.iter().map(|t| {
                    let reads: Vec<String> = t.read.iter().map(|r| format!("{} = {}", r.what, r.value)).collect();
                    let sentence = q.rules.get(t.rule).map_or_else(|| t.when.clone(), |r| r.in_words(q, lang));
                    html! {
                        <li class={classes!(t.held.then_some("held"))}>
                            { sentence }{ "\u{a0}: " }
                            <strong>{ if t.held { "vraie, décide" } else { "fausse" } }</strong>
                            // The expression as written, for the author, on demand.
                            <details class="expression no-print">
                                <summary>{ "Expression" }<span class="visually-hidden">{ format!(" de la règle {}", t.rule + 1) }</span></summary>
                                <code>{ t.when.clone() }</code>
                                if !reads.is_empty() { <p>{ format!("Valeurs lues\u{a0}: {}", reads.join(", ")) }</p> }
                            </details>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
