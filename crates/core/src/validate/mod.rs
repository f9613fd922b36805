//! Raw questionnaire → validated model, collecting every problem on the way.
//! The questionnaire-level checks are here; each part has its own file.

mod metadata;
mod names;
mod questions;
mod reasoning;
mod rules;

use names::Names;

use crate::condition::{self, Condition, ConditionError, Scope, ScopeError};
use crate::diagnostic::{Path, Pending};
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

pub(crate) fn validate(raw: RawQuestionnaire) -> (Option<Questionnaire>, Vec<Pending>) {
    let mut v = Validator {
        out: Vec::new(),
        languages: Vec::new(),
    };
    let q = v.questionnaire(raw);
    (q, v.out)
}

struct Validator {
    out: Vec<Pending>,
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

pub(crate) fn did_you_mean<'a>(
    wrong: &str,
    known: impl Iterator<Item = &'a str>,
) -> Option<String> {
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
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

fn list(ids: impl Iterator<Item = impl AsRef<str>>) -> String {
    let v: Vec<String> = ids.map(|s| format!("`{}`", s.as_ref())).collect();
    if v.is_empty() {
        "(none declared)".into()
    } else {
        v.join(", ")
    }
}

impl Validator {
    /// Starts an error; it is recorded when the returned builder is dropped.
    fn error(&mut self, code: &'static str, path: Path, message: String) -> Emit<'_> {
        Emit {
            out: &mut self.out,
            pending: Some(Pending::error(code, path, message)),
        }
    }

    fn push(&mut self, p: Pending) {
        self.out.push(p);
    }

    fn id(&mut self, id: &str, path: Path, what: &str) {
        if !is_valid_id(id) {
            let p = Pending::error("invalid-id", path, format!("`{id}` is not a valid {what} id"))
                .expected("lowercase letters a-z, digits and `-`, without spaces or accents, at most 40 characters")
                .hint(format!("write it `{}`", suggest_id(id)));
            self.push(p);
        }
    }

    fn unique<'a>(&mut self, items: impl Iterator<Item = (&'a str, Path)>, what: &str) {
        let mut seen: BTreeMap<&str, ()> = BTreeMap::new();
        for (id, path) in items {
            if seen.insert(id, ()).is_some() {
                let p = Pending::error(
                    "duplicate-id",
                    path,
                    format!("the {what} id `{id}` is used twice"),
                )
                .expected(format!("a different id for each {what}"))
                .hint("rename one of them");
                self.push(p);
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
                let p = Pending::error(
                    "unknown-language",
                    path.clone(),
                    format!("`{lang}` is not one of the declared languages"),
                )
                .expected(format!("one of {}", list(self.languages.iter())))
                .hint("add it to `languages:` at the top, or remove this translation");
                self.push(p);
            }
        }
        for lang in &self.languages {
            match t.exact(lang) {
                None => {
                    let p = Pending::error(
                        "missing-translation",
                        path.clone(),
                        format!("this text has no `{lang}` translation"),
                    )
                    .expected(format!(
                        "a text in each declared language: {}",
                        list(self.languages.iter())
                    ))
                    .hint(format!(
                        "write it as {{ {}: \"…\" }}",
                        self.languages.join(": \"…\", ")
                    ));
                    self.out.push(p);
                }
                Some(s) if s.trim().is_empty() => {
                    let p = Pending::error(
                        "empty-text",
                        path.clone(),
                        format!("the `{lang}` text is empty"),
                    )
                    .expected("some words");
                    self.out.push(p);
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
            self.error(
                "unsupported-format",
                root().key("format"),
                format!("format {} is not supported", raw.format),
            )
            .expected(format!("format: {FORMAT_VERSION}"))
            .hint("this version of the tool reads format 1");
        }
        self.id(&raw.id, root().key("id"), "questionnaire");
        if raw.version.trim().is_empty() {
            self.error(
                "empty-text",
                root().key("version"),
                "the version is empty".into(),
            )
            .expected("a version such as \"2026.1\"");
        }
        if !(1..=5).contains(&raw.code_prefix.len())
            || !raw.code_prefix.chars().all(|c| c.is_ascii_uppercase())
        {
            self.error(
                "invalid-code-prefix",
                root().key("code-prefix"),
                format!("`{}` cannot start a result code", raw.code_prefix),
            )
            .expected("1 to 5 capital letters A-Z, such as VLG")
            .hint("use the initials of the town");
        }
        // Languages first: every text is checked against them.
        if raw.languages.is_empty() {
            self.error(
                "no-language",
                root().key("languages"),
                "no language is declared".into(),
            )
            .expected("a list such as [fr, en]; the first is the default");
        }
        for (i, l) in raw.languages.iter().enumerate() {
            if !(2..=3).contains(&l.len()) || !l.chars().all(|c| c.is_ascii_lowercase()) {
                self.error(
                    "invalid-language",
                    root().at("languages", i),
                    format!("`{l}` is not a language code"),
                )
                .expected("a two-letter code such as fr or en");
            }
        }
        self.unique(
            raw.languages
                .iter()
                .enumerate()
                .map(|(i, l)| (l.as_str(), root().at("languages", i))),
            "language",
        );
        self.languages = raw.languages.clone();

        let title = self.text(&raw.title, root().key("title"));
        let introduction = self.opt_text(&raw.introduction, root().key("introduction"));
        let organisation = self.organisation(&raw.organisation);

        // Dimensions and levels.
        for (i, d) in raw.dimensions.iter().enumerate() {
            self.id(&d.id, root().at("dimensions", i).key("id"), "dimension");
        }
        self.unique(
            raw.dimensions
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), root().at("dimensions", i).key("id"))),
            "dimension",
        );
        if raw.dimensions.is_empty() {
            self.error(
                "no-dimension",
                root().key("dimensions"),
                "no dimension is declared".into(),
            )
            .expected("at least one skill area, such as { id: bases, label: \"Bases\" }");
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
                checks: Vec::new(),
                self_ratings: Vec::new(),
            })
            .collect();
        let levels = self.levels(&raw.levels);

        // Parcours.
        for (i, p) in raw.parcours.iter().enumerate() {
            self.id(&p.id, root().at("parcours", i).key("id"), "parcours");
        }
        self.unique(
            raw.parcours
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), root().at("parcours", i).key("id"))),
            "parcours",
        );
        if raw.parcours.is_empty() {
            self.error(
                "no-parcours",
                root().key("parcours"),
                "no parcours is declared".into(),
            )
            .expected("at least one parcours to recommend");
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
            self.id(&s.id, spath.key("id"), "section");
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
                self.error(
                    "empty-section",
                    spath.key("questions"),
                    "this section has no question".into(),
                )
                .expected("at least one question")
                .hint("add a question or remove the section");
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
            "section",
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
            "question",
        );
        if questions.is_empty() {
            self.error(
                "no-question",
                root().key("sections"),
                "the questionnaire has no question".into(),
            )
            .expected("at least one section with questions");
        }

        // Every dimension must be scored by some option, or its level means nothing.
        // (Not said again when a misspelt dimension or scale already explains it.)
        let explained = self
            .out
            .iter()
            .any(|p| matches!(p.diagnostic.code, "unknown-dimension" | "unknown-scale"));
        for (d, dim) in dimensions.iter().enumerate().filter(|_| !explained) {
            let scored = questions.iter().any(|q| {
                q.options
                    .iter()
                    .any(|o| o.scores.iter().any(|(x, p)| *x == d && *p > 0))
            });
            if !scored && !questions.is_empty() {
                self.error(
                    "unscored-dimension",
                    root().at("dimensions", d).key("id"),
                    format!("no answer gives points to the dimension `{}`", dim.id),
                )
                .expected("at least one option with `scores: { ".to_owned() + &dim.id + ": … }`")
                .hint("add scores to some options, or remove the dimension");
            }
        }

        let dimensions = self.checks(&raw, dimensions, &questions);
        let coverage_threshold = self.coverage_threshold(raw.coverage_threshold);
        let rules = self.rules(&raw, &infos, &dimensions, &levels, &parcours);

        if self
            .out
            .iter()
            .any(|p| p.diagnostic.severity == crate::Severity::Error)
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
                coverage_threshold,
                early_stop: raw.early_stop,
                warnings: Vec::new(),
                max_points: Vec::new(),
            }
            .with_max_points(),
        )
    }
}

/// An error being described; pushed to the list when dropped, so that
/// `self.error(…).expected(…).hint(…);` reads as one statement.
struct Emit<'a> {
    out: &'a mut Vec<Pending>,
    pending: Option<Pending>,
}

impl Emit<'_> {
    fn expected(mut self, e: impl Into<String>) -> Self {
        self.pending = self.pending.take().map(|p| p.expected(e));
        self
    }
    fn hint(mut self, h: impl Into<String>) -> Self {
        self.pending = self.pending.take().map(|p| p.hint(h));
        self
    }
}

impl Drop for Emit<'_> {
    fn drop(&mut self) {
        if let Some(p) = self.pending.take() {
            self.out.push(p);
        }
    }
}
