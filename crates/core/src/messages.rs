//! Every text of every diagnostic, in English and in French, side by side.
//!
//! A diagnostic says three things, each a catalogue entry here: what is wrong
//! ([`Message`]), what was expected instead ([`Expected`]) and how to fix it
//! ([`Hint`]). Each entry is an enum variant carrying the parts that vary (an
//! id, a number, a list); [`Message::render`] and the others write it in a
//! [`Lang`]uage, so a French sentence is written whole, in French, with its
//! own word order, and never assembled from English.
//!
//! The English is what `diag check`, `--format json`, the web preview and the
//! snapshot tests (`tests/invalid/*.expected`) show: changing an English text
//! changes those.
//!
//! # Adding a diagnostic
//!
//! 1. Add a variant to [`Message`] (and, if needed, to [`Expected`] and
//!    [`Hint`]) in the section it belongs to, with the parts that vary as
//!    fields: `UnknownCalibrationQuestion { id: String }`.
//! 2. Add its arm to the `render` function just below the enum, giving both
//!    languages at once:
//!    ```text
//!    UnknownCalibrationQuestion { id } => say!(lang,
//!        "there is no question `{id}` to calibrate",
//!        "il n'y a pas de question `{id}` à étalonner"),
//!    ```
//!    `say!` takes the English then the French (it will not build with one
//!    missing); `{id}` places a field and, as in `format!`, `{{` and `}}`
//!    write a brace. When the two languages need different words around a
//!    part (an article, a plural, a noun from [`Thing`]), write the arm as
//!    `match lang { Lang::En => …, Lang::Fr => … }`.
//! 3. Add a sample of it to `french_is_written_whole_and_in_french` at the
//!    bottom of this file: it fails if an English word is left in the French.
//! 4. Emit it where the problem is found, with its stable code (a check of
//!    its own in `validate/`, called from `Validator::questionnaire`):
//!    ```text
//!    self.push(Draft::error("unknown-calibration-question", Message::UnknownCalibrationQuestion { id })
//!        .at(path).expected(Expected::OneOf(ids(…))).hint(Hint::…));
//!    ```
//!    (see [`crate::diagnostic::Draft`]), and add a broken questionnaire to
//!    `tests/invalid/` with its `.expected` output (`BLESS=1`).
//!
//! So a message cannot lack French: the compiler refuses a variant without
//! its arm and an arm without both texts. `tests/invalid.rs` also checks that
//! every diagnostic of its files has French (`Diagnostic::has_french`), which
//! only a text of the YAML reader unknown to this catalogue lacks.
//!
//! Texts that come from the YAML reader (libyaml and serde) are read back into
//! these variants by `yaml.rs`; one it does not know is kept as it was, in
//! English, and counts as having no French ([`Message::Untranslated`]).
//!
//! Without the `yaml` feature only the rendering is used.
#![cfg_attr(not(feature = "yaml"), allow(dead_code))]

use crate::model::Date;

/// The language a diagnostic is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lang {
    En,
    Fr,
}

impl Lang {
    /// `fr` is French; anything else English.
    pub(crate) fn from_code(code: &str) -> Lang {
        if code == "fr" {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}

/// The English and the French of one text, side by side: `say!(lang, "…", "…")`.
/// As in `format!`, `{name}` places a variable in scope and `{{` `}}` write braces.
macro_rules! say {
    ($lang:expr, $en:literal, $fr:literal $(,)?) => {
        match $lang {
            Lang::En => format!($en),
            Lang::Fr => format!($fr),
        }
    };
}

/// The kind of thing an id names, for "`x` is not a valid level id".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Thing {
    Questionnaire,
    Language,
    Dimension,
    Level,
    Parcours,
    Section,
    Question,
    Scale,
    Option,
    Pictogram,
}

impl Thing {
    fn english(self) -> &'static str {
        match self {
            Thing::Questionnaire => "questionnaire",
            Thing::Language => "language",
            Thing::Dimension => "dimension",
            Thing::Level => "level",
            Thing::Parcours => "parcours",
            Thing::Section => "section",
            Thing::Question => "question",
            Thing::Scale => "scale",
            Thing::Option => "option",
            Thing::Pictogram => "pictogram",
        }
    }
    /// The French noun, without article: "chaque {}".
    fn french(self) -> &'static str {
        match self {
            Thing::Questionnaire => "questionnaire",
            Thing::Language => "langue",
            Thing::Dimension => "dimension",
            Thing::Level => "niveau",
            Thing::Parcours => "parcours",
            Thing::Section => "section",
            Thing::Question => "question",
            Thing::Scale => "échelle",
            Thing::Option => "réponse",
            Thing::Pictogram => "pictogramme",
        }
    }
    /// "de niveau", "d'échelle": after "identifiant".
    fn french_of(self) -> String {
        match self {
            Thing::Scale => format!("d'{}", self.french()),
            _ => format!("de {}", self.french()),
        }
    }
}

/// A list of ids, as declared: "`a`, `b`".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ids(pub Vec<String>);

/// The ids of an iterator, for [`Ids`].
pub(crate) fn ids(items: impl Iterator<Item = impl AsRef<str>>) -> Ids {
    Ids(items.map(|s| s.as_ref().to_owned()).collect())
}

impl Ids {
    fn quoted(&self) -> Vec<String> {
        self.0.iter().map(|s| format!("`{s}`")).collect()
    }
    /// "`a`, `b`" in both languages; "(none declared)" when empty.
    fn list(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            return say!(lang, "(none declared)", "(aucun n'est déclaré)");
        }
        self.quoted().join(", ")
    }
    /// A choice among the ids: "one of `a`, `b`" or "`a` ou `b`".
    fn one_of(&self, lang: Lang) -> String {
        let quoted = self.quoted();
        match (lang, quoted.split_last()) {
            (Lang::En, _) => format!("one of {}", self.list(lang)),
            (Lang::Fr, Some((last, rest))) if !rest.is_empty() => {
                format!("{} ou {last}", rest.join(", "))
            }
            (Lang::Fr, _) => self.list(lang),
        }
    }
}

/// How serde lists the fields or values it knows in "unknown field `x`, expected …".
fn serde_one_of(names: &Ids, lang: Lang) -> String {
    let quoted = names.quoted();
    match (lang, quoted.as_slice()) {
        (_, [one]) => one.clone(),
        (Lang::En, [a, b]) => format!("{a} or {b}"),
        (Lang::Fr, [a, b]) => format!("{a} ou {b}"),
        (Lang::En, _) => format!("one of {}", quoted.join(", ")),
        (Lang::Fr, _) => quoted.join(", "),
    }
}

/// What is wrong: the first line of a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Message {
    // The file itself.
    TooLarge {
        kb: usize,
        max_kb: usize,
    },
    EmptyFile,
    NestedTooDeep {
        max: usize,
    },
    NotUtf8 {
        byte: usize,
    },
    TooManyProblems {
        hidden: usize,
    },

    // Reported by the YAML reader while reading the file's shape.
    /// serde's "unknown field": `known` is empty when the place takes no key.
    UnknownField {
        field: String,
        known: Ids,
    },
    UnknownVariant {
        value: String,
        known: Ids,
    },
    MissingField {
        field: String,
    },
    DuplicateField {
        field: String,
    },
    WrongType {
        found: Found,
        expected: TypeName,
    },
    WrongValue {
        found: Found,
        expected: TypeName,
    },
    LanguageTwice {
        lang: String,
    },
    /// A syntax error from libyaml (or serde_yaml), in its parts.
    Syntax(Syntax),
    /// A reader's message this catalogue does not know, kept as written (English).
    Untranslated(String),

    // The questionnaire's header and texts.
    UnsupportedFormat {
        format: u32,
    },
    InvalidId {
        id: String,
        what: Thing,
    },
    DuplicateId {
        id: String,
        what: Thing,
    },
    EmptyVersion,
    InvalidCodePrefix {
        prefix: String,
    },
    NoLanguage,
    InvalidLanguage {
        code: String,
    },
    UndeclaredLanguage {
        lang: String,
    },
    MissingTranslation {
        lang: String,
    },
    // Translation files (`translations`).
    TranslationAlsoInline {
        lang: String,
    },
    TranslationNotReviewed {
        lang: String,
    },
    UntranslatedText {
        lang: String,
    },
    MoreUntranslated {
        lang: String,
        count: usize,
    },
    UnusedTranslation {
        lang: String,
    },
    TranslationToReview {
        lang: String,
    },
    PeriodsOverlap {
        parcours: String,
        first: usize,
        second: usize,
    },
    TranslationTwice,
    TranslationPair {
        default: String,
        lang: String,
    },
    UndeclaredTranslation {
        lang: String,
    },
    EmptyText {
        lang: String,
    },
    InvalidPhone {
        phone: String,
    },
    InvalidEmail {
        email: String,
    },
    InvalidWebsite {
        website: String,
    },
    InvalidLogo {
        logo: String,
    },

    // Dimensions, levels and parcours.
    NoDimension,
    UnscoredDimension {
        id: String,
    },
    NoLevel,
    BelowOver100 {
        below: u32,
    },
    BandOverlap {
        below: u32,
        previous: u32,
    },
    LevelGap {
        from: u32,
    },
    BelowLeftOut {
        id: String,
    },
    NoParcours,
    InvalidDate {
        text: String,
    },
    DatesReversed {
        from: Date,
        to: Date,
    },
    SessionsAndPeriods,
    SessionsOver {
        parcours: String,
        today: Date,
        last: Date,
    },

    // Scales, sections, questions and their options.
    TooFewSteps {
        scale: String,
        steps: usize,
    },
    StepWithScores,
    DontKnowStepValue,
    StepWithoutValue {
        step: String,
    },
    ValueTooLarge {
        value: u32,
        max: u32,
    },
    TooManyOptions {
        count: usize,
    },
    DontKnowTwice,
    DontKnowScored,
    ValueOnOption,
    UnknownDimension {
        id: String,
    },
    PointsTooLarge {
        points: u32,
        max: u32,
    },
    ScaleWithOptions,
    MissingScale,
    UnknownScale {
        id: String,
    },
    ScaleOnOtherKind,
    ScoresOnOtherKind,
    YesNoCount {
        answers: usize,
    },
    SingleCount {
        answers: usize,
    },
    MultipleWithoutOption,
    EmptySection,
    NoQuestion,

    // Recommendation rules.
    NoRule,
    WhenAndOtherwise,
    OtherwiseFalse,
    NeitherWhenNorOtherwise,
    UnknownParcours {
        id: String,
    },
    NextIsSame,
    /// `rule` counts from 1.
    UnreachableRule {
        rule: usize,
    },
    LastRuleNotAlways,
    UnreachableParcours {
        id: String,
    },

    // Conditions (`show-if`, `when`).
    LoneOperator {
        op: char,
    },
    NumberTooLarge,
    UnexpectedCharacter {
        found: char,
    },
    ConditionTooLong {
        max: usize,
    },
    TextAfterEnd,
    ConditionTooDeep {
        max: usize,
    },
    /// "expected `)` here": `what` is also the diagnostic's expected.
    ExpectedHere {
        what: Expected,
    },
    ExpectedTest,
    ExpectedComparison,
    NotATest {
        name: String,
    },
    AnswerOnMultiple,
    UnorderedAnswers,
    ScoreInShowIf {
        function: String,
    },
    DontKnowInShowIf,
    UnknownLevel {
        id: String,
    },
    PercentOver100,
    LevelNotComparedWithLevel,
    NotComparedWithNumber {
        function: String,
    },
    DontKnowNotComparedWithNumber,
    UnknownFunction {
        name: String,
    },
    UnknownQuestion {
        id: String,
    },
    ForwardReference {
        id: String,
    },
    SelfReference {
        id: String,
    },
    UnknownOption {
        id: String,
    },

    // Calibration and coverage
    CheckNotSingle {
        id: String,
    },
    CheckScoresNothing {
        id: String,
        dimension: String,
    },
    DuplicateCheck {
        id: String,
    },
    NoSelfRatings {
        dimension: String,
    },
    InvalidCoverageThreshold {
        value: u32,
    },
    NoChecks {
        dimension: String,
    },
}

