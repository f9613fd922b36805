//! The organisation, the level bands and the parcours.

use super::*;

impl Validator {
    pub(super) fn organisation(&mut self, o: &RawOrganisation) -> Organisation {
        let p = root().key("organisation");
        if let Some(phone) = &o.phone {
            if !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
                || !phone.chars().any(|c| c.is_ascii_digit())
            {
                self.error(
                    "invalid-phone",
                    p.key("phone"),
                    format!("`{phone}` is not a phone number"),
                )
                .expected("digits, spaces and +, such as \"01 40 85 57 00\"");
            }
        }
        if let Some(email) = &o.email {
            if !email.contains('@') || email.contains(char::is_whitespace) || email.contains(':') {
                self.error(
                    "invalid-email",
                    p.key("email"),
                    format!("`{email}` is not an e-mail address"),
                )
                .expected("an address such as contact@mairie.fr");
            }
        }
        if let Some(site) = &o.website {
            if !site.starts_with("https://") && !site.starts_with("http://") {
                self.error(
                    "invalid-website",
                    p.key("website"),
                    format!("`{site}` is not a web address"),
                )
                .expected("an address starting with https://");
            }
        }
        Organisation {
            name: self.text(&o.name, p.key("name")),
            address: self.opt_text(&o.address, p.key("address")),
            phone: o.phone.clone(),
            email: o.email.clone(),
            website: o.website.clone(),
            permanence: o.permanence.as_ref().map(|pm| Permanence {
                place: self.text(&pm.place, p.key("permanence").key("place")),
                hours: self.text(&pm.hours, p.key("permanence").key("hours")),
            }),
        }
    }

    pub(super) fn levels(&mut self, raw: &[RawLevel]) -> Vec<Level> {
        if raw.is_empty() {
            self.error(
                "no-level",
                root().key("levels"),
                "no level is declared".into(),
            )
            .expected("bands such as { id: debutant, below: 40 } … and a last one without `below`");
        }
        for (i, l) in raw.iter().enumerate() {
            self.id(&l.id, root().at("levels", i).key("id"), "level");
        }
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, l)| (l.id.as_str(), root().at("levels", i).key("id"))),
            "level",
        );
        let mut previous = 0;
        let last = raw.len().saturating_sub(1);
        for (i, l) in raw.iter().enumerate() {
            let path = root().at("levels", i);
            match l.below {
                Some(b) if b > 100 => {
                    self.error(
                        "level-bands",
                        path.key("below"),
                        format!("`below: {b}` is more than 100 %"),
                    )
                    .expected("a percentage from 1 to 100");
                }
                Some(b) if b <= previous => {
                    self.error("level-bands", path.key("below"), format!("this band overlaps the one before: `below: {b}` is not above {previous}"))
                        .expected(format!("a percentage above {previous}"))
                        .hint("list the levels from the lowest to the highest");
                }
                Some(b) if i == last => {
                    self.error(
                        "level-bands",
                        path.key("below"),
                        format!("percentages from {b} to 100 have no level"),
                    )
                    .expected("a last level without `below`, which takes everything above")
                    .hint("remove `below` from the last level");
                }
                Some(b) => previous = b,
                None if i != last => {
                    self.error(
                        "level-bands",
                        path.key("id"),
                        format!(
                            "only the last level may leave out `below`, but `{}` is not last",
                            l.id
                        ),
                    )
                    .expected("`below: N` with N above ".to_owned() + &previous.to_string());
                }
                None => {}
            }
        }
        raw.iter()
            .enumerate()
            .map(|(i, l)| Level {
                id: l.id.clone(),
                label: self.text(&l.label, root().at("levels", i).key("label")),
                below: l.below,
            })
            .collect()
    }

    /// One period of sessions, its dates checked.
    fn period(&mut self, s: &RawSessions, sp: Path) -> Sessions {
        let from = Date::parse(&s.from);
        let to = Date::parse(&s.to);
        for (d, raw, key) in [(from, &s.from, "from"), (to, &s.to, "to")] {
            if d.is_none() {
                self.error(
                    "invalid-date",
                    sp.key(key),
                    format!("`{raw}` is not a date"),
                )
                .expected("a date written YYYY-MM-DD, such as 2026-09-12");
            }
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                self.error(
                    "invalid-date",
                    sp.key("to"),
                    format!("the sessions end ({t}) before they start ({f})"),
                )
                .expected(format!("a date on or after {f}"));
            }
        }
        let fallback = Date {
            year: 2000,
            month: 1,
            day: 1,
        };
        Sessions {
            from: from.unwrap_or(fallback),
            to: to.unwrap_or(fallback),
            schedule: self.opt_text(&s.schedule, sp.key("schedule")),
            place: self.opt_text(&s.place, sp.key("place")),
        }
    }

    pub(super) fn parcours(&mut self, p: &RawParcours, path: Path) -> Parcours {
        let mut periods: Vec<Sessions> = match (&p.sessions, &p.periods) {
            (Some(one), None) => vec![self.period(one, path.key("sessions"))],
            (None, Some(list)) => list
                .iter()
                .enumerate()
                .map(|(i, s)| self.period(s, path.at("periods", i)))
                .collect(),
            (None, None) => Vec::new(),
            (Some(_), Some(_)) => {
                self.error(
                    "sessions-and-periods",
                    path.key("periods"),
                    "both `sessions` and `periods` are given".to_owned(),
                )
                .expected("either `sessions` (one period) or `periods` (a list of periods)")
                .hint("move the `sessions` period into the `periods` list");
                Vec::new()
            }
        };
        // Earliest first, whatever the order written: "the next one" is the first to come.
        periods.sort_by_key(|s| (s.from, s.to));
        Parcours {
            id: p.id.clone(),
            title: self.text(&p.title, path.key("title")),
            summary: self.text(&p.summary, path.key("summary")),
            learn: p
                .learn
                .iter()
                .enumerate()
                .map(|(i, t)| self.text(t, path.at("learn", i)))
                .collect(),
            periods,
            place: self.opt_text(&p.place, path.key("place")),
            register: self.opt_text(&p.register, path.key("register")),
        }
    }
}
