//! Tokens and the word list of the date grammar.
//!
//! Text is cut into runs of letters and digits, single punctuation marks and white space.
//! Words are compared in a folded form (ASCII lower case, French accents removed) so that
//! "Décembre", "decembre" and "DÉCEMBRE" are one word.

use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    /// Letters and digits together: "1er", "Q3", "17h30", "8th".
    Mixed,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    /// Byte offsets in the window (`find_dates` reads at most 48 KiB at a time): `u32`
    /// keeps a token in 20 bytes, and a page has one every six bytes.
    start: u32,
    end: u32,
    pub kind: Kind,
    /// The mark itself for punctuation, with apostrophes folded to `'` and dashes to `-`.
    pub punct: char,
    /// Line breaks in the white space before the token (capped).
    pub nl: u8,
    /// White space before the token.
    pub space: bool,
    /// First letter upper case.
    pub cap: bool,
    /// Every letter upper case (and at least two of them).
    pub upper: bool,
    pub nchars: u16,
    /// May start a date: a number, a code such as "Q3", a word such as "mars" or "semaine".
    pub trigger: bool,
}

/// `char::is_alphanumeric` with a shortcut for the accented Latin letters of French text.
fn is_alnum(c: char) -> bool {
    match c {
        '\u{80}'..='\u{BF}' | '\u{2000}'..='\u{206F}' => false,
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        _ => c.is_alphanumeric(),
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

fn fold_punct(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        c => c,
    }
}

/// Cuts `text` into tokens; `out` is cleared first.
pub(super) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let b = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    let mut nl = 0u8;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                i = word(text, i, space, nl, out);
                space = false;
                nl = 0;
                continue;
            }
            match c {
                b' ' | b'\t' | 0x0B | 0x0C => space = true,
                b'\n' => {
                    space = true;
                    nl = nl.saturating_add(1);
                }
                b'\r' => {
                    space = true;
                    if b.get(i + 1) != Some(&b'\n') {
                        nl = nl.saturating_add(1);
                    }
                }
                _ => {
                    out.push(punct_tok(i, i + 1, fold_punct(c as char), space, nl));
                    space = false;
                    nl = 0;
                }
            }
            i += 1;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let len = ch.len_utf8();
        if is_alnum(ch) {
            i = word(text, i, space, nl, out);
            space = false;
            nl = 0;
        } else if is_space(ch) {
            space = true;
            if matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}') {
                nl = nl.saturating_add(1);
            }
            i += len;
        } else {
            out.push(punct_tok(i, i + len, fold_punct(ch), space, nl));
            space = false;
            nl = 0;
            i += len;
        }
    }
}

impl Tok {
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn end(&self) -> usize {
        self.end as usize
    }
}

/// An offset in a window as a token stores it; a window is far shorter than 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

fn punct_tok(start: usize, end: usize, punct: char, space: bool, nl: u8) -> Tok {
    Tok {
        start: offset(start),
        end: offset(end),
        kind: Kind::Punct,
        punct,
        nl,
        space,
        cap: false,
        upper: false,
        nchars: 1,
        trigger: false,
    }
}

const DIGIT: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;

