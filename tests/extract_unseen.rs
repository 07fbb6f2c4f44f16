//! Golden test: extraction on press releases written to look like those the product is
//! judged on and that the seeds do not show, against their hand annotations. DEV
//! (`tests/fixtures/extract/dev/`) is the set the rules were mended on; HOLDOUT
//! (`tests/fixtures/extract/holdout/`) was written afterwards and scored without tuning, then
//! mended; HOLDOUT2 (`tests/fixtures/extract/holdout2/`) was written and annotated before the
//! rules were read, scored once blind (F1 0.88), then mended as grammar, never per sentence;
//! HOLDOUT3 (`tests/fixtures/extract/holdout3/`) likewise (blind F1 0.97, actors 0.72), and
//! HOLDOUT4 (`tests/fixtures/extract/holdout4/`) too (blind F1 0.74: government releases that
//! name no party, numbered lists of bare verbs), and HOLDOUT5 (`tests/fixtures/extract/holdout5/`)
//! (blind F1 0.91, actors 0.78: Council conclusions tasking the Commission, countries missing
//! from the registry), HOLDOUT6 (`tests/fixtures/extract/holdout6/`) (blind F1 0.85), and
//! HOLDOUT7 to HOLDOUT30 (`tests/fixtures/extract/holdout7/` ... `holdout30/`) (blind F1
//! 0.93, 0.89, 0.94, 0.91, 0.90, 0.92, 0.93, 0.92, 0.93, 0.91, 0.83, 0.96, 0.97, 0.94, 0.88,
//! 0.91, 0.96, 0.92, 0.96, 0.95, 0.93, 0.94, 0.94 and 0.88).
//! The floors sit a little under the figures measured when they were written, so that a
//! regression fails here. Run with `--nocapture` to see the figures and what fails.

#[path = "extract_common/mod.rs"]
mod extract_common;

/// Scores the documents of `dir` against `gold`, and asserts the floors: precision, recall,
/// actors, deadline, strength, metadata.
fn assert_floors(name: &str, gold: &str, dir: &str, floors: [f64; 6]) {
    let score = extract_common::score(gold, dir);
    let summary = score.summary();
    println!("{name}: {summary}");
    let figures = [
        ("precision", score.precision),
        ("recall", score.recall),
        ("actors", score.actors),
        ("deadline", score.deadline),
        ("strength", score.strength),
        ("meta", score.meta),
    ];
    for ((what, got), floor) in figures.into_iter().zip(floors) {
        assert!(got >= floor, "{name}: {what} {got:.2} < {floor}\n{summary}");
    }
}

#[test]
fn dev_documents_match_their_annotation() {
    // Measured: P=1.00 R=1.00 actors=0.98 deadline=1.00 strength=1.00 meta=1.00.
    assert_floors(
        "dev",
        include_str!("fixtures/extract/dev-gold.toml"),
        "tests/fixtures/extract/dev",
        [0.95, 0.95, 0.93, 0.95, 0.95, 0.95],
    );
}

#[test]
fn holdout_documents_match_their_annotation() {
    // Measured: P=1.00 R=1.00 actors=1.00 deadline=0.97 strength=1.00 meta=1.00.
    assert_floors(
        "holdout",
        include_str!("fixtures/extract/holdout-gold.toml"),
        "tests/fixtures/extract/holdout",
        [0.95, 0.95, 0.95, 0.93, 0.95, 0.95],
    );
}

#[test]
fn holdout2_documents_match_their_annotation() {
    // Blind: P=0.93 R=0.84 actors=0.85 deadline=0.78 strength=1.00 meta=0.96.
    // Measured after mending: P=1.00 R=1.00 actors=1.00 deadline=1.00 strength=1.00 meta=1.00.
    assert_floors(
        "holdout2",
        include_str!("fixtures/extract/holdout2-gold.toml"),
        "tests/fixtures/extract/holdout2",
        [0.95, 0.95, 0.94, 0.94, 0.95, 0.95],
    );
}

#[test]
fn holdout3_documents_match_their_annotation() {
    // Blind: P=0.99 R=0.96 F1=0.97 actors=0.72 deadline=0.97 strength=1.00 meta=0.88.
    // Measured after mending: P=1.00 R=1.00 actors=0.97 deadline=1.00 strength=1.00 meta=1.00.
    assert_floors(
        "holdout3",
        include_str!("fixtures/extract/holdout3-gold.toml"),
        "tests/fixtures/extract/holdout3",
        [0.95, 0.95, 0.93, 0.95, 0.95, 0.95],
    );
}

