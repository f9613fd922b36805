//! Every string of the advisor's desk, in one catalogue. The desk is in
//! French only: the advisor works in French, whatever language the resident
//! answered in (the answers themselves are shown in the questionnaire's
//! French texts).
//!
//! Adding a string: a variant in `advisor_messages!` below (with the names of
//! its placeholders, if it has any) and its arm in [`AdvisorMsg::fr`] (the
//! compiler refuses a missing one). A text with varying parts names them,
//! `{n}`, `{date}`, `{code}`…, and is read with [`AdvisorMsg::fill`]: whole
//! sentences, never assembled from pieces.

macro_rules! advisor_messages {
    ($($variant:ident $({ $($placeholder:ident),* })?),* $(,)?) => {
        /// Every string of the advisor's screens; each variant is documented
        /// by its French text in [`AdvisorMsg::fr`].
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum AdvisorMsg {
            $($variant),*
        }
        impl AdvisorMsg {
            /// Every message, in order.
            #[cfg_attr(not(test), allow(dead_code))]
            pub const ALL: &'static [AdvisorMsg] = &[$(AdvisorMsg::$variant),*];

            /// The names of the placeholders its text holds (and its call
            /// sites fill), e.g. `["n"]` for `{n}`.
            pub fn placeholders(self) -> &'static [&'static str] {
                match self {
                    $(AdvisorMsg::$variant => &[$($(stringify!($placeholder)),*)?]),*
                }
            }
        }
    };
}

advisor_messages! {
    // The desk's frame and its tabs (`mod.rs`).
    PageTitle,
    TabsLabel,
    TabCode,
    TabDesk,
    TabRecords { n },
    TabStats,
    Lock,
    ConfirmLock,
    LeaveUnsaved,
    RecordSaved { name },
    RecordUpdated { name },
    VaultWrongPassphrase,
    VaultStorage,
    VaultDamaged,
    VaultNoCrypto,

    // Unlocking the records (`unlock.rs`).
    UnlockIntro,
    FirstUseIntro,
    Warning,
    ForgottenPassphrase,
    Passphrase,
    PassphraseAgain,
    OpenRecords,
    CreatePassphrase,
    PassphraseTooShort,
    PassphrasesDiffer,

    // "Ouvrir un code" (`code.rs`, `scan.rs`).
    CodeLabel,
    Open,
    Scan,
    ReadPhoto,
    CameraView,
    PhotoUnread,
    CameraFailed,
    NothingRead,
    CodeHeading,
    ExistingRecord { date },
    ExistingRecordNamed { date, name },
    AnsweredInArabic,
    AnsweredInPortuguese,
    AnsweredInTurkish,
    AnsweredInEnglish,
    AnsweredInOther { code },

    // The decision (`decide.rs`).
    DecisionTitle,
    SheetDate { date },
    NameLabel,
    ParcoursChosen,
    RecommendedMark,
    ReasonLabel,
    NoteLabel,
    Autonomy,
    Level,
    ForReport,
    LevelSuggested,
    ReasonRequired,
    SaveRecord,
    UpdateRecord,
    PrintIntake,

    // The detail of an intake (`detail.rs`).
    EarlyStop { n },
    Incomplete { n },
    Recommended,
    Then,
    DontKnowCount { n },
    Skills,
    ScoresLabel,
    ColDomain,
    ColScore,
    ColMax,
    ColPercent,
    ColLevel,
    ColAnswered,
    ColSelfRating,
    NotAssessed,
    Coverage { n },
    OverRated,
    AnswersTitle,
    QuestionAnswer,
    NoBoxTicked,
    NoAnswer,
    SkippedOnlyIf { condition },
    SkippedEarlyStop,
    Rules,
    RulesOrder,
    RuleHeld,
    RuleNotHeld,
    Expression,
    ExpressionOfRule { n },
    ReadValues { values },
    ReadValue { what, value },

    // How firm the recommendation is (`confidence.rs`).
    ConfidenceIs,
    ReasonPartial { n },
    ReasonNotEvaluated { dimension },
    ReasonDontKnow { n },
    ReasonMiscalibrated { dimension, calibration },
    ReasonNarrow { dimension },
    CalibrationOver,
    CalibrationUnder,
    CalibrationConsistent,

    // The questionnaire at the desk (`desk.rs`).
    DeskKeys,
    SeeDetail,

    // The records (`list.rs`).
    RecordsTitle,
    ParcoursCount { parcours, n },
    ExportCsv,
    ExportJson,
    CsvFileName,
    JsonFileName,
    BackupExportedOne { n },
    BackupExportedMany { n },
    Import,
    Imported { n },
    NothingNew,
    ImportForeign,
    ImportDamaged { why },
    Search,
    ConfidenceFilter,
    AllConfidences,
    Order,
    OrderSaved,
    OrderWeakest,
    RecordsTable,
    ColDate,
    ColName,
    ColCode,
    ColParcours,
    ColConfidence,
    ColNote,
    Delete,
    DeleteRecord { name },
    ConfirmDelete,
    RecordDeleted,
    Changed { reason },

    // Keeping the records safe (`backup.rs`).
    BackupDueSince { date },
    BackupDueNever,
    StorageProtected,
    StorageUnprotected,
    StorageUnknown,
    LastBackupOne { date, n },
    LastBackupMany { date, n },
    NoBackup,

    // "Activité" (`stats.rs`, `chart.rs`).
    StatsTitle,
    DateFrom,
    DateTo,
    PrintReport,
    PeriodAll,
    PeriodFrom { from },
    PeriodTo { to },
    PeriodBetween { from, to },
    NoRecordInPeriod,
    Share { n, percent },
    Intakes,
    Overridden,
    LowConfidence { n },
    OtherVersion,
    ChartMonths,
    ColMonth,
    ChartParcours,
    ColDecided,
    ChartRules,
    ColRule,
    ColRuleDecided,
    ColChanged,
    RuleBar { rule, parcours },
    OverridesTitle,
    OverrideRule { n },
    OverrideChosen { sentence, to },
    ParcoursWithCount { parcours, n },
    BarWithPart { n, part },
    ChartTable,

    // French typography, shared by the screens.
    Colon,
    NoValue,
    ListComma,
    ListSemicolon,
}

