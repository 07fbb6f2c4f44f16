//! From bytes to a string, remembering where each character came from.

use std::borrow::Cow;

/// Decoded text and, for every byte boundary of it, the offset in the original bytes.
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static str,
    pub map: Map,
}

#[derive(Debug, Clone)]
pub(crate) enum Map {
    /// The text is the original bytes after a prefix (a byte order mark) of this length.
    Shift(u32),
    /// Original offset of every char boundary of the text, plus the end.
    Table(Vec<u32>),
}

impl Map {
    /// Offset in the original bytes of a char boundary `i` of the decoded text.
    pub fn original(&self, i: u32) -> u32 {
        match self {
            Map::Shift(n) => i + n,
            Map::Table(t) => t
                .get(i as usize)
                .copied()
                .unwrap_or_else(|| t.last().copied().unwrap_or(0)),
        }
    }
}

pub(crate) enum DecodeError {
    Binary,
}

/// Decodes `bytes`: a byte order mark wins; then UTF-8 if valid (or nearly so), UTF-16 without
/// a mark when its zero bytes give it away, a charset an HTML page declares, Windows-1252.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, 3);
    }
    let wide = if bytes.starts_with(b"\xFF\xFE") {
        Some(utf16(&bytes[2..], 2, false))
    } else if bytes.starts_with(b"\xFE\xFF") {
        Some(utf16(&bytes[2..], 2, true))
    } else {
        bomless_utf16(bytes).map(|big_endian| utf16(bytes, 0, big_endian))
    };
    match wide {
        Some(d) if looks_binary_text(&d.text) => Err(DecodeError::Binary),
        Some(d) => Ok(d),
        None => utf8(bytes, 0),
    }
}

fn utf8(bytes: &[u8], bom: u32) -> Result<Decoded<'_>, DecodeError> {
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    // Every byte of every file is validated here: simdutf8 checks 32 bytes a step where the
    // standard library goes a character at a time once it meets one that is not ASCII (about
    // every twenty bytes of French), and accepts exactly what it accepts.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "UTF-8",
            map: Map::Shift(bom),
        });
    }
    // A file with many well-formed multi-byte sequences and a few stray bytes is damaged
    // UTF-8, not Windows-1252: decoding it as 1252 would garble every accented letter.
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += non_ascii_chars(chunk.valid());
        invalid += chunk.invalid().len();
    }
    if multi >= 4 * invalid {
        return Ok(lossy_utf8(bytes, bom));
    }
    let encoding = declared_single_byte(bytes).unwrap_or(encoding_rs::WINDOWS_1252);
    Ok(single_byte(bytes, bom, encoding))
}

/// The characters of `s` that are not ASCII, counted by their lead bytes (0xC0 and up; the
/// bytes that continue a character are 0x80..0xBF) in a loop that vectorises: a 1252 file is
/// read through to the end before it is known not to be UTF-8.
fn non_ascii_chars(s: &str) -> usize {
    s.bytes().filter(|&b| b >= 0xC0).count()
}

fn lossy_utf8(bytes: &[u8], bom: u32) -> Decoded<'_> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = Vec::with_capacity(bytes.len() + 17);
    let mut at = bom;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        map.extend((0..valid.len() as u32).map(|i| at + i));
        at += valid.len() as u32;
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            map.extend([at; 3]);
            at += chunk.invalid().len() as u32;
        }
    }
    map.push(at);
    Decoded {
        text: Cow::Owned(text),
        encoding: "UTF-8",
        map: Map::Table(map),
    }
}

/// One byte, one character: the map is a walk over the decoded characters.
fn single_byte<'a>(
    bytes: &'a [u8],
    bom: u32,
    encoding: &'static encoding_rs::Encoding,
) -> Decoded<'a> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let mut map = Vec::with_capacity(text.len() + 1);
    // Each byte of the text maps to the index of its character, counted by the bytes that
    // start one: a byte loop, not a character loop that extends the map by each one's length.
    let mut char_start = bom.wrapping_sub(1);
    map.extend(text.bytes().map(|b| {
        char_start = char_start.wrapping_add(u32::from(b & 0xC0 != 0x80));
        char_start
    }));
    map.push(bom + bytes.len() as u32);
    Decoded {
        text: Cow::Owned(text.into_owned()),
        encoding: encoding.name(),
        map: Map::Table(map),
    }
}

fn utf16(bytes: &[u8], bom: u32, big_endian: bool) -> Decoded<'static> {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut map = Vec::with_capacity(bytes.len() + 1);
    let mut at = bom;
    for c in char::decode_utf16(units) {
        let (c, width) = match c {
            Ok(c) => (c, if c as u32 >= 0x10000 { 4 } else { 2 }),
            Err(_) => (char::REPLACEMENT_CHARACTER, 2),
        };
        text.push(c);
        map.extend(std::iter::repeat_n(at, c.len_utf8()));
        at += width;
    }
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
        map.extend([at; 3]);
        at += 1;
    }
    map.push(at);
    Decoded {
        text: Cow::Owned(text),
        encoding: if big_endian { "UTF-16BE" } else { "UTF-16LE" },
        map: Map::Table(map),
    }
}

