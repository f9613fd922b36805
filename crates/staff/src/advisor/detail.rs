//! Everything about one intake: every answer and every skipped question, the
//! score of each dimension, the rule that decided and the trace of all rules.

use super::confidence;
use super::text::AdvisorMsg;
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
    // The desk is in French: the answers too, whatever language the
    // resident answered in.
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
            Some(Answer::Many(v)) if v.is_empty() => AdvisorMsg::NoBoxTicked.fr().into(),
            Some(Answer::Many(v)) => v
                .iter()
                .map(|x| text(x))
                .collect::<Vec<_>>()
                .join(AdvisorMsg::ListSemicolon.fr()),
            None => AdvisorMsg::NoAnswer.fr().into(),
        }
    };
    let missing = o.missing.len().to_string();
    let no_value = || AdvisorMsg::NoValue.fr().to_owned();
    html! {
        <div class="detail">
            if o.early_stop {
                <p class="notice">{ AdvisorMsg::EarlyStop.fill(&[("n", &missing)]) }</p>
            } else if !o.complete {
                <p class="notice">{ AdvisorMsg::Incomplete.fill(&[("n", &missing)]) }</p>
            }
            { confidence::summary(q, &o.confidence) }
            <p class="decided">{ AdvisorMsg::Recommended.fr() }<strong id="recommended">{ title(&o.parcours) }</strong></p>
            <p>{ o.because.get(lang) }</p>
            if let Some(n) = &o.next { <p>{ AdvisorMsg::Then.fr() }<strong>{ title(n) }</strong></p> }
            <p>{ AdvisorMsg::DontKnowCount.fill(&[("n", &o.dont_know.to_string())]) }</p>
            <h3>{ AdvisorMsg::Skills.fr() }</h3>
            <div class="table-scroll" tabindex="0" role="region" aria-label={AdvisorMsg::ScoresLabel.fr()}>
            <table class="scores">
                <caption class="visually-hidden">{ AdvisorMsg::ScoresLabel.fr() }</caption>
                <thead><tr>
                    { for [
                        AdvisorMsg::ColDomain,
                        AdvisorMsg::ColScore,
                        AdvisorMsg::ColMax,
                        AdvisorMsg::ColPercent,
                        AdvisorMsg::ColLevel,
                        AdvisorMsg::ColAnswered,
                        AdvisorMsg::ColSelfRating,
                    ].into_iter().map(|h| html! { <th scope="col">{ h.fr() }</th> }) }
                </tr></thead>
                <tbody>
                    { for q.dimensions.iter().zip(&o.dimensions).map(|(d, s)| {
                        let over = s.calibration == Some(Calibration::Over);
                        html! {
                            <tr class={classes!(over.then_some("miscalibrated"))}>
                                <th scope="row">{ d.label.get(lang) }</th>
                                <td>{ s.score }</td>
                                <td>{ s.max }</td>
                                <td>{ s.percent.map_or_else(no_value, |p| p.to_string()) }</td>
                                <td>{ q.level_label(s.level.as_deref(), lang).unwrap_or(AdvisorMsg::NotAssessed.fr()) }</td>
                                <td>{ s.coverage.map_or_else(no_value, |c| AdvisorMsg::Coverage.fill(&[("n", &c.to_string())])) }</td>
                                <td>{ match s.calibration {
                                    Some(Calibration::Over) => html! { <strong>{ AdvisorMsg::OverRated.fr() }</strong> },
                                    Some(c) => html! { { confidence::calibration_text(c) } },
                                    None => html! { { AdvisorMsg::NoValue.fr() } },
                                } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
            <h3>{ AdvisorMsg::AnswersTitle.fr() }</h3>
            <ol class="answers">
                { for q.questions.iter().enumerate().map(|(qi, question)| {
                    let skipped = o.skipped.iter().find(|s| s.question == question.id);
                    html! {
                        <li data-question={question.id.clone()}>
                            <span class="q">{ question.text.get(lang) }</span>{ AdvisorMsg::QuestionAnswer.fr() }
                            if let Some(s) = skipped {
                                <em title={s.because.clone()}>{ AdvisorMsg::SkippedOnlyIf.fill(&[("condition", &why_skipped(qi, s.section))]) }</em>
                            } else if o.early_stop && o.missing.contains(&question.id) {
                                <em class="not-needed">{ AdvisorMsg::SkippedEarlyStop.fr() }</em>
                            } else {
                                <strong>{ answer_text(&question.id) }</strong>
                            }
                        </li>
                    }
                }) }
            </ol>
            <h3>{ AdvisorMsg::Rules.fr() }</h3>
            <p class="discreet no-print">{ AdvisorMsg::RulesOrder.fr() }</p>
            <ol class="trace">
                { for o.trace.iter().map(|t| {
                    let reads: Vec<String> = t.read.iter().map(|r| AdvisorMsg::ReadValue.fill(&[("what", &r.what), ("value", &r.value)])).collect();
                    let sentence = q.rules.get(t.rule).map_or_else(|| t.when.clone(), |r| r.in_words(q, lang));
                    html! {
                        <li class={classes!(t.held.then_some("held"))}>
                            { sentence }{ AdvisorMsg::Colon.fr() }
                            <strong>{ if t.held { AdvisorMsg::RuleHeld.fr() } else { AdvisorMsg::RuleNotHeld.fr() } }</strong>
                            // The expression as written, for the author, on demand.
                            <details class="expression no-print">
                                <summary>{ AdvisorMsg::Expression.fr() }<span class="visually-hidden">{ AdvisorMsg::ExpressionOfRule.fill(&[("n", &(t.rule + 1).to_string())]) }</span></summary>
                                <code>{ t.when.clone() }</code>
                                if !reads.is_empty() { <p>{ AdvisorMsg::ReadValues.fill(&[("values", &reads.join(AdvisorMsg::ListComma.fr()))]) }</p> }
                            </details>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
