//! Reading a QR code from pixels, in the page (no BarcodeDetector needed):
//! the camera's frames and the photo of a sheet both end up here.

use wasm_bindgen::prelude::wasm_bindgen;

/// The text of the first QR code found in an RGBA image (as a canvas's
/// `getImageData` gives it), or `None`. Short or odd buffers read as nothing.
pub fn decode_rgba(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    if width == 0 || height == 0 || rgba.len() < width.checked_mul(height)?.checked_mul(4)? {
        return None;
    }
    // Luma by the usual weights; the decoder picks its threshold from the
    // image (Otsu), so a dark or washed-out photo still separates its modules.
    // Exactly width × height values: the decoder insists.
    let grey: Vec<u8> = rgba
        .chunks_exact(4)
        .take(width * height)
        .map(|p| match *p {
            [r, g, b, _] => {
                ((77 * u32::from(r) + 150 * u32::from(g) + 29 * u32::from(b)) >> 8) as u8
            }
            _ => 255,
        })
        .collect();
    let mut decoder = quircs::Quirc::default();
    let mut read = |grey: &[u8], w: usize, h: usize| {
        decoder
            .identify(w, h, grey)
            .filter_map(Result::ok)
            .find_map(|code| code.decode().ok())
            .and_then(|data| String::from_utf8(data.payload).ok())
    };
    if let Some(text) = read(&grey, width, height) {
        return Some(text);
    }
    // Measured on degraded sheets (`scan.test.mjs`): the decoder misses some
    // small or slanted codes (a sheet at half size, turned 20°) that it reads
    // at twice the size. Only tried when the first pass found nothing, and
    // only up to 3 million pixels (a camera frame, a photo read at 1600 px).
    if width * height > 3_000_000 {
        return None;
    }
    read(&twice(&grey, width, height), width * 2, height * 2)
}

/// The image at twice its size, by linear interpolation between pixel
/// centres (as a canvas scales: each new pixel weighs its nearest source
/// pixel ¾ and the next one ¼, in each direction).
fn twice(grey: &[u8], width: usize, height: usize) -> Vec<u8> {
    // Each source row doubled in width, in quarters of a grey level.
    let wide = |y: usize| -> Vec<u16> {
        let at = |x: usize| u16::from(grey.get(y * width + x).copied().unwrap_or(255));
        (0..width * 2)
            .map(|x2| {
                let x = x2 / 2;
                let near = if x2 % 2 == 0 {
                    x.saturating_sub(1)
                } else {
                    (x + 1).min(width - 1)
                };
                3 * at(x) + at(near)
            })
            .collect()
    };
    let rows: Vec<Vec<u16>> = (0..height).map(wide).collect();
    let mut out = Vec::with_capacity(width * height * 4);
    for y2 in 0..height * 2 {
        let y = y2 / 2;
        let near = if y2 % 2 == 0 {
            y.saturating_sub(1)
        } else {
            (y + 1).min(height - 1)
        };
        let (Some(a), Some(b)) = (rows.get(y), rows.get(near)) else {
            break;
        };
        // (3a + b) / 4, with a and b in quarters: sixteenths, rounded.
        out.extend(a.iter().zip(b).map(|(a, b)| ((3 * a + b + 8) / 16) as u8));
    }
    out
}

/// The same for JavaScript: the end-to-end suite measures decode rates with it.
#[wasm_bindgen(js_name = decodeQr)]
pub fn decode_qr(rgba: &[u8], width: u32, height: u32) -> Option<String> {
    decode_rgba(rgba, width as usize, height as usize)
}

#[cfg(test)]
mod tests {
    use super::decode_rgba;

    #[test]
    fn odd_buffers_read_as_nothing() {
        assert_eq!(decode_rgba(&[], 0, 0), None);
        assert_eq!(decode_rgba(&[0; 12], 2, 2), None);
        assert_eq!(decode_rgba(&[255; 400], 10, 10), None);
        assert_eq!(decode_rgba(&[0; 16], usize::MAX, 2), None);
    }
}
