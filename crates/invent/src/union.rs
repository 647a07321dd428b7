//! How a generated union (`oneOf`/`anyOf`) is read and written: by its tag property or by the
//! JSON shape of the value, and a value no variant reads is kept whole and written back.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::{LazyLock, Mutex};

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};

use crate::RawJson;
use crate::json::{Parts, parts};

/// The `Serialize`, `Deserialize`, `Display`, `FromStr` and `JsonSchema` of a union read by its
/// tag property: each variant with the tag values that select it, then the variant that keeps
/// a value with any other tag (or none) whole. Variants that share a tag value are tried in
/// the order listed; a value none of them reads is refused with the last one's error (the
/// generator lists the variant that requires least last).
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
                let value = <$crate::RawJson as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = $crate::support::tag_text(&value, $tag);
                let mut refused: ::std::option::Option<D::Error> = None;
                $(
                    if matches!(tag.as_deref(), Some($first $(| $value)*)) {
                        match $crate::support::read_variant(&value) {
                            Ok(read) => return Ok($name::$variant(read)),
                            Err(e) => refused = Some(e),
                        }
                    }
                )*
                match refused {
                    Some(e) => Err(e),
                    None => Ok($name::$unknown(value)),
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
                let value = <$crate::RawJson as ::serde::Deserialize>::deserialize(deserializer)?;
                let parts = $crate::support::Peeked::of(&value);
                $(
                    if $shape.fits(&parts, &[$($check),*])
                        && let Ok(read) = value.get::<$ty>()
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
    /// Whether the value has this shape and passes `checks`.
    pub fn fits(&self, value: &Peeked<'_>, checks: &[Check]) -> bool {
        let text = value.text;
        let shaped = match (self, &value.parts) {
            (Shape::Object(required), Parts::Object(members)) => required
                .iter()
                .all(|key| members.iter().any(|(name, _)| name == key)),
            (Shape::Array, Parts::Array(_)) | (Shape::String, Parts::String(_)) => true,
            (Shape::Integer, Parts::Other(_)) => {
                text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok()
            }
            (Shape::Number, Parts::Other(_)) => {
                text.starts_with(|c: char| c == '-' || c.is_ascii_digit())
            }
            (Shape::Boolean, Parts::Other(_)) => text == "true" || text == "false",
            (Shape::Any, _) => true,
            _ => false,
        };
        shaped && checks.iter().all(|check| check.passes(value))
    }
}

/// A value a union reads, its outer level parsed once for every variant's shape and checks.
pub struct Peeked<'a> {
    text: &'a str,
    parts: Parts<'a>,
}

impl<'a> Peeked<'a> {
    pub fn of(value: &'a RawJson) -> Self {
        Peeked {
            text: value.as_text(),
            parts: parts(value.raw()),
        }
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

    fn passes(&self, value: &Peeked<'_>) -> bool {
        let text = match (self.property, &value.parts) {
            (None, Parts::String(text)) => text.clone(),
            (Some(property), Parts::Object(members)) => {
                match members.iter().find(|(name, _)| name == property) {
                    Some((_, raw)) => match parts(raw) {
                        Parts::String(text) => text,
                        _ => return false,
                    },
                    None => return false,
                }
            }
            _ => return false,
        };
        let text = text.as_ref();
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

/// The value of the tag property `tag` as the text the spec's tag values are written in: a
/// string as it is, a number or a boolean as its JSON text (`1`, `true`); `None` for anything
/// else, or when the value is not an object or has no such property.
pub fn tag_text(value: &RawJson, tag: &str) -> Option<String> {
    let Parts::Object(members) = parts(value.raw()) else {
        return None;
    };
    let (_, raw) = members.into_iter().find(|(name, _)| name == tag)?;
    match parts(raw) {
        Parts::String(text) => Some(text.into_owned()),
        Parts::Other(text) if text != "null" => Some(text.to_owned()),
        _ => None,
    }
}

/// Reads one variant of a tagged union from the whole value.
pub fn read_variant<T: DeserializeOwned, E: serde::de::Error>(value: &RawJson) -> Result<T, E> {
    value.get().map_err(E::custom)
}

/// Writes a variant of a tagged union with its tag: where the variant's own properties put it,
/// or, when it has none (the tag is not one of its properties and was never read), last.
/// Every other value is written as the variant writes it, byte for byte.
pub fn with_tag<T: Serialize, S: Serializer>(
    value: &T,
    tag: &str,
    tag_value: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let written = RawJson::from_serialize(value).map_err(serde::ser::Error::custom)?;
    let Parts::Object(members) = parts(written.raw()) else {
        return written.serialize(serializer);
    };
    if members.iter().any(|(name, _)| name == tag) {
        return written.serialize(serializer);
    }
    let text = written.as_text().trim_end();
    let open = text.strip_suffix('}').unwrap_or(text);
    let comma = if members.is_empty() { "" } else { "," };
    let entry = format!(
        "{}:{}",
        serde_json::Value::from(tag),
        serde_json::Value::from(tag_value)
    );
    let tagged =
        RawJson::from_text(format!("{open}{comma}{entry}}}")).map_err(serde::ser::Error::custom)?;
    tagged.serialize(serializer)
}

/// `Display` of a union: a string value as it is, any other value as JSON.
pub fn display_json<T: Serialize>(value: &T, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    let written = RawJson::from_serialize(value).map_err(|_| std::fmt::Error)?;
    match parts(written.raw()) {
        Parts::String(text) => f.write_str(&text),
        _ => f.write_str(written.as_text()),
    }
}

/// `FromStr` of a union: the text as JSON, or else, when it is not JSON, as a string value.
pub fn parse_json_or_string<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    match RawJson::from_text(text) {
        Ok(json) => json.get(),
        Err(_) => RawJson::from(text).get(),
    }
}
