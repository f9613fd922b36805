//! Problems found in a questionnaire, located in its source and rendered like
//! a compiler's messages.
//!
//! Without the `yaml` feature only the rendering is used.
#![cfg_attr(not(feature = "yaml"), allow(dead_code))]

use crate::messages::{Expected, Hint, Lang, Message};
use serde::Serialize;
use std::fmt::{self, Write as _};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The questionnaire cannot be used.
    Error,
    /// The questionnaire works, but something is probably not what the author meant.
    Warning,
    /// Worth knowing, nothing to fix now (e.g. a translation not yet reviewed).
    Note,
}

/// One step of a path into the YAML document: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(&'static str),
    Index(usize),
}

/// Where a value sits in the document, e.g. `sections[0].questions[2].show-if`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Path(pub Vec<Seg>);

impl Path {
    pub fn key(&self, k: &'static str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(k));
        p
    }
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }
    pub fn at(&self, k: &'static str, i: usize) -> Path {
        self.key(k).index(i)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if n == 0 => f.write_str(k)?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A problem in a questionnaire: what is wrong, where, what was expected and how to fix it.
///
/// Made with a `Draft`; its texts come from the catalogue (`messages.rs`),
/// so [`Diagnostic::in_language`] writes them again in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable short name for the kind of problem, e.g. `unknown-question`.
    pub code: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where in the document, as a path of keys and indexes (empty when unknown).
    pub path: String,
    /// Line in the source, from 1 (0 when unknown).
    pub line: usize,
    /// Column in the source line, in characters, from 1 (0 when unknown).
    pub column: usize,
    /// How many characters the caret underlines (at least 1).
    pub width: usize,
    /// The last line the problem covers, when it runs over several (a
    /// period's two dates); 0 or `line` for one line. An editor selects
    /// from `line` through it.
    #[serde(skip_serializing_if = "is_zero")]
    pub end_line: usize,
    /// What was expected instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether the texts are in French (see [`Diagnostic::in_language`]).
    #[serde(skip)]
    pub french: bool,
    /// The catalogue entries the texts were written from.
    #[serde(skip)]
    texts: Box<Texts>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// What a diagnostic says, as catalogue entries: written in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Texts {
    message: Message,
    expected: Option<Expected>,
    hint: Option<Hint>,
}

/// A diagnostic being written: the one builder of every diagnostic (YAML
/// reader, validator, condition parser).
///
/// ```text
/// Draft::error("unknown-scale", Message::UnknownScale { id })
///     .at(path.key("scale"))
///     .expected(Expected::OneOf(ids(scales.keys())))
///     .hint(Hint::DeclareScale)
/// ```
///
/// The validator's drafts are located by `path` at the end (`yaml::locate_all`
/// turns them into [`Diagnostic`]s); the YAML reader, which knows the line and
/// column already, finishes its own with [`Draft::located`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    pub severity: Severity,
    pub code: &'static str,
    /// Boxed: the condition parser returns drafts as errors, which stay small.
    texts: Box<Texts>,
    /// Where the value is in the document (the root until [`Draft::at`]).
    pub path: Path,
    /// Characters from the start of the value to the start of the problem (inside a condition).
    pub offset: usize,
    /// How many characters to underline.
    pub width: usize,
}

impl Draft {
    /// The questionnaire cannot be used.
    pub fn error(code: &'static str, message: Message) -> Self {
        Draft {
            severity: Severity::Error,
            code,
            texts: Box::new(Texts {
                message,
                expected: None,
                hint: None,
            }),
            path: Path::default(),
            offset: 0,
            width: 1,
        }
    }
    /// The questionnaire works, but probably not as the author meant.
    pub fn warning(code: &'static str, message: Message) -> Self {
        Draft {
            severity: Severity::Warning,
            ..Draft::error(code, message)
        }
    }
    /// Worth knowing, nothing to fix now.
    pub fn note(code: &'static str, message: Message) -> Self {
        Draft {
            severity: Severity::Note,
            ..Draft::error(code, message)
        }
    }
    /// The value the problem is in.
    pub fn at(mut self, path: Path) -> Self {
        self.path = path;
        self
    }
    /// Points at `width` characters starting `offset` characters into the value.
    pub fn span(mut self, offset: usize, width: usize) -> Self {
        self.offset = offset;
        self.width = width.max(1);
        self
    }
    pub fn expected(mut self, e: Expected) -> Self {
        self.texts.expected = Some(e);
        self
    }
    pub fn hint(mut self, h: Hint) -> Self {
        self.texts.hint = Some(h);
        self
    }
    /// The finished diagnostic, in English, at `line` and `column` (0 when unknown).
    pub fn located(self, (line, column): (usize, usize)) -> Diagnostic {
        let texts = self.texts;
        Diagnostic {
            severity: self.severity,
            code: self.code,
            message: texts.message.render(Lang::En),
            path: self.path.to_string(),
            line,
            column,
            width: self.width,
            end_line: 0,
            expected: texts.expected.as_ref().map(|e| e.render(Lang::En)),
            hint: texts.hint.as_ref().map(|h| h.render(Lang::En)),
            french: false,
            texts,
        }
    }
}

