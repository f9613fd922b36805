//! Reading a file next to the page (same origin only), revalidated every
//! time so that an edited file shows after a reload. `None` when it is
//! missing, refused or unreadable: callers fall back, they never fail.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

async fn response(url: &str) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    response.ok().then_some(response)
}

/// The file's text.
pub async fn text(url: &str) -> Option<String> {
    JsFuture::from(response(url).await?.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The file's bytes.
pub async fn bytes(url: &str) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(response(url).await?.array_buffer().ok()?)
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
