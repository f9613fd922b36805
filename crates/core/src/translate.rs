//! Translation files: a language's texts kept beside the questionnaire
//! (`villeneuve-la-garenne.ar.yaml`), so that the resident's page fetches them
//! only when that language is chosen.
//!
//! A translation file pairs each text in the questionnaire's default language
//! with its translation:
//!
//! ```yaml
//! language: ar
//! texts:
//!   - fr: "Quel parcours numérique pour moi ?"
//!     ar: "أي مسار رقمي يناسبني؟"
//! ```
//!
//! Keyed by the default language's text, as gettext is: a translation never
//! silently describes an older text. When the French changes, the validator
//! says which text has no translation (at its line in the questionnaire) and
//! which translation no longer serves (at its line in the translation file).

use crate::diagnostic::{Draft, Path};
use crate::messages::{Hint, Message};
use crate::raw::{RawQuestionnaire, RawTranslationFile};
use std::collections::HashMap;

/// Texts reported one by one per language; the rest are counted in one warning.
pub(crate) const MAX_UNTRANSLATED_SHOWN: usize = 10;

/// A translation file, read and ready to apply while the questionnaire is validated.
pub(crate) struct Pack {
    /// The language it translates into.
    pub language: String,
    /// Default language's text → index in `texts`.
    index: HashMap<String, usize>,
    /// The translations, in the file's order.
    texts: Vec<String>,
    /// Whether each entry translated some text of the questionnaire.
    used: Vec<bool>,
    /// Each entry's place in the file's list, to locate an unused one.
    at: Vec<usize>,
    /// Whether each entry's translation matches its text (`reviewed: false`
    /// after the text changed: the default language's text is used).
    reviewed: Vec<bool>,
    /// Texts of the questionnaire with no translation here.
    pub untranslated: usize,
    /// Problems in the file itself, located in it at the end.
    pub drafts: Vec<Draft>,
    /// Which of the given translation files it is.
    pub file: usize,
}

impl Pack {
    /// Reads the pairs of a translation file for `questionnaire`, whose
    /// default language is `default`, given as the `file`-th; an error if it
    /// does not declare the file's language.
    pub fn new_checked(
        raw: &RawTranslationFile,
        default: &str,
        questionnaire: &RawQuestionnaire,
        file: usize,
    ) -> Pack {
        let mut pack = Pack::new(raw, default);
        pack.file = file;
        if !questionnaire
            .translations
            .iter()
            .any(|t| t.language == raw.language)
        {
            pack.drafts.push(
                Draft::error(
                    "undeclared-translation",
                    Message::UndeclaredTranslation {
                        lang: raw.language.clone(),
                    },
                )
                .at(Path::default().key("language"))
                .hint(Hint::DeclareTranslation {
                    lang: raw.language.clone(),
                }),
            );
        }
        pack
    }

    /// Reads the pairs of a translation file whose default language is `default`.
    fn new(raw: &RawTranslationFile, default: &str) -> Pack {
        let mut pack = Pack {
            language: raw.language.clone(),
            index: HashMap::new(),
            texts: Vec::new(),
            used: Vec::new(),
            at: Vec::new(),
            reviewed: Vec::new(),
            untranslated: 0,
            drafts: Vec::new(),
            file: 0,
        };
        for (i, entry) in raw.texts.iter().enumerate() {
            let t = &entry.text;
            let at = Path::default().at("texts", i);
            let pair = (t.exact(default), t.exact(&raw.language));
            let (Some(from), Some(to), 2) = (pair.0, pair.1, t.languages().count()) else {
                pack.drafts.push(
                    Draft::error(
                        "translation-pair",
                        Message::TranslationPair {
                            default: default.to_owned(),
                            lang: raw.language.clone(),
                        },
                    )
                    .at(at),
                );
                continue;
            };
            if to.trim().is_empty() {
                pack.drafts.push(
                    Draft::error(
                        "empty-text",
                        Message::EmptyText {
                            lang: raw.language.clone(),
                        },
                    )
                    .at(at),
                );
                continue;
            }
            if pack.index.contains_key(from) {
                pack.drafts.push(
                    Draft::warning("translation-twice", Message::TranslationTwice)
                        .at(at)
                        .hint(Hint::RemoveOneTranslation),
                );
                continue;
            }
            pack.index.insert(from.to_owned(), pack.texts.len());
            pack.texts.push(to.to_owned());
            pack.used.push(false);
            pack.at.push(i);
            pack.reviewed.push(entry.reviewed);
            if !entry.reviewed {
                pack.drafts.push(
                    Draft::warning(
                        "translation-to-review",
                        Message::TranslationToReview {
                            lang: raw.language.clone(),
                        },
                    )
                    .at(Path::default().at("texts", i).key("reviewed"))
                    .hint(Hint::ReviewTranslation),
                );
            }
        }
        pack
    }

