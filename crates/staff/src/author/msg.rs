//! The author's area's strings, in French and English (the advisor's desk
//! is in French only: its strings are in `advisor/text.rs`, `AdvisorMsg`).

use diag_ui::i18n::Lang;

macro_rules! preview_messages {
    ($($variant:ident),* $(,)?) => {
        /// Every string of the author's area (documented by their French text).
        #[allow(missing_docs)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum PreviewMsg {
            $($variant),*
        }

        impl PreviewMsg {
            /// Every string, for the tests of the whole catalogue.
            #[allow(dead_code)]
            pub const ALL: &'static [PreviewMsg] = &[$(PreviewMsg::$variant),*];
        }
    };
}

preview_messages!(
    Title,
    Intro,
    Loading,
    Paste,
    Open,
    Drop,
    Diagnostics,
    Valid,
    Try,
    Simulation,
    Reachable,
    Unreachable,
    Example,
    PublishedTitle,
    PublishedMissing,
    PublishedBroken,
    PublishedUsed,
    PublishedCompiledStale,
    StalePacks,
    MissingTranslations,
    NotPublishedYet,
    StartOver,
    NothingSent,
    Tabs,
    TabUpdate,
    TabText,
    UnreadableForForm,
    ToDo,
    NothingLate,
    NoDateToCome,
    NoDateLeft,
    MoreToCheck,
    ParcoursAndDates,
    NextPeriod,
    AddPeriod,
    NewPeriod,
    PeriodN,
    From,
    To,
    Place,
    Schedule,
    RemovePeriod,
    AddThisPeriod,
    Cancel,
    Contacts,
    InLanguage,
    PublishTitle,
    Publish,
    PublishHelp,
    DownloadSite,
    WarningsLeft,
    PublishAnyway,
    SaidApplied,
    SaidStartedOver,
    SaidPublished,
    SaidSiteDownloaded,
    SaidHasErrors,
    SaidSiteUnreadable,
    Error,
    Warning,
    SummaryHelp,
);

