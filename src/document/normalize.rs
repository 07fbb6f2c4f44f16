//! The visible text, normalised for matching, built one source character at a time.
//!
//! Each format's reader feeds characters with their byte range in the decoded source and
//! says where lines and blocks start; the builder folds typography, composes to NFC,
//! collapses spaces, decides how lines join, and records for every byte of the text the
//! source range it came from, so that any span of the text maps back exactly.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Para,
    Item,
    Heading(u8),
}

impl Kind {
    fn rank(self) -> u8 {
        match self {
            Kind::Para => 0,
            Kind::Item => 1,
            Kind::Heading(_) => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// The next line of the source, no blank line between.
    Line,
    /// A blank line or a block element.
    Blank,
}

/// A line of the text: a paragraph, a heading, a list item, or lines of one joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    pub range: Range<usize>,
    pub kind: Kind,
}

pub(crate) struct Built {
    pub text: String,
    pub map: SourceMap,
    pub blocks: Vec<Block>,
}

/// Where each byte of the text came from in the decoded source.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceMap {
    /// Source offset of each byte. A character copied from the source maps byte for byte; one
    /// that stands for a source range of another length (an entity, a folded apostrophe, the
    /// line end between joined lines) has its start on every byte and an entry in `wide`.
    starts: Vec<u32>,
    /// Index of the last byte of each such character, and the end of its source range.
    wide: Vec<(u32, u32)>,
}

impl SourceMap {
    /// Source start of the character at byte `i`.
    pub fn start(&self, i: usize) -> Option<u32> {
        self.starts.get(i).copied()
    }

    /// Source end of the character whose last byte is `i`.
    pub fn end(&self, i: usize) -> Option<u32> {
        let start = *self.starts.get(i)?;
        Some(match self.wide.binary_search_by_key(&(i as u32), |w| w.0) {
            Ok(k) => self.wide[k].1,
            Err(_) => start + 1,
        })
    }

    fn push(&mut self, index: usize, c: char, start: u32, end: u32) {
        let n = c.len_utf8() as u32;
        if end.checked_sub(start) == Some(n) {
            self.starts.extend(start..end);
        } else {
            self.starts.extend(std::iter::repeat_n(start, n as usize));
            self.wide.push(((index + n as usize - 1) as u32, end));
        }
    }
}

pub(crate) struct Builder {
    text: String,
    map: SourceMap,
    blocks: Vec<Block>,
    /// A starter and the characters that may compose with it, not yet written.
    segment: Vec<(char, u32, u32)>,
    /// A run of white space inside the current line, not yet written.
    space: Option<(u32, u32)>,
    /// Set when a new line or block was announced and no visible character came since.
    pending: Option<(Gap, Kind)>,
    /// The announced line starts with a word in lower case: it may continue a sentence.
    lower_start: bool,
    /// The current block has content.
    open: bool,
    block_start: usize,
    kind: Kind,
    /// Where the current source line began in the text, for the hard-wrap rule.
    line_start: usize,
    last: char,
    last_end: u32,
    /// Join blocks that break a sentence: right for text saved with its line breaks, wrong for
    /// markup, where a block element is a block whatever its first letter. Lines (`<br>`) are
    /// joined in both.
    join: bool,
}

impl Builder {
    pub fn new(capacity: usize, join: bool) -> Self {
        Builder {
            text: String::with_capacity(capacity),
            map: SourceMap {
                starts: Vec::with_capacity(capacity),
                wide: Vec::new(),
            },
            blocks: Vec::new(),
            segment: Vec::with_capacity(4),
            space: None,
            pending: None,
            lower_start: false,
            open: false,
            block_start: 0,
            kind: Kind::Para,
            line_start: 0,
            last: '\n',
            last_end: 0,
            join,
        }
    }

    /// Length of the text written so far (pending characters excluded).
    pub fn len(&mut self) -> usize {
        self.flush_segment();
        self.text.len()
    }

    /// Announces that what follows starts a new line or block of `kind`.
    pub fn open(&mut self, gap: Gap, kind: Kind) {
        self.open_line(gap, kind, false);
    }

