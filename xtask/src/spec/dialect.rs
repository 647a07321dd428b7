//! OpenAPI 3.1 read as 3.0: the 3.1 spellings of what 3.0 can say are rewritten, what the SDK
//! does not use is dropped with a warning, and what 3.0 cannot say is refused with its place.

use serde_json::{Map, Value};

use super::join;

/// What the conversion did besides rewriting: parts dropped because the SDK uses nothing of
/// them, each with its place.
pub type Warnings = Vec<String>;

/// Keywords 3.0 has no way to say and the SDK would need: refused.
const REFUSED: [&str; 11] = [
    "if",
    "then",
    "else",
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentSchemas",
    "dependentRequired",
    "patternProperties",
    "contains",
    "propertyNames",
];

/// Keywords that describe a schema without shaping values: dropped.
const DROPPED: [&str; 6] = [
    "$schema",
    "$id",
    "$comment",
    "$anchor",
    "$dynamicAnchor",
    "$vocabulary",
];

/// Rewrites a 3.1 document as 3.0 in place; a 3.0 document is left as it is.
pub fn to_3_0(json: &mut Value) -> Result<Warnings, String> {
    let Some(version) = json.get("openapi").and_then(Value::as_str) else {
        return Err("the top-level `openapi` version field is missing".into());
    };
    if version.starts_with("3.0.") {
        return Ok(Vec::new());
    }
    if !version.starts_with("3.1.") {
        return Err(format!(
            "`openapi: {version}` is not supported: write OpenAPI 3.0.x or 3.1.x"
        ));
    }
    let mut warnings = Vec::new();
    let root = json
        .as_object_mut()
        .ok_or("the document is not a mapping")?;
    root.insert("openapi".into(), Value::String("3.0.3".into()));
    for key in ["webhooks", "jsonSchemaDialect"] {
        if root.remove(key).is_some() {
            warnings.push(format!(
                "`{key}` dropped: the SDK calls the API; it does not serve webhooks"
            ));
        }
    }
    if let Some(Value::Object(info)) = root.get_mut("info")
        && let Some(Value::Object(license)) = info.get_mut("license")
        && license.remove("identifier").is_some()
    {
        warnings.push("`info.license.identifier` dropped (3.0 has none)".into());
    }
    if root.get("paths").is_none() {
        root.insert("paths".into(), Value::Object(Map::new()));
    }
    if let Some(Value::Object(components)) = root.get_mut("components") {
        if components.contains_key("pathItems") {
            return Err(
                "`components.pathItems` is OpenAPI 3.1 only; write the path items out".into(),
            );
        }
        if let Some(Value::Object(schemas)) = components.get_mut("schemas") {
            for (name, schema) in schemas.iter_mut() {
                schema_to_3_0(schema, &format!("components.schemas.{name}"), &mut warnings)?;
            }
        }
    }
    walk_schemas_outside_components(json, "", &mut warnings)?;
    Ok(warnings)
}

/// Converts every schema that sits under `schema` keys (parameters, bodies, responses).
fn walk_schemas_outside_components(
    value: &mut Value,
    at: &str,
    warnings: &mut Warnings,
) -> Result<(), String> {
    match value {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                let here = join(at, key);
                if here == "components.schemas" {
                    continue;
                }
                if key == "schema" {
                    schema_to_3_0(child, &here, warnings)?;
                } else if !matches!(key.as_str(), "example" | "examples" | "default") {
                    walk_schemas_outside_components(child, &here, warnings)?;
                }
            }
            Ok(())
        }
        Value::Array(items) => items.iter_mut().enumerate().try_for_each(|(i, v)| {
            walk_schemas_outside_components(v, &join(at, &i.to_string()), warnings)
        }),
        _ => Ok(()),
    }
}

