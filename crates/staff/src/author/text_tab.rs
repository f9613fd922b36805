//! "Texte du questionnaire": the YAML in the numbered editor, a file to open
//! or drop, every error and warning exactly as `diag check` prints them, and
//! whether each parcours can be recommended.

use super::check::Checked;
use super::editor::Editor;
use super::msg::PreviewMsg as M;
use super::state::Action;
use diag_core::{render_all, simulate};
use diag_ui::i18n::Lang;
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub source: String,
    pub checked: Rc<Checked>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// Reads a dropped or chosen file's text, then hands it on.
fn read_file(file: web_sys::File, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = JsFuture::from(file.text()).await {
            if let Some(text) = text.as_string() {
                dispatch.emit(Action::Edit(text));
            }
        }
    });
}

/// Random answer sets the simulation tries: the bundled questionnaire's
/// rarest parcours (about 0.08 % of random answers) is then found.
const SAMPLES: u64 = 20_000;

#[function_component]
pub fn TextTab(props: &Props) -> Html {
    let lang = props.lang;
    let simulation = {
        let q = props.checked.questionnaire.clone();
        use_memo(q.as_ref().map(|q| Rc::as_ptr(&q.0) as usize), move |_| {
            q.map(|q| (q.clone(), simulate::simulate(&q.0, SAMPLES, 1)))
        })
    };
    let on_input = props.dispatch.reform(|e: InputEvent| {
        Action::Edit(
            e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default(),
        )
    });
    let on_open = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(f) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|l| l.get(0))
            {
                read_file(f, d.clone());
            }
        })
    };
    let on_drop = {
        let d = props.dispatch.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|t| t.files())
                .and_then(|l| l.get(0))
            {
                read_file(f, d.clone());
            }
        })
    };
    let report: String = props
        .checked
        .files
        .iter()
        .map(|f| render_all(&f.diagnostics, &f.name, &f.source, lang.code()))
        .collect();
    html! {
        <div class="text-tab">
            <div class="drop" ondrop={on_drop} ondragover={Callback::from(|e: DragEvent| e.prevent_default())}>
                <label for="yaml-file">{ M::Open.get(lang) }</label>
                <input id="yaml-file" type="file" accept=".yaml,.yml,text/yaml" onchange={on_open} />
                <p>{ M::Drop.get(lang) }</p>
                <Editor value={props.source.clone()} label={M::Paste.get(lang)} oninput={on_input} />
            </div>
            <h2>{ M::Diagnostics.get(lang) }</h2>
            if props.checked.questionnaire.is_some() { <p class="valid">{ M::Valid.get(lang) }</p> }
            <pre class="diagnostics" id="diagnostics">{ report }</pre>
            if let Some((q, s)) = &*simulation { { reach(q, s, lang) } }
        </div>
    }
}

/// Whether each parcours can be recommended, with an example code.
fn reach(q: &Shared, s: &simulate::Simulation, lang: Lang) -> Html {
    html! {
        <>
            <h2>{ M::Simulation.get(lang) }</h2>
            <ul class="reach">
                { for s.parcours.iter().map(|p| {
                    let title = q.0.parcours_title(&p.id, lang.code());
                    match &p.code {
                        Some(code) => html! { <li>{ format!("{title} — {} ({} : {code})", M::Reachable.get(lang), M::Example.get(lang)) }</li> },
                        None => html! { <li class="unreachable">{ format!("{title} — {}", M::Unreachable.get(lang)) }</li> },
                    }
                }) }
            </ul>
        </>
    }
}
