use chrono::NaiveDate;

use super::*;
use crate::dates::Precision;
use crate::extract::{Deadline, Strength};

fn c(
    id: &str,
    quote: &str,
    strength: Strength,
    actors: &[&str],
    deadline: Option<&str>,
    at: usize,
) -> Commitment {
    Commitment {
        id: id.to_string(),
        quote: quote.to_string(),
        span: [at, at + quote.len()],
        actors: actors.iter().map(|a| a.to_string()).collect(),
        strength,
        deadline: deadline.map(|d| Deadline {
            date: NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap_or_default(),
            precision: Precision::Year,
            text: d.to_string(),
        }),
        made: None,
        milestone: None,
        rule: "test".to_string(),
    }
}

const A: &str =
    "L'UE et l'Ukraine sont convenues de renforcer la coopération en matière de cyberdiplomatie.";
const B: &str = "L'UE et l'Ukraine sont convenues de renforcer les échanges sur la connaissance de la situation.";
const D1: &str = "Les parties sont convenues de tenir le 4e dialogue en 2025.";
const D2: &str = "Les parties envisagent de tenir le 4e dialogue en 2026.";

#[test]
fn identical_versions_have_no_change() {
    let v = vec![c("a", A, Strength::Firm, &["EU", "UA"], None, 0)];
    assert!(diff_commitments(&v, &v).is_empty());
}

#[test]
fn two_commitments_of_one_statement_are_not_paired() {
    assert!(similarity(A, B) < PAIR_THRESHOLD, "{}", similarity(A, B));
    let old = vec![c("a", A, Strength::Firm, &["EU", "UA"], None, 0)];
    let new = vec![c("b", B, Strength::Firm, &["EU", "UA"], None, 0)];
    let kinds: Vec<_> = diff_commitments(&old, &new)
        .iter()
        .map(|c| c.change)
        .collect();
    assert_eq!(kinds, vec![ChangeKind::Removed, ChangeKind::Added]);
}

#[test]
fn one_pair_carries_every_change() {
    assert!(
        similarity(D1, D2) >= PAIR_THRESHOLD,
        "{}",
        similarity(D1, D2)
    );
    let old = vec![c(
        "x",
        D1,
        Strength::Firm,
        &["EU", "UA"],
        Some("2025-12-31"),
        0,
    )];
    let new = vec![c(
        "y",
        D2,
        Strength::Interest,
        &["EU"],
        Some("2026-12-31"),
        0,
    )];
    let changes = diff_commitments(&old, &new);
    let kinds: Vec<_> = changes.iter().map(|c| c.change).collect();
    assert_eq!(
        kinds,
        vec![
            ChangeKind::Reworded,
            ChangeKind::DeadlineMoved,
            ChangeKind::StrengthChanged,
            ChangeKind::ActorsChanged
        ]
    );
    assert!(changes.iter().all(|c| c.pair == Some(1)));
    assert_eq!(changes[1].slip, Some(true));
    assert_eq!(changes[2].weakened, Some(true));
    assert_eq!(changes[3].actors_removed, vec!["UA".to_string()]);
    let ins: Vec<_> = changes[0]
        .words
        .iter()
        .filter(|w| w.op == WordOp::Insert)
        .map(|w| w.text.as_str())
        .collect();
    assert_eq!(ins, vec!["envisagent", "2026"]);
}

#[test]
fn an_earlier_deadline_is_not_a_slip() {
    let old = vec![c("x", D1, Strength::Firm, &["EU"], Some("2025-12-31"), 0)];
    let new = vec![c("x", D1, Strength::Firm, &["EU"], Some("2025-06-30"), 0)];
    let changes = diff_commitments(&old, &new);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].slip, Some(false));
}

#[test]
fn exact_quotes_pair_before_similar_ones() {
    let old = vec![
        c("a", A, Strength::Firm, &["EU"], None, 0),
        c("b", B, Strength::Firm, &["EU"], None, 100),
    ];
    let new = vec![
        c("b", B, Strength::Firm, &["EU"], None, 0),
        c("a", A, Strength::Firm, &["EU"], None, 100),
    ];
    assert!(diff_commitments(&old, &new).is_empty());
}

#[test]
fn word_diff_marks_only_changed_words() {
    let runs = word_diff("tenir le dialogue en 2025.", "tenir le dialogue en 2026.");
    let marked: Vec<_> = runs
        .iter()
        .filter(|r| r.op != WordOp::Equal)
        .map(|r| (r.op, r.text.as_str()))
        .collect();
    assert_eq!(
        marked,
        vec![(WordOp::Delete, "2025"), (WordOp::Insert, "2026")]
    );
}

#[test]
fn similarity_never_panics_on_odd_text() {
    for s in ["", " ", "'''", "été", "\u{0}"] {
        let x = similarity(s, "été 2025");
        assert!((0.0..=1.0).contains(&x));
    }
}
