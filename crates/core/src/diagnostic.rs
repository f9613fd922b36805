//! Problems found in a questionnaire, located in its source and rendered like
//! a compiler's messages.
//!
//! Without the `yaml` feature only the rendering is used.
#![cfg_attr(not(feature = "yaml"), allow(dead_code))]

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
    /// What was expected instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Whether the texts are in French (see [`Diagnostic::in_language`]).
    #[serde(skip)]
    pub french: bool,
}

/// A diagnostic being built during validation: located by path, the line and
/// column are found once at the end (see `yaml::locate`).
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub diagnostic: Diagnostic,
    pub path: Path,
    /// Characters from the start of the value to the start of the problem (inside a condition).
    pub offset: usize,
}

impl Pending {
    pub fn error(code: &'static str, path: Path, message: String) -> Self {
        Self::new(Severity::Error, code, path, message)
    }
    pub fn warning(code: &'static str, path: Path, message: String) -> Self {
        Self::new(Severity::Warning, code, path, message)
    }
    fn new(severity: Severity, code: &'static str, path: Path, message: String) -> Self {
        let mut diagnostic = Diagnostic::error(code, message);
        diagnostic.severity = severity;
        diagnostic.path = path.to_string();
        Pending {
            diagnostic,
            path,
            offset: 0,
        }
    }
    pub fn expected(mut self, e: impl Into<String>) -> Self {
        self.diagnostic = self.diagnostic.expected(e);
        self
    }
    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.diagnostic = self.diagnostic.hint(h);
        self
    }
    /// Points at `width` characters starting `offset` characters into the value.
    pub fn span(mut self, offset: usize, width: usize) -> Self {
        self.offset = offset;
        self.diagnostic.width = width.max(1);
        self
    }
}

impl Diagnostic {
    /// An error not yet located (line and column 0).
    pub(crate) fn error(code: &'static str, message: String) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            message,
            path: String::new(),
            line: 0,
            column: 0,
            width: 1,
            expected: None,
            hint: None,
            french: false,
        }
    }
    pub(crate) fn at(mut self, (line, column): (usize, usize)) -> Self {
        self.line = line;
        self.column = column;
        self
    }
    pub(crate) fn expected(mut self, e: impl Into<String>) -> Self {
        self.expected = Some(e.into());
        self
    }
    pub(crate) fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }

    /// The same diagnostic in `lang` ("fr" or "en"); a text with no French
    /// in the catalogue stays in English.
    pub fn in_language(&self, lang: &str) -> Diagnostic {
        let mut d = self.clone();
        if lang == "fr" {
            fn fr(s: &str) -> String {
                crate::french::translate(s).unwrap_or_else(|| s.to_owned())
            }
            d.message = fr(&d.message);
            d.expected = d.expected.as_deref().map(fr);
            d.hint = d.hint.as_deref().map(fr);
            d.french = true;
        }
        d
    }

    /// Whether every text of this diagnostic has a French translation.
    pub fn has_french(&self) -> bool {
        std::iter::once(self.message.as_str())
            .chain(self.expected.as_deref())
            .chain(self.hint.as_deref())
            .all(|t| crate::french::translate(t).is_some())
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
            (Severity::Error, true) => "erreur",
            (Severity::Warning, true) => "avertissement",
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
    let warnings = diagnostics.len() - errors;
    if lang == "fr" {
        // In French, 0 and 1 take the singular.
        let s = |n: usize| if n > 1 { "s" } else { "" };
        let _ = writeln!(
            out,
            "{file} : {errors} erreur{}, {warnings} avertissement{}",
            s(errors),
            s(warnings)
        );
    } else {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "{file}: {errors} error{}, {warnings} warning{}",
            s(errors),
            s(warnings)
        );
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
