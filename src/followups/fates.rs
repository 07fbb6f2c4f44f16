//! What became of each commitment: an announced event later reported as held, progress
//! reported, the commitment restated, or a promised event not held by its due date.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::events::{self, Mention};
use super::series::{Occurrence, last_ordinal};
use super::{CommitmentRef, EvidenceRef, Fate, Followup, Series, Text, Tracked, lexicon};

/// Stems a commitment and a later sentence must share, at least, to be about the same thing.
const MIN_SHARED: usize = 2;
/// Share of the commitment's stems the later sentence must carry.
const MIN_COVERAGE: f64 = 0.5;

pub fn find(
    texts: &[&Text],
    occurrences: &[Occurrence],
    series: &[Series],
    commitments: &[Tracked],
    as_of: NaiveDate,
) -> Vec<Followup> {
    let mut out = Vec::new();
    let said = prepare(texts);
    for c in commitments.iter().filter(|c| c.made <= as_of) {
        let doc_parties = texts
            .iter()
            .find(|t| t.source == c.source)
            .map(|t| t.parties())
            .unwrap_or_default();
        // The event the commitment's own document reports, for "agreed to meet again".
        let doc_event = occurrences
            .iter()
            .find(|o| o.source == c.source && o.mention.held)
            .map(|o| o.mention.kind);
        // Another version of the commitment's own page (same title) restates it without
        // saying anything new about it.
        let title = texts
            .iter()
            .find(|t| t.source == c.source)
            .and_then(|t| t.title.as_deref())
            .map(squash);
        let versions: Vec<&str> = texts
            .iter()
            .filter(|t| {
                t.source == c.source || (title.is_some() && t.title.as_deref().map(squash) == title)
            })
            .map(|t| t.source.as_str())
            .collect();
        match event_of(c, doc_parties, doc_event) {
            Some((m, actors)) => out.extend(event_fate(
                c,
                &m,
                &actors,
                occurrences,
                series,
                as_of,
                &versions,
            )),
            None => out.extend(content_fates(c, &said, &versions)),
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn reference(c: &Tracked) -> CommitmentRef {
    CommitmentRef {
        id: c.id.clone(),
        source: c.source.clone(),
        quote: c.quote.clone(),
    }
}

fn shown_by(c: &Tracked, o: &Occurrence, fate: Fate, reason: String) -> Followup {
    Followup {
        commitment: reference(c),
        evidence: EvidenceRef {
            source: Some(o.source.clone()),
            quote: Some(o.quote.clone()),
            date: Some(o.date),
        },
        fate,
        reason,
    }
}

/// The planned event a commitment is about, with the parties of that event.
fn event_of(
    c: &Tracked,
    doc_parties: Vec<String>,
    doc_event: Option<&'static str>,
) -> Option<(Mention, Vec<String>)> {
    let year = Some(c.made.year());
    let from_quote = events::mentions(&c.quote, year)
        .into_iter()
        .find(|m| m.planned);
    let from_milestone = c.milestone.as_ref().and_then(|ms| {
        let mut m = events::mentions(&ms.name, year).into_iter().next()?;
        m.ordinal = ms.ordinal.or(m.ordinal);
        m.planned = true;
        Some(m)
    });
    let mut m = match (from_milestone, from_quote) {
        (Some(mut ms), Some(q)) => {
            ms.ordinal = ms.ordinal.or(q.ordinal);
            ms.next |= q.next;
            ms.annual |= q.annual;
            ms.target = ms.target.or(q.target);
            if ms.actors.is_empty() {
                ms.actors = q.actors;
            }
            ms
        }
        (Some(ms), None) => ms,
        (None, Some(q)) => q,
        (None, None) => {
            let kind = doc_event.filter(|_| lexicon::MEET_AGAIN.is_match(&c.quote))?;
            Mention {
                kind,
                ordinal: None,
                annual: false,
                next: true,
                planned: true,
                held: false,
                marked: true,
                actors: lexicon::parties(&c.quote),
                cyber: false,
                target: events::target_year(&c.quote, Some(c.made.year())),
                start: 0,
            }
        }
    };
    if let Some(d) = c.deadline {
        m.target = Some(d);
    }
    let actors = [m.actors.clone(), c.actors.clone(), doc_parties]
        .into_iter()
        .find(|a| !a.is_empty())?;
    Some((m, lexicon::series_parties(&actors)))
}

fn event_fate(
    c: &Tracked,
    m: &Mention,
    actors: &[String],
    occurrences: &[Occurrence],
    series: &[Series],
    as_of: NaiveDate,
    versions: &[&str],
) -> Vec<Followup> {
    let same_series = |o: &&Occurrence| {
        o.mention.kind == m.kind && o.actors == actors && !versions.contains(&o.source.as_str())
    };
    let this_series = series
        .iter()
        .find(|s| s.kind == m.kind && s.actors == actors);
    let target = m.ordinal.or_else(|| {
        let seen: Vec<_> = this_series?
            .seen
            .iter()
            .filter(|s| s.date <= c.made)
            .cloned()
            .collect();
        last_ordinal(&seen).map(|n| n + 1)
    });
    let due = m.target.or_else(|| {
        this_series
            .filter(|s| s.annual || m.annual)
            .and_then(|_| NaiveDate::from_ymd_opt(c.made.year() + 1, 12, 31))
    });
    let what = match target {
        Some(n) => format!("occurrence {n} of the {}", m.kind),
        None => format!("the next {}", m.kind),
    };
    // A numbered occurrence is the one promised even when late; an unnumbered one only
    // when it comes by the due date (a month's grace for the report to be published).
    let grace = due.and_then(|d| d.checked_add_days(chrono::Days::new(31)));
    let mut held: Vec<&Occurrence> = occurrences
        .iter()
        .filter(same_series)
        .filter(|o| o.mention.held && o.date > c.made && o.date <= as_of)
        .filter(|o| match (target, o.mention.ordinal) {
            (Some(t), Some(n)) => n >= t,
            _ => grace.is_none_or(|g| o.date <= g),
        })
        .collect();
    // The first document that reports it; in it, the sentence that names the occurrence.
    let first = held.first().map(|o| o.source.clone());
    held.retain(|o| Some(&o.source) == first.as_ref());
    held.sort_by_key(|o| {
        (
            o.mention.ordinal.is_none(),
            o.mention.ordinal != target,
            o.in_title,
        )
    });
    let held = held.first();
    // Announced again before it was held, for no later date than promised (a later date is
    // a postponement, not a restatement).
    let held_date = held.map(|o| o.date);
    let mut out: Vec<Followup> = Vec::new();
    for o in occurrences
        .iter()
        .filter(same_series)
        .filter(|o| o.mention.planned && o.date > c.made && held_date.is_none_or(|d| o.date < d))
    {
        let same = match (target, o.mention.ordinal) {
            (Some(t), Some(n)) => n == t,
            _ => true,
        };
        let in_time = match (due, o.mention.target) {
            (Some(d), Some(t)) => t <= d,
            _ => true,
        };
        if same
            && in_time
            && !out
                .iter()
                .any(|f| f.evidence.source.as_deref() == Some(o.source.as_str()))
        {
            out.push(shown_by(
                c,
                o,
                Fate::Reaffirmed,
                format!("{what} announced again"),
            ));
        }
    }
    if let Some(o) = held {
        out.push(shown_by(
            c,
            o,
            Fate::Done,
            format!("{what} reported as held"),
        ));
        return out;
    }
    if let Some(due) = due.filter(|d| *d < as_of) {
        out.push(Followup {
            commitment: reference(c),
            evidence: EvidenceRef {
                source: None,
                quote: None,
                date: Some(due),
            },
            fate: Fate::Missed,
            reason: format!("no document up to {as_of} reports {what}, due {due}"),
        });
    }
    out
}

/// Later documents that restate the commitment, report progress on it, or its completion.
/// A later sentence as content matching needs it, computed once for all commitments.
struct Said<'a> {
    text: &'a Text,
    sentence: &'a String,
    stems: Vec<String>,
    /// The sentence's parties, else its document's.
    parties: Vec<String>,
    fate: Option<Fate>,
}

fn prepare<'a>(texts: &[&'a Text]) -> Vec<Said<'a>> {
    let mut out = Vec::new();
    for text in texts {
        let doc_parties = text.parties();
        for sentence in &text.sentences {
            let fate = classify(sentence);
            if fate.is_none() {
                continue;
            }
            let parties = lexicon::parties(sentence);
            out.push(Said {
                text,
                sentence,
                stems: stems(sentence),
                parties: if parties.is_empty() {
                    doc_parties.clone()
                } else {
                    parties
                },
                fate,
            });
        }
    }
    out
}

