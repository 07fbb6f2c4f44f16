//! pledge: turn what governments and alliances say they will do into records that can be
//! tracked, reviewed and checked.
//!
//! The library holds the whole logic; the `pledge` binary parses arguments, calls it, prints
//! what it returns and maps the outcome to an exit code. Nothing in here prints.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod actors;
pub mod check;
pub mod config;
pub mod dates;
pub mod diag;
pub mod diff;
pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod followups;
pub mod history;
pub mod record;
pub mod report;
pub mod store;
pub mod validate;

pub use error::{Error, Result};
