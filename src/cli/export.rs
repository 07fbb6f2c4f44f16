use std::path::PathBuf;

use clap::{Args, ValueEnum};

use pledge::report::GroupBy;

use super::{AsOf, Ctx, emit_to};

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

pub fn export(ctx: &Ctx, args: ExportArgs) -> pledge::Result<u8> {
    let tracker = pledge::store::load(&ctx.root)?;
    let text = match args.format {
        ExportFormat::Ics => pledge::export::ics(&tracker),
    };
    emit_to(args.output.as_deref(), &text)?;
    Ok(0)
}

pub fn timeline(ctx: &Ctx, args: TimelineArgs) -> pledge::Result<u8> {
    let group_by = GroupBy::parse_among(&args.group_by, &[GroupBy::Actor, GroupBy::Source])?;
    let tracker = pledge::store::load(&ctx.root)?;
    let as_of = args.as_of.date();
    let text = match args.format {
        TimelineFormat::Svg => pledge::export::svg(&tracker, as_of, group_by),
        TimelineFormat::Html => pledge::export::html(&tracker, as_of, group_by),
    };
    emit_to(args.output.as_deref(), &text)?;
    Ok(0)
}
