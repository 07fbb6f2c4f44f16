//! `pledge extract` and `pledge inspect --candidates` as a user runs them: the JSON contract,
//! rules extended by `pledge.toml`, errors in it, and writing records twice.

use assert_cmd::Command;
use predicates::prelude::*;

fn pledge() -> Command {
    Command::cargo_bin("pledge").expect("the binary is built")
}

fn tracker(pledge_toml: Option<&str>, document: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("seeds")).expect("seeds");
    std::fs::write(dir.path().join("seeds/statement.txt"), document).expect("document");
    if let Some(config) = pledge_toml {
        std::fs::write(dir.path().join("pledge.toml"), config).expect("config");
    }
    dir
}

const STATEMENT: &str = "ECOWAS and the EU hold talks\n\n12 Mar. 2025\n\n\
The Economic Community of West African States and the European Union met in Abuja.\n\n\
The CEDEAO vowed to adopt a regional cyber strategy by 2026.\n\n\
The EU and the CEDEAO agreed to hold the next dialogue in Brussels in 2026.\n";

#[test]
fn json_follows_the_contract() {
    let out = pledge()
        .args([
            "extract",
            "--dry-run",
            "--format",
            "json",
            "seeds/004_59b014a73b23eadc.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let doc = &json["documents"][0];
    for field in [
        "source",
        "language",
        "title",
        "published",
        "updated",
        "commitments",
    ] {
        assert!(doc.get(field).is_some(), "missing {field}");
    }
    let last = doc["commitments"]
        .as_array()
        .and_then(|c| c.last())
        .expect("commitments");
    for field in [
        "id",
        "quote",
        "span",
        "actors",
        "strength",
        "deadline",
        "made",
        "milestone",
        "rule",
    ] {
        assert!(last.get(field).is_some(), "missing {field}");
    }
    assert_eq!(last["deadline"]["date"], "2025-12-31");
    assert_eq!(last["deadline"]["precision"], "year");
    assert_eq!(last["milestone"]["ordinal"], 4);
}

#[test]
fn pledge_toml_adds_triggers_and_actors() {
    let config = "[[trigger]]\nrule = \"en.vow\"\nstrength = \"firm\"\npattern = '''\\bvow(?:s|ed)?\\s+to\\b'''\n\n\
[[actor]]\nid = \"ECOWAS\"\nnames = [\"CEDEAO\", \"ECOWAS\", \"Economic Community of West African States\"]\n";
    let dir = tracker(Some(config), STATEMENT);
    let out = pledge()
        .args(["-C"])
        .arg(dir.path())
        .args(["extract", "--dry-run", "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = json["documents"][0]["commitments"]
        .as_array()
        .expect("commitments")
        .clone();
    let vow = found
        .iter()
        .find(|c| c["rule"] == "en.vow")
        .expect("the user's trigger fired");
    assert_eq!(vow["actors"], serde_json::json!(["ECOWAS"]));
    assert_eq!(vow["deadline"]["date"], "2026-12-31");
    let agreed = found
        .iter()
        .find(|c| c["rule"] == "en.agree")
        .expect("built-in rules still apply");
    assert_eq!(agreed["actors"], serde_json::json!(["EU", "ECOWAS"]));
}

#[test]
fn without_the_config_the_unknown_party_commits_nothing() {
    let dir = tracker(None, STATEMENT);
    pledge()
        .arg("-C")
        .arg(dir.path())
        .args(["extract", "--dry-run", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("en.vow").not());
}

/// `pledge extract` with this `pledge.toml` exits 3 and names the place of the problem.
fn extract_fails_at(config: &str, place: &str) {
    let dir = tracker(Some(config), STATEMENT);
    pledge()
        .arg("-C")
        .arg(dir.path())
        .args(["extract", "--dry-run"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(place));
}

#[test]
fn a_broken_rule_is_pointed_at_with_exit_3() {
    extract_fails_at(
        "# extra rules\n[[trigger]]\nrule = \"en.bad\"\nstrength = \"firm\"\npattern = '(unclosed'\n",
        "pledge.toml:5:11",
    );
    extract_fails_at(
        "[[trigger]]\nrule = \"en.bad\"\nstrenght = \"firm\"\npattern = 'x'\n",
        "pledge.toml:3:",
    );
}

#[test]
fn inspect_shows_candidates_and_why_they_were_set_aside() {
    let doc = "Note\n\n3 May 2025\n\nThe EU and China did not agree to a joint statement.\n\nThe projects aim to improve resilience.\n";
    let dir = tracker(None, doc);
    let out = pledge()
        .arg("-C")
        .arg(dir.path())
        .args(["inspect", "--candidates", "--format", "json"])
        .arg(dir.path().join("seeds/statement.txt"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rejected = json["documents"][0]["candidates"]["rejected"]
        .as_array()
        .expect("rejected")
        .clone();
    let reasons: Vec<&str> = rejected
        .iter()
        .filter_map(|r| r["reason"].as_str())
        .collect();
    assert!(
        reasons.iter().any(|r| r.starts_with("negated")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("not a party")),
        "{reasons:?}"
    );
}

#[test]
fn extracting_twice_changes_no_byte() {
    let dir = tracker(None, STATEMENT);
    pledge()
        .arg("-C")
        .arg(dir.path())
        .arg("extract")
        .assert()
        .success();
    let files: Vec<_> = std::fs::read_dir(dir.path().join("commitments"))
        .expect("commitments/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    assert_eq!(files.len(), 1);
    let before = std::fs::read(&files[0]).expect("read");
    pledge()
        .arg("-C")
        .arg(dir.path())
        .arg("extract")
        .assert()
        .success()
        .stdout(predicate::str::contains("unchanged"));
    assert_eq!(std::fs::read(&files[0]).expect("read"), before);
}

#[test]
fn each_item_of_an_announced_list_is_a_commitment() {
    let doc = "Déclaration\n\n3 mars 2025\n\nLes Alliés sont convenus de :\n\n\
- renforcer leurs capacités nationales de cyberdéfense d'ici 2027 ;\n\
- créer un centre de coordination des incidents ;\n\
- organiser un exercice commun en 2026.\n\nLa réunion s'est tenue à Bruxelles.\n";
    let dir = tracker(None, doc);
    let out = pledge()
        .arg("-C")
        .arg(dir.path())
        .args(["extract", "--dry-run", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = json["documents"][0]["commitments"]
        .as_array()
        .expect("commitments")
        .clone();
    let quotes: Vec<&str> = found.iter().filter_map(|c| c["quote"].as_str()).collect();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    assert!(quotes[0].starts_with("renforcer leurs capacités"));
    assert_eq!(found[0]["deadline"]["date"], "2027-12-31");
    assert_eq!(found[1]["deadline"], serde_json::Value::Null);
    assert_eq!(found[2]["deadline"]["date"], "2026-12-31");
    assert!(
        found
            .iter()
            .all(|c| c["actors"] == serde_json::json!(["ALLIES"]))
    );
}

#[test]
fn an_unreadable_document_is_named_and_skipped_and_the_report_of_the_others_stays_whole() {
    let dir = tracker(None, STATEMENT);
    std::fs::write(dir.path().join("seeds/binary.txt"), b"PK\x03\x04\0\0\x01").expect("binary");
    std::fs::create_dir(dir.path().join("seeds/folder.txt")).expect("folder");
    for format in ["json", "text"] {
        let out = pledge()
            .current_dir(dir.path())
            .args(["extract", "--dry-run", "--format", format])
            .args([
                "seeds/binary.txt",
                "seeds/missing.txt",
                "seeds/folder.txt",
                "seeds/statement.txt",
            ])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(3), "{format}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("seeds/binary.txt") && stderr.contains("binary"),
            "{stderr}"
        );
        assert!(stderr.contains("seeds/missing.txt"), "{stderr}");
        assert!(
            stderr.contains("seeds/folder.txt") && stderr.contains("is a folder"),
            "{stderr}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("en.vow") || stdout.contains("vowed"),
            "{stdout}"
        );
        if format == "json" {
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert_eq!(json["documents"].as_array().map(Vec::len), Some(1));
        }
    }
}