#[test]
fn holdout4_documents_match_their_annotation() {
    // Blind: P=0.92 R=0.62 F1=0.74 actors=0.83 deadline=0.88 strength=1.00 meta=0.79.
    // Measured after mending: P=0.99 R=0.99 actors=0.99 deadline=0.88 strength=1.00 meta=1.00.
    assert_floors(
        "holdout4",
        include_str!("fixtures/extract/holdout4-gold.toml"),
        "tests/fixtures/extract/holdout4",
        [0.95, 0.95, 0.95, 0.85, 0.95, 0.95],
    );
}

#[test]
fn holdout5_documents_match_their_annotation() {
    // Blind: P=1.00 R=0.83 F1=0.91 actors=0.78 deadline=0.88 strength=1.00 meta=1.00.
    // Measured after mending: P=1.00 R=0.93 actors=0.92 deadline=0.91 strength=1.00 meta=1.00.
    // Left: sentences the annotation splits into two commitments, a party known only from
    // who publishes ("Treasury"), a deadline from "mid-2027" read as its middle third.
    assert_floors(
        "holdout5",
        include_str!("fixtures/extract/holdout5-gold.toml"),
        "tests/fixtures/extract/holdout5",
        [0.95, 0.90, 0.88, 0.85, 0.95, 0.95],
    );
}

#[test]
fn holdout6_documents_match_their_annotation() {
    // Blind: P=1.00 R=0.74 F1=0.85 actors=0.94 deadline=0.86 strength=1.00 meta=0.94.
    // Measured after mending: P=1.00 R=0.83 actors=0.95 deadline=0.90 strength=1.00 meta=1.00.
    // Left: sentences the annotation splits in two (a quotation's second sentence, "X, and
    // we will Y"), the Secretary General's own "we" in a transcript (NATO, not the Allies).
    assert_floors(
        "holdout6",
        include_str!("fixtures/extract/holdout6-gold.toml"),
        "tests/fixtures/extract/holdout6",
        [0.95, 0.80, 0.90, 0.85, 0.95, 0.95],
    );
}

#[test]
fn holdout7_documents_match_their_annotation() {
    // Blind: P=1.00 R=0.86 F1=0.93 actors=0.90 deadline=0.96 strength=0.96 meta=0.94.
    // Measured after mending: P=1.00 R=0.97 actors=0.91 deadline=0.96 strength=0.96 meta=1.00.
    // Left: "before we meet again" as a date, the Pall Mall Process as a party, co-chairs.
    assert_floors(
        "holdout7",
        include_str!("fixtures/extract/holdout7-gold.toml"),
        "tests/fixtures/extract/holdout7",
        [0.95, 0.92, 0.88, 0.92, 0.94, 0.95],
    );
}

#[test]
fn holdout8_documents_match_their_annotation() {
    // Blind: P=1.00 R=0.80 F1=0.89 actors=0.78 deadline=0.92 strength=1.00 meta=0.89.
    // Measured after mending: P=1.00 R=0.93 actors=0.98 deadline=0.93 strength=1.00 meta=1.00.
    // Left: "Le Conseil continuera de suivre ... et les réexaminera", whose bare "Conseil" is
    // no party the split could check, "agreed to deepen ... and to coordinate", a centre of
    // NATO's that is NATO.
    assert_floors(
        "holdout8",
        include_str!("fixtures/extract/holdout8-gold.toml"),
        "tests/fixtures/extract/holdout8",
        [0.95, 0.90, 0.93, 0.90, 0.95, 0.95],
    );
}

#[test]
fn holdout9_documents_match_their_annotation() {
    // Blind: P=0.94 R=0.94 F1=0.94 actors=0.80 deadline=0.94 strength=1.00 meta=0.89 (the
    // site's banner taken for the body, "franco-hellénique", the Swiss agency, "shall" in a
    // law's summary, the sentences of a quotation kept whole).
    // Measured after mending: P=1.00 R=0.99 actors=1.00 deadline=0.97 strength=1.00 meta=1.00.
    // Left: a relative clause annotated as a commitment of its own ("un groupe de travail,
    // qui se réunira ... au premier trimestre 2026"), a deadline read from an event dated two
    // paragraphs earlier.
    assert_floors(
        "holdout9",
        include_str!("fixtures/extract/holdout9-gold.toml"),
        "tests/fixtures/extract/holdout9",
        [0.95, 0.95, 0.95, 0.92, 0.95, 0.95],
    );
}