    /// Announces a source line; `lower_start` when its first word is in lower case (not
    /// "iStock"), so that it may continue the sentence the previous line left unfinished.
    pub fn open_line(&mut self, gap: Gap, kind: Kind, lower_start: bool) {
        self.flush_segment();
        self.lower_start = lower_start;
        self.space = None;
        self.pending = Some(match self.pending {
            Some((g, k)) => (g.max(gap), if kind.rank() > k.rank() { kind } else { k }),
            None => (gap, kind),
        });
    }

    /// Gives the block being written (or the last one) another kind: a Setext underline.
    pub fn retag_last(&mut self, kind: Kind) {
        self.flush_segment();
        if self.open && self.pending.is_none() {
            self.kind = kind;
        } else if let Some(b) = self.blocks.last_mut() {
            b.kind = kind;
        }
    }

    pub fn space(&mut self, start: u32, end: u32) {
        self.flush_segment();
        if self.open && self.pending.is_none() {
            self.space = Some(match self.space {
                Some((s, _)) => (s, end),
                None => (start, end),
            });
        }
    }

    /// Characters copied from the source, starting at `start`.
    pub fn push_str(&mut self, s: &str, start: u32) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most text needs nothing done: copy such a run at once. Its first character goes
            // the slow way (it may open a line); its last is held back, since a combining mark
            // may follow and compose with it.
            let run = plain_run(&bytes[i..]);
            if run > 2 {
                let first = s[i..].chars().next().map_or(1, char::len_utf8);
                let last = s[..i + run].chars().next_back().map_or(1, char::len_utf8);
                let (from, to) = (i + first, i + run - last);
                if from < to {
                    self.push_str_slow(&s[i..from], start + i as u32);
                    self.flush_segment();
                    self.text.push_str(&s[from..to]);
                    self.map
                        .starts
                        .extend(start + from as u32..start + to as u32);
                    self.push_str_slow(&s[to..i + run], start + to as u32);
                    i += run;
                    continue;
                }
            }
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            let at = start + i as u32;
            self.push(c, at, at + c.len_utf8() as u32);
            i += c.len_utf8();
        }
    }

    fn push_str_slow(&mut self, s: &str, start: u32) {
        for (i, c) in s.char_indices() {
            let at = start + i as u32;
            self.push(c, at, at + c.len_utf8() as u32);
        }
    }

    /// Text that stands for the source range as a whole (an entity, an escape).
    pub fn push_replacement(&mut self, s: &str, start: u32, end: u32) {
        for c in s.chars() {
            self.push(c, start, end);
        }
    }

    pub fn push(&mut self, c: char, start: u32, end: u32) {
        let c = match c {
            '\u{A0}'
            | '\u{202F}'
            | '\u{2000}'..='\u{200A}'
            | '\u{205F}'
            | '\u{3000}'
            | '\t'
            | '\u{0B}'
            | '\u{0C}' => ' ',
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' => '-',
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return,
            '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        };
        if c == ' ' {
            self.space(start, end);
            return;
        }
        if c < '\u{300}' {
            self.flush_segment();
            self.segment.push((c, start, end));
            return;
        }
        let extends = canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe;
        if !extends || self.segment.is_empty() {
            self.flush_segment();
        }
        self.segment.push((c, start, end));
    }

    fn flush_segment(&mut self) {
        match self.segment.len() {
            0 => {}
            1 => {
                let (c, s, e) = self.segment[0];
                self.segment.clear();
                if c < '\u{300}' || is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes {
                    self.visible(c, s, e);
                } else {
                    let composed: String = std::iter::once(c).nfc().collect();
                    for c in composed.chars() {
                        self.visible(c, s, e);
                    }
                }
            }
            _ => {
                let s = self.segment[0].1;
                let e = self.segment.iter().map(|x| x.2).max().unwrap_or(s);
                let composed: String = self.segment.iter().map(|x| x.0).nfc().collect();
                self.segment.clear();
                for c in composed.chars() {
                    self.visible(c, s, e);
                }
            }
        }
    }

    fn visible(&mut self, c: char, start: u32, end: u32) {
        if let Some((gap, kind)) = self.pending.take() {
            self.separate(gap, kind, c, start);
        } else if !self.open {
            self.open = true;
            self.block_start = self.text.len();
            self.line_start = self.text.len();
        }
        if let Some((s, e)) = self.space.take() {
            self.write(' ', s, e);
        }
        self.write(c, start, end);
        self.last = c;
        self.last_end = end;
    }

    /// The first visible character after a line or block break: join the lines (a sentence
    /// broken in the middle) or start a new block.
    fn separate(&mut self, gap: Gap, kind: Kind, next: char, next_start: u32) {
        if !self.open {
            self.open = true;
            self.kind = kind;
            self.block_start = self.text.len();
            self.line_start = self.text.len();
            return;
        }
        let unfinished = self.last.is_alphanumeric() || self.last == ',';
        let can_join = (self.join || gap == Gap::Line)
            && kind == Kind::Para
            && !matches!(self.kind, Kind::Heading(_))
            && unfinished;
        let hard_wrapped = gap == Gap::Line
            && next.is_uppercase()
            && self.text.len() - self.line_start >= 65
            && self.last.is_alphabetic();
        let (s, e) = (self.last_end, next_start.max(self.last_end));
        if can_join && ((self.lower_start && next.is_lowercase()) || hard_wrapped) {
            self.write(' ', s, e);
            self.line_start = self.text.len();
            return;
        }
        self.close_block();
        match gap {
            Gap::Line => self.write('\n', s, e),
            Gap::Blank => {
                self.write('\n', s, e);
                self.write('\n', s, e);
            }
        }
        self.open = true;
        self.kind = kind;
        self.block_start = self.text.len();
        self.line_start = self.text.len();
    }

    fn close_block(&mut self) {
        if self.open && self.text.len() > self.block_start {
            self.blocks.push(Block {
                range: self.block_start..self.text.len(),
                kind: self.kind,
            });
        }
    }

    fn write(&mut self, c: char, start: u32, end: u32) {
        self.map.push(self.text.len(), c, start, end);
        self.text.push(c);
    }

    pub fn finish(mut self) -> Built {
        self.flush_segment();
        self.close_block();
        Built {
            text: self.text,
            map: self.map,
            blocks: self.blocks,
        }
    }
}

