//! Step 1: read `openapi.yaml`, normalize it, and parse what progenitor will read.
//! Every later step reads the normalized document, so each object and enum has a name.

pub mod diagnostics;
pub mod dialect;
mod docs;
pub mod names;
mod operations;
pub mod pages;
mod schema;
pub mod security;
pub mod unions;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use crate::Error;
pub use diagnostics::{Diagnostic, Diagnostics, Level};
pub use schema::VALUE_DOCS;

/// The spec after normalization.
pub struct Spec {
    /// The normalized document: `allOf` merged into plain objects, every inline object, enum
    /// and checked string a named component schema, and each operation's parameters, body and
    /// responses written out in full (no `$ref` to `components.parameters` and the like).
    /// The wire passes and the tests read it.
    pub json: Value,
    /// What progenitor reads: `json` without what progenitor and typify would mis-generate
    /// (defaults, numeric and list limits, most formats, differing error bodies); see view.rs.
    pub openapi: openapiv3::OpenAPI,
    /// For each component schema the normalization named: where the spec wrote it, so
    /// messages speak of what the maintainer wrote.
    pub origins: BTreeMap<String, Origin>,
    /// Every union (`oneOf`/`anyOf`) component, as the generated enum reads it: decided once,
    /// here, with the warnings of what it approximates.
    pub unions: BTreeMap<String, unions::Union>,
    /// What reading the document approximated or dropped, each with its place: warnings
    /// only (a document with errors gives no `Spec`).
    pub diagnostics: Diagnostics,
}

/// Where a schema the normalization named was written.
#[derive(Clone, Debug)]
pub struct Origin {
    /// As a maintainer says it: `UpdateAssistant.name`, `parameter `mode` of `list_x``.
    pub place: String,
    /// Its JSON path in the document as written: `components.schemas.UpdateAssistant.properties.name`.
    pub at: String,
}

impl Spec {
    /// Where component `name` was written: its origin if the normalization named it.
    pub fn written_at(&self, name: &str) -> String {
        self.origins
            .get(name)
            .map_or_else(|| format!("components.schemas.{name}"), |o| o.at.clone())
    }
}

/// The HTTP methods an OpenAPI path item may hold, in the order progenitor reads them.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// One operation of the normalized document.
pub struct Operation<'a> {
    pub id: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub json: &'a Map<String, Value>,
}

impl Operation<'_> {
    /// Where the operation is in the document, as error messages name it.
    pub fn at(&self) -> String {
        format!("paths.{}.{}", self.path, self.method)
    }

    /// Its parameters (already written out, `$ref`s resolved).
    pub fn parameters(&self) -> impl Iterator<Item = &Map<String, Value>> {
        self.json
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_object)
    }

    /// The names of its path parameters, in the order of the path template.
    pub fn path_parameters(&self) -> Vec<&str> {
        path_template_names(self.path)
    }
}

/// The `{name}`s of a path template, in order.
pub fn path_template_names(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

impl Spec {
    /// The component schema named `name`, if any.
    pub fn schema(&self, name: &str) -> Option<&Map<String, Value>> {
        self.schemas().find(|(n, _)| *n == name).map(|(_, s)| s)
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

    /// Every operation, in document order.
    pub fn operations(&self) -> Vec<Operation<'_>> {
        operations_of(&self.json)
    }

    /// The schema a `$ref` (or an annotated `allOf: [$ref]`) leads to; others as they are.
    pub fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        schema::resolve(&self.json, schema)
    }

    /// The component a schema refers to, and the schema reached: `(Some("X"), …)` for
    /// `{$ref: "#/components/schemas/X"}`.
    pub fn resolve_named<'a>(&'a self, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
        schema::resolve_named(&self.json, schema)
    }
}

/// Calls `f` with each operation of `json` in document order: where it is
/// (`paths./a.get`), its `operationId` (empty if it has none) and the operation.
pub(crate) fn each_operation_mut(
    json: &mut Value,
    mut f: impl FnMut(&str, &str, &mut Map<String, Value>) -> Result<(), String>,
) -> Result<(), String> {
    let Some(Value::Object(paths)) = json.get_mut("paths") else {
        return Ok(());
    };
    for (path, item) in paths.iter_mut() {
        for method in METHODS {
            let Some(Value::Object(op)) = item.get_mut(method) else {
                continue;
            };
            let id = op
                .get("operationId")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            f(&format!("paths.{path}.{method}"), &id, op)?;
        }
    }
    Ok(())
}

