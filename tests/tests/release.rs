//! The crates are ready to publish: `invent`, `invent-httpmock` and `invent-cli` carry what
//! crates.io and docs.rs need, depend on each other by the workspace's version, and nothing
//! else is publishable; the version agrees with CHANGELOG.md. (`cargo package` itself, which
//! builds each crate from its packaged sources, runs in `.ci/run`.)

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The crates published to crates.io, in the order they are published.
const PUBLISHED: [&str; 3] = ["invent", "invent-httpmock", "invent-cli"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

/// `cargo metadata --no-deps`: the workspace's members as cargo reads their manifests.
fn members() -> Vec<Value> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).unwrap();
    metadata["packages"].as_array().unwrap().clone()
}

fn member<'a>(members: &'a [Value], name: &str) -> &'a Value {
    members
        .iter()
        .find(|package| package["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not a member of the workspace"))
}

/// `version` of `[workspace.package]` in the root Cargo.toml.
fn workspace_version() -> String {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let mut in_section = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == "[workspace.package]";
        } else if in_section && let Some(value) = line.strip_prefix("version = ") {
            return value.trim_matches('"').to_owned();
        }
    }
    panic!("Cargo.toml: no `version` in [workspace.package]")
}

/// `publish = true` (or no `publish` at all) is `null` in cargo's metadata; `false` is `[]`.
fn publishable(package: &Value) -> bool {
    match &package["publish"] {
        Value::Null => true,
        Value::Array(registries) => !registries.is_empty(),
        other => panic!("{}: unexpected publish {other}", package["name"]),
    }
}

fn assert_none(failures: Vec<String>) {
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn the_published_crates_carry_what_crates_io_and_docs_rs_need() {
    let members = members();
    let mut failures = Vec::new();
    for name in PUBLISHED {
        let package = member(&members, name);
        if !publishable(package) {
            failures.push(format!("{name}: not publishable (needs `publish = true`)"));
        }
        for field in [
            "description",
            "license",
            "repository",
            "readme",
            "rust_version",
        ] {
            if package[field].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{name}: `{field}` is missing or empty"));
            }
        }
        if let Some(readme) = package["readme"].as_str() {
            let manifest_dir = Path::new(package["manifest_path"].as_str().unwrap())
                .parent()
                .unwrap();
            if !manifest_dir.join(readme).is_file() {
                failures.push(format!("{name}: readme {readme} does not exist"));
            }
        }
        let keywords = package["keywords"].as_array().unwrap();
        if keywords.is_empty() || keywords.len() > 5 {
            failures.push(format!(
                "{name}: `keywords` has {} entries (crates.io takes 1 to 5)",
                keywords.len()
            ));
        }
        for keyword in keywords {
            let keyword = keyword.as_str().unwrap();
            let valid = keyword.len() <= 20
                && keyword.starts_with(|c: char| c.is_ascii_alphabetic())
                && keyword
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !valid {
                failures.push(format!(
                    "{name}: keyword {keyword:?} is refused by crates.io"
                ));
            }
        }
        if package["categories"].as_array().unwrap().is_empty() {
            failures.push(format!("{name}: `categories` is empty"));
        }
    }
    assert_none(failures);
}

#[test]
fn only_the_three_crates_are_publishable() {
    let members = members();
    let mut failures = Vec::new();
    for package in &members {
        let name = package["name"].as_str().unwrap();
        if !PUBLISHED.contains(&name) && publishable(package) {
            failures.push(format!(
                "{name}: publishable, but only {PUBLISHED:?} are (needs `publish = false`)"
            ));
        }
    }
    for name in ["xtask", "invent-tests"] {
        if publishable(member(&members, name)) {
            failures.push(format!("{name}: must not be publishable"));
        }
    }
    assert_none(failures);
}

