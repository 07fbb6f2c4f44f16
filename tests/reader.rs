//! The reader on fixtures: the same document in every encoding and line-end convention reads
//! the same; metadata of the seeds; Markdown and HTML; spans that map back exactly.

use std::path::{Path, PathBuf};

use pledge::document::{Document, Format, Lang};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reader")
        .join(name)
}

fn read(name: &str) -> Document {
    Document::read(&fixture(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// Everything a reader of the document sees, in one comparable value.
fn understanding(d: &Document) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        d.text,
        d.language,
        d.title,
        d.published,
        d.updated,
        d.url,
        d.sentences,
        d.dates()
    )
}

fn variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let utf16 = |big: bool| -> Vec<u8> {
        let mark: [u8; 2] = if big { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
        mark.into_iter()
            .chain(text.encode_utf16().flat_map(move |u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            }))
            .collect()
    };
    // Windows-1252 has no non-breaking hyphen; the reader folds it to '-' anyway.
    let text_1252 = text.replace('\u{2011}', "-");
    let (latin, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text_1252);
    assert!(!unmappable, "the fixture must be encodable in Windows-1252");
    vec![
        ("utf-8", text.as_bytes().to_vec()),
        (
            "utf-8 with mark",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
        ),
        ("utf-16le", utf16(false)),
        ("utf-16be", utf16(true)),
        ("windows-1252", latin.into_owned()),
        ("crlf", text.replace('\n', "\r\n").into_bytes()),
        ("cr", text.replace('\n', "\r").into_bytes()),
        (
            "windows-1252 crlf",
            encoding_rs::WINDOWS_1252
                .encode(&text_1252.replace('\n', "\r\n"))
                .0
                .into_owned(),
        ),
    ]
}

#[test]
fn every_encoding_and_line_end_reads_the_same() {
    for name in [
        "001_a714f4d557bbd026.txt",
        "004_59b014a73b23eadc.txt",
        "note.md",
        "page.html",
    ] {
        let original = std::fs::read_to_string(fixture(name)).unwrap_or_default();
        let reference =
            Document::from_bytes(name, original.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        for (form, bytes) in variants(&original) {
            let doc =
                Document::from_bytes(name, &bytes).unwrap_or_else(|e| panic!("{name} {form}: {e}"));
            assert_eq!(
                understanding(&doc),
                understanding(&reference),
                "{name} as {form}"
            );
            for s in &doc.sentences {
                let [start, end] = doc.source_span(s.span.clone());
                assert!(
                    start <= end && end <= bytes.len(),
                    "{name} {form}: {start}..{end}"
                );
            }
        }
    }
}

#[test]
fn windows_1252_is_detected_and_spans_point_into_it() {
    let original = std::fs::read_to_string(fixture("004_59b014a73b23eadc.txt")).unwrap_or_default();
    let bytes = encoding_rs::WINDOWS_1252.encode(&original).0.into_owned();
    let doc = Document::from_bytes("004.txt", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.encoding, "windows-1252");
    let first = doc
        .sentences
        .iter()
        .find(|s| !s.heading)
        .unwrap_or_else(|| panic!("no sentence"));
    let [start, end] = doc.source_span(first.span.clone());
    let source = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&bytes[start..end])
        .0
        .replace('\u{2019}', "'");
    assert_eq!(source, doc.sentence_text(first));
}

#[derive(serde::Deserialize)]
struct Expected {
    document: Vec<ExpectedDocument>,
}

#[derive(serde::Deserialize)]
struct ExpectedDocument {
    file: String,
    language: String,
    title: String,
    published: String,
    updated: Option<String>,
    url: Option<String>,
}

fn fold(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
}

