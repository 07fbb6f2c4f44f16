use clap::{Args, ValueEnum};

use super::{AsOf, Ctx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Github,
    Junit,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub as_of: AsOf,
    /// Warn about commitments due within this many days
    #[arg(long, value_name = "DAYS", default_value_t = 0)]
    pub warn_within: u32,
    /// Also fail on unreviewed (proposed) records and on sources that changed or vanished
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

pub fn run(_ctx: &Ctx, _args: CheckArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("check: not built yet".into()))
}
