//! `cargo xtask bench`: the web benchmark. Builds the release site, serves it
//! compressed, runs `tests/bench/web.mjs` in headless Chromium, prints one
//! JSON line and records it in BENCHMARKS.md.

use crate::{output, root, serve, site, step, tools};
use std::process::Command;

const START: &str = "<!-- web-bench:start -->";
const END: &str = "<!-- web-bench:end -->";

pub fn run() -> Result<(), String> {
    let t = tools::for_build()?;
    tools::chromium()?;
    let report = site::build(&t)?;
    report.print();
    let listener = serve::bind(0)?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = root().join(site::DIST);
    std::thread::spawn(move || serve::run(listener, dist));
    let fixtures = crate::test::write_fixtures()?;
    let json = step(
        "cold loads, scripted resident, Lighthouse (a few minutes)",
        || {
            let out = Command::new("node")
                .arg("tests/bench/web.mjs")
                .current_dir(root())
                .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
                .env("FIXTURES", fixtures)
                .env("DIST", root().join(site::DIST))
                .stderr(std::process::Stdio::inherit())
                .output()
                .map_err(|e| format!("cannot run node: {e}"))?;
            if !out.status.success() {
                return Err(format!("tests/bench/web.mjs failed ({})", out.status));
            }
            let text = String::from_utf8_lossy(&out.stdout);
            text.lines()
                .last()
                .map(str::to_owned)
                .ok_or_else(|| "no JSON line".to_owned())
        },
    )?;
    let v: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| format!("bad JSON from the benchmark: {e}"))?;
    let mut line = v.clone();
    line["wasm_brotli"] = report.brotli("resident_bg.wasm").into();
    line["first_load_brotli"] = report.brotli(site::FIRST_LOAD).into();
    line["staff_brotli"] = report.brotli(site::STAFF_MODULE).into();
    println!("{line}");
    record(&line)
}

fn record(v: &serde_json::Value) -> Result<(), String> {
    let path = root().join("BENCHMARKS.md");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let commit =
        output(Command::new("git").args(["rev-parse", "--short", "HEAD"])).unwrap_or_default();
    let date = output(Command::new("date").arg("+%Y-%m-%d")).unwrap_or_default();
    let kb = |x: &serde_json::Value| format!("{:.1} KB", x.as_f64().unwrap_or(0.0) / 1000.0);
    let ms = |x: &serde_json::Value| {
        format!("{} ms ({}–{})", x["median"], x["spread"][0], x["spread"][1])
    };
    let row = format!(
        "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {:.1} MB | {} ms | {} ms | {} / {} / {} |",
        date.trim(),
        commit.trim(),
        v["chromium"].as_str().unwrap_or(""),
        kb(&v["wasm_brotli"]),
        kb(&v["first_load_brotli"]),
        kb(&v["transferred_bytes"]),
        kb(&v["staff_brotli"]),
        ms(&v["first_question_ms"]),
        ms(&v["first_question_slow_4g_ms"]),
        ms(&v["welcome_slow_4g_ms"]),
        ms(&v["advisor_slow_4g_ms"]),
        ms(&v["slow_path_ms"]),
        ms(&v["slow_path_slow_4g_ms"]),
        v["js_heap_bytes"].as_f64().unwrap_or(0.0) / 1_000_000.0,
        v["resident_total_ms"],
        v["slowest_interaction_ms"],
        v["lighthouse"]["performance"],
        v["lighthouse"]["accessibility"],
        v["lighthouse"]["bestPractices"],
    );
    let header = "| date | commit | Chromium | resident Wasm (br) | resident's first load (br) | transferred, first question | staff module (br, on demand) | first question, unthrottled: median (min–max) | first question, slow 4G + 4× CPU | welcome painted, slow 4G + 4× CPU | welcome → advisor's unlock form, slow 4G + 4× CPU | slow path (hand-edited YAML), unthrottled | slow path, slow 4G + 4× CPU | JS heap | resident, welcome → result (4× CPU) | slowest interaction (4× CPU) | Lighthouse perf / a11y / best practices |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    let old_rows: Vec<&str> = match (text.find(START), text.find(END)) {
        (Some(s), Some(e)) if s < e => text
            .get(s..e)
            .unwrap_or("")
            .lines()
            .filter(|l| l.starts_with("| 20"))
            .collect(),
        _ => Vec::new(),
    };
    let rows: Vec<&str> = old_rows.into_iter().chain([row.as_str()]).collect();
    let section = format!("{START}\n{header}\n{}\n{END}", rows.join("\n"));
    let new = match (text.find(START), text.find(END)) {
        (Some(s), Some(e)) if s < e => format!(
            "{}{section}{}",
            text.get(..s).unwrap_or(""),
            text.get(e + END.len()..).unwrap_or("")
        ),
        _ => format!("{text}\n## Web (`cargo xtask bench`)\n\n{section}\n"),
    };
    std::fs::write(&path, new).map_err(|e| e.to_string())
}
