//! The recommendation rules: each names a parcours, the last always holds,
//! and every parcours is named.

use super::*;

impl Validator {
    pub(super) fn rules(
        &mut self,
        raw: &[RawRule],
        declared: &Declared,
        parcours: &[Parcours],
    ) -> Vec<Rule> {
        let names = declared.names(declared.infos.len(), None, true);
        if raw.is_empty() {
            self.push(
                Draft::error("no-rule", Message::NoRule)
                    .at(root().key("recommendation"))
                    .expected(Expected::RulesExample),
            );
        }
        let mut rules = Vec::new();
        // The first rule that always holds: the ones after it never apply.
        let mut always_at: Option<usize> = None;
        for (i, r) in raw.iter().enumerate() {
            let path = root().at("recommendation", i);
            let when = self.rule_condition(r, &path, &names);
            let target = self.parcours_ref(&r.parcours, path.key("parcours"), parcours);
            let next = r.next.as_ref().and_then(|n| {
                let found = self.parcours_ref(n, path.key("next"), parcours);
                if found.is_some() && found == target {
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
                let key = if r.when.is_some() {
                    "when"
                } else {
                    "otherwise"
                };
                self.push(
                    Draft::warning("unreachable-rule", Message::UnreachableRule { rule: a + 1 })
                        .at(path.key(key))
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
        self.last_rule_always(raw);
        self.every_parcours_recommended(raw, parcours);
        rules
    }

    /// A rule's `when`, or `otherwise: true` as the condition that always holds.
    fn rule_condition(&mut self, r: &RawRule, path: &Path, names: &Names) -> Option<Condition> {
        let shape = |message, key| Draft::error("rule-shape", message).at(path.key(key));
        match (&r.when, r.otherwise) {
            (Some(_), Some(_)) => {
                self.push(
                    shape(Message::WhenAndOtherwise, "otherwise")
                        .expected(Expected::WhenOrOtherwise),
                );
                None
            }
            (None, Some(true)) => Some(Condition::always()),
            (None, Some(false)) => {
                self.push(
                    shape(Message::OtherwiseFalse, "otherwise").expected(Expected::OtherwiseOrWhen),
                );
                None
            }
            (None, None) => {
                self.push(
                    shape(Message::NeitherWhenNorOtherwise, "parcours")
                        .expected(Expected::WhenOrOtherwise),
                );
                None
            }
            (Some(src), None) => self.condition(src, path.key("when"), names),
        }
    }

    /// The index of the parcours `id` names, or `None` with the problem kept.
    fn parcours_ref(&mut self, id: &str, path: Path, parcours: &[Parcours]) -> Option<usize> {
        let found = parcours.iter().position(|p| p.id == id);
        if found.is_none() {
            let hint = did_you_mean(id, parcours.iter().map(|p| p.id.as_str()))
                .unwrap_or(Hint::DeclareParcours);
            self.push(
                Draft::error(
                    "unknown-parcours",
                    Message::UnknownParcours { id: id.to_owned() },
                )
                .at(path)
                .expected(Expected::OneOf(ids(parcours.iter().map(|p| &p.id))))
                .hint(hint),
            );
        }
        found
    }

    /// Everyone gets a recommendation: the last rule always holds.
    fn last_rule_always(&mut self, raw: &[RawRule]) {
        let Some((last, r)) = raw.iter().enumerate().next_back() else {
            return;
        };
        let always = r.otherwise == Some(true) || r.when.as_deref().map(str::trim) == Some("true");
        if !always {
            let key = if r.when.is_some() { "when" } else { "parcours" };
            self.push(
                Draft::error("last-rule-not-always", Message::LastRuleNotAlways)
                    .at(root().at("recommendation", last).key(key))
                    .expected(Expected::LastRuleAlways)
                    .hint(Hint::EndWithOtherwise),
            );
        }
    }

    /// Every parcours is named by some rule. (Not said when a misspelt
    /// parcours already explains it.)
    fn every_parcours_recommended(&mut self, raw: &[RawRule], parcours: &[Parcours]) {
        if self.found(&["unknown-parcours"]) {
            return;
        }
        for (i, p) in parcours.iter().enumerate() {
            if !raw.iter().any(|r| r.parcours == p.id) {
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
    }
}
