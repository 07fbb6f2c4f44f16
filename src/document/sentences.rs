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
    let mut out = Vec::with_capacity(blocks.len());
    // One buffer for the pieces of every block: most blocks are a sentence or two, and a
    // vector of their own would be most of the cost of their allocations.
    let mut pieces = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(s) = text.get(block.range.clone()) else {
            continue;
        };
        let base = block.range.start;
        pieces.clear();
        split_block(s, &mut pieces);
        let first = out.len();
        for r in pieces.drain(..) {
            // Most pieces open with an ASCII letter or digit, told by its byte.
            let alphanumeric = s
                .as_bytes()
                .get(r.start)
                .is_some_and(u8::is_ascii_alphanumeric)
                || s[r.clone()].chars().any(char::is_alphanumeric);
            if alphanumeric {
                out.push(Piece {
                    span: base + r.start..base + r.end,
                    block: index,
                    heading: matches!(block.kind, Kind::Heading(_)),
                });
            }
        }
        // A paragraph of a single piece that does not end like a sentence is a title.
        if block.kind == Kind::Para
            && let [piece] = &mut out[first..]
        {
            piece.heading = !ends_terminal(&text[piece.span.clone()]);
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '\'' | '"' | '»')
}

/// The second bytes of « and », after 0xC2.
const OPENING: u8 = 0xAB;
const CLOSING: u8 = 0xBB;
const ELLIPSIS: &[u8] = "…".as_bytes();

/// The length of the terminator (`.`, `!`, `?`, `…`) that starts `b`, if one does.
fn terminator_len(b: &[u8]) -> Option<usize> {
    match b {
        [b'.' | b'!' | b'?', ..] => Some(1),
        _ if b.starts_with(ELLIPSIS) => Some(ELLIPSIS.len()),
        _ => None,
    }
}