/// A published crate's dependency on another member is rewritten to a crates.io dependency by
/// `cargo package`: a normal one needs the workspace's version; a dev-dependency stays
/// path-only, so that cargo strips it (`invent`'s dev-dependency on `invent-httpmock` is a
/// cycle crates.io cannot resolve, and `invent-tests` is not published).
#[test]
fn dependencies_among_the_published_crates_carry_the_workspace_version() {
    let version = workspace_version();
    let members = members();
    let names: Vec<&str> = members
        .iter()
        .map(|package| package["name"].as_str().unwrap())
        .collect();
    let mut failures = Vec::new();
    for name in PUBLISHED {
        let package = member(&members, name);
        if package["version"] != version.as_str() {
            failures.push(format!(
                "{name}: version {} is not the workspace's {version}",
                package["version"]
            ));
        }
        for dependency in package["dependencies"].as_array().unwrap() {
            let dep = dependency["name"].as_str().unwrap();
            if !names.contains(&dep) {
                continue;
            }
            let req = dependency["req"].as_str().unwrap();
            if dependency["kind"] == "dev" {
                if req != "*" {
                    failures.push(format!(
                        "{name}: dev-dependency {dep} has version {req}; keep it path-only so \
                         `cargo package` strips it"
                    ));
                }
            } else if !PUBLISHED.contains(&dep) {
                failures.push(format!("{name}: depends on {dep}, which is not published"));
            } else if req.trim_start_matches(['=', '^']) != version {
                failures.push(format!(
                    "{name}: dependency {dep} has version {req}, not the workspace's {version} \
                     (set `version` in [workspace.dependencies])"
                ));
            }
        }
    }
    assert_none(failures);
}

/// CHANGELOG.md's first released heading (`## [X.Y.Z] - YYYY-MM-DD`, below `## [Unreleased]`)
/// is the workspace's version; or, while that version is being released, it is the top heading
/// (`## [X.Y.Z]`, with or without its date).
#[test]
fn the_changelog_agrees_with_the_version() {
    let version = workspace_version();
    let changelog = std::fs::read_to_string(root().join("CHANGELOG.md")).unwrap();
    let headings: Vec<&str> = changelog
        .lines()
        .filter(|line| line.starts_with("## ["))
        .collect();
    let is_dated = |heading: &str, version: &str| {
        heading
            .strip_prefix(&format!("## [{version}] - "))
            .is_some_and(|date| {
                date.len() == 10
                    && date.char_indices().all(|(i, c)| match i {
                        4 | 7 => c == '-',
                        _ => c.is_ascii_digit(),
                    })
            })
    };
    match headings.as_slice() {
        ["## [Unreleased]", released, ..] => assert!(
            is_dated(released, &version),
            "CHANGELOG.md: the first released heading is {released:?}, but Cargo.toml's version \
             is {version}: expected `## [{version}] - YYYY-MM-DD` (on release, bump the version \
             and rename `## [Unreleased]` in the same commit)"
        ),
        [top, ..] => assert!(
            *top == format!("## [{version}]") || is_dated(top, &version),
            "CHANGELOG.md: the top heading is {top:?}, but Cargo.toml's version is {version}: \
             expected `## [Unreleased]` above `## [{version}] - YYYY-MM-DD`, or `## [{version}]`"
        ),
        [] => panic!("CHANGELOG.md: no `## [X.Y.Z]` heading for version {version}"),
    }
}

#[test]
fn docs_rs_documents_every_feature_and_marks_what_each_adds() {
    let members = members();
    let docs = &member(&members, "invent")["metadata"]["docs"]["rs"];
    assert_eq!(docs["all-features"], Value::Bool(true), "{docs}");
    assert!(
        docs["rustdoc-args"]
            .as_array()
            .is_some_and(|args| args.windows(2).any(|w| w[0] == "--cfg" && w[1] == "docsrs")),
        "{docs}"
    );
    let lib = std::fs::read_to_string(root().join("crates/invent/src/lib.rs")).unwrap();
    assert!(
        lib.contains("#![cfg_attr(docsrs, feature(doc_cfg))]"),
        "lib.rs must turn on doc_cfg under docsrs for the feature badges"
    );
}
