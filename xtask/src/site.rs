//! Building the static site: cargo → wasm-bindgen → wasm-opt for the two Wasm
//! modules (the resident's, and the staff's loaded on demand), then `web/`
//! with the welcome screen rendered into `index.html`, the questionnaire and
//! its compact form next to it, the service worker stamped with the build's
//! version, and a size report.

use crate::tools::Tools;
use crate::{root, run, step};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the built site goes (relative to the workspace root).
pub const DIST: &str = "dist";
const WASM_DIR: &str = "target/wasm32-unknown-unknown/release";
const BINDGEN_OUT: &str = "target/bindgen";
/// The two Wasm modules: `(cargo package, library file stem, name in dist/)`.
pub const MODULES: &[(&str, &str, &str)] = &[
    ("diag-resident", "diag_resident", "resident"),
    ("diag-staff", "diag_staff", "staff"),
];
/// The bundled questionnaire.
pub const QUESTIONNAIRE: &str = "questionnaires/villeneuve-la-garenne.yaml";

/// Sizes of the built files: `(name, raw, gzip -9, brotli -q 11)`.
pub struct Report {
    pub files: Vec<(String, u64, u64, u64)>,
}

/// Size budgets in brotli bytes, enforced by `cargo xtask test`: today's sizes
/// plus a small margin, so that any growth fails the tests (BENCHMARKS.md
/// says where the targets stand).
pub const BUDGETS: &[(&str, u64)] = &[
    ("resident_bg.wasm", BUDGET_RESIDENT_WASM),
    (FIRST_LOAD, BUDGET_FIRST_LOAD),
];
// Before languages (issue 15): 139,652 and 160,805. They added ~7.3 KB; short
// import names, minified scripts and styles and the language chosen in main.js
// then took the first load back to 160,339 (the Wasm to 142,378).
// Issue 25: the module embeds no questionnaire, questionnaire.bin (default
// language only) replaces questionnaire.yaml on the first load: 137,555 and
// 150,562 (the target: 151 KB).
const BUDGET_RESIDENT_WASM: u64 = 138_000;
const BUDGET_FIRST_LOAD: u64 = 151_000;
/// Targets from the issues, in brotli bytes, reported beside the budgets.
pub const TARGETS: &[(&str, u64)] = &[("resident_bg.wasm", 100_000), (FIRST_LOAD, 110_000)];
/// Everything a resident downloads up to the first question.
pub const FIRST_LOAD: &str = "resident's first load";
/// The files of [`FIRST_LOAD`]: the page (with its stylesheet inlined), its
/// script, the resident's module, and the compiled questionnaire
/// (`questionnaire.yaml` is read after the first screen, to notice a hand edit).
const FIRST_LOAD_FILES: &[&str] = &[
    "index.html",
    "main.js",
    "resident.js",
    "resident_bg.wasm",
    "questionnaire.bin",
    "logo.svg",
];
/// The staff's module, loaded only on `#/conseiller` and `#/apercu`.
pub const STAFF_MODULE: &str = "staff's module (on demand)";
const STAFF_FILES: &[&str] = &["staff.js", "staff_bg.wasm", "staff.css"];
/// Offline use and installing: the service worker, which `main.js` registers
/// once the page has loaded, and the manifest, which the browser reads at its
/// own pace. Neither is on the path to the first question, so they are not in
/// [`FIRST_LOAD`] (`main.js`'s few lines that register the worker are); the
/// worker's precache revalidates the first load's files (304s, no second
/// download). Reported apart, to keep them small.
pub const OFFLINE: &str = "offline and install (after load)";
const OFFLINE_FILES: &[&str] = &["sw.js", "manifest.webmanifest"];
/// The scripts and stylesheets minified by `xtask/minify.mjs` (`sw.js` is
/// not a module, and is stamped after).
const MINIFIED: &[&str] = &[
    "main.js",
    "resident.js",
    "staff.js",
    "style.css",
    "staff.css",
];
/// What `web/sw.js` holds in place of its version until the build stamps it.
const SW_VERSION: &str = "__BUILD__";

