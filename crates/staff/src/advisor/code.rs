//! "Ouvrir un code": type or scan a resident's code, then see the detail and decide.

use super::decide::Decide;
use super::detail::Detail;
use super::scan;
use super::state::Action;
use diag_core::records::Record;
use diag_core::{decode, encode, evaluate, Answers};
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    /// The answers and code on screen.
    pub intake: Option<(Answers, String)>,
    pub scanning: bool,
    pub dispatch: Callback<Action>,
    pub on_record: Callback<Record>,
    /// Every record: a code already recorded is edited, not recorded twice.
    pub records: Vec<Record>,
}

/// Ready for the next resident: the code field emptied, with the focus.
pub(super) fn ready_for_next_code() {
    if let Some(input) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("code-input"))
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(e).ok())
    {
        input.set_value("");
        let _ = input.focus();
    }
}

#[function_component]
pub fn CodeTab(props: &Props) -> Html {
    // A code opened (typed, scanned or from the desk): the focus goes to its
    // heading, so a screen reader starts there and Tab reaches the decision.
    use_effect_with(props.intake.as_ref().map(|(_, c)| c.clone()), |code| {
        if code.is_some() {
            super::focus("#detail-title");
        }
    });
    // Opens a code, typed or scanned.
    let open = {
        let (q, dispatch) = (props.q.clone(), props.dispatch.clone());
        Callback::from(move |value: String| match decode(&q.0, &value) {
            Ok(a) => {
                let code = encode(&q.0, &a);
                dispatch.emit(Action::Open(a, code));
            }
            Err(err) => dispatch.emit(Action::OpenFailed(err.message("fr"))),
        })
    };
    let submit = {
        let open = open.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            open.emit(super::input_value("code-input"));
        })
    };
    let scan_code = {
        let (open, dispatch) = (open.clone(), props.dispatch.clone());
        Callback::from(move |_| {
            let video = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("qr-video"))
                .and_then(|v| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlVideoElement>(v).ok());
            let Some(video) = video else { return };
            let (open, dispatch) = (open.clone(), dispatch.clone());
            dispatch.emit(Action::Scanning(true));
            wasm_bindgen_futures::spawn_local(async move {
                let read = scan::scan(video).await;
                dispatch.emit(Action::Scanning(false));
                match read {
                    Ok(code) => open.emit(code),
                    Err(e) => dispatch.emit(Action::Error(Some(e.message().into()))),
                }
            });
        })
    };
    // A photo of the sheet: for a computer with no camera, or a phone's picture.
    let photo = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Emptied, so that choosing the same photo again reads it again.
            input.set_value("");
            let (open, dispatch) = (open.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = scan::read_photo(file).await;
                match read {
                    Some(code) => open.emit(code),
                    None => dispatch.emit(Action::Error(Some(
                        "Aucun QR code lu sur cette photo. Prenez la fiche de face, en entier et bien éclairée, ou tapez le code.".into(),
                    ))),
                }
            });
        })
    };
    let q = &props.q;
    html! {
        <>
            <form class="code-form no-print" onsubmit={submit}>
                <label for="code-input">{ "Code du résultat (majuscules, minuscules et espaces sans importance)" }</label>
                <input id="code-input" type="text" autocomplete="off" spellcheck="false" />
                <button type="submit">{ "Ouvrir" }</button>
                if scan::available() {
                    { " " }
                    <button type="button" class="secondary" onclick={scan_code} disabled={props.scanning}>{ "Scanner le QR code" }</button>
                }
                { " " }
                // The file field itself is kept for the keyboard and screen
                // readers, out of sight; its label looks like the other buttons.
                <input id="qr-photo" class="visually-hidden" type="file" accept="image/*" onchange={photo} disabled={props.scanning} />
                <label for="qr-photo" class="button secondary qr-photo-label">{ "Lire une photo de la fiche" }</label>
                <video id="qr-video" class={classes!("qr-video", (!props.scanning).then_some("hidden"))} muted=true playsinline=true aria-label="Image de la caméra"></video>
            </form>
            if let Some((answers, code)) = &props.intake {
                {{
                    let outcome = Rc::new(evaluate(&q.0, answers));
                    let existing = props.records.iter().find(|r| r.code == *code).cloned();
                    html! {
                        // The decision comes first (beside the answers on a wide
                        // screen): from the code to a saved record without scrolling.
                        <section class="intake" aria-labelledby="detail-title">
                            <h2 id="detail-title" tabindex="-1">{ "Code " }<span class="code-text">{ code.clone() }</span></h2>
                            if let Some(r) = &existing {
                                <p class="notice existing-record" role="status">
                                    { format!("Ce code a déjà une fiche, enregistrée le {}{}. Vous la modifiez : rien ne sera compté deux fois.", r.date, if r.name.is_empty() { String::new() } else { format!(" ({})", r.name) }) }
                                </p>
                            }
                            <Decide key={code.clone()} q={q.clone()} outcome={outcome.clone()} code={code.clone()} {existing} on_save={props.on_record.clone()} />
                            <Detail q={q.clone()} answers={answers.clone()} {outcome} />
                        </section>
                    }
                }}
            }
        </>
    }
}
