//! The Wasm QR decoder on codes drawn as the resident's sheet draws them
//! (EC level M), then turned, shrunk, darkened: the decode rates of real
//! sheet images are measured by the end-to-end suite (`scan.test.mjs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
#![cfg(target_arch = "wasm32")]

use diag_staff::decode_qr;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CODE: &str = "2C3D-4F5G-6H7J-8K9M";

/// The code as RGBA, `scale` pixels per module, with a 4-module quiet zone.
fn draw(text: &str, scale: usize) -> (Vec<u8>, usize) {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).unwrap();
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 8) * scale;
    let mut rgba = vec![255u8; side * side * 4];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
            if mx < modules && my < modules && colors[my * modules + mx] == qrcode::Color::Dark {
                rgba[(y * side + x) * 4..][..3].fill(0);
            }
        }
    }
    (rgba, side)
}

#[wasm_bindgen_test]
fn a_drawn_code_reads_back() {
    let (rgba, side) = draw(CODE, 4);
    assert_eq!(
        decode_qr(&rgba, side as u32, side as u32).as_deref(),
        Some(CODE)
    );
}

#[wasm_bindgen_test]
fn a_turned_dark_code_reads_back() {
    let (rgba, side) = draw(CODE, 3);
    // A quarter turn, and a dim room: white is now a dark grey.
    let mut turned = vec![0u8; rgba.len()];
    for y in 0..side {
        for x in 0..side {
            let from = (y * side + x) * 4;
            let to = (x * side + (side - 1 - y)) * 4;
            for c in 0..3 {
                turned[to + c] = rgba[from + c] / 4 + 20;
            }
            turned[to + 3] = 255;
        }
    }
    assert_eq!(
        decode_qr(&turned, side as u32, side as u32).as_deref(),
        Some(CODE)
    );
}

#[wasm_bindgen_test]
fn no_code_reads_as_nothing() {
    let (mut rgba, side) = draw(CODE, 3);
    // A stripe through the middle of every module row: no finder pattern left.
    for (i, px) in rgba.chunks_exact_mut(4).enumerate() {
        if (i / side) % 9 < 4 {
            px[..3].fill(128);
        }
    }
    assert_eq!(decode_qr(&rgba, side as u32, side as u32), None);
    assert_eq!(decode_qr(&rgba, side as u32 + 1, side as u32), None);
}
