//! The advisor's intake (`#/conseiller`): open a resident's code or run the
//! questionnaire at the desk, see everything, decide, and keep encrypted
//! records on this device, exported as CSV or JSON.

mod decide;
mod desk;
mod detail;
mod list;
mod scan;
mod vault;

use crate::app::Shared;
use decide::Decide;
use desk::Desk;
use detail::Detail;
use diag_core::records::{self, Record};
use diag_core::{decode, encode, evaluate, Answers};
use list::RecordList;
use std::rc::Rc;
use vault::{Key, VaultError};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Code,
    Desk,
    Records,
}

fn vault_message(e: &VaultError) -> &'static str {
    match e {
        VaultError::WrongPassphrase => "Phrase de passe incorrecte. Rien n'a été modifié : réessayez.",
        VaultError::Storage => "Les fiches ne peuvent pas être enregistrées sur cet appareil. Exportez-les (JSON) pour ne rien perdre.",
        VaultError::Damaged => "Les fiches enregistrées sur cet appareil sont abîmées. Importez votre dernier export JSON.",
        VaultError::NoCrypto => "Ce navigateur ne peut pas chiffrer les fiches (la page doit être servie en https).",
    }
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
    let q = props.q.clone();
    let key = use_state(|| None::<Key>);
    let records = use_state(Vec::<Record>::new);
    let status = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let tab = use_state(|| Tab::Code);
    let intake = use_state(|| None::<(Answers, String)>);
    let desk = use_state(Answers::new);

    let save = {
        let key = key.clone();
        let records = records.clone();
        let status = status.clone();
        let error = error.clone();
        Callback::from(
            move |(mine, deleted, done): (Vec<Record>, Vec<String>, String)| {
                let Some(k) = (*key).clone() else { return };
                let records = records.clone();
                let status = status.clone();
                let error = error.clone();
                records.set(mine.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match persist(&k, mine, deleted).await {
                        Ok(all) => {
                            records.set(all);
                            error.set(None);
                            status.set(Some(done));
                        }
                        Err(e) => error.set(Some(vault_message(&e).to_owned())),
                    }
                });
            },
        )
    };

    let Some(_) = &*key else {
        return html! { <Unlock key_state={key.clone()} records={records.clone()} busy={busy.clone()} /> };
    };

    let lock = {
        let key = key.clone();
        let records = records.clone();
        let intake = intake.clone();
        Callback::from(move |_| {
            key.set(None);
            records.set(Vec::new());
            intake.set(None);
        })
    };
    // Opens a code, typed or scanned.
    let open_code = {
        let q = q.clone();
        let intake = intake.clone();
        let error = error.clone();
        let status = status.clone();
        Callback::from(move |value: String| {
            status.set(None);
            match decode(&q.0, &value) {
                Ok(a) => {
                    let code = encode(&q.0, &a);
                    error.set(None);
                    intake.set(Some((a, code)));
                }
                Err(err) => {
                    intake.set(None);
                    error.set(Some(err.message("fr")));
                }
            }
        })
    };
    let submit_code = {
        let open = open_code.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            open.emit(input_value("code-input"));
        })
    };
    let scanning = use_state(|| false);
    let scan_code = {
        let open = open_code.clone();
        let scanning = scanning.clone();
        let error = error.clone();
        Callback::from(move |_| {
            let video = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("qr-video"))
                .and_then(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlVideoElement>(v).ok());
            let Some(video) = video else { return };
            let (open, scanning, error) = (open.clone(), scanning.clone(), error.clone());
            scanning.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let read = scan::scan(video).await;
                scanning.set(false);
                match read {
                    Some(code) => open.emit(code),
                    None => error.set(Some("Aucun QR code lu. Vous pouvez taper le code.".into())),
                }
            });
        })
    };
    let desk_answer = {
        let desk = desk.clone();
        Callback::from(move |(qid, a): (String, diag_core::Answer)| {
            let mut next = (*desk).clone();
            next.set(&qid, a);
            desk.set(next);
        })
    };
    let desk_done = {
        let q = q.clone();
        let desk = desk.clone();
        let intake = intake.clone();
        let tab = tab.clone();
        Callback::from(move |_| {
            let code = encode(&q.0, &desk);
            intake.set(Some(((*desk).clone(), code)));
            tab.set(Tab::Code);
        })
    };
    let on_record = {
        let records = records.clone();
        let save = save.clone();
        let intake = intake.clone();
        Callback::from(move |r: Record| {
            let mut mine = (*records).clone();
            let name = if r.name.is_empty() {
                r.code.clone()
            } else {
                r.name.clone()
            };
            mine.push(r);
            intake.set(None);
            save.emit((mine, Vec::new(), format!("Fiche enregistrée : {name}.")));
        })
    };
    let tab_button = |t: Tab, label: String| {
        let tab = tab.clone();
        html! {
            <button type="button" class="tab" aria-pressed={(*tab == t).to_string()} onclick={Callback::from(move |_| tab.set(t))}>{ label }</button>
        }
    };

    html! {
        <main id="main" class="advisor" lang="fr">
            <h1 data-focus="" tabindex="-1">{ "Espace conseiller numérique" }</h1>
            <nav class="tabs no-print" aria-label="Espace conseiller">
                { tab_button(Tab::Code, "Ouvrir un code".into()) }
                { tab_button(Tab::Desk, "Questionnaire au bureau".into()) }
                { tab_button(Tab::Records, format!("Fiches ({})", records.len())) }
                <button type="button" class="secondary" onclick={lock}>{ "Verrouiller" }</button>
            </nav>
            <div aria-live="polite" class="no-print">
                if let Some(s) = &*status { <p class="status" role="status">{ s.clone() }</p> }
            </div>
            if let Some(e) = &*error { <p class="missing" role="alert" id="advisor-error">{ e.clone() }</p> }
            {
                match *tab {
                    Tab::Code => html! {
                        <>
                            <form class="code-form no-print" onsubmit={submit_code}>
                                <label for="code-input">{ "Code du résultat (majuscules, minuscules et espaces sans importance)" }</label>
                                <input id="code-input" type="text" autocomplete="off" spellcheck="false" />
                                <button type="submit">{ "Ouvrir" }</button>
                                if scan::available() {
                                    { " " }
                                    <button type="button" class="secondary" onclick={scan_code} disabled={*scanning}>{ "Scanner le QR code" }</button>
                                }
                                <video id="qr-video" class={classes!("qr-video", (!*scanning).then_some("hidden"))} muted=true playsinline=true aria-label="Image de la caméra"></video>
                            </form>
                            if let Some((answers, code)) = &*intake {
                                {{
                                    let outcome = Rc::new(evaluate(&q.0, answers));
                                    html! {
                                        <>
                                            <Detail q={q.clone()} answers={answers.clone()} outcome={outcome.clone()} code={code.clone()} />
                                            <Decide q={q.clone()} {outcome} code={code.clone()} on_save={on_record.clone()} />
                                        </>
                                    }
                                }}
                            }
                        </>
                    },
                    Tab::Desk => html! { <Desk q={q.clone()} answers={(*desk).clone()} on_answer={desk_answer} on_done={desk_done} /> },
                    Tab::Records => html! { <RecordList q={q.clone()} records={(*records).clone()} on_save={save.clone()} status={status.clone()} error={error.clone()} /> },
                }
            }
        </main>
    }
}

