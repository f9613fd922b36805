//! Scoring and recommendation: a pure function of questionnaire and answers.

use crate::answers::Answers;
use crate::condition::{Condition, Expr, Op};
use crate::model::{Question, Questionnaire};
use crate::text::Text;
use serde::Serialize;

/// Everything that follows from a set of answers, ready to show or explain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Questionnaire id.
    pub questionnaire: String,
    /// Questionnaire version.
    pub version: String,
    /// Whether every question shown has an answer.
    pub complete: bool,
    /// Questions shown but not answered yet (a partial outcome).
    pub missing: Vec<String>,
    /// Questions not shown, and why.
    pub skipped: Vec<Skipped>,
    /// Answers that do not fit the questionnaire and were left out.
    pub ignored: Vec<String>,
    /// Score per dimension, in the questionnaire's order.
    pub dimensions: Vec<DimensionScore>,
    /// How many questions were answered "Je ne sais pas".
    pub dont_know: u32,
    /// The recommended parcours id.
    pub parcours: String,
    /// Why, addressed to the person.
    pub because: Text,
    /// The parcours to follow afterwards, if any.
    pub next: Option<String>,
    /// Index (from 0) of the rule that decided.
    pub rule: usize,
    /// Every rule evaluated, in order, up to the one that decided.
    pub trace: Vec<RuleTrace>,
}

/// A dimension's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DimensionScore {
    /// Dimension id.
    pub id: String,
    /// Points obtained.
    pub score: u32,
    /// Points reachable with the questions answered.
    pub max: u32,
    /// `score / max` in percent, rounded; `None` when no question of this
    /// dimension was answered.
    pub percent: Option<u32>,
    /// Level id for that percentage; `None` with no percentage.
    pub level: Option<String>,
}

/// A question that was not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Question id.
    pub question: String,
    /// The condition that did not hold.
    pub because: String,
    /// Whether it is the section's condition (otherwise the question's own).
    pub section: bool,
}

/// One rule as evaluated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleTrace {
    /// Index from 0.
    pub rule: usize,
    /// The condition as written.
    pub when: String,
    /// The parcours it names.
    pub parcours: String,
    /// Whether it held.
    pub held: bool,
    /// The values it read, e.g. `level(bases) = debutant`.
    pub read: Vec<Read>,
}

/// A value read while evaluating a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Read {
    /// What, e.g. `level(bases)`.
    pub what: String,
    /// Its value, e.g. `debutant`, or `-` when there is none.
    pub value: String,
}

/// The index-based state scoring works on; no strings, no allocation per rule.
pub(crate) struct State<'q> {
    q: &'q Questionnaire,
    /// Answers of the questions shown, as option bit sets.
    pub shown: Vec<Option<u32>>,
    /// Whether each question is shown.
    pub visible: Vec<bool>,
    pub score: Vec<u32>,
    pub max: Vec<u32>,
    pub dont_know: u32,
}

impl<'q> State<'q> {
    pub(crate) fn new(q: &'q Questionnaire, masks: &[Option<u32>]) -> Self {
        let mut st = State::empty(q);
        st.fill(masks);
        st
    }

    /// Buffers sized for `q`, to be filled again and again (simulations).
    pub(crate) fn empty(q: &'q Questionnaire) -> Self {
        let n = q.questions.len();
        State {
            q,
            shown: vec![None; n],
            visible: vec![false; n],
            score: vec![0; q.dimensions.len()],
            max: vec![0; q.dimensions.len()],
            dont_know: 0,
        }
    }

    /// Recomputes visibility and scores for `masks`, reusing the buffers.
    pub(crate) fn fill(&mut self, masks: &[Option<u32>]) {
        let q = self.q;
        self.score.iter_mut().for_each(|s| *s = 0);
        self.max.iter_mut().for_each(|s| *s = 0);
        self.dont_know = 0;
        for section in &q.sections {
            // Conditions only read earlier questions, which are already settled.
            let section_shown = section.show_if.as_ref().is_none_or(|c| self.holds(&c.expr));
            for i in section.questions.clone() {
                let Some(question) = q.questions.get(i) else {
                    continue;
                };
                let shown = section_shown
                    && question
                        .show_if
                        .as_ref()
                        .is_none_or(|c| self.holds(&c.expr));
                if let Some(v) = self.visible.get_mut(i) {
                    *v = shown;
                }
                let answer = if shown {
                    masks.get(i).copied().flatten()
                } else {
                    None
                };
                if let Some(s) = self.shown.get_mut(i) {
                    *s = answer;
                }
                if let Some(mask) = answer {
                    self.add(i, question, mask);
                }
            }
        }
    }

