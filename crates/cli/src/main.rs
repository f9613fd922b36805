//! `diag`: the questionnaire author's tool. A thin shell over diag-core.

use anyhow::{bail, Context, Result};
use diag_core::{render_all, Answers, Questionnaire, Severity};
use std::process::ExitCode;

const USAGE: &str = "\
diag — check and try out a Diagnostic numérique questionnaire

Usage:
  diag check FILE...            every error and warning, located (exit 1 on errors)
  diag score FILE ANSWERS       the outcome for an answers file (YAML or JSON); --json for all details
  diag score FILE --code CODE   the same, from a result code
  diag code FILE ANSWERS        the result code of an answers file
  diag decode FILE CODE         the answers a result code holds

Example:
  diag check questionnaires/villeneuve-la-garenne.yaml";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("diag: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &str) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))
}

fn load(path: &str) -> Result<Questionnaire> {
    let src = read(path)?;
    Questionnaire::from_yaml(&src)
        .map_err(|e| anyhow::anyhow!("{path} is not valid:\n{}", e.render(path, &src)))
}

fn run(args: &[String]) -> Result<ExitCode> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    match words.as_slice() {
        [] | ["--help" | "-h" | "help", ..] => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        ["check", files @ ..] if !files.is_empty() => {
            let mut failed = false;
            for file in files {
                let src = read(file)?;
                let diags = Questionnaire::check(&src);
                failed |= diags.iter().any(|d| d.severity == Severity::Error);
                print!("{}", render_all(&diags, file, &src));
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        ["score", file, "--code", code] | ["score", file, "--code", code, "--json"] => {
            let q = load(file)?;
            let answers = diag_core::decode(&q, code).map_err(|e| anyhow::anyhow!("{e}"))?;
            score(&q, &answers, words.last() == Some(&"--json"))
        }
        ["score", file, answers] | ["score", file, answers, "--json"] => {
            let q = load(file)?;
            let answers = read_answers(answers)?;
            score(&q, &answers, words.last() == Some(&"--json"))
        }
        ["code", file, answers] => {
            let q = load(file)?;
            println!("{}", diag_core::encode(&q, &read_answers(answers)?));
            Ok(ExitCode::SUCCESS)
        }
        ["decode", file, code] => {
            let q = load(file)?;
            let answers = diag_core::decode(&q, code).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{}", serde_json::to_string_pretty(&answers)?);
            Ok(ExitCode::SUCCESS)
        }
        [cmd, ..] => bail!("unknown command or missing argument for `{cmd}`; see `diag --help`"),
    }
}

fn read_answers(path: &str) -> Result<Answers> {
    let src = read(path)?;
    serde_yaml::from_str(&src)
        .with_context(|| format!("{path} is not an answers file (a mapping question: option)"))
}

fn score(q: &Questionnaire, answers: &Answers, json: bool) -> Result<ExitCode> {
    let o = diag_core::evaluate(q, answers);
    if json {
        println!("{}", serde_json::to_string_pretty(&o)?);
        return Ok(ExitCode::SUCCESS);
    }
    let lang = q.default_language();
    let title = q
        .parcours_by_id(&o.parcours)
        .map_or("", |p| p.title.get(lang));
    println!("Parcours: {title} ({})", o.parcours);
    println!("Because:  {}", o.because.get(lang));
    if let Some(next) = &o.next {
        println!("Next:     {next}");
    }
    for d in &o.dimensions {
        let pct = d.percent.unwrap_or(0);
        let bar = "#".repeat((pct / 5) as usize);
        println!(
            "  {:<14} {:<20} {:>3}% ({}/{}) {}",
            d.id,
            bar,
            pct,
            d.score,
            d.max,
            d.level.as_deref().unwrap_or("-")
        );
    }
    if !o.complete {
        println!("Partial: unanswered {}", o.missing.join(", "));
    }
    println!("Code:     {}", diag_core::encode(q, answers));
    Ok(ExitCode::SUCCESS)
}
