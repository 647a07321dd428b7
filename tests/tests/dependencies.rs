//! What a consumer's build of `invent` compiles: with default features, one TLS crypto library
//! (ring), neither aws-lc's C sources nor OpenSSL, and no schemars or tracing proc macros.

use std::process::Command;

/// The crates in `invent`'s normal dependency graph, for `features` (cargo's arguments).
fn graph(features: &[&str]) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "tree",
            "--locked",
            "--edges",
            "normal",
            "--prefix",
            "none",
            "--package",
            "invent",
        ])
        .args(features)
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split(' ').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_default_build_uses_ring_and_compiles_no_c_crypto_library() {
    let crates = graph(&[]);
    assert!(crates.iter().any(|c| c == "ring"), "{crates:?}");
    for heavy in [
        "aws-lc-sys",
        "aws-lc-rs",
        "openssl-sys",
        "native-tls",
        "schemars",
        "tracing-attributes",
    ] {
        assert!(
            !crates.iter().any(|c| c == heavy),
            "{heavy} is in the default build"
        );
    }
}

#[test]
fn each_other_tls_choice_brings_its_own_library() {
    let aws = graph(&["--no-default-features", "--features", "tls-aws-lc"]);
    assert!(aws.iter().any(|c| c == "aws-lc-sys") && !aws.iter().any(|c| c == "ring"));
    let native = graph(&["--no-default-features", "--features", "native-tls"]);
    assert!(native.iter().any(|c| c == "openssl-sys"), "{native:?}");
}

#[test]
fn json_schemas_are_a_feature() {
    let crates = graph(&["--features", "schemars"]);
    assert!(crates.iter().any(|c| c == "schemars"), "{crates:?}");
}

/// The features of `krate` that `invent`'s default build turns on, as cargo resolves them.
fn features_of(krate: &str) -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "tree",
            "--locked",
            "--edges",
            "normal,features",
            "--prefix",
            "none",
            "--package",
            "invent",
            "--invert",
            krate,
        ])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let prefix = format!("{krate} feature \"");
    let mut features: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            line.strip_prefix(&prefix)?
                .split('"')
                .next()
                .map(str::to_owned)
        })
        .collect();
    features.sort();
    features.dedup();
    features
}

#[test]
fn the_sdk_asks_tokio_for_no_runtime_flavour_or_macros() {
    let features = features_of("tokio");
    // What the SDK itself asks for: a task-local per call and timers.
    for used in ["rt", "time"] {
        assert!(features.iter().any(|f| f == used), "{features:?}");
    }
    // The consumer's choices: which runtime, and its macros.
    for chosen in [
        "rt-multi-thread",
        "macros",
        "full",
        "io-std",
        "process",
        "signal",
    ] {
        assert!(
            !features.iter().any(|f| f == chosen),
            "invent's default build turns on tokio's `{chosen}`: {features:?}"
        );
    }
}

#[test]
fn progenitor_client_is_a_semver_range_tested_at_its_lower_bound() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let requirement = manifest
        .lines()
        .find_map(|line| line.strip_prefix("progenitor-client = "))
        .expect("progenitor-client in [workspace.dependencies]")
        .trim_matches('"')
        .to_string();
    assert!(
        !requirement.starts_with('='),
        "progenitor-client is pinned exactly ({requirement}): a consumer with another release \
         of the same series could not resolve"
    );
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap();
    let locked = lock
        .split("[[package]]")
        .find(|package| package.contains("name = \"progenitor-client\""))
        .and_then(|package| package.lines().find_map(|l| l.strip_prefix("version = ")))
        .expect("progenitor-client in Cargo.lock")
        .trim_matches('"')
        .to_string();
    assert_eq!(
        locked, requirement,
        "the tests run against progenitor-client {locked}, not the lowest release the range \
         admits ({requirement})"
    );
}
