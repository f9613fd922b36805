//! The compact form of a validated questionnaire: what the resident's page
//! reads instead of YAML, so that no YAML reader reaches the resident's phone.
//!
//! Made by [`Questionnaire::to_compact`] from a questionnaire that loaded
//! without errors (by the site build, `diag compile` and the preview's
//! "publish"); read back by [`Questionnaire::from_compact`], which checks
//! every index so that a damaged file gives an error, never a panic.
//!
//! Layout: the magic `DIAGQ`, the layout version (one byte), the format
//! version of the YAML it was made from, the [`digest`] of that YAML text,
//! then the model's fields in declaration order. Integers are LEB128
//! varints, strings are a length and UTF-8 bytes, options a 0/1 tag, lists a
//! length and their items.

use crate::condition::{Condition, Expr, Op};
use crate::model::{
    AnswerOption, Date, Dimension, Kind, Level, Organisation, Parcours, Permanence, Question,
    Questionnaire, Rule, Section, Sessions, Translation,
};
use crate::text::Text;
use std::fmt;

const MAGIC: &[u8] = b"DIAGQ";
/// Starts a language pack: one translation file's texts, for one compact form.
const PACK_MAGIC: &[u8] = b"DIAGL";
/// Version of the compact layout; bumped whenever the model's shape changes.
pub const COMPACT_VERSION: u8 = 5;
/// Deepest condition nesting read back (the parser accepts 32).
const MAX_DEPTH: usize = 64;

/// The digest of a questionnaire's YAML text: 64-bit FNV-1a over its UTF-8
/// bytes, after a leading byte-order mark (which browsers drop when they
/// decode text). It detects a hand edit of the published file; it is not a
/// security measure.
pub fn digest(yaml: &str) -> u64 {
    let text = yaml.strip_prefix('\u{feff}').unwrap_or(yaml);
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What the header of a compact file says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompactHeader {
    /// The questionnaire format version of the YAML it was made from.
    pub format: u32,
    /// The [`digest`] of that YAML text.
    pub digest: u64,
}

/// Why a compact file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompactError {
    /// It does not start with the magic bytes: not a compact questionnaire.
    NotCompact,
    /// A language pack made for another questionnaire (or another version of it).
    OtherQuestionnaire,
    /// Made by another version of the software.
    OtherVersion {
        /// The layout version found.
        layout: u8,
        /// The format version found.
        format: u32,
    },
    /// It ends too early or holds a value out of range.
    Damaged(&'static str),
}

impl fmt::Display for CompactError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CompactError::NotCompact => f.write_str("this is not a compiled questionnaire"),
            CompactError::OtherQuestionnaire => f.write_str(
                "these translated texts were made for another version of the questionnaire; compile it again with `diag compile`",
            ),
            CompactError::OtherVersion { layout, format } => write!(
                f,
                "this compiled questionnaire was made by another version (layout {layout}, format {format}); compile it again with `diag compile`"
            ),
            CompactError::Damaged(what) => write!(
                f,
                "this compiled questionnaire is damaged ({what}); compile it again with `diag compile`"
            ),
        }
    }
}

impl std::error::Error for CompactError {}

impl Questionnaire {
    /// The compact form, marked with the digest of the YAML text it was made from.
    ///
    /// It holds the texts of the default language only (what most residents
    /// read, on their first load): every other language's — inline or in a
    /// translation file — travels in its own [`Questionnaire::language_pack`].
    pub fn to_compact(&self, yaml: &str) -> Vec<u8> {
        let mut w = Writer::new(self.languages.get(..1).unwrap_or_default());
        w.bytes.extend_from_slice(MAGIC);
        w.bytes.push(COMPACT_VERSION);
        w.uint(u64::from(crate::model::FORMAT_VERSION));
        w.bytes.extend_from_slice(&digest(yaml).to_le_bytes());
        self.write(&mut w);
        w.bytes
    }

