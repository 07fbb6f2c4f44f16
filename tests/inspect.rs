//! `pledge inspect`: the JSON contract, the text summary, and bad input.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

fn inspect_json(files: &[PathBuf]) -> serde_json::Value {
    let out = cargo_bin_cmd!("pledge")
        .arg("inspect")
        .args(["--format", "json"])
        .args(files)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn json_contract_with_spans_in_the_original_file() {
    let files = [fixture("004_59b014a73b23eadc.txt"), fixture("page.html")];
    let json = inspect_json(&files);
    let docs = json["documents"].as_array().cloned().unwrap_or_default();
    assert_eq!(docs.len(), 2);
    for (doc, file) in docs.iter().zip(&files) {
        for key in [
            "source",
            "language",
            "title",
            "published",
            "updated",
            "sentences",
            "dates",
        ] {
            assert!(doc.get(key).is_some(), "{key} missing");
        }
        let bytes = std::fs::read(file).unwrap_or_default();
        let sentences = doc["sentences"].as_array().cloned().unwrap_or_default();
        assert!(!sentences.is_empty());
        for s in &sentences {
            let (start, end) = (
                s["span"][0].as_u64().unwrap_or(0) as usize,
                s["span"][1].as_u64().unwrap_or(0) as usize,
            );
            assert!(start < end && end <= bytes.len());
            assert!(std::str::from_utf8(&bytes[start..end]).is_ok());
            assert!(matches!(s["language"].as_str(), Some("fr" | "en")));
        }
    }
    assert_eq!(docs[0]["language"], "fr");
    assert_eq!(docs[1]["format"], "html");
    assert_eq!(
        docs[1]["title"],
        "EU and Japan hold their 4th Cyber Dialogue"
    );
}

#[test]
fn text_summary() {
    cargo_bin_cmd!("pledge")
        .args(["inspect", "--candidates"])
        .arg(fixture("003_f7cb95e801fdadb2.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "title:     Cyberespace: renforcer la coopération",
        ))
        .stdout(predicate::str::contains("language:  fr"));
}

#[test]
fn missing_path_names_the_file() {
    cargo_bin_cmd!("pledge")
        .args(["inspect", "no/such/file.txt"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

#[test]
fn directory_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    cargo_bin_cmd!("pledge")
        .arg("inspect")
        .arg(dir.path())
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains(dir.path().display().to_string())
                .and(predicate::str::contains("folder")),
        );
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("image.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10")
        .unwrap_or_else(|e| panic!("{e}"));
    cargo_bin_cmd!("pledge")
        .arg("inspect")
        .arg(&path)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("image.png").and(predicate::str::contains("binary")));
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").unwrap_or_else(|e| panic!("{e}"));
    let json = inspect_json(&[path]);
    assert_eq!(json["documents"][0]["sentences"], serde_json::json!([]));
    assert_eq!(json["documents"][0]["title"], serde_json::Value::Null);
}

#[test]
fn five_megabytes_on_one_line_finish_fast() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("long.txt");
    let line = "Le 15 juillet 2024, l'UE et l'Ukraine sont convenues de renforcer leur coopération d'ici 2030. "
        .repeat(5 * 1024 * 1024 / 96);
    std::fs::write(&path, line).unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    cargo_bin_cmd!("pledge")
        .args(["inspect", "--format", "json"])
        .arg(&path)
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    // Generous: the tests run unoptimised on a shared machine.
    assert!(started.elapsed() < Duration::from_secs(60));
}

fn rendered(format: &str) -> String {
    let out = cargo_bin_cmd!("pledge")
        .current_dir(fixture(""))
        .args(["inspect", "--format", format, "note.md", "page.html"])
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

#[test]
fn text_rendering() {
    insta::assert_snapshot!(rendered("text"));
}

#[test]
fn json_rendering() {
    // The command writes compact JSON; the snapshot is pretty-printed to be read in review.
    let json: serde_json::Value = serde_json::from_str(&rendered("json")).expect("valid JSON");
    insta::assert_json_snapshot!(json);
}
