//! Reading the sheet's QR code with the device camera, where the browser has
//! a barcode detector (Chrome on Android, for example). Typing the code always
//! works; this only saves the typing. Nothing leaves the device: the camera
//! image is read in the page.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Whether this browser can scan (a `BarcodeDetector` and a camera API).
pub fn available() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let has = |o: &JsValue, k: &str| Reflect::has(o, &k.into()).unwrap_or(false);
    has(&w, "BarcodeDetector") && has(&w.navigator(), "mediaDevices")
}

fn get(o: &JsValue, k: &str) -> Option<JsValue> {
    Reflect::get(o, &k.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

async fn call(o: &JsValue, method: &str, args: &Array) -> Option<JsValue> {
    let f: Function = get(o, method)?.dyn_into().ok()?;
    let r = f.apply(o, args).ok()?;
    match r.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(v) => Some(v),
    }
}

async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(p).await;
}

/// Opens the camera into `video`, and returns the first QR code read within
/// about 30 seconds (`None`: no camera, refused, or nothing read).
pub async fn scan(video: web_sys::HtmlVideoElement) -> Option<String> {
    let window = web_sys::window()?;
    let devices = get(&window.navigator(), "mediaDevices")?;
    let constraints = Object::new();
    let video_opts = Object::new();
    let _ = Reflect::set(&video_opts, &"facingMode".into(), &"environment".into());
    let _ = Reflect::set(&constraints, &"video".into(), &video_opts);
    let stream = call(&devices, "getUserMedia", &Array::of1(&constraints)).await?;
    let _ = Reflect::set(&video, &"srcObject".into(), &stream);
    // Not awaited: `play()` may wait for frames that a camera never sends.
    if let Some(play) = get(&video, "play").and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = play.call0(&video);
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()));
    let ctor: Function = get(&window, "BarcodeDetector")?.dyn_into().ok()?;
    let detector = Reflect::construct(&ctor, &Array::of1(&options)).ok()?;
    let mut found = None;
    for _ in 0..100 {
        if let Some(codes) = call(&detector, "detect", &Array::of1(&video)).await {
            let first = Array::from(&codes).get(0);
            if let Some(raw) = get(&first, "rawValue").and_then(|v| v.as_string()) {
                found = Some(raw);
                break;
            }
        }
        sleep(300).await;
    }
    // Switch the camera off whatever happened.
    if let Some(tracks) = call(&stream, "getTracks", &Array::new()).await {
        for t in Array::from(&tracks).iter() {
            let _ = call(&t, "stop", &Array::new()).await;
        }
    }
    let _ = Reflect::set(&video, &"srcObject".into(), &JsValue::NULL);
    found
}