#[test]
fn seed_metadata_matches_the_annotation() {
    let expected: Expected =
        toml::from_str(&std::fs::read_to_string(fixture("seeds-meta.toml")).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"));
    let mut wrong = Vec::new();
    for want in &expected.document {
        let doc = read(&want.file);
        let got = [
            (
                "language",
                Some(doc.language.as_str().to_string()),
                Some(want.language.clone()),
            ),
            ("title", doc.title.clone(), Some(fold(&want.title))),
            (
                "published",
                doc.published.as_ref().map(|p| p.date.to_string()),
                Some(want.published.clone()),
            ),
            (
                "updated",
                doc.updated.as_ref().map(|p| p.value.clone()),
                want.updated.clone(),
            ),
            ("url", doc.url.clone(), want.url.clone()),
        ];
        for (field, got, want_value) in got {
            if got != want_value {
                wrong.push(format!(
                    "{} {field}: got {got:?}, want {want_value:?}",
                    want.file
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn sentences_survive_abbreviations_headings_and_broken_lines() {
    let doc = read("002_55b3f435e6b86b5b.txt");
    let texts: Vec<&str> = doc.sentences.iter().map(|s| doc.sentence_text(s)).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("comprend un soutien au suivi du paysage des menaces")),
        "{texts:#?}"
    );
    let heading = doc
        .sentences
        .iter()
        .find(|s| doc.sentence_text(s) == "Renforcement des cybercapacités");
    assert!(heading.is_some_and(|s| s.heading));

    let doc = read("004_59b014a73b23eadc.txt");
    let cochair = doc
        .sentences
        .iter()
        .map(|s| doc.sentence_text(s))
        .find(|t| t.starts_with("Le dialogue était coprésidé"));
    assert!(cochair.is_some_and(
        |t| t.contains("cheffe f.f. de la division") && t.contains("directrice f.f. de la")
    ));
    let english = doc.sentences.iter().find(|s| {
        doc.sentence_text(s)
            .starts_with("Ukraine: 3rd Cyber Dialogue")
    });
    assert_eq!(english.map(|s| s.language), Some(Lang::En));
    assert_eq!(doc.language, Lang::Fr);
}

#[test]
fn markdown_loses_its_markup() {
    let doc = read("note.md");
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(
        doc.title.as_deref(),
        Some("Conclusions du 4e dialogue UE–Ukraine")
    );
    assert_eq!(doc.url.as_deref(), Some("https://example.org/dialogue-4"));
    assert!(doc.text.contains(
        "à Kyiv et sont convenues de renforcer leur coopération en matière de cybersécurité."
    ));
    assert!(doc.text.contains("les menaces (en continu)."));
    assert!(!doc.text.contains("](") && !doc.text.contains("**") && !doc.text.contains("logo"));
}

#[test]
fn html_visible_text_only() {
    let doc = read("page.html");
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.title.as_deref(),
        Some("EU and Japan hold their 4th Cyber Dialogue")
    );
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.eeas.europa.eu/eeas/eu-japan-cyber-dialogue_en")
    );
    assert_eq!(doc.language, Lang::En);
    for hidden in [
        "not text",
        "font-family",
        "Enable JavaScript",
        "Hidden text",
        "Press material",
    ] {
        assert!(!doc.text.contains(hidden), "{hidden}");
    }
    assert!(
        doc.text.contains("capacity building & « Nous") || doc.text.contains("capacity building.")
    );
    let quote = doc
        .sentences
        .iter()
        .map(|s| doc.sentence_text(s))
        .find(|t| t.starts_with('«'));
    assert_eq!(
        quote,
        Some(
            "« Nous renforcerons notre coopération. Elle est essentielle. », a déclaré M. Dupont."
        )
    );
    let bytes = std::fs::read(fixture("page.html")).unwrap_or_default();
    let sentence = doc
        .sentences
        .iter()
        .find(|s| doc.sentence_text(s).contains("capacity building"));
    let [start, end] = sentence
        .map(|s| doc.source_span(s.span.clone()))
        .unwrap_or_default();
    assert!(String::from_utf8_lossy(&bytes[start..end]).ends_with("capacity building."));
    assert!(String::from_utf8_lossy(&bytes[start..end]).contains("&amp;"));
}

#[test]
fn empty_and_binary_input() {
    let doc = Document::from_bytes("empty.txt", b"").unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.text.is_empty() && doc.sentences.is_empty() && doc.title.is_none());
    assert_eq!(doc.source_span(0..0), [0, 0]);
    let error = Document::from_bytes("a.out", b"\x7fELF\x02\x01\x01\0\0\0\0\0")
        .err()
        .map(|e| e.to_string());
    assert!(error.is_some_and(|e| e.starts_with("a.out: ")));
}

/// Pieces that exercise every step: markup, entities, typography, combining marks, line ends.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèàçœ]{1,9}".prop_map(|s| s),
        Just(" ".into()),
        Just(". ".into()),
        Just("\n".into()),
        Just("\r\n".into()),
        Just("\n\n".into()),
        Just("\r".into()),
        Just("e\u{301}".into()),
        Just("\u{301}".into()),
        Just("\u{A0}".into()),
        Just("\u{2019}".into()),
        Just("\u{AD}".into()),
        Just("« ".into()),
        Just(" »".into()),
        Just("<p>".into()),
        Just("</p>".into()),
        Just("<br>".into()),
        Just("<script>x</script>".into()),
        Just("&amp;".into()),
        Just("&eacute;".into()),
        Just("&#x2019;".into()),
        Just("[l](http://x.eu/a)".into()),
        Just("\\(".into()),
        Just("# ".into()),
        Just("- ".into()),
        Just("*".into()),
        Just("M. ".into()),
        Just("08 Dec. 2017".into()),
        Just("😀".into()),
    ]
}

