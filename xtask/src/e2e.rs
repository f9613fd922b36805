//! The browser end-to-end suite: each file of `tests/e2e/` in its own `node
//! --test` process, several at once.
//!
//! Files that publish a questionnaire write into the site they are served
//! from, so each lane (one file at a time) gets its own copy of `dist/` and its
//! own server: files in different lanes never see each other's edits. The
//! slowest files start first (their times are kept from the previous run), and
//! the command ends with each file's time and the ten slowest tests.

use crate::{root, serve, site, step};
use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// How many files run at once: on 2 cores, two browsers keep both busy while
/// one of them waits on the network or a timer. `E2E_JOBS` overrides it.
const LANES: usize = 2;
/// A test file that runs longer than this is stopped and fails (a hung page).
const FILE_TIMEOUT_MS: u32 = 300_000;
const OUT: &str = "target/e2e";

/// One test of the suite, as the `timings.mjs` reporter saw it.
pub struct Timing {
    pub file: String,
    pub name: String,
    pub seconds: f64,
    pub ok: bool,
}

/// Which files ran, how long each took, and every test's time.
#[derive(Default)]
pub struct Report {
    pub files: Vec<(String, f64, bool)>,
    pub tests: Vec<Timing>,
}

impl Report {
    /// The ten slowest tests, for the command's summary.
    pub fn print_slowest(&self) {
        let mut tests: Vec<&Timing> = self.tests.iter().collect();
        tests.sort_by(|a, b| b.seconds.total_cmp(&a.seconds));
        println!("  the ten slowest end-to-end tests:");
        for t in tests.iter().take(10) {
            println!(
                "    {:>6.1} s  {:<26} {}{}",
                t.seconds,
                t.file,
                t.name.chars().take(90).collect::<String>(),
                if t.ok { "" } else { "  (FAILED)" }
            );
        }
    }
}

/// Runs `files` (every `tests/e2e/*.test.mjs` when empty) against the built
/// site in `dist/`, `diag` being the CLI the preview is compared with.
pub fn run(files: &[&str], diag: &Path, fonts: &Path) -> (Result<(), String>, Report) {
    let mut report = Report::default();
    let result = run_into(files, diag, fonts, &mut report);
    (result, report)
}

