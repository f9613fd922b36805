//! The author's area in one reducer: the questionnaire's text and its
//! translation files as they are being changed, which tab is open, and the
//! form's drafts that were refused (kept as typed, with the reason).

use diag_workshop::{apply, mark_for_review, Change, Contact};
use std::rc::Rc;
use yew::Reducible;

/// The two ways of changing the questionnaire.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    /// "Mettre à jour": the term's details as a form.
    Update,
    /// "Texte du questionnaire": the YAML in the numbered editor.
    Text,
}

/// A group of the form's fields that is written as one change.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Field {
    Contact(Contact),
    /// `(parcours, index)`
    Period(String, usize),
    /// The period being added to a parcours.
    NewPeriod(String),
}

/// What the form holds for a field group that is not (yet) in the text: the
/// change as typed, and why it was refused (`None`: a new period being filled).
#[derive(Clone, PartialEq, Debug)]
pub struct Draft {
    pub field: Field,
    pub change: Change,
    pub refused: Option<String>,
}

/// Everything the author's area changes.
#[derive(Clone, PartialEq, Default)]
pub struct Workshop {
    /// Nothing is shown until the published files are read.
    pub loaded: bool,
    /// The questionnaire's text being edited.
    pub source: String,
    /// Its translation files, `(language, text)`.
    pub translations: Vec<(String, String)>,
    /// The published text and translations, to say what changed and to start over.
    pub published: (String, Vec<(String, String)>),
    pub tab: Option<Tab>,
    pub drafts: Vec<Draft>,
    /// What the last action did, announced politely.
    pub said: Option<Said>,
    /// Counts the changes written: the form's fields take their values again.
    pub revision: u32,
    /// "Publier" was asked while warnings remain: confirm first.
    pub confirming: bool,
}

/// What can happen in the author's area.
pub enum Action {
    /// The published files were read; `resumed`: the editing kept in this
    /// tab (before "Essayer comme un habitant") replaces them.
    Loaded {
        published: (String, Vec<(String, String)>),
        resumed: Option<(String, Vec<(String, String)>)>,
    },
    /// The editor's text, or a file opened or dropped.
    Edit(String),
    /// A change from the form, for the field group `Field`.
    Apply(Field, Change),
    /// A field group's value as typed, not applied yet (a new period).
    Hold(Field, Change),
    /// A new period's form closed without adding it.
    Drop(Field),
    SetTab(Tab),
    /// Back to the published files.
    StartOver,
    /// Publishing with warnings: asked, or answered.
    Confirm(bool),
    Said(Option<Said>),
}

/// What the area says after an action (in the page's language when shown).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Said {
    /// A change of the form is in the text.
    Applied,
    StartedOver,
    /// The files to upload were downloaded.
    Published,
    /// The whole site was downloaded as a zip.
    SiteDownloaded,
    /// Publishing was refused: the questionnaire has errors.
    HasErrors,
    /// The site's files could not all be read to make the zip.
    SiteUnreadable,
}

impl Workshop {
    /// The default language's code (`fr` for the town's files).
    pub fn tab(&self) -> Tab {
        self.tab.unwrap_or(Tab::Update)
    }

    /// The draft of a field group, if the form holds one.
    pub fn draft(&self, field: &Field) -> Option<&Draft> {
        self.drafts.iter().find(|d| d.field == *field)
    }

    /// Whether anything differs from the published files.
    pub fn changed(&self) -> bool {
        (&self.source, &self.translations) != (&self.published.0, &self.published.1)
    }

    fn set_draft(&mut self, field: Field, change: Change, refused: Option<String>) {
        self.drafts.retain(|d| d.field != field);
        self.drafts.push(Draft {
            field,
            change,
            refused,
        });
    }
}

impl Reducible for Workshop {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded { published, resumed } => {
                next.loaded = true;
                let (source, translations) = resumed.unwrap_or_else(|| published.clone());
                next.source = source;
                next.translations = translations;
                next.published = published;
            }
            Action::Edit(text) => {
                next.source = text;
                // The form's drafts were for the old text.
                next.drafts.clear();
                next.revision += 1;
            }
            Action::Apply(field, change) => match apply(&next.source, &change) {
                Ok(edited) => {
                    let default = diag_workshop::read(&edited.text)
                        .ok()
                        .and_then(|d| d.languages.first().cloned())
                        .unwrap_or_else(|| "fr".into());
                    next.translations = next
                        .translations
                        .iter()
                        .map(|(l, t)| (l.clone(), mark_for_review(t, &default, &edited.changed)))
                        .collect();
                    next.source = edited.text;
                    next.drafts.retain(|d| d.field != field);
                    next.revision += 1;
                    next.confirming = false;
                    next.said = Some(Said::Applied);
                }
                Err(why) => next.set_draft(field, change, Some(why.french())),
            },
            Action::Hold(field, change) => next.set_draft(field, change, None),
            Action::Drop(field) => next.drafts.retain(|d| d.field != field),
            Action::SetTab(t) => next.tab = Some(t),
            Action::StartOver => {
                next.source = next.published.0.clone();
                next.translations = next.published.1.clone();
                next.drafts.clear();
                next.revision += 1;
                next.confirming = false;
                next.said = Some(Said::StartedOver);
            }
            Action::Confirm(asked) => next.confirming = asked,
            Action::Said(s) => next.said = s,
        }
        Rc::new(next)
    }
}
