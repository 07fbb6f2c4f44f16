//! French and English words of recurring events, their ordinals, and the cues that tell a
//! held event from a planned one; a small table of party names for naming series.

use std::sync::LazyLock;

use regex::Regex;

use crate::actors::Registry;

/// Event nouns, French and English, singular and plural.
const NOUNS: &str = r"dialogues?|réunions?|rencontres?|conférences?|sommets?|consultations?|forums?|sessions?|cycles?|éditions?|dialogs?|meetings?|conferences?|summits?|rounds?|editions?";

const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("premier", 1),
    ("première", 1),
    ("deuxième", 2),
    ("second", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
    ("septième", 7),
    ("huitième", 8),
    ("neuvième", 9),
    ("dixième", 10),
    ("onzième", 11),
    ("douzième", 12),
    ("treizième", 13),
    ("quatorzième", 14),
    ("quinzième", 15),
    ("seizième", 16),
    ("dix-septième", 17),
    ("dix-huitième", 18),
    ("dix-neuvième", 19),
    ("vingtième", 20),
    ("first", 1),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

/// "3e dialogue", "troisième dialogue", "third Cyber Dialogue", "8th EU-US Cyber Dialogue":
/// an ordinal, up to three modifiers, an event noun.
pub static ORDINAL_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    let mut words: Vec<&str> = ORDINAL_WORDS.iter().map(|(w, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let pattern = format!(
        r"(?i)\b(?P<ord>\d{{1,2}}\s?(?:ères|èmes|emes|ère|ème|eme|ers|res|er|re|es|e|è|st|nd|rd|th)|(?:{})s?)\s+(?P<mid>(?:[\p{{L}}\p{{N}}'’-]+\s+){{0,3}}?)(?P<noun>{NOUNS})\b",
        words.join("|")
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("{e}"))
});

/// "the next dialogue", "le prochain dialogue", "la prochaine réunion".
pub static NEXT_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:next|prochaine?s?|following)\s+(?P<mid>(?:[\p{{L}}\p{{N}}'’-]+\s+){{0,3}}?)(?P<noun>{NOUNS})\b"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("{e}"))
});

/// "annual conference", "la conférence annuelle", "dialogues annuels", "annual Cyber
/// Defence Pledge Conference".
pub static ANNUAL_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:(?:annual|yearly|annuel(?:le)?s?)\s+(?P<mid>(?:[\p{{L}}\p{{N}}'’-]+\s+){{0,4}}?)(?P<noun>{NOUNS})\b|(?P<noun2>{NOUNS})\s+annuel(?:le)?s?\b)"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("{e}"))
});

pub static ANY_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?P<noun>{NOUNS})\b")).unwrap_or_else(|e| unreachable!("{e}"))
});

/// A planned event, not (yet) a held one.
pub static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)en vue de|\bprochaine?s?\b|\bnext\b|\bwill\b|\bshall\b|\bsera\b|\bseront\b|se tiendra|se tiendront|aura lieu|auront lieu|\bto hold\b|to be held|\btenir\b|\bla tenue\b|\borganiser\b|\bconvoquer\b|\bprévue?s?\b|\bplanned\b|\bupcoming\b|à venir|\benvisag|\blook(?:ed|s|ing)? forward|se réjouiss|\bintend|\bpropos",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A held event.
pub static HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\ba eu lieu\b|\bont eu lieu\b|s'est (?:tenue?|déroulée?)\b|se sont (?:tenu(?:e|s|es)?|déroulée?s?)\b|\bont tenu\b|\ba tenu\b|\btient\b|\btiennent\b|\ba lieu\b|\bheld\b|\btook place\b|\btakes place\b|\bmet\b|se sont réuni(?:e|s|es)?\b|\bhosted\b|\ba accueilli\b|\bont organisé\b|\ba organisé\b|\bconvened\b|\bco-?chaired\b|\bco-?présid|\bcoprésid|\bwas organi[sz]ed\b",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A year a planned event or a commitment is set for: "en 2025", "in 2026", "d'ici 2027".
pub static TARGET_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:en|in|d'ici|by|avant|before|au cours de|during|courant|pour|for|dans le courant de)\s+(?:l'année\s+|the year\s+|early\s+|late\s+|début\s+|fin\s+)?(?P<year>20\d\d)\b")
        .unwrap_or_else(|e| unreachable!("{e}"))
});

