//! What progenitor reads: the normalized document without what progenitor and typify would
//! mis-generate. The runtime and the wire passes do those things instead, from `Spec::json`.
//!
//! - `default`: documented by the normalization; typify would fill it in on reading, so that
//!   absent and default could no longer be told apart.
//! - Numeric and list limits (`minimum`, `maxItems`, `uniqueItems`…): typify ignores most,
//!   turns `minimum: 1` into `NonZeroU64` and `uniqueItems` into a set (losing order); the
//!   runtime checks them all before sending (`invent::support::check_limits`).
//! - Formats: the mapping in [`FORMATS`]; parameters are plain scalars whose limits the
//!   runtime checks. Enums of numbers are plain numbers (open, like string enums).
//! - Vendor extensions on schemas (`x-…`, except typify's `x-rust-type`): typify reads none,
//!   and they would keep a schema from the conversion of its kind (`{}` → `invent::RawJson`).
//! - Unions: any JSON value (typify would write a closed, untagged enum); the union's own enum
//!   takes its place (wire/unions.rs).
//! - Responses: a `default` beside a success is left to the runtime (which classifies any
//!   status), and error bodies that differ between statuses are left untyped for progenitor
//!   (the runtime keeps every error body; the generated error enums read them by status).

use serde_json::{Map, Value};

use super::join;

use super::diagnostics::Diagnostics;
use super::schema;

/// The part of a path template from a `#fragment` or a `?query` written into it, if there is
/// one without parameters: the SDK sends the path without the fragment, the query among the
/// others, and the mock matches the path up to it.
pub fn path_beyond(path: &str) -> Option<&str> {
    let start = path.find(['#', '?'])?;
    let beyond = &path[start..];
    (!beyond.contains('{')).then_some(beyond)
}

/// Whether a media type is JSON: `application/json` (with parameters), or a `+json` type
/// (`application/merge-patch+json`, `application/vnd.api+json`).
pub fn is_json(media: &str) -> bool {
    is_plain_json(media) || essence(media).to_ascii_lowercase().ends_with("+json")
}

/// Whether a media type is `application/json` itself (with or without parameters), the one
/// progenitor reads and sends.
fn is_plain_json(media: &str) -> bool {
    essence(media).eq_ignore_ascii_case("application/json")
}

/// A media type without its parameters: `text/plain; charset=utf-8` → `text/plain`.
fn essence(media: &str) -> &str {
    media.split(';').next().unwrap_or_default().trim()
}

/// How each `format` of the spec is represented in Rust; formats not listed are strings.
/// Decided once: what keeps a round trip exact and needs no crate beyond the SDK's own.
pub const FORMATS: &[(&str, &str, &str)] = &[
    (
        "string",
        "date-time",
        "invent::Timestamp (keeps the exact text it was read from)",
    ),
    (
        "string",
        "password",
        "invent::Secret<String> (redacted in Debug)",
    ),
    (
        "string",
        "binary",
        "a byte stream for `application/octet-stream` bodies, else String",
    ),
    ("integer", "int32", "i32"),
    ("integer", "int64", "i64"),
    ("number", "double", "f64"),
    (
        "number",
        "float",
        "f64 (f32 would round values the API sends)",
    ),
];

/// Formats typify is given as written; every other one is removed (so the value is a String,
/// or an f64 for numbers).
pub fn kept(kind: &str, format: &str) -> bool {
    matches!(
        (kind, format),
        ("string", "date-time" | "password")
            | (
                "integer",
                "int8" | "int16" | "int32" | "int64" | "uint8" | "uint16" | "uint32" | "uint64"
            )
            | ("number", "double")
    )
}

/// Limits the runtime checks, removed from what typify sees.
const RUNTIME_LIMITS: [&str; 9] = [
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "default",
];

/// String limits: typify makes a checked type of a named string that has them; parameters
/// (plain values) leave them to the runtime.
const STRING_LIMITS: [&str; 3] = ["minLength", "maxLength", "pattern"];

