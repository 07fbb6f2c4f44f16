//! `pledge check`: snapshots of every format, the gate's rules, and every exit code.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::prelude::*;
use chrono::NaiveDate;
use pledge::check::{self, CheckOptions, Code};
use pledge::diag::Severity;
use predicates::str::contains;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn run(name: &str, options: CheckOptions) -> check::CheckReport<'static> {
    // Reports borrow from their tracker; a test's trackers may live as long as it does.
    let tracker = Box::leak(Box::new(pledge::store::load(&fixture(name)).unwrap()));
    check::check(tracker, &options)
}

fn basic() -> check::CheckReport<'static> {
    run(
        "basic",
        CheckOptions {
            as_of: date(2025, 6, 1),
            warn_within: 30,
            strict: false,
        },
    )
}

fn pledge(fixture_name: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pledge"));
    cmd.env_remove("NO_COLOR")
        .arg("-C")
        .arg(fixture(fixture_name))
        .arg("check");
    cmd
}

#[test]
fn text() {
    insta::assert_snapshot!(check::render_text(&basic()));
}

#[test]
fn github() {
    insta::assert_snapshot!(check::render_github(&basic()));
}

#[test]
fn junit() {
    insta::assert_snapshot!(check::render_junit(&basic()));
}

#[test]
fn json() {
    insta::assert_snapshot!(check::render_json(&basic()));
}

#[test]
fn strict_text() {
    let report = run(
        "proposed",
        CheckOptions {
            as_of: date(2025, 6, 1),
            warn_within: 0,
            strict: true,
        },
    );
    insta::assert_snapshot!(check::render_text(&report));
}

#[test]
fn findings_name_file_line_id_and_days_late() {
    let report = basic();
    let overdue: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::Overdue)
        .collect();
    assert_eq!(overdue.len(), 2);
    let f = overdue[0];
    assert_eq!(
        (f.file.as_str(), f.line),
        ("commitments/eu-ua-cyber-dialogue-2024.toml", 34)
    );
    assert_eq!(f.id, "eu-ua-2024-07-15-soutien-resilience");
    assert_eq!(f.days, Some(152));
    assert_eq!(f.severity, Severity::Error);
    assert!(report.failed);
    assert_eq!(report.exit_code(), 1);
    let diag = f.to_diagnostic();
    assert_eq!((diag.code, diag.line), ("overdue", 34));
}

#[test]
fn due_today_is_not_overdue() {
    let today = run(
        "due-today",
        CheckOptions {
            as_of: date(2025, 6, 1),
            warn_within: 0,
            strict: false,
        },
    );
    assert!(!today.failed);
    assert_eq!(today.findings.len(), 1);
    assert_eq!(today.findings[0].code, Code::DueSoon);
    assert_eq!(today.findings[0].days, Some(0));
    let tomorrow = run(
        "due-today",
        CheckOptions {
            as_of: date(2025, 6, 2),
            warn_within: 0,
            strict: false,
        },
    );
    assert!(tomorrow.failed);
    assert_eq!(tomorrow.findings[0].days, Some(1));
}

#[test]
fn closed_commitments_are_never_overdue() {
    let report = run(
        "basic",
        CheckOptions {
            as_of: date(2040, 1, 1),
            warn_within: 0,
            strict: false,
        },
    );
    let overdue: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.code == Code::Overdue)
        .map(|f| f.id.as_str())
        .collect();
    // done, missed, rejected and the undated one are left alone.
    assert_eq!(
        overdue,
        [
            "eu-ua-2024-07-15-progresser-resultats-operationnels",
            "eu-ua-2024-07-15-quatrieme-dialogue",
            "eu-ua-2024-07-15-soutien-resilience",
            "nato-2023-07-11-defence-spending",
            "nato-2023-07-11-innovation-fund",
        ]
    );
}

#[test]
fn strict_turns_review_and_source_warnings_into_errors() {
    let options = CheckOptions {
        as_of: date(2025, 6, 1),
        warn_within: 0,
        strict: false,
    };
    let lenient = run("proposed", options);
    assert!(!lenient.failed);
    assert_eq!(lenient.summary.warnings, 2);
    let strict = run(
        "proposed",
        CheckOptions {
            strict: true,
            ..options
        },
    );
    assert!(strict.failed);
    let codes: Vec<Code> = strict.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [Code::Unreviewed, Code::SourceMissing]);
    assert!(
        strict
            .findings
            .iter()
            .all(|f| f.severity == Severity::Error)
    );
}

#[test]
fn junit_has_one_case_per_commitment_and_escapes_text() {
    let xml = check::render_junit(&basic());
    assert_eq!(xml.matches("<testcase ").count(), 9);
    assert_eq!(xml.matches("<failure ").count(), 2);
    assert!(xml.contains("tests=\"9\" failures=\"2\""));
    assert!(
        !xml.contains("\"stand up\""),
        "quotes in attributes must be escaped"
    );
}

// ---- The command line: every exit code ----

#[test]
fn exit_0_when_nothing_is_overdue_even_due_today() {
    pledge("due-today")
        .args(["--as-of", "2025-06-01"])
        .assert()
        .code(0)
        .stdout(contains("commitments/one.toml:7: warning[due-soon]"))
        .stdout(contains("ok: 1 commitment checked"));
}

#[test]
fn exit_1_when_overdue() {
    pledge("due-today")
        .args(["--as-of", "2025-06-02"])
        .assert()
        .code(1)
        .stdout(contains(
            "commitments/one.toml:7: error[overdue]: 'one-2025-01-10-report' is overdue by 1 day",
        ));
    pledge("basic")
        .args(["--as-of", "2025-06-01", "--format", "github"])
        .assert()
        .code(1)
        .stdout(contains(
            "::error file=commitments/nato-summit-2023.toml,line=45,title=pledge overdue::",
        ));
}

#[test]
fn exit_1_with_strict_on_unreviewed_records() {
    pledge("proposed")
        .args(["--as-of", "2025-06-01"])
        .assert()
        .code(0);
    pledge("proposed")
        .args(["--as-of", "2025-06-01", "--strict", "--format", "junit"])
        .assert()
        .code(1)
        .stdout(contains("<failure type=\"unreviewed\""));
}

#[test]
fn exit_2_on_usage_errors() {
    pledge("basic")
        .args(["--format", "sarif"])
        .assert()
        .code(2)
        .stderr(contains("text, github, junit, json"));
    pledge("basic")
        .args(["--as-of", "tomorrow"])
        .assert()
        .code(2);
    pledge("basic")
        .args(["--warn-within", "-3"])
        .assert()
        .code(2);
}

#[test]
fn exit_3_on_an_invalid_tracker() {
    pledge("invalid")
        .assert()
        .code(3)
        .stderr(contains("bad.toml"));
    pledge("invalid")
        .args(["--format", "json"])
        .assert()
        .code(3)
        .stdout("");
}

#[test]
fn json_output_parses() {
    let out = pledge("basic")
        .args(["--as-of", "2025-06-01", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["failed"], true);
    assert_eq!(json["summary"]["by_code"]["overdue"], 2);
    assert_eq!(json["findings"][0]["code"], "overdue");
}

#[test]
fn empty_tracker_passes() {
    pledge("empty")
        .args(["--as-of", "2025-06-01"])
        .assert()
        .code(0)
        .stdout(contains("0 commitments checked"));
}