fn run_into(files: &[&str], diag: &Path, fonts: &Path, report: &mut Report) -> Result<(), String> {
    let fixtures = crate::test::write_fixtures()?;
    // What `cargo xtask package` makes, for the workshop's comparison.
    let package = root().join(OUT).join("package.zip");
    let (zip, _) = site::package(&root().join(site::DIST))?;
    std::fs::create_dir_all(root().join(OUT)).map_err(|e| e.to_string())?;
    std::fs::write(&package, zip)
        .map_err(|e| format!("cannot write {}: {e}", package.display()))?;
    let mut queue = if files.is_empty() {
        all_files()?
    } else {
        files.iter().map(|f| (*f).to_owned()).collect()
    };
    let durations = previous_durations();
    // Longest first (unknown files too): the last file to start is a short one.
    queue.sort_by(|a, b| {
        let time = |f: &String| durations.get(f).copied().unwrap_or(f64::MAX);
        time(b).total_cmp(&time(a))
    });
    let lanes = std::env::var("E2E_JOBS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(LANES)
        .clamp(1, queue.len().max(1));
    let timings = root().join(OUT).join("timings");
    std::fs::create_dir_all(&timings)
        .map_err(|e| format!("cannot create {}: {e}", timings.display()))?;
    let servers = step(
        &format!("{lanes} copies of {}/, each served", site::DIST),
        || (0..lanes).map(lane_site).collect::<Result<Vec<_>, _>>(),
    )?;
    println!(
        "==> {} test files in {lanes} lanes (fonts: {})",
        queue.len(),
        fonts.display()
    );
    let queue = Arc::new(Mutex::new(VecDeque::from(queue)));
    let results = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let handles: Vec<_> = servers
        .into_iter()
        .enumerate()
        .map(|(lane, (dir, base))| {
            let queue = queue.clone();
            let results = results.clone();
            let env = Env {
                package: package.clone(),
                base,
                dist: dir,
                fixtures: fixtures.clone(),
                diag: diag.to_path_buf(),
                fonts: fonts.to_path_buf(),
            };
            std::thread::spawn(move || loop {
                let next = queue.lock().ok().and_then(|mut q| q.pop_front());
                let Some(file) = next else { break };
                let outcome = run_file(&file, lane, &env);
                if let Ok(mut r) = results.lock() {
                    r.push(outcome);
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let outcomes = std::mem::take(&mut *results.lock().map_err(|e| e.to_string())?);
    let mut failed = Vec::new();
    let mut kept = BTreeMap::new();
    for o in outcomes {
        if !o.ok {
            failed.push(o.file.clone());
        }
        kept.insert(o.file.clone(), o.seconds);
        report.files.push((o.file, o.seconds, o.ok));
        report.tests.extend(o.tests);
    }
    report.files.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!(
        "\n==> end-to-end: {} files in {:.1} s",
        report.files.len(),
        started.elapsed().as_secs_f64()
    );
    for (file, seconds, ok) in &report.files {
        println!(
            "    {:<6} {file:<40} {seconds:>6.1} s",
            if *ok { "ok" } else { "FAIL" }
        );
    }
    report.print_slowest();
    let _ = keep_durations(&kept, &durations);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join(", ")))
    }
}

/// What a lane's test processes are told.
struct Env {
    package: PathBuf,
    base: String,
    dist: PathBuf,
    fixtures: String,
    diag: PathBuf,
    fonts: PathBuf,
}

struct FileOutcome {
    file: String,
    seconds: f64,
    ok: bool,
    tests: Vec<Timing>,
}

/// Runs one test file in its own node process; prints its report when done,
/// in one piece (lanes never interleave their lines).
fn run_file(file: &str, lane: usize, env: &Env) -> FileOutcome {
    let name = Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let timings = root()
        .join(OUT)
        .join("timings")
        .join(format!("{name}.jsonl"));
    let _ = std::fs::remove_file(&timings);
    println!("    started {file} (lane {lane})");
    let t = Instant::now();
    let out = Command::new("node")
        .args([
            "--test",
            "--test-concurrency=1",
            &format!("--test-timeout={FILE_TIMEOUT_MS}"),
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            "--test-reporter=./tests/e2e/timings.mjs",
        ])
        .arg(format!("--test-reporter-destination={}", timings.display()))
        .arg(file)
        .current_dir(root())
        .env("BASE_URL", &env.base)
        .env("DIST", &env.dist)
        .env("FIXTURES", &env.fixtures)
        .env("DIAG", &env.diag)
        .env("FONTCONFIG_FILE", &env.fonts)
        .env("PACKAGE", &env.package)
        .output();
    let seconds = t.elapsed().as_secs_f64();
    let (ok, text) = match out {
        Ok(o) => (
            o.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        ),
        Err(e) => (false, format!("cannot start node: {e}")),
    };
    println!(
        "\n---- {file}: {} in {seconds:.1} s (lane {lane})\n{}",
        if ok { "ok" } else { "FAILED" },
        text.trim_end()
    );
    let tests = std::fs::read_to_string(&timings)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Timing {
            file: name.clone(),
            name: v["name"].as_str().unwrap_or_default().to_owned(),
            seconds: v["ms"].as_f64().unwrap_or_default() / 1000.0,
            ok: v["ok"].as_bool().unwrap_or(false),
        })
        .collect();
    FileOutcome {
        file: file.to_owned(),
        seconds,
        ok,
        tests,
    }
}

/// Every test file of the suite.
fn all_files() -> Result<Vec<String>, String> {
    let dir = root().join("tests/e2e");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .map(|n| format!("tests/e2e/{n}"))
        .collect();
    files.sort();
    Ok(files)
}

/// A copy of `dist/` for lane `k`, served on a free loopback port.
fn lane_site(k: usize) -> Result<(PathBuf, String), String> {
    let dir = root().join(OUT).join(format!("site-{k}"));
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    crate::site::copy_dir(&root().join(site::DIST), &dir)?;
    let listener = serve::bind(0)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let served = dir.clone();
    std::thread::spawn(move || serve::run(listener, served));
    Ok((dir, format!("http://127.0.0.1:{port}/")))
}

fn durations_file() -> PathBuf {
    root().join(OUT).join("durations.json")
}

/// Each file's time in the previous run, to start the slowest first.
fn previous_durations() -> BTreeMap<String, f64> {
    std::fs::read_to_string(durations_file())
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn keep_durations(
    now: &BTreeMap<String, f64>,
    before: &BTreeMap<String, f64>,
) -> Result<(), String> {
    let mut all = before.clone();
    all.extend(now.iter().map(|(k, v)| (k.clone(), *v)));
    let text = serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?;
    std::fs::write(durations_file(), text).map_err(|e| e.to_string())
}
