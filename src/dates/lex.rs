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
    /// keeps a token small, and a page has one every six bytes.
    start: u32,
    end: u32,
    /// The mark itself for punctuation, with apostrophes folded to `'` and dashes to `-`.
    pub punct: char,
    pub nchars: u16,
    pub kind: Kind,
    /// Line breaks in the white space before the token (capped).
    pub nl: u8,
    /// White space before the token.
    pub space: bool,
    /// Only ASCII letters and digits: folding the word is lower-casing it.
    pub ascii: bool,
    /// The word's entry in the lexicon, looked up once here rather than by every rule of
    /// the grammar that asks.
    pub lex: Option<Lex>,
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

/// The tokens of a text, and those the grammar has something to do at.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    pub toks: Vec<Tok>,
    /// Indices of the tokens where a parse may start, in order: the triggers, and the words
    /// before a ':' or '.', which may open a URL that the grammar skips. The grammar visits
    /// these alone rather than every token.
    pub marks: Vec<u32>,
}

impl Tokens {
    pub(super) const fn new() -> Tokens {
        Tokens {
            toks: Vec::new(),
            marks: Vec::new(),
        }
    }

    #[inline]
    fn push_word(&mut self, tok: Tok, trigger: bool) {
        if trigger {
            self.marks.push(offset(self.toks.len()));
        }
        self.toks.push(tok);
    }

    #[inline]
    fn push_punct(&mut self, tok: Tok) {
        if matches!(tok.punct, '.' | ':') && self.toks.last().is_some_and(|t| t.kind == Kind::Word)
        {
            let word = offset(self.toks.len() - 1);
            if self.marks.last() != Some(&word) {
                self.marks.push(word);
            }
        }
        self.toks.push(tok);
    }
}

/// What the white space before a token holds: whether there is any, and its line breaks.
#[derive(Clone, Copy)]
struct Before {
    space: bool,
    nl: u8,
}

impl Before {
    /// Right after another token.
    const NONE: Before = Before {
        space: false,
        nl: 0,
    };
    /// After white space without a line break, as the first token is.
    const SPACE: Before = Before { space: true, nl: 0 };

    fn add(&mut self, c: char) {
        self.space = true;
        if matches!(c, '\n' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            self.nl = self.nl.saturating_add(1);
        }
    }
}

/// Cuts `text` into tokens; `out` is cleared first.
pub(super) fn tokenize(text: &str, out: &mut Tokens) {
    out.toks.clear();
    out.marks.clear();
    let lexicon = &*LEXICON;
    // Offsets are kept in 32 bits (`offset`).
    let text = first_4_gib(text);
    let b = text.as_bytes();
    let mut i = 0;
    let mut before = Before::SPACE;
    while let Some(&c) = b.get(i) {
        // One look-up sorts most bytes of prose: letters and digits, blanks, marks.
        let class = ASCII_CLASS[usize::from(c)];
        if class & ALNUM != 0 {
            let start = i;
            let seen;
            (i, seen) = ascii_run(b, i);
            // Most words end at an ASCII byte or a mark ("d’", "2030\u{a0}"); one that goes
            // on past ASCII ("réunion") is read on from there by the general reading.
            if goes_on(text, i) {
                let run = read_run_from(text, start, i, seen);
                i = run.end;
                let (tok, trigger) = word(text, start, &run, before, lexicon);
                out.push_word(tok, trigger);
            } else {
                let (tok, trigger) = ascii_word(b, start, i, seen, before, lexicon);
                out.push_word(tok, trigger);
            }
            // A word and one space: the next token is read at once.
            before = Before::NONE;
            if b.get(i) == Some(&b' ') {
                before = Before::SPACE;
                i += 1;
            }
            continue;
        }
        if c < 0x80 {
            if class & BLANK != 0 {
                // A CR ends a line but in CR LF, where the LF does.
                if c != b'\r' || b.get(i + 1) != Some(&b'\n') {
                    before.add(char::from(if c == b'\r' { b'\n' } else { c }));
                } else {
                    before.space = true;
                }
            } else {
                out.push_punct(punct_tok(i, i + 1, fold_punct(char::from(c)), before));
                before = Before::NONE;
            }
            i += 1;
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        let len = ch.len_utf8();
        if is_alnum(ch) {
            let run = read_run_from(text, i, i, 0);
            let (tok, trigger) = word(text, i, &run, before, lexicon);
            out.push_word(tok, trigger);
            i = run.end;
            before = Before::NONE;
        } else if is_space(ch) {
            before.add(ch);
            i += len;
        } else {
            out.push_punct(punct_tok(i, i + len, fold_punct(ch), before));
            before = Before::NONE;
            i += len;
        }
    }
}

/// Whether the ASCII run of letters and digits ending at `i` goes on with a letter beyond
/// ASCII ("r" of "réunion").
#[inline]
fn goes_on(text: &str, i: usize) -> bool {
    text.as_bytes().get(i).is_some_and(|&c| c >= 0x80) && wide_alnum_at(text, i)
}

/// Whether the character at `i`, beyond ASCII, is a letter or digit. The accented letters
/// of French are told from a table without decoding; the marks and spaces that usually
/// follow a word ("d’", "2030\u{a0}") are decoded.
fn wide_alnum_at(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    match (b.get(i), b.get(i + 1)) {
        (Some(0xC3), Some(&d)) => LATIN1_CLASS[usize::from(d & 0x3F)] != 0,
        _ => text
            .get(i..)
            .and_then(|s| s.chars().next())
            .is_some_and(is_alnum),
    }
}

/// Whether `text` may hold a date: false only when none of its tokens could start one, so
/// that the many sentences without a number or a date word are not tokenized at all. Says
/// yes for any ASCII digit, since every number starts a date; otherwise reads the words as
/// `tokenize` cuts them and asks the lexicon whether one is a trigger.
pub(super) fn may_hold_date(text: &str) -> bool {
    let b = text.as_bytes();
    if has_ascii_digit(b) {
        return true;
    }
    // Without digits every run of letters and digits is a word (`Kind::Word`): the
    // automaton of the trigger words reads them as `tokenize` cuts them.
    let automaton = &LEXICON.trigger_words;
    let mut state = BETWEEN;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let mut class = LETTER_CLASS[usize::from(c)];
        if class == WIDE {
            let len;
            (class, len) = wide_letter(text, i);
            i += len;
        } else {
            i += 1;
        }
        state = automaton.step(state, class);
        if state == FOUND {
            return true;
        }
        // The rest of a word that is no trigger, as far as it is ASCII, is passed over.
        if state == OTHER {
            (i, _) = ascii_run(b, i);
        }
    }
    automaton.step(state, NO_LETTER) == FOUND
}

