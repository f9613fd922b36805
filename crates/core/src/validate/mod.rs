//! Raw questionnaire → validated model, collecting every problem on the way.
//!
//! [`Validator::questionnaire`] runs the checks part by part, in document
//! order, each in its own function: the header and the organisation, the
//! dimensions, levels and parcours (`metadata.rs`), the scales, sections and
//! questions (`questions.rs`), the cross checks below, then the
//! recommendation rules (`rules.rs`). Every problem is kept (a [`Draft`]);
//! none stops the others.

mod metadata;
mod names;
mod questions;
mod reasoning;
mod rules;

use names::Names;

use crate::condition::{self, Condition, Scope, ScopeError};
use crate::diagnostic::{Draft, Path};
use crate::messages::{ids, Expected, Hint, Message, Thing};
use crate::model::*;
use crate::raw::*;
use crate::text::Text;
use crate::translate::{Pack, MAX_UNTRANSLATED_SHOWN};
use std::collections::BTreeMap;

pub use crate::model::{FORMAT_VERSION, MAX_OPTIONS, MAX_POINTS};

/// What the condition parser sees of a question before the model is built.
struct QInfo {
    id: String,
    kind: RawKind,
    options: Vec<String>,
}

/// Validated scale steps (each with its value), by scale id.
type Scales = BTreeMap<String, Vec<(AnswerOption, u32)>>;

/// What the questions may refer to: everything declared before them.
struct Declared<'a> {
    infos: &'a [QInfo],
    scales: &'a Scales,
    dims: &'a [Dimension],
    levels: &'a [Level],
}

impl<'a> Declared<'a> {
    /// The names a condition may use: questions before `before` (all for the
    /// rules), and scores only where `scores` (the rules, not `show-if`).
    fn names(&self, before: usize, current: Option<usize>, scores: bool) -> Names<'a> {
        Names {
            infos: self.infos,
            before,
            current,
            dims: self.dims,
            levels: self.levels,
            scores,
        }
    }
}

/// Validates `raw`, adding the texts of the translation files in `packs`
/// (given back with what was found in them).
pub(crate) fn validate(
    raw: RawQuestionnaire,
    packs: Vec<Pack>,
) -> (Option<Questionnaire>, Vec<Draft>, Vec<Pack>) {
    let mut v = Validator {
        out: Vec::new(),
        languages: Vec::new(),
        translations: Vec::new(),
        packs,
    };
    let q = v.questionnaire(raw);
    (q, v.out, v.packs)
}

struct Validator {
    out: Vec<Draft>,
    languages: Vec<String>,
    /// Languages declared in `translations`.
    translations: Vec<String>,
    /// Translation files being applied.
    packs: Vec<Pack>,
}

fn root() -> Path {
    Path::default()
}

pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id.len() <= 40
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
}

/// A valid id close to what was written, to suggest in a hint.
fn suggest_id(id: &str) -> String {
    let mut s = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (s.is_empty() || s.ends_with('-'))) {
            s.push(c);
        }
    }
    s.trim_end_matches('-').chars().take(40).collect()
}

/// Edit distance, to offer "did you mean" for misspelt references.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

