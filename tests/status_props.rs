//! Every renderer of reports, checks and exports takes any tracker without panicking, and
//! keeps its format's promises whatever the text: CSV cells never start a formula, ICS lines
//! fit in 75 octets, XML and SVG carry no raw markup from the records.

use std::path::PathBuf;

use chrono::NaiveDate;
use pledge::check::{self, CheckOptions};
use pledge::dates::Precision;
use pledge::export;
use pledge::extract::{Deadline, Strength};
use pledge::record::{DocumentMeta, Record, RecordFile, SourceState, Status};
use pledge::report::{self, GroupBy, Query, SortKey, TableOptions};
use pledge::store::Tracker;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèà0-9 ,;:'\"<>&=+@|\\-]{0,120}",
        any::<String>(),
        Just(String::new()),
        Just("=cmd|' /C calc'!A0".to_string()),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2060, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn record() -> impl Strategy<Value = Record> {
    (
        (
            "[a-z0-9-]{1,60}",
            text(),
            prop::collection::vec(text(), 0..3),
        ),
        (0usize..9, 0usize..3, 0usize..3),
        (
            prop::option::of((date(), text())),
            prop::option::of(date()),
            prop::option::of(text()),
        ),
        (
            prop::option::of(date()),
            prop::option::of(text()),
            0usize..2000,
        ),
    )
        .prop_map(
            |(
                (id, quote, actors),
                (status, strength, state),
                (deadline, due, made),
                (status_date, note, line),
            )| {
                Record {
                    id,
                    quote,
                    previous_quote: None,
                    span: [0, 1],
                    actors,
                    strength: [Strength::Firm, Strength::Intent, Strength::Interest][strength],
                    deadline: deadline.map(|(date, text)| Deadline {
                        date,
                        precision: Precision::Year,
                        text,
                    }),
                    made,
                    milestone: None,
                    rule: "en.will".into(),
                    source_state: [
                        SourceState::Current,
                        SourceState::Changed,
                        SourceState::Missing,
                    ][state],
                    status: Status::ALL[status],
                    status_date,
                    owner: None,
                    note,
                    evidence: Vec::new(),
                    tags: Vec::new(),
                    due,
                    line,
                }
            },
        )
}

fn tracker() -> impl Strategy<Value = Tracker> {
    prop::collection::vec((text(), prop::collection::vec(record(), 0..6)), 0..4).prop_map(|files| {
        Tracker {
            root: PathBuf::from("."),
            files: files
                .into_iter()
                .enumerate()
                .map(|(i, (source, records))| RecordFile {
                    path: PathBuf::from(format!("commitments/f{i}.toml")),
                    document: DocumentMeta {
                        source,
                        url: Some("https://example.org/a?b=1&c=2".into()),
                        ..Default::default()
                    },
                    records,
                })
                .collect(),
        }
    })
}

/// A strict RFC 4180 reader: records of fields, quoted fields may hold commas, quotes and
/// line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut fields));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && fields.is_empty(),
        "CSV ends inside a record"
    );
    records
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn status_renderers_never_panic(tracker in tracker(), as_of in date(), width in 20u16..220, sort in 0usize..6, group in 0usize..4) {
        let mut query = Query::new(as_of);
        query.sort = SortKey::ALL[sort];
        query.group_by = GroupBy::ALL.get(group).copied();
        let report = report::build(&tracker, &query).unwrap();
        let total: usize = tracker.files.iter().map(|f| f.records.len()).sum();
        prop_assert_eq!(report.summary.total, total);
        for options in [TableOptions { width: Some(width), color: false }, TableOptions { width: None, color: true }] {
            let table = report::table(&report, &options);
            prop_assert!(table.ends_with('\n'));
        }
        report::markdown(&report);
        let json: serde_json::Value = serde_json::from_str(&report::json(&report)).unwrap();
        prop_assert_eq!(&json["summary"]["total"], total);
        let csv = report::csv(&report);
        let mut lines = parse_csv(&csv).into_iter();
        let header = lines.next().unwrap();
        let days = header.iter().position(|h| h == "days_left").unwrap();
        let mut rows = 0;
        for fields in lines {
            prop_assert_eq!(fields.len(), header.len());
            for (i, field) in fields.iter().enumerate() {
                if i != days {
                    prop_assert!(!field.starts_with(['=', '+', '-', '@', '\t', '\r']), "{:?}", field);
                }
            }
            rows += 1;
        }
        prop_assert_eq!(rows, report.rows().count());
    }

    #[test]
    fn check_renderers_never_panic(tracker in tracker(), as_of in date(), warn_within in 0u32..400, strict: bool) {
        let report = check::check(&tracker, &CheckOptions { as_of, warn_within, strict });
        let overdue = tracker
            .records()
            .any(|(_, r)| r.status.is_pending() && r.due_date().is_some_and(|d| d < as_of));
        let strict_fail = strict
            && tracker.records().any(|(_, r)| r.status == Status::Proposed || r.source_state != SourceState::Current);
        prop_assert_eq!(report.failed, overdue || strict_fail);
        check::render_text(&report);
        for line in check::render_github(&report).lines() {
            prop_assert!(line.starts_with("::"), "{}", line);
        }
        let junit = check::render_junit(&report);
        prop_assert_eq!(junit.matches("<testcase ").count(), report.cases.len());
        serde_json::from_str::<serde_json::Value>(&check::render_json(&report)).unwrap();
    }

    #[test]
    fn exports_never_panic(tracker in tracker(), as_of in date()) {
        let ics = export::ics(&tracker);
        for line in ics.split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {}", line.len(), line);
            prop_assert!(!line.contains('\n') && !line.contains('\r'));
        }
        for by in [GroupBy::Actor, GroupBy::Source] {
            let svg = export::svg(&tracker, as_of, by);
            prop_assert_eq!(svg.matches("<svg").count(), 1);
            prop_assert!(!svg.contains("<script"));
            let html = export::html(&tracker, as_of, by);
            prop_assert!(!html.contains("<script"));
        }
    }
}
