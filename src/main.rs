//! The `pledge` binary: parse the command line, run the library, print, exit.
//! Exit codes: 0 ok, 1 a check found what it gates on, 2 usage error, 3 unreadable or
//! invalid input. A closed pipe on standard output is success.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    std::process::ExitCode::from(cli::run(args))
}
