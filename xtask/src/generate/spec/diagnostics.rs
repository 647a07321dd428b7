//! What reading a spec found to say: each a warning (a construct read other than as written,
//! and how) or an error (the document is invalid or contradicts itself), with its place.

use std::fmt;

/// How grave a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The SDK approximates what the spec says with a type that accepts every valid value.
    Warning,
    /// The document is invalid or contradicts itself: nothing is generated.
    Error,
}

/// One thing the generator has to say about a spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    /// The place in the document as written, as a dotted path
    /// (`paths./x.get.parameters.2`, `components.schemas.Y.properties.z`).
    pub at: String,
    /// What was found and, for a warning, what the SDK does instead.
    pub message: String,
    /// A short name of the kind of problem (`union-by-order`), for counts and tables.
    pub kind: &'static str,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.at, self.message)
    }
}

/// Every diagnostic of one reading of a spec.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records that the construct at `at` is approximated (`message` says how).
    pub fn warn(&mut self, kind: &'static str, at: impl Into<String>, message: impl Into<String>) {
        self.push(Level::Warning, kind, at.into(), message.into());
    }

    /// Records that the document is invalid at `at`.
    pub fn error(&mut self, kind: &'static str, at: impl Into<String>, message: impl Into<String>) {
        self.push(Level::Error, kind, at.into(), message.into());
    }

    fn push(&mut self, level: Level, kind: &'static str, at: String, message: String) {
        let item = Diagnostic {
            level,
            at,
            message,
            kind,
        };
        // A construct met twice (a shared schema read for two operations) is said once.
        if !self.items.contains(&item) {
            self.items.push(item);
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.level == Level::Error)
    }

    /// Every diagnostic, sorted by place (then by level and message, so the order is stable).
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| {
            place_key(&a.at)
                .cmp(&place_key(&b.at))
                .then(a.level.cmp(&b.level))
                .then(a.message.cmp(&b.message))
        });
        items
    }

    /// The warnings only, sorted.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.sorted()
            .into_iter()
            .filter(|d| d.level == Level::Warning)
            .collect()
    }

    /// Every warning turned into an error (`--deny-warnings`).
    pub fn deny_warnings(&mut self) {
        for item in &mut self.items {
            item.level = Level::Error;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The report printed for a document: one line per diagnostic, sorted by place.
    pub fn report(&self) -> String {
        self.sorted()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A place as a sort key: its dotted parts, numbers compared as numbers (`parameters.10`
/// after `parameters.2`).
fn place_key(at: &str) -> Vec<(u64, String)> {
    at.split('.')
        .map(|part| match part.parse::<u64>() {
            Ok(n) => (n, String::new()),
            Err(_) => (u64::MAX, part.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_place_with_numbers_as_numbers() {
        let mut d = Diagnostics::default();
        d.warn("k", "paths./x.get.parameters.10", "ten");
        d.error("k", "components.schemas.Y", "y");
        d.warn("k", "paths./x.get.parameters.2", "two");
        let order: Vec<String> = d.sorted().into_iter().map(|d| d.message).collect();
        assert_eq!(order, ["y", "two", "ten"]);
        assert!(d.has_errors());
    }

    #[test]
    fn a_warning_said_twice_is_listed_once_and_deny_makes_it_an_error() {
        let mut d = Diagnostics::default();
        d.warn("k", "a", "m");
        d.warn("k", "a", "m");
        assert_eq!(d.sorted().len(), 1);
        assert!(!d.has_errors());
        d.deny_warnings();
        assert!(d.has_errors());
        assert_eq!(d.report(), "error: a: m");
    }
}
