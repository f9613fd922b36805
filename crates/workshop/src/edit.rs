//! Changes to a term's details, written into the YAML text as splices at the
//! values' places: every other byte of the file stays as it was. Each change
//! is checked first; a refused one changes nothing and says why.

use crate::details::{self, at, lang_text, Contact, LangText, Period, Written};
use crate::tree::{self, Node, Scalar, Style, Unreadable};
use diag_core::Date;

/// What the author changed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A contact field: `[("", value)]` for the phone, e-mail and website, a
    /// text per language for the others.
    Contact(Contact, LangText),
    /// A period of a parcours, whole (its two dates are checked together).
    #[allow(missing_docs)]
    Period {
        parcours: String,
        index: usize,
        period: Period,
    },
    /// A new period for a parcours.
    #[allow(missing_docs)]
    AddPeriod { parcours: String, period: Period },
    /// A period taken away.
    #[allow(missing_docs)]
    RemovePeriod { parcours: String, index: usize },
}

/// The text after a change, and the default language's texts it changed
/// (`(old, new)`), whose translations are then to be reviewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edited {
    /// The whole text, changed.
    pub text: String,
    /// `(old, new)` for each default-language text changed.
    pub changed: Vec<(String, String)>,
}

/// Why a change was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Refused {
    /// The text is not YAML the form can read (the editor shows where).
    Unreadable(Unreadable),
    /// A date that is not a day of the calendar written `YYYY-MM-DD`.
    InvalidDate(String),
    EndBeforeStart {
        from: String,
        to: String,
    },
    /// Overlaps the period numbered `with` (from 1, in the form's order).
    Overlaps {
        with: usize,
        from: String,
        to: String,
    },
    EmptyPlace,
    /// A contact text left empty.
    Empty(Contact),
    Phone(String),
    Email(String),
    Website(String),
    /// The file has no such parcours or period (it changed under the form).
    NotFound(String),
    /// Written in a way the form does not change (e.g. `periods: [ … ]` on one line).
    Unsupported(&'static str),
}

impl Refused {
    /// What to tell the author, in plain French.
    pub fn french(&self) -> String {
        match self {
            Refused::Unreadable(u) => format!("Le texte du questionnaire a une erreur ligne {}\u{a0}: corrigez-la dans «\u{a0}Texte du questionnaire\u{a0}» d'abord.", u.line),
            Refused::InvalidDate(d) => format!("«\u{a0}{d}\u{a0}» n'est pas une date\u{a0}: choisissez un jour dans le calendrier."),
            Refused::EndBeforeStart { from, to } => format!("La fin ({}) est avant le début ({})\u{a0}: vérifiez les deux dates.", french_date(to), french_date(from)),
            Refused::Overlaps { with, from, to } => format!("Ces dates chevauchent la période {with} (du {} au {})\u{a0}: une période doit finir avant que la suivante commence.", french_date(from), french_date(to)),
            Refused::EmptyPlace => "Indiquez le lieu.".to_owned(),
            Refused::Empty(c) => format!("{}\u{a0}: ce champ ne peut pas être vide.", contact_label(*c)),
            Refused::Phone(p) => format!("«\u{a0}{p}\u{a0}» n'est pas un numéro de téléphone\u{a0}: seulement des chiffres, des espaces, et + . - ( )."),
            Refused::Email(e) => format!("«\u{a0}{e}\u{a0}» n'est pas une adresse e-mail\u{a0}: elle s'écrit nom@domaine.fr, sans espace."),
            Refused::Website(w) => format!("«\u{a0}{w}\u{a0}» n'est pas une adresse de site\u{a0}: elle commence par https://"),
            Refused::NotFound(what) => format!("{what} n'est plus dans le texte du questionnaire\u{a0}: rechargez la page."),
            Refused::Unsupported(what) => format!("Le formulaire ne sait pas modifier {what}\u{a0}: faites-le dans «\u{a0}Texte du questionnaire\u{a0}»."),
        }
    }
}

