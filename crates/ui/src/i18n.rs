//! The resident's interface strings: French and English here, compiled in;
//! Arabic, Portuguese and Turkish in `lang/`, written into `ui.<code>.json` by
//! the site build and fetched only when chosen. Everything else the resident
//! reads comes from the questionnaire (and its translation files).
//!
//! Adding a language: a variant of [`Lang`] (code, own name, locale), a file
//! `lang/<code>.rs` with one arm per [`Msg`] (the compiler refuses a missing
//! one), its line in `lang/mod.rs`, and the questionnaire's translation file
//! (see FORMAT.md, "Translations").

/// An interface language. French and English are compiled in; the others'
/// strings are fetched with their questionnaire texts when chosen
/// ([`load_strings`]), so they cost the first load nothing.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Lang {
    /// Français (the default).
    Fr,
    /// English.
    En,
    /// العربية (right to left).
    Ar,
    /// Português.
    Pt,
    /// Türkçe.
    Tr,
}

impl Lang {
    /// Every language the interface speaks, in the order offered.
    pub const ALL: [Lang; 5] = [Lang::Fr, Lang::En, Lang::Ar, Lang::Pt, Lang::Tr];

    /// From a language code; anything unknown is French.
    pub fn from_code(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::Fr)
    }
    /// From a language code (`ar`, or a browser's `ar-MA`), if the interface speaks it.
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(base))
    }
    /// The language code, for `lang` attributes and questionnaire texts.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Pt => "pt",
            Lang::Tr => "tr",
        }
    }
    /// The language's own name, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
            Lang::Ar => "العربية",
            Lang::Pt => "Português",
            Lang::Tr => "Türkçe",
        }
    }
    /// Whether it is written right to left (`dir="rtl"` on the document).
    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }
    /// The browser locale for its dates and numbers (Latin digits in Arabic,
    /// as the town's texts and the result code write them).
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Fr => "fr-FR",
            Lang::En => "en-GB",
            Lang::Ar => "ar-u-nu-latn",
            Lang::Pt => "pt-PT",
            Lang::Tr => "tr-TR",
        }
    }
    /// Whether its strings are compiled in (the others are fetched).
    pub fn built_in(self) -> bool {
        matches!(self, Lang::Fr | Lang::En)
    }
}

macro_rules! messages {
    ($($variant:ident),* $(,)?) => {
        /// Every interface string of the resident's screens; each variant is
        /// documented by its French text in [`Msg::get`].
        #[allow(missing_docs)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum Msg {
            $($variant),*
        }
        impl Msg {
            /// Every message, in order: a fetched language's strings come in this order.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant),*];
        }
    };
}

messages! {
    Start,
    Resume,
    Restart,
    SavedProgress,
    SavedStarted,
    SavedResult,
    SavedResultUndated,
    ViewSavedResult,
    StartNew,
    ConfirmErase,
    SharedComputer,
    SharedComputerText,
    Duration,
    Private,
    ParcoursIntro,
    Language,
    QuestionOf,
    Previous,
    Next,
    SeeResult,
    Help,
    ReadAloud,
    ChooseAnswer,
    SeveralAnswers,
    ResultHeading,
    WeRecommend,
    Why,
    WhatYouLearn,
    Sessions,
    Period,
    Place,
    Register,
    Call,
    NextStep,
    Then,
    Permanence,
    Profile,
    NotAssessed,
    YourCode,
    CodeExplain,
    Print,
    Clear,
    Cleared,
    SessionsOver,
    SessionRunning,
    SessionNext,
    NoDatesYet,
    AskPermanence,
    Partial,
    Continue,
    NeedHelp,
    OnlyIfAnswered,
    UnlessAnswered,
    OnlyIfAtLeast,
    OnlyIfOther,
    EnoughToAdvise,
    EnoughToAdviseText,
    SeeResultNow,
    NotNeeded,
    AnswerTheRest,
    ToCheckTogether,
    OverRated,
    UnderRated,
    LowConfidence,
    PaperVersion,
    PaperIntro,
    TickOne,
    TickAny,
    PrintPaper,
    Back,
    Name,
    Date,
    StorageCorrupt,
    StorageOtherVersion,
    StorageUnavailable,
    Dismiss,
    ErrorTitle,
    ErrorText,
    ErrorDetails,
    SkipToContent,
    SheetTitle,
    Loading,
    Colon,
    OtherTab,
    TrialBanner,
    BackToPreview,
    SpeechRate,
    RateSlow,
    RateNormal,
    LanguageFailed,
    LanguageOutOfStep,
    Unavailable,
    ForTheAdvisor,
}

