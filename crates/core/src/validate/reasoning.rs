//! What the engine needs to reason like an advisor: each dimension's
//! knowledge checks (calibration) and the coverage threshold.

use super::*;

impl Validator {
    /// Resolves each dimension's `checks:` to question indexes. A check is a
    /// single-choice or yes-no question with a right answer for the dimension
    /// (an option that scores it), and the dimension needs self-ratings
    /// (scale questions scoring it) for the checks to compare with.
    pub(super) fn checks(
        &mut self,
        raw: &RawQuestionnaire,
        mut dimensions: Vec<Dimension>,
        questions: &[Question],
    ) -> Vec<Dimension> {
        for (d, (rd, dim)) in raw.dimensions.iter().zip(dimensions.iter_mut()).enumerate() {
            let path = root().at("dimensions", d).key("checks");
            for (k, id) in rd.checks.iter().enumerate() {
                let at = path.index(k);
                let Some(i) = questions.iter().position(|q| q.id == *id) else {
                    let hint = did_you_mean(id, questions.iter().map(|q| q.id.as_str()))
                        .unwrap_or_else(|| "check the spelling against the questions' `id`".into());
                    self.error(
                        "unknown-question",
                        at,
                        format!("there is no question `{id}`"),
                    )
                    .expected("the id of a knowledge question")
                    .hint(hint);
                    continue;
                };
                let Some(q) = questions.get(i) else { continue };
                if !matches!(q.kind, Kind::Single | Kind::YesNo) {
                    self.error(
                        "invalid-check",
                        at,
                        format!("`{id}` cannot check a skill: it is not a single-choice question"),
                    )
                    .expected("a single-choice or yes-no question with one right answer")
                    .hint("self-ratings (scale questions) are what the checks are compared with");
                    continue;
                }
                let scores_it = q
                    .options
                    .iter()
                    .any(|o| o.scores.iter().any(|(x, p)| *x == d && *p > 0));
                if !scores_it {
                    self.error(
                        "invalid-check",
                        at,
                        format!("no answer of `{id}` gives points to `{}`", dim.id),
                    )
                    .expected(format!(
                        "a question whose right answer has `scores: {{ {}: … }}`",
                        dim.id
                    ));
                    continue;
                }
                if dim.checks.contains(&i) {
                    self.error(
                        "duplicate-id",
                        at,
                        format!("the check id `{id}` is used twice"),
                    )
                    .expected("each question listed once");
                    continue;
                }
                dim.checks.push(i);
            }
            let rated = questions.iter().any(|q| {
                q.kind == Kind::Scale && q.options.iter().any(|o| o.scores.iter().any(|s| s.0 == d))
            });
            if !rd.checks.is_empty() && !rated {
                self.error(
                    "no-self-ratings",
                    path,
                    format!("the dimension `{}` has checks but no self-rating", dim.id),
                )
                .expected(
                    "scale questions that score this dimension, for the checks to compare with",
                )
                .hint("remove `checks:` or add scale questions scoring this dimension");
            }
        }
        dimensions
    }

    pub(super) fn coverage_threshold(&mut self, threshold: Option<u32>) -> u32 {
        match threshold {
            None => DEFAULT_COVERAGE_THRESHOLD,
            Some(t) if (1..=100).contains(&t) => t,
            Some(t) => {
                self.error(
                    "invalid-coverage-threshold",
                    root().key("coverage-threshold"),
                    format!("`coverage-threshold: {t}` is not a percentage from 1 to 100"),
                )
                .expected("a share of the points, such as 50")
                .hint("leave it out to use 50");
                DEFAULT_COVERAGE_THRESHOLD
            }
        }
    }
}
