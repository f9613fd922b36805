//! Early stop: whether any answers to the questions still to come can change
//! the parcours or the next step.
//!
//! Exact, not sampled. The questions are settled in the order they are
//! asked (a `show-if` only reads earlier answers, so each question's
//! visibility is known when its turn comes). At each step the rules are
//! evaluated three-valued over bounds on what the unsettled questions can
//! still bring: each dimension's score, percent and coverage intervals, the
//! count of "Je ne sais pas". When every rule that may decide gives the same
//! parcours and next step, the whole subtree agrees; otherwise the next
//! question is enumerated, one branch per distinct effect of its answers.
//! A budget of steps bounds the work: past it, the answer is "not settled"
//! (never a wrong "settled").

use crate::condition::{Expr, Op};
use crate::evaluate::{bit, calibration, decision_of, is_dont_know, level_of, points, State};
use crate::model::{Kind, Questionnaire};

/// Most steps of the search before it gives up (answering "not settled").
const BUDGET: u32 = 5_000;
/// Multiple-choice questions with more options than this are not enumerated.
const MAX_ENUMERATED_OPTIONS: usize = 12;

/// Whether the recommendation is settled for these answers: every way of
/// answering the questions not answered yet gives the same parcours and next
/// step. (Whatever the questionnaire's `early-stop` says.)
pub fn settled(q: &Questionnaire, answers: &crate::Answers) -> bool {
    let (masks, _) = answers.to_masks(q);
    settled_masks(q, &masks)
}

/// Whether the recommendation is settled: every way of answering the
/// questions not answered yet gives the parcours and next step that the
/// answers so far give.
pub(crate) fn settled_masks(q: &Questionnaire, masks: &[Option<u32>]) -> bool {
    let target = State::new(q, masks).decision();
    let n = q.questions.len();
    let Some(choices) = choices(q, masks) else {
        return false;
    };
    let mut search = Search {
        q,
        masks,
        target,
        choices,
        cur: vec![None; n],
        budget: BUDGET,
    };
    search.node(0) == Verdict::Agree
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Verdict {
    Agree,
    Differ,
}

struct Search<'a> {
    q: &'a Questionnaire,
    /// The resident's answers.
    masks: &'a [Option<u32>],
    target: (usize, Option<usize>),
    /// For each unanswered question, one answer per distinct effect.
    choices: Vec<Vec<u32>>,
    /// Answers of the questions settled so far (`None`: hidden).
    cur: Vec<Option<u32>>,
    budget: u32,
}

impl Search<'_> {
    fn node(&mut self, pos: usize) -> Verdict {
        if self.budget == 0 {
            return Verdict::Differ;
        }
        self.budget -= 1;
        match self.bounded(pos) {
            Some(v) => return v,
            None if pos >= self.q.questions.len() => return Verdict::Differ,
            None => {}
        }
        let shown = self.shown_at(pos);
        let answered = self.masks.get(pos).copied().flatten();
        let options: Vec<Option<u32>> = match (shown, answered) {
            (false, _) => vec![None],
            (true, Some(m)) => vec![Some(m)],
            (true, None) => self
                .choices
                .get(pos)
                .map(|c| c.iter().map(|m| Some(*m)).collect())
                .unwrap_or_default(),
        };
        for m in options {
            if let Some(slot) = self.cur.get_mut(pos) {
                *slot = m;
            }
            if self.node(pos + 1) == Verdict::Differ {
                return Verdict::Differ;
            }
        }
        Verdict::Agree
    }

    /// Whether question `pos` is shown, given the answers settled before it.
    fn shown_at(&self, pos: usize) -> bool {
        // A `show-if` reads only answers, never scores: no bounds needed.
        let b = Bounds {
            search: self,
            pos,
            dims: Vec::new(),
            dont_know: Range { lo: 0, hi: 0 },
        };
        let Some(question) = self.q.questions.get(pos) else {
            return false;
        };
        let section = self
            .q
            .sections
            .get(question.section)
            .and_then(|s| s.show_if.as_ref());
        [section, question.show_if.as_ref()]
            .into_iter()
            .flatten()
            .all(|c| b.eval(&c.expr) == Some(true))
    }

    /// The verdict for every completion of the answers settled before `pos`,
    /// when the bounds decide it.
    fn bounded(&self, pos: usize) -> Option<Verdict> {
        let b = Bounds::new(self, pos);
        // Whether an earlier rule may hold (then its decision is the target's).
        let mut maybe_earlier = false;
        for (i, rule) in self.q.rules.iter().enumerate() {
            let same = decision_of(self.q, i) == self.target;
            match b.eval(&rule.when.expr) {
                Some(false) => {}
                Some(true) if same => return Some(Verdict::Agree),
                Some(true) if maybe_earlier => return None,
                Some(true) => return Some(Verdict::Differ),
                None if same => maybe_earlier = true,
                None => return None,
            }
        }
        Some(Verdict::Agree)
    }
}

