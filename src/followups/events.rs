//! Mentions of recurring events in a sentence: which event, which occurrence, held or
//! planned, by whom, for when.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::lexicon::{
    self, ANNUAL_EVENT, ANY_EVENT, HELD, NEXT_EVENT, ORDINAL_EVENT, PLANNED, TARGET_YEAR,
};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Canonical event kind: dialogue, meeting, conference, ...
    pub kind: &'static str,
    pub ordinal: Option<u32>,
    pub annual: bool,
    /// "the next dialogue": the occurrence after the last one held.
    pub next: bool,
    /// Announced for later rather than reported as held.
    pub planned: bool,
    /// Reported as held (an ordinal or annual mention with no sign of planning counts).
    pub held: bool,
    /// Numbered, annual or "next": a mention that makes a series by itself.
    pub marked: bool,
    pub actors: Vec<String>,
    pub cyber: bool,
    /// Last day of the year it is planned for ("en 2025" → 2025-12-31).
    pub target: Option<NaiveDate>,
    pub start: usize,
}

const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '.', '(', ')', '!', '?'];

/// The clause around `start..end`: back to the last break before, on to the next after.
fn clause(sentence: &str, start: usize, end: usize) -> (&str, &str) {
    let head = &sentence[..start];
    let from = head.rfind(CLAUSE_BREAKS).map_or(0, |i| i + 1);
    let tail = &sentence[end..];
    let to = tail.find(CLAUSE_BREAKS).map_or(tail.len(), |i| i);
    (&head[from..], &tail[..to])
}

/// An event noun in a `(?i)` match may be followed by "de la conférence": "5e édition de la
/// conférence" is the 5th conference.
static EDITION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:de la|du|de l'|des|of the|of)\s+(?:[\p{L}'’-]+\s+){0,2}?(?P<noun>dialogues?|réunions?|rencontres?|conférences?|sommets?|forums?|consultations?|meetings?|conferences?|summits?)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A year before the document's in the text ("en 2019", "since 2016").
fn past_year(text: &str, doc_year: i32) -> bool {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").unwrap_or_else(|e| unreachable!("{e}")));
    YEAR.find_iter(text)
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .any(|y| y < doc_year)
}

/// The last day of the year a text sets: a printed year ("en 2025"), or one counted from the
/// document's ("next year", "l'année prochaine", "later this year").
pub fn target_year(text: &str, doc_year: Option<i32>) -> Option<NaiveDate> {
    static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?P<next>next year|the following year|l'année prochaine|l'an prochain|l'année suivante)\b|\b(?:this year|later this year|cette année|d'ici la fin de l'année|by the end of the year)\b")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    if let Some(date) = printed_year(text) {
        return Some(date);
    }
    let caps = RELATIVE.captures(text)?;
    let year = doc_year? + i32::from(caps.name("next").is_some());
    NaiveDate::from_ymd_opt(year, 12, 31)
}

