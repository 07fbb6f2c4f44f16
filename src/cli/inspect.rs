use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InspectFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    pub format: InspectFormat,
    /// Also show the candidate sentences that extraction set aside, and why
    #[arg(long)]
    pub candidates: bool,
    /// Documents to read (text, Markdown or HTML)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(_ctx: &Ctx, _args: InspectArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("inspect: not built yet".into()))
}
