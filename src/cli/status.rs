use clap::{Args, ValueEnum};

use super::{AsOf, Ctx};

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
    /// Only these statuses (repeat or comma-separate)
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

pub fn run(_ctx: &Ctx, _args: StatusArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("status: not built yet".into()))
}
