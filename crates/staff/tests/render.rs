//! Renders the staff's screens in a real browser (a debug build: Yew checks
//! the order of hooks here) and compiles questionnaires for the resident's module.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use diag_staff::{compile, StaffApp, BUNDLED};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to 5 s) for `selector` to appear under `root`.
async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    wait_until(root, selector, |r| {
        r.query_selector(selector).unwrap().is_some()
    })
    .await;
    root.query_selector(selector).unwrap().unwrap()
}

/// Creates a vault on a fresh desk (the passphrase chosen twice) and waits for the code tab.
async fn unlock_new_vault(root: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    wait_for(root, "#passphrase-confirm").await;
    for id in ["#passphrase", "#passphrase-confirm"] {
        let input: web_sys::HtmlInputElement = root
            .query_selector(id)
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value("une phrase de passe assez longue");
    }
    let submit: web_sys::HtmlElement = wait_for(root, "form.unlock button[type=submit]")
        .await
        .dyn_into()
        .unwrap();
    submit.click();
    wait_for(root, "#code-input").await;
}

fn mount_at(hash: &str) -> web_sys::Element {
    let window = web_sys::window().unwrap();
    window.location().set_hash(hash).unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<StaffApp>::with_root(root.clone()).render();
    root
}

#[wasm_bindgen_test]
async fn the_advisor_screen_asks_for_a_passphrase_first() {
    let root = mount_at("#/conseiller");
    let label = wait_for(&root, "label[for=passphrase]").await;
    assert_eq!(label.text_content().unwrap(), "Phrase de passe");
    // First use on this device: the passphrase is chosen twice.
    wait_for(&root, "#passphrase-confirm").await;
    root.remove();
}

/// The author's area opens on the form, one part per parcours (here the
/// bundled questionnaire: no questionnaire.yaml beside the test page), in a
/// debug build, where Yew checks the order of hooks; the text is a tab away.
#[wasm_bindgen_test]
async fn the_authors_area_opens_on_the_terms_form_then_the_text() {
    use wasm_bindgen::JsCast;
    let root = mount_at("#/apercu");
    let h1 = wait_for(&root, "main.author h1").await;
    assert_eq!(
        h1.text_content().unwrap(),
        "Questionnaire\u{a0}: mise à jour et publication"
    );
    wait_for(&root, ".term").await;
    assert_eq!(
        root.query_selector_all(".parcours-term").unwrap().length(),
        4
    );
    assert!(root.query_selector("#add-initiation").unwrap().is_some());
    let text_tab: web_sys::HtmlElement = root
        .query_selector("nav.tabs button:nth-child(2)")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    text_tab.click();
    wait_for(&root, "#yaml-text").await;
    root.remove();
}

#[wasm_bindgen_test]
async fn on_a_resident_screen_it_shows_nothing() {
    let root = mount_at("#/");
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0);
    root.remove();
}

#[wasm_bindgen_test]
fn compiling_gives_the_compact_form_or_the_located_errors() {
    let bytes = compile(BUNDLED).unwrap();
    let q = diag_core::Questionnaire::from_compact(&bytes).unwrap();
    assert_eq!(q.id, "villeneuve-la-garenne");
    let broken = BUNDLED.replacen("format: 1", "format: 99", 1);
    let err = compile(&broken).unwrap_err();
    assert!(err.contains("questionnaire.yaml:"), "{err}");
}

/// Unlocked (a new vault), the desk's tabs render in a debug build, where Yew
/// checks the order of hooks: "Activité" with no record says so.
#[wasm_bindgen_test]
async fn the_unlocked_desk_shows_its_activity_even_with_no_record() {
    use wasm_bindgen::JsCast;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let root = mount_at("#/conseiller");
    unlock_new_vault(&root).await;
    let tabs = root.query_selector_all("nav.tabs button").unwrap();
    let activity = (0..tabs.length())
        .filter_map(|i| tabs.item(i))
        .find(|b| b.text_content().as_deref() == Some("Activité"))
        .expect("an Activité tab");
    activity.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    let section = wait_for(&root, "section.stats").await;
    assert!(section
        .text_content()
        .unwrap()
        .contains("Aucune fiche sur cette période."));
    root.remove();
    storage.clear().unwrap();
}

