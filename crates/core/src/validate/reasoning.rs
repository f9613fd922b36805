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
                if let Some(i) = self.check(id, d, &dim.id, path.index(k), questions) {
                    if dim.checks.contains(&i) {
                        self.push(
                            Draft::error(
                                "duplicate-id",
                                Message::DuplicateCheck { id: id.clone() },
                            )
                            .at(path.index(k))
                            .expected(Expected::EachCheckOnce),
                        );
                    } else {
                        dim.checks.push(i);
                    }
                }
            }
            let rated = questions.iter().any(|q| {
                q.kind == Kind::Scale && q.options.iter().any(|o| o.scores.iter().any(|s| s.0 == d))
            });
            if !rd.checks.is_empty() && !rated {
                self.push(
                    Draft::error(
                        "no-self-ratings",
                        Message::NoSelfRatings {
                            dimension: dim.id.clone(),
                        },
                    )
                    .at(path)
                    .expected(Expected::SelfRatingQuestions)
                    .hint(Hint::RemoveChecksOrAddRatings),
                );
            }
        }
        dimensions
    }

    /// The index of the question `id` if it can check dimension `d`.
    fn check(
        &mut self,
        id: &str,
        d: usize,
        dimension: &str,
        at: Path,
        questions: &[Question],
    ) -> Option<usize> {
        let Some(i) = questions.iter().position(|q| q.id == id) else {
            let hint = did_you_mean(id, questions.iter().map(|q| q.id.as_str()))
                .unwrap_or(Hint::CheckQuestionSpelling);
            self.push(
                Draft::error(
                    "unknown-question",
                    Message::UnknownQuestion { id: id.to_owned() },
                )
                .at(at)
                .expected(Expected::KnowledgeQuestionId)
                .hint(hint),
            );
            return None;
        };
        let q = questions.get(i)?;
        if !matches!(q.kind, Kind::Single | Kind::YesNo) {
            self.push(
                Draft::error(
                    "invalid-check",
                    Message::CheckNotSingle { id: id.to_owned() },
                )
                .at(at)
                .expected(Expected::CheckQuestion)
                .hint(Hint::ChecksCompareWithRatings),
            );
            return None;
        }
        let scores_it = q
            .options
            .iter()
            .any(|o| o.scores.iter().any(|(x, p)| *x == d && *p > 0));
        if !scores_it {
            self.push(
                Draft::error(
                    "invalid-check",
                    Message::CheckScoresNothing {
                        id: id.to_owned(),
                        dimension: dimension.to_owned(),
                    },
                )
                .at(at)
                .expected(Expected::RightAnswerScores {
                    dimension: dimension.to_owned(),
                }),
            );
            return None;
        }
        Some(i)
    }

    pub(super) fn coverage_threshold(&mut self, threshold: Option<u32>) -> u32 {
        match threshold {
            None => DEFAULT_COVERAGE_THRESHOLD,
            Some(t) if (1..=100).contains(&t) => t,
            Some(t) => {
                self.push(
                    Draft::error(
                        "invalid-coverage-threshold",
                        Message::InvalidCoverageThreshold { value: t },
                    )
                    .at(root().key("coverage-threshold"))
                    .expected(Expected::ShareOfPoints)
                    .hint(Hint::LeaveOutFor50),
                );
                DEFAULT_COVERAGE_THRESHOLD
            }
        }
    }
}
