//! Résultat: the recommended parcours and why, what happens next, the skill
//! profile, the result code; printed, it is the sheet to bring to the advisor.

use super::date_text;
use crate::components::{profile::Profile, qr::QrCode};
use diag_core::{
    encode, evaluate_untraced, Answers, Calibration, ConfidenceLevel, Date, Outcome, Parcours,
    Questionnaire, Sessions, When,
};
use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::Route;
use diag_ui::today;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub answers: Answers,
    pub lang: Lang,
    pub on_clear: Callback<()>,
}

#[function_component]
pub fn ResultPage(props: &Props) -> Html {
    let q = &props.q.0;
    let lang = props.lang;
    let code = lang.code();
    let outcome = std::rc::Rc::new(evaluate_untraced(q, &props.answers));
    let result_code = encode(q, &props.answers);
    let Some(parcours) = q.parcours_by_id(&outcome.parcours) else {
        return html! {};
    };
    let next = outcome.next.as_deref().and_then(|n| q.parcours_by_id(n));
    let org = &q.organisation;
    let today = today();
    let print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let erase = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_| {
            if super::confirm(Msg::ConfirmErase.get(lang)) {
                on_clear.emit(());
            }
        })
    };
    let first_missing = outcome
        .missing
        .first()
        .map(|id| Route::Question(id.clone()).hash());

    html! {
        <article class="result">
            <p class="sheet-only sheet-head">
                <strong>{ org.name.get(code) }</strong>{ " — " }{ Msg::SheetTitle.get(lang) }
                <br />{ format!("{} {}", Msg::Date.get(lang), date_text(today, lang)) }
            </p>
            <h1 data-focus="" tabindex="-1">{ Msg::ResultHeading.get(lang) }</h1>
            if outcome.early_stop {
                <div class="notice early-stopped" role="status">
                    <p>{ Msg::NotNeeded.get(lang) }</p>
                    if let Some(href) = first_missing { <a class="button secondary no-print" {href}>{ Msg::AnswerTheRest.get(lang) }</a> }
                </div>
            } else if !outcome.complete {
                <div class="notice" role="status">
                    <p>{ Msg::Partial.get(lang) }</p>
                    if let Some(href) = first_missing { <a class="button no-print" {href}>{ Msg::Continue.get(lang) }</a> }
                </div>
            }
            <section class="recommendation" aria-labelledby="parcours-title">
                <p>{ Msg::WeRecommend.get(lang) }</p>
                <h2 id="parcours-title" class="parcours-title" data-parcours={parcours.id.clone()}>{ parcours.title.get(code) }</h2>
                <p class="because"><strong>{ Msg::Why.get(lang) }</strong>{ " " }{ outcome.because.get(code) }</p>
                <p>{ parcours.summary.get(code) }</p>
                if outcome.confidence.level == ConfidenceLevel::Low {
                    <p class="low-confidence">{ Msg::LowConfidence.get(lang) }</p>
                }
            </section>
            { calibration(q, &outcome, lang) }
            if !parcours.learn.is_empty() {
                <section class="no-print">
                    <h2>{ Msg::WhatYouLearn.get(lang) }</h2>
                    <ul>{ for parcours.learn.iter().map(|l| html! { <li>{ l.get(code) }</li> }) }</ul>
                </section>
            }
            { when_where(q, parcours, today, lang) }
            if let Some(n) = next {
                <section class="next">
                    <h2>{ Msg::NextStep.get(lang) }</h2>
                    <p>{ Msg::Then.get(lang) }{ " " }<strong>{ n.title.get(code) }</strong></p>
                    { period_text(q, n.when(today), lang) }
                </section>
            }
            if let Some(pm) = &org.permanence {
                <section class="permanence">
                    <h2>{ Msg::Permanence.get(lang) }</h2>
                    <p>{ pm.place.get(code) }{ " — " }{ pm.hours.get(code) }</p>
                </section>
            }
            <Profile q={props.q.clone()} outcome={outcome.clone()} {lang} />
            <section class="code" aria-labelledby="code-title">
                <h2 id="code-title">{ Msg::YourCode.get(lang) }</h2>
                <p class="result-code" id="result-code"><bdi dir="ltr">{ result_code.clone() }</bdi></p>
                <p>{ Msg::CodeExplain.get(lang) }</p>
                // The QR also says the language answered in, for the advisor (the code carries none).
                <QrCode text={if lang == Lang::Fr { result_code.clone() } else { format!("{result_code}/{code}") }} />
            </section>
            if lang != Lang::Fr { { for_the_advisor(q, &props.answers, parcours, &result_code) } }
            <p class="sheet-only name-line">{ Msg::Name.get(lang) }{ " ______________________________" }</p>
            <div class="actions no-print">
                <button type="button" onclick={print}>{ Msg::Print.get(lang) }</button>
            </div>
            <section class="shared-computer no-print" aria-labelledby="shared-title">
                <h2 id="shared-title">{ Msg::SharedComputer.get(lang) }</h2>
                <p>{ Msg::SharedComputerText.get(lang) }</p>
                <button type="button" class="secondary" onclick={erase}>{ Msg::Clear.get(lang) }</button>
            </section>
        </article>
    }
}

