//! OpenAPI 3.1 read as 3.0: the 3.1 spellings of what 3.0 can say are rewritten, and what
//! 3.0 cannot say is approximated by a schema that accepts every valid value, with a warning.

use serde_json::{Map, Value};

use super::diagnostics::Diagnostics;
use super::join;

/// Keywords 3.0 has no way to say: dropped with a warning, so the value is checked less
/// than the spec says (the server still checks it) and never refused when it is valid.
const APPROXIMATED: [&str; 11] = [
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
pub fn to_3_0(json: &mut Value, warnings: &mut Diagnostics) -> Result<(), String> {
    let Some(version) = json.get("openapi").and_then(Value::as_str) else {
        return Err("the top-level `openapi` version field is missing".into());
    };
    if version.starts_with("3.0.") {
        return Ok(());
    }
    if !version.starts_with("3.1.") {
        return Err(format!(
            "`openapi: {version}` is not supported: write OpenAPI 3.0.x or 3.1.x"
        ));
    }
    let root = json
        .as_object_mut()
        .ok_or("the document is not a mapping")?;
    root.insert("openapi".into(), Value::String("3.0.3".into()));
    for key in ["webhooks", "jsonSchemaDialect"] {
        if root.remove(key).is_some() {
            warnings.warn(
                "dropped",
                key,
                format!("`{key}` dropped: the SDK calls the API; it does not serve webhooks"),
            );
        }
    }
    if let Some(Value::Object(info)) = root.get_mut("info")
        && let Some(Value::Object(license)) = info.get_mut("license")
        && license.remove("identifier").is_some()
    {
        warnings.warn(
            "dropped",
            "info.license.identifier",
            "dropped (3.0 has none)",
        );
    }
    if root.get("paths").is_none() {
        root.insert("paths".into(), Value::Object(Map::new()));
    }
    if let Some(Value::Object(schemas)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("schemas"))
    {
        for (name, schema) in schemas.iter_mut() {
            schema_to_3_0(schema, &format!("components.schemas.{name}"), warnings);
        }
    }
    path_item_references(json, warnings);
    walk_schemas_outside_components(json, "", warnings);
    Ok(())
}

/// 3.1's `components.pathItems`, and path items that `$ref` one, written out in place.
fn path_item_references(json: &mut Value, warnings: &mut Diagnostics) {
    let Some(items) = json
        .pointer_mut("/components/pathItems")
        .map(std::mem::take)
    else {
        return;
    };
    if let Some(Value::Object(components)) = json.get_mut("components") {
        components.remove("pathItems");
    }
    let Some(Value::Object(paths)) = json.get_mut("paths") else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(reference) = item.get("$ref").and_then(Value::as_str) else {
            continue;
        };
        let name = reference
            .strip_prefix("#/components/pathItems/")
            .unwrap_or("");
        match items.get(name) {
            Some(target) => *item = target.clone(),
            None => warnings.error(
                "invalid",
                format!("paths.{path}.$ref"),
                format!("refers to `{reference}`, which is not defined"),
            ),
        }
    }
}

/// Converts every schema that sits under `schema` keys (parameters, bodies, responses).
fn walk_schemas_outside_components(value: &mut Value, at: &str, warnings: &mut Diagnostics) {
    match value {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                let here = join(at, key);
                if here == "components.schemas" {
                    continue;
                }
                if key == "schema" {
                    schema_to_3_0(child, &here, warnings);
                } else if !matches!(key.as_str(), "example" | "examples" | "default") {
                    walk_schemas_outside_components(child, &here, warnings);
                }
            }
        }
        Value::Array(items) => items.iter_mut().enumerate().for_each(|(i, v)| {
            walk_schemas_outside_components(v, &join(at, &i.to_string()), warnings)
        }),
        _ => {}
    }
}