/// For each question not answered yet, one option set per distinct effect on
/// the scores, the "Je ne sais pas" count and the conditions; `None` when a
/// multiple-choice question has too many options to enumerate.
fn choices(q: &Questionnaire, masks: &[Option<u32>]) -> Option<Vec<Vec<u32>>> {
    let n = q.questions.len();
    // Which options the conditions tell apart: all of them for `answer(q)`,
    // one bit per `chosen(q, o)`.
    let mut whole = vec![false; n];
    let mut bits = vec![0u32; n];
    let conditions = q
        .sections
        .iter()
        .filter_map(|s| s.show_if.as_ref())
        .chain(q.questions.iter().filter_map(|x| x.show_if.as_ref()))
        .chain(q.rules.iter().map(|r| &r.when));
    for c in conditions {
        references(&c.expr, &mut whole, &mut bits);
    }
    let dims = q.dimensions.len();
    let mut out = Vec::with_capacity(n);
    for (i, question) in q.questions.iter().enumerate() {
        if masks.get(i).copied().flatten().is_some() {
            out.push(Vec::new());
            continue;
        }
        let k = question.options.len();
        let candidates: Vec<u32> = if question.kind == Kind::Multiple {
            if k > MAX_ENUMERATED_OPTIONS {
                return None;
            }
            (0..(1u32 << k)).collect()
        } else {
            (0..k).map(bit).collect()
        };
        let mut seen: Vec<(Vec<u32>, bool, u32)> = Vec::new();
        let mut kept = Vec::new();
        for m in candidates {
            let told = if whole.get(i).copied().unwrap_or(true) {
                m
            } else {
                m & bits.get(i).copied().unwrap_or(u32::MAX)
            };
            let effect = (
                (0..dims).map(|d| points(q, i, m, d)).collect::<Vec<_>>(),
                is_dont_know(q, i, m),
                told,
            );
            if !seen.contains(&effect) {
                seen.push(effect);
                kept.push(m);
            }
        }
        out.push(kept);
    }
    Some(out)
}

fn references(e: &Expr, whole: &mut [bool], bits: &mut [u32]) {
    match e {
        Expr::Not(e) => references(e, whole, bits),
        Expr::And(v) | Expr::Or(v) => v.iter().for_each(|e| references(e, whole, bits)),
        Expr::Answer(q, _, _) => {
            if let Some(w) = whole.get_mut(*q) {
                *w = true;
            }
        }
        Expr::Chosen(q, o) => {
            if let Some(b) = bits.get_mut(*q) {
                *b |= bit(*o);
            }
        }
        _ => {}
    }
}

/// An interval `[lo, hi]`.
#[derive(Debug, Clone, Copy)]
struct Range {
    lo: u32,
    hi: u32,
}

impl Range {
    /// Whether `x op v` holds for every `x` in the range (`Some(true)`), for
    /// none (`Some(false)`), or for some only (`None`).
    fn compare(self, op: Op, v: u32) -> Option<bool> {
        let (lo, hi) = (self.lo, self.hi);
        let all = match op {
            Op::Eq => lo == v && hi == v,
            Op::Ne => v < lo || v > hi,
            Op::Lt => hi < v,
            Op::Le => hi <= v,
            Op::Gt => lo > v,
            Op::Ge => lo >= v,
        };
        let none = match op {
            Op::Eq => v < lo || v > hi,
            Op::Ne => lo == v && hi == v,
            Op::Lt => lo >= v,
            Op::Le => lo > v,
            Op::Gt => hi <= v,
            Op::Ge => hi < v,
        };
        if all {
            Some(true)
        } else if none {
            Some(false)
        } else {
            None
        }
    }
}

/// What the completions of a partial answer can reach, per dimension.
struct DimBounds {
    score: Range,
    percent: Range,
    /// Whether the dimension is evaluated: surely, surely not, or maybe.
    evaluated: Option<bool>,
}

