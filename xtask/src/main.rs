//! `cargo xtask`: the project's two commands, with nothing to install by hand.
//!
//! - `cargo xtask serve` builds the site in release mode and serves it on
//!   http://127.0.0.1:8080 (`--port N` to change).
//! - `cargo xtask test` runs every test: formatting, lints, native tests, the
//!   release Wasm build with its size budget, and the tests in headless Chromium.
//!
//! Each installs what it needs and is missing (the wasm32 target,
//! wasm-bindgen-cli at the version pinned in Cargo.toml, npm packages from the
//! lock file, Debian's Chromium) and says what it does and how long it took.
//! Chosen over trunk: trunk takes ~20 minutes to compile here and does nothing
//! this 300-line task does not.

mod bench;
mod e2e;
mod fuzz;
mod imports;
mod serve;
mod site;
mod test;
mod tools;
mod welcome;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str = "\
cargo xtask serve [--port N]   build the site (release) and serve it on http://127.0.0.1:8080
cargo xtask build              build the site into dist/ and print its sizes
cargo xtask package            build the site and zip it (target/diagnostic-numerique-site.zip)
cargo xtask test               run every test (what CI runs)
cargo xtask e2e [FILE...]      only the browser end-to-end suite, on the site already in dist/
cargo xtask bench              the web benchmark: sizes, cold loads, a scripted resident, Lighthouse
cargo xtask fuzz [SECONDS]     each cargo-fuzz target for SECONDS (default 60), on nightly";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match words.as_slice() {
        ["serve"] | ["run"] => serve_command(8080),
        ["serve" | "run", "--port", p] => match p.parse() {
            Ok(port) => serve_command(port),
            Err(_) => Err(format!("--port takes a number, not `{p}`")),
        },
        ["build"] => build_command(),
        ["package"] => package_command(),
        ["test"] => return test::all(),
        ["e2e", files @ ..] => test::e2e(files),
        ["bench"] => bench::run(),
        ["fuzz"] => fuzz::run(60),
        ["fuzz", secs] => match secs.parse() {
            Ok(s) => fuzz::run(s),
            Err(_) => Err(format!("fuzz takes a number of seconds, not `{secs}`")),
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn build_command() -> Result<(), String> {
    let tools = tools::for_build()?;
    let report = site::build(&tools)?;
    report.print();
    Ok(())
}

/// The site as one zip for any static host: the files `site-files.txt`
/// lists, as the author's "Télécharger le site complet" zips them.
fn package_command() -> Result<(), String> {
    build_command()?;
    step("zip the site", || {
        let (zip, count) = site::package(&root().join(site::DIST))?;
        let out = root().join("target").join(PACKAGE);
        std::fs::write(&out, &zip).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        println!(
            "    {} ({count} files, {} bytes): unzip it into any static host's folder",
            out.display(),
            zip.len()
        );
        Ok(())
    })
}

/// The zip `cargo xtask package` writes in `target/`.
pub const PACKAGE: &str = "diagnostic-numerique-site.zip";

fn serve_command(port: u16) -> Result<(), String> {
    build_command()?;
    let listener = serve::bind(port)?;
    println!(
        "\nServing {} on http://127.0.0.1:{port}/  (Ctrl-C to stop)",
        site::DIST
    );
    serve::run(listener, root().join(site::DIST));
    Ok(())
}

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Runs one step, printing its name before and its duration after.
pub fn step<T>(name: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("==> {name}");
    let start = Instant::now();
    let r = f();
    let secs = start.elapsed().as_secs_f64();
    match &r {
        Ok(_) => println!("    done in {secs:.1} s"),
        Err(_) => println!("    FAILED after {secs:.1} s"),
    }
    r
}

/// Runs a command in the workspace root, streaming its output.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    println!("    $ {shown}");
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
