//! The author's workshop (`#/apercu` in the staff's module, and the tools):
//! a questionnaire's practical details for a term — each parcours' periods,
//! the permanence, the contacts — read from its YAML text with their places,
//! and changed by splicing new values into the text, so that comments, key
//! order, quoting and every other line stay byte for byte. Also: the
//! translations of a changed French text marked for review, and the site as
//! one zip. Pure: no I/O, no DOM, no clock (the day is given).

mod details;
mod edit;
mod review;
mod tree;

pub use details::{read, Contact, Details, LangText, ParcoursTerm, Period, Written};
pub use edit::{apply, contact_label, french_date, Change, Edited, Refused};
pub use review::mark_for_review;
pub use tree::Unreadable;
mod site;
pub use site::{publish_files, zip, PublishFiles};
