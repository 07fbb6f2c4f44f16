//! Generated press pages for measuring the reader: French and English, plain text, Markdown
//! and HTML, UTF-8 and Windows-1252, with the date lines, quotes, abbreviations and date
//! expressions real pages have. Deterministic for a given seed. Shared by the benchmark
//! (`benches/throughput.rs`) and `examples/corpus.rs`, which writes it to a folder.

#![allow(dead_code)]

pub struct Generated {
    /// File name, whose extension says the format.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// xorshift64*: small, fast, reproducible; statistical quality does not matter here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FR_ACTORS: &[&str] = &[
    "L'Union européenne",
    "L'UE et l'Ukraine",
    "Les Alliés",
    "L'OTAN",
    "Les États-Unis et l'UE",
    "Le Service européen pour l'action extérieure (SEAE)",
    "Les deux parties",
    "La Commission européenne",
    "M. Dupont",
    "Mme Durand, directrice f.f. de la division",
];

const FR_VERBS: &[&str] = &[
    "sont convenus de renforcer leur coopération en matière de cybersécurité",
    "se sont engagés à intensifier les échanges d'informations sur les menaces",
    "ont souligné leur ferme attachement au cadre des Nations unies",
    "ont examiné les progrès réalisés dans la mise en œuvre de l'engagement",
    "poursuivront le dialogue sur la cyberdiplomatie",
    "ont décidé d'organiser un exercice commun",
    "sont déterminés à soutenir la résilience des infrastructures critiques",
    "ont discuté de l'évolution du paysage des cybermenaces, p. ex. les rançongiciels, etc.",
];

const FR_DATES: &[&str] = &[
    "d'ici 2030",
    "en septembre 2025",
    "avant fin 2026",
    "au premier semestre 2026",
    "le 15 juillet 2024",
    "depuis 2023",
    "du 3 au 5 juin 2025",
    "cette semaine",
    "l'année prochaine",
    "le 1er mars",
];

const EN_ACTORS: &[&str] = &[
    "The European Union",
    "NATO Allies",
    "The EU and the U.S.",
    "Both sides",
    "Mr. J. Smith, head of the cyber unit,",
    "The High Representative",
    "Partner nations",
];

const EN_VERBS: &[&str] = &[
    "agreed to deepen cooperation on cyber resilience",
    "pledged to share threat intelligence",
    "will hold the next dialogue in Brussels",
    "reaffirmed their commitment to an open and secure cyberspace",
    "discussed capacity building in third countries, e.g. in the Western Balkans",
    "decided to set up a joint working group",
];

const EN_DATES: &[&str] = &[
    "by 2027",
    "in March 2025",
    "on 20-21 May 2025",
    "next year",
    "this week",
    "in Q3 2025",
    "on March 3, 2025",
];

const MONTHS_FR: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "septembre",
    "octobre",
    "décembre",
];
const MONTHS_EN: &[&str] = &[
    "Jan.", "Feb.", "Mar.", "May.", "Jun.", "Sep.", "Oct.", "Dec.",
];

fn sentence(rng: &mut Rng, french: bool) -> String {
    let (actors, verbs, dates) = if french {
        (FR_ACTORS, FR_VERBS, FR_DATES)
    } else {
        (EN_ACTORS, EN_VERBS, EN_DATES)
    };
    let mut s = format!("{} {}", rng.pick(actors), rng.pick(verbs));
    if rng.below(2) == 0 {
        s.push(' ');
        s.push_str(rng.pick(dates));
    }
    match rng.below(6) {
        0 if french => format!("« {s}. Nous irons plus loin », a déclaré M. Martin."),
        1 => format!(
            "{s}, version 3.5 du cadre (n° {}) comprise.",
            rng.below(900) + 10
        ),
        _ => format!("{s}."),
    }
}

