//! Unions (`oneOf`/`anyOf`) as the generated enums read them: by a tag property (a
//! `discriminator`, or one every variant fixes to its own value), or else by the JSON shape.

use heck::ToUpperCamelCase;
use serde_json::Value;

use super::diagnostics::Diagnostics;
use super::names::type_name;
use super::schema::resolve_named;

/// How a union's values are told apart, and its variants in the order they are tried.
pub struct Union {
    /// The tag property, for a union read by tag.
    pub tag: Option<String>,
    pub variants: Vec<Variant>,
    /// The name of the variant that keeps a value no variant reads (`Unknown`).
    pub unknown: String,
}

/// One variant of a union.
pub struct Variant {
    /// Its Rust variant name.
    pub name: String,
    /// The Rust type it holds.
    pub rust: RustType,
    /// The tag values that select it (a union read by tag).
    pub tags: Vec<String>,
    /// The JSON shape that selects it (a union read by shape).
    pub shape: Shape,
    /// What a value of its shape must also pass to be read by it (a union read by shape): the
    /// patterns and formats of the value, or of its required string properties.
    pub checks: Vec<Check>,
    /// Whether its type contains the union again (held in a `Box`, or the enum would be of
    /// infinite size).
    pub boxed: bool,
}

/// A check a value must pass to be read by a variant of a union read by shape.
#[derive(Clone, PartialEq, Debug)]
pub struct Check {
    /// The required property it applies to; `None` for the value itself.
    pub property: Option<String>,
    pub rule: Rule,
}

/// What a string must be.
#[derive(Clone, PartialEq, Debug)]
pub enum Rule {
    /// Match this ECMAScript regular expression (anywhere, as JSON Schema says).
    Pattern(String),
    /// Be of this format, one of [`CHECKED_FORMATS`].
    Format(String),
}

/// The formats the runtime can check (`invent::support::Check`); others tell nothing apart.
pub const CHECKED_FORMATS: [&str; 6] = ["date-time", "date", "uuid", "ipv4", "ipv6", "ip"];

/// The Rust type of a variant.
#[derive(Clone, PartialEq)]
pub enum RustType {
    /// The generated type of a component schema.
    Component(String),
    String,
    Integer,
    Number,
    Boolean,
    List(Box<RustType>),
    /// Any JSON object.
    Object,
    /// Any JSON value (a variant the SDK cannot type more closely).
    Any,
}

/// The JSON shape of a variant's values.
#[derive(Clone, PartialEq, Debug)]
pub enum Shape {
    /// An object with these properties required.
    Object(Vec<String>),
    Array,
    String,
    Integer,
    Number,
    Boolean,
    /// Any value (a variant that is a union itself, or has no `type`): tried last.
    Any,
}

/// The keyword of a union, if the schema is one.
pub fn keyword(schema: &Value) -> Option<&'static str> {
    ["oneOf", "anyOf"]
        .into_iter()
        .find(|k| schema.get(*k).is_some())
}

/// Reads the union `name` of the normalized document; what it cannot read as written (a tag
/// that does not select every variant, variants no value tells apart) is approximated, with
/// a warning naming `at`.
pub fn classify(json: &Value, name: &str, at: &str, diagnostics: &mut Diagnostics) -> Union {
    let union_name = name;
    let schema = json
        .pointer(&format!("/components/schemas/{name}"))
        .unwrap_or(&Value::Null);
    let keyword = keyword(schema).unwrap_or("oneOf");
    let parts = schema[keyword].as_array().cloned().unwrap_or_default();
    let mut variants = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let at = format!("{at}.{keyword}.{i}");
        let (component, resolved) = resolve_named(json, part);
        let rust = rust_type(json, part);
        let shape = match rust {
            RustType::Any => Shape::Any,
            _ => shape(resolved),
        };
        if shape == Shape::Any {
            diagnostics.warn(
                "union-variant-any",
                &at,
                "this variant is itself a union or has no `type`: it is tried last, after \
                 the variants whose shape tells them apart",
            );
        }
        let base = match &rust {
            RustType::Component(c) => variant_name(c, name),
            RustType::String => "String".into(),
            RustType::Integer => "Integer".into(),
            RustType::Number => "Number".into(),
            RustType::Boolean => "Boolean".into(),
            RustType::List(_) => "List".into(),
            RustType::Object => "Object".into(),
            RustType::Any => "Value".into(),
        };
        let name = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}{n}")))
            .find(|n| variants.iter().all(|v: &Variant| v.name != *n))
            .expect("an endless list of names has a free one");
        let checks = checks(json, resolved, &shape);
        let boxed = component.is_some_and(|c| reaches(json, c, union_name));
        variants.push(Variant {
            name,
            rust,
            tags: Vec::new(),
            shape,
            checks,
            boxed,
        });
    }
    let unknown = ["Unknown", "UnknownVariant", "Undocumented"]
        .into_iter()
        .find(|n| variants.iter().all(|v| v.name != *n))
        .unwrap_or("Other")
        .to_string();
    let mut tag = tag_of(schema, json, &parts);
    if let Some(property) = &tag {
        match read_by_tag(json, schema, &parts, &mut variants, property, at, keyword) {
            Ok(()) => order_shared_tags(&mut variants, property, at, diagnostics),
            Err((place, problem)) => {
                diagnostics.warn(
                    "union-tag",
                    place,
                    format!(
                        "{problem}; the union is read by the shape of its values instead (its \
                         variants tried in order)"
                    ),
                );
                variants.iter_mut().for_each(|v| v.tags.clear());
                tag = None;
            }
        }
    }
    if tag.is_none() {
        order_by_shape(&mut variants, at, diagnostics);
    }
    Union {
        tag,
        variants,
        unknown,
    }
}

