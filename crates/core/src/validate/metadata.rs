//! The header (format, id, version, code prefix, languages), the
//! organisation, the dimensions, the level bands and the parcours.

use super::*;

impl Validator {
    /// Format, id, version, code prefix and languages; remembers the languages
    /// for checking every text after.
    pub(super) fn header(&mut self, raw: &RawQuestionnaire) {
        if raw.format != FORMAT_VERSION {
            self.push(
                Draft::error(
                    "unsupported-format",
                    Message::UnsupportedFormat { format: raw.format },
                )
                .at(root().key("format"))
                .expected(Expected::Format {
                    version: FORMAT_VERSION,
                })
                .hint(Hint::ReadsFormat {
                    version: FORMAT_VERSION,
                }),
            );
        }
        self.id(&raw.id, root().key("id"), Thing::Questionnaire);
        if raw.version.trim().is_empty() {
            self.push(
                Draft::error("empty-text", Message::EmptyVersion)
                    .at(root().key("version"))
                    .expected(Expected::VersionExample),
            );
        }
        if !(1..=5).contains(&raw.code_prefix.len())
            || !raw.code_prefix.chars().all(|c| c.is_ascii_uppercase())
        {
            self.push(
                Draft::error(
                    "invalid-code-prefix",
                    Message::InvalidCodePrefix {
                        prefix: raw.code_prefix.clone(),
                    },
                )
                .at(root().key("code-prefix"))
                .expected(Expected::CodePrefix)
                .hint(Hint::TownInitials),
            );
        }
        self.languages(&raw.languages);
        self.translations(raw);
    }

    /// The languages in translation files: valid codes, once each, not also
    /// written inline; a note for each not yet reviewed.
    fn translations(&mut self, raw: &RawQuestionnaire) {
        for (i, t) in raw.translations.iter().enumerate() {
            let at = root().at("translations", i);
            let code = &t.language;
            if !self.language_code(code, at.key("language")) {
                continue;
            }
            if raw.languages.contains(code) {
                self.push(
                    Draft::error(
                        "translation-also-inline",
                        Message::TranslationAlsoInline { lang: code.clone() },
                    )
                    .at(at.key("language"))
                    .hint(Hint::OneLanguagePlace),
                );
            } else if !t.reviewed {
                self.push(
                    Draft::note(
                        "translation-not-reviewed",
                        Message::TranslationNotReviewed { lang: code.clone() },
                    )
                    .at(at.key("language"))
                    .hint(Hint::MarkReviewed),
                );
            }
        }
        self.unique(
            raw.translations.iter().enumerate().map(|(i, t)| {
                (
                    t.language.as_str(),
                    root().at("translations", i).key("language"),
                )
            }),
            Thing::Language,
        );
        self.translations = raw
            .translations
            .iter()
            .map(|t| t.language.clone())
            .collect();
    }

    /// One warning counting the texts left untranslated beyond those shown.
    pub(super) fn more_untranslated(&mut self, raw: &RawQuestionnaire) {
        for pack in &self.packs {
            let more = pack
                .untranslated
                .saturating_sub(crate::translate::MAX_UNTRANSLATED_SHOWN);
            let Some(i) = raw
                .translations
                .iter()
                .position(|t| t.language == pack.language)
            else {
                continue;
            };
            if more > 0 {
                let d = Draft::warning(
                    "untranslated-text",
                    Message::MoreUntranslated {
                        lang: pack.language.clone(),
                        count: more,
                    },
                )
                .at(root().at("translations", i).key("language"));
                self.out.push(d);
            }
        }
    }

    /// Whether `code` is a language code; an error at `at` if not.
    fn language_code(&mut self, code: &str, at: Path) -> bool {
        let ok = crate::text::is_language_code(code);
        if !ok {
            self.push(
                Draft::error(
                    "invalid-language",
                    Message::InvalidLanguage {
                        code: code.to_owned(),
                    },
                )
                .at(at)
                .expected(Expected::LanguageCode),
            );
        }
        ok
    }

