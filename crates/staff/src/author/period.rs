//! One period of a parcours in the form: its two dates, its place and its
//! schedule, in each of the questionnaire's languages. A change of any field
//! writes the whole period (the two dates are checked together); a refused
//! one keeps what was typed, with the reason beside it.

use super::msg::PreviewMsg as M;
use super::state::{Action, Field};
use diag_ui::i18n::Lang;
use diag_workshop::{Change, LangText, Period};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub parcours: String,
    /// `None`: the period being added.
    pub index: Option<usize>,
    /// As shown: the draft when there is one, else as written.
    pub period: Period,
    pub refused: Option<String>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Which input of a period.
#[derive(Clone, Copy, PartialEq)]
enum Input {
    From,
    To,
    Place(usize),
    Schedule(usize),
}

fn with(mut p: Period, input: Input, value: String) -> Period {
    let set = |t: &mut LangText, k: usize| {
        if let Some(e) = t.get_mut(k) {
            e.1 = value.clone();
        }
    };
    match input {
        Input::From => p.from = value,
        Input::To => p.to = value,
        Input::Place(k) => set(&mut p.place, k),
        Input::Schedule(k) => set(&mut p.schedule, k),
    }
    p
}

#[function_component]
pub fn PeriodFields(props: &Props) -> Html {
    let lang = props.lang;
    let id = format!(
        "period-{}-{}",
        props.parcours,
        props.index.map_or("new".into(), |i| i.to_string())
    );
    let field = match props.index {
        Some(i) => Field::Period(props.parcours.clone(), i),
        None => Field::NewPeriod(props.parcours.clone()),
    };
    let change = {
        let (parcours, index) = (props.parcours.clone(), props.index);
        move |period: Period| match index {
            Some(index) => Change::Period {
                parcours: parcours.clone(),
                index,
                period,
            },
            None => Change::AddPeriod {
                parcours: parcours.clone(),
                period,
            },
        }
    };
    // A period written: applied at each change; a new one: held until "Ajouter".
    let on = |input: Input| {
        let (period, dispatch, field) =
            (props.period.clone(), props.dispatch.clone(), field.clone());
        let make = change.clone();
        let new = props.index.is_none();
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let c = make(with(period.clone(), input, el.value()));
            dispatch.emit(if new {
                Action::Hold(field.clone(), c)
            } else {
                Action::Apply(field.clone(), c)
            });
        })
    };
    let text = |label: M, t: &LangText, make: fn(usize) -> Input| -> Html {
        html! { <div class="langs">{ for t.iter().enumerate().map(|(k, (code, value))| {
            let input_id = format!("{id}-{}-{code}", label.key());
            html! {
                <div class="field">
                    <label for={input_id.clone()}>{ M::in_language(label, code, k, lang) }</label>
                    <input id={input_id} type="text" lang={code.clone()} value={value.clone()} onchange={on(make(k))} aria-describedby={props.refused.as_ref().map(|_| format!("{id}-why"))} />
                </div>
            }
        }) }</div> }
    };
    let legend = match props.index {
        Some(i) => M::PeriodN.fill(&(i + 1).to_string(), lang),
        None => M::NewPeriod.get(lang).to_owned(),
    };
    html! {
        <fieldset class={classes!("term-period", props.refused.is_some().then_some("refused"))} id={id.clone()}>
            <legend>{ legend }</legend>
            <div class="dates">
                <div class="field"><label for={format!("{id}-from")}>{ M::From.get(lang) }</label><input id={format!("{id}-from")} type="date" value={props.period.from.clone()} onchange={on(Input::From)} /></div>
                <div class="field"><label for={format!("{id}-to")}>{ M::To.get(lang) }</label><input id={format!("{id}-to")} type="date" value={props.period.to.clone()} onchange={on(Input::To)} /></div>
            </div>
            { text(M::Place, &props.period.place, Input::Place) }
            { text(M::Schedule, &props.period.schedule, Input::Schedule) }
            if let Some(why) = &props.refused { <p class="refused-why" id={format!("{id}-why")} role="alert">{ why.clone() }</p> }
            <PeriodActions parcours={props.parcours.clone()} index={props.index} {field} change={change(props.period.clone())} {lang} dispatch={props.dispatch.clone()} />
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct ActionProps {
    parcours: String,
    index: Option<usize>,
    field: Field,
    change: Change,
    lang: Lang,
    dispatch: Callback<Action>,
}

/// "Retirer cette période", or for a new one "Ajouter cette période" and "Annuler".
#[function_component]
fn PeriodActions(props: &ActionProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    match props.index {
        Some(index) => {
            let (field, parcours) = (props.field.clone(), props.parcours.clone());
            let remove = Callback::from(move |_| {
                d.emit(Action::Apply(
                    field.clone(),
                    Change::RemovePeriod {
                        parcours: parcours.clone(),
                        index,
                    },
                ))
            });
            html! { <div class="actions"><button type="button" class="secondary" onclick={remove}>{ M::RemovePeriod.get(lang) }</button></div> }
        }
        None => {
            let (field, change) = (props.field.clone(), props.change.clone());
            let add = {
                let d = d.clone();
                let field = field.clone();
                Callback::from(move |_| d.emit(Action::Apply(field.clone(), change.clone())))
            };
            let cancel = Callback::from(move |_| d.emit(Action::Drop(field.clone())));
            html! {
                <div class="actions">
                    <button type="button" class="add-period" onclick={add}>{ M::AddThisPeriod.get(lang) }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ M::Cancel.get(lang) }</button>
                </div>
            }
        }
    }
}