/// Whether `b` holds an ASCII digit, read a block at a time without a branch per byte.
fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(32).any(|block| {
        block
            .iter()
            .fold(0u8, |any, &c| any | u8::from(c.wrapping_sub(b'0') < 10))
            != 0
    })
}

/// Where the run of ASCII letters and digits at `i` ends, and the classes it holds.
#[inline]
fn ascii_run(b: &[u8], mut i: usize) -> (usize, u8) {
    let mut seen = 0;
    while let Some(&c) = b.get(i) {
        let class = ASCII_CLASS[usize::from(c)] & ALNUM;
        if class == 0 {
            break;
        }
        seen |= class;
        i += 1;
    }
    (i, seen)
}

/// The token of the ASCII letters and digits `b[start..end]`, of the classes `seen`: what
/// `word` gives for them, without decoding; and whether it may start a date.
#[inline]
fn ascii_word(
    b: &[u8],
    start: usize,
    end: usize,
    seen: u8,
    before: Before,
    lexicon: &Lexicon,
) -> (Tok, bool) {
    let len = end - start;
    let first = b.get(start).copied();
    let kind = kind_of(seen);
    let lex = match kind {
        Kind::Word => lexicon.find_ascii(b, start, end),
        _ => None,
    };
    let tok = Tok {
        start: offset(start),
        end: offset(end),
        punct: '\0',
        nchars: len.min(usize::from(u16::MAX)) as u16,
        kind,
        nl: before.nl,
        space: before.space,
        ascii: true,
        lex,
    };
    (tok, is_trigger(kind, first, lex))
}

/// What a run of letters and digits is, from the classes of its characters (`seen`).
fn kind_of(seen: u8) -> Kind {
    if seen & (LOWER | UPPER) == 0 {
        Kind::Num
    } else if seen & DIGIT == 0 {
        Kind::Word
    } else {
        Kind::Mixed
    }
}

/// May a token start a date: any number, a code such as "Q3" or "1er", a word such as "mars".
fn is_trigger(kind: Kind, first: Option<u8>, lex: Option<Lex>) -> bool {
    match kind {
        Kind::Num => true,
        Kind::Mixed => matches!(first, Some(b'0'..=b'9' | b'Q' | b'T' | b'H' | b'S')),
        Kind::Word => lex.is_some_and(Lex::is_trigger),
        Kind::Punct => false,
    }
}

impl Tok {
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }

    pub(super) fn end(&self) -> usize {
        self.end as usize
    }

    /// May start a date: a number, a code such as "Q3" or "1er", a word such as "mars" or
    /// "semaine". `text` is the text the token was read from.
    pub(super) fn trigger(&self, text: &str) -> bool {
        let first = text.as_bytes().get(self.start()).copied();
        is_trigger(self.kind, first, self.lex)
    }

    /// Whether the first letter is upper case (after any digits: "1ᵉʳ"). Read from `text`
    /// when asked, as the grammar seldom asks, rather than for every token.
    pub(super) fn cap(&self, text: &str) -> bool {
        if self.kind == Kind::Punct {
            return false;
        }
        let word = text.get(self.start()..self.end()).unwrap_or("");
        word.chars()
            .find(|c| !c.is_ascii_digit())
            .is_some_and(char::is_uppercase)
    }

    /// Whether every letter is upper case, of two characters at least, one of them a
    /// letter: read from `text` as `cap` is.
    pub(super) fn upper(&self, text: &str) -> bool {
        if self.kind == Kind::Punct || self.nchars < 2 {
            return false;
        }
        let word = text.get(self.start()..self.end()).unwrap_or("");
        let mut letters = word.chars().filter(|c| !c.is_ascii_digit()).peekable();
        letters.peek().is_some() && letters.all(is_upper)
    }
}