static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        t[i] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Reads the run of letters and digits at `start`, pushes it, returns where it ends.
fn word(text: &str, start: usize, space: bool, nl: u8, out: &mut Vec<Tok>) -> usize {
    let b = text.as_bytes();
    let mut i = start;
    // Bits of the classes seen.
    let mut seen = 0u8;
    let mut nchars = 0usize;
    let mut first_letter: Option<char> = None;
    loop {
        let run = i;
        while let Some(&c) = b.get(i) {
            let class = ASCII_CLASS[usize::from(c)];
            if class == 0 {
                break;
            }
            seen |= class;
            i += 1;
        }
        nchars += i - run;
        if first_letter.is_none() && seen & (LOWER | UPPER) != 0 {
            first_letter = b
                .get(run..i)
                .and_then(|r| r.iter().find(|c| c.is_ascii_alphabetic()))
                .map(|&c| char::from(c));
        }
        if b.get(i).is_none_or(|&c| c < 0x80) {
            break;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        if !is_alnum(ch) {
            break;
        }
        let upper = match ch {
            '\u{C0}'..='\u{DE}' => true,
            '\u{DF}'..='\u{FF}' => false,
            _ => ch.is_uppercase(),
        };
        seen |= if upper { UPPER } else { LOWER };
        if first_letter.is_none() {
            first_letter = Some(ch);
        }
        nchars += 1;
        i += ch.len_utf8();
    }
    let kind = if seen & (LOWER | UPPER) == 0 {
        Kind::Num
    } else if seen & DIGIT == 0 {
        Kind::Word
    } else {
        Kind::Mixed
    };
    let nchars = nchars.min(usize::from(u16::MAX)) as u16;
    let trigger = match kind {
        Kind::Num => true,
        Kind::Mixed => matches!(b.get(start), Some(b'0'..=b'9' | b'Q' | b'T' | b'H' | b'S')),
        _ => text
            .get(start..i)
            .is_some_and(|w| is_trigger_word(w, nchars)),
    };
    out.push(Tok {
        start: offset(start),
        end: offset(i),
        kind,
        punct: '\0',
        nl,
        space,
        cap: first_letter.is_some_and(|c| c.is_uppercase()),
        upper: nchars >= 2 && seen & UPPER != 0 && seen & LOWER == 0,
        nchars,
        trigger,
    });
    i
}

/// One letter in folded form, or None for a letter outside the Latin set we know.
pub(super) fn fold_char(c: char) -> Option<u8> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase() as u8);
    }
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => b'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => b'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => b'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => b'u',
        'ç' | 'Ç' => b'c',
        // Superscript ordinal marks: "1ᵉʳ", "2ⁿᵈ".
        'ᵉ' => b'e',
        'ʳ' => b'r',
        'ˢ' => b's',
        'ᵗ' => b't',
        'ʰ' => b'h',
        'ⁿ' => b'n',
        'ᵈ' => b'd',
        _ => return None,
    })
}

pub(super) const FOLD_MAX: usize = 24;

/// The folded form of `s` in `buf`, or None when too long or not foldable.
pub(super) fn fold<'a>(s: &str, buf: &'a mut [u8; FOLD_MAX]) -> Option<&'a [u8]> {
    let mut n = 0;
    for c in s.chars() {
        let f = fold_char(c)?;
        *buf.get_mut(n)? = f;
        n += 1;
    }
    buf.get(..n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Quarter,
    Half,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
    /// `fr`/`en`: a full month name in that language; `amb`: also an ordinary word
    /// ("may", "march", "mar", "sept", "jan") that needs a capital or a day/year around it.
    Month {
        m: u8,
        fr: bool,
        en: bool,
        full: bool,
        amb: bool,
    },
    Weekday,
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// Today (0), yesterday (-1), tomorrow (1).
    RelDay(i8),
    /// this (0), next (1), last (-1).
    Modifier(i8),
    Ordinal(u8),
    NumWord(u8),
}

impl Lex {
    fn is_trigger(self) -> bool {
        matches!(self, Lex::Month { .. } | Lex::Unit { .. } | Lex::RelDay(_))
    }
}

struct Lexicon {
    words: rustc_hash::FxHashMap<Vec<u8>, Lex>,
    /// Bit `n` of `by_start[26 * first + second]`: some trigger word of n letters starts with
    /// those two letters; `by_end` likewise for its first and last letters.
    by_start: Vec<u32>,
    by_end: Vec<u32>,
}

const fn month(m: u8, fr: bool, en: bool, full: bool, amb: bool) -> Lex {
    Lex::Month {
        m,
        fr,
        en,
        full,
        amb,
    }
}

fn unit(unit: Unit, plural: bool) -> Lex {
    Lex::Unit { unit, plural }
}

