//! The only module that knows the YAML library: reading the raw questionnaire
//! and finding where a value sits in the source.
//!
//! serde_yaml gives no positions for values it read successfully, but it does
//! attach the position of the current node to an error raised while reading it.
//! `locate` uses that: it reads the document again along one path and fails on
//! purpose at the target node. This runs only for problems found (a handful),
//! never on the happy path, and keeps a second YAML parser out of the Wasm.

use crate::diagnostic::{Diagnostic, Draft, Path, Seg};
use crate::messages::{
    Expected, Found, Hint, Ids, Lang, Message, ReaderText, Syntax, TypeName, READER_CONTEXTS,
    READER_PROBLEMS,
};
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
    parse_as(source)
}

/// Reads a YAML document of another shape (a translation file) with the same
/// guards and errors.
pub(crate) fn parse_as<T: serde::de::DeserializeOwned>(source: &str) -> Result<T, Box<Diagnostic>> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Box::new(
            Draft::error(
                "too-large",
                Message::TooLarge {
                    kb: source.len() / 1024,
                    max_kb: MAX_SOURCE_BYTES / 1024,
                },
            )
            .hint(Hint::RightFile)
            .located((0, 0)),
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
            Draft::error("empty-file", Message::EmptyFile)
                .expected(Expected::QuestionnaireStart)
                .hint(Hint::FormatExample)
                .located((0, 0)),
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
                        Draft::error(
                            "too-complex",
                            Message::NestedTooDeep {
                                max: MAX_FLOW_DEPTH,
                            },
                        )
                        .expected(Expected::ShallowNesting)
                        .hint(Hint::RunOfBrackets)
                        .located(char_position(source, i)),
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
            Draft::error(
                "not-utf8",
                Message::NotUtf8 {
                    byte: e.valid_up_to() + 1,
                },
            )
            .expected(Expected::Utf8Text)
            .hint(Hint::SaveAsUtf8)
            .located(char_position(before, before.len())),
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
    let english = said_for_authors(&message);
    let read = read_message(&message);
    // Only what reads back exactly as the reader wrote it is translated.
    let read = if read.render(Lang::En) == english {
        read
    } else {
        Message::Untranslated(english.clone())
    };
    let (code, expected, hint) = classify(&english, &read);
    // serde reports a duplicate key at the start of its mapping: find the second one.
    if let Some(key) = english
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
    {
        if let Some((l, c)) = second_key(source, line, key) {
            (line, column) = (l, c);
        }
    }
    let mut draft = Draft::error(code, read).hint(hint);
    if let Some(e) = expected {
        draft = draft.expected(e);
    }
    let mut d = draft.located((line, column));
    d.path = path.to_owned();
    d
}

