//! `pledge status`: snapshots of every renderer, filters, sorting, grouping, and the CLI's
//! exit codes, colour and broken pipe behaviour.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::prelude::*;
use chrono::NaiveDate;
use pledge::report::{self, Filter, GroupBy, Query, SortKey, TableOptions};
use pledge::store::Tracker;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reports")
        .join(name)
}

fn tracker(name: &str) -> Tracker {
    pledge::store::load(&fixture(name)).expect("fixture loads")
}

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

static BASIC: std::sync::LazyLock<Tracker> = std::sync::LazyLock::new(|| tracker("basic"));

fn build(query: Query) -> report::Report<'static> {
    report::build(&BASIC, &query).expect("report builds")
}

fn fixed(width: u16) -> TableOptions {
    TableOptions {
        width: Some(width),
        color: false,
    }
}

fn pledge() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pledge"));
    cmd.env_remove("NO_COLOR").env_remove("COLUMNS");
    cmd
}

#[test]
fn table_at_120_columns() {
    insta::assert_snapshot!(report::table(&build(Query::new(as_of())), &fixed(120)));
}

#[test]
fn table_at_80_columns_drops_actors_and_source() {
    insta::assert_snapshot!(report::table(&build(Query::new(as_of())), &fixed(80)));
}

#[test]
fn table_grouped_by_status_at_160_columns() {
    let mut query = Query::new(as_of());
    query.group_by = Some(GroupBy::Status);
    insta::assert_snapshot!(report::table(&build(query), &fixed(160)));
}

#[test]
fn table_in_colour_styles_status_and_lateness() {
    let options = TableOptions {
        color: true,
        ..fixed(160)
    };
    let text = report::table(&build(Query::new(as_of())), &options);
    assert!(text.contains('\u{1b}'), "{text}");
    assert!(!report::table(&build(Query::new(as_of())), &fixed(160)).contains('\u{1b}'));
}

#[test]
fn markdown() {
    insta::assert_snapshot!(report::markdown(&build(Query::new(as_of()))));
}

#[test]
fn markdown_grouped_by_actor() {
    let mut query = Query::new(as_of());
    query.group_by = Some(GroupBy::Actor);
    query.sort = SortKey::Id;
    insta::assert_snapshot!(report::markdown(&build(query)));
}

#[test]
fn csv() {
    insta::assert_snapshot!(report::csv(&build(Query::new(as_of()))));
}

#[test]
fn csv_neutralises_formulas() {
    let text = report::csv(&build(Query::new(as_of())));
    assert!(text.contains("'+ Allies will"), "{text}");
    assert!(
        text.contains("NATO; =cmd"),
        "only a cell's first character matters: {text}"
    );
    for line in text.lines() {
        for cell in line.split(',') {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell} in {line}");
        }
    }
}

#[test]
fn json() {
    insta::assert_snapshot!(report::json(&build(Query::new(as_of()))));
}

#[test]
fn json_is_the_serde_form_of_the_model() {
    let report = build(Query::new(as_of()));
    let parsed: serde_json::Value = serde_json::from_str(&report::json(&report)).unwrap();
    assert_eq!(parsed, serde_json::to_value(&report).unwrap());
    assert_eq!(parsed["summary"]["overdue"], 2);
    assert_eq!(parsed["summary"]["by_status"]["open"], 3);
}

fn ids<'a>(report: &report::Report<'a>) -> Vec<&'a str> {
    report.rows().map(|r| r.id).collect()
}

#[test]
fn filters_combine() {
    let mut query = Query::new(as_of());
    query.filter = Filter {
        overdue: true,
        ..Filter::default()
    };
    assert_eq!(
        ids(&build(query.clone())),
        [
            "nato-2023-07-11-innovation-fund",
            "eu-ua-2024-07-15-soutien-resilience"
        ]
    );
    query.filter.actors = vec!["ua".into()];
    assert_eq!(
        ids(&build(query.clone())),
        ["nato-2023-07-11-innovation-fund"]
    );

    let mut query = Query::new(as_of());
    query.filter.statuses = vec![pledge::record::Status::Open];
    query.filter.due_before = NaiveDate::from_ymd_opt(2025, 7, 1);
    assert_eq!(ids(&build(query)), ["nato-2023-07-11-defence-spending"]);

    let mut query = Query::new(as_of());
    query.filter.source = Some("VILNIUS".into());
    query.filter.strengths = vec![pledge::extract::Strength::Interest];
    assert_eq!(ids(&build(query)), ["nato-2023-07-11-innovation-fund"]);
}

