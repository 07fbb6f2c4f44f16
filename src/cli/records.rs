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

pub fn validate(ctx: &Ctx, args: ValidateArgs) -> pledge::Result<u8> {
    let checked = pledge::store::check(&ctx.root)?;
    let errors = checked.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = checked.diagnostics.len() - errors;
    match args.format {
        ValidateFormat::Json => {
            let mut out = serde_json::to_string_pretty(&checked.diagnostics).unwrap_or_default();
            out.push('\n');
            super::emit(&out);
        }
        ValidateFormat::Text => {
            let mut out = pledge::diag::render_with(&checked.diagnostics, ctx.color);
            let records = checked.tracker.records().count();
            let files = checked.tracker.files.len();
            out.push_str(&format!(
                "{records} record(s) in {files} file(s): {errors} error(s), {warnings} warning(s)\n"
            ));
            super::emit(&out);
        }
    }
    Ok(if errors > 0 { 3 } else { 0 })
}

pub fn set(ctx: &Ctx, args: SetArgs) -> pledge::Result<u8> {
    use pledge::record::Status;
    let status = match args.status.as_deref() {
        None => None,
        Some(s) => Some(Status::parse(s).ok_or_else(|| {
            let hint = pledge::diag::did_you_mean(s, Status::ALL.iter().map(|s| s.as_str()))
                .unwrap_or_else(|| {
                    format!("one of: {}", Status::ALL.map(|s| s.as_str()).join(", "))
                });
            pledge::Error::Usage(format!("unknown status `{s}`; {hint}"))
        })?),
    };
    if args.quote.is_some() && args.evidence.is_none() {
        return Err(pledge::Error::Usage("--quote goes with --evidence".into()));
    }
    let date = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let edit = pledge::store::Edit {
        status,
        date: Some(date),
        owner: args.owner,
        note: args.note,
        append_note: None,
        evidence: args
            .evidence
            .iter()
            .map(|e| pledge::store::evidence_from(e, Some(date), args.quote.clone()))
            .collect(),
        due: args.due,
        tags: args.tags,
    };
    if edit
        == (pledge::store::Edit {
            date: Some(date),
            ..Default::default()
        })
    {
        return Err(pledge::Error::Usage(
            "nothing to change: give --status, --note, --owner, --evidence, --due or --tag".into(),
        ));
    }
    let report = pledge::store::set(&ctx.root, &args.id, &edit)?;
    let what = if report.written {
        "updated"
    } else {
        "already so, nothing written"
    };
    super::emit(&format!(
        "{}: `{}` {what}\n",
        report.path.display(),
        report.id
    ));
    Ok(0)
}

pub fn schema(_ctx: &Ctx) -> pledge::Result<u8> {
    super::emit(&pledge::validate::schema());
    Ok(0)
}
