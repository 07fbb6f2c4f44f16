//! Plain text and Markdown: both are read line by line (LF, CRLF or CR); Markdown also loses
//! its markup (headings, emphasis, links, images, escapes, code fences) and keeps its text.

use super::normalize::{Builder, Gap, Kind};

/// Lines of `src` with the offset where each starts, whatever the line ends.
fn lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = src.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        at = end + 1;
        if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            at += 1;
        }
        Some((start, &src[start..end]))
    })
}

/// A list marker at the start of a line: the length to skip.
fn bullet(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after = if matches!(
        first,
        '-' | '*'
            | '+'
            | '•'
            | '·'
            | '▪'
            | '◦'
            | '‣'
            | '●'
            | '○'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '–'
            | '—'
    ) {
        first.len_utf8()
    } else {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) || !matches!(line.as_bytes().get(digits), Some(b'.' | b')')) {
            return None;
        }
        digits + 1
    };
    let rest = &line[after..];
    if rest.is_empty() {
        return Some(after);
    }
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t', '\u{A0}']).len();
    (spaces > 0).then_some(after + spaces)
}

pub(crate) fn read(src: &str, b: &mut Builder, markdown: bool) {
    let mut blank = true;
    let mut after_text = false;
    let mut fence: Option<&str> = None;
    for (start, line) in lines(src) {
        let trimmed = line.trim_start_matches([' ', '\t']);
        let mut at = start + line.len() - trimmed.len();
        let mut content = trimmed.trim_end();
        if content.is_empty() {
            blank = true;
            after_text = false;
            continue;
        }
        let gap = if blank { Gap::Blank } else { Gap::Line };
        blank = false;
        let mut kind = Kind::Para;
        if markdown {
            if let Some(marker) = fence {
                if content.starts_with(marker) {
                    fence = None;
                    blank = gap == Gap::Blank;
                } else {
                    b.open(gap, Kind::Para);
                    b.push_str(content, at as u32);
                }
                continue;
            }
            if content.starts_with("```") || content.starts_with("~~~") {
                fence = Some(&content[..3]);
                blank = gap == Gap::Blank;
                continue;
            }
            let underline = content.len() >= 2
                && (content.bytes().all(|c| c == b'=') || content.bytes().all(|c| c == b'-'));
            if underline && after_text && gap == Gap::Line {
                b.retag_last(Kind::Heading(if content.starts_with('=') { 1 } else { 2 }));
                after_text = false;
                continue;
            }
            if is_rule(content) || is_reference_definition(content) {
                b.open(Gap::Blank, Kind::Para);
                after_text = false;
                continue;
            }
            while let Some(rest) = content.strip_prefix('>') {
                let rest2 = rest.trim_start();
                at += content.len() - rest2.len();
                content = rest2;
            }
            let hashes = content.bytes().take_while(|&c| c == b'#').count();
            if (1..=6).contains(&hashes)
                && matches!(content.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
            {
                let rest = content[hashes..].trim_start();
                at += content.len() - rest.len();
                content = rest.trim_end_matches('#').trim_end();
                kind = Kind::Heading(hashes as u8);
            }
        }
        if kind == Kind::Para
            && let Some(skip) = bullet(content)
        {
            at += skip;
            content = &content[skip..];
            kind = Kind::Item;
        }
        if content.is_empty() {
            continue;
        }
        let first_word = content
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        b.open_line(
            gap,
            kind,
            !first_word.is_empty() && first_word.chars().all(char::is_lowercase),
        );
        if markdown {
            let table = content.starts_with('|');
            if table
                && content
                    .bytes()
                    .all(|c| matches!(c, b'|' | b'-' | b':' | b' '))
            {
                continue;
            }
            inline(content, at as u32, b, false, table);
        } else {
            b.push_str(content, at as u32);
        }
        after_text = kind == Kind::Para;
    }
}

fn is_rule(line: &str) -> bool {
    let mut marks = line.bytes().filter(|&c| c != b' ');
    let Some(first @ (b'-' | b'*' | b'_')) = marks.next() else {
        return false;
    };
    let mut n = 1;
    for c in marks {
        if c != first {
            return false;
        }
        n += 1;
    }
    n >= 3
}

fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line.find("]:").is_some_and(|p| {
            p > 1 && !line[..p].contains(']') && line[p + 2..].trim_start().len() > 1
        })
}