impl Message {
    pub(crate) fn render(&self, lang: Lang) -> String {
        use Message::*;
        match self {
            TooLarge { kb, max_kb } => say!(lang,
                "the file is {kb} KB; a questionnaire may be at most {max_kb} KB",
                "le fichier fait {kb} Ko ; un questionnaire fait au plus {max_kb} Ko"),
            EmptyFile => say!(lang, "the file is empty", "le fichier est vide"),
            NestedTooDeep { max } => say!(lang,
                "lists and mappings are nested more than {max} deep here",
                "listes et tables sont imbriquées à plus de {max} niveaux ici"),
            NotUtf8 { byte } => say!(lang,
                "the file is not UTF-8 text: byte {byte} cannot be read",
                "le fichier n'est pas un texte UTF-8 : l'octet {byte} est illisible"),
            TooManyProblems { hidden } => match lang {
                Lang::En => format!("{hidden} more problems are not shown"),
                Lang::Fr if *hidden > 1 => format!("{hidden} autres problèmes ne sont pas affichés"),
                Lang::Fr => format!("{hidden} autre problème n'est pas affiché"),
            },

            UnknownField { field, known } if known.0.is_empty() => say!(lang,
                "unknown field `{field}`, there are no fields",
                "clé inconnue `{field}` : aucune clé n'est attendue ici"),
            UnknownField { field, known } => {
                let known = serde_one_of(known, lang);
                say!(lang,
                    "unknown field `{field}`, expected {known}",
                    "clé inconnue `{field}` ; les clés possibles sont {known}")
            }
            UnknownVariant { value, known } if known.0.is_empty() => say!(lang,
                "unknown variant `{value}`, there are no variants",
                "valeur inconnue `{value}` : aucune valeur n'est attendue ici"),
            UnknownVariant { value, known } => {
                let known = serde_one_of(known, lang);
                say!(lang,
                    "unknown variant `{value}`, expected {known}",
                    "valeur inconnue `{value}` ; les valeurs possibles sont {known}")
            }
            MissingField { field } => say!(lang, "missing field `{field}`", "clé manquante `{field}`"),
            DuplicateField { field } => say!(lang, "duplicate field `{field}`", "clé en double `{field}`"),
            WrongType { found, expected } => {
                let (found, expected) = (found.render(lang), expected.render(lang));
                say!(lang,
                    "invalid type: {found}, expected {expected}",
                    "type incorrect : {found} ; attendu : {expected}")
            }
            WrongValue { found, expected } => {
                let (found, expected) = (found.render(lang), expected.render(lang));
                say!(lang,
                    "invalid value: {found}, expected {expected}",
                    "valeur incorrecte : {found} ; attendu : {expected}")
            }
            LanguageTwice { lang: code } => say!(lang,
                "the language `{code}` is given twice",
                "la langue `{code}` est donnée deux fois"),
            Syntax(s) => s.render(lang),
            Untranslated(text) => text.clone(),

            UnsupportedFormat { format } => say!(lang,
                "format {format} is not supported",
                "le format {format} n'est pas pris en charge"),
            InvalidId { id, what } => match lang {
                Lang::En => format!("`{id}` is not a valid {} id", what.english()),
                Lang::Fr => format!("`{id}` n'est pas un identifiant {} valide", what.french_of()),
            },
            DuplicateId { id, what } => match lang {
                Lang::En => format!("the {} id `{id}` is used twice", what.english()),
                Lang::Fr => format!("l'identifiant {} `{id}` est utilisé deux fois", what.french_of()),
            },
            EmptyVersion => say!(lang, "the version is empty", "la version est vide"),
            InvalidCodePrefix { prefix } => say!(lang,
                "`{prefix}` cannot start a result code",
                "`{prefix}` ne peut pas commencer un code résultat"),
            NoLanguage => say!(lang, "no language is declared", "aucune langue n'est déclarée"),
            InvalidLanguage { code } => say!(lang,
                "`{code}` is not a language code",
                "`{code}` n'est pas un code de langue"),
            UndeclaredLanguage { lang: code } => say!(lang,
                "`{code}` is not one of the declared languages",
                "`{code}` ne fait pas partie des langues déclarées"),
            MissingTranslation { lang: code } => say!(lang,
                "this text has no `{code}` translation",
                "ce texte n'a pas de traduction `{code}`"),
            TranslationAlsoInline { lang: code } => say!(lang,
                "`{code}` is both in `languages` and in `translations`",
                "`{code}` est à la fois dans `languages` et dans `translations`"),
            TranslationNotReviewed { lang: code } => say!(lang,
                "the `{code}` translation has not been reviewed by a native speaker yet",
                "la traduction `{code}` n'a pas encore été relue par une personne dont c'est la langue"),
            UntranslatedText { lang: code } => say!(lang,
                "this text has no `{code}` translation in the translation file: residents who chose `{code}` read it in the default language",
                "ce texte n'a pas de traduction `{code}` dans le fichier de traduction : les habitants qui ont choisi `{code}` le lisent dans la langue par défaut"),
            MoreUntranslated { lang: code, count } => say!(lang,
                "{count} more texts have no `{code}` translation",
                "{count} autres textes n'ont pas de traduction `{code}`"),
            UnusedTranslation { lang: code } => say!(lang,
                "no text of the questionnaire reads like this one: this `{code}` translation is not used",
                "aucun texte du questionnaire n'est écrit ainsi : cette traduction `{code}` ne sert pas"),
            TranslationToReview { lang: code } => say!(lang,
                "the text changed since this `{code}` translation was written: residents who chose `{code}` read the default language's text until the translation is reviewed",
                "le texte a changé depuis que cette traduction `{code}` a été écrite : les habitants qui ont choisi `{code}` lisent le texte dans la langue par défaut jusqu'à la relecture de la traduction"),
            PeriodsOverlap { parcours, first, second } => say!(lang,
                "periods {first} and {second} of the parcours `{parcours}` overlap",
                "les périodes {first} et {second} du parcours `{parcours}` se chevauchent"),
            TranslationTwice => say!(lang,
                "this text is translated twice; the first translation is used",
                "ce texte est traduit deux fois ; la première traduction est utilisée"),
            TranslationPair { default, lang: code } => say!(lang,
                "each entry needs exactly two texts: `{default}` and `{code}`",
                "chaque entrée doit avoir exactement deux textes : `{default}` et `{code}`"),
            UndeclaredTranslation { lang: code } => say!(lang,
                "the questionnaire does not declare the translation `{code}`",
                "le questionnaire ne déclare pas la traduction `{code}`"),
            EmptyText { lang: code } => say!(lang,
                "the `{code}` text is empty",
                "le texte `{code}` est vide"),
            InvalidPhone { phone } => say!(lang,
                "`{phone}` is not a phone number",
                "`{phone}` n'est pas un numéro de téléphone"),
            InvalidEmail { email } => say!(lang,
                "`{email}` is not an e-mail address",
                "`{email}` n'est pas une adresse e-mail"),
            InvalidWebsite { website } => say!(lang,
                "`{website}` is not a web address",
                "`{website}` n'est pas une adresse web"),
            InvalidLogo { logo } => say!(lang,
                "`{logo}` is not an SVG file of the site",
                "`{logo}` n'est pas un fichier SVG du site"),

            NoDimension => say!(lang, "no dimension is declared", "aucune dimension n'est déclarée"),
            UnscoredDimension { id } => say!(lang,
                "no answer gives points to the dimension `{id}`",
                "aucune réponse ne donne de points à la dimension `{id}`"),
            NoLevel => say!(lang, "no level is declared", "aucun niveau n'est déclaré"),
            BelowOver100 { below } => say!(lang,
                "`below: {below}` is more than 100 %",
                "`below: {below}` dépasse 100 %"),
            BandOverlap { below, previous } => say!(lang,
                "this band overlaps the one before: `below: {below}` is not above {previous}",
                "cette tranche chevauche la précédente : `below: {below}` n'est pas au-dessus de {previous}"),
            LevelGap { from } => say!(lang,
                "percentages from {from} to 100 have no level",
                "les pourcentages de {from} à 100 n'ont pas de niveau"),
            BelowLeftOut { id } => say!(lang,
                "only the last level may leave out `below`, but `{id}` is not last",
                "seul le dernier niveau peut omettre `below`, or `{id}` n'est pas le dernier"),
            NoParcours => say!(lang, "no parcours is declared", "aucun parcours n'est déclaré"),
            InvalidDate { text } => say!(lang, "`{text}` is not a date", "`{text}` n'est pas une date"),
            DatesReversed { from, to } => say!(lang,
                "the sessions end ({to}) before they start ({from})",
                "les séances finissent ({to}) avant de commencer ({from})"),
            SessionsAndPeriods => say!(lang,
                "both `sessions` and `periods` are given",
                "`sessions` et `periods` sont donnés tous les deux"),
            SessionsOver { parcours, today, last } => say!(lang,
                "every period of `{parcours}` is over on {today} (the last one ended on {last})",
                "toutes les périodes de `{parcours}` sont passées au {today} (la dernière a fini le {last})"),

            TooFewSteps { scale, steps } => match lang {
                Lang::En => format!("the scale `{scale}` has {steps} step(s)"),
                Lang::Fr if *steps > 1 => format!("l'échelle `{scale}` a {steps} niveaux"),
                Lang::Fr => format!("l'échelle `{scale}` a {steps} niveau"),
            },
            StepWithScores => say!(lang,
                "a scale step has a `value`, not `scores`",
                "un niveau d'échelle a une `value`, pas de `scores`"),
            DontKnowStepValue => say!(lang,
                "a \"Je ne sais pas\" step scores nothing and takes no `value`",
                "un niveau « Je ne sais pas » ne rapporte rien et n'a pas de `value`"),
            StepWithoutValue { step } => say!(lang,
                "the step `{step}` has no `value`",
                "le niveau `{step}` n'a pas de `value`"),
            ValueTooLarge { value, max } => say!(lang, "{value} is more than {max}", "{value} dépasse {max}"),
            TooManyOptions { count } => say!(lang,
                "{count} options is too many",
                "{count} réponses, c'est trop"),
            DontKnowTwice => say!(lang,
                "there are two \"Je ne sais pas\" answers",
                "il y a deux réponses « Je ne sais pas »"),
            DontKnowScored => say!(lang,
                "a \"Je ne sais pas\" answer cannot give points",
                "une réponse « Je ne sais pas » ne peut pas donner de points"),
            ValueOnOption => say!(lang,
                "`value` belongs to the steps of a scale",
                "`value` s'écrit sur les niveaux d'une échelle"),
            UnknownDimension { id } => say!(lang,
                "there is no dimension `{id}`",
                "il n'y a pas de dimension `{id}`"),
            PointsTooLarge { points, max } => say!(lang,
                "{points} points is more than {max}",
                "{points} points, c'est plus que {max}"),
            ScaleWithOptions => say!(lang,
                "a scale question takes its answers from its scale",
                "une question à échelle prend ses réponses dans son échelle"),
            MissingScale => say!(lang,
                "a scale question needs `scale:`",
                "une question à échelle a besoin de `scale:`"),
            UnknownScale { id } => say!(lang, "there is no scale `{id}`", "il n'y a pas d'échelle `{id}`"),
            ScaleOnOtherKind => say!(lang,
                "only a scale question takes `scale:`",
                "seule une question à échelle prend `scale:`"),
            ScoresOnOtherKind => say!(lang,
                "a question's `scores` are weights of a scale",
                "les `scores` d'une question sont les poids d'une échelle"),
            YesNoCount { answers } => say!(lang,
                "a yes-no question has exactly two answers, not {answers}",
                "une question oui-non a exactement deux réponses, pas {answers}"),
            SingleCount { answers } => say!(lang,
                "a single-choice question needs at least two answers, not {answers}",
                "une question à choix unique demande au moins deux réponses, pas {answers}"),
            MultipleWithoutOption => say!(lang,
                "a multiple-choice question needs at least one option",
                "une question à choix multiple demande au moins une réponse"),
            EmptySection => say!(lang, "this section has no question", "cette section n'a aucune question"),
            NoQuestion => say!(lang,
                "the questionnaire has no question",
                "le questionnaire n'a aucune question"),

            NoRule => say!(lang,
                "there is no recommendation rule",
                "il n'y a aucune règle de recommandation"),
            WhenAndOtherwise => say!(lang,
                "a rule has either `when` or `otherwise: true`, not both",
                "une règle a soit `when`, soit `otherwise: true`, pas les deux"),
            OtherwiseFalse => say!(lang,
                "`otherwise: false` never holds",
                "`otherwise: false` n'est jamais vrai"),
            NeitherWhenNorOtherwise => say!(lang,
                "this rule says neither `when` nor `otherwise`",
                "cette règle n'a ni `when` ni `otherwise`"),
            UnknownParcours { id } => say!(lang,
                "there is no parcours `{id}`",
                "il n'y a pas de parcours `{id}`"),
            NextIsSame => say!(lang,
                "the next step is the recommended parcours itself",
                "l'étape suivante est le parcours recommandé lui-même"),
            UnreachableRule { rule } => say!(lang,
                "this rule can never apply: rule {rule} before it always holds",
                "cette règle ne s'applique jamais : la règle {rule}, avant elle, est toujours vraie"),
            LastRuleNotAlways => say!(lang,
                "the last rule does not always hold, so some people would get no recommendation",
                "la dernière règle n'est pas toujours vraie : certaines personnes n'auraient aucune recommandation"),
            UnreachableParcours { id } => say!(lang,
                "no rule recommends the parcours `{id}`",
                "aucune règle ne recommande le parcours `{id}`"),

            LoneOperator { op } => say!(lang,
                "`{op}` alone is not an operator",
                "`{op}` seul n'est pas un opérateur"),
            NumberTooLarge => say!(lang, "this number is too large", "ce nombre est trop grand"),
            UnexpectedCharacter { found } => say!(lang,
                "unexpected character `{found}` in a condition",
                "caractère inattendu `{found}` dans une condition"),
            ConditionTooLong { max } => say!(lang,
                "this condition is longer than {max} characters",
                "cette condition dépasse {max} caractères"),
            TextAfterEnd => say!(lang,
                "unexpected text after the end of the condition",
                "texte inattendu après la fin de la condition"),
            ConditionTooDeep { max } => say!(lang,
                "this condition nests more than {max} levels of `(` or `not`",
                "cette condition imbrique plus de {max} niveaux de `(` ou de `not`"),
            ExpectedHere { what } => {
                let what = what.render(lang);
                say!(lang, "expected {what} here", "ici, il faut {what}")
            }
            ExpectedTest => say!(lang, "expected a test here", "ici, il faut un test"),
            ExpectedComparison => say!(lang, "expected a comparison here", "ici, il faut une comparaison"),
            NotATest { name } => say!(lang,
                "`{name}` is not a test on the answers",
                "`{name}` n'est pas un test sur les réponses"),
            AnswerOnMultiple => say!(lang,
                "`answer(…)` cannot be used on a multiple-choice question",
                "`answer(…)` ne s'utilise pas sur une question à choix multiple"),
            UnorderedAnswers => say!(lang,
                "only the answers of a scale question are ordered",
                "seules les réponses d'une question à échelle sont ordonnées"),
            ScoreInShowIf { function } => say!(lang,
                "`{function}(…)` cannot be used in `show-if`",
                "`{function}(…)` ne s'utilise pas dans `show-if`"),
            DontKnowInShowIf => say!(lang,
                "`dont-know()` cannot be used in `show-if`",
                "`dont-know()` ne s'utilise pas dans `show-if`"),
            UnknownLevel { id } => say!(lang, "there is no level `{id}`", "il n'y a pas de niveau `{id}`"),
            PercentOver100 => say!(lang,
                "a percentage is between 0 and 100",
                "un pourcentage est compris entre 0 et 100"),
            LevelNotComparedWithLevel => say!(lang,
                "a level is compared with a level id",
                "un niveau se compare à un identifiant de niveau"),
            NotComparedWithNumber { function } => say!(lang,
                "`{function}(…)` is compared with a number",
                "`{function}(…)` se compare à un nombre"),
            DontKnowNotComparedWithNumber => say!(lang,
                "`dont-know()` counts answers and is compared with a number",
                "`dont-know()` compte des réponses et se compare à un nombre"),
            UnknownFunction { name } => say!(lang,
                "`{name}(…)` is not a test this format knows",
                "`{name}(…)` n'est pas un test connu de ce format"),
            UnknownQuestion { id } => say!(lang,
                "there is no question `{id}`",
                "il n'y a pas de question `{id}`"),
            ForwardReference { id } => say!(lang,
                "`show-if` refers to `{id}`, which comes later",
                "`show-if` renvoie à `{id}`, qui vient plus loin"),
            SelfReference { id } => say!(lang,
                "`show-if` of `{id}` refers to `{id}` itself",
                "le `show-if` de `{id}` renvoie à `{id}` lui-même"),
            UnknownOption { id } => say!(lang,
                "this question has no option `{id}`",
                "cette question n'a pas de réponse `{id}`"),
            CheckNotSingle { id } => say!(lang,
                "`{id}` cannot check a skill: it is not a single-choice question",
                "`{id}` ne peut pas vérifier une compétence : ce n'est pas une question à choix unique"),
            CheckScoresNothing { id, dimension } => say!(lang,
                "no answer of `{id}` gives points to `{dimension}`",
                "aucune réponse de `{id}` ne donne de points à `{dimension}`"),
            DuplicateCheck { id } => say!(lang,
                "the check `{id}` is listed twice",
                "la question de vérification `{id}` est citée deux fois"),
            NoSelfRatings { dimension } => say!(lang,
                "the dimension `{dimension}` has checks but no self-rating",
                "la dimension `{dimension}` a des questions de vérification mais aucune auto-évaluation"),
            InvalidCoverageThreshold { value } => say!(lang,
                "`coverage-threshold: {value}` is not a percentage from 1 to 100",
                "`coverage-threshold: {value}` n'est pas un pourcentage de 1 à 100"),
            NoChecks { dimension } => say!(lang,
                "the dimension `{dimension}` has no `checks`",
                "la dimension `{dimension}` n'a pas de `checks`"),
        }
    }

