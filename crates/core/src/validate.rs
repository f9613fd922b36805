//! Raw questionnaire → validated model, collecting every problem on the way.

use crate::condition::{self, Condition, ConditionError, Scope, ScopeError};
use crate::diagnostic::{Path, Pending};
use crate::model::*;
use crate::raw::*;
use crate::text::Text;
use std::collections::BTreeMap;

/// The only format version this build reads.
pub const FORMAT_VERSION: u32 = 1;
/// Most options a question may have (answers are kept as bit sets).
pub const MAX_OPTIONS: usize = 32;
/// Highest points an option may give to one dimension.
pub const MAX_POINTS: u32 = 100;

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
        .take(100)
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
                warnings: Vec::new(),
                max_points: Vec::new(),
            }
            .with_max_points(),
        )
    }

    fn organisation(&mut self, o: &RawOrganisation) -> Organisation {
        let p = root().key("organisation");
        if let Some(phone) = &o.phone {
            if !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
                || !phone.chars().any(|c| c.is_ascii_digit())
            {
                self.error(
                    "invalid-phone",
                    p.key("phone"),
                    format!("`{phone}` is not a phone number"),
                )
                .expected("digits, spaces and +, such as \"01 40 85 57 00\"");
            }
        }
        if let Some(email) = &o.email {
            if !email.contains('@') || email.contains(char::is_whitespace) || email.contains(':') {
                self.error(
                    "invalid-email",
                    p.key("email"),
                    format!("`{email}` is not an e-mail address"),
                )
                .expected("an address such as contact@mairie.fr");
            }
        }
        if let Some(site) = &o.website {
            if !site.starts_with("https://") && !site.starts_with("http://") {
                self.error(
                    "invalid-website",
                    p.key("website"),
                    format!("`{site}` is not a web address"),
                )
                .expected("an address starting with https://");
            }
        }
        Organisation {
            name: self.text(&o.name, p.key("name")),
            address: self.opt_text(&o.address, p.key("address")),
            phone: o.phone.clone(),
            email: o.email.clone(),
            website: o.website.clone(),
            permanence: o.permanence.as_ref().map(|pm| Permanence {
                place: self.text(&pm.place, p.key("permanence").key("place")),
                hours: self.text(&pm.hours, p.key("permanence").key("hours")),
            }),
        }
    }

    fn levels(&mut self, raw: &[RawLevel]) -> Vec<Level> {
        if raw.is_empty() {
            self.error(
                "no-level",
                root().key("levels"),
                "no level is declared".into(),
            )
            .expected("bands such as { id: debutant, below: 40 } … and a last one without `below`");
        }
        for (i, l) in raw.iter().enumerate() {
            self.id(&l.id, root().at("levels", i).key("id"), "level");
        }
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, l)| (l.id.as_str(), root().at("levels", i).key("id"))),
            "level",
        );
        let mut previous = 0;
        let last = raw.len().saturating_sub(1);
        for (i, l) in raw.iter().enumerate() {
            let path = root().at("levels", i);
            match l.below {
                Some(b) if b > 100 => {
                    self.error(
                        "level-bands",
                        path.key("below"),
                        format!("`below: {b}` is more than 100 %"),
                    )
                    .expected("a percentage from 1 to 100");
                }
                Some(b) if b <= previous => {
                    self.error("level-bands", path.key("below"), format!("this band overlaps the one before: `below: {b}` is not above {previous}"))
                        .expected(format!("a percentage above {previous}"))
                        .hint("list the levels from the lowest to the highest");
                }
                Some(b) if i == last => {
                    self.error(
                        "level-bands",
                        path.key("below"),
                        format!("percentages from {b} to 100 have no level"),
                    )
                    .expected("a last level without `below`, which takes everything above")
                    .hint("remove `below` from the last level");
                }
                Some(b) => previous = b,
                None if i != last => {
                    self.error(
                        "level-bands",
                        path.key("id"),
                        format!(
                            "only the last level may leave out `below`, but `{}` is not last",
                            l.id
                        ),
                    )
                    .expected("`below: N` with N above ".to_owned() + &previous.to_string());
                }
                None => {}
            }
        }
        raw.iter()
            .enumerate()
            .map(|(i, l)| Level {
                id: l.id.clone(),
                label: self.text(&l.label, root().at("levels", i).key("label")),
                below: l.below,
            })
            .collect()
    }

    fn parcours(&mut self, p: &RawParcours, path: Path) -> Parcours {
        let sessions = p.sessions.as_ref().map(|s| {
            let sp = path.key("sessions");
            let from = Date::parse(&s.from);
            let to = Date::parse(&s.to);
            for (d, raw, key) in [(from, &s.from, "from"), (to, &s.to, "to")] {
                if d.is_none() {
                    self.error(
                        "invalid-date",
                        sp.key(key),
                        format!("`{raw}` is not a date"),
                    )
                    .expected("a date written YYYY-MM-DD, such as 2026-09-12");
                }
            }
            if let (Some(f), Some(t)) = (from, to) {
                if t < f {
                    self.error(
                        "invalid-date",
                        sp.key("to"),
                        format!("the sessions end ({t}) before they start ({f})"),
                    )
                    .expected(format!("a date on or after {f}"));
                }
            }
            let fallback = Date {
                year: 2000,
                month: 1,
                day: 1,
            };
            Sessions {
                from: from.unwrap_or(fallback),
                to: to.unwrap_or(fallback),
                schedule: self.opt_text(&s.schedule, sp.key("schedule")),
            }
        });
        Parcours {
            id: p.id.clone(),
            title: self.text(&p.title, path.key("title")),
            summary: self.text(&p.summary, path.key("summary")),
            learn: p
                .learn
                .iter()
                .enumerate()
                .map(|(i, t)| self.text(t, path.at("learn", i)))
                .collect(),
            sessions,
            place: self.opt_text(&p.place, path.key("place")),
            register: self.opt_text(&p.register, path.key("register")),
        }
    }

    /// Validated scale steps, by scale id.
    fn scales(
        &mut self,
        raw: &[RawScale],
        dims: &[Dimension],
    ) -> BTreeMap<String, Vec<(AnswerOption, u32)>> {
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), root().at("scales", i).key("id"))),
            "scale",
        );
        let mut out = BTreeMap::new();
        for (i, s) in raw.iter().enumerate() {
            let path = root().at("scales", i);
            self.id(&s.id, path.key("id"), "scale");
            let steps = s.steps.iter().filter(|o| !o.dont_know).count();
            if steps < 2 {
                self.error(
                    "too-few-options",
                    path.key("steps"),
                    format!("the scale `{}` has {steps} step(s)", s.id),
                )
                .expected("at least two steps, from the weakest to the strongest");
            }
            let mut v = Vec::new();
            for (k, o) in s.steps.iter().enumerate() {
                let op = path.at("steps", k);
                if !o.scores.is_empty() {
                    self.error(
                        "misplaced-key",
                        op.key("scores"),
                        "a scale step has a `value`, not `scores`".into(),
                    )
                    .expected("`value: N`; each question says which dimensions the scale scores")
                    .hint("move the scores to the questions as `scores: { dimension: weight }`");
                }
                let value = match (o.value, o.dont_know) {
                    (Some(_), true) => {
                        self.error(
                            "dont-know-scored",
                            op.key("value"),
                            "a \"Je ne sais pas\" step scores nothing and takes no `value`".into(),
                        )
                        .expected("no `value` on a step with `dont-know: true`");
                        0
                    }
                    (None, false) => {
                        self.error(
                            "missing-value",
                            op.key("id"),
                            format!("the step `{}` has no `value`", o.id),
                        )
                        .expected("`value: N`, the points of this step (0 for the weakest)");
                        0
                    }
                    (Some(x), false) if x > MAX_POINTS => {
                        self.error(
                            "score-too-large",
                            op.key("value"),
                            format!("{x} is more than {MAX_POINTS}"),
                        )
                        .expected(format!("a whole number from 0 to {MAX_POINTS}"));
                        0
                    }
                    (v, _) => v.unwrap_or(0),
                };
                let option = self.option(o, op, dims, &RawKind::Scale);
                v.push((option, value));
            }
            self.option_checks(&s.steps, path.key("steps"));
            out.insert(s.id.clone(), v);
        }
        out
    }

    fn option_checks(&mut self, options: &[RawOption], path: Path) {
        for (k, o) in options.iter().enumerate() {
            self.id(&o.id, path.index(k).key("id"), "option");
        }
        self.unique(
            options
                .iter()
                .enumerate()
                .map(|(k, o)| (o.id.as_str(), path.index(k).key("id"))),
            "option",
        );
        if options.len() > MAX_OPTIONS {
            self.error(
                "too-many-options",
                path.clone(),
                format!("{} options is too many", options.len()),
            )
            .expected(format!("at most {MAX_OPTIONS} options"));
        }
        let dont_know: Vec<usize> = options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.dont_know)
            .map(|(k, _)| k)
            .collect();
        if let Some(second) = dont_know.get(1) {
            self.error(
                "dont-know-twice",
                path.index(*second).key("dont-know"),
                "there are two \"Je ne sais pas\" answers".into(),
            )
            .expected("at most one option with `dont-know: true`");
        }
    }

    fn option(
        &mut self,
        o: &RawOption,
        path: Path,
        dims: &[Dimension],
        kind: &RawKind,
    ) -> AnswerOption {
        if o.dont_know && o.scores.values().any(|p| *p > 0) {
            self.error(
                "dont-know-scored",
                path.key("scores"),
                "a \"Je ne sais pas\" answer cannot give points".into(),
            )
            .expected("no `scores` on an option with `dont-know: true`")
            .hint("\"Je ne sais pas\" scores nothing and is counted on its own");
        }
        if o.value.is_some() && *kind != RawKind::Scale {
            self.error(
                "misplaced-key",
                path.key("value"),
                "`value` belongs to the steps of a scale".into(),
            )
            .expected("`scores: { dimension: points }` on a question's options");
        }
        AnswerOption {
            id: o.id.clone(),
            text: self.text(&o.text, path.key("text")),
            scores: self.scores(&o.scores, path.key("scores"), dims),
            dont_know: o.dont_know,
        }
    }

    fn scores(
        &mut self,
        scores: &BTreeMap<String, u32>,
        path: Path,
        dims: &[Dimension],
    ) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for (d, p) in scores {
            match dims.iter().position(|x| x.id == *d) {
                Some(i) => out.push((i, *p)),
                None => {
                    let hint = did_you_mean(d, dims.iter().map(|x| x.id.as_str()))
                        .unwrap_or_else(|| "declare it under `dimensions:`".into());
                    self.error(
                        "unknown-dimension",
                        path.clone(),
                        format!("there is no dimension `{d}`"),
                    )
                    .expected(format!("one of {}", list(dims.iter().map(|x| &x.id))))
                    .hint(hint);
                }
            }
            if *p > MAX_POINTS {
                self.error(
                    "score-too-large",
                    path.clone(),
                    format!("{p} points is more than {MAX_POINTS}"),
                )
                .expected(format!("a whole number from 0 to {MAX_POINTS}"));
            }
        }
        out
    }

    fn question_infos(
        &self,
        raw: &RawQuestionnaire,
        scales: &BTreeMap<String, Vec<(AnswerOption, u32)>>,
    ) -> Vec<QInfo> {
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

    #[allow(clippy::too_many_arguments)]
    fn question(
        &mut self,
        q: &RawQuestion,
        path: Path,
        section: usize,
        index: usize,
        infos: &[QInfo],
        scales: &BTreeMap<String, Vec<(AnswerOption, u32)>>,
        dims: &[Dimension],
        levels: &[Level],
    ) -> Question {
        self.id(&q.id, path.key("id"), "question");
        let show_if = q.show_if.as_ref().and_then(|src| {
            self.condition(
                src,
                path.key("show-if"),
                &Names {
                    infos,
                    before: index,
                    current: Some(index),
                    dims,
                    levels,
                    scores: false,
                },
            )
        });
        if let Some(p) = &q.pictogram {
            self.id(p, path.key("pictogram"), "pictogram");
        }
        let options = match q.kind {
            RawKind::Scale => {
                if q.options.is_some() {
                    self.error(
                        "misplaced-key",
                        path.key("options"),
                        "a scale question takes its answers from its scale".into(),
                    )
                    .expected("`scale: <scale id>` and no `options`")
                    .hint("use `kind: single` to write the options out");
                }
                let weights = q.scores.clone().unwrap_or_default();
                let weights = self.scores(&weights, path.key("scores"), dims);
                match q.scale.as_ref().map(|s| (s, scales.get(s))) {
                    None => {
                        self.error(
                            "missing-scale",
                            path.key("kind"),
                            "a scale question needs `scale:`".into(),
                        )
                        .expected(format!("`scale:` with one of {}", list(scales.keys())));
                        Vec::new()
                    }
                    Some((s, None)) => {
                        let hint = did_you_mean(s, scales.keys().map(String::as_str))
                            .unwrap_or_else(|| "declare it under `scales:`".into());
                        self.error(
                            "unknown-scale",
                            path.key("scale"),
                            format!("there is no scale `{s}`"),
                        )
                        .expected(format!("one of {}", list(scales.keys())))
                        .hint(hint);
                        Vec::new()
                    }
                    Some((_, Some(steps))) => steps
                        .iter()
                        .map(|(o, value)| AnswerOption {
                            scores: if o.dont_know {
                                Vec::new()
                            } else {
                                weights
                                    .iter()
                                    .map(|(d, w)| (*d, w.saturating_mul(*value)))
                                    .collect()
                            },
                            ..o.clone()
                        })
                        .collect(),
                }
            }
            kind => {
                if q.scale.is_some() {
                    self.error(
                        "misplaced-key",
                        path.key("scale"),
                        "only a scale question takes `scale:`".into(),
                    )
                    .expected("`kind: scale`, or `options:` without `scale:`");
                }
                if q.scores.is_some() {
                    self.error("misplaced-key", path.key("scores"), "a question's `scores` are weights of a scale".into())
                        .expected("scores on each option: `options: [ { id: …, scores: { dimension: points } } ]`");
                }
                let raw_options = q.options.as_deref().unwrap_or_default();
                let opath = path.key("options");
                let answers = raw_options.iter().filter(|o| !o.dont_know).count();
                match kind {
                    RawKind::YesNo if answers != 2 => {
                        self.error(
                            "wrong-option-count",
                            opath.clone(),
                            format!("a yes-no question has exactly two answers, not {answers}"),
                        )
                        .expected(
                            "a yes option and a no option, and possibly one with `dont-know: true`",
                        )
                        .hint("use `kind: single` for more answers");
                    }
                    RawKind::Single if answers < 2 => {
                        self.error("wrong-option-count", if q.options.is_some() { opath.clone() } else { path.key("kind") }, format!("a single-choice question needs at least two answers, not {answers}"))
                            .expected("two or more options");
                    }
                    RawKind::Multiple if answers < 1 => {
                        self.error(
                            "wrong-option-count",
                            if q.options.is_some() {
                                opath.clone()
                            } else {
                                path.key("kind")
                            },
                            "a multiple-choice question needs at least one option".into(),
                        )
                        .expected("one or more options");
                    }
                    _ => {}
                }
                self.option_checks(raw_options, opath.clone());
                raw_options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| self.option(o, opath.index(k), dims, &kind))
                    .collect()
            }
        };
        Question {
            id: q.id.clone(),
            kind: match q.kind {
                RawKind::Single => Kind::Single,
                RawKind::Multiple => Kind::Multiple,
                RawKind::YesNo => Kind::YesNo,
                RawKind::Scale => Kind::Scale,
            },
            text: self.text(&q.text, path.key("text")),
            help: self.opt_text(&q.help, path.key("help")),
            pictogram: q.pictogram.clone(),
            show_if,
            options,
            section,
        }
    }

    fn condition(&mut self, src: &str, path: Path, names: &Names) -> Option<Condition> {
        match condition::parse(src, names) {
            Ok(c) => Some(c),
            Err(e) => {
                self.condition_error(e, path);
                None
            }
        }
    }

    fn condition_error(&mut self, e: ConditionError, path: Path) {
        let mut p = Pending::error(e.code, path, e.message).span(e.offset, e.width);
        p.diagnostic.expected = e.expected;
        p.diagnostic.hint = e.hint;
        self.push(p);
    }

    fn rules(
        &mut self,
        raw: &RawQuestionnaire,
        infos: &[QInfo],
        dims: &[Dimension],
        levels: &[Level],
        parcours: &[Parcours],
    ) -> Vec<Rule> {
        let names = Names {
            infos,
            before: infos.len(),
            current: None,
            dims,
            levels,
            scores: true,
        };
        let mut rules = Vec::new();
        let mut always_at: Option<usize> = None;
        if raw.recommendation.is_empty() {
            self.error(
                "no-rule",
                root().key("recommendation"),
                "there is no recommendation rule".into(),
            )
            .expected("rules such as `- when: … parcours: …`, ending with `- otherwise: true`");
        }
        for (i, r) in raw.recommendation.iter().enumerate() {
            let path = root().at("recommendation", i);
            let when = match (&r.when, r.otherwise) {
                (Some(_), Some(_)) => {
                    self.error(
                        "rule-shape",
                        path.key("otherwise"),
                        "a rule has either `when` or `otherwise: true`, not both".into(),
                    )
                    .expected("`when: <condition>` or `otherwise: true`");
                    None
                }
                (None, Some(true)) => Some(Condition::always()),
                (None, Some(false)) => {
                    self.error(
                        "rule-shape",
                        path.key("otherwise"),
                        "`otherwise: false` never holds".into(),
                    )
                    .expected("`otherwise: true`, or a `when:` condition");
                    None
                }
                (None, None) => {
                    self.error(
                        "rule-shape",
                        path.key("parcours"),
                        "this rule says neither `when` nor `otherwise`".into(),
                    )
                    .expected("`when: <condition>` or `otherwise: true`");
                    None
                }
                (Some(src), None) => self.condition(src, path.key("when"), &names),
            };
            let find = |id: &str| parcours.iter().position(|p| p.id == id);
            let target = find(&r.parcours);
            if target.is_none() {
                let hint = did_you_mean(&r.parcours, parcours.iter().map(|p| p.id.as_str()))
                    .unwrap_or_else(|| "declare it under `parcours:`".into());
                self.error(
                    "unknown-parcours",
                    path.key("parcours"),
                    format!("there is no parcours `{}`", r.parcours),
                )
                .expected(format!("one of {}", list(parcours.iter().map(|p| &p.id))))
                .hint(hint);
            }
            let next = r.next.as_ref().and_then(|n| {
                let found = find(n);
                if found.is_none() {
                    let hint = did_you_mean(n, parcours.iter().map(|p| p.id.as_str()))
                        .unwrap_or_else(|| "declare it under `parcours:`".into());
                    self.error(
                        "unknown-parcours",
                        path.key("next"),
                        format!("there is no parcours `{n}`"),
                    )
                    .expected(format!("one of {}", list(parcours.iter().map(|p| &p.id))))
                    .hint(hint);
                } else if found == target {
                    self.error(
                        "next-is-same",
                        path.key("next"),
                        "the next step is the recommended parcours itself".into(),
                    )
                    .expected("another parcours, or no `next`");
                }
                found
            });
            let because = self.text(&r.because, path.key("because"));
            if let Some(a) = always_at {
                self.push(
                    Pending::warning(
                        "unreachable-rule",
                        path.key(if r.when.is_some() {
                            "when"
                        } else {
                            "otherwise"
                        }),
                        format!(
                            "this rule can never apply: rule {} before it always holds",
                            a + 1
                        ),
                    )
                    .hint("move it above that rule, or remove it"),
                );
            }
            if when.as_ref().is_some_and(Condition::is_always) && always_at.is_none() {
                always_at = Some(i);
            }
            if let (Some(when), Some(parcours)) = (when, target) {
                rules.push(Rule {
                    when,
                    parcours,
                    because,
                    next,
                });
            }
        }
        if let Some(last) = raw.recommendation.len().checked_sub(1) {
            let r = raw.recommendation.get(last);
            let last_always = r.is_some_and(|r| {
                r.otherwise == Some(true) || r.when.as_deref().map(str::trim) == Some("true")
            });
            if !last_always {
                self.error("last-rule-not-always", root().at("recommendation", last).key(if r.is_some_and(|r| r.when.is_some()) { "when" } else { "parcours" }), "the last rule does not always hold, so some people would get no recommendation".into())
                    .expected("a last rule that always holds")
                    .hint("end the list with `- otherwise: true` and the parcours for everyone else");
            }
        }
        let explained = self
            .out
            .iter()
            .any(|p| p.diagnostic.code == "unknown-parcours");
        for (i, p) in parcours.iter().enumerate().filter(|_| !explained) {
            if !raw.recommendation.iter().any(|r| r.parcours == p.id) {
                self.error(
                    "unreachable-parcours",
                    root().at("parcours", i).key("id"),
                    format!("no rule recommends the parcours `{}`", p.id),
                )
                .expected(format!("a rule with `parcours: {}`", p.id))
                .hint("add a rule under `recommendation:`, or remove the parcours");
            }
        }
        rules
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

/// Name resolution for conditions: which questions may be referred to from here.
struct Names<'a> {
    infos: &'a [QInfo],
    /// Only questions before this index may be used (show-if).
    before: usize,
    /// The question whose show-if this is.
    current: Option<usize>,
    dims: &'a [Dimension],
    levels: &'a [Level],
    scores: bool,
}

