//! An ASCII image of a text, with a map back to its byte offsets.
//!
//! The lexicons are regular expressions with word boundaries. On text holding any non-ASCII
//! letter the regex crate cannot run Unicode word boundaries in its fast automata and falls
//! back to a much slower engine; French is full of accents, so matching on the original text
//! made extraction a hundred times slower than reading. Folding "décidé" to "decide" (and
//! the patterns likewise) keeps every match the same and every search on the fast path.

use unicode_normalization::char::decompose_canonical;

/// The folded text and, for each of its bytes, the offset of the original character it
/// comes from (plus one entry for the end).
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    offsets: Vec<usize>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len() + 1);
        for (at, c) in original.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            offsets.resize(offsets.len() + (text.len() - before), at);
        }
        offsets.push(original.len());
        Folded { text, offsets }
    }

    /// The offset in the original text of a byte offset in the folded one.
    pub fn original(&self, folded: usize) -> usize {
        self.offsets
            .get(folded)
            .copied()
            .unwrap_or_else(|| self.offsets.last().copied().unwrap_or(0))
    }

    /// The offset in the folded text of the first byte at or after an original offset.
    pub fn folded(&self, original: usize) -> usize {
        self.offsets.partition_point(|&o| o < original)
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

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c);
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn folding_is_idempotent_on_ascii() {
        assert_eq!(fold("sont convenus d'"), "sont convenus d'");
        assert_eq!(fold("États-Unis"), "Etats-Unis");
    }
}