    /// The translation of `text` (in the default language), marking it used;
    /// `Some(None)` when the entry is to be reviewed (the text then stays in
    /// the default language, and is not counted as untranslated).
    pub fn translate(&mut self, text: &str) -> Option<Option<&str>> {
        let i = *self.index.get(text)?;
        if let Some(u) = self.used.get_mut(i) {
            *u = true;
        }
        if !self.reviewed.get(i).copied().unwrap_or(true) {
            return Some(None);
        }
        self.texts.get(i).map(|t| Some(t.as_str()))
    }

    /// A warning for every entry that translated nothing, at its place in
    /// the file (`default`: the questionnaire's default language, for the hint).
    pub fn unused(&mut self, default: &str) {
        for (used, at) in self.used.iter().zip(&self.at) {
            if !used {
                self.drafts.push(
                    Draft::warning(
                        "unused-translation",
                        Message::UnusedTranslation {
                            lang: self.language.clone(),
                        },
                    )
                    .at(Path::default().at("texts", *at))
                    .hint(Hint::CopyTextAgain {
                        default: default.to_owned(),
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{CompactError, Questionnaire, Severity};

    const YAML: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");
    const FILES: [&str; 3] = [
        include_str!("../../../questionnaires/villeneuve-la-garenne.ar.yaml"),
        include_str!("../../../questionnaires/villeneuve-la-garenne.pt.yaml"),
        include_str!("../../../questionnaires/villeneuve-la-garenne.tr.yaml"),
    ];

    fn bundled() -> Questionnaire {
        let (q, files) = Questionnaire::from_yaml_translated(YAML, &FILES);
        assert!(files.iter().all(Vec::is_empty), "{files:#?}");
        q.expect("the bundled questionnaire loads")
    }

    #[test]
    fn the_bundled_translations_cover_every_text_and_are_noted_as_not_reviewed() {
        let q = bundled();
        let codes: Vec<_> = q.warnings.iter().map(|d| (d.severity, d.code)).collect();
        assert_eq!(codes, vec![(Severity::Note, "translation-not-reviewed"); 3]);
        for lang in ["ar", "pt", "tr"] {
            assert!(q.title.exact(lang).is_some_and(|t| !t.is_empty()), "{lang}");
            for question in &q.questions {
                assert!(
                    question.text.exact(lang).is_some(),
                    "{lang} {}",
                    question.id
                );
                for o in &question.options {
                    assert!(o.text.exact(lang).is_some(), "{lang} {}", question.id);
                }
            }
            for r in &q.rules {
                assert!(r.because.exact(lang).is_some(), "{lang}");
            }
        }
    }

    #[test]
    fn a_translation_to_review_is_never_shown_and_is_said_in_its_file() {
        // The workshop changed the permanence's hours: the Arabic entry now
        // pairs the new French with the old Arabic, marked `reviewed: false`.
        let old = "Le mercredi de 14 h à 17 h, sans rendez-vous";
        let new = "Le jeudi de 10 h à 12 h, sans rendez-vous";
        let yaml = YAML.replace(old, new);
        let ar = FILES[0].replacen(
            &format!("  - fr: \"{old}\"\n"),
            &format!("  - fr: \"{new}\"\n    reviewed: false\n"),
            1,
        );
        assert_ne!(ar, FILES[0]);
        let (q, files) = Questionnaire::from_yaml_translated(&yaml, &[&ar, FILES[1], FILES[2]]);
        let q = q.expect("loads");
        let hours = q
            .organisation
            .permanence
            .as_ref()
            .map(|p| &p.hours)
            .expect("hours");
        // The Arabic reader gets the French, not the translation of the old hours.
        assert_eq!(hours.get("ar"), new);
        assert_eq!(hours.exact("ar"), None);
        // Not counted as untranslated in Arabic (Portuguese and Turkish, not
        // marked, are): said once, in the translation file, at the entry.
        let untranslated: Vec<_> = q
            .warnings
            .iter()
            .filter(|d| d.code == "untranslated-text")
            .map(|d| d.message.contains("`ar`"))
            .collect();
        assert_eq!(untranslated, vec![false, false], "{:#?}", q.warnings);
        let said: Vec<_> = files[0].iter().map(|d| (d.code, d.line)).collect();
        let line = ar
            .lines()
            .position(|l| l.contains("reviewed: false"))
            .unwrap()
            + 1;
        assert_eq!(said, vec![("translation-to-review", line)]);
        // And the pack for Arabic readers holds the French too.
        let pack = q.language_pack(&yaml, "ar");
        let read = Questionnaire::from_compact_with(&q.to_compact(&yaml), Some(&pack)).unwrap();
        let hours = read
            .organisation
            .permanence
            .as_ref()
            .map(|p| &p.hours)
            .unwrap();
        assert_eq!(hours.get("ar"), new);
    }

    #[test]
    fn a_language_pack_travels_apart_and_gives_back_every_text() {
        let q = bundled();
        let compact = q.to_compact(YAML);
        let plain = Questionnaire::from_compact(&compact).expect("compact");
        assert_eq!(
            plain.title.exact("ar"),
            None,
            "the compact form holds inline languages only"
        );
        assert_eq!(plain.translations.len(), 3);
        for lang in ["ar", "pt", "tr"] {
            let pack = q.language_pack(YAML, lang);
            let read = Questionnaire::from_compact_with(&compact, Some(&pack)).expect("pack");
            assert_eq!(read.title.exact(lang), q.title.exact(lang));
            assert_eq!(
                read.rules.last().map(|r| r.because.get(lang)),
                q.rules.last().map(|r| r.because.get(lang))
            );
            // The same texts in the same order: the pack made again is identical.
            assert_eq!(read.language_pack(YAML, lang), pack, "{lang}");
            assert_eq!(read.title.exact("fr"), q.title.exact("fr"));
        }
    }

    #[test]
    fn a_pack_for_another_questionnaire_or_damaged_is_refused_without_panic() {
        let q = bundled();
        let compact = q.to_compact(YAML);
        let edited = format!("{YAML}\n# edited\n");
        let other = q.language_pack(&edited, "ar");
        assert_eq!(
            Questionnaire::from_compact_with(&compact, Some(&other)).err(),
            Some(CompactError::OtherQuestionnaire)
        );
        let pack = q.language_pack(YAML, "ar");
        for n in 0..pack.len() {
            let cut = pack.get(..n).unwrap_or_default();
            assert!(
                Questionnaire::from_compact_with(&compact, Some(cut)).is_err(),
                "cut at {n}"
            );
        }
        assert!(Questionnaire::from_compact_with(&compact, Some(&compact)).is_err());
    }

    #[test]
    fn missing_unused_and_undeclared_translations_are_located_in_their_own_files() {
        let ar = "language: ar\ntexts:\n  - fr: \"Quel parcours numérique pour moi ?\"\n    ar: \"أي مسار رقمي يناسبني؟\"\n  - fr: \"Un texte qui n'existe plus\"\n    ar: \"نص\"\n";
        let de = "language: de\ntexts: []\n";
        let (q, files) = Questionnaire::from_yaml_translated(YAML, &[ar, de]);
        let q = q.expect("loads: missing translations are warnings");
        assert_eq!(q.title.exact("ar"), Some("أي مسار رقمي يناسبني؟"));
        let untranslated: Vec<_> = q
            .warnings
            .iter()
            .filter(|d| d.code == "untranslated-text")
            .collect();
        // Ten shown one by one, at their line in the questionnaire, then one count.
        assert_eq!(untranslated.len(), super::MAX_UNTRANSLATED_SHOWN + 1);
        let first = untranslated
            .iter()
            .find(|d| !d.message.contains("more"))
            .expect("one");
        assert_eq!(first.path, "introduction");
        assert!(YAML
            .lines()
            .nth(first.line - 2)
            .is_some_and(|l| l.starts_with("introduction:")));
        assert!(untranslated
            .iter()
            .any(|d| d.message.contains("more texts have no `ar`")));
        let in_ar: Vec<_> = files[0].iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(in_ar, vec![("unused-translation", 5)]);
        let in_de: Vec<_> = files[1]
            .iter()
            .map(|d| (d.severity, d.code, d.line))
            .collect();
        assert_eq!(in_de, vec![(Severity::Error, "undeclared-translation", 1)]);
    }
}
