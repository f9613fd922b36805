//! "Mettre à jour": what needs doing today, then each parcours with its
//! periods, then the permanence and the contacts.

use super::contacts::Contacts;
use super::msg::PreviewMsg as M;
use super::period::PeriodFields;
use super::state::{Action, Field, Workshop};
use diag_core::Date;
use diag_ui::i18n::Lang;
use diag_workshop::{french_date, Change, Details, ParcoursTerm, Period};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<Workshop>,
    pub details: Rc<Details>,
    pub today: Date,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Whether a parcours has a period that is not over on `today`.
fn has_future(p: &ParcoursTerm, today: Date) -> bool {
    p.periods
        .iter()
        .any(|s| Date::parse(&s.to).is_some_and(|to| to >= today))
}

#[function_component]
pub fn Term(props: &Props) -> Html {
    let lang = props.lang;
    let late: Vec<&ParcoursTerm> = props
        .details
        .parcours
        .iter()
        .filter(|p| !has_future(p, props.today))
        .collect();
    html! {
        <div class="term">
            <section class="to-do" aria-labelledby="to-do-title">
                <h2 id="to-do-title">{ M::ToDo.get(lang) }</h2>
                if late.is_empty() {
                    <p>{ M::NothingLate.get(lang) }</p>
                } else {
                    <ul>{ for late.iter().map(|p| html! {
                        <li><button type="button" class="link" onclick={focus_add(&p.id)}>{ M::NoDateToCome.fill(&p.title, lang) }</button></li>
                    }) }</ul>
                }
            </section>
            <h2>{ M::ParcoursAndDates.get(lang) }</h2>
            { for props.details.parcours.iter().map(|p| html! {
                <ParcoursDates key={p.id.clone()} parcours={p.clone()} state={props.state.clone()} today={props.today} {lang} dispatch={props.dispatch.clone()} />
            }) }
            <Contacts state={props.state.clone()} details={props.details.clone()} {lang} dispatch={props.dispatch.clone()} />
        </div>
    }
}

/// The link of a to-do: the parcours' "Ajouter une période", focused.
fn focus_add(id: &str) -> Callback<MouseEvent> {
    let target = format!("add-{id}");
    Callback::from(move |_: MouseEvent| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&target))
        {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                el.scroll_into_view();
                let _ = el.focus();
            }
        }
    })
}

#[derive(Properties, PartialEq)]
struct ParcoursProps {
    parcours: ParcoursTerm,
    state: UseReducerHandle<Workshop>,
    today: Date,
    lang: Lang,
    dispatch: Callback<Action>,
}

#[function_component]
fn ParcoursDates(props: &ParcoursProps) -> Html {
    let (p, lang, state) = (&props.parcours, props.lang, &props.state);
    let title_id = format!("term-{}", p.id);
    let shown =
        |field: &Field, written: &Period| match state.draft(field).map(|d| (&d.change, &d.refused))
        {
            Some((Change::Period { period, .. } | Change::AddPeriod { period, .. }, refused)) => {
                (period.clone(), refused.clone())
            }
            _ => (written.clone(), None),
        };
    let new_field = Field::NewPeriod(p.id.clone());
    let adding = state.draft(&new_field).is_some();
    let open = {
        // A new period starts with the last one's place and schedule.
        let last = p
            .periods
            .last()
            .cloned()
            .map(|l| Period {
                from: String::new(),
                to: String::new(),
                ..l
            })
            .unwrap_or_else(|| Period {
                place: p.place.clone(),
                ..Period::default()
            });
        let (d, field, parcours) = (props.dispatch.clone(), new_field.clone(), p.id.clone());
        Callback::from(move |_| {
            d.emit(Action::Hold(
                field.clone(),
                Change::AddPeriod {
                    parcours: parcours.clone(),
                    period: last.clone(),
                },
            ))
        })
    };
    let status = match p
        .periods
        .iter()
        .filter(|s| Date::parse(&s.to).is_some_and(|to| to >= props.today))
        .min_by_key(|s| s.from.clone())
    {
        Some(next) => M::NextPeriod.fill2(&french_date(&next.from), &french_date(&next.to), lang),
        None => M::NoDateLeft.get(lang).to_owned(),
    };
    html! {
        <section class="parcours-term" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ p.title.clone() }</h3>
            <p class={classes!("term-status", (!has_future(p, props.today)).then_some("late"))}>{ status }</p>
            { for p.periods.iter().enumerate().map(|(i, written)| {
                let (period, refused) = shown(&Field::Period(p.id.clone(), i), written);
                html! { <PeriodFields key={format!("{}-{i}-{}", p.id, state.revision)} parcours={p.id.clone()} index={Some(i)} {period} {refused} {lang} dispatch={props.dispatch.clone()} /> }
            }) }
            if adding {
                { { let (period, refused) = shown(&new_field, &Period::default()); html! { <PeriodFields parcours={p.id.clone()} index={None} {period} {refused} {lang} dispatch={props.dispatch.clone()} /> } } }
            } else {
                <button type="button" id={format!("add-{}", p.id)} class="secondary" onclick={open}>{ M::AddPeriod.get(lang) }</button>
            }
        </section>
    }
}