#[test]
fn holdout10_documents_match_their_annotation() {
    // Blind: P=0.99 R=0.85 F1=0.91 actors=0.78 deadline=0.91 strength=1.00 meta=0.94 (a
    // second verb sharing its subject, sums pledged, the Tallinn Mechanism's participants, a
    // name deep in a sentence taken for its subject, GOV.UK's "Policy paper" for a headline).
    // Measured after mending: P=0.99 R=0.93 actors=0.92 deadline=0.92 strength=1.00 meta=1.00.
    // Left: "agreed to ... and to designate", whose second verb has no trigger of its own;
    // "Notre ambition est que", "dont nous partagerons"; partners named in a list item
    // ("en lien avec la partie française").
    assert_floors(
        "holdout10",
        include_str!("fixtures/extract/holdout10-gold.toml"),
        "tests/fixtures/extract/holdout10",
        [0.95, 0.90, 0.90, 0.90, 0.95, 0.95],
    );
}

#[test]
fn holdout11_documents_match_their_annotation() {
    // Blind: P=0.90 R=0.90 F1=0.90 actors=0.70 deadline=0.91 strength=1.00 meta=0.89 (the
    // Secretary General's "nous" taken for the Allies, "devront" and "will have until" taken
    // for undertakings, an enumeration of bare names after "We, the foreign ministers of",
    // a site's section and "Communiqué par :" taken for headlines).
    // Measured after mending: P=0.95 R=0.90 actors=0.74 deadline=0.91 strength=1.00 meta=1.00.
    // Left: the annotator's NB8 as one party where the declaration names its eight countries
    // (the guideline gives countries their ISO codes, as the Weimar Triangle's members in
    // holdout8), a quoted official of a NATO agency in a Luxembourg page, two relative
    // clauses annotated as commitments of their own.
    assert_floors(
        "holdout11",
        include_str!("fixtures/extract/holdout11-gold.toml"),
        "tests/fixtures/extract/holdout11",
        [0.92, 0.88, 0.70, 0.88, 0.95, 0.95],
    );
}

#[test]
fn holdout12_documents_match_their_annotation() {
    // Blind: P=0.96 R=0.88 F1=0.92 actors=0.91 deadline=0.91 strength=0.98 meta=1.00 (offers
    // in the conditional after "Should Viet Nam decide" taken for commitments, "s'étaient
    // engagés lors du sommet ..., à" and "charge le DFAE de lui présenter" missed, NATO's
    // ministers taken for the organisation or for the partners named before them, a speaker
    // quoted by surname placed at no party, "Dès cet hiver" and "avant leur réunion de
    // février 2027" read as no deadline).
    // Measured after mending: P=1.00 R=0.96 actors=1.00 deadline=0.98 strength=0.98 meta=1.00.
    // Left: a relative clause annotated as a commitment of its own ("which will meet for the
    // first time by March 2026"), a present "est chargé de" the annotator was unsure of.
    assert_floors(
        "holdout12",
        include_str!("fixtures/extract/holdout12-gold.toml"),
        "tests/fixtures/extract/holdout12",
        [0.95, 0.92, 0.95, 0.94, 0.95, 0.95],
    );
}

#[test]
fn holdout13_documents_match_their_annotation() {
    // Blind: P=0.94 R=0.93 F1=0.93 actors=0.94 deadline=0.88 strength=0.98 meta=1.00 (a
    // press conference's moderator, "I will not speculate", "There will be no reopening" and
    // "If an Ally asks, NATO stands ready" taken for commitments, funding periods read as
    // deadlines, "a demandé au SGDSN de lui remettre" missed).
    // Measured after mending: P=1.00 R=0.96 actors=0.98 deadline=0.92 strength=0.98 meta=1.00.
    // Left: a relative clause annotated as a commitment of its own, a deadline taken from
    // another sentence's date of the same event, an obligation ("devront disposer") the
    // annotator reads as the State's target.
    assert_floors(
        "holdout13",
        include_str!("fixtures/extract/holdout13-gold.toml"),
        "tests/fixtures/extract/holdout13",
        [0.95, 0.92, 0.94, 0.88, 0.95, 0.95],
    );
}

