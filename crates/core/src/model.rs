//! The validated questionnaire: every reference resolved to an index, every
//! condition parsed. Built only by [`Questionnaire::from_yaml`].

use crate::condition::Condition;
use crate::text::Text;
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// The only format version this build reads.
pub const FORMAT_VERSION: u32 = 1;
/// Most options a question may have (answers are kept as bit sets).
pub const MAX_OPTIONS: usize = 32;
/// Highest points an option may give to one dimension.
pub const MAX_POINTS: u32 = 100;

/// A language whose texts are in a translation file beside the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// Its code, e.g. `ar`.
    pub language: String,
    /// Whether a native speaker has read it over (`diag check` notes when not).
    pub reviewed: bool,
}

/// A questionnaire that loaded without errors. Scoring it cannot fail.
#[derive(Debug, Clone)]
pub struct Questionnaire {
    /// Stable identifier, e.g. `villeneuve-la-garenne`.
    pub id: String,
    /// Version of the content, e.g. `2026.1`; result codes are bound to it.
    pub version: String,
    /// Letters that start every result code, e.g. `VLG`.
    pub code_prefix: String,
    /// Language codes; the first is the default.
    pub languages: Vec<String>,
    /// Languages whose texts are in translation files (`translations`), fetched
    /// by the resident's page only when chosen.
    pub translations: Vec<Translation>,
    /// Title of the questionnaire.
    pub title: Text,
    /// Introduction shown on the welcome screen.
    pub introduction: Option<Text>,
    /// About how long it takes, in minutes.
    pub duration_minutes: Option<u32>,
    /// Who runs the parcours and how to reach them.
    pub organisation: Organisation,
    /// Skill areas that are scored.
    pub dimensions: Vec<Dimension>,
    /// Bands on a dimension's percentage, lowest first.
    pub levels: Vec<Level>,
    /// The training tracks that can be recommended.
    pub parcours: Vec<Parcours>,
    /// Groups of questions, in order.
    pub sections: Vec<Section>,
    /// Every question, in the order asked; sections refer to ranges of it.
    pub questions: Vec<Question>,
    /// Recommendation rules; the first that holds wins, the last always holds.
    pub rules: Vec<Rule>,
    /// Below this share (percent) of a dimension's points actually answered,
    /// its level is "non évalué" (`coverage-threshold`, default 50).
    pub coverage_threshold: u32,
    /// Whether the resident is offered the result as soon as no answer to the
    /// remaining questions can change it (`early-stop: true`).
    pub early_stop: bool,
    /// Warnings found while loading (a questionnaire with warnings still works).
    pub warnings: Vec<crate::Diagnostic>,
    /// Highest points each question can give each dimension, `[question * dimensions + dimension]`,
    /// computed once at load so scoring only adds.
    pub(crate) max_points: Vec<u32>,
}

/// The organisation that runs the parcours.
#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    /// Name, e.g. "Mairie de Villeneuve-la-Garenne".
    pub name: Text,
    /// Postal address.
    pub address: Option<Text>,
    /// Phone number as written (shown and used for `tel:` links).
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website address.
    pub website: Option<String>,
    /// The drop-in help desk.
    pub permanence: Option<Permanence>,
    /// The town's logo mark: an SVG file published beside the page (e.g.
    /// `logo.svg`), shown before its name on every resident's screen.
    pub logo: Option<String>,
}

/// The weekly drop-in help desk.
#[derive(Debug, Clone, Serialize)]
pub struct Permanence {
    /// Where it is held.
    pub place: Text,
    /// When it is open.
    pub hours: Text,
}

/// A skill area that options score into.
#[derive(Debug, Clone, Serialize)]
pub struct Dimension {
    /// Identifier used in conditions.
    pub id: String,
    /// Name shown to people.
    pub label: Text,
    /// Optional longer explanation.
    pub description: Option<Text>,
    /// Knowledge questions that check this dimension's self-ratings
    /// (indexes in [`Questionnaire::questions`]); empty: no calibration.
    pub checks: Vec<usize>,
    /// Its self-ratings: the scale questions that score it (derived at load).
    #[serde(skip)]
    pub self_ratings: Vec<usize>,
}

/// The share of its points a dimension needs answered to get a level, by default.
pub const DEFAULT_COVERAGE_THRESHOLD: u32 = 50;

/// A band of percentages on a dimension, e.g. "débutant" below 40 %.
#[derive(Debug, Clone, Serialize)]
pub struct Level {
    /// Identifier used in conditions.
    pub id: String,
    /// Name shown to people.
    pub label: Text,
    /// Percentages strictly below this belong to this band (or an earlier one);
    /// `None` for the last, open band.
    pub below: Option<u32>,
}

