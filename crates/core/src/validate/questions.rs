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
            "scale",
        );
        let mut out = BTreeMap::new();
        for (i, s) in raw.iter().enumerate() {
            let path = root().at("scales", i);
            self.id(&s.id, path.key("id"), "scale");
            let steps = s.steps.iter().filter(|o| !o.dont_know).count();
            if steps < 2 {
                self.error(
                    "too-few-options",
                    path.key("steps"),
                    format!("the scale `{}` has {steps} step(s)", s.id),
                )
                .expected("at least two steps, from the weakest to the strongest");
            }
            let mut v = Vec::new();
            for (k, o) in s.steps.iter().enumerate() {
                let op = path.at("steps", k);
                if !o.scores.is_empty() {
                    self.error(
                        "misplaced-key",
                        op.key("scores"),
                        "a scale step has a `value`, not `scores`".into(),
                    )
                    .expected("`value: N`; each question says which dimensions the scale scores")
                    .hint("move the scores to the questions as `scores: { dimension: weight }`");
                }
                let value = match (o.value, o.dont_know) {
                    (Some(_), true) => {
                        self.error(
                            "dont-know-scored",
                            op.key("value"),
                            "a \"Je ne sais pas\" step scores nothing and takes no `value`".into(),
                        )
                        .expected("no `value` on a step with `dont-know: true`");
                        0
                    }
                    (None, false) => {
                        self.error(
                            "missing-value",
                            op.key("id"),
                            format!("the step `{}` has no `value`", o.id),
                        )
                        .expected("`value: N`, the points of this step (0 for the weakest)");
                        0
                    }
                    (Some(x), false) if x > MAX_POINTS => {
                        self.error(
                            "score-too-large",
                            op.key("value"),
                            format!("{x} is more than {MAX_POINTS}"),
                        )
                        .expected(format!("a whole number from 0 to {MAX_POINTS}"));
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
            self.id(&o.id, path.index(k).key("id"), "option");
        }
        self.unique(
            options
                .iter()
                .enumerate()
                .map(|(k, o)| (o.id.as_str(), path.index(k).key("id"))),
            "option",
        );
        if options.len() > MAX_OPTIONS {
            self.error(
                "too-many-options",
                path.clone(),
                format!("{} options is too many", options.len()),
            )
            .expected(format!("at most {MAX_OPTIONS} options"));
        }
        let dont_know: Vec<usize> = options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.dont_know)
            .map(|(k, _)| k)
            .collect();
        if let Some(second) = dont_know.get(1) {
            self.error(
                "dont-know-twice",
                path.index(*second).key("dont-know"),
                "there are two \"Je ne sais pas\" answers".into(),
            )
            .expected("at most one option with `dont-know: true`");
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
            self.error(
                "dont-know-scored",
                path.key("scores"),
                "a \"Je ne sais pas\" answer cannot give points".into(),
            )
            .expected("no `scores` on an option with `dont-know: true`")
            .hint("\"Je ne sais pas\" scores nothing and is counted on its own");
        }
        if o.value.is_some() && *kind != RawKind::Scale {
            self.error(
                "misplaced-key",
                path.key("value"),
                "`value` belongs to the steps of a scale".into(),
            )
            .expected("`scores: { dimension: points }` on a question's options");
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
                        .unwrap_or_else(|| "declare it under `dimensions:`".into());
                    self.error(
                        "unknown-dimension",
                        path.clone(),
                        format!("there is no dimension `{d}`"),
                    )
                    .expected(format!("one of {}", list(dims.iter().map(|x| &x.id))))
                    .hint(hint);
                }
            }
            if *p > MAX_POINTS {
                self.error(
                    "score-too-large",
                    path.clone(),
                    format!("{p} points is more than {MAX_POINTS}"),
                )
                .expected(format!("a whole number from 0 to {MAX_POINTS}"));
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
        self.id(&q.id, path.key("id"), "question");
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
            self.id(p, path.key("pictogram"), "pictogram");
        }
        let options = match q.kind {
            RawKind::Scale => {
                if q.options.is_some() {
                    self.error(
                        "misplaced-key",
                        path.key("options"),
                        "a scale question takes its answers from its scale".into(),
                    )
                    .expected("`scale: <scale id>` and no `options`")
                    .hint("use `kind: single` to write the options out");
                }
                let weights = q.scores.clone().unwrap_or_default();
                let weights = self.scores(&weights, path.key("scores"), dims);
                match q.scale.as_ref().map(|s| (s, scales.get(s))) {
                    None => {
                        self.error(
                            "missing-scale",
                            path.key("kind"),
                            "a scale question needs `scale:`".into(),
                        )
                        .expected(format!("`scale:` with one of {}", list(scales.keys())));
                        Vec::new()
                    }
                    Some((s, None)) => {
                        let hint = did_you_mean(s, scales.keys().map(String::as_str))
                            .unwrap_or_else(|| "declare it under `scales:`".into());
                        self.error(
                            "unknown-scale",
                            path.key("scale"),
                            format!("there is no scale `{s}`"),
                        )
                        .expected(format!("one of {}", list(scales.keys())))
                        .hint(hint);
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
                    self.error(
                        "misplaced-key",
                        path.key("scale"),
                        "only a scale question takes `scale:`".into(),
                    )
                    .expected("`kind: scale`, or `options:` without `scale:`");
                }
                if q.scores.is_some() {
                    self.error("misplaced-key", path.key("scores"), "a question's `scores` are weights of a scale".into())
                        .expected("scores on each option: `options: [ { id: …, scores: { dimension: points } } ]`");
                }
                let raw_options = q.options.as_deref().unwrap_or_default();
                let opath = path.key("options");
                let answers = raw_options.iter().filter(|o| !o.dont_know).count();
                match kind {
                    RawKind::YesNo if answers != 2 => {
                        self.error(
                            "wrong-option-count",
                            opath.clone(),
                            format!("a yes-no question has exactly two answers, not {answers}"),
                        )
                        .expected(
                            "a yes option and a no option, and possibly one with `dont-know: true`",
                        )
                        .hint("use `kind: single` for more answers");
                    }
                    RawKind::Single if answers < 2 => {
                        self.error("wrong-option-count", if q.options.is_some() { opath.clone() } else { path.key("kind") }, format!("a single-choice question needs at least two answers, not {answers}"))
                            .expected("two or more options");
                    }
                    RawKind::Multiple if answers < 1 => {
                        self.error(
                            "wrong-option-count",
                            if q.options.is_some() {
                                opath.clone()
                            } else {
                                path.key("kind")
                            },
                            "a multiple-choice question needs at least one option".into(),
                        )
                        .expected("one or more options");
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

    pub(super) fn condition(&mut self, src: &str, path: Path, names: &Names) -> Option<Condition> {
        match condition::parse(src, names) {
            Ok(c) => Some(c),
            Err(e) => {
                self.condition_error(e, path);
                None
            }
        }
    }

    pub(super) fn condition_error(&mut self, e: ConditionError, path: Path) {
        let mut p = Pending::error(e.code, path, e.message).span(e.offset, e.width);
        p.diagnostic.expected = e.expected;
        p.diagnostic.hint = e.hint;
        self.push(p);
    }
}
