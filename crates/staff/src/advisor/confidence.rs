//! How firm a recommendation is, in the advisor's words: the confidence,
//! its reasons, and each dimension's coverage and calibration.

use super::text::AdvisorMsg;
use diag_core::records::{category_label, CONFIDENCE};
use diag_core::{Calibration, Confidence, ConfidenceLevel, Questionnaire, Reason};
use yew::prelude::*;

/// The id kept in records: `high`, `medium` or `low`.
pub fn id(level: ConfidenceLevel) -> &'static str {
    match level {
        ConfidenceLevel::High => "high",
        ConfidenceLevel::Medium => "medium",
        ConfidenceLevel::Low => "low",
    }
}

/// "Élevée", "Moyenne", "Faible" (or "–" for records saved before).
pub fn label(id: &str) -> &str {
    if id.is_empty() {
        AdvisorMsg::NoValue.fr()
    } else {
        category_label(CONFIDENCE, id)
    }
}

fn dimension<'a>(q: &'a Questionnaire, id: &'a str) -> &'a str {
    q.dimensions
        .iter()
        .find(|d| d.id == id)
        .map_or(id, |d| d.label.get("fr"))
}

/// One reason, as a sentence.
pub fn reason(q: &Questionnaire, r: &Reason) -> String {
    match r {
        Reason::Partial { missing } => {
            AdvisorMsg::ReasonPartial.fill(&[("n", &missing.to_string())])
        }
        Reason::NotEvaluated { dimension: d } => {
            AdvisorMsg::ReasonNotEvaluated.fill(&[("dimension", dimension(q, d))])
        }
        Reason::DontKnow { count } => AdvisorMsg::ReasonDontKnow.fill(&[("n", &count.to_string())]),
        Reason::Miscalibrated {
            dimension: d,
            calibration,
        } => AdvisorMsg::ReasonMiscalibrated.fill(&[
            ("dimension", dimension(q, d)),
            ("calibration", calibration_text(*calibration)),
        ]),
        Reason::Narrow { dimension: d } => {
            AdvisorMsg::ReasonNarrow.fill(&[("dimension", dimension(q, d))])
        }
    }
}

/// How the self-ratings compare with the checks.
pub fn calibration_text(c: Calibration) -> &'static str {
    match c {
        Calibration::Over => AdvisorMsg::CalibrationOver,
        Calibration::Under => AdvisorMsg::CalibrationUnder,
        Calibration::Consistent => AdvisorMsg::CalibrationConsistent,
    }
    .fr()
}

/// The confidence with its reasons, for the detail.
pub fn summary(q: &Questionnaire, c: &Confidence) -> Html {
    let level = id(c.level);
    html! {
        <div class={classes!("confidence", format!("confidence-{level}"))}>
            <p>{ AdvisorMsg::ConfidenceIs.fr() }<strong id="confidence">{ label(level) }</strong></p>
            if !c.reasons.is_empty() {
                <ul>{ for c.reasons.iter().map(|r| html! { <li>{ reason(q, r) }</li> }) }</ul>
            }
        </div>
    }
}
