//! Names as Rust will spell them: two operationIds, schema names, properties or parameters
//! that become the same identifier are refused, naming both places, before progenitor runs.

use std::collections::BTreeMap;

use heck::{ToPascalCase, ToSnakeCase};
use serde_json::Value;

use super::diagnostics::Diagnostics;
use super::{join, operations_of, path_template_names};

/// The Rust type name typify gives the component schema `name`.
pub fn type_name(name: &str) -> String {
    sanitize(name, |s| s.to_pascal_case(), "X")
}

/// The Rust identifier progenitor and typify give a property, parameter or operation
/// (`type` → `type_`; a leading digit gets a prefix).
pub fn field_name(name: &str) -> String {
    sanitize(name, |s| s.to_snake_case(), "x")
}

/// The Rust name progenitor gives an operation (its methods, `OperationInfo::operation_id`):
/// as [`field_name`], but a leading digit gets `_` before it.
pub fn operation_name(id: &str) -> String {
    match field_name(id).strip_prefix('x') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("_{rest}"),
        _ => field_name(id),
    }
}

/// typify's and progenitor's `sanitize`: cased, non-identifier characters as word breaks,
/// a prefix before a leading digit, `_` after a keyword.
fn sanitize(input: &str, case: impl Fn(&str) -> String, prefix: &str) -> String {
    // Their special cases, taken as they are (GitHub's reactions).
    match input {
        "+1" => return "plus1".into(),
        "-1" => return "minus1".into(),
        _ => {}
    }
    let out = case(
        &input
            .replace('\'', "")
            .replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-"),
    );
    let out = match out.chars().next() {
        None => case(prefix),
        Some(c) if c.is_alphabetic() => out,
        Some(_) => format!("{}{out}", case(prefix)),
    };
    if is_keyword(&out) {
        format!("{out}_")
    } else {
        out
    }
}

fn is_keyword(ident: &str) -> bool {
    matches!(
        ident,
        "_" | "abstract"
            | "as"
            | "async"
            | "await"
            | "become"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "do"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "final"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "macro"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "override"
            | "priv"
            | "pub"
            | "ref"
            | "return"
            | "Self"
            | "self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "unsafe"
            | "unsized"
            | "use"
            | "virtual"
            | "where"
            | "while"
            | "yield"
    )
}

/// Operation names the generated client already has for itself (progenitor's `Client` and
/// `ClientInfo`, and the SDK's own constructors).
const CLIENT_METHODS: [&str; 14] = [
    "new",
    "new_with_client",
    "api_version",
    "baseurl",
    "client",
    "inner",
    "pre",
    "post",
    "exec",
    "builder",
    "base_url",
    "from_env",
    "retry_policy",
    "raw",
];

/// Parameter names an operation builder already has for itself (its constructor, `send`,
/// the body's setters, and a local of progenitor's request code).
const BUILDER_METHODS: [&str; 8] = [
    "new",
    "send",
    "send_unmapped",
    "body",
    "body_map",
    "header_map",
    "with_options",
    "call_options",
];

/// Headers the client sets itself: a parameter may not set them too.
const CLIENT_HEADERS: [(&str, &str); 3] = [
    ("api-version", "from `info.version`"),
    ("accept", "from the operation's responses"),
    ("content-type", "from the request body's media type"),
];

