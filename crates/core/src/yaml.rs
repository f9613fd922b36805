//! The only module that knows the YAML library: reading the raw questionnaire
//! and finding where a value sits in the source.
//!
//! serde_yaml gives no positions for values it read successfully, but it does
//! attach the position of the current node to an error raised while reading it.
//! `locate` uses that: it reads the document again along one path and fails on
//! purpose at the target node. This runs only for problems found (a handful),
//! never on the happy path, and keeps a second YAML parser out of the Wasm.

use crate::diagnostic::{Diagnostic, Path, Pending, Seg};
use crate::raw::RawQuestionnaire;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Largest questionnaire accepted, in bytes. The bundled one is about 40 KB.
pub const MAX_SOURCE_BYTES: usize = 1024 * 1024;

/// A position in the source, both from 1; column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Location {
    pub line: usize,
    pub column: usize,
}

/// Reads the raw questionnaire; a syntax or shape problem is returned located.
pub(crate) fn parse(source: &str) -> Result<RawQuestionnaire, Box<Diagnostic>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                "too-large",
                format!(
                    "the file is {} KB; a questionnaire may be at most {} KB",
                    source.len() / 1024,
                    MAX_SOURCE_BYTES / 1024
                ),
            )
            .hint("check that this is the right file"),
        ));
    }
    if let Some(d) = nesting_guard(source) {
        return Err(Box::new(d));
    }
    if source
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(Box::new(
            Diagnostic::error("empty-file", "the file is empty".into())
                .expected("a questionnaire, starting with `format: 1`")
                .hint("questionnaires/FORMAT.md has a complete example to start from"),
        ));
    }
    serde_yaml::from_str(source).map_err(|e| Box::new(shape_error(source, &e)))
}

/// Deepest `[`/`{` nesting accepted. A questionnaire needs 3 or 4; the YAML
/// reader slows down sharply on thousands.
const MAX_FLOW_DEPTH: usize = 32;

/// Refuses deeply nested flow collections before the YAML reader sees them
/// (a cheap scan that skips quoted text and comments).
fn nesting_guard(source: &str) -> Option<Diagnostic> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for (i, c) in source.char_indices() {
        match (quote, c) {
            (_, '\n') => {
                comment = false;
                if quote == Some('\'') {
                    // Single-quoted text may span lines; keep the state.
                }
            }
            _ if comment => {}
            (Some(q), c) if c == q && !(q == '"' && prev == '\\') => quote = None,
            (Some(_), _) => {}
            (None, '#') if prev.is_whitespace() || i == 0 => comment = true,
            (None, '"' | '\'')
                if matches!(prev, ' ' | '[' | '{' | ',' | ':' | '\n' | '-') || i == 0 =>
            {
                quote = Some(c)
            }
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(
                        Diagnostic::error(
                            "too-complex",
                            format!("lists and mappings are nested more than {MAX_FLOW_DEPTH} deep here"),
                        )
                        .at(char_position(source, i))
                        .expected("a questionnaire nests 3 or 4 levels")
                        .hint("check for a run of `[` or `{`"),
                    );
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
}

/// Reads a file's bytes as questionnaire text: UTF-8 (an invalid byte is
/// reported with its line and column), without the byte-order mark that some
/// Windows editors add. Use the returned text to render diagnostics.
pub fn source_text(bytes: &[u8]) -> Result<&str, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let before = std::str::from_utf8(good).unwrap_or_default();
        Box::new(
            Diagnostic::error(
                "not-utf8",
                format!(
                    "the file is not UTF-8 text: byte {} cannot be read",
                    e.valid_up_to() + 1
                ),
            )
            .at(char_position(before, before.len()))
            .expected("text saved as UTF-8")
            .hint("save the file again choosing the UTF-8 encoding"),
        )
    })
}

