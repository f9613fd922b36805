//! The records kept on this device: search, delete, counts per parcours,
//! export (CSV, JSON) and import (JSON, merged without duplicates).

use super::state::Action;
use super::text::AdvisorMsg;
use diag_core::records::{self, ImportError, Record};
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub records: Rc<Vec<Record>>,
    /// `(records, ids deleted, message when saved)`.
    pub on_save: Callback<(Vec<Record>, Vec<String>, String)>,
    /// Says something on the advisor's screen.
    pub dispatch: Callback<Action>,
    /// Whether the browser keeps the storage for good.
    pub persisted: Option<bool>,
    /// The last backup: its day and size.
    pub last_export: Option<(diag_core::Date, usize)>,
}

#[function_component]
pub fn RecordList(props: &Props) -> Html {
    let q = props.q.0.clone();
    let search = use_state(String::new);
    // "" (all), or a confidence id; and whether the least confident come first.
    let only = use_state(String::new);
    let weakest_first = use_state(|| false);
    let title = {
        let q = q.clone();
        move |id: &str| q.parcours_title(id, "fr")
    };
    let needle = search.to_lowercase();
    let mut shown: Vec<&Record> = props
        .records
        .iter()
        .filter(|r| {
            needle.is_empty()
                || [&r.name, &r.code, &r.note, &r.date, &r.parcours]
                    .iter()
                    .any(|f| f.to_lowercase().contains(&needle))
        })
        .filter(|r| only.is_empty() || r.confidence == *only)
        .collect();
    if *weakest_first {
        // Low, then medium, then high, then records saved before confidence.
        let rank = |r: &Record| match r.confidence.as_str() {
            "low" => 0,
            "medium" => 1,
            "high" => 2,
            _ => 3,
        };
        shown.sort_by_key(|r| rank(r));
    }
    let on_only = {
        let only = only.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                only.set(s.value());
            }
        })
    };
    let on_sort = {
        let weakest_first = weakest_first.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                weakest_first.set(s.value() == "confidence");
            }
        })
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                search.set(i.value());
            }
        })
    };
    let export_json = {
        let (all, dispatch) = (props.records.clone(), props.dispatch.clone());
        Callback::from(move |_| {
            crate::download::file(
                AdvisorMsg::JsonFileName.fr(),
                "application/json",
                &records::to_json(&all),
            );
            // The JSON export is the backup: its day and size drive the reminder.
            super::vault::exported(all.len());
            let saved = if all.len() > 1 {
                AdvisorMsg::BackupExportedMany
            } else {
                AdvisorMsg::BackupExportedOne
            };
            dispatch.emit(Action::Status(Some(
                saved.fill(&[("n", &all.len().to_string())]),
            )));
        })
    };
    let export_csv = {
        let all = props.records.clone();
        let title = title.clone();
        Callback::from(move |_| {
            crate::download::file(
                AdvisorMsg::CsvFileName.fr(),
                "text/csv;charset=utf-8",
                &records::to_csv(&all, &title),
            )
        })
    };
    let import = {
        let (all, on_save, dispatch) = (
            props.records.clone(),
            props.on_save.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |e: Event| {
            let input = e.target_dyn_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input
                .as_ref()
                .and_then(|i| i.files())
                .and_then(|l| l.get(0))
            {
                import_file(file, all.clone(), on_save.clone(), dispatch.clone());
            }
            // The same file chosen again must fire `change` again.
            if let Some(i) = input {
                i.set_value("");
            }
        })
    };
    let counts: Vec<(String, usize)> = q
        .parcours
        .iter()
        .map(|p| {
            (
                p.title.get("fr").to_owned(),
                props.records.iter().filter(|r| r.parcours == p.id).count(),
            )
        })
        .collect();
    html! {
        <section class="records" aria-labelledby="records-title">
            <h2 id="records-title">{ AdvisorMsg::RecordsTitle.fr() }</h2>
            <super::backup::Safekeeping persisted={props.persisted} last_export={props.last_export} />
            <ul class="counts">
                { for counts.iter().map(|(t, n)| html! { <li>{ AdvisorMsg::ParcoursCount.fill(&[("parcours", t), ("n", &n.to_string())]) }</li> }) }
            </ul>
            <div class="actions">
                <button type="button" onclick={export_csv}>{ AdvisorMsg::ExportCsv.fr() }</button>
                <button type="button" onclick={export_json}>{ AdvisorMsg::ExportJson.fr() }</button>
            </div>
            <label for="import-file">{ AdvisorMsg::Import.fr() }</label>
            <input id="import-file" type="file" accept=".json,application/json" onchange={import} />
            <label for="records-search">{ AdvisorMsg::Search.fr() }</label>
            <input id="records-search" type="search" oninput={on_search} value={(*search).clone()} />
            <div class="filters">
                <label for="records-confidence">{ AdvisorMsg::ConfidenceFilter.fr() }</label>
                <select id="records-confidence" onchange={on_only}>
                    <option value="" selected={only.is_empty()}>{ AdvisorMsg::AllConfidences.fr() }</option>
                    { for records::CONFIDENCE.iter().rev().map(|(id, l)| html! { <option value={*id} selected={*only == *id}>{ *l }</option> }) }
                </select>
                <label for="records-sort">{ AdvisorMsg::Order.fr() }</label>
                <select id="records-sort" onchange={on_sort}>
                    <option value="date" selected={!*weakest_first}>{ AdvisorMsg::OrderSaved.fr() }</option>
                    <option value="confidence" selected={*weakest_first}>{ AdvisorMsg::OrderWeakest.fr() }</option>
                </select>
            </div>
            <RecordTable q={props.q.clone()} records={shown.into_iter().cloned().collect::<Vec<_>>()} all={props.records.clone()} on_save={props.on_save.clone()} />
        </section>
    }
}

