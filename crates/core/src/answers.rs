//! What a person chose, question by question.

use crate::model::Questionnaire;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer: an option id, or several for a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// The id of the chosen option.
    One(String),
    /// The ids of the chosen options (possibly none), in the questionnaire's order.
    Many(Vec<String>),
}

/// Answers by question id. Serialized as a plain mapping, e.g.
/// `{ "cherche-emploi": "oui", "objectifs": ["courrier", "photos"] }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

impl Answers {
    /// No answer yet.
    pub fn new() -> Self {
        Self::default()
    }
    /// Chooses one option of a question.
    pub fn choose(&mut self, question: &str, option: &str) -> &mut Self {
        self.0
            .insert(question.to_owned(), Answer::One(option.to_owned()));
        self
    }
    /// Chooses several options of a multiple-choice question (possibly none).
    pub fn choose_many(&mut self, question: &str, options: &[&str]) -> &mut Self {
        let v = options.iter().map(|s| (*s).to_owned()).collect();
        self.0.insert(question.to_owned(), Answer::Many(v));
        self
    }
    /// Sets an answer as it is.
    pub fn set(&mut self, question: &str, answer: Answer) -> &mut Self {
        self.0.insert(question.to_owned(), answer);
        self
    }
    /// Forgets the answer to a question.
    pub fn remove(&mut self, question: &str) -> Option<Answer> {
        self.0.remove(question)
    }
    /// The answer to a question, if any.
    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.0.get(question)
    }
    /// How many questions have an answer.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether no question has an answer.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Every answer, by question id.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Answers as option bit sets, one per question in order (`None`: no answer).
    /// Unknown questions and options are left out, and listed in the second value.
    pub(crate) fn to_masks(&self, q: &Questionnaire) -> (Vec<Option<u32>>, Vec<String>) {
        let mut masks = vec![None; q.questions.len()];
        let mut ignored = Vec::new();
        for (qid, answer) in &self.0 {
            let Some((i, question)) = q.question(qid) else {
                ignored.push(qid.clone());
                continue;
            };
            let ids: &[String] = match answer {
                Answer::One(o) => std::slice::from_ref(o),
                Answer::Many(v) => v,
            };
            let mut mask = 0u32;
            let mut ok = true;
            for id in ids {
                match question.options.iter().position(|o| o.id == *id) {
                    Some(k) if k < 32 => mask |= 1 << k,
                    _ => ok = false,
                }
            }
            if !question.kind.is_multiple() && mask.count_ones() != 1 {
                ok = false;
            }
            if !question.kind.is_multiple() && matches!(answer, Answer::Many(_)) && ids.len() != 1 {
                ok = false;
            }
            if ok {
                if let Some(m) = masks.get_mut(i) {
                    *m = Some(mask);
                }
            } else {
                ignored.push(qid.clone());
            }
        }
        (masks, ignored)
    }

    /// The inverse of [`Answers::to_masks`].
    pub(crate) fn from_masks(q: &Questionnaire, masks: &[Option<u32>]) -> Answers {
        let mut a = Answers::new();
        for (question, mask) in q.questions.iter().zip(masks) {
            let Some(mask) = mask else { continue };
            let ids: Vec<String> = question
                .options
                .iter()
                .enumerate()
                .filter(|(k, _)| mask & (1u32 << k) != 0)
                .map(|(_, o)| o.id.clone())
                .collect();
            let answer = if question.kind.is_multiple() {
                Answer::Many(ids)
            } else {
                match ids.into_iter().next() {
                    Some(id) => Answer::One(id),
                    None => continue,
                }
            };
            a.0.insert(question.id.clone(), answer);
        }
        a
    }
}
