//! The visible text, normalised for matching, built one source character at a time.
//!
//! Each format's reader feeds characters with their byte range in the decoded source and
//! says where lines and blocks start; the builder folds typography, composes to NFC,
//! collapses spaces, decides how lines join, and records for every byte of the text the
//! source range it came from, so that any span of the text maps back exactly.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The longest line, in bytes, that may be a hard-wrapped one: 100 characters with a few
/// accents.
const HARD_WRAP_MAX: usize = 110;

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
    /// Bytes of text mapped.
    len: u32,
    /// Where the map changes course, in order of the text: most text is copied from the
    /// source in runs, and a run costs one entry, not one a byte.
    runs: Vec<Run>,
    /// For every `STRIDE` bytes of text, the run that holds the first: a lookup searches the
    /// runs of one stride, not all of them (a report maps a span of every sentence it shows).
    strides: Vec<u32>,
}

const STRIDE: usize = 256;

/// From text byte `at` on, until the next run: bytes copied one for one from `source` on, or
/// one character that stands for a source range of another length (an entity, a folded
/// apostrophe, the line end between joined lines), all of whose bytes map to its start and
/// whose last byte maps to the range's `end`.
#[derive(Debug, Clone, Copy)]
struct Run {
    at: u32,
    source: u32,
    /// The end of the range of a character that stands for one of another length.
    end: Option<u32>,
}

impl SourceMap {
    /// The run that holds byte `i` (of the text mapped) and where the next starts.
    fn run(&self, i: usize) -> (Run, usize) {
        let (from, to) = match self.strides.get(i / STRIDE) {
            Some(&from) => {
                let to = self.strides.get(i / STRIDE + 1);
                (
                    from as usize,
                    to.map_or(self.runs.len(), |&to| to as usize + 1),
                )
            }
            None => (0, self.runs.len()),
        };
        let k = from + self.runs[from..to].partition_point(|r| r.at as usize <= i) - 1;
        let next = self.runs.get(k + 1).map_or(self.len, |r| r.at);
        (self.runs[k], next as usize)
    }

    /// Source start of the character at byte `i`.
    pub fn start(&self, i: usize) -> Option<u32> {
        if i >= self.len as usize {
            return None;
        }
        let (run, _) = self.run(i);
        Some(match run.end {
            None => run.source + (i as u32 - run.at),
            Some(_) => run.source,
        })
    }

    /// Source end of the character whose last byte is `i`.
    pub fn end(&self, i: usize) -> Option<u32> {
        if i >= self.len as usize {
            return None;
        }
        let (run, next) = self.run(i);
        Some(match run.end {
            None => run.source + (i as u32 - run.at) + 1,
            Some(end) if i + 1 == next => end,
            Some(_) => run.source + 1,
        })
    }

    /// Notes where each stride starts, once the map is whole.
    fn index(&mut self) {
        let mut run = 0;
        self.strides = (0..self.len as usize)
            .step_by(STRIDE)
            .map(|at| {
                while self.runs.get(run + 1).is_some_and(|r| r.at as usize <= at) {
                    run += 1;
                }
                run as u32
            })
            .collect();
    }

    /// `n` bytes copied from the source at `from`: a run, unless they continue the last one.
    #[inline]
    fn push_copied(&mut self, from: u32, n: u32) {
        let continues = self
            .runs
            .last()
            .is_some_and(|r| r.end.is_none() && r.source + (self.len - r.at) == from);
        if !continues {
            self.runs.push(Run {
                at: self.len,
                source: from,
                end: None,
            });
        }
        self.len += n;
    }

    #[inline]
    fn push(&mut self, c: char, start: u32, end: u32) {
        let n = c.len_utf8() as u32;
        if end.checked_sub(start) == Some(n) {
            self.push_copied(start, n);
        } else {
            self.runs.push(Run {
                at: self.len,
                source: start,
                end: Some(end),
            });
            self.len += n;
        }
    }
}

/// A character written that may yet compose with what comes next: its source range, and what
/// taking it back restores.
#[derive(Debug, Clone, Copy)]
struct Held {
    start: u32,
    end: u32,
    /// `Builder::last_end` before it.
    last_end: u32,
    /// How many runs the map has without it.
    runs: usize,
}

