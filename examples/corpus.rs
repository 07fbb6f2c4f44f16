//! Writes a generated corpus of press pages to a folder, to measure `pledge inspect` on it:
//!
//!     cargo run --release --example corpus -- /tmp/corpus 20
//!     time ./target/release/pledge inspect --format json /tmp/corpus/* > /dev/null
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), megabytes) = (args.next(), args.next()) else {
        eprintln!("usage: corpus FOLDER [MEGABYTES=20] [SEED=42]");
        std::process::exit(2);
    };
    let megabytes: usize = megabytes.and_then(|m| m.parse().ok()).unwrap_or(20);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let dir = std::path::Path::new(&dir);
    let docs = corpus::generate(megabytes << 20, seed);
    if let Err(e) = corpus::write_all(dir, &docs) {
        eprintln!("error: {}: {e}", dir.display());
        std::process::exit(3);
    }
    let total: usize = docs.iter().map(|d| d.bytes.len()).sum();
    println!(
        "{} documents, {} bytes in {}",
        docs.len(),
        total,
        dir.display()
    );
}