/// The printed sheet's part in French, when the resident read another
/// language: the advisor works in French (the parcours, the code, and each
/// answer as the French questionnaire words it).
fn for_the_advisor(
    q: &Questionnaire,
    answers: &Answers,
    parcours: &Parcours,
    result_code: &str,
) -> Html {
    let fr = Lang::Fr;
    let answered = q.questions.iter().filter_map(|question| {
        let answer = answers.get(&question.id)?;
        // Each chosen option's French words, or "—" (answered "none").
        let mut words = String::new();
        for o in &question.options {
            let chosen = match answer {
                diag_core::Answer::One(c) => *c == o.id,
                diag_core::Answer::Many(cs) => cs.contains(&o.id),
            };
            if chosen {
                if !words.is_empty() {
                    words.push_str(", ");
                }
                words.push_str(o.text.get("fr"));
            }
        }
        if words.is_empty() {
            words.push('—');
        }
        Some(html! { <span>{ question.text.get("fr") }{ " " }<strong>{ words }</strong>{ " · " }</span> })
    });
    html! {
        <section class="sheet-only for-advisor" lang="fr" dir="ltr">
            <h2>{ Msg::ForTheAdvisor.get(fr) }</h2>
            <p>{ Msg::WeRecommend.get(fr) }{ " " }<strong>{ parcours.title.get("fr") }</strong>
                { " — " }{ Msg::YourCode.get(fr) }{ Msg::Colon.get(fr) }<strong>{ result_code.to_owned() }</strong></p>
            <p class="answers">{ for answered }</p>
        </section>
    }
}

/// Self-ratings the knowledge checks contradict, said kindly and concretely:
/// which skill area, and that the advisor will go over it.
fn calibration(q: &Questionnaire, outcome: &Outcome, lang: Lang) -> Html {
    let code = lang.code();
    let items: Vec<Html> = q
        .dimensions
        .iter()
        .zip(&outcome.dimensions)
        .filter_map(|(d, s)| {
            let text = match s.calibration? {
                Calibration::Over => Msg::OverRated,
                Calibration::Under => Msg::UnderRated,
                Calibration::Consistent => return None,
            };
            Some(html! {
                <p><strong>{ d.label.get(code) }{ Msg::Colon.get(lang) }</strong>{ text.get(lang) }</p>
            })
        })
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section class="calibration" aria-labelledby="calibration-title">
            <h2 id="calibration-title">{ Msg::ToCheckTogether.get(lang) }</h2>
            { for items }
        </section>
    }
}

/// What a resident is told about a parcours' dates: the period running now,
/// the next one, or — when none is published or to come — whom to call and
/// where the permanence is, in the same block: never a dead end.
pub fn period_text(q: &Questionnaire, when: When<'_>, lang: Lang) -> Html {
    let code = lang.code();
    let dates = |s: &Sessions| {
        let schedule = s.schedule.as_ref().map(|t| format!(", {}", t.get(code)));
        let place = s.place.as_ref().map(|t| format!(" — {}", t.get(code)));
        let period = Msg::Period
            .get(lang)
            .replace("{from}", &date_text(s.from, lang))
            .replace("{to}", &date_text(s.to, lang));
        format!(
            "{period}{}{}",
            schedule.unwrap_or_default(),
            place.unwrap_or_default()
        )
    };
    match when {
        When::Running(s) => html! {
            <p class="period running"><strong>{ Msg::SessionRunning.get(lang) }</strong>{ " " }{ dates(s) }</p>
        },
        When::Next(s) => html! {
            <p class="period next-period"><strong>{ Msg::SessionNext.get(lang) }</strong>{ " " }{ dates(s) }</p>
        },
        When::Over | When::NoDates => {
            let org = &q.organisation;
            let phone = org
                .phone
                .as_deref()
                .map(|p| call_link(p, lang, Some("button call")));
            html! {
                <div class="period no-dates">
                    <p class="stale">{ if when == When::Over { Msg::SessionsOver.get(lang) } else { Msg::NoDatesYet.get(lang) } }</p>
                    <p>{ Msg::AskPermanence.get(lang) }</p>
                    if let Some(pm) = &org.permanence {
                        <p class="permanence-hours">{ pm.place.get(code) }{ " — " }{ pm.hours.get(code) }</p>
                    }
                    if let Some(p) = phone { <p>{ p }</p> }
                </div>
            }
        }
    }
}

/// "Quand ? Où ? Comment s'inscrire ?" for the recommended parcours, and whom to call.
fn when_where(q: &Questionnaire, parcours: &Parcours, today: Date, lang: Lang) -> Html {
    let code = lang.code();
    let org = &q.organisation;
    let phone = org.phone.as_deref().map(|p| call_link(p, lang, None));
    html! {
        <section>
            <h2>{ Msg::Sessions.get(lang) }</h2>
            { period_text(q, parcours.when(today), lang) }
            if let Some(place) = &parcours.place {
                <h2>{ Msg::Place.get(lang) }</h2>
                <p>{ place.get(code) }</p>
            }
            if let Some(reg) = &parcours.register {
                <h2>{ Msg::Register.get(lang) }</h2>
                <p>{ reg.get(code) }</p>
            }
            <p class="contact">
                { org.name.get(code) }
                // Isolated: "28 avenue…" keeps its number first inside Arabic.
                if let Some(a) = &org.address { <br /><bdi>{ a.get(code) }</bdi> }
                if let Some(p) = phone { <br />{ p } }
                if let Some(e) = &org.email { <br /><a href={format!("mailto:{e}")}>{ e.clone() }</a> }
                // Inside the town website's frame, the town's site opens in a new tab.
                if let Some(w) = &org.website { <br /><a href={w.clone()} target="_blank" rel="noopener noreferrer">{ w.clone() }</a> }
            </p>
        </section>
    }
}

/// "Appeler le 01 40 85 57 00" as a `tel:` link (digits and `+` only in the address).
fn call_link(phone: &str, lang: Lang, class: Option<&'static str>) -> Html {
    // The number stays left to right inside Arabic (its digit groups in order).
    let text = Msg::Call.get(lang);
    let (before, after) = text.split_once("{phone}").unwrap_or((text, ""));
    html! { <a class={class} href={diag_ui::tel_href(phone)}><span>{ before }<bdi dir="ltr">{ phone }</bdi>{ after }</span></a> }
}
