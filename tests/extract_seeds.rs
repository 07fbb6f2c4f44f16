//! Golden test: extraction on the five seed documents against the reference annotation
//! (`tests/fixtures/extract/seeds-gold.toml`, a copy of the shared gold), scored the way the
//! shared scorer does (`extract_common`).

#[path = "extract_common/mod.rs"]
mod extract_common;

#[test]
fn seeds_match_the_reference_annotation() {
    let score = extract_common::score(include_str!("fixtures/extract/seeds-gold.toml"), "seeds");
    let summary = score.summary();
    assert!(score.meta >= 1.0, "{summary}");
    assert!(score.precision >= 0.95 && score.recall >= 0.95, "{summary}");
    assert!(score.actors >= 0.9 && score.deadline >= 0.95, "{summary}");
    assert!(score.strength >= 0.9, "{summary}");
    assert!(score.made >= 0.95, "{summary}");
}
