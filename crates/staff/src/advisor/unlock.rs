//! Unlocking the records: the passphrase opens the vault, or creates it on
//! the first use on this device.

use super::state::Action;
use super::text::AdvisorMsg;
use super::{input_value, vault, vault_message};
use diag_core::records;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The key is being derived.
    pub busy: bool,
    pub dispatch: Callback<Action>,
}

/// Why a new passphrase is refused, if it is.
fn refuse_new(pass: &str, confirm: &str) -> Option<&'static str> {
    if pass.chars().count() < 8 {
        Some(AdvisorMsg::PassphraseTooShort.fr())
    } else if pass != confirm {
        Some(AdvisorMsg::PassphrasesDiffer.fr())
    } else {
        None
    }
}

#[function_component]
pub fn Unlock(props: &Props) -> Html {
    let error = use_state(|| None::<String>);
    let exists = vault::exists();
    let onsubmit = {
        let dispatch = props.dispatch.clone();
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pass = input_value("passphrase");
            if !exists {
                if let Some(why) = refuse_new(&pass, &input_value("passphrase-confirm")) {
                    error.set(Some(why.into()));
                    return;
                }
            }
            let (dispatch, error) = (dispatch.clone(), error.clone());
            dispatch.emit(Action::Busy(true));
            wasm_bindgen_futures::spawn_local(async move {
                let result = if exists {
                    vault::open(&pass).await.and_then(|(k, text)| {
                        records::from_json(&text)
                            .map(|r| (k, r))
                            .map_err(|_| vault::VaultError::Damaged)
                    })
                } else {
                    match vault::create(&pass).await {
                        Ok(k) => {
                            // Stored at once, empty: locking before the first
                            // record must not start the vault's creation again.
                            // (A refusal is told at the first save, with the export.)
                            let _ = vault::save(&k, &records::to_json(&[])).await;
                            Ok((k, Vec::new()))
                        }
                        Err(e) => Err(e),
                    }
                };
                dispatch.emit(Action::Busy(false));
                match result {
                    Ok((k, r)) => {
                        dispatch.emit(Action::Unlocked(k, r));
                        // Records must outlive the browser's clean-ups: ask to keep them.
                        dispatch.emit(Action::Persisted(vault::persist().await));
                    }
                    Err(e) => error.set(Some(vault_message(&e).to_owned())),
                }
            });
        })
    };
    html! {
        <main id="main" class="advisor" lang="fr">
            <h1 data-focus="" tabindex="-1">{ AdvisorMsg::PageTitle.fr() }</h1>
            <form class="unlock" {onsubmit}>
                if exists {
                    <p>{ AdvisorMsg::UnlockIntro.fr() }</p>
                } else {
                    <p>{ AdvisorMsg::FirstUseIntro.fr() }</p>
                    <p class="warning"><strong>{ AdvisorMsg::Warning.fr() }</strong>{ AdvisorMsg::ForgottenPassphrase.fr() }</p>
                }
                <label for="passphrase">{ AdvisorMsg::Passphrase.fr() }</label>
                <input id="passphrase" type="password" autocomplete={if exists { "current-password" } else { "new-password" }} />
                if !exists {
                    <label for="passphrase-confirm">{ AdvisorMsg::PassphraseAgain.fr() }</label>
                    <input id="passphrase-confirm" type="password" autocomplete="new-password" />
                }
                if let Some(e) = &*error { <p class="missing" role="alert" id="unlock-error">{ e.clone() }</p> }
                <button type="submit" disabled={props.busy}>{ if exists { AdvisorMsg::OpenRecords.fr() } else { AdvisorMsg::CreatePassphrase.fr() } }</button>
            </form>
        </main>
    }
}