/// Whether a letter counts as upper case: the letters from U+00C0 to U+00DE are, those
/// from U+00DF to U+00FF are not, others as `char::is_uppercase` says.
fn is_upper(c: char) -> bool {
    match c {
        '\u{C0}'..='\u{DE}' => true,
        '\u{DF}'..='\u{FF}' => false,
        _ => c.is_uppercase(),
    }
}

/// The text up to its last character that ends within 4 GiB.
#[inline]
fn first_4_gib(text: &str) -> &str {
    let max = u32::MAX as usize;
    if text.len() <= max {
        return text;
    }
    let end = (max - 3..=max).rev().find(|&n| text.is_char_boundary(n));
    text.get(..end.unwrap_or(0)).unwrap_or("")
}

/// An offset in a window as a token stores it: `tokenize` reads at most the first 4 GiB of
/// a text (`find_dates` gives it 48 KiB at most), so that every offset fits.
#[inline]
fn offset(at: usize) -> u32 {
    at as u32
}

fn punct_tok(start: usize, end: usize, punct: char, before: Before) -> Tok {
    Tok {
        start: offset(start),
        end: offset(end),
        punct,
        nchars: 1,
        kind: Kind::Punct,
        nl: before.nl,
        space: before.space,
        ascii: punct.is_ascii(),
        lex: None,
    }
}

const DIGIT: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const ALNUM: u8 = DIGIT | LOWER | UPPER;
/// ASCII white space: what separates tokens without being one.
const BLANK: u8 = 8;

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
        } else if matches!(c, b' ' | b'\t' | 0x0B | 0x0C | b'\n' | b'\r') {
            BLANK
        } else {
            0
        };
        i += 1;
    }
    t
};

/// A run of letters and digits as the general reading sees it.
struct Run {
    start: usize,
    end: usize,
    /// Bits of the classes seen.
    seen: u8,
    nchars: usize,
    /// No letter beyond ASCII.
    ascii: bool,
}

impl Run {
    fn kind(&self) -> Kind {
        kind_of(self.seen)
    }

    /// Whether the run may be a word of `filter`: its first, second and last letters
    /// folded, read without folding the whole run, since most runs are no such word.
    fn may_be(&self, text: &str, filter: &Filter) -> bool {
        if self.kind() != Kind::Word || self.nchars > LEXICON_MAX {
            return false;
        }
        let (a, len) = letter_at(text, self.start);
        let second = if self.nchars > 1 {
            letter_at(text, self.start + len).0
        } else {
            a
        };
        // The last letter starts at the last byte that does not go on a character.
        let b = text.as_bytes();
        let mut last = self.end.saturating_sub(1);
        while last > self.start && b.get(last).is_some_and(|c| c & 0xC0 == 0x80) {
            last -= 1;
        }
        filter.may_hold_letters(a, second, letter_at(text, last).0, self.nchars)
    }

    /// The run folded into `buf`: None if a letter does not fold or it is too long for the
    /// lexicon.
    fn folded<'a>(&self, text: &str, buf: &'a mut [u8; FOLD_MAX]) -> Option<&'a [u8]> {
        let mut i = self.start;
        let mut n = 0;
        while i < self.end {
            let (folded, len) = letter_at(text, i);
            if folded == 0 {
                return None;
            }
            *buf.get_mut(n)? = folded;
            n += 1;
            i += len;
        }
        buf.get(..n)
    }

    /// The lexicon's entry for the run, if it is a word.
    fn entry(&self, text: &str, lexicon: &Lexicon) -> Option<Lex> {
        if !self.may_be(text, &lexicon.all) {
            return None;
        }
        let mut buf = [0u8; FOLD_MAX];
        lexicon
            .words
            .get(&key(self.folded(text, &mut buf)?)?)
            .copied()
    }
}

/// The letter at `i` folded (0 for one that does not fold: a digit, a letter beyond the
/// Latin ones we know), and its length in bytes.
#[inline(always)]
fn letter_at(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes();
    match (b.get(i), b.get(i + 1)) {
        (Some(&c), _) if c < 0x80 => (if c.is_ascii_alphabetic() { c | 0x20 } else { 0 }, 1),
        (Some(0xC3), Some(&d)) => (LATIN1_FOLD[usize::from(d & 0x3F)], 2),
        _ => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(ch) => (fold_char(ch).unwrap_or(0), ch.len_utf8()),
            None => (0, 1),
        },
    }
}

