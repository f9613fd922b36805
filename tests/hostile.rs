//! Hostile input: crafted or broken questionnaires, each rejected (or, for
//! byte-order marks and CRLF line ends, accepted) with the exact expected
//! first diagnostic, located by line, and quickly. Files that are too large to
//! commit are generated here; small ones live in `tests/hostile/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{Diagnostic, Questionnaire};
use std::time::{Duration, Instant};

fn minimal() -> String {
    std::fs::read_to_string(diag_tests::dir().join("fixtures/minimal.yaml")).unwrap()
}

/// The first diagnostic as `code line:column message`.
fn first(bytes: &[u8]) -> (String, Duration) {
    let start = Instant::now();
    let diags: Vec<Diagnostic> = match Questionnaire::from_bytes(bytes) {
        Ok(q) => q.warnings,
        Err(e) => e.diagnostics,
    };
    let took = start.elapsed();
    let summary = diags.first().map_or_else(
        || "ok".to_owned(),
        |d| format!("{} {}:{} {}", d.code, d.line, d.column, d.message),
    );
    (summary, took)
}

fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let m = minimal();
    let replace = |from: &str, to: &str| {
        assert!(m.contains(from), "{from}");
        m.replacen(from, to, 1).into_bytes()
    };
    let mut bomb = String::from("x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb += &format!(
            "x{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        );
    }
    let mut bomb_in_value = m.replacen(
        "title: { fr: \"Exemple\", en: \"Example\" }",
        "title:\n  fr: &t Exemple\n  en: *t",
        1,
    );
    bomb_in_value.insert_str(0, "# aliases in a legitimate place are fine\n");
    let deep_condition = format!("{}answered(souris){}", "(".repeat(1000), ")".repeat(1000));
    let deep_short = format!("{}answered(souris){}", "(".repeat(40), ")".repeat(40));
    let many_questions: String = (0..3000)
        .map(|i| format!("      - {{ id: q{i}, kind: yes-no, show-if: answered(nope{i}), text: {{ fr: \"Q\", en: \"Q\" }}, options: [ {{ id: o, text: {{ fr: \"O\", en: \"O\" }} }}, {{ id: n, text: {{ fr: \"N\", en: \"N\" }} }} ] }}\n"))
        .collect();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(
        m.replacen(
            "answer(cherche-emploi) == oui",
            "answer(cherche-emplo) == oui",
            1,
        )
        .bytes(),
    );
    vec![
        ("billion laughs (alias bomb)", bomb.into_bytes(), "unknown-field 1:1 unknown field `x0`, expected one of `format`, `id`, `version`, `code-prefix`, `languages`, `translations`, `title`, `introduction`, `duration-minutes`, `organisation`, `dimensions`, `levels`, `scales`, `parcours`, `sections`, `recommendation`, `coverage-threshold`, `early-stop`"),
        ("aliases in a legitimate place", bomb_in_value.into_bytes(), "ok"),
        ("10,000 levels of nesting", format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(), "too-complex 1:33 lists and mappings are nested more than 32 deep here"),
        ("10,000 nested lists in a text", replace("title: { fr: \"Exemple\", en: \"Example\" }", &format!("title: {}{}", "[".repeat(10_000), "]".repeat(10_000))), "too-complex 6:40 lists and mappings are nested more than 32 deep here"),
        ("a 20 MB file", m.repeat(20 * 1024 * 1024 / m.len() + 1).into_bytes(), "too-large 0:0 the file is 20481 KB; a questionnaire may be at most 1024 KB"),
        ("a string of 1 MB", replace("fr: \"Exemple\"", &format!("fr: \"{}\"", "x".repeat(1024 * 1024))), "too-large 0:0 the file is 1026 KB; a questionnaire may be at most 1024 KB"),
        ("invalid UTF-8", { let mut b = m.clone().into_bytes(); b.splice(10..10, [0xC3, 0x28]); b }, "not-utf8 2:1 the file is not UTF-8 text: byte 11 cannot be read"),
        ("a byte-order mark (accepted; positions unchanged)", bom, "unknown-question 50:25 there is no question `cherche-emplo`"),
        ("CRLF line ends (accepted; positions unchanged)", m.replacen("answer(cherche-emploi) == oui", "answer(cherche-emplo) == oui", 1).replace('\n', "\r\n").into_bytes(), "unknown-question 50:25 there is no question `cherche-emplo`"),
        ("a NUL byte", replace("version: \"1\"", "version: \"1\u{0}\""), "yaml-syntax 3:12 control characters are not allowed at position 33"),
        ("tabs for indentation", replace("    title: { fr: \"Votre situation\"", "\ttitle: { fr: \"Votre situation\""), "yaml-syntax 33:1 found a tab character that violates indentation, while scanning a plain scalar at line 32 column 9"),
        ("duplicate keys", replace("version: \"1\"\n", "version: \"1\"\nversion: \"2\"\n"), "duplicate-key 4:1 duplicate field `version`"),
        ("a number too large for its field", replace("format: 1", "format: 99999999999999999999"), "wrong-type 1:9 invalid type: integer `99999999999999999999`, expected a whole number, 0 or more"),
        ("a score too large", replace("scores: { bases: 1 }", "scores: { bases: 4294967296 }"), "wrong-type 44:26 invalid value: integer `4294967296`, expected a whole number, 0 or more"),
        ("a negative score", replace("scores: { bases: 1 }", "scores: { bases: -1 }"), "wrong-type 44:26 invalid type: integer `-1`, expected a whole number, 0 or more"),
        ("a fractional score", replace("scores: { bases: 1 }", "scores: { bases: 0.5 }"), "wrong-type 44:26 invalid type: floating point `0.5`, expected a whole number, 0 or more"),
        ("an id with spaces", replace("- id: souris", "- id: la souris"), "invalid-id 41:13 `la souris` is not a valid question id"),
        ("an id with accents", replace("- id: souris", "- id: sourïs"), "invalid-id 41:13 `sourïs` is not a valid question id"),
        ("a condition nested 1,000 deep", replace("show-if: answer(cherche-emploi) == oui", &format!("show-if: {deep_condition}")), "condition-too-long 50:18 this condition is longer than 2000 characters"),
        ("a condition nested 40 deep", replace("show-if: answer(cherche-emploi) == oui", &format!("show-if: {deep_short}")), "condition-too-deep 50:51 this condition nests more than 32 levels of `(` or `not`"),
        ("a cycle between show-if conditions", replace("      - id: souris\n", "      - id: souris\n        show-if: answered(cv)\n"), "forward-reference 42:27 `show-if` refers to `cv`, which comes later"),
        ("an empty file", Vec::new(), "empty-file 0:0 the file is empty"),
        ("only comments", b"# nothing here\n\n# really\n".to_vec(), "empty-file 0:0 the file is empty"),
        ("a list instead of a questionnaire", b"- format: 1\n".to_vec(), "wrong-type 1:1 invalid type: sequence, expected a mapping of `key: value` lines"),
        ("3,000 questions, each with a broken show-if", replace("      - id: cherche-emploi\n", &format!("{many_questions}      - id: cherche-emploi\n")), "unknown-question 35:51 there is no question `nope0`"),
        ("33 options", replace("          - { id: non, text: { fr: \"Non\", en: \"No\" } }\n", &(0..32).map(|i| format!("          - {{ id: o{i}, text: {{ fr: \"O\", en: \"O\" }} }}\n")).collect::<String>()), "wrong-option-count 39:11 a yes-no question has exactly two answers, not 33"),
    ]
}