fn shape_error(source: &str, e: &serde_yaml::Error) -> Diagnostic {
    let full = e.to_string();
    // serde_yaml appends " at line L column C"; the location is kept separately.
    let whole = without_position(&full);
    let (mut line, mut column) = e
        .location()
        .map_or((0, 0), |l| char_position(source, l.index()));
    // libyaml's reader errors give a byte position in the message instead.
    if let Some(pos) = full
        .rfind(" at position ")
        .and_then(|i| full.get(i + 13..))
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<usize>().ok())
    {
        (line, column) = char_position(source, pos);
    }
    let (path, message) = split_path(&whole);
    let message = message.replace(" as u128", "").replace(" as i128", "");
    let message = message.as_str();
    let message = match message.rfind(", expected ") {
        Some(i) if message.starts_with("invalid type") || message.starts_with("invalid value") => {
            format!(
                "{}, expected {}",
                message.get(..i).unwrap_or(message),
                plain_type(message.get(i + 11..).unwrap_or(""))
            )
        }
        _ => message.to_owned(),
    };
    let message = message.as_str();
    let (code, expected, hint) = classify(message);
    // serde reports a duplicate key at the start of its mapping: find the second one.
    if let Some(key) = message
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
    {
        if let Some((l, c)) = second_key(source, line, key) {
            (line, column) = (l, c);
        }
    }
    let mut d = Diagnostic::error(code, message.to_owned()).at((line, column));
    d.path = path.to_owned();
    d.expected = expected;
    d.hint = hint;
    d
}

/// Removes serde_yaml's " at line L column C", which the diagnostic shows its own way.
fn without_position(message: &str) -> String {
    let Some(i) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = message.get(i..).unwrap_or("");
    let end = rest
        .find(" column ")
        .map(|c| c + 8)
        .map(|c| {
            c + rest
                .get(c..)
                .map_or(0, |r| r.chars().take_while(char::is_ascii_digit).count())
        })
        .unwrap_or(rest.len());
    format!(
        "{}{}",
        message.get(..i).unwrap_or(""),
        rest.get(end..).unwrap_or("")
    )
}

/// The second `key:` at the indentation of the first one, from `from_line` on.
fn second_key(source: &str, from_line: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_indent = None;
    for (n, text) in source.lines().enumerate().skip(from_line.saturating_sub(1)) {
        let trimmed = text.trim_start_matches([' ', '-']);
        let indent = text.len() - trimmed.len();
        if trimmed
            .strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            match first_indent {
                None => first_indent = Some(indent),
                Some(i) if i == indent => return Some((n + 1, indent + 1)),
                Some(_) => {}
            }
        }
    }
    None
}

/// serde_yaml prefixes messages with the path, as in `sections[0].questions: …`.
fn split_path(message: &str) -> (&str, &str) {
    match message.find(": ") {
        Some(i)
            if message
                .get(..i)
                .is_some_and(|p| !p.contains(' ') && !p.is_empty()) =>
        {
            (
                message.get(..i).unwrap_or(""),
                message.get(i + 2..).unwrap_or(message),
            )
        }
        _ => ("", message),
    }
}

fn classify(message: &str) -> (&'static str, Option<String>, Option<String>) {
    if let Some(i) = message.find(", expected one of ") {
        let expected = message.get(i + 18..).map(|list| format!("one of {list}"));
        if message.starts_with("unknown field") {
            return (
                "unknown-field",
                expected,
                Some("check the spelling of the key, or remove it".into()),
            );
        }
        return (
            "unknown-variant",
            expected,
            Some("use one of the values listed".into()),
        );
    }
    if message.starts_with("missing field") {
        return (
            "missing-field",
            None,
            Some("add this key; questionnaires/FORMAT.md shows every key with an example".into()),
        );
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        let expected = message
            .find(", expected ")
            .and_then(|i| message.get(i + 11..))
            .map(plain_type);
        return (
            "wrong-type",
            expected,
            Some("put text in quotes, numbers without quotes, lists as `- item` lines".into()),
        );
    }
    if message.starts_with("duplicate field") || message.starts_with("duplicate entry") {
        return (
            "duplicate-key",
            None,
            Some(
                "a key may appear only once in the same place: remove or rename one of the two"
                    .into(),
            ),
        );
    }
    if message.contains("recursion limit") || message.contains("repetition limit") {
        return (
            "too-complex",
            None,
            Some("a questionnaire needs neither deep nesting nor many aliases (`*name`)".into()),
        );
    }
    (
        "yaml-syntax",
        None,
        Some(
            "check the indentation (spaces, not tabs) and that every `key: value` and `- item` is well formed"
                .into(),
        ),
    )
}

/// Rust type names in serde's messages, said for authors.
fn plain_type(t: &str) -> String {
    match t {
        "u32" | "u64" | "u8" | "u16" => "a whole number, 0 or more".into(),
        "a boolean" => "true or false".into(),
        "a string" => "a text".into(),
        "a sequence" => "a list (`- item` lines or [a, b])".into(),
        t if t.starts_with("struct Raw") => "a mapping of `key: value` lines".into(),
        other => other.into(),
    }
}

