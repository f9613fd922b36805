//! `cargo bench -p diag-core`: loading, scoring, codes and simulation on the
//! bundled questionnaire. Figures are recorded in BENCHMARKS.md.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use diag_core::{decode, encode, evaluate, simulate::simulate, Answers, Questionnaire};
use divan::{black_box, counter::ItemsCount, Bencher};

const SOURCE: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

fn main() {
    divan::main();
}

fn questionnaire() -> Questionnaire {
    Questionnaire::from_yaml(SOURCE).unwrap()
}

/// A complete answer set: the second option of every question.
fn answers(q: &Questionnaire) -> Answers {
    let mut a = Answers::new();
    for question in &q.questions {
        let o = &question.options[1 % question.options.len()];
        if question.kind.is_multiple() {
            a.choose_many(&question.id, &[&o.id]);
        } else {
            a.choose(&question.id, &o.id);
        }
    }
    a
}

#[divan::bench]
fn load_and_validate() -> Questionnaire {
    Questionnaire::from_yaml(black_box(SOURCE)).unwrap()
}

#[divan::bench]
fn evaluate_with_trace(b: Bencher) {
    let q = questionnaire();
    let a = answers(&q);
    b.bench(|| evaluate(black_box(&q), black_box(&a)));
}

#[divan::bench]
fn encode_and_decode(b: Bencher) {
    let q = questionnaire();
    let a = answers(&q);
    b.bench(|| decode(&q, &encode(black_box(&q), black_box(&a))).unwrap());
}

/// Throughput of the simulation: evaluations (recommendation only) per second.
#[divan::bench(args = [100_000])]
fn simulate_evaluations(b: Bencher, samples: u64) {
    let q = questionnaire();
    b.counter(ItemsCount::new(samples))
        .bench(|| simulate(black_box(&q), samples, 1));
}

/// The bare evaluation loop: random complete answers → recommended parcours.
#[divan::bench(args = [100_000])]
fn recommend_random_answers(b: Bencher, samples: u64) {
    let q = questionnaire();
    b.counter(ItemsCount::new(samples))
        .bench(|| diag_core::simulate::count(black_box(&q), samples, 1));
}

/// Parsing alone (serde_yaml into the raw types), to see what validation adds.
#[divan::bench]
fn yaml_parse_only() -> usize {
    let v: serde_yaml::Value = serde_yaml::from_str(black_box(SOURCE)).unwrap();
    v.as_mapping().map_or(0, |m| m.len())
}

/// The slowest hostile input of `tests/hostile.rs`: 3,000 questions, each
/// with a `show-if` naming a question that does not exist (about 540 KB).
#[divan::bench(sample_count = 10)]
fn hostile_slowest(b: Bencher) {
    let m = include_str!("../../../tests/fixtures/minimal.yaml");
    let many: String = (0..3000)
        .map(|i| format!("      - {{ id: q{i}, kind: yes-no, show-if: answered(nope{i}), text: {{ fr: \"Q\", en: \"Q\" }}, options: [ {{ id: o, text: {{ fr: \"O\", en: \"O\" }} }}, {{ id: n, text: {{ fr: \"N\", en: \"N\" }} }} ] }}\n"))
        .collect();
    let src = m.replacen(
        "      - id: cherche-emploi\n",
        &format!("{many}      - id: cherche-emploi\n"),
        1,
    );
    b.bench(|| Questionnaire::check(black_box(&src)).len());
}
