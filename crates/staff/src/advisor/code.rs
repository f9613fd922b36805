//! "Ouvrir un code": type or scan a resident's code, then see the detail and decide.

use super::decide::Decide;
use super::detail::Detail;
use super::scan;
use super::state::{Action, Intake};
use super::text::AdvisorMsg;
use diag_core::records::Record;
use diag_core::{decode, encode, evaluate};
use diag_ui::i18n::Lang;
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    /// The answers and code on screen.
    pub intake: Option<Intake>,
    pub scanning: bool,
    pub dispatch: Callback<Action>,
    pub on_record: Callback<Record>,
    /// Every record: a code already recorded is edited, not recorded twice.
    pub records: std::rc::Rc<Vec<Record>>,
}

/// Splits the resident's language off what was typed or read: the sheet's
/// QR code holds `VLG-…-R03S/ar` when the resident's screens were not in
/// French. The language is 2 or 3 ASCII letters (any case, as the code
/// itself; kept in lowercase); anything else after the `/` is set aside, and
/// the code before it still opens.
fn split_language(typed: &str) -> (&str, Option<String>) {
    let Some((code, suffix)) = typed.split_once('/') else {
        return (typed, None);
    };
    let suffix = suffix.trim().to_ascii_lowercase();
    let language = diag_core::is_language_code(&suffix).then_some(suffix);
    (code, language)
}

/// The line that says the resident answered in another language than
/// French (nothing for French).
fn answered_in(lang: &str) -> Option<String> {
    let msg = match Lang::parse(lang) {
        Some(Lang::Fr) => return None,
        Some(Lang::Ar) => AdvisorMsg::AnsweredInArabic,
        Some(Lang::Pt) => AdvisorMsg::AnsweredInPortuguese,
        Some(Lang::Tr) => AdvisorMsg::AnsweredInTurkish,
        Some(Lang::En) => AdvisorMsg::AnsweredInEnglish,
        None => return Some(AdvisorMsg::AnsweredInOther.fill(&[("code", lang)])),
    };
    Some(msg.fr().to_owned())
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
    use_effect_with(props.intake.as_ref().map(|i| i.code.clone()), |code| {
        if code.is_some() {
            super::focus("#detail-title");
        }
    });
    // Opens a code, typed, scanned or read on a photo, with the resident's
    // language after it if the sheet's QR code has one.
    let open = {
        let (q, dispatch) = (props.q.clone(), props.dispatch.clone());
        Callback::from(move |value: String| {
            let (value, lang) = split_language(&value);
            match decode(&q.0, value) {
                Ok(answers) => {
                    let code = encode(&q.0, &answers);
                    dispatch.emit(Action::Open(Intake {
                        answers,
                        code,
                        lang,
                    }));
                }
                Err(err) => dispatch.emit(Action::OpenFailed(err.message("fr"))),
            }
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
                    Err(e) => dispatch.emit(Action::Error(Some(e.message().fr().into()))),
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
                    None => dispatch.emit(Action::Error(Some(AdvisorMsg::PhotoUnread.fr().into()))),
                }
            });
        })
    };
    let q = &props.q;
    html! {
        <>
            <form class="code-form no-print" onsubmit={submit}>
                <label for="code-input">{ AdvisorMsg::CodeLabel.fr() }</label>
                <input id="code-input" type="text" autocomplete="off" spellcheck="false" />
                <button type="submit">{ AdvisorMsg::Open.fr() }</button>
                if scan::available() {
                    { " " }
                    <button type="button" class="secondary" onclick={scan_code} disabled={props.scanning}>{ AdvisorMsg::Scan.fr() }</button>
                }
                { " " }
                // The file field itself is kept for the keyboard and screen
                // readers, out of sight; its label looks like the other buttons.
                <input id="qr-photo" class="visually-hidden" type="file" accept="image/*" onchange={photo} disabled={props.scanning} />
                <label for="qr-photo" class="button secondary qr-photo-label">{ AdvisorMsg::ReadPhoto.fr() }</label>
                <video id="qr-video" class={classes!("qr-video", (!props.scanning).then_some("hidden"))} muted=true playsinline=true aria-label={AdvisorMsg::CameraView.fr()}></video>
            </form>
            if let Some(Intake { answers, code, lang }) = &props.intake {
                {{
                    let outcome = Rc::new(evaluate(&q.0, answers));
                    let existing = props.records.iter().find(|r| r.code == *code).cloned();
                    let answered = lang.as_deref().and_then(answered_in);
                    html! {
                        // The decision comes first (beside the answers on a wide
                        // screen): from the code to a saved record without scrolling.
                        <section class="intake" aria-labelledby="detail-title">
                            <h2 id="detail-title" tabindex="-1">{ AdvisorMsg::CodeHeading.fr() }<span class="code-text">{ code.clone() }</span></h2>
                            // The resident's screens were in another language;
                            // the answers below are in French all the same.
                            if let Some(line) = answered {
                                <p class="answered-in" id="answered-in">{ line }</p>
                            }
                            if let Some(r) = &existing {
                                <p class="notice existing-record" role="status">
                                    { if r.name.is_empty() {
                                        AdvisorMsg::ExistingRecord.fill(&[("date", &r.date)])
                                    } else {
                                        AdvisorMsg::ExistingRecordNamed.fill(&[("date", &r.date), ("name", &r.name)])
                                    } }
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

#[cfg(test)]
mod tests {
    use super::{answered_in, split_language};

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn the_language_after_the_code_is_split_off_and_a_malformed_one_set_aside() {
        let code = "VLG-W1H6-6EB0-QB1E-R03S";
        assert_eq!(split_language(code), (code, None));
        assert_eq!(
            split_language("VLG-W1H6-6EB0-QB1E-R03S/ar"),
            (code, Some("ar".to_owned()))
        );
        assert_eq!(
            split_language("vlg w1h6 6eb0 qb1e r03s / TR "),
            ("vlg w1h6 6eb0 qb1e r03s ", Some("tr".to_owned()))
        );
        assert_eq!(
            split_language("VLG-W1H6-6EB0-QB1E-R03S/kab").1.as_deref(),
            Some("kab")
        );
        for bad in ["/", "/a", "/a1", "/arab", "/ar/x", "/é"] {
            assert_eq!(
                split_language(&format!("{code}{bad}")),
                (code, None),
                "{bad}"
            );
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn french_says_nothing_and_other_languages_say_which() {
        assert_eq!(answered_in("fr"), None);
        assert_eq!(answered_in("ar").as_deref(), Some("Répondu en arabe"));
        assert_eq!(answered_in("pt").as_deref(), Some("Répondu en portugais"));
        assert_eq!(answered_in("tr").as_deref(), Some("Répondu en turc"));
        assert_eq!(answered_in("en").as_deref(), Some("Répondu en anglais"));
        assert_eq!(
            answered_in("es").as_deref(),
            Some("Répondu dans une autre langue (es)")
        );
    }
}
