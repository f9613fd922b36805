//! The author's area (`#/apercu`): it opens on the questionnaire published
//! beside the page. "Mettre à jour" changes the term's details in a form;
//! "Texte du questionnaire" is the YAML itself. After each change the text
//! is checked as `diag check` checks it; then it is tried as a resident
//! would, and published without any Rust tool. Nothing leaves the browser.

mod check;
mod contacts;
mod editor;
mod load;
pub(crate) mod msg;
mod notice;
mod period;
mod publish;
mod state;
mod term;
mod text_tab;

use check::check;
use diag_ui::i18n::Lang;
use msg::PreviewMsg as M;
use notice::{Published as PublishedNotice, Summary};
use state::{Action, Tab, Workshop};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    /// Try a valid questionnaire as a resident (its compact form).
    pub on_try: Callback<Vec<u8>>,
}

#[function_component]
pub fn AuthorPage(props: &Props) -> Html {
    let state = use_reducer(Workshop::default);
    let published = use_state(|| None::<Rc<load::Published>>);
    {
        let (d, published) = (state.dispatcher(), published.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let p = load::published().await;
                let mine = (p.yaml.clone(), p.translations.clone());
                let resumed = load::resumed().filter(|r| *r != mine);
                d.dispatch(Action::Loaded {
                    published: mine,
                    resumed,
                });
                published.set(Some(Rc::new(p)));
            });
        });
    }
    // The editing is kept in this tab: trying as a resident and coming back keeps it.
    use_effect_with((state.loaded, state.changed(), state.revision), {
        let state = state.clone();
        move |(loaded, changed, _)| match (*loaded, *changed) {
            (true, true) => load::keep(&state.source, &state.translations),
            (true, false) => load::forget(),
            _ => {}
        }
    });
    let today = diag_ui::today();
    let checked = use_memo(
        (state.source.clone(), state.translations.clone()),
        move |(s, t)| check(s, t, today),
    );
    let details = use_memo(state.source.clone(), |s| {
        diag_workshop::read(s).ok().map(Rc::new)
    });
    let lang = props.lang;
    let dispatch = Callback::from({
        let d = state.dispatcher();
        move |a: Action| d.dispatch(a)
    });
    let Some(published) = (*published).clone().filter(|_| state.loaded) else {
        return html! { <main id="main" class="preview"><h1 data-focus="" tabindex="-1">{ M::Title.get(lang) }</h1><p class="loading" role="status">{ M::Loading.get(lang) }</p></main> };
    };
    let tab = |t: Tab, label: M| {
        let d = dispatch.clone();
        html! { <button type="button" class="tab" aria-pressed={(state.tab() == t).to_string()} onclick={Callback::from(move |_| d.emit(Action::SetTab(t)))}>{ label.get(lang) }</button> }
    };
    html! {
        <main id="main" class="preview author" lang={lang.code()}>
            <h1 data-focus="" tabindex="-1">{ M::Title.get(lang) }</h1>
            <p>{ M::Intro.get(lang) }{ " " }{ M::NothingSent.get(lang) }</p>
            <PublishedNotice published={published} changed={state.changed()} {lang} dispatch={dispatch.clone()} />
            <nav class="tabs" aria-label={M::Tabs.get(lang)}>{ tab(Tab::Update, M::TabUpdate) }{ tab(Tab::Text, M::TabText) }</nav>
            <div aria-live="polite" class="said">if let Some(s) = state.said { <p role="status">{ M::said(s, lang) }</p> }</div>
            <Summary checked={checked.clone()} tab={state.tab()} {lang} dispatch={dispatch.clone()} />
            {
                match (state.tab(), &*details) {
                    (Tab::Update, Some(details)) => html! { <term::Term state={state.clone()} details={details.clone()} {today} {lang} dispatch={dispatch.clone()} /> },
                    (Tab::Update, None) => html! { <p class="warning">{ M::UnreadableForForm.get(lang) }</p> },
                    (Tab::Text, _) => html! { <text_tab::TextTab source={state.source.clone()} checked={checked.clone()} {lang} dispatch={dispatch.clone()} /> },
                }
            }
            <publish::PublishBar state={state.clone()} {checked} {lang} {dispatch} on_try={props.on_try.clone()} />
        </main>
    }
}
