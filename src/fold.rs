//! An ASCII image of a text, with a map back to its byte offsets.
//!
//! The lexicons are regular expressions with word boundaries. On text holding any non-ASCII
//! letter the regex crate cannot run Unicode word boundaries in its fast automata and falls
//! back to a much slower engine; French is full of accents, so matching on the original text
//! made extraction a hundred times slower than reading. Folding "décidé" to "decide" (and
//! the patterns likewise) keeps every match the same and every search on the fast path.

mod set;

use regex_syntax::hir::{
    Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind,
};
pub use set::{Hits, HitsOfEach, PatternSet};
use unicode_normalization::char::decompose_canonical;

/// The folded text and where each of its bytes comes from in the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// Each non-ASCII character of the original and its folding, in text order. Between
    /// them the folded text is the original's ASCII byte for byte, so a few hundred of these
    /// map every offset of a page: a map entry for every byte cost more to build than the
    /// folding itself.
    shifts: Vec<Shift>,
    /// Length of the original text.
    original_len: usize,
}

/// One character of the original, `original_start..+original_len`, folded to
/// `folded_start..+folded_len` (at least one byte).
#[derive(Debug, Clone, Copy)]
struct Shift {
    folded_start: usize,
    original_start: usize,
    folded_len: u8,
    original_len: u8,
}

impl Shift {
    fn folded_end(&self) -> usize {
        self.folded_start + usize::from(self.folded_len)
    }

    fn original_end(&self) -> usize {
        self.original_start + usize::from(self.original_len)
    }
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len() + original.len() / 16);
        let mut shifts = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            // ASCII folds to itself, and even French text is mostly ASCII: runs of it are
            // copied whole rather than a character at a time.
            let run_end = at + ascii_prefix_len(&bytes[at..]);
            if run_end > at {
                text.push_str(&original[at..run_end]);
                at = run_end;
                continue;
            }
            let Some(c) = original[at..].chars().next() else {
                break;
            };
            let before = text.len();
            fold_char(c, &mut text);
            shifts.push(Shift {
                folded_start: before,
                original_start: at,
                // A character folds to at most three bytes ("..."), and is at most four.
                folded_len: u8::try_from(text.len() - before).unwrap_or(u8::MAX),
                original_len: c.len_utf8() as u8,
            });
            at += c.len_utf8();
        }
        Folded {
            text,
            shifts,
            original_len: original.len(),
        }
    }

    /// The whole folded text as a view.
    pub fn view(&self) -> FoldedRef<'_> {
        FoldedRef {
            text: &self.text,
            whole: self,
            start: 0,
            base: 0,
        }
    }

    /// The folding of `original[range]`, with offsets relative to the range's start: a text
    /// is folded once and read a sentence at a time. The range is on character boundaries of
    /// the original (an offset inside a character stands for the next one).
    pub fn slice(&self, range: std::ops::Range<usize>) -> FoldedRef<'_> {
        let start = self.folded(range.start);
        let end = self.folded(range.end).max(start);
        match self.text.get(start..end) {
            Some(text) if end <= self.text.len() => FoldedRef {
                text,
                whole: self,
                start,
                base: range.start,
            },
            _ => FoldedRef {
                text: "",
                whole: self,
                start: self.text.len() + 1,
                base: range.start,
            },
        }
    }

    /// The offset in the original text of a byte offset in the folded one (the start of the
    /// character it comes from; past the end, the end).
    pub fn original(&self, folded: usize) -> usize {
        let folded = folded.min(self.text.len());
        let after = self.shifts.partition_point(|s| s.folded_start <= folded);
        match after.checked_sub(1).map(|i| self.shifts[i]) {
            None => folded,
            Some(s) if folded < s.folded_end() => s.original_start,
            Some(s) => s.original_end() + (folded - s.folded_end()),
        }
    }

    /// The offset in the folded text of the first byte at or after an original offset: the
    /// number of folded bytes, and of the end, whose original offset is before it.
    pub fn folded(&self, original: usize) -> usize {
        let past_end = usize::from(original > self.original_len);
        let after = self.shifts.partition_point(|s| s.original_start < original);
        let (folded_end, original_end) = after.checked_sub(1).map_or((0, 0), |i| {
            (self.shifts[i].folded_end(), self.shifts[i].original_end())
        });
        // The ASCII after that character, as far as it goes towards `original`.
        let ascii = original
            .saturating_sub(original_end)
            .min(self.text.len() - folded_end);
        folded_end + ascii + past_end
    }
}