    /// Whether this message has a French text (only a reader's message this
    /// catalogue does not know has none).
    pub(crate) fn has_french(&self) -> bool {
        !matches!(self, Message::Untranslated(_))
    }
}

/// What was expected instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Expected {
    // The file and its shape.
    QuestionnaireStart,
    Utf8Text,
    ShallowNesting,
    Type(TypeName),

    // Header, ids and texts.
    Format {
        version: u32,
    },
    VersionExample,
    CodePrefix,
    LanguageList,
    LanguageCode,
    IdSyntax,
    DifferentId {
        what: Thing,
    },
    OneOf(Ids),
    TextInEachLanguage(Ids),
    SomeWords,
    PhoneNumber,
    EmailAddress,
    WebAddress,
    SvgFile,

    // Dimensions, levels and parcours.
    ADimension,
    OptionScoring {
        dimension: String,
    },
    LevelBands,
    PercentFrom1To100,
    PercentAbove {
        previous: u32,
    },
    OpenLastLevel,
    BelowAbove {
        previous: u32,
    },
    AParcours,
    DateFormat,
    DateFrom {
        date: Date,
    },
    SessionsOrPeriods,
    PeriodNotOver,

    // Scales, sections, questions and their options.
    TwoSteps,
    StepValue,
    NoValueOnDontKnow,
    StepPoints,
    WholeNumberUpTo {
        max: u32,
    },
    AtMostOptions {
        max: usize,
    },
    OneDontKnow,
    NoScoresOnDontKnow,
    OptionScores,
    ScaleNoOptions,
    ScaleOneOf(Ids),
    ScaleOrOptions,
    ScoresOnEachOption,
    YesNoOptions,
    TwoOrMoreOptions,
    OneOrMoreOptions,
    AQuestion,
    ASection,

    // Recommendation rules.
    RulesExample,
    WhenOrOtherwise,
    OtherwiseOrWhen,
    AnotherParcours,
    LastRuleAlways,
    RuleFor {
        parcours: String,
    },

    // Conditions.
    Comparison,
    ConditionCharacters,
    AndOrEnd,
    CloseParen,
    CommaThenOptionId,
    OptionId,
    QuestionId,
    DimensionId,
    TestExample,
    TestOrGroup,
    SingleAnswerQuestion,
    EqualOrNot,
    EarlierAnswersTest,
    Percentage,
    WholeNumberSuchAs {
        n: u32,
    },
    Functions,
    IdOfQuestion,
    EarlierQuestion,

    // Calibration and coverage
    KnowledgeQuestionId,
    CheckQuestion,
    RightAnswerScores {
        dimension: String,
    },
    EachCheckOnce,
    SelfRatingQuestions,
    ShareOfPoints,
    DimensionWithChecks,

    /// What a reader's message this catalogue does not know expected, kept as written (English).
    Untranslated(String),
}