pub(crate) struct Builder {
    text: String,
    map: SourceMap,
    blocks: Vec<Block>,
    /// A starter and the characters that may compose with it, not yet written.
    segment: Vec<(char, u32, u32)>,
    /// The last character written, when it may yet compose with a combining mark that comes
    /// next: written at once rather than held back in `segment` (the end of most pieces of a
    /// page is such a character, and the mark almost never comes), and taken back into the
    /// segment when one does. Whatever else comes first leaves it written.
    held: Option<Held>,
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
            map: SourceMap::default(),
            blocks: Vec::new(),
            segment: Vec::with_capacity(4),
            held: None,
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
            // ASCII white space and controls all become one space: a run of them (the line
            // ends and indentation between a page's tags) is one call, as `push` would make
            // it character by character.
            let blank = bytes[i..]
                .iter()
                .take_while(|&&b| b <= b' ' || b == 0x7F)
                .count();
            if blank > 0 {
                self.space(start + i as u32, start + (i + blank) as u32);
                i += blank;
                continue;
            }
            // Most text needs nothing done: copy such a run at once. Its first character goes
            // the slow way when a line or block was announced; its last is held back when a
            // combining mark may follow and compose with it.
            let run = plain_run(&bytes[i..]);
            if run > 2 {
                self.flush_segment();
                let announced = self.pending.is_some() || !self.open;
                // Both most often ASCII, told by their byte.
                let first_char = match bytes[i] {
                    b @ 0..=0x7F => char::from(b),
                    _ => s[i..].chars().next().unwrap_or(' '),
                };
                let first = if announced { first_char.len_utf8() } else { 0 };
                let last_char = match bytes[i + run - 1] {
                    b @ 0..=0x7F => char::from(b),
                    _ => s[..i + run].chars().next_back().unwrap_or(' '),
                };
                let last = if composes_after(&bytes[i + run..]) {
                    last_char.len_utf8()
                } else {
                    0
                };
                let (from, to) = (i + first, i + run - last);
                if from < to {
                    if announced {
                        // A plain character is kept as it is and composes with nothing
                        // before it: `push` would make it a segment of its own, now flushed.
                        self.visible(first_char, start + i as u32, start + from as u32);
                    } else if let Some((s, e)) = self.space.take() {
                        self.write(' ', s, e);
                    }
                    // The last character is copied with the others, as a plain character
                    // makes a segment of its own; held, it may be taken back.
                    let end = i + run;
                    self.text.push_str(&s[from..end]);
                    self.map
                        .push_copied(start + from as u32, (end - from) as u32);
                    if last > 0 {
                        self.held = Some(Held {
                            start: start + to as u32,
                            end: start + end as u32,
                            last_end: start + to as u32,
                            runs: self.map.runs.len(),
                        });
                    }
                    self.last = last_char;
                    self.last_end = start + end as u32;
                    i = end;
                    continue;
                }
            }
            // Too short to copy at once: its characters, or the one that ends it, one by one.
            let end = i + run.max(s[i..].chars().next().map_or(1, char::len_utf8));
            self.push_str_slow(&s[i..end], start + i as u32);
            i = end;
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
            if self.open && self.pending.is_none() && self.space.is_none() {
                // Written as the segment it starts would be written by the next character
                // that is not a combining mark, and held in case one comes.
                self.held = Some(Held {
                    start,
                    end,
                    last_end: self.last_end,
                    runs: self.map.runs.len(),
                });
                self.write(c, start, end);
                self.last = c;
                self.last_end = end;
            } else {
                self.segment.push((c, start, end));
            }
            return;
        }
        let extends = canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe;
        if extends && self.segment.is_empty() {
            self.take_back_held();
        }
        if !extends || self.segment.is_empty() {
            self.flush_segment();
        }
        self.segment.push((c, start, end));
    }

    /// Takes the held character back out of the text into the segment, for a combining mark
    /// to compose with.
    fn take_back_held(&mut self) {
        let Some(h) = self.held.take() else {
            return;
        };
        let Some(c) = self.text.pop() else {
            return;
        };
        self.map.len -= c.len_utf8() as u32;
        self.map.runs.truncate(h.runs);
        self.last = self.text.chars().next_back().unwrap_or('\n');
        self.last_end = h.last_end;
        self.segment.push((c, h.start, h.end));
    }

    fn flush_segment(&mut self) {
        self.held = None;
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
        // Wrapped at a fixed width: some 65 to 100 characters. A longer line was not wrapped
        // but written whole ("Première session plénière de fond du mécanisme ..."), and
        // the line under it ("New York, le 10 mars 2026") is a line of its own.
        let hard_wrapped = gap == Gap::Line
            && next.is_uppercase()
            && (65..=HARD_WRAP_MAX).contains(&(self.text.len() - self.line_start))
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

    // Inlined, with the map's pushes, into the paths that write a character at a time (an
    // entity, a line's break): the calls cost more than the writing.
    #[inline]
    fn write(&mut self, c: char, start: u32, end: u32) {
        self.map.push(c, start, end);
        self.text.push(c);
    }

    pub fn finish(mut self) -> Built {
        self.flush_segment();
        self.close_block();
        self.map.index();
        Built {
            text: self.text,
            map: self.map,
            blocks: self.blocks,
        }
    }
}

