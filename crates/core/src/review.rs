//! What the advisor's records tell the author (`diag review`): per rule, how
//! often it decided and how often the advisor chose another parcours (to
//! which, and why), and the answers most common among overridden results.
//! Records whose code was made by another version of the questionnaire, or
//! whose recommendation differs from today's rules, are listed apart and
//! never counted with the others.

use crate::records::Record;
use crate::{decode, evaluate, Answer, Questionnaire};
use serde::Serialize;
use std::collections::BTreeMap;

/// The whole review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// Records read.
    pub records: usize,
    /// Records counted: their code reads with this questionnaire and gives
    /// the recommendation they recorded.
    pub counted: usize,
    /// Overridden among those counted.
    pub overridden: usize,
    /// Every rule, in order, with what the records say of it.
    pub rules: Vec<RuleReview>,
    /// The answers most common among overridden results, most frequent first.
    pub patterns: Vec<Pattern>,
    /// Records not counted, and why.
    pub set_aside: Vec<SetAside>,
}

/// One rule as the records saw it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleReview {
    /// Its number, from 1.
    pub rule: usize,
    /// The rule in words.
    pub sentence: String,
    /// The condition as written.
    pub when: String,
    /// The parcours it recommends.
    pub parcours: String,
    /// How many counted records it decided.
    pub decided: usize,
    /// How many of those the advisor overrode.
    pub overridden: usize,
    /// To which parcours, and how often.
    pub to: BTreeMap<String, usize>,
    /// The advisors' reasons, as written.
    pub reasons: Vec<String>,
}

/// An answer and how often it comes with an override.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    /// The question's text.
    pub question: String,
    /// The option's text.
    pub answer: String,
    /// Overridden records with this answer.
    pub overridden: usize,
    /// All counted records with this answer.
    pub all: usize,
}

/// A record left out of the counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetAside {
    /// The record's id.
    pub id: String,
    /// Its day of intake.
    pub date: String,
    /// Its result code.
    pub code: String,
    /// Why, in the review's language.
    pub why: String,
}

/// How many answer patterns the review keeps.
const PATTERNS: usize = 5;

/// Reviews `records` against questionnaire `q`; texts in `lang`.
pub fn review(q: &Questionnaire, records: &[Record], lang: &str) -> Review {
    let fr = lang == "fr";
    let mut rules: Vec<RuleReview> = q
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| RuleReview {
            rule: i + 1,
            sentence: r.in_words(q, lang),
            when: r.when.source().to_owned(),
            parcours: q
                .parcours
                .get(r.parcours)
                .map_or_else(String::new, |p| p.id.clone()),
            decided: 0,
            overridden: 0,
            to: BTreeMap::new(),
            reasons: Vec::new(),
        })
        .collect();
    // (question, option) → (overridden, all)
    let mut answers: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    let mut set_aside = Vec::new();
    let (mut counted, mut overridden) = (0, 0);
    for r in records {
        let aside = |why: String| SetAside {
            id: r.id.clone(),
            date: r.date.clone(),
            code: r.code.clone(),
            why,
        };
        let given = match decode(q, &r.code) {
            Ok(a) => a,
            Err(e) => {
                set_aside.push(aside(e.message(lang)));
                continue;
            }
        };
        let outcome = evaluate(q, &given);
        if outcome.parcours != r.recommended {
            set_aside.push(aside(if fr {
                format!("recommandait `{}`, les règles d'aujourd'hui `{}` : fiche d'une autre version des règles", r.recommended, outcome.parcours)
            } else {
                format!("recommended `{}`, today's rules give `{}`: a record from another version of the rules", r.recommended, outcome.parcours)
            }));
            continue;
        }
        counted += 1;
        let changed = r.parcours != r.recommended;
        overridden += usize::from(changed);
        if let Some(rule) = outcome
            .trace
            .iter()
            .find(|t| t.held)
            .and_then(|t| rules.get_mut(t.rule))
        {
            rule.decided += 1;
            if changed {
                rule.overridden += 1;
                *rule.to.entry(r.parcours.clone()).or_default() += 1;
                if !r.override_reason.is_empty() {
                    rule.reasons.push(r.override_reason.clone());
                }
            }
        }
        for (qi, question) in q.questions.iter().enumerate() {
            let chosen: Vec<&String> = match given.get(&question.id) {
                Some(Answer::One(o)) => vec![o],
                Some(Answer::Many(v)) => v.iter().collect(),
                None => Vec::new(),
            };
            for o in chosen {
                if let Some(oi) = question.options.iter().position(|x| &x.id == o) {
                    let e = answers.entry((qi, oi)).or_default();
                    e.0 += usize::from(changed);
                    e.1 += 1;
                }
            }
        }
    }
    let mut patterns: Vec<Pattern> = answers
        .into_iter()
        .filter(|(_, (o, _))| *o > 0)
        .filter_map(|((qi, oi), (o, all))| {
            let question = q.questions.get(qi)?;
            Some(Pattern {
                question: question.text.get(lang).to_owned(),
                answer: question.options.get(oi)?.text.get(lang).to_owned(),
                overridden: o,
                all,
            })
        })
        .collect();
    // Most often with an override; then the most telling (rarest overall).
    patterns.sort_by(|a, b| b.overridden.cmp(&a.overridden).then(a.all.cmp(&b.all)));
    patterns.truncate(PATTERNS);
    Review {
        records: records.len(),
        counted,
        overridden,
        rules,
        patterns,
        set_aside,
    }
}