/// Reads the run of letters and digits at `start`, letters beyond ASCII included, whose
/// ASCII letters and digits up to `from`, of the classes `seen`, were read already: such a
/// run alternates ASCII stretches, read as `ascii_run` reads them, with accented letters.
fn read_run_from(text: &str, start: usize, from: usize, seen: u8) -> Run {
    let b = text.as_bytes();
    let mut run = Run {
        start,
        end: from,
        seen,
        nchars: from - start,
        ascii: true,
    };
    // At `i`, after an ASCII stretch: a letter beyond ASCII, or the end of the run.
    let mut i = from;
    while let Some(&c) = b.get(i) {
        let (class, len) = match (c, b.get(i + 1)) {
            // The letters of French are two bytes from U+00C0 on: read without decoding.
            (0xC3, Some(&d)) => {
                let class = LATIN1_CLASS[usize::from(d & 0x3F)];
                if class == 0 {
                    break;
                }
                (class, 2)
            }
            (0x80.., _) => {
                let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
                    break;
                };
                if !is_alnum(ch) {
                    break;
                }
                (if ch.is_uppercase() { UPPER } else { LOWER }, ch.len_utf8())
            }
            _ => break,
        };
        run.ascii = false;
        run.seen |= class;
        run.nchars += 1;
        i += len;
        let (end, class) = ascii_run(b, i);
        run.seen |= class;
        run.nchars += end - i;
        i = end;
    }
    run.end = i;
    run
}

/// The token of `run`, the letters and digits read at `start`: the general reading, for
/// words with letters beyond ASCII; and whether it may start a date.
fn word(text: &str, start: usize, run: &Run, before: Before, lexicon: &Lexicon) -> (Tok, bool) {
    let kind = run.kind();
    let lex = run.entry(text, lexicon);
    let tok = Tok {
        start: offset(start),
        end: offset(run.end),
        punct: '\0',
        nchars: run.nchars.min(usize::from(u16::MAX)) as u16,
        kind,
        nl: before.nl,
        space: before.space,
        ascii: run.ascii,
        lex,
    };
    let first = text.as_bytes().get(start).copied();
    (tok, is_trigger(kind, first, lex))
}

/// One letter in folded form, or None for a letter outside the Latin set we know.
pub(super) const fn fold_char(c: char) -> Option<u8> {
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

/// `fold_char` of U+00C0 to U+00FF, the accented letters of French, 0 for a character
/// that does not fold: looked up by `read_run` rather than matched.
static LATIN1_FOLD: [u8; 64] = {
    let mut table = [0u8; 64];
    let mut k = 0;
    while k < 64 {
        if let Some(c) = char::from_u32(0xC0 + k as u32)
            && let Some(f) = fold_char(c)
        {
            table[k] = f;
        }
        k += 1;
    }
    table
};

/// The class (`UPPER` or `LOWER`) of U+00C0 to U+00FF, the accented letters of French, 0
/// for the two signs among them (× and ÷), which are no letters: looked up by the readers
/// of runs rather than decoded.
static LATIN1_CLASS: [u8; 64] = {
    let mut table = [0u8; 64];
    let mut k = 0;
    while k < 64 {
        table[k] = match 0xC0 + k {
            0xD7 | 0xF7 => 0,
            0xC0..=0xDE => UPPER,
            _ => LOWER,
        };
        k += 1;
    }
    table
};

pub(super) const FOLD_MAX: usize = 24;

/// The folded form of `s` in `buf`, or None when too long or not foldable.
pub(super) fn fold<'a>(s: &str, buf: &'a mut [u8; FOLD_MAX]) -> Option<&'a [u8]> {
    if s.is_ascii() {
        return fold_ascii(s.as_bytes(), buf);
    }
    let mut n = 0;
    for c in s.chars() {
        let f = fold_char(c)?;
        *buf.get_mut(n)? = f;
        n += 1;
    }
    buf.get(..n)
}

/// `fold` of ASCII text: letters and digits lower-cased, nothing else foldable.
fn fold_ascii<'a>(s: &[u8], buf: &'a mut [u8; FOLD_MAX]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..s.len())?;
    for (o, &c) in out.iter_mut().zip(s) {
        if !c.is_ascii_alphanumeric() {
            return None;
        }
        *o = c.to_ascii_lowercase();
    }
    Some(out)
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
    /// A season, by its first and last month (winter runs from 12 to 2).
    Season {
        from: u8,
        to: u8,
    },
    /// this (0), next (1), last (-1).
    Modifier(i8),
    Ordinal(u8),
    NumWord(u8),
}

impl Lex {
    fn is_trigger(self) -> bool {
        matches!(
            self,
            Lex::Month { .. } | Lex::Unit { .. } | Lex::RelDay(_) | Lex::Season { .. }
        )
    }
}

struct Lexicon {
    /// By `key` of the folded word.
    words: rustc_hash::FxHashMap<u64, Lex>,
    /// Of every word.
    all: Filter,
    /// The words that may start a date.
    trigger_words: Automaton,
}

/// The words that may start a date as an automaton over bytes: the pre-scan reads a text
/// through it a byte at a time, a table look-up each, rather than cutting it into words
/// and asking the lexicon about each.
///
/// A state is where the reading stands: between words (`BETWEEN`), in a word that is no
/// trigger (`OTHER`), past a trigger word (`FOUND`), or in a word whose letters so far,
/// folded, begin some trigger word (one state per such beginning). A state is kept as its
/// row in the table of moves, `state << 5`, which a class of character completes into the
/// place of the move.
struct Automaton {
    /// The row of the state after the state of row `row` and a character of class
    /// `class`, at `row | class`.
    next: [u16; 256 * 32],
    /// Whether the state's letters are a whole trigger word, by state.
    whole: [bool; 256],
    /// How many states there are: fewer than 256, which a test sees to.
    states: usize,
}