/// The form's name of a contact field.
pub fn contact_label(c: Contact) -> &'static str {
    match c {
        Contact::Phone => "Téléphone",
        Contact::Email => "Adresse e-mail",
        Contact::Website => "Site internet",
        Contact::Address => "Adresse",
        Contact::PermanencePlace => "Lieu de la permanence",
        Contact::PermanenceHours => "Horaires de la permanence",
    }
}

/// `2027-01-05` as "5 janvier 2027".
pub fn french_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    match Date::parse(iso) {
        Some(d) => {
            let month = MONTHS
                .get(usize::from(d.month).saturating_sub(1))
                .copied()
                .unwrap_or("");
            let day = if d.day == 1 {
                "1er".to_owned()
            } else {
                d.day.to_string()
            };
            format!("{day} {month} {}", d.year)
        }
        None => iso.to_owned(),
    }
}

/// A splice: bytes `start..end` of the original text become `with`.
struct Splice {
    start: usize,
    end: usize,
    with: String,
}

/// Applies `change` to `text`, or says why not (the text unchanged).
pub fn apply(text: &str, change: &Change) -> Result<Edited, Refused> {
    let root = tree::parse(text).map_err(Refused::Unreadable)?;
    let languages = details::languages(&root);
    let mut w = Writer {
        text,
        languages: &languages,
        splices: Vec::new(),
        changed: Vec::new(),
    };
    match change {
        Change::Contact(c, value) => w.contact(&root, *c, value)?,
        Change::Period {
            parcours,
            index,
            period,
        } => {
            let p = parcours_node(&root, parcours)?;
            w.check_period(p, period, Some(*index))?;
            w.period(p, *index, period)?;
        }
        Change::AddPeriod { parcours, period } => {
            let p = parcours_node(&root, parcours)?;
            w.check_period(p, period, None)?;
            w.add_period(p, period)?;
        }
        Change::RemovePeriod { parcours, index } => {
            let p = parcours_node(&root, parcours)?;
            w.remove_period(p, *index)?;
        }
    }
    let Writer {
        mut splices,
        changed,
        ..
    } = w;
    splices.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut out = text.to_owned();
    for s in splices {
        if s.start <= s.end
            && s.end <= out.len()
            && out.is_char_boundary(s.start)
            && out.is_char_boundary(s.end)
        {
            out.replace_range(s.start..s.end, &s.with);
        }
    }
    Ok(Edited { text: out, changed })
}

fn parcours_node<'a>(root: &'a Node, id: &str) -> Result<&'a Node, Refused> {
    root.get("parcours")
        .map(Node::items)
        .unwrap_or_default()
        .iter()
        .find(|p| {
            p.get("id")
                .and_then(Node::scalar)
                .is_some_and(|s| s.value == id)
        })
        .ok_or_else(|| Refused::NotFound(format!("Le parcours « {id} »")))
}

/// The periods of a parcours node, as written, with how.
fn periods_of(p: &Node) -> (Vec<&Node>, Written) {
    match (p.get("sessions"), p.get("periods")) {
        (Some(s), _) => (vec![s], Written::Sessions),
        (None, Some(list)) => (list.items().iter().collect(), Written::Periods),
        (None, None) => (Vec::new(), Written::Nothing),
    }
}

struct Writer<'a> {
    text: &'a str,
    languages: &'a [String],
    splices: Vec<Splice>,
    changed: Vec<(String, String)>,
}

