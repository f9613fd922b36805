//! Inside an `<iframe>` on the town's website: tell the embedding page how
//! tall the content is, so it can size the frame (see the README's snippet).
//! Only a number is posted; nothing about the answers.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Starts posting `{ "type": "diag-numerique:height", "height": N }` to the
/// parent whenever the page's height changes; does nothing outside a frame.
pub fn report_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let measured = root.clone();
    let post = Closure::<dyn Fn()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"diag-numerique:height".into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &measured.scroll_height().into());
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    post.forget();
}