/// Text that only the staff's module may hold: the YAML reader (libyaml's
/// messages), the validator, the advisor's vault and screens, the preview.
/// `cargo xtask test` fails if the resident's module holds any of them.
pub const STAFF_ONLY: &[&str] = &[
    "mapping values are not allowed",
    "did not find expected",
    "PBKDF2",
    "AES-GCM",
    "Phrase de passe",
    "mise à jour et publication",
    "diag-vault",
];

impl Report {
    /// Brotli size of a file, of the resident's first load, or of the staff's module.
    pub fn brotli(&self, what: &str) -> u64 {
        let group: &[&str] = match what {
            FIRST_LOAD => FIRST_LOAD_FILES,
            STAFF_MODULE => STAFF_FILES,
            OFFLINE => OFFLINE_FILES,
            _ => &[],
        };
        self.files
            .iter()
            .filter(|f| f.0 == what || group.contains(&f.0.as_str()))
            .map(|f| f.3)
            .sum()
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
        println!(
            "    {STAFF_MODULE}: {} B brotli (never on the resident's path)",
            self.brotli(STAFF_MODULE)
        );
        println!(
            "    {OFFLINE}: {} B brotli (sw.js, manifest.webmanifest)",
            self.brotli(OFFLINE)
        );
        for ((what, budget), (_, target)) in BUDGETS.iter().zip(TARGETS) {
            let size = self.brotli(what);
            println!(
                "    {what}: {size} B brotli — budget {budget}: {} — target {target}: {}",
                if size <= *budget { "ok" } else { "EXCEEDED" },
                if size <= *target { "met" } else { "not met" }
            );
        }
    }

