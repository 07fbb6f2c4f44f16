use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Compare versions of FILE from git: REV against REV2 (default: the working tree)
    #[arg(long, value_name = "REV", num_args = 1..=2)]
    pub rev: Vec<String>,
    /// OLD NEW, or with --rev the one FILE
    #[arg(required = true, num_args = 1..=2)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only changes made on or after this date
    #[arg(long, value_name = "DATE")]
    pub since: Option<chrono::NaiveDate>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

pub fn diff(_ctx: &Ctx, _args: DiffArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("diff: not built yet".into()))
}

pub fn log(_ctx: &Ctx, _args: LogArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("log: not built yet".into()))
}