/// Byte offset → (line, column in characters), both from 1.
pub(crate) fn char_position(source: &str, index: usize) -> (usize, usize) {
    let before = source.get(..index.min(source.len())).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// How many bytes of YAML `locate_all` may re-read in all: each located
/// problem costs one reading of the document, so a huge crafted file gets
/// fewer problems located (the rest are counted, not shown).
const LOCATE_BUDGET: usize = 2 * 1024 * 1024;

/// How many problems can be located in this document within the budget.
pub(crate) fn locatable(source: &str) -> usize {
    (LOCATE_BUDGET / source.len().max(1)).max(3)
}

/// Fills in line and column of every pending diagnostic.
pub(crate) fn locate_all(source: &str, pending: Vec<Pending>) -> Vec<Diagnostic> {
    pending
        .into_iter()
        .map(|p| {
            let mut d = p.diagnostic;
            if let Some(loc) = locate(source, &p.path) {
                d.line = loc.line;
                d.column = loc.column + p.offset + quote_offset(source, loc, p.offset);
                if p.offset == 0 && d.width == 1 {
                    d.width = scalar_width(source, loc);
                }
            }
            d
        })
        .collect()
}

/// The width of a one-line scalar starting at `loc`, to underline it whole;
/// 1 for mappings, lists and multi-line text.
fn scalar_width(source: &str, loc: Location) -> usize {
    let Some(rest) = source.lines().nth(loc.line.saturating_sub(1)).map(|l| {
        l.chars()
            .skip(loc.column.saturating_sub(1))
            .collect::<String>()
    }) else {
        return 1;
    };
    let width = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest
            .chars()
            .skip(1)
            .position(|c| c == q)
            .map_or(1, |n| n + 2),
        Some('{' | '[' | '|' | '>') | None => 1,
        Some(_) => {
            let end = rest.find([',', '}', ']']).unwrap_or(rest.len());
            let end = rest.find(" #").map_or(end, |c| c.min(end));
            rest.get(..end).map_or(1, |t| t.trim_end().chars().count())
        }
    };
    width.max(1)
}

/// Inside a quoted scalar the text starts one character after the mark.
fn quote_offset(source: &str, loc: Location, offset: usize) -> usize {
    if offset == 0 {
        return 0;
    }
    let first = source
        .lines()
        .nth(loc.line.saturating_sub(1))
        .and_then(|l| l.chars().nth(loc.column.saturating_sub(1)));
    usize::from(matches!(first, Some('"' | '\'')))
}

/// Where the value at `path` starts; the nearest existing ancestor when the
/// path goes further than the document does.
pub(crate) fn locate(source: &str, path: &Path) -> Option<Location> {
    let mut segs: &[Seg] = &path.0;
    loop {
        let seed = Seek { path: segs };
        match seed.deserialize(serde_yaml::Deserializer::from_str(source)) {
            Err(e) if e.to_string().contains(FOUND) || segs.is_empty() => {
                return e.location().map(|l| {
                    let (line, column) = char_position(source, l.index());
                    Location { line, column }
                });
            }
            _ => {}
        }
        segs = segs.split_last().map(|(_, rest)| rest)?;
    }
}

const FOUND: &str = "\u{1}found";

/// Walks down `path`, skipping everything else, and fails at the target.
struct Seek<'a> {
    path: &'a [Seg],
}

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("anything")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.leaf()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.leaf()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        while let Some(key) = map.next_key::<KeyOrOther>()? {
            match (first, key.0) {
                (Seg::Key(k), Some(found)) if *k == found => {
                    map.next_value_seed(Seek { path: rest })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(FOUND));
        };
        let mut i = 0;
        loop {
            if *first == Seg::Index(i) {
                if seq.next_element_seed(Seek { path: rest })?.is_none() {
                    return Ok(());
                }
            } else if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
}

impl Seek<'_> {
    fn leaf<E: de::Error>(&self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

/// A mapping key: a string, or anything else (never matched).
struct KeyOrOther(Option<String>);

impl<'de> de::Deserialize<'de> for KeyOrOther {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyOrOther;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(Some(v.to_owned())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<KeyOrOther, E> {
                Ok(KeyOrOther(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<KeyOrOther, A::Error> {
                while m.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(KeyOrOther(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut s: A) -> Result<KeyOrOther, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(KeyOrOther(None))
            }
        }
        d.deserialize_any(V)
    }
}
