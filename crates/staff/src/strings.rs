//! The author's preview strings, in French and English (the advisor's desk
//! is in French only: its strings are in `advisor/text.rs`, `AdvisorMsg`).

use diag_ui::i18n::Lang;

/// Every string of the preview page (documented by their French text).
#[allow(missing_docs)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PreviewMsg {
    Title,
    Intro,
    Paste,
    Open,
    Drop,
    Diagnostics,
    Valid,
    Try,
    Download,
    Simulation,
    Reachable,
    Unreachable,
    Example,
    PublishedBroken,
    PublishedMissing,
    PublishedUsed,
    NothingSent,
    Publish,
    PublishHelp,
    PublishedCompiledStale,
    Error,
    Warning,
    SummaryHelp,
}

impl PreviewMsg {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use PreviewMsg::*;
        let (fr, en) = match self {
            Title => ("Aperçu d'un questionnaire", "Questionnaire preview"),
            Intro => ("Collez ou ouvrez un fichier YAML. Les erreurs s'affichent comme avec « diag check ».", "Paste or open a YAML file. Errors show as with \"diag check\"."),
            Paste => ("Texte du questionnaire (YAML)", "Questionnaire text (YAML)"),
            Open => ("Ouvrir un fichier", "Open a file"),
            Drop => ("Ou déposez un fichier ici.", "Or drop a file here."),
            Diagnostics => ("Erreurs et avertissements", "Errors and warnings"),
            Valid => ("Le questionnaire est valide.", "The questionnaire is valid."),
            Try => ("Essayer comme un habitant", "Try it as a resident"),
            Download => ("Télécharger le fichier", "Download the file"),
            Simulation => ("Chaque parcours peut-il être recommandé ?", "Can every parcours be recommended?"),
            Reachable => ("atteignable", "reachable"),
            Unreachable => ("jamais recommandé : vérifiez les règles", "never recommended: check the rules"),
            Example => ("exemple de code", "example code"),
            PublishedBroken => ("Attention : le fichier questionnaire.yaml publié contient des erreurs. Les habitants voient le questionnaire intégré au site. Corrigez ces erreurs :", "Warning: the published questionnaire.yaml has errors. Residents see the questionnaire built into the site. Fix these errors:"),
            PublishedMissing => ("Aucun fichier questionnaire.yaml n'est publié : les habitants voient le questionnaire intégré au site.", "No questionnaire.yaml is published: residents see the questionnaire built into the site."),
            PublishedUsed => ("Le fichier questionnaire.yaml publié est valide et utilisé.", "The published questionnaire.yaml is valid and in use."),
            NothingSent => ("Rien n'est envoyé : tout se passe dans votre navigateur.", "Nothing is sent: everything happens in your browser."),
            Publish => ("Publier : télécharger les deux fichiers", "Publish: download both files"),
            PublishHelp => ("Déposez questionnaire.yaml et questionnaire.bin ensemble dans le dossier du site, à la place des anciens. Le fichier .bin est la forme compacte que lisent les téléphones des habitants.", "Put questionnaire.yaml and questionnaire.bin together in the site's folder, replacing the old ones. The .bin file is the compact form residents' phones read."),
            PublishedCompiledStale => ("Le fichier questionnaire.bin publié ne correspond pas à questionnaire.yaml : les habitants ont bien le questionnaire modifié, mais il se charge plus lentement. Publiez les deux fichiers avec le bouton « Publier ».", "The published questionnaire.bin does not match questionnaire.yaml: residents get the edited questionnaire, but it loads more slowly. Publish both files with the \"Publish\" button."),
            Error => ("erreur", "error"),
            Warning => ("avertissement", "warning"),
            SummaryHelp => ("Cliquez sur un emplacement pour aller à cette ligne dans le texte.", "Click a location to go to that line in the text."),
        };
        // The author's preview speaks French and English.
        match lang {
            Lang::En => en,
            _ => fr,
        }
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
