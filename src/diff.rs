//! Comparing two versions of a document, commitment by commitment.
//!
//! Commitments are paired first by identical quote, then by identical id, then by the
//! similarity of their content words (see [`PAIR_THRESHOLD`]); a pair may carry several
//! changes at once (a new deadline rewords the sentence too), so the model lists one
//! [`Change`] per kind and pair, the changes of one pair sharing a `pair` number.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::document::Document;
use crate::extract::{Commitment, Rules, Strength};

/// Two commitments whose content words overlap at least this much (Dice coefficient) are
/// one commitment reworded. The commitments of one statement share their frame ("l'UE et
/// l'Ukraine sont convenues de renforcer ...") and, with stop words dropped, two distinct
/// ones still overlap around 0.5; a real rewording (a new deadline, a weaker verb, an added
/// clause) keeps 0.75 or more.
pub const PAIR_THRESHOLD: f64 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Removed,
    Added,
    Reworded,
    DeadlineMoved,
    StrengthChanged,
    ActorsChanged,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reworded => "reworded",
            ChangeKind::DeadlineMoved => "deadline_moved",
            ChangeKind::StrengthChanged => "strength_changed",
            ChangeKind::ActorsChanged => "actors_changed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WordOp {
    Equal,
    Delete,
    Insert,
}

/// A run of words of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordRun {
    pub op: WordOp,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaChange {
    pub field: &'static str,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub change: ChangeKind,
    /// Changes of one pair of commitments share this number; absent for added/removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pair: Option<usize>,
    pub old: Option<Commitment>,
    pub new: Option<Commitment>,
    /// Content-word similarity of the pair's quotes (1 for identical quotes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// `reworded`: the word-level diff of the quotes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordRun>,
    /// `deadline_moved`: the new deadline is later than the old one, or was dropped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slip: Option<bool>,
    /// `strength_changed`: the new strength is weaker (firm → intent → interest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weakened: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors_added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors_removed: Vec<String>,
}

