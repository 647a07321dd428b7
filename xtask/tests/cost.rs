//! What a growing spec costs in generated code: one more optional property, on any object
//! schema of openapi.yaml, adds at most ten lines to the generated SDK.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("openapi.yaml")
}

/// Lines of each generated file for the spec `document`, in generation order (the SDK first).
fn generated_lines(document: &Value) -> Vec<(PathBuf, usize)> {
    let path = spec_path();
    let text = serde_json::to_string(document).unwrap();
    let spec = xtask::spec::parse(&path, &text).unwrap();
    xtask::generate_from_spec(&path, &spec)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, f.contents.lines().count()))
        .collect()
}

fn seed() -> Value {
    let text = std::fs::read_to_string(spec_path()).unwrap();
    serde_saphyr::from_str(&text).unwrap()
}

/// The names of the object schemas that list their properties.
fn object_schemas(document: &Value) -> Vec<String> {
    document["components"]["schemas"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, s)| s["properties"].is_object())
        .map(|(name, _)| name.clone())
        .collect()
}

fn with_property(document: &Value, schema: &str, property: Value) -> Value {
    let mut grown = document.clone();
    grown["components"]["schemas"][schema]["properties"]["cost_probe"] = property;
    grown
}

#[test]
fn a_new_optional_property_costs_at_most_ten_sdk_lines() {
    let seed = seed();
    let before = generated_lines(&seed);
    let schemas = object_schemas(&seed);
    assert!(schemas.len() >= 5, "only {} object schemas", schemas.len());
    let kinds = [
        json!({"type": "string", "description": "A probe."}),
        json!({"type": "integer", "nullable": true}),
        json!({"type": "array", "items": {"type": "string"}}),
    ];
    for schema in &schemas {
        for kind in &kinds {
            let after = generated_lines(&with_property(&seed, schema, kind.clone()));
            let sdk = after[0].1 as i64 - before[0].1 as i64;
            assert!(
                (1..=10).contains(&sdk),
                "an optional {kind} property on {schema} costs {sdk} generated SDK lines"
            );
        }
    }
}

#[test]
fn a_synthetic_spec_has_its_operations_and_schemas_and_generates_with_both_generators() {
    let seed = seed();
    let schemas = seed["components"]["schemas"].as_object().unwrap().len();
    let spec = xtask::build_scale::synthetic_spec(&seed, 3);
    assert_eq!(spec["paths"].as_object().unwrap().len(), 3);
    assert_eq!(
        spec["components"]["schemas"].as_object().unwrap().len(),
        schemas * 4
    );
    let text = serde_json::to_string(&spec).unwrap();
    assert!(
        text.contains("#/components/schemas/Assistant2\""),
        "copies refer to their own"
    );
    let lines = generated_lines(&spec);
    assert!(lines[0].1 > generated_lines(&seed)[0].1);
    let stock = xtask::build_scale::stock_code(&spec).unwrap();
    assert!(
        stock.contains("update_assistant_2"),
        "one method per operation"
    );
}
