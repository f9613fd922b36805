//! What the resident's and the staff's Wasm modules share: the interface
//! languages and strings, the hash routes, the questionnaire handle, the
//! browser's storage, and the panic screen. Each module links only what it uses.

pub mod i18n;
pub mod panic;
pub mod questionnaire;
pub mod route;
pub mod storage;