    fn add(&mut self, i: usize, question: &Question, mask: u32) {
        let dims = self.max.len();
        let best = self
            .q
            .max_points
            .get(i * dims..(i + 1) * dims)
            .unwrap_or_default();
        for (max, best) in self.max.iter_mut().zip(best) {
            *max += best;
        }
        let mut dont_know = false;
        for (k, o) in question.options.iter().enumerate() {
            if mask & bit(k) == 0 {
                continue;
            }
            dont_know |= o.dont_know;
            for (d, p) in &o.scores {
                if let Some(s) = self.score.get_mut(*d) {
                    *s += p;
                }
            }
        }
        self.dont_know += u32::from(dont_know);
    }

    pub(crate) fn percent(&self, d: usize) -> Option<u32> {
        let max = *self.max.get(d)?;
        let score = *self.score.get(d)?;
        (max > 0).then(|| ((score * 100 + max / 2) / max).min(100))
    }

    pub(crate) fn level(&self, d: usize) -> Option<usize> {
        let p = self.percent(d)?;
        let levels = &self.q.levels;
        levels
            .iter()
            .position(|l| l.below.is_none_or(|b| p < b))
            .or(levels.len().checked_sub(1))
    }

    /// The index of the first rule that holds (the last always does).
    pub(crate) fn decide(&self) -> usize {
        self.q
            .rules
            .iter()
            .position(|r| self.holds(&r.when.expr))
            .unwrap_or(self.q.rules.len().saturating_sub(1))
    }

    fn chosen_index(&self, q: usize) -> Option<usize> {
        self.shown
            .get(q)
            .copied()
            .flatten()
            .map(|m| m.trailing_zeros() as usize)
    }

    pub(crate) fn holds(&self, e: &Expr) -> bool {
        self.eval(e, &mut None)
    }

    fn eval(&self, e: &Expr, reads: &mut Option<&mut Vec<Read>>) -> bool {
        match e {
            Expr::True => true,
            Expr::False => false,
            Expr::Not(e) => !self.eval(e, reads),
            Expr::And(v) => v.iter().all(|e| self.eval(e, reads)),
            Expr::Or(v) => v.iter().any(|e| self.eval(e, reads)),
            Expr::Answered(q) => {
                let r = self.shown.get(*q).copied().flatten().is_some();
                self.record(reads, || (format!("answered({})", self.qid(*q)), yes_no(r)));
                r
            }
            Expr::Chosen(q, o) => {
                let r = self
                    .shown
                    .get(*q)
                    .copied()
                    .flatten()
                    .is_some_and(|m| m & bit(*o) != 0);
                self.record(reads, || {
                    (
                        format!("chosen({}, {})", self.qid(*q), self.oid(*q, *o)),
                        yes_no(r),
                    )
                });
                r
            }
            Expr::Answer(q, op, o) => {
                let chosen = self.chosen_index(*q);
                self.record(reads, || {
                    (
                        format!("answer({})", self.qid(*q)),
                        chosen.map_or("-".into(), |c| self.oid(*q, c)),
                    )
                });
                let dont_know = |c: usize| {
                    self.q
                        .questions
                        .get(*q)
                        .and_then(|x| x.options.get(c))
                        .is_some_and(|o| o.dont_know)
                };
                match (chosen, op) {
                    (None, Op::Ne) => true,
                    (None, _) => false,
                    (Some(c), Op::Eq | Op::Ne) => op.holds(c, *o),
                    // "Je ne sais pas" has no place on a scale: ordered tests do not hold.
                    (Some(c), _) if dont_know(c) => false,
                    (Some(c), _) => op.holds(c, *o),
                }
            }
            Expr::Score(d, op, n) => {
                let s = self.score.get(*d).copied().unwrap_or(0);
                self.record(reads, || {
                    (format!("score({})", self.did(*d)), s.to_string())
                });
                op.holds(s, *n)
            }
            Expr::Percent(d, op, n) => {
                let p = self.percent(*d);
                self.record(reads, || {
                    (
                        format!("percent({})", self.did(*d)),
                        p.map_or("-".into(), |p| p.to_string()),
                    )
                });
                p.map_or(*op == Op::Ne, |p| op.holds(p, *n))
            }
            Expr::Level(d, op, l) => {
                let lv = self.level(*d);
                self.record(reads, || {
                    (
                        format!("level({})", self.did(*d)),
                        lv.and_then(|l| self.q.levels.get(l))
                            .map_or("-".into(), |l| l.id.clone()),
                    )
                });
                lv.map_or(*op == Op::Ne, |lv| op.holds(lv, *l))
            }
            Expr::DontKnow(op, n) => {
                self.record(reads, || ("dont-know()".into(), self.dont_know.to_string()));
                op.holds(self.dont_know, *n)
            }
        }
    }

