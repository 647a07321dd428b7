//! OpenAPI 3.1 input: the same API written in 3.1 generates byte-identical code, a 3.1
//! document read as 3.0 satisfies the independent validator, and what 3.0 cannot say is named.

use std::fs;
use std::path::Path;

use invent_tests::root;
use serde_json::Value;

/// The spec as a 3.1 author writes it: `type: [T, "null"]` for `nullable`, `examples` for
/// `example` in schemas, numeric exclusive bounds, `openapi: 3.1.0`.
fn as_3_1(spec: &Value) -> Value {
    /// One schema and the schemas within it.
    fn schema(value: &mut Value) {
        let Some(object) = value.as_object_mut() else {
            return;
        };
        if object.remove("nullable") == Some(Value::Bool(true))
            && let Some(Value::String(kind)) = object.get("type").cloned()
        {
            object.insert("type".into(), serde_json::json!([kind, "null"]));
        }
        if let Some(example) = object.remove("example") {
            object.insert("examples".into(), Value::Array(vec![example]));
        }
        for (bound, limit) in [
            ("exclusiveMinimum", "minimum"),
            ("exclusiveMaximum", "maximum"),
        ] {
            if object.remove(bound) == Some(Value::Bool(true))
                && let Some(n) = object.remove(limit)
            {
                object.insert(bound.into(), n);
            }
        }
        for key in ["items", "additionalProperties"] {
            if let Some(child) = object.get_mut(key) {
                schema(child);
            }
        }
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            properties.values_mut().for_each(schema);
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            if let Some(Value::Array(parts)) = object.get_mut(key) {
                parts.iter_mut().for_each(schema);
            }
        }
    }
    /// Every `schema` below a part of the document that is not itself a schema.
    fn document(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, child) in map.iter_mut() {
                    if key == "schema" {
                        schema(child);
                    } else if key != "example" && key != "examples" {
                        document(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(document),
            _ => {}
        }
    }
    let mut spec = spec.clone();
    spec["openapi"] = "3.1.0".into();
    if let Some(Value::Object(schemas)) = spec.pointer_mut("/components/schemas") {
        schemas.values_mut().for_each(schema);
    }
    for key in ["paths", "components"] {
        if let Some(part) = spec.get_mut(key) {
            document(part);
        }
    }
    spec
}

fn generate(dir: &Path, spec: &Value) -> Vec<xtask::GeneratedFile> {
    fs::write(
        dir.join("openapi.yaml"),
        serde_json::to_string_pretty(spec).unwrap(),
    )
    .unwrap();
    xtask::generate(dir).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_spec_written_in_3_1_generates_the_same_code() {
    let text = fs::read_to_string(root().join("openapi.yaml")).unwrap();
    let written = xtask::spec::document(&text).unwrap();
    let rewritten = as_3_1(&written);
    assert_ne!(rewritten, written);
    assert!(
        serde_json::to_string(&rewritten)
            .unwrap()
            .contains(r#""null"]"#)
    );
    let dir = tempfile::tempdir().unwrap();
    let from_3_0 = xtask::generate(&root()).unwrap();
    let from_3_1 = generate(dir.path(), &rewritten);
    for (a, b) in from_3_0.iter().zip(&from_3_1) {
        assert!(a.contents == b.contents, "{} differs", a.path.display());
    }
}

#[test]
fn a_3_1_fixture_read_as_3_0_satisfies_the_independent_validator() {
    let fixtures = root().join("xtask/tests/specs");
    let mut checked = 0;
    for entry in fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        let text = fs::read_to_string(&path).unwrap_or_default();
        let is_3_1 = path.extension().is_some_and(|e| e == "yaml")
            && !path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("refuse-")
            && text.contains("openapi: 3.1");
        if !is_3_1 {
            continue;
        }
        let (converted, _) = xtask::spec::as_3_0(&text).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("openapi.json");
        fs::write(&out, serde_json::to_string(&converted).unwrap()).unwrap();
        xtask::tools::validate_spec(&root(), &out)
            .unwrap_or_else(|e| panic!("{} read as 3.0: {e}", path.display()));
        checked += 1;
    }
    assert!(checked > 0, "no 3.1 fixture");
}

#[test]
fn what_the_sdk_does_not_use_is_dropped_with_a_warning() {
    let text = fs::read_to_string(root().join("xtask/tests/specs/openapi-3-1.yaml")).unwrap();
    let (_, warnings) = xtask::spec::as_3_0(&text).unwrap();
    let all = warnings.report();
    assert!(
        all.contains("warning: webhooks: `webhooks` dropped"),
        "{all}"
    );
    assert!(
        all.contains("components.schemas.Assistant.$comment"),
        "{all}"
    );
}
