//! The author's proof that the rules do what they should: which parcours can
//! be reached and how, which rules never decide, how often each parcours comes
//! out, and which questions never change the recommendation.
//!
//! Pure and reproducible: the random answers come from a seeded generator.

use crate::answers::Answers;
use crate::code::encode;
use crate::evaluate::State;
use crate::model::Questionnaire;
use serde::Serialize;

/// Answer spaces up to this size are enumerated completely.
pub const EXHAUSTIVE_LIMIT: u64 = 2_000_000;

/// What a simulation found.
#[derive(Debug, Clone, Serialize)]
pub struct Simulation {
    /// Answer sets evaluated.
    pub evaluated: u64,
    /// Whether every possible complete answer set was evaluated (otherwise: random samples).
    pub exhaustive: bool,
    /// Per parcours, in the questionnaire's order.
    pub parcours: Vec<ParcoursReach>,
    /// Per rule, in order.
    pub rules: Vec<RuleReach>,
    /// Questions whose answer never changed the recommendation in the samples tried.
    pub inert_questions: Vec<String>,
    /// Early stop, confidence and calibration over random answer paths
    /// (filled by [`reasoning`] on demand: it walks paths one answer at a
    /// time, far slower than the evaluations counted above).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<Reasoning>,
}

/// Random residents answering question after question, as the page asks them.
#[derive(Debug, Clone, Serialize)]
pub struct Reasoning {
    /// Answer paths walked.
    pub paths: u64,
    /// Whether the questionnaire offers early stop (the figures "with" are
    /// computed either way, to show what it would save).
    pub early_stop: bool,
    /// Questions asked without early stop: how many paths asked each count
    /// (index = number of questions).
    pub asked_without: Vec<u64>,
    /// Questions asked when each resident stops as soon as the advice is settled.
    pub asked_with: Vec<u64>,
    /// Mean of `asked_without`.
    pub mean_without: f64,
    /// Mean of `asked_with`.
    pub mean_with: f64,
    /// Complete outcomes by confidence: low, medium, high.
    pub confidence: [u64; 3],
    /// Per dimension with checks: how often the self-ratings were over and
    /// under what the checks show.
    pub calibration: Vec<CalibrationReach>,
}

/// How often calibration fires on one dimension.
#[derive(Debug, Clone, Serialize)]
pub struct CalibrationReach {
    /// Dimension id.
    pub dimension: String,
    /// Paths where the self-ratings were above what the checks show.
    pub over: u64,
    /// Paths where they were below.
    pub under: u64,
}

/// Most paths walked for [`Reasoning`] (each settles the advice after every answer).
pub const REASONING_PATHS: u64 = 1_000;

/// Whether and how a parcours is reached.
#[derive(Debug, Clone, Serialize)]
pub struct ParcoursReach {
    /// Parcours id.
    pub id: String,
    /// How many answer sets led to it.
    pub count: u64,
    /// Its share of all answer sets, in percent.
    pub share: f64,
    /// A simple answer set that reaches it (`None`: not reached).
    pub example: Option<Answers>,
    /// The result code of that example.
    pub code: Option<String>,
}

/// How often a rule decided, and how often it held at all.
#[derive(Debug, Clone, Serialize)]
pub struct RuleReach {
    /// Index from 0.
    pub rule: usize,
    /// The condition as written.
    pub when: String,
    /// The parcours it names.
    pub parcours: String,
    /// Answer sets it decided.
    pub decided: u64,
    /// Answer sets where its condition held (whether or not an earlier rule won).
    pub held: u64,
}

impl RuleReach {
    /// Held sometimes, but an earlier rule always decided first.
    pub fn is_shadowed(&self) -> bool {
        self.decided == 0 && self.held > 0
    }
    /// Its condition never held.
    pub fn never_holds(&self) -> bool {
        self.held == 0
    }
}

/// SplitMix64: small, fast, and the same sequence everywhere for a seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
}

/// How many answers a question allows: options, or subsets for multiple choice.
fn choices(q: &Questionnaire, i: usize) -> u64 {
    q.questions.get(i).map_or(1, |question| {
        let n = question.options.len().min(32) as u32;
        if question.kind.is_multiple() {
            1u64 << n
        } else {
            u64::from(n)
        }
    })
}

fn mask_of(q: &Questionnaire, i: usize, choice: u64) -> Option<u32> {
    let question = q.questions.get(i)?;
    if question.kind.is_multiple() {
        u32::try_from(choice).ok()
    } else {
        Some(crate::evaluate::bit(usize::try_from(choice).ok()?))
    }
}

