//! Scales, sections, questions and their options, and the conditions of `show-if`.

use super::*;

impl Validator {
    /// Validated scale steps, by scale id.
    pub(super) fn scales(&mut self, raw: &[RawScale], dims: &[Dimension]) -> Scales {
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
            let v = s
                .steps
                .iter()
                .enumerate()
                .map(|(k, o)| {
                    let op = path.at("steps", k);
                    let value = self.step_value(o, &op);
                    (self.option(o, op, dims, &RawKind::Scale), value)
                })
                .collect();
            self.option_checks(&s.steps, path.key("steps"));
            out.insert(s.id.clone(), v);
        }
        out
    }

    /// The points of a scale step (0 when wrong, with the problem kept).
    fn step_value(&mut self, o: &RawOption, op: &Path) -> u32 {
        if !o.scores.is_empty() {
            self.push(
                Draft::error("misplaced-key", Message::StepWithScores)
                    .at(op.key("scores"))
                    .expected(Expected::StepValue)
                    .hint(Hint::ScoresOnQuestions),
            );
        }
        match (o.value, o.dont_know) {
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
        }
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

    /// The sections and, flattened, their questions; then the ids that must be unique.
    pub(super) fn sections(
        &mut self,
        raw: &[RawSection],
        declared: &Declared,
    ) -> (Vec<Section>, Vec<Question>) {
        let mut questions = Vec::new();
        let sections = raw
            .iter()
            .enumerate()
            .map(|(si, s)| self.section(s, si, &mut questions, declared))
            .collect();
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), root().at("sections", i).key("id"))),
            Thing::Section,
        );
        self.unique(
            raw.iter().enumerate().flat_map(|(i, s)| {
                s.questions.iter().enumerate().map(move |(k, q)| {
                    (
                        q.id.as_str(),
                        root().at("sections", i).at("questions", k).key("id"),
                    )
                })
            }),
            Thing::Question,
        );
        if questions.is_empty() {
            self.push(
                Draft::error("no-question", Message::NoQuestion)
                    .at(root().key("sections"))
                    .expected(Expected::ASection),
            );
        }
        (sections, questions)
    }

    /// Section `si`; its questions are added to `questions`.
    fn section(
        &mut self,
        s: &RawSection,
        si: usize,
        questions: &mut Vec<Question>,
        declared: &Declared,
    ) -> Section {
        let spath = root().at("sections", si);
        self.id(&s.id, spath.key("id"), Thing::Section);
        let first = questions.len();
        let show_if = s.show_if.as_ref().and_then(|src| {
            self.condition(
                src,
                spath.key("show-if"),
                &declared.names(first, None, false),
            )
        });
        if s.questions.is_empty() {
            self.push(
                Draft::error("empty-section", Message::EmptySection)
                    .at(spath.key("questions"))
                    .expected(Expected::AQuestion)
                    .hint(Hint::AddQuestionOrRemoveSection),
            );
        }
        for (k, rq) in s.questions.iter().enumerate() {
            let q = self.question(rq, spath.at("questions", k), si, questions.len(), declared);
            questions.push(q);
        }
        Section {
            id: s.id.clone(),
            title: self.text(&s.title, spath.key("title")),
            intro: self.opt_text(&s.intro, spath.key("intro")),
            show_if,
            questions: first..questions.len(),
        }
    }

    /// Question `index` (counted across sections), in section `section`.
    fn question(
        &mut self,
        q: &RawQuestion,
        path: Path,
        section: usize,
        index: usize,
        declared: &Declared,
    ) -> Question {
        self.id(&q.id, path.key("id"), Thing::Question);
        let show_if = q.show_if.as_ref().and_then(|src| {
            self.condition(
                src,
                path.key("show-if"),
                &declared.names(index, Some(index), false),
            )
        });
        if let Some(p) = &q.pictogram {
            self.id(p, path.key("pictogram"), Thing::Pictogram);
        }
        let options = match q.kind {
            RawKind::Scale => self.scale_options(q, &path, declared),
            kind => self.written_options(q, &path, kind, declared.dims),
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

    /// A scale question's options: its scale's steps, each scoring the
    /// question's weights times the step's value.
    fn scale_options(
        &mut self,
        q: &RawQuestion,
        path: &Path,
        declared: &Declared,
    ) -> Vec<AnswerOption> {
        if q.options.is_some() {
            self.push(
                Draft::error("misplaced-key", Message::ScaleWithOptions)
                    .at(path.key("options"))
                    .expected(Expected::ScaleNoOptions)
                    .hint(Hint::SingleToWriteOptions),
            );
        }
        let weights = q.scores.clone().unwrap_or_default();
        let weights = self.scores(&weights, path.key("scores"), declared.dims);
        let scales = declared.scales;
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

    /// The options written out under a yes-no, single or multiple-choice question.
    fn written_options(
        &mut self,
        q: &RawQuestion,
        path: &Path,
        kind: RawKind,
        dims: &[Dimension],
    ) -> Vec<AnswerOption> {
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
        // Without `options:` the count is pointed at the `kind:` that asks for them.
        let count_path = || {
            if q.options.is_some() {
                opath.clone()
            } else {
                path.key("kind")
            }
        };
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
                        .at(count_path())
                        .expected(Expected::TwoOrMoreOptions),
                );
            }
            RawKind::Multiple if answers < 1 => {
                self.push(
                    Draft::error("wrong-option-count", Message::MultipleWithoutOption)
                        .at(count_path())
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
