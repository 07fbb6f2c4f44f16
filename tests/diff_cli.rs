//! `pledge diff`: two files, or a file's versions in git.

use std::path::Path;

#[path = "followups_common/mod.rs"]
mod common;

use common::{fixture, git, git_repo, pledge, stdout};

fn versions() -> std::path::PathBuf {
    fixture("versions")
}

#[test]
fn only_an_update_stamp_changes_no_commitment() {
    let out = stdout(
        &versions(),
        &["diff", "stamp-v1.txt", "stamp-v2.txt", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["commitments"].as_array().map(Vec::len), Some(0), "{v}");
    assert_eq!(v["metadata"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(
        v["metadata"][0]["field"], "updated",
        "only the stamp differs: {v}"
    );
    assert_eq!(v["metadata"][0]["old"], "2017-12-08T17:00");
    assert_eq!(v["metadata"][0]["new"], "2017-12-11T09:30");
}

/// The kinds of change, pair by pair, of `pledge diff OLD NEW --format json`.
fn kinds(old: &str, new: &str) -> Vec<(Option<u64>, String)> {
    let v: serde_json::Value = serde_json::from_str(&stdout(
        &versions(),
        &["diff", old, new, "--format", "json"],
    ))
    .expect("json");
    v["commitments"]
        .as_array()
        .expect("commitments")
        .iter()
        .map(|c| {
            (
                c["pair"].as_u64(),
                c["change"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn french_deadline_slip_and_weakening() {
    let k = kinds("ukraine-v1.txt", "ukraine-v2.txt");
    let expected = [
        (Some(1), "reworded"),
        (Some(1), "deadline_moved"),
        (Some(1), "strength_changed"),
    ];
    assert_eq!(k, expected.map(|(p, c)| (p, c.to_string())));
}

#[test]
fn english_changes_of_every_kind() {
    let k = kinds("dialogue-v1.md", "dialogue-v2.md");
    for kind in [
        "reworded",
        "deadline_moved",
        "strength_changed",
        "removed",
        "added",
    ] {
        assert!(
            k.iter().any(|(_, c)| c == kind),
            "{kind} missing from {k:?}"
        );
    }
}

#[test]
fn identical_files_report_no_change() {
    let out = stdout(&versions(), &["diff", "stamp-v1.txt", "stamp-v1.txt"]);
    assert!(out.contains("no change"), "{out}");
}

#[test]
fn every_format_runs() {
    for format in ["text", "markdown", "json"] {
        stdout(
            &versions(),
            &[
                "diff",
                "dialogue-v1.md",
                "dialogue-v2.md",
                "--format",
                format,
            ],
        );
    }
}

#[test]
fn usage_and_input_errors() {
    pledge(&versions())
        .args(["diff", "stamp-v1.txt"])
        .assert()
        .code(2);
    pledge(&versions())
        .args(["diff", "--rev", "A", "B", "f.txt", "g.txt"])
        .assert()
        .code(2);
    let out = pledge(&versions())
        .args(["diff", "stamp-v1.txt", "nowhere.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere.txt"));
}

fn repo_with_two_versions() -> tempfile::TempDir {
    let dir = git_repo();
    let root = dir.path();
    std::fs::create_dir_all(root.join("seeds")).expect("mkdir");
    let copy =
        |name: &str| std::fs::copy(versions().join(name), root.join("seeds/doc.md")).expect("copy");
    copy("dialogue-v1.md");
    git(root, "Alice", "2025-01-02T09:00:00+00:00", &["add", "-A"]);
    git(
        root,
        "Alice",
        "2025-01-02T09:00:00+00:00",
        &["commit", "-q", "-m", "v1"],
    );
    copy("dialogue-v2.md");
    git(
        root,
        "Bob",
        "2025-01-03T09:00:00+00:00",
        &["commit", "-q", "-am", "v2"],
    );
    copy("dialogue-v1.md");
    dir
}

fn sources(root: &Path, args: &[&str]) -> (String, String) {
    let v: serde_json::Value = serde_json::from_str(&stdout(root, args)).expect("json");
    (
        v["old_source"].as_str().unwrap_or("").to_string(),
        v["new_source"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn revisions_from_git() {
    let dir = repo_with_two_versions();
    let root = dir.path();
    // REV against the working tree (v1 again), then two revisions.
    let (old, new) = sources(
        root,
        &["diff", "--rev", "HEAD", "seeds/doc.md", "--format", "json"],
    );
    assert_eq!(
        (old.as_str(), new.as_str()),
        ("HEAD:seeds/doc.md", "seeds/doc.md")
    );
    let (old, new) = sources(
        root,
        &[
            "diff",
            "--rev",
            "HEAD~1",
            "HEAD",
            "seeds/doc.md",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        (old.as_str(), new.as_str()),
        ("HEAD~1:seeds/doc.md", "HEAD:seeds/doc.md")
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(
        root,
        &[
            "diff",
            "--rev",
            "HEAD~1",
            "HEAD~1",
            "seeds/doc.md",
            "--format",
            "json",
        ],
    ))
    .expect("json");
    assert_eq!(v["metadata"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["commitments"].as_array().map(Vec::len), Some(0));
}

#[test]
fn an_unknown_revision_is_reported() {
    let dir = repo_with_two_versions();
    let out = pledge(dir.path())
        .args(["diff", "--rev", "no-such-rev", "seeds/doc.md"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("git"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