/// Completion, progress and restatement cues for what became of a commitment.
pub static DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bont adopté\b|\ba adopté\b|\ba été (?:adopté|lancé|créé|mis en place|signé|achevé|finalisé|conclu|inauguré|établi)e?s?\b|\bont été (?:adopté|lancé|créé|mis en place|signé|achevé|finalisé|conclu|inauguré|établi)e?s?\b|\bont signé\b|\ba signé\b|\bont lancé\b|\ba lancé\b|\bont mis en place\b|\ba mis en place\b|\best entrée? en vigueur\b|\bsont entrée?s? en vigueur\b|\bont finalisé\b|\bont conclu\b|\bhas been (?:adopted|launched|established|set up|signed|completed|finalised|finalized|concluded|created|delivered)\b|\bhave been (?:adopted|launched|established|set up|signed|completed|finalised|finalized|concluded|created|delivered)\b|\bwas (?:adopted|launched|established|set up|signed|completed|finalised|finalized|concluded|created|delivered)\b|\bwere (?:adopted|launched|established|set up|signed|completed|finalised|finalized|concluded|created|delivered)\b|\b(?:adopted|launched|signed|completed|finalised|finalized|concluded|established|delivered)\s+(?:the|a|an|their|its)\b|\bentered into force\b|\bcame into force\b",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

pub static PROGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bprogrès\b|\bprogress\b|\bavancées?\b|\ben cours\b|\bongoing\b|\bunder way\b|\bunderway\b|\bont progressé\b|\ba progressé\b|\bhave advanced\b|\bhas advanced\b|\ba commencé\b|\bont commencé\b|\bhas started\b|\bhave started\b|\bbegan\b|\bpremière phase\b|\bfirst phase\b|\bpoint d'étape\b|\bfait le point\b|\btook stock\b|\breviewed progress\b",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

pub static REAFFIRMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bréaffirm|\breaffirm|\bréitér|\breiterat|\brestat|\brenouvel|\brenew(?:ed|s)? (?:their|its|the) commitment|\bconfirm|\bremain(?:s|ed)? (?:committed|determined|fully committed|firmly committed)|\brest(?:e|ent) (?:fermement |pleinement )?(?:déterminée?s?|engagée?s?|attachée?s?)|\brappel",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// "agreed to meet again", "se réunir à nouveau": the next occurrence of the event the
/// document reports, though no event noun is repeated.
pub static MEET_AGAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bmeet again\b|\breconvene\b|\bse réunir (?:à nouveau|de nouveau)\b|\bse retrouver\b|\bse revoir\b|\bse réuniront (?:à nouveau|de nouveau)\b|\bwill meet\b|\bto meet (?:next|in)\b",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A commitment stated again: the verbs of commitment themselves.
pub static COMMIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bconvenu(?:e|s|es)?\b|\bagreed\b|\bs'engag|\bse sont engagée?s?\b|\bcommitted\b|\bdéterminée?s?\b|\bdetermined\b|\bpledged?\b|\bwill continue\b|\bcontinueront\b|\bse poursuivront\b",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// How series names show the parties; other ids show as themselves. The order is the
/// order of parties in names and lists: organisations first, then countries by id.
const DISPLAY: &[(&str, &str)] = &[
    ("EU", "EU"),
    ("NATO", "NATO"),
    ("ALLIES", ""),
    ("UN", "UN"),
    ("OSCE", "OSCE"),
    ("AU", "Australia"),
    ("BR", "Brazil"),
    ("CA", "Canada"),
    ("CH", "Switzerland"),
    ("CN", "China"),
    ("DE", "Germany"),
    ("FR", "France"),
    ("GB", "UK"),
    ("GE", "Georgia"),
    ("IN", "India"),
    ("JP", "Japan"),
    ("KR", "Korea"),
    ("MD", "Moldova"),
    ("NO", "Norway"),
    ("SG", "Singapore"),
    ("UA", "Ukraine"),
    ("US", "US"),
    ("ZA", "South Africa"),
];