/// UTF-16 without a mark: text in Latin script has a zero in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Without a zero byte neither half can be mostly zeros: most files are told at once.
    if head.len() < 8 || memchr::memchr(0, head).is_none() {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 6 && even * 20 <= pairs {
        Some(false)
    } else if even * 10 >= pairs * 6 && odd * 20 <= pairs {
        Some(true)
    } else {
        None
    }
}

/// NUL bytes, or mostly control characters, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    // The memchr crate's search: the standard library's reads a word at a time.
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Counted in byte lanes, 64 bytes at a time (a u8 cannot overflow): without a branch or
    // a wide counter per byte the loop vectorises.
    let control: usize = head
        .chunks(64)
        .map(|chunk| {
            let n: u8 = chunk
                .iter()
                .map(|&b| u8::from(b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' && b != 0x0C))
                .sum();
            usize::from(n)
        })
        .sum();
    control * 10 > head.len()
}

/// The same test on decoded text: NUL, or mostly control characters, in the first 4096.
fn looks_binary_text(text: &str) -> bool {
    let (mut n, mut control) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        n += 1;
        if c == '\0' {
            return true;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') {
            control += 1;
        }
    }
    control * 10 > n
}

/// The charset an HTML page declares in its first bytes, when it is a single-byte one
/// (a multi-byte declaration on bytes that are not UTF-8 is not worth trusting).
fn declared_single_byte(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'')
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
        .collect();
    encoding_rs::Encoding::for_label(&label).filter(|e| e.is_single_byte())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(d: &Decoded, original_len: usize) {
        assert_eq!(d.map.original(d.text.len() as u32) as usize, original_len);
    }

    #[test]
    fn utf8_with_and_without_mark() {
        let d = decode("é".as_bytes()).ok().unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding, d.map.original(2)),
            ("é", "UTF-8", 2)
        );
        let d = decode(b"\xEF\xBB\xBFa").ok().unwrap();
        assert_eq!((d.text.as_ref(), d.map.original(0)), ("a", 3));
    }

    #[test]
    fn windows_1252() {
        let d = decode(b"caf\xe9 \x92").ok().unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("café \u{2019}", "windows-1252")
        );
        assert_eq!(d.map.original(3), 3);
        assert_eq!(d.map.original(5), 4);
        check_map(&d, 6);
    }

    #[test]
    fn utf16_both_orders_with_and_without_mark() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é a".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le).ok().unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding, d.map.original(2)),
            ("é a", "UTF-16LE", 4)
        );
        check_map(&d, le.len());
        let be: Vec<u8> = "Bonjour le monde"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let d = decode(&be).ok().unwrap();
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("Bonjour le monde", "UTF-16BE")
        );
    }

    #[test]
    fn binary_with_zeros_in_every_other_byte_is_refused() {
        let bytes: Vec<u8> = (0..64u8).flat_map(|i| [i % 7, 0]).collect();
        assert!(matches!(decode(&bytes), Err(DecodeError::Binary)));
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00"),
            Err(DecodeError::Binary)
        ));
    }

    #[test]
    fn single_byte_maps_every_byte_of_a_character_to_its_source_byte() {
        let bytes: Vec<u8> = (0x20..=0xFFu8).chain(*b"caf\xe9 \x92x\x80").collect();
        for bom in [0, 3] {
            let d = single_byte(&bytes, bom, encoding_rs::WINDOWS_1252);
            let mut by_chars = Vec::new();
            for (i, c) in d.text.chars().enumerate() {
                by_chars.extend(std::iter::repeat_n(bom + i as u32, c.len_utf8()));
            }
            by_chars.push(bom + bytes.len() as u32);
            let Map::Table(map) = &d.map else {
                panic!("a table")
            };
            assert_eq!(map, &by_chars);
        }
    }

    #[test]
    fn non_ascii_characters_counted_by_lead_bytes() {
        for s in [
            "",
            "abc",
            "é",
            "aé€😀b",
            "\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}",
        ] {
            assert_eq!(
                non_ascii_chars(s),
                s.chars().filter(|c| !c.is_ascii()).count(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn simd_validation_accepts_what_the_standard_library_accepts() {
        let long = "Le Conseil a adopté l'accord – « été » 😀 ".repeat(8);
        let mut cases: Vec<Vec<u8>> = [
            &b""[..],
            b"abc",
            b"\xC0\xAF",
            b"\xED\xA0\x80",
            b"\xF4\x90\x80\x80",
            b"\xE2\x82",
            b"a\xFFb",
        ]
        .iter()
        .map(|b| b.to_vec())
        .collect();
        for tail in [&b""[..], b"\xE2\x82", b"\xC3", b"\xED\xBF\xBF", b"\x80"] {
            for cut in [0, 1, 5, 40] {
                let mut bytes = long.as_bytes()[cut..].to_vec();
                bytes.extend_from_slice(tail);
                cases.push(bytes);
            }
        }
        for bytes in &cases {
            assert_eq!(
                simdutf8::basic::from_utf8(bytes).is_ok(),
                std::str::from_utf8(bytes).is_ok(),
                "{bytes:x?}"
            );
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let bytes: Vec<u8> = "é è à ç \u{ff} ".bytes().chain([0xFF]).collect();
        let d = decode(&bytes).ok().unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with('\u{FFFD}'));
    }
}
