//! `cargo xtask test`: every check the project has, in one run, with a plain summary.

use crate::{root, run, site, step, tools};
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

struct Outcome {
    name: &'static str,
    result: Result<(), String>,
    seconds: f64,
}

pub fn all() -> ExitCode {
    let start = Instant::now();
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut check = |name: &'static str, f: &mut dyn FnMut() -> Result<(), String>| {
        let t = Instant::now();
        let result = step(name, f);
        outcomes.push(Outcome {
            name,
            result,
            seconds: t.elapsed().as_secs_f64(),
        });
    };

    check("cargo fmt --check", &mut || {
        run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))
    });
    check(
        "cargo test, linted by clippy -D warnings (native crates; benches run once; doc tests)",
        &mut || {
            let native = [
                "--workspace",
                "--exclude",
                "diag-resident",
                "--exclude",
                "diag-staff",
            ];
            run(linted()?.arg("test").args(native).arg("--all-targets"))?;
            run(Command::new("cargo").arg("test").args(native).arg("--doc"))?;
            // The core as the resident's module uses it: without its YAML reader.
            run(linted()?.args(["test", "-p", "diag-core", "--no-default-features", "--lib"]))
        },
    );

    // Everything below needs the Wasm tool chain.
    let tools = tools::for_build();
    let browser = tools::chromium();
    // The Wasm tests (the web crates linted as they compile, then run in
    // headless Chromium), in a thread beside the release build and the suite:
    // they fill the cores while LTO and wasm-opt each keep one busy. Their own
    // target directory: no wait on the release build's lock, and no
    // dependency of theirs is shared with it anyway (debug, not release).
    let wasm_log = root().join("target/wasm-bindgen-test.log");
    let wasm_run = match (&tools, &browser, std::fs::File::create(&wasm_log)) {
        (Ok(_), Ok(()), Ok(log)) => {
            println!("==> wasm-bindgen-test, linted by clippy: started in {WASM_TESTS_DIR}/, beside the release build");
            Ok(std::thread::spawn(move || {
                let started = Instant::now();
                let err = log.try_clone().map_err(|e| e.to_string())?;
                let status = linted()?
                    .args(["test", "-p", "diag-resident", "-p", "diag-staff"])
                    .args(["--target", "wasm32-unknown-unknown"])
                    .env("CARGO_TARGET_DIR", root().join(WASM_TESTS_DIR))
                    .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
                    .current_dir(root())
                    .stdout(log)
                    .stderr(err)
                    .status()
                    .map_err(|e| format!("cannot start cargo test: {e}"))?;
                Ok::<_, String>((status, started.elapsed().as_secs_f64()))
            }))
        }
        (Err(e), _, _) | (_, Err(e), _) => Err(e.clone()),
        (_, _, Err(e)) => Err(format!("cannot write {}: {e}", wasm_log.display())),
    };
    check(
        "release site build, size budgets, no staff code in the resident's module",
        &mut || {
            let tools = tools.as_ref().map_err(Clone::clone)?;
            let report = site::build(tools)?;
            report.print();
            report.check_resident_module()?;
            report.check_budgets()
        },
    );
    let fonts = tools::fonts();
    let engines = tools::engines();
    let mut e2e_report = None;
    check(
        "end-to-end suite (Chromium; WebKit and Firefox walks)",
        &mut || {
            browser.as_ref().map_err(Clone::clone)?;
            engines.as_ref().map_err(Clone::clone)?;
            let fonts = fonts.as_ref().map_err(Clone::clone)?;
            // `cargo test` above built the CLI (its tests run it): no second build.
            let diag = root().join("target/debug/diag");
            let (result, report) = crate::e2e::run(&[], &diag, fonts);
            e2e_report = Some(report);
            result
        },
    );
    let mut wasm_run = Some(wasm_run);
    check(
        "wasm-bindgen-test, linted by clippy (web crates; ran beside the build and suite)",
        &mut || {
            let thread = wasm_run
                .take()
                .ok_or("already checked")?
                .map_err(|e| e.clone())?;
            let (status, seconds) = thread
                .join()
                .map_err(|_| "the thread running cargo test stopped".to_owned())??;
            let log = std::fs::read_to_string(&wasm_log).unwrap_or_default();
            println!("{}", log.trim_end());
            println!("    built and ran for {seconds:.1} s beside the release build and the suite");
            if status.success() {
                Ok(())
            } else {
                Err(format!(
                    "cargo test (wasm32) failed ({status}); its output is above and in {}",
                    wasm_log.display()
                ))
            }
        },
    );

    let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
    println!(
        "\n==== Summary ({:.0} s) ====",
        start.elapsed().as_secs_f64()
    );
    for o in &outcomes {
        match &o.result {
            Ok(()) => println!("  ok    {:<62} {:>6.1} s", o.name, o.seconds),
            Err(e) => println!("  FAIL  {:<62} {:>6.1} s\n        {e}", o.name, o.seconds),
        }
    }
    if let Some(report) = &e2e_report {
        report.print_slowest();
    }
    println!(
        "checks: {} passed, {failed} failed",
        outcomes.len() - failed
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Where the Wasm tests are built (see `all`).
const WASM_TESTS_DIR: &str = "target/wasm-tests";

/// `cargo` that lints the workspace's own crates with clippy (-D warnings)
/// while it compiles them: clippy-driver as their compiler's wrapper, as
/// `cargo clippy` does, but generating code. The tests' build is then the
/// lint, and no dependency is checked a second time (34 s and 66 s of a
/// fresh clone's run went to `cargo clippy` alone).
fn linted() -> Result<Command, String> {
    let sysroot = crate::output(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("cannot run `rustc --print sysroot`")?;
    let driver = Path::new(sysroot.trim()).join("bin/clippy-driver");
    if !driver.exists() {
        return Err(format!(
            "clippy is not installed ({} is missing): rustup component add clippy",
            driver.display()
        ));
    }
    let mut cargo = Command::new("cargo");
    cargo.env("RUSTC_WORKSPACE_WRAPPER", driver).env(
        "CLIPPY_ARGS",
        "-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__",
    );
    Ok(cargo)
}

/// `cargo xtask e2e [FILE...]`: the end-to-end suite alone, on the site
/// already in `dist/` (`files`: only these test files).
pub fn e2e(files: &[&str]) -> Result<(), String> {
    tools::chromium()?;
    tools::engines()?;
    let fonts = tools::fonts()?;
    // The preview is compared with the real `diag check`.
    run(Command::new("cargo").args(["build", "--quiet", "-p", "diag-cli"]))?;
    crate::e2e::run(files, &root().join("target/debug/diag"), &fonts).0
}

/// What the browser suite needs to know about the bundled questionnaire,
/// computed by the core so the JavaScript side parses no YAML.
pub fn write_fixtures() -> Result<String, String> {
    let src = std::fs::read_to_string(root().join(site::QUESTIONNAIRE))
        .map_err(|e| format!("cannot read the bundled questionnaire: {e}"))?;
    let q = diag_core::Questionnaire::from_yaml(&src)
        .map_err(|e| e.render("villeneuve-la-garenne.yaml", &src))?;
    let lang = q.default_language();
    let questions: Vec<serde_json::Value> = q
        .questions
        .iter()
        .map(|question| {
            serde_json::json!({
                "id": question.id,
                "text": question.text.get(lang),
                "options": question.options.iter().map(|o| serde_json::json!({"id": o.id, "text": o.text.get(lang)})).collect::<Vec<_>>(),
            })
        })
        .collect();
    // Three complete personas with different parcours, for the scripted residents.
    let personas_src =
        std::fs::read_to_string(root().join("tests/personas.yaml")).map_err(|e| e.to_string())?;
    let list = diag_core::personas::parse(&personas_src)?;
    let mut seen = Vec::new();
    let mut personas = Vec::new();
    for p in list {
        let outcome = diag_core::evaluate(&q, &p.answers);
        if !outcome.complete || seen.contains(&outcome.parcours) || personas.len() == 3 {
            continue;
        }
        seen.push(outcome.parcours.clone());
        let title = q
            .parcours_by_id(&outcome.parcours)
            .map(|x| x.title.get(lang).to_owned());
        personas.push(serde_json::json!({
            "name": p.name,
            "answers": p.answers,
            "parcours": outcome.parcours,
            "title": title,
            "code": diag_core::encode(&q, &p.answers),
        }));
    }
    let json = serde_json::json!({ "title": q.title.get(lang), "questions": questions, "personas": personas });
    let dir = root().join("target/e2e");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let path = dir.join("fixtures.json");
    std::fs::write(&path, json.to_string()).map_err(|e| e.to_string())?;
    Ok(path.display().to_string())
}