/// The built-in registry of parties (`data/actors.toml`).
static REGISTRY: LazyLock<Registry> = LazyLock::new(|| Registry::new(&[]));

/// Names a place, not a party: "en Pologne", "à Bruxelles", "in Poland".
const PLACE_BEFORE: &[&str] = &[
    "en ", "à ", "au ", "aux ", "in ", "at ", "à l'", "in the ", "near ",
];

fn order(id: &str) -> (usize, &str) {
    let known = DISPLAY.iter().position(|(p, _)| *p == id);
    // Unknown organisations (long ids) before unknown countries, then by id.
    (
        known.unwrap_or(if id.len() > 2 { 5 } else { DISPLAY.len() }),
        id,
    )
}

/// The parties a text names, in canonical order, places left out.
pub fn parties(text: &str) -> Vec<String> {
    let mut found: Vec<String> = REGISTRY
        .mentions(text)
        .into_iter()
        .filter(|m| {
            let head = text.get(..m.span.start).unwrap_or("");
            !PLACE_BEFORE.iter().any(|p| head.ends_with(p))
        })
        .map(|m| m.id)
        .collect();
    found.sort_by(|a, b| order(a).cmp(&order(b)));
    found.dedup();
    found
}

/// The parties of an event as a series knows them: NATO's meetings are the Allies' and
/// the other way round, whichever a sentence names.
pub fn series_parties(actors: &[String]) -> Vec<String> {
    let mut out = actors.to_vec();
    if out.iter().any(|a| a == "NATO" || a == "ALLIES") {
        out.extend(["NATO".to_string(), "ALLIES".to_string()]);
    }
    out.sort_by(|a, b| order(a).cmp(&order(b)));
    out.dedup();
    out
}

pub fn display(id: &str) -> &str {
    DISPLAY
        .iter()
        .find(|(p, _)| *p == id)
        .map_or(id, |(_, d)| d)
}

/// Is the word one of the names of a party ("EU-US" counts: each part is one)?
pub fn is_party_word(word: &str) -> bool {
    let word = word.trim_end_matches("'s");
    let named = |w: &str| {
        !w.is_empty()
            && REGISTRY
                .mentions(w)
                .first()
                .is_some_and(|m| m.span == (0..w.len()))
    };
    named(word) || word.split(['-', '–']).all(named)
}

/// The canonical event kind of a noun: "réunions" → "meeting".
pub fn kind(noun: &str) -> &'static str {
    let n = noun.to_lowercase();
    let n = n.trim_end_matches('s');
    match n {
        "dialogue" | "dialog" => "dialogue",
        "réunion" | "rencontre" | "meeting" => "meeting",
        "conférence" | "conference" => "conference",
        "sommet" | "summit" => "summit",
        "consultation" => "consultations",
        "forum" => "forum",
        "session" => "session",
        "cycle" | "round" => "round",
        _ => "edition",
    }
}

pub fn ordinal(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    // "troisièmes consultations": French ordinals agree in number.
    let singular = t.strip_suffix('s').unwrap_or(&t);
    if let Some((_, n)) = ORDINAL_WORDS
        .iter()
        .find(|(w, _)| *w == t || *w == singular)
    {
        return Some(*n);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parties_leave_places_out() {
        assert_eq!(
            parties("les Alliés se sont réunis en Pologne pour la conférence de l'OTAN"),
            vec!["NATO", "ALLIES"]
        );
        assert_eq!(parties("le 4e dialogue UE-Ukraine"), vec!["EU", "UA"]);
        assert_eq!(
            parties("l'UE et les États-Unis ont tenu le dialogue à Washington"),
            vec!["EU", "US"]
        );
        assert!(parties("let us talk").is_empty());
    }

    #[test]
    fn ordinals_in_both_languages() {
        for (text, n) in [
            ("3e", 3),
            ("troisième", 3),
            ("third", 3),
            ("8th", 8),
            ("huitième", 8),
            ("1er", 1),
            ("21st", 21),
        ] {
            assert_eq!(ordinal(text), Some(n), "{text}");
        }
    }
}