/// Makes every name distinct in Rust, and every operation and parameter one progenitor can
/// generate: a name that meets another (or one the SDK uses itself) is renamed, keeping what
/// goes on the wire, and a parameter the SDK cannot send as written is approximated; each with
/// a warning. `origins` turns a named schema into its place.
pub fn check(
    json: &mut Value,
    origins: &BTreeMap<String, super::Origin>,
    diagnostics: &mut Diagnostics,
) -> Result<(), String> {
    let written = |name: &str| {
        origins
            .get(name)
            .map_or_else(|| format!("components.schemas.{name}"), |o| o.at.clone())
    };
    let mut types = Seen::default();
    let mut renames: Vec<(String, String)> = Vec::new();
    let hand_named = schemas_named_by_hand(json, &written, diagnostics);
    for (name, at) in &hand_named {
        types.insert(type_name(name), at);
    }
    let names: Vec<String> = json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, _)| name.clone())
        .collect();
    // Every name the spec gives a type, so a renamed one never takes another's.
    let given: std::collections::BTreeSet<String> = names.iter().map(|n| type_name(n)).collect();
    for name in names.iter().filter(|n| !hand_named.contains_key(*n)) {
        let at = written(name);
        let rust = type_name(name);
        if types.is_free(&rust) {
            types.insert(rust, &at);
            continue;
        }
        let new = (2..)
            .map(|n| format!("{name}{n}"))
            .find(|n| types.is_free(&type_name(n)) && !given.contains(&type_name(n)))
            .expect("an endless list of names has a free one");
        diagnostics.warn(
            "name-collision",
            &at,
            format!(
                "would be the Rust type `{rust}`, which {}; it is `{}`",
                types.owner(&rust),
                type_name(&new)
            ),
        );
        types.insert(type_name(&new), &at);
        renames.push((name.clone(), new));
    }
    for (old, new) in &renames {
        rename_component(json, old, new);
    }
    if let Some(Value::Object(schemas)) = json.pointer_mut("/components/schemas") {
        for (name, schema) in schemas.iter_mut() {
            let at = written(name);
            distinct_fields(schema, &at, diagnostics);
        }
    }
    if operations_of(json).is_empty() {
        return Err("the document has no operations; the SDK needs at least one".into());
    }
    let mut methods = Seen::default();
    for name in CLIENT_METHODS {
        methods.reserve(name, "the generated client");
    }
    // The command line's own subcommands, beside one per operation.
    let mut subcommands = Seen::default();
    for name in ["api", "completions", "help"] {
        subcommands.reserve(name, "the command line");
    }
    let by_hand = operations_named_by_hand(json, diagnostics)?;
    for (name, at) in &by_hand {
        methods.insert(operation_name(name), at);
        subcommands.insert(kebab(name), at);
    }
    let snapshot = json.clone();
    super::each_operation_mut(json, |at, id, op| {
        if op.contains_key(RUST_NAME) && by_hand.contains_key(id) {
            parameters(&snapshot, at, op, diagnostics);
            return Ok(());
        }
        let mut new_id = id.to_string();
        for n in 1.. {
            let candidate = if n == 1 {
                id.to_string()
            } else {
                format!("{id}_{n}")
            };
            let method = operation_name(&candidate);
            let subcommand = kebab(&candidate);
            if methods.is_free(&method) && subcommands.is_free(&subcommand) {
                new_id = candidate;
                break;
            }
        }
        if new_id != id {
            let method = operation_name(id);
            let owner = if methods.is_free(&method) {
                subcommands.owner(&kebab(id))
            } else {
                methods.owner(&method)
            };
            diagnostics.warn(
                "name-collision",
                join(at, "operationId"),
                format!(
                    "`{id}` would be the Rust method `{method}`, which {owner}; it is `{}`",
                    operation_name(&new_id)
                ),
            );
            op.insert("operationId".into(), Value::String(new_id.clone()));
        }
        let place = format!("{at} (operationId `{new_id}`)");
        methods.insert(operation_name(&new_id), &place);
        subcommands.insert(kebab(&new_id), &place);
        parameters(&snapshot, at, op, diagnostics);
        Ok(())
    })
}

/// Marks a query list sent as one value of its items joined by this separator (`style: form,
/// explode: false` → `,`, `spaceDelimited` → ` `, `pipeDelimited` → `|`).
pub const JOINED: &str = "x-invent-joined";

/// Marks a query parameter sent `style: deepObject` (`filter[state]=open`).
pub const DEEP_OBJECT: &str = "x-invent-deep-object";

/// Marks a path parameter whose list or object is sent `style: simple` through
/// `invent::Simple` (items percent-encoded, commas not): the send pass fills the path with it.
pub const SIMPLE_PATH: &str = "x-invent-simple-path";

/// Marks a cookie parameter, which the normalized spec gives progenitor as a header.
pub const COOKIE: &str = "x-invent-cookie";

/// Whether `name` is an RFC 9110 token, which a cookie's name must be.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The extension that sets the Rust name of a schema, operation or parameter by hand.
pub const RUST_NAME: &str = "x-rust-name";

/// The `x-rust-name` of a part of the spec, checked to be the name Rust will give it (a type
/// name in `UpperCamelCase`, a method in `snake_case`); `Ok(None)` where there is none.
fn rust_name(
    part: &Value,
    at: &str,
    form: fn(&str) -> String,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let name = part.get(RUST_NAME)?;
    let place = join(at, RUST_NAME);
    match name.as_str() {
        Some(name) if !name.is_empty() && form(name) == name => Some(name.to_string()),
        Some(name) => {
            diagnostics.error(
                "rust-name",
                &place,
                format!(
                    "`{name}` is not a Rust name of this kind; `{}` is",
                    form(name)
                ),
            );
            None
        }
        None => {
            diagnostics.error("rust-name", &place, format!("not a string: {name}"));
            None
        }
    }
}