const BETWEEN: u16 = 0;
const OTHER: u16 = 1 << 5;
const FOUND: u16 = 2 << 5;

/// Classes of characters for `Automaton`: a letter folded, 0 to 25 for "a" to "z"; another
/// letter or a digit, which no trigger word holds; a character that is no letter or digit,
/// which ends a word; and, only in `LETTER_CLASS`, a byte beyond ASCII, whose character
/// `wide_letter` classes.
const OTHER_LETTER: u8 = 26;
const NO_LETTER: u8 = 27;
const WIDE: u8 = 28;

impl Automaton {
    /// The automaton of the folded words `words` (ASCII letters, at most 12 of them).
    fn new<'a>(words: impl Iterator<Item = &'a [u8]>) -> Automaton {
        let mut automaton = Automaton {
            next: [OTHER; 256 * 32],
            whole: [false; 256],
            states: usize::from(FOUND >> 5) + 1,
        };
        for word in words {
            let mut row = BETWEEN;
            for &c in word {
                let at = usize::from(row) | usize::from(c.wrapping_sub(b'a') & 31);
                let (Some(next), Ok(new)) = (
                    automaton.next.get_mut(at),
                    u16::try_from(automaton.states << 5),
                ) else {
                    break;
                };
                if *next == OTHER {
                    *next = new;
                    automaton.states += 1;
                }
                row = *next;
            }
            if let Some(whole) = automaton.whole.get_mut(usize::from(row >> 5)) {
                *whole = true;
            }
        }
        for (state, &whole) in automaton.whole.iter().enumerate() {
            let row = state << 5;
            let end = if whole || row == usize::from(FOUND) {
                FOUND
            } else {
                BETWEEN
            };
            if let Some(moves) = automaton.next.get_mut(row..row + 32) {
                if row == usize::from(FOUND) {
                    moves.fill(FOUND);
                }
                moves[usize::from(NO_LETTER)] = end;
            }
        }
        automaton
    }

    #[inline]
    fn step(&self, row: u16, class: u8) -> u16 {
        self.next[usize::from(row | u16::from(class)) & (256 * 32 - 1)]
    }
}

/// `Automaton` classes of bytes: those of the ASCII characters, and `WIDE` for the bytes
/// beyond ASCII.
static LETTER_CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            b.to_ascii_lowercase() - b'a'
        } else if b.is_ascii_digit() {
            OTHER_LETTER
        } else {
            NO_LETTER
        };
        c += 1;
    }
    t
};

/// The `Automaton` class of the character beyond ASCII at `i`, and its length: an accented
/// letter counts as the letter it folds to ("é" as "e"), as in the lexicon.
fn wide_letter(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes();
    let class = |folded: Option<u8>| match folded {
        Some(f @ b'a'..=b'z') => f - b'a',
        _ => OTHER_LETTER,
    };
    if let (Some(0xC3), Some(&d)) = (b.get(i), b.get(i + 1)) {
        let low = usize::from(d & 0x3F);
        if LATIN1_CLASS[low] == 0 {
            return (NO_LETTER, 2);
        }
        return (
            class((LATIN1_FOLD[low] != 0).then_some(LATIN1_FOLD[low])),
            2,
        );
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(ch) if is_alnum(ch) => (class(fold_char(ch)), ch.len_utf8()),
        Some(ch) => (NO_LETTER, ch.len_utf8()),
        None => (NO_LETTER, 1),
    }
}

/// Which words may be in a set, from their length and three of their letters. Bit `n` of
/// `by_start[first][second]`: some word of n letters starts with those two letters (a word
/// of one letter counts its letter twice); `by_end` likewise for its first and last
/// letters. Together they turn nine words in ten away before any hashing. Letters index
/// them by their last five bits, which tells apart the 26 of either case.
struct Filter {
    by_start: [[u32; 32]; 32],
    by_end: [[u32; 32]; 32],
}

impl Filter {
    const EMPTY: Filter = Filter {
        by_start: [[0; 32]; 32],
        by_end: [[0; 32]; 32],
    };

    fn add(&mut self, folded: &[u8]) {
        let (Some(&a), Some(&z)) = (folded.first(), folded.last()) else {
            return;
        };
        let b = folded.get(1).copied().unwrap_or(a);
        let ix = |c: u8| usize::from(c & 31);
        self.by_start[ix(a)][ix(b)] |= 1 << folded.len();
        self.by_end[ix(a)][ix(z)] |= 1 << folded.len();
    }

    /// Whether the set may hold the word of `n` letters whose first, second and last are
    /// `a`, `b` and `z` (a word of one letter counts it twice): never false for one it
    /// holds, in either case; may be true for other bytes than letters.
    #[inline]
    fn may_hold_letters(&self, a: u8, b: u8, z: u8, n: usize) -> bool {
        let ix = |c: u8| usize::from(c & 31);
        let bit = 1u32 << n.min(31);
        self.by_start[ix(a)][ix(b)] & self.by_end[ix(a)][ix(z)] & bit != 0
    }
}

