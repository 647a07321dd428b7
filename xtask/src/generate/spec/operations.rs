//! Operations written out in full: shared parameters, request bodies and responses copied in
//! from `components` and the path item, and their inline schemas named after the operation.

use heck::ToUpperCamelCase;
use serde_json::Value;

use super::METHODS;
use super::diagnostics::Diagnostics;
use super::schema::{Normalizer, Place};

/// The three kinds of shared pieces an operation may `$ref`.
const SHARED: [(&str, &str); 3] = [
    ("parameters", "Parameter"),
    ("requestBodies", "Body"),
    ("responses", "Response"),
];

/// Names the inline schemas of `components.parameters`, `.requestBodies` and `.responses`
/// after the component (`NotFound` → `NotFoundResponse`), so that every operation sharing one
/// shares its type.
pub fn normalize_shared(json: &mut Value, normalizer: &mut Normalizer) -> Result<(), String> {
    for (kind, suffix) in SHARED {
        let Some(Value::Object(shared)) = json.pointer_mut(&format!("/components/{kind}")) else {
            continue;
        };
        for (name, piece) in shared.iter_mut() {
            let base = name.to_upper_camel_case();
            let type_name = if base.ends_with(suffix) {
                base
            } else {
                format!("{base}{suffix}")
            };
            let at = format!("components.{kind}.{name}");
            normalize_piece(
                piece,
                &at,
                &type_name,
                &at,
                kind == "parameters",
                normalizer,
            )?;
        }
    }
    Ok(())
}

