//! The preview's editor and its error summary: the YAML text with line
//! numbers beside it, and at the top of the page every error and warning as
//! a link that moves the editor to its line.

use crate::strings::PreviewMsg;
use diag_core::{Diagnostic, Severity};
use diag_ui::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The editor's id (its label points at it).
pub const EDITOR: &str = "yaml-text";

fn textarea() -> Option<web_sys::HtmlTextAreaElement> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(EDITOR))
        .and_then(|e| e.dyn_into().ok())
}

/// Focuses the editor with `line` (from 1) selected from `column`, scrolled
/// to a third of its height. Selections count UTF-16 units, as the DOM does.
pub fn go_to(line: usize, column: usize) {
    let Some(ta) = textarea() else { return };
    let text = ta.value();
    let lines: Vec<&str> = text.split('\n').collect();
    let index = line.saturating_sub(1).min(lines.len().saturating_sub(1));
    let before: usize = lines
        .iter()
        .take(index)
        .map(|l| l.encode_utf16().count() + 1)
        .sum();
    let this = lines.get(index).copied().unwrap_or_default();
    let into: usize = this
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf16)
        .sum();
    let end = before + this.encode_utf16().count();
    let start = (before + into).min(end);
    let _ = ta.focus();
    let _ = ta.set_selection_range(
        u32::try_from(start).unwrap_or(0),
        u32::try_from(end).unwrap_or(0),
    );
    let line_height = f64::from(ta.scroll_height()) / lines.len().max(1) as f64;
    let top = index as f64 * line_height - f64::from(ta.client_height()) / 3.0;
    ta.set_scroll_top(top.max(0.0) as i32);
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub value: String,
    pub label: AttrValue,
    pub oninput: Callback<InputEvent>,
}

/// The text area with its line numbers; no wrapping, so that a line number
/// always faces its line.
#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let gutter = use_node_ref();
    let lines = props.value.split('\n').count().max(16);
    let numbers: String = (1..=lines).map(|n| format!("{n}\n")).collect();
    let onscroll = {
        let gutter = gutter.clone();
        Callback::from(move |e: Event| {
            if let (Some(ta), Some(g)) = (
                e.target_dyn_into::<web_sys::HtmlTextAreaElement>(),
                gutter.cast::<web_sys::HtmlElement>(),
            ) {
                g.set_scroll_top(ta.scroll_top());
            }
        })
    };
    html! {
        <>
            <label for={EDITOR}>{ props.label.clone() }</label>
            <div class="editor">
                <pre class="gutter" aria-hidden="true" ref={gutter}>{ numbers }</pre>
                <textarea id={EDITOR} rows="16" spellcheck="false" wrap="off" value={props.value.clone()} oninput={props.oninput.clone()} {onscroll} />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Already in the page's language.
    pub diagnostics: Vec<Diagnostic>,
    pub lang: Lang,
}

/// "2 erreurs, 1 avertissement", then each one: where, and what.
#[function_component]
pub fn ErrorSummary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let errors = props
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = props.diagnostics.len() - errors;
    if props.diagnostics.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("error-summary", (errors > 0).then_some("has-errors"))} aria-labelledby="summary-title">
            <h2 id="summary-title">{ PreviewMsg::count(errors, warnings, lang) }</h2>
            <p class="discreet">{ PreviewMsg::SummaryHelp.get(lang) }</p>
            <ul>
                { for props.diagnostics.iter().map(|d| {
                    let (line, column) = (d.line, d.column);
                    let kind = if d.severity == Severity::Error { PreviewMsg::Error } else { PreviewMsg::Warning };
                    html! {
                        <li>
                            <button type="button" class="link" onclick={Callback::from(move |_| go_to(line, column))}>
                                { PreviewMsg::at(line, column, lang) }
                            </button>
                            { format!(" — {}{}{}", kind.get(lang), if lang == Lang::Fr { "\u{a0}: " } else { ": " }, d.message) }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
