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

/// Refuses names that meet in Rust, and path templates that disagree with their parameters.
pub fn check(json: &Value) -> Result<(), String> {
    let mut seen = Seen::default();
    for (name, schema) in json
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let at = format!("components.schemas.{name}");
        seen.insert("type", type_name(name), &at)?;
        let mut fields = Seen::default();
        for property in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(p, _)| p)
        {
            fields.insert(
                "field",
                field_name(property),
                &format!("{at}.properties.{property}"),
            )?;
        }
    }
    let mut operations = Seen::default();
    for op in operations_of(json) {
        let at = op.at();
        operations.insert(
            "method",
            field_name(op.id),
            &format!("{at} (operationId `{}`)", op.id),
        )?;
        let mut parameters = Seen::default();
        if op.json.contains_key("requestBody") {
            parameters.insert(
                "builder method",
                "body".into(),
                &format!("{at}.requestBody"),
            )?;
        }
        for (i, parameter) in op.parameters().enumerate() {
            let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
            let place = format!("{at}.parameters.{i} (`{name}`)");
            parameters.insert("builder method", field_name(name), &place)?;
            let location = parameter.get("in").and_then(Value::as_str).unwrap_or("");
            if location == "cookie" {
                return Err(format!(
                    "`{place}` is a cookie parameter, which progenitor does not send; \
                     describe it as a header parameter (`Cookie`) or remove it"
                ));
            }
            let schema = parameter.get("schema").unwrap_or(&Value::Null);
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
            if location == "path" && !op.path_parameters().contains(&name) {
                return Err(format!(
                    "`{place}` is a path parameter, but the path `{}` has no `{{{name}}}`",
                    op.path
                ));
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
    }
    Ok(())
}

/// Identifiers seen so far, with the place each came from.
#[derive(Default)]
struct Seen(BTreeMap<String, String>);

impl Seen {
    fn insert(&mut self, what: &str, ident: String, at: &str) -> Result<(), String> {
        match self.0.get(&ident) {
            Some(other) => Err(format!(
                "`{other}` and `{at}` would both be the Rust {what} `{ident}`; rename one of them"
            )),
            None => {
                self.0.insert(ident, at.to_string());
                Ok(())
            }
        }
    }
}
