//! The JSON Schema that schemars derives from each generated type agrees with the spec's
//! component schema: property names, required lists, types, nullability, formats, enum values,
//! and a union's variants and tag.

use std::collections::BTreeSet;

use schemars::r#gen::{SchemaGenerator, SchemaSettings};
use serde_json::{Map, Value};

/// The schema schemars derives for every generated type (the list comes from the generated
/// code, so a new schema in the spec is compared with no edit here).
fn derived_schemas() -> Map<String, Value> {
    let mut generator = SchemaGenerator::new(SchemaSettings::openapi3());
    let mut roots = Vec::new();
    macro_rules! derive_each {
        ($(($ident:ident, $name:literal, $type:ty)),* $(,)?) => {
            $(roots.push(($name, generator.subschema_for::<$type>()));)*
        };
    }
    invent::for_each_schema!(derive_each);
    let mut schemas: Map<String, Value> =
        serde_json::from_value(serde_json::to_value(generator.take_definitions()).unwrap())
            .unwrap();
    // A root that schemars inlines (a transparent newtype) has no definition of its own.
    for (name, schema) in roots {
        schemas
            .entry(name)
            .or_insert_with(|| serde_json::to_value(schema).unwrap());
    }
    schemas
}

fn spec_schemas() -> Map<String, Value> {
    invent_tests::spec().json["components"]["schemas"]
        .as_object()
        .unwrap()
        .clone()
}

/// Follows `$ref`s (and a lone `allOf: [$ref]`), keeping `nullable` from the wrapper.
fn resolve<'a>(schema: &'a Value, all: &'a Map<String, Value>) -> (bool, &'a Value) {
    let nullable = schema.get("nullable") == Some(&Value::Bool(true));
    if let Some(Value::String(r)) = schema.get("$ref") {
        let name = r.rsplit('/').next().unwrap();
        let (inner_nullable, inner) = resolve(&all[name], all);
        return (nullable || inner_nullable, inner);
    }
    if let Some(Value::Array(parts)) = schema.get("allOf")
        && parts.len() == 1
    {
        let (inner_nullable, inner) = resolve(&parts[0], all);
        return (nullable || inner_nullable, inner);
    }
    (nullable, schema)
}

fn accepts_unknown_properties(schema: &Value) -> bool {
    match schema.get("additionalProperties") {
        Some(Value::Bool(b)) => *b,
        Some(Value::Object(_)) => true,
        _ => false,
    }
}

fn keys(v: Option<&Value>) -> BTreeSet<String> {
    match v {
        Some(Value::Object(o)) => o.keys().cloned().collect(),
        Some(Value::Array(a)) => a.iter().map(|x| x.to_string()).collect(),
        _ => BTreeSet::new(),
    }
}

