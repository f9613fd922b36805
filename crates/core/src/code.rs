//! Result codes such as `VLG-7KQ2-93XM-B4A`: every answer packed into a few
//! characters that survive being read aloud and typed.
//!
//! Layout after the prefix: one version character, the answers as a
//! mixed-radix number in base 32 (each question contributes "no answer" or one
//! of its options, or a subset for multiple choice), then two check
//! characters. The alphabet is Crockford's base 32 (no I, L, O, U); on input,
//! case, spaces and dashes do not matter and O/I/L are read as 0/1/1.
//!
//! The check value is `(H + Σ (i+1)·vᵢ) mod 1021` over the characters before
//! it, with H derived from the questionnaire id and version: 1021 is prime and
//! larger than any weighted difference, so every single wrong character and
//! every swap of two neighbours changes it (an exhaustive test shows it).
//! A base-32 byte codec does not fit a mixed-radix number, hence the small
//! arithmetic below.

use crate::answers::Answers;
use crate::model::{Kind, Questionnaire};
use std::fmt;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_MOD: u32 = 1021;

/// Why a result code could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing was typed.
    Empty,
    /// A character that no code contains, at `position` (from 1, in what was typed).
    InvalidCharacter {
        /// The character.
        character: char,
        /// Its position in what was typed, from 1.
        position: usize,
    },
    /// The code starts with another questionnaire's letters.
    OtherQuestionnaire {
        /// The letters found.
        found: String,
        /// The letters this questionnaire's codes start with.
        expected: String,
    },
    /// Characters are missing.
    TooShort {
        /// How many.
        missing: usize,
    },
    /// There are characters too many.
    TooLong {
        /// How many.
        extra: usize,
    },
    /// The code was made with another version of the questionnaire.
    OtherVersion,
    /// The check characters do not match: a character is wrong or two are swapped.
    Mistyped,
    /// The code passes its check but holds answers the questionnaire cannot
    /// have (it was made up, not produced by this questionnaire).
    Invalid,
}

impl CodeError {
    /// A plain explanation in French or English (`lang` = "fr" or anything else).
    pub fn message(&self, lang: &str) -> String {
        let fr = lang == "fr";
        match self {
            CodeError::Empty => if fr { "Aucun code n'a été saisi." } else { "No code was entered." }.into(),
            CodeError::InvalidCharacter { character, position } => if fr {
                format!("Le caractère « {character} » (position {position}) n'existe pas dans les codes. Vérifiez ce caractère.")
            } else {
                format!("The character \"{character}\" (position {position}) does not occur in codes. Check this character.")
            },
            CodeError::OtherQuestionnaire { found, expected } => if fr {
                format!("Ce code commence par {found} : il vient d'un autre questionnaire. Les codes d'ici commencent par {expected}.")
            } else {
                format!("This code starts with {found}: it comes from another questionnaire. Codes here start with {expected}.")
            },
            CodeError::TooShort { missing } => if fr {
                format!("Il manque {missing} caractère{} à ce code. Vérifiez qu'il a été recopié en entier.", if *missing > 1 { "s" } else { "" })
            } else {
                format!("This code is missing {missing} character{}. Check that it was copied in full.", if *missing > 1 { "s" } else { "" })
            },
            CodeError::TooLong { extra } => if fr {
                format!("Ce code a {extra} caractère{} de trop.", if *extra > 1 { "s" } else { "" })
            } else {
                format!("This code has {extra} character{} too many.", if *extra > 1 { "s" } else { "" })
            },
            CodeError::OtherVersion => if fr {
                "Ce code vient d'une autre version du questionnaire : il faut refaire le questionnaire."
            } else {
                "This code comes from another version of the questionnaire: the questionnaire must be taken again."
            }
            .into(),
            CodeError::Mistyped => if fr {
                "Ce code contient une erreur : un caractère est faux ou deux sont inversés. Vérifiez-le caractère par caractère."
            } else {
                "This code contains a mistake: a character is wrong or two are swapped. Check it character by character."
            }
            .into(),
            CodeError::Invalid => if fr {
                "Ce code n'a pas été produit par ce questionnaire."
            } else {
                "This code was not produced by this questionnaire."
            }
            .into(),
        }
    }
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message("en"))
    }
}

