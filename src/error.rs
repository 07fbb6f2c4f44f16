//! Errors mean "the tool could not run". Findings (overdue commitments, invalid records)
//! are diagnostics, not errors; an invalid tracker is an error that carries them all.

use std::path::PathBuf;

use crate::diag::Diagnostic;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug)]
pub enum Error {
    /// A file or folder could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An input could not be understood (not a document, bad date given, ...).
    Input { path: PathBuf, message: String },
    /// One or more record files or rule files are invalid: nothing was written.
    Invalid(Vec<Diagnostic>),
    /// The command line asked for something impossible (unknown id, bad combination).
    Usage(String),
    /// Another pledge process holds the tracker's lock.
    Locked(PathBuf),
    /// An external program (git) failed.
    External { program: String, message: String },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The documented exit code: 2 for usage errors, 3 for unreadable or invalid input.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 3,
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Input { path, message } => write!(f, "{}: {}", path.display(), message),
            Error::Invalid(diags) => {
                write!(
                    f,
                    "{} problem(s) in the tracker; nothing was written",
                    diags.len()
                )
            }
            Error::Usage(message) => f.write_str(message),
            Error::Locked(path) => write!(
                f,
                "{}: another pledge process is writing the tracker; try again when it is done",
                path.display()
            ),
            Error::External { program, message } => write!(f, "{program}: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
