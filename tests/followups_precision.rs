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

/// A fate a careful reader expects: for the record `id`, or (read without records) for the
/// commitment whose quote is `quote`.
#[derive(serde::Deserialize)]
struct ExpectedFate {
    id: Option<String>,
    quote: Option<String>,
    fate: String,
    evidence: Option<String>,
}

fn expected(set: &str) -> Expected {
    let text = std::fs::read_to_string(fixture(set).join("expected.toml")).expect("expected.toml");
    toml::from_str(&text).expect("parse")
}

fn same_evidence(e: &ExpectedFate, f: &followups::Followup) -> bool {
    e.fate == f.fate.as_str()
        && (f.fate == Fate::Missed || e.evidence.as_deref() == f.evidence.source.as_deref())
}

/// Proposed, right, expected: prints and returns precision and recall.
fn score(
    what: &str,
    found: &[followups::Followup],
    expected: usize,
    right: impl Fn(&followups::Followup) -> bool,
) -> (f64, f64) {
    let ok = found.iter().filter(|f| right(f)).count();
    let precision = ok as f64 / found.len().max(1) as f64;
    let recall = ok as f64 / expected.max(1) as f64;
    eprintln!(
        "fates ({what}): {} proposed, {ok} right, {expected} expected: precision {precision:.3}, recall {recall:.3}",
        found.len()
    );
    for f in found.iter().filter(|f| !right(f)) {
        eprintln!(
            "  wrong: {} {} {:?}",
            f.commitment.id,
            f.fate.as_str(),
            f.evidence.source
        );
    }
    (precision, recall)
}

/// Precision and recall of the fates proposed from the records of the fixture `set`.
fn fates_from_records(set: &str) -> (f64, f64) {
    let expected = expected(set);
    let root = fixture(set);
    let (texts, tracked) = followups::load(&root, &Rules::default()).expect("load");
    let report = followups::analyse(&texts, &tracked, expected.as_of, 365);
    let with_id: Vec<&ExpectedFate> = expected.fate.iter().filter(|e| e.id.is_some()).collect();
    let chains: std::collections::BTreeSet<String> = with_id
        .iter()
        .filter_map(|e| tracked.iter().find(|t| Some(&t.id) == e.id.as_ref()))
        .filter_map(|t| t.source.get(6..8).map(str::to_string))
        .collect();
    assert!(
        with_id.len() >= 7 && chains.len() >= 4,
        "{} fates over {} chains",
        with_id.len(),
        chains.len()
    );
    score(set, &report.followups, with_id.len(), |f| {
        with_id
            .iter()
            .any(|e| e.id.as_deref() == Some(f.commitment.id.as_str()) && same_evidence(e, f))
    })
}

#[test]
fn fates_on_the_test_chains() {
    let (precision, recall) = fates_from_records("chains");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.8, "recall {recall:.3}");
}

/// Chains written after the rules and not used to tune them (recall 4/7 when first run,
/// before plural ordinals, "round of consultations" and "agreed to meet again").
#[test]
fn fates_on_the_holdout_chains() {
    let (precision, recall) = fates_from_records("holdout");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(recall >= 0.6, "recall {recall:.3}");
}

/// The same chains read without records: commitments come from extraction, and fates are
/// matched to the expected ones by quote.
#[test]
fn fates_on_the_test_chains_from_extraction() {
    let expected = expected("chains");
    let dir = tempfile::tempdir().expect("tempdir");
    let seeds = dir.path().join("seeds");
    std::fs::create_dir_all(&seeds).expect("mkdir");
    for entry in std::fs::read_dir(fixture("chains").join("seeds"))
        .expect("seeds")
        .flatten()
    {
        std::fs::copy(entry.path(), seeds.join(entry.file_name())).expect("copy");
    }
    let (_, records) = followups::load(&fixture("chains"), &Rules::default()).expect("load");
    let quote_of = |e: &ExpectedFate| -> Option<String> {
        e.quote.clone().or_else(|| {
            records
                .iter()
                .find(|r| Some(&r.id) == e.id.as_ref())
                .map(|r| r.quote.clone())
        })
    };
    let (texts, tracked) = followups::load(dir.path(), &Rules::default()).expect("load");
    let report = followups::analyse(&texts, &tracked, expected.as_of, 365);
    let (precision, recall) = score("extraction", &report.followups, expected.fate.len(), |f| {
        expected.fate.iter().any(|e| {
            quote_of(e).is_some_and(|q| pledge::diff::similarity(&q, &f.commitment.quote) >= 0.8)
                && same_evidence(e, f)
        })
    });
    assert!(precision >= 0.85, "precision {precision:.3}");
    assert!(recall >= 0.75, "recall {recall:.3}");
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
