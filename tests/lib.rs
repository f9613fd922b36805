//! Shared helpers for the cross-crate tests: where the fixtures are.

use std::path::PathBuf;

/// The `tests/` folder.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn root() -> PathBuf {
    dir().parent().map(PathBuf::from).unwrap_or_default()
}

/// The bundled questionnaire's source.
pub fn bundled() -> String {
    std::fs::read_to_string(root().join("questionnaires/villeneuve-la-garenne.yaml"))
        .unwrap_or_default()
}
