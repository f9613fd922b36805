//! A YAML text as a tree of nodes that know where they are: each scalar its
//! byte range (quotes included), each mapping and sequence whether it is
//! written in flow style and where it starts. Read once with saphyr-parser's
//! events; edits are then splices at these ranges, so that everything else in
//! the file — comments, key order, quoting, blank lines — stays byte for byte.

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `value`
    Plain,
    /// `'value'`
    Single,
    /// `"value"`
    Double,
    /// `|` or `>` and the text on the lines below.
    Block,
}

/// A scalar value and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    /// Its value, as read.
    pub value: String,
    pub style: Style,
    /// Byte range in the text: quotes included; for a block scalar, its
    /// lines' text (from the first line's indentation to the last line's end).
    pub start: usize,
    pub end: usize,
    /// Line (from 1) and column (from 0, in characters) of `start`.
    pub line: usize,
    pub col: usize,
}

/// A mapping or a sequence: where it starts, and whether it is `{…}`/`[…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    pub flow: bool,
    /// Byte offset of its first key or item (of the `{` or `[` in flow style).
    pub start: usize,
    pub line: usize,
    pub col: usize,
}

/// A node of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Scalar(Scalar),
    Map(Collection, Vec<(Scalar, Node)>),
    Seq(Collection, Vec<Node>),
    /// An alias (`*name`): never edited here.
    Alias,
}

/// The text is not YAML that can be read: where, and the reader's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
    /// The YAML reader's words (English).
    pub message: String,
}

impl Node {
    /// The value under `key`, for a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(_, entries) => entries.iter().find(|(k, _)| k.value == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The key scalar and the value under `key`, for a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Scalar, &Node)> {
        match self {
            Node::Map(_, entries) => entries
                .iter()
                .find(|(k, _)| k.value == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The items, for a sequence (none otherwise).
    pub fn items(&self) -> &[Node] {
        match self {
            Node::Seq(_, items) => items,
            _ => &[],
        }
    }

    /// The scalar, if this is one.
    pub fn scalar(&self) -> Option<&Scalar> {
        match self {
            Node::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// Where the node starts (byte offset), and its line and column.
    pub fn start(&self) -> Option<(usize, usize, usize)> {
        match self {
            Node::Scalar(s) => Some((s.start, s.line, s.col)),
            Node::Map(c, _) | Node::Seq(c, _) => Some((c.start, c.line, c.col)),
            Node::Alias => None,
        }
    }

    /// Where the node's last scalar ends (byte offset), the closing `}` or
    /// `]` included in flow style.
    pub fn end(&self, text: &str) -> Option<usize> {
        match self {
            Node::Scalar(s) => Some(s.end),
            Node::Map(c, entries) => {
                let last = entries.last().and_then(|(_, v)| v.end(text));
                if c.flow {
                    last.map(|e| closing(text, e, '}'))
                } else {
                    last
                }
            }
            Node::Seq(c, items) => {
                let last = items.last().and_then(|v| v.end(text));
                if c.flow {
                    last.map(|e| closing(text, e, ']'))
                } else {
                    last
                }
            }
            Node::Alias => None,
        }
    }
}

/// The offset just after the `bracket` that closes a flow collection whose
/// last value ends at `from`.
fn closing(text: &str, from: usize, bracket: char) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find(bracket))
        .map_or(from, |i| from + i + bracket.len_utf8())
}

/// Reads `text` into its tree (the first document).
pub fn parse(text: &str) -> Result<Node, Unreadable> {
    // saphyr counts characters: a table from character index to byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let at = |span_index: usize| bytes.get(span_index).copied().unwrap_or(text.len());
    let mut stack: Vec<Building> = Vec::new();
    let mut root: Option<Node> = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| Unreadable {
            line: e.marker().line(),
            column: e.marker().col() + 1,
            message: e.info().to_owned(),
        })?;
        let node = match event {
            Event::Scalar(value, style, _, _) => Some(Node::Scalar(scalar(
                text,
                &at,
                value.into_owned(),
                style,
                span,
            ))),
            Event::Alias(_) => Some(Node::Alias),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let start = at(span.start.index());
                let c = Collection {
                    flow: text.get(start..).is_some_and(|r| r.starts_with(['{', '['])),
                    start,
                    line: span.start.line(),
                    col: span.start.col(),
                };
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Building::Map(c, Vec::new(), None)
                } else {
                    Building::Seq(c, Vec::new())
                });
                None
            }
            Event::MappingEnd | Event::SequenceEnd => match stack.pop() {
                Some(Building::Map(c, entries, _)) => Some(Node::Map(c, entries)),
                Some(Building::Seq(c, items)) => Some(Node::Seq(c, items)),
                None => None,
            },
            Event::DocumentEnd => break,
            _ => None,
        };
        let Some(node) = node else { continue };
        match stack.last_mut() {
            Some(Building::Seq(_, items)) => items.push(node),
            Some(Building::Map(_, entries, key)) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => match node {
                    Node::Scalar(s) => *key = Some(s),
                    // A complex key: kept out of the tree (never in a questionnaire).
                    _ => {
                        *key = Some(Scalar {
                            value: String::new(),
                            style: Style::Plain,
                            start: 0,
                            end: 0,
                            line: 0,
                            col: 0,
                        })
                    }
                },
            },
            None => {
                root = Some(node);
            }
        }
    }
    root.ok_or(Unreadable {
        line: 1,
        column: 1,
        message: "empty document".into(),
    })
}

