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

use crate::diagnostic::Draft;
use crate::messages::{Expected, Hint, Ids, Message};
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

/// A condition that tests one answer, in a form a sentence can say
/// ("Seulement si vous avez répondu « Oui » à la question 4").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerTest {
    /// `answer(q) == o`
    Is,
    /// `answer(q) != o`
    IsNot,
    /// `answer(q) >= o` on a scale
    AtLeast,
    /// `chosen(q, o)`
    Ticked,
}

impl Condition {
    /// `(question index, test, option index)` when the condition tests a
    /// single answer; `None` for anything else.
    pub fn answer_test(&self) -> Option<(usize, AnswerTest, usize)> {
        match &self.expr {
            Expr::Answer(q, Op::Eq, o) => Some((*q, AnswerTest::Is, *o)),
            Expr::Answer(q, Op::Ne, o) => Some((*q, AnswerTest::IsNot, *o)),
            Expr::Answer(q, Op::Ge, o) => Some((*q, AnswerTest::AtLeast, *o)),
            Expr::Chosen(q, o) => Some((*q, AnswerTest::Ticked, *o)),
            _ => None,
        }
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
    fn options_of(&self, q: usize) -> Ids;
    fn dimension(&self, id: &str) -> Option<usize>;
    /// Whether dimension `d` declares knowledge `checks` (for `miscalibrated`).
    fn has_checks(&self, d: usize) -> bool;
    fn level(&self, id: &str) -> Option<usize>;
    /// Scores and levels are known only once every question is answered:
    /// `show-if` may not use them.
    fn scores_allowed(&self) -> bool;
    fn dimension_ids(&self) -> Ids;
    fn level_ids(&self) -> Ids;
}

pub(crate) enum ScopeError {
    /// No such question; the hint says what it may have been.
    Unknown(Hint),
    Later,
    Itself,
}

/// A problem at a token of a condition; the validator adds where the condition is.
fn problem(code: &'static str, tok: &Token, message: Message) -> Draft {
    Draft::error(code, message).span(tok.offset, tok.width)
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

fn lex(src: &str) -> Result<Vec<Token>, Draft> {
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
                        return Err(problem(
                            "condition-syntax",
                            &t,
                            Message::LoneOperator { op: c },
                        )
                        .expected(Expected::Comparison));
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
                            return Err(problem("condition-syntax", &t, Message::NumberTooLarge)
                                .expected(Expected::WholeNumberSuchAs { n: 40 }));
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
                return Err(problem(
                    "condition-syntax",
                    &t,
                    Message::UnexpectedCharacter { found: other },
                )
                .expected(Expected::ConditionCharacters)
                .hint(Hint::ConditionWords));
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
pub(crate) fn parse(source: &str, scope: &dyn Scope) -> Result<Condition, Draft> {
    if source.chars().count() > MAX_LEN {
        let t = Token {
            tok: Tok::End,
            offset: 0,
            width: 1,
        };
        return Err(problem(
            "condition-too-long",
            &t,
            Message::ConditionTooLong { max: MAX_LEN },
        )
        .hint(Hint::SplitRule));
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
        return Err(
            problem("condition-syntax", &t, Message::TextAfterEnd).expected(Expected::AndOrEnd)
        );
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

/// "expected `)` here": the message names what was expected.
fn expected_here(t: &Token, what: Expected) -> Draft {
    problem(
        "condition-syntax",
        t,
        Message::ExpectedHere { what: what.clone() },
    )
    .expected(what)
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

    fn or(&mut self) -> Result<Expr, Draft> {
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

    fn and(&mut self) -> Result<Expr, Draft> {
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

    fn deeper(&mut self) -> Result<(), Draft> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let t = self.peek().clone();
            return Err(problem(
                "condition-too-deep",
                &t,
                Message::ConditionTooDeep { max: MAX_DEPTH },
            )
            .hint(Hint::SplitCondition));
        }
        Ok(())
    }

    fn not(&mut self) -> Result<Expr, Draft> {
        if self.is_word("not") {
            self.next();
            self.deeper()?;
            let e = self.not()?;
            self.depth -= 1;
            return Ok(Expr::Not(Box::new(e)));
        }
        self.primary()
    }

    fn expect(&mut self, want: Tok, what: Expected) -> Result<Token, Draft> {
        let t = self.next();
        if t.tok == want {
            Ok(t)
        } else {
            Err(expected_here(&t, what))
        }
    }

    fn name(&mut self, what: Expected) -> Result<(String, Token), Draft> {
        let t = self.next();
        match &t.tok {
            Tok::Name(n) => Ok((n.clone(), t.clone())),
            _ => Err(expected_here(&t, what)),
        }
    }

    fn primary(&mut self) -> Result<Expr, Draft> {
        let t = self.next();
        match &t.tok {
            Tok::Open => {
                self.deeper()?;
                let e = self.or()?;
                self.depth -= 1;
                self.expect(Tok::Close, Expected::CloseParen)?;
                Ok(e)
            }
            Tok::Name(n) if n == "true" => Ok(Expr::True),
            Tok::Name(n) if n == "false" => Ok(Expr::False),
            Tok::Name(n) => {
                let func = n.clone();
                if self.peek().tok != Tok::Open {
                    return Err(
                        problem("condition-syntax", &t, Message::NotATest { name: func })
                            .expected(Expected::TestExample)
                            .hint(Hint::TestStarts),
                    );
                }
                self.next();
                self.call(&func, &t)
            }
            _ => Err(problem("condition-syntax", &t, Message::ExpectedTest)
                .expected(Expected::TestOrGroup)),
        }
    }

    fn call(&mut self, func: &str, ft: &Token) -> Result<Expr, Draft> {
        match func {
            "answered" => {
                let q = self.question()?;
                self.expect(Tok::Close, Expected::CloseParen)?;
                Ok(Expr::Answered(q))
            }
            "chosen" => {
                let q = self.question()?;
                self.expect(Tok::Comma, Expected::CommaThenOptionId)?;
                let (o, ot) = self.name(Expected::OptionId)?;
                self.expect(Tok::Close, Expected::CloseParen)?;
                let opt = self.option(q, &o, &ot)?;
                Ok(Expr::Chosen(q, opt))
            }
            "answer" => {
                let qt = self.peek().clone();
                let q = self.question()?;
                self.expect(Tok::Close, Expected::CloseParen)?;
                if self.scope.is_multiple(q) {
                    return Err(
                        problem("wrong-question-kind", &qt, Message::AnswerOnMultiple)
                            .expected(Expected::SingleAnswerQuestion)
                            .hint(Hint::UseChosen),
                    );
                }
                let (op, opt) = self.op()?;
                if op.ordered() && !self.scope.is_ordered(q) {
                    return Err(
                        problem("unordered-comparison", &opt, Message::UnorderedAnswers)
                            .expected(Expected::EqualOrNot),
                    );
                }
                let (o, ot) = self.name(Expected::OptionId)?;
                let oi = self.option(q, &o, &ot)?;
                Ok(Expr::Answer(q, op, oi))
            }
            "score" | "percent" | "level" => {
                let (dim, _, _) = self.dimension_argument(func, ft)?;
                let (op, _) = self.op()?;
                let vt = self.next();
                match (func, &vt.tok) {
                    ("level", Tok::Name(l)) => {
                        let lvl = self.scope.level(l).ok_or_else(|| {
                            problem(
                                "unknown-level",
                                &vt,
                                Message::UnknownLevel { id: l.clone() },
                            )
                            .expected(Expected::OneOf(self.scope.level_ids()))
                        })?;
                        Ok(Expr::Level(dim, op, lvl))
                    }
                    ("score", Tok::Number(n)) => Ok(Expr::Score(dim, op, *n)),
                    ("percent", Tok::Number(n)) if *n <= 100 => Ok(Expr::Percent(dim, op, *n)),
                    ("percent", Tok::Number(_)) => {
                        Err(problem("type-mismatch", &vt, Message::PercentOver100)
                            .expected(Expected::Percentage))
                    }
                    ("level", _) => {
                        Err(
                            problem("type-mismatch", &vt, Message::LevelNotComparedWithLevel)
                                .expected(Expected::OneOf(self.scope.level_ids())),
                        )
                    }
                    _ => Err(problem(
                        "type-mismatch",
                        &vt,
                        Message::NotComparedWithNumber {
                            function: func.to_owned(),
                        },
                    )
                    .expected(Expected::WholeNumberSuchAs { n: 40 })),
                }
            }
            "evaluated" | "miscalibrated" => {
                let (dim, d, dt) = self.dimension_argument(func, ft)?;
                if func == "evaluated" {
                    return Ok(Expr::Evaluated(dim));
                }
                if !self.scope.has_checks(dim) {
                    return Err(
                        problem("no-checks", &dt, Message::NoChecks { dimension: d })
                            .expected(Expected::DimensionWithChecks)
                            .hint(Hint::AddChecks),
                    );
                }
                Ok(Expr::Miscalibrated(dim))
            }
            "dont-know" => {
                if !self.scope.scores_allowed() {
                    return Err(problem("score-in-show-if", ft, Message::DontKnowInShowIf)
                        .expected(Expected::EarlierAnswersTest));
                }
                self.expect(Tok::Close, Expected::CloseParen)?;
                let (op, _) = self.op()?;
                let vt = self.next();
                match vt.tok {
                    Tok::Number(n) => Ok(Expr::DontKnow(op, n)),
                    _ => Err(
                        problem("type-mismatch", &vt, Message::DontKnowNotComparedWithNumber)
                            .expected(Expected::WholeNumberSuchAs { n: 3 }),
                    ),
                }
            }
            other => Err(problem(
                "unknown-function",
                ft,
                Message::UnknownFunction {
                    name: other.to_owned(),
                },
            )
            .expected(Expected::Functions)),
        }
    }

    /// `(dimension)` after a function that reads scores: refused in a
    /// `show-if`, the dimension resolved, the `)` read. Returns its index,
    /// its id and the id's token.
    fn dimension_argument(
        &mut self,
        func: &str,
        ft: &Token,
    ) -> Result<(usize, String, Token), Draft> {
        if !self.scope.scores_allowed() {
            return Err(problem(
                "score-in-show-if",
                ft,
                Message::ScoreInShowIf {
                    function: func.to_owned(),
                },
            )
            .expected(Expected::EarlierAnswersTest)
            .hint(Hint::ScoresAtTheEnd));
        }
        let (d, dt) = self.name(Expected::DimensionId)?;
        let dim = self.scope.dimension(&d).ok_or_else(|| {
            problem(
                "unknown-dimension",
                &dt,
                Message::UnknownDimension { id: d.clone() },
            )
            .expected(Expected::OneOf(self.scope.dimension_ids()))
        })?;
        self.expect(Tok::Close, Expected::CloseParen)?;
        Ok((dim, d, dt))
    }

    fn op(&mut self) -> Result<(Op, Token), Draft> {
        let t = self.next();
        match t.tok {
            Tok::Op(op) => Ok((op, t)),
            _ => Err(problem("condition-syntax", &t, Message::ExpectedComparison)
                .expected(Expected::Comparison)),
        }
    }

    fn question(&mut self) -> Result<usize, Draft> {
        let (id, t) = self.name(Expected::QuestionId)?;
        self.scope.question(&id).map_err(|e| match e {
            ScopeError::Unknown(hint) => {
                problem("unknown-question", &t, Message::UnknownQuestion { id })
                    .expected(Expected::IdOfQuestion)
                    .hint(hint)
            }
            ScopeError::Later => problem("forward-reference", &t, Message::ForwardReference { id })
                .expected(Expected::EarlierQuestion)
                .hint(Hint::DependOnEarlier),
            ScopeError::Itself => problem("self-reference", &t, Message::SelfReference { id })
                .expected(Expected::EarlierQuestion)
                .hint(Hint::NotOnItself),
        })
    }

    fn option(&self, q: usize, id: &str, t: &Token) -> Result<usize, Draft> {
        self.scope.option(q, id).ok_or_else(|| {
            problem(
                "unknown-option",
                t,
                Message::UnknownOption { id: id.to_owned() },
            )
            .expected(Expected::OneOf(self.scope.options_of(q)))
        })
    }
}
