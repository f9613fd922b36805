//! The interface strings of the languages that are not compiled into the
//! resident's module: `cargo xtask build` writes each into `ui.<code>.json`
//! (in [`Msg::ALL`]'s order), which the page fetches only when that language
//! is chosen. Each file has one arm per message: a missing one does not build.

use crate::i18n::{Lang, Msg};

mod ar;
mod pt;
mod tr;

/// The string for `msg` in a fetched language (`None` for French and English,
/// which [`Msg::get`] has).
pub fn get(lang: Lang, msg: Msg) -> Option<&'static str> {
    match lang {
        Lang::Fr | Lang::En => None,
        Lang::Ar => Some(ar::get(msg)),
        Lang::Pt => Some(pt::get(msg)),
        Lang::Tr => Some(tr::get(msg)),
    }
}

/// Every string of a fetched language, in [`Msg::ALL`]'s order.
pub fn strings(lang: Lang) -> Option<Vec<&'static str>> {
    Msg::ALL.iter().map(|m| get(lang, *m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A question mark alone at the start of a line: French puts a
    /// non-breaking space before `?`, `!`, `:`, `;` and inside « ».
    #[test]
    fn french_punctuation_keeps_to_its_word() {
        for msg in Msg::ALL {
            let text = msg.get(Lang::Fr);
            if let Some(plain) = crate::i18n::loose_french_spacing(text) {
                panic!("{msg:?}: {plain:?} with a plain space can wrap alone: {text}");
            }
        }
    }

    /// The `{…}` placeholders of a text, sorted.
    fn placeholders(s: &str) -> Vec<&str> {
        let mut found: Vec<&str> = s
            .match_indices('{')
            .filter_map(|(i, _)| {
                s.get(i..)
                    .and_then(|r| r.find('}').and_then(|j| r.get(..=j)))
            })
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_message_is_in_every_language_with_the_same_placeholders() {
        for lang in Lang::ALL {
            for (i, msg) in Msg::ALL.iter().enumerate() {
                assert_eq!(*msg as usize, i, "Msg::ALL is in the enum's order");
                let french = msg.get(Lang::Fr);
                let text = get(lang, *msg).unwrap_or_else(|| msg.get(lang));
                assert!(
                    !text.trim().is_empty() || *msg == Msg::Colon,
                    "{lang:?} {msg:?} is empty"
                );
                assert_eq!(
                    placeholders(text),
                    placeholders(french),
                    "{lang:?} {msg:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn fetched_strings_are_taken_only_whole() {
        let all = strings(Lang::Tr).expect("Turkish is fetched");
        assert!(crate::i18n::load_strings(Lang::Tr, vec!["x".into()]).is_err());
        assert_eq!(
            Msg::Start.get(Lang::Tr),
            Msg::Start.get(Lang::Fr),
            "French until loaded"
        );
        let owned = all.iter().map(|s| (*s).to_owned()).collect();
        assert!(crate::i18n::load_strings(Lang::Tr, owned).is_ok());
        assert_eq!(Msg::Start.get(Lang::Tr), tr::get(Msg::Start));
        assert!(crate::i18n::has_strings(Lang::Tr));
    }
}
