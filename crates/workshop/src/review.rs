//! Translation files after a change of the default language's texts: each
//! entry of an old text takes the new one and `reviewed: false`, so that
//! residents read the new text in the default language until a translator
//! updates the translation (never an old date or hour in another language).

use crate::edit::write_scalar;
use crate::tree::{self, Node};

/// `translation` (a translation file's text) with each entry whose
/// default-language text (in `default`) is an old text of `changed` given
/// the new text and marked `reviewed: false`. Splices only: the rest of the
/// file is unchanged. A file that cannot be read is returned as it is.
pub fn mark_for_review(translation: &str, default: &str, changed: &[(String, String)]) -> String {
    let Ok(root) = tree::parse(translation) else {
        return translation.to_owned();
    };
    let mut splices: Vec<(usize, usize, String)> = Vec::new();
    for entry in root.get("texts").map(Node::items).unwrap_or_default() {
        let Some((_, Node::Scalar(text))) = entry.entry(default) else {
            continue;
        };
        let Some((_, new)) = changed.iter().find(|(old, _)| *old == text.value) else {
            continue;
        };
        splices.push((text.start, text.end, write_scalar(new, text.style)));
        if entry.get("reviewed").is_some() {
            // Already to review: its `reviewed: false` stays.
            if let Some(Node::Scalar(r)) = entry.get("reviewed") {
                if r.value != "false" {
                    splices.push((r.start, r.end, "false".to_owned()));
                }
            }
            continue;
        }
        let Node::Map(c, entries) = entry else {
            continue;
        };
        let Some(last) = entries.last().and_then(|(_, v)| v.end(translation)) else {
            continue;
        };
        if c.flow {
            splices.push((last, last, ", reviewed: false".to_owned()));
        } else {
            let at = translation
                .get(last..)
                .and_then(|t| t.find('\n'))
                .map_or(translation.len(), |i| last + i);
            splices.push((at, at, format!("\n{}reviewed: false", " ".repeat(c.col))));
        }
    }
    splices.sort_by_key(|(start, _, _)| std::cmp::Reverse(*start));
    let mut out = translation.to_owned();
    for (start, end, with) in splices {
        if start <= end
            && end <= out.len()
            && out.is_char_boundary(start)
            && out.is_char_boundary(end)
        {
            out.replace_range(start..end, &with);
        }
    }
    out
}