/// How many bytes at the start of `bytes` are ASCII, read eight at a time: every byte of
/// every document goes through here.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(8);
    let mut len = 0;
    for block in blocks.by_ref() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(block);
        let high_bits = u64::from_le_bytes(eight) & 0x8080_8080_8080_8080;
        if high_bits != 0 {
            return len + high_bits.trailing_zeros() as usize / 8;
        }
        len += 8;
    }
    len + blocks
        .remainder()
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(blocks.remainder().len())
}

/// A folded text, or a piece of one, borrowed.
#[derive(Debug, Clone, Copy)]
pub struct FoldedRef<'f> {
    pub text: &'f str,
    whole: &'f Folded,
    /// Where the piece starts in the whole folded text.
    start: usize,
    /// Where the piece starts in the whole original text.
    base: usize,
}

impl FoldedRef<'_> {
    /// The offset in the original piece of a byte offset in the folded one.
    pub fn original(&self, folded: usize) -> usize {
        if self.start > self.whole.text.len() {
            return 0;
        }
        let folded = self.start + folded.min(self.text.len());
        self.whole.original(folded).saturating_sub(self.base)
    }

    /// The offset in the folded piece of the first byte at or after an offset in the
    /// original piece.
    pub fn folded(&self, original: usize) -> usize {
        if self.start > self.whole.text.len() {
            return 0;
        }
        let whole = self.whole.folded(original.saturating_add(self.base));
        whole.saturating_sub(self.start).min(self.text.len() + 1)
    }
}

/// Folds a pattern or a name the way texts are folded, leaving ASCII (and so regex syntax)
/// as it is.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The base letters of U+00C0..=U+00FF, the accented letters of French and its neighbours,
/// as their canonical decomposition gives them; `?` where it gives none. Looked up rather
/// than decomposed: they are most of the non-ASCII letters of the documents.
const LATIN1_BASES: &[u8; 64] = b"AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?y";

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    if let Some(&base) = (c as usize)
        .checked_sub(0xC0)
        .and_then(|i| LATIN1_BASES.get(i))
        && base != b'?'
    {
        out.push(char::from(base));
        return;
    }
    match c {
        '’' | '‘' | 'ʼ' | '′' | '`' => out.push('\''),
        '«' | '»' | '“' | '”' | '„' | '‹' | '›' => out.push('"'),
        '–' | '—' | '‐' | '‑' | '‒' | '−' => out.push('-'),
        'œ' => out.push_str("oe"),
        'Œ' => out.push_str("OE"),
        'æ' => out.push_str("ae"),
        'Æ' => out.push_str("AE"),
        'ß' => out.push_str("ss"),
        '…' => out.push_str("..."),
        _ if c.is_whitespace() => out.push(' '),
        _ => {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() && d.is_ascii() {
                    base = Some(d);
                }
            });
            match base {
                Some(b) => out.push(b),
                // Letters of other scripts stay word characters, anything else separates.
                None if c.is_alphanumeric() => out.push('x'),
                None => out.push(' '),
            }
        }
    }
}

