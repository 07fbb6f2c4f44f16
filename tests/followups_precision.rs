#![allow(clippy::print_stderr)] // the test reports the figure it measures
//! Precision of the fates `pledge followups` proposes, on chains of statements written for
//! the purpose (tests/fixtures/followups/chains: EU-Japan, EU-Moldova, EU-India, EU-Ukraine,
//! NATO; French and English), and the series it finds on the seeds.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use pledge::extract::Rules;
use pledge::followups::{self, Fate};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/followups")
        .join(name)
}

#[derive(serde::Deserialize)]
struct Expected {
    as_of: NaiveDate,
    fate: Vec<ExpectedFate>,
}

#[derive(serde::Deserialize)]
struct ExpectedFate {
    id: String,
    fate: String,
    evidence: Option<String>,
}

#[test]
fn fates_on_the_test_chains() {
    let root = fixture("chains");
    let expected: Expected = toml::from_str(
        &std::fs::read_to_string(root.join("expected.toml")).expect("expected.toml"),
    )
    .expect("parse");
    let (texts, tracked) = followups::load(&root, &Rules::default()).expect("load");
    let report = followups::analyse(&texts, &tracked, expected.as_of, 365);
    let is_expected = |f: &followups::Followup| {
        expected.fate.iter().any(|e| {
            e.id == f.commitment.id
                && e.fate == f.fate.as_str()
                && (f.fate == Fate::Missed || e.evidence.as_deref() == f.evidence.source.as_deref())
        })
    };
    let right = report.followups.iter().filter(|f| is_expected(f)).count();
    let wrong: Vec<_> = report
        .followups
        .iter()
        .filter(|f| !is_expected(f))
        .collect();
    let proposed = report.followups.len();
    let precision = right as f64 / proposed.max(1) as f64;
    let recall = right as f64 / expected.fate.len() as f64;
    let chains: std::collections::BTreeSet<char> = expected
        .fate
        .iter()
        .filter_map(|e| tracked.iter().find(|t| t.id == e.id))
        .filter_map(|t| t.source.chars().nth(6))
        .collect();
    eprintln!(
        "fates: {proposed} proposed, {right} right, {} expected over {} chains: precision {precision:.3}, recall {recall:.3}",
        expected.fate.len(),
        chains.len()
    );
    assert!(expected.fate.len() >= 8 && chains.len() >= 4);
    assert!(
        precision >= 0.9,
        "precision {precision:.3}; wrong: {wrong:#?}"
    );
    assert!(recall >= 0.8, "recall {recall:.3}");
}

#[test]
fn series_on_the_seeds() {
    let root = fixture("seeds-tracker");
    let (texts, tracked) = followups::load(&root, &Rules::default()).expect("load");
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
    let report = followups::analyse(&texts, &tracked, as_of, 365);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let got: Vec<_> = report
        .series
        .iter()
        .map(|s| {
            let seen: Vec<_> = s
                .seen
                .iter()
                .map(|x| (x.source.as_str(), x.date, x.ordinal))
                .collect();
            (
                s.name.as_str(),
                s.actors.join(","),
                seen,
                s.next.as_ref().map(|n| (n.ordinal, n.due)),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "EU-US cyber dialogue",
                "EU,US".to_string(),
                vec![(
                    "seeds/002_55b3f435e6b86b5b.txt",
                    d("2022-12-15").expect("d"),
                    Some(8)
                )],
                Some((Some(9), None))
            ),
            (
                "EU-Ukraine cyber dialogue",
                "EU,UA".to_string(),
                vec![(
                    "seeds/004_59b014a73b23eadc.txt",
                    d("2024-07-15").expect("d"),
                    Some(3)
                )],
                Some((Some(4), d("2025-12-31")))
            ),
            (
                "NATO Cyber Defence Pledge Conference",
                "NATO,ALLIES".to_string(),
                vec![(
                    "seeds/001_a714f4d557bbd026.txt",
                    d("2025-05-20").expect("d"),
                    None
                )],
                Some((None, d("2026-12-31")))
            ),
        ]
    );
}