enum Building {
    Map(Collection, Vec<(Scalar, Node)>, Option<Scalar>),
    Seq(Collection, Vec<Node>),
}

/// A scalar with its exact range: saphyr's span for a quoted scalar in a
/// flow mapping runs past the closing quote, so the quote is found here.
fn scalar(
    text: &str,
    at: &dyn Fn(usize) -> usize,
    value: String,
    style: ScalarStyle,
    span: Span,
) -> Scalar {
    let start = at(span.start.index());
    let mut end = at(span.end.index());
    let style = match style {
        ScalarStyle::Plain => Style::Plain,
        ScalarStyle::SingleQuoted => Style::Single,
        ScalarStyle::DoubleQuoted => Style::Double,
        _ => Style::Block,
    };
    match style {
        Style::Double => end = quoted_end(text, start, '"'),
        Style::Single => end = quoted_end(text, start, '\''),
        // The block's lines, without the line break and indentation that follow.
        Style::Block => {
            end = text
                .get(start..end)
                .map_or(end, |s| start + s.trim_end().len());
        }
        Style::Plain => {}
    }
    Scalar {
        value,
        style,
        start,
        end,
        line: span.start.line(),
        col: span.start.col(),
    }
}

/// The offset after the quote closing a quoted scalar opened at `start`.
fn quoted_end(text: &str, start: usize, quote: char) -> usize {
    let Some(rest) = text.get(start + 1..) else {
        return text.len();
    };
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            // `''` inside single quotes is a quote, not the end.
            if quote == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                chars.next();
                continue;
            }
            return start + 1 + i + 1;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "organisation:\n  phone: \"01 40 85 57 00\"\n  email: conseiller@x.com\n  place: { fr: \"Médiathèque, espace\", en: \"Media\" }\n  hours:\n    fr: >-\n      Le mercredi\n      de 14 h\n    en: 'l''été'\nparcours:\n  - id: a\n    sessions:\n      from: 2026-09-12\n      to: 2026-11-01   # comment\n";

    fn range<'a>(text: &'a str, s: &Scalar) -> &'a str {
        &text[s.start..s.end]
    }

    #[test]
    fn each_scalar_knows_its_exact_range() {
        let root = parse(SAMPLE).unwrap();
        let org = root.get("organisation").unwrap();
        let phone = org.get("phone").unwrap().scalar().unwrap();
        assert_eq!(
            (range(SAMPLE, phone), phone.style),
            ("\"01 40 85 57 00\"", Style::Double)
        );
        let place = org.get("place").unwrap();
        assert!(matches!(place, Node::Map(c, _) if c.flow));
        let en = place.get("en").unwrap().scalar().unwrap();
        assert_eq!(range(SAMPLE, en), "\"Media\"");
        assert_eq!(place.end(SAMPLE).map(|e| &SAMPLE[e - 1..e]), Some("}"));
        let fr = org
            .get("hours")
            .unwrap()
            .get("fr")
            .unwrap()
            .scalar()
            .unwrap();
        assert_eq!(
            (range(SAMPLE, fr), fr.value.as_str()),
            ("Le mercredi\n      de 14 h", "Le mercredi de 14 h")
        );
        let summer = org
            .get("hours")
            .unwrap()
            .get("en")
            .unwrap()
            .scalar()
            .unwrap();
        assert_eq!(
            (range(SAMPLE, summer), summer.value.as_str()),
            ("'l''été'", "l'été")
        );
        let to = root.get("parcours").unwrap().items()[0]
            .get("sessions")
            .unwrap()
            .get("to")
            .unwrap()
            .scalar()
            .unwrap();
        assert_eq!((range(SAMPLE, to), to.line, to.col), ("2026-11-01", 14, 10));
    }

    #[test]
    fn a_syntax_error_is_located() {
        let e = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.line >= 1 && !e.message.is_empty(), "{e:?}");
    }
}
