//! The advisor's intake records: what is kept, and the JSON and CSV files
//! they are exported to. JSON is read back with the YAML reader the core
//! already has (JSON is YAML), so no second parser ships in the Wasm.
//! Pure, like the rest of the core: the web app stores and downloads.

use serde::Deserialize;
use std::fmt::Write as _;

/// One intake, as the advisor recorded it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Random identifier: imports merge on it.
    pub id: String,
    /// Day of the intake, `YYYY-MM-DD`.
    pub date: String,
    /// First name or initials — never more than the advisor chose to type.
    pub name: String,
    /// The resident's result code.
    pub code: String,
    /// The parcours the questionnaire recommended.
    pub recommended: String,
    /// The parcours decided (the recommendation, or the advisor's override).
    pub parcours: String,
    /// Why the advisor chose another parcours (required for an override).
    pub override_reason: String,
    /// Free note.
    pub note: String,
    /// Reporting category: `accompagne`, `partiel` or `autonome`.
    pub autonomy: String,
    /// Reporting category: `debutant`, `intermediaire` or `avance`.
    pub level: String,
    /// The outcome's confidence when saved: `high`, `medium` or `low`
    /// (empty in records saved before confidence existed).
    #[serde(default)]
    pub confidence: String,
}

const FORMAT: &str = "diag-numerique-records";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Export {
    format: String,
    version: u32,
    records: Vec<Record>,
}

/// Why an imported file was refused (nothing is changed then).
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not an export of this application.
    Foreign,
    /// An export, but damaged: the reason.
    Damaged(String),
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Record {
    fn fields(&self) -> [(&'static str, &str); 11] {
        [
            ("id", &self.id),
            ("date", &self.date),
            ("name", &self.name),
            ("code", &self.code),
            ("recommended", &self.recommended),
            ("parcours", &self.parcours),
            ("override_reason", &self.override_reason),
            ("note", &self.note),
            ("autonomy", &self.autonomy),
            ("level", &self.level),
            ("confidence", &self.confidence),
        ]
    }
}

/// The JSON export (also what is encrypted in storage).
pub fn to_json(records: &[Record]) -> String {
    let mut out = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"records\":[");
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("\n{");
        for (k, (name, value)) in r.fields().iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let _ = write!(out, "\"{name}\":");
            json_string(&mut out, value);
        }
        out.push('}');
    }
    out.push_str("\n]}\n");
    out
}

/// Reads a JSON export back.
pub fn from_json(text: &str) -> Result<Vec<Record>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains(FORMAT) {
        return Err(ImportError::Foreign);
    }
    let export: Export =
        serde_yaml::from_str(text).map_err(|e| ImportError::Damaged(e.to_string()))?;
    if export.format != FORMAT {
        return Err(ImportError::Foreign);
    }
    if export.version != 1 {
        return Err(ImportError::Damaged(format!(
            "version {} is not known",
            export.version
        )));
    }
    if let Some(r) = export
        .records
        .iter()
        .find(|r| r.id.trim().is_empty() || r.code.trim().is_empty())
    {
        return Err(ImportError::Damaged(format!(
            "a record has no id or no code ({})",
            r.date
        )));
    }
    Ok(export.records)
}

/// Adds the imported records that are not already there; returns how many.
/// One pass over each list (a busy desk's year is thousands of records).
pub fn merge(into: &mut Vec<Record>, imported: Vec<Record>) -> usize {
    let mut seen: std::collections::HashSet<String> = into.iter().map(|r| r.id.clone()).collect();
    let before = into.len();
    for r in imported {
        if seen.insert(r.id.clone()) {
            into.push(r);
        }
    }
    into.len() - before
}

/// A CSV cell: quoted when needed, and neutralised when a spreadsheet would
/// read it as a formula (`=`, `+`, `-`, `@`, tab or carriage return first).
fn csv_cell(out: &mut String, value: &str) {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if neutral.contains([';', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&neutral.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&neutral);
    }
}

