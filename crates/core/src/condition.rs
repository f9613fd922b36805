//! The condition language of `show-if` and `when`, parsed once at load time.
//!
//! ```text
//! answer(cherche-emploi) == oui and level(bases) != debutant
//! chosen(objectifs, courrier) or not answered(emploi-espace)
//! percent(bureautique) >= 60 or dont-know() > 5
//! ```
//!
//! Every name is resolved to an index when the questionnaire loads, so
//! evaluation cannot fail and does no string work.
//!
//! Without the `yaml` feature (the resident's module) only evaluation is
//! used: the parser is compiled but unused.
#![cfg_attr(not(feature = "yaml"), allow(dead_code))]

use serde::Serialize;
use std::fmt;

/// Deepest nesting of parentheses and `not` accepted.
const MAX_DEPTH: usize = 32;
/// Longest condition accepted, in characters.
const MAX_LEN: usize = 2000;

/// A parsed, resolved condition with the text it was written as.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    pub(crate) source: String,
    pub(crate) expr: Expr,
}

impl Condition {
    /// The condition that always holds (`otherwise: true`).
    pub(crate) fn always() -> Self {
        Condition {
            source: "true".into(),
            expr: Expr::True,
        }
    }
    /// The text of the condition as written in the questionnaire.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Whether it holds whatever the answers (written as `true`).
    pub fn is_always(&self) -> bool {
        self.expr == Expr::True
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.source)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    True,
    False,
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Answered(usize),
    Chosen(usize, usize),
    /// `answer(q) op option`: compares option positions (scales are ordered).
    Answer(usize, Op, usize),
    Score(usize, Op, u32),
    Percent(usize, Op, u32),
    Level(usize, Op, usize),
    DontKnow(Op, u32),
    /// `evaluated(d)`: enough of the dimension was answered to give it a level.
    Evaluated(usize),
    /// `miscalibrated(d)`: the knowledge checks contradict high self-ratings.
    Miscalibrated(usize),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    pub(crate) fn holds<T: Ord>(self, a: T, b: T) -> bool {
        match self {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }
    fn ordered(self) -> bool {
        !matches!(self, Op::Eq | Op::Ne)
    }
}

/// What the parser needs to know about the questionnaire to resolve names.
pub(crate) trait Scope {
    /// Index of a question, or why it may not be used here.
    fn question(&self, id: &str) -> Result<usize, ScopeError>;
    /// Index of an option of question `q`.
    fn option(&self, q: usize, id: &str) -> Option<usize>;
    /// Whether `q` accepts several options (then only `chosen` and `answered` apply).
    fn is_multiple(&self, q: usize) -> bool;
    /// Whether `q`'s options are ordered (a scale), so `<`, `>=`… make sense.
    fn is_ordered(&self, q: usize) -> bool;
    fn options_of(&self, q: usize) -> String;
    fn dimension(&self, id: &str) -> Option<usize>;
    /// Whether dimension `d` declares knowledge `checks` (for `miscalibrated`).
    fn has_checks(&self, d: usize) -> bool;
    fn level(&self, id: &str) -> Option<usize>;
    /// Scores and levels are known only once every question is answered:
    /// `show-if` may not use them.
    fn scores_allowed(&self) -> bool;
    fn dimension_ids(&self) -> String;
    fn level_ids(&self) -> String;
}

pub(crate) enum ScopeError {
    Unknown(String),
    Later,
    Itself,
}

/// A problem in a condition, `offset` characters into its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConditionError {
    pub code: &'static str,
    pub message: String,
    pub offset: usize,
    pub width: usize,
    pub expected: Option<String>,
    pub hint: Option<String>,
}

impl ConditionError {
    fn new(code: &'static str, tok: &Token, message: String) -> Self {
        ConditionError {
            code,
            message,
            offset: tok.offset,
            width: tok.width,
            expected: None,
            hint: None,
        }
    }
    fn expected(mut self, e: impl Into<String>) -> Self {
        self.expected = Some(e.into());
        self
    }
    fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Number(u32),
    Open,
    Close,
    Comma,
    Op(Op),
    End,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    offset: usize,
    width: usize,
}

