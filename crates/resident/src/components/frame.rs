//! What surrounds every resident's screen: the skip link, the trial banner,
//! the town's name and the language switch, the notice, the footer links.

use diag_ui::i18n::{Lang, Msg};
use diag_ui::questionnaire::Shared;
use diag_ui::route::Route;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub q: Shared,
    pub lang: Lang,
    pub trial: bool,
    /// A message about saved progress, until dismissed.
    pub notice: Option<Msg>,
    /// The screen's address (`#/question/q3`), kept when switching language.
    pub here: String,
    pub on_dismiss: Callback<()>,
    pub on_end_trial: Callback<()>,
    /// The screen.
    pub children: Html,
}

#[function_component]
pub fn Frame(props: &Props) -> Html {
    let q = &props.q.0;
    let lang = props.lang;
    let title = q.title.get(lang.code()).to_owned();
    html! {
        <>
            <a class="skip" href="#main">{ Msg::SkipToContent.get(lang) }</a>
            if props.trial {
                <div class="trial-banner" role="status">
                    <p>{ Msg::TrialBanner.get(lang) }</p>
                    <button type="button" class="secondary" onclick={props.on_end_trial.reform(|_| ())}>{ Msg::BackToPreview.get(lang) }</button>
                </div>
            }
            <header class="site">
                <p class="town">
                    // The name follows: the mark itself says nothing more.
                    if let Some(logo) = &q.organisation.logo { <img class="logo" src={logo.clone()} alt="" width="32" height="32" /> }
                    { q.organisation.name.get(lang.code()) }
                </p>
                // Another language opens the page again in it, on the same
                // screen (the answers are saved; `main.js` remembers the
                // choice and fetches its texts). Not in a trial: it would end it.
                if !props.trial {
                    <nav aria-label={Msg::Language.get(lang)} class="langs">
                        { for diag_ui::offered(q).into_iter().map(|l| html! {
                            <a href={format!("?lang={}{}", l.code(), props.here)} hreflang={l.code()} lang={l.code()}
                                aria-current={(l == lang).then_some("true")}>{ l.name() }</a>
                        }) }
                    </nav>
                }
            </header>
            { help_line(q, lang) }
            <main id="main" tabindex="-1" aria-label={title}>
                if let Some(n) = props.notice {
                    <div class="notice" role="status">
                        <p>{ n.get(lang) }</p>
                        <button type="button" class="secondary" onclick={props.on_dismiss.reform(|_| ())}>{ Msg::Dismiss.get(lang) }</button>
                    </div>
                }
                { props.children.clone() }
            </main>
            <footer class="site">
                <a href={Route::Paper.hash()}>{ Msg::PaperVersion.get(lang) }</a>
                { " · " }
                <a href={Route::Advisor.hash()} class="discreet" lang="fr">{ "Espace conseiller" }</a>
            </footer>
        </>
    }
}

/// "Besoin d'aide ? 01 40 85 57 00 — Le mercredi de 14 h à 17 h": a way out
/// on every screen, from the questionnaire's organisation (the same markup
/// as the welcome that `cargo xtask build` pre-renders).
fn help_line(q: &diag_core::Questionnaire, lang: Lang) -> Html {
    let org = &q.organisation;
    let hours = org.permanence.as_ref().map(|p| p.hours.get(lang.code()));
    if org.phone.is_none() && hours.is_none() {
        return html! {};
    }
    html! {
        <p class="help-line">
            { Msg::NeedHelp.get(lang) }
            if let Some(phone) = &org.phone { { " " }<a href={diag_ui::tel_href(phone)} dir="ltr">{ phone.clone() }</a> }
            if let Some(h) = hours { { " — " }{ h } }
        </p>
    }
}
