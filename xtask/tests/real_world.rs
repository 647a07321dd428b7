//! Real API descriptions (`../shared/real-specs`, `../shared/peer-specs`) and mutations of them
//! generate: no panic, no error for a valid document, and every diagnostic names its place.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The folder of outside descriptions beside the workspace (`../shared/<folder>`) and its
/// specs; `None` (with a line saying so) in a clone that has no `../shared`.
fn shared(folder: &str) -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared")
        .join(folder);
    if !dir.is_dir() {
        println!(
            "skipped: {} is absent (a clone without ../shared)",
            dir.display()
        );
        return None;
    }
    Some(xtask::scratch::specs_in(&dir).unwrap())
}

/// Every diagnostic names a place in the document (a dotted path, never empty).
fn assert_placed(name: &str, diagnostics: &xtask::spec::Diagnostics) {
    for d in diagnostics.sorted() {
        assert!(
            !d.at.trim().is_empty(),
            "{name}: a diagnostic without a place: {d}"
        );
    }
}

/// Loads and generates a document, catching a panic anywhere inside as a failure; the spec,
/// and the generated SDK's text.
fn generate(path: &Path, json: Value) -> Result<(xtask::spec::Spec, String), String> {
    let path = path.to_path_buf();
    std::panic::catch_unwind(move || {
        let spec = xtask::spec::read(&path, json).map_err(|e| e.to_string())?;
        let files = xtask::generate_from_spec(&path, &spec).map_err(|e| e.to_string())?;
        let sdk = files
            .into_iter()
            .find(|f| f.path.ends_with("generated_sdk.rs"))
            .map(|f| f.contents)
            .ok_or("no SDK file was generated")?;
        Ok((spec, sdk))
    })
    .unwrap_or_else(|_| Err("the generator panicked".to_string()))
}

fn document(path: &Path) -> Value {
    xtask::spec::document(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// `cargo xtask test-builds`: every outside description's SDK, CLI and mock crates (and the
/// SDK's docs) build in one scratch workspace with rustc's and clippy's warnings denied.
#[test]
#[ignore = "builds some 700k generated lines (about 15 minutes); cargo xtask test-builds runs it"]
fn every_real_and_peer_description_builds_with_warnings_denied() {
    let (Some(real), Some(peer)) = (shared("real-specs"), shared("peer-specs")) else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let specs: Vec<PathBuf> = real.into_iter().chain(peer).collect();
    let members = xtask::scratch::corpus_members(&specs);
    assert_eq!(
        members
            .iter()
            .map(|m| &m.name)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        specs.len(),
        "two specs share a member"
    );
    let (dir, target) = xtask::scratch::corpus_dirs(&root);
    for outcome in xtask::scratch::create(&root, &dir, &members).unwrap() {
        if let Err(e) = outcome.result {
            panic!("{}: {e}", outcome.name);
        }
    }
    if let Err(e) = xtask::scratch::check(&dir, &target) {
        panic!("{e}");
    }
}

#[test]
fn every_real_and_peer_description_generates_with_placed_warnings() {
    for folder in ["real-specs", "peer-specs"] {
        let Some(specs) = shared(folder) else {
            return;
        };
        assert!(!specs.is_empty(), "no descriptions in {folder}");
        for path in specs {
            let name = path.display().to_string();
            let (spec, sdk) =
                generate(&path, document(&path)).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(!spec.diagnostics.has_errors(), "{name}");
            assert_placed(&name, &spec.diagnostics);
            // A value of no declared type is kept as its text, however the document writes
            // the schema: a `serde_json::Value` would respell its numbers, or refuse `1e400`.
            let untyped = sdk.matches("serde_json::Value").count();
            assert_eq!(
                untyped, 0,
                "{name}: {untyped} values typed serde_json::Value"
            );
        }
    }
}

/// Small, deterministic edits of a document: a key dropped, a value duplicated into a sibling
/// key, a value replaced by one of another JSON type.
fn mutations(json: &Value, seed: u64, count: usize) -> Vec<Value> {
    let mut places = Vec::new();
    collect(json, &mut Vec::new(), &mut places);
    let mut out = Vec::new();
    let mut state = seed;
    for i in 0..count {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let place = &places[(state >> 33) as usize % places.len()];
        let mut copy = json.clone();
        let Some((last, parent)) = place.split_last() else {
            continue;
        };
        let Some(Value::Object(map)) = pointer_mut(&mut copy, parent) else {
            continue;
        };
        match i % 3 {
            0 => {
                map.remove(last);
            }
            1 => {
                let value = map.get(last).cloned().unwrap_or(Value::Null);
                map.insert(format!("{last}_copy"), value);
            }
            _ => {
                let retyped = match map.get(last) {
                    Some(Value::String(_)) => Value::from(7),
                    Some(Value::Object(_)) => Value::from("text"),
                    Some(Value::Array(_)) => Value::Object(Default::default()),
                    Some(Value::Bool(_)) => Value::Array(vec![]),
                    _ => Value::Bool(true),
                };
                map.insert(last.clone(), retyped);
            }
        }
        out.push(copy);
    }
    out
}

fn collect(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    if let Value::Object(map) = value {
        for (key, child) in map {
            at.push(key.clone());
            out.push(at.clone());
            collect(child, at, out);
            at.pop();
        }
    }
}

fn pointer_mut<'a>(value: &'a mut Value, at: &[String]) -> Option<&'a mut Value> {
    at.iter().try_fold(value, |v, key| v.get_mut(key))
}

#[test]
fn mutated_descriptions_never_panic_and_every_problem_names_its_place() {
    let Some(specs) = shared("peer-specs") else {
        return;
    };
    // A silent panic hook for this test's own catch_unwind would hide other tests' panics,
    // so the hook is left alone: a panic is reported by the test's own assertion.
    let mut tried = 0;
    for path in specs
        .iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() < 64 * 1024))
    {
        let json = document(path);
        for (i, mutated) in mutations(&json, 17 + tried as u64, 120)
            .into_iter()
            .enumerate()
        {
            let name = format!("{} mutation {i}", path.display());
            match generate(path, mutated) {
                Ok((spec, _)) => assert_placed(&name, &spec.diagnostics),
                Err(message) => {
                    assert!(!message.contains("panicked"), "{name}: {message}");
                    // Each line names the document, then a place or what is wrong.
                    for line in message.lines() {
                        let rest = line
                            .strip_prefix(&format!("{}: ", path.display()))
                            .unwrap_or_else(|| {
                                panic!("{name}: a line without the document: {line}")
                            });
                        assert!(!rest.trim().is_empty(), "{name}: an empty message");
                    }
                }
            }
            tried += 1;
        }
    }
    assert!(tried > 0, "no small peer description to mutate");
}