/// One 3.1 schema (and the schemas within it) as 3.0.
fn schema_to_3_0(schema: &mut Value, at: &str, warnings: &mut Diagnostics) {
    match schema {
        // `true` accepts anything, as `{}` does; `false` accepts nothing, which 3.0 cannot
        // say: any value, so that reading never fails where the spec is stricter.
        Value::Bool(true) => {
            *schema = Value::Object(Map::new());
            return;
        }
        Value::Bool(false) => {
            warnings.warn(
                "false-schema",
                at,
                "the schema `false` (no value is valid) is read as any value",
            );
            *schema = Value::Object(Map::new());
            return;
        }
        _ => {}
    }
    let Some(object) = schema.as_object_mut() else {
        warnings.error("invalid", at, "is not a schema (a mapping or a boolean)");
        *schema = Value::Object(Map::new());
        return;
    };
    for keyword in APPROXIMATED {
        if object.remove(keyword).is_some() {
            warnings.warn(
                "json-schema-2020-12",
                join(at, keyword),
                format!(
                    "`{keyword}` (JSON Schema 2020-12) ignored: the type accepts every value \
                     the rest of the schema allows, and the server checks the rest"
                ),
            );
        }
    }
    for keyword in DROPPED {
        if object.remove(keyword).is_some() {
            warnings.warn(
                "dropped",
                join(at, keyword),
                "dropped: it does not shape values",
            );
        }
    }
    if let Some(defs) = object.remove("$defs") {
        warnings.warn(
            "json-schema-2020-12",
            join(at, "$defs"),
            format!(
                "dropped ({} schemas): 3.0 keeps schemas in `components.schemas`, and a \
                 `$ref` into `$defs` is read as any value",
                defs.as_object().map_or(0, Map::len)
            ),
        );
    }
    for keyword in ["$recursiveRef", "$dynamicRef"] {
        if object.remove(keyword).is_some() {
            warnings.warn(
                "json-schema-2020-12",
                join(at, keyword),
                format!("`{keyword}` read as any value"),
            );
        }
    }
    nullable_type(object, at, warnings);
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
            schema_to_3_0(child, &join(at, key), warnings);
        }
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, child) in properties.iter_mut() {
            schema_to_3_0(child, &format!("{at}.properties.{name}"), warnings);
        }
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Array(parts)) = object.get_mut(key) {
            for (i, part) in parts.iter_mut().enumerate() {
                schema_to_3_0(part, &format!("{at}.{key}.{i}"), warnings);
            }
        }
    }
    null_parts(object);
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
/// that can only be null, which the unions read as the null part of `oneOf`; several types
/// are a `oneOf` of one type each (each with the keywords beside `type`).
fn nullable_type(object: &mut Map<String, Value>, at: &str, warnings: &mut Diagnostics) {
    let Some(Value::Array(types)) = object.get("type").cloned() else {
        return;
    };
    let null = Value::String("null".into());
    let others: Vec<&Value> = types.iter().filter(|t| **t != null).collect();
    match others.as_slice() {
        [only] => {
            object.insert("type".into(), (*only).clone());
            if types.contains(&null) {
                object.insert("nullable".into(), Value::Bool(true));
            }
        }
        [] => {
            object.insert("type".into(), null);
        }
        several => {
            let several: Vec<Value> = several.iter().map(|t| (*t).clone()).collect();
            if several.iter().any(|t| !t.is_string()) {
                warnings.error(
                    "invalid",
                    join(at, "type"),
                    "lists something other than type names",
                );
                object.remove("type");
                return;
            }
            object.remove("type");
            warnings.warn(
                "type-list",
                join(at, "type"),
                format!(
                    "lists several types ({}): read as `oneOf` of one type each, told apart by \
                     the shape of the value",
                    Value::Array(types.clone())
                ),
            );
            let mut variants = Vec::new();
            for kind in &several {
                let kind = kind.as_str().unwrap_or_default();
                let mut variant = object.clone();
                variant.retain(|k, _| applies_to(kind, k));
                if let Some(Value::Array(values)) = variant.get_mut("enum") {
                    values.retain(|v| is_of_type(kind, v));
                }
                variant.insert("type".into(), Value::String(kind.into()));
                variants.push(Value::Object(variant));
            }
            object.retain(|k, _| matches!(k.as_str(), "description" | "title" | "nullable"));
            object.insert("oneOf".into(), Value::Array(variants));
            if types.contains(&null) {
                object.insert("nullable".into(), Value::Bool(true));
            }
        }
    }
}

/// Whether keyword `key` says something about values of JSON type `kind`.
fn applies_to(kind: &str, key: &str) -> bool {
    let keys: &[&str] = match kind {
        "string" => &["minLength", "maxLength", "pattern", "format", "enum"],
        "integer" | "number" => &[
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "format",
            "enum",
        ],
        "array" => &["items", "minItems", "maxItems", "uniqueItems"],
        "object" => &[
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "maxProperties",
        ],
        "boolean" => &["enum"],
        _ => &[],
    };
    keys.contains(&key)
}

/// Whether the JSON value `v` is of JSON type `kind`.
fn is_of_type(kind: &str, v: &Value) -> bool {
    match kind {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => v.is_null(),
    }
}
