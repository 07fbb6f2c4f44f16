use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Write nothing; print what was found
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// Documents to read (default: every document under seeds/)
    pub files: Vec<PathBuf>,
}

pub fn run(_ctx: &Ctx, _args: ExtractArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("extract: not built yet".into()))
}
