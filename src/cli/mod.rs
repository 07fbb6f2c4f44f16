//! The command line: argument types (clap), dispatch, printing and exit codes. Each command
//! lives in a file of its own and returns its exit code; errors are printed here.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

mod check;
mod diff;
mod export;
mod extract;
mod followups;
mod inspect;
mod records;
mod status;

#[derive(Debug, Parser)]
#[command(
    name = "pledge",
    version,
    about = "Track what governments and alliances commit to: extract, review, report, check",
    after_help = "Exit codes: 0 ok, 1 a check found what it gates on, 2 usage error, 3 unreadable or invalid input.\n\nExample:\n  pledge extract && pledge status --as-of 2025-06-01"
)]
pub struct Cli {
    /// Run as if started in DIR (the tracker root: seeds/, commitments/, pledge.toml)
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub dir: Option<PathBuf>,

    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show what the reader understood of documents: metadata, sentences, dates
    #[command(
        after_help = "Example:\n  pledge inspect --format json seeds/004_59b014a73b23eadc.txt"
    )]
    Inspect(inspect::InspectArgs),
    /// Find the commitments in documents and merge them into commitments/
    #[command(
        after_help = "Examples:\n  pledge extract                       # every document under seeds/\n  pledge extract --dry-run --format json seeds/*.txt"
    )]
    Extract(extract::ExtractArgs),
    /// Check every record file and print every problem at once
    #[command(after_help = "Example:\n  pledge validate")]
    Validate(records::ValidateArgs),
    /// Change a record's people-owned fields (status, note, owner, evidence)
    #[command(
        after_help = "Example:\n  pledge set eu-ua-2024-progresser --status done --evidence https://example.org/4th-dialogue --date 2025-06-03"
    )]
    Set(records::SetArgs),
    /// Print the JSON Schema of record files
    #[command(after_help = "Example:\n  pledge schema > commitments/commitments.schema.json")]
    Schema,
    /// The tracker as a table: what is due, done, overdue
    #[command(
        after_help = "Examples:\n  pledge status --as-of 2025-06-01\n  pledge status --overdue --format markdown\n  pledge status --group-by actor --actor UA"
    )]
    Status(status::StatusArgs),
    /// CI gate: exit 1 when a pending commitment is overdue
    #[command(
        after_help = "Example:\n  pledge check --as-of 2026-01-01 --warn-within 30 --format github"
    )]
    Check(check::CheckArgs),
    /// Export deadlines as a calendar
    #[command(after_help = "Example:\n  pledge export --format ics > pledges.ics")]
    Export(export::ExportArgs),
    /// Draw the tracker: each commitment from when it was made to its deadline
    #[command(
        after_help = "Example:\n  pledge timeline --format html --as-of 2025-06-01 > timeline.html"
    )]
    Timeline(export::TimelineArgs),
    /// Compare two versions of a document, commitment by commitment
    #[command(
        after_help = "Examples:\n  pledge diff old.html new.html\n  pledge diff --rev HEAD~1 seeds/004_59b014a73b23eadc.txt"
    )]
    Diff(diff::DiffArgs),
    /// The history of status changes in commitments/, from git
    #[command(after_help = "Example:\n  pledge log --since 2025-01-01")]
    Log(diff::LogArgs),
    /// What later documents show about earlier commitments; recurring series
    #[command(after_help = "Example:\n  pledge followups --as-of 2026-01-01 --format markdown")]
    Followups(followups::FollowupsArgs),
    /// Print a shell completion script
    #[command(after_help = "Example:\n  pledge completions bash > /etc/bash_completion.d/pledge")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// What every command gets: where the tracker is and how to print.
pub struct Ctx {
    pub root: PathBuf,
    pub color: bool,
}

impl Ctx {
    pub fn seeds_dir(&self) -> PathBuf {
        self.root.join("seeds")
    }
}

/// `--as-of`, shared by every command where "today" matters.
#[derive(Debug, Args, Clone)]
pub struct AsOf {
    /// The date to take as today (YYYY-MM-DD); default: the system date
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
}

impl AsOf {
    pub fn date(&self) -> NaiveDate {
        self.as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

pub fn run(args: Cli) -> u8 {
    let root = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    if !root.is_dir() {
        eprintln!("error: -C {}: not a folder", root.display());
        return 2;
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
    };
    let ctx = Ctx { root, color };
    let outcome = match args.command {
        Command::Inspect(a) => inspect::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Validate(a) => records::validate(&ctx, a),
        Command::Set(a) => records::set(&ctx, a),
        Command::Schema => records::schema(&ctx),
        Command::Status(a) => status::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Export(a) => export::export(&ctx, a),
        Command::Timeline(a) => export::timeline(&ctx, a),
        Command::Diff(a) => diff::diff(&ctx, a),
        Command::Log(a) => diff::log(&ctx, a),
        Command::Followups(a) => followups::run(&ctx, a),
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "pledge",
                &mut out,
            );
            emit_bytes(&out);
            Ok(0)
        }
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            report_error(&error);
            error.exit_code()
        }
    }
}

pub fn report_error(error: &pledge::Error) {
    if let pledge::Error::Invalid(diags) = error {
        eprint!("{}", pledge::diag::render(diags));
    }
    eprintln!("error: {error}");
}

/// Writes to standard output; a reader that went away (`pledge status | head`) is not an
/// error, so we stop quietly with success.
pub fn emit(text: &str) {
    emit_bytes(text.as_bytes());
}

/// Writes text already encoded as UTF-8, as `emit` does.
pub fn emit_bytes(text: &[u8]) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to standard output: {e}");
        std::process::exit(3);
    }
}

/// Lets go of a tracker the command is done with without freeing it record by record: the
/// process ends right after, and giving back 100,000 records' strings one at a time took
/// 30 to 70 ms of a run that is meant to take well under a second.
pub fn leak_at_exit(tracker: pledge::store::Tracker) {
    std::mem::forget(tracker);
}

/// Writes to `path` atomically, or to standard output when there is no path.
pub fn emit_to(path: Option<&Path>, text: &str) -> pledge::Result<()> {
    match path {
        Some(path) => pledge::store::write_atomic(path, text.as_bytes()),
        None => {
            emit(text);
            Ok(())
        }
    }
}