    /// The texts in `lang` (a translation file's language), one per text of
    /// the compact form in its order (empty where there is none), marked with
    /// the digest of the questionnaire's YAML text: what the resident's page
    /// fetches when that language is chosen.
    pub fn language_pack(&self, yaml: &str, lang: &str) -> Vec<u8> {
        let mut w = Writer::new(&self.languages);
        w.pack = Some((lang.to_owned(), Vec::new()));
        self.write(&mut w);
        let texts = w.pack.map(|(_, t)| t).unwrap_or_default();
        let mut p = Writer::new(&[]);
        p.bytes.extend_from_slice(PACK_MAGIC);
        p.bytes.push(COMPACT_VERSION);
        p.bytes.extend_from_slice(&digest(yaml).to_le_bytes());
        p.str(lang);
        p.list(&texts, |p, s| p.str(s));
        p.bytes
    }

    /// Reads a compact form back, checking every index.
    pub fn from_compact(bytes: &[u8]) -> Result<Questionnaire, CompactError> {
        Questionnaire::from_compact_with(bytes, None)
    }

    /// Reads a compact form back with a [`Questionnaire::language_pack`]'s
    /// texts added; an error if the pack was made for another questionnaire.
    pub fn from_compact_with(
        bytes: &[u8],
        pack: Option<&[u8]>,
    ) -> Result<Questionnaire, CompactError> {
        let mut r = Reader {
            bytes,
            at: 0,
            pack: None,
        };
        let header = r.header()?;
        if let Some(pack) = pack {
            let (digest, lang, texts) = read_pack(pack)?;
            if digest != header.digest {
                return Err(CompactError::OtherQuestionnaire);
            }
            r.pack = Some((lang, texts.into_iter()));
        }
        let q = Questionnaire::read(&mut r)?;
        if r.at != bytes.len() {
            return Err(CompactError::Damaged("bytes after the end"));
        }
        if r.pack.is_some_and(|(_, mut left)| left.next().is_some()) {
            return Err(CompactError::OtherQuestionnaire);
        }
        q.check_indexes()?;
        Ok(q.with_max_points())
    }
}

/// A language pack's digest, language and texts.
fn read_pack(bytes: &[u8]) -> Result<(u64, String, Vec<String>), CompactError> {
    if bytes.get(..PACK_MAGIC.len()) != Some(PACK_MAGIC) {
        return Err(CompactError::NotCompact);
    }
    let mut r = Reader {
        bytes,
        at: PACK_MAGIC.len(),
        pack: None,
    };
    let layout = r.byte()?;
    if layout != COMPACT_VERSION {
        return Err(CompactError::OtherVersion {
            layout,
            format: crate::model::FORMAT_VERSION,
        });
    }
    let digest = r.digest()?;
    let lang = r.str()?;
    let texts = r.list(Reader::str)?;
    if r.at != bytes.len() {
        return Err(CompactError::Damaged("bytes after the end"));
    }
    Ok((digest, lang, texts))
}

/// The [`digest`] of the YAML a language pack was made from, and its
/// language: whether a published pack is in step with the published
/// questionnaire.
pub fn pack_header(bytes: &[u8]) -> Result<(u64, String), CompactError> {
    read_pack(bytes).map(|(digest, lang, _)| (digest, lang))
}

/// Reads only the header: cheap, to compare the digest before decoding.
pub fn compact_header(bytes: &[u8]) -> Result<CompactHeader, CompactError> {
    Reader {
        bytes,
        at: 0,
        pack: None,
    }
    .header()
}

struct Writer {
    bytes: Vec<u8>,
    /// The languages whose texts are written.
    languages: Vec<String>,
    /// When making a language pack: its language and the texts collected.
    pack: Option<(String, Vec<String>)>,
}

