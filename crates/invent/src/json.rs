//! A JSON value the SDK does not type, kept as the exact text it was read as, so that it is
//! written back byte for byte (`1e400`, `-0`, `1.50`, `"\u00e9"` stay as they were).

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

/// A JSON value of a type the spec does not declare (an unknown property, a union's value
/// no variant reads, a property of no declared type), held as its JSON text.
///
/// Written back exactly as it was read. Read it as a type with [`get`](Self::get), or as a
/// `serde_json::Value` with [`to_value`](Self::to_value); build one from any `Serialize`
/// value with [`from_serialize`](Self::from_serialize), or from a string, a number or a
/// boolean with `into()`. Two values are equal when their texts are.
///
/// `Debug` hides the value of every property named like a credential (`token`, `api_key`,
/// `*_secret`…, at any depth), as [`crate::redact`] says; `Display` and
/// [`as_text`](Self::as_text) show the text as it is.
///
/// ```
/// let read: invent::Extra = serde_json::from_str(r#"{"big":1e400,"plan":"pro"}"#)?;
/// assert_eq!(read["big"].as_text(), "1e400");
/// assert_eq!(read["plan"].get::<String>()?, "pro");
/// assert_eq!(serde_json::to_string(&read)?, r#"{"big":1e400,"plan":"pro"}"#);
/// let built = invent::RawJson::from_serialize(&vec![1, 2])?;
/// assert_eq!(built.as_text(), "[1,2]");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// `null`.
    pub fn null() -> Self {
        RawJson(RawValue::NULL.to_owned())
    }

    /// The JSON text of `value` (as `serde_json` writes it).
    pub fn from_serialize<T: Serialize + ?Sized>(value: &T) -> Result<Self, serde_json::Error> {
        serde_json::value::to_raw_value(value).map(RawJson)
    }

    /// `text`, once checked to be one JSON value (whitespace around it is dropped).
    pub fn from_text(text: impl Into<String>) -> Result<Self, serde_json::Error> {
        RawValue::from_string(text.into()).map(RawJson)
    }

    /// The JSON text, as it was read.
    pub fn as_text(&self) -> &str {
        self.0.get()
    }

    /// The JSON text, as it was read.
    pub fn into_text(self) -> String {
        Box::<str>::from(self.0).into_string()
    }

    /// The value read as `T`.
    pub fn get<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.0.get())
    }

    /// The value as a `serde_json::Value` (which may spell a number differently, and cannot
    /// hold one beyond `f64`'s range such as `1e400`: that is an error).
    pub fn to_value(&self) -> Result<serde_json::Value, serde_json::Error> {
        self.get()
    }

    /// Whether the value is `null`.
    pub fn is_null(&self) -> bool {
        self.0.get() == "null"
    }

    pub(crate) fn raw(&self) -> &RawValue {
        &self.0
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.as_text() == other.as_text()
    }
}

impl Eq for RawJson {}

impl std::hash::Hash for RawJson {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_text().hash(state)
    }
}

/// Equal when both are the same JSON value (numbers compared as `serde_json` reads them).
impl PartialEq<serde_json::Value> for RawJson {
    fn eq(&self, other: &serde_json::Value) -> bool {
        self.to_value().is_ok_and(|value| value == *other)
    }
}

/// Equal when the value is the JSON string `other` (as for a `serde_json::Value`).
impl PartialEq<str> for RawJson {
    fn eq(&self, other: &str) -> bool {
        matches!(parts(self.raw()), Parts::String(text) if text == other)
    }
}

impl PartialEq<&str> for RawJson {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl fmt::Display for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_text())
    }
}

impl fmt::Debug for RawJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut shown = String::new();
        write_redacted(self.raw(), &mut shown);
        f.write_str(&shown)
    }
}

impl std::str::FromStr for RawJson {
    type Err = serde_json::Error;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        RawJson::from_text(text)
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Read as the text of one JSON value, nested no deeper than serde_json reads a typed one
/// (128 levels), so that nothing that walks it later (`Debug`, [`RawJson::to_value`]) runs
/// out of stack.
impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = Box::<RawValue>::deserialize(deserializer)?;
        // Each level takes two bytes at least, so only a long text can nest too deep.
        let text = raw.get();
        if text.len() > 2 * MAX_NESTING && nesting(text) > MAX_NESTING {
            return Err(de::Error::custom(format_args!(
                "a value nested deeper than {MAX_NESTING} levels"
            )));
        }
        Ok(RawJson(raw))
    }
}

