//! The `pledge` binary: parse the command line, run the library, print, exit.
//! Exit codes: 0 ok, 1 a check found what it gates on, 2 usage error, 3 unreadable or
//! invalid input. A closed pipe on standard output is success.

mod cli;

use clap::Parser;

// Extraction makes and drops many small strings per sentence; glibc's allocator spent a
// fifth of the time of `pledge extract` on them (consolidating its free lists), mimalloc a
// fraction of that.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    std::process::ExitCode::from(cli::run(args))
}
