//! "Activité": the records of a period at a glance, for the advisor and the
//! town's activity report (one printed A4 page).

use super::chart::{Bar, BarChart};
use super::text::AdvisorMsg;
use diag_core::activity::{activity, Activity};
use diag_core::records::Record;
use diag_ui::questionnaire::Shared;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub records: std::rc::Rc<Vec<Record>>,
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
    AdvisorMsg::Share.fill(&[
        ("n", &n.to_string()),
        ("percent", &((n * 100 + of / 2) / of).to_string()),
    ])
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
        (None, None) => AdvisorMsg::PeriodAll.fr().to_owned(),
        (Some(f), None) => AdvisorMsg::PeriodFrom.fill(&[("from", f)]),
        (None, Some(t)) => AdvisorMsg::PeriodTo.fill(&[("to", t)]),
        (Some(f), Some(t)) => AdvisorMsg::PeriodBetween.fill(&[("from", f), ("to", t)]),
    };
    html! {
        <section class="stats" aria-labelledby="stats-title">
            <h2 id="stats-title" tabindex="-1">{ AdvisorMsg::StatsTitle.fr() }</h2>
            <form class="period no-print" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="stats-from">{ AdvisorMsg::DateFrom.fr() }</label>
                <input id="stats-from" type="date" value={(*from).clone().unwrap_or_default()} onchange={date_field(from.clone())} />
                <label for="stats-to">{ AdvisorMsg::DateTo.fr() }</label>
                <input id="stats-to" type="date" value={(*to).clone().unwrap_or_default()} onchange={date_field(to.clone())} />
                <button type="button" class="secondary" onclick={Callback::from(|_| super::print_page())}>{ AdvisorMsg::PrintReport.fr() }</button>
            </form>
            <p id="stats-period">{ period }</p>
            if a.records == 0 {
                <p>{ AdvisorMsg::NoRecordInPeriod.fr() }</p>
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
            <dt>{ AdvisorMsg::Intakes.fr() }</dt><dd id="stats-records">{ a.records }</dd>
            <dt>{ AdvisorMsg::Overridden.fr() }</dt><dd id="stats-overridden">{ share(a.overridden, a.records) }</dd>
            if a.with_confidence > 0 {
                <dt>{ AdvisorMsg::LowConfidence.fill(&[("n", &a.with_confidence.to_string())]) }</dt>
                <dd id="stats-low">{ share(a.low_confidence, a.with_confidence) }</dd>
            }
            if aside > 0 {
                <dt>{ AdvisorMsg::OtherVersion.fr() }</dt>
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
            label: AdvisorMsg::RuleBar
                .fill(&[("rule", &r.rule.to_string()), ("parcours", &r.parcours)]),
            value: r.decided,
            part: Some(r.overridden),
        })
        .collect::<Vec<_>>();
    html! {
        <>
            <BarChart id="chart-months" title={AdvisorMsg::ChartMonths.fr()} bars={months} headers={headers(&[AdvisorMsg::ColMonth, AdvisorMsg::Intakes])} />
            <BarChart id="chart-parcours" title={AdvisorMsg::ChartParcours.fr()} bars={parcours} headers={headers(&[AdvisorMsg::ColParcours, AdvisorMsg::ColDecided])} />
            <BarChart id="chart-rules" title={AdvisorMsg::ChartRules.fr()} bars={rules} headers={headers(&[AdvisorMsg::ColRule, AdvisorMsg::ColRuleDecided, AdvisorMsg::ColChanged])} />
        </>
    }
}

/// A chart's column headers.
fn headers(columns: &[AdvisorMsg]) -> Vec<AttrValue> {
    columns.iter().map(|c| AttrValue::Static(c.fr())).collect()
}

/// For each rule overridden: its words, and what the advisor chose instead.
fn overrides(q: &Shared, a: &Activity) -> Html {
    let changed: Vec<_> = a.review.rules.iter().filter(|r| r.overridden > 0).collect();
    if changed.is_empty() {
        return Html::default();
    }
    html! {
        <section class="overrides no-print" aria-labelledby="overrides-title">
            <h3 id="overrides-title">{ AdvisorMsg::OverridesTitle.fr() }</h3>
            <ul>
                { for changed.iter().map(|r| {
                    let title = |id: &str| q.0.parcours_by_id(id).map_or_else(|| id.to_owned(), |p| p.title.get("fr").to_owned());
                    let to = r.to.iter().map(|(p, n)| AdvisorMsg::ParcoursWithCount.fill(&[("parcours", &title(p)), ("n", &n.to_string())])).collect::<Vec<_>>().join(AdvisorMsg::ListComma.fr());
                    html! { <li><strong>{ AdvisorMsg::OverrideRule.fill(&[("n", &r.rule.to_string())]) }</strong>{ AdvisorMsg::OverrideChosen.fill(&[("sentence", &r.sentence), ("to", &to)]) }</li> }
                }) }
            </ul>
        </section>
    }
}