/// One 3.1 schema (and the schemas within it) as 3.0.
fn schema_to_3_0(schema: &mut Value, at: &str, warnings: &mut Warnings) -> Result<(), String> {
    match schema {
        // `true` accepts anything, as `{}` does; `false` accepts nothing.
        Value::Bool(true) => {
            *schema = Value::Object(Map::new());
            return Ok(());
        }
        Value::Bool(false) => {
            return Err(format!(
                "`{at}` is the schema `false` (no value is valid), which 3.0 cannot say"
            ));
        }
        _ => {}
    }
    let Some(object) = schema.as_object_mut() else {
        return Err(format!("`{at}` is not a schema"));
    };
    if let Some(keyword) = REFUSED.iter().find(|k| object.contains_key(**k)) {
        return Err(format!(
            "`{at}` uses `{keyword}` (OpenAPI 3.1 / JSON Schema 2020-12), which OpenAPI 3.0 and \
             so this generator cannot express; describe the value without it"
        ));
    }
    for keyword in DROPPED {
        if object.remove(keyword).is_some() {
            warnings.push(format!(
                "`{at}.{keyword}` dropped: it does not shape values"
            ));
        }
    }
    if let Some(defs) = object.remove("$defs") {
        return Err(format!(
            "`{at}.$defs` holds schemas 3.0 keeps in `components.schemas`; move them there \
             ({} of them)",
            defs.as_object().map_or(0, Map::len)
        ));
    }
    nullable_type(object, at)?;
    if let Some(value) = object.remove("const") {
        object.insert("enum".into(), Value::Array(vec![value]));
    }
    if let Some(Value::Array(examples)) = object.remove("examples")
        && let Some(first) = examples.into_iter().next()
    {
        object.entry("example").or_insert(first);
    }
    for (bound, exclusive, inclusive) in [
        ("exclusiveMinimum", "exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "exclusiveMaximum", "maximum"),
    ] {
        if let Some(value @ Value::Number(_)) = object.get(bound).cloned() {
            object.insert(inclusive.into(), value);
            object.insert(exclusive.into(), Value::Bool(true));
        }
    }
    if object.remove("contentEncoding").is_some() {
        object.insert("format".into(), Value::String("byte".into()));
    }
    if let Some(Value::String(media)) = object.remove("contentMediaType")
        && media == "application/octet-stream"
    {
        object.insert("format".into(), Value::String("binary".into()));
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(child) = object.get_mut(key)
            && !child.is_boolean()
        {
            schema_to_3_0(child, &join(at, key), warnings)?;
        }
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, child) in properties.iter_mut() {
            schema_to_3_0(child, &format!("{at}.properties.{name}"), warnings)?;
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Array(parts)) = object.get_mut(key) {
            for (i, part) in parts.iter_mut().enumerate() {
                schema_to_3_0(part, &format!("{at}.{key}.{i}"), warnings)?;
            }
        }
    }
    null_parts(object);
    Ok(())
}

/// `oneOf: [X, {type: "null"}]` is X, nullable (3.0's `nullable: true`).
fn null_parts(object: &mut Map<String, Value>) {
    for key in ["oneOf", "anyOf"] {
        let Some(Value::Array(parts)) = object.get_mut(key) else {
            continue;
        };
        let is_null = |p: &Value| p.get("type") == Some(&Value::String("null".into()));
        if !parts.iter().any(is_null) {
            continue;
        }
        parts.retain(|p| !is_null(p));
        object.insert("nullable".into(), Value::Bool(true));
        let Some(Value::Array(parts)) = object.get(key) else {
            continue;
        };
        if let [only] = parts.as_slice() {
            let only = only.clone();
            object.remove(key);
            match only.as_object() {
                // A reference keeps its siblings through `allOf`, as 3.0 writes it.
                Some(part) if part.contains_key("$ref") => {
                    object.insert("allOf".into(), Value::Array(vec![only]));
                }
                Some(part) => {
                    for (k, v) in part {
                        object.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                None => {}
            }
        }
    }
}

/// `type: [T, "null"]` is `type: T` with `nullable: true`; `type: "null"` alone is a value
/// that can only be null, which the unions read as the null part of `oneOf`.
fn nullable_type(object: &mut Map<String, Value>, at: &str) -> Result<(), String> {
    let Some(Value::Array(types)) = object.get("type").cloned() else {
        return Ok(());
    };
    let null = Value::String("null".into());
    let others: Vec<&Value> = types.iter().filter(|t| **t != null).collect();
    match others.as_slice() {
        [only] => {
            object.insert("type".into(), (*only).clone());
            if types.contains(&null) {
                object.insert("nullable".into(), Value::Bool(true));
            }
            Ok(())
        }
        [] => {
            object.insert("type".into(), null);
            Ok(())
        }
        _ => Err(format!(
            "`{at}.type` lists several types ({}); write them as `oneOf` of one type each",
            Value::Array(types.clone())
        )),
    }
}
