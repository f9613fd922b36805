//! Text output of the commands, for people.

use diag_core::simulate::{Reasoning, Simulation};
use diag_core::{render_all, Answers, Calibration, Diagnostic, Outcome, Questionnaire, Reason};
use std::fmt::Write as _;

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const BLUE: &str = "\x1b[1;34m";
const RESET: &str = "\x1b[0m";

/// Diagnostics as `diag check` prints them; colour only adds escapes around
/// the same text, so the plain form is what tests and the web preview compare.
pub fn diagnostics(
    diags: &[Diagnostic],
    file: &str,
    src: &str,
    lang: &str,
    colour: bool,
) -> String {
    let plain = render_all(diags, file, src, lang);
    if !colour {
        return plain;
    }
    plain
        .lines()
        .map(|l| {
            if l.starts_with("error") || l.starts_with("erreur") {
                format!("{RED}{l}{RESET}")
            } else if l.starts_with("warning") || l.starts_with("avertissement") {
                format!("{YELLOW}{l}{RESET}")
            } else if l.trim_start().starts_with('|')
                || l.trim_start().starts_with("-->")
                || l.trim_start().starts_with('=')
            {
                format!("{BLUE}{l}{RESET}")
            } else {
                l.to_owned()
            }
        })
        .fold(String::new(), |acc, l| acc + &l + "\n")
}

fn reason(r: &Reason) -> String {
    match r {
        Reason::Partial { missing } => format!("{missing} question(s) not answered"),
        Reason::NotEvaluated { dimension } => format!("{dimension}: mostly \"Je ne sais pas\""),
        Reason::DontKnow { count } => format!("{count} \"Je ne sais pas\""),
        Reason::Miscalibrated { dimension, .. } => {
            format!("{dimension}: checks contradict the self-ratings")
        }
        Reason::Narrow { dimension } => format!("{dimension}: one point would change the advice"),
    }
}