/// Copies shared parameters, bodies and responses into each operation, and the path item's
/// parameters into each of its operations (an operation's own parameter of the same name and
/// location wins), so that every later step sees an operation whole; an operation without an
/// `operationId` gets one made of its method and path, with a warning.
pub fn write_out(json: &mut Value, diagnostics: &mut Diagnostics) -> Result<(), String> {
    let mut ids: Vec<String> = super::operations_of(json)
        .iter()
        .map(|op| op.id.to_string())
        .filter(|id| !id.is_empty())
        .collect();
    let components = json.get("components").cloned().unwrap_or(Value::Null);
    let Some(Value::Object(paths)) = json.get_mut("paths") else {
        return Err("the document has no `paths`".into());
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else {
            return Err(format!("`paths.{path}` is not a mapping"));
        };
        if item.contains_key("$ref") {
            return Err(format!(
                "`paths.{path}` is a `$ref`, which this generator does not follow; write the \
                 path item out"
            ));
        }
        let shared = match item.remove("parameters") {
            Some(Value::Array(shared)) => shared,
            _ => Vec::new(),
        };
        for method in METHODS {
            let Some(Value::Object(op)) = item.get_mut(method) else {
                continue;
            };
            let at = format!("paths.{path}.{method}");
            if op
                .get("operationId")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                let base = derived_id(method, path);
                let id = std::iter::once(base.clone())
                    .chain((2..).map(|n| format!("{base}_{n}")))
                    .find(|id| !ids.contains(id))
                    .expect("an endless list of names has a free one");
                diagnostics.warn(
                    "operation-id",
                    &at,
                    format!("has no `operationId`; it is named `{id}` after its method and path"),
                );
                op.insert("operationId".into(), Value::String(id.clone()));
                ids.push(id);
            }
            let own = match op.remove("parameters") {
                Some(Value::Array(own)) => own,
                _ => Vec::new(),
            };
            let own = own
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    follow(
                        &components,
                        "parameters",
                        p,
                        &format!("{at}.parameters.{i}"),
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            let mut parameters = Vec::new();
            for (i, p) in shared.iter().enumerate() {
                let p = follow(
                    &components,
                    "parameters",
                    p.clone(),
                    &format!("paths.{path}.parameters.{i}"),
                )?;
                let same = |q: &Value| q.get("name") == p.get("name") && q.get("in") == p.get("in");
                if !own.iter().any(same) {
                    parameters.push(p);
                }
            }
            parameters.extend(own);
            if !parameters.is_empty() {
                op.insert("parameters".into(), Value::Array(parameters));
            }
            if let Some(body) = op.remove("requestBody") {
                let body = follow(
                    &components,
                    "requestBodies",
                    body,
                    &format!("{at}.requestBody"),
                )?;
                op.insert("requestBody".into(), body);
            }
            if let Some(Value::Object(responses)) = op.get_mut("responses") {
                for (status, response) in responses.iter_mut() {
                    let taken = std::mem::take(response);
                    *response = follow(
                        &components,
                        "responses",
                        taken,
                        &format!("{at}.responses.{status}"),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Names the inline schemas of each operation after it: `{Op}Body`, `{Op}Response` for the
/// success, `{Op}Response404` for others, `{Op}{Parameter}` for parameters (progenitor's
/// own names for them).
pub fn normalize(json: &mut Value, normalizer: &mut Normalizer) -> Result<(), String> {
    super::each_operation_mut(json, |at, id, op| {
        let base = format!("{id}-").to_upper_camel_case();
        if let Some(Value::Array(parameters)) = op.get_mut("parameters") {
            for (i, parameter) in parameters.iter_mut().enumerate() {
                let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
                let type_name = format!("{id}-{name}").to_upper_camel_case();
                let origin = format!("parameter `{name}` of `{id}`");
                let at = format!("{at}.parameters.{i}");
                normalize_piece(parameter, &at, &type_name, &origin, true, normalizer)?;
            }
        }
        if let Some(body) = op.get_mut("requestBody") {
            let origin = format!("the request body of `{id}`");
            let at = format!("{at}.requestBody");
            normalize_piece(
                body,
                &at,
                &format!("{base}Body"),
                &origin,
                false,
                normalizer,
            )?;
        }
        let mut success_named = false;
        if let Some(Value::Object(responses)) = op.get_mut("responses") {
            for (status, response) in responses.iter_mut() {
                let is_success = status.starts_with('2') && !success_named;
                success_named |= is_success;
                let type_name = if is_success {
                    format!("{base}Response")
                } else {
                    format!("{base}Response{}", status.to_upper_camel_case())
                };
                let origin = format!("the {status} response of `{id}`");
                let at = format!("{at}.responses.{status}");
                normalize_piece(response, &at, &type_name, &origin, false, normalizer)?;
            }
        }
        Ok(())
    })
}

/// Normalizes the schemas of a parameter (`schema`) or of a body or response (`content.*.schema`).
fn normalize_piece(
    piece: &mut Value,
    at: &str,
    type_name: &str,
    origin: &str,
    parameter: bool,
    normalizer: &mut Normalizer,
) -> Result<(), String> {
    if piece.get("$ref").is_some() {
        return Ok(());
    }
    let place = |at: String| Place {
        at,
        name: type_name.to_string(),
        origin: origin.to_string(),
        parameter,
    };
    if let Some(schema) = piece.get_mut("schema") {
        *schema = normalizer.child(std::mem::take(schema), &place(format!("{at}.schema")))?;
    }
    if let Some(Value::Object(content)) = piece.get_mut("content") {
        // Of several media types, the JSON one (else the first) is the type's own name; the
        // others are named after their media type (`…BodyFormData`).
        let main = content
            .keys()
            .find(|m| super::view::is_json(m))
            .or_else(|| content.keys().next())
            .cloned();
        for (media, entry) in content.iter_mut() {
            if let Some(schema) = entry.get_mut("schema") {
                let at = format!("{at}.content.{media}.schema");
                let mut place = place(at);
                if Some(media) != main.as_ref() {
                    place.name =
                        format!("{type_name}-{}", media_words(media)).to_upper_camel_case();
                }
                *schema = normalizer.child(std::mem::take(schema), &place)?;
            }
        }
    }
    Ok(())
}

/// `value`, or the shared piece its `$ref` names (`#/components/{kind}/X`).
fn follow(components: &Value, kind: &str, value: Value, at: &str) -> Result<Value, String> {
    let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
        return Ok(value);
    };
    if at.matches("components.").count() > 32 {
        return Err(format!("`{at}` is part of a cycle of `$ref`s"));
    }
    let prefix = format!("#/components/{kind}/");
    let name = reference.strip_prefix(&prefix).ok_or_else(|| {
        format!("`{at}` refers to `{reference}`; a reference here must start with `{prefix}`")
    })?;
    let found = components
        .get(kind)
        .and_then(|k| k.get(name))
        .ok_or_else(|| format!("`{at}` refers to `{reference}`, which is not defined"))?;
    follow(
        components,
        kind,
        found.clone(),
        &format!("{at} → components.{kind}.{name}"),
    )
}

/// An operation's name made of its method and path: `get /repos/{owner}/hooks` →
/// `get_repos_owner_hooks`.
fn derived_id(method: &str, path: &str) -> String {
    let words: Vec<&str> = path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        method.to_string()
    } else {
        format!("{method}_{}", words.join("_"))
    }
}

/// The words of a media type's subtype: `multipart/form-data` → `form-data`.
fn media_words(media: &str) -> String {
    let essence = media.split(';').next().unwrap_or(media).trim();
    let subtype = essence.rsplit('/').next().unwrap_or(essence);
    subtype.replace('+', "-")
}