/// The document progenitor reads, made from the normalized one.
pub fn for_progenitor(json: &Value, diagnostics: &mut Diagnostics) -> Result<Value, String> {
    for path in json
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|p| p.0)
    {
        let Some(start) = path.find(['#', '?']) else {
            continue;
        };
        let at = format!("paths.{path}");
        if path_beyond(path).is_none() {
            diagnostics.warn(
                "path",
                at,
                format!(
                    "a parameter after the path's `{}`: the SDK sends it as written, but the \
                     mock's matchers for it never match",
                    &path[start..start + 1]
                ),
            );
        } else if path.contains('?') {
            diagnostics.warn(
                "path",
                at,
                "a query written into the path: the SDK sends it, the mock matches the path \
                 without it"
                    .to_string(),
            );
        }
    }
    let mut view = json.clone();
    if let Some(Value::Object(schemas)) = view.pointer_mut("/components/schemas") {
        for schema in schemas.values_mut() {
            plain(schema, false);
            // A union is any JSON value to typify: its type is replaced by the union's own
            // enum (wire/unions.rs), which typify cannot write (it would close it).
            if super::unions::keyword(schema).is_some() {
                let mut placeholder = Map::new();
                if let Some(description) = schema.get("description") {
                    placeholder.insert("description".into(), description.clone());
                }
                *schema = Value::Object(placeholder);
            }
        }
    }
    // Shared pieces are written out in every operation already.
    if let Some(Value::Object(components)) = view.get_mut("components") {
        for kind in ["parameters", "requestBodies", "responses"] {
            components.remove(kind);
        }
    }
    super::each_operation_mut(&mut view, |at, id, op| {
        if let Some(Value::Array(parameters)) = op.get_mut("parameters") {
            for parameter in parameters.iter_mut() {
                if let Some(schema) = parameter.get_mut("schema") {
                    *schema = parameter_schema(json, schema);
                }
            }
        }
        if let Some(body) = op.get_mut("requestBody") {
            request_body(body, &format!("{at}.requestBody"), diagnostics)?;
        }
        if let Some(Value::Object(responses)) = op.get_mut("responses") {
            responses_for_progenitor(responses, at, id, diagnostics)?;
        }
        Ok(())
    })?;
    Ok(view)
}

/// Removes runtime-checked limits, defaults and unmapped formats from a schema and its
/// children; with `parameter`, string limits too.
fn plain(schema: &mut Value, parameter: bool) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    for key in RUNTIME_LIMITS {
        object.remove(key);
    }
    // Vendor extensions (`x-twilio`…) say nothing typify reads but would set the schema apart
    // from the one it converts to a runtime type (`{}` → `invent::RawJson`); typify's own
    // `x-rust-type` stays.
    object.retain(|key, _| !key.starts_with("x-") || key == "x-rust-type");
    // A number enum stays an open number (its values are in the description); typify would
    // make a closed, checked type of it.
    if object
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| !values.iter().all(Value::is_string))
    {
        object.remove("enum");
    }
    distinct_variant_names(object);
    if parameter {
        for key in STRING_LIMITS {
            object.remove(key);
        }
    }
    let kind = object
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if let Some(format) = object.get("format").and_then(Value::as_str)
        && !kept(&kind, format)
    {
        object.remove("format");
    }
    for key in ["items", "additionalProperties"] {
        if let Some(child) = object.get_mut(key) {
            plain(child, parameter);
        }
    }
    for key in ["properties"] {
        if let Some(Value::Object(children)) = object.get_mut(key) {
            children.values_mut().for_each(|c| plain(c, parameter));
        }
    }
    if let Some(Value::Array(parts)) = object.get_mut("allOf") {
        parts.iter_mut().for_each(|p| plain(p, parameter));
    }
}

