//! `pledge export --format ics` and `pledge timeline`: snapshots, RFC 5545 rules, escaping,
//! determinism and writing to a file.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use chrono::NaiveDate;
use pledge::export;
use pledge::report::GroupBy;
use pledge::store::Tracker;
use predicates::str::contains;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name)
}

fn tracker(name: &str) -> Tracker {
    pledge::store::load(&fixture(name)).unwrap()
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn pledge(fixture_name: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pledge"));
    cmd.arg("-C").arg(fixture(fixture_name));
    cmd
}

#[test]
fn ics() {
    insta::assert_snapshot!(export::ics(&tracker("basic")).replace("\r\n", "⏎\n"));
}

#[test]
fn ics_follows_rfc_5545() {
    let text = export::ics(&tracker("basic"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    // All-day events, one per dated commitment that is not rejected.
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 7);
    assert_eq!(unfolded.matches("DTSTART;VALUE=DATE:").count(), 7);
    assert!(unfolded.contains("UID:eu-ua-2024-07-15-soutien-resilience@pledge\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20251231\r\nDTEND;VALUE=DATE:20260101\r\n"));
    // A person's `due` wins over the extracted deadline.
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20250601\r\n"));
    assert!(!unfolded.contains("faux-positif"));
    // Escaped text: commas, semicolons, line breaks.
    assert!(unfolded.contains("d'ici fin 2024 \\; un bilan suivra."));
    assert!(unfolded.contains("by 2024.\\n\\nStatus: open"));
    assert!(unfolded.contains("SUMMARY:EU\\, UA: "));
}

#[test]
fn ics_is_deterministic() {
    let first = export::ics(&tracker("basic"));
    assert_eq!(first, export::ics(&tracker("basic")));
    // DTSTAMP comes from the record (status date, made, published), not the clock.
    assert!(first.contains("DTSTAMP:20241105T000000Z"));
    assert!(first.contains("DTSTAMP:20230711T000000Z"));
}

#[test]
fn svg() {
    insta::assert_snapshot!(export::svg(&tracker("basic"), as_of(), GroupBy::Actor));
}

#[test]
fn html_grouped_by_source() {
    insta::assert_snapshot!(export::html(&tracker("basic"), as_of(), GroupBy::Source));
}

#[test]
fn timeline_escapes_text_and_needs_nothing_external() {
    for text in [
        export::svg(&tracker("basic"), as_of(), GroupBy::Actor),
        export::html(&tracker("basic"), as_of(), GroupBy::Source),
    ] {
        assert!(text.contains("&lt;to be defined&gt;"));
        assert!(!text.contains("<to be defined>"));
        assert!(!text.contains("href="), "no external asset");
        assert!(!text.contains("src="), "no external asset");
        assert!(!text.contains("@import"));
        assert_eq!(text.matches("<svg").count(), 1);
        assert_eq!(text.matches("</svg>").count(), 1);
    }
}

#[test]
fn empty_timeline_says_so() {
    let text = export::svg(&tracker("empty"), as_of(), GroupBy::Actor);
    assert!(text.contains("No dated commitment."));
}

// ---- The command line ----

#[test]
fn cli_export_ics_to_stdout_and_to_a_file() {
    let out = pledge("basic")
        .args(["export", "--format", "ics"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        export::ics(&tracker("basic"))
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pledges.ics");
    pledge("basic")
        .args(["export", "-o"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        export::ics(&tracker("basic"))
    );
}

#[test]
fn cli_timeline_formats() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("timeline.html");
    pledge("basic")
        .args([
            "timeline",
            "--as-of",
            "2025-06-01",
            "--group-by",
            "source",
            "-o",
        ])
        .arg(&path)
        .assert()
        .code(0);
    let html = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        html,
        export::html(&tracker("basic"), as_of(), GroupBy::Source)
    );
    pledge("basic")
        .args(["timeline", "--format", "svg", "--as-of", "2025-06-01"])
        .assert()
        .code(0)
        .stdout(contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
}

#[test]
fn cli_exit_codes() {
    pledge("basic")
        .args(["timeline", "--group-by", "status"])
        .assert()
        .code(2)
        .stderr(contains("actor, source"));
    pledge("basic")
        .args(["export", "--format", "pdf"])
        .assert()
        .code(2);
    pledge("invalid").args(["export"]).assert().code(3);
    pledge("invalid").args(["timeline"]).assert().code(3);
    pledge("basic")
        .args(["export", "-o", "/nonexistent-folder/x.ics"])
        .assert()
        .code(3)
        .stderr(contains("nonexistent-folder"));
}
