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
fn key(word: &[u8]) -> u64 {
    let mut buf = [0u8; 8];
    buf[..word.len()].copy_from_slice(word);
    buf.make_ascii_lowercase();
    u64::from_le_bytes(buf)
}

const SLOTS: usize = 256;

fn slot(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// The stop words in an open-addressing table: a word costs a multiplication and a probe or
/// two, which matters when every word of every page is looked up.
struct Table {
    keys: [u64; SLOTS],
    /// 0 empty, 1 French, 2 English.
    langs: [u8; SLOTS],
}

static TABLE: std::sync::LazyLock<Table> = std::sync::LazyLock::new(|| {
    let mut t = Table {
        keys: [0; SLOTS],
        langs: [0; SLOTS],
    };
    for (lang, words) in [(1u8, FRENCH), (2, ENGLISH)] {
        for w in words {
            let k = key(w.as_bytes());
            let mut i = slot(k);
            while t.langs[i] != 0 && t.keys[i] != k {
                i = (i + 1) % SLOTS;
            }
            t.keys[i] = k;
            t.langs[i] = lang;
        }
    }
    t
});

/// Bytes that belong to words: ASCII letters and anything not ASCII.
const WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || (b as u8).is_ascii_alphabetic();
        b += 1;
    }
    table
};

/// Stop words seen in `s`: (French, English).
pub(crate) fn counts(s: &str) -> (u32, u32) {
    let t = &*TABLE;
    let mut n = [0u32; 3];
    let bytes = s.as_bytes();
    let mut i = 0;
    // Words are runs of ASCII letters and non-ASCII bytes: cheaper than asking Unicode about
    // every character, and the same on the stop words. None is longer than seven bytes.
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
        let k = match bytes.get(start..start + 8) {
            // Eight bytes at once where the text goes on that far. The word's bytes are ASCII
            // letters or not ASCII at all, so setting 0x20 on the ASCII ones lower-cases them
            // as `key` does; the mask keeps the word's own bytes.
            Some(eight) => {
                let mut b8 = [0u8; 8];
                b8.copy_from_slice(eight);
                let x = u64::from_le_bytes(b8);
                let lower = x | ((!x & 0x8080_8080_8080_8080) >> 2);
                lower & ((1u64 << (8 * (i - start))) - 1)
            }
            None => key(&bytes[start..i]),
        };
        let mut at = slot(k);
        while t.langs[at] != 0 {
            if t.keys[at] == k {
                n[t.langs[at] as usize] += 1;
                break;
            }
            at = (at + 1) % SLOTS;
        }
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
}
