//! What the author's area opens on: the questionnaire published beside the
//! page and its translation files (the bundled one when none is published),
//! whether its compiled files are in step with it, and the editing kept in
//! this tab (sessionStorage: "Essayer comme un habitant" and the way back
//! keep the text).

use diag_core::{compact_header, digest, pack_header, Questionnaire};
use diag_ui::fetch;

/// The published files, and how they stand.
#[derive(Clone, PartialEq, Debug, Default)]
pub struct Published {
    pub yaml: String,
    pub translations: Vec<(String, String)>,
    /// Whether `questionnaire.yaml` is there (else the bundled text is shown).
    pub found: bool,
    /// It has errors: residents keep the compiled form published before.
    pub broken: bool,
    /// Whether `questionnaire.bin` was made from it (residents' fast path).
    pub compiled: bool,
    /// Languages whose pack (`questionnaire.<code>.bin`) was made from
    /// another text: their readers get French.
    pub stale_packs: Vec<String>,
    /// Languages declared whose translation file is missing.
    pub missing_translations: Vec<String>,
}

/// Reads the published files next to the page.
pub async fn published() -> Published {
    let found = fetch::text("questionnaire.yaml").await;
    let yaml = found.clone().unwrap_or_else(|| crate::BUNDLED.to_owned());
    let wanted = digest(&yaml);
    let compiled = fetch::bytes("questionnaire.bin")
        .await
        .and_then(|b| compact_header(&b).ok())
        .is_some_and(|h| h.digest == wanted);
    // The languages it declares, read from the raw text even when it has errors elsewhere.
    let details = diag_workshop::read(&yaml).ok();
    let declared: Vec<String> = details
        .as_ref()
        .map(|d| d.translations.clone())
        .unwrap_or_default();
    // Every language but the default one has its pack: the inline ones (English), then the translations'.
    let packed: Vec<String> = details
        .as_ref()
        .map(|d| d.languages.iter().skip(1).cloned().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(declared.iter().cloned())
        .collect();
    let mut p = Published {
        found: found.is_some(),
        broken: Questionnaire::from_yaml(&yaml).is_err(),
        compiled,
        ..Published::default()
    };
    for lang in declared {
        match fetch::text(&format!("questionnaire.{lang}.yaml")).await {
            Some(t) => p.translations.push((lang.clone(), t)),
            None => p.missing_translations.push(lang),
        }
    }
    for lang in packed {
        let in_step = fetch::bytes(&format!("questionnaire.{lang}.bin"))
            .await
            .and_then(|b| pack_header(&b).ok())
            .is_some_and(|(d, _)| d == wanted);
        if p.found && !in_step {
            p.stale_packs.push(lang);
        }
    }
    p.yaml = yaml;
    p
}

const KEY: &str = "diag-workshop";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The editing kept in this tab, if any.
pub fn resumed() -> Option<(String, Vec<(String, String)>)> {
    let s = session()?;
    let yaml = s.get_item(&format!("{KEY}:yaml")).ok()??;
    let langs = s
        .get_item(&format!("{KEY}:langs"))
        .ok()?
        .unwrap_or_default();
    let translations = langs
        .split(',')
        .filter(|l| !l.is_empty())
        .filter_map(|l| Some((l.to_owned(), s.get_item(&format!("{KEY}:{l}")).ok()??)))
        .collect();
    Some((yaml, translations))
}

/// Keeps the editing for this tab (a refused storage keeps nothing: the page still works).
pub fn keep(yaml: &str, translations: &[(String, String)]) {
    let Some(s) = session() else { return };
    let _ = s.set_item(&format!("{KEY}:yaml"), yaml);
    let langs: Vec<&str> = translations.iter().map(|(l, _)| l.as_str()).collect();
    let _ = s.set_item(&format!("{KEY}:langs"), &langs.join(","));
    for (l, t) in translations {
        let _ = s.set_item(&format!("{KEY}:{l}"), t);
    }
}

/// Forgets the editing kept (back to the published files).
pub fn forget() {
    let Some(s) = session() else { return };
    for key in ["yaml", "langs"] {
        let _ = s.remove_item(&format!("{KEY}:{key}"));
    }
}
