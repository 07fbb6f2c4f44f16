//! Extraction on sentences of our own, French and English, that are and are not
//! commitments (`tests/fixtures/extract/sentences.toml`). The rules must hold for the
//! languages, not for the seed documents.

use pledge::document::Document;
use pledge::extract::{Rules, extract};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    context: Option<String>,
    title: Option<String>,
    date: Option<String>,
    commitment: bool,
    strength: Option<String>,
    #[serde(default)]
    actors: Vec<String>,
    deadline: Option<String>,
    /// How many commitments the sentence holds, where it holds more than one: each must then
    /// have the case's actors.
    commitments: Option<usize>,
}

/// What is wrong with a commitment's actors, in any order, if anything.
fn wrong_actors(c: &pledge::extract::Commitment, want: &[String]) -> Option<String> {
    let mut got = c.actors.clone();
    got.sort();
    let mut want = want.to_vec();
    want.sort();
    (got != want).then(|| format!("actors {got:?} want {want:?}"))
}

#[test]
fn sentences_of_our_own() {
    let cases: Cases = toml::from_str(include_str!("fixtures/extract/sentences.toml"))
        .expect("the fixture parses");
    let rules = Rules::default();
    let mut failures = Vec::new();
    for case in &cases.case {
        let date = case.date.as_deref().unwrap_or("2024-06-10");
        // A dated page line gives the document its date, as press pages do.
        let body = format!(
            "{}\n\n{date}\n\n{}{}\n",
            case.title.as_deref().unwrap_or("Communiqué de presse"),
            case.context
                .as_deref()
                .map_or(String::new(), |c| format!("{c}\n\n")),
            case.text
        );
        let doc = Document::from_bytes("case.txt", body.as_bytes()).expect("reads");
        let found = extract(&doc, &rules);
        // The quote is the sentence, or within a quotation of several sentences the
        // trigger's own.
        let of_case = |c: &&pledge::extract::Commitment| {
            let quote = c.quote.replace('’', "'");
            let text = case.text.replace('’', "'");
            text.trim_start_matches(['«', '"', '“', ' '])
                .starts_with(quote.trim_end_matches('.'))
                || quote.contains(case.text.trim_end_matches('.'))
                || text.contains(quote.trim_end_matches('.'))
        };
        let hit = found.commitments.iter().find(of_case);
        if let Some(want) = case.commitments {
            let hits: Vec<_> = found.commitments.iter().filter(of_case).collect();
            if hits.len() != want {
                failures.push(format!(
                    "{} commitments want {want}: {}",
                    hits.len(),
                    case.text
                ));
            }
            for c in hits.iter().skip(1) {
                if let Some(wrong) = wrong_actors(c, &case.actors) {
                    failures.push(format!("{wrong}: {}", c.quote));
                }
            }
        }
        match (case.commitment, hit) {
            (false, Some(c)) => failures.push(format!(
                "not a commitment, found ({}): {}",
                c.rule, case.text
            )),
            (true, None) => failures.push(format!("missed: {}", case.text)),
            (true, Some(c)) => {
                if let Some(strength) = &case.strength
                    && c.strength.as_str() != strength
                {
                    failures.push(format!(
                        "strength {} want {strength}: {}",
                        c.strength.as_str(),
                        case.text
                    ));
                }
                if let Some(wrong) = wrong_actors(c, &case.actors) {
                    failures.push(format!("{wrong}: {}", case.text));
                }
                let due = c.deadline.as_ref().map(|d| d.date.to_string());
                match case.deadline.as_deref() {
                    Some("none") if due.is_some() => {
                        failures.push(format!("deadline {due:?} want none: {}", case.text))
                    }
                    Some(want) if want != "none" && due.as_deref() != Some(want) => {
                        failures.push(format!("deadline {due:?} want {want}: {}", case.text))
                    }
                    _ => {}
                }
            }
            (false, None) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
}
