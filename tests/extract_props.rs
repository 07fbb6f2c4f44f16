//! Extraction never panics, whatever the document: arbitrary bytes, and text assembled from
//! the pieces that drive the rules (triggers, names, dates, punctuation) in any order.

use pledge::document::Document;
use pledge::extract::{Rules, extract};
use proptest::prelude::*;

fn rules() -> &'static Rules {
    static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
    RULES.get_or_init(Rules::default)
}

const PIECES: &[&str] = &[
    "L'UE",
    "les États-Unis",
    "l’Ukraine",
    "Ils",
    "sont convenus d'",
    "se sont engagés à",
    "seront coordonnés",
    "will host",
    "agreed to",
    "en 2025",
    "d'ici 2030",
    "by 2027",
    "le 4e dialogue",
    "« ",
    " »",
    ", ",
    ". ",
    "; ",
    "qui",
    "que",
    "nous continuerons",
    "NATO Allies",
    "Both sides",
    "\n\n",
    "•",
    "(",
    ")",
    "é",
    "’",
    "?",
    "est une priorité pour",
    "ont réaffirmé leur engagement à",
    "8 décembre",
    "Q3 2025",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(doc) = Document::from_bytes("any.txt", &bytes) {
            let found = extract(&doc, rules());
            for c in &found.commitments {
                prop_assert!(c.span[0] <= c.span[1] && c.span[1] <= bytes.len());
            }
        }
    }

    #[test]
    fn assembled_sentences_never_panic(picks in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let doc = Document::from_bytes("any.txt", text.as_bytes()).expect("text reads");
        let found = extract(&doc, rules());
        for c in &found.commitments {
            prop_assert!(!c.actors.is_empty());
            prop_assert!(c.span[1] <= text.len());
        }
    }
}
