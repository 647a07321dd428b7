//! Step 1: read `openapi.yaml`, normalize it, and parse it as OpenAPI 3.0.
//! Every later step reads the normalized document, so each object and enum has a name.

use std::path::Path;

use heck::ToUpperCamelCase;
use serde_json::{Map, Value};

use crate::Error;

/// The spec after normalization: the JSON form (for the wire passes) and the typed form
/// (for progenitor).
pub struct Spec {
    pub json: Value,
    pub openapi: openapiv3::OpenAPI,
}

impl Spec {
    /// The component schema named `name`, if any.
    pub fn schema(&self, name: &str) -> Option<&Map<String, Value>> {
        self.json
            .pointer(&format!("/components/schemas/{}", escape_pointer(name)))?
            .as_object()
    }

    /// Every component schema, in document order.
    pub fn schemas(&self) -> impl Iterator<Item = (&str, &Map<String, Value>)> {
        self.json
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .filter_map(|(name, schema)| Some((name.as_str(), schema.as_object()?)))
    }
}

/// Reads, normalizes and parses the spec at `path`.
pub fn load(path: &Path) -> Result<Spec, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::spec(path, format!("cannot read the file: {e}")))?;
    parse(path, &text)
}

/// Parses spec text; `path` only names the document in error messages.
pub fn parse(path: &Path, text: &str) -> Result<Spec, Error> {
    let mut json: Value = serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| Error::spec(path, format!("not valid YAML: {e}")))?;
    check_version(path, &json)?;
    normalize(&mut json).map_err(|msg| Error::spec(path, msg))?;
    let openapi = serde_path_to_error::deserialize(&json).map_err(|e| {
        let (at, message) = (e.path().to_string(), e.inner().to_string());
        let at = locate(&json, &at, &message).unwrap_or(at);
        Error::spec(
            path,
            format!("not a valid OpenAPI 3.0 document at `{at}`: {message}"),
        )
    })?;
    Ok(Spec { json, openapi })
}

/// Where below `at` the offending value of a serde error sits. openapiv3 flattens its
/// objects, so serde's own error path stops early (often at `paths`); the message names the
/// value (`invalid type: string "maybe"`), so look for it below that point.
fn locate(json: &Value, at: &str, message: &str) -> Option<String> {
    let wanted = quoted_value(message)?;
    let mut start = json;
    let at: Vec<&str> = at
        .split('.')
        .filter(|p| !p.is_empty() && *p != "?")
        .collect();
    for part in &at {
        start = start.get(part)?;
    }
    let mut found = Vec::new();
    find(start, &wanted, at.join("."), &mut found);
    (found.len() == 1).then(|| found.remove(0))
}

/// The value a serde error names: `string "x"` or `` integer `5` ``.
fn quoted_value(message: &str) -> Option<Value> {
    if let Some(rest) = message.split("string \"").nth(1) {
        return Some(Value::String(rest.split('"').next()?.to_string()));
    }
    let inner = message.split('`').nth(1)?;
    serde_json::from_str(inner).ok()
}

fn find(value: &Value, wanted: &Value, at: String, found: &mut Vec<String>) {
    match value {
        Value::Object(o) => o
            .iter()
            .for_each(|(k, v)| find(v, wanted, join(&at, k), found)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| find(v, wanted, join(&at, &i.to_string()), found)),
        leaf if leaf == wanted => found.push(at),
        _ => {}
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// The spec is the maintainer's own file, not untrusted input: no size budget, so a spec of
/// a thousand operations parses (the default budget stops at 250,000 nodes).
fn yaml_options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.budget = None;
    options
}

fn check_version(path: &Path, json: &Value) -> Result<(), Error> {
    match json.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0.") => Ok(()),
        Some(v) => Err(Error::spec(
            path,
            format!("`openapi: {v}` is not supported: progenitor reads OpenAPI 3.0.x only"),
        )),
        None => Err(Error::spec(
            path,
            "the top-level `openapi` version field is missing",
        )),
    }
}