#[test]
fn holdout14_documents_match_their_annotation() {
    // Blind: P=0.96 R=0.88 F1=0.92 actors=0.83 deadline=0.93 strength=0.98 meta=0.89 (the
    // Nordic defence ministers' "we" unknown to the registry, a dateline taken for the
    // headline, a byline's dateline missed, "tandis que la Nouvelle-Zélande mettra" kept in
    // the clause before, "Cette coopération avec la France nous permettra" taken for France's).
    // Measured after mending: P=0.98 R=0.90 actors=1.00 deadline=0.98 strength=0.98 meta=1.00.
    // Left: "and France will support" and "et participera" after another verb, a minister's
    // prediction ("nous détecterons plus vite"), a task whose deadline is a meeting dated in
    // another paragraph.
    assert_floors(
        "holdout14",
        include_str!("fixtures/extract/holdout14-gold.toml"),
        "tests/fixtures/extract/holdout14",
        [0.95, 0.87, 0.95, 0.94, 0.95, 0.95],
    );
}

#[test]
fn holdout15_documents_match_their_annotation() {
    // Blind: P=1.00 R=0.87 F1=0.93 actors=0.74 deadline=0.96 strength=1.00 meta=1.00 (an
    // agency named with its country's adjective, "le NCSC irlandais", unknown; "What I can
    // tell you is that Allies will" read as a relative clause; "Nous chargeons nos ministres
    // ... de" not a task; "les délégations" and "les partenaires" not all the parties; the
    // Secretary General's "we agreed" taken for NATO's rather than the Allies').
    // Measured after mending: P=1.00 R=0.94 actors=0.97 deadline=0.93 strength=1.00 meta=1.00.
    // Left: "Nous demandons à ces agences de" (a demonstrative: own agencies or another
    // party's), "The NCSC intends to" (an acronym the registry gives no country), "d'ici l'été"
    // read as the end of summer where the annotator reads its start.
    assert_floors(
        "holdout15",
        include_str!("fixtures/extract/holdout15-gold.toml"),
        "tests/fixtures/extract/holdout15",
        [0.97, 0.92, 0.95, 0.91, 0.97, 0.97],
    );
}

#[test]
fn holdout16_documents_match_their_annotation() {
    // Blind: P=0.94 R=0.88 F1=0.91 actors=0.86 deadline=0.83 strength=0.97 meta=1.00 (a
    // minister's speech whose "nous" went to Ukraine, named in "La guerre en Ukraine a
    // montré"; "Poland and Latvia will each second" after ", and" kept in Germany's clause;
    // "Elle facilitera" and "It will remain in effect" taken for commitments; "nous voulons
    // bâtir" not an intent).
    // Measured after mending: P=0.98 R=0.93 actors=0.95 deadline=0.87 strength=0.97 meta=1.00;
    // R=0.98 since "Allies had agreed at the Washington Summit in 2024 to" (holdout17's mending).
    // Left: one item for two capability dates (the annotator keeps the later), "twice a year"
    // and "continue to work together" given a deadline from elsewhere in the sentence, a
    // second commitment after a colon, "et continuera d'en promouvoir" after another verb.
    assert_floors(
        "holdout16",
        include_str!("fixtures/extract/holdout16-gold.toml"),
        "tests/fixtures/extract/holdout16",
        [0.95, 0.90, 0.92, 0.84, 0.94, 0.97],
    );
}

#[test]
fn holdout17_documents_match_their_annotation() {
    // Blind: P=0.89 R=0.79 F1=0.83 actors=0.84 deadline=0.89 strength=0.97 meta=0.83 (national
    // agencies the registry did not know, NÚKIB, CCB, GOVCERT.LU; "the Czech and Slovak cyber
    // security agencies" read as no party; "Member States have not yet been able to agree" and
    // "Operators will not face" taken for commitments; a headline taken from the share
    // buttons; "I have tasked the EEAS"; "agreed in their joint declaration ... to deepen";
    // "conviennent en outre de").
    // Measured after mending: see the floors; left: "Dès 2026" and "dès cette année" read as
    // no deadline, a Czech date line ("24. 2. 2026"), a forecast "continueront de croître"
    // after "Selon les deux délégations".
    assert_floors(
        "holdout17",
        include_str!("fixtures/extract/holdout17-gold.toml"),
        "tests/fixtures/extract/holdout17",
        [0.93, 0.95, 0.95, 0.93, 0.93, 0.91],
    );
}

