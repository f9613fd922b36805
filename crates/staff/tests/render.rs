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
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
    }
    panic!("{selector} never appeared");
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

#[wasm_bindgen_test]
async fn the_preview_offers_to_paste_a_file() {
    let root = mount_at("#/apercu");
    let h1 = wait_for(&root, "main.preview h1").await;
    assert_eq!(h1.text_content().unwrap(), "Aperçu d'un questionnaire");
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
    wait_for(&root, "#passphrase-confirm").await;
    for id in ["#passphrase", "#passphrase-confirm"] {
        let input: web_sys::HtmlInputElement = root
            .query_selector(id)
            .unwrap()
            .unwrap()
            .dyn_into()
            .unwrap();
        input.set_value("une phrase de passe assez longue");
    }
    let submit: web_sys::HtmlElement = wait_for(&root, "form.unlock button[type=submit]")
        .await
        .dyn_into()
        .unwrap();
    submit.click();
    wait_for(&root, "#code-input").await;
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
