//! Names as Rust will spell them: two operationIds, schema names, properties or parameters
//! that become the same identifier are refused, naming both places, before progenitor runs.

use std::collections::BTreeMap;

use heck::{ToPascalCase, ToSnakeCase};
use serde_json::Value;

use super::{operations_of, path_template_names};

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
const CLIENT_METHODS: [&str; 13] = [
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

/// Refuses names that meet in Rust or in what the SDK already names, and operations and
/// parameters progenitor would get wrong; `origins` turns a named schema into its place.
pub fn check(json: &Value, origins: &BTreeMap<String, super::Origin>) -> Result<(), String> {
    let written = |name: &str| {
        origins
            .get(name)
            .map_or_else(|| format!("components.schemas.{name}"), |o| o.at.clone())
    };
    let mut types = Seen::default();
    for (name, schema) in json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = written(name);
        types.insert("type", type_name(name), &at)?;
        check_fields(schema, &at)?;
    }
    let operations = operations_of(json);
    if operations.is_empty() {
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
    for op in &operations {
        let at = op.at();
        if matches!(op.method, "options" | "trace") {
            return Err(format!(
                "`{at}`: progenitor cannot send {} requests (reqwest has no method for them)",
                op.method.to_uppercase()
            ));
        }
        let place = format!("{at} (operationId `{}`)", op.id);
        methods.insert("method", operation_name(op.id), &place)?;
        subcommands.insert("subcommand", kebab(op.id), &place)?;
        check_parameters(json, op)?;
    }
    Ok(())
}

/// Properties that would be one Rust field, or the field that keeps unknown properties.
fn check_fields(schema: &Value, at: &str) -> Result<(), String> {
    let mut fields = Seen::default();
    fields.reserve(
        "extra",
        "every object (for the properties the spec does not name)",
    );
    for property in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(p, _)| p)
    {
        let place = format!("{at}.properties.{property}");
        fields.insert("field", field_name(property), &place)?;
    }
    Ok(())
}

/// Parameters: names that meet, names the builder has, headers the client sets, what
/// progenitor cannot send, and a path template that disagrees with its parameters.
fn check_parameters(json: &Value, op: &super::Operation) -> Result<(), String> {
    let at = op.at();
    let mut parameters = Seen::default();
    for name in BUILDER_METHODS {
        parameters.reserve(name, "the operation builder");
    }
    // The CLI's own flags for the body; a parameter or body property of that name would
    // meet them (other flags that meet are renamed by the CLI, `--api-<name>`).
    let mut flags = Seen::default();
    flags.reserve("json-body", "the command line (for the whole body)");
    if let Some(schema) = op
        .json
        .get("requestBody")
        .and_then(|b| b.get("content"))
        .and_then(Value::as_object)
        .and_then(|c| c.values().next())
        .and_then(|m| m.get("schema"))
    {
        let body = super::schema::resolve(json, schema);
        let properties = body.get("properties").and_then(Value::as_object);
        for name in properties.into_iter().flatten().map(|(p, _)| p) {
            if kebab(name) == "json-body" {
                let place = format!("{at}.requestBody property `{name}`");
                flags.insert("command-line flag", kebab(name), &place)?;
            }
        }
    }
    for (i, parameter) in op.parameters().enumerate() {
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
        let place = format!("{at}.parameters.{i} (`{name}`)");
        parameters.insert("builder method", operation_name(name), &place)?;
        let location = parameter.get("in").and_then(Value::as_str).unwrap_or("");
        if location == "cookie" {
            return Err(format!(
                "`{place}` is a cookie parameter, which progenitor does not send; \
                 describe it as a header parameter (`Cookie`) or remove it"
            ));
        }
        if location == "header"
            && let Some((_, how)) = CLIENT_HEADERS
                .iter()
                .find(|(h, _)| name.eq_ignore_ascii_case(h))
        {
            return Err(format!(
                "`{place}`: the client sets `{name}` itself, {how}; remove the parameter"
            ));
        }
        let Some(schema) = parameter.get("schema") else {
            return Err(format!(
                "`{place}` has no `schema` (a `content` parameter); describe its value with \
                 `schema`"
            ));
        };
        let is_list = super::schema::resolve(json, schema)
            .get("type")
            .and_then(Value::as_str)
            == Some("array");
        if is_list && matches!(location, "header" | "path") {
            return Err(format!(
                "`{place}` is a {location} parameter holding a list, which this generator \
                 does not send; describe it as a string (comma-separated values)"
            ));
        }
        let style = parameter
            .get("style")
            .and_then(Value::as_str)
            .unwrap_or("form");
        let explode = parameter.get("explode") != Some(&Value::Bool(false));
        if location == "query" && (style != "form" || (is_list && !explode)) {
            return Err(format!(
                "`{place}`: query parameters are sent `style: form` with `explode: true` \
                 (`name=a&name=b`); `style: {style}`{} is not supported",
                if explode { "" } else { ", `explode: false`" }
            ));
        }
        if location == "path" && !op.path_parameters().contains(&name) {
            return Err(format!(
                "`{place}` is a path parameter, but the path `{}` has no `{{{name}}}`",
                op.path
            ));
        }
        if kebab(name) == "json-body" {
            flags.insert("command-line flag", kebab(name), &place)?;
        }
    }
    for name in path_template_names(op.path) {
        let declared = op.parameters().any(|p| {
            p.get("in").and_then(Value::as_str) == Some("path")
                && p.get("name").and_then(Value::as_str) == Some(name)
        });
        if !declared {
            return Err(format!(
                "`{at}`: the path has `{{{name}}}` but the operation declares no path \
                 parameter `{name}`"
            ));
        }
    }
    Ok(())
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

    fn insert(&mut self, what: &str, ident: String, at: &str) -> Result<(), String> {
        match self.0.get(&ident) {
            Some((owner, true)) => Err(format!(
                "`{at}` would be the Rust {what} `{ident}`, which {owner} already has; rename it"
            )),
            Some((other, false)) => Err(format!(
                "`{other}` and `{at}` would both be the Rust {what} `{ident}`; rename one of them"
            )),
            None => {
                self.0.insert(ident, (at.to_string(), false));
                Ok(())
            }
        }
    }
}