/// No word of the lexicon is longer; `key` tells apart words of up to this many letters.
const LEXICON_MAX: usize = 12;

/// A folded word of at most `LEXICON_MAX` letters as a number, five bits a letter: cheaper
/// to hash and compare than the bytes. None for anything but ASCII letters, of either case.
pub(super) fn key(word: &[u8]) -> Option<u64> {
    if word.len() > LEXICON_MAX {
        return None;
    }
    word.iter().try_fold(0u64, |k, &c| {
        c.is_ascii_alphabetic().then(|| k << 5 | u64::from(c & 31))
    })
}

/// `key` of a word as written, folded first when it has letters beyond ASCII.
pub(super) fn folded_key(word: &str) -> Option<u64> {
    if word.is_ascii() {
        return key(word.as_bytes());
    }
    let mut buf = [0u8; FOLD_MAX];
    key(fold(word, &mut buf)?)
}

impl Lexicon {
    /// The entry of the word of ASCII letters `b[start..end]`: the filter is asked with
    /// the bytes it reads, the word cut out of the text only for the few that pass.
    #[inline]
    fn find_ascii(&self, b: &[u8], start: usize, end: usize) -> Option<Lex> {
        let len = end.checked_sub(start)?;
        let a = *b.get(start)?;
        let second = if len > 1 { b.get(start + 1)? } else { &a };
        let last = b.get(end.checked_sub(1)?)?;
        if len > LEXICON_MAX || !self.all.may_hold_letters(a, *second, *last, len) {
            return None;
        }
        self.words.get(&key(b.get(start..end)?)?).copied()
    }
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
        ("onze", Lex::NumWord(11)), ("eleven", Lex::NumWord(11)), ("treize", Lex::NumWord(13)),
        ("thirteen", Lex::NumWord(13)), ("quatorze", Lex::NumWord(14)),
        ("fourteen", Lex::NumWord(14)), ("seize", Lex::NumWord(16)), ("sixteen", Lex::NumWord(16)),
        ("seventeen", Lex::NumWord(17)), ("eighteen", Lex::NumWord(18)),
        ("nineteen", Lex::NumWord(19)),
    ];
    for (w, from, to) in [("printemps", 3, 5), ("été", 6, 8), ("automne", 9, 11), ("hiver", 12, 2),
                          ("spring", 3, 5), ("summer", 6, 8), ("autumn", 9, 11), ("winter", 12, 2),
                          ("rentrée", 9, 9)] {
        v.push((w, Lex::Season { from, to }));
    }
    for w in ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] {
        v.push((w, Lex::Weekday));
    }
    v
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon = Lexicon {
        words: rustc_hash::FxHashMap::default(),
        all: Filter::EMPTY,
        trigger_words: Automaton::new(std::iter::empty()),
    };
    for (w, lex) in entries() {
        let mut buf = [0u8; FOLD_MAX];
        let Some(f) = fold(w, &mut buf) else { continue };
        let Some(k) = key(f) else { continue };
        lexicon.all.add(f);
        lexicon.words.insert(k, lex);
    }
    // Of two equal folded words the later entry is kept: the automaton of triggers is built
    // from what the table holds.
    let triggers: Vec<Vec<u8>> = entries()
        .into_iter()
        .filter_map(|(w, _)| {
            let mut buf = [0u8; FOLD_MAX];
            let f = fold(w, &mut buf)?;
            let trigger = lexicon.words.get(&key(f)?)?.is_trigger();
            trigger.then(|| f.to_vec())
        })
        .collect();
    lexicon.trigger_words = Automaton::new(triggers.iter().map(Vec::as_slice));
    lexicon
});