/// Where a French text breaks French typography: a plain space before `?`,
/// `!`, `:`, `;` or inside « » lets the sign wrap alone to the next line
/// (French wants a non-breaking one). For the catalogues' tests.
pub fn loose_french_spacing(text: &str) -> Option<&'static str> {
    [" ?", " !", " :", " ;", "« ", " »"]
        .into_iter()
        .find(|plain| text.contains(plain))
}

/// A percentage as the language writes it: "40 %" (non-breaking) in French,
/// "%40" in Turkish, "40%" elsewhere.
pub fn percent(p: u32, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{p}\u{a0}%"),
        Lang::Tr => format!("%{p}"),
        _ => format!("{p}%"),
    }
}

impl Msg {
    /// The string in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use Msg::*;
        let (fr, en) = match self {
            Start => ("Commencer", "Start"),
            Resume => ("Reprendre là où vous en étiez", "Continue where you left off"),
            Restart => ("Recommencer", "Start again"),
            SavedStarted => ("Un questionnaire commencé le {date} est enregistré sur cet appareil.", "A questionnaire started on {date} is saved on this device."),
            SavedResult => ("Un résultat du {date} est enregistré sur cet appareil. Si ce n'est pas le vôtre, commencez un nouveau questionnaire.", "A result from {date} is saved on this device. If it is not yours, start a new questionnaire."),
            SavedResultUndated => ("Un résultat est enregistré sur cet appareil. Si ce n'est pas le vôtre, commencez un nouveau questionnaire.", "A result is saved on this device. If it is not yours, start a new questionnaire."),
            ViewSavedResult => ("Voir ce résultat", "See this result"),
            StartNew => ("Commencer un nouveau questionnaire", "Start a new questionnaire"),
            ConfirmErase => ("Les réponses enregistrées sur cet appareil vont être effacées. Continuer\u{a0}?", "The answers saved on this device will be deleted. Continue?"),
            SharedComputer => ("Sur un ordinateur partagé\u{a0}?", "On a shared computer?"),
            SharedComputerText => ("Imprimez votre fiche ou notez votre code. Ensuite, effacez vos réponses\u{a0}: la personne suivante ne les verra pas.", "Print your sheet or write down your code. Then delete your answers: the next person will not see them."),
            SavedProgress => ("Vous avez déjà commencé ce questionnaire sur cet appareil.", "You have already started this questionnaire on this device."),
            Duration => ("Cela prend environ {n} minutes. Il n'y a pas de limite de temps.", "It takes about {n} minutes. There is no time limit."),
            Private => ("Vos réponses restent sur votre appareil. Elles ne sont envoyées nulle part.", "Your answers stay on your device. They are not sent anywhere."),
            // Whatever the number of parcours in the questionnaire.
            ParcoursIntro => ("La ville propose ces parcours\u{a0}:", "The town offers these courses:"),
            Language => ("Langue", "Language"),
            // {n}: this question's number; {total}: how many are asked.
            QuestionOf => ("Question {n} sur {total}", "Question {n} of {total}"),
            Previous => ("Précédent", "Previous"),
            Next => ("Suivant", "Next"),
            SeeResult => ("Voir mon résultat", "See my result"),
            Help => ("Aide", "Help"),
            ReadAloud => ("Lire la question", "Read the question aloud"),
            ChooseAnswer => ("Choisissez une réponse pour continuer. Si vous hésitez, choisissez «\u{a0}Je ne sais pas\u{a0}».", "Choose an answer to continue. If you are unsure, choose \"I don't know\"."),
            SeveralAnswers => ("Vous pouvez cocher plusieurs réponses, ou aucune.", "You can tick several answers, or none."),
            ResultHeading => ("Votre résultat", "Your result"),
            WeRecommend => ("Nous vous conseillons\u{a0}:", "We recommend:"),
            Why => ("Pourquoi\u{a0}?", "Why?"),
            WhatYouLearn => ("Ce que vous apprendrez", "What you will learn"),
            Sessions => ("Quand\u{a0}?", "When?"),
            // A course's dates, written by the browser in the language.
            Period => ("du {from} au {to}", "from {from} to {to}"),
            Place => ("Où\u{a0}?", "Where?"),
            Register => ("Comment s'inscrire\u{a0}?", "How to register?"),
            Call => ("Appeler le {phone}", "Call {phone}"),
            NextStep => ("Ensuite", "Next step"),
            Then => ("Après ce parcours, vous pourrez suivre\u{a0}:", "After this course, you can follow:"),
            Permanence => ("Besoin d'aide personnelle\u{a0}? La permanence numérique", "Need personal help? The digital help desk"),
            Profile => ("Vos compétences", "Your skills"),
            NotAssessed => ("non évalué", "not assessed"),
            YourCode => ("Votre code", "Your code"),
            CodeExplain => ("Donnez ce code au conseiller numérique\u{a0}: il retrouvera vos réponses.", "Give this code to the digital advisor: it holds your answers."),
            Print => ("Imprimer ma fiche", "Print my sheet"),
            Clear => ("Terminer et effacer mes réponses", "Finish and delete my answers"),
            Cleared => ("Vos réponses ont été effacées de cet appareil.", "Your answers have been deleted from this device."),
            SessionsOver => ("Les dernières séances sont terminées. Les dates des prochaines ne sont pas encore publiées.", "The last sessions are over. The next dates are not published yet."),
            SessionRunning => ("Une session a lieu en ce moment\u{a0}:", "A session is running now:"),
            SessionNext => ("Prochaine session\u{a0}:", "Next session:"),
            NoDatesYet => ("Les dates des séances ne sont pas encore publiées.", "The dates of the sessions are not published yet."),
            AskPermanence => ("Pour connaître les dates et vous inscrire, appelez le conseiller numérique ou venez à la permanence\u{a0}:", "To know the dates and register, call the digital advisor or come to the help desk:"),
            Partial => ("Vous n'avez pas répondu à toutes les questions. Ce résultat est provisoire.", "You have not answered every question. This result is provisional."),
            Continue => ("Continuer le questionnaire", "Continue the questionnaire"),
            NeedHelp => ("Besoin d'aide\u{a0}?", "Need help?"),
            OnlyIfAnswered => ("Seulement si vous avez répondu «\u{a0}{option}\u{a0}» à la question {n}. Sinon, passez à la suite.", "Only if you answered “{option}” to question {n}. Otherwise, go on to the next part."),
            UnlessAnswered => ("Pas si vous avez répondu «\u{a0}{option}\u{a0}» à la question {n}\u{a0}: alors, passez à la suite.", "Not if you answered “{option}” to question {n}: then go on to the next part."),
            OnlyIfAtLeast => ("Seulement si vous avez répondu «\u{a0}{option}\u{a0}» ou mieux à la question {n}. Sinon, passez à la suite.", "Only if you answered “{option}” or better to question {n}. Otherwise, go on to the next part."),
            OnlyIfOther => ("Cette partie ne concerne que certaines personnes\u{a0}: en cas de doute, répondez quand même.", "This part is only for some people: if in doubt, answer it anyway."),
            EnoughToAdvise => ("Nous avons assez d'éléments pour vous conseiller.", "We know enough to advise you."),
            EnoughToAdviseText => ("Les questions qui restent ne changeront pas le parcours conseillé. Vous pouvez voir votre résultat maintenant, ou continuer\u{a0}: le conseiller aura un profil plus complet.", "The questions left will not change the course we suggest. You can see your result now, or go on: the advisor will have a fuller profile."),
            SeeResultNow => ("Voir mon résultat maintenant", "See my result now"),
            NotNeeded => ("Nous avions assez d'éléments pour vous conseiller\u{a0}: les dernières questions n'ont pas été posées.", "We knew enough to advise you: the last questions were not asked."),
            AnswerTheRest => ("Répondre aux autres questions", "Answer the other questions"),
            ToCheckTogether => ("À voir ensemble", "To look at together"),
            OverRated => ("Vous vous sentez à l'aise. Mais certaines réponses aux questions de connaissance montrent que des points restent à revoir. C'est très courant. Le conseiller en parlera avec vous.", "You feel at ease. But some answers to the knowledge questions show that a few points need going over. This is very common. The advisor will talk about it with you."),
            UnderRated => ("Vous avez bien répondu aux questions de connaissance\u{a0}: vous en savez sans doute plus que vous ne le pensez.", "You answered the knowledge questions well: you probably know more than you think."),
            LowConfidence => ("Le conseiller numérique vérifiera ce conseil avec vous au premier rendez-vous.", "The digital advisor will check this advice with you at the first meeting."),
            PaperVersion => ("Version papier", "Paper version"),
            PaperIntro => ("Cochez une case par question, sauf indication contraire. Apportez la feuille à la permanence numérique.", "Tick one box per question unless told otherwise. Bring the sheet to the digital help desk."),
            TickOne => ("Cochez une case.", "Tick one box."),
            TickAny => ("Cochez une ou plusieurs cases.", "Tick one or more boxes."),
            PrintPaper => ("Imprimer le questionnaire", "Print the questionnaire"),
            Back => ("Retour à l'accueil", "Back to the start"),
            Name => ("Nom\u{a0}:", "Name:"),
            Date => ("Date\u{a0}:", "Date:"),
            StorageCorrupt => ("Vos réponses enregistrées sur cet appareil n'ont pas pu être relues. Elles ont été mises de côté. Vous pouvez recommencer.", "The answers saved on this device could not be read. They have been set aside. You can start again."),
            StorageOtherVersion => ("Le questionnaire a changé depuis votre dernière visite. Vos anciennes réponses ont été mises de côté. Merci de recommencer.", "The questionnaire has changed since your last visit. Your old answers have been set aside. Please start again."),
            StorageUnavailable => ("Cet appareil ne permet pas d'enregistrer vos réponses. Le questionnaire fonctionne quand même, mais si vous fermez la page, il faudra recommencer.", "This device does not allow saving your answers. The questionnaire still works, but if you close the page you will have to start again."),
            Dismiss => ("Fermer ce message", "Close this message"),
            ErrorTitle => ("Un problème est survenu", "Something went wrong"),
            ErrorText => ("Le questionnaire s'est arrêté à cause d'une erreur. Vous pouvez recommencer. Si cela se reproduit, venez à la permanence numérique.", "The questionnaire stopped because of an error. You can start again. If it happens again, come to the digital help desk."),
            ErrorDetails => ("Détails pour le conseiller numérique", "Details for the digital advisor"),
            SkipToContent => ("Aller au contenu", "Skip to content"),
            SheetTitle => ("Fiche à apporter au conseiller numérique", "Sheet to bring to the digital advisor"),
            Loading => ("Chargement du questionnaire…", "Loading the questionnaire…"),
            // French puts a non-breaking space before a colon; English none.
            Colon => ("\u{a0}: ", ": "),
            OtherTab => ("Ce questionnaire a été modifié dans un autre onglet. Si vous continuez ici, ce sont les réponses de cet onglet qui seront gardées.", "This questionnaire was changed in another tab. If you go on here, this tab's answers are the ones kept."),
            TrialBanner => ("Aperçu\u{a0}: vous essayez un questionnaire qui n'est pas publié. Rien n'est enregistré.", "Preview: you are trying a questionnaire that is not published. Nothing is saved."),
            BackToPreview => ("Revenir à l'aperçu", "Back to the preview"),
            // Read-aloud: how fast the voice speaks (slow by default, for seniors).
            SpeechRate => ("Vitesse de la voix", "Voice speed"),
            RateSlow => ("Lente", "Slow"),
            RateNormal => ("Normale", "Normal"),
            // A language's texts could not be downloaded (no network).
            LanguageFailed => ("Cette langue n'a pas pu être chargée. Vérifiez votre connexion à internet, puis réessayez.", "This language could not be loaded. Check your internet connection, then try again."),
            // A language whose texts were made for an older questionnaire: the French is the up-to-date one.
            LanguageOutOfStep => ("Les textes dans cette langue ne sont pas à jour\u{a0}: le questionnaire s'affiche en français, avec les informations à jour.", "The texts in this language are not up to date: the questionnaire is shown in French, with up-to-date information."),
            Unavailable => ("Le questionnaire est en maintenance. Revenez un peu plus tard, ou venez à la permanence numérique.", "The questionnaire is being updated. Come back a little later, or come to the digital help desk."),
            // The printed sheet's summary for the advisor, who reads French.
            ForTheAdvisor => ("Pour le conseiller numérique (en français)", "For the digital advisor (in French)"),
        };
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
            _ => fetched(lang, self).unwrap_or(fr),
        }
    }
}