fn printed_year(text: &str) -> Option<NaiveDate> {
    let caps = TARGET_YEAR.captures(text)?;
    let year: i32 = caps.name("year")?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// Every event mention of `sentence`; `doc_year` tells a planned year from a past one.
pub fn mentions(sentence: &str, doc_year: Option<i32>) -> Vec<Mention> {
    let actors = lexicon::parties(sentence);
    let cyber = sentence.to_lowercase().contains("cyber");
    let mut out: Vec<Mention> = Vec::new();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    let push =
        |start: usize, end: usize, noun: &str, ordinal: Option<u32>, annual: bool, next: bool| {
            let mut kind = lexicon::kind(noun);
            let mut end = end;
            // "5e édition de la conférence", "the next round of consultations": the event
            // is the noun after.
            if matches!(kind, "edition" | "round" | "session")
                && let Some(c) = EDITION_OF.captures(&sentence[end..])
            {
                kind = lexicon::kind(c.name("noun").map_or("", |m| m.as_str()));
                end += c.get(0).map_or(0, |m| m.end());
            }
            let (before, after) = clause(sentence, start, end);
            let target = target_year(after, doc_year).or_else(|| target_year(before, doc_year));
            let future_year =
                matches!((target, doc_year), (Some(t), Some(y)) if chrono::Datelike::year(&t) > y);
            let planned =
                next || PLANNED.is_match(before) || PLANNED.is_match(after) || future_year;
            let marked = ordinal.is_some() || annual || next;
            // "the first dialogue, in 2019, ...": an earlier occurrence recalled, not the
            // one the document reports.
            let recalled =
                !planned && doc_year.is_some_and(|y| past_year(before, y) || past_year(after, y));
            let held =
                !planned && !recalled && (marked || HELD.is_match(before) || HELD.is_match(after));
            (
                start,
                end,
                Mention {
                    kind,
                    ordinal,
                    annual,
                    next,
                    planned,
                    held,
                    marked,
                    actors: actors.clone(),
                    cyber,
                    target: if planned { target } else { None },
                    start,
                },
            )
        };
    let mut found = Vec::new();
    for c in ORDINAL_EVENT.captures_iter(sentence) {
        let (Some(all), Some(ord), Some(noun)) = (c.get(0), c.name("ord"), c.name("noun")) else {
            continue;
        };
        if !modifiers_ok(c.name("mid").map_or("", |m| m.as_str())) {
            continue;
        }
        found.push(push(
            all.start(),
            all.end(),
            noun.as_str(),
            lexicon::ordinal(ord.as_str()),
            false,
            false,
        ));
    }
    for c in NEXT_EVENT.captures_iter(sentence) {
        let (Some(all), Some(noun)) = (c.get(0), c.name("noun")) else {
            continue;
        };
        if !modifiers_ok(c.name("mid").map_or("", |m| m.as_str())) {
            continue;
        }
        found.push(push(
            all.start(),
            all.end(),
            noun.as_str(),
            None,
            false,
            true,
        ));
    }
    for c in ANNUAL_EVENT.captures_iter(sentence) {
        let Some(all) = c.get(0) else { continue };
        let Some(noun) = c.name("noun").or_else(|| c.name("noun2")) else {
            continue;
        };
        found.push(push(
            all.start(),
            all.end(),
            noun.as_str(),
            None,
            true,
            false,
        ));
    }
    for (start, end, m) in found {
        // One event named twice ("la 5e conférence annuelle"): merge what each pattern saw.
        let same = covered.iter().position(|&(s, e)| start < e && s < end);
        if let Some(prev) = same
            .and_then(|k| out.get_mut(k))
            .filter(|p| p.kind == m.kind)
        {
            prev.ordinal = prev.ordinal.or(m.ordinal);
            prev.annual |= m.annual;
            prev.next |= m.next;
            prev.planned |= m.planned;
            prev.held = !prev.planned && (prev.held || m.held);
            prev.target = prev.target.or(m.target);
            continue;
        }
        covered.push((start, end));
        out.push(m);
    }
    for c in ANY_EVENT.captures_iter(sentence) {
        let Some(noun) = c.name("noun") else { continue };
        if covered
            .iter()
            .any(|&(s, e)| noun.start() >= s && noun.end() <= e)
        {
            continue;
        }
        let (_, _, m) = push(noun.start(), noun.end(), noun.as_str(), None, false, false);
        if m.kind != "edition" && (m.held || m.planned) {
            covered.push((noun.start(), noun.end()));
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// The words between an ordinal and its noun must be modifiers ("EU-US Cyber", "annual",
/// "high-level"), not the rest of a clause ("time that the").
fn modifiers_ok(mid: &str) -> bool {
    const BREAKERS: &[&str] = &[
        "de", "du", "des", "la", "le", "les", "the", "of", "a", "an", "and", "et", "time", "fois",
        "that", "which", "qui", "que", "to", "in", "en", "à", "on", "for", "pour", "with", "avec",
        "is", "was", "est",
    ];
    mid.split_whitespace()
        .all(|w| !BREAKERS.contains(&w.to_lowercase().as_str()))
}

/// A proper English name of the event in `sentence` ("Cyber Defence Pledge Conference"), party
/// names left out; none when it is only a generic phrase ("Cyber Dialogue").
pub fn proper_name(sentence: &str, kind: &str) -> Option<String> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<run>(?:\b[A-Z][\p{L}'’-]*\s+){1,6})(?P<noun>Conference|Dialogue|Summit|Forum|Meeting|Consultations)\b")
            .unwrap_or_else(|e| unreachable!("{e}"))
    });
    const GENERIC: &[&str] = &[
        "Cyber",
        "Cybersecurity",
        "Cyberspace",
        "Cyber-Security",
        "Annual",
        "High-Level",
        "The",
        "Joint",
        "Bilateral",
        "Strategic",
        "Next",
        "First",
        "Second",
        "Third",
    ];
    for c in NAME.captures_iter(sentence) {
        let noun = c.name("noun").map_or("", |m| m.as_str());
        if lexicon::kind(noun) != kind {
            continue;
        }
        let words: Vec<&str> = c
            .name("run")
            .map_or("", |m| m.as_str())
            .split_whitespace()
            .skip_while(|w| lexicon::is_party_word(w) || lexicon::ordinal(w).is_some())
            .collect();
        if words.iter().any(|w| lexicon::is_party_word(w))
            || words.iter().all(|w| GENERIC.contains(w))
        {
            continue;
        }
        return Some(format!("{} {noun}", words.join(" ")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str, year: i32) -> Mention {
        let all = mentions(s, Some(year));
        assert_eq!(all.len(), 1, "{s}: {all:?}");
        all.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    #[test]
    fn held_numbered_dialogue_fr() {
        let m = one(
            "Le 15 juillet 2024, l'Union européenne (UE) et l'Ukraine ont tenu le troisième dialogue sur le cyberespace à Bruxelles, en Belgique.",
            2024,
        );
        assert_eq!(
            (m.kind, m.ordinal, m.held, m.planned),
            ("dialogue", Some(3), true, false)
        );
        assert_eq!(m.actors, vec!["EU", "UA"]);
    }

    #[test]
    fn planned_numbered_dialogue_fr() {
        let m = one(
            "L'UE et l'Ukraine sont convenues de progresser en vue de la tenue du 4e dialogue UE-Ukraine sur le cyberespace en 2025.",
            2024,
        );
        assert_eq!((m.ordinal, m.planned), (Some(4), true));
        assert_eq!(m.target, NaiveDate::from_ymd_opt(2025, 12, 31));
    }

    #[test]
    fn english_next_and_held() {
        let m = one(
            "The two sides agreed to hold the next dialogue in 2026 in London.",
            2025,
        );
        assert!(m.next && m.planned);
        assert_eq!(m.target, NaiveDate::from_ymd_opt(2026, 12, 31));
        let m = one(
            "On 3 June 2025 the EU and Japan held the 6th EU-Japan Cyber Dialogue in Tokyo.",
            2025,
        );
        assert_eq!((m.ordinal, m.held), (Some(6), true));
        assert_eq!(m.actors, vec!["EU", "JP"]);
    }

    #[test]
    fn next_year_counts_from_the_document() {
        let m = one(
            "Allies agreed to hold the next conference next year in Tallinn.",
            2023,
        );
        assert_eq!(m.target, NaiveDate::from_ymd_opt(2024, 12, 31));
        let m = one(
            "Le prochain dialogue se tiendra l'année prochaine à Kiev.",
            2024,
        );
        assert_eq!(m.target, NaiveDate::from_ymd_opt(2025, 12, 31));
    }

    #[test]
    fn annual_conference_fr_and_en() {
        let m = one(
            "Les Alliés se sont réunis en Pologne pour la conférence annuelle de l'OTAN sur l'engagement.",
            2025,
        );
        assert!(m.annual && m.held);
        assert_eq!(m.actors, vec!["NATO", "ALLIES"]);
        let s = "NATO Allies and several Partner nations met in Poland for NATO's annual Cyber Defence Pledge Conference";
        assert!(one(s, 2025).annual);
        assert_eq!(
            proper_name(s, "conference").as_deref(),
            Some("Cyber Defence Pledge Conference")
        );
        assert_eq!(
            proper_name(
                "Ukraine: 3rd Cyber Dialogue with the European Union",
                "dialogue"
            ),
            None
        );
    }

    #[test]
    fn edition_and_meeting_words() {
        let m = one("La 5e édition de la conférence s'est tenue à Paris.", 2025);
        assert_eq!((m.kind, m.ordinal), ("conference", Some(5)));
        let m = one(
            "La quatrième réunion du comité mixte a eu lieu à Kiev.",
            2025,
        );
        assert_eq!((m.kind, m.ordinal), ("meeting", Some(4)));
    }

    #[test]
    fn an_earlier_occurrence_recalled_is_not_held_now() {
        let m = one(
            "Since the first EU-Japan Cyber Dialogue in 2014, cooperation has grown.",
            2025,
        );
        assert_eq!((m.ordinal, m.held, m.planned), (Some(1), false, false));
    }

    #[test]
    fn no_event_no_mention() {
        assert!(
            mentions(
                "La discussion, première en son genre, a porté sur la diplomatie.",
                Some(2021)
            )
            .is_empty()
        );
        assert!(
            mentions(
                "For the first time the parties discussed export controls.",
                Some(2021)
            )
            .is_empty()
        );
    }
}
