//! A scratch workspace holding one generated SDK, CLI and mock crate per spec, built by one
//! cargo run: how the fixture corpus, the spec-driven test and outside spec collections compile.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

/// One spec to generate into the scratch workspace.
pub struct Member {
    /// A package-name-safe name (`allof-nullable`); its crates are `<name>`, `<name>-cli`…
    pub name: String,
    /// The OpenAPI document.
    pub spec: PathBuf,
    /// An integration test of the generated crates, compiled as `<name>-behaviour`'s test.
    pub test: Option<PathBuf>,
}

/// The specs a path names: the file itself, or each `.yaml`, `.yml` or `.json` file of a
/// folder, in name order.
pub fn specs_in(path: &Path) -> Result<Vec<PathBuf>, Error> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(path, e))?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml" | "json")
            )
        })
        .collect();
    found.sort();
    Ok(found)
}

/// The members of the outside-spec workspace (`cargo xtask corpus`, `conformance`) for
/// specs: `corpus-<file stem>`, lower case, other characters as `-`; where two specs share a
/// stem (`x.json`, `x.yaml`), each name ends with its extension too, so neither hides the other.
pub fn corpus_members(specs: &[PathBuf]) -> Vec<Member> {
    let slug = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect()
    };
    let stem = |spec: &Path| slug(&spec.file_stem().unwrap_or_default().to_string_lossy());
    specs
        .iter()
        .map(|spec| {
            let shared = specs.iter().filter(|s| stem(s) == stem(spec)).count() > 1;
            let name = match shared {
                true => slug(&spec.file_name().unwrap_or_default().to_string_lossy()),
                false => stem(spec),
            };
            Member {
                name: format!("corpus-{name}"),
                spec: spec.to_path_buf(),
                test: None,
            }
        })
        .collect()
}

/// Where outside specs are generated and built: the workspace, and its target folder.
pub fn corpus_dirs(root: &Path) -> (PathBuf, PathBuf) {
    (
        root.join("target/corpus/workspace"),
        root.join("target/corpus/target"),
    )
}

/// What generation made of one member: `Ok` with its generated files, or the refusal.
pub struct Outcome {
    pub name: String,
    pub result: Result<Vec<crate::GeneratedFile>, Error>,
    /// What the spec holds and what generating it cost (for a spec that generated).
    pub stats: Option<Stats>,
}