pub fn outcome(q: &Questionnaire, o: &Outcome, answers: &Answers, lang: &str) -> String {
    let mut out = String::new();
    let title = |id: &str| q.parcours_title(id, lang);
    let _ = writeln!(out, "Parcours: {} ({})", title(&o.parcours), o.parcours);
    let _ = writeln!(out, "Because:  {}", o.because.get(lang));
    if let Some(next) = &o.next {
        let _ = writeln!(out, "Next:     {} ({next})", title(next));
    }
    let _ = writeln!(out, "Skill profile:");
    for (d, score) in q.dimensions.iter().zip(&o.dimensions) {
        let (bar, pct) = match score.percent {
            Some(p) => (
                "#".repeat((p / 5) as usize) + &".".repeat(20 - (p / 5) as usize),
                format!("{p:>3}%"),
            ),
            None => (" ".repeat(20), "  - ".to_owned()),
        };
        let level = q
            .level_label(score.level.as_deref(), lang)
            .unwrap_or("not assessed");
        let coverage = score
            .coverage
            .map(|c| format!(", {c}% answered"))
            .unwrap_or_default();
        let calibration = match score.calibration {
            Some(Calibration::Over) => ", self-ratings above what the checks show",
            Some(Calibration::Under) => ", self-ratings below what the checks show",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  {:<28} [{bar}] {pct} ({}/{})  {level}{coverage}{calibration}",
            d.label.get(lang),
            score.score,
            score.max
        );
    }
    let _ = writeln!(out, "\"Je ne sais pas\": {}", o.dont_know);
    let reasons: Vec<String> = o.confidence.reasons.iter().map(reason).collect();
    let _ = writeln!(
        out,
        "Confidence: {}{}",
        format!("{:?}", o.confidence.level).to_lowercase(),
        if reasons.is_empty() {
            String::new()
        } else {
            format!(" ({})", reasons.join("; "))
        }
    );
    if o.early_stop {
        let _ = writeln!(
            out,
            "Early stop: no answer to {} can change the advice",
            o.missing.join(", ")
        );
    } else if !o.complete {
        let _ = writeln!(out, "Partial: not answered yet: {}", o.missing.join(", "));
    }
    if !o.ignored.is_empty() {
        let _ = writeln!(
            out,
            "Ignored (do not fit the questionnaire): {}",
            o.ignored.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "Decided by rule {}: {}",
        o.rule + 1,
        o.trace.last().map_or("", |t| t.when.as_str())
    );
    let _ = writeln!(out, "Code:     {}", diag_core::encode(q, answers));
    out
}

fn reasoning(out: &mut String, r: &Reasoning) {
    let _ = writeln!(
        out,
        "\n{} random residents answering in order (early stop {}):",
        r.paths,
        if r.early_stop {
            "on"
        } else {
            "off in this questionnaire; figures show what it would save"
        }
    );
    let _ = writeln!(
        out,
        "  questions asked: {:.1} on average without early stop, {:.1} with it",
        r.mean_without, r.mean_with
    );
    let histogram = |v: &[u64]| {
        v.iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(k, c)| format!("{k}:{c}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = writeln!(out, "    without: {}", histogram(&r.asked_without));
    let _ = writeln!(out, "    with:    {}", histogram(&r.asked_with));
    let [low, medium, high] = r.confidence;
    let share = |c: u64| c as f64 * 100.0 / r.paths.max(1) as f64;
    let _ = writeln!(
        out,
        "  confidence: low {:.1} %, medium {:.1} %, high {:.1} %",
        share(low),
        share(medium),
        share(high)
    );
    for c in &r.calibration {
        let _ = writeln!(
            out,
            "  calibration of {}: self-ratings above the checks {:.1} %, below {:.1} %",
            c.dimension,
            share(c.over),
            share(c.under)
        );
    }
}

pub fn simulation(q: &Questionnaire, s: &Simulation) -> String {
    let mut out = String::new();
    let how = if s.exhaustive {
        "every possible answer set"
    } else {
        "random answer sets"
    };
    let _ = writeln!(out, "{} answer sets evaluated ({how}).\n", s.evaluated);
    let _ = writeln!(out, "Parcours:");
    for p in &s.parcours {
        match &p.code {
            Some(code) => {
                let _ = writeln!(
                    out,
                    "  ok          {:<22} {:>6.2} %   example: {code}",
                    p.id, p.share
                );
            }
            None => {
                let _ = writeln!(
                    out,
                    "  UNREACHABLE {:<22} no answer set leads to it: check the rules naming it",
                    p.id
                );
            }
        }
    }
    let _ = writeln!(out, "\nRules:");
    for r in &s.rules {
        let note = if r.never_holds() {
            "  <- never holds"
        } else if r.is_shadowed() {
            "  <- holds, but an earlier rule always decides first"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:>2}. {:>8} decided  {:<22} when {}{note}",
            r.rule + 1,
            r.decided,
            r.parcours,
            r.when
        );
    }
    if s.inert_questions.is_empty() {
        let _ = writeln!(out, "\nEvery question can change the recommendation.");
    } else {
        let _ = writeln!(
            out,
            "\nQuestions that never changed the recommendation (fine for information the advisor wants; otherwise remove them or use them in a rule):"
        );
        for id in &s.inert_questions {
            let text = q
                .question(id)
                .map_or("", |(_, x)| x.text.get(q.default_language()));
            let _ = writeln!(out, "  {id}: {text}");
        }
    }
    if let Some(r) = &s.reasoning {
        reasoning(&mut out, r);
    }
    let unreachable: Vec<&str> = s
        .parcours
        .iter()
        .filter(|p| p.count == 0)
        .map(|p| p.id.as_str())
        .collect();
    if unreachable.is_empty() {
        let _ = writeln!(out, "\nAll {} parcours can be reached.", s.parcours.len());
    } else {
        let _ = writeln!(out, "\nUnreachable: {}", unreachable.join(", "));
    }
    out
}

/// `diag review`: per rule, what the advisor decided; then the answers that
/// come with overrides; then the records set aside.
pub fn review(q: &Questionnaire, r: &diag_core::review::Review, lang: &str) -> String {
    let fr = lang == "fr";
    let t = |f: &'static str, e: &'static str| if fr { f } else { e };
    let title = |id: &str| q.parcours_title(id, lang);
    let share = |n: usize, of: usize| (n * 100 + of / 2).checked_div(of).unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {} {}, {} {}, {} {} ({} %)",
        r.records,
        t("fiches lues", "records read"),
        r.counted,
        t("comptées", "counted"),
        r.set_aside.len(),
        t("mises à part", "set aside"),
        r.overridden,
        t(
            "parcours changés par le conseiller",
            "overridden by the advisor"
        ),
        share(r.overridden, r.counted)
    );
    for rule in &r.rules {
        let _ = writeln!(
            out,
            "\n{} {} : {}",
            t("Règle", "Rule"),
            rule.rule,
            rule.sentence
        );
        if rule.decided == 0 {
            let _ = writeln!(
                out,
                "  {}",
                t("n'a décidé pour aucune fiche", "decided no record")
            );
            continue;
        }
        let _ = writeln!(
            out,
            "  {} {} — {} {} ({} %)",
            t("a décidé", "decided"),
            rule.decided,
            t("changé par le conseiller", "overridden"),
            rule.overridden,
            share(rule.overridden, rule.decided)
        );
        for (to, n) in &rule.to {
            let _ = writeln!(out, "    → {} × {n}", title(to));
        }
        for reason in &rule.reasons {
            let _ = writeln!(out, "    « {reason} »");
        }
    }
    if !r.patterns.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "Réponses les plus fréquentes parmi les parcours changés :",
                "Answers most common among overridden results:"
            )
        );
        for p in &r.patterns {
            let _ = writeln!(
                out,
                "  « {} » : « {} » — {}/{} {} ; {}/{} {}",
                p.question,
                p.answer,
                p.overridden,
                r.overridden,
                t("changés", "overridden"),
                p.all,
                r.counted,
                t("en tout", "in all")
            );
        }
    }
    if !r.set_aside.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            t(
                "Mises à part (une autre version du questionnaire, jamais mêlées aux autres) :",
                "Set aside (another version of the questionnaire, never mixed with the others):"
            )
        );
        for s in &r.set_aside {
            let _ = writeln!(out, "  {} {} ({}) : {}", s.date, s.code, s.id, s.why);
        }
    }
    out
}