fn lex(src: &str) -> Result<Vec<Token>, ConditionError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let start = i;
        let tok = match c {
            ' ' | '\t' | '\n' | '\r' => {
                i += 1;
                continue;
            }
            '(' => Tok::Open,
            ')' => Tok::Close,
            ',' => Tok::Comma,
            '=' | '!' | '<' | '>' => {
                let next = chars.get(i + 1) == Some(&'=');
                let op = match (c, next) {
                    ('=', true) => Op::Eq,
                    ('!', true) => Op::Ne,
                    ('<', true) => Op::Le,
                    ('>', true) => Op::Ge,
                    ('<', false) => Op::Lt,
                    ('>', false) => Op::Gt,
                    _ => {
                        let t = Token {
                            tok: Tok::End,
                            offset: i,
                            width: 1,
                        };
                        return Err(ConditionError::new(
                            "condition-syntax",
                            &t,
                            format!("`{c}` alone is not an operator"),
                        )
                        .expected("`==`, `!=`, `<`, `<=`, `>` or `>=`"));
                    }
                };
                if next {
                    i += 1;
                }
                Tok::Op(op)
            }
            // Names and numbers: a run of letters, digits, `-` and `_`; all digits is a number.
            c if is_name_char(c) => {
                while chars.get(i).is_some_and(|c| is_name_char(*c)) {
                    i += 1;
                }
                let word: String = chars.get(start..i).unwrap_or_default().iter().collect();
                let tok = if word.chars().all(|c| c.is_ascii_digit()) {
                    match word.parse::<u32>() {
                        Ok(n) => Tok::Number(n),
                        Err(_) => {
                            let t = Token {
                                tok: Tok::End,
                                offset: start,
                                width: i - start,
                            };
                            return Err(ConditionError::new(
                                "condition-syntax",
                                &t,
                                "this number is too large".into(),
                            )
                            .expected("a whole number such as 40"));
                        }
                    }
                } else {
                    Tok::Name(word)
                };
                out.push(Token {
                    tok,
                    offset: start,
                    width: i - start,
                });
                continue;
            }
            other => {
                let t = Token {
                    tok: Tok::End,
                    offset: i,
                    width: 1,
                };
                return Err(ConditionError::new(
                    "condition-syntax",
                    &t,
                    format!("unexpected character `{other}` in a condition"),
                )
                .expected("names, numbers, `(`, `)`, `,` and comparisons such as `==`")
                .hint(
                    "write `and`, `or`, `not` as words; ids use lowercase letters, digits and `-`",
                ));
            }
        };
        i += 1;
        out.push(Token {
            tok,
            offset: start,
            width: i - start,
        });
    }
    out.push(Token {
        tok: Tok::End,
        offset: chars.len(),
        width: 1,
    });
    Ok(out)
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Parses and resolves a condition against `scope`.
pub(crate) fn parse(source: &str, scope: &dyn Scope) -> Result<Condition, ConditionError> {
    if source.chars().count() > MAX_LEN {
        let t = Token {
            tok: Tok::End,
            offset: 0,
            width: 1,
        };
        return Err(ConditionError::new(
            "condition-too-long",
            &t,
            format!("this condition is longer than {MAX_LEN} characters"),
        )
        .hint("split the rule into several simpler rules"));
    }
    let tokens = lex(source)?;
    let mut p = Parser {
        tokens,
        pos: 0,
        scope,
        depth: 0,
    };
    let expr = p.or()?;
    let t = p.peek().clone();
    if t.tok != Tok::End {
        return Err(ConditionError::new(
            "condition-syntax",
            &t,
            "unexpected text after the end of the condition".into(),
        )
        .expected("`and`, `or`, or the end of the condition"));
    }
    Ok(Condition {
        source: source.to_owned(),
        expr,
    })
}

struct Parser<'a> {
    tokens: Vec<Token>,
    pos: usize,
    scope: &'a dyn Scope,
    depth: usize,
}

const END: Token = Token {
    tok: Tok::End,
    offset: 0,
    width: 1,
};

