//! Sentences of a block: split at a full stop, a question or exclamation mark followed by a
//! capital, except after abbreviations, initials and abbreviated months before a number, and
//! inside « quotes » that close later in the block.

use std::ops::Range;

use super::normalize::{Block, Kind};

pub(crate) struct Piece {
    pub span: Range<usize>,
    pub block: usize,
    pub heading: bool,
}

pub(crate) fn split(text: &str, blocks: &[Block]) -> Vec<Piece> {
    let mut out = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(s) = text.get(block.range.clone()) else {
            continue;
        };
        let base = block.range.start;
        let pieces: Vec<Range<usize>> = split_block(s)
            .into_iter()
            .filter(|r| s[r.clone()].chars().any(char::is_alphanumeric))
            .collect();
        let single = pieces.len() == 1;
        for r in pieces {
            let heading = match block.kind {
                Kind::Heading(_) => true,
                Kind::Item => false,
                Kind::Para => single && !ends_terminal(&s[r.clone()]),
            };
            out.push(Piece {
                span: base + r.start..base + r.end,
                block: index,
                heading,
            });
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '\'' | '"' | '»')
}

/// Ends like a sentence or a lead-in (`:`), closing quotes and brackets aside.
pub(crate) fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(|c: char| is_closer(c) || c == ' ')
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Terminators and quotes; « » … start with these lead bytes.
const INTERESTING: [bool; 256] = super::byte_table(b".!?\"\xC2\xE2");

fn split_block(s: &str) -> Vec<Range<usize>> {
    let bytes = s.as_bytes();
    let guillemets = s.matches('»').count();
    let quotes = bytes.iter().filter(|&&b| b == b'"').count();
    let (mut depth, mut closed, mut quotes_seen) = (0usize, 0usize, 0usize);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        // Only terminators and quotes matter; « » … start with these lead bytes.
        i += bytes[i..]
            .iter()
            .position(|&b| INTERESTING[b as usize])
            .unwrap_or(bytes.len() - i);
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        match c {
            '«' => depth += 1,
            '»' => {
                depth = depth.saturating_sub(1);
                closed += 1;
            }
            '"' => quotes_seen += 1,
            _ => {}
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += c.len_utf8();
            continue;
        }
        let dot = i;
        let mut j = i + c.len_utf8();
        while let Some(d) = s[j..]
            .chars()
            .next()
            .filter(|d| matches!(d, '.' | '!' | '?' | '…'))
        {
            j += d.len_utf8();
        }
        let mut k = j;
        loop {
            let rest = &s[k..];
            match rest.chars().next() {
                Some(d) if is_closer(d) => {
                    match d {
                        '»' => {
                            depth = depth.saturating_sub(1);
                            closed += 1;
                        }
                        '"' => quotes_seen += 1,
                        _ => {}
                    }
                    k += d.len_utf8();
                }
                Some(' ') if rest[1..].starts_with('»') => k += 1,
                _ => break,
            }
        }
        i = k;
        if !s[k..].starts_with(' ') {
            continue;
        }
        let m = k + 1;
        let Some(next) = s[m..].chars().next() else {
            continue;
        };
        let starts = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(
                next,
                '«' | '"' | '(' | '[' | '-' | '–' | '—' | '•' | '\'' | '¿' | '¡'
            );
        if !starts
            || (c == '.' && j == dot + 1 && abbreviation(&s[..dot], next))
            || (depth > 0 && closed < guillemets)
            || (quotes_seen % 2 == 1 && quotes_seen < quotes)
        {
            continue;
        }
        out.push(start..k);
        start = m;
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "June", "Jul", "July", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "Janv",
    "Févr", "Fév", "Avr", "Juil", "Déc",
    // NATO's French pages write every month with a stop: "20 mai. 2026", "3 juin. 2025".
    "mars", "Mars", "mai", "Mai", "juin", "Juin", "août", "Août",
];

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Mme", "Mmes", "Mlle", "Mlles", "MM", "Mgr", "St", "Ste",
    "Sr", "Jr", "Gen", "Gén", "Col", "Lt", "Capt", "Sgt", "Gov", "Sen", "Rep", "Amb", "Hon", "Rev",
    "Co", "Corp", "Inc", "Ltd", "No", "Nos", "Nr", "no", "nos", "Art", "art", "al", "cf", "Cf",
    "ex", "Ex", "pp", "vol", "Vol", "fig", "Fig", "env", "approx", "av", "bd", "ch", "chap", "éd",
    "ed", "eds", "vs", "viz", "ibid", "op", "cit", "resp", "tél", "tel", "Tél", "Tel", "hab",
    "suiv", "cie", "Cie", "dépt", "Dépt", "Univ", "ca", "min", "max", "sq", "nb", "N.B", "Doc",
    "doc", "réf", "Réf", "ref", "Ref",
];

/// Whether the full stop after `before` (which ends with the word it closes) belongs to an
/// abbreviation rather than ending the sentence, `next` being what follows the space.
fn abbreviation(before: &str, next: char) -> bool {
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    if word.contains('.') {
        return word
            .split('.')
            .all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic));
    }
    let mut chars = word.chars();
    if chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none() {
        return true;
    }
    // The longest entry is six bytes; most words that end a sentence are longer.
    if word.len() > 6 {
        return false;
    }
    if MONTHS.contains(&word) {
        return next.is_ascii_digit();
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        split_block(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Le 08 Dec. 2017 M. Dupont et Mme Durand ont vu J. Smith aux U.S. Army, p. ex. la cheffe f.f. Ana. Fin 3.5 ici."
            ),
            [
                "Le 08 Dec. 2017 M. Dupont et Mme Durand ont vu J. Smith aux U.S. Army, p. ex. la cheffe f.f. Ana.",
                "Fin 3.5 ici."
            ]
        );
        assert_eq!(
            sentences("Bruxelles, 20 mai. 2026 - Les Alliés ont décidé. 3 juin. 2025 ici."),
            [
                "Bruxelles, 20 mai. 2026 - Les Alliés ont décidé.",
                "3 juin. 2025 ici."
            ]
        );
        assert_eq!(
            sentences("We met in May. The talks went on."),
            ["We met in May.", "The talks went on."]
        );
        assert_eq!(
            sentences("Voir n° 3. Puis etc. Et la suite!"),
            ["Voir n° 3.", "Puis etc.", "Et la suite!"]
        );
    }

    #[test]
    fn quotes_keep_their_sentences() {
        assert_eq!(
            sentences(
                "« Nous avons fini. Nous partons. », a déclaré M. X. Ensuite « Fin. » Les autres."
            ),
            [
                "« Nous avons fini. Nous partons. », a déclaré M. X. Ensuite « Fin. »",
                "Les autres."
            ]
        );
        assert_eq!(sentences("« Pas fermé. Deux."), ["« Pas fermé.", "Deux."]);
    }

    #[test]
    fn terminal() {
        assert!(ends_terminal("Fin. »"));
        assert!(!ends_terminal("Renforcer la cyber-résilience"));
    }
}