struct Bounds<'s, 'a> {
    search: &'s Search<'a>,
    pos: usize,
    dims: Vec<DimBounds>,
    dont_know: Range,
}

/// Rounded percentage, as the scoring computes it.
fn percent(score: u32, max: u32) -> u32 {
    (score * 100 + max / 2)
        .checked_div(max)
        .unwrap_or(0)
        .min(100)
}

impl<'s, 'a> Bounds<'s, 'a> {
    fn new(search: &'s Search<'a>, pos: usize) -> Self {
        let q = search.q;
        let n = q.questions.len();
        let dims = q.dimensions.len();
        let mut b = Bounds {
            search,
            pos,
            dims: Vec::new(),
            dont_know: Range { lo: 0, hi: 0 },
        };
        // Per dimension: exact part (a: score, r: real, m: max), the points of
        // unanswered questions surely shown (their least score `s_lo` and,
        // without a "Je ne sais pas", their max `r_lo`), and the max of every
        // question not settled (`x`).
        let mut a = vec![0u32; dims];
        let mut r = vec![0u32; dims];
        let mut m = vec![0u32; dims];
        let mut s_lo = vec![0u32; dims];
        let mut r_lo = vec![0u32; dims];
        let mut m_sure = vec![0u32; dims];
        let mut x = vec![0u32; dims];
        let mut s_hi = vec![0u32; dims];
        for i in 0..n {
            let (shown, answer) = if i < pos {
                let a = search.cur.get(i).copied().flatten();
                (a.map(|_| Some(true)).unwrap_or(Some(false)), a)
            } else {
                (b.shown3(i), search.masks.get(i).copied().flatten())
            };
            let Some(question) = q.questions.get(i) else {
                continue;
            };
            if shown == Some(false) {
                continue;
            }
            let has_dk = question.options.iter().any(|o| o.dont_know);
            match (shown, answer) {
                (Some(true), Some(mask)) => {
                    let dk = is_dont_know(q, i, mask);
                    b.dont_know.lo += u32::from(dk);
                    b.dont_know.hi += u32::from(dk);
                    for d in 0..dims {
                        let p = points(q, i, mask, d);
                        let best = q.max_points_of(i, d);
                        add(&mut a, d, p);
                        add(&mut s_hi, d, p);
                        add(&mut m, d, best);
                        add(&mut m_sure, d, best);
                        if !dk {
                            add(&mut r, d, best);
                        }
                    }
                }
                (sure, answer) => {
                    let dk_possible = answer.map_or(has_dk, |mask| is_dont_know(q, i, mask));
                    b.dont_know.hi += u32::from(dk_possible);
                    for d in 0..dims {
                        let best = q.max_points_of(i, d);
                        add(&mut x, d, best);
                        match answer {
                            Some(mask) => add(&mut s_hi, d, points(q, i, mask, d)),
                            None => add(&mut s_hi, d, best),
                        }
                        if sure == Some(true) {
                            add(&mut m_sure, d, best);
                            let least = least_points(q, i, d);
                            add(&mut s_lo, d, least);
                            if !has_dk {
                                add(&mut r_lo, d, best);
                            }
                        }
                    }
                }
            }
        }
        let threshold = q.coverage_threshold;
        b.dims = (0..dims)
            .map(|d| {
                let g = |v: &[u32]| v.get(d).copied().unwrap_or(0);
                let (a, r, m, x) = (g(&a), g(&r), g(&m), g(&x));
                let den = m + x;
                let score = Range {
                    lo: a + g(&s_lo),
                    hi: g(&s_hi),
                };
                let percent = Range {
                    lo: percent(a + g(&s_lo), den),
                    hi: percent(a + x, den),
                };
                // Coverage = real / max, bounded as the percent is.
                let covered = |num: u32| den > 0 && num * 100 >= threshold * den;
                let evaluated = if den == 0 || !covered(r + x) {
                    Some(false)
                } else if g(&m_sure) > 0 && covered(r + g(&r_lo)) {
                    Some(true)
                } else {
                    None
                };
                DimBounds {
                    score,
                    percent,
                    evaluated,
                }
            })
            .collect();
        b
    }