thread_local! {
    /// The strings of the fetched languages, in [`Msg::ALL`]'s order.
    static FETCHED: std::cell::RefCell<Vec<(Lang, Vec<&'static str>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// A fetched language's string, once [`load_strings`] has it.
fn fetched(lang: Lang, msg: Msg) -> Option<&'static str> {
    FETCHED.with(|f| {
        let f = f.borrow();
        let (_, strings) = f.iter().find(|(l, _)| *l == lang)?;
        strings.get(msg as usize).copied()
    })
}

/// Whether `lang`'s strings are there (compiled in, or fetched already).
pub fn has_strings(lang: Lang) -> bool {
    lang.built_in() || fetched(lang, Msg::Start).is_some()
}

/// Takes a fetched language's strings (`ui.ar.json`: a JSON list in
/// [`Msg::ALL`]'s order, written by `cargo xtask build` from the catalogue).
/// A list of another length (another build) is refused.
pub fn load_strings(lang: Lang, strings: Vec<String>) -> Result<(), String> {
    if strings.len() != Msg::ALL.len() {
        return Err(format!(
            "{} strings for `{}`, {} expected",
            strings.len(),
            lang.code(),
            Msg::ALL.len()
        ));
    }
    // Kept for the page's life (one language's ~8 KB), so `get` stays `&'static`.
    let strings = strings
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    FETCHED.with(|f| f.borrow_mut().push((lang, strings)));
    Ok(())
}
