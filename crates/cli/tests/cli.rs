//! Runs the real `diag` binary on valid and invalid files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn diag(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diag"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const BUNDLED: &str = "questionnaires/villeneuve-la-garenne.yaml";

#[test]
fn check_passes_the_bundled_questionnaire() {
    // While its sessions run: on the day after, every period is over (below).
    let o = diag(&["check", "--today", "2026-10-01", BUNDLED]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    // Its translations are noted as not yet reviewed, and each is complete.
    assert!(
        out.contains("villeneuve-la-garenne.yaml: 0 errors, 0 warnings, 3 notes\n"),
        "{out}"
    );
    for lang in ["ar", "pt", "tr"] {
        assert!(
            out.contains(&format!(
                "villeneuve-la-garenne.{lang}.yaml: 0 errors, 0 warnings\n"
            )),
            "{out}"
        );
    }
}

#[test]
fn check_warns_of_a_missing_translation_at_its_line() {
    let dir = std::env::temp_dir().join(format!("diag-translation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let main = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    std::fs::write(dir.join("q.yaml"), &main).unwrap();
    for lang in ["ar", "pt", "tr"] {
        let t = std::fs::read_to_string(
            root().join(format!("questionnaires/villeneuve-la-garenne.{lang}.yaml")),
        )
        .unwrap();
        // The title's translation removed from the Turkish file.
        let t = if lang == "tr" {
            let start = t
                .find("  - fr: \"Quel parcours numérique pour moi ?\"")
                .unwrap();
            let end = start + t[start..].find("\n  - fr:").unwrap() + 1;
            format!("{}{}", &t[..start], &t[end..])
        } else {
            t
        };
        std::fs::write(dir.join(format!("q.{lang}.yaml")), t).unwrap();
    }
    let file = dir.join("q.yaml");
    let o = diag(&[
        "check",
        "--today",
        "2026-10-01",
        "--deny-warnings",
        file.to_str().unwrap(),
    ]);
    let out = stdout(&o);
    let line = main
        .lines()
        .position(|l| l.contains("fr: \"Quel parcours numérique pour moi ?\""))
        .unwrap()
        + 1;
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("warning[untranslated-text]: this text has no `tr` translation"),
        "{out}"
    );
    assert!(out.contains(&format!("q.yaml:{line}:3")), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_prints_located_errors_and_fails() {
    let file = "tests/invalid/11-unknown-question.yaml";
    let o = diag(&["check", "--color", "never", file]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("error[unknown-question]: there is no question `cherche-emplois`"),
        "{out}"
    );
    assert!(
        out.contains(" --> tests/invalid/11-unknown-question.yaml:51:25"),
        "{out}"
    );
    assert!(
        out.contains("show-if: answer(cherche-emplois) == oui"),
        "{out}"
    );
    assert!(out.contains("^^^^^^^^^^^^^^^"), "{out}");
    assert!(
        out.contains("= help: did you mean `cherche-emploi`?"),
        "{out}"
    );
}

#[test]
fn check_reports_every_file_and_colours_only_on_request() {
    let o = diag(&[
        "check",
        "--color",
        "always",
        BUNDLED,
        "tests/invalid/43-many-errors.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("\x1b[1;31merror[unknown-question]"), "{out}");
    assert!(
        out.contains("43-many-errors.yaml: 3 errors, 0 warnings"),
        "{out}"
    );
    let plain = diag(&["check", "tests/invalid/43-many-errors.yaml"]);
    assert!(
        !stdout(&plain).contains('\x1b'),
        "not a terminal: no colour"
    );
}

#[test]
fn check_json_is_machine_readable() {
    let o = diag(&[
        "check",
        "--format",
        "json",
        "tests/invalid/14-unknown-level.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = &v[0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-level");
    assert_eq!(d["line"], 54);
    assert_eq!(d["column"], 27);
    assert_eq!(d["severity"], "error");
}

#[test]
fn warnings_pass_unless_denied() {
    let o = diag(&["check", "tests/fixtures/warnings.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("warning[unreachable-rule]"));
    let o = diag(&["check", "--deny-warnings", "tests/fixtures/warnings.yaml"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn score_code_and_decode_agree() {
    let dir = std::env::temp_dir().join(format!("diag-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let answers = dir.join("answers.yaml");
    std::fs::write(&answers, "cherche-emploi: oui\nsouris: non\ncv: seul\n").unwrap();
    let answers = answers.to_str().unwrap();
    let fixture = "tests/fixtures/minimal.yaml";

    let o = diag(&["score", fixture, answers]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("Parcours: Initiation (initiation)"), "{out}");
    assert!(out.contains("Because:  Les bases d'abord."), "{out}");
    assert!(out.contains("Next:     Emploi (emploi)"), "{out}");

    let code = stdout(&diag(&["code", fixture, answers])).trim().to_owned();
    assert!(code.starts_with("EX-"), "{code}");
    let decoded: serde_json::Value =
        serde_json::from_slice(&diag(&["decode", fixture, &code]).stdout).unwrap();
    assert_eq!(
        decoded,
        serde_json::json!({"cherche-emploi": "oui", "souris": "non", "cv": "seul"})
    );

    let json: serde_json::Value =
        serde_json::from_slice(&diag(&["score", fixture, "--code", &code, "--json"]).stdout)
            .unwrap();
    assert_eq!(json["parcours"], "initiation");
    assert_eq!(json["trace"][0]["held"], true);
}

#[test]
fn a_bad_code_is_one_clear_line() {
    let o = diag(&["decode", "tests/fixtures/minimal.yaml", "EX-12"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing"), "{err}");
}

#[test]
fn simulate_shows_every_parcours_reachable_on_the_bundled_questionnaire() {
    let o = diag(&["simulate", BUNDLED, "--samples", "20000"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    for p in ["initiation", "bureautique", "bureautique-avancee", "emploi"] {
        assert!(
            out.lines()
                .any(|l| l.contains(" ok ") && l.contains(p) && l.contains("example: VLG-")),
            "{p}: {out}"
        );
    }
    assert!(out.contains("All 4 parcours can be reached."));
}

#[test]
fn simulate_fails_and_names_an_unreachable_parcours() {
    let o = diag(&["simulate", "tests/fixtures/unreachable.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("UNREACHABLE emploi"), "{out}");
    assert!(
        out.contains("every possible answer set"),
        "small space: enumerated\n{out}"
    );
    assert!(out.contains("<- never holds"), "{out}");
}

#[test]
fn simulate_is_reproducible_for_a_seed() {
    let a = stdout(&diag(&[
        "simulate",
        BUNDLED,
        "--samples",
        "5000",
        "--seed",
        "9",
        "--json",
    ]));
    let b = stdout(&diag(&[
        "simulate",
        BUNDLED,
        "--samples",
        "5000",
        "--seed",
        "9",
        "--json",
    ]));
    assert_eq!(a, b);
}

#[test]
fn personas_pass_on_the_bundled_questionnaire() {
    let o = diag(&["personas", BUNDLED, "tests/personas.yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains(" passed, 0 failed"));
}

#[test]
fn the_committed_schema_is_the_one_the_code_describes() {
    let o = diag(&["schema"]);
    let committed = std::fs::read_to_string(root().join("questionnaires/schema.json")).unwrap();
    assert!(
        stdout(&o) == committed,
        "questionnaires/schema.json is stale: run `cargo run -p diag-cli -- schema > questionnaires/schema.json`"
    );
    let first = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    assert!(first.starts_with("# yaml-language-server: $schema=./schema.json\n"));
}

#[test]
fn usage_errors_are_short() {
    let o = diag(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    let o = diag(&["check", "does-not-exist.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).trim(),
        "diag: cannot read does-not-exist.yaml: No such file or directory (os error 2)"
    );
    for cmd in [
        "check", "score", "code", "decode", "simulate", "personas", "schema",
    ] {
        let o = diag(&[cmd, "--help"]);
        assert!(
            stdout(&o).contains("Example:"),
            "{cmd} --help has no example"
        );
    }
}

#[test]
fn check_speaks_french_on_request() {
    let o = diag(&[
        "check",
        "--lang",
        "fr",
        "tests/invalid/11-unknown-question.yaml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("erreur[unknown-question]: il n'y a pas de question `cherche-emplois`"),
        "{out}"
    );
    assert!(
        out.contains("= attendu : ") || out.contains("= attendu: l'identifiant d'une question"),
        "{out}"
    );
    assert!(
        out.contains("= aide: vouliez-vous dire `cherche-emploi` ?"),
        "{out}"
    );
    assert!(
        out.ends_with("11-unknown-question.yaml : 1 erreur, 0 avertissement\n"),
        "{out}"
    );
}

#[test]
fn compile_writes_the_compact_form_the_resident_reads() {
    let dir = std::env::temp_dir().join(format!("diag-compile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("questionnaire.bin");
    let o = diag(&["compile", BUNDLED, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let yaml = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let header = diag_core::compact_header(&bytes).unwrap();
    assert_eq!(header.digest, diag_core::digest(&yaml));
    let q = diag_core::Questionnaire::from_compact(&bytes).unwrap();
    let original = diag_core::Questionnaire::from_yaml(&yaml).unwrap();
    assert_eq!(q.to_compact(&yaml), original.to_compact(&yaml));
    assert!(stdout(&o).contains(&format!("{:016x}", header.digest)));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compile_refuses_a_questionnaire_with_errors_and_writes_nothing() {
    let dir = std::env::temp_dir().join(format!("diag-compile-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("bad.bin");
    let o = diag(&[
        "compile",
        "tests/invalid/11-unknown-question.yaml",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("11-unknown-question.yaml:"), "{err}");
    assert!(err.contains("nothing written"), "{err}");
    assert!(!out.exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn check_warns_when_every_period_of_a_parcours_is_over() {
    let o = diag(&[
        "check",
        "--color",
        "never",
        "--today",
        "2026-11-26",
        BUNDLED,
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "warnings only: {out}");
    assert_eq!(out.matches("warning[sessions-over]").count(), 4, "{out}");
    assert!(
        out.contains(
            "every period of `initiation` is over on 2026-11-26 (the last one ended on 2026-11-01)"
        ),
        "{out}"
    );
    // Located on the period that ended last, from its `from:` through its
    // `to:` (both dates are the next period's to give), with the help
    // speaking of the key the file uses.
    let yaml = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    let line = yaml
        .lines()
        .position(|l| l.trim() == "from: 2026-09-12")
        .unwrap()
        + 1;
    assert!(
        out.contains(&format!("villeneuve-la-garenne.yaml:{line}:")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{} |       to: 2026-11-01", line + 1)),
        "{out}"
    );
    assert!(
        out.contains("give `sessions` the next period's dates"),
        "{out}"
    );
    assert!(!out.contains("`periods`; until"), "{out}");
    let fr = stdout(&diag(&[
        "check",
        "--color",
        "never",
        "--lang",
        "fr",
        "--today",
        "2026-11-26",
        BUNDLED,
    ]));
    assert!(
        fr.contains("toutes les périodes de `initiation` sont passées au 2026-11-26"),
        "{fr}"
    );
    let bad = diag(&["check", "--today", "2026-13-01", BUNDLED]);
    assert_eq!(bad.status.code(), Some(2));
}

/// `diag review` on an advisor's export: six intakes of this version (two
/// overridden), one made with last year's questionnaire and one whose
/// recommendation today's rules no longer give. Those two are listed apart.
#[test]
fn review_counts_per_rule_and_sets_older_records_apart() {
    use diag_core::records::{to_json, Record};
    use diag_core::{encode, evaluate, personas, Questionnaire};
    let yaml = std::fs::read_to_string(root().join(BUNDLED)).unwrap();
    let q = Questionnaire::from_yaml(&yaml).unwrap();
    let old = Questionnaire::from_yaml(&yaml.replace("version: \"2026.1\"", "version: \"2025.2\""))
        .unwrap();
    let src = std::fs::read_to_string(root().join("tests/personas.yaml")).unwrap();
    let list = personas::parse(&src).unwrap();
    let record = |k: usize, code: String, recommended: &str, parcours: &str, reason: &str| Record {
        id: format!("r{k}"),
        date: "2026-11-20".into(),
        code,
        recommended: recommended.into(),
        parcours: parcours.into(),
        override_reason: reason.into(),
        ..Record::default()
    };
    let mut records = Vec::new();
    let mut overridden_rule = None;
    for (k, p) in list.iter().take(6).enumerate() {
        let o = evaluate(&q, &p.answers);
        // The first two are overridden to the job seekers' course.
        let (parcours, reason) = if k < 2 && o.parcours != "emploi" {
            overridden_rule.get_or_insert(o.trace.iter().find(|t| t.held).unwrap().rule);
            ("emploi", "Vient d'être licencié, veut d'abord son CV")
        } else {
            (o.parcours.as_str(), "")
        };
        records.push(record(
            k,
            encode(&q, &p.answers),
            &o.parcours,
            parcours,
            reason,
        ));
    }
    let answers = &list[0].answers;
    records.push(record(
        10,
        encode(&old, answers),
        "initiation",
        "initiation",
        "",
    ));
    records.push(record(
        11,
        encode(&q, answers),
        "bureautique-avancee",
        "bureautique-avancee",
        "",
    ));
    let dir = std::env::temp_dir().join(format!("diag-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("fiches.json");
    std::fs::write(&file, to_json(&records)).unwrap();
    let path = file.to_str().unwrap();

    let out = diag(&["review", "--format", "json", "--lang", "en", BUNDLED, path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["records"], 8);
    assert_eq!(v["counted"], 6);
    assert_eq!(v["set_aside"].as_array().unwrap().len(), 2);
    let overridden = v["overridden"].as_u64().unwrap();
    assert!(overridden >= 1, "{v}");
    let decided: u64 = v["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["decided"].as_u64().unwrap())
        .sum();
    assert_eq!(decided, 6, "every counted record was decided by one rule");
    let rule = &v["rules"][overridden_rule.unwrap()];
    assert!(rule["overridden"].as_u64().unwrap() >= 1, "{rule}");
    assert_eq!(rule["to"]["emploi"], rule["overridden"]);
    assert_eq!(
        rule["reasons"][0],
        "Vient d'être licencié, veut d'abord son CV"
    );
    assert!(v["patterns"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["overridden"].as_u64().unwrap() <= overridden));
    let why: Vec<&str> = v["set_aside"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["why"].as_str().unwrap())
        .collect();
    assert!(
        why[0].contains("another version of the questionnaire"),
        "{why:?}"
    );
    assert!(why[1].contains("another version of the rules"), "{why:?}");

    let text = stdout(&diag(&["review", "--lang", "fr", BUNDLED, path]));
    assert!(
        text.starts_with("8 fiches lues — 6 comptées, 2 mises à part"),
        "{text}"
    );
    assert!(
        text.contains("« Vient d'être licencié, veut d'abord son CV »"),
        "{text}"
    );
    assert!(text.contains("Mises à part"), "{text}");
    assert!(text.contains("r10") && text.contains("r11"), "{text}");

    // Not an export: a clear message, no panic.
    std::fs::write(&file, "{\"records\": []}").unwrap();
    let out = diag(&["review", BUNDLED, path]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not an export of the advisor's records")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
