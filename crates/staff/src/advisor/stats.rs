//! "Activité": the records of a period at a glance, for the advisor and the
//! town's activity report (one printed A4 page).

use super::chart::{Bar, BarChart};
use diag_core::activity::{activity, Activity};
use diag_core::records::Record;
use diag_ui::questionnaire::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub records: Vec<Record>,
}

/// "2026-11" as "novembre 2026", by the browser's own calendar names.
fn month_label(month: &str) -> String {
    let parts: Vec<u32> = month.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, m] = parts[..] else {
        return month.to_owned();
    };
    let date = js_sys::Date::new_with_year_month_day(year, m.saturating_sub(1) as i32, 1);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"month".into(), &"long".into());
    let _ = js_sys::Reflect::set(&options, &"year".into(), &"numeric".into());
    date.to_locale_date_string("fr-FR", &options).into()
}

/// "3 (12 %)".
fn share(n: usize, of: usize) -> String {
    if of == 0 {
        return n.to_string();
    }
    format!("{n} ({}\u{a0}%)", (n * 100 + of / 2) / of)
}

/// Reads a date field's value (`YYYY-MM-DD`, or nothing).
fn date_field(set: UseStateHandle<Option<String>>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let value = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        set.set((!value.is_empty()).then_some(value));
    })
}

#[function_component]
pub fn Stats(props: &Props) -> Html {
    let from = use_state(|| None::<String>);
    let to = use_state(|| None::<String>);
    let a = activity(
        &props.q.0,
        &props.records,
        from.as_deref(),
        to.as_deref(),
        "fr",
    );
    let period = match (from.as_deref(), to.as_deref()) {
        (None, None) => "toutes les fiches".to_owned(),
        (Some(f), None) => format!("depuis le {f}"),
        (None, Some(t)) => format!("jusqu'au {t}"),
        (Some(f), Some(t)) => format!("du {f} au {t}"),
    };
    html! {
        <section class="stats" aria-labelledby="stats-title">
            <h2 id="stats-title" tabindex="-1">{ "Activité" }</h2>
            <form class="period no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="stats-from">{ "Du" }</label>
                <input id="stats-from" type="date" value={(*from).clone().unwrap_or_default()} onchange={date_field(from.clone())} />
                <label for="stats-to">{ "Au" }</label>
                <input id="stats-to" type="date" value={(*to).clone().unwrap_or_default()} onchange={date_field(to.clone())} />
                <button type="button" class="secondary" onclick={Callback::from(|_| super::print_page())}>{ "Imprimer le rapport d'activité" }</button>
            </form>
            <p id="stats-period">{ format!("Période\u{a0}: {period}.") }</p>
            if a.records == 0 {
                <p>{ "Aucune fiche sur cette période." }</p>
            } else {
                { figures(&a) }
                { charts(&a) }
                { overrides(&props.q, &a) }
            }
        </section>
    }
}

/// The key figures.
fn figures(a: &Activity) -> Html {
    let aside = a.review.set_aside.len();
    html! {
        <dl class="key-figures">
            <dt>{ "Accueils" }</dt><dd id="stats-records">{ a.records }</dd>
            <dt>{ "Parcours changé par le conseiller" }</dt><dd id="stats-overridden">{ share(a.overridden, a.records) }</dd>
            if a.with_confidence > 0 {
                <dt>{ format!("Résultats peu sûrs (sur {} fiches où c'est noté)", a.with_confidence) }</dt>
                <dd id="stats-low">{ share(a.low_confidence, a.with_confidence) }</dd>
            }
            if aside > 0 {
                <dt>{ "Fiches d'une autre version du questionnaire (comptées ci-dessus, pas par règle)" }</dt>
                <dd id="stats-aside">{ aside }</dd>
            }
        </dl>
    }
}

/// Per month, per parcours, per rule.
fn charts(a: &Activity) -> Html {
    let months = a
        .months
        .iter()
        .map(|(m, n)| Bar {
            label: month_label(m),
            value: *n,
            part: None,
        })
        .collect::<Vec<_>>();
    let parcours = a
        .parcours
        .iter()
        .filter(|p| p.decided + p.recommended > 0)
        .map(|p| Bar {
            label: p.title.clone(),
            value: p.decided,
            part: None,
        })
        .collect::<Vec<_>>();
    let rules = a
        .review
        .rules
        .iter()
        .filter(|r| r.decided > 0)
        .map(|r| Bar {
            label: format!("Règle {} → {}", r.rule, r.parcours),
            value: r.decided,
            part: Some(r.overridden),
        })
        .collect::<Vec<_>>();
    html! {
        <>
            <BarChart id="chart-months" title="Accueils par mois" bars={months} headers={vec!["Mois".into(), "Accueils".into()]} />
            <BarChart id="chart-parcours" title="Parcours décidés" bars={parcours} headers={vec!["Parcours".into(), "Décidés".into()]} />
            <BarChart id="chart-rules" title="Résultats décidés par chaque règle, et changés par le conseiller" bars={rules} headers={vec!["Règle".into(), "A décidé".into(), "Changés par le conseiller".into()]} />
        </>
    }
}

/// For each rule overridden: its words, and what the advisor chose instead.
fn overrides(q: &Shared, a: &Activity) -> Html {
    let changed: Vec<_> = a.review.rules.iter().filter(|r| r.overridden > 0).collect();
    if changed.is_empty() {
        return Html::default();
    }
    html! {
        <section class="overrides no-print" aria-labelledby="overrides-title">
            <h3 id="overrides-title">{ "Les règles dont le résultat a été changé" }</h3>
            <ul>
                { for changed.iter().map(|r| {
                    let title = |id: &str| q.0.parcours_by_id(id).map_or_else(|| id.to_owned(), |p| p.title.get("fr").to_owned());
                    let to = r.to.iter().map(|(p, n)| format!("{} ({n})", title(p))).collect::<Vec<_>>().join(", ");
                    html! { <li><strong>{ format!("Règle {}", r.rule) }</strong>{ format!("\u{a0}: {}. Choisi à la place\u{a0}: {to}.", r.sentence) }</li> }
                }) }
            </ul>
        </section>
    }
}
