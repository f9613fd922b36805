//! # diag-core
//!
//! The heart of the Diagnostic numérique: a questionnaire written in YAML is
//! validated into a typed model, a person's [`Answers`] are scored and turned
//! into an [`Outcome`] — scores per skill area, the recommended parcours, why,
//! and the trace of every rule — and packed into a short result code.
//!
//! Pure: no I/O, no clock, no DOM. Builds for native and `wasm32-unknown-unknown`.
//!
//! The `yaml` feature (on by default) brings the YAML reader, the validator,
//! personas and the advisor's records. Without it the crate reads only the
//! compact form ([`Questionnaire::from_compact`]): that is how the resident's
//! page stays small.
//!
//! ```
//! use diag_core::{Answers, Questionnaire, evaluate, encode, decode};
//!
//! let yaml = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");
//! let q = Questionnaire::from_yaml(yaml).expect("the bundled questionnaire is valid");
//!
//! let mut answers = Answers::new();
//! answers.choose("cherche-emploi", "non");
//! let outcome = evaluate(&q, &answers);
//! assert!(!outcome.complete); // other questions are still unanswered
//! assert!(q.parcours_by_id(&outcome.parcours).is_some());
//!
//! let code = encode(&q, &answers);
//! assert_eq!(decode(&q, &code), Ok(answers));
//! ```

#[cfg(feature = "yaml")]
pub mod activity;
mod answers;
mod code;
mod compact;
mod condition;
mod diagnostic;
mod display;
mod early;
mod evaluate;
mod messages;
mod model;
#[cfg(feature = "yaml")]
pub mod personas;
#[cfg(feature = "yaml")]
mod raw;
#[cfg(feature = "yaml")]
pub mod records;
#[cfg(feature = "yaml")]
pub mod review;
pub mod simulate;
mod text;
#[cfg(feature = "yaml")]
mod translate;
#[cfg(feature = "yaml")]
mod validate;
#[cfg(feature = "yaml")]
mod words;
#[cfg(feature = "yaml")]
mod yaml;

pub use answers::{Answer, Answers};
pub use code::{decode, encode, CodeError};
pub use compact::{
    compact_header, digest, pack_header, CompactError, CompactHeader, COMPACT_VERSION,
};
pub use condition::{AnswerTest, Condition, Op};
pub use diagnostic::{render_all, Diagnostic, LoadError, Severity};
pub use display::{french_typography, When};
pub use early::settled;
pub use evaluate::{
    evaluate, evaluate_untraced, expected_questions, recommend, shown_questions, Calibration,
    Confidence, ConfidenceLevel, DimensionScore, Outcome, Read, Reason, RuleTrace, Skipped,
};
pub use model::{
    AnswerOption, Date, Dimension, Kind, Level, Organisation, Parcours, Permanence, Question,
    Questionnaire, Rule, Section, Sessions, DEFAULT_COVERAGE_THRESHOLD, FORMAT_VERSION,
    MAX_OPTIONS, MAX_POINTS,
};
#[cfg(feature = "schema")]
pub use raw::json_schema;
pub use text::{is_language_code, Text};
#[cfg(feature = "yaml")]
pub use yaml::{source_text, MAX_SOURCE_BYTES};

/// The files [`Questionnaire::compile`] makes.
#[cfg(feature = "yaml")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compiled {
    /// `questionnaire.bin`.
    pub questionnaire: Vec<u8>,
    /// `(language, questionnaire.<language>.bin)` for every language but the
    /// default one: the inline ones (`languages`), then the translations.
    pub packs: Vec<(String, Vec<u8>)>,
}

/// Why [`Questionnaire::compile`] made nothing: the problems of the
/// questionnaire, and of each translation file (in the order given).
#[cfg(feature = "yaml")]
#[derive(Debug, Clone)]
pub struct CompileError {
    /// The questionnaire's problems (empty when only a translation file has errors).
    pub questionnaire: Vec<Diagnostic>,
    /// Each translation file's problems, located in it.
    pub translations: Vec<Vec<Diagnostic>>,
}

/// Most problems reported for one file; the rest are counted.
pub const MAX_REPORTED: usize = 50;

#[cfg(feature = "yaml")]
use diagnostic::Draft;
#[cfg(feature = "yaml")]
use messages::{Expected, Hint, Message};

