//! Building the static site: cargo → wasm-bindgen → wasm-opt, then `web/` and
//! the questionnaire copied next to it, and a size report.

use crate::tools::Tools;
use crate::{root, run, step};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the built site goes (relative to the workspace root).
pub const DIST: &str = "dist";
const WASM_IN: &str = "target/wasm32-unknown-unknown/release/diag_web.wasm";
const BINDGEN_OUT: &str = "target/bindgen";

/// Sizes of the built files: `(name, raw, gzip -9, brotli -q 11)`.
pub struct Report {
    pub files: Vec<(String, u64, u64, u64)>,
}

/// Size budgets in brotli bytes, enforced by `cargo xtask test`.
///
/// The targets (Wasm ≤ 120 KB, everything the first question needs ≤ 150 KB)
/// are not met yet; these budgets sit just above today's sizes so that any
/// growth fails the tests, and BENCHMARKS.md says where the targets stand.
pub const BUDGETS: &[(&str, u64)] = &[("diag_bg.wasm", 270_000), (FIRST_LOAD, 290_000)];
/// Targets from the issue, in brotli bytes, reported beside the budgets.
pub const TARGETS: &[(&str, u64)] = &[("diag_bg.wasm", 120_000), (FIRST_LOAD, 150_000)];
/// Everything the first question needs: all files but the icon.
pub const FIRST_LOAD: &str = "first load (all but icon.svg)";

impl Report {
    /// Brotli size of a file, or of the first load.
    pub fn brotli(&self, what: &str) -> u64 {
        if what == FIRST_LOAD {
            self.files
                .iter()
                .filter(|f| f.0 != "icon.svg")
                .map(|f| f.3)
                .sum()
        } else {
            self.files.iter().filter(|f| f.0 == what).map(|f| f.3).sum()
        }
    }

    pub fn print(&self) {
        println!("\nSite sizes ({DIST}/), bytes:");
        println!(
            "    {:<28} {:>10} {:>10} {:>10}",
            "file", "raw", "gzip -9", "brotli 11"
        );
        let (mut raw, mut gz, mut br) = (0, 0, 0);
        for (name, r, g, b) in &self.files {
            println!("    {name:<28} {r:>10} {g:>10} {b:>10}");
            raw += r;
            gz += g;
            br += b;
        }
        println!("    {:<28} {raw:>10} {gz:>10} {br:>10}", "total");
        for ((what, budget), (_, target)) in BUDGETS.iter().zip(TARGETS) {
            let size = self.brotli(what);
            println!(
                "    {what}: {size} B brotli — budget {budget}: {} — target {target}: {}",
                if size <= *budget { "ok" } else { "EXCEEDED" },
                if size <= *target { "met" } else { "not met" }
            );
        }
    }

    /// Fails when a file is over its budget.
    pub fn check_budgets(&self) -> Result<(), String> {
        let over: Vec<String> = BUDGETS
            .iter()
            .filter(|(what, budget)| self.brotli(what) > *budget)
            .map(|(what, budget)| {
                format!("{what}: {} B brotli > budget {budget} B", self.brotli(what))
            })
            .collect();
        if over.is_empty() {
            Ok(())
        } else {
            Err(format!("size budget exceeded: {}", over.join("; ")))
        }
    }
}

pub fn build(tools: &Tools) -> Result<Report, String> {
    step("cargo build --release (wasm32)", || {
        run(Command::new("cargo").args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "diag-web",
        ]))
    })?;
    let dist = root().join(DIST);
    step("wasm-bindgen", || {
        run(Command::new(&tools.wasm_bindgen).args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            "diag",
            "--out-dir",
            BINDGEN_OUT,
            WASM_IN,
        ]))
    })?;
    step("copy web/ and the questionnaire", || {
        if dist.exists() {
            std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot empty {DIST}/: {e}"))?;
        }
        copy_dir(&root().join("web"), &dist)?;
        copy(
            &root().join(BINDGEN_OUT).join("diag.js"),
            &dist.join("diag.js"),
        )?;
        copy(
            &root().join("questionnaires/villeneuve-la-garenne.yaml"),
            &dist.join("questionnaire.yaml"),
        )
    })?;
    step("wasm-opt -Oz", || {
        run(Command::new(&tools.wasm_opt).args([
            "-Oz",
            "--enable-reference-types",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-multivalue",
            "--enable-mutable-globals",
            &format!("{BINDGEN_OUT}/diag_bg.wasm"),
            "-o",
            &format!("{DIST}/diag_bg.wasm"),
        ]))
    })?;
    let mut files = Vec::new();
    for path in list(&dist)? {
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path
            .strip_prefix(&dist)
            .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
        files.push((
            name,
            bytes.len() as u64,
            crate::serve::gzip(&bytes).len() as u64,
            crate::serve::brotli(&bytes).len() as u64,
        ));
    }
    files.sort();
    Ok(Report { files })
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?
    {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            copy(&entry.path(), &target)?;
        }
    }
    Ok(())
}

fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            out.extend(list(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}
