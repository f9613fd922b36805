//! Scoring and recommendation: a pure function of questionnaire and answers.

use crate::answers::Answers;
use crate::condition::{Condition, Expr, Op};
use crate::model::{Question, Questionnaire};
use crate::text::Text;
use serde::Serialize;
use std::cell::Cell;

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
    /// The questionnaire stops early, and no answer to the questions still
    /// missing can change the parcours or the next step: they were not needed.
    pub early_stop: bool,
    /// How firm the recommendation is, and why.
    pub confidence: Confidence,
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
    /// Share (percent, rounded down) of the points of the questions shown
    /// that were really answered (not missing, not "Je ne sais pas");
    /// `None` when no question of this dimension was shown. Under the
    /// questionnaire's threshold the dimension is "non évalué": no percent,
    /// no level.
    pub coverage: Option<u32>,
    /// Whether the knowledge checks agree with the self-ratings; `None` when
    /// the dimension declares no checks or too few were answered.
    pub calibration: Option<Calibration>,
}

/// How the knowledge checks compare with a dimension's self-ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Calibration {
    /// Self-ratings average at least "seul·e" (two thirds of their points)
    /// while most checks answered are not right: `miscalibrated(d)` holds.
    Over,
    /// Self-ratings average at most "avec de l'aide" (a third of their
    /// points) while most checks answered are right.
    Under,
    /// Neither.
    Consistent,
}

/// How firm a recommendation is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Confidence {
    /// High, medium or low.
    pub level: ConfidenceLevel,
    /// What lowers it, most serious first.
    pub reasons: Vec<Reason>,
}

/// The three grades of confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ConfidenceLevel {
    /// Worth confirming with the resident before anything else.
    Low,
    /// One reason for doubt.
    Medium,
    /// Nothing casts doubt on the recommendation.
    High,
}