#[cfg(feature = "yaml")]
impl Questionnaire {
    /// Reads and validates a questionnaire.
    ///
    /// Returns the model (with any warnings in [`Questionnaire::warnings`]), or
    /// every problem found, each located by line and column. A syntax or shape
    /// error (bad indentation, unknown key, wrong type) stops reading there;
    /// all other problems are reported together.
    pub fn from_yaml(source: &str) -> Result<Questionnaire, LoadError> {
        Questionnaire::from_yaml_translated(source, &[]).0
    }

    /// Reads a questionnaire with its translation files (the texts of the
    /// languages in `translations`; see `translate.rs`).
    ///
    /// Returns the questionnaire as [`Questionnaire::from_yaml`] does, with
    /// the translations' texts added and a warning at each text that one of
    /// them lacks; and, for each translation file in order, the problems
    /// found in it, located in it. A file that cannot be read adds nothing.
    pub fn from_yaml_translated(
        source: &str,
        translations: &[&str],
    ) -> (Result<Questionnaire, LoadError>, Vec<Vec<Diagnostic>>) {
        // A byte-order mark is not YAML; Windows editors add it. (Line 1's
        // columns then count from after it, as `source_text` gives it.)
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut in_files: Vec<Vec<Diagnostic>> = vec![Vec::new(); translations.len()];
        let raw = match yaml::parse(source) {
            Ok(raw) => raw,
            Err(d) => {
                let e = LoadError {
                    diagnostics: vec![*d],
                };
                return (Err(e), in_files);
            }
        };
        let default = raw.languages.first().cloned().unwrap_or_default();
        let mut packs = Vec::new();
        for (i, t) in translations.iter().enumerate() {
            let t = t.strip_prefix('\u{feff}').unwrap_or(t);
            match yaml::parse_as::<raw::RawTranslationFile>(t) {
                Ok(file) => packs.push(translate::Pack::new_checked(&file, &default, &raw, i)),
                Err(d) => {
                    if let Some(f) = in_files.get_mut(i) {
                        f.push(*d);
                    }
                }
            }
        }
        let (model, mut drafts, packs) = validate::validate(raw, packs);
        for mut pack in packs {
            pack.unused(&default);
            let source = translations.get(pack.file).copied().unwrap_or_default();
            let source = source.strip_prefix('\u{feff}').unwrap_or(source);
            let mut found = yaml::locate_all(source, std::mem::take(&mut pack.drafts));
            found.sort_by_key(|d| (d.severity, d.line, d.column));
            if let Some(f) = in_files.get_mut(pack.file) {
                *f = found;
            }
        }
        (Questionnaire::finish(source, model, &mut drafts), in_files)
    }

    /// Locates the validator's drafts in `source`: the model with its
    /// warnings, or every problem.
    fn finish(
        source: &str,
        model: Option<Questionnaire>,
        drafts: &mut Vec<Draft>,
    ) -> Result<Questionnaire, LoadError> {
        let mut drafts = std::mem::take(drafts);
        // Locating re-reads the document once per problem: a crafted file with
        // thousands of errors must not take minutes. The first ones are enough.
        let shown = MAX_REPORTED.min(yaml::locatable(source));
        let hidden = drafts.len().saturating_sub(shown);
        drafts.truncate(shown);
        let mut diagnostics = yaml::locate_all(source, drafts);
        // Errors first; each group in document order.
        diagnostics.sort_by_key(|d| (d.severity, d.line, d.column));
        if hidden > 0 {
            diagnostics.push(
                Draft::error("too-many-problems", Message::TooManyProblems { hidden })
                    .hint(Hint::FixAndCheckAgain)
                    .located((0, 0)),
            );
        }
        match model {
            Some(mut q) => {
                q.warnings = diagnostics;
                Ok(q)
            }
            None => Err(LoadError { diagnostics }),
        }
    }

