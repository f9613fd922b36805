//! The advisor's screen in one reducer: the unlocked vault, the records, the
//! intake on screen, the desk's answers, and what the screen says.

use super::vault::Key;
use diag_core::records::Record;
use diag_core::{Answer, Answers};
use std::rc::Rc;
use yew::Reducible;

/// The advisor's three tabs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    /// Open a resident's code (typed or scanned).
    Code,
    /// Run the questionnaire at the desk.
    Desk,
    /// The records kept on this device.
    Records,
    /// Their activity over a period.
    Stats,
}

/// An intake on screen: a resident's answers, their code, and the language
/// they answered in when the sheet's QR code says so (`…/ar`).
#[derive(Clone, PartialEq, Debug)]
pub struct Intake {
    pub answers: Answers,
    /// The canonical code (without the language).
    pub code: String,
    /// The language code after the `/` (2 or 3 letters, lowercase); `None`
    /// without one, and for the questionnaire at the desk.
    pub lang: Option<String>,
}

/// Everything the advisor's screen changes.
#[derive(Clone, PartialEq)]
pub struct Advisor {
    /// The vault's key while unlocked.
    pub key: Option<Key>,
    /// Every record, as last saved (or being saved). Shared: the screens
    /// read it at each render, and a busy year holds thousands.
    pub records: Rc<Vec<Record>>,
    /// A confirmation, announced politely.
    pub status: Option<String>,
    /// A problem, announced at once.
    pub error: Option<String>,
    /// The vault is deriving its key (a second or so).
    pub busy: bool,
    pub tab: Tab,
    /// The answers and code being looked at.
    pub intake: Option<Intake>,
    /// The answers given at the desk so far.
    pub desk: Answers,
    /// The camera is reading a QR code.
    pub scanning: bool,
    /// Whether the browser keeps this site's storage for good (`None`: not known yet, or it cannot say).
    pub persisted: Option<bool>,
}

impl Default for Advisor {
    fn default() -> Self {
        Advisor {
            key: None,
            records: Rc::default(),
            status: None,
            error: None,
            busy: false,
            tab: Tab::Code,
            intake: None,
            desk: Answers::new(),
            scanning: false,
            persisted: None,
        }
    }
}

/// What can happen on the advisor's screen.
pub enum Action {
    /// The passphrase opened (or created) the vault.
    Unlocked(Key, Vec<Record>),
    /// Forget the key and everything decrypted.
    Lock,
    /// The vault is working (or done).
    Busy(bool),
    SetTab(Tab),
    /// A code was opened: its answers, canonical code and language.
    Open(Intake),
    /// A code could not be opened: why.
    OpenFailed(String),
    /// An answer given at the desk.
    DeskAnswer(String, Answer),
    /// The desk's questionnaire is done: show it as an intake.
    DeskDone(String),
    /// The intake on screen was recorded: close it.
    CloseIntake,
    /// Records changed on screen; saving has started.
    Saving(Vec<Record>),
    /// Saving ended: every record now stored, and what to say.
    Saved(Vec<Record>, String),
    /// Something to say.
    Status(Option<String>),
    /// Something went wrong (`None` clears it).
    Error(Option<String>),
    Scanning(bool),
    /// The browser answered the request to keep the storage.
    Persisted(Option<bool>),
}

impl Reducible for Advisor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Unlocked(key, records) => {
                next.key = Some(key);
                next.records = Rc::new(records);
                next.error = None;
            }
            Action::Lock => return Rc::new(Advisor::default()),
            Action::Busy(b) => next.busy = b,
            Action::SetTab(t) => next.tab = t,
            Action::Open(intake) => {
                next.intake = Some(intake);
                next.error = None;
                next.status = None;
            }
            Action::OpenFailed(why) => {
                next.intake = None;
                next.status = None;
                next.error = Some(why);
            }
            Action::DeskAnswer(q, a) => {
                next.desk.set(&q, a);
            }
            Action::DeskDone(code) => {
                next.intake = Some(Intake {
                    answers: next.desk.clone(),
                    code,
                    lang: None,
                });
                next.tab = Tab::Code;
            }
            Action::Saving(records) => next.records = Rc::new(records),
            Action::CloseIntake => next.intake = None,
            Action::Saved(records, message) => {
                next.records = Rc::new(records);
                next.error = None;
                next.status = Some(message);
            }
            Action::Status(s) => next.status = s,
            Action::Error(e) => {
                if e.is_some() {
                    next.status = None;
                }
                next.error = e;
            }
            Action::Scanning(s) => next.scanning = s,
            Action::Persisted(p) => next.persisted = p,
        }
        Rc::new(next)
    }
}
