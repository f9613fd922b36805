//! The questionnaire handle every page receives: a validated questionnaire
//! behind an `Rc`, compared by identity so that Yew re-renders only when the
//! questionnaire itself changes (a reload, a trial from the preview).

use diag_core::Questionnaire;
use std::rc::Rc;

/// The questionnaire in use, shared by every page.
#[derive(Clone)]
pub struct Shared(pub Rc<Questionnaire>);

impl Shared {
    /// Shares a questionnaire.
    pub fn new(q: Questionnaire) -> Self {
        Shared(Rc::new(q))
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
