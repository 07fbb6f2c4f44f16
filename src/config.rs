//! `pledge.toml`, the tracker's optional configuration: extra triggers, vetoes and actor
//! names for extraction, and settings of the follow-ups. Rules are data: a user extends the
//! built-in lexicon without recompiling.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::actors::ActorEntry;
use crate::diag::{Diagnostic, Severity};
use crate::extract::Strength;

/// Where the committing party of a trigger stands (see `data/lexicon.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Party {
    #[default]
    Subject,
    Explicit,
    After,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerSpec {
    pub rule: String,
    pub strength: Strength,
    #[serde(default)]
    pub party: Party,
    #[serde(default)]
    pub future: bool,
    pub lang: Option<String>,
    pub not_after: Option<Spanned<String>>,
    pub pattern: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VetoSpec {
    pub reason: String,
    pub pattern: Spanned<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct FollowupsConfig {
    /// Open commitments with no news for this many days are stale.
    pub stale_after_days: Option<u32>,
}

/// The parsed `pledge.toml`, with its text kept so that later problems (a pattern that does
/// not compile) can be pointed at.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub text: String,
    pub trigger: Vec<TriggerSpec>,
    pub veto: Vec<VetoSpec>,
    pub actor: Vec<ActorEntry>,
    pub followups: FollowupsConfig,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    trigger: Vec<TriggerSpec>,
    #[serde(default)]
    veto: Vec<VetoSpec>,
    #[serde(default)]
    actor: Vec<ActorEntry>,
    #[serde(default)]
    followups: FollowupsConfig,
}

impl Config {
    pub const FILE: &'static str = "pledge.toml";

    /// Reads `ROOT/pledge.toml` where there is one; no file is an empty configuration.
    pub fn load(root: &Path) -> crate::Result<Config> {
        let path = root.join(Self::FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&path, text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(crate::Error::io(&path, e)),
        }
    }

    pub fn parse(path: &Path, text: String) -> crate::Result<Config> {
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            crate::Error::Invalid(vec![Diagnostic::at(
                "config-syntax",
                Severity::Error,
                path,
                &text,
                span,
                e.message().to_string(),
            )])
        })?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            text,
            trigger: raw.trigger,
            veto: raw.veto,
            actor: raw.actor,
            followups: raw.followups,
        })
    }

    /// A diagnostic pointing into the configuration file.
    pub fn diagnostic(&self, span: std::ops::Range<usize>, message: String) -> Diagnostic {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| PathBuf::from(Self::FILE));
        Diagnostic::at(
            "config-pattern",
            Severity::Error,
            path,
            &self.text,
            span,
            message,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err =
            Config::parse(Path::new("pledge.toml"), "[[trigger]]\nrule = \n".into()).unwrap_err();
        let crate::Error::Invalid(diags) = err else {
            panic!("expected diagnostics")
        };
        assert_eq!(diags[0].line, 2);
        assert_eq!(diags[0].file, Path::new("pledge.toml"));
    }

    #[test]
    fn unknown_keys_are_errors() {
        let text = "[[actor]]\nid = \"X\"\nnmes = [\"x\"]\n".to_string();
        assert!(Config::parse(Path::new("pledge.toml"), text).is_err());
    }

    #[test]
    fn triggers_and_actors_parse() {
        let text = "[[trigger]]\nrule = \"en.vow\"\nstrength = \"firm\"\npattern = 'vowed to'\n\n[[actor]]\nid = \"ECOWAS\"\nnames = [\"CEDEAO\"]\n".to_string();
        let config = Config::parse(Path::new("pledge.toml"), text).unwrap();
        assert_eq!(config.trigger.len(), 1);
        assert_eq!(config.actor[0].id, "ECOWAS");
    }
}