/// One reason that lowers the confidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Reason {
    /// Questions are still missing and their answers could change the result.
    Partial {
        /// How many.
        missing: u32,
    },
    /// A dimension's answered questions were mostly "Je ne sais pas".
    NotEvaluated {
        /// Dimension id.
        dimension: String,
    },
    /// Many "Je ne sais pas" answers (3 or more).
    DontKnow {
        /// How many.
        count: u32,
    },
    /// The knowledge checks contradict the self-ratings.
    Miscalibrated {
        /// Dimension id.
        dimension: String,
        /// Which way.
        calibration: Calibration,
    },
    /// One point more or less in a dimension would change the decision.
    Narrow {
        /// Dimension id.
        dimension: String,
    },
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
    /// Highest points of the questions answered other than "Je ne sais pas".
    pub real: Vec<u32>,
    /// Highest points of every question shown, answered or not.
    pub asked: Vec<u32>,
    /// Each dimension's calibration, computed when first read after a fill
    /// (`None`: not yet): most evaluations never read it, some read it often.
    calibration: Vec<Cell<Option<Option<Calibration>>>>,
    /// Each dimension's level, computed once per fill (rules read them often).
    levels: Vec<Option<usize>>,
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
            real: vec![0; q.dimensions.len()],
            asked: vec![0; q.dimensions.len()],
            calibration: vec![Cell::new(None); q.dimensions.len()],
            levels: vec![None; q.dimensions.len()],
            dont_know: 0,
        }
    }

    /// Recomputes visibility and scores for `masks`, reusing the buffers.
    pub(crate) fn fill(&mut self, masks: &[Option<u32>]) {
        let q = self.q;
        self.score.iter_mut().for_each(|s| *s = 0);
        self.max.iter_mut().for_each(|s| *s = 0);
        self.real.iter_mut().for_each(|s| *s = 0);
        self.asked.iter_mut().for_each(|s| *s = 0);
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
                } else if shown {
                    for (d, asked) in self.asked.iter_mut().enumerate() {
                        *asked += q.max_points_of(i, d);
                    }
                }
            }
        }
        self.calibration.iter().for_each(|c| c.set(None));
        self.refresh_levels();
    }

    /// Recomputes the levels from the scores (after a fill, or after a score
    /// was changed to see what one point would do).
    pub(crate) fn refresh_levels(&mut self) {
        for d in 0..self.levels.len() {
            let level = self
                .percent(d)
                .filter(|_| self.evaluated(d))
                .map(|p| level_of(self.q, p));
            if let Some(l) = self.levels.get_mut(d) {
                *l = level;
            }
        }
    }

    /// Dimension `d`'s calibration for the answers filled.
    pub(crate) fn calibration(&self, d: usize) -> Option<Calibration> {
        let cell = self.calibration.get(d)?;
        if let Some(c) = cell.get() {
            return c;
        }
        let c = calibration(self.q, d, &self.shown);
        cell.set(Some(c));
        c
    }

    fn add(&mut self, i: usize, question: &Question, mask: u32) {
        let dims = self.max.len();
        let best = self
            .q
            .max_points
            .get(i * dims..(i + 1) * dims)
            .unwrap_or_default();
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
        let really = u32::from(!dont_know);
        let sums = self.max.iter_mut().zip(&mut self.asked).zip(&mut self.real);
        for (((max, asked), real), best) in sums.zip(best) {
            *max += best;
            *asked += best;
            *real += best * really;
        }
        self.dont_know += u32::from(dont_know);
    }

    /// Whether dimension `d` has a level: something of it was answered, and
    /// the share really answered reaches the threshold.
    pub(crate) fn evaluated(&self, d: usize) -> bool {
        let max = self.max.get(d).copied().unwrap_or(0);
        let asked = self.asked.get(d).copied().unwrap_or(0);
        let real = self.real.get(d).copied().unwrap_or(0);
        max > 0 && real * 100 >= self.q.coverage_threshold * asked
    }

    pub(crate) fn coverage(&self, d: usize) -> Option<u32> {
        let asked = *self.asked.get(d)?;
        let real = *self.real.get(d)?;
        (asked > 0).then(|| real * 100 / asked)
    }

    pub(crate) fn percent(&self, d: usize) -> Option<u32> {
        let max = *self.max.get(d)?;
        let score = *self.score.get(d)?;
        (max > 0).then(|| ((score * 100 + max / 2) / max).min(100))
    }

    /// The level of dimension `d`, when it is evaluated.
    pub(crate) fn level(&self, d: usize) -> Option<usize> {
        self.levels.get(d).copied().flatten()
    }

    /// The parcours and next step of the rule that decides.
    pub(crate) fn decision(&self) -> (usize, Option<usize>) {
        decision_of(self.q, self.decide())
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
        self.eval(e, &mut ())
    }

    /// Generic over the recorder so that plain evaluation (`()`) compiles
    /// without the strings a trace needs: the resident's module never builds one.
    fn eval<R: Recorder>(&self, e: &Expr, reads: &mut R) -> bool {
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
                // Not evaluated: no comparison holds, not even `!=`.
                p.filter(|_| self.evaluated(*d))
                    .is_some_and(|p| op.holds(p, *n))
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
                lv.is_some_and(|lv| op.holds(lv, *l))
            }
            Expr::Evaluated(d) => {
                let r = self.evaluated(*d);
                self.record(reads, || {
                    (format!("evaluated({})", self.did(*d)), yes_no(r))
                });
                r
            }
            Expr::Miscalibrated(d) => {
                let r = self.calibration(*d) == Some(Calibration::Over);
                self.record(reads, || {
                    (format!("miscalibrated({})", self.did(*d)), yes_no(r))
                });
                r
            }
            Expr::DontKnow(op, n) => {
                self.record(reads, || ("dont-know()".into(), self.dont_know.to_string()));
                op.holds(self.dont_know, *n)
            }
        }
    }

    fn record<R: Recorder>(&self, reads: &mut R, f: impl FnOnce() -> (String, String)) {
        reads.record(f);
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
        let held = self.eval(&c.expr, &mut reads);
        (held, reads)
    }
}