/// A training track.
#[derive(Debug, Clone, Serialize)]
pub struct Parcours {
    /// Identifier used in rules.
    pub id: String,
    /// Title.
    pub title: Text,
    /// One or two plain sentences.
    pub summary: Text,
    /// What one learns there, one item each.
    pub learn: Vec<Text>,
    /// When its sessions run: every period published, earliest first
    /// (empty when no dates are published).
    pub periods: Vec<Sessions>,
    /// Where.
    pub place: Option<Text>,
    /// How to register.
    pub register: Option<Text>,
}

/// One period in which a parcours' sessions run (a term).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sessions {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// When in the week, in words.
    pub schedule: Option<Text>,
    /// Where, when it differs from the parcours' place.
    pub place: Option<Text>,
}

/// A calendar date (no time zone: the town's local date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day, 1 to 31.
    pub day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 2000 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }
}

impl Date {
    /// The civil date `days` days after 1970-01-01 (for a shell that reads
    /// the clock; the core itself never does).
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`): the
    /// inverse of [`Date::from_days_since_epoch`], for counting days between dates.
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A group of questions shown under one title.
#[derive(Debug, Clone)]
pub struct Section {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Optional introduction.
    pub intro: Option<Text>,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
    /// Indexes of its questions in [`Questionnaire::questions`].
    pub questions: Range<usize>,
}

/// How a question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// One option.
    Single,
    /// Any number of options, including none.
    Multiple,
    /// Yes or no (and possibly "Je ne sais pas").
    YesNo,
    /// One step of an ordered scale.
    Scale,
}

impl Kind {
    /// Whether one answer may hold several options.
    pub fn is_multiple(self) -> bool {
        self == Kind::Multiple
    }
}

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Identifier used in conditions and stored answers.
    pub id: String,
    /// How it is answered.
    pub kind: Kind,
    /// The question.
    pub text: Text,
    /// Plain-language help shown on demand.
    pub help: Option<Text>,
    /// Name of a pictogram drawn next to the question.
    pub pictogram: Option<String>,
    /// Shown only when this holds.
    pub show_if: Option<Condition>,
    /// The possible answers, in order.
    pub options: Vec<AnswerOption>,
    /// Index of its section.
    pub section: usize,
}

/// One possible answer to a question.
#[derive(Debug, Clone)]
pub struct AnswerOption {
    /// Identifier.
    pub id: String,
    /// Text shown.
    pub text: Text,
    /// Points given to dimensions: `(dimension index, points)`.
    pub scores: Vec<(usize, u32)>,
    /// A "Je ne sais pas" answer: scores nothing and is counted.
    pub dont_know: bool,
}

/// A recommendation rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// When it holds (`otherwise: true` is a condition that always holds).
    pub when: Condition,
    /// Index of the recommended parcours.
    pub parcours: usize,
    /// Why, addressed to the person.
    pub because: Text,
    /// Index of the parcours to follow afterwards, if any.
    pub next: Option<usize>,
}

impl Questionnaire {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<(usize, &Question)> {
        self.questions.iter().enumerate().find(|(_, q)| q.id == id)
    }
    /// The parcours with this id.
    pub fn parcours_by_id(&self, id: &str) -> Option<&Parcours> {
        self.parcours.iter().find(|p| p.id == id)
    }
    /// The default language (the first declared).
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("fr", String::as_str)
    }
    /// Fills what is derived from the questions: the table of highest points
    /// per question and dimension, and each dimension's self-ratings.
    pub(crate) fn with_max_points(mut self) -> Self {
        let dims = self.dimensions.len();
        for (d, dim) in self.dimensions.iter_mut().enumerate() {
            dim.self_ratings = self
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| {
                    q.kind == Kind::Scale
                        && q.options.iter().any(|o| o.scores.iter().any(|s| s.0 == d))
                })
                .map(|(i, _)| i)
                .collect();
        }
        self.max_points = self
            .questions
            .iter()
            .flat_map(|q| {
                (0..dims)
                    .map(|d| self.best_points(q, d))
                    .collect::<Vec<_>>()
            })
            .collect();
        self
    }

    /// Highest points question `i` can give to dimension `d`.
    pub(crate) fn max_points_of(&self, i: usize, d: usize) -> u32 {
        self.max_points
            .get(i * self.dimensions.len() + d)
            .copied()
            .unwrap_or(0)
    }

    /// Highest points a question can give to dimension `dim`.
    fn best_points(&self, q: &Question, dim: usize) -> u32 {
        let points = q.options.iter().map(|o| {
            o.scores
                .iter()
                .filter(|(d, _)| *d == dim)
                .map(|(_, p)| *p)
                .sum::<u32>()
        });
        if q.kind.is_multiple() {
            points.sum()
        } else {
            points.max().unwrap_or(0)
        }
    }
}