#[rustfmt::skip]
fn entries() -> Vec<(&'static str, Lex)> {
    let mut v = vec![
        ("janvier", month(1, true, false, true, false)), ("janv", month(1, true, false, false, false)),
        ("février", month(2, true, false, true, false)), ("févr", month(2, true, false, false, false)),
        ("fév", month(2, true, false, false, false)),
        ("mars", month(3, true, false, true, false)), ("avril", month(4, true, false, true, false)),
        ("avr", month(4, true, false, false, false)), ("mai", month(5, true, false, true, false)),
        ("juin", month(6, true, false, true, false)), ("juillet", month(7, true, false, true, false)),
        ("juil", month(7, true, false, false, false)), ("août", month(8, true, false, true, false)),
        ("septembre", month(9, true, false, true, false)), ("octobre", month(10, true, false, true, false)),
        ("novembre", month(11, true, false, true, false)), ("décembre", month(12, true, false, true, false)),
        ("déc", month(12, true, false, false, false)),
        ("january", month(1, false, true, true, false)), ("jan", month(1, false, true, false, true)),
        ("february", month(2, false, true, true, false)), ("feb", month(2, false, true, false, false)),
        ("march", month(3, false, true, true, true)), ("mar", month(3, false, true, false, true)),
        ("april", month(4, false, true, true, false)), ("apr", month(4, false, true, false, false)),
        ("may", month(5, false, true, true, true)), ("june", month(6, false, true, true, false)),
        ("jun", month(6, false, true, false, false)), ("july", month(7, false, true, true, false)),
        ("jul", month(7, false, true, false, false)), ("august", month(8, false, true, true, false)),
        ("aug", month(8, false, true, false, false)), ("september", month(9, false, true, true, false)),
        ("sep", month(9, false, true, false, false)), ("sept", month(9, true, true, false, true)),
        ("october", month(10, false, true, true, false)), ("oct", month(10, true, true, false, false)),
        ("november", month(11, false, true, true, false)), ("nov", month(11, true, true, false, false)),
        ("december", month(12, false, true, true, false)), ("dec", month(12, true, true, false, false)),
        ("jour", unit(Unit::Day, false)), ("jours", unit(Unit::Day, true)),
        ("day", unit(Unit::Day, false)), ("days", unit(Unit::Day, true)),
        ("semaine", unit(Unit::Week, false)), ("semaines", unit(Unit::Week, true)),
        ("week", unit(Unit::Week, false)), ("weeks", unit(Unit::Week, true)),
        ("mois", unit(Unit::Month, false)),
        ("month", unit(Unit::Month, false)), ("months", unit(Unit::Month, true)),
        ("année", unit(Unit::Year, false)), ("années", unit(Unit::Year, true)),
        ("an", unit(Unit::Year, false)), ("ans", unit(Unit::Year, true)),
        ("year", unit(Unit::Year, false)), ("years", unit(Unit::Year, true)),
        ("trimestre", unit(Unit::Quarter, false)), ("trimestres", unit(Unit::Quarter, true)),
        ("quarter", unit(Unit::Quarter, false)), ("quarters", unit(Unit::Quarter, true)),
        ("semestre", unit(Unit::Half, false)), ("semestres", unit(Unit::Half, true)),
        ("half", unit(Unit::Half, false)), ("moitié", unit(Unit::Half, false)),
        ("aujourd", Lex::RelDay(0)), ("today", Lex::RelDay(0)),
        ("hier", Lex::RelDay(-1)), ("yesterday", Lex::RelDay(-1)),
        ("demain", Lex::RelDay(1)), ("tomorrow", Lex::RelDay(1)),
        ("ce", Lex::Modifier(0)), ("cet", Lex::Modifier(0)), ("cette", Lex::Modifier(0)),
        ("this", Lex::Modifier(0)), ("current", Lex::Modifier(0)),
        ("prochain", Lex::Modifier(1)), ("prochaine", Lex::Modifier(1)),
        ("next", Lex::Modifier(1)), ("coming", Lex::Modifier(1)),
        ("dernier", Lex::Modifier(-1)), ("dernière", Lex::Modifier(-1)),
        ("passé", Lex::Modifier(-1)), ("passée", Lex::Modifier(-1)),
        ("last", Lex::Modifier(-1)), ("past", Lex::Modifier(-1)), ("previous", Lex::Modifier(-1)),
        ("premier", Lex::Ordinal(1)), ("première", Lex::Ordinal(1)), ("first", Lex::Ordinal(1)),
        ("deuxième", Lex::Ordinal(2)), ("second", Lex::Ordinal(2)), ("seconde", Lex::Ordinal(2)),
        ("troisième", Lex::Ordinal(3)), ("third", Lex::Ordinal(3)),
        ("quatrième", Lex::Ordinal(4)), ("fourth", Lex::Ordinal(4)),
        ("un", Lex::NumWord(1)), ("une", Lex::NumWord(1)), ("one", Lex::NumWord(1)), ("a", Lex::NumWord(1)),
        ("deux", Lex::NumWord(2)), ("two", Lex::NumWord(2)), ("trois", Lex::NumWord(3)),
        ("three", Lex::NumWord(3)), ("quatre", Lex::NumWord(4)), ("four", Lex::NumWord(4)),
        ("cinq", Lex::NumWord(5)), ("five", Lex::NumWord(5)), ("six", Lex::NumWord(6)),
        ("seven", Lex::NumWord(7)), ("huit", Lex::NumWord(8)), ("eight", Lex::NumWord(8)),
        ("neuf", Lex::NumWord(9)), ("nine", Lex::NumWord(9)), ("dix", Lex::NumWord(10)),
        ("ten", Lex::NumWord(10)), ("douze", Lex::NumWord(12)), ("twelve", Lex::NumWord(12)),
        ("quinze", Lex::NumWord(15)), ("fifteen", Lex::NumWord(15)), ("vingt", Lex::NumWord(20)),
        ("twenty", Lex::NumWord(20)), ("trente", Lex::NumWord(30)), ("thirty", Lex::NumWord(30)),
    ];
    for w in ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
        v.push((w, Lex::Weekday));
    }
    v
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut words = rustc_hash::FxHashMap::default();
    let (mut by_start, mut by_end) = (vec![0u32; 26 * 26], vec![0u32; 26 * 26]);
    for (w, lex) in entries() {
        let mut buf = [0u8; FOLD_MAX];
        let Some(f) = fold(w, &mut buf) else { continue };
        if lex.is_trigger()
            && let (Some(a), Some(b), Some(z)) =
                (letter(f.first()), letter(f.get(1)), letter(f.last()))
            && f.len() < 32
        {
            by_start[a * 26 + b] |= 1 << f.len();
            by_end[a * 26 + z] |= 1 << f.len();
        }
        words.insert(f.to_vec(), lex);
    }
    Lexicon {
        words,
        by_start,
        by_end,
    }
});