/// Length of the run at the start of `b` that normalisation leaves as it is: printable ASCII,
/// Latin letters and « » – — that nothing folds, single spaces between them.
fn plain_run(b: &[u8]) -> usize {
    let mut j = 0;
    while j < b.len() {
        // Eight bytes at a time while they are plain ASCII: this scan reads every byte of
        // every document, and a byte at a time it cost more than the rest of normalising.
        if let Some(eight) = b.get(j..j + 8)
            && plain_ascii_block(eight, j == 0 || b[j - 1] == b' ')
        {
            j += 8;
            continue;
        }
        match plain_step(b, j) {
            0 => break,
            n => j += n,
        }
    }
    j
}

/// How many bytes the character at `j` adds to a plain run, or 0 when it ends the run: a
/// kept character, or a single space before one.
fn plain_step(b: &[u8], j: usize) -> usize {
    match plain_char(&b[j..]) {
        0 if b[j] == b' ' && j > 0 && b[j - 1] != b' ' && plain_char(&b[j + 1..]) > 0 => 1,
        n => n,
    }
}

/// Whether each of eight bytes continues a plain run, as `plain_run` reads them one by one:
/// printable ASCII, and spaces that are single, neither first after a space (`after_space`)
/// nor last of the eight, whose follower is not seen here.
fn plain_ascii_block(eight: &[u8], after_space: bool) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(eight);
    let x = u64::from_le_bytes(bytes);
    // The high bit of each byte that is zero, exactly (no borrow crosses bytes).
    let zero_bytes = |v: u64| !(((v & !HIGH) + !HIGH) | v) & HIGH;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let delete = zero_bytes(x ^ (ONES * 0x7F));
    if x & HIGH != 0 || below_space != 0 || delete != 0 {
        return false;
    }
    let spaces = zero_bytes(x ^ (ONES * 0x20));
    let first_is_space = spaces & 0x80 != 0;
    let last_is_space = spaces >> 56 != 0;
    spaces & (spaces >> 8) == 0 && !(first_is_space && after_space) && !last_is_space
}