/// A pattern for folded text: folded like the text, with `\b`, `\w`, `\s` and `\d` made
/// ASCII. On ASCII text they match exactly as their Unicode forms would, and they keep the
/// automata small: Unicode word boundaries would send every search to the slow engine.
pub fn ascii_pattern(pattern: &str) -> String {
    let folded = fold(pattern);
    let mut out = String::with_capacity(folded.len() + 16);
    let mut chars = folded.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('w') => out.push_str("[0-9A-Za-z_]"),
            Some('s') => out.push_str(r"[\t\n\x0B\x0C\r ]"),
            Some('d') => out.push_str("[0-9]"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The regex crate's `Regex`, built without literal extraction, for patterns that have no
/// literal worth searching for first: a name that may start anywhere, a trigger run only on
/// sentences its set already found it in. There, extracting literals costs more than the
/// rest of compiling the pattern, and searching gains nothing from them. For folded text
/// only: the pattern may be read byte by byte, which on other text matches differently.
pub fn regex_without_literals(pattern: &str) -> Option<regex_automata::meta::Regex> {
    let build = |bytes: bool| {
        regex_automata::meta::Builder::new()
            .configure(search_config(bytes))
            .syntax(syntax_config(bytes))
            .build(pattern)
            .ok()
    };
    // Every text these run on is folded, hence ASCII, where a pattern read byte by byte
    // matches exactly what its Unicode reading does ("[^.;]", "(?i)s" and "." included), and
    // its automaton is a fraction of the size: no branches for multi-byte characters, nor for
    // the Kelvin sign that "(?i)k" also matches: a run on the seeds, mostly loading the
    // rules, took a seventh fewer instructions. A user's pattern that needs Unicode ("\p{L}")
    // keeps it.
    build(true).or_else(|| build(false))
}

/// How the patterns on folded text are read: byte by byte, or as Unicode
/// (`regex_without_literals`).
pub(crate) fn syntax_config(bytes: bool) -> regex_automata::util::syntax::Config {
    regex_automata::util::syntax::Config::new()
        .unicode(!bytes)
        .utf8(!bytes)
}

/// How the patterns on folded text are searched (`regex_without_literals`).
fn search_config(bytes: bool) -> regex_automata::meta::Config {
    regex_automata::meta::Config::new()
        // Asked where a pattern matches, never for its groups.
        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
        .utf8_empty(!bytes)
        .auto_prefilter(false)
        // The regex crate's limits.
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(2 << 20)
}

/// Patterns for lower-cased text, and true, where none tells upper from lower case: the same
/// patterns, and false, otherwise.
///
/// A case-insensitive pattern matches both cases of each letter, but the regex crate makes
/// a DFA's byte classes of contiguous bytes, so that "A" and "a" stay apart: twice the
/// letters, and states padded to twice the transitions. In lower-cased text, the upper case
/// letters can go, and the DFA that a page walks halves, to fit better in a core's cache.
pub(crate) fn for_lower_case(hirs: Vec<Hir>) -> (Vec<Hir>, bool) {
    if hirs.iter().all(case_blind) {
        (hirs.into_iter().map(without_upper_case).collect(), true)
    } else {
        (hirs, false)
    }
}

/// Whether a pattern matches alike whatever the case of the ASCII letters of a text: it
/// holds no letter as a literal (case-sensitive), and each of its classes holds both cases
/// of a letter or neither. A word boundary does not depend on case.
fn case_blind(hir: &Hir) -> bool {
    const LETTERS: u128 = (1 << 26) - 1;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => !literal.0.iter().any(u8::is_ascii_alphabetic),
        // Both cases of each ASCII letter or neither.
        HirKind::Class(class) => {
            let [ascii, _] = low_values(class);
            (ascii >> b'A') & LETTERS == (ascii >> b'a') & LETTERS
        }
        HirKind::Repetition(repetition) => case_blind(&repetition.sub),
        HirKind::Capture(capture) => case_blind(&capture.sub),
        HirKind::Concat(hirs) | HirKind::Alternation(hirs) => hirs.iter().all(case_blind),
    }
}

/// Which of the 256 byte values (or the first 256 code points) a class holds, one bit each:
/// the first 128 in the first word.
fn low_values(class: &Class) -> [u128; 2] {
    fn mask(ranges: impl Iterator<Item = (u32, u32)>) -> [u128; 2] {
        let mut held = [0u128; 2];
        for (start, end) in ranges.filter(|&(start, _)| start < 256) {
            let end = end.min(255);
            for (word, low) in held.iter_mut().zip([0, 128]) {
                if start > low + 127 || end < low {
                    continue;
                }
                let (from, to) = (start.max(low) - low, end.min(low + 127) - low);
                *word |= (u128::MAX >> (127 - to)) & (u128::MAX << from);
            }
        }
        held
    }
    match class {
        Class::Bytes(class) => mask(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
        Class::Unicode(class) => mask(
            class
                .ranges()
                .iter()
                .map(|r| (u32::from(r.start()), u32::from(r.end()))),
        ),
    }
}

/// A case-blind pattern for lower-cased text: the upper case letters, which it never meets,
/// taken out of its classes.
fn without_upper_case(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Bytes(mut class)) => {
            class.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
            Hir::class(Class::Bytes(class))
        }
        HirKind::Class(Class::Unicode(mut class)) => {
            class.difference(&ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]));
            Hir::class(Class::Unicode(class))
        }
        HirKind::Repetition(mut repetition) => {
            repetition.sub = Box::new(without_upper_case(*repetition.sub));
            Hir::repetition(repetition)
        }
        HirKind::Capture(mut capture) => {
            capture.sub = Box::new(without_upper_case(*capture.sub));
            Hir::capture(capture)
        }
        HirKind::Concat(hirs) => Hir::concat(hirs.into_iter().map(without_upper_case).collect()),
        HirKind::Alternation(hirs) => {
            Hir::alternation(hirs.into_iter().map(without_upper_case).collect())
        }
        HirKind::Empty => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Literal(literal) => Hir::literal(literal.0),
    }
}

