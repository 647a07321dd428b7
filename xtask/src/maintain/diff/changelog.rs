//! `cargo xtask diff --changelog`: the report's changes as Keep a Changelog entries, added to
//! the `## [Unreleased]` section of CHANGELOG.md (an entry already there is not repeated).

use super::rules::Section;
use super::{Class, Report};

/// The entries of `report`, by section, in the order Keep a Changelog gives them.
pub fn entries(report: &Report) -> Vec<(&'static str, Vec<String>)> {
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut removed = Vec::new();
    let mut documented: Vec<String> = Vec::new();
    for c in &report.changes {
        if c.class() == Class::Documentation {
            let subject = format!("`{}`", c.subject);
            if !documented.contains(&subject) {
                documented.push(subject);
            }
            continue;
        }
        let breaking = if c.class() == Class::Breaking {
            "**Breaking**: "
        } else {
            ""
        };
        let detail = if c.detail.is_empty() {
            String::new()
        } else {
            format!(" ({})", c.detail)
        };
        let line = format!(
            "- {breaking}`{}`, {}: {}{detail}.",
            c.subject, c.place, c.rule.what
        );
        // One line per change: a schema used both ways is judged twice, written once.
        let line = line
            .replacen(": request ", ": ", 1)
            .replacen(": response ", ": ", 1);
        let section = match c.rule.section {
            Section::Added => &mut added,
            Section::Changed => &mut changed,
            Section::Removed => &mut removed,
        };
        if !section.contains(&line) {
            section.push(line);
        }
    }
    if !documented.is_empty() {
        changed.push(format!("- Documentation of {}.", documented.join(", ")));
    }
    [("Added", added), ("Changed", changed), ("Removed", removed)]
        .into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

const ORDER: [&str; 6] = [
    "Added",
    "Changed",
    "Deprecated",
    "Removed",
    "Fixed",
    "Security",
];

/// `changelog` with the entries added under `## [Unreleased]` (created above the first
/// release if missing), each in its `### Section`, skipping lines already present there.
pub fn add(changelog: &str, entries: &[(&str, Vec<String>)]) -> String {
    let mut lines: Vec<String> = changelog.lines().map(str::to_string).collect();
    let unreleased = match lines.iter().position(|l| l.trim() == "## [Unreleased]") {
        Some(i) => i,
        None => {
            let at = lines
                .iter()
                .position(|l| l.starts_with("## "))
                .unwrap_or(lines.len());
            lines.splice(at..at, ["## [Unreleased]".to_string(), String::new()]);
            at
        }
    };
    for (section, new) in entries {
        let end = section_end(&lines, unreleased);
        let heading = format!("### {section}");
        let at = match lines[unreleased..end].iter().position(|l| *l == heading) {
            Some(i) => unreleased + i,
            None => {
                // Before the first later section in Keep a Changelog's order.
                let rank = ORDER
                    .iter()
                    .position(|s| s == section)
                    .unwrap_or(ORDER.len());
                let before = (unreleased + 1..end)
                    .find(|&i| {
                        lines[i].strip_prefix("### ").is_some_and(|s| {
                            ORDER.iter().position(|o| *o == s).unwrap_or(ORDER.len()) > rank
                        })
                    })
                    .unwrap_or(end);
                let mut block = vec![heading.clone()];
                if before == end && lines[before - 1].trim().is_empty() {
                    lines.insert(before - 1, String::new());
                    lines.splice(before..before, block.drain(..));
                } else {
                    block.push(String::new());
                    lines.splice(before..before, block);
                }
                before
            }
        };
        // The end of this subsection: the next heading, less trailing blank lines.
        let mut insert = (at + 1..section_end(&lines, unreleased))
            .find(|&i| lines[i].starts_with("### "))
            .unwrap_or_else(|| section_end(&lines, unreleased));
        while insert > at + 1 && lines[insert - 1].trim().is_empty() {
            insert -= 1;
        }
        let present: Vec<String> = lines[at..insert].to_vec();
        let fresh: Vec<String> = new
            .iter()
            .filter(|l| !present.contains(l))
            .cloned()
            .collect();
        lines.splice(insert..insert, fresh);
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// The line after the `## [Unreleased]` section: the next `## ` heading, or the end.
fn section_end(lines: &[String], unreleased: usize) -> usize {
    (unreleased + 1..lines.len())
        .find(|&i| lines[i].starts_with("## "))
        .unwrap_or(lines.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Changed\n- old change.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- first.\n";

    #[test]
    fn entries_join_their_sections_in_order_and_are_not_repeated() {
        let entries = vec![
            ("Added", vec!["- new thing.".to_string()]),
            ("Changed", vec!["- another change.".to_string()]),
            ("Removed", vec!["- gone.".to_string()]),
        ];
        let once = add(LOG, &entries);
        assert_eq!(
            once,
            "# Changelog\n\nIntro.\n\n## [Unreleased]\n\n### Added\n- new thing.\n\n### Changed\n- old change.\n- another change.\n\n### Removed\n- gone.\n\n## [0.1.0] - 2026-01-01\n\n### Added\n- first.\n"
        );
        assert_eq!(add(&once, &entries), once);
    }

    #[test]
    fn an_unreleased_section_is_created_above_the_first_release() {
        let log = "# Changelog\n\n## [0.1.0] - 2026-01-01\n- first.\n";
        let out = add(log, &[("Added", vec!["- x.".to_string()])]);
        assert_eq!(
            out,
            "# Changelog\n\n## [Unreleased]\n\n### Added\n- x.\n\n## [0.1.0] - 2026-01-01\n- first.\n"
        );
    }
}