impl Expected {
    pub(crate) fn render(&self, lang: Lang) -> String {
        use Expected::*;
        match self {
            QuestionnaireStart => say!(lang,
                "a questionnaire, starting with `format: 1`",
                "un questionnaire, qui commence par `format: 1`"),
            Utf8Text => say!(lang, "text saved as UTF-8", "un texte enregistré en UTF-8"),
            ShallowNesting => say!(lang,
                "a questionnaire nests 3 or 4 levels",
                "un questionnaire a 3 ou 4 niveaux d'imbrication"),
            Type(t) => t.render(lang),

            Format { version } => say!(lang, "format: {version}", "format: {version}"),
            VersionExample => say!(lang,
                "a version such as \"2026.1\"",
                "une version comme \"2026.1\""),
            CodePrefix => say!(lang,
                "1 to 5 capital letters A-Z, such as VLG",
                "1 à 5 lettres majuscules A-Z, comme VLG"),
            LanguageList => say!(lang,
                "a list such as [fr, en]; the first is the default",
                "une liste comme [fr, en] ; la première est la langue par défaut"),
            LanguageCode => say!(lang,
                "a two-letter code such as fr or en",
                "un code de deux lettres comme fr ou en"),
            IdSyntax => say!(lang,
                "lowercase letters a-z, digits and `-`, without spaces or accents, at most 40 characters",
                "des lettres minuscules a-z, des chiffres et `-`, sans espace ni accent, 40 caractères au plus"),
            DifferentId { what } => match lang {
                Lang::En => format!("a different id for each {}", what.english()),
                Lang::Fr => format!("un identifiant différent pour chaque {}", what.french()),
            },
            OneOf(ids) => ids.one_of(lang),
            TextInEachLanguage(ids) => {
                let ids = ids.list(lang);
                say!(lang,
                    "a text in each declared language: {ids}",
                    "un texte dans chaque langue déclarée : {ids}")
            }
            SomeWords => say!(lang, "some words", "quelques mots"),
            PhoneNumber => say!(lang,
                "digits, spaces and +, such as \"01 40 85 57 00\"",
                "des chiffres, des espaces et +, comme \"01 40 85 57 00\""),
            EmailAddress => say!(lang,
                "an address such as contact@mairie.fr",
                "une adresse comme contact@mairie.fr"),
            WebAddress => say!(lang,
                "an address starting with https://",
                "une adresse qui commence par https://"),
            SvgFile => say!(lang,
                "the name of an SVG file published beside the page, e.g. `logo.svg`",
                "le nom d'un fichier SVG publié à côté de la page, par exemple `logo.svg`"),

            ADimension => say!(lang,
                "at least one skill area, such as {{ id: bases, label: \"Bases\" }}",
                "au moins un domaine de compétences, comme {{ id: bases, label: \"Bases\" }}"),
            OptionScoring { dimension } => say!(lang,
                "at least one option with `scores: {{ {dimension}: … }}`",
                "au moins une réponse avec `scores: {{ {dimension}: … }}`"),
            LevelBands => say!(lang,
                "bands such as {{ id: debutant, below: 40 }} … and a last one without `below`",
                "des tranches comme {{ id: debutant, below: 40 }} … et une dernière sans `below`"),
            PercentFrom1To100 => say!(lang,
                "a percentage from 1 to 100",
                "un pourcentage de 1 à 100"),
            PercentAbove { previous } => say!(lang,
                "a percentage above {previous}",
                "un pourcentage au-dessus de {previous}"),
            OpenLastLevel => say!(lang,
                "a last level without `below`, which takes everything above",
                "un dernier niveau sans `below`, qui prend tout le reste"),
            BelowAbove { previous } => say!(lang,
                "`below: N` with N above {previous}",
                "`below: N` avec N au-dessus de {previous}"),
            AParcours => say!(lang,
                "at least one parcours to recommend",
                "au moins un parcours à recommander"),
            DateFormat => say!(lang,
                "a date written YYYY-MM-DD, such as 2026-09-12",
                "une date écrite AAAA-MM-JJ, comme 2026-09-12"),
            DateFrom { date } => say!(lang, "a date on or after {date}", "une date le {date} ou après"),
            SessionsOrPeriods => say!(lang,
                "either `sessions` (one period) or `periods` (a list of periods)",
                "soit `sessions` (une période), soit `periods` (une liste de périodes)"),
            PeriodNotOver => say!(lang,
                "a period that is not over",
                "une période qui n'est pas encore passée"),

            TwoSteps => say!(lang,
                "at least two steps, from the weakest to the strongest",
                "au moins deux niveaux, du plus faible au plus fort"),
            StepValue => say!(lang,
                "`value: N`; each question says which dimensions the scale scores",
                "`value: N` ; chaque question dit quelles dimensions l'échelle note"),
            NoValueOnDontKnow => say!(lang,
                "no `value` on a step with `dont-know: true`",
                "pas de `value` sur un niveau avec `dont-know: true`"),
            StepPoints => say!(lang,
                "`value: N`, the points of this step (0 for the weakest)",
                "`value: N`, les points de ce niveau (0 pour le plus faible)"),
            WholeNumberUpTo { max } => say!(lang,
                "a whole number from 0 to {max}",
                "un nombre entier de 0 à {max}"),
            AtMostOptions { max } => say!(lang, "at most {max} options", "au plus {max} réponses"),
            OneDontKnow => say!(lang,
                "at most one option with `dont-know: true`",
                "au plus une réponse avec `dont-know: true`"),
            NoScoresOnDontKnow => say!(lang,
                "no `scores` on an option with `dont-know: true`",
                "pas de `scores` sur une réponse avec `dont-know: true`"),
            OptionScores => say!(lang,
                "`scores: {{ dimension: points }}` on a question's options",
                "`scores: {{ dimension: points }}` sur les réponses d'une question"),
            ScaleNoOptions => say!(lang,
                "`scale: <scale id>` and no `options`",
                "`scale: <échelle>` et pas d'`options`"),
            ScaleOneOf(ids) => {
                let scales = ids.one_of(lang);
                say!(lang, "`scale:` with {scales}", "`scale:` avec {scales}")
            }
            ScaleOrOptions => say!(lang,
                "`kind: scale`, or `options:` without `scale:`",
                "`kind: scale`, ou `options:` sans `scale:`"),
            ScoresOnEachOption => say!(lang,
                "scores on each option: `options: [ {{ id: …, scores: {{ dimension: points }} }} ]`",
                "des points sur chaque réponse : `options: [ {{ id: …, scores: {{ dimension: points }} }} ]`"),
            YesNoOptions => say!(lang,
                "a yes option and a no option, and possibly one with `dont-know: true`",
                "une réponse oui et une réponse non, et éventuellement une avec `dont-know: true`"),
            TwoOrMoreOptions => say!(lang, "two or more options", "deux réponses ou plus"),
            OneOrMoreOptions => say!(lang, "one or more options", "une réponse ou plus"),
            AQuestion => say!(lang, "at least one question", "au moins une question"),
            ASection => say!(lang,
                "at least one section with questions",
                "au moins une section avec des questions"),

            RulesExample => say!(lang,
                "rules such as `- when: … parcours: …`, ending with `- otherwise: true`",
                "des règles comme `- when: … parcours: …`, terminées par `- otherwise: true`"),
            WhenOrOtherwise => say!(lang,
                "`when: <condition>` or `otherwise: true`",
                "`when: <condition>` ou `otherwise: true`"),
            OtherwiseOrWhen => say!(lang,
                "`otherwise: true`, or a `when:` condition",
                "`otherwise: true`, ou une condition `when:`"),
            AnotherParcours => say!(lang,
                "another parcours, or no `next`",
                "un autre parcours, ou pas de `next`"),
            LastRuleAlways => say!(lang,
                "a last rule that always holds",
                "une dernière règle toujours vraie"),
            RuleFor { parcours } => say!(lang,
                "a rule with `parcours: {parcours}`",
                "une règle avec `parcours: {parcours}`"),

            Comparison => say!(lang,
                "`==`, `!=`, `<`, `<=`, `>` or `>=`",
                "`==`, `!=`, `<`, `<=`, `>` ou `>=`"),
            ConditionCharacters => say!(lang,
                "names, numbers, `(`, `)`, `,` and comparisons such as `==`",
                "des noms, des nombres, `(`, `)`, `,` et des comparaisons comme `==`"),
            AndOrEnd => say!(lang,
                "`and`, `or`, or the end of the condition",
                "`and`, `or`, ou la fin de la condition"),
            CloseParen => say!(lang, "`)`", "`)`"),
            CommaThenOptionId => say!(lang,
                "`,` then an option id",
                "`,` puis un identifiant de réponse"),
            OptionId => say!(lang, "an option id", "un identifiant de réponse"),
            QuestionId => say!(lang, "a question id", "un identifiant de question"),
            DimensionId => say!(lang, "a dimension id", "un identifiant de dimension"),
            TestExample => say!(lang,
                "a test such as `answer(question) == option`, `level(dimension) == level` or `chosen(question, option)`",
                "un test comme `answer(question) == réponse`, `level(dimension) == niveau` ou `chosen(question, réponse)`"),
            TestOrGroup => say!(lang,
                "a test such as `answer(question) == option`, `(`, `not`, `true`",
                "un test comme `answer(question) == réponse`, `(`, `not`, `true`"),
            SingleAnswerQuestion => say!(lang,
                "a single-choice, yes-no or scale question",
                "une question à choix unique, oui-non ou à échelle"),
            EqualOrNot => say!(lang, "`==` or `!=`", "`==` ou `!=`"),
            EarlierAnswersTest => say!(lang,
                "a test on earlier answers: `answer`, `chosen` or `answered`",
                "un test sur des réponses précédentes : `answer`, `chosen` ou `answered`"),
            Percentage => say!(lang, "a number from 0 to 100", "un nombre de 0 à 100"),
            WholeNumberSuchAs { n } => say!(lang, "a whole number such as {n}", "un nombre entier comme {n}"),
            Functions => say!(lang,
                "answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know",
                "`answer`, `chosen`, `answered`, `score`, `percent`, `level`, `evaluated`, `miscalibrated` ou `dont-know`"),
            KnowledgeQuestionId => say!(lang,
                "the id of a knowledge question",
                "l'identifiant d'une question de connaissance"),
            CheckQuestion => say!(lang,
                "a single-choice or yes-no question with one right answer",
                "une question à choix unique ou oui-non, avec une bonne réponse"),
            RightAnswerScores { dimension } => say!(lang,
                "a question whose right answer has `scores: {{ {dimension}: … }}`",
                "une question dont la bonne réponse a `scores: {{ {dimension}: … }}`"),
            EachCheckOnce => say!(lang, "each question listed once", "chaque question citée une seule fois"),
            SelfRatingQuestions => say!(lang,
                "scale questions that score this dimension, for the checks to compare with",
                "des questions à échelle qui notent cette dimension, à comparer aux vérifications"),
            ShareOfPoints => say!(lang, "a share of the points, such as 50", "une part des points, par exemple 50"),
            DimensionWithChecks => say!(lang,
                "a dimension that lists its knowledge questions under `checks:`",
                "une dimension qui liste ses questions de connaissance sous `checks:`"),
            IdOfQuestion => say!(lang, "the id of a question", "l'identifiant d'une question"),
            EarlierQuestion => say!(lang,
                "a question asked before this one",
                "une question posée avant celle-ci"),
            Untranslated(text) => text.clone(),
        }
    }