/// One generated spec, in numbers: what `cargo xtask corpus` tabulates.
pub struct Stats {
    pub operations: usize,
    pub schemas: usize,
    /// The generator's warnings, by kind (`union-by-order`), most first.
    pub warnings: Vec<(&'static str, usize)>,
    /// Each warning, sorted by place.
    pub listed: Vec<crate::spec::Diagnostic>,
    /// Operations that page (`pages()` and `items()` on their builders), by style.
    pub listings: Vec<(&'static str, usize)>,
    /// Lines of the generated files (SDK, CLI, mock).
    pub lines: usize,
    /// Reading, normalizing and generating the spec.
    pub generation: std::time::Duration,
}

impl Stats {
    pub fn of(
        spec: &crate::spec::Spec,
        files: &[crate::GeneratedFile],
        took: std::time::Duration,
    ) -> Self {
        let mut warnings: Vec<(&'static str, usize)> = Vec::new();
        let listed = spec.diagnostics.warnings();
        for warning in &listed {
            match warnings.iter_mut().find(|(kind, _)| *kind == warning.kind) {
                Some((_, n)) => *n += 1,
                None => warnings.push((warning.kind, 1)),
            }
        }
        warnings.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut listings: Vec<(&'static str, usize)> = Vec::new();
        for op in spec.operations() {
            let style = match crate::spec::pages::paging(spec, &op) {
                Ok(Some(paging)) => paging.style.name(),
                _ => continue,
            };
            match listings.iter_mut().find(|(s, _)| *s == style) {
                Some((_, n)) => *n += 1,
                None => listings.push((style, 1)),
            }
        }
        listings.sort();
        Stats {
            listings,
            operations: spec.operations().len(),
            schemas: spec.schemas().count(),
            warnings,
            listed,
            lines: files.iter().map(|f| f.contents.lines().count()).sum(),
            generation: took,
        }
    }
}

/// The three generated crates, as (folder in the workspace, folder under a member).
const CRATES: [(&str, &str); 3] = [
    ("crates/invent", "invent"),
    ("crates/invent-cli", "cli"),
    ("crates/invent-httpmock", "httpmock"),
];

/// Generates every member into `dir` (emptied first) beside copies of the hand-written parts
/// of the workspace at `root`; a member whose spec is refused gets no crates.
/// Files whose bytes did not change are not rewritten, so cargo rebuilds only what changed.
pub fn create(root: &Path, dir: &Path, members: &[Member]) -> Result<Vec<Outcome>, Error> {
    generate_members(root, dir, members, true)
}

/// [`create`] that keeps the members already in `dir` (built by an earlier run) beside the
/// ones given, so that a run for one spec does not cost the next run for all of them a rebuild.
pub fn update(root: &Path, dir: &Path, members: &[Member]) -> Result<Vec<Outcome>, Error> {
    generate_members(root, dir, members, false)
}

fn generate_members(
    root: &Path,
    dir: &Path,
    members: &[Member],
    prune: bool,
) -> Result<Vec<Outcome>, Error> {
    mkdir(dir)?;
    // Folders of members no longer listed (or refused now) go; the others are updated.
    let mut kept = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let listed = members.iter().any(|m| m.name == name);
        if entry.path().is_dir() && !listed {
            if prune {
                std::fs::remove_dir_all(entry.path()).map_err(|e| Error::io(&entry.path(), e))?;
            } else if entry.path().join("invent/Cargo.toml").is_file() {
                kept.push(name);
            }
        }
    }
    kept.sort();
    let mut outcomes = Vec::new();
    let mut packages: Vec<String> = kept
        .iter()
        .flat_map(|name| CRATES.iter().map(move |(_, sub)| format!("{name}/{sub}")))
        .collect();
    for member in members {
        let started = std::time::Instant::now();
        let mut stats = None;
        let result = crate::spec::load(&member.spec).and_then(|spec| {
            let files = crate::generate_from_spec(&member.spec, &spec)?;
            stats = Some(Stats::of(&spec, &files, started.elapsed()));
            Ok(files)
        });
        if result.is_err() {
            // A member refused now keeps no crates from an earlier run.
            let _ = std::fs::remove_dir_all(dir.join(&member.name));
        }
        if let Ok(files) = &result {
            write_member(root, dir, member, files)?;
            packages.extend(
                CRATES
                    .iter()
                    .map(|(_, sub)| format!("{}/{sub}", member.name)),
            );
            if member.test.is_some() {
                packages.push(format!("{}/behaviour", member.name));
            }
        }
        outcomes.push(Outcome {
            name: member.name.clone(),
            result,
            stats,
        });
    }
    let manifest = read(&root.join("Cargo.toml"))?;
    write(
        &dir.join("Cargo.toml"),
        &workspace_manifest(&manifest, &packages),
    )?;
    write(&dir.join("Cargo.lock"), &read(&root.join("Cargo.lock"))?)?;
    Ok(outcomes)
}

/// Builds every generated crate with clippy's lints and every warning denied (one build:
/// clippy-driver compiles the scratch crates), runs the behaviour tests, then builds the docs
/// with warnings denied.
pub fn check_and_test(dir: &Path, target: &Path) -> Result<(), Error> {
    check(dir, target)?;
    cargo(dir, target, &["test", "--workspace", "--test", "behaviour"])
}

/// Builds every generated crate and its docs with every warning (clippy's included) denied.
pub fn check(dir: &Path, target: &Path) -> Result<(), Error> {
    cargo(dir, target, &["build", "--workspace", "--keep-going"])?;
    // The spec's descriptions become rustdoc: CI builds the docs with warnings denied.
    cargo(dir, target, &["doc", "--workspace", "--no-deps"])
}

/// [`check`], timed per member: each member's SDK, CLI and mock built in turn (the first
/// build also builds the dependencies they share, unless an earlier run did), then the docs
/// of all. The build time of each member named, in order.
pub fn check_each(
    dir: &Path,
    target: &Path,
    names: &[&str],
) -> Result<Vec<std::time::Duration>, Error> {
    let mut times = Vec::new();
    for name in names {
        let packages: Vec<String> = CRATES
            .iter()
            .map(|(_, sub)| match *sub {
                "invent" => name.to_string(),
                other => format!("{name}-{other}"),
            })
            .collect();
        let mut args = vec!["build"];
        for package in &packages {
            args.extend(["-p", package]);
        }
        let started = std::time::Instant::now();
        cargo(dir, target, &args)?;
        times.push(started.elapsed());
    }
    cargo(dir, target, &["doc", "--workspace", "--no-deps"])?;
    Ok(times)
}

/// `clippy-driver`, beside the `cargo` running this.
fn clippy_driver() -> Result<PathBuf, Error> {
    let cargo = PathBuf::from(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    let driver = cargo.with_file_name("clippy-driver");
    if driver.exists() {
        return Ok(driver);
    }
    Err(Error::Tool(format!(
        "clippy-driver is not beside {} (rustup component add clippy)",
        cargo.display()
    )))
}

/// Runs `cargo <args>` in the scratch workspace, offline, with a target folder that outlives
/// it (so repeated runs rebuild only what changed); returns the combined output on failure.
pub fn cargo(dir: &Path, target: &Path, args: &[&str]) -> Result<(), Error> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .env("CARGO_NET_OFFLINE", "true")
        .env("CARGO_TARGET_DIR", target)
        // Scratch builds are checked and run, never debugged: no debug info and no
        // incremental caches keep them small (a corpus of specs is many crates) and quick to link.
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_PROFILE_TEST_DEBUG", "0")
        // The scratch crates (not their dependencies) are compiled by clippy's driver.
        .env("RUSTC_WORKSPACE_WRAPPER", clippy_driver()?)
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(dir)
        .output()
        .map_err(|e| Error::Tool(format!("cannot run cargo: {e}")))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Error::Tool(format!(
        "`cargo {}` failed in the scratch workspace {}:\n{}{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )))
}

fn write_member(
    root: &Path,
    dir: &Path,
    member: &Member,
    files: &[crate::GeneratedFile],
) -> Result<(), Error> {
    let name = &member.name;
    let sdk_dependency = format!("invent = {{ package = \"{name}\", path = \"../invent\" }}");
    let mock_dependency =
        format!("invent-httpmock = {{ package = \"{name}-httpmock\", path = \"../httpmock\" }}");
    // The generated files are written below, in place of the real spec's.
    let generated: Vec<PathBuf> = files.iter().map(|f| root.join(&f.path)).collect();
    for (from, sub) in CRATES {
        let to = dir.join(name).join(sub);
        copy_dir(&root.join(from), &to, &generated)?;
        let manifest = read(&root.join(from).join("Cargo.toml"))?;
        let package = match sub {
            "invent" => name.clone(),
            other => format!("{name}-{other}"),
        };
        let original = from.trim_start_matches("crates/");
        let mut manifest = without_dev_dependencies(&manifest)
            .replacen(
                &format!("name = \"{original}\""),
                &format!("name = \"{package}\""),
                1,
            )
            .replace("invent.workspace = true", &sdk_dependency)
            .replace(
                "invent = { workspace = true,",
                &format!("invent = {{ package = \"{name}\", path = \"../invent\","),
            );
        // Every warning is an error in a generated crate, clippy's included.
        manifest.push_str(LINTS);
        match sub {
            // Dependents name it `invent` through the dependency's key; its own lib name stays
            // unique so that the built libraries do not overwrite each other.
            "invent" | "httpmock" => manifest.push_str("\n[lib]\ndoctest = false\n"),
            // The CLI's binary, named after the member so binaries do not collide.
            _ => {
                manifest = manifest.replacen("name = \"invent\"", &format!("name = \"{name}\""), 1)
            }
        }
        write(&to.join("Cargo.toml"), &manifest)?;
    }
    for file in files {
        let (from, sub) = CRATES
            .iter()
            .find(|(from, _)| file.path.starts_with(from))
            .ok_or_else(|| Error::Tool(format!("no crate for {}", file.path.display())))?;
        let relative = file.path.strip_prefix(from).expect("checked by find");
        write(&dir.join(name).join(sub).join(relative), &file.contents)?;
    }
    if let Some(test) = &member.test {
        let to = dir.join(name).join("behaviour");
        write(&to.join("src/lib.rs"), "//! Behaviour tests only.\n")?;
        std::fs::create_dir_all(to.join("tests")).map_err(|e| Error::io(&to, e))?;
        std::fs::copy(test, to.join("tests/behaviour.rs")).map_err(|e| Error::io(test, e))?;
        let schema_dependency = sdk_dependency.replace(" }", ", features = [\"schemars\"] }");
        let manifest = format!(
            "[package]\nname = \"{name}-behaviour\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
             publish = false\n\n[dev-dependencies]\n{schema_dependency}\n{mock_dependency}\n\
             httpmock.workspace = true\nserde_json.workspace = true\ntokio.workspace = true\n\
             reqwest.workspace = true\nfutures.workspace = true\nserde.workspace = true\n\
             schemars.workspace = true\n{LINTS}"
        );
        write(&to.join("Cargo.toml"), &manifest)?;
    }
    Ok(())
}

/// The lint table of every scratch crate.
const LINTS: &str = "\n[lints.rust]\nwarnings = \"deny\"\n";

/// The workspace manifest with the scratch packages as members and no path dependencies
/// (the real crates are not there).
pub fn workspace_manifest(manifest: &str, packages: &[String]) -> String {
    let members: Vec<String> = packages.iter().map(|p| format!("\"{p}\"")).collect();
    manifest
        .lines()
        .filter(|line| !line.contains("path = \""))
        .map(|line| {
            if line.starts_with("members") {
                format!("members = [{}]", members.join(", "))
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A crate manifest without its `[dev-dependencies]` (tests of the real crates stay home).
pub fn without_dev_dependencies(manifest: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in manifest.lines() {
        if line.starts_with('[') {
            skipping = line == "[dev-dependencies]";
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Copies a crate's folder, without its tests, examples and benchmarks (they are the real
/// spec's).
fn copy_dir(from: &Path, to: &Path, skip: &[PathBuf]) -> Result<(), Error> {
    mkdir(to)?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let target = to.join(entry.file_name());
        if ["tests", "examples", "benches"].contains(&&*entry.file_name().to_string_lossy()) {
            continue;
        }
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target, skip)?;
        } else if !skip.contains(&entry.path()) {
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(&entry.path(), e))?;
            write_bytes(&target, &bytes)?;
        }
    }
    Ok(())
}

fn mkdir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// Writes `text` unless the file already holds it (so cargo rebuilds only what changed).
pub fn write(path: &Path, text: &str) -> Result<(), Error> {
    write_bytes(path, text.as_bytes())
}

/// Writes `bytes` unless the file already holds them (its modification time is cargo's cue).
fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        mkdir(parent)?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_that_share_a_stem_are_members_of_their_own() {
        let specs: Vec<PathBuf> = [
            "a/Param Overrides.json",
            "b/param-overrides.yaml",
            "c/x.yml",
        ]
        .into_iter()
        .map(PathBuf::from)
        .collect();
        let names: Vec<String> = corpus_members(&specs).into_iter().map(|m| m.name).collect();
        assert_eq!(
            names,
            [
                "corpus-param-overrides-json",
                "corpus-param-overrides-yaml",
                "corpus-x"
            ]
        );
    }
}
