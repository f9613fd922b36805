//! One file per screen.

pub mod error;
pub mod paper;
pub mod question;
pub mod result;
pub mod welcome;

/// Asks before something that cannot be undone (erasing answers); `false`
/// when the resident says no, or when the browser cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