/// Gives each variant the tag values that select it; or says (place, problem) why the union
/// cannot be read by `tag`: a variant that is not an object, that no value selects, or a tag
/// that is not a string, number or boolean.
fn read_by_tag(
    json: &Value,
    schema: &Value,
    parts: &[Value],
    variants: &mut [Variant],
    tag: &str,
    at: &str,
    keyword: &str,
) -> Result<(), (String, String)> {
    for (i, (variant, part)) in variants.iter_mut().zip(parts).enumerate() {
        let here = format!("{at}.{keyword}.{i}");
        let Shape::Object(_) = variant.shape else {
            return Err((
                here,
                format!("this variant is not an object, but the union is read by its `{tag}`"),
            ));
        };
        let resolved = resolve_named(json, part).1;
        if let Some(property) = resolved.get("properties").and_then(|p| p.get(tag)) {
            let kind = resolve_named(json, property)
                .1
                .get("type")
                .and_then(Value::as_str);
            if matches!(kind, Some("object" | "array")) {
                return Err((
                    here,
                    format!("its `{tag}` is not a string, number or boolean"),
                ));
            }
        }
        variant.tags = tag_values(json, schema, part, tag);
        if variant.tags.is_empty() {
            return Err((here, format!("no value of `{tag}` selects this variant")));
        }
    }
    Ok(())
}

/// Variants of a union read by tag that share a tag value are tried in turn, those with more
/// required properties first (the first whose type reads the value holds it); two that share
/// a value and require the same properties are told apart by nothing but their order, with a
/// warning.
fn order_shared_tags(variants: &mut [Variant], tag: &str, at: &str, diagnostics: &mut Diagnostics) {
    let shares = |a: &Variant, b: &Variant| a.tags.iter().any(|t| b.tags.contains(t));
    let shared = variants
        .iter()
        .enumerate()
        .any(|(i, a)| variants[i + 1..].iter().any(|b| shares(a, b)));
    if !shared {
        return;
    }
    let required = |v: &Variant| match &v.shape {
        Shape::Object(required) => {
            let mut required = required.clone();
            required.sort();
            required
        }
        _ => Vec::new(),
    };
    variants.sort_by_key(|v| std::cmp::Reverse(required(v).len()));
    for (i, a) in variants.iter().enumerate() {
        for b in variants[i + 1..].iter().filter(|b| shares(a, b)) {
            if required(a) == required(b) {
                diagnostics.warn(
                    "union-by-order",
                    at,
                    format!(
                        "`{tag}` selects both `{}` and `{}`, which require the same \
                         properties: a value with that tag is read by `{}` if its type reads it",
                        a.name, b.name, a.name
                    ),
                );
            }
        }
    }
}

/// Whether the component `from` refers, through any chain of references, to `target`.
fn reaches(json: &Value, from: &str, target: &str) -> bool {
    fn references<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                if let Some(name) = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(|r| r.strip_prefix("#/components/schemas/"))
                {
                    out.push(name);
                }
                map.values().for_each(|v| references(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| references(v, out)),
            _ => {}
        }
    }
    let schemas = &json["components"]["schemas"];
    let mut seen = std::collections::BTreeSet::new();
    let mut pending = vec![from];
    while let Some(name) = pending.pop() {
        if name == target {
            return true;
        }
        if seen.insert(name)
            && let Some(schema) = schemas.get(name)
        {
            references(schema, &mut pending);
        }
    }
    false
}