/// Byte length of the character at the start of `b` if it is one that normalisation keeps,
/// else 0.
fn plain_char(b: &[u8]) -> usize {
    match b {
        [0x21..=0x7E, ..] => 1,
        // U+00A1..U+024F, except the no-break space and the soft hyphen.
        [0xC2, x, ..] if (0xA1..=0xBF).contains(x) && *x != 0xAD => 2,
        [0xC3..=0xC8, 0x80..=0xBF, ..] | [0xC9, 0x80..=0x8F, ..] => 2,
        // En and em dashes.
        [0xE2, 0x80, 0x93 | 0x94, ..] => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `plain_run` as it reads a byte at a time, without the eight-byte blocks.
    fn plain_run_bytewise(b: &[u8]) -> usize {
        let mut j = 0;
        while j < b.len() {
            match plain_step(b, j) {
                0 => break,
                n => j += n,
            }
        }
        j
    }

    proptest::proptest! {
        #[test]
        fn plain_runs_read_by_blocks_end_where_they_end_byte_by_byte(
            text in "[ a-e\\x00-\\x21\\x7e\\x7f\\u{a0}\\u{e9}\\u{2013}]{0,40}"
        ) {
            proptest::prop_assert_eq!(
                plain_run(text.as_bytes()),
                plain_run_bytewise(text.as_bytes())
            );
        }
    }

    #[test]
    fn plain_runs_stop_at_double_spaces_controls_and_folded_characters() {
        for text in [
            "abcdefgh  ijklmnop",
            "abcdefg ",
            "abcdefg hijklmno",
            " abcdefghijk",
            "abcdefgh\tijkl",
            "abcdefgh\u{a0}ijkl",
            "abcdefghijklmno\x7f",
            "abcdefghijklmnopqrstuvwxyz",
            "abc éa bcdefghij  ",
        ] {
            assert_eq!(
                plain_run(text.as_bytes()),
                plain_run_bytewise(text.as_bytes()),
                "{text:?}"
            );
        }
    }

    fn build(lines: &[(&str, Gap, Kind)]) -> Built {
        let mut b = Builder::new(64, true);
        let mut at = 0u32;
        for (line, gap, kind) in lines {
            b.open_line(*gap, *kind, line.starts_with(char::is_lowercase));
            b.push_str(line, at);
            at += line.len() as u32 + 1;
        }
        b.finish()
    }

    #[test]
    fn folds_typography_and_collapses_spaces() {
        let b = build(&[(
            "l\u{2019}Union\u{A0}\u{A0} « ok »  \u{201C}x\u{201D} co\u{AD}op non\u{2011}stop",
            Gap::Blank,
            Kind::Para,
        )]);
        assert_eq!(b.text, "l'Union « ok » \"x\" coop non-stop");
        assert_eq!(b.map.starts.len(), b.text.len());
    }

    #[test]
    fn composes_to_nfc_and_maps_the_whole_cluster() {
        let b = build(&[("cafe\u{301} A\u{30A}", Gap::Blank, Kind::Para)]);
        assert_eq!(b.text, "café Å");
        assert_eq!((b.map.start(3), b.map.end(4)), (Some(3), Some(6)));
    }

    #[test]
    fn joins_a_sentence_broken_across_lines_and_blocks() {
        let b = build(&[
            ("Le renforcement comprend un", Gap::Blank, Kind::Para),
            ("soutien au suivi.", Gap::Blank, Kind::Para),
            ("Titre", Gap::Blank, Kind::Para),
            ("Suite", Gap::Line, Kind::Para),
        ]);
        assert_eq!(
            b.text,
            "Le renforcement comprend un soutien au suivi.\n\nTitre\nSuite"
        );
        assert_eq!(b.blocks.len(), 3);
        assert_eq!(&b.text[b.blocks[1].range.clone()], "Titre");
    }
}
