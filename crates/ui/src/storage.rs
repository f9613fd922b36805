//! The browser's localStorage. The resident's progress and the advisor's
//! records use different keys, and each module touches only its own.

/// The page's localStorage, or `None` when the browser refuses it.
pub fn local() -> Option<web_sys::Storage> {
    // Accessing localStorage throws when it is blocked: that is `Err`, not a crash.
    web_sys::window()?.local_storage().ok().flatten()
}
