//! The questionnaire exactly as written in YAML, before validation.
//!
//! These types mirror the file one to one (kebab-case keys, ids as strings,
//! conditions as source text) so that serde can read them; `validate` turns
//! them into the typed model once and reports everything wrong with them.

use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "Diagnostic numérique questionnaire",
        description = "See questionnaires/FORMAT.md"
    )
)]
pub(crate) struct RawQuestionnaire {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub code_prefix: String,
    pub languages: Vec<String>,
    /// Languages whose texts are in translation files (`<name>.<language>.yaml`).
    #[serde(default)]
    pub translations: Vec<RawTranslation>,
    pub title: Text,
    #[serde(default)]
    pub introduction: Option<Text>,
    #[serde(default)]
    pub duration_minutes: Option<u32>,
    pub organisation: RawOrganisation,
    pub dimensions: Vec<RawDimension>,
    pub levels: Vec<RawLevel>,
    #[serde(default)]
    pub scales: Vec<RawScale>,
    pub parcours: Vec<RawParcours>,
    pub sections: Vec<RawSection>,
    pub recommendation: Vec<RawRule>,
    /// Share (percent) of a dimension's points that must be answered for it to get a level.
    #[serde(default)]
    pub coverage_threshold: Option<u32>,
    /// Offer the result as soon as the remaining answers cannot change it.
    #[serde(default)]
    pub early_stop: bool,
}

/// A language declared in `translations`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawTranslation {
    /// Its code, e.g. `ar`.
    pub language: String,
    /// Whether a native speaker has read the translation over.
    #[serde(default)]
    pub reviewed: bool,
}

/// A translation file: each text of the questionnaire in its default language,
/// with its translation (`- { fr: "…", ar: "…" }`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawTranslationFile {
    /// The language it translates into.
    pub language: String,
    /// Pairs: the default language's text and the translation.
    pub texts: Vec<RawTranslationEntry>,
}

/// One entry of a translation file: the two texts, and `reviewed: false`
/// when the default language's text changed after the translation was
/// written (the author's workshop writes it; residents then read the
/// default language's text, never a stale translation).
#[derive(Debug)]
pub(crate) struct RawTranslationEntry {
    pub text: Text,
    pub reviewed: bool,
}

impl<'de> Deserialize<'de> for RawTranslationEntry {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = RawTranslationEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text and its translation, such as { fr: \"…\", ar: \"…\" }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, String)> = Vec::new();
                let mut reviewed = true;
                while let Some(key) = map.next_key::<String>()? {
                    if key == "reviewed" {
                        reviewed = map.next_value::<bool>()?;
                        continue;
                    }
                    if entries.iter().any(|(l, _)| *l == key) {
                        return Err(de::Error::custom(format_args!(
                            "the language `{key}` is given twice"
                        )));
                    }
                    let text = map.next_value::<String>()?;
                    entries.push((key, text));
                }
                Ok(RawTranslationEntry {
                    text: Text::from_entries(entries),
                    reviewed,
                })
            }
        }
        d.deserialize_map(EntryVisitor)
    }
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawOrganisation {
    pub name: Text,
    #[serde(default)]
    pub address: Option<Text>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub permanence: Option<RawPermanence>,
    #[serde(default)]
    pub logo: Option<String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawPermanence {
    pub place: Text,
    pub hours: Text,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawDimension {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// Knowledge questions that check this dimension's self-ratings.
    #[serde(default)]
    pub checks: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawLevel {
    pub id: String,
    #[serde(default)]
    pub below: Option<u32>,
    pub label: Text,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawScale {
    pub id: String,
    pub steps: Vec<RawOption>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawParcours {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    #[serde(default)]
    pub learn: Vec<Text>,
    /// One period (the short form of `periods` with one item).
    #[serde(default)]
    pub sessions: Option<RawSessions>,
    /// Every period published, e.g. this term's and the next one's.
    #[serde(default)]
    pub periods: Option<Vec<RawSessions>>,
    #[serde(default)]
    pub place: Option<Text>,
    #[serde(default)]
    pub register: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawSessions {
    pub from: String,
    pub to: String,
    #[serde(default)]
    pub schedule: Option<Text>,
    /// Where this period's sessions are held, when not at the parcours' place.
    #[serde(default)]
    pub place: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawSection {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub show_if: Option<String>,
    pub questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawQuestion {
    pub id: String,
    pub kind: RawKind,
    pub text: Text,
    #[serde(default)]
    pub help: Option<Text>,
    #[serde(default)]
    pub pictogram: Option<String>,
    #[serde(default)]
    pub show_if: Option<String>,
    #[serde(default)]
    pub options: Option<Vec<RawOption>>,
    /// Scale questions: which scale, and how much each step's value weighs per dimension.
    #[serde(default)]
    pub scale: Option<String>,
    #[serde(default)]
    pub scores: Option<BTreeMap<String, u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RawKind {
    Single,
    Multiple,
    YesNo,
    Scale,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawOption {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub scores: BTreeMap<String, u32>,
    #[serde(default)]
    pub value: Option<u32>,
    #[serde(default)]
    pub dont_know: bool,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub(crate) struct RawRule {
    #[serde(default)]
    pub when: Option<String>,
    #[serde(default)]
    pub otherwise: Option<bool>,
    pub parcours: String,
    pub because: Text,
    #[serde(default)]
    pub next: Option<String>,
}

/// The JSON Schema of the questionnaire format, pretty-printed, for YAML
/// editors (yaml-language-server) and `diag schema`.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(RawQuestionnaire);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
