//! The registry of parties: names, adjectives and articles in French and English mapped to
//! canonical ids (`EU`, `NATO`, `ALLIES`, ISO 3166-1 alpha-2 codes for countries).
