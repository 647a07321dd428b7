//! How a generated union (`oneOf`/`anyOf`) is read and written: by its tag property or by the
//! JSON shape of the value, and a value no variant reads is kept whole and written back.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{LazyLock, Mutex};

use serde::de::{DeserializeOwned, Error as _};
use serde::{Serialize, Serializer};
use serde_json::Value;

/// The `Serialize`, `Deserialize`, `Display`, `FromStr` and `JsonSchema` of a union read by its
/// tag property: each variant with the tag values that select it, then the variant that keeps
/// a value with any other tag (or none) whole.
#[doc(hidden)]
#[macro_export]
macro_rules! tagged_union {
    ($name:ident, $tag:literal, { $($variant:ident($ty:ty) = [$first:literal $(, $value:literal)*]),* $(,)? } $unknown:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant(value) => $crate::support::with_tag(value, $tag, $first, serializer),)*
                    $name::$unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get($tag).and_then($crate::support::tag_text);
                match tag.as_deref() {
                    $(Some($first $(| $value)*) => $crate::support::read_variant(value).map($name::$variant),)*
                    _ => Ok($name::$unknown(value)),
                }
            }
        }

        $crate::union_common!($name, Some($tag), $($ty),*);
    };
}

/// The same for a union read by shape: each variant with the shape of its values, in the
/// order they are tried (the first that reads a value wins).
#[doc(hidden)]
#[macro_export]
macro_rules! shaped_union {
    ($name:ident, { $($variant:ident($ty:ty) = $shape:expr, [$($check:expr),*]),* $(,)? } $unknown:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $($name::$variant(value) => ::serde::Serialize::serialize(value, serializer),)*
                    $name::$unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                $(
                    if $shape.fits(&value, &[$($check),*])
                        && let Ok(read) = ::serde_json::from_value::<$ty>(value.clone())
                    {
                        return Ok($name::$variant(read));
                    }
                )*
                Ok($name::$unknown(value))
            }
        }

        $crate::union_common!($name, None, $($ty),*);
    };
}

/// What every union implements besides serde: `Display` (a string as it is, anything else as
/// JSON) and `FromStr` (JSON, or a plain string) for command-line flags and mock matchers,
/// and a JSON Schema of `oneOf` its variants (with the `discriminator` of a tagged union).
#[doc(hidden)]
#[macro_export]
macro_rules! union_common {
    ($name:ident, $tag:expr, $($ty:ty),*) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::support::display_json(self, f)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::serde_json::Error;
            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                $crate::support::parse_json_or_string(text)
            }
        }

        #[cfg(feature = "schemars")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> ::std::string::String {
                stringify!($name).to_string()
            }

            fn json_schema(generator: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
                let variants = vec![$(generator.subschema_for::<$ty>()),*];
                $crate::support::union_schema(variants, $tag)
            }
        }
    };
}

/// The shape of the values a variant of a union read by shape takes.
pub enum Shape {
    /// An object that has (at least) these properties.
    Object(&'static [&'static str]),
    Array,
    String,
    Integer,
    Number,
    Boolean,
    /// Any value (a variant that is itself a union, or of no one type).
    Any,
}