/// Compares two schemas; records each disagreement with the path where it is.
fn compare(
    at: &str,
    spec: (&Value, &Map<String, Value>),
    rust: (&Value, &Map<String, Value>),
    errors: &mut Vec<String>,
) {
    let (spec_nullable, s) = resolve(spec.0, spec.1);
    let (rust_nullable, r) = resolve(rust.0, rust.1);
    let mut differ = |what: &str, a: String, b: String| {
        if a != b {
            errors.push(format!("{at}: {what}: spec says {a}, Rust type says {b}"));
        }
    };
    differ(
        "nullable",
        spec_nullable.to_string(),
        rust_nullable.to_string(),
    );
    differ(
        "type",
        format!("{:?}", s.get("type")),
        format!("{:?}", r.get("type")),
    );
    differ(
        "format",
        format!("{:?}", s.get("format")),
        format!("{:?}", r.get("format")),
    );
    differ(
        "enum",
        format!("{:?}", keys(s.get("enum"))),
        format!("{:?}", keys(r.get("enum"))),
    );
    differ(
        "required",
        format!("{:?}", keys(s.get("required"))),
        format!("{:?}", keys(r.get("required"))),
    );
    differ(
        "properties",
        format!("{:?}", keys(s.get("properties"))),
        format!("{:?}", keys(r.get("properties"))),
    );
    differ(
        "accepts unknown properties",
        accepts_unknown_properties(s).to_string(),
        accepts_unknown_properties(r).to_string(),
    );
    // Unions: as many variants, read by the same tag; a tagged union's variants pairwise (a
    // union read by shape lists them in the order it tries them, not as written).
    let variants = |schema: &Value| {
        ["oneOf", "anyOf"]
            .iter()
            .find_map(|k| schema.get(*k))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (sv, rv) = (variants(s), variants(r));
    differ("variants", sv.len().to_string(), rv.len().to_string());
    let tag = |schema: &Value| format!("{:?}", schema.pointer("/discriminator/propertyName"));
    differ("discriminator", tag(s), tag(r));
    if let (Some(Value::Object(sp)), Some(Value::Object(rp))) =
        (s.get("properties"), r.get("properties"))
    {
        for (name, child) in sp {
            if let Some(rchild) = rp.get(name) {
                compare(
                    &format!("{at}.{name}"),
                    (child, spec.1),
                    (rchild, rust.1),
                    errors,
                );
            }
        }
    }
    if let (Some(si), Some(ri)) = (s.get("items"), r.get("items")) {
        compare(&format!("{at}[]"), (si, spec.1), (ri, rust.1), errors);
    }
    if s.get("discriminator").is_some() {
        for (i, (a, b)) in sv.iter().zip(&rv).enumerate() {
            compare(
                &format!("{at}.oneOf[{i}]"),
                (a, spec.1),
                (b, rust.1),
                errors,
            );
        }
    }
}

#[test]
fn unions_are_compared_by_their_variants_and_their_tag() {
    let all: Map<String, Value> = serde_json::from_value(serde_json::json!({
        "Hook": {"type": "object", "properties": {"url": {"type": "string"}}},
        "Mail": {"type": "object", "properties": {"to": {"type": "string"}}},
    }))
    .unwrap();
    let spec = serde_json::json!({
        "oneOf": [{"$ref": "#/components/schemas/Hook"}, {"$ref": "#/components/schemas/Mail"}],
        "discriminator": {"propertyName": "type"},
    });
    let mut errors = Vec::new();
    compare("Action", (&spec, &all), (&spec, &all), &mut errors);
    assert_eq!(errors, Vec::<String>::new());
    let untagged = serde_json::json!({"oneOf": spec["oneOf"].clone()});
    let fewer = serde_json::json!({
        "oneOf": [{"$ref": "#/components/schemas/Hook"}],
        "discriminator": {"propertyName": "type"},
    });
    let swapped = serde_json::json!({
        "oneOf": [{"$ref": "#/components/schemas/Mail"}, {"$ref": "#/components/schemas/Hook"}],
        "discriminator": {"propertyName": "type"},
    });
    for (rust, what) in [
        (untagged, "discriminator"),
        (fewer, "variants"),
        (swapped, "properties"),
    ] {
        let mut errors = Vec::new();
        compare("Action", (&spec, &all), (&rust, &all), &mut errors);
        assert!(
            errors.iter().any(|e| e.contains(what)),
            "{what}: {errors:?}"
        );
    }
}

#[test]
fn every_component_schema_has_a_generated_type() {
    let derived = derived_schemas();
    let missing: Vec<_> = spec_schemas()
        .keys()
        .filter(|k| !derived.contains_key(*k))
        .cloned()
        .collect();
    assert!(
        missing.is_empty(),
        "no JSON Schema derived for {missing:?}: the generated schema list misses them"
    );
}

#[test]
fn derived_json_schemas_agree_with_the_spec() {
    let spec = spec_schemas();
    let derived = derived_schemas();
    let mut errors = Vec::new();
    for (name, schema) in &spec {
        if let Some(rust) = derived.get(name) {
            compare(name, (schema, &spec), (rust, &derived), &mut errors);
        }
    }
    assert!(
        errors.is_empty(),
        "generated types drift from openapi.yaml:\n{}",
        errors.join("\n")
    );
}

#[test]
fn comparison_catches_a_drift() {
    // The check itself must be able to fail: a spec with one more required property differs.
    let mut spec = spec_schemas();
    spec["Assistant"]["required"].as_array_mut().unwrap().pop();
    let derived = derived_schemas();
    let mut errors = Vec::new();
    compare(
        "Assistant",
        (&spec["Assistant"], &spec),
        (&derived["Assistant"], &derived),
        &mut errors,
    );
    assert!(errors.iter().any(|e| e.contains("required")), "{errors:?}");
}