#[derive(Properties, PartialEq)]
struct UnlockProps {
    key_state: UseStateHandle<Option<Key>>,
    records: UseStateHandle<Vec<Record>>,
    busy: UseStateHandle<bool>,
}

fn input_value(id: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component]
fn Unlock(props: &UnlockProps) -> Html {
    let exists = vault::exists();
    let error = use_state(|| None::<String>);
    let onsubmit = {
        let key = props.key_state.clone();
        let records = props.records.clone();
        let busy = props.busy.clone();
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pass = input_value("passphrase");
            let confirm = input_value("passphrase-confirm");
            if !exists && pass.chars().count() < 8 {
                error.set(Some(
                    "Choisissez une phrase de passe d'au moins 8 caractères.".into(),
                ));
                return;
            }
            if !exists && pass != confirm {
                error.set(Some(
                    "Les deux phrases de passe ne sont pas identiques.".into(),
                ));
                return;
            }
            let (key, records, busy, error) =
                (key.clone(), records.clone(), busy.clone(), error.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = if exists {
                    vault::open(&pass).await.and_then(|(k, text)| {
                        records::from_json(&text)
                            .map(|r| (k, r))
                            .map_err(|_| VaultError::Damaged)
                    })
                } else {
                    vault::create(&pass).await.map(|k| (k, Vec::new()))
                };
                busy.set(false);
                match result {
                    Ok((k, r)) => {
                        records.set(r);
                        key.set(Some(k));
                    }
                    Err(e) => error.set(Some(vault_message(&e).to_owned())),
                }
            });
        })
    };
    html! {
        <main id="main" class="advisor" lang="fr">
            <h1 data-focus="" tabindex="-1">{ "Espace conseiller numérique" }</h1>
            <form class="unlock" {onsubmit}>
                if exists {
                    <p>{ "Les fiches enregistrées sur cet appareil sont chiffrées. Entrez la phrase de passe pour les ouvrir." }</p>
                } else {
                    <p>{ "Première utilisation sur cet appareil : choisissez une phrase de passe. Elle chiffre les fiches des personnes reçues." }</p>
                    <p class="warning"><strong>{ "Attention : " }</strong>{ "une phrase de passe oubliée ne peut pas être retrouvée. Exportez régulièrement les fiches (JSON) : c'est votre sauvegarde." }</p>
                }
                <label for="passphrase">{ "Phrase de passe" }</label>
                <input id="passphrase" type="password" autocomplete={if exists { "current-password" } else { "new-password" }} />
                if !exists {
                    <label for="passphrase-confirm">{ "La même, une seconde fois" }</label>
                    <input id="passphrase-confirm" type="password" autocomplete="new-password" />
                }
                if let Some(e) = &*error { <p class="missing" role="alert" id="unlock-error">{ e.clone() }</p> }
                <button type="submit" disabled={*props.busy}>{ if exists { "Ouvrir les fiches" } else { "Créer la phrase de passe" } }</button>
            </form>
        </main>
    }
}