    fn record(&self, reads: &mut Option<&mut Vec<Read>>, f: impl FnOnce() -> (String, String)) {
        if let Some(r) = reads {
            let (what, value) = f();
            r.push(Read { what, value });
        }
    }
    fn qid(&self, q: usize) -> String {
        self.q
            .questions
            .get(q)
            .map_or_else(String::new, |x| x.id.clone())
    }
    fn oid(&self, q: usize, o: usize) -> String {
        self.q
            .questions
            .get(q)
            .and_then(|x| x.options.get(o))
            .map_or_else(String::new, |x| x.id.clone())
    }
    fn did(&self, d: usize) -> String {
        self.q
            .dimensions
            .get(d)
            .map_or_else(String::new, |x| x.id.clone())
    }

    fn trace(&self, c: &Condition) -> (bool, Vec<Read>) {
        let mut reads = Vec::new();
        let held = self.eval(&c.expr, &mut Some(&mut reads));
        (held, reads)
    }
}

pub(crate) fn bit(k: usize) -> u32 {
    u32::try_from(k)
        .ok()
        .and_then(|k| 1u32.checked_shl(k))
        .unwrap_or(0)
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.into()
}

/// Scores `answers` and recommends a parcours, with the full explanation.
///
/// Pure and deterministic. Answers to questions hidden by a `show-if` are
/// ignored; answers that do not fit the questionnaire are listed in
/// [`Outcome::ignored`]; unanswered questions make a partial outcome.
pub fn evaluate(q: &Questionnaire, answers: &Answers) -> Outcome {
    let (masks, ignored) = answers.to_masks(q);
    let st = State::new(q, &masks);

    let mut skipped = Vec::new();
    let mut missing = Vec::new();
    for (i, question) in q.questions.iter().enumerate() {
        if st.visible.get(i).copied().unwrap_or(false) {
            if st.shown.get(i).copied().flatten().is_none() {
                missing.push(question.id.clone());
            }
            continue;
        }
        let section = q.sections.get(question.section);
        let section_hidden = section
            .and_then(|s| s.show_if.as_ref())
            .filter(|c| !st.holds(&c.expr));
        let (because, is_section) = match section_hidden {
            Some(c) => (c.source.clone(), true),
            None => (
                question
                    .show_if
                    .as_ref()
                    .map_or_else(String::new, |c| c.source.clone()),
                false,
            ),
        };
        skipped.push(Skipped {
            question: question.id.clone(),
            because,
            section: is_section,
        });
    }

    let dimensions = q
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dim)| DimensionScore {
            id: dim.id.clone(),
            score: st.score.get(d).copied().unwrap_or(0),
            max: st.max.get(d).copied().unwrap_or(0),
            percent: st.percent(d),
            level: st
                .level(d)
                .and_then(|l| q.levels.get(l))
                .map(|l| l.id.clone()),
        })
        .collect();

    let mut trace = Vec::new();
    let mut decided = q.rules.len().saturating_sub(1);
    for (i, rule) in q.rules.iter().enumerate() {
        let (held, read) = st.trace(&rule.when);
        trace.push(RuleTrace {
            rule: i,
            when: rule.when.source.clone(),
            parcours: q
                .parcours
                .get(rule.parcours)
                .map_or_else(String::new, |p| p.id.clone()),
            held,
            read,
        });
        if held {
            decided = i;
            break;
        }
    }
    let rule = q.rules.get(decided);
    let parcours_id = |p: usize| q.parcours.get(p).map(|p| p.id.clone());
    Outcome {
        questionnaire: q.id.clone(),
        version: q.version.clone(),
        complete: missing.is_empty(),
        missing,
        skipped,
        ignored,
        dimensions,
        dont_know: st.dont_know,
        parcours: rule
            .and_then(|r| parcours_id(r.parcours))
            .unwrap_or_default(),
        because: rule.map(|r| r.because.clone()).unwrap_or_default(),
        next: rule.and_then(|r| r.next).and_then(parcours_id),
        rule: decided,
        trace,
    }
}

