//! Golden test: extraction on the five seed documents against the reference annotation
//! (`tests/fixtures/extract/seeds-gold.toml`, a copy of the shared gold), scored the way the
//! shared scorer does: a found quote matches an annotated commitment when it holds at least
//! 80% of the words of its key.

use std::collections::HashMap;

use pledge::document::Document;
use pledge::extract::{Commitment, Rules, extract};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    document: Vec<GoldDocument>,
    commitment: Vec<GoldCommitment>,
}

#[derive(Deserialize)]
struct GoldDocument {
    file: String,
    language: String,
    title: String,
    published: String,
}

#[derive(Deserialize)]
struct GoldCommitment {
    file: String,
    class: String,
    key: String,
    strength: String,
    actors: Vec<String>,
    deadline: Option<GoldDeadline>,
}

#[derive(Deserialize)]
struct GoldDeadline {
    date: String,
}

fn norm(s: &str) -> String {
    s.replace(['’', '‘'], "'").to_lowercase()
}

fn words(s: &str) -> Vec<String> {
    norm(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn coverage(key: &str, quote: &str) -> f64 {
    let quote: Vec<String> = words(quote);
    let key = words(key);
    key.iter().filter(|w| quote.contains(w)).count() as f64 / key.len() as f64
}

#[test]
fn seeds_match_the_reference_annotation() {
    let gold: Gold =
        toml::from_str(include_str!("fixtures/extract/seeds-gold.toml")).expect("gold parses");
    let rules = Rules::default();
    let (mut tp, mut fp, mut missed, mut required) = (0, 0, 0, 0);
    let (mut actors_ok, mut deadline_ok, mut strength_ok, mut judged) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    for gd in &gold.document {
        let path = format!("{}/seeds/{}", env!("CARGO_MANIFEST_DIR"), gd.file);
        let doc = Document::read(std::path::Path::new(&path)).expect("seed reads");
        assert_eq!(doc.language.as_str(), gd.language, "{}", gd.file);
        assert_eq!(
            norm(doc.title.as_deref().unwrap_or("")),
            norm(&gd.title),
            "{}",
            gd.file
        );
        let published = doc.published.as_ref().map(|p| p.date.to_string());
        assert_eq!(
            published.as_deref(),
            Some(gd.published.as_str()),
            "{}",
            gd.file
        );

        let found = extract(&doc, &rules).commitments;
        let golds: Vec<&GoldCommitment> = gold
            .commitment
            .iter()
            .filter(|c| c.file == gd.file)
            .collect();
        let mut matched: HashMap<usize, &Commitment> = HashMap::new();
        for c in &found {
            let best = golds
                .iter()
                .enumerate()
                .map(|(i, g)| (i, coverage(&g.key, &c.quote)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((i, score)) if score >= 0.8 => {
                    matched.entry(i).or_insert(c);
                }
                _ => {
                    fp += 1;
                    problems.push(format!("{}: extra {:?}", gd.file, c.quote));
                }
            }
        }
        for (i, g) in golds.iter().enumerate() {
            let required_one = g.class == "required";
            required += usize::from(required_one);
            let Some(c) = matched.get(&i) else {
                if required_one {
                    missed += 1;
                    problems.push(format!("{}: missed {:?}", gd.file, g.key));
                }
                continue;
            };
            tp += 1;
            if !required_one {
                continue;
            }
            judged += 1;
            let mut got = c.actors.clone();
            got.sort();
            let mut want = g.actors.clone();
            want.sort();
            if got == want {
                actors_ok += 1;
            } else {
                problems.push(format!(
                    "{}: actors {got:?} want {want:?} for {:?}",
                    gd.file, g.key
                ));
            }
            if c.strength.as_str() == g.strength {
                strength_ok += 1;
            }
            let due = c.deadline.as_ref().map(|d| d.date.to_string());
            if due == g.deadline.as_ref().map(|d| d.date.clone()) {
                deadline_ok += 1;
            } else {
                problems.push(format!("{}: deadline {due:?} for {:?}", gd.file, g.key));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = (required - missed) as f64 / required as f64;
    let share = |ok: usize| ok as f64 / judged.max(1) as f64;
    let summary = format!(
        "P={precision:.2} R={recall:.2} actors={:.2} deadline={:.2} strength={:.2}\n{}",
        share(actors_ok),
        share(deadline_ok),
        share(strength_ok),
        problems.join("\n")
    );
    assert!(precision >= 0.95 && recall >= 0.95, "{summary}");
    assert!(
        share(actors_ok) >= 0.9 && share(deadline_ok) >= 0.95,
        "{summary}"
    );
    assert!(share(strength_ok) >= 0.9, "{summary}");
}