impl Diagnostic {
    /// The same diagnostic in `lang` ("fr" for French, anything else for
    /// English), written from the catalogue. A text the YAML reader gave
    /// that the catalogue does not know stays in English.
    pub fn in_language(&self, lang: &str) -> Diagnostic {
        let lang = Lang::from_code(lang);
        Diagnostic {
            message: self.texts.message.render(lang),
            expected: self.texts.expected.as_ref().map(|e| e.render(lang)),
            hint: self.texts.hint.as_ref().map(|h| h.render(lang)),
            french: lang == Lang::Fr,
            ..self.clone()
        }
    }

    /// Whether every text of this diagnostic has a French translation.
    pub fn has_french(&self) -> bool {
        self.texts.message.has_french()
            && self
                .texts
                .expected
                .as_ref()
                .is_none_or(Expected::has_french)
    }

    /// Renders the diagnostic like a compiler message: the location, the quoted
    /// source line with a caret under the problem, what was expected and a hint.
    ///
    /// `file` is the name to show; `source` the text the questionnaire was read from.
    pub fn render(&self, file: &str, source: &str) -> String {
        let mut out = String::new();
        let kind = match (self.severity, self.french) {
            (Severity::Error, false) => "error",
            (Severity::Warning, false) => "warning",
            (Severity::Note, false) => "note",
            (Severity::Error, true) => "erreur",
            (Severity::Warning, true) => "avertissement",
            (Severity::Note, true) => "remarque",
        };
        let (expected, help) = if self.french {
            ("attendu", "aide")
        } else {
            ("expected", "help")
        };
        let _ = writeln!(out, "{kind}[{}]: {}", self.code, self.message);
        if self.line == 0 {
            let _ = writeln!(out, " --> {file}");
        } else {
            let _ = writeln!(out, " --> {file}:{}:{}", self.line, self.column);
            if let Some(text) = source.lines().nth(self.line - 1) {
                let number = self.line.to_string();
                let pad = " ".repeat(number.len());
                let text = text.trim_end_matches('\r');
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {text}");
                // The caret is placed by characters; tabs are kept so it lines up.
                let lead: String = text
                    .chars()
                    .take(self.column.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                let _ = writeln!(out, "{pad} | {lead}{}", "^".repeat(self.width.max(1)));
                // A problem over several lines (a period's two dates): the
                // lines after it too, a few at most.
                for (k, more) in source
                    .lines()
                    .enumerate()
                    .skip(self.line)
                    .take(self.end_line.saturating_sub(self.line).min(6))
                {
                    let _ = writeln!(
                        out,
                        "{:>w$} | {}",
                        k + 1,
                        more.trim_end_matches('\r'),
                        w = number.len()
                    );
                }
            }
        }
        let pad = " ".repeat(if self.line == 0 {
            1
        } else {
            self.line.to_string().len()
        });
        if let Some(e) = &self.expected {
            let _ = writeln!(out, "{pad} = {expected}: {e}");
        }
        if let Some(h) = &self.hint {
            let _ = writeln!(out, "{pad} = {help}: {h}");
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Everything wrong with a questionnaire that could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Every problem found, errors first, each group in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    /// Renders every diagnostic, one after another, followed by a count.
    pub fn render(&self, file: &str, source: &str) -> String {
        render_all(&self.diagnostics, file, source, "en")
    }
}

/// Renders diagnostics one after another, followed by a one-line count, in
/// `lang` ("fr" for French, anything else for English).
pub fn render_all(diagnostics: &[Diagnostic], file: &str, source: &str, lang: &str) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.in_language(lang).render(file, source));
        out.push('\n');
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let notes = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .count();
    let warnings = diagnostics.len() - errors - notes;
    if lang == "fr" {
        // In French, 0 and 1 take the singular.
        let s = |n: usize| if n > 1 { "s" } else { "" };
        let _ = write!(
            out,
            "{file} : {errors} erreur{}, {warnings} avertissement{}",
            s(errors),
            s(warnings)
        );
        if notes > 0 {
            let _ = write!(out, ", {notes} remarque{}", s(notes));
        }
        out.push('\n');
    } else {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let _ = write!(
            out,
            "{file}: {errors} error{}, {warnings} warning{}",
            s(errors),
            s(warnings)
        );
        if notes > 0 {
            let _ = write!(out, ", {notes} note{}", s(notes));
        }
        out.push('\n');
    }
    out
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}
