//! Small helpers every front end needs (the CLI, the resident's page, the
//! advisor's desk, the author's preview), written once here.

use crate::answers::{Answer, Answers};
use crate::evaluate::shown_questions;
use crate::model::{Date, Parcours, Questionnaire, Sessions};
use crate::text::Text;

/// Where a parcours' periods stand on a given day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum When<'a> {
    /// A period is running (the earliest running one).
    Running(&'a Sessions),
    /// None is running; this one is the next to start.
    Next(&'a Sessions),
    /// Every period published is over.
    Over,
    /// No dates are published.
    NoDates,
}

/// French typography for a text written with ordinary spaces: a non-breaking
/// space before `?`, `!`, `:` and `;` and inside « », so that a question mark
/// never starts a line on its own. Typed no-break spaces are kept.
pub fn french_typography(text: &str) -> String {
    const NBSP: char = '\u{a0}';
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            (' ', Some('?' | '!' | ':' | ';' | '»')) => out.push(NBSP),
            ('«', Some(' ')) => {
                out.push('«');
                out.push(NBSP);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

impl Questionnaire {
    /// Applies [`french_typography`] to every French text the resident reads.
    pub fn with_french_typography(mut self) -> Self {
        let fr = |t: &mut Text| t.map_lang("fr", french_typography);
        fr(&mut self.title);
        self.introduction.iter_mut().for_each(fr);
        fr(&mut self.organisation.name);
        self.organisation.address.iter_mut().for_each(fr);
        if let Some(p) = &mut self.organisation.permanence {
            fr(&mut p.place);
            fr(&mut p.hours);
        }
        for d in &mut self.dimensions {
            fr(&mut d.label);
            d.description.iter_mut().for_each(fr);
        }
        for l in &mut self.levels {
            fr(&mut l.label);
        }
        for p in &mut self.parcours {
            fr(&mut p.title);
            fr(&mut p.summary);
            p.learn.iter_mut().for_each(fr);
            for s in &mut p.periods {
                s.schedule.iter_mut().for_each(fr);
                s.place.iter_mut().for_each(fr);
            }
            p.place.iter_mut().for_each(fr);
            p.register.iter_mut().for_each(fr);
        }
        for s in &mut self.sections {
            fr(&mut s.title);
            s.intro.iter_mut().for_each(fr);
        }
        for q in &mut self.questions {
            fr(&mut q.text);
            q.help.iter_mut().for_each(fr);
            for o in &mut q.options {
                fr(&mut o.text);
            }
        }
        for r in &mut self.rules {
            fr(&mut r.because);
        }
        self
    }
}

impl Parcours {
    /// The period a resident should be told about on `today` (the page's
    /// date: the core knows no clock).
    pub fn when(&self, today: Date) -> When<'_> {
        if self.periods.is_empty() {
            return When::NoDates;
        }
        if let Some(p) = self
            .periods
            .iter()
            .find(|p| p.from <= today && today <= p.to)
        {
            return When::Running(p);
        }
        self.periods
            .iter()
            .filter(|p| p.from > today)
            .min_by_key(|p| p.from)
            .map_or(When::Over, When::Next)
    }
}

impl Questionnaire {
    /// A parcours' title in `lang`, or its id when there is no such parcours.
    pub fn parcours_title(&self, id: &str, lang: &str) -> String {
        self.parcours_by_id(id)
            .map_or_else(|| id.to_owned(), |p| p.title.get(lang).to_owned())
    }

    /// A level's label in `lang` (`None`: no such level, e.g. not assessed).
    pub fn level_label(&self, id: Option<&str>, lang: &str) -> Option<&str> {
        let id = id?;
        self.levels
            .iter()
            .find(|l| l.id == id)
            .map(|l| l.label.get(lang))
    }

    /// The answer after choosing `option` of `question`: the option itself for
    /// a one-answer question; for a multiple-choice question the previous
    /// choice with `option` ticked or unticked, in the questionnaire's order.
    pub fn toggle(&self, answers: &Answers, question: &str, option: &str) -> Answer {
        let Some((_, q)) = self.question(question) else {
            return Answer::One(option.to_owned());
        };
        if !q.kind.is_multiple() {
            return Answer::One(option.to_owned());
        }
        let before: &[String] = match answers.get(question) {
            Some(Answer::Many(v)) => v,
            _ => &[],
        };
        let ticked = |id: &str| (before.iter().any(|x| x == id)) != (id == option);
        Answer::Many(
            q.options
                .iter()
                .filter(|o| ticked(&o.id))
                .map(|o| o.id.clone())
                .collect(),
        )
    }

    /// The next question shown after question `index` with these answers
    /// (`None`: it was the last one, the result comes next).
    pub fn next_shown(&self, answers: &Answers, index: usize) -> Option<usize> {
        shown_questions(self, answers)
            .into_iter()
            .find(|i| *i > index)
    }

    /// The question shown before question `index` (`None`: it is the first).
    pub fn previous_shown(&self, answers: &Answers, index: usize) -> Option<usize> {
        shown_questions(self, answers)
            .into_iter()
            .rev()
            .find(|i| *i < index)
    }
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn when_tells_the_running_the_next_or_none() {
        let yaml = BUNDLED.replacen(
            "    sessions:\n      from: 2026-09-12\n      to: 2026-11-01\n      schedule:\n",
            "    periods:\n      - { from: 2027-01-11, to: 2027-03-26 }\n      - from: 2026-09-12\n        to: 2026-11-01\n        schedule:\n",
            1,
        )
        // The schedule's two lines move in by two spaces, under the period.
        .replacen("\n        fr: \"Le mardi et le jeudi", "\n          fr: \"Le mardi et le jeudi", 1)
        .replacen("\n        en: \"Tuesdays and Thursdays", "\n          en: \"Tuesdays and Thursdays", 1);
        assert_ne!(yaml, BUNDLED);
        let q = Questionnaire::from_yaml(&yaml).unwrap();
        let p = &q.parcours[0];
        // Sorted earliest first, whatever the order written.
        assert_eq!(p.periods[0].from, day("2026-09-12"));
        assert!(
            matches!(p.when(day("2026-10-01")), When::Running(s) if s.from == day("2026-09-12"))
        );
        assert!(matches!(p.when(day("2026-11-26")), When::Next(s) if s.from == day("2027-01-11")));
        assert!(matches!(p.when(day("2027-03-26")), When::Running(_)));
        assert_eq!(p.when(day("2027-03-27")), When::Over);
        let mut none = p.clone();
        none.periods.clear();
        assert_eq!(none.when(day("2027-03-27")), When::NoDates);
    }

    #[test]
    fn french_typography_binds_punctuation_to_its_word() {
        assert_eq!(
            french_typography("Quel parcours pour moi ? Oui : « bien » ; non !"),
            "Quel parcours pour moi\u{a0}? Oui\u{a0}: «\u{a0}bien\u{a0}»\u{a0}; non\u{a0}!"
        );
        assert_eq!(french_typography("https://a.fr?x=1"), "https://a.fr?x=1");
        let q = Questionnaire::from_yaml(BUNDLED)
            .unwrap()
            .with_french_typography();
        assert!(q.title.get("fr").ends_with("moi\u{a0}?"));
        assert!(q.title.get("en").ends_with("me?"));
    }

    #[test]
    fn days_since_the_epoch_give_the_civil_date() {
        assert_eq!(
            Date::from_days_since_epoch(0),
            Some(Date {
                year: 1970,
                month: 1,
                day: 1
            })
        );
        assert_eq!(Date::from_days_since_epoch(20_783), Some(day("2026-11-26")));
        assert_eq!(Date::from_days_since_epoch(11_016), Some(day("2000-02-29")));
    }

    const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

    #[test]
    fn toggling_keeps_the_questionnaire_order_and_unticks() {
        let q = Questionnaire::from_yaml(BUNDLED).unwrap();
        let multi = q.questions.iter().find(|x| x.kind.is_multiple()).unwrap();
        let (a, b) = (&multi.options[0].id, &multi.options[1].id);
        let mut answers = Answers::new();
        answers.set(&multi.id, q.toggle(&answers, &multi.id, b));
        answers.set(&multi.id, q.toggle(&answers, &multi.id, a));
        assert_eq!(
            answers.get(&multi.id),
            Some(&Answer::Many(vec![a.clone(), b.clone()]))
        );
        answers.set(&multi.id, q.toggle(&answers, &multi.id, a));
        assert_eq!(answers.get(&multi.id), Some(&Answer::Many(vec![b.clone()])));
    }

    #[test]
    fn titles_labels_and_neighbours() {
        let q = Questionnaire::from_yaml(BUNDLED).unwrap();
        let p = &q.parcours[0];
        assert_eq!(q.parcours_title(&p.id, "fr"), p.title.get("fr"));
        assert_eq!(q.parcours_title("nope", "fr"), "nope");
        assert_eq!(
            q.level_label(Some(&q.levels[0].id), "fr"),
            Some(q.levels[0].label.get("fr"))
        );
        assert_eq!(q.level_label(None, "fr"), None);
        let answers = Answers::new();
        assert_eq!(q.previous_shown(&answers, 0), None);
        let second = q.next_shown(&answers, 0).unwrap();
        assert_eq!(q.previous_shown(&answers, second), Some(0));
    }
}
