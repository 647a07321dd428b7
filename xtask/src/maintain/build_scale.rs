//! `cargo xtask build-cost --scale`: specs of 1, 10 and 100 operations made from openapi.yaml,
//! each built as this SDK and as stock progenitor's output; lines, cold, warm, incremental.

use std::path::Path;
use std::time::Instant;

use serde_json::{Map, Value};

use crate::Error;
use crate::build_cost::{cargo, write};
use crate::scratch::{self, Member};
use crate::tools::run;

/// Operations in each synthetic spec.
pub const SCALES: [usize; 3] = [1, 10, 100];

/// What one flavour of one spec cost to build (`cargo build`, dev profile).
pub struct Row {
    /// `invent` (this generator) or `stock progenitor` (its default settings).
    pub flavour: &'static str,
    pub operations: usize,
    /// Lines of the generated Rust file the crate compiles.
    pub lines: usize,
    /// Seconds: a fresh target folder (dependencies included).
    pub cold: f64,
    /// Seconds: the crate alone again, compiled whole (`cargo clean -p`, dependencies kept);
    /// the faster of two such builds.
    pub warm: f64,
    /// Seconds: the crate again after one more optional property in the spec, regenerated
    /// (cargo's incremental compilation, as a maintainer's rebuild).
    pub incremental: f64,
}

/// `seed` with the operations of its first path copied `n` times under distinct paths and
/// operation ids, each copy referring to its own copies of the component schemas (named with
/// the copy's number). The seed's schemas stay once, for `components.responses` to refer to.
pub fn synthetic_spec(seed: &Value, n: usize) -> Value {
    let mut spec = seed.clone();
    let paths = seed["paths"].as_object().expect("a spec has paths");
    let (path, item) = paths.iter().next().expect("at least one path");
    let schemas = seed["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut grown_paths = Map::new();
    let mut grown_schemas = schemas.clone();
    for i in 0..n {
        let own = |value: &Value| -> Value {
            let mut text = serde_json::to_string(value).expect("JSON");
            for name in schemas.keys() {
                text = text.replace(
                    &format!("\"#/components/schemas/{name}\""),
                    &format!("\"#/components/schemas/{name}{i}\""),
                );
            }
            serde_json::from_str(&text).expect("JSON")
        };
        let mut copy = own(item);
        for operation in copy
            .as_object_mut()
            .into_iter()
            .flat_map(|o| o.values_mut())
        {
            if let Some(id) = operation.get("operationId").and_then(Value::as_str) {
                operation["operationId"] = Value::String(format!("{id}_{i}"));
            }
        }
        grown_paths.insert(format!("/copy{i}{path}"), copy);
        for (name, schema) in &schemas {
            grown_schemas.insert(format!("{name}{i}"), own(schema));
        }
    }
    spec["paths"] = Value::Object(grown_paths);
    spec["components"]["schemas"] = Value::Object(grown_schemas);
    spec
}

/// `spec` with one more optional string property on its first object schema.
fn with_one_more_property(spec: &Value) -> Value {
    let mut grown = spec.clone();
    let schemas = grown["components"]["schemas"]
        .as_object_mut()
        .expect("schemas");
    let object = schemas
        .values_mut()
        .find(|s| s["properties"].is_object())
        .expect("an object schema");
    object["properties"]["added_for_build_cost"] = serde_json::json!({"type": "string"});
    grown
}

/// Generates and builds both flavours for each number of operations in `scales` (by default
/// [`SCALES`]), under `target/build-cost/scale/`.
pub fn measure(root: &Path, scales: &[usize]) -> Result<Vec<Row>, Error> {
    let scratch_dir = root.join("target/build-cost/scale");
    let _ = std::fs::remove_dir_all(&scratch_dir);
    std::fs::create_dir_all(&scratch_dir).map_err(|e| Error::io(&scratch_dir, e))?;
    let seed_path = root.join("openapi.yaml");
    let seed: Value = serde_saphyr::from_str(&read(&seed_path)?)
        .map_err(|e| Error::spec(&seed_path, e.to_string()))?;
    let mut rows = Vec::new();
    for &n in scales {
        let spec = synthetic_spec(&seed, n);
        let grown = with_one_more_property(&spec);
        rows.push(invent_flavour(root, &scratch_dir, n, &spec, &grown)?);
        rows.push(stock_flavour(root, &scratch_dir, n, &spec, &grown)?);
    }
    Ok(rows)
}

fn invent_flavour(
    root: &Path,
    scratch_dir: &Path,
    n: usize,
    spec: &Value,
    grown: &Value,
) -> Result<Row, Error> {
    let spec_path = scratch_dir.join(format!("spec-{n}.json"));
    write(&spec_path, &serde_json::to_string(spec).expect("JSON"))?;
    let dir = scratch_dir.join(format!("invent-{n}"));
    let member = Member {
        name: "scaled".into(),
        spec: spec_path.clone(),
        test: None,
    };
    for outcome in scratch::create(root, &dir, &[member])? {
        outcome.result?;
    }
    let file = dir.join("scaled/invent/src/generated_sdk.rs");
    let regenerate = || -> Result<String, Error> {
        let spec = crate::spec::parse(&spec_path, &serde_json::to_string(grown).expect("JSON"))?;
        let files = crate::generate_from_spec(&spec_path, &spec)?;
        Ok(files
            .into_iter()
            .find(|f| f.path.ends_with("generated_sdk.rs"))
            .expect("the SDK file")
            .contents)
    };
    timed("invent", n, &dir, "scaled", &file, regenerate)
}

fn stock_flavour(
    root: &Path,
    scratch_dir: &Path,
    n: usize,
    spec: &Value,
    grown: &Value,
) -> Result<Row, Error> {
    let dir = scratch_dir.join(format!("stock-{n}"));
    std::fs::create_dir_all(dir.join("src")).map_err(|e| Error::io(&dir, e))?;
    write(&dir.join("Cargo.toml"), &stock_manifest(root)?)?;
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))
        .map_err(|e| Error::io(&dir, e))?;
    let file = dir.join("src/lib.rs");
    write(&file, &stock_code(spec)?)?;
    timed("stock progenitor", n, &dir, "stock", &file, || {
        stock_code(grown)
    })
}