/// How deep a value read as [`RawJson`] may nest.
const MAX_NESTING: usize = 128;

/// The deepest nesting of arrays and objects in a JSON text (brackets in strings not counted).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0, false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for RawJson {
    fn is_referenceable() -> bool {
        false
    }

    fn schema_name() -> String {
        "AnyValue".into()
    }

    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::Schema::Bool(true)
    }
}

impl From<serde_json::Value> for RawJson {
    fn from(value: serde_json::Value) -> Self {
        RawJson::from_serialize(&value).expect("a serde_json::Value always writes as JSON")
    }
}

/// JSON strings, numbers and booleans, written as `serde_json` writes them.
macro_rules! from_scalar {
    ($($ty:ty),*) => {$(
        impl From<$ty> for RawJson {
            fn from(value: $ty) -> Self {
                RawJson::from_serialize(&value).expect("a scalar always writes as JSON")
            }
        }
    )*};
}
from_scalar!(&str, String, bool, i32, i64, u32, u64, f64);

/// The parts of a JSON text, read without copying: the members of an object, the items of an
/// array, the text of a string, or the text of any other value.
pub(crate) enum Parts<'a> {
    Object(Vec<(Cow<'a, str>, &'a RawValue)>),
    Array(Vec<&'a RawValue>),
    String(Cow<'a, str>),
    Other(&'a str),
}

/// Reads the outer level of `raw`.
pub(crate) fn parts(raw: &RawValue) -> Parts<'_> {
    let text = raw.get();
    let parsed = match text.as_bytes().first() {
        Some(b'{') => serde_json::from_str::<Members>(text).map(|m| Parts::Object(m.0)),
        Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(text).map(Parts::Array),
        Some(b'"') => serde_json::from_str::<Text>(text).map(|t| Parts::String(t.0)),
        _ => return Parts::Other(text),
    };
    // `raw` was checked when it was read, so its parts read too.
    parsed.unwrap_or(Parts::Other(text))
}

/// The members of an object, in order, keys borrowed unless they hold escapes.
struct Members<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;
        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<Text<'de>>()? {
                    members.push((key.0, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(MembersVisitor)
    }
}

/// A string, borrowed unless it holds escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Text<'de>, A::Error> {
                Err(de::Error::custom("expected a string"))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// The value at `path` in `raw` (object keys, and array indexes written as numbers).
pub(crate) fn pointer<'a>(raw: &'a RawValue, path: &[&str]) -> Option<&'a RawValue> {
    let Some((first, rest)) = path.split_first() else {
        return Some(raw);
    };
    let child = match parts(raw) {
        Parts::Object(members) => members.into_iter().find(|(k, _)| k == first)?.1,
        Parts::Array(items) => *items.get(first.parse::<usize>().ok()?)?,
        _ => return None,
    };
    pointer(child, rest)
}

/// The text of `raw`, if it is a JSON string.
pub(crate) fn string(raw: &RawValue) -> Option<String> {
    match parts(raw) {
        Parts::String(text) => Some(text.into_owned()),
        _ => None,
    }
}

/// Writes `raw` to `out` with the value of every property named like a credential replaced
/// by `"[redacted]"`, at any depth; returns whether any was. What is nested deeper than a
/// value may be read ([`MAX_NESTING`]: only one built in this program can be) is hidden whole.
pub(crate) fn write_redacted(raw: &RawValue, out: &mut String) -> bool {
    rewrite(raw, None, out, 0, &mut |member, _| {
        let hide = member.is_some_and(crate::redact::looks_like_credential);
        hide.then(|| format!("\"{}\"", crate::redact::REDACTED))
    })
}

/// Writes `raw` to `out` with `secret` replaced by `[redacted]` in every string and key that
/// holds it once unescaped; returns whether any did.
pub(crate) fn write_scrubbed(raw: &RawValue, secret: &str, out: &mut String) -> bool {
    let scrub = |text: &str| {
        text.contains(secret)
            .then(|| serde_json::Value::from(text.replace(secret, "[redacted]")).to_string())
    };
    rewrite(raw, None, out, 0, &mut |_, part| match part {
        Rewrite::Key(key) => scrub(key),
        Rewrite::Value(raw) => match parts(raw) {
            Parts::String(text) => scrub(&text),
            _ => None,
        },
    })
}

