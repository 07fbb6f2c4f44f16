//! French or English, by counting the little words each language cannot do without.

use super::Lang;

const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "un", "une", "dans", "pour", "sur", "avec",
    "au", "aux", "qui", "que", "ne", "pas", "par", "ce", "cette", "ces", "son", "sa", "ses",
    "leur", "leurs", "ont", "sont", "nous", "vous", "il", "elle", "ils", "elles", "en", "l", "d",
    "qu", "j", "n", "c", "se", "lors", "mais", "ou", "dont", "entre", "selon", "aussi", "tous",
    "toutes", "notre", "nos", "votre", "vos", "à", "été",
];

const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "are", "for", "with", "that", "this", "by", "from", "at",
    "be", "have", "has", "was", "were", "will", "an", "it", "its", "their", "our", "we", "which",
    "they", "been", "would", "should", "also", "these", "those", "between", "into", "who", "not",
    "but", "all", "took",
];

/// A word of up to eight bytes as a number, to look it up with integer comparisons.
const fn key(word: &[u8]) -> u64 {
    let mut k = 0u64;
    let mut i = 0;
    while i < word.len() {
        k |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    k
}

const SLOTS: usize = 1024;

/// The stop words by a perfect hash: each has a slot of its own, so that a word costs a
/// multiplication and one comparison, which matters when every word of every page is looked
/// up. Built at compile time, with the first multiplier from a fixed start that separates
/// them all.
struct Table {
    multiplier: u64,
    keys: [u64; SLOTS],
    /// 0 empty, 1 French, 2 English.
    langs: [u8; SLOTS],
}

const fn slot(k: u64, multiplier: u64) -> usize {
    (k.wrapping_mul(multiplier) >> (64 - SLOTS.trailing_zeros())) as usize
}

impl Table {
    /// The language of the stop word whose key is `k`: 1 French, 2 English, 0 if none.
    fn lang(&self, k: u64) -> usize {
        let at = slot(k, self.multiplier);
        if self.keys[at] == k {
            usize::from(self.langs[at])
        } else {
            0
        }
    }

    /// The table for `multiplier`, if it gives every stop word a slot of its own.
    const fn build(multiplier: u64) -> Option<Table> {
        let mut t = Table {
            multiplier,
            keys: [0; SLOTS],
            langs: [0; SLOTS],
        };
        let lists: [(u8, &[&str]); 2] = [(1, FRENCH), (2, ENGLISH)];
        let mut l = 0;
        while l < lists.len() {
            let (lang, words) = lists[l];
            let mut w = 0;
            while w < words.len() {
                let k = key(words[w].as_bytes());
                let at = slot(k, multiplier);
                if t.langs[at] != 0 {
                    return None;
                }
                t.keys[at] = k;
                t.langs[at] = lang;
                w += 1;
            }
            l += 1;
        }
        Some(t)
    }
}

static TABLE: Table = {
    let mut multiplier = 0x9E37_79B9_7F4A_7C15u64;
    loop {
        if let Some(t) = Table::build(multiplier) {
            break t;
        }
        multiplier = multiplier.wrapping_add(0x2545_F491_4F6C_DD1D);
    }
};

/// Bytes that belong to words: ASCII letters and anything not ASCII.
#[cfg(test)]
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || (b as u8).is_ascii_alphabetic();
        b += 1;
    }
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (eight bytes of text, the first lowest) that belongs to a
/// word, as `WORD` says: set already for bytes that are not ASCII, and for ASCII ones whose
/// lower-case form is a letter. Lower-cased, the bytes left are at most 0x7F, so adding to
/// them carries into no neighbour.
fn word_lanes(x: u64) -> u64 {
    let lower = (x | (ONES * 0x20)) & !HIGH;
    let from_a = lower + ONES * (0x80 - b'a' as u64);
    let past_z = lower + ONES * (0x80 - b'z' as u64 - 1);
    (x | (from_a & !past_z)) & HIGH
}

/// Eight bytes of `bytes` from `i`, the first lowest; zeros (which are not word bytes) stand
/// for those past the end.
fn eight(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..).and_then(<[u8]>::first_chunk) {
        Some(&eight) => u64::from_le_bytes(eight),
        None => {
            let mut buf = [0u8; 8];
            let rest = bytes.get(i..).unwrap_or_default();
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    }
}

