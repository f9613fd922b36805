//! Trying and publishing: "Essayer comme un habitant", "Publier" (the files
//! to upload, compiled here by the same core code as `diag compile`, in one
//! zip) and "Télécharger le site complet" (this site's own files with the
//! author's questionnaire, for any static host). A questionnaire with errors
//! is not published; one with warnings is, once the author confirms.

use super::check::Checked;
use super::msg::PreviewMsg as M;
use super::state::{Action, Said, Workshop};
use diag_ui::i18n::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The zip of the files to upload.
pub const UPDATE_ZIP: &str = "questionnaire-a-publier.zip";
/// The zip of the whole site.
pub const SITE_ZIP: &str = "diagnostic-numerique-site.zip";

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: UseReducerHandle<Workshop>,
    pub checked: Rc<Checked>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    /// Try a valid questionnaire as a resident (its compact form).
    pub on_try: Callback<Vec<u8>>,
}

/// Downloads the files to upload; what to say.
fn publish(state: &Workshop) -> Said {
    match diag_workshop::publish_files(&state.source, &state.translations) {
        Ok(files) => match diag_workshop::zip(&files) {
            Ok(bytes) => {
                crate::download::bytes(UPDATE_ZIP, "application/zip", &bytes);
                Said::Published
            }
            Err(_) => Said::SiteUnreadable,
        },
        Err(_) => Said::HasErrors,
    }
}

/// This site's files (listed by the build in `site-files.txt`), the author's
/// questionnaire files in place of the published ones, as one zip.
async fn site_zip(state: UseReducerHandle<Workshop>) -> Said {
    let Ok(update) = diag_workshop::publish_files(&state.source, &state.translations) else {
        return Said::HasErrors;
    };
    let Some(list) = diag_ui::fetch::text(SITE_FILES).await else {
        return Said::SiteUnreadable;
    };
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for name in site_files(&list) {
        if update.iter().any(|(n, _)| *n == name) {
            continue;
        }
        match diag_ui::fetch::bytes(&name).await {
            Some(bytes) => files.push((name, bytes)),
            None => return Said::SiteUnreadable,
        }
    }
    files.extend(update);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    match diag_workshop::zip(&files) {
        Ok(bytes) => {
            crate::download::bytes(SITE_ZIP, "application/zip", &bytes);
            Said::SiteDownloaded
        }
        Err(_) => Said::SiteUnreadable,
    }
}

/// The list of the site's files, one name a line, written by the build.
pub const SITE_FILES: &str = "site-files.txt";

/// The names in [`SITE_FILES`], keeping only plain names of this folder.
fn site_files(list: &str) -> Vec<String> {
    list.lines()
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']) && !n.starts_with('.'))
        .map(str::to_owned)
        .collect()
}

#[function_component]
pub fn PublishBar(props: &Props) -> Html {
    let (lang, checked) = (props.lang, &props.checked);
    let try_it = {
        let (q, source) = (checked.questionnaire.clone(), props.state.source.clone());
        let on_try = props.on_try.clone();
        Callback::from(move |_| {
            if let Some(q) = &q {
                on_try.emit(q.0.to_compact(&source));
            }
        })
    };
    let publish_now = {
        let (state, d) = (props.state.clone(), props.dispatch.clone());
        Callback::from(move |_| d.emit(Action::Said(Some(publish(&state)))))
    };
    let ask = {
        let (d, errors, warnings) = (props.dispatch.clone(), checked.errors, checked.warnings);
        let publish_now = publish_now.clone();
        Callback::from(move |e: MouseEvent| match (errors, warnings) {
            (0, 0) => publish_now.emit(e),
            (0, _) => d.emit(Action::Confirm(true)),
            _ => d.emit(Action::Said(Some(Said::HasErrors))),
        })
    };
    let whole_site = {
        let (state, d) = (props.state.clone(), props.dispatch.clone());
        Callback::from(move |_| {
            let (state, d) = (state.clone(), d.clone());
            wasm_bindgen_futures::spawn_local(async move {
                d.emit(Action::Said(Some(site_zip(state).await)))
            });
        })
    };
    let cancel = props.dispatch.reform(|_| Action::Confirm(false));
    html! {
        <section class="publish" aria-labelledby="publish-title">
            <h2 id="publish-title">{ M::PublishTitle.get(lang) }</h2>
            <div class="actions">
                if checked.questionnaire.is_some() { <button type="button" class="secondary" onclick={try_it}>{ M::Try.get(lang) }</button> }
                <button type="button" id="publish" onclick={ask}>{ M::Publish.get(lang) }</button>
                <button type="button" class="secondary" onclick={whole_site}>{ M::DownloadSite.get(lang) }</button>
            </div>
            if props.state.confirming {
                <div class="confirm-publish" role="alertdialog" aria-labelledby="confirm-title">
                    <p id="confirm-title">{ M::WarningsLeft.fill(&checked.warnings.to_string(), lang) }</p>
                    <ul>{ for checked.in_language(lang).into_iter().filter(|(_, d)| d.severity == diag_core::Severity::Warning).take(10).map(|(file, d)| html! { <li>{ format!("{file} : {}", d.message) }</li> }) }</ul>
                    <div class="actions">
                        <button type="button" onclick={publish_now}>{ M::PublishAnyway.get(lang) }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ M::Cancel.get(lang) }</button>
                    </div>
                </div>
            }
            <p class="hint">{ M::PublishHelp.get(lang) }</p>
        </section>
    }
}
