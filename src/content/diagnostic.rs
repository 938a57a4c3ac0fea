//! A problem found in content, with where it is (`path:line:col`) and what to do about it.

use serde::Serialize;
use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

/// One finding of a check pass. `code` names the rule (e.g. `unknown-node`) so
/// trainers can look it up in docs/authoring.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: &'static str,
    pub message: String,
    pub path: PathBuf,
    /// 1-based line; 0 when the problem is about the file as a whole.
    pub line: usize,
    /// 1-based column in characters, as ron counts them.
    pub col: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(f, "{}:{}:{}: {level}[{}]: {}", self.path.display(), self.line, self.col, self.code, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file, then position, then code, so output is stable run after run.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.col, a.code, &a.message).cmp(&(&b.path, b.line, b.col, b.code, &b.message))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_path_line_col_level_code_message() {
        let diagnostic = Diagnostic {
            level: Level::Error,
            code: "unknown-node",
            message: "no node \"x\"".into(),
            path: "scenarios/a.ron".into(),
            line: 3,
            col: 7,
            help: Some("add it".into()),
        };
        assert_eq!(
            diagnostic.to_string(),
            "scenarios/a.ron:3:7: error[unknown-node]: no node \"x\"\n  = help: add it"
        );
    }
}
