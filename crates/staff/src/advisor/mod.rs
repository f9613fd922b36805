//! The advisor's intake (`#/conseiller`): open a resident's code or run the
//! questionnaire at the desk, see everything, decide, and keep encrypted
//! records on this device, exported as CSV or JSON. The screen's state is
//! one reducer (`state.rs`); each tab is its own component.

mod backup;
mod chart;
mod code;
mod confidence;
mod decide;
mod desk;
mod detail;
mod list;
mod scan;
mod state;
mod stats;
mod text;
mod unlock;
mod vault;

use code::CodeTab;
use desk::Desk;
use diag_core::encode;
use diag_core::records::{self, Record};
use diag_ui::questionnaire::Shared;
use list::RecordList;
use state::{Action, Advisor, Tab};
use stats::Stats;
use text::AdvisorMsg;
use unlock::Unlock;
use vault::{Key, VaultError};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
}

fn vault_message(e: &VaultError) -> &'static str {
    match e {
        VaultError::WrongPassphrase => AdvisorMsg::VaultWrongPassphrase,
        VaultError::Storage => AdvisorMsg::VaultStorage,
        VaultError::Damaged => AdvisorMsg::VaultDamaged,
        VaultError::NoCrypto => AdvisorMsg::VaultNoCrypto,
    }
    .fr()
}

/// Re-reads what is stored (another tab may have added records), merges, and saves.
async fn persist(
    key: &Key,
    mine: Vec<Record>,
    deleted: Vec<String>,
) -> Result<Vec<Record>, VaultError> {
    let mut all = match vault::reread(key).await? {
        Some(text) => records::from_json(&text).unwrap_or_default(),
        None => Vec::new(),
    };
    all.retain(|r| !deleted.contains(&r.id));
    // Ours replace theirs by id; theirs that we have not seen are kept.
    let mut merged: Vec<Record> = mine;
    records::merge(&mut merged, all);
    vault::save(key, &records::to_json(&merged)).await?;
    Ok(merged)
}

#[function_component]
pub fn AdvisorPage(props: &Props) -> Html {
    let state = use_reducer(Advisor::default);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    // `(records, ids deleted, message when saved)`: shown at once, then saved.
    let save = {
        let state = state.clone();
        Callback::from(
            move |(mine, deleted, done): (Vec<Record>, Vec<String>, String)| {
                let Some(k) = state.key.clone() else { return };
                let state = state.clone();
                state.dispatch(Action::Saving(mine.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    match persist(&k, mine, deleted).await {
                        Ok(all) => state.dispatch(Action::Saved(all, done)),
                        Err(e) => state.dispatch(Action::Error(Some(vault_message(&e).to_owned()))),
                    }
                });
            },
        )
    };

    // Leaving the page with an intake open and not recorded asks first.
    use_effect_with(state.intake.is_some(), |open| {
        let listener = (*open).then(web_sys::window).flatten().map(|w| {
            gloo::events::EventListener::new(&w, "beforeunload", |e| {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value(AdvisorMsg::LeaveUnsaved.fr());
                }
            })
        });
        move || drop(listener)
    });

    if state.key.is_none() {
        return html! { <Unlock busy={state.busy} {dispatch} /> };
    }
    let lock = {
        let (dispatch, open) = (dispatch.clone(), state.intake.is_some());
        Callback::from(move |_| {
            let sure = !open
                || web_sys::window()
                    .and_then(|w| w.confirm_with_message(AdvisorMsg::ConfirmLock.fr()).ok())
                    .unwrap_or(false);
            if sure {
                dispatch.emit(Action::Lock);
            }
        })
    };
    let q = props.q.clone();
    // Read at each render: an export (a status message) shows at once.
    let last_export = vault::last_export();
    let on_record = {
        let records = state.records.clone();
        let save = save.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |r: Record| {
            dispatch.emit(Action::CloseIntake);
            let mut mine = records.to_vec();
            // Initials may end with a period already: no doubled period.
            let name = if r.name.is_empty() {
                r.code.clone()
            } else {
                r.name.clone()
            };
            let name = name.trim_end_matches('.');
            // One record per intake: the same code again updates its record.
            let message = match mine.iter_mut().find(|x| x.id == r.id || x.code == r.code) {
                Some(kept) => {
                    *kept = r;
                    AdvisorMsg::RecordUpdated.fill(&[("name", name)])
                }
                None => {
                    mine.push(r);
                    AdvisorMsg::RecordSaved.fill(&[("name", name)])
                }
            };
            save.emit((mine, Vec::new(), message));
            code::ready_for_next_code();
        })
    };
    let tab_button = |t: Tab, label: String| {
        let dispatch = dispatch.clone();
        html! {
            <button type="button" class="tab" aria-pressed={(state.tab == t).to_string()} onclick={Callback::from(move |_| dispatch.emit(Action::SetTab(t)))}>{ label }</button>
        }
    };
    let desk_answer = dispatch.reform(|(qid, a)| Action::DeskAnswer(qid, a));
    let desk_done = {
        let (q, desk, dispatch) = (q.clone(), state.desk.clone(), dispatch.clone());
        Callback::from(move |_| dispatch.emit(Action::DeskDone(encode(&q.0, &desk))))
    };

    html! {
        <main id="main" class="advisor" lang="fr">
            <h1 data-focus="" tabindex="-1">{ AdvisorMsg::PageTitle.fr() }</h1>
            <nav class="tabs no-print" aria-label={AdvisorMsg::TabsLabel.fr()}>
                { tab_button(Tab::Code, AdvisorMsg::TabCode.fr().into()) }
                { tab_button(Tab::Desk, AdvisorMsg::TabDesk.fr().into()) }
                { tab_button(Tab::Records, AdvisorMsg::TabRecords.fill(&[("n", &state.records.len().to_string())])) }
                { tab_button(Tab::Stats, AdvisorMsg::TabStats.fr().into()) }
                <button type="button" class="secondary" onclick={lock}>{ AdvisorMsg::Lock.fr() }</button>
            </nav>
            <div aria-live="polite" class="no-print">
                if let Some(s) = &state.status { <p class="status" role="status">{ s.clone() }</p> }
            </div>
            if let Some(e) = &state.error { <p class="missing" role="alert" id="advisor-error">{ e.clone() }</p> }
            { backup::reminder(&state.records, last_export) }
            {
                match state.tab {
                    Tab::Code => html! { <CodeTab q={q.clone()} intake={state.intake.clone()} scanning={state.scanning} dispatch={dispatch.clone()} {on_record} records={state.records.clone()} /> },
                    Tab::Desk => html! { <Desk q={q.clone()} answers={state.desk.clone()} on_answer={desk_answer} on_done={desk_done} /> },
                    Tab::Stats => html! { <Stats q={q.clone()} records={state.records.clone()} /> },
                    Tab::Records => html! { <RecordList q={q.clone()} records={state.records.clone()} on_save={save.clone()} dispatch={dispatch.clone()} persisted={state.persisted} {last_export} /> },
                }
            }
        </main>
    }
}

/// The value of the text field with this id ("" when there is none).
fn input_value(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Opens the browser's print dialog (the intake sheet, the activity report).
fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Moves the focus to the first element matching `selector` (headings carry `tabindex=-1`).
fn focus(selector: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
