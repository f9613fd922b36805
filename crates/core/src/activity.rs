//! The desk's activity over a period, for the advisor's statistics view and
//! the town's activity report: intakes per month and per parcours, overrides,
//! low-confidence results, and per rule what `diag review` says.

use crate::records::Record;
use crate::review::{review, Review};
use crate::Questionnaire;

/// What the records of a period say.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// Records in the period.
    pub records: usize,
    /// Among them, those where the advisor chose another parcours.
    pub overridden: usize,
    /// Among them, those saved with a confidence (older records have none).
    pub with_confidence: usize,
    /// Among those, the low-confidence results.
    pub low_confidence: usize,
    /// Every month from the first record's to the last one's (`YYYY-MM`),
    /// months without an intake included, with its number of records.
    pub months: Vec<(String, usize)>,
    /// Per parcours, in the questionnaire's order, then any parcours the
    /// questionnaire no longer has.
    pub parcours: Vec<ParcoursCount>,
    /// Per rule, as `diag review` reports it (only records whose code reads
    /// with this questionnaire and gives the recommendation they recorded).
    pub review: Review,
}

/// One parcours over the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParcoursCount {
    /// Its identifier in the questionnaire.
    pub id: String,
    /// Its title, or its id when the questionnaire no longer has it.
    pub title: String,
    /// How often the questionnaire recommended it.
    pub recommended: usize,
    /// How often it was decided (recommended and kept, or chosen instead).
    pub decided: usize,
}

/// The activity of the records dated from `from` to `to` (`YYYY-MM-DD`,
/// both included; `None`: no bound). Texts in `lang`.
pub fn activity(
    q: &Questionnaire,
    records: &[Record],
    from: Option<&str>,
    to: Option<&str>,
    lang: &str,
) -> Activity {
    let chosen: Vec<Record> = records
        .iter()
        .filter(|r| from.is_none_or(|f| r.date.as_str() >= f))
        .filter(|r| to.is_none_or(|t| r.date.as_str() <= t))
        .cloned()
        .collect();
    let mut parcours: Vec<ParcoursCount> = q
        .parcours
        .iter()
        .map(|p| ParcoursCount {
            id: p.id.clone(),
            title: p.title.get(lang).to_owned(),
            recommended: 0,
            decided: 0,
        })
        .collect();
    let mut count = |id: &str, decided: bool| {
        let at = match parcours.iter().position(|p| p.id == id) {
            Some(i) => i,
            None => {
                parcours.push(ParcoursCount {
                    id: id.to_owned(),
                    title: id.to_owned(),
                    recommended: 0,
                    decided: 0,
                });
                parcours.len() - 1
            }
        };
        if let Some(p) = parcours.get_mut(at) {
            if decided {
                p.decided += 1;
            } else {
                p.recommended += 1;
            }
        }
    };
    for r in &chosen {
        count(&r.recommended, false);
        count(&r.parcours, true);
    }
    Activity {
        records: chosen.len(),
        overridden: chosen
            .iter()
            .filter(|r| r.parcours != r.recommended)
            .count(),
        with_confidence: chosen.iter().filter(|r| !r.confidence.is_empty()).count(),
        low_confidence: chosen.iter().filter(|r| r.confidence == "low").count(),
        months: months(&chosen),
        parcours,
        review: review(q, &chosen, lang),
    }
}

/// `YYYY-MM` as numbers, when the date starts so.
fn month_of(date: &str) -> Option<(u32, u32)> {
    let year = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    (date.get(4..5) == Some("-") && (1..=12).contains(&month)).then_some((year, month))
}

/// Every month from the first to the last, with its count (a record whose
/// date is unreadable is counted in the totals, not in a month).
fn months(records: &[Record]) -> Vec<(String, usize)> {
    let dated: Vec<(u32, u32)> = records.iter().filter_map(|r| month_of(&r.date)).collect();
    let (Some(&first), Some(&last)) = (dated.iter().min(), dated.iter().max()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        let n = dated.iter().filter(|&&d| d == at).count();
        out.push((format!("{:04}-{:02}", at.0, at.1), n));
        at = if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(date: &str, recommended: &str, parcours: &str, confidence: &str) -> Record {
        Record {
            date: date.into(),
            recommended: recommended.into(),
            parcours: parcours.into(),
            confidence: confidence.into(),
            ..Record::default()
        }
    }

    fn bundled() -> Questionnaire {
        let src = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");
        Questionnaire::from_yaml(src).unwrap_or_else(|e| panic!("{}", e.render("q", src)))
    }

    #[test]
    fn months_run_from_first_to_last_with_empty_ones() {
        let r = [
            record("2026-11-03", "a", "a", ""),
            record("2027-02-10", "a", "a", ""),
            record("2026-11-30", "a", "a", ""),
            record("bientôt", "a", "a", ""),
        ];
        assert_eq!(
            months(&r),
            [
                ("2026-11", 2),
                ("2026-12", 0),
                ("2027-01", 0),
                ("2027-02", 1)
            ]
            .map(|(m, n)| (m.to_owned(), n))
        );
        assert_eq!(months(&[]), Vec::new());
    }

    #[test]
    fn the_period_bounds_are_included_and_counts_follow_it() {
        let q = bundled();
        let r = [
            record("2026-09-01", "initiation", "initiation", "high"),
            record("2026-09-15", "initiation", "bureautique", "low"),
            record("2026-10-01", "bureautique", "bureautique", ""),
            record("2026-10-02", "ancien", "initiation", "low"),
        ];
        let all = activity(&q, &r, None, None, "fr");
        assert_eq!((all.records, all.overridden), (4, 2));
        assert_eq!((all.with_confidence, all.low_confidence), (3, 2));
        let of = |a: &Activity, id: &str| {
            a.parcours
                .iter()
                .find(|p| p.id == id)
                .map(|p| (p.recommended, p.decided))
        };
        assert_eq!(of(&all, "initiation"), Some((2, 2)));
        assert_eq!(of(&all, "bureautique"), Some((1, 2)));
        // A parcours the questionnaire no longer has is listed last, by its id.
        assert_eq!(
            all.parcours.last().map(|p| p.title.as_str()),
            Some("ancien")
        );
        let september = activity(&q, &r, Some("2026-09-01"), Some("2026-09-15"), "fr");
        assert_eq!((september.records, september.overridden), (2, 1));
        assert_eq!(september.months, [("2026-09".to_owned(), 2)]);
        let none = activity(&q, &r, Some("2027-01-01"), None, "fr");
        assert_eq!((none.records, none.months.len()), (0, 0));
    }
}