/// Component schemas named by hand: renamed to their `x-rust-name` first, so that the name
/// is theirs and any other schema that would take it is renamed instead. Name → place.
fn schemas_named_by_hand(
    json: &mut Value,
    written: &dyn Fn(&str) -> String,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let mut wanted: Vec<(String, String, String)> = Vec::new();
    for (name, schema) in json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = written(name);
        if let Some(rust) = rust_name(schema, &at, type_name, diagnostics) {
            wanted.push((name.clone(), rust, at));
        }
    }
    let mut named = BTreeMap::new();
    let mut claimed: BTreeMap<String, String> = BTreeMap::new();
    for (_, rust, at) in &wanted {
        if let Some(first) = claimed.insert(rust.clone(), at.clone()) {
            diagnostics.error(
                "rust-name",
                join(at, RUST_NAME),
                format!("`{rust}` is also the `x-rust-name` of {first}"),
            );
        }
    }
    for (name, rust, at) in wanted {
        if name != rust {
            // Another schema holding the name by its own key moves aside first.
            let taken = json
                .pointer(&format!(
                    "/components/schemas/{}",
                    super::schema::escape_pointer(&rust)
                ))
                .is_some();
            if taken {
                let aside = (2..)
                    .map(|n| format!("{rust}{n}"))
                    .find(|n| {
                        json.pointer(&format!(
                            "/components/schemas/{}",
                            super::schema::escape_pointer(n)
                        ))
                        .is_none()
                    })
                    .expect("an endless list of names has a free one");
                diagnostics.warn(
                    "name-collision",
                    written(&rust),
                    format!("`{rust}` is the `x-rust-name` of {at}; this schema is `{aside}`"),
                );
                rename_component(json, &rust, &aside);
            }
            rename_component(json, &name, &rust);
        }
        named.insert(rust, at);
    }
    named
}

/// Operations named by hand: their `operationId` becomes the `x-rust-name`, claimed before
/// any other. Name → place.
fn operations_named_by_hand(
    json: &mut Value,
    diagnostics: &mut Diagnostics,
) -> Result<BTreeMap<String, String>, String> {
    let mut named: BTreeMap<String, String> = BTreeMap::new();
    let mut errors = Vec::new();
    super::each_operation_mut(json, |at, id, op| {
        let Some(rust) = rust_name(&Value::Object(op.clone()), at, operation_name, diagnostics)
        else {
            return Ok(());
        };
        if let Some(first) = named.insert(rust.clone(), at.to_string()) {
            errors.push((
                at.to_string(),
                format!("`{rust}` is also the `x-rust-name` of {first}"),
            ));
        }
        if rust != id {
            op.insert("operationId".into(), Value::String(rust));
        }
        Ok(())
    })?;
    for (at, message) in errors {
        diagnostics.error("rust-name", join(&at, RUST_NAME), message);
    }
    Ok(named)
}

/// Renames component schema `old` to `new`, with every `$ref` to it.
fn rename_component(json: &mut Value, old: &str, new: &str) {
    if let Some(Value::Object(schemas)) = json.pointer_mut("/components/schemas") {
        let renamed: serde_json::Map<String, Value> = std::mem::take(schemas)
            .into_iter()
            .map(|(k, v)| {
                if k == old {
                    (new.to_string(), v)
                } else {
                    (k, v)
                }
            })
            .collect();
        *schemas = renamed;
    }
    let (from, to) = (
        format!("#/components/schemas/{old}"),
        format!("#/components/schemas/{new}"),
    );
    fn walk(value: &mut Value, from: &str, to: &str) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get_mut("$ref")
                    && r == from
                {
                    *r = to.to_string();
                }
                map.values_mut().for_each(|v| walk(v, from, to));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, from, to)),
            _ => {}
        }
    }
    walk(json, &from, &to);
}