/// Ends like a sentence or a lead-in (`:`), closing quotes and brackets aside.
pub(crate) fn ends_terminal(s: &str) -> bool {
    s.trim_end_matches(|c: char| is_closer(c) || c == ' ')
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

/// Where the next byte of either set is, from `i` on: each set is searched again only once
/// `i` has passed its last hit, so that the block is read once whichever set is rare.
struct Next {
    terminator: Option<usize>,
    quote: Option<usize>,
}

impl Next {
    fn from(&mut self, bytes: &[u8], i: usize) -> usize {
        let find = |cached: &mut Option<usize>, search: fn(&[u8]) -> Option<usize>| {
            if cached.is_none_or(|at| at < i) {
                *cached = Some(search(&bytes[i..]).map_or(bytes.len(), |p| i + p));
            }
            cached.unwrap_or(bytes.len())
        };
        // Terminators and quotes; « » … start with these lead bytes.
        let terminator = find(&mut self.terminator, |b| {
            memchr::memchr3(b'.', b'!', b'?', b)
        });
        let quote = find(&mut self.quote, |b| memchr::memchr3(b'"', 0xC2, 0xE2, b));
        terminator.min(quote)
    }
}

/// A count over the block, made the first time it is asked for: most blocks have no quote
/// left open at a full stop, and never need it.
struct Lazy<F: Fn() -> usize> {
    count: Option<usize>,
    make: F,
}

impl<F: Fn() -> usize> Lazy<F> {
    fn get(&mut self) -> usize {
        *self.count.get_or_insert_with(&self.make)
    }
}

/// How many `»` the text holds: found by its last byte, which ends no other character
/// after 0xC2, with the memchr crate.
fn closing_guillemets(text: &[u8]) -> usize {
    memchr::memchr_iter(0xBB, text)
        .filter(|&p| p > 0 && text[p - 1] == 0xC2)
        .count()
}

/// The sentences of a block, pushed onto `out`.
fn split_block(s: &str, out: &mut Vec<Range<usize>>) {
    let bytes = s.as_bytes();
    let mut guillemets = Lazy {
        count: None,
        make: || closing_guillemets(bytes),
    };
    let mut quotes = Lazy {
        count: None,
        make: || memchr::memchr_iter(b'"', bytes).count(),
    };
    let (mut depth, mut closed, mut quotes_seen) = (0usize, 0usize, 0usize);
    let mut start = 0;
    let mut i = 0;
    let mut next = Next {
        terminator: None,
        quote: None,
    };
    while i < s.len() {
        i = next.from(bytes, i);
        // Told by their bytes: the terminators and the quotes are ASCII but for « » and …,
        // whose second and third bytes say which they are; decoding every character met
        // cost more than the rest.
        let len = match bytes.get(i..) {
            None | Some([]) => break,
            Some([b'.' | b'!' | b'?', ..]) => 1,
            Some([b'"', ..]) => {
                quotes_seen += 1;
                i += 1;
                continue;
            }
            Some(rest @ [0xC2, ..]) => {
                match rest.get(1) {
                    Some(&OPENING) => depth += 1,
                    Some(&CLOSING) => {
                        depth = depth.saturating_sub(1);
                        closed += 1;
                    }
                    _ => {}
                }
                i += 2;
                continue;
            }
            Some(rest) if rest.starts_with(ELLIPSIS) => ELLIPSIS.len(),
            // Another character that starts with 0xE2: three bytes.
            Some(_) => {
                i += 3;
                continue;
            }
        };
        let dot = i;
        let mut j = i + len;
        while let Some(d) = terminator_len(&bytes[j..]) {
            j += d;
        }
        let mut k = j;
        loop {
            match bytes.get(k..) {
                Some([b')' | b']' | b'\'', ..]) => k += 1,
                Some([b'"', ..]) => {
                    quotes_seen += 1;
                    k += 1;
                }
                Some([0xC2, CLOSING, ..]) => {
                    depth = depth.saturating_sub(1);
                    closed += 1;
                    k += 2;
                }
                Some([b' ', 0xC2, CLOSING, ..]) => k += 1,
                _ => break,
            }
        }
        i = k;
        if bytes.get(k) != Some(&b' ') {
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
                // "£60 million of this will fund ...": a sum opens a sentence like a figure.
                | '£' | '$' | '€' | '¥'
            );
        if !starts
            || (len == 1 && bytes[dot] == b'.' && j == dot + 1 && abbreviation(&s[..dot], next))
            || (depth > 0 && closed < guillemets.get())
            || (quotes_seen % 2 == 1 && quotes_seen < quotes.get())
        {
            continue;
        }
        out.push(start..k);
        start = m;
    }
    if start < s.len() {
        out.push(start..s.len());
    }
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

/// Where the word that ends `before` starts: after the last character that is neither
/// alphanumeric nor a full stop.
#[cfg(test)]
fn word_start(before: &str) -> usize {
    word_start_from(before, before.len())
}

/// `word_start`, the bytes from `p` on being known to be ASCII letters, digits or stops.
fn word_start_from(before: &str, mut p: usize) -> usize {
    // ASCII bytes are told by themselves; the first that is not stops the scan, as it stops
    // the scan by characters, which goes on only from a character that is not ASCII.
    let bytes = before.as_bytes();
    while p > 0 && (bytes[p - 1].is_ascii_alphanumeric() || bytes[p - 1] == b'.') {
        p -= 1;
    }
    if p == 0 || bytes[p - 1].is_ascii() {
        return p;
    }
    word_start_by_chars(&before[..p])
}

fn word_start_by_chars(before: &str) -> usize {
    before
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8())
}

/// Whether the full stop after `before` (which ends with the word it closes) belongs to an
/// abbreviation rather than ending the sentence, `next` being what follows the space.
pub(crate) fn abbreviation(before: &str, next: char) -> bool {
    // Seven ASCII letters or digits before the stop are a word longer than any entry, or a
    // part of a dotted word ("N.B", "U.E") longer than three: most sentences end so. They are
    // counted on the way to the word's start, which goes on from where they end.
    let bytes = before.as_bytes();
    let mut p = bytes.len();
    while p > 0 && bytes[p - 1].is_ascii_alphanumeric() {
        p -= 1;
        if bytes.len() - p == 7 {
            return false;
        }
    }
    abbreviated(&before[word_start_from(before, p)..], next)
}

/// Whether `word`, before a full stop, is an abbreviation.
fn abbreviated(word: &str, next: char) -> bool {
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    // No entry, and no part of a dotted word, starts with a digit: a year ends many sentences.
    if first.is_ascii_digit() {
        return false;
    }
    // A word is short: a loop over its bytes costs less than a call to memchr.
    if word.bytes().any(|b| b == b'.') {
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
    match LISTED.get(key_of(word.as_bytes())) {
        Listed::Month => next.is_ascii_digit(),
        Listed::Abbreviation => true,
        Listed::No => false,
    }
}

/// A word of up to eight bytes as a number: words hold no NUL, so no two share a key. A full
/// stop is looked up at every sentence end, and comparing the word with each entry as a
/// string cost more than the rest of splitting.
const fn key_of(word: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < word.len() && i < 8 {
        k |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Listed {
    No,
    Month,
    Abbreviation,
}

const LISTED_SLOTS: usize = 512;

/// `MONTHS` and `ABBREVIATIONS` by key, in a table built at compile time and searched from
/// the key's hash on, a slot or two: a binary search of each list cost a dozen comparisons
/// at most sentence ends.
struct Keys {
    keys: [u64; LISTED_SLOTS],
    listed: [Listed; LISTED_SLOTS],
}

const fn listed_slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LISTED_SLOTS.trailing_zeros())) as usize
}

impl Keys {
    fn get(&self, k: u64) -> Listed {
        let mut at = listed_slot(k);
        loop {
            match self.keys[at] {
                0 => return Listed::No,
                x if x == k => return self.listed[at],
                _ => at = (at + 1) % LISTED_SLOTS,
            }
        }
    }

    /// A month that is also an abbreviation is a month, as it was looked up first.
    const fn build() -> Keys {
        let mut t = Keys {
            keys: [0; LISTED_SLOTS],
            listed: [Listed::No; LISTED_SLOTS],
        };
        let lists: [(Listed, &[&str]); 2] = [
            (Listed::Month, MONTHS),
            (Listed::Abbreviation, ABBREVIATIONS),
        ];
        let mut l = 0;
        while l < lists.len() {
            let (listed, words) = lists[l];
            let mut w = 0;
            while w < words.len() {
                let k = key_of(words[w].as_bytes());
                let mut at = listed_slot(k);
                while t.keys[at] != 0 && t.keys[at] != k {
                    at = (at + 1) % LISTED_SLOTS;
                }
                if t.keys[at] == 0 {
                    t.keys[at] = k;
                    t.listed[at] = listed;
                }
                w += 1;
            }
            l += 1;
        }
        t
    }
}

static LISTED: Keys = Keys::build();

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(s: &str) -> Vec<&str> {
        let mut ranges = Vec::new();
        split_block(s, &mut ranges);
        ranges.into_iter().map(|r| &s[r]).collect()
    }

    /// `abbreviation` as it read before it looked at the last seven bytes and scanned
    /// ASCII bytes by themselves.
    fn abbreviation_by_chars(before: &str, next: char) -> bool {
        abbreviated(&before[word_start_by_chars(before)..], next)
    }

    #[test]
    fn abbreviations_are_told_as_by_characters() {
        for s in [
            "le Dr",
            "la Réf",
            "selon le N.B",
            "les U.S.A",
            "les U.S.AB",
            "a.b.c.d.e.f.g",
            "abcdefg",
            "abcdef",
            "x abcdefgh",
            "ab.cdefghi",
            "abcdefg.h",
            "le 17 janv",
            "ÉTATS-UNIS.U.E",
            "Mme",
            "en 2026",
            "A",
            "l'été",
        ] {
            for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
                for next in ['M', '2'] {
                    assert_eq!(
                        abbreviation(&s[..i], next),
                        abbreviation_by_chars(&s[..i], next),
                        "{:?} {next}",
                        &s[..i]
                    );
                }
            }
        }
    }

    #[test]
    fn closing_guillemets_are_counted_as_characters() {
        for s in [
            "",
            "»",
            "« a » b »",
            "\u{23b}\u{bb}»",
            "\u{bb}\u{1bb}\u{fbbb}»x",
        ] {
            assert_eq!(
                closing_guillemets(s.as_bytes()),
                s.matches('»').count(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn words_start_where_the_scan_by_characters_finds_them() {
        for s in [
            "",
            "a",
            ".",
            "Mr",
            "le Dr",
            "la Réf",
            "N.B",
            "éd",
            "l'été",
            "x\u{a0}Mme",
            "2026",
            "(art",
            "«\u{a0}Gén",
            "Ωmega",
            "word ÉTATS-UNIS.U.E",
            "a\u{300}b",
            "日本語",
        ] {
            for (i, _) in s.char_indices().chain([(s.len(), ' ')]) {
                let before = &s[..i];
                assert_eq!(
                    word_start(before),
                    word_start_by_chars(before),
                    "{before:?}"
                );
            }
        }
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
    fn a_sum_opens_a_sentence() {
        assert_eq!(
            sentences("It will invest £185 million. £60 million will fund councils. $5 go to x."),
            [
                "It will invest £185 million.",
                "£60 million will fund councils.",
                "$5 go to x."
            ]
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
    fn the_next_terminator_or_quote_is_found_as_byte_by_byte() {
        const INTERESTING: [bool; 256] = super::super::byte_table(b".!?\"\xC2\xE2");
        for s in [
            "",
            ".",
            "Fin. D\u{e9}but? Oui! \u{ab} Non \u{bb} \"x\" 3\u{b0} \u{2013} \u{2026}",
            "rien ici",
            "\u{e9}\u{e8}\u{e0} \u{2019}. \u{a0}!",
        ] {
            let bytes = s.as_bytes();
            let mut next = Next {
                terminator: None,
                quote: None,
            };
            // As `split_block` asks: from increasing offsets, reusing what was found.
            for i in (0..=bytes.len()).filter(|&i| s.is_char_boundary(i)) {
                let bytewise = bytes[i..]
                    .iter()
                    .position(|&b| INTERESTING[b as usize])
                    .map_or(bytes.len(), |p| i + p);
                assert_eq!(next.from(bytes, i), bytewise, "{s:?} from {i}");
            }
        }
    }

    #[test]
    fn every_listed_word_is_found_by_its_key_and_no_other() {
        for w in MONTHS {
            assert!(abbreviation(w, '1'), "{w}");
            assert!(!abbreviation(w, 'A'), "{w}");
        }
        for w in ABBREVIATIONS.iter().filter(|w| !w.contains('.')) {
            assert!(abbreviation(&format!("vu {w}"), 'A'), "{w}");
        }
        for w in [
            "Mrs2", "Mr\u{e9}", "MRS", "mr", "Dé", "Junee", "Ju", "ap", "approxi",
        ] {
            assert!(!abbreviation(&format!("vu {w}"), '1'), "{w}");
        }
    }

    #[test]
    fn terminal() {
        assert!(ends_terminal("Fin. »"));
        assert!(!ends_terminal("Renforcer la cyber-résilience"));
    }
}
