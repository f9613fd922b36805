//! Aperçu (`#/apercu`): the author pastes or opens a questionnaire file, sees
//! every error exactly as `diag check` prints them, and when it is valid sees
//! whether each parcours can be reached, tries it as a resident would and
//! downloads it. Nothing leaves the browser.

use crate::editor::{Editor, ErrorSummary};
use crate::loader::Published;
use crate::strings::PreviewMsg;
use diag_core::{render_all, simulate, Diagnostic, Questionnaire, Severity};
use diag_ui::i18n::Lang;
use diag_ui::questionnaire::Shared;
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub published: Published,
    pub lang: Lang,
    /// Try a valid questionnaire as a resident (its compact form).
    pub on_try: Callback<Vec<u8>>,
}

/// What an author's file gives: the printed diagnostics, and the
/// questionnaire when it has no error.
struct Checked {
    report: String,
    /// The same diagnostics, in the page's language, for the summary.
    diagnostics: Vec<Diagnostic>,
    questionnaire: Option<Shared>,
}

fn check(name: &str, source: &str, lang: Lang) -> Checked {
    // As `diag check` does, with today's date: past session periods are warned about.
    let (diagnostics, questionnaire) = match Questionnaire::from_yaml(source) {
        Ok(q) => (
            q.warnings_on(source, diag_ui::today()),
            Some(Shared::new(q)),
        ),
        Err(e) => (e.diagnostics, None),
    };
    // Notes (a translation not yet reviewed) are `diag check`'s: nothing to fix here.
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.severity != Severity::Note)
        .collect();
    debug_assert!(
        questionnaire.is_some() || diagnostics.iter().any(|d| d.severity == Severity::Error)
    );
    Checked {
        report: render_all(&diagnostics, name, source, lang.code()),
        diagnostics: diagnostics
            .iter()
            .map(|d| d.in_language(lang.code()))
            .collect(),
        questionnaire,
    }
}

/// "Publier": the two files to upload together, `questionnaire.yaml` (what
/// authors edit) and `questionnaire.bin` (its compact form, which residents'
/// pages read without a YAML reader), made from exactly this text.
fn publish(q: &Shared, source: &str) {
    crate::download::file("questionnaire.yaml", "text/yaml;charset=utf-8", source);
    crate::download::bytes(
        "questionnaire.bin",
        "application/octet-stream",
        &q.0.to_compact(source),
    );
}

/// Reads a dropped or chosen file's text, then hands it on.
fn read_file(file: web_sys::File, on_text: Callback<(String, String)>) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(text) = JsFuture::from(file.text()).await {
            if let Some(text) = text.as_string() {
                on_text.emit((name, text));
            }
        }
    });
}

/// Random answer sets the preview's simulation tries.
const PREVIEW_SAMPLES: u64 = 20_000;

#[function_component]
pub fn PreviewPage(props: &Props) -> Html {
    let lang = props.lang;
    let file = use_state(|| ("questionnaire.yaml".to_owned(), String::new()));
    let checked = {
        let (name, source) = (*file).clone();
        use_memo((name, source), move |(name, source)| {
            (!source.trim().is_empty()).then(|| check(name, source, lang))
        })
    };
    let simulation = {
        let q = checked
            .as_ref()
            .as_ref()
            .and_then(|c| c.questionnaire.clone());
        use_memo(q.as_ref().map(|q| Rc::as_ptr(&q.0) as usize), move |_| {
            // 20,000 random residents: the bundled questionnaire's rarest parcours
            // (bureautique avancée, about 0.08 % of random answers once
            // over-raters go to initiation) is then found, not called unreachable.
            q.map(|q| (q.clone(), simulate::simulate(&q.0, PREVIEW_SAMPLES, 1)))
        })
    };

    let set_text = {
        let file = file.clone();
        Callback::from(move |(name, text): (String, String)| file.set((name, text)))
    };
    let on_input = {
        let file = file.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                file.set(("questionnaire.yaml".to_owned(), t.value()));
            }
        })
    };
    let on_open = {
        let set_text = set_text.clone();
        Callback::from(move |e: Event| {
            let f = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|l| l.get(0));
            if let Some(f) = f {
                read_file(f, set_text.clone());
            }
        })
    };
    let on_drop = {
        let set_text = set_text.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if let Some(f) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0))
            {
                read_file(f, set_text.clone());
            }
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());

    let published = published_notice(&props.published, lang);
    let result = match &*checked {
        None => html! {},
        Some(c) => {
            let (name, source) = (*file).clone();
            html! {
                <>
                    <h2>{ PreviewMsg::Diagnostics.get(lang) }</h2>
                    if c.questionnaire.is_some() { <p class="valid">{ PreviewMsg::Valid.get(lang) }</p> }
                    <pre class="diagnostics" id="diagnostics">{ c.report.clone() }</pre>
                    if let Some((q, s)) = &*simulation {
                        { reach_and_actions(q, s, &name, &source, lang, &props.on_try) }
                    }
                </>
            }
        }
    };

    html! {
        <main id="main" class="preview" lang={lang.code()}>
            <h1 data-focus="" tabindex="-1">{ PreviewMsg::Title.get(lang) }</h1>
            <p>{ PreviewMsg::Intro.get(lang) }{ " " }{ PreviewMsg::NothingSent.get(lang) }</p>
            { published }
            // Errors in view at once: above the editor, each a link to its line.
            if let Some(c) = &*checked { <ErrorSummary diagnostics={c.diagnostics.clone()} {lang} /> }
            <div class="drop" ondrop={on_drop} ondragover={on_dragover}>
                <label for="yaml-file">{ PreviewMsg::Open.get(lang) }</label>
                <input id="yaml-file" type="file" accept=".yaml,.yml,text/yaml" onchange={on_open} />
                <p>{ PreviewMsg::Drop.get(lang) }</p>
                <Editor value={file.1.clone()} label={PreviewMsg::Paste.get(lang)} oninput={on_input} />
            </div>
            { result }
        </main>
    }
}

