//! The recommendation rules: each names a parcours, the last always holds,
//! and every parcours is named.

use super::*;

impl Validator {
    pub(super) fn rules(
        &mut self,
        raw: &RawQuestionnaire,
        infos: &[QInfo],
        dims: &[Dimension],
        levels: &[Level],
        parcours: &[Parcours],
    ) -> Vec<Rule> {
        let names = Names {
            infos,
            before: infos.len(),
            current: None,
            dims,
            levels,
            scores: true,
        };
        let mut rules = Vec::new();
        let mut always_at: Option<usize> = None;
        if raw.recommendation.is_empty() {
            self.push(
                Draft::error("no-rule", Message::NoRule)
                    .at(root().key("recommendation"))
                    .expected(Expected::RulesExample),
            );
        }
        for (i, r) in raw.recommendation.iter().enumerate() {
            let path = root().at("recommendation", i);
            let when = match (&r.when, r.otherwise) {
                (Some(_), Some(_)) => {
                    self.push(
                        Draft::error("rule-shape", Message::WhenAndOtherwise)
                            .at(path.key("otherwise"))
                            .expected(Expected::WhenOrOtherwise),
                    );
                    None
                }
                (None, Some(true)) => Some(Condition::always()),
                (None, Some(false)) => {
                    self.push(
                        Draft::error("rule-shape", Message::OtherwiseFalse)
                            .at(path.key("otherwise"))
                            .expected(Expected::OtherwiseOrWhen),
                    );
                    None
                }
                (None, None) => {
                    self.push(
                        Draft::error("rule-shape", Message::NeitherWhenNorOtherwise)
                            .at(path.key("parcours"))
                            .expected(Expected::WhenOrOtherwise),
                    );
                    None
                }
                (Some(src), None) => self.condition(src, path.key("when"), &names),
            };
            let find = |id: &str| parcours.iter().position(|p| p.id == id);
            let target = find(&r.parcours);
            if target.is_none() {
                let hint = did_you_mean(&r.parcours, parcours.iter().map(|p| p.id.as_str()))
                    .unwrap_or(Hint::DeclareParcours);
                self.push(
                    Draft::error(
                        "unknown-parcours",
                        Message::UnknownParcours {
                            id: r.parcours.clone(),
                        },
                    )
                    .at(path.key("parcours"))
                    .expected(Expected::OneOf(ids(parcours.iter().map(|p| &p.id))))
                    .hint(hint),
                );
            }
            let next = r.next.as_ref().and_then(|n| {
                let found = find(n);
                if found.is_none() {
                    let hint = did_you_mean(n, parcours.iter().map(|p| p.id.as_str()))
                        .unwrap_or(Hint::DeclareParcours);
                    self.push(
                        Draft::error(
                            "unknown-parcours",
                            Message::UnknownParcours { id: n.clone() },
                        )
                        .at(path.key("next"))
                        .expected(Expected::OneOf(ids(parcours.iter().map(|p| &p.id))))
                        .hint(hint),
                    );
                } else if found == target {
                    self.push(
                        Draft::error("next-is-same", Message::NextIsSame)
                            .at(path.key("next"))
                            .expected(Expected::AnotherParcours),
                    );
                }
                found
            });
            let because = self.text(&r.because, path.key("because"));
            if let Some(a) = always_at {
                self.push(
                    Draft::warning("unreachable-rule", Message::UnreachableRule { rule: a + 1 })
                        .at(path.key(if r.when.is_some() {
                            "when"
                        } else {
                            "otherwise"
                        }))
                        .hint(Hint::MoveRuleUp),
                );
            }
            if when.as_ref().is_some_and(Condition::is_always) && always_at.is_none() {
                always_at = Some(i);
            }
            if let (Some(when), Some(parcours)) = (when, target) {
                rules.push(Rule {
                    when,
                    parcours,
                    because,
                    next,
                });
            }
        }
        if let Some(last) = raw.recommendation.len().checked_sub(1) {
            let r = raw.recommendation.get(last);
            let last_always = r.is_some_and(|r| {
                r.otherwise == Some(true) || r.when.as_deref().map(str::trim) == Some("true")
            });
            if !last_always {
                let key = if r.is_some_and(|r| r.when.is_some()) {
                    "when"
                } else {
                    "parcours"
                };
                self.push(
                    Draft::error("last-rule-not-always", Message::LastRuleNotAlways)
                        .at(root().at("recommendation", last).key(key))
                        .expected(Expected::LastRuleAlways)
                        .hint(Hint::EndWithOtherwise),
                );
            }
        }
        let explained = self.out.iter().any(|d| d.code == "unknown-parcours");
        for (i, p) in parcours.iter().enumerate().filter(|_| !explained) {
            if !raw.recommendation.iter().any(|r| r.parcours == p.id) {
                self.push(
                    Draft::error(
                        "unreachable-parcours",
                        Message::UnreachableParcours { id: p.id.clone() },
                    )
                    .at(root().at("parcours", i).key("id"))
                    .expected(Expected::RuleFor {
                        parcours: p.id.clone(),
                    })
                    .hint(Hint::AddRuleOrRemoveParcours),
                );
            }
        }
        rules
    }
}
