//! Building the static site: cargo → wasm-bindgen → wasm-opt, then `web/` and
//! the questionnaire copied next to it, and a size report.

use crate::tools::Tools;
use crate::{root, run, step};
use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the built site goes (relative to the workspace root).
pub const DIST: &str = "dist";
const WASM_IN: &str = "target/wasm32-unknown-unknown/release/diag_web.wasm";
const BINDGEN_OUT: &str = "target/bindgen";

/// Sizes of the built files.
pub struct Report {
    pub files: Vec<(String, u64, u64)>,
}

impl Report {
    pub fn print(&self) {
        println!("\nSite sizes ({DIST}/):");
        println!("    {:<28} {:>10} {:>10}", "file", "raw", "gzip -9");
        let (mut raw, mut gz) = (0, 0);
        for (name, r, g) in &self.files {
            println!("    {name:<28} {r:>10} {g:>10}");
            raw += r;
            gz += g;
        }
        println!("    {:<28} {raw:>10} {gz:>10}", "total");
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
        files.push((name, bytes.len() as u64, gzip(&bytes)));
    }
    files.sort();
    Ok(Report { files })
}

pub fn gzip(bytes: &[u8]) -> u64 {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    if e.write_all(bytes).is_err() {
        return 0;
    }
    e.finish().map_or(0, |v| v.len() as u64)
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
