//! Conditions and rules said in words, for the advisor: "« Cherchez-vous un
//! emploi ? » : « Oui » et Bases de l'ordinateur : Débutant → Parcours
//! initiation". The expression as written stays available to the author
//! (`Condition::source`); this is what a person reads.

use crate::condition::{Condition, Expr, Op};
use crate::model::{Questionnaire, Rule};

/// Connecting words, French first; any other language reads English.
struct Words {
    and: &'static str,
    or: &'static str,
    not: &'static str,
    always: &'static str,
    never: &'static str,
    answered: &'static str,
    ticked: &'static str,
    evaluated: &'static str,
    not_evaluated: &'static str,
    miscalibrated: &'static str,
    dont_know: &'static str,
    points: &'static str,
    then: &'static str,
}

const FR: Words = Words {
    and: " et ",
    or: " ou ",
    not: "pas",
    always: "dans tous les autres cas",
    never: "jamais",
    answered: "a une réponse",
    ticked: "coché",
    evaluated: "évalué",
    not_evaluated: "non évalué",
    miscalibrated: "auto-évaluation contredite par les vérifications",
    dont_know: "réponses « Je ne sais pas »",
    points: "points",
    then: ", puis ",
};

const EN: Words = Words {
    and: " and ",
    or: " or ",
    not: "not",
    always: "in every other case",
    never: "never",
    answered: "answered",
    ticked: "ticked",
    evaluated: "evaluated",
    not_evaluated: "not evaluated",
    miscalibrated: "self-rating contradicted by the checks",
    dont_know: "\"I don't know\" answers",
    points: "points",
    then: ", then ",
};

fn words(lang: &str) -> &'static Words {
    if lang == "fr" {
        &FR
    } else {
        &EN
    }
}

/// "au moins", "at least"…: a comparison with a number.
fn compare(op: Op, lang: &str) -> &'static str {
    match (op, lang == "fr") {
        (Op::Eq, true) => "exactement",
        (Op::Ne, true) => "autre que",
        (Op::Lt, true) => "moins de",
        (Op::Le, true) => "au plus",
        (Op::Gt, true) => "plus de",
        (Op::Ge, true) => "au moins",
        (Op::Eq, false) => "exactly",
        (Op::Ne, false) => "other than",
        (Op::Lt, false) => "less than",
        (Op::Le, false) => "at most",
        (Op::Gt, false) => "more than",
        (Op::Ge, false) => "at least",
    }
}

/// A named value compared: "Débutant", "pas Débutant", "Débutant ou plus"…
fn against(op: Op, name: &str, lang: &str) -> String {
    let fr = lang == "fr";
    match op {
        Op::Eq => name.to_owned(),
        Op::Ne => format!("{} {name}", words(lang).not),
        Op::Ge if fr => format!("{name} ou plus"),
        Op::Le if fr => format!("{name} ou moins"),
        Op::Gt if fr => format!("au-delà de {name}"),
        Op::Lt if fr => format!("pas encore {name}"),
        Op::Ge => format!("{name} or more"),
        Op::Le => format!("{name} or less"),
        Op::Gt => format!("beyond {name}"),
        Op::Lt => format!("not yet {name}"),
    }
}

fn quoted(text: &str, lang: &str) -> String {
    if lang == "fr" {
        format!("«\u{a0}{text}\u{a0}»")
    } else {
        format!("\u{201c}{text}\u{201d}")
    }
}

/// A test on one thing: `(subject, joiner, predicate)`, e.g. `("Bases",
/// " : ", "Débutant")`; `None` for "and", "or", "not" and constants.
fn atom(q: &Questionnaire, e: &Expr, lang: &str) -> Option<(String, &'static str, String)> {
    let w = words(lang);
    let question = |i: usize| {
        q.questions
            .get(i)
            .map_or_else(String::new, |x| quoted(x.text.get(lang), lang))
    };
    let option = |i: usize, o: usize| {
        q.questions
            .get(i)
            .and_then(|x| x.options.get(o))
            .map_or_else(String::new, |x| quoted(x.text.get(lang), lang))
    };
    let dimension = |d: usize| {
        q.dimensions
            .get(d)
            .map_or("", |x| x.label.get(lang))
            .to_owned()
    };
    let level = |l: usize| q.levels.get(l).map_or("", |x| x.label.get(lang));
    let colon = if lang == "fr" { "\u{a0}: " } else { ": " };
    Some(match e {
        Expr::Not(inner) => match &**inner {
            Expr::Evaluated(d) => (dimension(*d), " ", w.not_evaluated.to_owned()),
            Expr::Level(d, Op::Eq, l) => (dimension(*d), colon, against(Op::Ne, level(*l), lang)),
            _ => return None,
        },
        Expr::Answered(i) => (question(*i), " ", w.answered.to_owned()),
        Expr::Chosen(i, o) => (
            question(*i),
            colon,
            format!("{} {}", option(*i, *o), w.ticked),
        ),
        Expr::Answer(i, op, o) => (question(*i), colon, against(*op, &option(*i, *o), lang)),
        Expr::Score(d, op, n) => (
            dimension(*d),
            colon,
            format!("{} {n} {}", compare(*op, lang), w.points),
        ),
        Expr::Percent(d, op, n) => (
            dimension(*d),
            colon,
            format!(
                "{} {n}{}%",
                compare(*op, lang),
                if lang == "fr" { "\u{a0}" } else { " " }
            ),
        ),
        Expr::Level(d, op, l) => (dimension(*d), colon, against(*op, level(*l), lang)),
        Expr::DontKnow(op, n) => (
            w.dont_know.to_owned(),
            colon,
            format!("{} {n}", compare(*op, lang)),
        ),
        Expr::Evaluated(d) => (dimension(*d), " ", w.evaluated.to_owned()),
        Expr::Miscalibrated(d) => (dimension(*d), colon, w.miscalibrated.to_owned()),
        Expr::True | Expr::False | Expr::And(_) | Expr::Or(_) => return None,
    })
}