/// Reads an exported JSON file and merges it into the records (nothing changes when it is foreign or damaged).
fn import_file(
    file: web_sys::File,
    all: Rc<Vec<Record>>,
    on_save: Callback<(Vec<Record>, Vec<String>, String)>,
    dispatch: Callback<Action>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        match records::from_json(&text) {
            Ok(imported) => {
                let mut merged = all.to_vec();
                let added = records::merge(&mut merged, imported);
                dispatch.emit(Action::Error(None));
                if added == 0 {
                    dispatch.emit(Action::Status(Some(AdvisorMsg::NothingNew.fr().into())));
                } else {
                    on_save.emit((
                        merged,
                        Vec::new(),
                        AdvisorMsg::Imported.fill(&[("n", &added.to_string())]),
                    ));
                }
            }
            Err(ImportError::Foreign) => {
                dispatch.emit(Action::Error(Some(AdvisorMsg::ImportForeign.fr().into())))
            }
            Err(ImportError::Damaged(why)) => dispatch.emit(Action::Error(Some(
                AdvisorMsg::ImportDamaged.fill(&[("why", &why)]),
            ))),
        }
    });
}

#[derive(Properties, PartialEq)]
struct TableProps {
    q: Shared,
    /// The records that match the search.
    records: Vec<Record>,
    /// Every record (what is saved after a deletion).
    all: Rc<Vec<Record>>,
    on_save: Callback<(Vec<Record>, Vec<String>, String)>,
}

/// The records as a table, each with its "Supprimer" (confirmed first).
#[function_component]
fn RecordTable(props: &TableProps) -> Html {
    let title = |id: &str| props.q.0.parcours_title(id, "fr");
    html! {
        // Wider than a phone: the table scrolls on its own (and by keyboard), the page does not.
        <div class="table-scroll" tabindex="0" role="region" aria-label={AdvisorMsg::RecordsTable.fr()}>
        <table class="record-table">
            <caption class="visually-hidden">{ AdvisorMsg::RecordsTable.fr() }</caption>
            <thead><tr>
                { for [
                    AdvisorMsg::ColDate,
                    AdvisorMsg::ColName,
                    AdvisorMsg::ColCode,
                    AdvisorMsg::ColParcours,
                    AdvisorMsg::ColConfidence,
                    AdvisorMsg::ColNote,
                ].into_iter().map(|h| html! { <th scope="col">{ h.fr() }</th> }) }
                <th scope="col"><span class="visually-hidden">{ AdvisorMsg::Delete.fr() }</span></th>
            </tr></thead>
            <tbody>
                { for props.records.iter().map(|r| {
                    let id = r.id.clone();
                    let all = props.all.clone();
                    let on_save = props.on_save.clone();
                    let label = if r.name.is_empty() { r.code.clone() } else { r.name.clone() };
                    let delete = Callback::from(move |_| {
                        let ok = web_sys::window().and_then(|w| w.confirm_with_message(AdvisorMsg::ConfirmDelete.fr()).ok()).unwrap_or(false);
                        if ok {
                            let kept: Vec<Record> = all.iter().filter(|x| x.id != id).cloned().collect();
                            on_save.emit((kept, vec![id.clone()], AdvisorMsg::RecordDeleted.fr().into()));
                        }
                    });
                    html! {
                        <tr>
                            <td>{ r.date.clone() }</td>
                            <td>{ r.name.clone() }</td>
                            <td class="code-cell">{ r.code.clone() }</td>
                            <td>{ title(&r.parcours) }{ if r.parcours != r.recommended { AdvisorMsg::Changed.fill(&[("reason", &r.override_reason)]) } else { String::new() } }</td>
                            <td>{ super::confidence::label(&r.confidence) }</td>
                            <td>{ r.note.clone() }</td>
                            <td><button type="button" class="secondary" aria-label={AdvisorMsg::DeleteRecord.fill(&[("name", &label)])} onclick={delete}>{ AdvisorMsg::Delete.fr() }</button></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
        </div>
    }
}