impl Change {
    fn new(change: ChangeKind, old: Option<&Commitment>, new: Option<&Commitment>) -> Change {
        Change {
            change,
            pair: None,
            old: old.cloned(),
            new: new.cloned(),
            similarity: None,
            words: Vec::new(),
            slip: None,
            weakened: None,
            actors_added: Vec::new(),
            actors_removed: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocDiff {
    pub old_source: String,
    pub new_source: String,
    pub metadata: Vec<MetaChange>,
    pub commitments: Vec<Change>,
}

impl DocDiff {
    pub fn is_empty(&self) -> bool {
        self.metadata.is_empty() && self.commitments.is_empty()
    }
}

/// The metadata a diff compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub updated: Option<String>,
}

impl Meta {
    pub fn of(doc: &Document) -> Meta {
        Meta {
            title: doc.title.clone(),
            published: doc.published.as_ref().map(|d| d.value.clone()),
            updated: doc.updated.as_ref().map(|d| d.value.clone()),
        }
    }
}

/// One version of a document: where it comes from, its metadata and commitments.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    pub source: &'a str,
    pub meta: &'a Meta,
    pub commitments: &'a [Commitment],
}

/// Compares two documents already read, extracting their commitments.
pub fn diff_documents(old: &Document, new: &Document, rules: &Rules) -> DocDiff {
    let old_c = crate::extract::extract(old, rules).commitments;
    let new_c = crate::extract::extract(new, rules).commitments;
    let (old_meta, new_meta) = (Meta::of(old), Meta::of(new));
    diff_versions(
        Version {
            source: &old.source,
            meta: &old_meta,
            commitments: &old_c,
        },
        Version {
            source: &new.source,
            meta: &new_meta,
            commitments: &new_c,
        },
    )
}

pub fn diff_versions(old: Version<'_>, new: Version<'_>) -> DocDiff {
    DocDiff {
        old_source: old.source.to_string(),
        new_source: new.source.to_string(),
        metadata: diff_metadata(old.meta, new.meta),
        commitments: diff_commitments(old.commitments, new.commitments),
    }
}

pub fn diff_metadata(old: &Meta, new: &Meta) -> Vec<MetaChange> {
    [
        ("title", &old.title, &new.title),
        ("published", &old.published, &new.published),
        ("updated", &old.updated, &new.updated),
    ]
    .into_iter()
    .filter(|(_, o, n)| o != n)
    .map(|(field, old, new)| MetaChange {
        field,
        old: old.clone(),
        new: new.clone(),
    })
    .collect()
}

/// Pairs the commitments of two versions and lists what changed.
pub fn diff_commitments(old: &[Commitment], new: &[Commitment]) -> Vec<Change> {
    let pairs = pair(old, new);
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let mut changes = Vec::new();
    let mut pair_no = 0;
    for &(i, j, similarity) in &pairs {
        old_used[i] = true;
        new_used[j] = true;
        let found = compare(&old[i], &new[j], similarity);
        if !found.is_empty() {
            pair_no += 1;
            changes.extend(found.into_iter().map(|mut c| {
                c.pair = Some(pair_no);
                c
            }));
        }
    }
    for (c, _) in old.iter().zip(&old_used).filter(|(_, used)| !**used) {
        changes.push(Change::new(ChangeKind::Removed, Some(c), None));
    }
    for (c, _) in new.iter().zip(&new_used).filter(|(_, used)| !**used) {
        changes.push(Change::new(ChangeKind::Added, None, Some(c)));
    }
    // Reading order: by place in the new version, removed ones at their old place.
    changes.sort_by_key(|c| {
        let at = c.new.as_ref().or(c.old.as_ref()).map_or(0, |x| x.span[0]);
        (at, c.pair, c.change)
    });
    changes
}

/// (old index, new index, similarity), each index used once.
fn pair(old: &[Commitment], new: &[Commitment]) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    let same_quote = |a: &Commitment, b: &Commitment| squash(&a.quote) == squash(&b.quote);
    let same_id = |a: &Commitment, b: &Commitment| !a.id.is_empty() && a.id == b.id;
    for rule in [
        &same_quote as &dyn Fn(&Commitment, &Commitment) -> bool,
        &same_id,
    ] {
        for (i, a) in old.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            if let Some(j) = (0..new.len()).find(|&j| !new_used[j] && rule(a, &new[j])) {
                old_used[i] = true;
                new_used[j] = true;
                pairs.push((i, j, similarity(&a.quote, &new[j].quote)));
            }
        }
    }
    let mut candidates = Vec::new();
    for (i, a) in old.iter().enumerate().filter(|(i, _)| !old_used[*i]) {
        for (j, b) in new.iter().enumerate().filter(|(j, _)| !new_used[*j]) {
            let s = similarity(&a.quote, &b.quote);
            if s >= PAIR_THRESHOLD {
                candidates.push((i, j, s));
            }
        }
    }
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    for (i, j, s) in candidates {
        if !old_used[i] && !new_used[j] {
            old_used[i] = true;
            new_used[j] = true;
            pairs.push((i, j, s));
        }
    }
    pairs
}

fn compare(old: &Commitment, new: &Commitment, similarity: f64) -> Vec<Change> {
    let mut out = Vec::new();
    if squash(&old.quote) != squash(&new.quote) {
        let mut c = Change::new(ChangeKind::Reworded, Some(old), Some(new));
        c.similarity = Some(round3(similarity));
        c.words = word_diff(&old.quote, &new.quote);
        out.push(c);
    }
    let (od, nd) = (
        old.deadline.as_ref().map(|d| d.date),
        new.deadline.as_ref().map(|d| d.date),
    );
    if od != nd {
        let mut c = Change::new(ChangeKind::DeadlineMoved, Some(old), Some(new));
        c.slip = Some(match (od, nd) {
            (Some(o), Some(n)) => n > o,
            (Some(_), None) => true,
            _ => false,
        });
        out.push(c);
    }
    if old.strength != new.strength {
        let mut c = Change::new(ChangeKind::StrengthChanged, Some(old), Some(new));
        c.weakened = Some(rank(new.strength) < rank(old.strength));
        out.push(c);
    }
    let (mut oa, mut na) = (old.actors.clone(), new.actors.clone());
    oa.sort();
    na.sort();
    if oa != na {
        let mut c = Change::new(ChangeKind::ActorsChanged, Some(old), Some(new));
        c.actors_added = na.iter().filter(|a| !oa.contains(a)).cloned().collect();
        c.actors_removed = oa.iter().filter(|a| !na.contains(a)).cloned().collect();
        out.push(c);
    }
    for c in &mut out {
        c.similarity = Some(round3(similarity));
    }
    out
}

