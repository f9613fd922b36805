//! Progress saved in the browser's localStorage, after every answer.
//!
//! The entry is a few lines of text — a format tag, the questionnaire's id and
//! version, the language, the screen, and the answers as a result code — so
//! no JSON library reaches the Wasm, and a code from another questionnaire
//! version is recognised by the code itself. A stale or corrupt entry is moved
//! aside (never deleted silently, never fatal) and the resident is told.

use diag_core::{decode, encode, Answers, CodeError, Date, Questionnaire};
use diag_ui::storage::local as storage;

/// The storage key of saved progress.
pub const KEY: &str = "diag-numerique:progress";
const ASIDE: &str = "diag-numerique:progress:set-aside";
const FORMAT: &str = "diag-progress 1";

/// Progress as saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// Language code.
    pub lang: String,
    /// The hash route of the screen the resident was on.
    pub route: String,
    /// The answers given.
    pub answers: Answers,
    /// The day of the last save (entries saved before this line existed have none).
    pub date: Option<Date>,
}

/// What was found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// No saved progress.
    Nothing,
    /// Progress to resume.
    Progress(Saved),
    /// Unreadable: set aside.
    Corrupt,
    /// From another questionnaire or version: set aside.
    OtherVersion,
    /// The browser refuses storage (private mode, blocked cookies).
    Unavailable,
}

/// Reads saved progress for this questionnaire.
pub fn load(q: &Questionnaire) -> Loaded {
    let Some(s) = storage() else {
        return Loaded::Unavailable;
    };
    let Ok(Some(text)) = s.get_item(KEY) else {
        return Loaded::Nothing;
    };
    match parse(q, &text) {
        Ok(saved) => Loaded::Progress(saved),
        Err(problem) => {
            let _ = s.set_item(ASIDE, &text);
            let _ = s.remove_item(KEY);
            problem
        }
    }
}

fn parse(q: &Questionnaire, text: &str) -> Result<Saved, Loaded> {
    let mut lines = text.lines();
    if lines.next() != Some(FORMAT) {
        return Err(Loaded::Corrupt);
    }
    let (Some(id), Some(version), Some(lang), Some(route), Some(code)) = (
        lines.next(),
        lines.next(),
        lines.next(),
        lines.next(),
        lines.next(),
    ) else {
        return Err(Loaded::Corrupt);
    };
    if id != q.id || version != q.version {
        return Err(Loaded::OtherVersion);
    }
    let answers = match decode(q, code) {
        Ok(a) => a,
        Err(CodeError::OtherVersion | CodeError::OtherQuestionnaire { .. }) => {
            return Err(Loaded::OtherVersion)
        }
        Err(_) => return Err(Loaded::Corrupt),
    };
    if !route.starts_with("#/") || !diag_ui::offered(q).iter().any(|l| l.code() == lang) {
        return Err(Loaded::Corrupt);
    }
    // An optional last line: the day saved, to tell the next person whose it may be.
    let date = lines.next().and_then(Date::parse);
    Ok(Saved {
        lang: lang.to_owned(),
        route: route.to_owned(),
        answers,
        date,
    })
}

/// Saves progress; `false` when the browser refuses (blocked or full).
pub fn save(q: &Questionnaire, saved: &Saved) -> bool {
    let date = saved.date.map(|d| d.to_string()).unwrap_or_default();
    let text = format!(
        "{FORMAT}\n{}\n{}\n{}\n{}\n{}\n{date}\n",
        q.id,
        q.version,
        saved.lang,
        saved.route,
        encode(q, &saved.answers)
    );
    storage().is_some_and(|s| s.set_item(KEY, &text).is_ok())
}

/// Removes everything this page stored on the device.
pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
        let _ = s.remove_item(ASIDE);
    }
}