/// The first index from `i` whose byte is a word byte (`want`) or is not, or past the end.
fn next_lane(bytes: &[u8], mut i: usize, want: bool) -> usize {
    while i < bytes.len() {
        let lanes = word_lanes(eight(bytes, i));
        let found = if want { lanes } else { !lanes & HIGH };
        if found != 0 {
            return i + found.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i
}

/// Stop words seen in `s`: (French, English).
pub(crate) fn counts(s: &str) -> (u32, u32) {
    let t = &TABLE;
    let mut n = [0u32; 3];
    let bytes = s.as_bytes();
    // Words are runs of ASCII letters and non-ASCII bytes: cheaper than asking Unicode about
    // every character, and the same on the stop words. None is longer than seven bytes, so
    // eight bytes read at once from a word's start say its length, its key (masked) and,
    // most often, where the next word starts.
    let mut i = next_lane(bytes, 0, true);
    while i < bytes.len() {
        let x = eight(bytes, i);
        let words = word_lanes(x);
        // The high bit of the first byte that is not the word's: none, a word too long.
        let end = !words & HIGH;
        if end == 0 {
            i = next_lane(bytes, next_lane(bytes, i + 8, false), true);
            continue;
        }
        // Every bit up to that one: shifted down a byte, the mask of the word's own bytes,
        // made without counting them.
        let through = end ^ (end - 1);
        // Setting 0x20 on the ASCII bytes lower-cases the letters as `key` does.
        let k = (x | ((!x & HIGH) >> 2)) & (through >> 8);
        n[t.lang(k)] += 1;
        let after = words & !through;
        i = if after != 0 {
            i + after.trailing_zeros() as usize / 8
        } else {
            next_lane(bytes, i + 8, true)
        };
    }
    (n[1], n[2])
}

/// `counts` a byte at a time, as it read before words were read eight bytes at once.
#[cfg(test)]
fn counts_bytewise(s: &str) -> (u32, u32) {
    let t = &TABLE;
    let mut n = [0u32; 3];
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !WORD[bytes[i] as usize] {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && WORD[bytes[i] as usize] {
            i += 1;
        }
        if i - start > 7 {
            continue;
        }
        let k = key(&bytes[start..i]);
        n[t.lang(k)] += 1;
    }
    (n[1], n[2])
}

/// The language with more stop words; `default` on a tie.
pub(crate) fn decide((fr, en): (u32, u32), default: Lang) -> Lang {
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english() {
        assert_eq!(
            decide(
                counts("Les Alliés se sont réunis à Legionowo pour la conférence."),
                Lang::En
            ),
            Lang::Fr
        );
        assert_eq!(
            decide(
                counts("NATO Allies met in Poland for the annual conference"),
                Lang::Fr
            ),
            Lang::En
        );
        assert_eq!(decide(counts("Cyberespace"), Lang::En), Lang::En);
        // Words read eight bytes at a time and at the end of the text count alike.
        assert_eq!(counts("LES été, The À. les"), (3, 1));
    }

    #[test]
    fn every_stop_word_and_only_they_are_in_the_table() {
        for (lang, words) in [(1, FRENCH), (2, ENGLISH)] {
            for w in words {
                assert_eq!(TABLE.lang(key(w.as_bytes())), lang, "{w}");
                let upper = w.to_ascii_uppercase();
                assert_eq!(TABLE.lang(key(upper.as_bytes())), lang, "{w}");
            }
        }
        let slots = TABLE.langs.iter().filter(|&&l| l != 0).count();
        assert_eq!(slots, FRENCH.len() + ENGLISH.len());
        for w in ["", "x", "lex", "thee", "dans1", "\u{e9}t\u{e9}s"] {
            assert_eq!(TABLE.lang(key(w.as_bytes())), 0, "{w}");
        }
    }

    #[test]
    fn word_lanes_agree_with_the_byte_table() {
        for b in 0..=255u8 {
            assert_eq!(word_lanes(u64::from(b)) != 0, WORD[b as usize], "{b:#x}");
            // In every lane, with neighbours of every kind.
            for (lane, fill) in (0..8).zip([0u8, b'a', 0xC3, b'Z', b'@', b'{', 0x7F, b' ']) {
                let mut bytes = [fill; 8];
                bytes[lane] = b;
                let lanes = word_lanes(u64::from_le_bytes(bytes));
                for (k, &x) in bytes.iter().enumerate() {
                    assert_eq!(lanes >> (8 * k + 7) & 1 == 1, WORD[x as usize]);
                }
            }
        }
    }

    #[test]
    fn counts_read_eight_bytes_at_once_as_byte_by_byte() {
        for s in [
            "",
            "a",
            "à",
            "le",
            "Le chat et le chien: THE end, À été-été; d'où l'on vient.",
            "between betweens THOSE,those\tthe\u{a0}the\u{0}the\u{7f}le\r\nla",
            "aujourd'hui QU'IL n'est l'été de l'année : 1er [la] {le} @the `of`",
            "Ça été À Été ÉTÉ été.été été",
            "xxxxxxxle le xxxxxxxxle",
        ] {
            assert_eq!(counts(s), counts_bytewise(s), "{s:?}");
            // Every suffix, so that words meet the end of the text at every offset.
            for (i, _) in s.char_indices() {
                assert_eq!(counts(&s[i..]), counts_bytewise(&s[i..]), "{:?}", &s[i..]);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn counts_agree_with_the_bytewise_reading(
            s in "([a-zA-Z]{0,9}|le|LES|the|à|été|[\\x00-\\x40\\x5b-\\x60\\x7b-\\x7f]|\\u{e0}|\\u{c9}|\\u{2019}){0,30}"
        ) {
            proptest::prop_assert_eq!(counts(&s), counts_bytewise(&s));
        }
    }
}