impl AdvisorMsg {
    /// The string, in French (the desk's only language). A text with
    /// placeholders is read with [`AdvisorMsg::fill`].
    pub fn fr(self) -> &'static str {
        use AdvisorMsg::*;
        match self {
            // The desk's frame and its tabs.
            PageTitle => "Espace conseiller numérique",
            TabsLabel => "Espace conseiller",
            TabCode => "Ouvrir un code",
            TabDesk => "Questionnaire au bureau",
            TabRecords => "Fiches ({n})",
            TabStats => "Activité",
            Lock => "Verrouiller",
            ConfirmLock => "La décision affichée n'est pas enregistrée. Verrouiller quand même\u{a0}? Elle sera perdue.",
            // Leaving the page (most browsers show their own words instead).
            LeaveUnsaved => "Une décision n'est pas enregistrée.",
            // {name}: the initials typed, or the code; without their final period.
            RecordSaved => "Fiche enregistrée\u{a0}: {name}.",
            RecordUpdated => "Fiche mise à jour\u{a0}: {name}.",
            VaultWrongPassphrase => "Phrase de passe incorrecte. Rien n'a été modifié\u{a0}: réessayez.",
            VaultStorage => "Les fiches ne peuvent pas être enregistrées sur cet appareil. Exportez-les (JSON) pour ne rien perdre.",
            VaultDamaged => "Les fiches enregistrées sur cet appareil sont abîmées. Importez votre dernier export JSON.",
            VaultNoCrypto => "Ce navigateur ne peut pas chiffrer les fiches (la page doit être servie en https).",

            // Unlocking the records.
            UnlockIntro => "Les fiches enregistrées sur cet appareil sont chiffrées. Entrez la phrase de passe pour les ouvrir.",
            FirstUseIntro => "Première utilisation sur cet appareil\u{a0}: choisissez une phrase de passe. Elle chiffre les fiches des personnes reçues.",
            // In bold, before `ForgottenPassphrase`.
            Warning => "Attention\u{a0}: ",
            ForgottenPassphrase => "une phrase de passe oubliée ne peut pas être retrouvée. Exportez régulièrement les fiches (JSON)\u{a0}: c'est votre sauvegarde.",
            Passphrase => "Phrase de passe",
            PassphraseAgain => "La même, une seconde fois",
            OpenRecords => "Ouvrir les fiches",
            CreatePassphrase => "Créer la phrase de passe",
            PassphraseTooShort => "Choisissez une phrase de passe d'au moins 8 caractères.",
            PassphrasesDiffer => "Les deux phrases de passe ne sont pas identiques.",

            // "Ouvrir un code".
            CodeLabel => "Code du résultat (majuscules, minuscules et espaces sans importance)",
            Open => "Ouvrir",
            Scan => "Scanner le QR code",
            ReadPhoto => "Lire une photo de la fiche",
            CameraView => "Image de la caméra",
            PhotoUnread => "Aucun QR code lu sur cette photo. Prenez la fiche de face, en entier et bien éclairée, ou tapez le code.",
            CameraFailed => "La caméra n'a pas pu s'ouvrir (pas de caméra, ou accès refusé). Vous pouvez choisir une photo de la fiche, ou taper le code.",
            NothingRead => "Aucun QR code lu. Approchez la fiche de la caméra, choisissez une photo de la fiche, ou tapez le code.",
            // The opened intake's heading, before the code itself.
            CodeHeading => "Code ",
            ExistingRecord => "Ce code a déjà une fiche, enregistrée le {date}. Vous la modifiez\u{a0}: rien ne sera compté deux fois.",
            ExistingRecordNamed => "Ce code a déjà une fiche, enregistrée le {date} ({name}). Vous la modifiez\u{a0}: rien ne sera compté deux fois.",
            // The language of the resident's screens, from the sheet's QR code
            // (`…/ar`); nothing is said for French.
            AnsweredInArabic => "Répondu en arabe",
            AnsweredInPortuguese => "Répondu en portugais",
            AnsweredInTurkish => "Répondu en turc",
            AnsweredInEnglish => "Répondu en anglais",
            // {code}: the language code as the sheet gives it, e.g. "es".
            AnsweredInOther => "Répondu dans une autre langue ({code})",

            // The decision.
            DecisionTitle => "Décision",
            // Printed on the intake sheet.
            SheetDate => "Date\u{a0}: {date}",
            NameLabel => "Prénom ou initiales",
            ParcoursChosen => "Parcours retenu",
            // After the recommended parcours' title, in the list.
            RecommendedMark => " (conseillé)",
            ReasonLabel => "Raison, si vous changez de parcours",
            NoteLabel => "Note",
            Autonomy => "Autonomie",
            Level => "Niveau",
            ForReport => "Pour le rapport d'activité.",
            LevelSuggested => "Proposé d'après les scores.",
            ReasonRequired => "Indiquez pourquoi vous choisissez un autre parcours que celui conseillé.",
            SaveRecord => "Enregistrer la fiche",
            UpdateRecord => "Mettre à jour la fiche",
            PrintIntake => "Imprimer la fiche d'accueil",

            // The detail of an intake.
            EarlyStop => "Arrêt anticipé\u{a0}: {n} question(s) non posée(s), leurs réponses ne pouvaient plus changer le conseil.",
            Incomplete => "Questionnaire incomplet\u{a0}: {n} question(s) sans réponse.",
            // Before the parcours' title, in bold.
            Recommended => "Parcours conseillé\u{a0}: ",
            Then => "Ensuite\u{a0}: ",
            DontKnowCount => "Réponses «\u{a0}Je ne sais pas\u{a0}»\u{a0}: {n}",
            Skills => "Compétences",
            // The scores' table: its caption and its scrolling region's name.
            ScoresLabel => "Score par domaine",
            ColDomain => "Domaine",
            ColScore => "Score",
            ColMax => "Maximum",
            ColPercent => "%",
            ColLevel => "Niveau",
            ColAnswered => "Répondu",
            ColSelfRating => "Auto-évaluation",
            NotAssessed => "non évalué",
            // {n}: the share of a dimension's questions answered.
            Coverage => "{n} %",
            OverRated => "⚠ surestimée\u{a0}: les vérifications la contredisent",
            AnswersTitle => "Réponses",
            // Between a question and its answer.
            QuestionAnswer => " — ",
            NoBoxTicked => "(aucune case cochée)",
            NoAnswer => "(sans réponse)",
            // {condition}: the question's condition in words.
            SkippedOnlyIf => "non posée\u{a0}: seulement si {condition}",
            SkippedEarlyStop => "non posée (arrêt anticipé\u{a0}: ne pouvait plus changer le conseil)",
            Rules => "Règles",
            RulesOrder => "Dans l'ordre\u{a0}: la première règle vraie décide.",
            RuleHeld => "vraie, décide",
            RuleNotHeld => "fausse",
            Expression => "Expression",
            // Read after `Expression` by screen readers only.
            ExpressionOfRule => " de la règle {n}",
            ReadValues => "Valeurs lues\u{a0}: {values}",
            // One value a rule read, e.g. "level(bases) = debutant".
            ReadValue => "{what} = {value}",

            // How firm the recommendation is.
            ConfidenceIs => "Confiance\u{a0}: ",
            ReasonPartial => "{n} question(s) sans réponse qui pourraient changer le conseil",
            ReasonNotEvaluated => "{dimension}\u{a0}: surtout des «\u{a0}Je ne sais pas\u{a0}», domaine non évalué",
            ReasonDontKnow => "{n} réponses «\u{a0}Je ne sais pas\u{a0}»",
            ReasonMiscalibrated => "{dimension}\u{a0}: les questions de vérification contredisent l'auto-évaluation ({calibration})",
            ReasonNarrow => "{dimension}\u{a0}: un point de plus ou de moins changerait le conseil",
            // A self-rating, next to what the checks found.
            CalibrationOver => "surestimée",
            CalibrationUnder => "sous-estimée",
            CalibrationConsistent => "cohérente",

            // The questionnaire at the desk.
            DeskKeys => "Touches 1 à 9\u{a0}: choisir la réponse de la question qui a le focus (une case à cocher\u{a0}: cocher ou décocher). Entrée\u{a0}: passer à la question suivante.",
            SeeDetail => "Voir le détail",

            // The records.
            RecordsTitle => "Fiches enregistrées sur cet appareil",
            ParcoursCount => "{parcours}\u{a0}: {n}",
            ExportCsv => "Exporter en CSV (tableur)",
            ExportJson => "Exporter en JSON (sauvegarde)",
            // The exported files' names, as the advisor finds them in the downloads.
            CsvFileName => "fiches-conseiller.csv",
            JsonFileName => "fiches-conseiller.json",
            BackupExportedOne => "Sauvegarde exportée\u{a0}: {n} fiche.",
            BackupExportedMany => "Sauvegarde exportée\u{a0}: {n} fiches.",
            Import => "Importer un export JSON",
            Imported => "{n} fiche(s) importée(s).",
            NothingNew => "Aucune nouvelle fiche\u{a0}: elles étaient toutes déjà là.",
            ImportForeign => "Ce fichier n'est pas un export des fiches du Diagnostic numérique. Rien n'a été modifié.",
            // {why}: what the reader found wrong.
            ImportDamaged => "Ce fichier d'export est abîmé ({why}). Rien n'a été modifié.",
            Search => "Rechercher (nom, code, note, date)",
            ConfidenceFilter => "Confiance",
            AllConfidences => "Toutes",
            Order => "Ordre",
            OrderSaved => "Ordre d'enregistrement",
            OrderWeakest => "Confiance la plus faible d'abord",
            // The records' table: its caption and its scrolling region's name.
            RecordsTable => "Fiches",
            ColDate => "Date",
            ColName => "Nom",
            ColCode => "Code",
            ColParcours => "Parcours",
            ColConfidence => "Confiance",
            ColNote => "Note",
            // The button of each record, and its column's hidden header.
            Delete => "Supprimer",
            DeleteRecord => "Supprimer la fiche {name}",
            ConfirmDelete => "Supprimer cette fiche\u{a0}?",
            RecordDeleted => "Fiche supprimée.",
            // After the parcours chosen, when it is not the recommended one.
            Changed => " (changé\u{a0}: {reason})",

            // Keeping the records safe.
            BackupDueSince => "Pensez à exporter une sauvegarde de vos fiches (la dernière date du {date})\u{a0}: onglet «\u{a0}Fiches\u{a0}», bouton «\u{a0}Exporter en JSON (sauvegarde)\u{a0}».",
            BackupDueNever => "Pensez à exporter une sauvegarde de vos fiches (aucune n'a encore été faite sur cet appareil)\u{a0}: onglet «\u{a0}Fiches\u{a0}», bouton «\u{a0}Exporter en JSON (sauvegarde)\u{a0}».",
            StorageProtected => "Stockage protégé\u{a0}: le navigateur ne supprimera pas les fiches de lui-même.",
            StorageUnprotected => "Stockage non protégé\u{a0}: le navigateur peut effacer les fiches (par exemple après 7 jours sans visite sur Safari). Exportez-les souvent.",
            StorageUnknown => "Ce navigateur ne dit pas s'il garde les fiches pour de bon\u{a0}: exportez-les souvent.",
            LastBackupOne => "Dernière sauvegarde (export JSON)\u{a0}: {date}, {n} fiche.",
            LastBackupMany => "Dernière sauvegarde (export JSON)\u{a0}: {date}, {n} fiches.",
            NoBackup => "Aucune sauvegarde (export JSON) n'a été faite sur cet appareil.",

            // "Activité".
            StatsTitle => "Activité",
            DateFrom => "Du",
            DateTo => "Au",
            PrintReport => "Imprimer le rapport d'activité",
            PeriodAll => "Période\u{a0}: toutes les fiches.",
            PeriodFrom => "Période\u{a0}: depuis le {from}.",
            PeriodTo => "Période\u{a0}: jusqu'au {to}.",
            PeriodBetween => "Période\u{a0}: du {from} au {to}.",
            NoRecordInPeriod => "Aucune fiche sur cette période.",
            // A count and its share of the whole, e.g. "3 (12 %)".
            Share => "{n} ({percent}\u{a0}%)",
            Intakes => "Accueils",
            Overridden => "Parcours changé par le conseiller",
            LowConfidence => "Résultats peu sûrs (sur {n} fiches où c'est noté)",
            OtherVersion => "Fiches d'une autre version du questionnaire (comptées ci-dessus, pas par règle)",
            ChartMonths => "Accueils par mois",
            ColMonth => "Mois",
            ChartParcours => "Parcours décidés",
            ColDecided => "Décidés",
            ChartRules => "Résultats décidés par chaque règle, et changés par le conseiller",
            ColRule => "Règle",
            ColRuleDecided => "A décidé",
            ColChanged => "Changés par le conseiller",
            RuleBar => "Règle {rule} → {parcours}",
            OverridesTitle => "Les règles dont le résultat a été changé",
            // In bold, before `OverrideChosen`.
            OverrideRule => "Règle {n}",
            OverrideChosen => "\u{a0}: {sentence}. Choisi à la place\u{a0}: {to}.",
            ParcoursWithCount => "{parcours} ({n})",
            // A bar's figure, with the part the advisor changed.
            BarWithPart => "{n} (dont {part} changés)",
            ChartTable => "Les chiffres en tableau",

            // French typography: a non-breaking space before a colon.
            Colon => "\u{a0}: ",
            // No figure (a dimension not scored, a record saved before confidence).
            NoValue => "–",
            ListComma => ", ",
            // Between the boxes ticked for one question.
            ListSemicolon => "\u{a0}; ",
        }
    }

    /// The text with its placeholders filled: `[("n", "3")]` puts "3" for
    /// `{n}`. Every placeholder of the text is filled, and only those (checked
    /// in debug builds); a value is never read again for placeholders.
    pub fn fill(self, values: &[(&str, &str)]) -> String {
        debug_assert!(
            {
                let mut given: Vec<&str> = values.iter().map(|(k, _)| *k).collect();
                given.sort_unstable();
                let mut wanted = self.placeholders().to_vec();
                wanted.sort_unstable();
                given == wanted
            },
            "{self:?} is filled with {:?}, its placeholders are {:?}",
            values.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            self.placeholders()
        );
        let mut out = String::new();
        let mut rest = self.fr();
        while let Some(start) = rest.find('{') {
            let (before, from) = rest.split_at(start);
            out.push_str(before);
            let filled = from.find('}').and_then(|end| {
                let name = from.get(1..end)?;
                let (_, value) = values.iter().find(|(k, _)| *k == name)?;
                Some((end, *value))
            });
            match filled {
                Some((end, value)) => {
                    out.push_str(value);
                    rest = from.get(end + 1..).unwrap_or_default();
                }
                None => {
                    out.push('{');
                    rest = from.get(1..).unwrap_or_default();
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// The `{…}` placeholders' names in a text, sorted, each once.
#[cfg(test)]
fn placeholders_in(text: &str) -> Vec<&str> {
    let mut found: Vec<&str> = text
        .match_indices('{')
        .filter_map(|(i, _)| {
            let after = text.get(i + 1..)?;
            after.find('}').and_then(|end| after.get(..end))
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn every_message_has_a_text_with_the_placeholders_its_call_sites_fill() {
        for (i, msg) in AdvisorMsg::ALL.iter().enumerate() {
            assert_eq!(*msg as usize, i, "AdvisorMsg::ALL is in the enum's order");
            let text = msg.fr();
            assert!(!text.trim().is_empty(), "{msg:?} is empty");
            let mut declared = msg.placeholders().to_vec();
            declared.sort_unstable();
            assert_eq!(
                placeholders_in(text),
                declared,
                "{msg:?}: the text's placeholders are not the ones declared (and filled): {text}"
            );
            // No stray brace: a typo such as "{n" would show as it is.
            let opened = text.matches('{').count();
            assert_eq!(opened, text.matches('}').count(), "{msg:?}: {text}");
            // Every placeholder filled, nothing of it left.
            let values: Vec<(&str, &str)> = msg.placeholders().iter().map(|p| (*p, "X")).collect();
            let filled = msg.fill(&values);
            assert!(
                !filled.contains('{') && !filled.contains('}'),
                "{msg:?}: {filled}"
            );
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn french_punctuation_keeps_to_its_word() {
        for msg in AdvisorMsg::ALL {
            let text = msg.fr();
            if let Some(plain) = diag_ui::i18n::loose_french_spacing(text) {
                panic!("{msg:?}: {plain:?} with a plain space can wrap alone: {text}");
            }
        }
    }

    #[wasm_bindgen_test::wasm_bindgen_test]
    fn a_value_is_put_in_as_it_is() {
        assert_eq!(
            AdvisorMsg::ExistingRecordNamed.fill(&[("name", "{date}"), ("date", "2026-11-02")]),
            "Ce code a déjà une fiche, enregistrée le 2026-11-02 ({date}). Vous la modifiez\u{a0}: rien ne sera compté deux fois."
        );
        assert_eq!(
            AdvisorMsg::RecordSaved.fill(&[("name", "A. B")]),
            "Fiche enregistrée\u{a0}: A. B."
        );
    }
}