/// A pattern cut before its first gap (`is_gap`): what it matches wherever the whole pattern
/// does, and more. `(?:ont|a)\s+décidé\b[^,;]*\bde` becomes `(?:ont|a)\s+décidé\b`.
///
/// Searched with many others in one DFA, a pattern with a gap makes each state remember
/// whether the text so far held its start, and what was seen since: with a few dozen such
/// patterns, a sentence is a path through states that no sentence before it needed, as soon
/// as its words differ from theirs. On the press releases of the test sets, building those
/// states took 88% of a run, for lack of room to keep them. Without its gaps, each pattern
/// is a few words long and the set's states are few.
pub(crate) fn up_to_first_gap(hir: Hir) -> Hir {
    cut_at_gap(&hir).unwrap_or(hir)
}

/// `up_to_first_gap` where the pattern has a gap: what followed the piece cut then no longer
/// binds it, and the pieces after it in a sequence are cut too. `None` where it has none, and
/// is kept as it is: rebuilding a pattern's tree costs about as much as parsing it.
fn cut_at_gap(hir: &Hir) -> Option<Hir> {
    if is_gap(hir) {
        return Some(Hir::empty());
    }
    match hir.kind() {
        HirKind::Concat(hirs) => {
            let (at, head) = hirs
                .iter()
                .enumerate()
                .find_map(|(at, hir)| Some((at, cut_at_gap(hir)?)))?;
            let mut kept = hirs[..at].to_vec();
            kept.push(head);
            Some(Hir::concat(kept))
        }
        HirKind::Alternation(hirs) => {
            let heads: Vec<Option<Hir>> = hirs.iter().map(cut_at_gap).collect();
            if heads.iter().all(Option::is_none) {
                return None;
            }
            let branches = hirs.iter().zip(heads);
            Some(Hir::alternation(
                branches
                    .map(|(hir, head)| head.unwrap_or_else(|| hir.clone()))
                    .collect(),
            ))
        }
        HirKind::Capture(capture) => cut_at_gap(&capture.sub).map(|head| {
            Hir::capture(regex_syntax::hir::Capture {
                index: capture.index,
                name: capture.name.clone(),
                sub: Box::new(head),
            })
        }),
        // One repeat's head is in every match; an optional one's is in none for sure.
        HirKind::Repetition(repetition) => cut_at_gap(&repetition.sub).map(|head| {
            if repetition.min == 0 {
                Hir::empty()
            } else {
                head
            }
        }),
        HirKind::Empty | HirKind::Look(_) | HirKind::Literal(_) | HirKind::Class(_) => None,
    }
}

/// A repetition, of more than a few, of a class that reaches across words: it holds letters,
/// the space, and at least half of the bytes: `[^,;.]*`, `.{1,120}`, `[^"]+`. Not `\w+`,
/// `\s+` nor `\W*`, which stay inside a word or between two.
fn is_gap(hir: &Hir) -> bool {
    let HirKind::Repetition(repetition) = hir.kind() else {
        return false;
    };
    if repetition.max.is_some_and(|max| max < 8) {
        return false;
    }
    let HirKind::Class(class) = repetition.sub.kind() else {
        return false;
    };
    let held = low_values(class);
    let holds = |byte: u8| (held[usize::from(byte >> 7)] >> (byte & 127)) & 1 == 1;
    held[0].count_ones() + held[1].count_ones() >= 128 && holds(b' ') && holds(b'a')
}