    pub(crate) fn has_french(&self) -> bool {
        !matches!(self, Expected::Untranslated(_))
    }
}

/// How to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Hint {
    // The file and its shape.
    FormatExample,
    SaveAsUtf8,
    RightFile,
    RunOfBrackets,
    FixAndCheckAgain,
    CheckKeySpelling,
    UseListedValue,
    AddKey,
    QuotesAndLists,
    KeyOnce,
    NoDeepNesting,
    CheckIndentation,

    // Header, ids and texts.
    ReadsFormat {
        version: u32,
    },
    TownInitials,
    WriteIdAs {
        id: String,
    },
    RenameOne,
    DeclareLanguage,
    /// Keep a language in one place: inline or in a translation file.
    OneLanguagePlace,
    /// Once a native speaker has read it: `reviewed: true`.
    MarkReviewed,
    /// `- { fr: "…", ar: "…" }` in the translation file.
    AddTranslation {
        default: String,
        lang: String,
    },
    /// The default language's text changed: copy it again.
    CopyTextAgain {
        default: String,
    },
    RemoveOneTranslation,
    /// `translations: [{ language: ar }]`.
    DeclareTranslation {
        lang: String,
    },
    /// `{ fr: "…", en: "…" }` with the declared languages.
    WriteTextAs {
        languages: Vec<String>,
    },
    DidYouMean {
        id: String,
    },

    // Dimensions, levels, parcours and questions.
    ScoreSomeOptions,
    LevelsInOrder,
    RemoveLastBelow,
    NextPeriod,
    NextSessions,
    ReviewTranslation,
    SeparatePeriods,
    MoveSessionsIntoPeriods,
    ScoresOnQuestions,
    DontKnowCountedApart,
    DeclareDimension,
    DeclareScale,
    DeclareParcours,
    SingleToWriteOptions,
    SingleForMoreAnswers,
    AddQuestionOrRemoveSection,

    // Recommendation rules.
    MoveRuleUp,
    EndWithOtherwise,
    AddRuleOrRemoveParcours,

    // Conditions.
    ConditionWords,
    SplitRule,
    SplitCondition,
    TestStarts,
    UseChosen,
    ScoresAtTheEnd,
    DependOnEarlier,
    NotOnItself,
    CheckQuestionSpelling,

    // Calibration and coverage
    ChecksCompareWithRatings,
    AddChecks,
    LeaveOutFor50,
    RemoveChecksOrAddRatings,
}

impl Hint {
    pub(crate) fn render(&self, lang: Lang) -> String {
        use Hint::*;
        match self {
            FormatExample => say!(lang,
                "questionnaires/FORMAT.md has a complete example to start from",
                "questionnaires/FORMAT.md contient un exemple complet pour commencer"),
            SaveAsUtf8 => say!(lang,
                "save the file again choosing the UTF-8 encoding",
                "enregistrez à nouveau le fichier en choisissant l'encodage UTF-8"),
            RightFile => say!(lang,
                "check that this is the right file",
                "vérifiez qu'il s'agit du bon fichier"),
            RunOfBrackets => say!(lang,
                "check for a run of `[` or `{{`",
                "cherchez une suite de `[` ou de `{{`"),
            FixAndCheckAgain => say!(lang,
                "fix the problems above and check again",
                "corrigez les problèmes ci-dessus et vérifiez à nouveau"),
            CheckKeySpelling => say!(lang,
                "check the spelling of the key, or remove it",
                "vérifiez l'orthographe de la clé, ou retirez-la"),
            UseListedValue => say!(lang,
                "use one of the values listed",
                "utilisez l'une des valeurs indiquées"),
            AddKey => say!(lang,
                "add this key; questionnaires/FORMAT.md shows every key with an example",
                "ajoutez cette clé ; questionnaires/FORMAT.md montre chaque clé avec un exemple"),
            QuotesAndLists => say!(lang,
                "put text in quotes, numbers without quotes, lists as `- item` lines",
                "mettez le texte entre guillemets, les nombres sans guillemets, les listes en lignes `- élément`"),
            KeyOnce => say!(lang,
                "a key may appear only once in the same place: remove or rename one of the two",
                "une clé ne peut apparaître qu'une fois au même endroit : retirez ou renommez l'une des deux"),
            NoDeepNesting => say!(lang,
                "a questionnaire needs neither deep nesting nor many aliases (`*name`)",
                "un questionnaire n'a besoin ni d'imbrications profondes ni de nombreux alias (`*nom`)"),
            CheckIndentation => say!(lang,
                "check the indentation (spaces, not tabs) and that every `key: value` and `- item` is well formed",
                "vérifiez l'indentation (des espaces, pas de tabulations) et que chaque `clé: valeur` et `- élément` est bien écrit"),

            ReadsFormat { version } => say!(lang,
                "this version of the tool reads format {version}",
                "cette version de l'outil lit le format {version}"),
            TownInitials => say!(lang,
                "use the initials of the town",
                "utilisez les initiales de la ville"),
            WriteIdAs { id } => say!(lang, "write it `{id}`", "écrivez-le `{id}`"),
            RenameOne => say!(lang, "rename one of them", "renommez l'un des deux"),
            DeclareLanguage => say!(lang,
                "add it to `languages:` at the top, or remove this translation",
                "ajoutez-la à `languages:` en haut du fichier, ou retirez cette traduction"),
            OneLanguagePlace => say!(lang,
                "write a language either in each text (`languages`) or in a translation file (`translations`), not both",
                "écrivez une langue soit dans chaque texte (`languages`), soit dans un fichier de traduction (`translations`), pas les deux"),
            MarkReviewed => say!(lang,
                "once a native speaker has read it, write `reviewed: true`",
                "quand une personne dont c'est la langue l'a relue, écrivez `reviewed: true`"),
            AddTranslation { default, lang: code } => say!(lang,
                "add it to the `{code}` translation file: `- {default}: \"…\"` then `{code}: \"…\"` on the next line",
                "ajoutez-le au fichier de traduction `{code}` : `- {default}: \"…\"` puis `{code}: \"…\"` à la ligne suivante"),
            CopyTextAgain { default } => say!(lang,
                "the `{default}` text may have changed in the questionnaire: copy it again here, then check the translation",
                "le texte `{default}` a peut-être changé dans le questionnaire : recopiez-le ici, puis vérifiez la traduction"),
            RemoveOneTranslation => say!(lang,
                "keep one of the two",
                "gardez l'une des deux"),
            DeclareTranslation { lang: code } => say!(lang,
                "add `- {{ language: {code} }}` under `translations:` in the questionnaire",
                "ajoutez `- {{ language: {code} }}` sous `translations:` dans le questionnaire"),
            WriteTextAs { languages } => {
                let text = format!("{{ {}: \"…\" }}", languages.join(": \"…\", "));
                say!(lang, "write it as {text}", "écrivez-le ainsi : {text}")
            }
            DidYouMean { id } => say!(lang, "did you mean `{id}`?", "vouliez-vous dire `{id}` ?"),

            ScoreSomeOptions => say!(lang,
                "add scores to some options, or remove the dimension",
                "donnez des points à certaines réponses, ou retirez la dimension"),
            LevelsInOrder => say!(lang,
                "list the levels from the lowest to the highest",
                "listez les niveaux du plus bas au plus haut"),
            RemoveLastBelow => say!(lang,
                "remove `below` from the last level",
                "retirez `below` du dernier niveau"),
            NextPeriod => say!(lang,
                "add the next period to `periods`, with both its dates; until then residents are pointed to the permanence",
                "ajoutez la prochaine période dans `periods`, avec ses deux dates ; en attendant, les habitants sont orientés vers la permanence"),
            NextSessions => say!(lang,
                "give `sessions` the next period's dates, both `from` and `to`, or write `periods:` instead of `sessions:` to list several periods",
                "donnez à `sessions` les dates de la prochaine période, `from` et `to` toutes les deux, ou écrivez `periods:` à la place de `sessions:` pour en donner plusieurs"),
            ReviewTranslation => say!(lang,
                "update the translation to the new text, then remove `reviewed: false`",
                "mettez la traduction à jour d'après le nouveau texte, puis retirez `reviewed: false`"),
            SeparatePeriods => say!(lang,
                "end one period before the next one starts, or join them into one",
                "terminez une période avant que la suivante commence, ou réunissez-les en une seule"),
            MoveSessionsIntoPeriods => say!(lang,
                "move the `sessions` period into the `periods` list",
                "déplacez la période de `sessions` dans la liste `periods`"),
            ScoresOnQuestions => say!(lang,
                "move the scores to the questions as `scores: {{ dimension: weight }}`",
                "mettez les points sur les questions : `scores: {{ dimension: poids }}`"),
            DontKnowCountedApart => say!(lang,
                "\"Je ne sais pas\" scores nothing and is counted on its own",
                "« Je ne sais pas » ne rapporte rien et est compté à part"),
            DeclareDimension => say!(lang,
                "declare it under `dimensions:`",
                "déclarez-la sous `dimensions:`"),
            DeclareScale => say!(lang, "declare it under `scales:`", "déclarez-la sous `scales:`"),
            DeclareParcours => say!(lang, "declare it under `parcours:`", "déclarez-le sous `parcours:`"),
            SingleToWriteOptions => say!(lang,
                "use `kind: single` to write the options out",
                "utilisez `kind: single` pour écrire les réponses"),
            SingleForMoreAnswers => say!(lang,
                "use `kind: single` for more answers",
                "utilisez `kind: single` pour plus de réponses"),
            AddQuestionOrRemoveSection => say!(lang,
                "add a question or remove the section",
                "ajoutez une question ou retirez la section"),

            MoveRuleUp => say!(lang,
                "move it above that rule, or remove it",
                "placez-la avant cette règle, ou retirez-la"),
            EndWithOtherwise => say!(lang,
                "end the list with `- otherwise: true` and the parcours for everyone else",
                "terminez la liste par `- otherwise: true` et le parcours de tous les autres"),
            AddRuleOrRemoveParcours => say!(lang,
                "add a rule under `recommendation:`, or remove the parcours",
                "ajoutez une règle sous `recommendation:`, ou retirez le parcours"),

            ConditionWords => say!(lang,
                "write `and`, `or`, `not` as words; ids use lowercase letters, digits and `-`",
                "écrivez `and`, `or`, `not` en toutes lettres ; les identifiants n'ont que des minuscules, des chiffres et `-`"),
            SplitRule => say!(lang,
                "split the rule into several simpler rules",
                "découpez la règle en plusieurs règles plus simples"),
            SplitCondition => say!(lang,
                "split it into simpler rules",
                "découpez-la en règles plus simples"),
            TestStarts => say!(lang,
                "each test starts with answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know",
                "chaque test commence par `answer`, `chosen`, `answered`, `score`, `percent`, `level`, `evaluated`, `miscalibrated` ou `dont-know`"),
            UseChosen => say!(lang,
                "use `chosen(question, option)` to test one box of a multiple-choice question",
                "utilisez `chosen(question, réponse)` pour tester une case d'une question à choix multiple"),
            ScoresAtTheEnd => say!(lang,
                "scores are only known at the end; use them in the recommendation rules",
                "les points ne sont connus qu'à la fin : utilisez-les dans les règles de recommandation"),
            DependOnEarlier => say!(lang,
                "a question can only depend on answers already given: move it after the question it depends on",
                "une question ne peut dépendre que de réponses déjà données : placez-la après la question dont elle dépend"),
            NotOnItself => say!(lang,
                "a question cannot depend on its own answer",
                "une question ne peut pas dépendre de sa propre réponse"),
            CheckQuestionSpelling => say!(lang,
                "check the spelling against the questions' `id`",
                "vérifiez l'orthographe avec les `id` des questions"),
            ChecksCompareWithRatings => say!(lang,
                "self-ratings (scale questions) are what the checks are compared with",
                "les vérifications se comparent aux auto-évaluations (les questions à échelle)"),
            AddChecks => say!(lang,
                "add `checks: [question, …]` to the dimension, or remove this test",
                "ajoutez `checks: [question, …]` à la dimension, ou retirez ce test"),
            LeaveOutFor50 => say!(lang, "leave it out to use 50", "retirez-le pour utiliser 50"),
            RemoveChecksOrAddRatings => say!(lang,
                "remove `checks:` or add scale questions scoring this dimension",
                "retirez `checks:` ou ajoutez des questions à échelle qui notent cette dimension"),
        }
    }
}