fn url_starts(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// End (exclusive) of the bracketed run opening at `open` (`[`/`]` or `(`/`)`), nesting and
/// backslash escapes considered. `next` caches where the next closing byte is, so that a line
/// of openers that never close is read once, not once per opener.
fn closing(s: &str, open: usize, left: u8, right: u8, next: &mut Option<usize>) -> Option<usize> {
    let bytes = s.as_bytes();
    if next.is_none_or(|n| n < open) {
        *next = Some(
            bytes[open..]
                .iter()
                .position(|&c| c == right)
                .map_or(usize::MAX, |p| open + p),
        );
    }
    if next.is_some_and(|n| n == usize::MAX || n >= open + REACH) {
        return None;
    }
    let mut depth = 0usize;
    let mut i = open;
    let end = bytes.len().min(open + REACH);
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            c if c == left => depth += 1,
            c if c == right => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the next `]` and `)` of a line are, once looked up.
#[derive(Default)]
struct Closers {
    bracket: Option<usize>,
    paren: Option<usize>,
}

/// How far inline syntax may reach: a label, an address or a code span longer than this is
/// not one, and looking further would make a line full of brackets quadratic.
const REACH: usize = 1024;

/// `s[from..]`, cut at `REACH` bytes (on a char boundary).
fn within(s: &str, from: usize) -> &str {
    let mut end = s.len().min(from + REACH);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(from..end).unwrap_or("")
}

/// `[label](target)` or `[label][ref]` at `i`: the label's end and the end of the whole.
fn link_at(s: &str, i: usize, c: &mut Closers) -> Option<(usize, usize)> {
    let label_end = closing(s, i, b'[', b']', &mut c.bracket)?;
    match s.as_bytes().get(label_end) {
        Some(b'(') => Some((
            label_end - 1,
            closing(s, label_end, b'(', b')', &mut c.paren)?,
        )),
        Some(b'[') => Some((
            label_end - 1,
            closing(s, label_end, b'[', b']', &mut c.bracket)?,
        )),
        _ => None,
    }
}

/// A parenthesised address inside a link label (`\(https://…\)`): its end, to drop it.
fn parenthesised_url(s: &str, i: usize, c: &mut Closers) -> Option<usize> {
    let rest = &s[i..];
    if let Some(inner) = rest.strip_prefix("\\(") {
        if url_starts(inner) {
            return within(inner, 0).find("\\)").map(|p| i + 2 + p + 2);
        }
    } else if rest.strip_prefix('(').is_some_and(url_starts) {
        return closing(s, i, b'(', b')', &mut c.paren);
    }
    None
}

/// Bytes that may start Markdown syntax inside a line.
const SPECIAL: [bool; 256] = super::byte_table(b"\\![(<`*_~|");

/// Length of the run at the start of `b` in which no byte may start Markdown syntax.
fn plain_len(b: &[u8]) -> usize {
    let mut i = 0;
    // Eight bytes at a time while they are letters, spaces, digits, common punctuation or
    // not ASCII, as most of a line is; a byte of another kind is looked up in `SPECIAL`, and
    // the scan goes on after it.
    while let Some(eight) = b.get(i..i + 8) {
        let lanes = no_syntax_lanes(u64::from_le_bytes(eight.try_into().unwrap_or_default()));
        if lanes == HIGH {
            i += 8;
            continue;
        }
        i += (!lanes & HIGH).trailing_zeros() as usize / 8;
        if SPECIAL[b[i] as usize] {
            return i;
        }
        i += 1;
    }
    i + b[i..]
        .iter()
        .position(|&c| SPECIAL[c as usize])
        .unwrap_or(b.len() - i)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter, a space, a digit, most of the
/// punctuation of running text (`"#$%&')+,-./:;`) or not ASCII: none of them starts Markdown
/// syntax. Every sum is on seven-bit values, so no carry crosses bytes.
fn no_syntax_lanes(x: u64) -> u64 {
    let lower = (x | (ONES * 0x20)) & !HIGH;
    let from_a = lower + ONES * (0x80 - u64::from(b'a'));
    let past_z = lower + ONES * (0x80 - u64::from(b'z') - 1);
    let letters = from_a & !past_z;
    let diff = x ^ (ONES * u64::from(b' '));
    let spaces = !(((diff & !HIGH) + !HIGH) | diff);
    // Bytes from `lo` to `hi`, on the low seven bits (the high bit is taken as it is).
    let low = x & !HIGH;
    let between = |lo: u8, hi: u8| {
        (low + ONES * (0x80 - u64::from(lo))) & !(low + ONES * (0x80 - u64::from(hi) - 1))
    };
    let punctuation = between(b'"', b'\'') | between(b')', b')') | between(b'+', b';');
    (x | letters | spaces | punctuation) & HIGH
}

/// Whether the byte at `i`, which may start Markdown syntax, is only itself here: what
/// `inline` pushes as it is, the syntax it could start not following.
fn literal_at(s: &str, i: usize, in_label: bool, table: bool) -> bool {
    let rest = &s.as_bytes()[i + 1..];
    match s.as_bytes()[i] {
        b'(' => !in_label,
        b'!' => rest.first() != Some(&b'['),
        b'|' => !table,
        b'<' => !(url_starts(&s[i + 1..]) || s[i + 1..].starts_with("mailto:")),
        _ => false,
    }
}

fn inline(s: &str, base: u32, b: &mut Builder, in_label: bool, table: bool) {
    let bytes = s.as_bytes();
    let mut closers = Closers::default();
    let mut i = 0;
    while i < bytes.len() {
        // A run of text goes on over the bytes that start no syntax where they are (a
        // parenthesis outside a link's label, a bar outside a table): they would be pushed
        // one by one as what they are, which is what copying them with the run does.
        let mut end = i + plain_len(&bytes[i..]);
        while end < bytes.len() && literal_at(s, end, in_label, table) {
            end += 1;
            end += plain_len(&bytes[end..]);
        }
        if end > i {
            b.push_str(&s[i..end], base + i as u32);
            i = end;
            continue;
        }
        let at = base + i as u32;
        match bytes[i] {
            b'\\' | b'(' if in_label && parenthesised_url(s, i, &mut closers).is_some() => {
                i = parenthesised_url(s, i, &mut closers).unwrap_or(bytes.len());
            }
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                b.push_replacement(&s[i + 1..i + 2], at, at + 2);
                i += 2;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => match link_at(s, i + 1, &mut closers) {
                Some((_, end)) => i = end,
                None => {
                    b.push('!', at, at + 1);
                    i += 1;
                }
            },
            b'[' => match link_at(s, i, &mut closers) {
                Some((label_end, end)) => {
                    inline(&s[i + 1..label_end], at + 1, b, true, table);
                    i = end;
                }
                None => {
                    b.push('[', at, at + 1);
                    i += 1;
                }
            },
            b'<' if url_starts(&s[i + 1..]) || s[i + 1..].starts_with("mailto:") => {
                match within(s, i + 1).find(['>', ' ', '<']) {
                    Some(p) if bytes[i + 1 + p] == b'>' => {
                        b.push_str(&s[i + 1..i + 1 + p], at + 1);
                        i += p + 2;
                    }
                    _ => {
                        b.push('<', at, at + 1);
                        i += 1;
                    }
                }
            }
            b'`' => {
                let n = bytes[i..].iter().take_while(|&&c| c == b'`').count();
                let fence = &s[i..i + n];
                match within(s, i + n).find(fence) {
                    Some(p) => {
                        b.push_str(&s[i + n..i + n + p], at + n as u32);
                        i += n + p + n;
                    }
                    None => {
                        b.push_str(fence, at);
                        i += n;
                    }
                }
            }
            c @ (b'*' | b'_' | b'~') => {
                let n = bytes[i..].iter().take_while(|&&x| x == c).count();
                let prev = s[..i].chars().next_back().unwrap_or(' ');
                let next = s[i + n..].chars().next().unwrap_or(' ');
                let literal = (prev.is_whitespace() && next.is_whitespace())
                    || (c == b'_' && prev.is_alphanumeric() && next.is_alphanumeric())
                    || (c == b'~' && n != 2);
                if literal {
                    b.push_str(&s[i..i + n], at);
                }
                i += n;
            }
            b'|' if table => {
                b.space(at, at + 1);
                i += 1;
            }
            c => {
                b.push(c as char, at, at + 1);
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(src: &str, markdown: bool) -> (String, Vec<(Kind, String)>) {
        let mut b = Builder::new(src.len(), true);
        read(src, &mut b, markdown);
        let built = b.finish();
        let blocks = built
            .blocks
            .iter()
            .map(|bl| (bl.kind, built.text[bl.range.clone()].to_string()))
            .collect();
        (built.text, blocks)
    }

    #[test]
    fn plain_runs_end_at_the_first_special_byte_as_by_the_table() {
        let by_table = |b: &[u8]| {
            b.iter()
                .position(|&c| SPECIAL[c as usize])
                .unwrap_or(b.len())
        };
        for byte in 0..=255u8 {
            for lane in 0..12 {
                for fill in [b'a', b' ', b'Z', 0xC3, b'.', b'0', b'@', b'{'] {
                    let mut bytes = [fill; 14];
                    bytes[lane] = byte;
                    for from in 0..3 {
                        assert_eq!(
                            plain_len(&bytes[from..]),
                            by_table(&bytes[from..]),
                            "{byte:#x} in lane {lane} of {fill:#x}, from {from}"
                        );
                    }
                }
            }
        }
        let line = "Un texte [lien](https://x.eu) et `code`, l'été * 2 _x_ ~y~ | fin\\.";
        for from in 0..line.len() {
            let b = &line.as_bytes()[from..];
            assert_eq!(plain_len(b), by_table(b), "{from}");
        }
    }

    #[test]
    fn links_lose_their_markup_and_the_address_in_their_label() {
        let (t, _) = text(
            "[Cybersécurité: L'UE \\(https://e.eu/a_(b)\\)](https://e.eu/a) and ![img](x.png) <https://x.eu/p>",
            true,
        );
        assert_eq!(t, "Cybersécurité: L'UE and https://x.eu/p");
    }

    #[test]
    fn headings_emphasis_bullets_and_escapes() {
        let (t, blocks) = text(
            "# Titre #\n\nUn **gras** et _it_ snake_case \\*\n\n- point un\n* point deux\n1. trois\n",
            true,
        );
        assert_eq!(
            t,
            "Titre\n\nUn gras et it snake_case *\n\npoint un\npoint deux\ntrois"
        );
        assert_eq!(blocks[0].0, Kind::Heading(1));
        assert_eq!(blocks[2].0, Kind::Item);
    }

    #[test]
    fn setext_heading_and_fences() {
        let (t, blocks) = text("Titre\n=====\n\n```\ncode *x*\n```\n", true);
        assert_eq!(t, "Titre\n\ncode *x*");
        assert_eq!(blocks[0].0, Kind::Heading(1));
    }

    #[test]
    fn bytes_that_start_no_syntax_where_they_are_stay_in_the_run() {
        let line = "Le (SEAE) dit ! a | b < c <https://x.eu> ![i](x.png) [l (m)](https://y.eu) fin";
        let (t, _) = text(line, true);
        assert_eq!(t, "Le (SEAE) dit ! a | b < c https://x.eu l (m) fin");
        let (t, _) = text("| a (b) | c |", true);
        assert_eq!(t, "a (b) c");
    }

    #[test]
    fn line_ends_of_every_kind() {
        assert_eq!(text("a.\r\nB.\rC.\nD.", false).0, "a.\nB.\nC.\nD.");
    }

    #[test]
    fn plain_text_bullets() {
        let (t, blocks) = text("  • 08 Dec. 2017 -\n  • |\n", false);
        assert_eq!(t, "08 Dec. 2017 -\n|");
        assert_eq!(blocks.len(), 2);
    }
}