impl PreviewMsg {
    /// The string in `lang` (`{}` where [`PreviewMsg::fill`] puts a part).
    pub fn get(self, lang: Lang) -> &'static str {
        use PreviewMsg::*;
        let (fr, en) = match self {
            Title => ("Questionnaire\u{a0}: mise à jour et publication", "Questionnaire: updating and publishing"),
            Intro => ("Mettez à jour les dates et les contacts avec le formulaire, ou modifiez le texte du questionnaire. Chaque changement est vérifié comme avec «\u{a0}diag check\u{a0}».", "Update the dates and contacts with the form, or change the questionnaire's text. Each change is checked as with \"diag check\"."),
            Loading => ("Chargement du questionnaire publié…", "Loading the published questionnaire…"),
            Paste => ("Texte du questionnaire (YAML)", "Questionnaire text (YAML)"),
            Open => ("Ouvrir un fichier", "Open a file"),
            Drop => ("Ou déposez un fichier ici.", "Or drop a file here."),
            Diagnostics => ("Erreurs et avertissements", "Errors and warnings"),
            Valid => ("Le questionnaire est valide.", "The questionnaire is valid."),
            Try => ("Essayer comme un habitant", "Try it as a resident"),
            Simulation => ("Chaque parcours peut-il être recommandé\u{a0}?", "Can every parcours be recommended?"),
            Reachable => ("atteignable", "reachable"),
            Unreachable => ("jamais recommandé\u{a0}: vérifiez les règles", "never recommended: check the rules"),
            Example => ("exemple de code", "example code"),
            PublishedTitle => ("Le questionnaire publié", "The published questionnaire"),
            PublishedMissing => ("Aucun fichier questionnaire.yaml n'est publié à côté de cette page\u{a0}: voici le questionnaire intégré au site.", "No questionnaire.yaml is published beside this page: here is the questionnaire built into the site."),
            PublishedBroken => ("Attention\u{a0}: le fichier questionnaire.yaml publié contient des erreurs. Les habitants gardent la dernière version compilée (questionnaire.bin). Les erreurs sont listées ci-dessous et dans «\u{a0}Texte du questionnaire\u{a0}»\u{a0}: corrigez-les, puis publiez.", "Warning: the published questionnaire.yaml has errors. Residents keep the last compiled version (questionnaire.bin). The errors are listed below and in \"Questionnaire text\": fix them, then publish."),
            PublishedUsed => ("Le questionnaire publié (questionnaire.yaml, avec ses fichiers compilés et de langues) est valide et utilisé.", "The published questionnaire (questionnaire.yaml, with its compiled and language files) is valid and in use."),
            PublishedCompiledStale => ("Le fichier questionnaire.bin publié ne correspond pas à questionnaire.yaml\u{a0}: les habitants ont bien le questionnaire modifié, mais il se charge plus lentement. Publiez à nouveau avec le bouton «\u{a0}Publier\u{a0}».", "The published questionnaire.bin does not match questionnaire.yaml: residents get the edited questionnaire, but it loads more slowly. Publish again with the \"Publish\" button."),
            StalePacks => ("Les fichiers de langue publiés ne correspondent plus au questionnaire ({})\u{a0}: les habitants qui lisent ces langues le voient en français. Publiez à nouveau avec le bouton «\u{a0}Publier\u{a0}».", "The published language files no longer match the questionnaire ({}): residents who read these languages see it in French. Publish again with the \"Publish\" button."),
            MissingTranslations => ("Fichier de traduction introuvable à côté de la page\u{a0}: {}.", "Translation file not found beside the page: {}."),
            NotPublishedYet => ("Vous avez des modifications qui ne sont pas encore publiées (elles restent dans cet onglet).", "You have changes that are not published yet (they stay in this tab)."),
            StartOver => ("Revenir au questionnaire publié", "Go back to the published questionnaire"),
            NothingSent => ("Rien n'est envoyé\u{a0}: tout se passe dans votre navigateur.", "Nothing is sent: everything happens in your browser."),
            Tabs => ("Deux façons de modifier", "Two ways to edit"),
            TabUpdate => ("Mettre à jour", "Update"),
            TabText => ("Texte du questionnaire", "Questionnaire text"),
            UnreadableForForm => ("Le texte du questionnaire a une erreur de syntaxe\u{a0}: corrigez-la dans «\u{a0}Texte du questionnaire\u{a0}» pour utiliser le formulaire.", "The questionnaire's text has a syntax error: fix it in \"Questionnaire text\" to use the form."),
            ToDo => ("À faire", "To do"),
            NothingLate => ("Rien d'urgent\u{a0}: chaque parcours a une date à venir.", "Nothing urgent: every parcours has a date to come."),
            NoDateToCome => ("{}\u{a0}: plus aucune date à venir", "{}: no date to come"),
            NoDateLeft => ("Plus aucune date à venir\u{a0}: ajoutez la prochaine période.", "No date to come: add the next period."),
            MoreToCheck => ("Autres points à vérifier\u{a0}: {} (voir «\u{a0}Texte du questionnaire\u{a0}»)", "Other points to check: {} (see \"Questionnaire text\")"),
            ParcoursAndDates => ("Les parcours et leurs dates", "The parcours and their dates"),
            NextPeriod => ("Prochaine période\u{a0}: du {} au {}.", "Next period: {} to {}."),
            AddPeriod => ("Ajouter une période", "Add a period"),
            NewPeriod => ("Nouvelle période", "New period"),
            PeriodN => ("Période {}", "Period {}"),
            From => ("Du", "From"),
            To => ("Au", "To"),
            Place => ("Lieu", "Place"),
            Schedule => ("Jours et horaires", "Days and times"),
            RemovePeriod => ("Retirer cette période", "Remove this period"),
            AddThisPeriod => ("Ajouter cette période", "Add this period"),
            Cancel => ("Annuler", "Cancel"),
            Contacts => ("La permanence et les contacts", "The drop-in and the contacts"),
            InLanguage => ("{} en {}", "{} in {}"),
            PublishTitle => ("Essayer et publier", "Try and publish"),
            Publish => ("Publier\u{a0}: télécharger les fichiers à déposer", "Publish: download the files to upload"),
            PublishHelp => ("«\u{a0}Publier\u{a0}» donne un fichier .zip\u{a0}: décompressez-le et déposez tous ses fichiers dans le dossier du site, à la place des anciens. «\u{a0}Télécharger le site complet\u{a0}» donne tout le site, à déposer tel quel chez n'importe quel hébergeur.", "\"Publish\" gives a .zip file: unzip it and put all its files in the site's folder, replacing the old ones. \"Download the whole site\" gives the whole site, to put as it is on any web host."),
            DownloadSite => ("Télécharger le site complet", "Download the whole site"),
            WarningsLeft => ("Il reste {} avertissement(s). Les habitants verront le questionnaire tel quel\u{a0}:", "{} warning(s) remain. Residents will see the questionnaire as it is:"),
            PublishAnyway => ("Publier quand même", "Publish anyway"),
            SaidApplied => ("Modification enregistrée dans le texte du questionnaire (pas encore publiée).", "Change saved in the questionnaire's text (not published yet)."),
            SaidStartedOver => ("Vous êtes revenu au questionnaire publié.", "Back to the published questionnaire."),
            SaidPublished => ("Fichiers à publier téléchargés\u{a0}: décompressez le .zip et déposez ses fichiers dans le dossier du site.", "Files to publish downloaded: unzip the .zip and put its files in the site's folder."),
            SaidSiteDownloaded => ("Le site complet est téléchargé (fichier .zip).", "The whole site is downloaded (.zip file)."),
            SaidHasErrors => ("Rien n'est publié\u{a0}: le questionnaire a des erreurs, listées plus haut. Corrigez-les d'abord.", "Nothing is published: the questionnaire has errors, listed above. Fix them first."),
            SaidSiteUnreadable => ("Les fichiers du site n'ont pas pu être lus\u{a0}: vérifiez la connexion et réessayez.", "The site's files could not be read: check the connection and try again."),
            Error => ("erreur", "error"),
            Warning => ("avertissement", "warning"),
            SummaryHelp => ("Cliquez sur un emplacement pour aller à ces lignes dans le texte.", "Click a location to go to those lines in the text."),
        };
        // The author's area speaks French and English.
        match lang {
            Lang::En => en,
            _ => fr,
        }
    }

    /// The string with `part` in its `{}`.
    pub fn fill(self, part: &str, lang: Lang) -> String {
        self.get(lang).replacen("{}", part, 1)
    }

    /// The string with its two `{}`.
    pub fn fill2(self, a: &str, b: &str, lang: Lang) -> String {
        self.get(lang).replacen("{}", a, 1).replacen("{}", b, 1)
    }

    /// A short key for ids.
    pub fn key(self) -> &'static str {
        match self {
            PreviewMsg::Place => "place",
            PreviewMsg::Schedule => "schedule",
            _ => "field",
        }
    }

    /// A field's label for its `k`-th language (`code`): "Lieu", then "Lieu en anglais".
    pub fn in_language(label: PreviewMsg, code: &str, k: usize, lang: Lang) -> String {
        if k == 0 {
            label.get(lang).to_owned()
        } else {
            PreviewMsg::InLanguage.fill2(
                label.get(lang),
                &PreviewMsg::language_name(code, lang),
                lang,
            )
        }
    }

    /// A language's name in the page's language ("anglais", "arabe").
    pub fn language_name(code: &str, lang: Lang) -> String {
        let (fr, en) = match code {
            "fr" => ("français", "French"),
            "en" => ("anglais", "English"),
            "ar" => ("arabe", "Arabic"),
            "pt" => ("portugais", "Portuguese"),
            "tr" => ("turc", "Turkish"),
            _ => (code, code),
        };
        if lang == Lang::En { en } else { fr }.to_owned()
    }

    /// What the area says after an action.
    pub fn said(s: super::state::Said, lang: Lang) -> &'static str {
        use super::state::Said;
        match s {
            Said::Applied => PreviewMsg::SaidApplied,
            Said::StartedOver => PreviewMsg::SaidStartedOver,
            Said::Published => PreviewMsg::SaidPublished,
            Said::SiteDownloaded => PreviewMsg::SaidSiteDownloaded,
            Said::HasErrors => PreviewMsg::SaidHasErrors,
            Said::SiteUnreadable => PreviewMsg::SaidSiteUnreadable,
        }
        .get(lang)
    }

    /// "2 erreurs et 1 avertissement", "1 error": the summary's heading.
    pub fn count(errors: usize, warnings: usize, lang: Lang) -> String {
        let part = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(format!("1 {one}")),
            n => Some(format!("{n} {many}")),
        };
        let (e, w, and) = match lang {
            Lang::Fr | Lang::Ar | Lang::Pt | Lang::Tr => (
                part(errors, "erreur", "erreurs"),
                part(warnings, "avertissement", "avertissements"),
                " et ",
            ),
            Lang::En => (
                part(errors, "error", "errors"),
                part(warnings, "warning", "warnings"),
                " and ",
            ),
        };
        [e, w].into_iter().flatten().collect::<Vec<_>>().join(and)
    }

    /// "Ligne 12, colonne 5".
    pub fn at(line: usize, column: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Line {line}, column {column}"),
            _ => format!("Ligne {line}, colonne {column}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PreviewMsg;
    use diag_ui::i18n::Lang;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn french_punctuation_keeps_to_its_word() {
        for msg in PreviewMsg::ALL {
            let text = msg.get(Lang::Fr);
            if let Some(plain) = diag_ui::i18n::loose_french_spacing(text) {
                panic!("{msg:?}: {plain:?} with a plain space can wrap alone: {text}");
            }
        }
    }
}
