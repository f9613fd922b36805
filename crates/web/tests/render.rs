//! Renders the app in a real browser and reads the DOM.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use diag_core::Questionnaire;
use diag_web::{App, BUNDLED};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn shows_title_and_first_question() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let q = Questionnaire::from_yaml(BUNDLED).unwrap();
    let lang = q.default_language();
    let h1 = root.query_selector("h1").unwrap().unwrap();
    assert_eq!(h1.text_content().unwrap(), q.title.get(lang));
    let legend = root.query_selector("legend").unwrap().unwrap();
    assert_eq!(
        legend.text_content().unwrap(),
        q.questions[0].text.get(lang)
    );
}
