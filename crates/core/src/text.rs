//! Texts shown to people, in each language the questionnaire declares.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Whether `code` is written as a language code: two or three lowercase
/// letters (`fr`, `ar`); the one rule for the questionnaire's `languages`
/// and `translations`, translation files' names, and a sheet's `/ar`.
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// A user-facing text: one translation per language code (`fr`, `en`, …).
///
/// In YAML it is either a plain string, which is in the questionnaire's default
/// language, or a mapping `{ fr: "…", en: "…" }`. The validator checks that every
/// declared language is present, so [`Text::get`] always finds something.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// `(language, text)` pairs in the order written; an empty language code
    /// stands for "the default language" (a plain string in YAML).
    entries: Vec<(String, String)>,
}

impl Text {
    /// A text in one language.
    pub fn new(lang: &str, text: &str) -> Self {
        Text {
            entries: vec![(lang.to_owned(), text.to_owned())],
        }
    }

    /// A text from `(language, text)` pairs (the compact form's reader).
    pub(crate) fn from_entries(entries: Vec<(String, String)>) -> Self {
        Text { entries }
    }

    /// The text in `lang`, else in the first language written.
    pub fn get(&self, lang: &str) -> &str {
        self.entries
            .iter()
            .find(|(l, _)| l == lang)
            .or_else(|| self.entries.first())
            .map_or("", |(_, t)| t.as_str())
    }

    /// The text in exactly `lang`, if it was written.
    pub fn exact(&self, lang: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(l, _)| l == lang)
            .map(|(_, t)| t.as_str())
    }

    /// Languages written, in order (empty string: the default language).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(l, _)| l.as_str())
    }

    /// All translations, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// Adds the translation in `lang` (from a translation file).
    #[cfg(feature = "yaml")]
    pub(crate) fn push(&mut self, lang: &str, text: &str) {
        self.entries.push((lang.to_owned(), text.to_owned()));
    }

    /// Keeps only the translations in `languages` (the compact form holds the
    /// inline languages; translation files' texts travel apart).
    pub(crate) fn only(&self, languages: &[String]) -> Text {
        Text {
            entries: self
                .entries
                .iter()
                .filter(|(l, _)| languages.contains(l))
                .cloned()
                .collect(),
        }
    }

    /// Rewrites the translation in `lang`, if there is one.
    pub fn map_lang(&mut self, lang: &str, f: impl Fn(&str) -> String) {
        for (l, t) in &mut self.entries {
            if l == lang {
                *t = f(t);
            }
        }
    }

    /// Gives the plain-string form the default language's code.
    #[cfg(feature = "yaml")]
    pub(crate) fn resolve_default(&mut self, default: &str) {
        for (l, _) in &mut self.entries {
            if l.is_empty() {
                default.clone_into(l);
            }
        }
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.entries.iter().map(|(l, t)| (l, t)))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or one text per language such as { fr: \"…\", en: \"…\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new("", v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut entries: Vec<(String, String)> = Vec::new();
                while let Some((lang, text)) = map.next_entry::<String, String>()? {
                    if entries.iter().any(|(l, _)| *l == lang) {
                        return Err(de::Error::custom(format_args!(
                            "the language `{lang}` is given twice"
                        )));
                    }
                    entries.push((lang, text));
                }
                Ok(Text { entries })
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in the default language, or one text per language: { fr: \"…\", en: \"…\" }",
            "oneOf": [
                { "type": "string" },
                { "type": "object", "additionalProperties": { "type": "string" }, "minProperties": 1 }
            ]
        })
    }
}