/// Gives every inline object and enum schema a name of its own under `components/schemas`
/// (named as the type generator would name it: parent type, then property), so each
/// generated Rust type corresponds to exactly one component schema.
fn normalize(json: &mut Value) -> Result<(), String> {
    let root = json
        .as_object_mut()
        .ok_or("the document is not a mapping")?;
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or("`components` is not a mapping")?;
    let schemas = components
        .entry("schemas")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or("`components.schemas` is not a mapping")?;

    let mut hoisted = Map::new();
    let names: Vec<String> = schemas.keys().cloned().collect();
    for name in names {
        let schema = schemas.get_mut(&name).expect("name taken from the map");
        hoist_children(
            &name,
            schema,
            &mut hoisted,
            &format!("components.schemas.{name}"),
        )?;
    }
    for (name, schema) in hoisted {
        if schemas.contains_key(&name) {
            return Err(format!(
                "an inline schema would be named `{name}`, which is already a component schema; \
                 give one of them another name"
            ));
        }
        schemas.insert(name, schema);
    }
    Ok(())
}

/// Replaces the inline object and enum schemas below `schema` with `$ref`s to new named schemas.
fn hoist_children(
    parent: &str,
    schema: &mut Value,
    out: &mut Map<String, Value>,
    at: &str,
) -> Result<(), String> {
    let Some(object) = schema.as_object_mut() else {
        return Err(format!("`{at}` is not a schema mapping"));
    };
    for keyword in ["oneOf", "anyOf", "not"] {
        if object.contains_key(keyword) {
            return Err(format!(
                "`{at}` uses `{keyword}`, which this generator does not support; \
                 describe the value with `type`, `properties`, `items` or `enum`"
            ));
        }
    }
    // OpenAPI allows unknown properties unless told otherwise; say so explicitly, so the
    // generated struct keeps them (an API that grows must not lose data on a round trip).
    let is_object = object.get("type").and_then(Value::as_str) == Some("object")
        || object.contains_key("properties");
    if object.get("additionalProperties") == Some(&Value::Bool(false)) {
        return Err(format!(
            "`{at}` sets `additionalProperties: false`, which this generator refuses: the API \
             grows, and the generated types keep properties they do not know so that nothing is \
             lost on a round trip; remove it"
        ));
    }
    if is_object && !matches!(object.get("additionalProperties"), Some(Value::Object(_))) {
        object.insert("additionalProperties".into(), Value::Object(Map::new()));
    }
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (prop, child) in properties.iter_mut() {
            let name = format!("{parent}{}", prop.to_upper_camel_case());
            hoist(&name, child, out, &format!("{at}.properties.{prop}"))?;
        }
    }
    if let Some(items) = object.get_mut("items") {
        hoist(&format!("{parent}Item"), items, out, &format!("{at}.items"))?;
    }
    if let Some(extra @ Value::Object(_)) = object.get_mut("additionalProperties") {
        hoist(
            &format!("{parent}Value"),
            extra,
            out,
            &format!("{at}.additionalProperties"),
        )?;
    }
    Ok(())
}

fn hoist(
    name: &str,
    child: &mut Value,
    out: &mut Map<String, Value>,
    at: &str,
) -> Result<(), String> {
    hoist_children(name, child, out, at)?;
    let object = child.as_object().expect("checked by hoist_children");
    let is_named_type = object.contains_key("enum")
        || object
            .get("properties")
            .is_some_and(|p| p.as_object().is_some_and(|p| !p.is_empty()));
    if is_named_type {
        if out.contains_key(name) {
            return Err(format!(
                "two inline schemas would both be named `{name}` (at `{at}`)"
            ));
        }
        let reference = Value::String(format!("#/components/schemas/{name}"));
        let nullable = object.get("nullable").cloned();
        let taken = std::mem::replace(child, Value::Object(Map::new()));
        let mut replacement = Map::new();
        match nullable {
            // A `$ref` ignores its siblings in OpenAPI 3.0; keep the nullability with `allOf`.
            Some(Value::Bool(true)) => {
                let mut only = Map::new();
                only.insert("$ref".into(), reference);
                replacement.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
                replacement.insert("nullable".into(), Value::Bool(true));
                let mut taken = taken;
                if let Some(o) = taken.as_object_mut() {
                    o.remove("nullable");
                }
                out.insert(name.to_string(), taken);
            }
            _ => {
                replacement.insert("$ref".into(), reference);
                out.insert(name.to_string(), taken);
            }
        }
        *child = Value::Object(replacement);
    }
    Ok(())
}

fn escape_pointer(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}
