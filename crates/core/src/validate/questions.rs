//! Scales, questions and their options, and the conditions of `show-if`.

use super::*;

impl Validator {
    /// Validated scale steps, by scale id.
    pub(super) fn scales(
        &mut self,
        raw: &[RawScale],
        dims: &[Dimension],
    ) -> BTreeMap<String, Vec<(AnswerOption, u32)>> {
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), root().at("scales", i).key("id"))),
            Thing::Scale,
        );
        let mut out = BTreeMap::new();
        for (i, s) in raw.iter().enumerate() {
            let path = root().at("scales", i);
            self.id(&s.id, path.key("id"), Thing::Scale);
            let steps = s.steps.iter().filter(|o| !o.dont_know).count();
            if steps < 2 {
                self.push(
                    Draft::error(
                        "too-few-options",
                        Message::TooFewSteps {
                            scale: s.id.clone(),
                            steps,
                        },
                    )
                    .at(path.key("steps"))
                    .expected(Expected::TwoSteps),
                );
            }
            let mut v = Vec::new();
            for (k, o) in s.steps.iter().enumerate() {
                let op = path.at("steps", k);
                if !o.scores.is_empty() {
                    self.push(
                        Draft::error("misplaced-key", Message::StepWithScores)
                            .at(op.key("scores"))
                            .expected(Expected::StepValue)
                            .hint(Hint::ScoresOnQuestions),
                    );
                }
                let value = match (o.value, o.dont_know) {
                    (Some(_), true) => {
                        self.push(
                            Draft::error("dont-know-scored", Message::DontKnowStepValue)
                                .at(op.key("value"))
                                .expected(Expected::NoValueOnDontKnow),
                        );
                        0
                    }
                    (None, false) => {
                        self.push(
                            Draft::error(
                                "missing-value",
                                Message::StepWithoutValue { step: o.id.clone() },
                            )
                            .at(op.key("id"))
                            .expected(Expected::StepPoints),
                        );
                        0
                    }
                    (Some(x), false) if x > MAX_POINTS => {
                        self.push(
                            Draft::error(
                                "score-too-large",
                                Message::ValueTooLarge {
                                    value: x,
                                    max: MAX_POINTS,
                                },
                            )
                            .at(op.key("value"))
                            .expected(Expected::WholeNumberUpTo { max: MAX_POINTS }),
                        );
                        0
                    }
                    (v, _) => v.unwrap_or(0),
                };
                let option = self.option(o, op, dims, &RawKind::Scale);
                v.push((option, value));
            }
            self.option_checks(&s.steps, path.key("steps"));
            out.insert(s.id.clone(), v);
        }
        out
    }

    pub(super) fn option_checks(&mut self, options: &[RawOption], path: Path) {
        for (k, o) in options.iter().enumerate() {
            self.id(&o.id, path.index(k).key("id"), Thing::Option);
        }
        self.unique(
            options
                .iter()
                .enumerate()
                .map(|(k, o)| (o.id.as_str(), path.index(k).key("id"))),
            Thing::Option,
        );
        if options.len() > MAX_OPTIONS {
            self.push(
                Draft::error(
                    "too-many-options",
                    Message::TooManyOptions {
                        count: options.len(),
                    },
                )
                .at(path.clone())
                .expected(Expected::AtMostOptions { max: MAX_OPTIONS }),
            );
        }
        let dont_know: Vec<usize> = options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.dont_know)
            .map(|(k, _)| k)
            .collect();
        if let Some(second) = dont_know.get(1) {
            self.push(
                Draft::error("dont-know-twice", Message::DontKnowTwice)
                    .at(path.index(*second).key("dont-know"))
                    .expected(Expected::OneDontKnow),
            );
        }
    }

    pub(super) fn option(
        &mut self,
        o: &RawOption,
        path: Path,
        dims: &[Dimension],
        kind: &RawKind,
    ) -> AnswerOption {
        if o.dont_know && o.scores.values().any(|p| *p > 0) {
            self.push(
                Draft::error("dont-know-scored", Message::DontKnowScored)
                    .at(path.key("scores"))
                    .expected(Expected::NoScoresOnDontKnow)
                    .hint(Hint::DontKnowCountedApart),
            );
        }
        if o.value.is_some() && *kind != RawKind::Scale {
            self.push(
                Draft::error("misplaced-key", Message::ValueOnOption)
                    .at(path.key("value"))
                    .expected(Expected::OptionScores),
            );
        }
        AnswerOption {
            id: o.id.clone(),
            text: self.text(&o.text, path.key("text")),
            scores: self.scores(&o.scores, path.key("scores"), dims),
            dont_know: o.dont_know,
        }
    }

    pub(super) fn scores(
        &mut self,
        scores: &BTreeMap<String, u32>,
        path: Path,
        dims: &[Dimension],
    ) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        for (d, p) in scores {
            match dims.iter().position(|x| x.id == *d) {
                Some(i) => out.push((i, *p)),
                None => {
                    let hint = did_you_mean(d, dims.iter().map(|x| x.id.as_str()))
                        .unwrap_or(Hint::DeclareDimension);
                    self.push(
                        Draft::error(
                            "unknown-dimension",
                            Message::UnknownDimension { id: d.clone() },
                        )
                        .at(path.clone())
                        .expected(Expected::OneOf(ids(dims.iter().map(|x| &x.id))))
                        .hint(hint),
                    );
                }
            }
            if *p > MAX_POINTS {
                self.push(
                    Draft::error(
                        "score-too-large",
                        Message::PointsTooLarge {
                            points: *p,
                            max: MAX_POINTS,
                        },
                    )
                    .at(path.clone())
                    .expected(Expected::WholeNumberUpTo { max: MAX_POINTS }),
                );
            }
        }
        out
    }

    pub(super) fn question_infos(
        &self,
        raw: &RawQuestionnaire,
        scales: &BTreeMap<String, Vec<(AnswerOption, u32)>>,
    ) -> Vec<QInfo> {
        raw.sections
            .iter()
            .flat_map(|s| s.questions.iter())
            .map(|q| QInfo {
                id: q.id.clone(),
                kind: q.kind,
                options: match (q.kind, &q.scale, &q.options) {
                    (RawKind::Scale, Some(s), _) => scales
                        .get(s)
                        .map(|v| v.iter().map(|(o, _)| o.id.clone()).collect())
                        .unwrap_or_default(),
                    (_, _, Some(opts)) => opts.iter().map(|o| o.id.clone()).collect(),
                    _ => Vec::new(),
                },
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn question(
        &mut self,
        q: &RawQuestion,
        path: Path,
        section: usize,
        index: usize,
        infos: &[QInfo],
        scales: &BTreeMap<String, Vec<(AnswerOption, u32)>>,
        dims: &[Dimension],
        levels: &[Level],
    ) -> Question {
        self.id(&q.id, path.key("id"), Thing::Question);
        let show_if = q.show_if.as_ref().and_then(|src| {
            self.condition(
                src,
                path.key("show-if"),
                &Names {
                    infos,
                    before: index,
                    current: Some(index),
                    dims,
                    levels,
                    scores: false,
                },
            )
        });
        if let Some(p) = &q.pictogram {
            self.id(p, path.key("pictogram"), Thing::Pictogram);
        }
        let options = match q.kind {
            RawKind::Scale => {
                if q.options.is_some() {
                    self.push(
                        Draft::error("misplaced-key", Message::ScaleWithOptions)
                            .at(path.key("options"))
                            .expected(Expected::ScaleNoOptions)
                            .hint(Hint::SingleToWriteOptions),
                    );
                }
                let weights = q.scores.clone().unwrap_or_default();
                let weights = self.scores(&weights, path.key("scores"), dims);
                match q.scale.as_ref().map(|s| (s, scales.get(s))) {
                    None => {
                        self.push(
                            Draft::error("missing-scale", Message::MissingScale)
                                .at(path.key("kind"))
                                .expected(Expected::ScaleOneOf(ids(scales.keys()))),
                        );
                        Vec::new()
                    }
                    Some((s, None)) => {
                        let hint = did_you_mean(s, scales.keys().map(String::as_str))
                            .unwrap_or(Hint::DeclareScale);
                        self.push(
                            Draft::error("unknown-scale", Message::UnknownScale { id: s.clone() })
                                .at(path.key("scale"))
                                .expected(Expected::OneOf(ids(scales.keys())))
                                .hint(hint),
                        );
                        Vec::new()
                    }
                    Some((_, Some(steps))) => steps
                        .iter()
                        .map(|(o, value)| AnswerOption {
                            scores: if o.dont_know {
                                Vec::new()
                            } else {
                                weights
                                    .iter()
                                    .map(|(d, w)| (*d, w.saturating_mul(*value)))
                                    .collect()
                            },
                            ..o.clone()
                        })
                        .collect(),
                }
            }
            kind => {
                if q.scale.is_some() {
                    self.push(
                        Draft::error("misplaced-key", Message::ScaleOnOtherKind)
                            .at(path.key("scale"))
                            .expected(Expected::ScaleOrOptions),
                    );
                }
                if q.scores.is_some() {
                    self.push(
                        Draft::error("misplaced-key", Message::ScoresOnOtherKind)
                            .at(path.key("scores"))
                            .expected(Expected::ScoresOnEachOption),
                    );
                }
                let raw_options = q.options.as_deref().unwrap_or_default();
                let opath = path.key("options");
                let answers = raw_options.iter().filter(|o| !o.dont_know).count();
                match kind {
                    RawKind::YesNo if answers != 2 => {
                        self.push(
                            Draft::error("wrong-option-count", Message::YesNoCount { answers })
                                .at(opath.clone())
                                .expected(Expected::YesNoOptions)
                                .hint(Hint::SingleForMoreAnswers),
                        );
                    }
                    RawKind::Single if answers < 2 => {
                        self.push(
                            Draft::error("wrong-option-count", Message::SingleCount { answers })
                                .at(if q.options.is_some() {
                                    opath.clone()
                                } else {
                                    path.key("kind")
                                })
                                .expected(Expected::TwoOrMoreOptions),
                        );
                    }
                    RawKind::Multiple if answers < 1 => {
                        self.push(
                            Draft::error("wrong-option-count", Message::MultipleWithoutOption)
                                .at(if q.options.is_some() {
                                    opath.clone()
                                } else {
                                    path.key("kind")
                                })
                                .expected(Expected::OneOrMoreOptions),
                        );
                    }
                    _ => {}
                }
                self.option_checks(raw_options, opath.clone());
                raw_options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| self.option(o, opath.index(k), dims, &kind))
                    .collect()
            }
        };
        Question {
            id: q.id.clone(),
            kind: match q.kind {
                RawKind::Single => Kind::Single,
                RawKind::Multiple => Kind::Multiple,
                RawKind::YesNo => Kind::YesNo,
                RawKind::Scale => Kind::Scale,
            },
            text: self.text(&q.text, path.key("text")),
            help: self.opt_text(&q.help, path.key("help")),
            pictogram: q.pictogram.clone(),
            show_if,
            options,
            section,
        }
    }

    /// The parsed condition, or `None` with its problem kept, located at `path`.
    pub(super) fn condition(&mut self, src: &str, path: Path, names: &Names) -> Option<Condition> {
        match condition::parse(src, names) {
            Ok(c) => Some(c),
            Err(d) => {
                self.push(d.at(path));
                None
            }
        }
    }
}
