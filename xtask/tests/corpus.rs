//! The fixture corpus in `xtask/tests/specs/`: each construct a growing spec uses generates,
//! compiles (SDK, CLI, mock; warnings and clippy's lints denied) and behaves, is approximated
//! with a warning naming its place (`warn-*.yaml`, with `# warned: …` lines the warnings must
//! hold), or is refused with its place named (`refuse-*.yaml`, `# refused: …`).

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// The fixture specs, by name, in order.
fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = root().join("xtask/tests/specs");
    let mut found: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    found.sort();
    found
}

fn is_refusal(name: &str) -> bool {
    name.starts_with("refuse-")
}

fn is_warning(name: &str) -> bool {
    name.starts_with("warn-")
}

/// The lines of a fixture that start with `prefix`, without it.
fn expectations(path: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix(prefix).map(str::to_string))
        .collect()
}

#[test]
fn every_approximation_generates_with_a_warning_naming_its_place() {
    let mut checked = 0;
    for (name, path) in fixtures().into_iter().filter(|(n, _)| is_warning(n)) {
        let expected = expectations(&path, "# warned: ");
        assert!(
            !expected.is_empty(),
            "{name} says nothing about its warning"
        );
        let spec = xtask::spec::load(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        xtask::generate_from_spec(&path, &spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = spec.diagnostics.report();
        for part in &expected {
            assert!(
                report.contains(part.as_str()),
                "{name}: `{part}` not in: {report}"
            );
        }
        assert!(!spec.diagnostics.has_errors(), "{name}: {report}");
        // Denied, the same warnings are errors.
        let mut denied = spec.diagnostics.clone();
        denied.deny_warnings();
        assert!(denied.has_errors() && denied.report().contains("error: "));
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} approximation fixtures");
}

#[test]
fn every_refusal_names_its_place() {
    let mut checked = 0;
    for (name, path) in fixtures().into_iter().filter(|(n, _)| is_refusal(n)) {
        let expected = expectations(&path, "# refused: ");
        assert!(
            !expected.is_empty(),
            "{name} says nothing about its refusal"
        );
        let message =
            match xtask::spec::load(&path).and_then(|s| xtask::generate_from_spec(&path, &s)) {
                Ok(_) => panic!("{name} should be refused"),
                Err(e) => e.to_string(),
            };
        for part in &expected {
            assert!(
                message.contains(part.as_str()),
                "{name}: `{part}` not in: {message}"
            );
        }
        assert!(!message.contains("panicked"), "{name}: {message}");
        checked += 1;
    }
    assert!(checked >= 5, "only {checked} refusal fixtures");
}

#[test]
fn every_fixture_has_a_reviewed_surface() {
    for (name, path) in fixtures()
        .into_iter()
        .filter(|(n, _)| !is_refusal(n) && !is_warning(n))
    {
        let spec = xtask::spec::load(&path).unwrap();
        let files = xtask::generate_from_spec(&path, &spec)
            .unwrap_or_else(|e| panic!("{name} does not generate: {e}"));
        let listings: Vec<String> = files
            .iter()
            .map(|f| {
                let file = syn::parse_file(&f.contents).unwrap();
                format!("# {}\n{}", f.path.display(), xtask::surface::listing(&file))
            })
            .collect();
        insta::assert_snapshot!(name.clone(), listings.join("\n"));
    }
}

/// The docs of an item's attributes, joined by lines.
fn docs(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A union of values keeps each value's `title` and `description`: on the open enum's
/// variants, in a number's field docs.
#[test]
fn documented_values_keep_their_docs() {
    let path = root().join("xtask/tests/specs/documented-enums.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let files = xtask::generate_from_spec(&path, &spec).unwrap();
    let sdk = files
        .iter()
        .find(|f| f.path.ends_with("generated_sdk.rs"))
        .unwrap();
    let file = syn::parse_file(&sdk.contents).unwrap();
    let types = file
        .items
        .iter()
        .find_map(|i| match i {
            syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|c| &c.1),
            _ => None,
        })
        .unwrap();
    let state = types
        .iter()
        .find_map(|i| match i {
            syn::Item::Enum(e) if e.ident == "State" => Some(e),
            _ => None,
        })
        .unwrap();
    let variant = |name: &str| {
        docs(
            &state
                .variants
                .iter()
                .find(|v| v.ident == name)
                .unwrap()
                .attrs,
        )
    };
    assert_eq!(variant("Open"), "`open`\n\nOpen: Waiting for an answer.");
    assert_eq!(variant("Closed"), "`closed`\n\nClosed");
    assert_eq!(
        variant("InReview"),
        "`in_review`\n\nAnswered; a reviewer reads the answer\nbefore it is sent."
    );
    assert!(docs(&state.attrs).contains("Where the ticket is."));
    let ticket = types
        .iter()
        .find_map(|i| match i {
            syn::Item::Struct(s) if s.ident == "Ticket" => Some(s),
            _ => None,
        })
        .unwrap();
    let priority = ticket
        .fields
        .iter()
        .find(|f| f.ident.as_ref().is_some_and(|i| i == "priority"))
        .unwrap();
    assert!(
        docs(&priority.attrs).contains(
            "Documented values: 1 (Low: Answered within a week.), 2 (High: Answered within a day.)."
        ),
        "{}",
        docs(&priority.attrs)
    );
}

/// No generated crate of any fixture is left with progenitor's `todo!()` (a CLI command that
/// would panic instead of printing a response that is not JSON).
#[test]
fn no_fixture_generates_a_todo() {
    for (name, path) in fixtures().into_iter().filter(|(n, _)| !is_refusal(n)) {
        let spec = xtask::spec::load(&path).unwrap();
        for file in xtask::generate_from_spec(&path, &spec).unwrap() {
            assert!(
                !file.contents.contains("todo!("),
                "{name}: {} holds a todo!()",
                file.path.display()
            );
        }
    }
}

/// One scratch workspace for every fixture: its SDK, CLI and mock crate built with warnings
/// (clippy's included) denied, then its behaviour test (`specs/<name>.rs`) run.
/// A nested cargo build of every fixture's crates: `cargo xtask test-builds` runs it. Without
/// it, `every_refusal_names_its_place` and `every_fixture_has_a_reviewed_surface` still
/// generate every fixture.
#[test]
#[ignore = "a nested cargo build: `cargo xtask test-builds` runs it (so does CI)"]
fn fixtures_compile_and_behave() {
    // `FIXTURE=name` (or `FIXTURE=a,b`) builds and runs those fixtures alone (a maintainer's
    // loop).
    let only = std::env::var("FIXTURE").ok();
    let members: Vec<xtask::scratch::Member> = fixtures()
        .into_iter()
        .filter(|(n, _)| !is_refusal(n))
        .filter(|(n, _)| {
            only.as_ref()
                .is_none_or(|only| only.split(',').any(|o| o == n))
        })
        .map(|(name, spec)| {
            // An approximation is built (it must compile); a construct also behaves.
            let test = spec.with_extension("rs");
            assert!(
                test.exists() || is_warning(&name),
                "{name} has no behaviour test {}",
                test.display()
            );
            xtask::scratch::Member {
                name: format!("fixture-{name}"),
                spec,
                test: test.exists().then_some(test),
            }
        })
        .collect();
    let dir = root().join("target/corpus/fixtures");
    let outcomes = xtask::scratch::create(&root(), &dir, &members).unwrap();
    for outcome in &outcomes {
        if let Err(e) = &outcome.result {
            panic!("{} does not generate: {e}", outcome.name);
        }
    }
    let target = root().join("target/corpus/target");
    let result = if members.iter().any(|m| m.test.is_some()) {
        xtask::scratch::check_and_test(&dir, &target)
    } else {
        // Approximations alone (`FIXTURE=warn-…`): built, with nothing to run.
        xtask::scratch::check(&dir, &target)
    };
    result.unwrap_or_else(|e| panic!("{e}"));
}

/// The help of a CLI flag for a required body property is the property's description (not
/// the `--json-body` text), and `--json-body` is optional.
#[test]
fn body_flags_keep_their_own_help() {
    let path = root().join("xtask/tests/specs/inline.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let files = xtask::generate_from_spec(&path, &spec).unwrap();
    let cli = files
        .iter()
        .find(|f| f.path.ends_with("generated_cli.rs"))
        .unwrap();
    let file = syn::parse_file(&cli.contents).unwrap();
    let helps = xtask::surface::arg_helps(&file);
    assert_eq!(
        helps.get("text").map(String::as_str),
        Some("The words of the note"),
        "{helps:?}"
    );
    assert!(helps["json-body"].contains("standard input"), "{helps:?}");
}

/// The header names the generator versions the workspace pins exactly (`=x.y.z`).
#[test]
fn the_header_names_the_pinned_generators() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    for (name, version) in xtask::render::GENERATOR_VERSIONS {
        assert!(
            xtask::render::HEADER.contains(&format!("{name} {version}")),
            "the header does not name {name} {version}"
        );
        let pinned = manifest
            .lines()
            .any(|l| l.starts_with(&format!("{name} =")) && l.contains(&format!("\"={version}\"")));
        assert!(pinned, "Cargo.toml does not pin {name} to ={version}");
    }
}

/// What `cargo xtask corpus` tabulates for a spec: its operations and schemas, its warnings
/// by kind (most first), its listings by style, the lines generated.
#[test]
fn the_corpus_table_counts_listings_by_style() {
    let path = root().join("xtask/tests/specs/pages.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let files = xtask::generate_from_spec(&path, &spec).unwrap();
    let stats = xtask::scratch::Stats::of(&spec, &files, std::time::Duration::ZERO);
    // `search` matches the cursor rule but turns paging off.
    assert_eq!(stats.listings, [("cursor", 3), ("offset", 1), ("page", 1)]);
}

#[test]
fn the_corpus_table_counts_warnings_by_kind() {
    let path = root().join("xtask/tests/specs/warn-path-label.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let files = xtask::generate_from_spec(&path, &spec).unwrap();
    let stats = xtask::scratch::Stats::of(&spec, &files, std::time::Duration::ZERO);
    // The schemas of the normalized spec: the header list's inline object is named.
    assert_eq!((stats.operations, stats.schemas), (1, 1));
    assert_eq!(stats.warnings, [("parameter-style", 3)]);
    assert_eq!(stats.listed.len(), 3);
    let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
    assert!(stats.lines == lines && lines > 100, "{lines}");
}

/// A fixture of exact constructs warns of nothing it does not say it warns of.
#[test]
fn fixtures_that_are_not_approximations_generate_without_a_warning() {
    for (name, path) in fixtures()
        .into_iter()
        .filter(|(n, _)| !is_refusal(n) && !is_warning(n))
    {
        let spec = xtask::spec::load(&path).unwrap();
        xtask::generate_from_spec(&path, &spec).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = expectations(&path, "# warned: ");
        for line in spec
            .diagnostics
            .report()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            assert!(
                expected.iter().any(|e| line.contains(e.as_str())),
                "{name} warns, and says nothing of it in a `# warned:` line: {line}"
            );
        }
    }
}