#[test]
fn holdout18_documents_match_their_annotation() {
    // Blind: P=0.97 R=0.95 F1=0.96 actors=0.73 deadline=0.96 strength=0.96 meta=1.00, the
    // African Union then written AU (now AFRICAN_UNION, the registry's id: AU is Australia);
    // the Gulf Cooperation Council unknown to the registry; "Les Alliés ont décidé ce soir de".
    // Left: "Our national authorities" of a joint statement given to one party, "Le nouveau
    // programme complétera les projets existants" taken for a plan.
    assert_floors(
        "holdout18",
        include_str!("fixtures/extract/holdout18-gold.toml"),
        "tests/fixtures/extract/holdout18",
        [0.95, 0.95, 0.91, 0.93, 0.93, 0.97],
    );
}

#[test]
fn holdout19_documents_match_their_annotation() {
    // Blind (after holdout17/18's mending): P=0.98 R=0.95 F1=0.97 actors=0.95 deadline=0.97
    // strength=1.00 meta=0.89 ("j'ai demandé à l'ANSSI de", two relative clauses in the future,
    // the europa.eu banner without its bar taken for the body, which hid the headline).
    // Left: a relative clause in the future after a clause that commits to nothing ("le
    // programme, qui sera doté de 6 millions d'euros") which earlier annotators read as a
    // description, "Nous allons former ... des officiers finlandais" given Finland too.
    assert_floors(
        "holdout19",
        include_str!("fixtures/extract/holdout19-gold.toml"),
        "tests/fixtures/extract/holdout19",
        [0.95, 0.95, 0.92, 0.94, 0.97, 0.97],
    );
}

#[test]
fn holdout20_documents_match_their_annotation() {
    // Blind (after holdout17/18's mending): P=0.98 R=0.91 F1=0.94 actors=0.71 deadline=0.92
    // strength=1.00 meta=1.00 (the Dominican Republic, Costa Rica and Haiti unknown to the
    // registry; "We, the Ministers of ... the Republic of Latvia and the Republic of Lithuania"
    // read as Estonia alone; "de haut niveau" taken for the level a forecast speaks of; "an
    // initial €145 million"; "tasked the Alliance's cyber working group with").
    // Left: the OSCE chairmanship's acts given to Switzerland where the annotator reads the
    // OSCE, "d'ici le Conseil ministériel de décembre" read as no deadline.
    assert_floors(
        "holdout20",
        include_str!("fixtures/extract/holdout20-gold.toml"),
        "tests/fixtures/extract/holdout20",
        [0.95, 0.95, 0.88, 0.90, 0.97, 0.97],
    );
}

#[test]
fn holdout21_documents_match_their_annotation() {
    // Blind (after holdout19/20's mending): P=0.98 R=0.80 F1=0.88 actors=0.86 deadline=0.94
    // strength=1.00 meta=1.00 (a ministry's release that names France only through the
    // ANSSI: no party for "le Gouvernement", "la ministre"; French futures denied by "ne").
    // Later: a block quotation's "We" is the party of the byline below it, where the page's
    // parties include it (actors 0.88 -> 0.90). Left: the "We" of a minister whose quotation
    // names no country, "au dernier trimestre 2027" and "dans les six mois" set against
    // another date.
    assert_floors(
        "holdout21",
        include_str!("fixtures/extract/holdout21-gold.toml"),
        "tests/fixtures/extract/holdout21",
        [0.95, 0.92, 0.85, 0.88, 0.97, 0.97],
    );
}