    fn languages(&mut self, languages: &[String]) {
        if languages.is_empty() {
            self.push(
                Draft::error("no-language", Message::NoLanguage)
                    .at(root().key("languages"))
                    .expected(Expected::LanguageList),
            );
        }
        for (i, l) in languages.iter().enumerate() {
            self.language_code(l, root().at("languages", i));
        }
        self.unique(
            languages
                .iter()
                .enumerate()
                .map(|(i, l)| (l.as_str(), root().at("languages", i))),
            Thing::Language,
        );
        self.languages = languages.to_vec();
    }

    pub(super) fn organisation(&mut self, o: &RawOrganisation) -> Organisation {
        let p = root().key("organisation");
        if let Some(phone) = &o.phone {
            if !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()".contains(c))
                || !phone.chars().any(|c| c.is_ascii_digit())
            {
                self.push(
                    Draft::error(
                        "invalid-phone",
                        Message::InvalidPhone {
                            phone: phone.clone(),
                        },
                    )
                    .at(p.key("phone"))
                    .expected(Expected::PhoneNumber),
                );
            }
        }
        if let Some(email) = &o.email {
            if !email.contains('@') || email.contains(char::is_whitespace) || email.contains(':') {
                self.push(
                    Draft::error(
                        "invalid-email",
                        Message::InvalidEmail {
                            email: email.clone(),
                        },
                    )
                    .at(p.key("email"))
                    .expected(Expected::EmailAddress),
                );
            }
        }
        if let Some(site) = &o.website {
            if !site.starts_with("https://") && !site.starts_with("http://") {
                self.push(
                    Draft::error(
                        "invalid-website",
                        Message::InvalidWebsite {
                            website: site.clone(),
                        },
                    )
                    .at(p.key("website"))
                    .expected(Expected::WebAddress),
                );
            }
        }
        if let Some(logo) = &o.logo {
            // A file of the site itself (the page's policy allows no other
            // origin), and an SVG, so that it stays sharp and small.
            let relative = !logo.starts_with('/')
                && !logo.contains("..")
                && logo
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "._-/".contains(c));
            if !relative || !logo.ends_with(".svg") {
                self.push(
                    Draft::error("invalid-logo", Message::InvalidLogo { logo: logo.clone() })
                        .at(p.key("logo"))
                        .expected(Expected::SvgFile),
                );
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
            logo: o.logo.clone(),
        }
    }

