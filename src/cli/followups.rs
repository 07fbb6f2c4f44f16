use clap::{Args, ValueEnum};

use super::{AsOf, Ctx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FollowupsFormat {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct FollowupsArgs {
    #[command(flatten)]
    pub as_of: AsOf,
    #[arg(long, value_enum, default_value_t = FollowupsFormat::Table)]
    pub format: FollowupsFormat,
    /// Write the suggested fates into records still proposed, open or in progress
    #[arg(long)]
    pub apply: bool,
    /// Open commitments with no news for this many days are stale (default: pledge.toml, else 365)
    #[arg(long, value_name = "DAYS")]
    pub stale_after: Option<u32>,
}

pub fn run(_ctx: &Ctx, _args: FollowupsArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("followups: not built yet".into()))
}