/// The reader's message with the expected type of "invalid type: …, expected
/// u32" said for authors ("a whole number, 0 or more").
fn said_for_authors(message: &str) -> String {
    match message.rfind(", expected ") {
        Some(i) if message.starts_with("invalid type") || message.starts_with("invalid value") => {
            format!(
                "{}, expected {}",
                message.get(..i).unwrap_or(message),
                plain_type_text(message.get(i + 11..).unwrap_or(""))
            )
        }
        _ => message.to_owned(),
    }
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

/// The code, expected and hint of a reader's message (`english`, as shown;
/// `read`, the same as a catalogue entry).
fn classify(english: &str, read: &Message) -> (&'static str, Option<Expected>, Hint) {
    if let Some(i) = english.find(", expected one of ") {
        let shown = format!("one of {}", english.get(i + 18..).unwrap_or_default());
        let expected = match read {
            Message::UnknownField { known, .. } | Message::UnknownVariant { known, .. } => {
                checked(Expected::OneOf(known.clone()), &shown)
            }
            _ => Expected::Untranslated(shown),
        };
        if english.starts_with("unknown field") {
            return ("unknown-field", Some(expected), Hint::CheckKeySpelling);
        }
        return ("unknown-variant", Some(expected), Hint::UseListedValue);
    }
    if english.starts_with("missing field") {
        return ("missing-field", None, Hint::AddKey);
    }
    if english.starts_with("invalid type") || english.starts_with("invalid value") {
        let expected = english
            .find(", expected ")
            .and_then(|i| english.get(i + 11..));
        let expected = expected.map(|text| {
            let shown = plain_type_text(text);
            match read {
                Message::WrongType { expected, .. } | Message::WrongValue { expected, .. } => {
                    checked(Expected::Type(expected.clone()), &shown)
                }
                _ => Expected::Untranslated(shown),
            }
        });
        return ("wrong-type", expected, Hint::QuotesAndLists);
    }
    if english.starts_with("duplicate field") || english.starts_with("duplicate entry") {
        return ("duplicate-key", None, Hint::KeyOnce);
    }
    if english.contains("recursion limit") || english.contains("repetition limit") {
        return ("too-complex", None, Hint::NoDeepNesting);
    }
    ("yaml-syntax", None, Hint::CheckIndentation)
}

/// `expected` if it reads `english`, otherwise `english` as it is.
fn checked(expected: Expected, english: &str) -> Expected {
    if expected.render(Lang::En) == english {
        expected
    } else {
        Expected::Untranslated(english.to_owned())
    }
}

/// A reader's message as a catalogue entry: [`Message::Untranslated`] when it
/// is none the catalogue knows.
fn read_message(message: &str) -> Message {
    let quoted = |rest: &str, end: &str| -> Option<String> {
        let inner = rest.strip_suffix(end)?;
        // A name with a backtick would be read back wrong: left as it is.
        (!inner.contains('`')).then(|| inner.to_owned())
    };
    let read = || -> Option<Message> {
        if let Some(rest) = message.strip_prefix("unknown field `") {
            let (field, known) = rest.split_once("`, ")?;
            let known = serde_names(known, "fields")?;
            let field = quoted(field, "")?;
            return Some(Message::UnknownField { field, known });
        }
        if let Some(rest) = message.strip_prefix("unknown variant `") {
            let (value, known) = rest.split_once("`, ")?;
            let known = serde_names(known, "variants")?;
            let value = quoted(value, "")?;
            return Some(Message::UnknownVariant { value, known });
        }
        if let Some(rest) = message.strip_prefix("missing field `") {
            let field = quoted(rest, "`")?;
            return Some(Message::MissingField { field });
        }
        if let Some(rest) = message.strip_prefix("duplicate field `") {
            let field = quoted(rest, "`")?;
            return Some(Message::DuplicateField { field });
        }
        if let Some(rest) = message.strip_prefix("the language `") {
            let lang = quoted(rest, "` is given twice")?;
            return Some(Message::LanguageTwice { lang });
        }
        for (prefix, value) in [("invalid type: ", false), ("invalid value: ", true)] {
            if let Some(rest) = message.strip_prefix(prefix) {
                let (found, expected) = rest.rsplit_once(", expected ")?;
                let (found, expected) = (read_found(found)?, plain_type(expected)?);
                return Some(if value {
                    Message::WrongValue { found, expected }
                } else {
                    Message::WrongType { found, expected }
                });
            }
        }
        read_syntax(message).map(Message::Syntax)
    };
    read().unwrap_or_else(|| Message::Untranslated(said_for_authors(message)))
}

/// The names of serde's "expected `a` or `b`" (or "there are no fields").
fn serde_names(text: &str, none: &str) -> Option<Ids> {
    if text == format!("there are no {none}") {
        return Some(Ids(Vec::new()));
    }
    let list = text.strip_prefix("expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let names = list
        .split("`, `")
        .flat_map(|part| part.split("` or `"))
        .map(|name| name.trim_matches('`').to_owned())
        .collect();
    Some(Ids(names))
}

/// serde's "unexpected" value: `integer `3``, `string "a"`, `sequence`…
fn read_found(text: &str) -> Option<Found> {
    let ticked = |prefix: &str| {
        text.strip_prefix(prefix)
            .and_then(|r| r.strip_suffix('`'))
            .map(str::to_owned)
    };
    if let Some(b) = ticked("boolean `") {
        return Some(Found::Boolean(b));
    }
    if let Some(n) = ticked("integer `") {
        return Some(Found::Integer(n));
    }
    if let Some(x) = ticked("floating point `") {
        return Some(Found::Float(x));
    }
    if let Some(s) = text.strip_prefix("string ") {
        return Some(Found::Text(s.to_owned()));
    }
    match text {
        "unit value" => Some(Found::Unit),
        "sequence" => Some(Found::Sequence),
        "map" => Some(Found::Map),
        _ => None,
    }
}

/// libyaml's `problem[ at position P][, context[ at line L column C]]`,
/// when the problem is one the catalogue knows.
fn read_syntax(text: &str) -> Option<Syntax> {
    /// The longest text of `table` that `text` starts with, and what follows it.
    fn known<'t>(
        table: &'static [(&'static str, &'static str)],
        text: &'t str,
    ) -> Option<(ReaderText, &'t str)> {
        let &(en, fr) = table
            .iter()
            .filter(|(en, _)| text.starts_with(en))
            .max_by_key(|(en, _)| en.len())?;
        Some((ReaderText { en, fr }, text.get(en.len()..)?))
    }
    let (problem, mut rest) = known(READER_PROBLEMS, text)?;
    let mut position = None;
    if let Some(r) = rest.strip_prefix(" at position ") {
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        position = Some(r.get(..digits)?.parse().ok()?);
        rest = r.get(digits..)?;
    }
    let mut context = None;
    let mut context_at = None;
    if let Some(r) = rest.strip_prefix(", ") {
        let (c, r) = known(READER_CONTEXTS, r)?;
        context = Some(c);
        rest = r;
        if let Some(r) = rest.strip_prefix(" at line ") {
            let (line, column) = r.split_once(" column ")?;
            context_at = Some((line.parse().ok()?, column.parse().ok()?));
            rest = "";
        }
    }
    rest.is_empty().then_some(Syntax {
        problem,
        position,
        context,
        context_at,
    })
}

/// Rust type names in serde's messages, said for authors (`None`: one the
/// catalogue does not know).
fn plain_type(t: &str) -> Option<TypeName> {
    Some(match t {
        "u32" | "u64" | "u8" | "u16" => TypeName::WholeNumber,
        "a boolean" => TypeName::Boolean,
        "a string" => TypeName::Text,
        "a sequence" => TypeName::List,
        "a map" => TypeName::Map,
        t if t.starts_with("struct Raw") => TypeName::Mapping,
        t if t == TypeName::Translations.render(Lang::En) => TypeName::Translations,
        _ => return None,
    })
}

/// [`plain_type`] in English, or the type as serde says it.
fn plain_type_text(t: &str) -> String {
    plain_type(t).map_or_else(|| t.to_owned(), |t| t.render(Lang::En))
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

/// Locates every draft by its path: the finished diagnostics.
pub(crate) fn locate_all(source: &str, drafts: Vec<Draft>) -> Vec<Diagnostic> {
    drafts
        .into_iter()
        .map(|mut d| match locate(source, &d.path) {
            Some(loc) => {
                let column = loc.column + d.offset + quote_offset(source, loc, d.offset);
                if d.offset == 0 && d.width == 1 {
                    d.width = scalar_width(source, loc);
                }
                d.located((loc.line, column))
            }
            None => d.located((0, 0)),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The first diagnostic of a broken file, in English and in French.
    fn both(source: &str) -> (Diagnostic, Diagnostic) {
        let d = match parse(source) {
            Err(d) => *d,
            Ok(_) => panic!("no error in {source:?}"),
        };
        let fr = d.in_language("fr");
        (d, fr)
    }

    #[test]
    fn reader_messages_are_read_back_into_the_catalogue() {
        for english in [
            "unknown field `x`, expected one of `a`, `b`, `c`",
            "unknown field `x`, expected `a` or `b`",
            "unknown field `x`, expected `a`",
            "unknown field `x`, there are no fields",
            "unknown variant `x`, expected one of `a`, `b`, `c`",
            "missing field `title`",
            "duplicate field `version`",
            "the language `fr` is given twice",
            "invalid type: string \"un\", expected u32",
            "invalid value: integer `4294967296`, expected u32",
            "invalid type: map, expected a sequence",
            "did not find expected key, while parsing a block mapping",
            "did not find expected ',' or ']', while parsing a flow sequence at line 5 column 12",
            "control characters are not allowed at position 33",
            "unknown anchor",
        ] {
            let read = read_message(english);
            assert!(read.has_french(), "not read back: {english}");
            assert_eq!(read.render(Lang::En), said_for_authors(english));
        }
    }

    #[test]
    fn an_unknown_reader_message_stays_as_written_without_french() {
        for english in [
            "something serde_yaml says in a later version",
            "did not find expected key, while doing something new",
            "invalid type: tagged value, expected u32",
        ] {
            let read = read_message(english);
            assert!(!read.has_french(), "{english}");
            assert_eq!(read.render(Lang::En), said_for_authors(english));
            assert_eq!(read.render(Lang::Fr), read.render(Lang::En), "{english}");
        }
    }

    #[test]
    fn shape_errors_keep_their_english_and_get_whole_french() {
        let (en, fr) = both("format: un\n");
        assert_eq!(en.code, "wrong-type");
        assert_eq!(
            en.message,
            "invalid type: string \"un\", expected a whole number, 0 or more"
        );
        assert_eq!(
            fr.message,
            "type incorrect : le texte \"un\" ; attendu : un nombre entier, 0 ou plus"
        );
        assert_eq!(fr.expected.as_deref(), Some("un nombre entier, 0 ou plus"));
        assert!(en.has_french());

        let (en, fr) = both("format: 1\nverison: 2\n");
        assert_eq!(en.code, "unknown-field");
        assert!(fr
            .message
            .starts_with("clé inconnue `verison` ; les clés possibles sont `format`, `id`"));
        assert!(
            fr.expected.as_deref().is_some_and(
                |e| e.ends_with("`recommendation`, `coverage-threshold` ou `early-stop`")
            )
        );

        let (en, fr) = both("languages: [fr, en\n");
        assert_eq!(en.code, "yaml-syntax");
        assert!(
            fr.message
                .starts_with("il manque `,` ou `]`, en lisant une liste entre crochets"),
            "{}",
            fr.message
        );
    }
}
