use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use pledge::config::Config;
use pledge::document::Document;
use pledge::extract::Rules;

use super::{Ctx, emit};

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
    #[arg(num_args = 0..=2)]
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

/// A path as the user gave it, taken relative to the tracker root (`-C`).
fn at_root(ctx: &Ctx, path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        ctx.root.join(path)
    }
}

/// Reads a file named relative to the tracker root, naming it in output as the user did.
fn read_file(ctx: &Ctx, path: &Path) -> pledge::Result<Document> {
    let bytes = std::fs::read(at_root(ctx, path)).map_err(|e| pledge::Error::io(path, e))?;
    Document::from_bytes(&path.display().to_string(), &bytes)
}

fn read_rev(ctx: &Ctx, rev: &str, file: &Path) -> pledge::Result<Document> {
    let rel = file
        .strip_prefix(&ctx.root)
        .unwrap_or(file)
        .to_string_lossy()
        .replace('\\', "/");
    let bytes = pledge::history::show(&ctx.root, rev, &rel)?;
    Document::from_bytes(&format!("{rev}:{rel}"), &bytes)
}

pub fn diff(ctx: &Ctx, args: DiffArgs) -> pledge::Result<u8> {
    let (mut revs, mut files) = (args.rev, args.files);
    // `--rev REV FILE` reaches us as two revisions and no file: --rev takes up to two values.
    if files.is_empty() && revs.len() == 2 {
        files.extend(revs.pop().map(PathBuf::from));
    }
    let (old, new) = match (revs.as_slice(), files.as_slice()) {
        ([], [old, new]) => (read_file(ctx, old)?, read_file(ctx, new)?),
        ([rev], [file]) => (read_rev(ctx, rev, file)?, read_file(ctx, file)?),
        ([rev, rev2], [file]) => (read_rev(ctx, rev, file)?, read_rev(ctx, rev2, file)?),
        ([], _) => {
            return Err(pledge::Error::Usage(
                "diff: give OLD and NEW, or --rev REV [REV2] FILE".into(),
            ));
        }
        _ => return Err(pledge::Error::Usage("diff --rev takes one FILE".into())),
    };
    let rules = Rules::new(&Config::load(&ctx.root)?)?;
    let model = pledge::diff::diff_documents(&old, &new, &rules);
    let out = match args.format {
        DiffFormat::Text => pledge::diff::render::text(&model, ctx.color),
        DiffFormat::Markdown => pledge::diff::render::markdown(&model),
        DiffFormat::Json => pledge::diff::render::json(&model),
    };
    emit(&out);
    Ok(0)
}

pub fn log(ctx: &Ctx, args: LogArgs) -> pledge::Result<u8> {
    let changes = pledge::history::log(&ctx.root, args.since)?;
    let out = match args.format {
        DiffFormat::Text => pledge::history::render::text(&changes),
        DiffFormat::Markdown => pledge::history::render::markdown(&changes),
        DiffFormat::Json => pledge::history::render::json(&changes),
    };
    emit(&out);
    Ok(0)
}
