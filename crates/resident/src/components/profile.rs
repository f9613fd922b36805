//! The skill profile: one labelled bar per dimension, with the percentage and
//! level in words (never colour alone).

use diag_core::Outcome;
use diag_ui::i18n::{percent, Lang, Msg};
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
}

#[function_component]
pub fn Profile(props: &Props) -> Html {
    let q = &props.q.0;
    let lang = props.lang;
    let code = lang.code();
    html! {
        <section class="profile" aria-labelledby="profile-title">
            <h2 id="profile-title">{ Msg::Profile.get(lang) }</h2>
            <ul class="bars">
                { for q.dimensions.iter().zip(&props.outcome.dimensions).map(|(d, s)| {
                    let level = q.level_label(s.level.as_deref(), code).unwrap_or(Msg::NotAssessed.get(lang));
                    // A class per 5 %, not a style attribute: the CSP allows no inline style.
                    let width = format!("bar-fill w{}", (s.percent.unwrap_or(0) + 2) / 5 * 5);
                    let words = match s.percent {
                        Some(p) => format!("{level} ({})", percent(p, lang)),
                        None => level.to_owned(),
                    };
                    html! {
                        <li>
                            <span class="bar-label">{ d.label.get(code) }{ Msg::Colon.get(lang) }<strong>{ words }</strong></span>
                            <span class="bar" aria-hidden="true"><span class={width}></span></span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