pub(super) fn lookup(folded: &[u8]) -> Option<Lex> {
    LEXICON.words.get(folded).copied()
}

fn letter(b: Option<&u8>) -> Option<usize> {
    b.filter(|b| b.is_ascii_lowercase())
        .map(|b| usize::from(b - b'a'))
}

/// Whether the word `s` of `nchars` letters can start a date ("mars", "semaine", "today").
/// Its length and first, second and last letters turn most words away before any folding.
pub(super) fn is_trigger_word(s: &str, nchars: u16) -> bool {
    if !(2..32).contains(&nchars) {
        return false;
    }
    let (a, b, z) = match *s.as_bytes() {
        // Most words are ASCII at both ends: their letters need no decoding or folding.
        [a, b, .., z] if a.is_ascii() && b.is_ascii() && z.is_ascii() => {
            let l = |c: u8| letter(Some(&c.to_ascii_lowercase()));
            (l(a), l(b), l(z))
        }
        _ => {
            let fl = |c: Option<char>| c.and_then(fold_char);
            let mut cs = s.chars();
            let (Some(a), Some(b), Some(z)) =
                (fl(cs.next()), fl(cs.next()), fl(s.chars().next_back()))
            else {
                return false;
            };
            (letter(Some(&a)), letter(Some(&b)), letter(Some(&z)))
        }
    };
    let (Some(a), Some(b), Some(z)) = (a, b, z) else {
        return false;
    };
    let bit = 1u32 << nchars;
    let lx = &*LEXICON;
    if lx.by_start[a * 26 + b] & bit == 0 || lx.by_end[a * 26 + z] & bit == 0 {
        return false;
    }
    let mut buf = [0u8; FOLD_MAX];
    fold(s, &mut buf)
        .and_then(lookup)
        .is_some_and(Lex::is_trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter()
            .map(|t| (s[t.start()..t.end()].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn tokens_split_words_numbers_and_marks() {
        let k = kinds("Le 1er mars, d’ici 2030\u{a0}– 17h30");
        let texts: Vec<&str> = k.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Le", "1er", "mars", ",", "d", "’", "ici", "2030", "–", "17h30"
            ]
        );
        assert_eq!(k[1].1, Kind::Mixed);
        assert_eq!(k[7].1, Kind::Num);
    }

    #[test]
    fn folding_removes_case_and_accents() {
        let mut buf = [0u8; FOLD_MAX];
        assert_eq!(fold("DÉCEMBRE", &mut buf), Some(&b"decembre"[..]));
        assert_eq!(
            lookup(b"fevrier").map(|l| matches!(l, Lex::Month { m: 2, .. })),
            Some(true)
        );
        assert!(is_trigger_word("Septembre", 9));
        assert!(is_trigger_word("année", 5));
        assert!(!is_trigger_word("and", 3));
        assert!(!is_trigger_word("zinc", 4));
    }
}