/// Properties that would be one Rust field (or the field that keeps unknown properties): the
/// later one is left out of `properties`, so the object keeps it among its unknown properties
/// (nothing is lost), with a warning.
fn distinct_fields(schema: &mut Value, at: &str, diagnostics: &mut Diagnostics) {
    let mut fields = Seen::default();
    fields.reserve(
        "extra",
        "every object (for the properties the spec does not name)",
    );
    let Some(Value::Object(properties)) = schema.get_mut("properties") else {
        return;
    };
    let mut dropped = Vec::new();
    for (property, schema) in properties.iter() {
        let place = format!("{at}.properties.{property}");
        if schema.get(RUST_NAME).is_some() {
            diagnostics.warn(
                "rust-name",
                join(&place, RUST_NAME),
                format!(
                    "not applied yet to a property: the field is `{}`",
                    field_name(property)
                ),
            );
        }
        let field = field_name(property);
        if fields.is_free(&field) {
            fields.insert(field, &place);
        } else {
            diagnostics.warn(
                "name-collision",
                &place,
                format!(
                    "would be the Rust field `{field}`, which {}; the property is kept among \
                     the object's unknown properties (`extra`)",
                    fields.owner(&field)
                ),
            );
            dropped.push(property.clone());
        }
    }
    for property in &dropped {
        properties.remove(property);
    }
    if properties.is_empty() && !dropped.is_empty() {
        // Nothing left to name: a free-form object, which keeps every property.
        if let Some(object) = schema.as_object_mut() {
            object.remove("properties");
        }
    }
    if let Some(Value::Array(required)) = schema.get_mut("required") {
        required.retain(|r| !r.as_str().is_some_and(|r| dropped.iter().any(|d| d == r)));
    }
}