impl Writer<'_> {
    fn splice(&mut self, start: usize, end: usize, with: String) {
        self.splices.push(Splice { start, end, with });
    }

    fn default_language(&self) -> &str {
        self.languages.first().map_or("fr", String::as_str)
    }

    /// A text as it will be written: languages left empty take the default
    /// language's text (the validator wants every inline language).
    fn complete(&self, value: &LangText) -> LangText {
        let default = value
            .first()
            .map(|(_, t)| t.trim().to_owned())
            .unwrap_or_default();
        self.languages
            .iter()
            .map(|l| {
                let given = value
                    .iter()
                    .find(|(k, _)| k == l)
                    .map(|(_, t)| t.trim().to_owned())
                    .unwrap_or_default();
                (
                    l.clone(),
                    if given.is_empty() {
                        default.clone()
                    } else {
                        given
                    },
                )
            })
            .collect()
    }

    fn contact(&mut self, root: &Node, c: Contact, value: &LangText) -> Result<(), Refused> {
        let first = value
            .first()
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default();
        match c {
            Contact::Phone => {
                if first.is_empty()
                    || !first
                        .chars()
                        .all(|ch| ch.is_ascii_digit() || " +.-()".contains(ch))
                    || !first.chars().any(|ch| ch.is_ascii_digit())
                {
                    return Err(Refused::Phone(first));
                }
            }
            Contact::Email => {
                if !first.contains('@')
                    || first.contains(char::is_whitespace)
                    || first.contains(':')
                    || first.starts_with('@')
                    || first.ends_with('@')
                {
                    return Err(Refused::Email(first));
                }
            }
            Contact::Website => {
                if !(first.starts_with("https://") || first.starts_with("http://"))
                    || first.contains(char::is_whitespace)
                    || first.len() < 10
                {
                    return Err(Refused::Website(first));
                }
            }
            _ => {
                if first.is_empty() {
                    return Err(Refused::Empty(c));
                }
            }
        }
        let path = c.path();
        let node = at(root, path);
        if c.is_text() {
            let value = self.complete(value);
            match node {
                Some(n) => self.set_text(n, &value),
                None => {
                    let (parent, key) = split(path);
                    let parent = at(root, parent)
                        .ok_or_else(|| Refused::NotFound(format!("« {} »", parent.join("."))))?;
                    let rendered = self.render_text(&value);
                    self.insert_key(parent, key, &rendered)?;
                }
            }
        } else {
            match node.and_then(Node::scalar) {
                Some(s) => self.set_scalar(s, &first),
                None => {
                    let (parent, key) = split(path);
                    let parent = at(root, parent)
                        .ok_or_else(|| Refused::NotFound(format!("« {} »", parent.join("."))))?;
                    self.insert_key(parent, key, &write_scalar(&first, Style::Plain))?;
                }
            }
        }
        Ok(())
    }

    /// Checks a period against the calendar and the parcours' other periods.
    fn check_period(&self, p: &Node, period: &Period, index: Option<usize>) -> Result<(), Refused> {
        let from =
            Date::parse(&period.from).ok_or_else(|| Refused::InvalidDate(period.from.clone()))?;
        let to = Date::parse(&period.to).ok_or_else(|| Refused::InvalidDate(period.to.clone()))?;
        if to < from {
            return Err(Refused::EndBeforeStart {
                from: period.from.clone(),
                to: period.to.clone(),
            });
        }
        if period
            .place
            .first()
            .is_none_or(|(_, t)| t.trim().is_empty())
        {
            return Err(Refused::EmptyPlace);
        }
        let (periods, _) = periods_of(p);
        for (k, other) in periods.iter().enumerate() {
            if Some(k) == index {
                continue;
            }
            let date = |key: &str| {
                other
                    .get(key)
                    .and_then(Node::scalar)
                    .map(|s| s.value.clone())
                    .unwrap_or_default()
            };
            let (o_from, o_to) = (date("from"), date("to"));
            if let (Some(a), Some(b)) = (Date::parse(&o_from), Date::parse(&o_to)) {
                if from <= b && a <= to {
                    return Err(Refused::Overlaps {
                        with: k + 1,
                        from: o_from,
                        to: o_to,
                    });
                }
            }
        }
        Ok(())
    }

    fn period(&mut self, p: &Node, index: usize, period: &Period) -> Result<(), Refused> {
        let (periods, _) = periods_of(p);
        let node = *periods
            .get(index)
            .ok_or_else(|| Refused::NotFound(format!("La période {}", index + 1)))?;
        for (key, value) in [("from", &period.from), ("to", &period.to)] {
            match node.get(key).and_then(Node::scalar) {
                Some(s) => self.set_scalar(s, value.trim()),
                None => {
                    return Err(Refused::NotFound(format!(
                        "La date `{key}` de la période {}",
                        index + 1
                    )))
                }
            }
        }
        let schedule = self.complete(&period.schedule);
        let schedule_given = schedule.first().is_some_and(|(_, t)| !t.is_empty());
        match node.get("schedule") {
            Some(n) => self.set_text(n, &schedule),
            None if schedule_given => {
                let rendered = self.render_text(&schedule);
                self.insert_key(node, "schedule", &rendered)?;
            }
            None => {}
        }
        let place = self.complete(&period.place);
        let parcours_place = lang_text(p.get("place"), self.languages);
        match node.get("place") {
            Some(own) => self.set_text(own, &place),
            None if same_text(&period.place, &parcours_place) => {}
            // One period: its place is the parcours' place.
            None if periods.len() == 1 => match p.get("place") {
                Some(n) => self.set_text(n, &place),
                None => {
                    let rendered = self.render_text(&place);
                    self.insert_key(p, "place", &rendered)?;
                }
            },
            None => {
                let rendered = self.render_text(&place);
                self.insert_key(node, "place", &rendered)?;
            }
        }
        Ok(())
    }

    fn add_period(&mut self, p: &Node, period: &Period) -> Result<(), Refused> {
        let parcours_place = lang_text(p.get("place"), self.languages);
        let text = self.text;
        match (p.entry("sessions"), p.entry("periods")) {
            (Some((key, value)), _) => {
                // One period becomes a list of two, in the file's own indentation.
                self.splice(key.start, key.end, "periods".to_owned());
                match value {
                    Node::Map(c, _) if !c.flow => {
                        let first = line_start(text, c.start);
                        let last = line_end(text, value.end(text).unwrap_or(c.start));
                        let dash = c.col;
                        let mut out = String::new();
                        for (k, line) in text
                            .get(first..last)
                            .unwrap_or_default()
                            .split('\n')
                            .enumerate()
                        {
                            if k > 0 {
                                out.push('\n');
                            }
                            if k == 0 {
                                let cut =
                                    line.char_indices().nth(dash).map_or(line.len(), |(b, _)| b);
                                out.push_str(line.get(..cut).unwrap_or_default());
                                out.push_str("- ");
                                out.push_str(line.get(cut..).unwrap_or_default());
                            } else if line.trim().is_empty() {
                                out.push_str(line);
                            } else {
                                out.push_str("  ");
                                out.push_str(line);
                            }
                        }
                        out.push('\n');
                        out.push_str(&self.period_block(period, dash, &parcours_place));
                        self.splice(first, last, out);
                    }
                    Node::Map(c, _) => {
                        let end = value.end(text).unwrap_or(c.start);
                        let dash = key.col + 2;
                        let pad = " ".repeat(dash);
                        let old = text.get(c.start..end).unwrap_or_default();
                        let new = format!(
                            "\n{pad}- {old}\n{pad}- {}",
                            self.period_flow(period, &parcours_place)
                        );
                        self.splice(c.start, end, new);
                    }
                    _ => return Err(Refused::Unsupported("la période de ce parcours")),
                }
            }
            (None, Some((_, list))) => match list {
                Node::Seq(c, items) if !c.flow => {
                    let dash = items
                        .first()
                        .and_then(Node::start)
                        .map_or(c.col, |(_, _, col)| col.saturating_sub(2));
                    let end = line_end(text, list.end(text).unwrap_or(c.start));
                    let block = format!("\n{}", self.period_block(period, dash, &parcours_place));
                    self.splice(end, end, block);
                }
                Node::Seq(c, _) => {
                    let end = list.end(text).unwrap_or(c.start);
                    let close = end.saturating_sub(1);
                    let flow = format!(", {}", self.period_flow(period, &parcours_place));
                    self.splice(close, close, flow);
                }
                _ => return Err(Refused::Unsupported("les périodes de ce parcours")),
            },
            (None, None) => {
                let Node::Map(c, _) = p else {
                    return Err(Refused::Unsupported("ce parcours"));
                };
                let pad = " ".repeat(c.col);
                let block = format!(
                    "periods:\n{}",
                    self.period_block(period, c.col + 2, &parcours_place)
                );
                let end = line_end(text, p.end(text).unwrap_or(c.start));
                self.splice(end, end, format!("\n{pad}{block}"));
            }
        }
        Ok(())
    }

    fn remove_period(&mut self, p: &Node, index: usize) -> Result<(), Refused> {
        let text = self.text;
        let missing = || Refused::NotFound(format!("La période {}", index + 1));
        match (p.entry("sessions"), p.entry("periods")) {
            (Some((key, value)), _) if index == 0 => {
                let end = line_end(text, value.end(text).unwrap_or(key.end));
                self.remove_lines(line_start(text, key.start), end);
            }
            (None, Some((key, list))) => {
                let Node::Seq(c, items) = list else {
                    return Err(missing());
                };
                if c.flow {
                    return Err(Refused::Unsupported("des périodes écrites sur une ligne"));
                }
                let item = items.get(index).ok_or_else(missing)?;
                if items.len() == 1 {
                    let end = line_end(text, list.end(text).unwrap_or(key.end));
                    self.remove_lines(line_start(text, key.start), end);
                } else {
                    let (start, _, _) = item.start().ok_or_else(missing)?;
                    let from = line_start(text, start);
                    let to = match items.get(index + 1).and_then(Node::start) {
                        Some((next, _, _)) => line_start(text, next),
                        None => {
                            (line_end(text, item.end(text).unwrap_or(start)) + 1).min(text.len())
                        }
                    };
                    self.splice(from, to, String::new());
                }
            }
            _ => return Err(missing()),
        }
        Ok(())
    }

    /// Removes the whole lines from the one holding `from` to the line break after `to`.
    fn remove_lines(&mut self, from: usize, to: usize) {
        let to = if self.text.get(to..).is_some_and(|r| r.starts_with('\n')) {
            to + 1
        } else {
            to
        };
        self.splice(from, to, String::new());
    }

    /// A new period as block lines, its `-` at column `dash`.
    fn period_block(&self, period: &Period, dash: usize, parcours_place: &LangText) -> String {
        let pad = " ".repeat(dash);
        let mut out = format!(
            "{pad}- from: {}\n{pad}  to: {}",
            period.from.trim(),
            period.to.trim()
        );
        let schedule = self.complete(&period.schedule);
        if schedule.first().is_some_and(|(_, t)| !t.is_empty()) {
            out.push_str(&format!(
                "\n{pad}  schedule: {}",
                self.render_text(&schedule)
            ));
        }
        if !same_text(&period.place, parcours_place) {
            let place = self.complete(&period.place);
            out.push_str(&format!("\n{pad}  place: {}", self.render_text(&place)));
        }
        out
    }

    /// A new period as a flow mapping.
    fn period_flow(&self, period: &Period, parcours_place: &LangText) -> String {
        let mut out = format!("{{ from: {}, to: {}", period.from.trim(), period.to.trim());
        let schedule = self.complete(&period.schedule);
        if schedule.first().is_some_and(|(_, t)| !t.is_empty()) {
            out.push_str(&format!(", schedule: {}", self.render_text(&schedule)));
        }
        if !same_text(&period.place, parcours_place) {
            let place = self.complete(&period.place);
            out.push_str(&format!(", place: {}", self.render_text(&place)));
        }
        out.push_str(" }");
        out
    }

    /// A text as a new value: one quoted string for one language, else `{ fr: "…", en: "…" }`.
    fn render_text(&self, value: &LangText) -> String {
        if self.languages.len() <= 1 {
            return write_scalar(value.first().map_or("", |(_, t)| t), Style::Double);
        }
        let parts: Vec<String> = value
            .iter()
            .map(|(l, t)| format!("{l}: {}", write_scalar(t, Style::Double)))
            .collect();
        format!("{{ {} }}", parts.join(", "))
    }

    /// A scalar given a new value, in its own style.
    fn set_scalar(&mut self, s: &Scalar, value: &str) {
        if s.value == value {
            return;
        }
        let with = match s.style {
            Style::Block => value.to_owned(),
            style => write_scalar(value, style),
        };
        self.splice(s.start, s.end, with);
    }

    /// A text node given new texts (each language that changed).
    fn set_text(&mut self, node: &Node, value: &LangText) {
        let default = self.default_language().to_owned();
        match node {
            Node::Scalar(s) => {
                let new = value.first().map_or("", |(_, t)| t.as_str());
                if s.value != new {
                    self.changed.push((s.value.clone(), new.to_owned()));
                }
                self.set_scalar(s, new);
            }
            Node::Map(..) => {
                for (lang, new) in value {
                    match node.get(lang).and_then(Node::scalar) {
                        Some(s) => {
                            if *lang == default && s.value != *new {
                                self.changed.push((s.value.clone(), new.clone()));
                            }
                            self.set_scalar(s, new);
                        }
                        None => {
                            let _ = self.insert_key(node, lang, &write_scalar(new, Style::Double));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// `key: value` added at the end of a mapping, in its style and indentation.
    fn insert_key(&mut self, map: &Node, key: &str, value: &str) -> Result<(), Refused> {
        let Node::Map(c, entries) = map else {
            return Err(Refused::Unsupported("cet endroit du fichier"));
        };
        let text = self.text;
        let end = map.end(text).unwrap_or(c.start);
        if c.flow {
            // Right after the last value: `{ fr: "…", en: "…" }`.
            let after = entries
                .last()
                .and_then(|(_, v)| v.end(text))
                .unwrap_or(c.start + 1);
            self.splice(after, after, format!(", {key}: {value}"));
        } else {
            let at = line_end(text, end);
            self.splice(at, at, format!("\n{}{key}: {value}", " ".repeat(c.col)));
        }
        Ok(())
    }
}

/// Whether `given` says the same as `existing`: each language given (an
/// empty one says nothing) equal to the one there.
fn same_text(given: &LangText, existing: &LangText) -> bool {
    given.first().map(|(_, t)| t.trim()) == existing.first().map(|(_, t)| t.trim())
        && given.iter().all(|(l, t)| {
            t.trim().is_empty() || existing.iter().any(|(k, e)| k == l && e.trim() == t.trim())
        })
}

fn split<'a>(path: &'a [&'a str]) -> (&'a [&'a str], &'a str) {
    match path.split_last() {
        Some((last, parent)) => (parent, last),
        None => (&[], ""),
    }
}

/// The offset of the start of the line holding `at`.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The offset of the line break ending the line holding `at` (the text's end without one).
fn line_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i)
}

/// A value written as a YAML scalar in `style` (plain only when it reads back the same).
pub(crate) fn write_scalar(value: &str, style: Style) -> String {
    match style {
        Style::Plain if plain_ok(value) => value.to_owned(),
        Style::Single if !value.contains(['\n', '\\']) => {
            format!("'{}'", value.replace('\'', "''"))
        }
        _ => {
            let mut out = String::from("\"");
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

/// Whether `value` can be written plain and read back as the same string.
fn plain_ok(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if value.trim() != value || "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
        || value.contains(['\n', '\t'])
    {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    if ["true", "false", "null", "~", "yes", "no", "on", "off"].contains(&lower.as_str()) {
        return false;
    }
    // A number would be read as a number, not a string (a date stays a date: it is one).
    value.parse::<f64>().is_err()
}