/// Every operation of a document, in document order.
fn operations_of(json: &Value) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    for (path, item) in json
        .get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        for method in METHODS {
            let Some(op) = item.get(method).and_then(Value::as_object) else {
                continue;
            };
            out.push(Operation {
                id: op.get("operationId").and_then(Value::as_str).unwrap_or(""),
                method,
                path,
                json: op,
            });
        }
    }
    out
}

/// Reads, normalizes and parses the spec at `path`.
pub fn load(path: &Path) -> Result<Spec, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::spec(path, format!("cannot read the file: {e}")))?;
    // The overlays beside the spec fix the document as written, before anything reads it.
    let mut json = document(&text).map_err(|msg| Error::spec(path, msg))?;
    let overlaid = crate::overlay::apply_all(&crate::overlay::beside(path)?, &mut json)?;
    let mut spec = read(path, json)?;
    for warning in overlaid {
        spec.diagnostics
            .warn("overlay", warning.at, warning.message);
    }
    Ok(spec)
}

/// Parses spec text; `path` only names the document in error messages.
pub fn parse(path: &Path, text: &str) -> Result<Spec, Error> {
    let json = document(text).map_err(|msg| Error::spec(path, msg))?;
    read(path, json)
}

/// Reads a document already parsed from YAML or JSON; `path` names it in error messages.
pub fn read(path: &Path, mut json: Value) -> Result<Spec, Error> {
    let mut diagnostics = Diagnostics::default();
    let failed = |d: &Diagnostics, message: String| {
        let report = d.report();
        let message = if report.is_empty() {
            message
        } else if message.is_empty() {
            report
        } else {
            format!("{message}\n{report}")
        };
        Error::spec(path, message)
    };
    dialect::to_3_0(&mut json, &mut diagnostics).map_err(|msg| failed(&diagnostics, msg))?;
    check_document(&json, &json, "", &mut diagnostics);
    if diagnostics.has_errors() {
        return Err(failed(&diagnostics, String::new()));
    }
    // The document as written must be OpenAPI 3.0 before it is reshaped, so that a wrong
    // field is named where the maintainer wrote it.
    parse_openapi(path, &json).map_err(|e| failed(&diagnostics, e.message()))?;
    let (origins, unions) =
        normalize(&mut json, &mut diagnostics).map_err(|msg| failed(&diagnostics, msg))?;
    let view =
        view::for_progenitor(&json, &mut diagnostics).map_err(|msg| failed(&diagnostics, msg))?;
    if diagnostics.has_errors() {
        return Err(failed(&diagnostics, String::new()));
    }
    let openapi = parse_openapi(path, &view).map_err(|e| failed(&diagnostics, e.message()))?;
    Ok(Spec {
        json,
        openapi,
        origins,
        unions,
        diagnostics,
    })
}

/// The document as written (YAML 1.2 or JSON), before any reading of it as OpenAPI.
pub fn document(text: &str) -> Result<Value, String> {
    serde_saphyr::from_str_with_options(text, yaml_options())
        .map_err(|e| format!("not valid YAML: {e}"))
}

/// The document read as OpenAPI 3.0: a 3.1 document rewritten (see dialect.rs), not yet
/// normalized; what the independent validator checks of a 3.1 document.
pub fn as_3_0(text: &str) -> Result<(Value, Diagnostics), String> {
    let mut json = document(text)?;
    let mut diagnostics = Diagnostics::default();
    dialect::to_3_0(&mut json, &mut diagnostics)?;
    Ok((json, diagnostics))
}

fn parse_openapi(path: &Path, json: &Value) -> Result<openapiv3::OpenAPI, Error> {
    serde_path_to_error::deserialize(json).map_err(|e| {
        let (at, message) = (e.path().to_string(), e.inner().to_string());
        let at = locate(json, &at, &message).unwrap_or(at);
        Error::spec(
            path,
            format!("not a valid OpenAPI 3.0 document at `{at}`: {message}"),
        )
    })
}