/// Counts of evaluated answer sets.
struct Tally<'q> {
    state: State<'q>,
    parcours: Vec<u64>,
    decided: Vec<u64>,
    held: Vec<u64>,
    first: Vec<Option<Vec<Option<u32>>>>,
}

impl Tally<'_> {
    fn add(&mut self, q: &Questionnaire, masks: &[Option<u32>]) {
        self.state.fill(masks);
        let st = &self.state;
        let mut winner = None;
        for (r, rule) in q.rules.iter().enumerate() {
            if st.holds(&rule.when.expr) {
                if let Some(h) = self.held.get_mut(r) {
                    *h += 1;
                }
                if winner.is_none() {
                    winner = Some(r);
                }
            }
        }
        let r = winner.unwrap_or(q.rules.len().saturating_sub(1));
        if let Some(d) = self.decided.get_mut(r) {
            *d += 1;
        }
        if let Some(p) = q.rules.get(r).map(|r| r.parcours) {
            if let Some(c) = self.parcours.get_mut(p) {
                *c += 1;
            }
            if let Some(f @ None) = self.first.get_mut(p) {
                *f = Some(masks.to_vec());
            }
        }
    }
}

/// Runs the simulation: every answer set when there are at most
/// [`EXHAUSTIVE_LIMIT`], otherwise `samples` random ones from `seed`.
pub fn simulate(q: &Questionnaire, samples: u64, seed: u64) -> Simulation {
    let n = q.questions.len();
    let mut tally = Tally {
        state: State::empty(q),
        parcours: vec![0; q.parcours.len()],
        decided: vec![0; q.rules.len()],
        held: vec![0; q.rules.len()],
        first: vec![None; q.parcours.len()],
    };
    let space = (0..n).try_fold(1u64, |acc, i| acc.checked_mul(choices(q, i)));
    let exhaustive = space.is_some_and(|s| s <= EXHAUSTIVE_LIMIT);
    let mut rng = Rng(seed);
    let mut masks = vec![None; n];
    let total = if exhaustive {
        space.unwrap_or(0)
    } else {
        samples
    };
    for k in 0..total {
        let mut rest = k;
        for (i, m) in masks.iter_mut().enumerate() {
            let c = choices(q, i);
            let choice = if exhaustive {
                let v = rest % c.max(1);
                rest /= c.max(1);
                v
            } else {
                rng.below(c)
            };
            *m = mask_of(q, i, choice);
        }
        tally.add(q, &masks);
    }

    // Simplify each first example: try the first option of each question in
    // turn, keeping it when the parcours stays the same.
    let parcours = q
        .parcours
        .iter()
        .enumerate()
        .map(|(p, parcours)| {
            let example = tally.first.get(p).cloned().flatten().map(|mut m| {
                for i in 0..n {
                    let before = m.get(i).copied().flatten();
                    let simple = mask_of(q, i, 0);
                    if let Some(slot) = m.get_mut(i) {
                        *slot = simple;
                    }
                    if crate::evaluate::recommend_masks(q, &m) != p {
                        if let Some(slot) = m.get_mut(i) {
                            *slot = before;
                        }
                    }
                }
                // Answers to hidden questions say nothing: leave them out.
                let st = State::new(q, &m);
                Answers::from_masks(q, &st.shown)
            });
            let count = tally.parcours.get(p).copied().unwrap_or(0);
            ParcoursReach {
                id: parcours.id.clone(),
                count,
                share: if total == 0 {
                    0.0
                } else {
                    count as f64 * 100.0 / total as f64
                },
                code: example.as_ref().map(|a| encode(q, a)),
                example,
            }
        })
        .collect();

    let rules = q
        .rules
        .iter()
        .enumerate()
        .map(|(r, rule)| RuleReach {
            rule: r,
            when: rule.when.source.clone(),
            parcours: q
                .parcours
                .get(rule.parcours)
                .map_or_else(String::new, |p| p.id.clone()),
            decided: tally.decided.get(r).copied().unwrap_or(0),
            held: tally.held.get(r).copied().unwrap_or(0),
        })
        .collect();

    Simulation {
        evaluated: total,
        exhaustive,
        parcours,
        rules,
        inert_questions: inert_questions(q, seed),
        reasoning: None,
    }
}