/// Parameters as progenitor can send them: names made distinct (the wire name kept in
/// [`WIRE_NAME`]), and what the SDK does not send as written approximated, each with a
/// warning.
fn parameters(
    json: &Value,
    at: &str,
    op: &mut serde_json::Map<String, Value>,
    diagnostics: &mut Diagnostics,
) {
    let path = at
        .strip_prefix("paths.")
        .and_then(|rest| rest.rsplit_once('.'))
        .map_or("", |(path, _)| path)
        .to_string();
    let mut taken = Seen::default();
    for name in BUILDER_METHODS {
        taken.reserve(name, "the operation builder");
    }
    json_body_flag(json, at, op, diagnostics);
    let Some(Value::Array(list)) = op.get_mut("parameters") else {
        add_missing_path_parameters(op, &path, at, diagnostics);
        return;
    };
    // Names set by hand are claimed first: a parameter that would take one is renamed.
    let by_hand: Vec<Option<String>> = list
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let place = format!("{at}.parameters.{i}");
            let rust = rust_name(p, &place, operation_name, diagnostics)?;
            if p.get("in").and_then(Value::as_str) == Some("path") {
                diagnostics.warn(
                    "rust-name",
                    join(&place, RUST_NAME),
                    "not applied: a path parameter is named by the path's template".to_string(),
                );
                return None;
            }
            if !taken.is_free(&rust) {
                diagnostics.error(
                    "rust-name",
                    join(&place, RUST_NAME),
                    format!("`{rust}` is a builder method, which {}", taken.owner(&rust)),
                );
                return None;
            }
            taken.insert(rust.clone(), &place);
            Some(rust)
        })
        .collect();
    let mut kept = Vec::new();
    for (i, mut parameter) in std::mem::take(list).into_iter().enumerate() {
        let place = format!("{at}.parameters.{i}");
        let name = parameter
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let location = parameter
            .get("in")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let drop = |why: &str, diagnostics: &mut Diagnostics| {
            diagnostics.warn(
                "parameter",
                &place,
                format!("`{name}`: {why}; it is left out"),
            );
        };
        if location == "cookie" && !is_token(&name) {
            drop(
                "a cookie parameter whose name a `Cookie` header cannot carry",
                diagnostics,
            );
            continue;
        }
        if location == "header"
            && let Some((_, how)) = CLIENT_HEADERS
                .iter()
                .find(|(h, _)| name.eq_ignore_ascii_case(h))
        {
            drop(
                &format!("the client sets this header itself, {how}"),
                diagnostics,
            );
            continue;
        }
        if location == "path" && !path_template_names(&path).contains(&name.as_str()) {
            drop(
                &format!("a path parameter, but the path `{path}` has no `{{{name}}}`"),
                diagnostics,
            );
            continue;
        }
        if parameter.get("schema").is_none() {
            // A `content` parameter: its value is sent as the text given.
            diagnostics.warn(
                "parameter",
                &place,
                format!("`{name}` is described by `content`; it is sent as the string given"),
            );
            if let Some(p) = parameter.as_object_mut() {
                p.remove("content");
                p.insert("schema".into(), serde_json::json!({"type": "string"}));
            }
        }
        let schema = parameter.get("schema").cloned().unwrap_or(Value::Null);
        let mut resolved = super::schema::resolve(json, &schema).clone();
        if resolved.get("nullable") == Some(&Value::Bool(true))
            && let Some(fields) = resolved.as_object_mut()
        {
            // A parameter has no null on the wire: leaving it out is how it says "none".
            diagnostics.warn(
                "parameter",
                &place,
                format!("`{name}`: a nullable parameter; it is optional, and never sent as null"),
            );
            fields.remove("nullable");
            if let Some(p) = parameter.as_object_mut() {
                p.insert("schema".into(), resolved.clone());
            }
        }
        let resolved = &resolved;
        let kind = resolved.get("type").and_then(Value::as_str).unwrap_or("");
        let style = parameter
            .get("style")
            .and_then(Value::as_str)
            .unwrap_or(if location == "query" {
                "form"
            } else {
                "simple"
            })
            .to_string();
        let explode = parameter
            .get("explode")
            .and_then(Value::as_bool)
            .unwrap_or(style == "form");
        let is_list = kind == "array";
        let is_object = kind == "object" || resolved.get("properties").is_some();
        let as_text = |why: String, parameter: &mut Value, diagnostics: &mut Diagnostics| {
            diagnostics.warn(
                "parameter-style",
                &place,
                format!("`{name}`: {why}; it is a string the caller writes as the API expects"),
            );
            if let Some(p) = parameter.as_object_mut() {
                p.remove("style");
                p.remove("explode");
                p.insert("schema".into(), serde_json::json!({"type": "string"}));
            }
        };
        if location == "query" && style == "deepObject" {
            // `name[key]=value` per property, nested ones deeper (`support::DeepQuery`).
            if let Some(p) = parameter.as_object_mut() {
                p.remove("style");
                p.remove("explode");
                p.insert(DEEP_OBJECT.into(), Value::Bool(true));
                let scalar = matches!(kind, "string" | "integer" | "number" | "boolean");
                if !is_list && !scalar {
                    // An object's type has a builder, which progenitor cannot take as an
                    // optional parameter: `invent::DeepObject<T>` holds it.
                    held_in(p, "invent::DeepObject");
                }
            }
        } else if location == "path" && matches!(style.as_str(), "label" | "matrix") {
            as_text(
                format!("a path parameter sent `style: {style}`"),
                &mut parameter,
                diagnostics,
            );
        } else if (is_object || is_list) && matches!(location.as_str(), "header" | "path") {
            // `a,b,c`, or an object's `k,v,k,v` (`k=v,k=v` exploded): `invent::Simple`'s text.
            let scalar = if is_list {
                scalar_items(json, resolved)
            } else {
                scalar_properties(json, resolved)
            };
            if !scalar {
                let what = if is_list { "a list" } else { "an object" };
                as_text(
                    format!(
                        "{what} of objects or lists in a {location} parameter, which OpenAPI gives no form"
                    ),
                    &mut parameter,
                    diagnostics,
                );
            } else if let Some(p) = parameter.as_object_mut() {
                let wrapper = if explode && is_object {
                    "invent::SimpleExploded"
                } else {
                    "invent::Simple"
                };
                p.remove("style");
                p.remove("explode");
                held_in(p, wrapper);
                if location == "path" {
                    p.insert(SIMPLE_PATH.into(), Value::Bool(true));
                }
            }
        } else if is_object {
            as_text(
                format!("an object in a {location} parameter"),
                &mut parameter,
                diagnostics,
            );
        } else if is_list && !scalar_items(json, resolved) {
            as_text(
                format!(
                    "a list of objects or lists in a {location} parameter, which OpenAPI gives no form"
                ),
                &mut parameter,
                diagnostics,
            );
        } else if is_list && location == "cookie" {
            as_text(
                format!("a list in a {location} parameter (comma-separated values)"),
                &mut parameter,
                diagnostics,
            );
        } else if location == "query" && is_list {
            let separator = match (style.as_str(), explode) {
                ("form" | "spaceDelimited" | "pipeDelimited", true) => None,
                ("form", false) => Some(","),
                ("spaceDelimited", false) => Some(" "),
                ("pipeDelimited", false) => Some("|"),
                _ => {
                    as_text(
                        format!("a list sent `style: {style}`, `explode: {explode}`"),
                        &mut parameter,
                        diagnostics,
                    );
                    None
                }
            };
            if let Some(p) = parameter.as_object_mut()
                && p.get("schema").and_then(|s| s.get("type")) != Some(&Value::from("string"))
            {
                // Sent as the spec says: one value of joined items, or one pair per item.
                p.remove("style");
                p.remove("explode");
                if let Some(separator) = separator {
                    p.insert(JOINED.into(), Value::from(separator));
                }
            }
        } else if location == "query"
            && style != "form"
            && !is_list
            && let Some(p) = parameter.as_object_mut()
        {
            p.remove("style");
        }
        if location == "cookie"
            && let Some(p) = parameter.as_object_mut()
        {
            // progenitor sends headers, not cookies: the send pass joins these into `Cookie`.
            p.insert("in".into(), Value::from("header"));
            p.insert(COOKIE.into(), Value::Bool(true));
        }
        if let Some(rust) = &by_hand[i] {
            if let Some(p) = parameter.as_object_mut() {
                p.entry(WIRE_NAME)
                    .or_insert_with(|| Value::String(name.clone()));
                p.insert("name".into(), Value::String(rust.clone()));
            }
            kept.push(parameter);
            continue;
        }
        let rust = operation_name(&name);
        if !taken.is_free(&rust) && location == "path" {
            // A path parameter's name is in the path template: it cannot be renamed alone.
            diagnostics.error(
                "name-collision",
                &place,
                format!(
                    "`{name}` would be the builder method `{rust}`, which {}; rename it",
                    taken.owner(&rust)
                ),
            );
        } else if !taken.is_free(&rust) {
            let readable = readable(&name);
            let new = std::iter::once(readable.clone())
                .chain((2..).map(|n| format!("{readable}_{n}")))
                .find(|n| taken.is_free(&operation_name(n)))
                .expect("an endless list of names has a free one");
            diagnostics.warn(
                "name-collision",
                &place,
                format!(
                    "`{name}` would be the builder method `{rust}`, which {}; it is `{}`",
                    taken.owner(&rust),
                    operation_name(&new)
                ),
            );
            if let Some(p) = parameter.as_object_mut() {
                p.insert(WIRE_NAME.into(), Value::String(name.clone()));
                p.insert("name".into(), Value::String(new.clone()));
            }
            taken.insert(operation_name(&new), &place);
        } else {
            taken.insert(rust, &place);
        }
        kept.push(parameter);
    }
    *list = kept;
    add_missing_path_parameters(op, &path, at, diagnostics);
}

