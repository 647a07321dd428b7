//! The spec's component schemas as JSON Schema 2020-12 (OpenAPI 3.0's `nullable` translated),
//! and validators of them: what "valid against openapi.yaml" means in the tests.

use serde_json::{Map, Value, json};

/// An OpenAPI 3.0 schema as JSON Schema 2020-12: `nullable: true` becomes `type: [t, "null"]`
/// (and `null` joins an `enum`), or `anyOf: [schema, {type: null}]` around a `$ref`/`allOf`;
/// boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers; `example` goes.
pub fn to_json_schema(schema: &Value) -> Value {
    let Value::Object(object) = schema else {
        return schema.clone();
    };
    let mut out = Map::new();
    for (key, value) in object {
        // A union's variant is the one its tag or its shape selects (what the SDK reads); JSON
        // Schema's `oneOf` would also demand that no other variant matches, which open
        // variants, and most specs' `oneOf`s, do not promise.
        let key = if key == "oneOf" {
            "anyOf"
        } else {
            key.as_str()
        };
        let translated = match key {
            "nullable" | "example" | "exclusiveMinimum" | "exclusiveMaximum" => continue,
            "properties" => Value::Object(
                value
                    .as_object()
                    .expect("`properties` is a mapping")
                    .iter()
                    .map(|(name, child)| (name.clone(), to_json_schema(child)))
                    .collect(),
            ),
            "items" | "additionalProperties" | "not" => to_json_schema(value),
            "allOf" | "anyOf" | "oneOf" => Value::Array(
                value
                    .as_array()
                    .expect("a list of schemas")
                    .iter()
                    .map(to_json_schema)
                    .collect(),
            ),
            _ => value.clone(),
        };
        out.insert(key.to_string(), translated);
    }
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if object.get(flag) == Some(&Value::Bool(true))
            && let Some(bound) = out.remove(bound)
        {
            out.insert(flag.into(), bound);
        }
    }
    // An integer format says its range (OpenAPI's int32 and int64, and the sized ones of the
    // format registry that Rust generators read as `u8`, `i16`…).
    if let Some((low, high)) = object
        .get("format")
        .and_then(Value::as_str)
        .and_then(integer_range)
        .filter(|_| object.get("type").and_then(Value::as_str) == Some("integer"))
    {
        out.entry("minimum").or_insert(low);
        out.entry("maximum").or_insert(high);
    }
    if object.get("nullable") != Some(&Value::Bool(true)) {
        return Value::Object(out);
    }
    if ["$ref", "allOf", "anyOf", "oneOf"]
        .iter()
        .any(|k| out.contains_key(*k))
    {
        return json!({ "anyOf": [Value::Object(out), { "type": "null" }] });
    }
    match out.get_mut("type") {
        Some(Value::String(t)) => {
            let t = t.clone();
            out.insert("type".into(), json!([t, "null"]));
        }
        Some(Value::Array(types)) if !types.contains(&json!("null")) => types.push(json!("null")),
        _ => {}
    }
    if let Some(Value::Array(values)) = out.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    Value::Object(out)
}

/// The range of an integer format, if it names one.
fn integer_range(format: &str) -> Option<(Value, Value)> {
    Some(match format {
        "int8" => (json!(i8::MIN), json!(i8::MAX)),
        "int16" => (json!(i16::MIN), json!(i16::MAX)),
        "int32" => (json!(i32::MIN), json!(i32::MAX)),
        "int64" => (json!(i64::MIN), json!(i64::MAX)),
        "uint8" => (json!(0), json!(u8::MAX)),
        "uint16" => (json!(0), json!(u16::MAX)),
        "uint32" => (json!(0), json!(u32::MAX)),
        "uint64" => (json!(0), json!(u64::MAX)),
        _ => return None,
    })
}

/// A validator of the component schema `name`: one root document holding every translated
/// component schema, so `#/components/schemas/...` references resolve; formats are checked.
pub fn validator(name: &str) -> jsonschema::Validator {
    validator_in(&crate::spec().json, name)
}

/// [`validator`] of a component schema of another normalized spec (`Spec::json`).
pub fn validator_in(spec: &Value, name: &str) -> jsonschema::Validator {
    let schemas: Map<String, Value> = spec["components"]["schemas"]
        .as_object()
        .expect("the spec has component schemas")
        .iter()
        .map(|(k, v)| (k.clone(), to_json_schema(v)))
        .collect();
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": format!("#/components/schemas/{name}"),
        "components": { "schemas": schemas },
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("the JSON Schema of `{name}` does not compile: {e}"))
}

/// A validator of any `schema` of the normalized spec `spec` (its `$ref`s resolved among the
/// translated component schemas); `None` if the translation does not compile.
pub fn validator_of(spec: &Value, schema: &Value) -> Option<jsonschema::Validator> {
    let schemas: Map<String, Value> = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), to_json_schema(v)))
        .collect();
    let root = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "allOf": [to_json_schema(schema)],
        "components": { "schemas": schemas },
    });
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .should_ignore_unknown_formats(true)
        .build(&root)
        .ok()
}

pub fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at `{}`", e, e.instance_path()))
        .collect()
}
