//! `diag`: the questionnaire author's tool. A thin shell over diag-core.

mod render;
mod translations;

use anyhow::{anyhow, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use diag_core::{personas, simulate, Answers, Questionnaire, Severity};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Check and try out a Diagnostic numérique questionnaire.
#[derive(Parser)]
#[command(
    name = "diag",
    version,
    after_help = "Example:\n  diag check questionnaires/villeneuve-la-garenne.yaml"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Every error and warning of each file, with line, column and a hint. Exit 1 on errors.
    #[command(
        after_help = "Example:\n  diag check questionnaires/villeneuve-la-garenne.yaml\n  diag check --format json --deny-warnings *.yaml"
    )]
    Check {
        /// Questionnaire files.
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Colour: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value_t = Colour::Auto)]
        color: Colour,
        /// Language of the messages: en or fr.
        #[arg(long, default_value = "en", value_parser = ["en", "fr"])]
        lang: String,
        /// The day against which session periods are checked, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_date)]
        today: Option<diag_core::Date>,
    },
    /// The outcome for a set of answers: parcours, reason, next step, score per dimension.
    #[command(
        after_help = "Example:\n  diag score questionnaires/villeneuve-la-garenne.yaml answers.yaml\n  diag score questionnaires/villeneuve-la-garenne.yaml --code VLG-7KQ2-93XM-B4A --json"
    )]
    Score {
        /// Questionnaire file.
        file: String,
        /// Answers file (YAML or JSON: `question: option`, lists for multiple choice).
        #[arg(required_unless_present = "code")]
        answers: Option<String>,
        /// Read the answers from a result code instead.
        #[arg(long, conflicts_with = "answers")]
        code: Option<String>,
        /// Print the whole outcome as JSON (with the rule trace).
        #[arg(long)]
        json: bool,
        /// Language of the texts shown.
        #[arg(long)]
        lang: Option<String>,
    },
    /// The result code of a set of answers.
    #[command(
        after_help = "Example:\n  diag code questionnaires/villeneuve-la-garenne.yaml answers.yaml"
    )]
    Code {
        /// Questionnaire file.
        file: String,
        /// Answers file (YAML or JSON).
        answers: String,
    },
    /// The answers a result code holds, as JSON.
    #[command(
        after_help = "Example:\n  diag decode questionnaires/villeneuve-la-garenne.yaml VLG-7KQ2-93XM-B4A"
    )]
    Decode {
        /// Questionnaire file.
        file: String,
        /// The result code (case, spaces and dashes do not matter).
        code: String,
    },
    /// Proof that the rules work: which parcours can be reached and how, which rules never
    /// decide, the share of each parcours, questions that change nothing. Exit 1 when a
    /// parcours cannot be reached.
    #[command(
        after_help = "Example:\n  diag simulate questionnaires/villeneuve-la-garenne.yaml --samples 200000 --seed 7"
    )]
    Simulate {
        /// Questionnaire file.
        file: String,
        /// Random answer sets to try when there are too many to try them all.
        #[arg(long, default_value_t = 100_000)]
        samples: u64,
        /// Seed of the random answers (the same seed gives the same report).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Runs a personas file: each persona's answers must give the expected parcours.
    #[command(
        after_help = "Example:\n  diag personas questionnaires/villeneuve-la-garenne.yaml tests/personas.yaml"
    )]
    Personas {
        /// Questionnaire file.
        file: String,
        /// Personas file.
        personas: String,
    },
    /// The compact, pre-validated form that residents' pages read (no YAML reader on their
    /// phones). Publish it next to the YAML it was made from: a YAML edited later still works,
    /// only more slowly, until it is compiled again. Exit 1 (and nothing written) on errors.
    #[command(
        after_help = "Example:\n  diag compile questionnaire.yaml            (writes questionnaire.bin)\n  diag compile questionnaires/villeneuve-la-garenne.yaml -o dist/questionnaire.bin"
    )]
    Compile {
        /// Questionnaire file.
        file: String,
        /// Where to write the compact form (default: the file's name with `.bin`).
        #[arg(short, long)]
        output: Option<String>,
    },
    /// What the advisor's records say of the rules: per rule, how often it decided and how
    /// often the advisor chose another parcours (to which, and why), and the answers most
    /// common among overridden results. Records from another version of the questionnaire
    /// are listed apart, never counted.
    #[command(after_help = "Example:
  diag review questionnaires/villeneuve-la-garenne.yaml fiches-conseiller.json
  diag review --format json --lang fr questionnaire.yaml fiches-conseiller.json")]
    Review {
        /// Questionnaire file.
        file: String,
        /// The advisor's JSON export ("Exporter en JSON" on the desk).
        records: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Language of the texts: en or fr (default: the questionnaire's first).
        #[arg(long, value_parser = ["en", "fr"])]
        lang: Option<String>,
    },
    /// Prints the JSON Schema of the questionnaire format (committed as questionnaires/schema.json).
    #[command(after_help = "Example:\n  diag schema > questionnaires/schema.json")]
    Schema,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Colour {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("diag: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `--today`: a date written YYYY-MM-DD.
fn parse_date(s: &str) -> Result<diag_core::Date, String> {
    diag_core::Date::parse(s).ok_or_else(|| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// Today's date from the system clock (UTC; a day's difference is harmless here).
fn system_date() -> Result<diag_core::Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs();
    let days = i64::try_from(secs / 86_400).context("the system clock is too far ahead")?;
    diag_core::Date::from_days_since_epoch(days).context("the system date is out of range")
}

fn read_bytes(path: &str) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {path}"))
}

/// A text file (UTF-8, byte-order mark dropped).
fn read(path: &str) -> Result<String> {
    let bytes = read_bytes(path)?;
    diag_core::source_text(&bytes)
        .map(str::to_owned)
        .map_err(|d| anyhow!("{path}:{}:{}: {}", d.line, d.column, d.message))
}

/// A questionnaire with the translation files beside it (their own problems
/// are `diag check`'s business: a broken one only adds no texts).
fn load(path: &str) -> Result<Questionnaire> {
    let src = read(path)?;
    let found = translations::beside(path)?;
    let sources: Vec<&str> = found.iter().map(|t| t.source.as_str()).collect();
    Questionnaire::from_yaml_translated(&src, &sources)
        .0
        .map_err(|e| {
            anyhow!(
                "{path} has errors; run `diag check {path}`\n\n{}",
                e.render(path, &src)
            )
        })
}

fn read_answers(path: &str) -> Result<Answers> {
    let src = read(path)?;
    serde_yaml::from_str(&src)
        .map_err(|e| anyhow!("{path} is not an answers file (a mapping `question: option`): {e}"))
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Check {
            files,
            format,
            deny_warnings,
            color,
            lang,
            today,
        } => {
            let today = match today {
                Some(d) => d,
                None => system_date()?,
            };
            let colour = match color {
                Colour::Always => true,
                Colour::Never => false,
                Colour::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let mut failed = false;
            let mut json = Vec::new();
            for file in &files {
                let bytes = read_bytes(file)?;
                let found = translations::beside(file)?;
                let sources: Vec<&str> = found.iter().map(|t| t.source.as_str()).collect();
                // A file that is not UTF-8 is itself a diagnostic, quoted like the others.
                // Read once, with its translations; past periods are warned about as of `today`.
                let (src, diags, in_files, declared) = match diag_core::source_text(&bytes) {
                    Ok(src) => {
                        let (q, in_files) = Questionnaire::from_yaml_translated(src, &sources);
                        let (main, declared) = match q {
                            Ok(q) => (q.warnings_on(src, today), q.translations),
                            Err(e) => (e.diagnostics, Vec::new()),
                        };
                        (src.to_owned(), main, in_files, declared)
                    }
                    Err(d) => (
                        String::from_utf8_lossy(&bytes).into_owned(),
                        vec![*d],
                        Vec::new(),
                        Vec::new(),
                    ),
                };
                // A declared translation needs its file beside the questionnaire.
                for t in &declared {
                    if !found.iter().any(|f| f.language == t.language) {
                        failed = true;
                        eprintln!(
                            "error: {file} declares the translation `{}`, but {} does not exist",
                            t.language,
                            translations::path_for(file, &t.language).display()
                        );
                    }
                }
                // Each file's problems quoted from that file: the questionnaire's, then each translation's.
                let mut reports = vec![(file.clone(), src, diags)];
                for (t, diags) in found.iter().zip(in_files) {
                    reports.push((t.path.clone(), t.source.clone(), diags));
                }
                for (file, src, diags) in reports {
                    failed |= diags.iter().any(|d| {
                        d.severity == Severity::Error
                            || (deny_warnings && d.severity == Severity::Warning)
                    });
                    match format {
                        Format::Text => {
                            print!(
                                "{}",
                                render::diagnostics(&diags, &file, &src, &lang, colour)
                            )
                        }
                        Format::Json => {
                            let diags: Vec<_> =
                                diags.iter().map(|d| d.in_language(&lang)).collect();
                            json.push(serde_json::json!({ "file": file, "diagnostics": diags }))
                        }
                    }
                }
            }
            if let Format::Json = format {
                println!("{}", serde_json::to_string_pretty(&json)?);
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Score {
            file,
            answers,
            code,
            json,
            lang,
        } => {
            let q = load(&file)?;
            let answers = match (answers, code) {
                (_, Some(code)) => diag_core::decode(&q, &code).map_err(|e| anyhow!("{e}"))?,
                (Some(path), None) => read_answers(&path)?,
                (None, None) => return Err(anyhow!("give an answers file or --code")),
            };
            let outcome = diag_core::evaluate(&q, &answers);
            if json {
                println!("{}", serde_json::to_string_pretty(&outcome)?);
            } else {
                let lang = lang.unwrap_or_else(|| q.default_language().to_owned());
                print!("{}", render::outcome(&q, &outcome, &answers, &lang));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Code { file, answers } => {
            let q = load(&file)?;
            println!("{}", diag_core::encode(&q, &read_answers(&answers)?));
            Ok(ExitCode::SUCCESS)
        }
        Command::Review {
            file,
            records,
            format,
            lang,
        } => {
            let q = load(&file)?;
            let list = diag_core::records::from_json(&read(&records)?)
                .map_err(|e| match e {
                    diag_core::records::ImportError::Foreign => anyhow!(
                        "{records} is not an export of the advisor's records (\"Exporter en JSON\" on the desk)"
                    ),
                    diag_core::records::ImportError::Damaged(why) => {
                        anyhow!("{records} is damaged: {why}")
                    }
                })?;
            let lang = lang.unwrap_or_else(|| q.default_language().to_owned());
            let review = diag_core::review::review(&q, &list, &lang);
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&review)?),
                Format::Text => print!("{}", render::review(&q, &review, &lang)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Decode { file, code } => {
            let q = load(&file)?;
            let answers = diag_core::decode(&q, &code).map_err(|e| anyhow!("{e}"))?;
            println!("{}", serde_json::to_string_pretty(&answers)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Simulate {
            file,
            samples,
            seed,
            json,
        } => {
            let q = load(&file)?;
            let mut sim = simulate::simulate(&q, samples, seed);
            let paths = (samples / 100).clamp(50, simulate::REASONING_PATHS);
            sim.reasoning = Some(simulate::reasoning(&q, paths, seed));
            if json {
                println!("{}", serde_json::to_string_pretty(&sim)?);
            } else {
                print!("{}", render::simulation(&q, &sim));
            }
            let unreachable = sim.parcours.iter().any(|p| p.count == 0);
            Ok(if unreachable {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Personas {
            file,
            personas: path,
        } => {
            let q = load(&file)?;
            let list = personas::parse(&read(&path)?).map_err(|e| anyhow!("{path}: {e}"))?;
            let checked = personas::check(&q, list);
            print!("{}", personas::report(&checked));
            let failed = checked.iter().filter(|c| !c.mismatches.is_empty()).count();
            println!(
                "personas: {} passed, {failed} failed",
                checked.len() - failed
            );
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Compile { file, output } => {
            let src = read(&file)?;
            let found = translations::beside(&file)?;
            let sources: Vec<&str> = found.iter().map(|t| t.source.as_str()).collect();
            let compiled = match Questionnaire::compile(&src, &sources) {
                Ok(c) => c,
                Err(e) => {
                    eprint!(
                        "{}",
                        render::diagnostics(&e.questionnaire, &file, &src, "en", false)
                    );
                    for (t, d) in found.iter().zip(&e.translations) {
                        eprint!(
                            "{}",
                            render::diagnostics(d, &t.path, &t.source, "en", false)
                        );
                    }
                    eprintln!("diag: {file} has errors: nothing written");
                    return Ok(ExitCode::FAILURE);
                }
            };
            let output = output.unwrap_or_else(|| {
                std::path::Path::new(&file)
                    .with_extension("bin")
                    .display()
                    .to_string()
            });
            let bytes = &compiled.questionnaire;
            std::fs::write(&output, bytes).with_context(|| format!("cannot write {output}"))?;
            println!(
                "wrote {output} ({} bytes, from {file} with digest {:016x}): publish it next to that file",
                bytes.len(),
                diag_core::digest(&src)
            );
            // Each translation's texts, fetched by the resident's page only when chosen.
            for (language, bytes) in &compiled.packs {
                let path = translations::pack_path(&output, language);
                std::fs::write(&path, bytes).with_context(|| format!("cannot write {path}"))?;
                println!(
                    "wrote {path} ({} bytes, the `{language}` texts)",
                    bytes.len()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print!("{}", diag_core::json_schema());
            Ok(ExitCode::SUCCESS)
        }
    }
}
