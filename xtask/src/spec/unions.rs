//! Unions (`oneOf`/`anyOf`) as the generated enums read them: by a tag property (a
//! `discriminator`, or one every variant fixes to its own value), or else by the JSON shape.

use heck::ToUpperCamelCase;
use serde_json::Value;

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
}

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
}

/// The keyword of a union, if the schema is one.
pub fn keyword(schema: &Value) -> Option<&'static str> {
    ["oneOf", "anyOf"]
        .into_iter()
        .find(|k| schema.get(*k).is_some())
}

/// Reads the union `name` of the normalized document, or refuses it naming `at`.
pub fn classify(json: &Value, name: &str, at: &str) -> Result<Union, String> {
    let schema = json
        .pointer(&format!("/components/schemas/{name}"))
        .ok_or_else(|| format!("`{at}`: no such schema"))?;
    let keyword = keyword(schema).ok_or_else(|| format!("`{at}` is not a union"))?;
    let parts = schema[keyword].as_array().cloned().unwrap_or_default();
    let mut variants = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let at = format!("{at}.{keyword}.{i}");
        let (component, resolved) = resolve_named(json, part);
        let rust = rust_type(json, part, &at)?;
        let shape = shape(resolved, &at)?;
        let name = match &rust {
            RustType::Component(c) => variant_name(c, name),
            RustType::String => "String".into(),
            RustType::Integer => "Integer".into(),
            RustType::Number => "Number".into(),
            RustType::Boolean => "Boolean".into(),
            RustType::List(_) => "List".into(),
            RustType::Object => "Object".into(),
        };
        if variants.iter().any(|v: &Variant| v.name == name) {
            return Err(format!(
                "`{at}`: two variants of the union would both be `{name}`; give one a name of its own (a component schema)"
            ));
        }
        let _ = component;
        variants.push(Variant {
            name,
            rust,
            tags: Vec::new(),
            shape,
        });
    }
    let unknown = ["Unknown", "UnknownVariant", "Undocumented"]
        .into_iter()
        .find(|n| variants.iter().all(|v| v.name != *n))
        .unwrap_or("Other")
        .to_string();
    let tag = tag_of(schema, json, &parts);
    if let Some(tag) = &tag {
        for (i, (variant, part)) in variants.iter_mut().zip(&parts).enumerate() {
            let Shape::Object(_) = variant.shape else {
                return Err(format!(
                    "`{at}.{keyword}.{i}` is not an object, but the union is read by its `{tag}` \
                     property; every variant must be an object"
                ));
            };
            variant.tags = tag_values(json, schema, part, tag);
            if variant.tags.is_empty() {
                return Err(format!(
                    "`{at}.{keyword}.{i}`: no value of `{tag}` selects this variant; give it a \
                     `discriminator.mapping` entry or a one-value `enum` for `{tag}`"
                ));
            }
        }
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for variant in &variants {
            for value in &variant.tags {
                if let Some((_, other)) = seen.iter().find(|(v, _)| v == value) {
                    return Err(format!(
                        "`{at}`: `{tag}: {value}` selects both `{other}` and `{}`",
                        variant.name
                    ));
                }
                seen.push((value, &variant.name));
            }
        }
    } else {
        order_by_shape(&mut variants, at)?;
    }
    Ok(Union {
        tag,
        variants,
        unknown,
    })
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
/// objects with more required properties first; refuses two variants no value tells apart.
fn order_by_shape(variants: &mut [Variant], at: &str) -> Result<(), String> {
    variants.sort_by_key(|v| match &v.shape {
        Shape::Object(required) => std::cmp::Reverse(required.len()),
        _ => std::cmp::Reverse(0),
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
                (x, y) => x == y,
            };
            if same {
                return Err(format!(
                    "`{at}`: variants `{}` and `{}` have the same shape ({:?}); no value tells \
                     them apart: add a `discriminator`, or required properties of their own",
                    a.name, b.name, a.shape
                ));
            }
        }
    }
    Ok(())
}

/// The shape of a (resolved) variant schema.
fn shape(schema: &Value, at: &str) -> Result<Shape, String> {
    let kind = schema.get("type").and_then(Value::as_str);
    let is_object = kind == Some("object") || schema.get("properties").is_some();
    Ok(match kind {
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
        _ if schema.get("oneOf").is_some() || schema.get("anyOf").is_some() => {
            return Err(format!(
                "`{at}` is itself a union; write its variants into this union"
            ));
        }
        _ => {
            return Err(format!(
                "`{at}` has no `type`; a union's variants are told apart by their type"
            ));
        }
    })
}

/// The Rust type of a variant (a component's type, or a scalar or list written inline).
fn rust_type(json: &Value, part: &Value, at: &str) -> Result<RustType, String> {
    if let (Some(component), _) = resolve_named(json, part) {
        return Ok(RustType::Component(component.to_string()));
    }
    Ok(match part.get("type").and_then(Value::as_str) {
        Some("string") => RustType::String,
        Some("integer") => RustType::Integer,
        Some("number") => RustType::Number,
        Some("boolean") => RustType::Boolean,
        Some("object") if part.get("properties").is_none() => RustType::Object,
        Some("array") => {
            let items = part.get("items").unwrap_or(&Value::Null);
            RustType::List(Box::new(rust_type(json, items, &format!("{at}.items"))?))
        }
        _ => {
            return Err(format!(
                "`{at}`: a union variant must be a schema of its own (a `$ref`) or a plain \
                 string, number, boolean, list or object"
            ));
        }
    })
}

/// The Rust name a union's inline variant gets: its tag value, its title, its one property,
/// its type, else its position.
pub fn inline_variant_name(union: &Value, part: &Value, index: usize) -> String {
    let tag = union
        .pointer("/discriminator/propertyName")
        .and_then(Value::as_str);
    let fixed = |property: &str| match part.pointer(&format!("/properties/{property}/enum")) {
        Some(Value::Array(values)) if values.len() == 1 => values[0].as_str().map(str::to_string),
        _ => None,
    };
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
    tag.and_then(fixed)
        .or_else(|| ["type", "kind"].into_iter().find_map(fixed))
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
}