impl Writer {
    fn new(languages: &[String]) -> Writer {
        Writer {
            bytes: Vec::with_capacity(16 * 1024),
            languages: languages.to_vec(),
            pack: None,
        }
    }
    fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(byte);
                return;
            }
            self.bytes.push(byte | 0x80);
        }
    }
    fn index(&mut self, v: usize) {
        self.uint(v as u64);
    }
    fn str(&mut self, s: &str) {
        self.index(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }
    fn flag(&mut self, b: bool) {
        self.bytes.push(u8::from(b));
    }
    fn opt<T>(&mut self, v: &Option<T>, f: impl FnOnce(&mut Self, &T)) {
        self.flag(v.is_some());
        if let Some(v) = v {
            f(self, v);
        }
    }
    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.index(v.len());
        for x in v {
            f(self, x);
        }
    }
    fn text(&mut self, t: &Text) {
        if let Some((lang, texts)) = &mut self.pack {
            texts.push(t.exact(lang).unwrap_or_default().to_owned());
        }
        let t = t.only(&self.languages);
        let entries: Vec<(&str, &str)> = t.entries().collect();
        self.list(&entries, |w, (l, s)| {
            w.str(l);
            w.str(s);
        });
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// A language pack's language and the texts left to add, one per text read.
    pack: Option<(String, std::vec::IntoIter<String>)>,
}

type Read<T> = Result<T, CompactError>;
const SHORT: CompactError = CompactError::Damaged("it ends too early");

impl Reader<'_> {
    fn header(&mut self) -> Read<CompactHeader> {
        if self.bytes.get(..MAGIC.len()) != Some(MAGIC) {
            return Err(CompactError::NotCompact);
        }
        self.at = MAGIC.len();
        let layout = self.byte()?;
        let format = u32::try_from(self.uint()?).map_err(|_| CompactError::Damaged("format"))?;
        if layout != COMPACT_VERSION || format != crate::model::FORMAT_VERSION {
            return Err(CompactError::OtherVersion { layout, format });
        }
        Ok(CompactHeader {
            format,
            digest: self.digest()?,
        })
    }
    fn digest(&mut self) -> Read<u64> {
        let raw = self
            .bytes
            .get(self.at..self.at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .ok_or(SHORT)?;
        self.at += 8;
        Ok(u64::from_le_bytes(raw))
    }
    fn byte(&mut self) -> Read<u8> {
        let b = *self.bytes.get(self.at).ok_or(SHORT)?;
        self.at += 1;
        Ok(b)
    }
    fn uint(&mut self) -> Read<u64> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(CompactError::Damaged("a number is too long"))
    }
    fn u32(&mut self) -> Read<u32> {
        u32::try_from(self.uint()?).map_err(|_| CompactError::Damaged("a number is too big"))
    }
    fn index(&mut self) -> Read<usize> {
        usize::try_from(self.u32()?).map_err(|_| CompactError::Damaged("a number is too big"))
    }
    /// A length, which cannot exceed the bytes left (each item takes at least one).
    fn len(&mut self) -> Read<usize> {
        let n = self.index()?;
        if n > self.bytes.len() - self.at {
            return Err(CompactError::Damaged("a length is too big"));
        }
        Ok(n)
    }
    fn str(&mut self) -> Read<String> {
        let n = self.len()?;
        let s = self.bytes.get(self.at..self.at + n).ok_or(SHORT)?;
        self.at += n;
        std::str::from_utf8(s)
            .map(str::to_owned)
            .map_err(|_| CompactError::Damaged("a text is not UTF-8"))
    }
    fn flag(&mut self) -> Read<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(CompactError::Damaged("a flag is neither 0 nor 1")),
        }
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Read<T>) -> Read<Option<T>> {
        if self.flag()? {
            f(self).map(Some)
        } else {
            Ok(None)
        }
    }
    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(f(self)?);
        }
        Ok(v)
    }
    fn text(&mut self) -> Read<Text> {
        let mut entries = self.list(|r| Ok((r.str()?, r.str()?)))?;
        if let Some((lang, texts)) = &mut self.pack {
            let s = texts.next().ok_or(CompactError::OtherQuestionnaire)?;
            if !s.is_empty() {
                entries.push((lang.clone(), s));
            }
        }
        Ok(Text::from_entries(entries))
    }
}