/// String enum values that would be one Rust variant (`add`, `Add`): typify is given the later
/// ones numbered (`Add 2` → `Add2`); the enum pass takes the values themselves from the spec.
fn distinct_variant_names(object: &mut Map<String, Value>) {
    let Some(Value::Array(values)) = object.get_mut("enum") else {
        return;
    };
    let mut taken = std::collections::BTreeSet::new();
    for value in values.iter_mut() {
        let Value::String(text) = value else {
            continue;
        };
        let mut given = text.clone();
        let mut number = 1;
        while !taken.insert(super::names::type_name(&given)) {
            number += 1;
            given = format!("{text} {number}");
        }
        *text = given;
    }
}

/// A parameter's schema as a plain value: a `$ref` to a scalar component is written out
/// without its limits (so the parameter is a `String` or a number, not a checked type).
fn parameter_schema(json: &Value, schema: &Value) -> Value {
    let resolved = schema::resolve(json, schema);
    let is_scalar = matches!(
        resolved.get("type").and_then(Value::as_str),
        Some("string" | "integer" | "number" | "boolean")
    ) && resolved.get("enum").is_none();
    let mut out = if is_scalar {
        resolved.clone()
    } else {
        schema.clone()
    };
    if let Some(items) = out.get("items").cloned() {
        out["items"] = parameter_schema(json, &items);
    }
    plain(&mut out, true);
    out
}

/// The request body as progenitor takes it: JSON when the operation offers it (with or
/// without `charset`, or a `+json` type), else one of the raw types progenitor sends; of
/// several media types, the one sent is said in a warning.
fn request_body(body: &mut Value, at: &str, diagnostics: &mut Diagnostics) -> Result<(), String> {
    let Some(Value::Object(content)) = body.get_mut("content") else {
        return Ok(());
    };
    let supported = |media: &str| {
        let essence = media.split(';').next().unwrap_or_default().trim();
        is_json(media)
            || matches!(
                essence,
                "application/octet-stream" | "application/x-www-form-urlencoded" | "text/plain"
            )
    };
    let chosen = content
        .keys()
        .find(|m| is_json(m))
        .or_else(|| content.keys().find(|m| supported(m)))
        .cloned();
    if content.len() > 1 {
        let offered: Vec<&String> = content.keys().collect();
        diagnostics.warn(
            "body-media",
            join(at, "content"),
            format!(
                "offers {offered:?}; the SDK sends {}",
                chosen
                    .as_deref()
                    .map_or("bytes".to_string(), |m| format!("`{m}`"))
            ),
        );
    }
    match chosen {
        // progenitor sends JSON as `application/json` only: a `+json` body is sent as JSON.
        Some(media) if is_json(&media) && !is_plain_json(&media) => {
            let entry = content.remove(&media).unwrap_or_default();
            content.clear();
            content.insert("application/json".into(), entry);
            diagnostics.warn(
                "body-media",
                join(at, &format!("content.{media}")),
                "a JSON media type: the body is sent as JSON, with `Content-Type: application/json`",
            );
        }
        Some(media) => content.retain(|m, _| *m == media),
        None => {
            let media = content.keys().next().cloned().unwrap_or_default();
            diagnostics.warn(
                "body-media",
                join(at, &format!("content.{media}")),
                "a media type the SDK does not type yet: the body is sent as bytes",
            );
            content.clear();
            content.insert(
                "application/octet-stream".into(),
                serde_json::json!({"schema": {"type": "string", "format": "binary"}}),
            );
        }
    }
    for (media, entry) in content.iter_mut() {
        let Some(entry) = entry.as_object_mut() else {
            return Err(format!("`{at}.content.{media}` is not a mapping"));
        };
        if is_json(media) || media.starts_with("application/x-www") {
            let schema = entry.entry("schema").or_insert_with(any_value);
            plain(schema, false);
        } else if !entry.contains_key("schema") {
            // What progenitor sends raw: bytes, or text.
            let raw = if media.starts_with("text/") {
                serde_json::json!({"type": "string"})
            } else {
                serde_json::json!({"type": "string", "format": "binary"})
            };
            entry.insert("schema".into(), raw);
        }
    }
    Ok(())
}