/// "did you mean `x`?" when a known id is close to the `wrong` one.
pub(crate) fn did_you_mean<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<Hint> {
    // Bounded work on crafted input: long ids and huge lists get no suggestion.
    if wrong.len() > 60 {
        return None;
    }
    known
        .take(50)
        .filter(|k| k.len() <= 60)
        .map(|k| (distance(wrong, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| Hint::DidYouMean { id: k.to_owned() })
}

impl Validator {
    /// Keeps a problem.
    fn push(&mut self, d: Draft) {
        self.out.push(d);
    }

    fn has_error(&self) -> bool {
        self.out
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
    }

    /// Whether a problem with one of these codes was found already.
    fn found(&self, codes: &[&str]) -> bool {
        self.out.iter().any(|d| codes.contains(&d.code))
    }

    fn id(&mut self, id: &str, path: Path, what: Thing) {
        if !is_valid_id(id) {
            self.push(
                Draft::error(
                    "invalid-id",
                    Message::InvalidId {
                        id: id.to_owned(),
                        what,
                    },
                )
                .at(path)
                .expected(Expected::IdSyntax)
                .hint(Hint::WriteIdAs { id: suggest_id(id) }),
            );
        }
    }

    fn unique<'a>(&mut self, items: impl Iterator<Item = (&'a str, Path)>, what: Thing) {
        let mut seen: BTreeMap<&str, ()> = BTreeMap::new();
        for (id, path) in items {
            if seen.insert(id, ()).is_some() {
                self.push(
                    Draft::error(
                        "duplicate-id",
                        Message::DuplicateId {
                            id: id.to_owned(),
                            what,
                        },
                    )
                    .at(path)
                    .expected(Expected::DifferentId { what })
                    .hint(Hint::RenameOne),
                );
            }
        }
    }

    fn text(&mut self, t: &Text, path: Path) -> Text {
        let mut t = t.clone();
        if let Some(default) = self.languages.first() {
            t.resolve_default(default);
        }
        for lang in t.languages() {
            if !self.languages.iter().any(|l| l == lang) {
                let d = Draft::error(
                    "unknown-language",
                    Message::UndeclaredLanguage {
                        lang: lang.to_owned(),
                    },
                )
                .at(path.clone())
                .expected(Expected::OneOf(ids(self.languages.iter())))
                .hint(Hint::DeclareLanguage);
                self.push(d);
            }
        }
        for lang in &self.languages {
            match t.exact(lang) {
                None => {
                    let d = Draft::error(
                        "missing-translation",
                        Message::MissingTranslation { lang: lang.clone() },
                    )
                    .at(path.clone())
                    .expected(Expected::TextInEachLanguage(ids(self.languages.iter())))
                    .hint(Hint::WriteTextAs {
                        languages: self.languages.clone(),
                    });
                    self.out.push(d);
                }
                Some(s) if s.trim().is_empty() => {
                    let d = Draft::error("empty-text", Message::EmptyText { lang: lang.clone() })
                        .at(path.clone())
                        .expected(Expected::SomeWords);
                    self.out.push(d);
                }
                Some(_) => {}
            }
        }
        self.translate(&mut t, &path);
        t
    }

    /// Adds each translation file's text to `t`; says where one is missing.
    fn translate(&mut self, t: &mut Text, path: &Path) {
        let Some(default) = self.languages.first() else {
            return;
        };
        let Some(source) = t.exact(default).map(str::to_owned) else {
            return;
        };
        for pack in &mut self.packs {
            if !self.translations.contains(&pack.language) {
                continue;
            }
            match pack.translate(&source).map(|s| s.map(str::to_owned)) {
                Some(Some(s)) => {
                    t.push(&pack.language, &s);
                    continue;
                }
                // To review (`reviewed: false`): the default language's text, said once in the file.
                Some(None) => continue,
                None => {}
            }
            pack.untranslated += 1;
            if pack.untranslated <= MAX_UNTRANSLATED_SHOWN {
                self.out.push(
                    Draft::warning(
                        "untranslated-text",
                        Message::UntranslatedText {
                            lang: pack.language.clone(),
                        },
                    )
                    .at(path.clone())
                    .hint(Hint::AddTranslation {
                        default: default.clone(),
                        lang: pack.language.clone(),
                    }),
                );
            }
        }
    }

    fn opt_text(&mut self, t: &Option<Text>, path: Path) -> Option<Text> {
        t.as_ref().map(|t| self.text(t, path))
    }

    /// Every check, part by part in document order; the model if no error was found.
    fn questionnaire(&mut self, raw: RawQuestionnaire) -> Option<Questionnaire> {
        // The header first: every text is checked against its languages.
        self.header(&raw);
        let title = self.text(&raw.title, root().key("title"));
        let introduction = self.opt_text(&raw.introduction, root().key("introduction"));
        let organisation = self.organisation(&raw.organisation);
        let dimensions = self.dimensions(&raw.dimensions);
        let levels = self.levels(&raw.levels);
        let parcours = self.all_parcours(&raw.parcours);
        let scales = self.scales(&raw.scales, &dimensions);
        let infos = question_infos(&raw, &scales);
        let declared = Declared {
            infos: &infos,
            scales: &scales,
            dims: &dimensions,
            levels: &levels,
        };
        let (sections, questions) = self.sections(&raw.sections, &declared);
        self.unscored_dimensions(&dimensions, &questions);
        // Checks name questions: resolved once the questions are known, and
        // before the rules, which may test `miscalibrated(d)`.
        let dimensions = self.checks(&raw, dimensions, &questions);
        let coverage_threshold = self.coverage_threshold(raw.coverage_threshold);
        let declared = Declared {
            infos: &infos,
            scales: &scales,
            dims: &dimensions,
            levels: &levels,
        };
        let rules = self.rules(&raw.recommendation, &declared, &parcours);
        self.more_untranslated(&raw);

        if self.has_error() {
            return None;
        }
        Some(
            Questionnaire {
                id: raw.id,
                version: raw.version,
                code_prefix: raw.code_prefix,
                languages: raw.languages,
                translations: raw
                    .translations
                    .iter()
                    .map(|t| Translation {
                        language: t.language.clone(),
                        reviewed: t.reviewed,
                    })
                    .collect(),
                title,
                introduction,
                duration_minutes: raw.duration_minutes,
                organisation,
                dimensions,
                levels,
                parcours,
                sections,
                questions,
                rules,
                coverage_threshold,
                early_stop: raw.early_stop,
                warnings: Vec::new(),
                max_points: Vec::new(),
            }
            .with_max_points(),
        )
    }

    /// Every dimension must be scored by some option, or its level means
    /// nothing. (Not said again when a misspelt dimension or scale already
    /// explains it, nor when there is no question at all.)
    fn unscored_dimensions(&mut self, dimensions: &[Dimension], questions: &[Question]) {
        if questions.is_empty() || self.found(&["unknown-dimension", "unknown-scale"]) {
            return;
        }
        for (d, dim) in dimensions.iter().enumerate() {
            let scored = questions.iter().any(|q| {
                q.options
                    .iter()
                    .any(|o| o.scores.iter().any(|(x, p)| *x == d && *p > 0))
            });
            if !scored {
                self.push(
                    Draft::error(
                        "unscored-dimension",
                        Message::UnscoredDimension { id: dim.id.clone() },
                    )
                    .at(root().at("dimensions", d).key("id"))
                    .expected(Expected::OptionScoring {
                        dimension: dim.id.clone(),
                    })
                    .hint(Hint::ScoreSomeOptions),
                );
            }
        }
    }
}

/// What the condition parser needs of each question, in order, before they are validated.
fn question_infos(raw: &RawQuestionnaire, scales: &Scales) -> Vec<QInfo> {
    raw.sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .map(|q| QInfo {
            id: q.id.clone(),
            kind: q.kind,
            options: match (q.kind, &q.scale, &q.options) {
                (RawKind::Scale, Some(s), _) => scales
                    .get(s)
                    .map(|v| v.iter().map(|(o, _)| o.id.clone()).collect())
                    .unwrap_or_default(),
                (_, _, Some(opts)) => opts.iter().map(|o| o.id.clone()).collect(),
                _ => Vec::new(),
            },
        })
        .collect()
}