#[test]
fn sorting_is_deterministic_with_ties_broken_by_id() {
    let sorted = |key| {
        let mut query = Query::new(as_of());
        query.sort = key;
        ids(&build(query))
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let by_id = sorted(SortKey::Id);
    let mut expected = by_id.clone();
    expected.sort();
    assert_eq!(by_id, expected);
    // Five records share `made = 2024-07-15`... the EU-UA ones, in id order.
    let by_made = sorted(SortKey::Made);
    assert_eq!(by_made[0], "nato-2023-07-11-cyber-centre");
    assert_eq!(
        &by_made[4..],
        [
            "eu-ua-2024-07-15-echange-informations",
            "eu-ua-2024-07-15-faux-positif",
            "eu-ua-2024-07-15-progresser-resultats-operationnels",
            "eu-ua-2024-07-15-quatrieme-dialogue",
            "eu-ua-2024-07-15-soutien-resilience",
        ]
    );
    for key in SortKey::ALL {
        assert_eq!(sorted(key), sorted(key), "{key:?}");
        assert_eq!(sorted(key).len(), 9, "{key:?}");
    }
    let by_due = sorted(SortKey::Due);
    assert_eq!(
        by_due.last().map(String::as_str),
        Some("nato-2023-07-11-cyber-centre")
    );
}

#[test]
fn unknown_actor_is_a_usage_error_listing_the_known_ones() {
    let mut query = Query::new(as_of());
    query.filter.actors = vec!["XX".into()];
    let err = report::build(&tracker("basic"), &query).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("EU, NATO, UA"), "{err}");
}

#[test]
fn empty_tracker() {
    let empty = tracker("empty");
    let report = report::build(&empty, &Query::new(as_of())).unwrap();
    insta::assert_snapshot!(report::table(&report, &fixed(100)), @r"
    No commitment matches.
    0 commitments; 0 overdue, 0 due within 30 days (as of 2025-06-01)
    ");
}

// ---- The command line ----

#[test]
fn cli_prints_the_table_and_exits_0() {
    let out = pledge()
        .args(["status", "--as-of", "2025-06-01"])
        .arg("-C")
        .arg(fixture("basic"))
        .env("COLUMNS", "120")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        report::table(&build(Query::new(as_of())), &fixed(120))
    );
}

#[test]
fn cli_formats_and_filters() {
    let out = pledge()
        .args([
            "status",
            "--as-of",
            "2025-06-01",
            "--format",
            "json",
            "--status",
            "open,in-progress",
        ])
        .args(["--sort", "id", "--group-by", "status", "--actor", "nato"])
        .arg("-C")
        .arg(fixture("basic"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys: Vec<&str> = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, ["open", "in_progress"]);
    assert_eq!(json["summary"]["total"], 3);
}

#[test]
fn cli_unknown_filter_values_exit_2_listing_the_valid_ones() {
    let cases: [(&[&str], &str); 5] = [
        (&["--status", "opne"], "proposed, open, in_progress"),
        (&["--strength", "strong"], "firm, intent, interest"),
        (&["--sort", "size"], "due, status, actor, source, id, made"),
        (&["--group-by", "owner"], "actor, status, source"),
        (&["--actor", "XX"], "EU, NATO, UA"),
    ];
    for (args, listed) in cases {
        let out = pledge()
            .arg("status")
            .args(args)
            .arg("-C")
            .arg(fixture("basic"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(listed), "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = pledge()
        .args(["status", "--source", "nowhere"])
        .arg("-C")
        .arg(fixture("basic"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("seeds/002_nato_vilnius.md"));
}

#[test]
fn cli_bad_date_is_a_usage_error() {
    pledge()
        .args(["status", "--as-of", "2025-02-30"])
        .arg("-C")
        .arg(fixture("basic"))
        .assert()
        .code(2);
}

#[test]
fn cli_invalid_tracker_exits_3_naming_the_file() {
    pledge()
        .args(["status"])
        .arg("-C")
        .arg(fixture("invalid"))
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicates::str::contains("bad.toml"));
}

#[test]
fn cli_colour_only_when_asked_and_never_with_no_color() {
    let run = |color: &str, no_color: Option<&str>| {
        let mut cmd = pledge();
        cmd.args(["status", "--as-of", "2025-06-01", "--color", color])
            .arg("-C")
            .arg(fixture("basic"));
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap().contains('\u{1b}')
    };
    assert!(run("always", None));
    assert!(!run("never", None));
    // Not a terminal: no colour in auto mode, with or without NO_COLOR.
    assert!(!run("auto", None));
    assert!(!run("auto", Some("1")));
}

/// A tracker big enough that its CSV overflows a pipe's buffer.
fn big_tracker() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let commitments = dir.path().join("commitments");
    std::fs::create_dir(&commitments).unwrap();
    let mut text = String::from("[document]\nsource = \"seeds/big.txt\"\n");
    for i in 0..2000 {
        text.push_str(&format!(
            "\n[[commitment]]\nid = \"big-{i:05}\"\nstatus = \"open\"\nquote = \"The parties will do thing number {i} in due course, as agreed.\"\nspan = [0, 1]\nactors = [\"EU\"]\nstrength = \"firm\"\ndeadline = {{ date = \"2030-01-01\", precision = \"day\", text = \"on 1 January 2030\" }}\nrule = \"en.will\"\n"
        ));
    }
    std::fs::write(commitments.join("big.toml"), text).unwrap();
    dir
}

#[test]
fn cli_broken_pipe_is_success() {
    let dir = big_tracker();
    for format in ["csv", "table"] {
        let mut child = pledge()
            .args(["status", "--as-of", "2025-06-01", "--format", format])
            .arg("-C")
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before reading a byte, like `pledge status | head -c 0`.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn cli_head_reads_the_first_bytes_only() {
    let dir = big_tracker();
    let mut child = pledge()
        .args(["status", "--as-of", "2025-06-01", "--format", "csv"])
        .arg("-C")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 10];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    assert_eq!(&first, b"id,actors,");
    assert_eq!(child.wait().unwrap().code(), Some(0));
}