/// What the YAML reader found where it expected something else (serde's
/// "unexpected" part of "invalid type: …, expected …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// `true` or `false`, as written.
    Boolean(String),
    Integer(String),
    Float(String),
    /// The text as serde quotes it, quotes included: `"abc"`.
    Text(String),
    Unit,
    Sequence,
    Map,
}

impl Found {
    fn render(&self, lang: Lang) -> String {
        match self {
            Found::Boolean(b) => say!(lang, "boolean `{b}`", "la valeur `{b}`"),
            Found::Integer(n) => say!(lang, "integer `{n}`", "le nombre entier `{n}`"),
            Found::Float(x) => say!(lang, "floating point `{x}`", "le nombre à virgule `{x}`"),
            Found::Text(s) => say!(lang, "string {s}", "le texte {s}"),
            Found::Unit => say!(lang, "unit value", "une valeur vide"),
            Found::Sequence => say!(lang, "sequence", "une liste"),
            Found::Map => say!(lang, "map", "une table `clé: valeur`"),
        }
    }
}

/// The kind of value the YAML reader expected, said for authors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TypeName {
    WholeNumber,
    Boolean,
    Text,
    /// A text, or one text per language (see `text.rs`).
    Translations,
    List,
    /// A mapping of named keys (one of the questionnaire's parts).
    Mapping,
    /// A mapping of any keys (`scores`).
    Map,
}

impl TypeName {
    pub(crate) fn render(&self, lang: Lang) -> String {
        match self {
            TypeName::WholeNumber => say!(
                lang,
                "a whole number, 0 or more",
                "un nombre entier, 0 ou plus"
            ),
            TypeName::Boolean => say!(lang, "true or false", "`true` ou `false`"),
            TypeName::Text => say!(lang, "a text", "un texte"),
            TypeName::Translations => say!(
                lang,
                "a text, or one text per language such as {{ fr: \"…\", en: \"…\" }}",
                "un texte, ou un texte par langue comme {{ fr: \"…\", en: \"…\" }}"
            ),
            TypeName::List => say!(
                lang,
                "a list (`- item` lines or [a, b])",
                "une liste (lignes `- élément` ou [a, b])"
            ),
            TypeName::Mapping => say!(
                lang,
                "a mapping of `key: value` lines",
                "des lignes `clé: valeur`"
            ),
            TypeName::Map => say!(lang, "a map", "des paires `clé: valeur`"),
        }
    }
}

/// A syntax error of the YAML reader, as libyaml words it:
/// `problem[ at position P][, context[ at line L column C]]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Syntax {
    pub problem: ReaderText,
    /// Byte offset of the problem, when the reader gives no line.
    pub position: Option<usize>,
    pub context: Option<ReaderText>,
    /// Line and column where the context (a list, a text…) starts.
    pub context_at: Option<(usize, usize)>,
}

impl Syntax {
    fn render(&self, lang: Lang) -> String {
        let mut out = self.problem.render(lang).to_owned();
        if let Some(p) = self.position {
            out += &say!(lang, " at position {p}", " à la position {p}");
        }
        if let Some(context) = self.context {
            out += ", ";
            out += context.render(lang);
            if let Some((line, column)) = self.context_at {
                out += &say!(
                    lang,
                    " at line {line} column {column}",
                    " (début ligne {line}, colonne {column})"
                );
            }
        }
        out
    }
}

/// One of the YAML reader's fixed texts with its French, from
/// [`READER_PROBLEMS`] or [`READER_CONTEXTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReaderText {
    pub en: &'static str,
    pub fr: &'static str,
}