#[test]
fn holdout22_documents_match_their_annotation() {
    // Blind (after holdout19/20's mending): P=0.95 R=0.87 F1=0.91 actors=0.74 deadline=0.98
    // strength=1.00 meta=1.00. Mended: the bullets under "Le Conseil charge en outre l'ENISA :"
    // (R=0.92); NATO's commands (Allied Command Transformation) as names of NATO's; "NCSC",
    // a name of several countries, as the one among the page's parties (actors 0.95). Then
    // "la Commission" alone as the page's institution, "entendent ensuite étendre", "I can
    // announce today that NATO will", "I have tasked NATO's Defence Innovation Accelerator
    // for the North Atlantic, DIANA, with" (R=0.98 actors 0.97). Left: NATO's own exercise
    // read as the Allies', a pronoun for two countries after a clause of each.
    assert_floors(
        "holdout22",
        include_str!("fixtures/extract/holdout22-gold.toml"),
        "tests/fixtures/extract/holdout22",
        [0.92, 0.95, 0.92, 0.95, 0.97, 0.97],
    );
}

#[test]
fn holdout23_documents_match_their_annotation() {
    // Blind (after holdout22's mending and the names of several parties): P=0.99 R=0.94
    // F1=0.96 actors=0.89 deadline=0.89 strength=1.00 meta=1.00. Mended: "avant le 30 juin"
    // due by 30 June; "the two centres" as the parties together; Australia's ACSC, and
    // Singapore's CSA on a page of Singapore's; "Dès le mois de juin" and "dès cette année"
    // due by the end of June and of the year; "Je m'engage enfin à", "nous nous étions
    // engagés à", "avons décidé en janvier dernier de", a speaker's "je": R=0.97 actors 0.92
    // deadline 0.94. Then "Our goal is to", "Je proposerai ... lors du Conseil de juin": R=1.00.
    // Left: "within 30 days of signature" counted from the page's date, not the signing two
    // days before it; "dans les trois mois suivant l'exercice" (from an event); a past
    // relative clause's date ("a working group, which met in October 2026").
    assert_floors(
        "holdout23",
        include_str!("fixtures/extract/holdout23-gold.toml"),
        "tests/fixtures/extract/holdout23",
        [0.95, 0.97, 0.90, 0.90, 0.97, 0.97],
    );
}

#[test]
fn holdout24_documents_match_their_annotation() {
    // Blind: P=0.95 R=0.90 F1=0.92 actors=0.77 deadline=0.94 strength=1.00 meta=1.00.
    // Mended: "avant le 30 juin 2028" due by 30 June; the Global Forum on Cyber Expertise,
    // the Indian Ocean Commission, the Comoros, the Seychelles, "Maurice", and the agencies
    // of Italy (ACN), Albania (AKSK), the Dutch Defensie Cyber Commando and the EU's IICB in
    // the registry; "nous nous étions engagés à"; "Switzerland announced CHF 3 million":
    // P=0.96 R=0.97 actors=0.96 deadline=0.98.
    assert_floors(
        "holdout24",
        include_str!("fixtures/extract/holdout24-gold.toml"),
        "tests/fixtures/extract/holdout24",
        [0.92, 0.90, 0.92, 0.95, 0.97, 0.97],
    );
}

#[test]
fn holdout25_documents_match_their_annotation() {
    // Blind (after holdout23/24's mending): P=1.00 R=0.92 F1=0.96 actors=0.81 deadline=0.98
    // strength=1.00 meta=0.94. Mended: the NATO CCDCOE in the registry; "MEDIA NOTE" is no
    // headline; a speech speaks for the government its page names most; "Je proposerai";
    // "a annoncé la semaine dernière qu'elle publierait"; "L'accord prévoit que les deux
    // équipes échangeront"; a quotation kept whole is its speaker's throughout: R=1.00
    // actors=0.98 meta=1.00. Left: a span counted from a meeting the day before the page.
    assert_floors(
        "holdout25",
        include_str!("fixtures/extract/holdout25-gold.toml"),
        "tests/fixtures/extract/holdout25",
        [0.95, 0.95, 0.92, 0.95, 0.97, 0.97],
    );
}

