use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use pledge::config::Config;
use pledge::document::Document;
use pledge::extract::{DocumentCommitments, RenderedReport, ReportFormat, Rules, extract};
use pledge::record::DocumentMeta;
use pledge::store::{ExtractedDocument, SyncReport, sync};

use super::{Ctx, emit, emit_bytes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Write nothing; print what was found. A document that cannot be read is named on
    /// standard error and skipped; the exit code is then 3
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// Documents to read (default: every document under seeds/)
    pub files: Vec<PathBuf>,
}

/// The documents of a tracker: every text, Markdown or HTML file under `seeds/`, sorted.
pub fn seed_files(ctx: &Ctx) -> pledge::Result<Vec<PathBuf>> {
    let dir = ctx.seeds_dir();
    let entries = std::fs::read_dir(&dir).map_err(|e| pledge::Error::io(&dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| pledge::Error::io(&dir, e))?.path();
        let known = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "txt" | "md" | "markdown" | "html" | "htm"
            )
        });
        if known && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Paths given on the command line are relative to where pledge was started, like git's
/// `-C`: they are taken as given, and the tracker root only serves the defaults.
fn documents(ctx: &Ctx, files: &[PathBuf]) -> pledge::Result<Vec<PathBuf>> {
    if files.is_empty() {
        seed_files(ctx)
    } else {
        Ok(files.to_vec())
    }
}

pub fn run(ctx: &Ctx, args: ExtractArgs) -> pledge::Result<u8> {
    let config = Config::load(&ctx.root)?;
    let rules = Rules::new(&config)?;
    let files = documents(ctx, &args.files)?;
    // Resolved once: each page's own path is resolved (links and all) to be named relative to
    // it, and resolving costs a system call per component.
    let root = ctx.root.canonicalize().ok();
    let root = root.as_deref();
    if args.dry_run {
        let format = match args.format {
            ExtractFormat::Text => ReportFormat::Text,
            ExtractFormat::Json => ReportFormat::Json,
        };
        let mut report = RenderedReport::new(format);
        let mut code = 0;
        for path in &files {
            // A document that cannot be read is reported and skipped, as grep does: the
            // report of the others stays whole and well formed, and the exit code says that
            // something was left out.
            match read_document(root, path) {
                Ok(doc) => report.push(&DocumentCommitments::new(&doc, extract(&doc, &rules))),
                Err(error) => {
                    super::report_error(&error);
                    code = code.max(error.exit_code());
                }
            }
            // Written as it goes: the report of a corpus is larger than the corpus.
            emit_bytes(&report.take());
        }
        emit_bytes(&report.finish());
        return Ok(code);
    }
    let mut extracted = Vec::with_capacity(files.len());
    for path in &files {
        let doc = read_document(root, path)?;
        let found = DocumentCommitments::new(&doc, extract(&doc, &rules));
        extracted.push(ExtractedDocument {
            meta: DocumentMeta {
                source: found.source,
                title: found.title,
                language: Some(found.language.as_str().to_string()),
                published: found.published,
                updated: found.updated,
                url: found.url,
            },
            commitments: found.commitments,
        });
    }
    let synced = sync(&ctx.root, &extracted)?;
    emit(&match args.format {
        ExtractFormat::Text => sync_summary(&synced),
        ExtractFormat::Json => serde_json::to_string_pretty(&synced).unwrap_or_default() + "\n",
    });
    Ok(0)
}

fn sync_summary(report: &SyncReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for file in &report.files {
        let verb = match (file.created, file.written) {
            (true, _) => "created",
            (false, true) => "updated",
            (false, false) => "unchanged",
        };
        let _ = write!(out, "{}: {verb}", file.path.display());
        let counts = [
            ("new", file.added.len()),
            ("refreshed", file.refreshed.len()),
            ("source changed", file.changed.len()),
            ("source missing", file.missing.len()),
        ];
        let said: Vec<String> = counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{n} {what}"))
            .collect();
        if !said.is_empty() {
            let _ = write!(out, " ({})", said.join(", "));
        }
        out.push('\n');
    }
    out
}

/// Reads a document and names it by its path relative to the tracker root where it lies
/// inside it, so that records say `seeds/x.txt` wherever pledge was started.
/// `root` is the tracker root, resolved.
fn read_document(root: Option<&Path>, path: &Path) -> pledge::Result<Document> {
    let mut doc = Document::read(path)?;
    if let (Ok(abs), Some(root)) = (path.canonicalize(), root)
        && let Ok(rel) = abs.strip_prefix(root)
    {
        doc.source = rel.to_string_lossy().replace('\\', "/");
    }
    Ok(doc)
}