/// Only the recommended parcours' index: the fast path for simulations.
pub fn recommend(q: &Questionnaire, answers: &Answers) -> usize {
    let (masks, _) = answers.to_masks(q);
    recommend_masks(q, &masks)
}

pub(crate) fn recommend_masks(q: &Questionnaire, masks: &[Option<u32>]) -> usize {
    let st = State::new(q, masks);
    q.rules.get(st.decide()).map_or(0, |r| r.parcours)
}

/// Which questions are shown for these answers, by index in
/// [`Questionnaire::questions`]: the order a person goes through them.
/// A `show-if` only reads earlier answers, so the list is final for every
/// question before the first unanswered one.
pub fn shown_questions(q: &Questionnaire, answers: &Answers) -> Vec<usize> {
    let (masks, _) = answers.to_masks(q);
    let st = State::new(q, &masks);
    st.visible
        .iter()
        .enumerate()
        .filter(|(_, v)| **v)
        .map(|(i, _)| i)
        .collect()
}

/// The questions a person will probably go through: those shown, plus those
/// whose `show-if` depends on questions not answered yet. This is the "of N"
/// in "Question 4 of N": it only shrinks or grows when an answer settles it.
pub fn expected_questions(q: &Questionnaire, answers: &Answers) -> Vec<usize> {
    let (masks, _) = answers.to_masks(q);
    let st = State::new(q, &masks);
    let mut shown: Vec<Option<bool>> = vec![Some(false); q.questions.len()];
    for section in &q.sections {
        let section_shown = section
            .show_if
            .as_ref()
            .map_or(Some(true), |c| st.maybe(&c.expr, &shown, &masks));
        for i in section.questions.clone() {
            let own = q
                .questions
                .get(i)
                .and_then(|x| x.show_if.as_ref())
                .map_or(Some(true), |c| st.maybe(&c.expr, &shown, &masks));
            let v = match (section_shown, own) {
                (Some(false), _) | (_, Some(false)) => Some(false),
                (Some(true), Some(true)) => Some(true),
                _ => None,
            };
            if let Some(slot) = shown.get_mut(i) {
                *slot = v;
            }
        }
    }
    shown
        .iter()
        .enumerate()
        .filter(|(_, v)| **v != Some(false))
        .map(|(i, _)| i)
        .collect()
}

impl State<'_> {
    /// Three-valued evaluation of a `show-if`: `None` when it depends on a
    /// question that may still be answered.
    fn maybe(&self, e: &Expr, shown: &[Option<bool>], masks: &[Option<u32>]) -> Option<bool> {
        match e {
            Expr::Not(e) => self.maybe(e, shown, masks).map(|b| !b),
            Expr::And(v) => {
                let mut unknown = false;
                for x in v {
                    match self.maybe(x, shown, masks) {
                        Some(false) => return Some(false),
                        None => unknown = true,
                        Some(true) => {}
                    }
                }
                if unknown {
                    None
                } else {
                    Some(true)
                }
            }
            Expr::Or(v) => {
                let mut unknown = false;
                for x in v {
                    match self.maybe(x, shown, masks) {
                        Some(true) => return Some(true),
                        None => unknown = true,
                        Some(false) => {}
                    }
                }
                if unknown {
                    None
                } else {
                    Some(false)
                }
            }
            Expr::Answered(q) | Expr::Chosen(q, _) | Expr::Answer(q, _, _) => {
                let settled = match shown.get(*q).copied().flatten() {
                    Some(false) => true,
                    Some(true) => masks.get(*q).copied().flatten().is_some(),
                    None => false,
                };
                settled.then(|| self.holds(e))
            }
            other => Some(self.holds(other)),
        }
    }
}