/// Later documents that restate the commitment, report progress on it, or its completion.
fn content_fates(c: &Tracked, said: &[Said<'_>], versions: &[&str]) -> Vec<Followup> {
    let wanted = stems(&c.quote);
    if wanted.len() < MIN_SHARED {
        return Vec::new();
    }
    // The best sentence of each later document: completion over progress over restatement,
    // then the most of the commitment's words.
    let mut best: Vec<(&Said<'_>, Fate, f64)> = Vec::new();
    for s in said
        .iter()
        .filter(|s| s.text.date > c.made && !versions.contains(&s.text.source.as_str()))
    {
        // Every party bound must be there: "Japan and the US agreed to ..." restates
        // nothing the EU and the US promised.
        if !c
            .actors
            .iter()
            .all(|a| s.parties.iter().any(|p| same_party(a, p)))
        {
            continue;
        }
        let shared = wanted.iter().filter(|w| s.stems.contains(w)).count();
        let coverage = shared as f64 / wanted.len() as f64;
        let Some(fate) = s
            .fate
            .filter(|_| shared >= MIN_SHARED && coverage >= MIN_COVERAGE)
        else {
            continue;
        };
        match best
            .iter_mut()
            .find(|(b, _, _)| b.text.source == s.text.source)
        {
            Some(b) => {
                if (std::cmp::Reverse(fate), coverage) > (std::cmp::Reverse(b.1), b.2) {
                    *b = (s, fate, coverage);
                }
            }
            None => best.push((s, fate, coverage)),
        }
    }
    best.into_iter()
        .map(|(s, fate, coverage)| Followup {
            commitment: reference(c),
            evidence: EvidenceRef {
                source: Some(s.text.source.clone()),
                quote: Some(s.sentence.clone()),
                date: Some(s.text.date),
            },
            fate,
            reason: format!(
                "{:.0}% of the commitment's words, {}",
                coverage * 100.0,
                cue(fate)
            ),
        })
        .collect()
}

fn cue(fate: Fate) -> &'static str {
    match fate {
        Fate::Done => "reported complete",
        Fate::InProgress => "progress reported",
        Fate::Reaffirmed => "stated again",
        Fate::Missed => "not held",
    }
}

fn classify(sentence: &str) -> Option<Fate> {
    if lexicon::DONE.is_match(sentence) {
        Some(Fate::Done)
    } else if lexicon::PROGRESS.is_match(sentence) {
        Some(Fate::InProgress)
    } else if lexicon::REAFFIRMED.is_match(sentence) || lexicon::COMMIT.is_match(sentence) {
        Some(Fate::Reaffirmed)
    } else {
        None
    }
}

/// The Allies and NATO speak for one another.
fn same_party(a: &str, b: &str) -> bool {
    a == b || matches!((a, b), ("NATO", "ALLIES") | ("ALLIES", "NATO"))
}

/// Words every commitment is framed with, and words too general to tie two sentences
/// together, as stems.
const FRAME: &[&str] = &[
    "conven", "agreed", "agree", "determ", "engage", "commit", "reaffi", "parties", "partie",
    "deux", "sides", "egalem", "also", "encore", "furthe", "contin", "poursu", "renfor", "streng",
    "approf", "deepen", "intens", "cooper", "matier", "domain", "notamm", "ainsi", "aussi",
    "leurs", "their", "within", "dans", "entre", "betwee", "avec", "with", "pour", "this", "that",
    "these", "cette", "celle", "ceux", "from", "plus", "more", "sont", "have", "will", "etre",
    "avoir", "vers", "sous", "toward", "afin", "order", "tout", "tous", "toute", "other", "autre",
    "autres", "reste", "remain", "fermem", "firmly", "pleine", "fully", "consta", "ensure",
    "veille",
];

/// Accent-folded, lower-cased six-letter stems of the content words of a text: French and
/// English cognates ("coopération", "cooperation") meet, party names and frame words do not
/// count.
pub fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let word = word.trim_matches('-');
        if word.chars().count() < 4
            || word.chars().all(|c| c.is_ascii_digit())
            || lexicon::is_party_word(word)
        {
            continue;
        }
        let folded: String = word
            .nfd()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_lowercase();
        let stem: String = folded.chars().filter(|c| *c != '-').take(6).collect();
        if FRAME.contains(&stem.as_str()) || out.contains(&stem) {
            continue;
        }
        out.push(stem);
    }
    out
}