/// Waits (up to 5 s) until `holds` is true of `root`.
async fn wait_until(
    root: &web_sys::Element,
    what: &str,
    holds: impl Fn(&web_sys::Element) -> bool,
) {
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if holds(root) {
            return;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    panic!("never: {what}");
}

/// The sheet's QR code may hold the resident's language after the code
/// (`VLG-…/ar`): the code opens, and the detail says in which language the
/// resident answered (nothing for French or without it), the answers still
/// in French. A language that is not 2 or 3 letters is set aside.
#[wasm_bindgen_test]
async fn a_code_with_the_residents_language_opens_and_says_which() {
    use wasm_bindgen::JsCast;
    // A code with one answer: the first option of the first question.
    let q = diag_core::Questionnaire::from_yaml(BUNDLED).unwrap();
    let question = &q.questions[0];
    let option = &question.options[0];
    let mut answers = diag_core::Answers::new();
    answers.set(&question.id, q.toggle(&answers, &question.id, &option.id));
    let code = diag_core::encode(&q, &answers);

    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let root = mount_at("#/conseiller");
    unlock_new_vault(&root).await;

    let open = |typed: &str| {
        let input: web_sys::HtmlInputElement = root
            .query_selector("#code-input")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value(typed);
        let button: web_sys::HtmlElement = root
            .query_selector("form.code-form button[type=submit]")
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        button.click();
    };
    let line = |root: &web_sys::Element| {
        root.query_selector("#answered-in")
            .unwrap()
            .map(|p| p.text_content().unwrap())
    };

    open(&format!("{code}/ar"));
    let title = wait_for(&root, "#detail-title").await;
    assert_eq!(title.text_content().unwrap(), format!("Code {code}"));
    wait_until(&root, "Répondu en arabe", |r| {
        line(r).as_deref() == Some("Répondu en arabe")
    })
    .await;
    // The answers are in French, as the questionnaire writes them.
    let answer = root
        .query_selector(&format!(".answers li[data-question=\"{}\"]", question.id))
        .unwrap()
        .expect("the question's line");
    let text = answer.text_content().unwrap();
    assert!(text.contains(question.text.get("fr")), "{text}");
    assert!(text.contains(option.text.get("fr")), "{text}");

    // The same code without a language: no line.
    open(&code);
    wait_until(&root, "no language line", |r| line(r).is_none()).await;
    // Case and spaces do not matter, for the language as for the code.
    open(&format!(" {} / PT ", code.to_lowercase().replace('-', " ")));
    wait_until(&root, "Répondu en portugais", |r| {
        line(r).as_deref() == Some("Répondu en portugais")
    })
    .await;
    open(&format!("{code}/es"));
    wait_until(&root, "another language", |r| {
        line(r).as_deref() == Some("Répondu dans une autre langue (es)")
    })
    .await;
    // Not a language: set aside, the code opens all the same.
    open(&format!("{code}/a1"));
    wait_until(&root, "a malformed language set aside", |r| {
        line(r).is_none()
    })
    .await;
    open(&format!("{code}/tr"));
    wait_until(&root, "Répondu en turc", |r| {
        line(r).as_deref() == Some("Répondu en turc")
    })
    .await;
    open(&format!("{code}/fr"));
    wait_until(&root, "nothing said for French", |r| line(r).is_none()).await;
    assert!(root.query_selector("#detail-title").unwrap().is_some());
    assert!(root.query_selector("#advisor-error").unwrap().is_none());

    root.remove();
    storage.clear().unwrap();
}