/// Gives a parameter's schema to typify as the runtime's `wrapper<T>` of its own type (an
/// `x-rust-type`), whose `Display` or `Serialize` sends it as the spec's style says.
fn held_in(parameter: &mut serde_json::Map<String, Value>, wrapper: &str) {
    let schema = parameter.remove("schema").unwrap_or(Value::Null);
    parameter.insert(
        "schema".into(),
        serde_json::json!({"x-rust-type": {
            "crate": "invent",
            "version": "*",
            "path": wrapper,
            "parameters": [schema],
        }}),
    );
}

/// Whether a list's items are scalars (or unions of scalars), which a parameter can carry.
fn scalar_items(json: &Value, list: &Value) -> bool {
    is_scalar(json, list.get("items").unwrap_or(&Value::Null))
}

/// Whether an object's properties (and other keys, if it has a schema for them) are all
/// scalars, so that `style: simple` can send it (`k,v,k,v`).
fn scalar_properties(json: &Value, object: &Value) -> bool {
    let properties = object.get("properties").and_then(Value::as_object);
    let others = match object.get("additionalProperties") {
        None | Some(Value::Bool(false)) => true,
        Some(schema @ Value::Object(_)) => is_scalar(json, schema),
        Some(_) => false,
    };
    others && properties.is_none_or(|p| p.values().all(|schema| is_scalar(json, schema)))
}