    pub(super) fn dimensions(&mut self, raw: &[RawDimension]) -> Vec<Dimension> {
        let path = |i: usize| root().at("dimensions", i);
        for (i, d) in raw.iter().enumerate() {
            self.id(&d.id, path(i).key("id"), Thing::Dimension);
        }
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), path(i).key("id"))),
            Thing::Dimension,
        );
        if raw.is_empty() {
            self.push(
                Draft::error("no-dimension", Message::NoDimension)
                    .at(root().key("dimensions"))
                    .expected(Expected::ADimension),
            );
        }
        raw.iter()
            .enumerate()
            .map(|(i, d)| Dimension {
                id: d.id.clone(),
                label: self.text(&d.label, path(i).key("label")),
                description: self.opt_text(&d.description, path(i).key("description")),
                // Resolved once the questions are known (`checks`).
                checks: Vec::new(),
                self_ratings: Vec::new(),
            })
            .collect()
    }

    pub(super) fn levels(&mut self, raw: &[RawLevel]) -> Vec<Level> {
        if raw.is_empty() {
            self.push(
                Draft::error("no-level", Message::NoLevel)
                    .at(root().key("levels"))
                    .expected(Expected::LevelBands),
            );
        }
        for (i, l) in raw.iter().enumerate() {
            self.id(&l.id, root().at("levels", i).key("id"), Thing::Level);
        }
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, l)| (l.id.as_str(), root().at("levels", i).key("id"))),
            Thing::Level,
        );
        self.level_bands(raw);
        raw.iter()
            .enumerate()
            .map(|(i, l)| Level {
                id: l.id.clone(),
                label: self.text(&l.label, root().at("levels", i).key("label")),
                below: l.below,
            })
            .collect()
    }

    /// The bands cover 0 to 100 % in order: each `below` above the one before,
    /// the last one open.
    fn level_bands(&mut self, raw: &[RawLevel]) {
        let mut previous = 0;
        let last = raw.len().saturating_sub(1);
        for (i, l) in raw.iter().enumerate() {
            let path = root().at("levels", i);
            match l.below {
                Some(b) if b > 100 => {
                    self.push(
                        Draft::error("level-bands", Message::BelowOver100 { below: b })
                            .at(path.key("below"))
                            .expected(Expected::PercentFrom1To100),
                    );
                }
                Some(b) if b <= previous => {
                    self.push(
                        Draft::error("level-bands", Message::BandOverlap { below: b, previous })
                            .at(path.key("below"))
                            .expected(Expected::PercentAbove { previous })
                            .hint(Hint::LevelsInOrder),
                    );
                }
                Some(b) if i == last => {
                    self.push(
                        Draft::error("level-bands", Message::LevelGap { from: b })
                            .at(path.key("below"))
                            .expected(Expected::OpenLastLevel)
                            .hint(Hint::RemoveLastBelow),
                    );
                }
                Some(b) => previous = b,
                None if i != last => {
                    self.push(
                        Draft::error("level-bands", Message::BelowLeftOut { id: l.id.clone() })
                            .at(path.key("id"))
                            .expected(Expected::BelowAbove { previous }),
                    );
                }
                None => {}
            }
        }
    }

    pub(super) fn all_parcours(&mut self, raw: &[RawParcours]) -> Vec<Parcours> {
        for (i, p) in raw.iter().enumerate() {
            self.id(&p.id, root().at("parcours", i).key("id"), Thing::Parcours);
        }
        self.unique(
            raw.iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), root().at("parcours", i).key("id"))),
            Thing::Parcours,
        );
        if raw.is_empty() {
            self.push(
                Draft::error("no-parcours", Message::NoParcours)
                    .at(root().key("parcours"))
                    .expected(Expected::AParcours),
            );
        }
        raw.iter()
            .enumerate()
            .map(|(i, p)| self.parcours(p, root().at("parcours", i)))
            .collect()
    }

    /// One period of sessions, its dates checked.
    fn period(&mut self, s: &RawSessions, sp: Path) -> Sessions {
        let from = Date::parse(&s.from);
        let to = Date::parse(&s.to);
        for (d, raw, key) in [(from, &s.from, "from"), (to, &s.to, "to")] {
            if d.is_none() {
                self.push(
                    Draft::error("invalid-date", Message::InvalidDate { text: raw.clone() })
                        .at(sp.key(key))
                        .expected(Expected::DateFormat),
                );
            }
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                self.push(
                    Draft::error("invalid-date", Message::DatesReversed { from: f, to: t })
                        .at(sp.key("to"))
                        .expected(Expected::DateFrom { date: f }),
                );
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

    fn parcours(&mut self, p: &RawParcours, path: Path) -> Parcours {
        let mut periods: Vec<Sessions> = match (&p.sessions, &p.periods) {
            (Some(one), None) => vec![self.period(one, path.key("sessions"))],
            (None, Some(list)) => list
                .iter()
                .enumerate()
                .map(|(i, s)| self.period(s, path.at("periods", i)))
                .collect(),
            (None, None) => Vec::new(),
            (Some(_), Some(_)) => {
                self.push(
                    Draft::error("sessions-and-periods", Message::SessionsAndPeriods)
                        .at(path.key("periods"))
                        .expected(Expected::SessionsOrPeriods)
                        .hint(Hint::MoveSessionsIntoPeriods),
                );
                Vec::new()
            }
        };
        // Two periods of one parcours cannot share a day: which one would
        // residents be told about? (Written order kept for the message.)
        if let Some(list) = &p.periods {
            let mut dated: Vec<(usize, Date, Date)> = list
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((i, Date::parse(&s.from)?, Date::parse(&s.to)?)))
                .collect();
            dated.sort_by_key(|(_, from, to)| (*from, *to));
            for pair in dated.windows(2) {
                if let [(a, _, a_to), (b, b_from, _)] = pair {
                    if b_from <= a_to {
                        let (first, second) = ((*a).min(*b), (*a).max(*b));
                        self.push(
                            Draft::error(
                                "periods-overlap",
                                Message::PeriodsOverlap {
                                    parcours: p.id.clone(),
                                    first: first + 1,
                                    second: second + 1,
                                },
                            )
                            .at(path.at("periods", second).key("from"))
                            .hint(Hint::SeparatePeriods),
                        );
                    }
                }
            }
        }
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