/// `regex_without_literals`, or a regex that matches nothing where the pattern does not
/// compile: for patterns whose errors are reported elsewhere or cannot happen.
pub fn regex_without_literals_or_nothing(pattern: &str) -> regex_automata::meta::Regex {
    regex_without_literals(pattern)
        .or_else(|| regex_without_literals(r"[^\s\S]"))
        .expect("the empty class compiles")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(pattern: &str) -> Hir {
        regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(pattern)
            .unwrap()
    }

    /// The pattern `up_to_first_gap` keeps, as the regex crate prints it back.
    fn head(pattern: &str) -> String {
        up_to_first_gap(parsed(pattern)).to_string()
    }

    #[test]
    fn a_pattern_is_cut_before_its_first_gap() {
        let same = |p: &str| parsed(p).to_string();
        assert_eq!(head(r"ont\s+decide\b[^,;]*\bde"), same(r"ont\s+decide\b"));
        assert_eq!(
            head(r"agreed(?:\s+to|.{1,120}?,)\s+hold"),
            same(r"agreed(?:\s+to|)")
        );
        assert_eq!(head(r"x(?:a[^,]*b)?y"), same("x"));
        assert_eq!(head(r"x(?:a[^,]*b)+y"), same("xa"));
        // Not gaps: within a word, between two, or a few characters at most.
        for local in [
            r"\w{3,}eront",
            r"^\W*si\b",
            r"a\s+b",
            r"[^,]{0,5}x",
            r"(?:\w+\s+){0,3}y",
        ] {
            assert_eq!(head(local), same(local), "{local}");
        }
    }

    #[test]
    fn accents_fold_and_offsets_map_back() {
        let original = "L’UE a décidé « œuvre »";
        let f = Folded::new(original);
        assert_eq!(f.text, "L'UE a decide \" oeuvre \"");
        let at = f.text.find("decide").unwrap();
        assert_eq!(
            &original[f.original(at)..f.original(at + "decide".len())],
            "décidé"
        );
        let oe = f.text.find("oeuvre").unwrap();
        assert_eq!(&original[f.original(oe)..], "œuvre »");
        assert_eq!(f.original(f.text.len()), original.len());
        assert_eq!(f.folded(original.find("décidé").unwrap()), at);
    }

    #[test]
    fn ascii_patterns_match_like_unicode_ones_on_folded_text() {
        let unicode = regex::Regex::new(r"(?i)\bconv(?:enu|enus)\s+d'").unwrap();
        let ascii = regex::Regex::new(&format!(
            "(?i){}",
            ascii_pattern(r"\bconv(?:enu|enus)\s+d’")
        ))
        .unwrap();
        for text in [
            "ils sont convenus d'agir",
            "reconvenus d'agir",
            "Convenu  d'un",
        ] {
            assert_eq!(
                unicode.is_match(text),
                ascii.is_match(&Folded::new(text).text),
                "{text}"
            );
        }
        assert_eq!(ascii_pattern(r"[^\w]\\"), r"[^[0-9A-Za-z_]]\\");
    }

    #[test]
    fn patterns_read_byte_by_byte_match_like_unicode_ones_on_folded_text() {
        let patterns = [
            r"(?i)\bs[^.;]{0,20}?k\b",
            r"(?i)conv(?:enu|enus)\s+d'.",
            r"(?i)(?:^|[^\w])(ue|l'union)(?:$|[^\w])",
        ];
        let texts = [
            "Sont convenus d'agir; Kiev",
            "SK. sk",
            "L'UE, l'Union européenne — ſk",
            "Ils se sont engagés à Kyïv…",
            "",
        ];
        for pattern in patterns {
            let bytes = regex_without_literals(&ascii_pattern(pattern)).unwrap();
            let unicode = regex::Regex::new(&ascii_pattern(pattern)).unwrap();
            for text in texts {
                let folded = Folded::new(text).text;
                let found = bytes
                    .find_iter(&folded)
                    .map(|m| m.range())
                    .collect::<Vec<_>>();
                let expected = unicode
                    .find_iter(&folded)
                    .map(|m| m.range())
                    .collect::<Vec<_>>();
                assert_eq!(found, expected, "{pattern} on {text}");
            }
        }
    }

    #[test]
    fn a_pattern_that_needs_unicode_still_compiles() {
        let letters = regex_without_literals(r"\p{L}+").unwrap();
        assert!(letters.is_match("abc"));
        assert!(PatternSet::new(&[r"\p{Lu}", "x"]).is_ok());
        assert!(regex_without_literals("(").is_none());
    }

    #[test]
    fn latin1_letters_fold_to_the_base_their_decomposition_gives() {
        for c in '\u{C0}'..='\u{FF}' {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() && d.is_ascii() {
                    base = Some(d);
                }
            });
            let looked_up = LATIN1_BASES[c as usize - 0xC0];
            match base {
                Some(b) => assert_eq!(char::from(looked_up), b, "{c}"),
                None => assert_eq!(looked_up, b'?', "{c}"),
            }
        }
    }

    #[test]
    fn a_slice_reads_like_the_folding_of_its_piece() {
        let original = "Texte. L’UE a décidé « œuvre ». Fin";
        let whole = Folded::new(original);
        let start = original.find("L’UE").unwrap();
        let end = original.find(" Fin").unwrap();
        let piece = &original[start..end];
        let alone = Folded::new(piece);
        let slice = whole.slice(start..end);
        assert_eq!(slice.text, alone.text);
        for i in 0..=alone.text.len() {
            assert_eq!(slice.original(i), alone.original(i), "at {i}");
        }
        for i in 0..=piece.len() {
            assert_eq!(slice.folded(i), alone.folded(i), "at {i}");
        }
        assert!(whole.slice(start + 2..end).text.starts_with("UE a decide"));
    }

    /// For each byte of the folding of `original` and its end, the offset in `original` it
    /// comes from: the map `Folded` keeps in a few entries, written out in full.
    fn offsets_byte_by_byte(original: &str) -> Vec<usize> {
        let mut offsets = Vec::new();
        for (at, c) in original.char_indices() {
            let mut folded = String::new();
            fold_char(c, &mut folded);
            offsets.extend(std::iter::repeat_n(at, folded.len()));
        }
        offsets.push(original.len());
        offsets
    }

    proptest::proptest! {
        #[test]
        fn offsets_map_as_a_map_of_every_byte_would(text in "\\PC{0,40}", a in 0usize..60, b in 0usize..60) {
            let whole = Folded::new(&text);
            let offsets = offsets_byte_by_byte(&text);
            proptest::prop_assert_eq!(offsets.len(), whole.text.len() + 1);
            for f in 0..offsets.len() + 2 {
                let expected = offsets.get(f).or(offsets.last()).copied().unwrap_or(0);
                proptest::prop_assert_eq!(whole.original(f), expected, "original({})", f);
            }
            for x in 0..text.len() + 3 {
                let expected = offsets.partition_point(|&o| o < x);
                proptest::prop_assert_eq!(whole.folded(x), expected, "folded({})", x);
            }
            let (start, end) = (a.min(b), a.max(b));
            let slice = whole.slice(start..end);
            let (fs, fe) = (whole.folded(start), whole.folded(end).max(whole.folded(start)));
            let piece = offsets.get(fs..=fe).unwrap_or(&[]);
            for f in 0..slice.text.len() + 2 {
                let expected = piece.get(f).or(piece.last()).map_or(0, |o| o.saturating_sub(start));
                proptest::prop_assert_eq!(slice.original(f), expected, "slice original({})", f);
            }
            for x in 0..text.len() + 3 {
                let expected = piece.partition_point(|&o| o < x.saturating_add(start));
                proptest::prop_assert_eq!(slice.folded(x), expected, "slice folded({})", x);
            }
        }

        #[test]
        fn slices_agree_with_folding_the_piece(text in "\\PC{0,40}", a in 0usize..60, b in 0usize..60) {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let (start, end) = (a.min(b), a.max(b));
            let alone = Folded::new(&text[start..end]);
            let whole = Folded::new(&text);
            let slice = whole.slice(start..end);
            proptest::prop_assert_eq!(slice.text, alone.text.as_str());
            for i in 0..=alone.text.len() {
                proptest::prop_assert_eq!(slice.original(i), alone.original(i));
            }
        }
    }

    #[test]
    fn the_ascii_prefix_ends_at_the_first_other_byte_wherever_it_lies() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        for at in 0..=text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(at, 0xC3);
            assert_eq!(ascii_prefix_len(&bytes), at);
        }
        assert_eq!(ascii_prefix_len(text.as_bytes()), text.len());
        assert_eq!(ascii_prefix_len(b""), 0);
    }

    #[test]
    fn folding_is_idempotent_on_ascii() {
        assert_eq!(fold("sont convenus d'"), "sont convenus d'");
        assert_eq!(fold("États-Unis"), "Etats-Unis");
    }
}