fn rank(s: Strength) -> u8 {
    match s {
        Strength::Firm => 3,
        Strength::Intent => 2,
        Strength::Interest => 1,
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Function words of French and English that every commitment shares.
const STOP_WORDS: &[&str] = &[
    "a", "à", "au", "aux", "and", "as", "at", "by", "d", "dans", "de", "des", "du", "en", "et",
    "for", "from", "in", "is", "l", "la", "le", "les", "leur", "leurs", "of", "on", "ou", "or",
    "par", "pour", "qui", "que", "s", "sa", "se", "ses", "son", "sur", "the", "their", "to", "un",
    "une", "with", "will", "ont", "sont", "have", "has", "been", "be",
];

/// Lower-cased content words of a text (letters and digits), stop words dropped.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// Dice coefficient of the content words (as multisets) of two texts, in [0, 1].
pub fn similarity(a: &str, b: &str) -> f64 {
    let (wa, wb) = (content_words(a), content_words(b));
    if wa.is_empty() && wb.is_empty() {
        return 1.0;
    }
    let mut rest = wb.clone();
    let mut common = 0usize;
    for w in &wa {
        if let Some(k) = rest.iter().position(|x| x == w) {
            rest.swap_remove(k);
            common += 1;
        }
    }
    2.0 * common as f64 / (wa.len() + wb.len()) as f64
}

/// Word-level diff of two quotes, adjacent runs of one kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<WordRun> {
    let diff = TextDiff::configure().diff_unicode_words(old, new);
    let mut runs: Vec<WordRun> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => WordOp::Equal,
            ChangeTag::Delete => WordOp::Delete,
            ChangeTag::Insert => WordOp::Insert,
        };
        let text = change.value();
        match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => runs.push(WordRun {
                op,
                text: text.to_string(),
            }),
        }
    }
    tidy_runs(runs)
}

/// Joins the changed words of one stretch ("will set up" → "expressed interest in") into a
/// deletion and an insertion, and moves the white space at their edges outside, so that
/// markers hug words ("~~2025~~**2026**", not "~~ 2025~~").
fn tidy_runs(runs: Vec<WordRun>) -> Vec<WordRun> {
    let mut out: Vec<WordRun> = Vec::new();
    let mut i = 0;
    while let Some(run) = runs.get(i) {
        if run.op == WordOp::Equal {
            push_run(&mut out, WordOp::Equal, &run.text);
            i += 1;
            continue;
        }
        let (mut del, mut ins) = (String::new(), String::new());
        while let Some(r) = runs.get(i) {
            match r.op {
                WordOp::Delete => del.push_str(&r.text),
                WordOp::Insert => ins.push_str(&r.text),
                WordOp::Equal
                    if r.text.trim().is_empty()
                        && runs.get(i + 1).is_some_and(|n| n.op != WordOp::Equal) =>
                {
                    del.push_str(&r.text);
                    ins.push_str(&r.text);
                }
                WordOp::Equal => break,
            }
            i += 1;
        }
        let lead = edge_space(&del, &ins, |s| s.chars().collect());
        let trail = edge_space(&del, &ins, |s| s.chars().rev().collect());
        let core = |s: &str| -> String {
            let n: usize = lead.len().min(s.len());
            let s = s.get(n..).unwrap_or("");
            let t = trail.len().min(s.len());
            s.get(..s.len() - t).unwrap_or("").to_string()
        };
        push_run(&mut out, WordOp::Equal, &lead);
        push_run(&mut out, WordOp::Delete, &core(&del));
        push_run(&mut out, WordOp::Insert, &core(&ins));
        let trail: String = trail.chars().rev().collect();
        push_run(&mut out, WordOp::Equal, &trail);
    }
    out
}

/// The white space both sides start (or, with `chars` reversed, end) with. Where one side is
/// empty the space is that of the other side alone and stays in its run, so that both texts
/// can be rebuilt from the runs.
fn edge_space(a: &str, b: &str, chars: impl Fn(&str) -> Vec<char>) -> String {
    if a.is_empty() || b.is_empty() {
        return String::new();
    }
    let (a, b) = (chars(a), chars(b));
    a.iter()
        .zip(&b)
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| *x)
        .collect()
}

fn push_run(out: &mut Vec<WordRun>, op: WordOp, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(WordRun {
            op,
            text: text.to_string(),
        }),
    }
}

pub mod render;

#[cfg(test)]
mod tests;
