//! `cargo xtask diff`: what a spec change does to callers on the wire and to Rust code written
//! against the previous crate, the version bump it needs, and a changelog entry.

pub mod changelog;
pub mod rules;
mod rust_api;
mod walk;

use std::fmt::Write;
use std::path::Path;

use serde_json::{Value, json};

pub use rules::Effect;
pub use rust_api::ApiChange;
pub use walk::Change;

use crate::Error;

/// How a change is released: the three kinds a reviewer reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    Documentation,
    Additive,
    Breaking,
}

impl Class {
    pub fn word(self) -> &'static str {
        match self {
            Class::Documentation => "documentation",
            Class::Additive => "additive",
            Class::Breaking => "breaking",
        }
    }
}

impl Change {
    /// Breaking if either column breaks; documentation if only text changed.
    pub fn class(&self) -> Class {
        if self.rule.wire == Effect::Breaking || self.rule.rust == Effect::Breaking {
            Class::Breaking
        } else if self.rule.documentation {
            Class::Documentation
        } else {
            Class::Additive
        }
    }
}

/// A `major.minor.patch` version (pre-release and build parts are not used here).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let core = text.trim().split(['-', '+']).next()?;
        let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
        let v = Version(parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(v)
    }

    /// The next version for a release of `class` under Cargo's semver rules: in 0.x the
    /// minor version counts as the major one.
    pub fn after(self, class: Class) -> Version {
        let Version(major, minor, patch) = self;
        match (class, major) {
            (Class::Breaking, 0) => Version(0, minor + 1, 0),
            (Class::Breaking, _) => Version(major + 1, 0, 0),
            (Class::Additive, 0) | (Class::Documentation, _) => Version(major, minor, patch + 1),
            (Class::Additive, _) => Version(major, minor + 1, 0),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The review of one spec change.
pub struct Report {
    /// What the old spec is: `HEAD`, a revision, a file.
    pub base: String,
    pub changes: Vec<Change>,
    /// The public Rust API's differences (the SDK and the mock crate).
    pub api: Vec<ApiChange>,
    /// The crates' version at the base and in the working tree.
    pub base_version: Version,
    pub version: Version,
}

/// The generated files whose public API the report compares, with the crate each belongs to.
/// The CLI is a program, not a library: its flags follow the operations' parameters, whose
/// rules already say what a script calling it meets.
const CRATES: [(&str, &str); 2] = [
    ("invent", "crates/invent/src/generated_sdk.rs"),
    (
        "invent-httpmock",
        "crates/invent-httpmock/src/generated_httpmock.rs",
    ),
];

impl Report {
    /// Compares two spec texts; `base` names the old one. Both must generate.
    pub fn new(
        base: &str,
        old_text: &str,
        new_text: &str,
        base_version: Version,
        version: Version,
    ) -> Result<Report, Error> {
        let old_path = Path::new(base);
        let new_path = Path::new("openapi.yaml");
        let old = crate::spec::parse(old_path, old_text)?;
        let new = crate::spec::parse(new_path, new_text)?;
        let changes = walk::changes(&old, &new);
        let (old_files, new_files) = (
            crate::generate_from_spec(old_path, &old)?,
            crate::generate_from_spec(new_path, &new)?,
        );
        let mut api = Vec::new();
        for (name, path) in CRATES {
            let listing = |files: &[crate::GeneratedFile]| -> Result<String, Error> {
                let file = files
                    .iter()
                    .find(|f| f.path == Path::new(path))
                    .ok_or_else(|| Error::Tool(format!("the generator gave no {path}")))?;
                let parsed = syn::parse_file(&file.contents).map_err(|e| Error::Code {
                    step: "diff",
                    message: format!("{path}: {e}"),
                })?;
                Ok(crate::surface::listing(&parsed))
            };
            api.extend(rust_api::compare(
                name,
                &listing(&old_files)?,
                &listing(&new_files)?,
            ));
        }
        Ok(Report {
            base: base.to_string(),
            changes,
            api,
            base_version,
            version,
        })
    }

    /// The public Rust API's verdict alone: breaking if anything was removed or changed.
    fn api_class(&self) -> Option<Class> {
        self.api
            .iter()
            .map(|c| match c.effect {
                Effect::Breaking => Class::Breaking,
                _ => Class::Additive,
            })
            .max()
    }

    /// The whole change's class; `None` when nothing changed.
    pub fn class(&self) -> Option<Class> {
        self.changes
            .iter()
            .map(Change::class)
            .chain(self.api_class())
            .max()
    }

    /// The version the crates need, if anything changed.
    pub fn required_version(&self) -> Option<Version> {
        self.class().map(|c| self.base_version.after(c))
    }

    /// Whether `Cargo.toml`'s version already has the bump.
    pub fn version_ok(&self) -> bool {
        self.required_version().is_none_or(|r| self.version >= r)
    }

    /// Whether `--fail-on limit` fails: some change is at least that grave.
    pub fn fails(&self, limit: Class) -> bool {
        self.class().is_some_and(|c| c >= limit)
    }

    /// Rust-breaking API differences that no spec rule accounts for.
    fn unexplained_api_break(&self) -> bool {
        self.api_class() == Some(Class::Breaking)
            && !self.changes.iter().any(|c| c.rule.rust == Effect::Breaking)
    }

    /// The Markdown report for a pull request; empty when nothing changed.
    pub fn markdown(&self) -> String {
        let Some(class) = self.class() else {
            return String::new();
        };
        let mut out = String::new();
        let _ = writeln!(
            out,
            "## Spec change review: `{}` → working tree\n",
            self.base
        );
        let required = self.base_version.after(class);
        let _ = write!(
            out,
            "**{}.** Under Cargo's semver rules (in 0.x a breaking change bumps the minor \
             version) the crates need **{required}** (from {}). ",
            capitalized(class.word()),
            self.base_version
        );
        if self.version_ok() {
            let _ = writeln!(
                out,
                "`Cargo.toml` says {}: it has the bump.\n",
                self.version
            );
        } else {
            let _ = writeln!(out, "`Cargo.toml` says {}: bump it.\n", self.version);
        }
        let count = |c: Class| self.changes.iter().filter(|x| x.class() == c).count();
        let _ = writeln!(
            out,
            "{} breaking, {} additive, {} documentation; {} public Rust API lines changed ({} breaking).\n",
            count(Class::Breaking),
            count(Class::Additive),
            count(Class::Documentation),
            self.api.len(),
            self.api
                .iter()
                .filter(|c| c.effect == Effect::Breaking && !c.replaces)
                .count()
        );
        let breaking: Vec<&Change> = self
            .changes
            .iter()
            .filter(|c| c.class() == Class::Breaking)
            .collect();
        if !breaking.is_empty() || self.unexplained_api_break() {
            out.push_str("### Who breaks\n\n");
            for c in breaking {
                let mut who = Vec::new();
                if c.rule.wire == Effect::Breaking {
                    who.push(format!("on the wire, {}", c.rule.wire_why));
                }
                if c.rule.rust == Effect::Breaking {
                    who.push(format!("in Rust, {}", c.rule.rust_why));
                }
                let _ = writeln!(
                    out,
                    "- `{}`, {}: {}{}: {}.",
                    c.subject,
                    c.place,
                    c.rule.what,
                    detail(c),
                    who.join("; ")
                );
            }
            if self.unexplained_api_break() {
                // Named: the Rust break no spec rule foresaw (a type that lost `Default`).
                let lines: Vec<&str> = self
                    .api
                    .iter()
                    .filter(|c| c.effect == Effect::Breaking && !c.replaces)
                    .map(|c| c.line.as_str())
                    .take(5)
                    .collect();
                let _ = writeln!(
                    out,
                    "- Rust code written against the old crate: the public API lost or changed \
                     items: `{}`.",
                    lines.join("`, `")
                );
            }
            out.push('\n');
        }
        let mut groups: Vec<&str> = Vec::new();
        for c in &self.changes {
            if !groups.contains(&c.group.as_str()) {
                groups.push(&c.group);
            }
        }
        for group in groups {
            let _ = writeln!(
                out,
                "### {group}\n\n| Change | Class | On the wire | In Rust |\n|---|---|---|---|"
            );
            for c in self.changes.iter().filter(|c| c.group == group) {
                let _ = writeln!(
                    out,
                    "| {}: {}{} | {} | {}: {} | {}: {} |",
                    cell(&c.place),
                    cell(c.rule.what),
                    cell(&detail(c)),
                    c.class().word(),
                    c.rule.wire.word(),
                    cell(c.rule.wire_why),
                    c.rule.rust.word(),
                    cell(c.rule.rust_why)
                );
            }
            out.push('\n');
        }
        if !self.api.is_empty() {
            out.push_str("### Public Rust API\n\n```diff\n");
            for c in &self.api {
                // An addition that breaks (a field of a struct callers build with a literal).
                let note = if c.effect == Effect::Breaking && c.line.starts_with('+') && !c.replaces
                {
                    "  (breaking)"
                } else {
                    ""
                };
                let _ = writeln!(out, "{}{note}", c.line);
            }
            out.push_str("```\n");
        }
        out
    }

    /// The same report as JSON, for tools.
    pub fn json(&self) -> Value {
        json!({
            "base": self.base,
            "class": self.class().map(Class::word),
            "base_version": self.base_version.to_string(),
            "required_version": self.required_version().map(|v| v.to_string()),
            "cargo_version": self.version.to_string(),
            "version_ok": self.version_ok(),
            "changes": self.changes.iter().map(|c| json!({
                "group": c.group,
                "subject": c.subject,
                "place": c.place,
                "rule": c.rule.id,
                "what": c.rule.what,
                "detail": c.detail,
                "class": c.class().word(),
                "wire": {"effect": c.rule.wire.word(), "why": c.rule.wire_why},
                "rust": {"effect": c.rule.rust.word(), "why": c.rule.rust_why},
            })).collect::<Vec<_>>(),
            "rust_api": self.api.iter().map(|c| json!({
                "effect": c.effect.word(),
                "line": c.line,
            })).collect::<Vec<_>>(),
        })
    }
}

fn detail(c: &Change) -> String {
    if c.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", c.detail)
    }
}

/// Text safe inside a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The `[workspace.package]` version in a `Cargo.toml`'s text.
pub fn workspace_version(cargo_toml: &str) -> Option<Version> {
    let mut in_package = false;
    for line in cargo_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[workspace.package]";
            continue;
        }
        if let (true, Some(value)) = (in_package, line.strip_prefix("version")) {
            let value = value
                .trim_start()
                .strip_prefix('=')?
                .trim()
                .trim_matches('"');
            return Version::parse(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_cargo_semver() {
        let v = Version(0, 1, 0);
        assert_eq!(v.after(Class::Breaking), Version(0, 2, 0));
        assert_eq!(v.after(Class::Additive), Version(0, 1, 1));
        assert_eq!(v.after(Class::Documentation), Version(0, 1, 1));
        let v = Version(1, 4, 2);
        assert_eq!(v.after(Class::Breaking), Version(2, 0, 0));
        assert_eq!(v.after(Class::Additive), Version(1, 5, 0));
        assert_eq!(v.after(Class::Documentation), Version(1, 4, 3));
        assert_eq!(Version::parse("0.3.1-rc.1"), Some(Version(0, 3, 1)));
        assert_eq!(Version::parse("1.2"), None);
    }

    #[test]
    fn the_workspace_version_is_read_from_its_table() {
        let toml = "[package]\nversion = \"9.9.9\"\n[workspace.package]\nedition = \"2024\"\nversion = \"0.4.2\"\n";
        assert_eq!(workspace_version(toml), Some(Version(0, 4, 2)));
    }
}