fn paragraph(rng: &mut Rng, french: bool) -> String {
    let n = 2 + rng.below(5);
    (0..n)
        .map(|_| sentence(rng, french))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Page {
    title: String,
    date_line: String,
    updated: String,
    paragraphs: Vec<String>,
    bullets: Vec<String>,
}

fn page(rng: &mut Rng, french: bool) -> Page {
    let day = 1 + rng.below(28);
    let year = 2015 + rng.below(11);
    let title = if french {
        format!(
            "Cyberespace: le {}e dialogue entre l'UE et {} a lieu à Bruxelles",
            2 + rng.below(9),
            rng.pick(&["l'Ukraine", "le Japon", "les États-Unis"])
        )
    } else {
        format!(
            "EU and {} hold their {}th Cyber Dialogue",
            rng.pick(&["Japan", "Ukraine", "the United States"]),
            2 + rng.below(9)
        )
    };
    let date_line = match rng.below(3) {
        0 => format!("{day:02} {} {year} -", rng.pick(MONTHS_EN)),
        1 => format!(
            "Brussels, {day:02}/{:02}/{year} - 16:50, UNIQUE ID: {}",
            1 + rng.below(12),
            rng.below(999_999)
        ),
        _ => format!("Le {day} {} {year}", rng.pick(MONTHS_FR)),
    };
    let updated = format!(
        "Mis à jour le: {:02} {} {year} 15:18",
        day,
        rng.pick(MONTHS_EN)
    );
    let n = 8 + rng.below(30);
    let paragraphs = (0..n)
        .map(|i| paragraph(rng, if i % 5 == 4 { !french } else { french }))
        .collect();
    let bullets = (0..3 + rng.below(4))
        .map(|_| sentence(rng, french))
        .collect();
    Page {
        title,
        date_line,
        updated,
        paragraphs,
        bullets,
    }
}

fn text(p: &Page) -> String {
    let mut s = format!(
        "Skip to main content\nNews article | Publication\n\n{}\n\n  • {}\n  • |\n  • {}\n\n",
        p.title, p.date_line, p.updated
    );
    for (i, para) in p.paragraphs.iter().enumerate() {
        s.push_str(para);
        s.push_str("\n\n");
        if i == 2 {
            for b in &p.bullets {
                s.push_str(&format!("- {b}\n"));
            }
            s.push('\n');
        }
    }
    s.push_str("Source URL:\n\n<https://example.europa.eu/news/dialogue>\n");
    s
}

fn markdown(p: &Page) -> String {
    let mut s = format!(
        "# [{} \\(https://example.europa.eu/a\\)](https://example.europa.eu/a)\n\n*{}*\n\n",
        p.title, p.date_line
    );
    for (i, para) in p.paragraphs.iter().enumerate() {
        if i % 6 == 5 {
            s.push_str("## Prochaines étapes\n\n");
        }
        s.push_str(
            &para.replacen("coopération", "**coopération**", 1).replacen(
                "cybersécurité",
                "[cybersécurité](https://example.org/c_(x))",
                1,
            ),
        );
        s.push_str("\n\n");
    }
    for b in &p.bullets {
        s.push_str(&format!("* {b}\n"));
    }
    s.push_str("\n![logo](logo.png)\n");
    s
}

fn html(p: &Page) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('«', "&laquo;")
            .replace('»', "&raquo;")
            .replace('é', "&eacute;")
    };
    let mut s = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{} | Site</title>\
         <script>var dataLayer = [{{\"a\": \"<p>x</p>\"}}];</script><style>p {{ margin: 0 }}</style></head>\n\
         <body><nav><ul><li>Home</li><li>News</li></ul></nav><main><h1>{}</h1>\n<p class=\"date\">{}</p>\n",
        escape(&p.title),
        escape(&p.title),
        escape(&p.date_line)
    );
    for para in &p.paragraphs {
        s.push_str(&format!(
            "<p>{}</p>\n",
            escape(para).replacen("Union", "<b>Union</b>", 1)
        ));
    }
    s.push_str("<ul>");
    for b in &p.bullets {
        s.push_str(&format!("<li>{}</li>", escape(b)));
    }
    s.push_str("</ul></main><footer>&copy; 2025</footer></body></html>\n");
    s
}

/// About `total` bytes of pages.
pub fn generate(total: usize, seed: u64) -> Vec<Generated> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::new();
    let mut size = 0;
    while size < total {
        let i = out.len();
        let french = rng.below(4) != 0;
        let p = page(&mut rng, french);
        let (ext, body) = match i % 3 {
            0 => ("txt", text(&p)),
            1 => ("md", markdown(&p)),
            _ => ("html", html(&p)),
        };
        let bytes = if i % 7 == 3 && ext == "txt" {
            encoding_rs::WINDOWS_1252.encode(&body).0.into_owned()
        } else if i % 11 == 5 {
            body.replace('\n', "\r\n").into_bytes()
        } else {
            body.into_bytes()
        };
        size += bytes.len();
        out.push(Generated {
            name: format!("{i:05}_{}.{ext}", if french { "fr" } else { "en" }),
            bytes,
        });
    }
    out
}

/// Writes the documents into `dir` (created if needed), each under its own name, and returns
/// their paths in order.
pub fn write_all(
    dir: &std::path::Path,
    docs: &[Generated],
) -> std::io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)?;
    docs.iter()
        .map(|d| {
            let path = dir.join(&d.name);
            std::fs::write(&path, &d.bytes).map(|()| path)
        })
        .collect()
}