impl Questionnaire {
    fn write(&self, w: &mut Writer) {
        w.str(&self.id);
        w.str(&self.version);
        w.str(&self.code_prefix);
        w.list(&self.languages, |w, l| w.str(l));
        w.list(&self.translations, |w, t| {
            w.str(&t.language);
            w.flag(t.reviewed);
        });
        w.text(&self.title);
        w.opt(&self.introduction, Writer::text);
        w.opt(&self.duration_minutes, |w, n| w.uint(u64::from(*n)));
        let o = &self.organisation;
        w.text(&o.name);
        w.opt(&o.address, Writer::text);
        w.opt(&o.phone, |w, s| w.str(s));
        w.opt(&o.email, |w, s| w.str(s));
        w.opt(&o.website, |w, s| w.str(s));
        w.opt(&o.permanence, |w, p| {
            w.text(&p.place);
            w.text(&p.hours);
        });
        w.opt(&o.logo, |w, s| w.str(s));
        w.list(&self.dimensions, |w, d| {
            w.str(&d.id);
            w.text(&d.label);
            w.opt(&d.description, Writer::text);
            w.list(&d.checks, |w, i| w.index(*i));
        });
        w.list(&self.levels, |w, l| {
            w.str(&l.id);
            w.text(&l.label);
            w.opt(&l.below, |w, n| w.uint(u64::from(*n)));
        });
        w.list(&self.parcours, |w, p| {
            w.str(&p.id);
            w.text(&p.title);
            w.text(&p.summary);
            w.list(&p.learn, Writer::text);
            w.list(&p.periods, |w, s| {
                write_date(w, s.from);
                write_date(w, s.to);
                w.opt(&s.schedule, Writer::text);
                w.opt(&s.place, Writer::text);
            });
            w.opt(&p.place, Writer::text);
            w.opt(&p.register, Writer::text);
        });
        w.list(&self.sections, |w, s| {
            w.str(&s.id);
            w.text(&s.title);
            w.opt(&s.intro, Writer::text);
            w.opt(&s.show_if, write_condition);
            w.index(s.questions.start);
            w.index(s.questions.end);
        });
        w.list(&self.questions, |w, q| {
            w.str(&q.id);
            w.bytes.push(match q.kind {
                Kind::Single => 0,
                Kind::Multiple => 1,
                Kind::YesNo => 2,
                Kind::Scale => 3,
            });
            w.text(&q.text);
            w.opt(&q.help, Writer::text);
            w.opt(&q.pictogram, |w, s| w.str(s));
            w.opt(&q.show_if, write_condition);
            w.list(&q.options, |w, o| {
                w.str(&o.id);
                w.text(&o.text);
                w.list(&o.scores, |w, (d, p)| {
                    w.index(*d);
                    w.uint(u64::from(*p));
                });
                w.flag(o.dont_know);
            });
            w.index(q.section);
        });
        w.list(&self.rules, |w, r| {
            write_condition(w, &r.when);
            w.index(r.parcours);
            w.text(&r.because);
            w.opt(&r.next, |w, n| w.index(*n));
        });
        w.uint(u64::from(self.coverage_threshold));
        w.flag(self.early_stop);
    }