/// The reporting category "Autonomie": `(id kept in records, label shown and exported)`.
pub const AUTONOMY: &[(&str, &str)] = &[
    ("accompagne", "Entièrement accompagné"),
    ("partiel", "Partiellement autonome"),
    ("autonome", "Autonome"),
];

/// The reporting category "Niveau": `(id kept in records, label shown and exported)`.
pub const LEVEL: &[(&str, &str)] = &[
    ("debutant", "Débutant"),
    ("intermediaire", "Intermédiaire"),
    ("avance", "Avancé"),
];

/// The reporting "Niveau" suggested by the scores, to pre-fill the advisor's
/// form: the questionnaire's own level bands applied to the points of every
/// evaluated dimension together. A band whose id is a reporting id is that
/// id; otherwise the first band is "debutant", the last "avance", any other
/// "intermediaire". `None` when no dimension was evaluated.
pub fn suggested_level(q: &crate::Questionnaire, o: &crate::Outcome) -> Option<&'static str> {
    let (score, max) = o
        .dimensions
        .iter()
        .filter(|d| d.percent.is_some())
        .fold((0u64, 0u64), |(s, m), d| {
            (s + u64::from(d.score), m + u64::from(d.max))
        });
    if max == 0 {
        return None;
    }
    let percent = u32::try_from((score * 100 + max / 2) / max).unwrap_or(100);
    let band = crate::evaluate::level_of(q, percent);
    let id = q.levels.get(band).map(|l| l.id.as_str())?;
    if let Some((known, _)) = LEVEL.iter().find(|(k, _)| *k == id) {
        return Some(known);
    }
    let rank = if band == 0 {
        0
    } else if band + 1 >= q.levels.len() {
        2
    } else {
        1
    };
    LEVEL.get(rank).map(|(k, _)| *k)
}

/// Days after the last backup (JSON export) when the advisor is reminded to export.
pub const BACKUP_DAYS: i64 = 14;
/// Records added since the last backup when the advisor is reminded to export.
pub const BACKUP_RECORDS: usize = 50;

/// Whether to remind the advisor to export a backup on `today`: the last export
/// (`(day, records then)`) is more than [`BACKUP_DAYS`] old, or
/// [`BACKUP_RECORDS`] records came since. Never exported: counted from the
/// oldest record. No records: nothing to lose.
pub fn backup_due(
    today: crate::Date,
    last_export: Option<(crate::Date, usize)>,
    records: &[Record],
) -> bool {
    if records.is_empty() {
        return false;
    }
    let (since, then) = match last_export {
        Some((day, n)) => (Some(day), n),
        None => (
            records
                .iter()
                .filter_map(|r| crate::Date::parse(&r.date))
                .min(),
            0,
        ),
    };
    let old = since.is_none_or(|d| today.days_since_epoch() - d.days_since_epoch() > BACKUP_DAYS);
    old || records.len().saturating_sub(then) >= BACKUP_RECORDS
}

/// The outcome's confidence: `(id kept in records, label shown and exported)`.
pub const CONFIDENCE: &[(&str, &str)] =
    &[("high", "Élevée"), ("medium", "Moyenne"), ("low", "Faible")];

/// The label of a reporting category's id (the id itself when unknown, e.g. from a newer version).
pub fn category_label<'a>(category: &[(&str, &'a str)], id: &'a str) -> &'a str {
    category
        .iter()
        .find(|(k, _)| *k == id)
        .map_or(id, |(_, label)| *label)
}