/// Where the values read by a condition go: nowhere (`()`), or a trace.
trait Recorder {
    fn record(&mut self, f: impl FnOnce() -> (String, String));
}

impl Recorder for () {
    fn record(&mut self, _: impl FnOnce() -> (String, String)) {}
}

impl Recorder for Vec<Read> {
    fn record(&mut self, f: impl FnOnce() -> (String, String)) {
        let (what, value) = f();
        self.push(Read { what, value });
    }
}

/// The level band a percentage falls in.
pub(crate) fn level_of(q: &Questionnaire, p: u32) -> usize {
    q.levels
        .iter()
        .position(|l| l.below.is_none_or(|b| p < b))
        .unwrap_or(q.levels.len().saturating_sub(1))
}

/// The parcours and next step rule `r` recommends.
pub(crate) fn decision_of(q: &Questionnaire, r: usize) -> (usize, Option<usize>) {
    q.rules.get(r).map_or((0, None), |r| (r.parcours, r.next))
}

/// Points option set `mask` of question `i` gives dimension `d`.
pub(crate) fn points(q: &Questionnaire, i: usize, mask: u32, d: usize) -> u32 {
    q.questions.get(i).map_or(0, |question| {
        question
            .options
            .iter()
            .enumerate()
            .filter(|(k, _)| mask & bit(*k) != 0)
            .flat_map(|(_, o)| o.scores.iter())
            .filter(|(x, _)| *x == d)
            .map(|(_, p)| p)
            .sum()
    })
}

/// Whether option set `mask` of question `i` holds a "Je ne sais pas".
pub(crate) fn is_dont_know(q: &Questionnaire, i: usize, mask: u32) -> bool {
    q.questions.get(i).is_some_and(|question| {
        question
            .options
            .iter()
            .enumerate()
            .any(|(k, o)| o.dont_know && mask & bit(k) != 0)
    })
}

/// Compares dimension `d`'s self-ratings with its knowledge checks, from the
/// answers of the questions shown (see [`Calibration`]). At least two
/// self-ratings (other than "Je ne sais pas") and two checks must be
/// answered; a check answered "Je ne sais pas" is not right.
pub(crate) fn calibration(
    q: &Questionnaire,
    d: usize,
    shown: &[Option<u32>],
) -> Option<Calibration> {
    let dim = q.dimensions.get(d)?;
    if dim.checks.is_empty() {
        return None;
    }
    // Self-ratings and checks take one option: read it directly.
    let chosen = |i: usize| {
        let mask = shown.get(i).copied().flatten()?;
        let option = q
            .questions
            .get(i)?
            .options
            .get(mask.trailing_zeros() as usize)?;
        let points: u32 = option.scores.iter().filter(|s| s.0 == d).map(|s| s.1).sum();
        Some((option.dont_know, points, q.max_points_of(i, d)))
    };
    let (mut points_rated, mut max_rated, mut rated) = (0, 0, 0);
    for (_, points, max) in dim
        .self_ratings
        .iter()
        .filter_map(|i| chosen(*i))
        .filter(|c| !c.0)
    {
        points_rated += points;
        max_rated += max;
        rated += 1;
    }
    let (mut right, mut checked) = (0, 0);
    for (_, points, max) in dim.checks.iter().filter_map(|i| chosen(*i)) {
        checked += 1;
        right += u32::from(points == max);
    }
    if rated < 2 || checked < 2 || max_rated == 0 {
        return None;
    }
    Some(
        if points_rated * 3 >= max_rated * 2 && right * 2 < checked {
            Calibration::Over
        } else if points_rated * 3 <= max_rated && right * 2 > checked {
            Calibration::Under
        } else {
            Calibration::Consistent
        },
    )
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
    outcome::<true>(q, answers)
}

/// [`evaluate`] without the rules' trace (`Outcome::trace` is empty): what
/// the resident's page needs, without the code that writes a trace.
pub fn evaluate_untraced(q: &Questionnaire, answers: &Answers) -> Outcome {
    outcome::<false>(q, answers)
}

