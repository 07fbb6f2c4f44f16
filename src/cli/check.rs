use clap::{Args, ValueEnum};

use pledge::check::{self, CheckOptions};

use super::{AsOf, Ctx, emit, leak_at_exit};

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

pub fn run(ctx: &Ctx, args: CheckArgs) -> pledge::Result<u8> {
    let tracker = match pledge::store::load(&ctx.root) {
        Ok(tracker) => tracker,
        Err(pledge::Error::Invalid(diags)) if args.format == CheckFormat::Github => {
            // Annotate the invalid records in place as well as failing.
            emit(&check::github_diagnostics(&diags));
            return Err(pledge::Error::Invalid(diags));
        }
        Err(e) => return Err(e),
    };
    let options = CheckOptions {
        as_of: args.as_of.date(),
        warn_within: args.warn_within,
        strict: args.strict,
    };
    let report = check::check(&tracker, &options);
    let text = match args.format {
        CheckFormat::Text => check::render_text(&report),
        CheckFormat::Github => check::render_github(&report),
        CheckFormat::Junit => check::render_junit(&report),
        CheckFormat::Json => check::render_json(&report),
    };
    emit(&text);
    let code = report.exit_code();
    drop(report);
    leak_at_exit(tracker);
    Ok(code)
}