/// The entry of a folded word.
#[cfg(test)]
pub(super) fn lookup(folded: &[u8]) -> Option<Lex> {
    LEXICON.words.get(&key(folded)?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `text`, their marks checked against a plain reading of what they are.
    fn tokens(text: &str) -> Vec<Tok> {
        let mut out = Tokens::new();
        tokenize(text, &mut out);
        let toks = out.toks;
        let marks: Vec<u32> = (0..toks.len())
            .filter(|&i| {
                toks[i].trigger(text)
                    || toks[i].kind == Kind::Word
                        && toks
                            .get(i + 1)
                            .is_some_and(|t| t.kind == Kind::Punct && matches!(t.punct, '.' | ':'))
            })
            .map(|i| i as u32)
            .collect();
        assert_eq!(out.marks, marks, "{text:?}");
        toks
    }

    fn kinds(s: &str) -> Vec<(String, Kind)> {
        let v = tokens(s);
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
        assert_eq!(fold("Mars", &mut buf), Some(&b"mars"[..]));
        assert_eq!(fold("1ᵉʳ", &mut buf), Some(&b"1er"[..]));
        assert_eq!(fold("d'ici", &mut buf), None);
        assert_eq!(fold("Straße", &mut buf), None);
        assert_eq!(fold(&"a".repeat(FOLD_MAX + 1), &mut buf), None);
        assert_eq!(fold("", &mut buf), Some(&b""[..]));
        assert_eq!(
            lookup(b"fevrier").map(|l| matches!(l, Lex::Month { m: 2, .. })),
            Some(true)
        );
        let trigger = |w: &str| tokens(w).first().is_some_and(|t| t.trigger(w));
        assert!(trigger("Septembre"));
        assert!(trigger("année"));
        assert!(trigger("AUJOURD"));
        assert!(!trigger("and"));
        assert!(!trigger("zinc"));
        assert!(!trigger("a"));
    }

    #[test]
    fn the_automaton_of_trigger_words_has_room_for_them() {
        assert!(LEXICON.trigger_words.states < 256);
    }

    #[test]
    fn every_word_of_the_lexicon_passes_its_filter() {
        for (w, _) in entries() {
            let n = w.chars().count();
            let mut buf = [0u8; FOLD_MAX];
            // "déc" and "dec" are one entry, the later one.
            let entry = fold(w, &mut buf).and_then(lookup);
            assert!(entry.is_some(), "{w}");
            let upper = w.to_uppercase();
            for form in [w, upper.as_str()] {
                let toks = tokens(form);
                assert_eq!(toks.len(), 1, "{form}");
                assert_eq!(toks[0].lex, entry, "{form}");
                assert_eq!(toks[0].nchars as usize, n, "{form}");
                let trigger = entry.is_some_and(Lex::is_trigger);
                assert_eq!(may_hold_date(form), trigger, "{form}");
                if form.is_ascii() {
                    let w = form.as_bytes();
                    assert_eq!(LEXICON.find_ascii(w, 0, w.len()), entry, "{form}");
                }
            }
        }
    }

    /// The tokenizer as it was before its fast paths: every word decoded and folded
    /// character by character, the lexicon asked through a plain fold.
    mod reference {
        use super::super::*;

        pub fn tokens(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            let b = text.as_bytes();
            let (mut i, mut space, mut nl) = (0, true, 0u8);
            while i < b.len() {
                let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
                    break;
                };
                let len = ch.len_utf8();
                if ch.is_ascii_alphanumeric() || !ch.is_ascii() && is_alnum(ch) {
                    i = word(text, i, space, nl, &mut out);
                    (space, nl) = (false, 0);
                    continue;
                }
                if matches!(ch, ' ' | '\t' | '\u{b}' | '\u{c}' | '\n' | '\r')
                    || !ch.is_ascii() && is_space(ch)
                {
                    space = true;
                    let next = b.get(i + 1);
                    if ch == '\n'
                        || ch == '\r' && next != Some(&b'\n')
                        || matches!(ch, '\u{2028}' | '\u{2029}' | '\u{85}')
                    {
                        nl = nl.saturating_add(1);
                    }
                } else {
                    out.push(format!(
                        "{i}..{} Punct {:?} nl={nl} space={space}",
                        i + len,
                        fold_punct(ch)
                    ));
                    (space, nl) = (false, 0);
                }
                i += len;
            }
            out
        }

        /// The lexicon as a plain map of folded words, the later of two equal ones kept.
        fn lexicon() -> std::collections::HashMap<Vec<u8>, Lex> {
            entries()
                .into_iter()
                .map(|(w, lex)| (w.chars().map(|c| fold_char(c).unwrap()).collect(), lex))
                .collect()
        }

        fn word(text: &str, start: usize, space: bool, nl: u8, out: &mut Vec<String>) -> usize {
            let mut i = start;
            let (mut letters, mut digits, mut uppers, mut lowers) = (0, 0, 0, 0);
            let mut first_letter = None;
            for c in text[start..].chars() {
                if !(c.is_ascii_alphanumeric() || !c.is_ascii() && is_alnum(c)) {
                    break;
                }
                if c.is_ascii_digit() {
                    digits += 1;
                } else {
                    letters += 1;
                    first_letter.get_or_insert(c);
                    let upper = match c {
                        '\u{C0}'..='\u{DE}' => true,
                        '\u{DF}'..='\u{FF}' => false,
                        _ => c.is_uppercase(),
                    };
                    if upper {
                        uppers += 1;
                    } else {
                        lowers += 1;
                    }
                }
                i += c.len_utf8();
            }
            let w = &text[start..i];
            let nchars = w.chars().count();
            let kind = match (letters, digits) {
                (0, _) => Kind::Num,
                (_, 0) => Kind::Word,
                _ => Kind::Mixed,
            };
            let folded: Option<Vec<u8>> = w.chars().map(fold_char).collect();
            let lex = match kind {
                Kind::Word => folded.and_then(|f| lexicon().get(&f).copied()),
                _ => None,
            };
            let trigger = match kind {
                Kind::Num => true,
                Kind::Mixed => matches!(w.as_bytes()[0], b'0'..=b'9' | b'Q' | b'T' | b'H' | b'S'),
                _ => (2..32).contains(&nchars) && lex.is_some_and(Lex::is_trigger),
            };
            let cap = first_letter.is_some_and(char::is_uppercase);
            let upper = nchars >= 2 && uppers > 0 && lowers == 0;
            out.push(format!(
                "{start}..{i} {kind:?} {nchars} nl={nl} space={space} cap={cap} upper={upper} \
                 ascii={} trigger={trigger} lex={lex:?}",
                w.is_ascii()
            ));
            i
        }
    }

    fn described(text: &str) -> Vec<String> {
        tokens(text)
            .iter()
            .map(|t| match t.kind {
                Kind::Punct => format!(
                    "{}..{} Punct {:?} nl={} space={}",
                    t.start(),
                    t.end(),
                    t.punct,
                    t.nl,
                    t.space
                ),
                kind => format!(
                    "{}..{} {kind:?} {} nl={} space={} cap={} upper={} ascii={} trigger={} \
                     lex={:?}",
                    t.start(),
                    t.end(),
                    t.nchars,
                    t.nl,
                    t.space,
                    t.cap(text),
                    t.upper(text),
                    t.ascii,
                    t.trigger(text),
                    t.lex
                ),
            })
            .collect()
    }

    const TRICKY: &[&str] = &[
        "",
        " ",
        "a",
        "A",
        "à",
        "À",
        "Le 1er mars, d’ici 2030\u{a0}– 17h30",
        "ÉTÉ été Été éTÉ",
        "DÉCEMBRE décembre Décembre",
        "1ᵉʳ 2ⁿᵈ 3ʳᵈ",
        "Q3 T2 H1 S1 q3 3Q",
        "aujourd’hui AUJOURD'HUI",
        "x² ²x ½ Ⅻ",
        "Straße ΑΘΗΝΑ Москва 東京",
        "\r\n\r\r\n\n\u{2028}\u{2029}\u{85}\u{200b}\u{feff}x",
        "a\u{0301}b e\u{301}te",
        "MAI mai Mai mAI",
        "sept SEPT Sept.",
        "ont dialogue dans Service deepen",
        "le la de du en et un une ce cet an ans",
        "10:00-16:00 2025-03-14T16:50:00Z 17/05/2021",
        "€5 5€ 20% #3 n°2 §4 «2025» “May”",
        "\u{1F600}2025\u{1F600}mars",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "januaryjanuaryjanuary Januaryé",
        "×÷ a×b a÷b",
    ];

    #[test]
    fn tokens_match_the_plain_reading_on_tricky_text() {
        for text in TRICKY {
            assert_eq!(described(text), reference::tokens(text), "{text:?}");
            pre_scan_agrees(text);
        }
    }

    /// `may_hold_date` never turns away a text with a trigger, and without digits it says
    /// exactly whether the tokens hold one.
    #[track_caller]
    fn pre_scan_agrees(text: &str) {
        let trigger = tokens(text).iter().any(|t| t.trigger(text));
        if text.bytes().any(|c| c.is_ascii_digit()) {
            assert!(may_hold_date(text), "{text:?}");
        } else {
            assert_eq!(may_hold_date(text), trigger, "{text:?}");
        }
    }

    #[test]
    fn latin1_table_folds_as_fold_char() {
        for k in 0..64u32 {
            let c = char::from_u32(0xC0 + k).expect("a Latin-1 letter");
            let f = LATIN1_FOLD[k as usize];
            assert_eq!(fold_char(c), (f != 0).then_some(f), "{c}");
        }
    }

    #[test]
    fn pre_scan_finds_every_date_word() {
        for text in [
            "aujourd’hui",
            "l’année",
            "ÉTÉ",
            "d’été",
            "«décembre»",
            "moitié",
            "Août",
            "févr.",
            "x\u{a0}an",
            "an",
            "réunion annuelle",
            "the summer",
            "sept",
            "Q",
            "une",
        ] {
            pre_scan_agrees(text);
        }
        assert!(!may_hold_date("réunion du conseil, à Bruxelles"));
        assert!(!may_hold_date("Élysée: l’Europe et l’Ukraine"));
        assert!(may_hold_date("Élysée: l’Europe, l’été"));
        assert!(may_hold_date("G7"));
        assert!(!may_hold_date(&"anan ".repeat(200)));
        assert!(may_hold_date(&format!("{}demain", "anan ".repeat(200))));
    }

    #[test]
    fn tokens_match_the_plain_reading_on_random_text() {
        const PIECES: &[&str] = &[
            "a",
            "Z",
            "é",
            "É",
            "ç",
            "ß",
            "ᵉ",
            "ʳ",
            "1",
            "9",
            " ",
            "\n",
            "\r",
            "\t",
            "\u{a0}",
            "\u{202f}",
            "’",
            "'",
            "-",
            "–",
            ".",
            ",",
            ":",
            "/",
            "mars",
            "Mai",
            "SEPT",
            "année",
            "AUJOURD",
            "hui",
            "le",
            "an",
            "2025",
            "1er",
            "Q3",
            "Москва",
            "東",
            "²",
            "\u{2028}",
            "\u{85}",
            "×",
            "€",
            "été",
            "ÉTÉ",
            "août",
            "moitié",
            "demain",
            "week",
            "summer",
            "x",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = next() % 12;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(described(&text), reference::tokens(&text), "{text:?}");
            pre_scan_agrees(&text);
        }
    }
}