    fn read(r: &mut Reader) -> Read<Questionnaire> {
        Ok(Questionnaire {
            id: r.str()?,
            version: r.str()?,
            code_prefix: r.str()?,
            languages: r.list(Reader::str)?,
            translations: r.list(|r| {
                Ok(Translation {
                    language: r.str()?,
                    reviewed: r.flag()?,
                })
            })?,
            title: r.text()?,
            introduction: r.opt(Reader::text)?,
            duration_minutes: r.opt(Reader::u32)?,
            organisation: Organisation {
                name: r.text()?,
                address: r.opt(Reader::text)?,
                phone: r.opt(Reader::str)?,
                email: r.opt(Reader::str)?,
                website: r.opt(Reader::str)?,
                permanence: r.opt(|r| {
                    Ok(Permanence {
                        place: r.text()?,
                        hours: r.text()?,
                    })
                })?,
                logo: r.opt(Reader::str)?,
            },
            dimensions: r.list(|r| {
                Ok(Dimension {
                    id: r.str()?,
                    label: r.text()?,
                    description: r.opt(Reader::text)?,
                    checks: r.list(Reader::index)?,
                    self_ratings: Vec::new(),
                })
            })?,
            levels: r.list(|r| {
                Ok(Level {
                    id: r.str()?,
                    label: r.text()?,
                    below: r.opt(Reader::u32)?,
                })
            })?,
            parcours: r.list(|r| {
                Ok(Parcours {
                    id: r.str()?,
                    title: r.text()?,
                    summary: r.text()?,
                    learn: r.list(Reader::text)?,
                    periods: r.list(|r| {
                        Ok(Sessions {
                            from: read_date(r)?,
                            to: read_date(r)?,
                            schedule: r.opt(Reader::text)?,
                            place: r.opt(Reader::text)?,
                        })
                    })?,
                    place: r.opt(Reader::text)?,
                    register: r.opt(Reader::text)?,
                })
            })?,
            sections: r.list(|r| {
                Ok(Section {
                    id: r.str()?,
                    title: r.text()?,
                    intro: r.opt(Reader::text)?,
                    show_if: r.opt(|r| read_condition(r))?,
                    questions: r.index()?..r.index()?,
                })
            })?,
            questions: r.list(|r| {
                Ok(Question {
                    id: r.str()?,
                    kind: match r.byte()? {
                        0 => Kind::Single,
                        1 => Kind::Multiple,
                        2 => Kind::YesNo,
                        3 => Kind::Scale,
                        _ => return Err(CompactError::Damaged("a question kind")),
                    },
                    text: r.text()?,
                    help: r.opt(Reader::text)?,
                    pictogram: r.opt(Reader::str)?,
                    show_if: r.opt(|r| read_condition(r))?,
                    options: r.list(|r| {
                        Ok(AnswerOption {
                            id: r.str()?,
                            text: r.text()?,
                            scores: r.list(|r| Ok((r.index()?, r.u32()?)))?,
                            dont_know: r.flag()?,
                        })
                    })?,
                    section: r.index()?,
                })
            })?,
            rules: r.list(|r| {
                Ok(Rule {
                    when: read_condition(r)?,
                    parcours: r.index()?,
                    because: r.text()?,
                    next: r.opt(Reader::index)?,
                })
            })?,
            coverage_threshold: r.u32()?,
            early_stop: r.flag()?,
            warnings: Vec::new(),
            max_points: Vec::new(),
        })
    }

