//! The committed generated files are exactly what `cargo xtask generate` gives from
//! openapi.yaml, and the check behind `--check` notices any changed byte or spec edit.

use std::fs;
use std::path::Path;

use invent_tests::root;

#[test]
fn generated_files_match_the_spec() {
    let root = root();
    let files = xtask::generate(&root).expect("generation succeeds");
    let stale = xtask::output::check(&root, &files);
    let report: Vec<String> = stale.iter().map(|s| s.diff.clone()).collect();
    assert!(
        stale.is_empty(),
        "generated files are stale; run `cargo xtask generate`:\n{}",
        report.join("\n")
    );
}

#[test]
fn generation_is_deterministic() {
    let first = xtask::generate(&root()).unwrap();
    let second = xtask::generate(&root()).unwrap();
    for (a, b) in first.iter().zip(&second) {
        assert_eq!(a.path, b.path);
        assert!(
            a.contents == b.contents,
            "{} differs between two runs",
            a.path.display()
        );
    }
}

/// A scratch copy of the workspace's spec and generated files.
fn scratch_copy() -> (tempfile::TempDir, Vec<xtask::GeneratedFile>) {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join("openapi.yaml"), dir.path().join("openapi.yaml")).unwrap();
    let files = xtask::generate(&root()).unwrap();
    xtask::output::write(dir.path(), &files).unwrap();
    (dir, files)
}

#[test]
fn check_notices_one_changed_byte() {
    let (dir, files) = scratch_copy();
    let target = dir.path().join(&files[0].path);
    let mut bytes = fs::read(&target).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    fs::write(&target, bytes).unwrap();
    let stale = xtask::output::check(dir.path(), &xtask::generate(dir.path()).unwrap());
    assert_eq!(stale.len(), 1);
    assert!(
        stale[0].diff.contains("(from openapi.yaml)"),
        "{}",
        stale[0].diff
    );
}

#[test]
fn check_notices_a_spec_edit_without_regeneration() {
    let (dir, _) = scratch_copy();
    let spec = dir.path().join("openapi.yaml");
    let text = fs::read_to_string(&spec).unwrap();
    let edited = text.replace("Whether the assistant is enabled", "Whether it is on");
    assert_ne!(text, edited);
    fs::write(&spec, edited).unwrap();
    let stale = xtask::output::check(dir.path(), &xtask::generate(dir.path()).unwrap());
    assert!(!stale.is_empty());
    assert!(
        stale[0].diff.contains("+") && stale[0].diff.contains("Whether it is on"),
        "{}",
        stale[0].diff
    );
}

#[test]
fn check_notices_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(root().join("openapi.yaml"), dir.path().join("openapi.yaml")).unwrap();
    let stale = xtask::output::check(dir.path(), &xtask::generate(dir.path()).unwrap());
    assert!(!stale.is_empty());
}

#[test]
fn every_generated_file_carries_the_header() {
    for file in xtask::generate(&root()).unwrap() {
        assert!(
            file.contents.starts_with(xtask::render::HEADER),
            "{}",
            file.path.display()
        );
        assert!(Path::new(&file.path).extension().is_some());
    }
}