/// What a [`rewrite`] may replace: an object's key, or a value.
enum Rewrite<'a> {
    Key(&'a str),
    Value(&'a RawValue),
}

/// The signature of what a [`rewrite`] asks: given the member's name (for a value in an
/// object) and the key or value, its replacement text, or `None` to keep it.
type Change<'c> = dyn FnMut(Option<&str>, Rewrite<'_>) -> Option<String> + 'c;

/// Writes `raw` (the value of `member`, in an object) to `out`, each key and value as
/// `change` replaces it (a value replaced is not walked into); whether anything was.
fn rewrite(
    raw: &RawValue,
    member: Option<&str>,
    out: &mut String,
    depth: usize,
    change: &mut Change<'_>,
) -> bool {
    if depth > MAX_NESTING {
        let _ = write!(out, "\"{}\"", crate::redact::REDACTED);
        return true;
    }
    if let Some(text) = change(member, Rewrite::Value(raw)) {
        out.push_str(&text);
        return true;
    }
    match parts(raw) {
        Parts::Object(members) => {
            let mut found = false;
            out.push('{');
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match change(None, Rewrite::Key(key)) {
                    Some(text) => {
                        out.push_str(&text);
                        found = true;
                    }
                    None => out.push_str(&serde_json::Value::from(key.as_ref()).to_string()),
                }
                out.push(':');
                found |= rewrite(item, Some(key), out, depth + 1, change);
            }
            out.push('}');
            found
        }
        Parts::Array(items) => {
            let mut found = false;
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                found |= rewrite(item, None, out, depth + 1, change);
            }
            out.push(']');
            found
        }
        Parts::String(_) | Parts::Other(_) => {
            out.push_str(raw.get());
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_their_text_byte_for_byte() {
        let doc = r#"{"a":1e400,"b":1E400,"c":-0,"d":1.50,"e":"\u00e9","f":{ "x" : [1 , 2] }}"#;
        let read: indexmap::IndexMap<String, RawJson> = serde_json::from_str(doc).unwrap();
        let texts: Vec<&str> = read.values().map(RawJson::as_text).collect();
        assert_eq!(
            texts,
            [
                "1e400",
                "1E400",
                "-0",
                "1.50",
                r#""\u00e9""#,
                r#"{ "x" : [1 , 2] }"#
            ]
        );
        let written = r#"{"a":1e400,"b":1E400,"c":-0,"d":1.50,"e":"\u00e9","f":{ "x" : [1 , 2] }}"#;
        assert_eq!(serde_json::to_string(&read).unwrap(), written);
        assert_eq!(read["e"].get::<String>().unwrap(), "é");
        assert!(read["a"].to_value().is_err());
    }

    #[test]
    fn built_values_are_the_json_of_what_they_were_built_from() {
        assert_eq!(RawJson::from("pro").as_text(), r#""pro""#);
        assert_eq!(RawJson::from(7_i64).as_text(), "7");
        assert_eq!(RawJson::null().as_text(), "null");
        assert!(RawJson::null().is_null());
        assert_eq!(
            RawJson::from(serde_json::json!({"a": [true]})).as_text(),
            r#"{"a":[true]}"#
        );
        assert!(RawJson::from_text("{").is_err());
        assert_eq!(RawJson::from("x"), serde_json::json!("x"));
        assert_eq!(RawJson::from_text(r#""\u00e9""#).unwrap(), "é");
        assert_ne!(RawJson::from(1_i64), "1");
    }

    #[test]
    fn a_value_nested_too_deep_is_refused_and_brackets_in_strings_do_not_count() {
        let deep = "[".repeat(129) + &"]".repeat(129);
        let error = serde_json::from_str::<RawJson>(&deep).unwrap_err();
        assert!(error.to_string().contains("deeper than 128"), "{error}");
        let fine = "[".repeat(128) + &"]".repeat(128);
        assert!(serde_json::from_str::<RawJson>(&fine).is_ok());
        let quoted = format!("[\"{}\\\"\"]", "[".repeat(500));
        assert!(serde_json::from_str::<RawJson>(&quoted).is_ok(), "{quoted}");
    }

    #[test]
    fn debug_hides_credentials_at_any_depth() {
        let raw: RawJson = serde_json::from_str(
            r#"{"plan":"pro","auth":{"token":"t0k3n","list":[{"api_key":"k3y"}]},"n":1e400}"#,
        )
        .unwrap();
        let shown = format!("{raw:?}");
        assert_eq!(
            shown,
            r#"{"plan":"pro","auth":{"token":"[redacted]","list":[{"api_key":"[redacted]"}]},"n":1e400}"#
        );
        assert_eq!(format!("{raw}"), raw.as_text());
    }
}
