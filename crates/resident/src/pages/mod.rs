//! One file per screen.

pub mod error;
pub mod paper;
pub mod question;
pub mod result;
pub mod welcome;

use diag_core::Date;
use diag_ui::i18n::Lang;

/// A day in words: "1er novembre 2026", "November 1, 2026".
pub fn date_text(d: Date, lang: Lang) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if lang == Lang::Fr { FR } else { EN };
    let month = names
        .get(usize::from(d.month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    match lang {
        Lang::Fr if d.day == 1 => format!("1er {month} {}", d.year),
        Lang::Fr => format!("{} {month} {}", d.day, d.year),
        Lang::En => format!("{month} {}, {}", d.day, d.year),
    }
}

/// Asks before something that cannot be undone (erasing answers); `false`
/// when the resident says no, or when the browser cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
