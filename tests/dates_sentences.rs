//! Sentences of our own in French and English (tests/fixtures/dates/sentences.toml), each
//! with every date expression it holds.

use chrono::NaiveDate;
use pledge::dates::find_dates;
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    anchor: Option<String>,
    dates: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    value: String,
    precision: String,
    until: Option<String>,
    relation: Option<String>,
}

#[test]
fn sentences() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/dates/sentences.toml");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in &cases.case {
        let anchor = match case.anchor.as_deref() {
            None => NaiveDate::from_ymd_opt(2025, 5, 20),
            Some("none") => None,
            Some(d) => Some(d.parse().unwrap()),
        };
        let found: Vec<_> = find_dates(&case.text, anchor)
            .into_iter()
            .map(|e| {
                let rel = serde_json::to_value(e.relation)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string();
                (
                    e.text,
                    e.value,
                    e.precision.as_str().to_string(),
                    e.until.map(|d| d.to_string()),
                    rel,
                )
            })
            .collect();
        let ok = found.len() == case.dates.len()
            && found.iter().zip(&case.dates).all(|(f, x)| {
                f.0 == x.text
                    && f.1 == x.value
                    && f.2 == x.precision
                    && f.3 == x.until
                    && x.relation.as_ref().is_none_or(|r| *r == f.4)
            });
        if !ok {
            failures.push(format!("{:?}\n  found {found:?}", case.text));
        }
    }
    assert!(cases.case.len() >= 60);
    assert!(
        failures.is_empty(),
        "{} of {} sentences differ:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}
