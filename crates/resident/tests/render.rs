//! Renders the app in a real browser and reads the DOM.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use diag_resident::App;
use wasm_bindgen_test::*;

/// The bundled questionnaire, compacted by the module's build script (the
/// module itself reads the published `questionnaire.bin`).
fn built_in() -> Result<diag_ui::questionnaire::Shared, String> {
    diag_core::Questionnaire::from_compact(include_bytes!(concat!(env!("OUT_DIR"), "/bundled.bin")))
        .map(|q| diag_ui::questionnaire::Shared::new(q.with_french_typography()))
        .map_err(|e| e.to_string())
}

wasm_bindgen_test_configure!(run_in_browser);

/// Waits (up to 5 s) for `selector` to appear: the app loads its
/// questionnaire asynchronously before showing anything.
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

fn mount() -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), diag_resident::app_props(built_in()))
        .render();
    root
}

#[wasm_bindgen_test]
async fn the_welcome_screen_shows_the_title_and_the_four_parcours() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/")
        .unwrap();
    let root = mount();
    let q = built_in().unwrap().0;
    let h1 = wait_for(&root, ".welcome h1").await;
    assert_eq!(h1.text_content().unwrap(), q.title.get("fr"));
    let items = root.query_selector_all(".parcours-list li").unwrap();
    assert_eq!(items.length() as usize, q.parcours.len());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_question_screen_shows_the_question_in_a_fieldset() {
    let q = built_in().unwrap().0;
    let first = &q.questions[0];
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash(&format!("#/question/{}", first.id))
        .unwrap();
    let root = mount();
    let legend = wait_for(&root, "fieldset > legend .question-text").await;
    assert_eq!(legend.text_content().unwrap(), first.text.get("fr"));
    let inputs = root.query_selector_all("fieldset input").unwrap();
    assert_eq!(inputs.length() as usize, first.options.len());
    let progress = root.query_selector(".progress-text").unwrap().unwrap();
    assert!(progress
        .text_content()
        .unwrap()
        .starts_with("Question 1 sur "));
    root.remove();
    window.location().set_hash("#/").unwrap();
}

#[wasm_bindgen_test]
fn a_panic_shows_a_friendly_error_screen() {
    let document = web_sys::window().unwrap().document().unwrap();
    let app = document.create_element("div").unwrap();
    app.set_id("app");
    app.set_inner_html("<p>the quiz</p>");
    document.body().unwrap().append_child(&app).unwrap();
    diag_ui::panic::show_error("app", "index out of bounds");
    let h1 = app.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), "Un problème est survenu");
    let again = app.query_selector("a.button").unwrap().unwrap();
    assert_eq!(again.get_attribute("href").unwrap(), "?#/recommencer");
    let details = app.query_selector("details pre").unwrap().unwrap();
    assert_eq!(details.text_content().unwrap(), "index out of bounds");
    assert!(!app.inner_html().contains("the quiz"));
    app.remove();
}
