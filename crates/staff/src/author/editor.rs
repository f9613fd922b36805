//! The author's editor: the YAML text with line numbers beside it, and
//! `go_to`, which the summary's links use to select a problem's lines.

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

/// Focuses the editor with `line` (from 1) selected from `column` to the end
/// of `end_line` (the same line when 0 or smaller: a period's two dates are
/// two lines), scrolled to a third of its height. Selections count UTF-16
/// units, as the DOM does.
pub fn go_to(line: usize, column: usize, end_line: usize) {
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
    let last = end_line
        .max(line)
        .saturating_sub(1)
        .min(lines.len().saturating_sub(1));
    let end = before
        + lines
            .iter()
            .skip(index)
            .take(last.saturating_sub(index) + 1)
            .map(|l| l.encode_utf16().count() + 1)
            .sum::<usize>()
            .saturating_sub(1);
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