    /// What is published beside a questionnaire's YAML, made from it and its
    /// translation files: `questionnaire.bin` (the compact form residents'
    /// pages read) and each translation's pack. `diag compile`, the site's
    /// build and the author's workshop all call this, so their files are the
    /// same bytes. An error in the questionnaire or in a translation file
    /// (each located in its own file) publishes nothing.
    pub fn compile(source: &str, translations: &[&str]) -> Result<Compiled, CompileError> {
        let (q, in_files) = Questionnaire::from_yaml_translated(source, translations);
        let broken = in_files
            .iter()
            .any(|f| f.iter().any(|d| d.severity == Severity::Error));
        match q {
            Ok(q) if !broken => {
                let source = source.strip_prefix('\u{feff}').unwrap_or(source);
                // Every language but the default one: inline, then translations.
                let others = q
                    .languages
                    .iter()
                    .skip(1)
                    .chain(q.translations.iter().map(|t| &t.language));
                Ok(Compiled {
                    questionnaire: q.to_compact(source),
                    packs: others
                        .map(|l| (l.clone(), q.language_pack(source, l)))
                        .collect(),
                })
            }
            Ok(_) => Err(CompileError {
                questionnaire: Vec::new(),
                translations: in_files,
            }),
            Err(e) => Err(CompileError {
                questionnaire: e.diagnostics,
                translations: in_files,
            }),
        }
    }

    /// Reads a questionnaire from a file's bytes (see [`source_text`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Questionnaire, LoadError> {
        let source = source_text(bytes).map_err(|d| LoadError {
            diagnostics: vec![*d],
        })?;
        Questionnaire::from_yaml(source)
    }

    /// Checks a questionnaire: every error and warning, in order (empty when perfect).
    pub fn check(source: &str) -> Vec<Diagnostic> {
        match Questionnaire::from_yaml(source) {
            Ok(q) => q.warnings,
            Err(e) => e.diagnostics,
        }
    }

    /// [`Questionnaire::check`], plus what depends on the day (given by the
    /// shell: the core knows no clock): a parcours whose periods are all over.
    pub fn check_on(source: &str, today: Date) -> Vec<Diagnostic> {
        match Questionnaire::from_yaml(source) {
            Ok(q) => q.warnings_on(source, today),
            Err(e) => e.diagnostics,
        }
    }

    /// The warnings of a questionnaire loaded from `source`, plus those that
    /// depend on `today`, in document order (for a shell that already holds
    /// the questionnaire: no second validation).
    pub fn warnings_on(&self, source: &str, today: Date) -> Vec<Diagnostic> {
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut diagnostics = self.warnings.clone();
        diagnostics.extend(self.past_periods(source, today));
        diagnostics.sort_by_key(|d| (d.severity, d.line, d.column));
        diagnostics
    }

    /// A warning for each parcours whose published periods are all over on `today`.
    fn past_periods(&self, source: &str, today: Date) -> Vec<Diagnostic> {
        let Ok(raw) = yaml::parse(source) else {
            return Vec::new();
        };
        let drafts = self
            .parcours
            .iter()
            .enumerate()
            .filter(|(_, p)| p.when(today) == When::Over)
            .filter_map(|(i, p)| {
                let last = p.periods.iter().map(|s| s.to).max()?;
                // The period that ended last, as written: from its `from:`
                // through its `to:`, both dates being the next period's to give.
                let here = diagnostic::Path(Vec::new()).at("parcours", i);
                let r = raw.parcours.get(i)?;
                let (period, hint) = match (&r.sessions, &r.periods) {
                    (Some(_), _) => (here.key("sessions"), Hint::NextSessions),
                    (None, Some(list)) => {
                        let k = list
                            .iter()
                            .position(|s| Date::parse(&s.to) == Some(last))
                            .unwrap_or(0);
                        (here.at("periods", k), Hint::NextPeriod)
                    }
                    (None, None) => (here, Hint::NextPeriod),
                };
                Some((
                    Draft::warning(
                        "sessions-over",
                        Message::SessionsOver {
                            parcours: p.id.clone(),
                            today,
                            last,
                        },
                    )
                    .at(period.clone().key("from"))
                    .expected(Expected::PeriodNotOver)
                    .hint(hint),
                    period.key("to"),
                ))
            })
            .collect::<Vec<_>>();
        let through: Vec<usize> = drafts
            .iter()
            .map(|(_, to)| yaml::locate(source, to).map_or(0, |l| l.line))
            .collect();
        let mut located = yaml::locate_all(source, drafts.into_iter().map(|(d, _)| d).collect());
        // `locate_all` keeps the drafts' order.
        for (d, last_line) in located.iter_mut().zip(through) {
            d.end_line = last_line.max(d.line);
        }
        located
    }
}