impl Shape {
    /// Whether `value` has this shape and passes `checks`.
    pub fn fits(&self, value: &Value, checks: &[Check]) -> bool {
        let shaped = match (self, value) {
            (Shape::Object(required), Value::Object(object)) => {
                required.iter().all(|key| object.contains_key(*key))
            }
            (Shape::Array, Value::Array(_)) | (Shape::String, Value::String(_)) => true,
            (Shape::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
            (Shape::Number, Value::Number(_)) | (Shape::Boolean, Value::Bool(_)) => true,
            (Shape::Any, _) => true,
            _ => false,
        };
        shaped && checks.iter().all(|check| check.passes(value))
    }
}

/// What a value of a variant's shape must also pass (a union read by shape whose variants
/// share a shape): a pattern or a format, of the value or of one of its properties.
pub struct Check {
    property: Option<&'static str>,
    rule: Rule,
}

enum Rule {
    Pattern(&'static str),
    Format(&'static str),
}

impl Check {
    /// The string (or its `property`) matches the ECMAScript `pattern` somewhere.
    pub const fn pattern(property: Option<&'static str>, pattern: &'static str) -> Check {
        Check {
            property,
            rule: Rule::Pattern(pattern),
        }
    }

    /// The string (or its `property`) is of `format`: `date-time`, `date`, `uuid`, `ipv4`,
    /// `ipv6` or `ip`.
    pub const fn format(property: Option<&'static str>, format: &'static str) -> Check {
        Check {
            property,
            rule: Rule::Format(format),
        }
    }

    fn passes(&self, value: &Value) -> bool {
        let value = match self.property {
            Some(property) => value.get(property),
            None => Some(value),
        };
        let Some(Value::String(text)) = value else {
            return false;
        };
        match self.rule {
            Rule::Pattern(pattern) => matches_pattern(pattern, text),
            Rule::Format(format) => has_format(format, text),
        }
    }
}

/// Whether `text` matches `pattern`; each pattern is compiled once.
fn matches_pattern(pattern: &'static str, text: &str) -> bool {
    static COMPILED: LazyLock<Mutex<HashMap<&'static str, Option<regress::Regex>>>> =
        LazyLock::new(Mutex::default);
    let mut compiled = COMPILED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    compiled
        .entry(pattern)
        .or_insert_with(|| regress::Regex::new(pattern).ok())
        .as_ref()
        .is_some_and(|regex| regex.find(text).is_some())
}

fn has_format(format: &str, text: &str) -> bool {
    match format {
        "date-time" => text.parse::<crate::Timestamp>().is_ok(),
        "date" => is_date(text),
        "uuid" => is_uuid(text),
        "ipv4" => text.parse::<Ipv4Addr>().is_ok(),
        "ipv6" => text.parse::<Ipv6Addr>().is_ok(),
        "ip" => text.parse::<IpAddr>().is_ok(),
        _ => true,
    }
}

/// `YYYY-MM-DD` with a month and a day that can be (RFC 3339 `full-date`).
fn is_date(text: &str) -> bool {
    let digits = |range: std::ops::Range<usize>| {
        text.get(range)
            .filter(|part| part.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|part| part.parse::<u32>().ok())
    };
    text.len() == 10
        && text.as_bytes()[4] == b'-'
        && text.as_bytes()[7] == b'-'
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|month| (1..=12).contains(&month))
        && digits(8..10).is_some_and(|day| (1..=31).contains(&day))
}

/// Thirty-two hexadecimal digits in groups of 8-4-4-4-12.
fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// A tag property's value as the text the spec's tag values are written in: a string as it
/// is, a number or a boolean as JSON (`1`, `true`); `None` for anything else.
pub fn tag_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(_) | Value::Bool(_) => Some(value.to_string()),
        _ => None,
    }
}

/// Reads one variant of a tagged union from the whole value.
pub fn read_variant<T: DeserializeOwned, E: serde::de::Error>(value: Value) -> Result<T, E> {
    serde_json::from_value(value).map_err(E::custom)
}

/// Writes a variant of a tagged union with its tag: where the variant's own properties put it,
/// or, when it has none (the tag is not one of its properties and was never read), last.
pub fn with_tag<T: Serialize, S: Serializer>(
    value: &T,
    tag: &str,
    tag_value: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut written = serde_json::to_value(value).map_err(serde::ser::Error::custom)?;
    if let Value::Object(object) = &mut written
        && !object.contains_key(tag)
    {
        object.insert(tag.to_owned(), Value::String(tag_value.to_owned()));
    }
    written.serialize(serializer)
}

/// `Display` of a union: a string value as it is, any other value as JSON.
pub fn display_json<T: Serialize>(value: &T, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    match serde_json::to_value(value) {
        Ok(Value::String(text)) => f.write_str(&text),
        Ok(other) => write!(f, "{other}"),
        Err(_) => Err(std::fmt::Error),
    }
}

/// `FromStr` of a union: the text as JSON, or else as a string value.
pub fn parse_json_or_string<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let value = serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()));
    serde_json::from_value(value).map_err(|e| serde_json::Error::custom(e.to_string()))
}
