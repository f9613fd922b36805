//! What the author reads first: how the published files stand, and how the
//! text being edited stands (errors, warnings).

use super::check::Checked;
use super::editor::go_to;
use super::load;
use super::msg::PreviewMsg as M;
use super::state::{Action, Tab};
use diag_core::Severity;
use diag_ui::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PublishedProps {
    pub published: Rc<load::Published>,
    /// The text differs from the published one.
    pub changed: bool,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The published files: in use, out of step, missing; and the changes not published.
#[function_component]
pub fn Published(props: &PublishedProps) -> Html {
    let (p, lang) = (&props.published, props.lang);
    let names = |codes: &[String]| {
        codes
            .iter()
            .map(|c| M::language_name(c, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let start_over = props.dispatch.reform(|_| Action::StartOver);
    html! {
        <section class="published" aria-label={M::PublishedTitle.get(lang)}>
            if !p.found {
                <p class="notice published-missing">{ M::PublishedMissing.get(lang) }</p>
            } else if p.broken {
                <p class="notice published-broken">{ M::PublishedBroken.get(lang) }</p>
            } else if p.compiled && p.stale_packs.is_empty() {
                <p>{ M::PublishedUsed.get(lang) }</p>
            } else {
                if !p.compiled { <p class="notice published-stale">{ M::PublishedCompiledStale.get(lang) }</p> }
                if !p.stale_packs.is_empty() { <p class="notice published-stale-packs">{ M::StalePacks.fill(&names(&p.stale_packs), lang) }</p> }
            }
            if !p.missing_translations.is_empty() { <p class="notice">{ M::MissingTranslations.fill(&names(&p.missing_translations), lang) }</p> }
            if props.changed {
                <p class="unpublished">{ M::NotPublishedYet.get(lang) }{ " " }<button type="button" class="link" onclick={start_over}>{ M::StartOver.get(lang) }</button></p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checked: Rc<Checked>,
    pub tab: Tab,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// "2 erreurs et 1 avertissement", then each one: where (a link to its
/// lines in the editor, for the questionnaire's own), and what.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let (c, lang) = (&props.checked, props.lang);
    if c.errors + c.warnings == 0 {
        return html! { <p class="valid" id="check-state">{ M::Valid.get(lang) }</p> };
    }
    // In the form, the past dates are its to-do list: the rest is counted,
    // with the way to the text.
    if props.tab == Tab::Update {
        let others = c.errors + c.warnings - c.count("sessions-over");
        if others == 0 {
            return html! {};
        }
        let d = props.dispatch.clone();
        return html! {
            <p class={classes!("check-state", (c.errors > 0).then_some("has-errors"))} id="check-state">
                <button type="button" class="link" onclick={Callback::from(move |_| d.emit(Action::SetTab(Tab::Text)))}>{ M::MoreToCheck.fill(&M::count(c.errors, others - c.errors, lang), lang) }</button>
            </p>
        };
    }
    let items = c.in_language(lang);
    html! {
        <section class={classes!("error-summary", (c.errors > 0).then_some("has-errors"))} aria-labelledby="summary-title">
            <h2 id="summary-title">{ M::count(c.errors, c.warnings, lang) }</h2>
            <p class="discreet">{ M::SummaryHelp.get(lang) }</p>
            <ul>
                { for items.iter().map(|(file, d)| {
                    let kind = if d.severity == Severity::Error { M::Error } else { M::Warning };
                    let said = format!(" — {}{}{}", kind.get(lang), if lang == Lang::Fr { "\u{a0}: " } else { ": " }, d.message);
                    let place = M::at(d.line, d.column, lang);
                    if file == "questionnaire.yaml" && d.line > 0 {
                        let (line, column, end, dispatch) = (d.line, d.column, d.end_line, props.dispatch.clone());
                        let on_text = props.tab == Tab::Text;
                        let open = Callback::from(move |_| {
                            if on_text {
                                go_to(line, column, end);
                            } else {
                                dispatch.emit(Action::SetTab(Tab::Text));
                                // The editor is there once the tab is drawn.
                                gloo::timers::callback::Timeout::new(0, move || go_to(line, column, end)).forget();
                            }
                        });
                        html! { <li><button type="button" class="link" onclick={open}>{ place }</button>{ said }</li> }
                    } else {
                        html! { <li>{ format!("{file}, {}", place.to_lowercase()) }{ said }</li> }
                    }
                }) }
            </ul>
        </section>
    }
}
