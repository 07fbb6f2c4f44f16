use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ValidateFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[arg(long, value_enum, default_value_t = ValidateFormat::Text)]
    pub format: ValidateFormat,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The record's id
    pub id: String,
    /// New status: proposed, open, in_progress, done, partial, missed, dropped, rejected, superseded
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub owner: Option<String>,
    /// A URL or a file that shows it; added to the record's evidence
    #[arg(long, value_name = "URL_OR_FILE")]
    pub evidence: Option<String>,
    /// Date of the status change and of the evidence (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// Quote for the evidence
    #[arg(long)]
    pub quote: Option<String>,
    /// Due date override (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub due: Option<NaiveDate>,
    /// Add a tag
    #[arg(long = "tag")]
    pub tags: Vec<String>,
}

pub fn validate(_ctx: &Ctx, _args: ValidateArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("validate: not built yet".into()))
}

pub fn set(_ctx: &Ctx, _args: SetArgs) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("set: not built yet".into()))
}

pub fn schema(_ctx: &Ctx) -> pledge::Result<u8> {
    Err(pledge::Error::Usage("schema: not built yet".into()))
}
