//! The `extract` JSON contract, written out field by field.
//!
//! serde_json escapes a string byte by byte, through a table: on a corpus whose report is
//! twice its size, that loop alone took a twelfth of a whole `extract` run. Here strings are
//! escaped by `json-escape-simd` (sonic-rs's escaping, which skips sixteen or thirty-two
//! bytes at a time that need none) and the rest is written as serde_json would. The shape
//! stays that of the types' `Serialize`, which the tests below hold this writer to, byte for
//! byte: serde_json remains the reference, and writes every other JSON of the tool.

use super::{Commitment, Deadline, DocumentCommitments, Milestone};

/// `doc` as `serde_json::to_writer` writes it (compact), appended to `out`.
pub(super) fn write_document(doc: &DocumentCommitments, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"source":"#);
    string(&doc.source, out);
    out.extend_from_slice(br#","language":""#);
    out.extend_from_slice(doc.language.as_str().as_bytes());
    out.extend_from_slice(br#"","title":"#);
    optional_string(doc.title.as_deref(), out);
    out.extend_from_slice(br#","published":"#);
    optional_string(doc.published.as_deref(), out);
    out.extend_from_slice(br#","updated":"#);
    optional_string(doc.updated.as_deref(), out);
    out.extend_from_slice(br#","url":"#);
    optional_string(doc.url.as_deref(), out);
    out.extend_from_slice(br#","commitments":["#);
    for (i, commitment) in doc.commitments.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_commitment(commitment, out);
    }
    out.extend_from_slice(b"]}");
}

fn write_commitment(c: &Commitment, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"id":"#);
    string(&c.id, out);
    out.extend_from_slice(br#","quote":"#);
    string(&c.quote, out);
    out.extend_from_slice(br#","span":["#);
    number(c.span[0], out);
    out.push(b',');
    number(c.span[1], out);
    out.extend_from_slice(br#"],"actors":["#);
    for (i, actor) in c.actors.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(actor, out);
    }
    out.extend_from_slice(br#"],"strength":""#);
    out.extend_from_slice(c.strength.as_str().as_bytes());
    out.extend_from_slice(br#"","deadline":"#);
    match &c.deadline {
        Some(deadline) => write_deadline(deadline, out),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(br#","made":"#);
    optional_string(c.made.as_deref(), out);
    out.extend_from_slice(br#","milestone":"#);
    match &c.milestone {
        Some(milestone) => write_milestone(milestone, out),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(br#","rule":"#);
    string(&c.rule, out);
    out.push(b'}');
}

fn write_deadline(deadline: &Deadline, out: &mut Vec<u8>) {
    use std::io::Write;
    // chrono serialises a date as its Display (`2025-12-31`, `+10000-01-01`), which never
    // needs escaping. Writing to a Vec cannot fail.
    let _ = write!(out, r#"{{"date":"{}","precision":""#, deadline.date);
    out.extend_from_slice(deadline.precision.as_str().as_bytes());
    out.extend_from_slice(br#"","text":"#);
    string(&deadline.text, out);
    out.push(b'}');
}

fn write_milestone(milestone: &Milestone, out: &mut Vec<u8>) {
    out.extend_from_slice(br#"{"name":"#);
    string(&milestone.name, out);
    out.extend_from_slice(br#","ordinal":"#);
    match milestone.ordinal {
        Some(ordinal) => number(ordinal, out),
        None => out.extend_from_slice(b"null"),
    }
    out.push(b'}');
}

fn string(value: &str, out: &mut Vec<u8>) {
    json_escape_simd::escape_into(value, out);
}

fn optional_string(value: Option<&str>, out: &mut Vec<u8>) {
    match value {
        Some(value) => string(value, out),
        None => out.extend_from_slice(b"null"),
    }
}

fn number(value: impl itoa::Integer, out: &mut Vec<u8>) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Precision;
    use crate::document::Lang;
    use crate::extract::Strength;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn written(doc: &DocumentCommitments) -> String {
        let mut out = Vec::new();
        write_document(doc, &mut out);
        String::from_utf8(out).expect("the writer writes UTF-8")
    }

    fn commitment(quote: &str) -> Commitment {
        Commitment {
            id: "eu-2025-renforcer".into(),
            quote: quote.into(),
            span: [12, 340],
            actors: vec!["EU".into(), "UA".into()],
            strength: Strength::Intent,
            deadline: Some(Deadline {
                date: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
                precision: Precision::Year,
                text: "en 2025".into(),
            }),
            made: Some("2024-06".into()),
            milestone: Some(Milestone {
                name: "4e dialogue UE-Ukraine".into(),
                ordinal: Some(4),
            }),
            rule: "fr.agree".into(),
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut bare = commitment("Les parties « poursuivront » leurs travaux.\n\t\u{1}\"\\");
        bare.deadline = None;
        bare.milestone = Some(Milestone {
            name: "x".into(),
            ordinal: None,
        });
        bare.made = None;
        bare.actors.clear();
        let doc = DocumentCommitments {
            source: "seeds/001 \"a\".txt".into(),
            language: Lang::Fr,
            title: Some("Dialogue UE–Ukraine\u{7f}\u{2028}".into()),
            published: Some("2024-06-17".into()),
            updated: None,
            url: None,
            commitments: vec![commitment("L'UE renforcera son soutien."), bare],
        };
        assert_eq!(written(&doc), serde_json::to_string(&doc).unwrap());
        let empty = DocumentCommitments {
            commitments: Vec::new(),
            ..doc
        };
        assert_eq!(written(&empty), serde_json::to_string(&empty).unwrap());
    }

    proptest! {
        // Any text, any date chrono accepts, any number: the same bytes as serde_json.
        #[test]
        fn agrees_with_serde_json_on_any_text(
            quote in any::<String>(),
            title in proptest::option::of(any::<String>()),
            text in "\\PC*|[\\x00-\\x1f\"\\\\]*",
            days in -3_000_000i64..3_000_000,
            span in any::<[usize; 2]>(),
            ordinal in proptest::option::of(any::<u32>()),
            precision in proptest::sample::select(vec![
                Precision::Minute, Precision::Day, Precision::Week, Precision::Month,
                Precision::Quarter, Precision::Half, Precision::Year,
            ]),
            strength in proptest::sample::select(vec![
                Strength::Firm, Strength::Intent, Strength::Interest,
            ]),
            language in proptest::sample::select(vec![Lang::Fr, Lang::En]),
        ) {
            let mut c = commitment(&quote);
            c.span = span;
            c.strength = strength;
            c.deadline = Some(Deadline {
                date: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
                    + chrono::Duration::days(days),
                precision,
                text: text.clone(),
            });
            c.milestone = Some(Milestone { name: text, ordinal });
            let doc = DocumentCommitments {
                source: quote,
                language,
                title,
                published: None,
                updated: Some("2025".into()),
                url: Some("https://example.org/?a=1&b=\"2\"".into()),
                commitments: vec![c],
            };
            prop_assert_eq!(written(&doc), serde_json::to_string(&doc).unwrap());
        }
    }
}
