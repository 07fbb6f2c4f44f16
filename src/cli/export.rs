use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{AsOf, Ctx};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ics,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Ics)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    Svg,
    Html,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub as_of: AsOf,
    #[arg(long, value_enum, default_value_t = TimelineFormat::Html)]
    pub format: TimelineFormat,
    /// Group rows by: actor, source
    #[arg(long, default_value = "actor")]
    pub group_by: String,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn export(_ctx: &Ctx, _args: ExportArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("export: not built yet".into()))
}

pub fn timeline(_ctx: &Ctx, _args: TimelineArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("timeline: not built yet".into()))
}
