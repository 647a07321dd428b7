//! The one error type of the generator: what went wrong, and where.
//! Spec problems name the document and the place in it; nothing here panics.

use std::fmt;
use std::path::{Path, PathBuf};

/// A generation failure, printed as one readable message.
#[derive(Debug)]
pub enum Error {
    /// The spec cannot be read, parsed, or turned into code.
    Spec { path: PathBuf, message: String },
    /// A file could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// An outside tool could not be installed, or reported a failure.
    Tool(String),
    /// The generator produced code that does not parse (a bug in a generation step).
    Code { step: &'static str, message: String },
}

impl Error {
    pub(crate) fn spec(path: &Path, message: impl Into<String>) -> Self {
        Error::Spec {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
    /// The message without the document's path (for a spec problem), else the whole text.
    pub(crate) fn message(&self) -> String {
        match self {
            Error::Spec { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // One line per problem, each naming the document.
            Error::Spec { path, message } => {
                let lines: Vec<String> = message
                    .lines()
                    .map(|line| format!("{}: {line}", path.display()))
                    .collect();
                f.write_str(&lines.join("\n"))
            }
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Tool(message) => f.write_str(message),
            Error::Code { step, message } => {
                write!(
                    f,
                    "generation step `{step}` produced invalid Rust: {message}"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