/// A variant's name: the component's Rust name, without the union's name in front of it (a
/// variant the normalization named after the union, `ActionWebhook` → `Webhook`).
fn variant_name(component: &str, union: &str) -> String {
    let rust = type_name(component);
    let union = type_name(union);
    match rust.strip_prefix(&union) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) => rest.to_string(),
        _ => rust,
    }
}

/// The tag property: the `discriminator`'s, or one every variant is an object fixing to a
/// value of its own (a one-value `enum`), as dropshot writes tagged enums.
fn tag_of(schema: &Value, json: &Value, parts: &[Value]) -> Option<String> {
    if let Some(name) = schema
        .pointer("/discriminator/propertyName")
        .and_then(Value::as_str)
    {
        return Some(name.to_string());
    }
    let resolved: Vec<&Value> = parts.iter().map(|p| resolve_named(json, p).1).collect();
    let first = resolved.first()?.get("properties")?.as_object()?;
    first
        .keys()
        .find(|property| {
            let mut values = Vec::new();
            resolved.iter().all(|variant| {
                let Some(value) = fixed_value(json, variant, property) else {
                    return false;
                };
                let fresh = !values.contains(&value);
                values.push(value);
                fresh
            })
        })
        .cloned()
}

/// The one value a variant's property may take (`enum: [x]`), if it is so fixed.
fn fixed_value(json: &Value, variant: &Value, property: &str) -> Option<String> {
    let schema = variant.get("properties")?.get(property)?;
    let schema = resolve_named(json, schema).1;
    match schema.get("enum")?.as_array()?.as_slice() {
        [Value::String(only)] => Some(only.clone()),
        [only @ (Value::Number(_) | Value::Bool(_))] => Some(only.to_string()),
        _ => None,
    }
}

/// The tag values that select a variant: its `mapping` entries, else its fixed value, else
/// (as OpenAPI says) its component's name.
fn tag_values(json: &Value, union: &Value, part: &Value, tag: &str) -> Vec<String> {
    let reference = part.get("$ref").and_then(Value::as_str);
    let mapped: Vec<String> = union
        .pointer("/discriminator/mapping")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, target)| {
            let target = target.as_str().unwrap_or_default();
            reference.is_some_and(|r| r == target || r.ends_with(&format!("/{target}")))
        })
        .map(|(value, _)| value.clone())
        .collect();
    if !mapped.is_empty() {
        return mapped;
    }
    let (component, resolved) = resolve_named(json, part);
    if let Some(value) = fixed_value(json, resolved, tag) {
        return vec![value];
    }
    component.map(|c| vec![c.to_string()]).unwrap_or_default()
}

/// Orders a union read by shape so the first variant that reads a value is the one meant:
/// objects with more required properties first, integers before numbers, of one shape the
/// variants whose types refuse some values first (in the order written), and variants of any
/// shape last; two variants of one shape where the first would read every value the second
/// could are tried in that order, with a warning.
fn order_by_shape(variants: &mut [Variant], at: &str, diagnostics: &mut Diagnostics) {
    variants.sort_by_key(|v| {
        let (rank, required) = match &v.shape {
            Shape::Object(required) => (0, required.len()),
            Shape::Array => (1, 0),
            Shape::String => (2, 0),
            Shape::Integer => (3, 0),
            Shape::Number => (4, 0),
            Shape::Boolean => (5, 0),
            Shape::Any => (6, 0),
        };
        (rank, std::cmp::Reverse(required), v.checks.is_empty())
    });
    for (i, a) in variants.iter().enumerate() {
        for b in &variants[i + 1..] {
            let same = match (&a.shape, &b.shape) {
                (Shape::Object(x), Shape::Object(y)) => {
                    let mut x = x.clone();
                    let mut y = y.clone();
                    x.sort();
                    y.sort();
                    x == y
                }
                (Shape::Any, Shape::Any) => false,
                (x, y) => x == y,
            };
            if same && (a.checks.is_empty() || a.checks == b.checks) {
                diagnostics.warn(
                    "union-by-order",
                    at,
                    format!(
                        "variants `{}` and `{}` have the same shape ({:?}) and no value tells \
                         them apart (no `discriminator`, required properties, `pattern` or \
                         `format` of {}): a value is read by the first of them whose type \
                         reads it",
                        a.name,
                        b.name,
                        a.shape,
                        CHECKED_FORMATS.join(", ")
                    ),
                );
            }
        }
    }
}

