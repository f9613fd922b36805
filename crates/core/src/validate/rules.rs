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
            self.error(
                "no-rule",
                root().key("recommendation"),
                "there is no recommendation rule".into(),
            )
            .expected("rules such as `- when: … parcours: …`, ending with `- otherwise: true`");
        }
        for (i, r) in raw.recommendation.iter().enumerate() {
            let path = root().at("recommendation", i);
            let when = match (&r.when, r.otherwise) {
                (Some(_), Some(_)) => {
                    self.error(
                        "rule-shape",
                        path.key("otherwise"),
                        "a rule has either `when` or `otherwise: true`, not both".into(),
                    )
                    .expected("`when: <condition>` or `otherwise: true`");
                    None
                }
                (None, Some(true)) => Some(Condition::always()),
                (None, Some(false)) => {
                    self.error(
                        "rule-shape",
                        path.key("otherwise"),
                        "`otherwise: false` never holds".into(),
                    )
                    .expected("`otherwise: true`, or a `when:` condition");
                    None
                }
                (None, None) => {
                    self.error(
                        "rule-shape",
                        path.key("parcours"),
                        "this rule says neither `when` nor `otherwise`".into(),
                    )
                    .expected("`when: <condition>` or `otherwise: true`");
                    None
                }
                (Some(src), None) => self.condition(src, path.key("when"), &names),
            };
            let find = |id: &str| parcours.iter().position(|p| p.id == id);
            let target = find(&r.parcours);
            if target.is_none() {
                let hint = did_you_mean(&r.parcours, parcours.iter().map(|p| p.id.as_str()))
                    .unwrap_or_else(|| "declare it under `parcours:`".into());
                self.error(
                    "unknown-parcours",
                    path.key("parcours"),
                    format!("there is no parcours `{}`", r.parcours),
                )
                .expected(format!("one of {}", list(parcours.iter().map(|p| &p.id))))
                .hint(hint);
            }
            let next = r.next.as_ref().and_then(|n| {
                let found = find(n);
                if found.is_none() {
                    let hint = did_you_mean(n, parcours.iter().map(|p| p.id.as_str()))
                        .unwrap_or_else(|| "declare it under `parcours:`".into());
                    self.error(
                        "unknown-parcours",
                        path.key("next"),
                        format!("there is no parcours `{n}`"),
                    )
                    .expected(format!("one of {}", list(parcours.iter().map(|p| &p.id))))
                    .hint(hint);
                } else if found == target {
                    self.error(
                        "next-is-same",
                        path.key("next"),
                        "the next step is the recommended parcours itself".into(),
                    )
                    .expected("another parcours, or no `next`");
                }
                found
            });
            let because = self.text(&r.because, path.key("because"));
            if let Some(a) = always_at {
                self.push(
                    Pending::warning(
                        "unreachable-rule",
                        path.key(if r.when.is_some() {
                            "when"
                        } else {
                            "otherwise"
                        }),
                        format!(
                            "this rule can never apply: rule {} before it always holds",
                            a + 1
                        ),
                    )
                    .hint("move it above that rule, or remove it"),
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
                self.error("last-rule-not-always", root().at("recommendation", last).key(if r.is_some_and(|r| r.when.is_some()) { "when" } else { "parcours" }), "the last rule does not always hold, so some people would get no recommendation".into())
                    .expected("a last rule that always holds")
                    .hint("end the list with `- otherwise: true` and the parcours for everyone else");
            }
        }
        let explained = self
            .out
            .iter()
            .any(|p| p.diagnostic.code == "unknown-parcours");
        for (i, p) in parcours.iter().enumerate().filter(|_| !explained) {
            if !raw.recommendation.iter().any(|r| r.parcours == p.id) {
                self.error(
                    "unreachable-parcours",
                    root().at("parcours", i).key("id"),
                    format!("no rule recommends the parcours `{}`", p.id),
                )
                .expected(format!("a rule with `parcours: {}`", p.id))
                .hint("add a rule under `recommendation:`, or remove the parcours");
            }
        }
        rules
    }
}
