use clap::{Args, ValueEnum};
use pledge::config::Config;
use pledge::extract::Rules;
use pledge::followups::{self, render};

use super::{AsOf, Ctx, emit};

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

pub fn run(ctx: &Ctx, args: FollowupsArgs) -> pledge::Result<u8> {
    let as_of = args.as_of.date();
    let config = Config::load(&ctx.root)?;
    let (texts, tracked) = followups::load(&ctx.root, &Rules::new(&config)?)?;
    let stale_after = args
        .stale_after
        .or(config.followups.stale_after_days)
        .unwrap_or(followups::DEFAULT_STALE_AFTER);
    let report = followups::analyse(&texts, &tracked, as_of, stale_after);
    if args.apply {
        let applied = followups::apply::apply(&ctx.root, &report)?;
        let written = applied.iter().filter(|a| a.written).count();
        eprintln!("applied {written} suggested fate(s) to pending records");
    }
    let out = match args.format {
        FollowupsFormat::Table => render::table(&report),
        FollowupsFormat::Markdown => render::markdown(&report),
        FollowupsFormat::Json => render::json(&report),
    };
    emit(&out);
    Ok(0)
}
