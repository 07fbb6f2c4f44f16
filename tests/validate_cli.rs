//! `pledge validate` and `pledge schema` over fixture trackers: exit codes, every problem
//! at once, each located as FILE:LINE:COL with the offending line and a caret.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/store")
        .join(name)
}

fn pledge(root: &Path) -> Command {
    let mut cmd = Command::cargo_bin("pledge").expect("binary");
    cmd.arg("-C").arg(root).env("NO_COLOR", "1");
    cmd
}

#[test]
fn a_good_tracker_validates_with_exit_0() {
    pledge(&fixture("good"))
        .arg("validate")
        .assert()
        .code(0)
        .stdout("2 record(s) in 1 file(s): 0 error(s), 0 warning(s)\n");
}

#[test]
fn every_problem_is_shown_at_once_with_file_line_column_and_caret() {
    let out = pledge(&fixture("bad"))
        .arg("validate")
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    for expected in [
        "error[unknown-key]: unknown key `stauts` in [[commitment]] (record `eu-1`)\n --> commitments/a.toml:7:1\n  |\n7 | stauts = \"open\"\n  | ^^^^^^\n  |\n  = help: did you mean `status`?",
        "error[invalid-date]: `date`: `2025-02-30` is not a date: February 2025 has 28 days",
        "--> commitments/a.toml:10:21",
        "error[unknown-status]: unknown status `in-progress`",
        "= help: did you mean `in_progress`?",
        "error[unknown-strength]",
        "error[unknown-precision]",
        "error[evidence-without-source]",
        "error[missing-key]: missing key `status`",
        "error[duplicate-id]: id `eu-1` is also used in commitments/a.toml:5",
        "--> commitments/b.toml:5:6",
        "error[bad-span]",
        "error[toml-syntax]",
        "--> commitments/c.toml:3:22",
        "10 error(s), 2 warning(s)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn json_output_is_the_diagnostics() {
    let out = pledge(&fixture("bad"))
        .args(["validate", "--format", "json"])
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    let diags: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let list = diags.as_array().expect("array");
    assert_eq!(list.len(), 12);
    let first_error = list
        .iter()
        .find(|d| d["code"] == "unknown-key")
        .expect("unknown-key");
    assert_eq!(first_error["file"], "commitments/a.toml");
    assert_eq!(first_error["line"], 7);
    assert_eq!(first_error["column"], 1);
    assert_eq!(first_error["severity"], "error");
    assert_eq!(first_error["id"], "eu-1");
    assert_eq!(first_error["help"], "did you mean `status`?");
}

#[test]
fn a_folder_without_records_is_valid() {
    let dir = tempfile::tempdir().expect("tempdir");
    pledge(dir.path()).arg("validate").assert().code(0);
}

#[test]
fn the_committed_schema_is_what_pledge_schema_prints() {
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("commitments/commitments.schema.json"),
    )
    .expect("commitments/commitments.schema.json");
    let printed = pledge(&fixture("good"))
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert!(
        committed == String::from_utf8_lossy(&printed),
        "commitments/commitments.schema.json is stale: run `pledge schema > commitments/commitments.schema.json`"
    );
}

#[test]
fn the_documented_example_is_a_valid_record_file() {
    let page =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/records.md"))
            .expect("docs/records.md");
    let start = page.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let end = start + page[start..].find("```").expect("end of the example");
    let checked =
        pledge::validate::check_file(Path::new("commitments/example.toml"), &page[start..end]);
    assert!(
        checked.diagnostics.is_empty(),
        "{}",
        pledge::diag::render(&checked.diagnostics)
    );
    assert_eq!(checked.file.expect("file").records.len(), 2);
}

#[test]
fn the_report_of_a_bad_tracker_reads_well() {
    let out = pledge(&fixture("bad"))
        .arg("validate")
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8_lossy(&out));
}