/// What became of the published `questionnaire.yaml` (and its compact form).
fn published_notice(published: &Published, lang: Lang) -> Html {
    match published {
        Published::Broken {
            source,
            diagnostics,
        } => html! {
            <section class="notice published-broken" aria-labelledby="published-title">
                <h2 id="published-title">{ "questionnaire.yaml" }</h2>
                <p>{ PreviewMsg::PublishedBroken.get(lang) }</p>
                <pre class="diagnostics">{ render_all(diagnostics, "questionnaire.yaml", source, lang.code()) }</pre>
            </section>
        },
        Published::Missing => {
            html! { <p class="published">{ PreviewMsg::PublishedMissing.get(lang) }</p> }
        }
        Published::Used { compiled: true } => {
            html! { <p class="published">{ PreviewMsg::PublishedUsed.get(lang) }</p> }
        }
        Published::Used { compiled: false } => html! {
            <>
                <p class="published">{ PreviewMsg::PublishedUsed.get(lang) }</p>
                <p class="notice published-stale">{ PreviewMsg::PublishedCompiledStale.get(lang) }</p>
            </>
        },
    }
}

/// Whether each parcours can be recommended, then "Essayer", "Publier", "Télécharger".
fn reach_and_actions(
    q: &Shared,
    s: &simulate::Simulation,
    name: &str,
    source: &str,
    lang: Lang,
    on_try: &Callback<Vec<u8>>,
) -> Html {
    let try_it = {
        let (q, source) = (q.clone(), source.to_owned());
        on_try.reform(move |_| q.0.to_compact(&source))
    };
    let publish_both = {
        let (q, source) = (q.clone(), source.to_owned());
        Callback::from(move |_| publish(&q, &source))
    };
    let download = {
        let (name, source) = (name.to_owned(), source.to_owned());
        Callback::from(move |_| crate::download::file(&name, "text/yaml;charset=utf-8", &source))
    };
    html! {
        <>
            <h2>{ PreviewMsg::Simulation.get(lang) }</h2>
            <ul class="reach">
                { for s.parcours.iter().map(|p| {
                    let title = q.0.parcours_title(&p.id, lang.code());
                    match &p.code {
                        Some(code) => html! { <li>{ format!("{title} — {} ({} : {code})", PreviewMsg::Reachable.get(lang), PreviewMsg::Example.get(lang)) }</li> },
                        None => html! { <li class="unreachable">{ format!("{title} — {}", PreviewMsg::Unreachable.get(lang)) }</li> },
                    }
                }) }
            </ul>
            <div class="actions">
                <button type="button" onclick={try_it}>{ PreviewMsg::Try.get(lang) }</button>
                <button type="button" class="secondary" onclick={publish_both}>{ PreviewMsg::Publish.get(lang) }</button>
                <button type="button" class="secondary" onclick={download}>{ PreviewMsg::Download.get(lang) }</button>
            </div>
            <p class="hint">{ PreviewMsg::PublishHelp.get(lang) }</p>
        </>
    }
}