#[test]
fn hostile_inputs_get_their_exact_error_quickly() {
    let cases = cases();
    assert!(cases.len() >= 20);
    let mut failures = Vec::new();
    let mut slowest = (Duration::ZERO, "");
    for (name, bytes, expected) in &cases {
        let (got, took) = first(bytes);
        println!("{:>8.1} ms  {name}", took.as_secs_f64() * 1000.0);
        if took > slowest.0 {
            slowest = (took, name);
        }
        if got != *expected {
            failures.push(format!("{name}\n  expected: {expected}\n  got:      {got}"));
        }
        // A debug build; release is about ten times faster (see BENCHMARKS.md).
        if took > Duration::from_secs(5) {
            failures.push(format!("{name}: took {took:?}"));
        }
    }
    println!("slowest: {:?} ({})", slowest.0, slowest.1);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_flood_of_errors_is_cut_short_and_counted() {
    let m = minimal();
    let flood: String = (0..500).map(|i| format!("      - {{ id: q{i}, kind: yes-no, show-if: answered(nope{i}), text: {{ fr: \"Q\", en: \"Q\" }}, options: [ {{ id: o, text: {{ fr: \"O\", en: \"O\" }} }}, {{ id: n, text: {{ fr: \"N\", en: \"N\" }} }} ] }}\n")).collect();
    let src = m.replacen(
        "      - id: cherche-emploi\n",
        &format!("{flood}      - id: cherche-emploi\n"),
        1,
    );
    let diags = Questionnaire::check(&src);
    // At most MAX_REPORTED shown, fewer on a big file (each costs a re-read), and the rest counted.
    let shown = diags.len() - 1;
    assert!((3..=diag_core::MAX_REPORTED).contains(&shown), "{shown}");
    assert!(diags[..shown]
        .iter()
        .all(|d| d.code == "unknown-question" && d.line > 0));
    let last = diags.last().unwrap();
    assert_eq!(last.code, "too-many-problems");
    assert_eq!(
        last.message,
        format!("{} more problems are not shown", 500 - shown)
    );
}
