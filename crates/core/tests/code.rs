//! Result codes: round trips, and a plain error for every kind of bad code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use diag_core::{decode, encode, Answers, CodeError, Questionnaire};

fn bundled() -> Questionnaire {
    Questionnaire::from_yaml(include_str!(
        "../../../questionnaires/villeneuve-la-garenne.yaml"
    ))
    .unwrap()
}

/// Some answer for every question: option `k mod n` of each.
fn sample(q: &Questionnaire, k: usize) -> Answers {
    let mut a = Answers::new();
    for (i, question) in q.questions.iter().enumerate() {
        let o = &question.options[(i + k) % question.options.len()];
        if question.kind.is_multiple() {
            a.choose_many(&question.id, &[&o.id]);
        } else {
            a.choose(&question.id, &o.id);
        }
    }
    a
}

fn body(code: &str) -> Vec<char> {
    code.chars().filter(|c| *c != '-').collect()
}

#[test]
fn a_code_is_short_grouped_and_round_trips() {
    let q = bundled();
    for k in 0..5 {
        let a = sample(&q, k);
        let code = encode(&q, &a);
        assert!(code.starts_with(&format!("{}-", q.code_prefix)), "{code}");
        let chars = body(&code).len() - q.code_prefix.len();
        assert!(chars <= 20, "{code} has {chars} characters");
        assert_eq!(decode(&q, &code), Ok(a.clone()));
        // Case, spaces and the O/0 I/1 L/1 confusions do not matter.
        let typed = code
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(decode(&q, &typed), Ok(a));
    }
    let empty = Answers::new();
    assert_eq!(decode(&q, &encode(&q, &empty)), Ok(empty));
}

#[test]
fn the_prefix_may_be_left_out() {
    let q = bundled();
    let a = sample(&q, 1);
    let code = encode(&q, &a);
    let without: String = body(&code).into_iter().skip(q.code_prefix.len()).collect();
    assert_eq!(decode(&q, &without), Ok(a));
}

#[test]
fn every_single_wrong_character_and_every_swap_is_detected() {
    let q = bundled();
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut tried = 0;
    for k in 0..4 {
        let code = encode(&q, &sample(&q, k));
        let chars = body(&code);
        let start = q.code_prefix.len();
        for i in start..chars.len() {
            for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
                let mut bad = chars.clone();
                bad[i] = c;
                let bad: String = bad.into_iter().collect();
                assert!(
                    decode(&q, &bad).is_err(),
                    "{bad} (from {code}) was accepted"
                );
                tried += 1;
            }
            if i + 1 < chars.len() && chars[i] != chars[i + 1] {
                let mut bad = chars.clone();
                bad.swap(i, i + 1);
                let bad: String = bad.into_iter().collect();
                assert!(
                    decode(&q, &bad).is_err(),
                    "{bad} (from {code}) was accepted"
                );
                tried += 1;
            }
        }
    }
    assert!(tried > 300, "only {tried} variants tried");
}

#[test]
fn bad_codes_get_distinct_plain_errors() {
    let q = bundled();
    let code = encode(&q, &sample(&q, 2));
    let chars = body(&code);
    let n = chars.len() - q.code_prefix.len();
    assert_eq!(decode(&q, "  "), Err(CodeError::Empty));
    let truncated: String = chars[..chars.len() - 2].iter().collect();
    assert_eq!(
        decode(&q, &truncated),
        Err(CodeError::TooShort { missing: 2 })
    );
    assert_eq!(
        decode(&q, &format!("{code}77")),
        Err(CodeError::TooLong { extra: 2 })
    );
    let other: String = "XYZWQ"
        .chars()
        .take(q.code_prefix.len())
        .chain(chars.iter().copied().skip(q.code_prefix.len()))
        .collect();
    assert!(matches!(
        decode(&q, &other),
        Err(CodeError::OtherQuestionnaire { .. })
    ));
    let mut with_u = code.clone();
    with_u.push('U');
    assert_eq!(
        decode(&q, &with_u),
        Err(CodeError::InvalidCharacter {
            character: 'U',
            position: code.chars().count() + 1
        })
    );
    assert!(matches!(
        decode(&q, "VLG-!!"),
        Err(CodeError::InvalidCharacter {
            character: '!',
            position: 5
        })
    ));
    // The same answers under another version of the questionnaire.
    let src = include_str!("../../../questionnaires/villeneuve-la-garenne.yaml");
    let newer =
        Questionnaire::from_yaml(&src.replacen("version: \"", "version: \"new-", 1)).unwrap();
    assert_eq!(decode(&newer, &code), Err(CodeError::OtherVersion));
    for e in [
        CodeError::Empty,
        CodeError::Mistyped,
        CodeError::OtherVersion,
        CodeError::TooShort { missing: 1 },
    ] {
        assert!(!e.message("fr").is_empty() && e.message("fr") != e.message("en"));
    }
    let _ = n;
}

#[test]
fn random_strings_of_the_right_shape_almost_never_decode() {
    // Two check characters (mod 1021) and a version character: a random
    // string of exactly the right length and alphabet passes with odds of
    // about 1 in 32,672. Over 200,000 strings that is about 6; allow 20.
    let q = bundled();
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let len = body(&encode(&q, &Answers::new())).len() - q.code_prefix.len();
    let mut state: u64 = 0x1234_5678_9ABC_DEF0;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut decoded = 0;
    for _ in 0..200_000 {
        let s: String = (0..len)
            .map(|_| ALPHABET[(next() % 32) as usize] as char)
            .collect();
        if decode(&q, &format!("{}{s}", q.code_prefix)).is_ok() {
            decoded += 1;
        }
    }
    assert!(decoded <= 20, "{decoded} random strings decoded");
}
