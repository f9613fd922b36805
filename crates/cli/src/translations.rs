//! Translation files beside a questionnaire: `name.ar.yaml` next to `name.yaml`.

use anyhow::Result;
use std::path::{Path, PathBuf};

/// A translation file found beside a questionnaire.
pub struct TranslationFile {
    /// Its language code, from its name.
    pub language: String,
    /// Its path, as shown in messages.
    pub path: String,
    /// Its text.
    pub source: String,
}

/// `name.<language>.<extension>` beside `path` (`name.yaml` or `name.bin`).
fn sibling(path: &str, language: &str, extension: &str) -> PathBuf {
    let p = Path::new(path);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    p.with_file_name(format!("{stem}.{language}.{extension}"))
}

/// The path of `questionnaire`'s translation file for `language`.
pub fn path_for(questionnaire: &str, language: &str) -> PathBuf {
    sibling(questionnaire, language, "yaml")
}

/// Where the language pack for `language` goes beside the compact form `output`
/// (`questionnaire.bin` → `questionnaire.ar.bin`).
pub fn pack_path(output: &str, language: &str) -> String {
    sibling(output, language, "bin").display().to_string()
}

/// Every `stem.xx.yaml` beside `questionnaire` (xx: two or three lowercase
/// letters), sorted by language.
pub fn beside(questionnaire: &str) -> Result<Vec<TranslationFile>> {
    let p = Path::new(questionnaire);
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(found);
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(language) = name
            .strip_prefix(&format!("{stem}."))
            .and_then(|rest| rest.strip_suffix(".yaml"))
        else {
            continue;
        };
        if !diag_core::is_language_code(language) {
            continue;
        }
        let path = path_for(questionnaire, language).display().to_string();
        found.push(TranslationFile {
            language: language.to_owned(),
            source: super::read(&path)?,
            path,
        });
    }
    found.sort_by(|a, b| a.language.cmp(&b.language));
    Ok(found)
}