/// What the normalization decided besides the document: where each named schema was
/// written, and how each union is read.
type Normalized = (BTreeMap<String, Origin>, BTreeMap<String, unions::Union>);

/// The normalization, in order; each step names the place of what it refuses.
fn normalize(json: &mut Value, diagnostics: &mut Diagnostics) -> Result<Normalized, String> {
    let root = json
        .as_object_mut()
        .ok_or("the document is not a mapping")?;
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()))
        .as_object_mut()
        .ok_or("`components` is not a mapping")?;
    components
        .entry("schemas")
        .or_insert_with(|| Value::Object(Map::new()));
    docs::label_code_blocks(json);
    let mut normalizer = schema::Normalizer::new(json, diagnostics);
    normalizer.components()?;
    operations::normalize_shared(json, &mut normalizer)?;
    operations::write_out(json, normalizer.diagnostics)?;
    operations::normalize(json, &mut normalizer)?;
    let origins = normalizer.finish(json);
    schema::nullable_at_use_sites(json);
    names::check(json, &origins, diagnostics)?;
    security::resolve(json, diagnostics)?;
    let union_names: Vec<String> = json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, schema)| unions::keyword(schema).is_some())
        .map(|(name, _)| name.clone())
        .collect();
    let mut unions = BTreeMap::new();
    for name in union_names {
        let at = origins
            .get(&name)
            .map_or(format!("components.schemas.{name}"), |o| o.at.clone());
        let union = unions::classify(json, &name, &at, diagnostics);
        unions.insert(name, union);
    }
    Ok((origins, unions))
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

/// `at.key`, or `key` at the top.
pub(crate) fn join(at: &str, key: &str) -> String {
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
    // YAML 1.2: `on`, `off`, `yes`, `no`, `y` and `n` are strings (an enum of `[on, off]`, a
    // parameter named `n`), not booleans as YAML 1.1 had it.
    options.strict_booleans = true;
    options
}

/// What the normalization cannot read anywhere in the document, each with its place: a
/// `$ref` outside this document or to nothing, a 3.1 `type` list; and an `info.version` that
/// cannot be the `api-version` header progenitor sends on every request.
fn check_document(root: &Value, value: &Value, at: &str, diagnostics: &mut Diagnostics) {
    if at.is_empty()
        && let Some(version) = root.pointer("/info/version").and_then(Value::as_str)
        && !version.bytes().all(|b| (b' '..=b'~').contains(&b))
    {
        diagnostics.error(
            "invalid",
            "info.version",
            format!(
                "{version:?} is sent as the `api-version` header of every request, so it \
                 must be printable ASCII"
            ),
        );
    }
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                let here = join(at, "$ref");
                match reference.strip_prefix('#') {
                    None => diagnostics.error(
                        "external-ref",
                        here,
                        format!(
                            "refers to `{reference}`, outside this document; this generator \
                             reads one file: copy the schema into `components`"
                        ),
                    ),
                    Some(pointer) if root.pointer(pointer).is_none() => diagnostics.error(
                        "invalid",
                        here,
                        format!("refers to `{reference}`, which is not defined"),
                    ),
                    Some(_) => {}
                }
            }
            if let Some(Value::Array(types)) = object.get("type") {
                diagnostics.error(
                    "invalid",
                    join(at, "type"),
                    format!(
                        "is a list ({}), which is OpenAPI 3.1; in 3.0 write one type, with \
                         `nullable: true` for `null`",
                        Value::Array(types.clone())
                    ),
                );
            }
            for (key, child) in object {
                // Values, not schemas: examples may hold anything.
                if matches!(key.as_str(), "example" | "examples" | "default" | "enum")
                    || key.starts_with("x-")
                {
                    continue;
                }
                check_document(root, child, &join(at, key), diagnostics);
            }
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| check_document(root, v, &join(at, &i.to_string()), diagnostics)),
        _ => {}
    }
}
