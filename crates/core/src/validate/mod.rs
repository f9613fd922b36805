//! Raw questionnaire → validated model, collecting every problem on the way.
//! The questionnaire-level checks are here; each part has its own file.

mod metadata;
mod names;
mod questions;
mod rules;

use names::Names;

use crate::condition::{self, Condition, Scope, ScopeError};
use crate::diagnostic::{Draft, Path};
use crate::messages::{ids, Expected, Hint, Message, Thing};
use crate::model::*;
use crate::raw::*;
use crate::text::Text;
use std::collections::BTreeMap;

pub use crate::model::{FORMAT_VERSION, MAX_OPTIONS, MAX_POINTS};

/// What the condition parser sees of a question before the model is built.
struct QInfo {
    id: String,
    kind: RawKind,
    options: Vec<String>,
}

pub(crate) fn validate(raw: RawQuestionnaire) -> (Option<Questionnaire>, Vec<Draft>) {
    let mut v = Validator {
        out: Vec::new(),
        languages: Vec::new(),
    };
    let q = v.questionnaire(raw);
    (q, v.out)
}

struct Validator {
    out: Vec<Draft>,
    languages: Vec<String>,
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
        t
    }

    fn opt_text(&mut self, t: &Option<Text>, path: Path) -> Option<Text> {
        t.as_ref().map(|t| self.text(t, path))
    }

    fn questionnaire(&mut self, raw: RawQuestionnaire) -> Option<Questionnaire> {
        if raw.format != crate::validate::FORMAT_VERSION {
            self.push(
                Draft::error(
                    "unsupported-format",
                    Message::UnsupportedFormat { format: raw.format },
                )
                .at(root().key("format"))
                .expected(Expected::Format {
                    version: FORMAT_VERSION,
                })
                .hint(Hint::ReadsFormat {
                    version: FORMAT_VERSION,
                }),
            );
        }
        self.id(&raw.id, root().key("id"), Thing::Questionnaire);
        if raw.version.trim().is_empty() {
            self.push(
                Draft::error("empty-text", Message::EmptyVersion)
                    .at(root().key("version"))
                    .expected(Expected::VersionExample),
            );
        }
        if !(1..=5).contains(&raw.code_prefix.len())
            || !raw.code_prefix.chars().all(|c| c.is_ascii_uppercase())
        {
            self.push(
                Draft::error(
                    "invalid-code-prefix",
                    Message::InvalidCodePrefix {
                        prefix: raw.code_prefix.clone(),
                    },
                )
                .at(root().key("code-prefix"))
                .expected(Expected::CodePrefix)
                .hint(Hint::TownInitials),
            );
        }
        // Languages first: every text is checked against them.
        if raw.languages.is_empty() {
            self.push(
                Draft::error("no-language", Message::NoLanguage)
                    .at(root().key("languages"))
                    .expected(Expected::LanguageList),
            );
        }
        for (i, l) in raw.languages.iter().enumerate() {
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                self.push(
                    Draft::error(
                        "invalid-language",
                        Message::InvalidLanguage { code: l.clone() },
                    )
                    .at(root().at("languages", i))
                    .expected(Expected::LanguageCode),
                );
            }
        }
        self.unique(
            raw.languages
                .iter()
                .enumerate()
                .map(|(i, l)| (l.as_str(), root().at("languages", i))),
            Thing::Language,
        );
        self.languages = raw.languages.clone();

        let title = self.text(&raw.title, root().key("title"));
        let introduction = self.opt_text(&raw.introduction, root().key("introduction"));
        let organisation = self.organisation(&raw.organisation);

        // Dimensions and levels.
        for (i, d) in raw.dimensions.iter().enumerate() {
            self.id(
                &d.id,
                root().at("dimensions", i).key("id"),
                Thing::Dimension,
            );
        }
        self.unique(
            raw.dimensions
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), root().at("dimensions", i).key("id"))),
            Thing::Dimension,
        );
        if raw.dimensions.is_empty() {
            self.push(
                Draft::error("no-dimension", Message::NoDimension)
                    .at(root().key("dimensions"))
                    .expected(Expected::ADimension),
            );
        }
        let dimensions: Vec<Dimension> = raw
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| Dimension {
                id: d.id.clone(),
                label: self.text(&d.label, root().at("dimensions", i).key("label")),
                description: self.opt_text(
                    &d.description,
                    root().at("dimensions", i).key("description"),
                ),
            })
            .collect();
        let levels = self.levels(&raw.levels);

        // Parcours.
        for (i, p) in raw.parcours.iter().enumerate() {
            self.id(&p.id, root().at("parcours", i).key("id"), Thing::Parcours);
        }
        self.unique(
            raw.parcours
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), root().at("parcours", i).key("id"))),
            Thing::Parcours,
        );
        if raw.parcours.is_empty() {
            self.push(
                Draft::error("no-parcours", Message::NoParcours)
                    .at(root().key("parcours"))
                    .expected(Expected::AParcours),
            );
        }
        let parcours: Vec<Parcours> = raw
            .parcours
            .iter()
            .enumerate()
            .map(|(i, p)| self.parcours(p, root().at("parcours", i)))
            .collect();

        // Scales, then questions (flattened) with their options.
        let scales = self.scales(&raw.scales, &dimensions);
        let infos = self.question_infos(&raw, &scales);
        let mut sections = Vec::new();
        let mut questions = Vec::new();
        let mut qi = 0;
        for (si, s) in raw.sections.iter().enumerate() {
            let spath = root().at("sections", si);
            self.id(&s.id, spath.key("id"), Thing::Section);
            let first = qi;
            let show_if = s.show_if.as_ref().and_then(|src| {
                self.condition(
                    src,
                    spath.key("show-if"),
                    &Names {
                        infos: &infos,
                        before: first,
                        current: None,
                        dims: &dimensions,
                        levels: &levels,
                        scores: false,
                    },
                )
            });
            if s.questions.is_empty() {
                self.push(
                    Draft::error("empty-section", Message::EmptySection)
                        .at(spath.key("questions"))
                        .expected(Expected::AQuestion)
                        .hint(Hint::AddQuestionOrRemoveSection),
                );
            }
            for (k, rq) in s.questions.iter().enumerate() {
                let qpath = spath.at("questions", k);
                let q = self.question(rq, qpath, si, qi, &infos, &scales, &dimensions, &levels);
                questions.push(q);
                qi += 1;
            }
            sections.push(Section {
                id: s.id.clone(),
                title: self.text(&s.title, spath.key("title")),
                intro: self.opt_text(&s.intro, spath.key("intro")),
                show_if,
                questions: first..qi,
            });
        }
        self.unique(
            raw.sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), root().at("sections", i).key("id"))),
            Thing::Section,
        );
        self.unique(
            raw.sections.iter().enumerate().flat_map(|(i, s)| {
                s.questions.iter().enumerate().map(move |(k, q)| {
                    (
                        q.id.as_str(),
                        root().at("sections", i).at("questions", k).key("id"),
                    )
                })
            }),
            Thing::Question,
        );
        if questions.is_empty() {
            self.push(
                Draft::error("no-question", Message::NoQuestion)
                    .at(root().key("sections"))
                    .expected(Expected::ASection),
            );
        }

        // Every dimension must be scored by some option, or its level means nothing.
        // (Not said again when a misspelt dimension or scale already explains it.)
        let explained = self
            .out
            .iter()
            .any(|d| matches!(d.code, "unknown-dimension" | "unknown-scale"));
        for (d, dim) in dimensions.iter().enumerate().filter(|_| !explained) {
            let scored = questions.iter().any(|q| {
                q.options
                    .iter()
                    .any(|o| o.scores.iter().any(|(x, p)| *x == d && *p > 0))
            });
            if !scored && !questions.is_empty() {
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

        let rules = self.rules(&raw, &infos, &dimensions, &levels, &parcours);

        if self
            .out
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
        {
            return None;
        }
        Some(
            Questionnaire {
                id: raw.id,
                version: raw.version,
                code_prefix: raw.code_prefix,
                languages: raw.languages,
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
                warnings: Vec::new(),
                max_points: Vec::new(),
            }
            .with_max_points(),
        )
    }
}