/// Whether a schema's values are scalars (no object or list, nor a union with one).
fn is_scalar(json: &Value, schema: &Value) -> bool {
    let schema = super::schema::resolve(json, schema);
    let itself = !matches!(
        schema.get("type").and_then(Value::as_str),
        Some("object" | "array")
    ) && schema.get("properties").is_none()
        && schema.get("items").is_none();
    let parts = ["oneOf", "anyOf", "allOf"]
        .iter()
        .filter_map(|k| schema.get(k).and_then(Value::as_array))
        .flatten();
    itself
        && parts.into_iter().all(|part| {
            let part = super::schema::resolve(json, part);
            !matches!(
                part.get("type").and_then(Value::as_str),
                Some("object" | "array")
            ) && part.get("properties").is_none()
                && part.get("items").is_none()
        })
}

/// A body property or parameter the command line would make `--json-body`, the flag for the
/// whole body: refused, naming it.
fn json_body_flag(
    json: &Value,
    at: &str,
    op: &serde_json::Map<String, Value>,
    diagnostics: &mut Diagnostics,
) {
    let body = op
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        .and_then(|c| c.values().next())
        .and_then(|m| m.get("schema"))
        .map(|schema| super::schema::resolve(json, schema));
    let properties = body
        .and_then(|b| b.get("properties"))
        .and_then(Value::as_object);
    let parameters = op.get("parameters").and_then(Value::as_array);
    let names = properties
        .into_iter()
        .flatten()
        .map(|(p, _)| (p.as_str(), format!("{at}.requestBody property `{p}`")))
        .chain(
            parameters
                .into_iter()
                .flatten()
                .enumerate()
                .filter_map(|(i, p)| {
                    let name = p.get("name")?.as_str()?;
                    Some((name, format!("{at}.parameters.{i}")))
                }),
        );
    for (name, place) in names {
        if kebab(name) == "json-body" {
            diagnostics.error(
                "name-collision",
                place,
                "would be the command-line flag `--json-body`, which the command line (for \
                 the whole body) already has; rename it",
            );
        }
    }
}

/// A `{name}` of the path template that no parameter declares is a string path parameter.
fn add_missing_path_parameters(
    op: &mut serde_json::Map<String, Value>,
    path: &str,
    at: &str,
    diagnostics: &mut Diagnostics,
) {
    for name in path_template_names(path) {
        let declared = op
            .get("parameters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|p| {
                p.get("in").and_then(Value::as_str) == Some("path")
                    && p.get("name").and_then(Value::as_str) == Some(name)
            });
        if !declared {
            diagnostics.warn(
                "parameter",
                at,
                format!("the path has `{{{name}}}` but no path parameter `{name}`: it is a string"),
            );
            let list = op
                .entry("parameters")
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = list {
                list.push(serde_json::json!({
                    "name": name, "in": "path", "required": true, "schema": {"type": "string"}
                }));
            }
        }
    }
}

/// The extension that keeps a renamed parameter's name on the wire.
pub const WIRE_NAME: &str = "x-invent-wire-name";

/// The name a parameter has on the wire (its name in the spec, even when renamed for Rust).
pub fn wire_name(parameter: &serde_json::Map<String, Value>) -> &str {
    parameter
        .get(WIRE_NAME)
        .or_else(|| parameter.get("name"))
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// A parameter name with its punctuation read as words: `StartTime<` → `StartTime_before`,
/// `created_at[gte]` → `created_at_gte`.
fn readable(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '<' => out.push_str("_before"),
            '>' => out.push_str("_after"),
            '=' => out.push_str("_eq"),
            '!' => out.push_str("_not"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push('_'),
        }
    }
    out
}

/// The CLI flag progenitor makes of a name.
fn kebab(name: &str) -> String {
    heck::ToKebabCase::to_kebab_case(name)
}

/// Identifiers seen so far, with the place each came from (or what the SDK uses it for).
#[derive(Default)]
struct Seen(BTreeMap<String, (String, bool)>);

impl Seen {
    /// An identifier the SDK already uses for `owner`.
    fn reserve(&mut self, ident: &str, owner: &str) {
        self.0.insert(ident.to_string(), (owner.to_string(), true));
    }

    fn insert(&mut self, ident: String, at: &str) {
        self.0.entry(ident).or_insert((at.to_string(), false));
    }

    fn is_free(&self, ident: &str) -> bool {
        !self.0.contains_key(ident)
    }

    /// Who has `ident`, as a message says it.
    fn owner(&self, ident: &str) -> String {
        match self.0.get(ident) {
            Some((owner, true)) => format!("{owner} already has"),
            Some((other, false)) => format!("`{other}` already is"),
            None => "nothing has".into(),
        }
    }
}
