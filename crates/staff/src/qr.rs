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
    decoder
        .identify(width, height, &grey)
        .filter_map(Result::ok)
        .find_map(|code| code.decode().ok())
        .and_then(|data| String::from_utf8(data.payload).ok())
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