/// Leaves progenitor one success type and one error type per operation.
fn responses_for_progenitor(
    responses: &mut Map<String, Value>,
    at: &str,
    id: &str,
    diagnostics: &mut Diagnostics,
) -> Result<(), String> {
    let is_success = |status: &str| status.starts_with('2') || status == "101";
    let is_error = |status: &str| status.starts_with('4') || status.starts_with('5');
    if responses.keys().any(|s| is_success(s)) {
        // The runtime turns any unlisted status into the right `invent::Error`; the
        // generated error enum reads a `default` body.
        responses.remove("default");
    }
    for response in responses.values_mut() {
        if let Some(Value::Object(content)) = response.get_mut("content") {
            // progenitor reads JSON as `application/json` only: a `+json` response is JSON.
            let renamed: Map<String, Value> = std::mem::take(content)
                .into_iter()
                .map(|(media, entry)| {
                    if is_json(&media) && !is_plain_json(&media) {
                        ("application/json".to_string(), entry)
                    } else {
                        (media, entry)
                    }
                })
                .collect();
            *content = renamed;
            for (media, entry) in content.iter_mut() {
                let Some(entry) = entry.as_object_mut() else {
                    continue;
                };
                if media.starts_with("application/json") {
                    // A JSON body without a schema is any JSON value.
                    entry.entry("schema").or_insert_with(any_value);
                }
                if let Some(schema) = entry.get_mut("schema") {
                    plain(schema, false);
                }
            }
        }
    }
    let successes: Vec<(String, Option<Value>)> = responses
        .iter()
        .filter(|(s, _)| is_success(s) || *s == "default")
        .map(|(s, r)| (s.clone(), body_schema(r)))
        .collect();
    if let Some((first, first_body)) = successes.first()
        && let Some((other, other_body)) = successes.iter().find(|(_, b)| b != first_body)
    {
        // progenitor gives an operation one success type: any JSON value (an empty body
        // reads as `null`), which holds every success as sent.
        let show = |b: &Option<Value>| b.as_ref().map_or("no body".to_string(), |s| s.to_string());
        let shown = |s: String| {
            if s.len() > 80 {
                format!("{}…", s.chars().take(80).collect::<String>())
            } else {
                s
            }
        };
        diagnostics.warn(
            "success-bodies",
            join(at, "responses"),
            format!(
                "the success responses {first} ({}) and {other} ({}) differ; operation `{id}` \
                 returns any JSON value (`serde_json::Value`) for every success",
                shown(show(first_body)),
                shown(show(other_body))
            ),
        );
        for (status, response) in responses.iter_mut() {
            if is_success(status) || status == "default" {
                *response = serde_json::json!({
                    "description": response.get("description").cloned().unwrap_or_default(),
                    "content": {"application/json": {"schema": {}}}
                });
            }
        }
    }
    let error_bodies: Vec<Option<Value>> = responses
        .iter()
        .filter(|(s, _)| is_error(s))
        .map(|(_, r)| body_schema(r))
        .collect();
    if error_bodies.windows(2).any(|w| w[0] != w[1]) {
        for (_, response) in responses.iter_mut().filter(|(s, _)| is_error(s)) {
            if let Some(r) = response.as_object_mut() {
                r.remove("content");
            }
        }
    }
    Ok(())
}

/// The schema of any JSON value.
fn any_value() -> Value {
    Value::Object(Map::new())
}

/// The JSON schema of a response's body, if it has one.
fn body_schema(response: &Value) -> Option<Value> {
    let content = response.get("content")?.as_object()?;
    content
        .iter()
        .find(|(media, _)| media.starts_with("application/json"))
        .and_then(|(_, entry)| entry.get("schema").cloned())
        .or_else(|| (!content.is_empty()).then(|| Value::String("raw".into())))
}
