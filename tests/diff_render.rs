//! The diff model and its renderers, on commitments built by hand so that the snapshots do
//! not move with extraction.

use chrono::NaiveDate;
use pledge::dates::Precision;
use pledge::diff::{self, ChangeKind, Meta, Version, render};
use pledge::extract::{Commitment, Deadline, Strength};

fn c(
    id: &str,
    quote: &str,
    strength: Strength,
    actors: &[&str],
    deadline: Option<(&str, &str)>,
    at: usize,
) -> Commitment {
    Commitment {
        id: id.to_string(),
        quote: quote.to_string(),
        span: [at, at + quote.len()],
        actors: actors.iter().map(|a| a.to_string()).collect(),
        strength,
        deadline: deadline.map(|(d, text)| Deadline {
            date: NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date"),
            precision: Precision::Year,
            text: text.to_string(),
        }),
        made: Some("2024-10-08".to_string()),
        milestone: None,
        rule: "en.agree".to_string(),
    }
}

fn meta(updated: &str) -> Meta {
    Meta {
        title: Some("EU and Japan hold 6th Cyber Dialogue".to_string()),
        published: Some("2024-10-08".to_string()),
        updated: Some(updated.to_string()),
    }
}

fn example() -> diff::DocDiff {
    let old = vec![
        c(
            "next",
            "The EU and Japan agreed to hold the next dialogue in 2025 in Tokyo.",
            Strength::Firm,
            &["EU", "JP"],
            Some(("2025-12-31", "in 2025")),
            100,
        ),
        c(
            "cables",
            "The two sides will set up a working group on the security of submarine cables by June 2025.",
            Strength::Firm,
            &["EU", "JP"],
            Some(("2025-06-30", "by June 2025")),
            200,
        ),
        c(
            "ransomware",
            "The EU and Japan are determined to counter ransomware attacks against hospitals.",
            Strength::Intent,
            &["EU", "JP"],
            None,
            300,
        ),
    ];
    let new = vec![
        c(
            "next",
            "The EU and Japan agreed to hold the next dialogue in 2026 in Tokyo.",
            Strength::Firm,
            &["EU", "JP"],
            Some(("2026-12-31", "in 2026")),
            100,
        ),
        c(
            "cables-2",
            "The two sides expressed interest in a working group on the security of submarine cables.",
            Strength::Interest,
            &["EU", "JP"],
            None,
            200,
        ),
        c(
            "training",
            "The EU will fund a training programme for hospital IT staff.",
            Strength::Firm,
            &["EU"],
            None,
            300,
        ),
    ];
    let (m1, m2) = (meta("2024-10-08T10:00"), meta("2024-10-14T09:30"));
    diff::diff_versions(
        Version {
            source: "v1/dialogue.md",
            meta: &m1,
            commitments: &old,
        },
        Version {
            source: "v2/dialogue.md",
            meta: &m2,
            commitments: &new,
        },
    )
}

#[test]
fn a_pair_carries_each_of_its_changes() {
    let d = example();
    let kinds: Vec<(Option<usize>, ChangeKind)> =
        d.commitments.iter().map(|c| (c.pair, c.change)).collect();
    assert_eq!(
        kinds,
        vec![
            (Some(1), ChangeKind::Reworded),
            (Some(1), ChangeKind::DeadlineMoved),
            (Some(2), ChangeKind::Reworded),
            (Some(2), ChangeKind::DeadlineMoved),
            (Some(2), ChangeKind::StrengthChanged),
            (None, ChangeKind::Removed),
            (None, ChangeKind::Added),
        ]
    );
    assert_eq!(d.commitments[1].slip, Some(true));
    assert_eq!(d.commitments[4].weakened, Some(true));
}

#[test]
fn only_an_update_stamp() {
    let same = vec![c(
        "x",
        "The EU will fund a training programme.",
        Strength::Firm,
        &["EU"],
        None,
        0,
    )];
    let (m1, m2) = (meta("2017-12-08T17:00"), meta("2017-12-11T09:30"));
    let d = diff::diff_versions(
        Version {
            source: "a",
            meta: &m1,
            commitments: &same,
        },
        Version {
            source: "b",
            meta: &m2,
            commitments: &same,
        },
    );
    assert!(d.commitments.is_empty());
    assert_eq!(d.metadata.len(), 1);
    assert_eq!(d.metadata[0].field, "updated");
    assert_eq!(d.metadata[0].old.as_deref(), Some("2017-12-08T17:00"));
}

#[test]
fn json_contract() {
    let v: serde_json::Value = serde_json::from_str(&render::json(&example())).expect("json");
    for m in v["metadata"].as_array().expect("metadata") {
        assert!(m["field"].is_string() && m.get("old").is_some() && m.get("new").is_some());
    }
    for c in v["commitments"].as_array().expect("commitments") {
        assert!(c["change"].is_string());
        for side in ["old", "new"] {
            let x = &c[side];
            assert!(
                x.is_null()
                    || (x["quote"].is_string()
                        && x.get("deadline").is_some()
                        && x["strength"].is_string()
                        && x["actors"].is_array()),
                "{c}"
            );
        }
    }
}

#[test]
fn renderers() {
    let d = example();
    insta::assert_snapshot!("diff_text", render::text(&d, false));
    insta::assert_snapshot!(
        "diff_text_color",
        render::text(&d, true).replace('\x1b', "<ESC>")
    );
    insta::assert_snapshot!("diff_markdown", render::markdown(&d));
    insta::assert_snapshot!("diff_json", render::json(&d));
}
