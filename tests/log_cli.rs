//! `pledge log`: status changes in commitments/ read from git, in a repository built here.

use std::path::Path;

#[path = "followups_common/mod.rs"]
mod common;

use common::{git, git_repo, pledge, stdout};

const FILE: &str = "commitments/dialogue.toml";

fn record_file(x: &str, y: &str, note: &str) -> String {
    format!(
        "[document]\nsource = \"seeds/dialogue.txt\"\n\n[[commitment]]\nid = \"eu-jp-next\"\nquote = \"The EU and Japan agreed to hold the next dialogue in 2025.\"\nstrength = \"firm\"\nstatus = \"{x}\"\n\n[[commitment]]\nid = \"eu-jp-cables\"\nquote = \"The two sides will set up a working group on submarine cables.\"\nstrength = \"firm\"\nstatus = \"{y}\"\n{note}"
    )
}

fn history() -> tempfile::TempDir {
    let dir = git_repo();
    let root = dir.path();
    std::fs::create_dir_all(root.join("commitments")).expect("mkdir");
    let write = |text: String| std::fs::write(root.join(FILE), text).expect("write");
    write(record_file("proposed", "open", ""));
    git(root, "Alice", "2025-01-10T09:00:00+00:00", &["add", "-A"]);
    git(
        root,
        "Alice",
        "2025-01-10T09:00:00+00:00",
        &["commit", "-q", "-m", "extract"],
    );
    write(record_file("done", "open", ""));
    git(
        root,
        "Bob",
        "2025-03-05T14:30:00+01:00",
        &["commit", "-q", "-am", "dialogue held"],
    );
    std::fs::write(root.join("README"), "unrelated").expect("write");
    git(root, "Bob", "2025-04-01T10:00:00+00:00", &["add", "-A"]);
    git(
        root,
        "Bob",
        "2025-04-01T10:00:00+00:00",
        &["commit", "-q", "-m", "unrelated"],
    );
    write(record_file(
        "done",
        "missed",
        "note = \"no working group by the due date\"\n",
    ));
    git(
        root,
        "Alice",
        "2025-06-01T08:00:00+00:00",
        &["commit", "-q", "-am", "cables missed"],
    );
    dir
}

/// Commit ids depend on git's object format: keep them out of the snapshots.
fn redact(text: &str, root: &Path) -> String {
    let out = std::process::Command::new("git")
        .args(["log", "--format=%H"])
        .current_dir(root)
        .output()
        .expect("git log");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .fold(text.to_string(), |acc, h| {
            acc.replace(&h[..12.min(h.len())], "<commit>")
        })
}

#[test]
fn status_changes_with_who_and_when() {
    let dir = history();
    let root = dir.path();
    insta::assert_snapshot!("log_text", redact(&stdout(root, &["log"]), root));
    insta::assert_snapshot!(
        "log_markdown",
        redact(&stdout(root, &["log", "--format", "markdown"]), root)
    );
    insta::assert_snapshot!(
        "log_json",
        redact(&stdout(root, &["log", "--format", "json"]), root)
    );
}

#[test]
fn since_keeps_later_changes() {
    let dir = history();
    let v: serde_json::Value = serde_json::from_str(&stdout(
        dir.path(),
        &["log", "--since", "2025-04-01", "--format", "json"],
    ))
    .expect("json");
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0]["id"], "eu-jp-cables");
    assert_eq!(
        (changes[0]["from"].as_str(), changes[0]["to"].as_str()),
        (Some("open"), Some("missed"))
    );
    assert_eq!(changes[0]["author"], "Alice");
}

#[test]
fn outside_a_repository_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    pledge(dir.path())
        .env(
            "GIT_CEILING_DIRECTORIES",
            dir.path().parent().unwrap_or(dir.path()),
        )
        .arg("log")
        .assert()
        .code(3);
}

#[test]
fn a_tracker_in_a_subfolder_of_the_repository() {
    let dir = git_repo();
    let root = dir.path().join("tracker");
    std::fs::create_dir_all(root.join("commitments")).expect("mkdir");
    let write =
        |text: String| std::fs::write(root.join("commitments/é.toml"), text).expect("write");
    write(record_file("proposed", "open", ""));
    git(
        dir.path(),
        "Alice",
        "2025-01-10T09:00:00+00:00",
        &["add", "-A"],
    );
    git(
        dir.path(),
        "Alice",
        "2025-01-10T09:00:00+00:00",
        &["commit", "-q", "-m", "one"],
    );
    write(record_file("in_progress", "open", ""));
    git(
        dir.path(),
        "Bob",
        "2025-02-10T09:00:00+00:00",
        &["commit", "-q", "-am", "two"],
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(
        &root,
        &["log", "--since", "2025-02-01", "--format", "json"],
    ))
    .expect("json");
    assert_eq!(v["changes"][0]["file"], "commitments/é.toml", "{v}");
    assert_eq!(v["changes"][0]["to"], "in_progress", "{v}");
}