/// What stock progenitor (default settings) generates for `spec`, printed.
pub fn stock_code(spec: &Value) -> Result<String, Error> {
    let openapi: openapiv3::OpenAPI = serde_json::from_value(spec.clone())
        .map_err(|e| Error::Tool(format!("the synthetic spec does not parse: {e}")))?;
    let mut generator = progenitor::Generator::new(&progenitor::GenerationSettings::default());
    let tokens = generator
        .generate_tokens(&openapi)
        .map_err(|e| Error::Tool(format!("stock progenitor refused the synthetic spec: {e}")))?;
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| Error::Tool(format!("stock progenitor's output does not parse: {e}")))?;
    Ok(format!(
        "//! Stock progenitor's output, for build-cost comparison.\n#![allow(warnings)]\n{}",
        prettyplease::unparse(&file)
    ))
}

/// The dependencies stock progenitor's output needs, copied from the workspace manifest (so
/// the same versions, and the same TLS as `invent`'s default).
fn stock_manifest(root: &Path) -> Result<String, Error> {
    const NEEDED: [&str; 8] = [
        "progenitor-client",
        "reqwest",
        "rustls",
        "serde",
        "serde_json",
        "chrono",
        "regress",
        "futures",
    ];
    let manifest = read(&root.join("Cargo.toml"))?;
    let lines: Vec<&str> = manifest
        .lines()
        .filter(|line| NEEDED.iter().any(|n| line.starts_with(&format!("{n} ="))))
        .collect();
    Ok(format!(
        "[package]\nname = \"stock\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Its own workspace, not a member of the SDK's.\n[workspace]\n\n\
         [features]\ndefault = [\"rustls/ring\"]\n\n[dependencies]\n{}\n",
        lines.join("\n")
    ))
}

/// Cold, warm and incremental builds of one crate whose generated source is `file`;
/// `regenerate` gives that file for the spec with one more property.
fn timed(
    flavour: &'static str,
    operations: usize,
    dir: &Path,
    package: &str,
    file: &Path,
    regenerate: impl FnOnce() -> Result<String, Error>,
) -> Result<Row, Error> {
    let target = dir.with_extension("target");
    let lines = read(file)?.lines().count();
    let cold = build(dir, package, &target)?;
    // Warm: the dependencies are built, the crate is compiled whole (no incremental cache);
    // twice, the faster counted, so that one slow moment of a shared machine does not.
    let mut warm = f64::INFINITY;
    for _ in 0..2 {
        run(
            cargo()
                .args(["clean", "--quiet", "--offline"])
                .args(["--package", package])
                .arg("--target-dir")
                .arg(&target)
                .current_dir(dir),
            &format!("cargo clean in {}", dir.display()),
        )?;
        warm = warm.min(build(dir, package, &target)?);
    }
    write(file, &regenerate()?)?;
    let incremental = build(dir, package, &target)?;
    // A hundred operations' target folders are large: keep none.
    let _ = std::fs::remove_dir_all(&target);
    Ok(Row {
        flavour,
        operations,
        lines,
        cold,
        warm,
        incremental,
    })
}

fn build(dir: &Path, package: &str, target: &Path) -> Result<f64, Error> {
    let started = Instant::now();
    run(
        cargo()
            .args(["build", "--quiet", "--offline", "--package", package])
            .arg("--target-dir")
            .arg(target)
            .current_dir(dir),
        &format!("cargo build in {}", dir.display()),
    )?;
    Ok(started.elapsed().as_secs_f64())
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}