impl std::error::Error for CodeError {}

/// A non-negative integer as little-endian 32-bit limbs: just enough
/// arithmetic for mixed-radix packing.
#[derive(Clone, PartialEq, Eq)]
struct Big(Vec<u32>);

impl Big {
    fn zero() -> Big {
        Big(Vec::new())
    }
    fn mul_add(&mut self, m: u64, a: u64) {
        let mut carry = u128::from(a);
        for limb in &mut self.0 {
            let v = u128::from(*limb) * u128::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        while carry > 0 {
            self.0.push(carry as u32);
            carry >>= 32;
        }
        self.trim();
    }
    /// Divides in place, returning the remainder; `d` > 0.
    fn div_rem(&mut self, d: u64) -> u64 {
        let d = u128::from(d.max(1));
        let mut rem: u128 = 0;
        for limb in self.0.iter_mut().rev() {
            let v = (rem << 32) | u128::from(*limb);
            *limb = (v / d) as u32;
            rem = v % d;
        }
        self.trim();
        rem as u64
    }
    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }
    fn less_than(&self, other: &Big) -> bool {
        if self.0.len() != other.0.len() {
            return self.0.len() < other.0.len();
        }
        for (a, b) in self.0.iter().rev().zip(other.0.iter().rev()) {
            if a != b {
                return a < b;
            }
        }
        false
    }
}

/// How many states a question's answer has: "no answer" plus its options,
/// or plus every subset for multiple choice.
fn radix(kind: Kind, options: usize) -> u64 {
    if kind.is_multiple() {
        (1u64 << options.min(32)) + 1
    } else {
        options as u64 + 1
    }
}