/// The CSV export: UTF-8 with a byte-order mark and `;` separators, as French
/// spreadsheet software expects; `title` turns parcours ids into names.
pub fn to_csv(records: &[Record], title: impl Fn(&str) -> String) -> String {
    let mut out = String::from("\u{feff}Date;Prénom ou initiales;Code;Parcours conseillé;Parcours retenu;Raison du changement;Note;Autonomie;Niveau;Confiance\r\n");
    for r in records {
        let cells = [
            r.date.clone(),
            r.name.clone(),
            r.code.clone(),
            title(&r.recommended),
            title(&r.parcours),
            r.override_reason.clone(),
            r.note.clone(),
            // The labels the advisor ticked, not the ids: the report is read by people.
            category_label(AUTONOMY, &r.autonomy).to_owned(),
            category_label(LEVEL, &r.level).to_owned(),
            category_label(CONFIDENCE, &r.confidence).to_owned(),
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            csv_cell(&mut out, c);
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_due_after_14_days_or_50_records() {
        let day = |s: &str| crate::Date::parse(s).unwrap();
        let at = |date: &str| Record {
            date: date.into(),
            ..Record::default()
        };
        let some: Vec<Record> = (0..10).map(|_| at("2026-11-20")).collect();
        assert!(!backup_due(day("2026-11-27"), None, &[]), "nothing to lose");
        assert!(
            !backup_due(day("2026-12-04"), None, &some),
            "14 days after the oldest record"
        );
        assert!(
            backup_due(day("2026-12-05"), None, &some),
            "15 days after the oldest record"
        );
        let last = Some((day("2026-11-26"), 10));
        assert!(!backup_due(day("2026-12-10"), last, &some));
        assert!(backup_due(day("2026-12-11"), last, &some));
        let many: Vec<Record> = (0..60).map(|_| at("2026-11-27")).collect();
        assert!(
            backup_due(day("2026-11-27"), last, &many),
            "50 records since"
        );
        assert!(
            !backup_due(day("2026-11-27"), Some((day("2026-11-27"), 11)), &many),
            "49 since"
        );
        // Across a year's end and a leap day.
        assert_eq!(
            day("2028-03-01").days_since_epoch() - day("2028-02-28").days_since_epoch(),
            2
        );
        assert_eq!(
            day("2027-01-01").days_since_epoch() - day("2026-12-31").days_since_epoch(),
            1
        );
        for n in [0, 1, 59, 365, 20_000] {
            assert_eq!(
                crate::Date::from_days_since_epoch(n)
                    .unwrap()
                    .days_since_epoch(),
                n
            );
        }
    }

    fn sample() -> Record {
        Record {
            id: "a1".into(),
            date: "2026-11-26".into(),
            name: "M. \"Jo\"".into(),
            code: "VLG-1234".into(),
            recommended: "initiation".into(),
            parcours: "emploi".into(),
            override_reason: "=HYPERLINK(\"x\")".into(),
            note: "ligne 1\nligne 2; é".into(),
            autonomy: "partiel".into(),
            level: "debutant".into(),
            confidence: "low".into(),
        }
    }

    #[test]
    fn json_round_trips() {
        let r = vec![sample()];
        assert_eq!(from_json(&to_json(&r)), Ok(r));
    }

    #[test]
    fn foreign_and_damaged_files_are_refused() {
        assert_eq!(from_json("{\"hello\": 1}"), Err(ImportError::Foreign));
        assert!(matches!(
            from_json("{\"format\":\"diag-numerique-records\",\"version\":1,\"records\":[{\"id\":"),
            Err(ImportError::Damaged(_))
        ));
    }

    #[test]
    fn exports_from_before_confidence_still_import() {
        let old = to_json(&[sample()]).replace(",\"confidence\":\"low\"", "");
        assert!(!old.contains("confidence"));
        let read = from_json(&old).unwrap_or_default();
        assert_eq!(read.first().map(|r| r.confidence.as_str()), Some(""));
    }

    #[test]
    fn merging_twice_adds_nothing() {
        let mut all = vec![sample()];
        assert_eq!(merge(&mut all, vec![sample()]), 0);
        assert_eq!(all.len(), 1);
    }

    #[test]
    fn csv_neutralises_formulas_and_quotes() {
        let csv = to_csv(&[sample()], str::to_owned);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.contains(";\"'=HYPERLINK(\"\"x\"\")\";"), "{csv}");
        assert!(csv.contains("\"ligne 1\nligne 2; é\""));
        assert!(
            csv.ends_with(";Partiellement autonome;Débutant;Faible\r\n"),
            "{csv}"
        );
    }
}