    /// Every index points at something, so that scoring can rely on them
    /// as it does on a validated questionnaire.
    fn check_indexes(&self) -> Read<()> {
        let bad = |ok: bool, what: &'static str| {
            if ok {
                Ok(())
            } else {
                Err(CompactError::Damaged(what))
            }
        };
        let (nq, nd, nl, np) = (
            self.questions.len(),
            self.dimensions.len(),
            self.levels.len(),
            self.parcours.len(),
        );
        bad(!self.languages.is_empty(), "no language")?;
        bad(!self.rules.is_empty(), "no rule")?;
        bad(
            self.questions
                .iter()
                .all(|q| q.options.len() <= crate::model::MAX_OPTIONS),
            "too many options",
        )?;
        for s in &self.sections {
            bad(
                s.questions.start <= s.questions.end && s.questions.end <= nq,
                "a section's questions",
            )?;
        }
        for q in &self.questions {
            bad(q.section < self.sections.len(), "a question's section")?;
            for o in &q.options {
                bad(
                    o.scores.iter().all(|(d, _)| *d < nd),
                    "an option's dimension",
                )?;
            }
        }
        for d in &self.dimensions {
            bad(d.checks.iter().all(|i| *i < nq), "a dimension's checks")?;
        }
        for r in &self.rules {
            bad(
                r.parcours < np && r.next.is_none_or(|n| n < np),
                "a rule's parcours",
            )?;
        }
        let conditions = self
            .sections
            .iter()
            .filter_map(|s| s.show_if.as_ref())
            .chain(self.questions.iter().filter_map(|q| q.show_if.as_ref()))
            .chain(self.rules.iter().map(|r| &r.when));
        for c in conditions {
            bad(self.expr_in_range(&c.expr, nq, nd, nl), "a condition")?;
        }
        Ok(())
    }

    fn expr_in_range(&self, e: &Expr, nq: usize, nd: usize, nl: usize) -> bool {
        let option =
            |q: usize, o: usize| self.questions.get(q).is_some_and(|q| o < q.options.len());
        match e {
            Expr::True | Expr::False | Expr::DontKnow(..) => true,
            Expr::Not(e) => self.expr_in_range(e, nq, nd, nl),
            Expr::And(v) | Expr::Or(v) => v.iter().all(|e| self.expr_in_range(e, nq, nd, nl)),
            Expr::Answered(q) => *q < nq,
            Expr::Chosen(q, o) | Expr::Answer(q, _, o) => option(*q, *o),
            Expr::Score(d, ..) | Expr::Percent(d, ..) | Expr::Evaluated(d) => *d < nd,
            Expr::Miscalibrated(d) => self
                .dimensions
                .get(*d)
                .is_some_and(|d| !d.checks.is_empty()),
            Expr::Level(d, _, l) => *d < nd && *l < nl,
        }
    }
}

fn write_date(w: &mut Writer, d: Date) {
    w.uint(u64::from(d.year));
    w.bytes.push(d.month);
    w.bytes.push(d.day);
}

fn read_date(r: &mut Reader) -> Read<Date> {
    let year = u16::try_from(r.uint()?).map_err(|_| CompactError::Damaged("a date"))?;
    let (month, day) = (r.byte()?, r.byte()?);
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok_or(CompactError::Damaged("a date"))
}

fn write_condition(w: &mut Writer, c: &Condition) {
    w.str(&c.source);
    write_expr(w, &c.expr);
}

fn read_condition(r: &mut Reader) -> Read<Condition> {
    Ok(Condition {
        source: r.str()?,
        expr: read_expr(r, 0)?,
    })
}

fn op_byte(op: Op) -> u8 {
    match op {
        Op::Eq => 0,
        Op::Ne => 1,
        Op::Lt => 2,
        Op::Le => 3,
        Op::Gt => 4,
        Op::Ge => 5,
    }
}

fn read_op(r: &mut Reader) -> Read<Op> {
    Ok(match r.byte()? {
        0 => Op::Eq,
        1 => Op::Ne,
        2 => Op::Lt,
        3 => Op::Le,
        4 => Op::Gt,
        5 => Op::Ge,
        _ => return Err(CompactError::Damaged("an operator")),
    })
}

fn write_expr(w: &mut Writer, e: &Expr) {
    match e {
        Expr::True => w.bytes.push(0),
        Expr::False => w.bytes.push(1),
        Expr::Not(e) => {
            w.bytes.push(2);
            write_expr(w, e);
        }
        Expr::And(v) | Expr::Or(v) => {
            w.bytes.push(if matches!(e, Expr::And(_)) { 3 } else { 4 });
            w.list(v, write_expr);
        }
        Expr::Answered(q) => {
            w.bytes.push(5);
            w.index(*q);
        }
        Expr::Chosen(q, o) => {
            w.bytes.push(6);
            w.index(*q);
            w.index(*o);
        }
        Expr::Answer(a, op, b) | Expr::Level(a, op, b) => {
            w.bytes
                .push(if matches!(e, Expr::Answer(..)) { 7 } else { 8 });
            w.index(*a);
            w.bytes.push(op_byte(*op));
            w.index(*b);
        }
        Expr::Score(d, op, n) | Expr::Percent(d, op, n) => {
            w.bytes
                .push(if matches!(e, Expr::Score(..)) { 9 } else { 10 });
            w.index(*d);
            w.bytes.push(op_byte(*op));
            w.uint(u64::from(*n));
        }
        Expr::DontKnow(op, n) => {
            w.bytes.push(11);
            w.bytes.push(op_byte(*op));
            w.uint(u64::from(*n));
        }
        Expr::Evaluated(d) | Expr::Miscalibrated(d) => {
            w.bytes.push(if matches!(e, Expr::Evaluated(_)) {
                12
            } else {
                13
            });
            w.index(*d);
        }
    }
}

