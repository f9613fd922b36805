//! Personas: people described in a sentence, the answers they would give and
//! the recommendation an advisor expects for them. Used by the test suite and
//! by `diag personas`.

use crate::answers::Answers;
use crate::evaluate::{evaluate, Outcome};
use crate::model::Questionnaire;
use serde::Deserialize;
use std::fmt::Write as _;

/// One persona as written in a personas file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Who this is, in one sentence.
    pub name: String,
    /// What they would answer.
    pub answers: Answers,
    /// What an advisor expects.
    pub expect: Expectation,
}

/// The recommendation expected for a persona.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// Parcours id.
    pub parcours: String,
    /// Next step's parcours id; `null` (or absent) for none.
    #[serde(default)]
    pub next: Option<String>,
    /// Whether the answers are complete (default: true).
    #[serde(default = "yes")]
    pub complete: bool,
    /// The confidence expected (`high`, `medium`, `low`), when given.
    #[serde(default)]
    pub confidence: Option<String>,
    /// Whether the remaining questions were not needed (early stop), when given.
    #[serde(default, rename = "early-stop")]
    pub early_stop: Option<bool>,
    /// Dimensions whose self-ratings the checks contradict (over or under), when given.
    #[serde(default)]
    pub miscalibrated: Option<Vec<String>>,
    /// Dimensions left "non évalué", when given.
    #[serde(default, rename = "not-evaluated")]
    pub not_evaluated: Option<Vec<String>>,
}

fn yes() -> bool {
    true
}

/// A persona with the outcome its answers give.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The persona.
    pub persona: Persona,
    /// What the questionnaire recommends for them.
    pub outcome: Outcome,
    /// What differs from the expectation (empty when it matches).
    pub mismatches: Vec<String>,
}

/// Reads a personas file (a YAML list).
pub fn parse(source: &str) -> Result<Vec<Persona>, String> {
    serde_yaml::from_str(source).map_err(|e| e.to_string())
}

/// Evaluates every persona and compares with what is expected.
pub fn check(q: &Questionnaire, personas: Vec<Persona>) -> Vec<Checked> {
    personas
        .into_iter()
        .map(|persona| {
            let outcome = evaluate(q, &persona.answers);
            let mut mismatches = Vec::new();
            if outcome.parcours != persona.expect.parcours {
                mismatches.push(format!(
                    "parcours: expected `{}`, got `{}`",
                    persona.expect.parcours, outcome.parcours
                ));
            }
            if outcome.next != persona.expect.next {
                mismatches.push(format!(
                    "next: expected {:?}, got {:?}",
                    persona.expect.next, outcome.next
                ));
            }
            if outcome.complete != persona.expect.complete {
                mismatches.push(format!(
                    "complete: expected {}, got {} (missing: {})",
                    persona.expect.complete,
                    outcome.complete,
                    outcome.missing.join(", ")
                ));
            }
            let e = &persona.expect;
            let confidence = format!("{:?}", outcome.confidence.level).to_lowercase();
            if e.confidence.as_ref().is_some_and(|c| *c != confidence) {
                mismatches.push(format!(
                    "confidence: expected {}, got {confidence} ({:?})",
                    e.confidence.as_deref().unwrap_or_default(),
                    outcome.confidence.reasons
                ));
            }
            if e.early_stop.is_some_and(|x| x != outcome.early_stop) {
                mismatches.push(format!(
                    "early stop: expected {:?}, got {}",
                    e.early_stop, outcome.early_stop
                ));
            }
            let miscalibrated: Vec<String> = outcome
                .dimensions
                .iter()
                .filter(|d| {
                    matches!(
                        d.calibration,
                        Some(crate::Calibration::Over | crate::Calibration::Under)
                    )
                })
                .map(|d| d.id.clone())
                .collect();
            if e.miscalibrated
                .as_ref()
                .is_some_and(|m| *m != miscalibrated)
            {
                mismatches.push(format!(
                    "miscalibrated: expected {:?}, got {miscalibrated:?}",
                    e.miscalibrated
                ));
            }
            let not_evaluated: Vec<String> = outcome
                .dimensions
                .iter()
                .filter(|d| d.coverage.is_some() && d.level.is_none())
                .map(|d| d.id.clone())
                .collect();
            if e.not_evaluated
                .as_ref()
                .is_some_and(|m| *m != not_evaluated)
            {
                mismatches.push(format!(
                    "not evaluated: expected {:?}, got {not_evaluated:?}",
                    e.not_evaluated
                ));
            }
            let hidden: Vec<&str> = outcome
                .skipped
                .iter()
                .filter(|s| persona.answers.get(&s.question).is_some())
                .map(|s| s.question.as_str())
                .collect();
            if !hidden.is_empty() {
                mismatches.push(format!(
                    "answers questions this persona would not be shown: {}",
                    hidden.join(", ")
                ));
            }
            if !outcome.ignored.is_empty() {
                mismatches.push(format!(
                    "answers that do not fit the questionnaire: {}",
                    outcome.ignored.join(", ")
                ));
            }
            Checked {
                persona,
                outcome,
                mismatches,
            }
        })
        .collect()
}

/// One line per persona, and for a mismatch the outcome and rule trace.
pub fn report(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        let next = c
            .outcome
            .next
            .as_deref()
            .map(|n| format!(" → {n}"))
            .unwrap_or_default();
        let mark = if c.mismatches.is_empty() {
            "ok  "
        } else {
            "FAIL"
        };
        let _ = writeln!(
            out,
            "{mark} {:<22} {}",
            format!("{}{next}", c.outcome.parcours),
            c.persona.name
        );
        for m in &c.mismatches {
            let _ = writeln!(out, "       {m}");
        }
        if !c.mismatches.is_empty() {
            for d in &c.outcome.dimensions {
                let _ = writeln!(
                    out,
                    "       {}: {}/{} = {}% ({})",
                    d.id,
                    d.score,
                    d.max,
                    d.percent.map_or("-".into(), |p| p.to_string()),
                    d.level.as_deref().unwrap_or("-")
                );
            }
            for t in &c.outcome.trace {
                let reads: Vec<String> = t
                    .read
                    .iter()
                    .map(|r| format!("{} = {}", r.what, r.value))
                    .collect();
                let _ = writeln!(
                    out,
                    "       rule {} [{}] {} → {}   ({})",
                    t.rule + 1,
                    if t.held { "held" } else { "no" },
                    t.when,
                    t.parcours,
                    reads.join(", ")
                );
            }
        }
    }
    out
}