#[test]
fn holdout26_documents_match_their_annotation() {
    // Blind: P=0.98 R=0.92 F1=0.95 actors=0.82 deadline=0.95 strength=1.00 meta=1.00.
    // Mended: "ASEAN Member States" as ASEAN's; Spain's CCN; "The Albanese Government" as
    // the one country among the parties; "What I can tell you is that we will"; "avaient
    // décidé que"; "Le calendrier prévoit notamment :" and its items; "within eighteen
    // months" counted from the day Allies agreed; years listed together are no deadline;
    // "Quotes attributable to the Minister": R=1.00 actors=0.98 deadline=1.00. Left: "the
    // others will see it in minutes" (a consequence read as a plan), "The Centre will reach
    // full operational capability" on a NATO official's page read as the Allies'.
    assert_floors(
        "holdout26",
        include_str!("fixtures/extract/holdout26-gold.toml"),
        "tests/fixtures/extract/holdout26",
        [0.95, 0.95, 0.92, 0.95, 0.97, 0.97],
    );
}

#[test]
fn holdout27_documents_match_their_annotation() {
    // Blind (after holdout25/26's mending): P=0.93 R=0.92 F1=0.93 actors=0.69 deadline=0.92
    // strength=1.00 meta=1.00. Mended: Poland's DKWOC and the Council of Europe's C-PROC in
    // the registry; an apposition opened by a past participle ("basé à Bucarest"); an item's
    // period; "two exercises a year" is no date; "Depuis février 2022, le Canada a engagé"
    // is a record; "The two sides reaffirmed ... and decided to"; "prévoyait déjà de"; "ait
    // annoncé, en avril 2028, qu'elle lancerait": P=0.96 R=1.00 actors=0.90 deadline=0.97.
    // Left: a minister quoted without her country ("a déclaré la ministre") on a bilateral
    // page, Council conclusions' invitations to the Commission (which this set's annotator,
    // unlike holdout12's, leaves out).
    assert_floors(
        "holdout27",
        include_str!("fixtures/extract/holdout27-gold.toml"),
        "tests/fixtures/extract/holdout27",
        [0.93, 0.95, 0.85, 0.92, 0.97, 0.97],
    );
}

#[test]
fn holdout28_documents_match_their_annotation() {
    // Blind: P=0.93 R=0.94 F1=0.94 actors=1.00 deadline=0.91 strength=1.00 meta=0.94.
    // Mended: a headline that carries the date under a breadcrumb; words addressed to the
    // minister in a Senate transcript; two clauses joined by a semicolon; a date in the
    // subject's apposition ("to be launched by the end of 2028"): P=0.98 R=0.97
    // deadline=0.97 meta=1.00. Left: a span counted from an exercise the page dates ("dans un
    // délai de six mois après l'exercice"), a commitment recalled as a noun phrase ("the
    // commitment made by both sides at the 2026 Ministerial meeting to deepen").
    assert_floors(
        "holdout28",
        include_str!("fixtures/extract/holdout28-gold.toml"),
        "tests/fixtures/extract/holdout28",
        [0.95, 0.95, 0.95, 0.92, 0.97, 0.97],
    );
}

#[test]
fn holdout29_documents_match_their_annotation() {
    // Blind (after holdout27/28's mending): P=0.96 R=0.92 F1=0.94 actors=0.86 deadline=0.97
    // strength=1.00 meta=1.00. Mended: "Le Conseil fixe en outre le calendrier suivant :"
    // and its items: R=1.00; a bullet with a subject of its own ("l'ANSSI accompagnera", "le
    // Kenya désignera") binds that party: actors 0.92. Left: Council conclusions'
    // invitations to the Commission (left out by this annotator).
    assert_floors(
        "holdout29",
        include_str!("fixtures/extract/holdout29-gold.toml"),
        "tests/fixtures/extract/holdout29",
        [0.93, 0.95, 0.88, 0.92, 0.97, 0.97],
    );
}

#[test]
fn holdout30_documents_match_their_annotation() {
    // Blind: P=0.98 R=0.80 F1=0.88 actors=0.86 deadline=1.00 strength=1.00 meta=1.00.
    // Mended: "la Confédération" on a Swiss page; a tasked department with a long name; "fixe
    // cinq objectifs"; "the announcement by Japan that it will host"; "We endorse the
    // following work plan:"; "within six months of this meeting": R=0.95. Left: this
    // annotator gives the G7's "we" the group's id where the registry, like holdout8's
    // annotator for the Weimar Triangle, names its members (actors 0.81).
    assert_floors(
        "holdout30",
        include_str!("fixtures/extract/holdout30-gold.toml"),
        "tests/fixtures/extract/holdout30",
        [0.95, 0.92, 0.76, 0.95, 0.97, 0.97],
    );
}