fn document_text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), ext in "(txt|md|html)") {
        let _ = Document::from_bytes(&format!("f.{ext}"), &bytes);
    }

    #[test]
    fn spans_lie_on_character_boundaries_of_the_source(text in document_text(), ext in "(txt|md|html)") {
        let name = format!("f.{ext}");
        let doc = Document::from_bytes(&name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        for s in &doc.sentences {
            prop_assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
            let [start, end] = doc.source_span(s.span.clone());
            prop_assert!(start <= end && end <= text.len());
            prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{start}..{end}");
        }
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let wide = Document::from_bytes(&name, &utf16).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&wide.text, &doc.text);
        for s in &wide.sentences {
            let [start, end] = wide.source_span(s.span.clone());
            prop_assert!(start <= end && end <= utf16.len() && start % 2 == 0 && end % 2 == 0);
        }
    }

    #[test]
    fn plain_text_sentences_are_their_source_with_spaces_collapsed(
        words in prop::collection::vec("[a-z]{1,8}|[A-Z][a-z]{0,7}\\.|\n|\n\n", 0..60)
    ) {
        let text = words.join(" ");
        let doc = Document::from_bytes("f.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        for s in &doc.sentences {
            let [start, end] = doc.source_span(s.span.clone());
            let source: Vec<&str> = text[start..end].split_whitespace().collect();
            prop_assert_eq!(source.join(" "), doc.sentence_text(s));
        }
    }
}

#[test]
fn pathological_lines_stay_linear() {
    // Small enough for an unoptimised build; the CLI test reads 5 MB.
    let n = 20_000;
    let cases = [
        ("brackets.md", "[".repeat(n)),
        ("links.md", "[a](".repeat(n)),
        ("autolinks.md", "<http://".repeat(n)),
        ("ticks.md", "` `` ".repeat(n)),
        ("escapes.md", "[x \\(http://".repeat(n)),
        ("quotes.txt", "« a. B ".repeat(n)),
        ("dots.txt", "a.".repeat(n)),
        ("entities.html", "&amp".repeat(n)),
        ("tags.html", "<a href='".repeat(n)),
        ("comments.html", "<!--".repeat(n)),
        ("breaks.html", "<br>".repeat(n)),
        ("combining.txt", "e\u{301}\u{302}\u{303}".repeat(n)),
    ];
    for (name, text) in cases {
        let started = std::time::Instant::now();
        let doc =
            Document::from_bytes(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        for s in &doc.sentences {
            let [start, end] = doc.source_span(s.span.clone());
            assert!(
                start <= end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end)
            );
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{name}: {:?}",
            started.elapsed()
        );
    }
}

/// Every document of the test fixtures and the seeds, however deep.
fn every_document() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pending = vec![root.join("seeds"), root.join("tests/fixtures")];
    let mut found = Vec::new();
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("a fixture folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("txt" | "md" | "html" | "htm")
            ) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Extraction reads the dates of a sentence alone (`Document::dates_in`): it must find there
/// what reading the whole text finds, or a deadline would depend on how much was read.
#[test]
fn a_sentence_read_alone_has_the_dates_the_whole_text_has_there() {
    let documents = every_document();
    assert!(documents.len() > 40, "{} documents", documents.len());
    for path in documents {
        let Ok(doc) = Document::read(&path) else {
            continue;
        };
        for sentence in &doc.sentences {
            let span = sentence.span.clone();
            let whole: Vec<_> = doc
                .dates()
                .iter()
                .filter(|d| span.contains(&d.span.start))
                .map(|d| format!("{d:?}"))
                .collect();
            let alone: Vec<_> = doc
                .dates_in(span.clone())
                .iter()
                .map(|d| format!("{d:?}"))
                .collect();
            assert_eq!(whole, alone, "{}: {:?}", path.display(), &doc.text[span]);
        }
    }
}
