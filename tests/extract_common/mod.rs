//! Scoring of extraction against a reference annotation, the way the shared scorer
//! (`score.py commitments`) does it: a found quote matches the annotated commitment of its
//! document whose key it covers best, when it holds at least 80% of the key's words; a second
//! quote matching the same commitment is a split, neither right nor wrong. Shared by the golden
//! tests on the seeds and on the unseen documents.

use std::collections::HashMap;
use std::path::Path;

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
    made: Option<String>,
}

#[derive(Deserialize)]
struct GoldDeadline {
    date: String,
}

/// The figures of `score.py commitments`, with what went wrong.
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub actors: f64,
    pub deadline: f64,
    pub strength: f64,
    /// Language, title and publication date of the documents.
    pub meta: f64,
    /// When the required commitments were made, where the annotation says (the shared
    /// scorer leaves it out).
    pub made: f64,
    pub problems: Vec<String>,
}

impl Score {
    pub fn f1(&self) -> f64 {
        let sum = self.precision + self.recall;
        if sum == 0.0 {
            0.0
        } else {
            2.0 * self.precision * self.recall / sum
        }
    }

    pub fn summary(&self) -> String {
        format!(
            "P={:.2} R={:.2} F1={:.2} actors={:.2} deadline={:.2} strength={:.2} meta={:.2} made={:.2}\n{}",
            self.precision,
            self.recall,
            self.f1(),
            self.actors,
            self.deadline,
            self.strength,
            self.meta,
            self.made,
            self.problems.join("\n")
        )
    }
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

fn coverage(key: &str, quote: &[String]) -> f64 {
    let key = words(key);
    key.iter().filter(|w| quote.contains(w)).count() as f64 / key.len().max(1) as f64
}

fn share(ok: usize, of: usize) -> f64 {
    if of == 0 { 1.0 } else { ok as f64 / of as f64 }
}

/// Extraction on the documents of `gold` (TOML text in the shape of the shared gold), read
/// from `dir` (relative to the crate), scored against it.
pub fn score(gold: &str, dir: &str) -> Score {
    let gold: Gold = toml::from_str(gold).expect("the annotation parses");
    let rules = Rules::default();
    let (mut tp, mut fp, mut missed, mut required) = (0, 0, 0, 0);
    let (mut actors_ok, mut deadline_ok, mut strength_ok, mut judged) = (0, 0, 0, 0);
    let (mut meta_ok, mut meta_n) = (0, 0);
    let (mut made_ok, mut made_n) = (0, 0);
    let mut problems = Vec::new();
    for gd in &gold.document {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(dir)
            .join(&gd.file);
        let doc = Document::read(&path).expect("the document reads");
        let published = doc.published.as_ref().map(|p| p.date.to_string());
        let title = doc.title.as_deref().unwrap_or("");
        for (field, got, want) in [
            ("language", doc.language.as_str(), gd.language.as_str()),
            ("title", title, gd.title.as_str()),
            (
                "published",
                published.as_deref().unwrap_or(""),
                gd.published.as_str(),
            ),
        ] {
            meta_n += 1;
            if norm(got)
                .split_whitespace()
                .eq(norm(want).split_whitespace())
            {
                meta_ok += 1;
            } else {
                problems.push(format!("{}: {field} {got:?} want {want:?}", gd.file));
            }
        }

        let found = extract(&doc, &rules).commitments;
        let golds: Vec<&GoldCommitment> = gold
            .commitment
            .iter()
            .filter(|c| c.file == gd.file)
            .collect();
        let mut matched: HashMap<usize, &Commitment> = HashMap::new();
        for c in &found {
            let quote = words(&c.quote);
            let best = golds
                .iter()
                .enumerate()
                .map(|(i, g)| (i, coverage(&g.key, &quote)))
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
            } else {
                problems.push(format!(
                    "{}: strength {} want {} for {:?}",
                    gd.file,
                    c.strength.as_str(),
                    g.strength,
                    g.key
                ));
            }
            let due = c.deadline.as_ref().map(|d| d.date.to_string());
            if due == g.deadline.as_ref().map(|d| d.date.clone()) {
                deadline_ok += 1;
            } else {
                problems.push(format!("{}: deadline {due:?} for {:?}", gd.file, g.key));
            }
            if let Some(want) = &g.made {
                made_n += 1;
                // To the precision of the less precise of the two: an annotation may give the
                // month of a page's day ("2022-12" for 2022-12-15).
                let got = c.made.as_deref().unwrap_or("");
                if !got.is_empty() && (got.starts_with(want.as_str()) || want.starts_with(got)) {
                    made_ok += 1;
                } else {
                    problems.push(format!(
                        "{}: made {:?} want {want} for {:?}",
                        gd.file, c.made, g.key
                    ));
                }
            }
        }
    }
    Score {
        precision: share(tp, tp + fp),
        recall: share(required - missed, required),
        actors: share(actors_ok, judged),
        deadline: share(deadline_ok, judged),
        strength: share(strength_ok, judged),
        meta: share(meta_ok, meta_n),
        made: share(made_ok, made_n),
        problems,
    }
}