/// Whether what starts `rest` (the text after a character) may compose with that character:
/// a character from U+0300 on (lead byte 0xCC or more), one that is dropped (the soft
/// hyphen, and so whatever follows it), or the end of the piece (the next may start so).
fn composes_after(rest: &[u8]) -> bool {
    matches!(rest, [] | [0xCC..=0xFF, ..] | [0xC2, 0xAD, ..])
}

/// Length of the run at the start of `b` that normalisation leaves as it is: printable ASCII,
/// Latin letters and « » – — that nothing folds, single spaces between them.
fn plain_run(b: &[u8]) -> usize {
    let mut j = 0;
    // Whether the byte before `j` is a space, or `j` is the start (where a space ends the run).
    let mut after_space = true;
    while j < b.len() {
        // Eight bytes at a time as far as they are plain ASCII or Latin letters: this scan
        // reads every byte of every document, and a byte at a time it cost more than the rest
        // of normalising.
        let eight = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
        // The last bytes of a piece are the last eight shifted down, zeros (which end a run)
        // after them, rather than read one by one.
        let x = if j + 8 <= b.len() {
            Some(eight(j))
        } else if b.len() >= 8 {
            Some(eight(b.len() - 8) >> (8 * (j + 8 - b.len())))
        } else {
            None
        };
        if let Some(x) = x {
            let n = plain_lanes(x, after_space);
            if n > 0 {
                j += n;
                after_space = b[j - 1] == b' ';
                continue;
            }
        }
        match plain_step(b, j) {
            0 => break,
            n => {
                j += n;
                after_space = b[j - 1] == b' ';
            }
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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// How many of eight bytes (`x`, the first lowest) continue a plain run, as `plain_run` reads
/// them one by one: printable ASCII, the two bytes of a Latin letter from U+00C0 to U+023F (a
/// lead byte from 0xC3 to 0xC8), and single spaces before one of those, not first after a
/// space (`after_space`). A byte this cannot tell (another character that is not ASCII, or a
/// space or a lead byte last of the eight, whose follower is not seen here) ends the count,
/// and is read one by one.
fn plain_lanes(x: u64, after_space: bool) -> usize {
    let space_before = if after_space { 0x80 } else { 0 };
    if x & HIGH == 0 {
        // All ASCII, as most blocks of eight are: no byte is above 0x7F, so adding to each
        // carries into no neighbour, and its high bit then says whether it is at least 0x21,
        // at least 0x20, and 0x7F.
        let from_bang = (x + ONES * (0x80 - 0x21)) & HIGH;
        let from_space = (x + ONES * (0x80 - 0x20)) & HIGH;
        let delete = (x + ONES) & HIGH;
        let printable = from_bang & !delete;
        let spaces = from_space & !from_bang;
        // A space continues the run when the byte before it is not a space and the one after
        // it is printable; the last byte's follower is not in `printable`, so a space there
        // stops.
        let single_spaces = spaces & !((spaces << 8) | space_before) & (printable >> 8);
        let plain = printable | single_spaces;
        return (!plain & HIGH).trailing_zeros() as usize / 8;
    }
    // The same on the low seven bits of each byte, the high bit saying it is not ASCII.
    let low = x & !HIGH;
    let from_bang = (low + ONES * (0x80 - 0x21)) & HIGH;
    let from_space = (low + ONES * (0x80 - 0x20)) & HIGH;
    let delete = (low + ONES) & HIGH;
    let ascii = !x & HIGH;
    let printable = ascii & from_bang & !delete;
    let spaces = ascii & from_space & !from_bang;
    // Lead bytes 0xC3 to 0xC8 (low bits 0x43 to 0x48) before a continuation byte (0x80 to
    // 0xBF: the high bit, not the next), and the continuation bytes after them.
    let leads = x & (low + ONES * (0x80 - 0x43)) & !(low + ONES * (0x80 - 0x49)) & HIGH;
    let continuations = x & !(x << 1) & HIGH;
    let letters = leads & (continuations >> 8);
    let starts = printable | letters;
    let single_spaces = spaces & !((spaces << 8) | space_before) & (starts >> 8);
    let plain = starts | (continuations & (letters << 8)) | single_spaces;
    (!plain & HIGH).trailing_zeros() as usize / 8
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
            text in "[ a-e\\x00-\\x21\\x7e\\x7f\\u{a0}\\u{ab}\\u{ad}\\u{bf}-\\u{c1}\\u{e9}\\u{ff}\\u{153}\\u{23f}-\\u{251}\\u{2013}\\u{2019}]{0,40}"
        ) {
            proptest::prop_assert_eq!(
                plain_run(text.as_bytes()),
                plain_run_bytewise(text.as_bytes())
            );
        }
    }

    #[test]
    fn plain_runs_read_by_lanes_agree_on_every_byte_in_every_lane() {
        for byte in 0..=255u8 {
            for lane in 0..10 {
                for fill in [b'a', b' ', b'~', 0x7F] {
                    let mut bytes = [fill; 12];
                    bytes[lane] = byte;
                    for from in 0..3 {
                        assert_eq!(
                            plain_run(&bytes[from..]),
                            plain_run_bytewise(&bytes[from..]),
                            "{byte:#x} in lane {lane} of {fill:#x}, from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn plain_runs_read_by_lanes_agree_on_two_byte_characters_in_every_lane() {
        for lead in 0xC0..=0xCFu8 {
            for second in [0x80, 0x8F, 0x90, 0xA9, 0xAD, 0xBF, 0xC3, b'a', b' '] {
                for lane in 0..11 {
                    for fill in [b'a', b' ', 0xC3, 0xA9] {
                        let mut bytes = [fill; 14];
                        // A fill of letters: é, whole, around the pair.
                        if fill == 0xC3 {
                            for pair in bytes.chunks_mut(2) {
                                pair.copy_from_slice(&[0xC3, 0xA9]);
                            }
                        }
                        bytes[lane] = lead;
                        bytes[lane + 1] = second;
                        for from in 0..3 {
                            assert_eq!(
                                plain_run(&bytes[from..]),
                                plain_run_bytewise(&bytes[from..]),
                                "{lead:#x} {second:#x} in lane {lane} of {fill:#x}, from {from}"
                            );
                        }
                    }
                }
            }
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

    impl SourceMap {
        /// The source start of every byte.
        fn starts(&self) -> Vec<u32> {
            (0..self.len as usize)
                .filter_map(|i| self.start(i))
                .collect()
        }
    }

    #[test]
    fn runs_map_every_byte() {
        let mut map = SourceMap::default();
        map.push_copied(10, 3);
        map.push_copied(13, 2);
        map.push('\'', 15, 18);
        map.push('\u{e9}', 18, 20);
        map.push(' ', 25, 30);
        map.push_copied(30, 2);
        map.push('\u{e9}', 40, 48);
        assert_eq!(
            map.starts(),
            [10, 11, 12, 13, 14, 15, 18, 19, 25, 30, 31, 40, 40]
        );
        assert_eq!(map.runs.len(), 6);
        assert_eq!(map.start(13), None);
        let ends: Vec<_> = (0..14).map(|i| map.end(i)).collect();
        let expected = [11, 12, 13, 14, 15, 18, 19, 20, 30, 31, 32, 41, 48];
        assert_eq!(ends[..13], expected.map(Some));
        assert_eq!(ends[13], None);
    }

    #[test]
    fn lookups_by_stride_find_what_a_search_of_every_run_finds() {
        let mut map = SourceMap::default();
        let mut source = 0;
        for k in 0..400u32 {
            match k % 7 {
                0 => map.push('\u{e9}', source, source + 8),
                3 => map.push_copied(source + 1, 300 + k % 5),
                _ => map.push_copied(source, k % 11),
            }
            source += 400;
        }
        let whole = map.starts();
        let ends: Vec<_> = (0..=map.len as usize).map(|i| map.end(i)).collect();
        map.index();
        assert!(map.strides.len() > 10);
        assert_eq!(map.starts(), whole);
        let indexed: Vec<_> = (0..=map.len as usize).map(|i| map.end(i)).collect();
        assert_eq!(indexed, ends);
    }

    type Pushed = (String, Vec<u32>, Vec<Option<u32>>, Vec<Block>);

    /// The text, map and blocks of `pieces` pushed one after the other on lines of their own
    /// (`\n` starts one), by `push_str` or a character at a time.
    fn pushed(pieces: &[&str], fast: bool) -> Pushed {
        let mut b = Builder::new(64, true);
        let mut at = 0u32;
        for piece in pieces {
            if let Some(line) = piece.strip_prefix('\n') {
                b.open_line(Gap::Line, Kind::Para, line.starts_with(char::is_lowercase));
                at += 1;
            }
            let piece = piece.strip_prefix('\n').unwrap_or(piece);
            if fast {
                b.push_str(piece, at);
            } else {
                b.push_str_slow(piece, at);
            }
            at += piece.len() as u32;
        }
        let built = b.finish();
        let ends = (0..built.text.len()).map(|i| built.map.end(i)).collect();
        (built.text, built.map.starts(), ends, built.blocks)
    }

    proptest::proptest! {
        #[test]
        fn push_str_agrees_with_pushing_characters_one_by_one(
            pieces in proptest::collection::vec(
                "[ a-eA.\\n\\t\\x00\\x7f\\u{a0}\\u{ad}\\u{e9}\\u{2019}\\u{2013}\\u{300}\\u{301}\\u{327}\\u{30a}]{0,24}",
                0..5,
            )
        ) {
            let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(pushed(&pieces, true), pushed(&pieces, false));
        }
    }

    #[test]
    fn runs_copied_at_once_read_as_characters_one_by_one() {
        let cases: &[&[&str]] = &[
            &[""],
            &["abc"],
            &["abcdefghij klmnop"],
            &["cafe", "\u{301} noir"],
            &["cafe\u{301} noir"],
            &["cafe\u{AD}\u{301} noir et blanc"],
            &["cafe\u{AD}", "\u{301} noir"],
            &["l\u{2019}Union europ\u{e9}enne  \u{e0} l\u{2019}\u{e9}t\u{e9}"],
            &["Une phrase", "\ncoup\u{e9}e en deux", "\nLignes"],
            &[
                "Titre long de plus de soixante-cinq caract\u{e8}res pour le retour",
                "\nSuite",
            ],
            &["A\u{30A}ngstr\u{f6}m \u{212B} x\u{0}y\u{7f}z\r\n\tw"],
            &["mot\u{a0}\u{a0}mot \u{ab}\u{a0}cit\u{e9}\u{a0}\u{bb} \u{2013} fin\u{2026}"],
            &["abc\u{1F600}def ghi\u{300}jkl \u{CF}\u{300}"],
            &["  abc  ", "  def  "],
            &["x", "y", "zzzzzz", "\u{327}"],
            &[
                "\n  \t\r\n",
                "  ab  \n",
                "\u{0}\u{1f}\u{7f} \u{85}x",
                "\ncd\r\n  ",
            ],
            &["\n  Lettres", "\n\t\tsuite  ", " fin. ", "  \n"],
        ];
        for pieces in cases {
            assert_eq!(pushed(pieces, true), pushed(pieces, false), "{pieces:?}");
        }
    }

    #[test]
    fn a_mark_after_a_piece_composes_with_the_character_written_before_it() {
        // "cafe" then an entity for U+0301: the é stands for both, from the e to the entity's
        // end.
        let mut b = Builder::new(64, true);
        b.push_str("cafe", 0);
        b.push_replacement("\u{301}", 4, 10);
        b.push_str(" noir", 10);
        let built = b.finish();
        assert_eq!(built.text, "caf\u{e9} noir");
        assert_eq!(built.map.starts(), [0, 1, 2, 3, 3, 10, 11, 12, 13, 14]);
        assert_eq!((built.map.end(2), built.map.end(4)), (Some(3), Some(10)));
        // An entity for e, then the mark copied: the same, from the entity on.
        let mut b = Builder::new(64, true);
        b.push_str("caf", 0);
        b.push_replacement("e", 3, 9);
        b.push_str("\u{301}s", 9);
        let built = b.finish();
        assert_eq!(built.text, "caf\u{e9}s");
        assert_eq!(built.map.starts(), [0, 1, 2, 3, 3, 11]);
        assert_eq!(built.map.end(4), Some(11));
        // A soft hyphen between them is dropped, and they still compose; a space does not.
        let mut b = Builder::new(64, true);
        b.push_str("cafe", 0);
        b.push('\u{AD}', 4, 6);
        b.push('\u{301}', 6, 8);
        b.push_str("e ", 8);
        b.push('\u{301}', 10, 12);
        let built = b.finish();
        assert_eq!(built.text, "caf\u{e9}e \u{301}");
        assert_eq!(built.map.starts(), [0, 1, 2, 3, 3, 8, 9, 10, 11]);
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
        assert_eq!(b.map.starts().len(), b.text.len());
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
