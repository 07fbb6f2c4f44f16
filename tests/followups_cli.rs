//! `pledge followups`: the JSON contract, the renderers, `--apply` and its guarantees.

use std::path::Path;

#[path = "followups_common/mod.rs"]
mod common;

use common::{fixture, pledge, stdout, tracker_copy};

fn run(root: &Path, args: &[&str]) -> String {
    stdout(root, &[&["followups"], args].concat())
}

const AS_OF: [&str; 2] = ["--as-of", "2026-03-01"];

#[test]
fn json_follows_the_contract() {
    let out = run(
        &fixture("chains"),
        &[&AS_OF[..], &["--format", "json"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let series = v["series"].as_array().expect("series");
    assert!(!series.is_empty());
    for s in series {
        assert!(s["name"].is_string() && s["actors"].is_array() && s["seen"].is_array());
        for seen in s["seen"].as_array().expect("seen") {
            assert!(seen["source"].is_string() && seen["date"].is_string());
            assert!(seen.get("ordinal").is_some());
        }
        assert!(
            s["next"].get("ordinal").is_some() && s["next"].get("due").is_some()
                || s["next"].is_null()
        );
    }
    let followups = v["followups"].as_array().expect("followups");
    for f in followups {
        for key in ["id", "source", "quote"] {
            assert!(f["commitment"][key].is_string(), "{f}");
        }
        for key in ["source", "quote", "date"] {
            assert!(f["evidence"].get(key).is_some(), "{f}");
        }
        assert!(
            ["done", "in_progress", "reaffirmed", "missed"]
                .contains(&f["fate"].as_str().unwrap_or(""))
        );
    }
    assert!(v["stale"].is_array());
}

#[test]
fn renderers() {
    let root = fixture("chains");
    insta::assert_snapshot!("followups_table", run(&root, &AS_OF));
    insta::assert_snapshot!(
        "followups_markdown",
        run(&root, &[&AS_OF[..], &["--format", "markdown"]].concat())
    );
    insta::assert_snapshot!(
        "followups_json",
        run(&root, &[&AS_OF[..], &["--format", "json"]].concat())
    );
}

#[test]
fn stale_after_is_configurable() {
    let out = run(
        &fixture("chains"),
        &[&AS_OF[..], &["--format", "json", "--stale-after", "2000"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["stale"].as_array().map(Vec::len), Some(0));
}

fn snapshot_files(root: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root.join("commitments"))
        .expect("dir")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn nothing_is_written_without_apply() {
    let dir = tracker_copy("chains");
    let before = snapshot_files(dir.path());
    run(dir.path(), &AS_OF);
    assert_eq!(before, snapshot_files(dir.path()));
}

#[test]
fn apply_writes_suggestions_into_pending_records_only() {
    let dir = tracker_copy("chains");
    // A person already closed this one: --apply must leave it alone.
    let path = dir.path().join("commitments/b1-ue-moldavie-2023.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    let closed = text.replacen(
        "status = \"open\"",
        "status = \"dropped\" # the desk decided: funding moved elsewhere",
        1,
    );
    std::fs::write(&path, &closed).expect("write");
    run(dir.path(), &[&AS_OF[..], &["--apply"]].concat());
    let tail =
        |t: &str| t[t.find("id = \"eu-2023-centre-incidents\"").expect("record")..].to_string();
    assert_eq!(
        tail(&std::fs::read_to_string(&path).expect("read")),
        tail(&closed),
        "a closed record changed"
    );

    let a1 =
        std::fs::read_to_string(dir.path().join("commitments/a1-eu-japan-5th.toml")).expect("read");
    let record = |id: &str| {
        let start = a1.find(&format!("id = \"{id}\"")).expect("record");
        let end = a1[start..]
            .find("[[commitment]]\nid")
            .map_or(a1.len(), |e| start + e);
        a1[start..end].to_string()
    };
    let hold = record("eu-jp-2023-hold-6th");
    assert!(hold.contains("status = \"done\""), "{hold}");
    assert!(hold.contains("status_date = \"2024-10-08\""), "{hold}");
    assert!(
        hold.contains("suggested by pledge followups on 2026-03-01"),
        "{hold}"
    );
    assert!(hold.contains("seeds/a2-eu-japan-6th.txt"), "{hold}");
    let restated = record("eu-jp-2023-ransomware");
    assert!(
        restated.contains("status = \"proposed\""),
        "a restatement changes no status: {restated}"
    );
    assert!(restated.contains("reaffirmed"), "{restated}");
    let untouched = record("jp-2023-workshop");
    assert!(!untouched.contains("suggested"), "{untouched}");
    let missed =
        std::fs::read_to_string(dir.path().join("commitments/a2-eu-japan-6th.toml")).expect("read");
    assert!(missed.contains("status = \"missed\""), "{missed}");

    // Applying again changes nothing more.
    let after = snapshot_files(dir.path());
    pledge(dir.path())
        .arg("followups")
        .args(AS_OF)
        .arg("--apply")
        .assert()
        .code(0);
    assert_eq!(after, snapshot_files(dir.path()));
    pledge(dir.path()).arg("validate").assert().code(0);
}

#[test]
fn a_bad_date_is_a_usage_error() {
    pledge(&fixture("chains"))
        .args(["followups", "--as-of", "2026-13-01"])
        .assert()
        .code(2);
}

#[test]
fn pledge_toml_sets_the_stale_window() {
    let dir = tracker_copy("chains");
    std::fs::write(
        dir.path().join("pledge.toml"),
        "[followups]\nstale_after_days = 5000\n",
    )
    .expect("write");
    let out = run(dir.path(), &[&AS_OF[..], &["--format", "json"]].concat());
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["stale_after"], 5000);
    assert_eq!(v["stale"].as_array().map(Vec::len), Some(0));
    // The command line wins.
    let out = run(
        dir.path(),
        &[&AS_OF[..], &["--format", "json", "--stale-after", "30"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["stale_after"], 30);
}
