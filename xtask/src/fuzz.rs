//! `cargo xtask fuzz [SECONDS]`: runs every cargo-fuzz target for SECONDS
//! (default 60) on the nightly toolchain and prints executions and crashes.
//! Separate from `cargo xtask test`: it needs nightly and minutes of CPU.

use crate::{output, root, step};
use std::process::Command;

const TARGETS: &[&str] = &[
    "load_questionnaire",
    "parse_condition",
    "decode_code",
    "import_records",
];

pub fn run(seconds: u64) -> Result<(), String> {
    let toolchains = output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !toolchains.lines().any(|l| l.starts_with("nightly")) {
        return Err(
            "fuzzing needs the nightly toolchain (`rustup toolchain install nightly`)".into(),
        );
    }
    step("cargo-fuzz", || {
        if output(Command::new("cargo").args(["fuzz", "--version"])).is_some() {
            println!("    already installed");
            Ok(())
        } else {
            crate::run(Command::new("cargo").args(["install", "cargo-fuzz", "--version", "0.13.1"]))
        }
    })?;
    let mut summary = Vec::new();
    for target in TARGETS {
        let out = step(&format!("fuzz {target} for {seconds} s"), || {
            let out = Command::new("cargo")
                .args([
                    "+nightly",
                    "fuzz",
                    "run",
                    target,
                    "--",
                    &format!("-max_total_time={seconds}"),
                ])
                .current_dir(root().join("fuzz"))
                .output()
                .map_err(|e| format!("cannot run cargo fuzz: {e}"))?;
            Ok(out)
        })?;
        let log = String::from_utf8_lossy(&out.stderr);
        let runs = log
            .lines()
            .rev()
            .find_map(|l| {
                l.strip_prefix("Done ")
                    .and_then(|r| r.split_whitespace().next())
            })
            .unwrap_or("?")
            .to_owned();
        let crashed = !out.status.success();
        if crashed {
            eprintln!(
                "{}",
                log.lines()
                    .rev()
                    .take(40)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        summary.push(format!(
            "{target}: {runs} executions, {} crash",
            u8::from(crashed)
        ));
    }
    println!("\nFuzzing, {seconds} s per target:");
    for s in &summary {
        println!("    {s}");
    }
    if summary.iter().any(|s| s.ends_with("1 crash")) {
        Err(
            "a fuzz target crashed: see fuzz/artifacts/ and turn the input into a regression test"
                .into(),
        )
    } else {
        Ok(())
    }
}
