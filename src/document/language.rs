//! French or English, by counting the little words each language cannot do without.

use super::Lang;

/// Stop words seen in `s`: (French, English).
pub(crate) fn counts(s: &str) -> (u32, u32) {
    let (mut fr, mut en) = (0, 0);
    let mut buf = [0u8; 8];
    // Words are runs of ASCII letters and non-ASCII characters: cheaper than asking Unicode
    // about every character, and the same on the stop words.
    for word in s
        .as_bytes()
        .split(|&b| b < 0x80 && !b.is_ascii_alphabetic())
    {
        if word.is_empty() || word.len() > buf.len() {
            continue;
        }
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        match &*lower {
            b"le" | b"la" | b"les" | b"des" | b"du" | b"de" | b"et" | b"est" | b"un" | b"une"
            | b"dans" | b"pour" | b"sur" | b"avec" | b"au" | b"aux" | b"qui" | b"que" | b"ne"
            | b"pas" | b"par" | b"ce" | b"cette" | b"ces" | b"son" | b"sa" | b"ses" | b"leur"
            | b"leurs" | b"ont" | b"sont" | b"nous" | b"vous" | b"il" | b"elle" | b"ils"
            | b"elles" | b"en" | b"l" | b"d" | b"qu" | b"j" | b"n" | b"c" | b"se" | b"lors"
            | b"mais" | b"ou" | b"dont" | b"entre" | b"selon" | b"aussi" | b"tous" | b"toutes"
            | b"notre" | b"nos" | b"votre" | b"vos" => fr += 1,
            b"the" | b"of" | b"and" | b"to" | b"in" | b"is" | b"are" | b"for" | b"with"
            | b"that" | b"this" | b"by" | b"from" | b"at" | b"be" | b"have" | b"has" | b"was"
            | b"were" | b"will" | b"an" | b"it" | b"its" | b"their" | b"our" | b"we" | b"which"
            | b"they" | b"been" | b"would" | b"should" | b"also" | b"these" | b"those"
            | b"between" | b"into" | b"who" | b"not" | b"but" | b"all" | b"took" => en += 1,
            [0xC3, 0xA0] | [0xC3, 0xA9, 0x74, 0xC3, 0xA9] => fr += 1,
            _ => {}
        }
    }
    (fr, en)
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
    }
}
