//! The resident's state in one reducer: answers, language, and the notice
//! shown about saved progress.

use diag_core::{Answer, Answers};
use diag_ui::i18n::{Lang, Msg};
use std::rc::Rc;
use yew::Reducible;

/// Everything the resident's path changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    /// Answers so far.
    pub answers: Answers,
    /// Interface and questionnaire language: the page's, for its life (a switch reopens the page).
    pub lang: Lang,
    /// A message about saved progress, shown until dismissed.
    pub notice: Option<Msg>,
    /// Whether saving has failed once already (said once, not at every answer).
    pub save_failed: bool,
}

impl Quiz {
    /// A fresh start in `lang`.
    pub fn new(lang: Lang) -> Self {
        Quiz {
            answers: Answers::new(),
            lang,
            // The chosen language's texts could not be fetched, or are out of step: say so.
            notice: crate::loader::lang_problem(),
            save_failed: false,
        }
    }
}

/// What can happen to the state.
pub enum Action {
    /// An answer to a question (replacing any earlier one).
    Answer(String, Answer),
    /// Answers restored from storage.
    Restore(Answers),
    /// Forget every answer.
    Clear,
    /// Show a notice (or hide it with `None`).
    Notice(Option<Msg>),
    /// Saving failed: say so once.
    SaveFailed,
}

impl Reducible for Quiz {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Answer(q, a) => {
                next.answers.set(&q, a);
            }
            Action::Restore(answers) => next.answers = answers,
            Action::Clear => {
                next.answers = Answers::new();
                next.notice = Some(Msg::Cleared);
            }
            Action::Notice(n) => next.notice = n,
            Action::SaveFailed => {
                if !next.save_failed {
                    next.save_failed = true;
                    next.notice = Some(Msg::StorageUnavailable);
                }
            }
        }
        Rc::new(next)
    }
}
