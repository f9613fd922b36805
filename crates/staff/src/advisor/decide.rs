//! The advisor's decision: keep or override the recommendation (a reason is
//! required to override), a note, the reporting categories, and save.

use super::text::AdvisorMsg;
use diag_core::records::{self, Record};
use diag_core::Outcome;
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub outcome: Rc<Outcome>,
    pub code: String,
    /// The record already kept for this code: its decision is shown to edit.
    pub existing: Option<Record>,
    pub on_save: Callback<Record>,
}

fn value(id: &str) -> String {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    let Some(el) = el else { return String::new() };
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    el.dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

fn checked(name: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("input[name=\"{name}\"]:checked"))
                .ok()
                .flatten()
        })
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

fn random_id() -> String {
    let mut bytes = [0u8; 8];
    if let Some(c) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = c.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Puts a kept record's decision in the form's fields.
fn fill(r: &Record) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let field = |id: &str| doc.get_element_by_id(id);
    if let Some(i) =
        field("decide-name").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        i.set_value(&r.name);
    }
    for (id, text) in [
        ("decide-reason", &r.override_reason),
        ("decide-note", &r.note),
    ] {
        if let Some(t) = field(id).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            t.set_value(text);
        }
    }
    if let Some(s) =
        field("decide-parcours").and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok())
    {
        s.set_value(&r.parcours);
    }
    tick(&format!("decide-autonomy-{}", r.autonomy));
    tick(&format!("decide-level-{}", r.level));
}

/// Ticks the radio button with this id, if there is one.
fn tick(id: &str) {
    if let Some(i) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        i.set_checked(true);
    }
}

#[function_component]
pub fn Decide(props: &Props) -> Html {
    let q = &props.q.0;
    let error = use_state(|| None::<&'static str>);
    // The fields are the advisor's while typing (never reset by a render):
    // a record already kept for this code fills them once, when it appears;
    // otherwise "Niveau" starts at what the scores suggest.
    let suggested = records::suggested_level(q, &props.outcome);
    use_effect_with(props.existing.clone(), move |existing| match existing {
        Some(r) => fill(r),
        None => {
            if let Some(level) = suggested {
                tick(&format!("decide-level-{level}"));
            }
        }
    });
    let recommended = props.outcome.parcours.clone();
    let confidence = super::confidence::id(props.outcome.confidence.level);
    let existing = props.existing.clone().unwrap_or_default();
    let editing = props.existing.is_some();
    let chosen = if editing {
        existing.parcours.clone()
    } else {
        recommended.clone()
    };
    let onsubmit = {
        let (id, date) = (existing.id.clone(), existing.date.clone());
        let error = error.clone();
        let on_save = props.on_save.clone();
        let code = props.code.clone();
        let recommended = recommended.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let parcours = value("decide-parcours");
            let reason = value("decide-reason").trim().to_owned();
            if parcours != recommended && reason.is_empty() {
                error.set(Some(AdvisorMsg::ReasonRequired.fr()));
                return;
            }
            error.set(None);
            on_save.emit(Record {
                // Editing keeps the record's identity and day of intake.
                id: if id.is_empty() {
                    random_id()
                } else {
                    id.clone()
                },
                date: if date.is_empty() {
                    today()
                } else {
                    date.clone()
                },
                name: value("decide-name").trim().to_owned(),
                code: code.clone(),
                recommended: recommended.clone(),
                parcours,
                override_reason: reason,
                note: value("decide-note").trim().to_owned(),
                autonomy: checked("decide-autonomy"),
                level: checked("decide-level"),
                confidence: confidence.to_owned(),
            });
        })
    };
    let radio = |name: &'static str, value: &'static str, label: &'static str| {
        let id = format!("{name}-{value}");
        html! { <label for={id.clone()} class="inline"><input {id} type="radio" {name} {value} />{ label }</label> }
    };
    html! {
        // Printed with the intake sheet: the fields as text, the boxes ticked only.
        <form class="decide" {onsubmit} aria-labelledby="decide-title">
            <h2 id="decide-title">{ AdvisorMsg::DecisionTitle.fr() }</h2>
            <p class="sheet-only">{ AdvisorMsg::SheetDate.fill(&[("date", &if editing { existing.date.clone() } else { today() })]) }</p>
            // Two columns on a wide screen, one on a phone (CSS).
            <div class="fields">
                <div class="field">
                    <label for="decide-name">{ AdvisorMsg::NameLabel.fr() }</label>
                    <input id="decide-name" type="text" autocomplete="off" />
                </div>
                <div class="field">
                    <label for="decide-parcours">{ AdvisorMsg::ParcoursChosen.fr() }</label>
                    <select id="decide-parcours">
                        { for q.parcours.iter().map(|p| html! {
                            <option value={p.id.clone()} selected={p.id == chosen}>
                                { p.title.get("fr") }{ if p.id == recommended { AdvisorMsg::RecommendedMark.fr() } else { "" } }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="decide-reason">{ AdvisorMsg::ReasonLabel.fr() }</label>
                    <textarea id="decide-reason" rows="2" />
                </div>
                <div class="field">
                    <label for="decide-note">{ AdvisorMsg::NoteLabel.fr() }</label>
                    <textarea id="decide-note" rows="2" />
                </div>
                <fieldset>
                    <legend>{ AdvisorMsg::Autonomy.fr() }</legend>
                    <p class="discreet no-print">{ AdvisorMsg::ForReport.fr() }</p>
                    { for records::AUTONOMY.iter().map(|(id, label)| radio("decide-autonomy", id, label)) }
                </fieldset>
                <fieldset>
                    <legend>{ AdvisorMsg::Level.fr() }</legend>
                    <p class="discreet no-print">{ if suggested.is_some() && !editing { AdvisorMsg::LevelSuggested.fr() } else { AdvisorMsg::ForReport.fr() } }</p>
                    { for records::LEVEL.iter().map(|(id, label)| radio("decide-level", id, label)) }
                </fieldset>
            </div>
            if let Some(e) = *error { <p class="missing" role="alert">{ e }</p> }
            <div class="actions">
                <button type="submit">{ if editing { AdvisorMsg::UpdateRecord.fr() } else { AdvisorMsg::SaveRecord.fr() } }</button>
                <button type="button" class="secondary" onclick={Callback::from(|_| super::print_page())}>{ AdvisorMsg::PrintIntake.fr() }</button>
            </div>
        </form>
    }
}