impl Parser<'_> {
    fn peek(&self) -> &Token {
        self.tokens.get(self.pos).unwrap_or(&END)
    }
    fn next(&mut self) -> Token {
        let t = self.peek().clone();
        self.pos += 1;
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(&self.peek().tok, Tok::Name(n) if n == w)
    }

    fn or(&mut self) -> Result<Expr, ConditionError> {
        let mut items = vec![self.and()?];
        while self.is_word("or") {
            self.next();
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Expr::False)
        } else {
            Expr::Or(items)
        })
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut items = vec![self.not()?];
        while self.is_word("and") {
            self.next();
            items.push(self.not()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Expr::False)
        } else {
            Expr::And(items)
        })
    }

    fn deeper(&mut self) -> Result<(), ConditionError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.peek().clone();
            return Err(ConditionError::new(
                "condition-too-deep",
                &t,
                format!("this condition nests more than {MAX_DEPTH} levels of `(` or `not`"),
            )
            .hint("split it into simpler rules"));
        }
        Ok(())
    }

    fn not(&mut self) -> Result<Expr, ConditionError> {
        if self.is_word("not") {
            self.next();
            self.deeper()?;
            let e = self.not()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(e)));
        }
        self.primary()
    }

    fn expect(&mut self, want: Tok, what: &str) -> Result<Token, ConditionError> {
        let t = self.next();
        if t.tok == want {
            Ok(t)
        } else {
            Err(
                ConditionError::new("condition-syntax", &t, format!("expected {what} here"))
                    .expected(what.to_owned()),
            )
        }
    }

    fn name(&mut self, what: &str) -> Result<(String, Token), ConditionError> {
        let t = self.next();
        match &t.tok {
            Tok::Name(n) => Ok((n.clone(), t.clone())),
            _ => Err(
                ConditionError::new("condition-syntax", &t, format!("expected {what} here"))
                    .expected(what.to_owned()),
            ),
        }
    }

    fn primary(&mut self) -> Result<Expr, ConditionError> {
        let t = self.next();
        match &t.tok {
            Tok::Open => {
                self.deeper()?;
                let e = self.or()?;
                self.depth -= 1;
                self.expect(Tok::Close, "`)`")?;
                Ok(e)
            }
            Tok::Name(n) if n == "true" => Ok(Expr::True),
            Tok::Name(n) if n == "false" => Ok(Expr::False),
            Tok::Name(n) => {
                let func = n.clone();
                if self.peek().tok != Tok::Open {
                    return Err(ConditionError::new(
                        "condition-syntax",
                        &t,
                        format!("`{func}` is not a test on the answers"),
                    )
                    .expected("a test such as `answer(question) == option`, `level(dimension) == level` or `chosen(question, option)`")
                    .hint("each test starts with answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know"));
                }
                self.next();
                self.call(&func, &t)
            }
            _ => Err(
                ConditionError::new("condition-syntax", &t, "expected a test here".into())
                    .expected("a test such as `answer(question) == option`, `(`, `not`, `true`"),
            ),
        }
    }

    fn call(&mut self, func: &str, ft: &Token) -> Result<Expr, ConditionError> {
        match func {
            "answered" => {
                let q = self.question()?;
                self.expect(Tok::Close, "`)`")?;
                Ok(Expr::Answered(q))
            }
            "chosen" => {
                let q = self.question()?;
                self.expect(Tok::Comma, "`,` then an option id")?;
                let (o, ot) = self.name("an option id")?;
                self.expect(Tok::Close, "`)`")?;
                let opt = self.option(q, &o, &ot)?;
                Ok(Expr::Chosen(q, opt))
            }
            "answer" => {
                let qt = self.peek().clone();
                let q = self.question()?;
                self.expect(Tok::Close, "`)`")?;
                if self.scope.is_multiple(q) {
                    return Err(ConditionError::new(
                        "wrong-question-kind",
                        &qt,
                        "`answer(…)` cannot be used on a multiple-choice question".into(),
                    )
                    .expected("a single-choice, yes-no or scale question")
                    .hint("use `chosen(question, option)` to test one box of a multiple-choice question"));
                }
                let (op, opt) = self.op()?;
                if op.ordered() && !self.scope.is_ordered(q) {
                    return Err(ConditionError::new(
                        "unordered-comparison",
                        &opt,
                        "only the answers of a scale question are ordered".into(),
                    )
                    .expected("`==` or `!=`"));
                }
                let (o, ot) = self.name("an option id")?;
                let oi = self.option(q, &o, &ot)?;
                Ok(Expr::Answer(q, op, oi))
            }
            "score" | "percent" | "level" => {
                if !self.scope.scores_allowed() {
                    return Err(ConditionError::new(
                        "score-in-show-if",
                        ft,
                        format!("`{func}(…)` cannot be used in `show-if`"),
                    )
                    .expected("a test on earlier answers: `answer`, `chosen` or `answered`")
                    .hint(
                        "scores are only known at the end; use them in the recommendation rules",
                    ));
                }
                let (d, dt) = self.name("a dimension id")?;
                let dim = self.scope.dimension(&d).ok_or_else(|| {
                    ConditionError::new(
                        "unknown-dimension",
                        &dt,
                        format!("there is no dimension `{d}`"),
                    )
                    .expected(format!("one of {}", self.scope.dimension_ids()))
                })?;
                self.expect(Tok::Close, "`)`")?;
                let (op, _) = self.op()?;
                let vt = self.next();
                match (func, &vt.tok) {
                    ("level", Tok::Name(l)) => {
                        let lvl = self.scope.level(l).ok_or_else(|| {
                            ConditionError::new(
                                "unknown-level",
                                &vt,
                                format!("there is no level `{l}`"),
                            )
                            .expected(format!("one of {}", self.scope.level_ids()))
                        })?;
                        Ok(Expr::Level(dim, op, lvl))
                    }
                    ("score", Tok::Number(n)) => Ok(Expr::Score(dim, op, *n)),
                    ("percent", Tok::Number(n)) if *n <= 100 => Ok(Expr::Percent(dim, op, *n)),
                    ("percent", Tok::Number(_)) => Err(ConditionError::new(
                        "type-mismatch",
                        &vt,
                        "a percentage is between 0 and 100".into(),
                    )
                    .expected("a number from 0 to 100")),
                    ("level", _) => Err(ConditionError::new(
                        "type-mismatch",
                        &vt,
                        "a level is compared with a level id".into(),
                    )
                    .expected(format!("one of {}", self.scope.level_ids()))),
                    _ => Err(ConditionError::new(
                        "type-mismatch",
                        &vt,
                        format!("`{func}(…)` is compared with a number"),
                    )
                    .expected("a whole number such as 40")),
                }
            }
            "evaluated" | "miscalibrated" => {
                if !self.scope.scores_allowed() {
                    return Err(ConditionError::new(
                        "score-in-show-if",
                        ft,
                        format!("`{func}(…)` cannot be used in `show-if`"),
                    )
                    .expected("a test on earlier answers: `answer`, `chosen` or `answered`")
                    .hint(
                        "scores are only known at the end; use them in the recommendation rules",
                    ));
                }
                let (d, dt) = self.name("a dimension id")?;
                let dim = self.scope.dimension(&d).ok_or_else(|| {
                    ConditionError::new(
                        "unknown-dimension",
                        &dt,
                        format!("there is no dimension `{d}`"),
                    )
                    .expected(format!("one of {}", self.scope.dimension_ids()))
                })?;
                self.expect(Tok::Close, "`)`")?;
                if func == "evaluated" {
                    return Ok(Expr::Evaluated(dim));
                }
                if !self.scope.has_checks(dim) {
                    return Err(ConditionError::new(
                        "no-checks",
                        &dt,
                        format!("the dimension `{d}` has no `checks`"),
                    )
                    .expected("a dimension that lists its knowledge questions under `checks:`")
                    .hint("add `checks: [question, …]` to the dimension, or remove this test"));
                }
                Ok(Expr::Miscalibrated(dim))
            }
            "dont-know" => {
                if !self.scope.scores_allowed() {
                    return Err(ConditionError::new(
                        "score-in-show-if",
                        ft,
                        "`dont-know()` cannot be used in `show-if`".into(),
                    )
                    .expected("a test on earlier answers: `answer`, `chosen` or `answered`"));
                }
                self.expect(Tok::Close, "`)`")?;
                let (op, _) = self.op()?;
                let vt = self.next();
                match vt.tok {
                    Tok::Number(n) => Ok(Expr::DontKnow(op, n)),
                    _ => Err(ConditionError::new(
                        "type-mismatch",
                        &vt,
                        "`dont-know()` counts answers and is compared with a number".into(),
                    )
                    .expected("a whole number such as 3")),
                }
            }
            other => Err(ConditionError::new(
                "unknown-function",
                ft,
                format!("`{other}(…)` is not a test this format knows"),
            )
            .expected("answer, chosen, answered, score, percent, level, evaluated, miscalibrated or dont-know")),
        }
    }

    fn op(&mut self) -> Result<(Op, Token), ConditionError> {
        let t = self.next();
        match t.tok {
            Tok::Op(op) => Ok((op, t)),
            _ => Err(ConditionError::new(
                "condition-syntax",
                &t,
                "expected a comparison here".into(),
            )
            .expected("`==`, `!=`, `<`, `<=`, `>` or `>=`")),
        }
    }

    fn question(&mut self) -> Result<usize, ConditionError> {
        let (id, t) = self.name("a question id")?;
        self.scope.question(&id).map_err(|e| match e {
            ScopeError::Unknown(known) => ConditionError::new(
                "unknown-question",
                &t,
                format!("there is no question `{id}`"),
            )
            .expected("the id of a question".to_owned())
            .hint(known),
            ScopeError::Later => ConditionError::new(
                "forward-reference",
                &t,
                format!("`show-if` refers to `{id}`, which comes later"),
            )
            .expected("a question asked before this one")
            .hint("a question can only depend on answers already given: move it after the question it depends on"),
            ScopeError::Itself => ConditionError::new(
                "self-reference",
                &t,
                format!("`show-if` of `{id}` refers to `{id}` itself"),
            )
            .expected("a question asked before this one")
            .hint("a question cannot depend on its own answer"),
        })
    }

    fn option(&self, q: usize, id: &str, t: &Token) -> Result<usize, ConditionError> {
        self.scope.option(q, id).ok_or_else(|| {
            ConditionError::new(
                "unknown-option",
                t,
                format!("this question has no option `{id}`"),
            )
            .expected(format!("one of {}", self.scope.options_of(q)))
        })
    }
}