fn fnv(q: &Questionnaire) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in q.id.bytes().chain([0]).chain(q.version.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The layout of this questionnaire's codes.
struct Layout {
    /// Number of answer states (the product of radixes).
    total: Big,
    /// Base-32 digits for the answers.
    digits: usize,
    version: u8,
    seed: u32,
}

fn layout(q: &Questionnaire) -> Layout {
    let mut total = Big::zero();
    total.mul_add(1, 1);
    for question in &q.questions {
        total.mul_add(radix(question.kind, question.options.len()), 0);
    }
    let mut largest = total.clone();
    // largest = total - 1, by re-deriving: count digits of total - 1.
    let mut digits = 0;
    let mut borrow = true;
    for limb in &mut largest.0 {
        if borrow {
            borrow = *limb == 0;
            *limb = limb.wrapping_sub(1);
        }
    }
    largest.trim();
    while !largest.is_zero() {
        largest.div_rem(32);
        digits += 1;
    }
    let h = fnv(q);
    Layout {
        total,
        digits: digits.max(1),
        version: (h % 32) as u8,
        seed: h % CHECK_MOD,
    }
}

fn check(seed: u32, values: &[u8]) -> u32 {
    values.iter().enumerate().fold(seed, |acc, (i, v)| {
        (acc + ((i as u32 + 1) % CHECK_MOD) * u32::from(*v)) % CHECK_MOD
    })
}

fn symbol(v: u8) -> char {
    ALPHABET.get(usize::from(v)).map_or('0', |b| char::from(*b))
}

fn value_of(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    ALPHABET
        .iter()
        .position(|b| char::from(*b) == c)
        .map(|p| p as u8)
}

/// Packs the answers into a result code, e.g. `VLG-7KQ2-93XM-B4A`.
///
/// Answers that do not fit the questionnaire are left out (see
/// [`crate::Outcome::ignored`]); answers to hidden questions are kept.
pub fn encode(q: &Questionnaire, answers: &Answers) -> String {
    let (masks, _) = answers.to_masks(q);
    let l = layout(q);
    let mut n = Big::zero();
    for (question, mask) in q.questions.iter().zip(&masks) {
        let state = match mask {
            None => 0,
            Some(m) if question.kind.is_multiple() => u64::from(*m) + 1,
            Some(m) => u64::from(m.trailing_zeros()) + 1,
        };
        n.mul_add(radix(question.kind, question.options.len()), state);
    }
    let mut body = vec![0u8; l.digits];
    for d in body.iter_mut().rev() {
        *d = n.div_rem(32) as u8;
    }
    body.insert(0, l.version);
    let c = check(l.seed, &body);
    body.push((c / 32) as u8);
    body.push((c % 32) as u8);
    let mut out = q.code_prefix.clone();
    for (i, v) in body.iter().enumerate() {
        if i % 4 == 0 {
            out.push('-');
        }
        out.push(symbol(*v));
    }
    out
}

/// Reads a result code back into the answers it holds.
///
/// Case, spaces and dashes do not matter; the prefix may be left out.
pub fn decode(q: &Questionnaire, code: &str) -> Result<Answers, CodeError> {
    let l = layout(q);
    let body_len = l.digits + 3;
    // Characters kept, with their position in what was typed (from 1).
    let kept: Vec<(usize, char)> = code
        .chars()
        .enumerate()
        .filter(|(_, c)| !c.is_whitespace() && *c != '-')
        .map(|(i, c)| (i + 1, c))
        .collect();
    if kept.is_empty() {
        return Err(CodeError::Empty);
    }
    let prefix: Vec<char> = q.code_prefix.chars().collect();
    let starts_with_prefix = kept.len() >= prefix.len()
        && kept
            .iter()
            .zip(&prefix)
            .all(|((_, a), b)| a.eq_ignore_ascii_case(b));
    let body: &[(usize, char)] = if starts_with_prefix {
        kept.get(prefix.len()..).unwrap_or_default()
    } else if kept.len() == body_len + prefix.len()
        && kept
            .iter()
            .take(prefix.len())
            .all(|(_, c)| c.is_ascii_alphabetic())
    {
        let found: String = kept
            .iter()
            .take(prefix.len())
            .map(|(_, c)| c.to_ascii_uppercase())
            .collect();
        return Err(CodeError::OtherQuestionnaire {
            found,
            expected: q.code_prefix.clone(),
        });
    } else {
        &kept
    };
    let mut values = Vec::with_capacity(body.len());
    for (position, c) in body {
        match value_of(*c) {
            Some(v) => values.push(v),
            None => {
                return Err(CodeError::InvalidCharacter {
                    character: *c,
                    position: *position,
                })
            }
        }
    }
    if values.len() < body_len {
        return Err(CodeError::TooShort {
            missing: body_len - values.len(),
        });
    }
    if values.len() > body_len {
        return Err(CodeError::TooLong {
            extra: values.len() - body_len,
        });
    }
    let (payload, checks) = values.split_at(body_len - 2);
    let given = checks.iter().fold(0u32, |acc, v| acc * 32 + u32::from(*v));
    if given != check(l.seed, payload) {
        if payload.first() != Some(&l.version) {
            return Err(CodeError::OtherVersion);
        }
        return Err(CodeError::Mistyped);
    }
    if payload.first() != Some(&l.version) {
        return Err(CodeError::OtherVersion);
    }
    let mut n = Big::zero();
    for v in payload.iter().skip(1) {
        n.mul_add(32, u64::from(*v));
    }
    if !n.less_than(&l.total) {
        return Err(CodeError::Invalid);
    }
    let mut masks = vec![None; q.questions.len()];
    for (question, mask) in q.questions.iter().zip(masks.iter_mut()).rev() {
        let state = n.div_rem(radix(question.kind, question.options.len()));
        *mask = match state {
            0 => None,
            s if question.kind.is_multiple() => {
                Some(u32::try_from(s - 1).map_err(|_| CodeError::Invalid)?)
            }
            s => Some(crate::evaluate::bit(
                usize::try_from(s - 1).map_err(|_| CodeError::Invalid)?,
            )),
        };
    }
    Ok(Answers::from_masks(q, &masks))
}
