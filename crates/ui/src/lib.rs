//! What the resident's and the staff's Wasm modules share: the interface
//! languages and strings, the hash routes, the questionnaire handle, the
//! browser's storage, and the panic screen. Each module links only what it uses.

pub mod fetch;
pub mod i18n;
#[cfg(any(test, feature = "catalogue"))]
pub mod lang;
pub mod panic;
pub mod questionnaire;
pub mod route;
pub mod storage;

/// The `?lang=xx` parameter, if the page was opened with one.
pub fn lang_parameter() -> Option<i18n::Lang> {
    let search = web_sys::window()?.location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|p| p.strip_prefix("lang="))
        .map(i18n::Lang::from_code)
}

/// The languages a questionnaire can be read in: its own, then its translations'.
pub fn offered(q: &diag_core::Questionnaire) -> Vec<i18n::Lang> {
    i18n::Lang::ALL
        .into_iter()
        .filter(|l| {
            q.languages.iter().any(|c| c == l.code())
                || q.translations.iter().any(|t| t.language == l.code())
        })
        .collect()
}

/// Today in the browser's time zone (the page knows the date; the core does not).
pub fn today() -> diag_core::Date {
    let d = js_sys::Date::new_0();
    diag_core::Date {
        year: u16::try_from(d.get_full_year()).unwrap_or(2000),
        month: u8::try_from(d.get_month() + 1).unwrap_or(1),
        day: u8::try_from(d.get_date()).unwrap_or(1),
    }
}

/// The `tel:` address of a phone number as written ("01 40 85 57 00" →
/// "tel:0140855700": digits and `+` only).
pub fn tel_href(phone: &str) -> String {
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}
