//! Early stop is exact: whenever it says the recommendation is settled, every
//! way of answering the remaining questions gives the same parcours and next
//! step. On a small questionnaire every answer path is enumerated and the
//! search must agree with brute force both ways; on the bundled one, random
//! prefixes are checked against random completions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{evaluate, settled, shown_questions, Answer, Answers, Questionnaire};
use proptest::prelude::*;
use std::sync::OnceLock;

fn small() -> Questionnaire {
    Questionnaire::from_yaml(include_str!("../../../tests/fixtures/early-stop.yaml")).unwrap()
}

fn bundled() -> &'static Questionnaire {
    static Q: OnceLock<Questionnaire> = OnceLock::new();
    Q.get_or_init(|| {
        Questionnaire::from_yaml(include_str!(
            "../../../questionnaires/villeneuve-la-garenne.yaml"
        ))
        .unwrap()
    })
}

/// Every answer a question accepts (every subset for a multiple choice).
fn every_answer(q: &Questionnaire, i: usize) -> Vec<Answer> {
    let question = &q.questions[i];
    let ids: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
    if question.kind.is_multiple() {
        (0..1u32 << ids.len())
            .map(|m| {
                Answer::Many(
                    ids.iter()
                        .enumerate()
                        .filter(|(k, _)| m & (1 << k) != 0)
                        .map(|(_, id)| (*id).to_owned())
                        .collect(),
                )
            })
            .collect()
    } else {
        ids.iter().map(|id| Answer::One((*id).to_owned())).collect()
    }
}

/// The first question shown and not answered yet, in the order asked.
fn next_question(q: &Questionnaire, a: &Answers) -> Option<usize> {
    shown_questions(q, a)
        .into_iter()
        .find(|i| a.get(&q.questions[*i].id).is_none())
}

type Decision = (String, Option<String>);

fn decision(q: &Questionnaire, a: &Answers) -> Decision {
    let o = evaluate(q, a);
    (o.parcours, o.next)
}

/// Every decision reachable by answering on from `a`, as a resident would.
fn completions(q: &Questionnaire, a: &mut Answers, out: &mut Vec<Decision>) {
    let Some(i) = next_question(q, a) else {
        let d = decision(q, a);
        if !out.contains(&d) {
            out.push(d);
        }
        return;
    };
    let id = q.questions[i].id.clone();
    for answer in every_answer(q, i) {
        a.set(&id, answer);
        completions(q, a, out);
    }
    a.remove(&id);
}

/// Walks every prefix of every answer path; returns (prefixes, settled ones).
fn check_every_prefix(q: &Questionnaire, a: &mut Answers, counts: &mut (u32, u32)) {
    let Some(i) = next_question(q, a) else {
        return;
    };
    counts.0 += 1;
    let mut reachable = Vec::new();
    completions(q, &mut a.clone(), &mut reachable);
    let now = decision(q, a);
    let brute = reachable.len() == 1 && reachable[0] == now;
    let claimed = settled(q, a);
    assert_eq!(
        claimed, brute,
        "answers {a:?}: early stop says {claimed}, brute force finds {reachable:?} (now {now:?})"
    );
    assert_eq!(evaluate(q, a).early_stop, claimed);
    counts.1 += u32::from(claimed);
    let id = q.questions[i].id.clone();
    for answer in every_answer(q, i) {
        a.set(&id, answer);
        check_every_prefix(q, a, counts);
    }
    a.remove(&id);
}

#[test]
fn on_a_small_questionnaire_early_stop_agrees_with_brute_force_on_every_prefix() {
    let q = small();
    let mut counts = (0, 0);
    check_every_prefix(&q, &mut Answers::new(), &mut counts);
    let (prefixes, settled) = counts;
    // Not vacuous: many prefixes, some settled, some not.
    assert!(prefixes > 1000, "{prefixes} prefixes");
    assert!(
        settled > prefixes / 10 && settled < prefixes,
        "{settled} of {prefixes}"
    );
}

#[test]
fn a_beginner_is_not_asked_the_internet_checks() {
    let q = bundled();
    let mut a = Answers::new();
    a.choose_many("equipement", &["smartphone"])
        .choose("internet-maison", "telephone")
        .choose("adresse-email", "non")
        .choose("cherche-emploi", "non")
        .choose_many("objectifs", &["demarches", "proches"])
        .choose("allumer", "non")
        .choose("souris", "non")
        .choose("clavier", "non")
        .choose("dossiers", "non");
    let o = evaluate(q, &a);
    assert!(o.early_stop, "{:?}", o.missing);
    assert_eq!(o.parcours, "initiation");
    assert!(o.missing.iter().any(|m| m == "quiz-arnaque"));
}

/// A random path through the bundled questionnaire: `len` answers given in
/// order, each picked by the next random number.
fn path(q: &Questionnaire, picks: &[u32]) -> Answers {
    let mut a = Answers::new();
    for r in picks {
        let Some(i) = next_question(q, &a) else { break };
        let all = every_answer(q, i);
        a.set(&q.questions[i].id, all[*r as usize % all.len()].clone());
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn on_the_bundled_questionnaire_a_settled_decision_survives_any_completion(
        prefix in proptest::collection::vec(any::<u32>(), 0..20),
        tails in proptest::collection::vec(proptest::collection::vec(any::<u32>(), 25), 40),
    ) {
        let q = bundled();
        let a = path(q, &prefix);
        if settled(q, &a) {
            let now = decision(q, &a);
            for tail in &tails {
                let mut full = a.clone();
                for r in tail {
                    let Some(i) = next_question(q, &full) else { break };
                    let all = every_answer(q, i);
                    full.set(&q.questions[i].id, all[*r as usize % all.len()].clone());
                }
                prop_assert_eq!(decision(q, &full), now.clone(), "{:?} then {:?}", a, full);
            }
        }
    }
}
