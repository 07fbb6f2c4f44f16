//! Recurring events: every mention of an event in the documents, grouped into series by
//! event kind and parties, with the next occurrence expected.

use chrono::{Datelike, NaiveDate};

use super::events::{self, Mention};
use super::{Next, Seen, Series, Text, lexicon};

/// One mention of an event in one document, with the parties it was resolved to.
#[derive(Debug, Clone)]
pub struct Occurrence {
    pub source: String,
    pub date: NaiveDate,
    pub quote: String,
    pub mention: Mention,
    pub actors: Vec<String>,
    /// Capitalised English name of the event in the sentence, if any.
    pub proper: Option<String>,
    /// The sentence is the document's title: a body sentence says more (date, place).
    pub in_title: bool,
}

impl Occurrence {
    pub fn key(&self) -> (&'static str, &[String]) {
        (self.mention.kind, &self.actors)
    }
}

/// Every event mention of the documents (already in date order) whose parties are known.
pub fn occurrences(texts: &[&Text]) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = Vec::new();
    for text in texts {
        let title_parties = text.parties();
        let first = out.len();
        let mut unresolved = Vec::new();
        for sentence in &text.sentences {
            for m in events::mentions(sentence, Some(text.date.year())) {
                let proper = events::proper_name(sentence, m.kind);
                let actors = lexicon::series_parties(if m.actors.is_empty() {
                    &title_parties
                } else {
                    &m.actors
                });
                let o = Occurrence {
                    source: text.source.clone(),
                    date: text.date,
                    quote: sentence.clone(),
                    actors,
                    mention: m,
                    proper,
                    in_title: text
                        .title
                        .as_deref()
                        .is_some_and(|t| t.trim() == sentence.trim()),
                };
                if o.actors.is_empty() {
                    unresolved.push(o)
                } else {
                    out.push(o)
                }
            }
        }
        // "The two sides agreed to hold the next dialogue": the parties of the one series of
        // that kind the document already named.
        for mut o in unresolved {
            let mut keys: Vec<&[String]> = out[first..]
                .iter()
                .filter(|p| p.mention.kind == o.mention.kind)
                .map(|p| p.actors.as_slice())
                .collect();
            keys.dedup();
            if let [only] = keys[..] {
                o.actors = only.to_vec();
                out.push(o);
            }
        }
    }
    out
}

fn name(actors: &[String], kind: &str, group: &[&Occurrence]) -> String {
    let parties: Vec<&str> = actors
        .iter()
        .map(|a| lexicon::display(a))
        .filter(|d| !d.is_empty())
        .collect();
    let parties = parties.join("-");
    if let Some(proper) = group.iter().find_map(|o| o.proper.as_deref()) {
        return format!("{parties} {proper}").trim().to_string();
    }
    let topic = if group.iter().any(|o| o.mention.cyber) {
        "cyber "
    } else {
        ""
    };
    format!("{parties} {topic}{kind}").trim().to_string()
}

/// The series: groups of occurrences of one kind between the same parties, at least one of
/// them numbered, annual or announced as "the next".
pub fn build(texts: &[&Text], occurrences: &[Occurrence], as_of: NaiveDate) -> Vec<Series> {
    let _ = texts;
    let mut keys: Vec<(&'static str, Vec<String>)> = Vec::new();
    for o in occurrences.iter().filter(|o| o.mention.marked) {
        let key = (o.mention.kind, o.actors.clone());
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut out = Vec::new();
    for (kind, actors) in keys {
        let group: Vec<&Occurrence> = occurrences
            .iter()
            .filter(|o| o.key() == (kind, actors.as_slice()))
            .collect();
        let annual = group.iter().any(|o| o.mention.annual);
        let mut seen: Vec<Seen> = Vec::new();
        for o in group.iter().filter(|o| o.mention.held) {
            match seen.iter_mut().find(|s| s.source == o.source) {
                Some(s) => {
                    // The document's own occurrence is its highest number.
                    if o.mention.ordinal > s.ordinal {
                        s.ordinal = o.mention.ordinal;
                        s.quote = o.quote.clone();
                    }
                }
                None => seen.push(Seen {
                    source: o.source.clone(),
                    date: o.date,
                    ordinal: o.mention.ordinal,
                    quote: o.quote.clone(),
                }),
            }
        }
        // Always an object, so that readers of the JSON can look into it.
        let next = next(&group, &seen, annual, as_of).or_else(|| {
            Some(Next {
                ordinal: None,
                due: None,
                why: "no further occurrence announced".to_string(),
                overdue: false,
            })
        });
        let missing_years = if annual {
            missing_years(&seen, as_of)
        } else {
            Vec::new()
        };
        out.push(Series {
            name: name(&actors, kind, &group),
            kind,
            actors,
            annual,
            seen,
            next,
            missing_years,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn missing_years(seen: &[Seen], as_of: NaiveDate) -> Vec<i32> {
    let Some(first) = seen.iter().map(|s| s.date.year()).min() else {
        return Vec::new();
    };
    (first + 1..as_of.year())
        .filter(|y| !seen.iter().any(|s| s.date.year() == *y))
        .collect()
}

/// The ordinal of the last occurrence seen: the last number printed, plus one for each
/// unnumbered occurrence reported after it.
pub fn last_ordinal(seen: &[Seen]) -> Option<u32> {
    let k = seen.iter().rposition(|s| s.ordinal.is_some())?;
    let n = seen.get(k)?.ordinal?;
    Some(n + (seen.len() - k - 1) as u32)
}

fn next(group: &[&Occurrence], seen: &[Seen], annual: bool, as_of: NaiveDate) -> Option<Next> {
    let last_date = seen.last().map(|s| s.date);
    let ordinal = last_ordinal(seen).map(|n| n + 1);
    // A plan made since the last occurrence, for the next one.
    let plan = group
        .iter()
        .filter(|o| o.mention.planned && last_date.is_none_or(|d| o.date >= d))
        .filter(|o| {
            o.mention.next
                || ordinal.is_none()
                || o.mention.ordinal == ordinal
                || o.mention.ordinal.is_none()
        })
        .filter(|o| o.mention.target.is_some())
        .min_by_key(|o| o.mention.target);
    let (ordinal, due, why) = match (plan, annual, last_date) {
        (Some(p), _, _) => (
            ordinal.or(p.mention.ordinal),
            p.mention.target,
            format!("announced in {}", p.source),
        ),
        (None, true, Some(d)) => (
            ordinal,
            NaiveDate::from_ymd_opt(d.year() + 1, 12, 31),
            "yearly".to_string(),
        ),
        (None, _, Some(_)) if ordinal.is_some() => {
            (ordinal, None, "numbered series; no date stated".to_string())
        }
        (None, _, Some(_)) => return None,
        (None, _, None) => {
            let p = group.iter().find(|o| o.mention.planned)?;
            (
                p.mention.ordinal,
                None,
                format!("announced in {}", p.source),
            )
        }
    };
    Some(Next {
        ordinal,
        due,
        why,
        overdue: due.is_some_and(|d| d < as_of),
    })
}