/// The checks of a variant: the pattern and format of a string, or of an object's required
/// string properties.
fn checks(json: &Value, schema: &Value, shape: &Shape) -> Vec<Check> {
    let rules = |schema: &Value| {
        let schema = resolve_named(json, schema).1;
        let mut rules = Vec::new();
        if schema.get("type").and_then(Value::as_str) != Some("string") {
            return rules;
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
            rules.push(Rule::Pattern(pattern.to_string()));
        }
        if let Some(format) = schema.get("format").and_then(Value::as_str)
            && CHECKED_FORMATS.contains(&format)
        {
            rules.push(Rule::Format(format.to_string()));
        }
        rules
    };
    match shape {
        Shape::String => rules(schema)
            .into_iter()
            .map(|rule| Check {
                property: None,
                rule,
            })
            .collect(),
        Shape::Object(required) => required
            .iter()
            .filter_map(|p| Some((p, schema.get("properties")?.get(p)?)))
            .flat_map(|(p, property)| {
                rules(property).into_iter().map(|rule| Check {
                    property: Some(p.clone()),
                    rule,
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The shape of a (resolved) variant schema: `Any` for one that is a union itself or has no
/// `type`.
fn shape(schema: &Value) -> Shape {
    let kind = schema.get("type").and_then(Value::as_str);
    let is_object = kind == Some("object") || schema.get("properties").is_some();
    match kind {
        _ if is_object => Shape::Object(
            schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        ),
        Some("array") => Shape::Array,
        Some("string") => Shape::String,
        Some("integer") => Shape::Integer,
        Some("number") => Shape::Number,
        Some("boolean") => Shape::Boolean,
        _ => Shape::Any,
    }
}

/// The Rust type of a variant (a component's type, or a scalar or list written inline; any
/// JSON value for an inline one of no single type).
fn rust_type(json: &Value, part: &Value) -> RustType {
    if let (Some(component), _) = resolve_named(json, part) {
        return RustType::Component(component.to_string());
    }
    match part.get("type").and_then(Value::as_str) {
        Some("string") => RustType::String,
        Some("integer") => RustType::Integer,
        Some("number") => RustType::Number,
        Some("boolean") => RustType::Boolean,
        Some("object") if part.get("properties").is_none() => RustType::Object,
        Some("array") => {
            let items = part.get("items").unwrap_or(&Value::Null);
            match rust_type(json, items) {
                RustType::Any if items.is_null() => RustType::List(Box::new(RustType::Any)),
                inner => RustType::List(Box::new(inner)),
            }
        }
        _ => RustType::Any,
    }
}

/// The Rust names of a union's variants as the normalization names inline ones: by the value
/// they fix for the tag (the `discriminator`'s, or a property every variant fixes), their
/// title, their one property, their type, else their position; made unique by position.
pub fn inline_variant_names(union: &Value, parts: &[Value]) -> Vec<String> {
    let fixed = |part: &Value, property: &str| match part
        .pointer(&format!("/properties/{property}/enum"))
    {
        Some(Value::Array(values)) if values.len() == 1 => values[0].as_str().map(str::to_string),
        _ => None,
    };
    let tag = union
        .pointer("/discriminator/propertyName")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| {
            let first = parts.first()?.get("properties")?.as_object()?;
            first
                .keys()
                .find(|p| parts.iter().all(|part| fixed(part, p).is_some()))
                .cloned()
        });
    let mut names: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(index, part)| {
            // An object of one property is how serde (and dropshot) tags a variant from outside.
            let only_property = match part.get("properties").and_then(Value::as_object) {
                Some(properties) if properties.len() == 1 => properties.keys().next().cloned(),
                _ => None,
            };
            let scalar = match part.get("type").and_then(Value::as_str) {
                Some("string") => Some("String"),
                Some("integer") => Some("Integer"),
                Some("number") => Some("Number"),
                Some("boolean") => Some("Boolean"),
                Some("array") => Some("List"),
                _ => None,
            };
            tag.as_deref()
                .and_then(|t| fixed(part, t))
                .or_else(|| {
                    part.get("title")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .or(only_property)
                .or_else(|| scalar.map(str::to_string))
                .map(|n| n.to_upper_camel_case())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| format!("Variant{}", index + 1))
        })
        .collect();
    let shared: Vec<bool> = names
        .iter()
        .map(|n| names.iter().filter(|m| *m == n).count() > 1)
        .collect();
    for (i, shared) in shared.into_iter().enumerate() {
        if shared {
            names[i] = format!("{}{}", names[i], i + 1);
        }
    }
    names
}