impl ReaderText {
    fn render(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

/// The problems libyaml and serde_yaml report, `(English, French)`: the
/// English exactly as they write it.
#[cfg(feature = "yaml")]
pub(crate) const READER_PROBLEMS: &[(&str, &str)] = &[
    ("did not find expected key", "il manque une clé"),
    ("did not find expected ',' or ']'", "il manque `,` ou `]`"),
    ("did not find expected ',' or '}'", "il manque `,` ou `}`"),
    (
        "did not find expected '-' indicator",
        "il manque le tiret `-` d'un élément de liste",
    ),
    ("did not find expected node content", "il manque une valeur"),
    (
        "did not find expected <document start>",
        "il manque le début du document (`---`)",
    ),
    (
        "did not find expected <stream-start>",
        "il manque le début du fichier",
    ),
    (
        "did not find expected whitespace or line break",
        "il manque une espace ou un retour à la ligne",
    ),
    (
        "did not find expected comment or line break",
        "il manque un commentaire ou un retour à la ligne",
    ),
    ("did not find expected whitespace", "il manque une espace"),
    ("did not find expected '!'", "il manque `!`"),
    ("did not find the expected '>'", "il manque `>`"),
    (
        "did not find expected tag URI",
        "il manque l'adresse de l'étiquette",
    ),
    (
        "did not find expected version number",
        "il manque le numéro de version",
    ),
    (
        "did not find expected hexadecimal number",
        "il manque un nombre hexadécimal",
    ),
    (
        "did not find expected digit or '.' character",
        "il manque un chiffre ou `.`",
    ),
    (
        "did not find expected alphabetic or numeric character",
        "il manque une lettre ou un chiffre",
    ),
    (
        "did not find URI escaped octet",
        "il manque un octet échappé dans l'adresse",
    ),
    ("could not find expected ':'", "il manque `:`"),
    (
        "could not find expected directive name",
        "il manque le nom de la directive",
    ),
    (
        "mapping values are not allowed in this context",
        "une valeur « clé: valeur » n'est pas permise ici",
    ),
    (
        "mapping keys are not allowed in this context",
        "une clé n'est pas permise ici",
    ),
    (
        "block sequence entries are not allowed in this context",
        "un élément de liste `- …` n'est pas permis ici",
    ),
    (
        "found character that cannot start any token",
        "un caractère qui ne peut commencer aucun élément YAML",
    ),
    (
        "found a tab character that violates indentation",
        "une tabulation casse l'indentation",
    ),
    (
        "found a tab character where an indentation space is expected",
        "une tabulation à la place d'une espace d'indentation",
    ),
    (
        "found unknown escape character",
        "un caractère inconnu après `\\`",
    ),
    (
        "found invalid Unicode character escape code",
        "un code de caractère Unicode invalide après `\\`",
    ),
    (
        "found unexpected end of stream",
        "le fichier se termine trop tôt",
    ),
    (
        "found unexpected document indicator",
        "un séparateur de document (`---` ou `...`) inattendu",
    ),
    ("found unexpected ':'", "`:` inattendu"),
    (
        "found undefined tag handle",
        "un préfixe d'étiquette non déclaré",
    ),
    (
        "found unknown directive name",
        "un nom de directive inconnu",
    ),
    (
        "found unexpected non-alphabetical character",
        "un caractère non alphabétique inattendu",
    ),
    (
        "found an indentation indicator equal to 0",
        "un indicateur d'indentation égal à 0",
    ),
    (
        "found incompatible YAML document",
        "un document YAML d'une version incompatible",
    ),
    (
        "found extremely long version number",
        "un numéro de version beaucoup trop long",
    ),
    (
        "found duplicate %YAML directive",
        "une directive %YAML en double",
    ),
    (
        "found duplicate %TAG directive",
        "une directive %TAG en double",
    ),
    (
        "control characters are not allowed",
        "les caractères de contrôle ne sont pas permis",
    ),
    (
        "unknown anchor",
        "un alias (`*nom`) sans ancre (`&nom`) avant lui",
    ),
    (
        "recursion limit exceeded",
        "les imbrications dépassent la limite",
    ),
    (
        "repetition limit exceeded",
        "les alias (`*nom`) dépassent la limite de répétitions",
    ),
    (
        "EOF while parsing a value",
        "le fichier se termine au milieu d'une valeur",
    ),
    (
        "deserializing from YAML containing more than one document is not supported",
        "le fichier contient plus d'un document YAML (séparés par `---`)",
    ),
    (
        "empty YAML tag is not allowed",
        "une étiquette YAML vide n'est pas permise",
    ),
    ("failed to parse YAML number", "un nombre YAML illisible"),
];

/// Where libyaml was when it found the problem, `(English, French)`.
#[cfg(feature = "yaml")]
pub(crate) const READER_CONTEXTS: &[(&str, &str)] = &[
    (
        "while parsing a block mapping",
        "en lisant des lignes `clé: valeur`",
    ),
    (
        "while parsing a block collection",
        "en lisant une liste ou des lignes `clé: valeur`",
    ),
    (
        "while parsing a flow mapping",
        "en lisant une table entre accolades `{ }`",
    ),
    (
        "while parsing a flow sequence",
        "en lisant une liste entre crochets `[ ]`",
    ),
    ("while parsing a block node", "en lisant une valeur"),
    ("while parsing a flow node", "en lisant une valeur"),
    ("while parsing a node", "en lisant une valeur"),
    (
        "while parsing a quoted scalar",
        "en lisant un texte entre guillemets",
    ),
    ("while parsing a tag", "en lisant une étiquette (`!…`)"),
    (
        "while parsing a %TAG directive",
        "en lisant une directive %TAG",
    ),
    (
        "while parsing a tag directive",
        "en lisant une directive %TAG",
    ),
    ("while scanning a simple key", "en lisant une clé"),
    (
        "while scanning a plain scalar",
        "en lisant un texte sans guillemets",
    ),
    (
        "while scanning a quoted scalar",
        "en lisant un texte entre guillemets",
    ),
    (
        "while scanning a block scalar",
        "en lisant un texte sur plusieurs lignes (`|` ou `>`)",
    ),
    (
        "while scanning for the next token",
        "en cherchant l'élément suivant",
    ),
    ("while scanning an anchor", "en lisant une ancre (`&nom`)"),
    ("while scanning an alias", "en lisant un alias (`*nom`)"),
    ("while scanning a tag", "en lisant une étiquette (`!…`)"),
    (
        "while scanning a directive",
        "en lisant une directive (`%…`)",
    ),
    (
        "while scanning a %YAML directive",
        "en lisant une directive %YAML",
    ),
    (
        "while scanning a %TAG directive",
        "en lisant une directive %TAG",
    ),
    (
        "while scanning a tag directive",
        "en lisant une directive %TAG",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that are English and not French: one of them outside backticks
    /// and quotes in a French text means English was left in it.
    const ENGLISH: &[&str] = &[
        "the", "is", "are", "an", "of", "with", "expected", "here", "found", "level", "scale",
        "language", "option", "options", "step", "while", "not", "no", "none", "declared", "more",
        "than", "line", "column", "value", "integer", "string", "sequence", "map", "floating",
        "unit", "boolean", "key", "text", "then", "at", "and", "did", "mean", "write", "add",
        "check", "move", "use", "remove", "number", "whole", "true", "false",
    ];

    /// The words of `text` outside `…` and "…" (and « … » keeps its words: it is French).
    fn bare_words(text: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut word = String::new();
        let mut inside: Option<char> = None;
        for c in text.chars() {
            match inside {
                Some(close) if c == close => inside = None,
                Some(_) => {}
                None if c == '`' || c == '"' => inside = Some(c),
                None if c.is_alphabetic() || c == '-' => {
                    word.push(c);
                    continue;
                }
                None => {}
            }
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        words.extend((!word.is_empty()).then_some(word));
        words
    }

    fn no_english(fr: &str) {
        for w in bare_words(fr) {
            assert!(
                !ENGLISH.contains(&w.to_lowercase().as_str()),
                "English word `{w}` in the French text: {fr}"
            );
        }
    }

    fn ids_of(list: &[&str]) -> Ids {
        Ids(list.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn french_is_written_whole_and_in_french() {
        let date = Date {
            year: 2026,
            month: 9,
            day: 1,
        };
        let things = [
            Thing::Questionnaire,
            Thing::Language,
            Thing::Dimension,
            Thing::Level,
            Thing::Parcours,
            Thing::Section,
            Thing::Question,
            Thing::Scale,
            Thing::Option,
            Thing::Pictogram,
        ];
        let id = || "x".to_owned();
        let mut messages = vec![
            Message::TooLarge { kb: 2, max_kb: 1 },
            Message::EmptyFile,
            Message::NestedTooDeep { max: 32 },
            Message::NotUtf8 { byte: 3 },
            Message::TooManyProblems { hidden: 2 },
            Message::TooManyProblems { hidden: 1 },
            Message::UnknownField {
                field: id(),
                known: ids_of(&[]),
            },
            Message::UnknownField {
                field: id(),
                known: ids_of(&["a", "b"]),
            },
            Message::UnknownField {
                field: id(),
                known: ids_of(&["a", "b", "c"]),
            },
            Message::UnknownVariant {
                value: id(),
                known: ids_of(&["a"]),
            },
            Message::MissingField { field: id() },
            Message::DuplicateField { field: id() },
            Message::LanguageTwice { lang: id() },
            Message::UnsupportedFormat { format: 2 },
            Message::EmptyVersion,
            Message::InvalidCodePrefix { prefix: id() },
            Message::NoLanguage,
            Message::InvalidLanguage { code: id() },
            Message::UndeclaredLanguage { lang: id() },
            Message::MissingTranslation { lang: id() },
            Message::TranslationAlsoInline { lang: id() },
            Message::TranslationNotReviewed { lang: id() },
            Message::UntranslatedText { lang: id() },
            Message::MoreUntranslated {
                lang: id(),
                count: 3,
            },
            Message::UnusedTranslation { lang: id() },
            Message::TranslationToReview { lang: id() },
            Message::PeriodsOverlap {
                parcours: id(),
                first: 1,
                second: 2,
            },
            Message::TranslationTwice,
            Message::TranslationPair {
                default: id(),
                lang: id(),
            },
            Message::UndeclaredTranslation { lang: id() },
            Message::EmptyText { lang: id() },
            Message::InvalidPhone { phone: id() },
            Message::InvalidEmail { email: id() },
            Message::InvalidWebsite { website: id() },
            Message::InvalidLogo { logo: id() },
            Message::NoDimension,
            Message::UnscoredDimension { id: id() },
            Message::NoLevel,
            Message::BelowOver100 { below: 140 },
            Message::BandOverlap {
                below: 3,
                previous: 4,
            },
            Message::LevelGap { from: 90 },
            Message::BelowLeftOut { id: id() },
            Message::NoParcours,
            Message::InvalidDate { text: id() },
            Message::DatesReversed {
                from: date,
                to: date,
            },
            Message::SessionsAndPeriods,
            Message::SessionsOver {
                parcours: id(),
                today: date,
                last: date,
            },
            Message::TooFewSteps {
                scale: id(),
                steps: 1,
            },
            Message::TooFewSteps {
                scale: id(),
                steps: 2,
            },
            Message::StepWithScores,
            Message::DontKnowStepValue,
            Message::StepWithoutValue { step: id() },
            Message::ValueTooLarge {
                value: 200,
                max: 100,
            },
            Message::TooManyOptions { count: 40 },
            Message::DontKnowTwice,
            Message::DontKnowScored,
            Message::ValueOnOption,
            Message::UnknownDimension { id: id() },
            Message::PointsTooLarge {
                points: 200,
                max: 100,
            },
            Message::ScaleWithOptions,
            Message::MissingScale,
            Message::UnknownScale { id: id() },
            Message::ScaleOnOtherKind,
            Message::ScoresOnOtherKind,
            Message::YesNoCount { answers: 3 },
            Message::SingleCount { answers: 1 },
            Message::MultipleWithoutOption,
            Message::EmptySection,
            Message::NoQuestion,
            Message::NoRule,
            Message::WhenAndOtherwise,
            Message::OtherwiseFalse,
            Message::NeitherWhenNorOtherwise,
            Message::UnknownParcours { id: id() },
            Message::NextIsSame,
            Message::UnreachableRule { rule: 1 },
            Message::LastRuleNotAlways,
            Message::UnreachableParcours { id: id() },
            Message::LoneOperator { op: '=' },
            Message::NumberTooLarge,
            Message::UnexpectedCharacter { found: '&' },
            Message::ConditionTooLong { max: 2000 },
            Message::TextAfterEnd,
            Message::ConditionTooDeep { max: 32 },
            Message::ExpectedTest,
            Message::ExpectedComparison,
            Message::NotATest { name: id() },
            Message::AnswerOnMultiple,
            Message::UnorderedAnswers,
            Message::ScoreInShowIf { function: id() },
            Message::DontKnowInShowIf,
            Message::UnknownLevel { id: id() },
            Message::PercentOver100,
            Message::LevelNotComparedWithLevel,
            Message::NotComparedWithNumber { function: id() },
            Message::DontKnowNotComparedWithNumber,
            Message::UnknownFunction { name: id() },
            Message::UnknownQuestion { id: id() },
            Message::ForwardReference { id: id() },
            Message::SelfReference { id: id() },
            Message::UnknownOption { id: id() },
            Message::CheckNotSingle { id: id() },
            Message::CheckScoresNothing {
                id: id(),
                dimension: id(),
            },
            Message::DuplicateCheck { id: id() },
            Message::NoSelfRatings { dimension: id() },
            Message::InvalidCoverageThreshold { value: 0 },
            Message::NoChecks { dimension: id() },
        ];
        for what in things {
            messages.push(Message::InvalidId { id: id(), what });
            messages.push(Message::DuplicateId { id: id(), what });
        }
        let founds = [
            Found::Boolean("true".into()),
            Found::Integer("-1".into()),
            Found::Float("0.5".into()),
            Found::Text("\"un\"".into()),
            Found::Unit,
            Found::Sequence,
            Found::Map,
        ];
        let types = [
            TypeName::WholeNumber,
            TypeName::Boolean,
            TypeName::Text,
            TypeName::Translations,
            TypeName::List,
            TypeName::Mapping,
            TypeName::Map,
        ];
        for found in &founds {
            for expected in &types {
                messages.push(Message::WrongType {
                    found: found.clone(),
                    expected: expected.clone(),
                });
                messages.push(Message::WrongValue {
                    found: found.clone(),
                    expected: expected.clone(),
                });
            }
        }
        #[cfg(feature = "yaml")]
        for &(en, fr) in READER_PROBLEMS {
            for &(cen, cfr) in READER_CONTEXTS.iter().take(3) {
                messages.push(Message::Syntax(Syntax {
                    problem: ReaderText { en, fr },
                    position: Some(3),
                    context: Some(ReaderText { en: cen, fr: cfr }),
                    context_at: Some((1, 2)),
                }));
            }
        }
        #[cfg(feature = "yaml")]
        for &(en, fr) in READER_CONTEXTS {
            messages.push(Message::Syntax(Syntax {
                problem: ReaderText {
                    en: "found unexpected ':'",
                    fr: "`:` inattendu",
                },
                position: None,
                context: Some(ReaderText { en, fr }),
                context_at: None,
            }));
        }
        let mut expected = vec![
            Expected::QuestionnaireStart,
            Expected::Utf8Text,
            Expected::ShallowNesting,
            Expected::Format { version: 1 },
            Expected::VersionExample,
            Expected::CodePrefix,
            Expected::LanguageList,
            Expected::LanguageCode,
            Expected::IdSyntax,
            Expected::OneOf(ids_of(&[])),
            Expected::OneOf(ids_of(&["a"])),
            Expected::OneOf(ids_of(&["a", "b", "c"])),
            Expected::TextInEachLanguage(ids_of(&["fr", "en"])),
            Expected::SomeWords,
            Expected::PhoneNumber,
            Expected::EmailAddress,
            Expected::WebAddress,
            Expected::SvgFile,
            Expected::ADimension,
            Expected::OptionScoring { dimension: id() },
            Expected::LevelBands,
            Expected::PercentFrom1To100,
            Expected::PercentAbove { previous: 40 },
            Expected::OpenLastLevel,
            Expected::BelowAbove { previous: 40 },
            Expected::AParcours,
            Expected::DateFormat,
            Expected::DateFrom { date },
            Expected::SessionsOrPeriods,
            Expected::PeriodNotOver,
            Expected::TwoSteps,
            Expected::StepValue,
            Expected::NoValueOnDontKnow,
            Expected::StepPoints,
            Expected::WholeNumberUpTo { max: 100 },
            Expected::AtMostOptions { max: 32 },
            Expected::OneDontKnow,
            Expected::NoScoresOnDontKnow,
            Expected::OptionScores,
            Expected::ScaleNoOptions,
            Expected::ScaleOneOf(ids_of(&["a", "b"])),
            Expected::ScaleOrOptions,
            Expected::ScoresOnEachOption,
            Expected::YesNoOptions,
            Expected::TwoOrMoreOptions,
            Expected::OneOrMoreOptions,
            Expected::AQuestion,
            Expected::ASection,
            Expected::RulesExample,
            Expected::WhenOrOtherwise,
            Expected::OtherwiseOrWhen,
            Expected::AnotherParcours,
            Expected::LastRuleAlways,
            Expected::RuleFor { parcours: id() },
            Expected::Comparison,
            Expected::ConditionCharacters,
            Expected::AndOrEnd,
            Expected::CloseParen,
            Expected::CommaThenOptionId,
            Expected::OptionId,
            Expected::QuestionId,
            Expected::DimensionId,
            Expected::TestExample,
            Expected::TestOrGroup,
            Expected::SingleAnswerQuestion,
            Expected::EqualOrNot,
            Expected::EarlierAnswersTest,
            Expected::Percentage,
            Expected::WholeNumberSuchAs { n: 3 },
            Expected::Functions,
            Expected::KnowledgeQuestionId,
            Expected::CheckQuestion,
            Expected::RightAnswerScores { dimension: id() },
            Expected::EachCheckOnce,
            Expected::SelfRatingQuestions,
            Expected::ShareOfPoints,
            Expected::DimensionWithChecks,
            Expected::IdOfQuestion,
            Expected::EarlierQuestion,
        ];
        expected.extend(things.map(|what| Expected::DifferentId { what }));
        expected.extend(types.iter().cloned().map(Expected::Type));
        for what in &expected {
            messages.push(Message::ExpectedHere { what: what.clone() });
        }
        let hints = [
            Hint::FormatExample,
            Hint::SaveAsUtf8,
            Hint::RightFile,
            Hint::RunOfBrackets,
            Hint::FixAndCheckAgain,
            Hint::CheckKeySpelling,
            Hint::UseListedValue,
            Hint::AddKey,
            Hint::QuotesAndLists,
            Hint::KeyOnce,
            Hint::NoDeepNesting,
            Hint::CheckIndentation,
            Hint::ReadsFormat { version: 1 },
            Hint::TownInitials,
            Hint::WriteIdAs { id: id() },
            Hint::RenameOne,
            Hint::DeclareLanguage,
            Hint::OneLanguagePlace,
            Hint::MarkReviewed,
            Hint::AddTranslation {
                default: id(),
                lang: id(),
            },
            Hint::CopyTextAgain { default: id() },
            Hint::RemoveOneTranslation,
            Hint::DeclareTranslation { lang: id() },
            Hint::WriteTextAs {
                languages: vec!["fr".into(), "en".into()],
            },
            Hint::DidYouMean { id: id() },
            Hint::ScoreSomeOptions,
            Hint::LevelsInOrder,
            Hint::RemoveLastBelow,
            Hint::NextPeriod,
            Hint::NextSessions,
            Hint::ReviewTranslation,
            Hint::SeparatePeriods,
            Hint::MoveSessionsIntoPeriods,
            Hint::ScoresOnQuestions,
            Hint::DontKnowCountedApart,
            Hint::DeclareDimension,
            Hint::DeclareScale,
            Hint::DeclareParcours,
            Hint::SingleToWriteOptions,
            Hint::SingleForMoreAnswers,
            Hint::AddQuestionOrRemoveSection,
            Hint::MoveRuleUp,
            Hint::EndWithOtherwise,
            Hint::AddRuleOrRemoveParcours,
            Hint::ConditionWords,
            Hint::SplitRule,
            Hint::SplitCondition,
            Hint::TestStarts,
            Hint::UseChosen,
            Hint::ScoresAtTheEnd,
            Hint::DependOnEarlier,
            Hint::NotOnItself,
            Hint::CheckQuestionSpelling,
            Hint::ChecksCompareWithRatings,
            Hint::AddChecks,
            Hint::LeaveOutFor50,
            Hint::RemoveChecksOrAddRatings,
        ];
        let texts = messages
            .iter()
            .map(|m| (m.render(Lang::En), m.render(Lang::Fr), m.has_french()))
            .chain(
                expected
                    .iter()
                    .map(|e| (e.render(Lang::En), e.render(Lang::Fr), e.has_french())),
            )
            .chain(
                hints
                    .iter()
                    .map(|h| (h.render(Lang::En), h.render(Lang::Fr), true)),
            );
        for (en, fr, has_french) in texts {
            assert!(has_french, "no French for {en}");
            no_english(&fr);
            // Only a text made of code (`)`, `format: 1`) reads the same in both languages.
            let code_only = bare_words(&en).is_empty() || en.starts_with("format:");
            assert!(en != fr || code_only, "the French is the English: {en}");
        }
    }

    #[test]
    fn untranslated_reader_texts_have_no_french() {
        let text = "something new".to_owned();
        assert!(!Message::Untranslated(text.clone()).has_french());
        assert_eq!(Message::Untranslated(text.clone()).render(Lang::Fr), text);
        assert!(!Expected::Untranslated(text).has_french());
    }

    #[test]
    fn lists_read_naturally_in_each_language() {
        let three = ids_of(&["a", "b", "c"]);
        assert_eq!(
            Expected::OneOf(three.clone()).render(Lang::En),
            "one of `a`, `b`, `c`"
        );
        assert_eq!(Expected::OneOf(three).render(Lang::Fr), "`a`, `b` ou `c`");
        assert_eq!(
            Expected::OneOf(ids_of(&[])).render(Lang::En),
            "one of (none declared)"
        );
        assert_eq!(
            Message::DuplicateId {
                id: "x".into(),
                what: Thing::Scale
            }
            .render(Lang::Fr),
            "l'identifiant d'échelle `x` est utilisé deux fois"
        );
        assert_eq!(
            Message::ExpectedHere {
                what: Expected::OptionId
            }
            .render(Lang::Fr),
            "ici, il faut un identifiant de réponse"
        );
        assert_eq!(
            Message::UnknownField {
                field: "x".into(),
                known: ids_of(&["a", "b"])
            }
            .render(Lang::En),
            "unknown field `x`, expected `a` or `b`"
        );
    }
}
