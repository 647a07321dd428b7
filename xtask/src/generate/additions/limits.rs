//! The table of request limits: for each operation, every parameter and body value the spec
//! limits, where it is on the wire and what it allows (checked by `invent::limits`).

use proc_macro2::TokenStream;
use quote::quote;
use serde_json::Value;

use crate::generate::tree;
use crate::spec::{Operation, Spec};

/// `static REQUEST_LIMITS: &[(&str, &[Limit])]`, by progenitor's operation name.
pub fn table(spec: &Spec) -> Result<syn::Item, String> {
    let mut entries = Vec::new();
    for op in spec.operations() {
        let mut limits = Vec::new();
        parameter_limits(spec, &op, &mut limits)?;
        if let Some(schema) = json_body(&op) {
            let mut visiting = Vec::new();
            let at = format!("{}.requestBody", op.at());
            body_limits(
                spec,
                schema,
                &[],
                "the request body",
                None,
                &mut visiting,
                &at,
                &mut limits,
            )?;
        }
        if !limits.is_empty() {
            let name = crate::spec::names::operation_name(op.id);
            entries.push(quote!((#name, &[#(#limits),*])));
        }
    }
    Ok(syn::parse_quote! {
        /// What the spec limits in each operation's request (by operation), checked on the
        /// request as it will be sent, before it is.
        pub(crate) static REQUEST_LIMITS: &[(&str, &[crate::limits::Limit])] = &[#(#entries),*];
    })
}

/// The JSON body schema of an operation, if it has one.
fn json_body<'a>(op: &Operation<'a>) -> Option<&'a Value> {
    let content = op.json.get("requestBody")?.get("content")?.as_object()?;
    content
        .iter()
        .find(|(media, _)| media.starts_with("application/json"))?
        .1
        .get("schema")
}

fn parameter_limits(spec: &Spec, op: &Operation, out: &mut Vec<TokenStream>) -> Result<(), String> {
    let segments: Vec<&str> = op.path.split('/').collect();
    for (i, parameter) in op.parameters().enumerate() {
        let name = crate::spec::names::wire_name(parameter);
        let at = format!("{}.parameters.{i}", op.at());
        let Some(schema) = parameter.get("schema") else {
            continue;
        };
        let schema = spec.resolve(schema);
        // A list parameter: its limits and its items' apply to the values sent.
        let mut rule = rule(schema, &at)?;
        if let Some(items) = schema.get("items") {
            let items = rule_fields(spec.resolve(items), &format!("{at}.items"))?;
            rule = merge(rule, items);
        }
        let Some(fields) = rule else { continue };
        let place = match parameter.get("in").and_then(Value::as_str) {
            Some("query") => quote!(crate::limits::Place::Query(#name)),
            Some("header") => quote!(crate::limits::Place::Header(#name)),
            Some("path") => {
                let whole = format!("{{{name}}}");
                // Only a parameter that is a whole segment can be read back from the URL.
                let Some(index) = segments.iter().position(|s| *s == whole) else {
                    continue;
                };
                let from_end = segments.len() - 1 - index;
                quote!(crate::limits::Place::Path(#from_end))
            }
            _ => continue,
        };
        let label = format!("parameter `{name}`");
        out.push(limit(place, &label, fields));
    }
    Ok(())
}

/// Walks a body schema, collecting the limits of every value below it. A schema met again on
/// the way down (a recursive type) is not walked twice.
#[allow(clippy::too_many_arguments)]
fn body_limits(
    spec: &Spec,
    schema: &Value,
    steps: &[TokenStream],
    owner: &str,
    property: Option<&str>,
    visiting: &mut Vec<String>,
    at: &str,
    out: &mut Vec<TokenStream>,
) -> Result<(), String> {
    let (component, schema) = spec.resolve_named(schema);
    if let Some(name) = component {
        if visiting.iter().any(|v| v == name) {
            return Ok(());
        }
        visiting.push(name.to_string());
    }
    let label = match property {
        Some(p) => format!("`{owner}.{p}`"),
        None => owner.to_string(),
    };
    let here = component.map_or(at.to_string(), |c| spec.written_at(c));
    if let Some(fields) = rule(schema, &here)? {
        let place = quote!(crate::limits::Place::Body(&[#(#steps),*]));
        out.push(limit(place, &label, fields));
    }
    let owner = component.map_or(owner.to_string(), tree::rust_name);
    for (name, child) in schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let steps = [steps, &[quote!(crate::limits::Step::Key(#name))]].concat();
        let at = format!("{here}.properties.{name}");
        body_limits(spec, child, &steps, &owner, Some(name), visiting, &at, out)?;
    }
    // Each item of a list, each value of a map.
    let element = property.map(|p| format!("{p}[]"));
    let children = [
        ("items", quote!(crate::limits::Step::Items)),
        ("additionalProperties", quote!(crate::limits::Step::Values)),
    ];
    for (key, step) in children {
        let Some(child @ Value::Object(_)) = schema.get(key) else {
            continue;
        };
        let steps = [steps, &[step]].concat();
        let at = format!("{here}.{key}");
        let element = element.as_deref();
        body_limits(spec, child, &steps, &owner, element, visiting, &at, out)?;
    }
    if component.is_some() {
        visiting.pop();
    }
    Ok(())
}

fn limit(place: TokenStream, label: &str, fields: Vec<TokenStream>) -> TokenStream {
    quote! {
        crate::limits::Limit {
            place: #place,
            name: #label,
            rule: crate::limits::Rule { #(#fields,)* ..crate::limits::Rule::NONE },
        }
    }
}

fn merge(a: Option<Vec<TokenStream>>, b: Option<Vec<TokenStream>>) -> Option<Vec<TokenStream>> {
    match (a, b) {
        (Some(mut a), Some(b)) => {
            a.extend(b);
            Some(a)
        }
        (a, b) => a.or(b),
    }
}

/// The list-level and scalar limits of a schema, as fields of `Rule`; `None` if it has none.
fn rule(schema: &Value, at: &str) -> Result<Option<Vec<TokenStream>>, String> {
    let mut fields = rule_fields(schema, at)?.unwrap_or_default();
    let count = |key: &str| schema.get(key).and_then(Value::as_u64);
    if let Some(n) = count("minItems") {
        fields.push(quote!(min_items: Some(#n)));
    }
    if let Some(n) = count("maxItems") {
        fields.push(quote!(max_items: Some(#n)));
    }
    if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
        fields.push(quote!(unique_items: true));
    }
    Ok((!fields.is_empty()).then_some(fields))
}

/// The scalar limits of a schema (numbers and strings).
fn rule_fields(schema: &Value, at: &str) -> Result<Option<Vec<TokenStream>>, String> {
    let mut fields = Vec::new();
    let number = |key: &str| schema.get(key).and_then(Value::as_f64);
    let flag = |key: &str| schema.get(key) == Some(&Value::Bool(true));
    if let Some(n) = number("minimum") {
        fields.push(quote!(minimum: Some(#n)));
        if flag("exclusiveMinimum") {
            fields.push(quote!(exclusive_minimum: true));
        }
    }
    if let Some(n) = number("maximum") {
        fields.push(quote!(maximum: Some(#n)));
        if flag("exclusiveMaximum") {
            fields.push(quote!(exclusive_maximum: true));
        }
    }
    if let Some(n) = number("multipleOf") {
        if n <= 0.0 {
            return Err(format!("`{at}.multipleOf` must be more than 0"));
        }
        fields.push(quote!(multiple_of: Some(#n)));
    }
    if let Some(n) = schema.get("minLength").and_then(Value::as_u64) {
        fields.push(quote!(min_length: Some(#n)));
    }
    if let Some(n) = schema.get("maxLength").and_then(Value::as_u64) {
        fields.push(quote!(max_length: Some(#n)));
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        regress::Regex::new(pattern)
            .map_err(|e| format!("`{at}.pattern` is not an ECMAScript regular expression: {e}"))?;
        fields.push(quote!(pattern: Some(#pattern)));
    }
    Ok((!fields.is_empty()).then_some(fields))
}
