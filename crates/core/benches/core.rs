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

/// A resident's answers in the order asked: the `k`-th option pick of each
/// question shown (`pick(i)`), stopping after `len` answers.
fn path(q: &Questionnaire, len: usize, pick: impl Fn(usize) -> usize) -> Answers {
    let mut a = Answers::new();
    for _ in 0..len {
        let shown = diag_core::shown_questions(q, &a);
        let Some(&i) = shown.iter().find(|i| a.get(&q.questions[**i].id).is_none()) else {
            break;
        };
        let question = &q.questions[i];
        let o = &question.options[pick(i) % question.options.len()];
        if question.kind.is_multiple() {
            a.choose_many(&question.id, &[&o.id]);
        } else {
            a.choose(&question.id, &o.id);
        }
    }
    a
}

/// The early-stop decision after the `k`-th answer of a resident who picks
/// the third option everywhere ("seul·e" on the scales): the page runs it
/// after every answer. Target: at most 1 ms.
#[divan::bench(args = [3, 6, 9, 12, 15])]
fn early_stop_bundled(b: Bencher, k: usize) {
    let q = questionnaire();
    let a = path(&q, k, |_| 2);
    b.bench(|| diag_core::settled(black_box(&q), black_box(&a)));
}

/// A synthetic questionnaire of `4 × per_dim` questions: per skill area a
/// section of scale self-ratings and knowledge checks (the last three
/// sections shown only to some), twelve rules over levels, coverage,
/// calibration and "Je ne sais pas".
fn synthetic(per_dim: usize) -> Questionnaire {
    let dims = ["a", "b", "c", "d"];
    let mut y = String::from(
        "format: 1\nid: synthetique\nversion: \"1\"\ncode-prefix: SY\nlanguages: [fr]\n\
         title: { fr: \"Synthétique\" }\norganisation: { name: { fr: \"Mairie\" } }\nearly-stop: true\n\
         dimensions:\n",
    );
    for d in dims {
        let checks: Vec<String> = (0..per_dim / 3).map(|k| format!("{d}c{k}")).collect();
        y += &format!(
            "  - {{ id: {d}, label: {{ fr: \"{d}\" }}, checks: [{}] }}\n",
            checks.join(", ")
        );
    }
    y += "levels:\n  - { id: debutant, below: 40, label: { fr: \"D\" } }\n  - { id: intermediaire, below: 75, label: { fr: \"I\" } }\n  - { id: avance, label: { fr: \"A\" } }\n";
    y += "scales:\n  - id: s\n    steps:\n      - { id: non, value: 0, text: { fr: \"0\" } }\n      - { id: aide, value: 1, text: { fr: \"1\" } }\n      - { id: seul, value: 2, text: { fr: \"2\" } }\n      - { id: expliquer, value: 3, text: { fr: \"3\" } }\n      - { id: nsp, dont-know: true, text: { fr: \"?\" } }\n";
    y += "parcours:\n";
    for p in ["p1", "p2", "p3", "p4"] {
        y += &format!("  - {{ id: {p}, title: {{ fr: \"{p}\" }}, summary: {{ fr: \"{p}\" }} }}\n");
    }
    y += "sections:\n";
    for (n, d) in dims.iter().enumerate() {
        y += &format!("  - id: sec{d}\n    title: {{ fr: \"{d}\" }}\n");
        if n > 0 {
            y += &format!("    show-if: answer(ar0) >= aide or answer({d}r0) != nsp\n")
                .replace(&format!(" or answer({d}r0) != nsp"), "");
        }
        y += "    questions:\n";
        for k in 0..per_dim - per_dim / 3 {
            y += &format!("      - {{ id: {d}r{k}, kind: scale, scale: s, scores: {{ {d}: 1 }}, text: {{ fr: \"R\" }} }}\n");
        }
        for k in 0..per_dim / 3 {
            y += &format!("      - {{ id: {d}c{k}, kind: single, text: {{ fr: \"C\" }}, options: [ {{ id: juste, text: {{ fr: \"J\" }}, scores: {{ {d}: 3 }} }}, {{ id: faux, text: {{ fr: \"F\" }} }}, {{ id: autre, text: {{ fr: \"A\" }} }}, {{ id: nsp, dont-know: true, text: {{ fr: \"?\" }} }} ] }}\n");
        }
    }
    y += "recommendation:\n";
    let rules = [
        ("dont-know() >= 12", "p1"),
        ("level(a) == debutant or not evaluated(a)", "p1"),
        ("miscalibrated(a)", "p1"),
        ("level(b) == debutant and level(c) == debutant", "p1"),
        ("miscalibrated(b) or miscalibrated(c)", "p2"),
        ("level(b) == avance and level(c) >= intermediaire", "p3"),
        ("level(d) == avance", "p4"),
        ("percent(b) < 50 and percent(d) >= 50", "p2"),
        ("score(c) > 30", "p3"),
        ("level(c) == intermediaire and not evaluated(d)", "p2"),
        ("level(a) == avance and level(d) < avance", "p3"),
    ];
    for (when, p) in rules {
        y += &format!("  - {{ when: \"{when}\", parcours: {p}, because: {{ fr: \"{p}\" }} }}\n");
    }
    y += "  - { otherwise: true, parcours: p2, because: { fr: \"p2\" } }\n";
    Questionnaire::from_yaml(&y).unwrap()
}

/// The early-stop decision after the `k`-th answer on a 60-question
/// synthetic questionnaire. Target: at most 5 ms.
#[divan::bench(args = [10, 20, 30, 40, 50])]
fn early_stop_synthetic_60(b: Bencher, k: usize) {
    let q = synthetic(15);
    assert_eq!(q.questions.len(), 60);
    let a = path(&q, k, |i| (i * 7 + 2) % 5);
    b.bench(|| diag_core::settled(black_box(&q), black_box(&a)));
}
