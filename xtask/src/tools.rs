//! Finding, and installing when missing, the tools the build and tests need.

use crate::{output, root, run, step};
use std::path::PathBuf;
use std::process::Command;

/// Paths of the tools found or installed.
pub struct Tools {
    pub wasm_bindgen: PathBuf,
    pub wasm_opt: PathBuf,
}

/// The wasm-bindgen version pinned in the workspace manifest.
pub fn pinned_wasm_bindgen() -> Result<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"="))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml does not pin wasm-bindgen as `wasm-bindgen = \"=X.Y.Z\"`".into())
}

pub fn for_build() -> Result<Tools, String> {
    step("wasm32 target", || {
        let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
            .unwrap_or_default();
        if installed
            .lines()
            .any(|l| l.trim() == "wasm32-unknown-unknown")
        {
            println!("    already installed");
            Ok(())
        } else {
            println!("    installing with rustup");
            run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        }
    })?;
    let version = pinned_wasm_bindgen()?;
    let wasm_bindgen = step(&format!("wasm-bindgen-cli {version}"), || {
        let found = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
        if found.split_whitespace().nth(1) == Some(version.as_str()) {
            println!("    already installed");
        } else {
            if !found.is_empty() {
                println!("    found {}, need {version}", found.trim());
            }
            // `--locked` fails for this crate here; without it the install works (~6 CPU-minutes).
            println!("    installing with cargo install (about 4 minutes on 2 cores)");
            run(Command::new("cargo").args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &version,
            ]))?;
        }
        Ok(PathBuf::from("wasm-bindgen"))
    })?;
    npm()?;
    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!("{} is missing after npm ci", wasm_opt.display()));
    }
    Ok(Tools {
        wasm_bindgen,
        wasm_opt,
    })
}

/// npm packages (binaryen's wasm-opt, Playwright, axe) from the committed lock file.
pub fn npm() -> Result<(), String> {
    step("npm packages (package-lock.json)", || {
        let lock = root().join("package-lock.json");
        let stamp = root().join("node_modules/.package-lock.json");
        let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
            (Ok(l), Ok(s)) => match (l.modified(), s.modified()) {
                (Ok(l), Ok(s)) => s >= l,
                _ => false,
            },
            _ => false,
        };
        if fresh {
            println!("    already installed");
            Ok(())
        } else {
            run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
        }
    })
}

/// Debian's Chromium and ChromeDriver, for the browser tests.
pub fn chromium() -> Result<(), String> {
    step("Chromium and ChromeDriver (Debian packages)", || {
        let have = |bin: &str| output(Command::new(bin).arg("--version")).is_some();
        if have("chromium") && have("chromedriver") {
            println!(
                "    {}",
                output(Command::new("chromium").arg("--version"))
                    .unwrap_or_default()
                    .trim()
            );
            return Ok(());
        }
        println!("    installing with apt-get");
        run(Command::new("apt-get").args(["update", "-qq"]))?;
        run(Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"))
    })
}