/// Generic over tracing so that an untraced build holds no tracing code.
fn outcome<const TRACED: bool>(q: &Questionnaire, answers: &Answers) -> Outcome {
    let (masks, ignored) = answers.to_masks(q);
    let mut st = State::new(q, &masks);

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
            percent: st.percent(d).filter(|_| st.evaluated(d)),
            level: st
                .level(d)
                .and_then(|l| q.levels.get(l))
                .map(|l| l.id.clone()),
            coverage: st.coverage(d),
            calibration: st.calibration(d),
        })
        .collect::<Vec<_>>();

    let mut trace = Vec::new();
    let mut decided = st.decide();
    for (i, rule) in q.rules.iter().enumerate().filter(|_| TRACED) {
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
    let early_stop = q.early_stop && !missing.is_empty() && crate::early::settled_masks(q, &masks);
    let confidence = confidence(&mut st, &dimensions, missing.len(), early_stop);
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
        early_stop,
        confidence,
        parcours: rule
            .and_then(|r| parcours_id(r.parcours))
            .unwrap_or_default(),
        because: rule.map(|r| r.because.clone()).unwrap_or_default(),
        next: rule.and_then(|r| r.next).and_then(parcours_id),
        rule: decided,
        trace,
    }
}

/// How firm the recommendation is. Low: questions missing that could change
/// it, or two reasons for doubt (six "Je ne sais pas" or more count as two);
/// medium: one reason; high: none. The reasons: a dimension mostly answered
/// "Je ne sais pas", three "Je ne sais pas" or more, self-ratings the checks
/// contradict, and a decision that one point more or less in a dimension's
/// score would change.
fn confidence(
    st: &mut State<'_>,
    dimensions: &[DimensionScore],
    missing: usize,
    early_stop: bool,
) -> Confidence {
    let mut reasons = Vec::new();
    if missing > 0 && !early_stop {
        reasons.push(Reason::Partial {
            missing: u32::try_from(missing).unwrap_or(u32::MAX),
        });
    }
    let threshold = st.q.coverage_threshold;
    for (d, dim) in dimensions.iter().enumerate() {
        // Judged on the questions answered: missing ones are `Partial`'s.
        let max = st.max.get(d).copied().unwrap_or(0);
        let real = st.real.get(d).copied().unwrap_or(0);
        if max > 0 && real * 100 < threshold * max {
            reasons.push(Reason::NotEvaluated {
                dimension: dim.id.clone(),
            });
        }
    }
    if st.dont_know >= 3 {
        reasons.push(Reason::DontKnow {
            count: st.dont_know,
        });
    }
    for dim in dimensions {
        if let Some(c @ (Calibration::Over | Calibration::Under)) = dim.calibration {
            reasons.push(Reason::Miscalibrated {
                dimension: dim.id.clone(),
                calibration: c,
            });
        }
    }
    let decision = st.decision();
    for (d, dim) in dimensions.iter().enumerate() {
        let (Some(&score), Some(&max)) = (st.score.get(d), st.max.get(d)) else {
            continue;
        };
        let changes = [score.checked_sub(1), (score < max).then_some(score + 1)]
            .into_iter()
            .flatten()
            .any(|other| {
                if let Some(s) = st.score.get_mut(d) {
                    *s = other;
                }
                st.refresh_levels();
                let changed = st.decision() != decision;
                if let Some(s) = st.score.get_mut(d) {
                    *s = score;
                }
                st.refresh_levels();
                changed
            });
        if changes {
            reasons.push(Reason::Narrow {
                dimension: dim.id.clone(),
            });
        }
    }
    let weight = reasons.len() + usize::from(st.dont_know >= 6);
    let level = if reasons.iter().any(|r| matches!(r, Reason::Partial { .. })) || weight >= 2 {
        ConfidenceLevel::Low
    } else if weight == 1 {
        ConfidenceLevel::Medium
    } else {
        ConfidenceLevel::High
    };
    Confidence { level, reasons }
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