impl Scope for Names<'_> {
    fn question(&self, id: &str) -> Result<usize, ScopeError> {
        match self.infos.iter().position(|q| q.id == id) {
            Some(i) if Some(i) == self.current => Err(ScopeError::Itself),
            Some(i) if i >= self.before => Err(ScopeError::Later),
            Some(i) => Ok(i),
            None => Err(ScopeError::Unknown(
                did_you_mean(
                    id,
                    self.infos.iter().take(self.before).map(|q| q.id.as_str()),
                )
                .unwrap_or_else(|| "check the spelling against the questions' `id`".into()),
            )),
        }
    }
    fn option(&self, q: usize, id: &str) -> Option<usize> {
        self.infos.get(q)?.options.iter().position(|o| o == id)
    }
    fn is_multiple(&self, q: usize) -> bool {
        self.infos
            .get(q)
            .is_some_and(|q| q.kind == RawKind::Multiple)
    }
    fn is_ordered(&self, q: usize) -> bool {
        self.infos.get(q).is_some_and(|q| q.kind == RawKind::Scale)
    }
    fn options_of(&self, q: usize) -> String {
        list(
            self.infos
                .get(q)
                .map(|q| q.options.iter())
                .into_iter()
                .flatten(),
        )
    }
    fn dimension(&self, id: &str) -> Option<usize> {
        self.dims.iter().position(|d| d.id == id)
    }
    fn level(&self, id: &str) -> Option<usize> {
        self.levels.iter().position(|l| l.id == id)
    }
    fn scores_allowed(&self) -> bool {
        self.scores
    }
    fn dimension_ids(&self) -> String {
        list(self.dims.iter().map(|d| &d.id))
    }
    fn level_ids(&self) -> String {
        list(self.levels.iter().map(|l| &l.id))
    }
}