fn read_expr(r: &mut Reader, depth: usize) -> Read<Expr> {
    if depth > MAX_DEPTH {
        return Err(CompactError::Damaged("a condition nests too deeply"));
    }
    let d = depth + 1;
    Ok(match r.byte()? {
        0 => Expr::True,
        1 => Expr::False,
        2 => Expr::Not(Box::new(read_expr(r, d)?)),
        3 => Expr::And(r.list(|r| read_expr(r, d))?),
        4 => Expr::Or(r.list(|r| read_expr(r, d))?),
        5 => Expr::Answered(r.index()?),
        6 => Expr::Chosen(r.index()?, r.index()?),
        7 => Expr::Answer(r.index()?, read_op(r)?, r.index()?),
        8 => Expr::Level(r.index()?, read_op(r)?, r.index()?),
        9 => Expr::Score(r.index()?, read_op(r)?, r.u32()?),
        10 => Expr::Percent(r.index()?, read_op(r)?, r.u32()?),
        11 => Expr::DontKnow(read_op(r)?, r.u32()?),
        12 => Expr::Evaluated(r.index()?),
        13 => Expr::Miscalibrated(r.index()?),
        _ => return Err(CompactError::Damaged("a condition")),
    })
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    const BUNDLED: &str = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");

    #[test]
    fn round_trips_the_bundled_questionnaire() {
        let q = Questionnaire::from_yaml(BUNDLED).unwrap();
        let bytes = q.to_compact(BUNDLED);
        let back = Questionnaire::from_compact(&bytes).unwrap();
        // Same bytes again: nothing was lost or reordered.
        assert_eq!(back.to_compact(BUNDLED), bytes);
        assert_eq!(back.max_points, q.max_points);
        assert_eq!(
            compact_header(&bytes).unwrap().digest,
            digest(BUNDLED),
            "the header carries the YAML's digest"
        );
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_an_error_or_a_valid_model() {
        let q = Questionnaire::from_yaml(BUNDLED).unwrap();
        let bytes = q.to_compact(BUNDLED);
        for n in 0..bytes.len() {
            assert!(Questionnaire::from_compact(&bytes[..n]).is_err(), "{n}");
        }
        for i in (0..bytes.len()).step_by(7) {
            let mut b = bytes.clone();
            b[i] ^= 0x5a;
            // Either refused, or a model whose indexes all hold: never a panic.
            if let Ok(q) = Questionnaire::from_compact(&b) {
                let _ = crate::evaluate(&q, &crate::Answers::new());
            }
        }
    }

    #[test]
    fn the_digest_ignores_a_byte_order_mark_but_not_an_edit() {
        assert_eq!(digest("a: 1\n"), digest("\u{feff}a: 1\n"));
        assert_ne!(digest("a: 1\n"), digest("a: 2\n"));
    }

    #[test]
    fn other_files_and_versions_are_named() {
        assert_eq!(
            Questionnaire::from_compact(b"format: 1").unwrap_err(),
            CompactError::NotCompact
        );
        let q = Questionnaire::from_yaml(BUNDLED).unwrap();
        let mut bytes = q.to_compact(BUNDLED);
        bytes[5] = 99;
        assert!(matches!(
            Questionnaire::from_compact(&bytes),
            Err(CompactError::OtherVersion { layout: 99, .. })
        ));
    }
}