fn say(q: &Questionnaire, e: &Expr, lang: &str, out: &mut String) {
    let w = words(lang);
    if let Some((subject, joiner, predicate)) = atom(q, e, lang) {
        out.push_str(&format!("{subject}{joiner}{predicate}"));
        return;
    }
    match e {
        Expr::True => out.push_str(w.always),
        Expr::False => out.push_str(w.never),
        Expr::Not(inner) => {
            out.push_str(w.not);
            out.push_str(" (");
            say(q, inner, lang, out);
            out.push(')');
        }
        Expr::And(parts) | Expr::Or(parts) => {
            let is_and = matches!(e, Expr::And(_));
            let joint = if is_and { w.and } else { w.or };
            // Tests in a row on the same question or dimension name it once:
            // "Bases : Débutant ou non évalué".
            let mut last_subject: Option<String> = None;
            for (k, part) in parts.iter().enumerate() {
                if k > 0 {
                    out.push_str(joint);
                }
                if let Some((subject, joiner, predicate)) = atom(q, part, lang) {
                    if last_subject.as_deref() == Some(subject.as_str()) {
                        out.push_str(&predicate);
                    } else {
                        out.push_str(&format!("{subject}{joiner}{predicate}"));
                    }
                    last_subject = Some(subject);
                    continue;
                }
                last_subject = None;
                // An "or" inside an "and" (and the reverse) keeps its brackets.
                let bracket = matches!((part, is_and), (Expr::Or(_), true) | (Expr::And(_), false));
                if bracket {
                    out.push('(');
                }
                say(q, part, lang, out);
                if bracket {
                    out.push(')');
                }
            }
        }
        _ => {}
    }
}

impl Condition {
    /// The condition in words, with the questionnaire's own texts: questions
    /// and options quoted, dimensions and levels by their labels.
    pub fn in_words(&self, q: &Questionnaire, lang: &str) -> String {
        let mut out = String::new();
        say(q, &self.expr, lang, &mut out);
        out
    }
}

impl Rule {
    /// The rule as a sentence: its condition in words, then the parcours it
    /// recommends (and the one after, if any).
    pub fn in_words(&self, q: &Questionnaire, lang: &str) -> String {
        let title = |p: usize| q.parcours.get(p).map_or("", |x| x.title.get(lang));
        let mut out = self.when.in_words(q, lang);
        out.push_str(" → ");
        out.push_str(title(self.parcours));
        if let Some(n) = self.next {
            out.push_str(words(lang).then);
            out.push_str(title(n));
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use crate::Questionnaire;

    const YAML: &str = r#"
format: 1
id: t
version: "1"
title: { fr: "T" }
languages: [fr]
code-prefix: T
organisation: { name: "Ville" }
dimensions:
  - { id: bases, label: { fr: "Bases" } }
levels:
  - { id: debutant, below: 40, label: { fr: "Débutant" } }
  - { id: avance, label: { fr: "Avancé" } }
parcours:
  - { id: a, title: { fr: "Parcours A" }, summary: { fr: "a" } }
  - { id: b, title: { fr: "Parcours B" }, summary: { fr: "b" } }
sections:
  - id: s
    title: { fr: "S" }
    questions:
      - id: emploi
        kind: single
        text: { fr: "Cherchez-vous un emploi ?" }
        options:
          - { id: oui, text: { fr: "Oui" } }
          - { id: non, text: { fr: "Non" } }
      - id: souris
        kind: single
        text: { fr: "La souris ?" }
        options:
          - { id: non, text: { fr: "Non" }, scores: { bases: 0 } }
          - { id: oui, text: { fr: "Oui" }, scores: { bases: 2 } }
recommendation:
  - when: answer(emploi) == oui and (level(bases) == debutant or not evaluated(bases))
    parcours: a
    next: b
    because: { fr: "x" }
  - when: not level(bases) == avance and dont-know() >= 3
    parcours: b
    because: { fr: "y" }
  - otherwise: true
    parcours: b
    because: { fr: "z" }
"#;

    #[test]
    fn rules_read_as_sentences() {
        let q = match Questionnaire::from_yaml(YAML) {
            Ok(q) => q,
            Err(e) => panic!("{e:?}"),
        };
        let said: Vec<String> = q.rules.iter().map(|r| r.in_words(&q, "fr")).collect();
        assert_eq!(
            said[0],
            "«\u{a0}Cherchez-vous un emploi ?\u{a0}»\u{a0}: «\u{a0}Oui\u{a0}» et (Bases\u{a0}: Débutant ou non évalué) → Parcours A, puis Parcours B"
        );
        assert_eq!(
            said[1],
            "Bases\u{a0}: pas Avancé et réponses « Je ne sais pas »\u{a0}: au moins 3 → Parcours B"
        );
        assert_eq!(said[2], "dans tous les autres cas → Parcours B");
        assert!(q.rules[0]
            .in_words(&q, "en")
            .contains(" and (Bases: Débutant or not evaluated)"));
    }
}
