use clap::{Args, ValueEnum};
use pledge::report::{self, Filter, GroupBy, Query, SortKey, TableOptions};

use super::{AsOf, Ctx, emit, leak_at_exit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub as_of: AsOf,
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
    /// Only these statuses (repeat or comma-separate): proposed, open, in_progress, done,
    /// partial, missed, dropped, rejected, superseded
    #[arg(long, value_delimiter = ',')]
    pub status: Vec<String>,
    /// Only commitments binding this actor (repeat or comma-separate)
    #[arg(long, value_delimiter = ',')]
    pub actor: Vec<String>,
    /// Only those due before this date
    #[arg(long, value_name = "DATE")]
    pub due_before: Option<chrono::NaiveDate>,
    /// Only overdue ones
    #[arg(long)]
    pub overdue: bool,
    /// Only those from sources whose path contains this text
    #[arg(long)]
    pub source: Option<String>,
    /// Only this strength: firm, intent, interest
    #[arg(long, value_delimiter = ',')]
    pub strength: Vec<String>,
    /// Sort by: due, status, actor, source, id, made
    #[arg(long, default_value = "due")]
    pub sort: String,
    /// Group rows: actor, status, source
    #[arg(long)]
    pub group_by: Option<String>,
}

pub fn run(ctx: &Ctx, args: StatusArgs) -> pledge::Result<u8> {
    // Arguments first: a typo is a usage error even when the tracker cannot be read.
    let mut query = Query::new(args.as_of.date());
    query.sort = SortKey::parse(&args.sort)?;
    query.group_by = args.group_by.as_deref().map(GroupBy::parse).transpose()?;
    query.filter = Filter {
        statuses: report::parse_statuses(&args.status)?,
        actors: args
            .actor
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect(),
        due_before: args.due_before,
        overdue: args.overdue,
        source: args.source.filter(|s| !s.trim().is_empty()),
        strengths: report::parse_strengths(&args.strength)?,
    };
    let tracker = pledge::store::load(&ctx.root)?;
    let report = report::build(&tracker, &query)?;
    let text = match args.format {
        StatusFormat::Table => report::table(&report, &table_options(ctx)),
        StatusFormat::Markdown => report::markdown(&report),
        StatusFormat::Csv => report::csv(&report),
        StatusFormat::Json => report::json(&report),
    };
    emit(&text);
    drop(report);
    leak_at_exit(tracker);
    Ok(0)
}

/// `COLUMNS` fixes the width (as in scripts and tests); otherwise the table takes the
/// terminal's width, or is as wide as its content when the output is not a terminal.
fn table_options(ctx: &Ctx) -> TableOptions {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok());
    let width = columns.filter(|w| *w >= 40).or_else(|| {
        std::io::IsTerminal::is_terminal(&std::io::stdout())
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(terminal_size::Width(w), _)| w)
    });
    TableOptions {
        width,
        color: ctx.color,
    }
}
