//! A term's practical details, read from the YAML text: what the form shows.

use crate::tree::{self, Node, Unreadable};

/// A text in each of the questionnaire's inline languages (`languages:`),
/// in their order: `[("fr", "…"), ("en", "…")]`.
pub type LangText = Vec<(String, String)>;

/// The contacts and the permanence, one field each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    /// `organisation.phone`
    Phone,
    /// `organisation.email`
    Email,
    /// `organisation.website`
    Website,
    /// `organisation.address` (a text)
    Address,
    /// `organisation.permanence.place` (a text)
    PermanencePlace,
    /// `organisation.permanence.hours` (a text)
    PermanenceHours,
}

impl Contact {
    /// Every contact field, in the form's order.
    pub const ALL: [Contact; 6] = [
        Contact::PermanencePlace,
        Contact::PermanenceHours,
        Contact::Phone,
        Contact::Email,
        Contact::Address,
        Contact::Website,
    ];

    /// Its keys from the document's root.
    pub fn path(self) -> &'static [&'static str] {
        match self {
            Contact::Phone => &["organisation", "phone"],
            Contact::Email => &["organisation", "email"],
            Contact::Website => &["organisation", "website"],
            Contact::Address => &["organisation", "address"],
            Contact::PermanencePlace => &["organisation", "permanence", "place"],
            Contact::PermanenceHours => &["organisation", "permanence", "hours"],
        }
    }

    /// Whether it is a text in each language (else one value for all).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Contact::Address | Contact::PermanencePlace | Contact::PermanenceHours
        )
    }
}

/// One period of a parcours, as the form shows it: its own place, or the
/// parcours' place when it has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    /// `YYYY-MM-DD`
    pub from: String,
    /// `YYYY-MM-DD`
    pub to: String,
    /// Where its sessions are held.
    pub place: LangText,
    /// Empty texts when the period says no schedule.
    pub schedule: LangText,
}

/// How a parcours' periods are written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// `sessions:` (one period)
    Sessions,
    /// `periods:` (a list)
    Periods,
    /// Neither: no dates published.
    Nothing,
}

/// A parcours' term: its periods and where they are held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcoursTerm {
    /// The parcours' id.
    pub id: String,
    /// Its title in the default language, to name it in the form.
    pub title: String,
    /// The parcours' own `place` (empty texts when it has none).
    pub place: LangText,
    /// In the order written.
    pub periods: Vec<Period>,
    /// How the periods are written.
    pub written: Written,
}

/// Everything the term's form shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// The inline languages, the default first.
    pub languages: Vec<String>,
    /// Each contact field's value: one entry `("", value)` for the plain
    /// ones, a text per language for the others; `None` when the file has
    /// no such field.
    pub contacts: Vec<(Contact, Option<LangText>)>,
    /// Each parcours, in the file's order.
    pub parcours: Vec<ParcoursTerm>,
    /// The languages of its translation files (`translations:`).
    pub translations: Vec<String>,
}

impl Details {
    /// The value of a contact field as the form shows it.
    pub fn contact(&self, c: Contact) -> Option<&LangText> {
        self.contacts
            .iter()
            .find(|(k, _)| *k == c)
            .and_then(|(_, v)| v.as_ref())
    }

    /// A parcours by id.
    pub fn parcours(&self, id: &str) -> Option<&ParcoursTerm> {
        self.parcours.iter().find(|p| p.id == id)
    }
}

/// The node at `path` from `root`.
pub(crate) fn at<'a>(root: &'a Node, path: &[&str]) -> Option<&'a Node> {
    path.iter().try_fold(root, |n, k| n.get(k))
}

/// The questionnaire's inline languages (`languages:`), `fr` when it says none.
pub(crate) fn languages(root: &Node) -> Vec<String> {
    let found: Vec<String> = root
        .get("languages")
        .map(|l| {
            l.items()
                .iter()
                .filter_map(|n| n.scalar())
                .map(|s| s.value.clone())
                .collect()
        })
        .unwrap_or_default();
    if found.is_empty() {
        vec!["fr".to_owned()]
    } else {
        found
    }
}

/// A text node in each language: a plain string is the default language's
/// (and, being the only one, stands for all of them).
pub(crate) fn lang_text(node: Option<&Node>, languages: &[String]) -> LangText {
    languages
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let value = match node {
                Some(Node::Scalar(s)) if i == 0 => s.value.clone(),
                Some(n @ Node::Map(..)) => n
                    .get(l)
                    .and_then(Node::scalar)
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (l.clone(), value)
        })
        .collect()
}

/// Reads the details the form shows from a questionnaire's text.
pub fn read(text: &str) -> Result<Details, Unreadable> {
    let root = tree::parse(text)?;
    let languages = languages(&root);
    let contacts = Contact::ALL
        .iter()
        .map(|&c| {
            let node = at(&root, c.path());
            let value = node.map(|n| {
                if c.is_text() {
                    lang_text(Some(n), &languages)
                } else {
                    vec![(
                        String::new(),
                        n.scalar().map(|s| s.value.clone()).unwrap_or_default(),
                    )]
                }
            });
            (c, value)
        })
        .collect();
    let parcours = root
        .get("parcours")
        .map(|p| p.items().iter().map(|p| term(p, &languages)).collect())
        .unwrap_or_default();
    let translations = root
        .get("translations")
        .map(|t| {
            t.items()
                .iter()
                .filter_map(|i| i.get("language").and_then(Node::scalar))
                .map(|s| s.value.clone())
                .collect()
        })
        .unwrap_or_default();
    Ok(Details {
        languages,
        contacts,
        parcours,
        translations,
    })
}

fn term(p: &Node, languages: &[String]) -> ParcoursTerm {
    let place = lang_text(p.get("place"), languages);
    let period = |n: &Node| Period {
        from: n
            .get("from")
            .and_then(Node::scalar)
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        to: n
            .get("to")
            .and_then(Node::scalar)
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        place: match n.get("place") {
            Some(own) => lang_text(Some(own), languages),
            None => place.clone(),
        },
        schedule: lang_text(n.get("schedule"), languages),
    };
    let (periods, written) = match (p.get("sessions"), p.get("periods")) {
        (Some(s), _) => (vec![period(s)], Written::Sessions),
        (None, Some(list)) => (list.items().iter().map(period).collect(), Written::Periods),
        (None, None) => (Vec::new(), Written::Nothing),
    };
    ParcoursTerm {
        id: p
            .get("id")
            .and_then(Node::scalar)
            .map(|s| s.value.clone())
            .unwrap_or_default(),
        title: lang_text(p.get("title"), languages)
            .first()
            .map(|(_, t)| t.clone())
            .unwrap_or_default(),
        place,
        periods,
        written,
    }
}
