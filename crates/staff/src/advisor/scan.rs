//! Reading the sheet's QR code with the device camera, or from a photo of the
//! sheet. Where the browser has a `BarcodeDetector` (Chrome on Android and
//! macOS) it reads the frames; everywhere else (Chrome and Edge on Windows and
//! Linux, Firefox, Safari) the Wasm decoder in `crate::qr` does. Typing the
//! code always works; this only saves the typing. Nothing leaves the device:
//! the image is read in the page.

use super::text::AdvisorMsg;
use crate::qr;
use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, ImageBitmap};

/// Why no code came from the camera.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanError {
    /// No camera, or its use refused.
    NoCamera,
    /// The camera opened, but no QR code was read within about 30 seconds.
    NothingRead,
}

impl ScanError {
    /// What the advisor is told.
    pub fn message(self) -> AdvisorMsg {
        match self {
            Self::NoCamera => AdvisorMsg::CameraFailed,
            Self::NothingRead => AdvisorMsg::NothingRead,
        }
    }
}

/// Whether this browser has a camera API (a camera may still be missing).
pub fn available() -> bool {
    web_sys::window().is_some_and(|w| {
        get(&w.navigator(), "mediaDevices").is_some_and(|d| get(&d, "getUserMedia").is_some())
    })
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

/// The browser's own detector, where there is one.
fn barcode_detector() -> Option<JsValue> {
    let ctor: Function = get(&web_sys::window()?.into(), "BarcodeDetector")?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()));
    Reflect::construct(&ctor, &Array::of1(&options)).ok()
}

/// A canvas off the page, to read pixels from.
fn canvas(width: u32, height: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas: HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let options = Object::new();
    // Read back at every frame: a CPU-side canvas avoids a GPU round trip.
    let _ = Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let context = canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    Some((canvas, context))
}

/// Decodes what is drawn on the canvas.
fn decode_canvas(context: &CanvasRenderingContext2d, width: u32, height: u32) -> Option<String> {
    let data = context
        .get_image_data(0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?;
    qr::decode_rgba(&data.data(), width as usize, height as usize)
}

/// One camera frame read by the Wasm decoder (frames above 1280 px wide are
/// scaled down: the QR code stays large enough, and decoding stays fast). The
/// canvas is made at the first frame and kept for the next ones.
fn decode_frame(
    video: &HtmlVideoElement,
    kept: &mut Option<(HtmlCanvasElement, CanvasRenderingContext2d)>,
) -> Option<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    let scale = (1280.0 / f64::from(w)).min(1.0);
    let (cw, ch) = ((f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32);
    if kept
        .as_ref()
        .is_none_or(|(c, _)| c.width() != cw || c.height() != ch)
    {
        *kept = canvas(cw, ch);
    }
    let (_, context) = kept.as_ref()?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(cw),
            f64::from(ch),
        )
        .ok()?;
    decode_canvas(context, cw, ch)
}

/// Opens the camera into `video`, and returns the first QR code read within
/// about 30 seconds.
pub async fn scan(video: HtmlVideoElement) -> Result<String, ScanError> {
    let window = web_sys::window().ok_or(ScanError::NoCamera)?;
    let devices = get(&window.navigator(), "mediaDevices").ok_or(ScanError::NoCamera)?;
    let constraints = Object::new();
    let video_opts = Object::new();
    let _ = Reflect::set(&video_opts, &"facingMode".into(), &"environment".into());
    let _ = Reflect::set(&constraints, &"video".into(), &video_opts);
    let stream = call(&devices, "getUserMedia", &Array::of1(&constraints))
        .await
        .ok_or(ScanError::NoCamera)?;
    let _ = Reflect::set(&video, &"srcObject".into(), &stream);
    // Not awaited: `play()` may wait for frames that a camera never sends.
    if let Some(play) = get(&video, "play").and_then(|f| f.dyn_into::<Function>().ok()) {
        let _ = play.call0(&video);
    }
    let detector = barcode_detector();
    let mut frame_canvas = None;
    let mut found = Err(ScanError::NothingRead);
    for _ in 0..100 {
        let read = match &detector {
            Some(d) => call(d, "detect", &Array::of1(&video))
                .await
                .and_then(|codes| get(&Array::from(&codes).get(0), "rawValue"))
                .and_then(|v| v.as_string()),
            None => decode_frame(&video, &mut frame_canvas),
        };
        if let Some(code) = read {
            found = Ok(code);
            break;
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

/// Reads the QR code on a photo of the sheet (a phone's picture, often
/// 4000 px wide: tried at 1600 px, then at 2400 px if nothing was read there).
pub async fn read_photo(file: web_sys::File) -> Option<String> {
    let window = web_sys::window()?;
    let bitmap: ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(&file).ok()?)
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let (w, h) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
    let mut found = None;
    for longest in [1600.0, 2400.0] {
        let scale = (longest / w.max(h)).min(1.0);
        let (cw, ch) = ((w * scale).max(1.0) as u32, (h * scale).max(1.0) as u32);
        if let Some((_canvas, context)) = canvas(cw, ch) {
            let drawn = context.draw_image_with_image_bitmap_and_dw_and_dh(
                &bitmap,
                0.0,
                0.0,
                f64::from(cw),
                f64::from(ch),
            );
            found = drawn.ok().and_then(|()| decode_canvas(&context, cw, ch));
        }
        if found.is_some() || scale >= 1.0 {
            break;
        }
        // Let the page breathe between two attempts.
        sleep(0).await;
    }
    bitmap.close();
    found
}
