//! One file per screen.

pub mod error;
pub mod paper;
pub mod question;
pub mod result;
pub mod welcome;

use diag_core::Date;
use diag_ui::i18n::Lang;

/// A day in words, written by the browser's `Intl` in the language: "1er
/// novembre 2026", "1 November 2026", "1 de novembro de 2026", "1 Kasım 2026".
pub fn date_text(d: Date, lang: Lang) -> String {
    let day = js_sys::Date::new_with_year_month_day(
        u32::from(d.year),
        i32::from(d.month) - 1,
        i32::from(d.day),
    );
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let text = String::from(day.to_locale_date_string(lang.locale(), &options));
    // French writes the first of the month as an ordinal.
    match text.strip_prefix("1 ") {
        Some(rest) if lang == Lang::Fr => format!("1er {rest}"),
        _ => text,
    }
}

/// Asks before something that cannot be undone (erasing answers); `false`
/// when the resident says no, or when the browser cannot ask.
pub fn confirm(message: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}
