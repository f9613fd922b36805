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
        apt_install(&["chromium", "chromium-driver"])
    })
}

/// Installs Debian packages (the machine's package registry, nothing else).
fn apt_install(packages: &[&str]) -> Result<(), String> {
    println!("    installing {} with apt-get", packages.join(" "));
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(packages)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Residents' other engines, from Debian: Firefox ESR (driven through
/// WebDriver BiDi by puppeteer-core, from package-lock.json), WebKitGTK's
/// WebKitWebDriver with its MiniBrowser, and Xvfb for MiniBrowser's window.
pub fn engines() -> Result<(), String> {
    step(
        "Firefox ESR, WebKitGTK's WebDriver, Xvfb (Debian packages)",
        || {
            let found = |path: &str| std::path::Path::new(path).exists();
            let wanted = [
                ("firefox-esr", "/usr/bin/firefox-esr"),
                ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
                ("xvfb", "/usr/bin/Xvfb"),
            ];
            let missing: Vec<&str> = wanted
                .iter()
                .filter(|(_, bin)| !found(bin))
                .map(|(package, _)| *package)
                .collect();
            if !missing.is_empty() {
                apt_install(&missing)?;
            }
            let firefox = output(Command::new("firefox-esr").arg("--version")).unwrap_or_default();
            let webkit = output(Command::new("dpkg-query").args([
                "-W",
                "-f=${Version}",
                "webkit2gtk-driver",
            ]))
            .unwrap_or_default();
            println!("    {}, WebKitGTK {}", firefox.trim(), webkit.trim());
            Ok(())
        },
    )
}

/// The fonts the browsers lay pages out with in the tests: `(Debian package, file)`.
/// DejaVu is the widest common sans (a layout that holds with it holds with
/// the narrower fonts of phones); Noto Sans Arabic is the Arabic of Android
/// phones and of the stylesheet's `:lang(ar)`.
const FONTS: &[(&str, &str)] = &[
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    ),
    (
        "fonts-dejavu-core",
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    ),
    (
        "fonts-noto-core",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    ),
    (
        "fonts-noto-core",
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
    ),
];

/// A fontconfig configuration that shows the browsers [`FONTS`] and nothing
/// else, whatever the machine has installed: the suite measures the same
/// layouts everywhere. Installs the packages if a file is missing; returns
/// the configuration's path, for `FONTCONFIG_FILE`.
pub fn fonts() -> Result<PathBuf, String> {
    step(
        "fonts for the browsers (DejaVu, Noto Sans Arabic: Debian packages)",
        || {
            let mut missing: Vec<&str> = FONTS
                .iter()
                .filter(|(_, file)| !std::path::Path::new(file).exists())
                .map(|(package, _)| *package)
                .collect();
            missing.dedup();
            if !missing.is_empty() {
                apt_install(&missing)?;
            }
            let dir = root().join("target/e2e/fonts");
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let conf = dir.join("fonts.conf");
            std::fs::write(&conf, fontconfig(&dir.join("cache")))
                .map_err(|e| format!("cannot write {}: {e}", conf.display()))?;
            println!("    DejaVu Sans, Sans Mono, Serif (fonts-dejavu-core) and Noto Sans Arabic (fonts-noto-core); no other font is visible to the browsers");
            Ok(conf)
        },
    )
}

/// Only [`FONTS`], read where Debian put them (browsers' sandboxes let them
/// read system font folders, not a copy elsewhere: Firefox drew boxes), the
/// generic families mapped onto them, and glyphs drawn as Debian's defaults
/// draw them: slight hinting keeps the fonts' own advance widths, as phones
/// do (full hinting, fontconfig's bare default, rounds them and made the
/// preview 3 px narrower than on a Debian desktop).
fn fontconfig(cache: &std::path::Path) -> String {
    let mut dirs: Vec<&str> = FONTS
        .iter()
        .filter_map(|(_, f)| f.rsplit_once('/').map(|(d, _)| d))
        .collect();
    dirs.dedup();
    let dirs: String = dirs.iter().map(|d| format!("  <dir>{d}</dir>\n")).collect();
    let accept: String = FONTS
        .iter()
        .map(|(_, f)| format!("<glob>{f}</glob>"))
        .collect();
    let alias = |generic: &str, family: &str| {
        format!(
            r#"  <alias binding="same"><family>{generic}</family><prefer><family>{family}</family><family>Noto Sans Arabic</family></prefer></alias>
"#
        )
    };
    let aliases: String = [
        ("sans-serif", "DejaVu Sans"),
        ("system-ui", "DejaVu Sans"),
        ("serif", "DejaVu Serif"),
        ("monospace", "DejaVu Sans Mono"),
    ]
    .iter()
    .map(|(g, f)| alias(g, f))
    .collect();
    format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by cargo xtask test: the only fonts the test browsers see. -->
<fontconfig>
{dirs}  <cachedir>{}</cachedir>
  <selectfont>
    <rejectfont><glob>*</glob></rejectfont>
    <acceptfont>{accept}</acceptfont>
  </selectfont>
  <match target="pattern">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
  </match>
{aliases}</fontconfig>
"#,
        cache.display(),
    )
}