    /// Fails when the resident's module holds staff code or the YAML reader.
    pub fn check_resident_module(&self) -> Result<(), String> {
        let dist = root().join(DIST);
        let resident = std::fs::read(dist.join("resident_bg.wasm"))
            .map_err(|e| format!("cannot read resident_bg.wasm: {e}"))?;
        let staff = std::fs::read(dist.join("staff_bg.wasm"))
            .map_err(|e| format!("cannot read staff_bg.wasm: {e}"))?;
        let holds =
            |hay: &[u8], needle: &str| hay.windows(needle.len()).any(|w| w == needle.as_bytes());
        // Each marker must be in the staff's module, or the check proves nothing.
        let absent: Vec<&str> = STAFF_ONLY
            .iter()
            .copied()
            .filter(|m| !holds(&staff, m))
            .collect();
        if !absent.is_empty() {
            return Err(format!(
                "the staff module no longer holds {absent:?}: update STAFF_ONLY in xtask/src/site.rs"
            ));
        }
        let leaked: Vec<&str> = STAFF_ONLY
            .iter()
            .copied()
            .filter(|m| holds(&resident, m))
            .collect();
        if leaked.is_empty() {
            println!(
                "    resident_bg.wasm holds none of the staff's {} markers",
                STAFF_ONLY.len()
            );
            Ok(())
        } else {
            Err(format!(
                "the resident's module holds staff code or the YAML reader: {leaked:?}"
            ))
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
    // One cargo invocation per module: built together, cargo would unify the
    // features of diag-core and give the resident's module the YAML reader.
    for (package, _, _) in MODULES {
        step(
            &format!("cargo build --release (wasm32: {package})"),
            || {
                run(Command::new("cargo").args([
                    "build",
                    "--release",
                    "--target",
                    "wasm32-unknown-unknown",
                    "-p",
                    package,
                ]))
            },
        )?;
    }
    for (_, stem, name) in MODULES {
        step(&format!("wasm-bindgen ({name})"), || {
            run(Command::new(&tools.wasm_bindgen).args([
                "--target",
                "web",
                "--no-typescript",
                "--out-name",
                name,
                "--out-dir",
                BINDGEN_OUT,
                &format!("{WASM_DIR}/{stem}.wasm"),
            ]))
        })?;
    }
    for (_, _, name) in MODULES {
        step(&format!("short import names ({name})"), || {
            let dir = root().join(BINDGEN_OUT);
            let (wasm_path, js_path) = (
                dir.join(format!("{name}_bg.wasm")),
                dir.join(format!("{name}.js")),
            );
            let read_err =
                |p: &Path, e: std::io::Error| format!("cannot read {}: {e}", p.display());
            let wasm = std::fs::read(&wasm_path).map_err(|e| read_err(&wasm_path, e))?;
            let js = std::fs::read_to_string(&js_path).map_err(|e| read_err(&js_path, e))?;
            let (wasm, js) = crate::imports::shorten(&wasm, &js)
                .map_err(|e| format!("{}: {e}", wasm_path.display()))?;
            std::fs::write(&wasm_path, wasm).map_err(|e| e.to_string())?;
            std::fs::write(&js_path, js).map_err(|e| e.to_string())
        })?;
    }
    let dist = root().join(DIST);
    step(
        "copy web/, minify, render the welcome, compile the questionnaire",
        || {
            if dist.exists() {
                std::fs::remove_dir_all(&dist).map_err(|e| format!("cannot empty {DIST}/: {e}"))?;
            }
            copy_dir(&root().join("web"), &dist)?;
            for (_, _, name) in MODULES {
                copy(
                    &root().join(BINDGEN_OUT).join(format!("{name}.js")),
                    &dist.join(format!("{name}.js")),
                )?;
            }
            // Comments and long names are for readers of the sources, not
            // for phones: terser and clean-css (npm, pinned in package-lock.json).
            let mut minify = Command::new("node");
            minify.arg(root().join("xtask/minify.mjs"));
            for file in MINIFIED {
                minify.arg(dist.join(file));
            }
            run(&mut minify)?;
            let yaml = std::fs::read_to_string(root().join(QUESTIONNAIRE))
                .map_err(|e| format!("cannot read {QUESTIONNAIRE}: {e}"))?;
            let q = diag_core::Questionnaire::from_yaml(&yaml)
                .map_err(|e| e.render(QUESTIONNAIRE, &yaml))?;
            std::fs::write(dist.join("questionnaire.yaml"), &yaml).map_err(|e| e.to_string())?;
            languages(&dist, &yaml, &q)?;
            let page = std::fs::read_to_string(root().join("web/index.html"))
                .map_err(|e| format!("cannot read web/index.html: {e}"))?;
            let page = crate::welcome::render_into(&page, &q)?;
            let css = std::fs::read_to_string(dist.join("style.css"))
                .map_err(|e| format!("cannot read {DIST}/style.css: {e}"))?;
            let page = crate::welcome::inline_style(&page, &css)?;
            // Inlined: no second copy to keep in step.
            std::fs::remove_file(dist.join("style.css")).map_err(|e| e.to_string())?;
            std::fs::write(dist.join("index.html"), page).map_err(|e| e.to_string())
        },
    )?;
    // wasm-opt keeps one core busy: both modules at once.
    step(
        "wasm-opt -Oz (both modules at once; --converge for the resident's)",
        || {
            std::thread::scope(|scope| {
                let runs: Vec<_> = MODULES
                    .iter()
                    .map(|(_, _, name)| {
                        let (input, output) = (
                            root().join(format!("{BINDGEN_OUT}/{name}_bg.wasm")),
                            dist.join(format!("{name}_bg.wasm")),
                        );
                        scope.spawn(move || wasm_opt(tools, &input, &output, *name == "resident"))
                    })
                    .collect();
                runs.into_iter()
                    .map(|r| {
                        r.join()
                            .unwrap_or_else(|_| Err("wasm-opt's thread stopped".into()))
                    })
                    .collect::<Result<Vec<()>, String>>()
            })
        },
    )?;
    step("stamp the service worker with the build's version", || {
        stamp_service_worker(&dist)
    })?;
    write_file_list(&dist)?;
    // Each file compressed in its own thread: brotli 11 on the staff's Wasm
    // alone keeps a core busy for seconds (a fresh clone has no cache).
    let paths = list(&dist)?;
    let mut files = std::thread::scope(|scope| {
        let sizes: Vec<_> = paths
            .iter()
            .map(|path| {
                let dist = &dist;
                scope.spawn(move || {
                    let bytes = std::fs::read(path)
                        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    let name = path
                        .strip_prefix(dist)
                        .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
                    Ok((
                        name,
                        bytes.len() as u64,
                        crate::serve::gzip(&bytes).len() as u64,
                        crate::serve::brotli(&bytes).len() as u64,
                    ))
                })
            })
            .collect();
        sizes
            .into_iter()
            .map(|s| {
                s.join()
                    .unwrap_or_else(|_| Err("a compression thread stopped".into()))
            })
            .collect::<Result<Vec<_>, String>>()
    })?;
    files.sort();
    Ok(Report { files })
}

/// The site's files, one name a line (`site-files.txt`, listed too): what
/// the author's "Télécharger le site complet" fetches to make its zip, and
/// what `cargo xtask package` zips.
pub const SITE_FILES: &str = "site-files.txt";

/// The site in `dist` as one zip, and how many files it holds: the files
/// `site-files.txt` lists, by name (`cargo xtask package`; the e2e suite
/// compares it with the author's "Télécharger le site complet").
pub fn package(dist: &Path) -> Result<(Vec<u8>, usize), String> {
    let list = std::fs::read_to_string(dist.join(SITE_FILES))
        .map_err(|e| format!("cannot read {SITE_FILES}: {e}"))?;
    let mut files = Vec::new();
    for name in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let bytes =
            std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        files.push((name.to_owned(), bytes));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok((diag_workshop::zip(&files)?, files.len()))
}

fn write_file_list(dist: &Path) -> Result<(), String> {
    let mut names: Vec<String> = list(dist)?
        .iter()
        .filter_map(|p| p.strip_prefix(dist).ok())
        .map(|p| p.display().to_string())
        .filter(|n| n != SITE_FILES)
        .collect();
    names.push(SITE_FILES.to_owned());
    names.sort();
    std::fs::write(dist.join(SITE_FILES), names.join("\n") + "\n")
        .map_err(|e| format!("cannot write {SITE_FILES}: {e}"))
}

/// What wasm-opt is asked: -Oz, with the features wasm-bindgen's output uses.
/// `--converge` (-Oz again until it gains nothing) for the resident's module
/// only: 0.4 KB brotli off every resident's first load. On the staff's it
/// took 1.2 KB off 388 KB for 17 s more (36 s instead of 19) on a fresh build.
const WASM_OPT_ARGS: &[&str] = &[
    "-Oz",
    "--enable-reference-types",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-multivalue",
    "--enable-mutable-globals",
];

/// `wasm-opt` from `input` to `output`, or its previous output for the same
/// input, arguments and wasm-opt (kept in `target/wasm-opt/`): it is
/// deterministic, and takes 40 s on both modules for what a rebuild with no
/// change would give again.
fn wasm_opt(tools: &Tools, input: &Path, output: &Path, converge: bool) -> Result<(), String> {
    use sha2::Digest;
    let bytes =
        std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let version = crate::output(Command::new(&tools.wasm_opt).arg("--version")).unwrap_or_default();
    let mut hash = sha2::Sha256::new();
    hash.update(version.as_bytes());
    let args: Vec<&str> = WASM_OPT_ARGS
        .iter()
        .copied()
        .chain(converge.then_some("--converge"))
        .collect();
    for arg in &args {
        hash.update(arg.as_bytes());
        hash.update([0]);
    }
    hash.update(&bytes);
    let key: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let cache = root().join("target/wasm-opt");
    let kept = cache.join(format!("{key}.wasm"));
    if kept.exists() {
        println!(
            "    unchanged input: the output of a previous run ({})",
            kept.display()
        );
        return copy(&kept, output);
    }
    run(Command::new(&tools.wasm_opt)
        .args(&args)
        .arg(input)
        .arg("-o")
        .arg(output))?;
    std::fs::create_dir_all(&cache)
        .map_err(|e| format!("cannot create {}: {e}", cache.display()))?;
    copy(output, &kept)
}

/// Writes a hash of every other built file into `sw.js`: a new build is a new
/// worker, which the browser installs on the next visit with a network and
/// which drops the previous build's cache; an unchanged build keeps its worker.
fn stamp_service_worker(dist: &Path) -> Result<(), String> {
    use sha2::Digest;
    let sw = dist.join("sw.js");
    let text = std::fs::read_to_string(&sw).map_err(|e| format!("cannot read sw.js: {e}"))?;
    if !text.contains(SW_VERSION) {
        return Err(format!("web/sw.js has no `{SW_VERSION}` to replace"));
    }
    let mut files = list(dist)?;
    files.sort();
    let mut hash = sha2::Sha256::new();
    for path in files.iter().filter(|p| **p != sw) {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        hash.update(
            path.strip_prefix(dist)
                .unwrap_or(path)
                .to_string_lossy()
                .as_bytes(),
        );
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(&bytes);
    }
    // sw.js's own text too: a change to the worker alone is a new worker.
    hash.update(text.as_bytes());
    let version: String = hash
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(&sw, text.replace(SW_VERSION, &version)).map_err(|e| e.to_string())?;
    println!("    sw.js version {version}");
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

pub fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
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

/// Each translation of the questionnaire, fetched by the resident's page only
/// when chosen: its YAML beside the published one, its texts
/// (`questionnaire.<code>.bin`) and the interface strings (`ui.<code>.json`,
/// in `Msg::ALL`'s order). `questionnaire.bin` and the packs are made by
/// `Questionnaire::compile`, as `diag compile` and the author's workshop make
/// them: the same bytes.
fn languages(dist: &Path, yaml: &str, q: &diag_core::Questionnaire) -> Result<(), String> {
    let mut sources = Vec::new();
    for t in &q.translations {
        let path = QUESTIONNAIRE.replace(".yaml", &format!(".{}.yaml", t.language));
        let text = std::fs::read_to_string(root().join(&path))
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        std::fs::write(
            dist.join(format!("questionnaire.{}.yaml", t.language)),
            &text,
        )
        .map_err(|e| e.to_string())?;
        sources.push(text);
    }
    let refs: Vec<&str> = sources.iter().map(String::as_str).collect();
    let compiled = diag_core::Questionnaire::compile(yaml, &refs).map_err(|e| {
        let mut out = diag_core::render_all(&e.questionnaire, QUESTIONNAIRE, yaml, "en");
        for (d, text) in e.translations.iter().zip(&sources) {
            out.push_str(&diag_core::render_all(d, "translation", text, "en"));
        }
        out
    })?;
    std::fs::write(dist.join("questionnaire.bin"), &compiled.questionnaire)
        .map_err(|e| e.to_string())?;
    for (code, pack) in &compiled.packs {
        std::fs::write(dist.join(format!("questionnaire.{code}.bin")), pack)
            .map_err(|e| e.to_string())?;
        let lang = diag_ui::i18n::Lang::parse(code).ok_or_else(|| {
            format!("the interface has no strings in `{code}` (crates/ui/src/lang/)")
        })?;
        // English's interface strings are compiled into the modules.
        if lang.built_in() {
            continue;
        }
        let strings = diag_ui::lang::strings(lang)
            .ok_or_else(|| format!("`{code}` is compiled into the modules, not fetched"))?;
        let json = serde_json::to_string(&strings).map_err(|e| e.to_string())?;
        std::fs::write(dist.join(format!("ui.{code}.json")), json).map_err(|e| e.to_string())?;
    }
    Ok(())
}