    /// Whether question `i` (not settled yet) is shown: its section's and its
    /// own `show-if`, three-valued.
    fn shown3(&self, i: usize) -> Option<bool> {
        let q = self.search.q;
        let question = q.questions.get(i)?;
        let section = q
            .sections
            .get(question.section)
            .and_then(|s| s.show_if.as_ref());
        let mut result = Some(true);
        for c in [section, question.show_if.as_ref()].into_iter().flatten() {
            match self.eval(&c.expr) {
                Some(false) => return Some(false),
                None => result = None,
                Some(true) => {}
            }
        }
        result
    }

    /// The answer of question `i` when it is settled: `Some(None)` hidden,
    /// `Some(Some(mask))` answered, `None` not settled yet.
    fn settled(&self, i: usize) -> Option<Option<u32>> {
        (i < self.pos).then(|| self.search.cur.get(i).copied().flatten())
    }

    /// Three-valued evaluation: `None` when the completions disagree.
    fn eval(&self, e: &Expr) -> Option<bool> {
        let q = self.search.q;
        match e {
            Expr::True => Some(true),
            Expr::False => Some(false),
            Expr::Not(e) => self.eval(e).map(|b| !b),
            Expr::And(v) => {
                let mut result = Some(true);
                for e in v {
                    match self.eval(e) {
                        Some(false) => return Some(false),
                        None => result = None,
                        Some(true) => {}
                    }
                }
                result
            }
            Expr::Or(v) => {
                let mut result = Some(false);
                for e in v {
                    match self.eval(e) {
                        Some(true) => return Some(true),
                        None => result = None,
                        Some(false) => {}
                    }
                }
                result
            }
            Expr::Answered(i) => self.settled(*i).map(|a| a.is_some()),
            Expr::Chosen(i, o) => self
                .settled(*i)
                .map(|a| a.is_some_and(|m| m & bit(*o) != 0)),
            Expr::Answer(i, op, o) => {
                let answer = self.settled(*i)?;
                let dont_know = |c: usize| {
                    q.questions
                        .get(*i)
                        .and_then(|x| x.options.get(c))
                        .is_some_and(|o| o.dont_know)
                };
                let chosen = answer.map(|m| m.trailing_zeros() as usize);
                Some(match (chosen, op) {
                    (None, Op::Ne) => true,
                    (None, _) => false,
                    (Some(c), Op::Eq | Op::Ne) => op.holds(c, *o),
                    (Some(c), _) if dont_know(c) => false,
                    (Some(c), _) => op.holds(c, *o),
                })
            }
            Expr::Score(d, op, n) => self.dims.get(*d)?.score.compare(*op, *n),
            Expr::Percent(d, op, n) => {
                let dim = self.dims.get(*d)?;
                gated(dim.evaluated, dim.percent.compare(*op, *n))
            }
            Expr::Level(d, op, l) => {
                let dim = self.dims.get(*d)?;
                let levels = Range {
                    lo: u32::try_from(level_of(q, dim.percent.lo)).ok()?,
                    hi: u32::try_from(level_of(q, dim.percent.hi)).ok()?,
                };
                gated(dim.evaluated, levels.compare(*op, u32::try_from(*l).ok()?))
            }
            Expr::Evaluated(d) => self.dims.get(*d)?.evaluated,
            Expr::Miscalibrated(d) => {
                let dim = q.dimensions.get(*d)?;
                let settled = dim
                    .self_ratings
                    .iter()
                    .chain(&dim.checks)
                    .all(|i| *i < self.pos);
                settled
                    .then(|| calibration(q, *d, &self.search.cur) == Some(crate::Calibration::Over))
            }
            Expr::DontKnow(op, n) => self.dont_know.compare(*op, *n),
        }
    }
}

/// A comparison on a level or percent holds only when the dimension is
/// evaluated.
fn gated(evaluated: Option<bool>, compared: Option<bool>) -> Option<bool> {
    match (evaluated, compared) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), c) => c,
        (None, _) => None,
    }
}

fn add(v: &mut [u32], d: usize, p: u32) {
    if let Some(x) = v.get_mut(d) {
        *x += p;
    }
}

/// The fewest points any answer to question `i` gives dimension `d`.
fn least_points(q: &Questionnaire, i: usize, d: usize) -> u32 {
    let Some(question) = q.questions.get(i) else {
        return 0;
    };
    if question.kind == Kind::Multiple {
        return 0;
    }
    (0..question.options.len())
        .map(|k| points(q, i, bit(k), d))
        .min()
        .unwrap_or(0)
}