/// Walks `paths` random residents through the questionnaire in order.
pub fn reasoning(q: &Questionnaire, paths: u64, seed: u64) -> Reasoning {
    let n = q.questions.len();
    let mut rng = Rng(seed ^ 0xEA21);
    let mut without = vec![0u64; n + 1];
    let mut with = vec![0u64; n + 1];
    let mut confidence = [0u64; 3];
    let dims: Vec<usize> = (0..q.dimensions.len())
        .filter(|d| q.dimensions.get(*d).is_some_and(|x| !x.checks.is_empty()))
        .collect();
    let mut calibration: Vec<CalibrationReach> = dims
        .iter()
        .filter_map(|d| q.dimensions.get(*d))
        .map(|d| CalibrationReach {
            dimension: d.id.clone(),
            over: 0,
            under: 0,
        })
        .collect();
    for _ in 0..paths {
        let mut masks = vec![None; n];
        let mut asked = 0;
        let mut settled_at = None;
        loop {
            let st = State::new(q, &masks);
            let next = (0..n).find(|i| {
                st.visible.get(*i).copied().unwrap_or(false)
                    && masks.get(*i).copied().flatten().is_none()
            });
            let Some(i) = next else { break };
            if settled_at.is_none() && asked > 0 && crate::early::settled_masks(q, &masks) {
                settled_at = Some(asked);
            }
            if let Some(m) = masks.get_mut(i) {
                *m = mask_of(q, i, rng.below(choices(q, i)));
            }
            asked += 1;
        }
        for (v, k) in [
            (&mut without, asked),
            (&mut with, settled_at.unwrap_or(asked)),
        ] {
            if let Some(c) = v.get_mut(k) {
                *c += 1;
            }
        }
        let outcome = crate::evaluate::evaluate(q, &Answers::from_masks(q, &masks));
        if let Some(c) = confidence.get_mut(outcome.confidence.level as usize) {
            *c += 1;
        }
        for (reach, d) in calibration.iter_mut().zip(&dims) {
            match outcome.dimensions.get(*d).and_then(|x| x.calibration) {
                Some(crate::Calibration::Over) => reach.over += 1,
                Some(crate::Calibration::Under) => reach.under += 1,
                _ => {}
            }
        }
    }
    let mean = |v: &[u64]| {
        let total: u64 = v.iter().sum();
        let sum: u64 = v.iter().enumerate().map(|(k, c)| k as u64 * c).sum();
        if total == 0 {
            0.0
        } else {
            sum as f64 / total as f64
        }
    };
    Reasoning {
        paths,
        early_stop: q.early_stop,
        mean_without: mean(&without),
        mean_with: mean(&with),
        asked_without: without,
        asked_with: with,
        confidence,
        calibration,
    }
}

/// Questions whose answer never changes the recommendation: for random answer
/// sets, every other answer to the question is tried.
fn inert_questions(q: &Questionnaire, seed: u64) -> Vec<String> {
    const TRIALS: usize = 2_000;
    let n = q.questions.len();
    let mut changes = vec![false; n];
    let mut rng = Rng(seed ^ 0x5EED);
    let mut masks = vec![None; n];
    for _ in 0..TRIALS {
        for (i, m) in masks.iter_mut().enumerate() {
            *m = mask_of(q, i, rng.below(choices(q, i)));
        }
        let base = crate::evaluate::recommend_masks(q, &masks);
        for i in 0..n {
            if changes.get(i).copied().unwrap_or(true) {
                continue;
            }
            let keep = masks.get(i).copied().flatten();
            let c = choices(q, i).min(64);
            for choice in 0..c {
                if let Some(slot) = masks.get_mut(i) {
                    *slot = mask_of(q, i, choice);
                }
                if crate::evaluate::recommend_masks(q, &masks) != base {
                    if let Some(ch) = changes.get_mut(i) {
                        *ch = true;
                    }
                    break;
                }
            }
            if let Some(slot) = masks.get_mut(i) {
                *slot = keep;
            }
        }
    }
    q.questions
        .iter()
        .zip(&changes)
        .filter(|(_, changed)| !**changed)
        .map(|(question, _)| question.id.clone())
        .collect()
}

/// How many of `samples` random complete answer sets lead to each parcours:
/// the bare evaluation loop, for throughput measurements.
pub fn count(q: &Questionnaire, samples: u64, seed: u64) -> Vec<u64> {
    let mut counts = vec![0; q.parcours.len()];
    let mut rng = Rng(seed);
    let mut state = State::empty(q);
    let mut masks = vec![None; q.questions.len()];
    for _ in 0..samples {
        for (i, m) in masks.iter_mut().enumerate() {
            *m = mask_of(q, i, rng.below(choices(q, i)));
        }
        state.fill(&masks);
        if let Some(c) = q
            .rules
            .get(state.decide())
            .and_then(|r| counts.get_mut(r.parcours))
        {
            *c += 1;
        }
    }
    counts
}
