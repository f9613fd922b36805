//! Every file in `tests/invalid/` is a broken questionnaire; the diagnostics
//! it produces must match `<name>.expected` exactly (snapshot tests).
//! Run with `BLESS=1` to write the snapshots after checking them by eye.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{render_all, Questionnaire, Severity};
use std::fs;

#[test]
fn invalid_questionnaires_give_the_expected_diagnostics() {
    let dir = diag_tests::dir().join("invalid");
    let bless = std::env::var_os("BLESS").is_some();
    let mut names: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 25, "only {} invalid fixtures", names.len());
    let mut failures = Vec::new();
    for path in &names {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let src = fs::read_to_string(path).unwrap();
        let diags = Questionnaire::check(&src);
        let rendered = render_all(&diags, &name, &src, "en");
        if !diags.iter().any(|d| d.severity == Severity::Error) {
            failures.push(format!("{name}: loads without error:\n{rendered}"));
            continue;
        }
        let expected_path = path.with_extension("expected");
        if bless {
            fs::write(&expected_path, &rendered).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == rendered => {}
            Ok(expected) => failures.push(format!(
                "{name}: diagnostics differ\n--- expected\n{expected}\n--- got\n{rendered}"
            )),
            Err(_) => failures.push(format!("{name}: no {name}.expected; got\n{rendered}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fixture: its path and its text.
fn fixtures() -> Vec<(std::path::PathBuf, String)> {
    let dir = diag_tests::dir().join("invalid");
    let mut all: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let src = fs::read_to_string(&p).unwrap();
            (p, src)
        })
        .collect();
    all.sort();
    all
}

#[test]
fn every_diagnostic_is_located() {
    for (path, src) in fixtures() {
        for d in Questionnaire::check(&src) {
            if d.code == "too-large" {
                continue;
            }
            assert!(
                d.line > 0,
                "{}: `{}` has no line",
                path.display(),
                d.message
            );
        }
    }
}

#[test]
fn every_diagnostic_has_a_french_translation() {
    let mut missing = Vec::new();
    for (path, src) in fixtures() {
        for d in Questionnaire::check(&src) {
            if !d.has_french() {
                missing.push(format!(
                    "{}: {:?} / {:?} / {:?}",
                    path.display(),
                    d.message,
                    d.expected,
                    d.hint
                ));
            }
        }
    }
    assert!(missing.is_empty(), "no French for:\n{}", missing.join("\n"));
}
