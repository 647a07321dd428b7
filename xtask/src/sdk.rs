//! Step 2: run progenitor over the normalized spec to get the client and its types.
//! Refusals (and progenitor's internal panics) become errors that name the problem.

use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use progenitor::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle};
use quote::quote;

use crate::Error;
use crate::spec::Spec;

/// The settings every generated crate shares (the CLI and mock generators need the same
/// builder interface as the SDK).
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::new();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("schemars::JsonSchema")
        .with_derive("PartialEq")
        // Auth, retries and tracing live in `invent`'s hand-written `ClientHooks` impl, which
        // keeps its settings in the client's inner value.
        .with_inner_type(quote!(crate::Settings))
        .with_hooks(HooksMode::Expected)
        .with_conversion(date_time(), "crate::Timestamp", std::iter::empty());
    settings
}

/// Runs progenitor; returns the SDK's syntax tree.
pub fn generate(path: &Path, spec: &Spec) -> Result<syn::File, Error> {
    check_supported(spec).map_err(|m| Error::spec(path, m))?;
    let mut generator = Generator::new(&settings());
    let tokens = catch(path, || generator.generate_tokens(&spec.openapi))?
        .map_err(|e| Error::spec(path, format!("progenitor refused the document: {e}")))?;
    let file = syn::parse2(tokens).map_err(|e| Error::Code {
        step: "progenitor",
        message: e.to_string(),
    })?;
    Ok(file)
}

/// Refuses, with the operation named, what progenitor would panic on or mis-generate.
fn check_supported(spec: &Spec) -> Result<(), String> {
    let paths = spec
        .json
        .get("paths")
        .and_then(|p| p.as_object())
        .ok_or("the document has no `paths`")?;
    let mut operation_ids = std::collections::BTreeMap::new();
    for (path, item) in paths {
        let Some(item) = item.as_object() else {
            continue;
        };
        for (method, op) in item {
            if !matches!(
                method.as_str(),
                "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"
            ) {
                continue;
            }
            let at = format!("paths.{path}.{method}");
            let id = op
                .get("operationId")
                .and_then(|v| v.as_str())
                .ok_or_else(|| format!("`{at}` has no `operationId`"))?;
            if let Some(other) = operation_ids.insert(id.to_string(), at.clone()) {
                return Err(format!(
                    "`operationId: {id}` is used twice: at `{other}` and at `{at}`"
                ));
            }
            if let Some(content) = op
                .pointer("/requestBody/content")
                .and_then(|c| c.as_object())
                && !content.contains_key("application/json")
            {
                let types: Vec<_> = content.keys().cloned().collect();
                return Err(format!(
                    "`{at}` (operation `{id}`): the request body must be `application/json`, not {types:?}"
                ));
            }
            let mut error_schemas = std::collections::BTreeSet::new();
            for (status, response) in op
                .get("responses")
                .and_then(|r| r.as_object())
                .into_iter()
                .flatten()
            {
                if status.starts_with('2') {
                    continue;
                }
                let response = resolve_response(spec, response);
                if let Some(schema) =
                    response.and_then(|r| r.pointer("/content/application~1json/schema"))
                {
                    error_schemas.insert(schema.to_string());
                }
            }
            if error_schemas.len() > 1 {
                return Err(format!(
                    "`{at}` (operation `{id}`): its error responses use {} different schemas ({}); \
                     progenitor needs one schema shared by every error response",
                    error_schemas.len(),
                    error_schemas.into_iter().collect::<Vec<_>>().join(", ")
                ));
            }
        }
    }
    Ok(())
}

fn resolve_response<'a>(
    spec: &'a Spec,
    response: &'a serde_json::Value,
) -> Option<&'a serde_json::Value> {
    match response.get("$ref").and_then(|r| r.as_str()) {
        Some(reference) => spec.json.pointer(reference.trim_start_matches('#')),
        None => Some(response),
    }
}

/// Runs `f`, turning a panic inside progenitor into an error carrying the panic's message.
pub fn catch<T>(path: &Path, f: impl FnOnce() -> T) -> Result<T, Error> {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "unknown failure".into());
        Error::spec(
            path,
            format!("progenitor could not generate code: {message}"),
        )
    })
}

/// `{type: string, format: date-time}`: kept as `crate::Timestamp`, which remembers the text.
fn date_time() -> schemars::schema::SchemaObject {
    schemars::schema::SchemaObject {
        instance_type: Some(schemars::schema::InstanceType::String.into()),
        format: Some("date-time".into()),
        ..Default::default()
    }
}
