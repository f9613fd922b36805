//! The questionnaire and its translation files checked as `diag check`
//! checks them, with today's date: every diagnostic, each in its own file.

use diag_core::{Date, Diagnostic, Questionnaire, Severity};
use diag_ui::i18n::Lang;
use diag_ui::questionnaire::Shared;

/// One file's problems: its name, its text (to quote lines) and the diagnostics.
#[derive(Clone, PartialEq)]
pub struct FileReport {
    pub name: String,
    pub source: String,
    /// In English, as `diag check` prints them by default.
    pub diagnostics: Vec<Diagnostic>,
}

/// What checking gives.
#[derive(Clone, PartialEq)]
pub struct Checked {
    /// `questionnaire.yaml` first, then each translation file.
    pub files: Vec<FileReport>,
    /// The questionnaire, when it has no error.
    pub questionnaire: Option<Shared>,
    pub errors: usize,
    pub warnings: usize,
}

impl Checked {
    /// How many diagnostics of this code, in every file.
    pub fn count(&self, code: &str) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.code == code)
            .count()
    }

    /// Every diagnostic of every file in `lang` (for the summary), with its file.
    pub fn in_language(&self, lang: Lang) -> Vec<(String, Diagnostic)> {
        self.files
            .iter()
            .flat_map(|f| {
                f.diagnostics
                    .iter()
                    .map(|d| (f.name.clone(), d.in_language(lang.code())))
            })
            .collect()
    }
}

/// Checks `source` with its translation files on `today`. Notes (a
/// translation not yet reviewed by a native speaker) are `diag check`'s
/// business, not an author's to fix: left out.
pub fn check(source: &str, translations: &[(String, String)], today: Date) -> Checked {
    // As `diag check` finds them: the translation files of the languages the
    // text declares (another questionnaire pasted in has others, or none).
    let declared = diag_workshop::read(source)
        .map(|d| d.translations)
        .unwrap_or_default();
    let translations: Vec<&(String, String)> = translations
        .iter()
        .filter(|(l, _)| declared.contains(l))
        .collect();
    let texts: Vec<&str> = translations.iter().map(|(_, t)| t.as_str()).collect();
    let (q, in_files) = Questionnaire::from_yaml_translated(source, &texts);
    let (main, questionnaire) = match q {
        Ok(q) => (q.warnings_on(source, today), Some(Shared::new(q))),
        Err(e) => (e.diagnostics, None),
    };
    let keep = |d: Vec<Diagnostic>| -> Vec<Diagnostic> {
        d.into_iter()
            .filter(|d| d.severity != Severity::Note)
            .collect()
    };
    let mut files = vec![FileReport {
        name: "questionnaire.yaml".into(),
        source: source.to_owned(),
        diagnostics: keep(main),
    }];
    for ((lang, text), found) in translations.into_iter().zip(in_files) {
        files.push(FileReport {
            name: format!("questionnaire.{lang}.yaml"),
            source: text.clone(),
            diagnostics: keep(found),
        });
    }
    let count = |s: Severity| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == s)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    Checked {
        files,
        questionnaire,
        errors,
        warnings,
    }
}
