//! Never panics on any text; word diffs rebuild both texts exactly.

use chrono::NaiveDate;
use pledge::diff::{self, WordOp};
use pledge::followups::{self, Text, Tracked, events, lexicon};
use proptest::prelude::*;

fn rebuild(runs: &[diff::WordRun], skip: WordOp) -> String {
    runs.iter()
        .filter(|r| r.op != skip)
        .map(|r| r.text.as_str())
        .collect()
}

/// Text made of the words the rules look at, with odd characters between them.
fn wordy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "3e",
        "dialogue",
        "8th",
        "annual",
        "conférence",
        "annuelle",
        "next",
        "prochain",
        "l'UE",
        "EU-US",
        "UE-États-Unis",
        "en",
        "2025",
        "held",
        "a",
        "eu",
        "lieu",
        "édition",
        "de",
        "la",
        "Ukraine",
        "en vue de la tenue du",
        "réaffirmé",
        "é",
        "’",
        "-",
        ",",
        ".",
        "\u{0}",
        "Alliés",
        "NATO's",
        "\n",
    ]);
    prop::collection::vec(
        prop_oneof![words.prop_map(str::to_string), "\\PC{0,6}"],
        0..24,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn word_diff_rebuilds_both_texts(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        let runs = diff::word_diff(&a, &b);
        prop_assert_eq!(rebuild(&runs, WordOp::Insert), a);
        prop_assert_eq!(rebuild(&runs, WordOp::Delete), b);
    }

    #[test]
    fn similarity_is_a_ratio(a in "\\PC{0,60}", b in "\\PC{0,60}") {
        let s = diff::similarity(&a, &b);
        prop_assert!((0.0..=1.0).contains(&s));
    }

    #[test]
    fn mentions_and_parties_never_panic(s in wordy(), year in 1990i32..2100) {
        let _ = lexicon::parties(&s);
        for m in events::mentions(&s, Some(year)) {
            prop_assert!(m.start <= s.len());
            let _ = events::proper_name(&s, m.kind);
        }
        let _ = followups::last_day(&s);
    }

    #[test]
    fn analyse_never_panics(docs in prop::collection::vec(wordy(), 1..5), quote in wordy()) {
        let day = |i: usize| NaiveDate::from_ymd_opt(2020 + i as i32, 6, 1).unwrap_or_default();
        let texts: Vec<Text> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| Text { source: format!("d{i}"), date: day(i), title: None, sentences: vec![d.clone()] })
            .collect();
        let c = Tracked {
            id: "c".into(),
            source: "d0".into(),
            quote,
            actors: vec!["EU".into()],
            made: day(0),
            deadline: Some(day(1)),
            milestone: None,
            status: None,
            last_news: None,
        };
        let report = followups::analyse(&texts, &[c], day(6), 365);
        let _ = followups::render::table(&report);
        let _ = followups::render::markdown(&report);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&followups::render::json(&report)).is_ok());
    }
}
