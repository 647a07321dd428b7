//! Helpers that the generated code calls, kept out of it so each lives once.
//! Not part of the public API: their names and shapes may change with any release.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserializer;
use serde::de::{Error, Visitor};

/// Deserializes a string into an open enum (one that converts from `&str` and `String`),
/// allocating only for values the enum does not know.
pub fn deserialize_open_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct StrVisitor<T>(PhantomData<T>);

    impl<T> Visitor<'_> for StrVisitor<T>
    where
        T: for<'a> From<&'a str> + From<String>,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }

        fn visit_string<E: Error>(self, value: String) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(StrVisitor(PhantomData))
}

pub use crate::body::one_line;
pub use crate::call::call;
use crate::json::{Parts, parts};
pub use crate::object::{Slot, UnknownProperties};
#[cfg(feature = "schemars")]
pub use crate::schema::{Nullable, union_schema};
pub use crate::union::{
    Check, Peeked, Shape, display_json, parse_json_or_string, read_variant, tag_text, with_tag,
};

/// Every byte a path segment may not carry as it is: all but `A-Z a-z 0-9 - . _ ~`.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes a path parameter so it stays one segment (`/`, `\`, `?`, `#`, `%`…).
pub fn encode_path(segment: &str) -> String {
    percent_encoding::utf8_percent_encode(segment, PATH_SEGMENT).to_string()
}

/// Refuses a path parameter that would not stay one path segment: empty, `.` or `..`
/// (everything else that could change the path is percent-encoded by [`encode_path`]).
pub fn check_path_segment<T: ToString>(
    name: &str,
    value: &Result<T, String>,
) -> Result<(), crate::Error> {
    let Ok(value) = value else { return Ok(()) };
    match value.to_string().as_str() {
        "" => Err(crate::Error::InvalidRequest(format!("`{name}` is empty"))),
        segment @ ("." | "..") => Err(crate::Error::InvalidRequest(format!(
            "`{name}` cannot be `{segment}`: it would change the request's path"
        ))),
        _ => Ok(()),
    }
}

/// A fresh `Idempotency-Key` value: a random version-4 UUID in lowercase hyphenated form
/// (`xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`), for an operation that declares the header
/// when the caller did not set one. Unique, not secret: made with `fastrand`, not a CSPRNG.
pub fn idempotency_key() -> String {
    const VERSION: u128 = 0xf << 76; // the high nibble of byte 6
    const VARIANT: u128 = 0b11 << 62; // the two high bits of byte 8
    let bits = (fastrand::u128(..) & !(VERSION | VARIANT)) | (0x4 << 76) | (0b10 << 62);
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// An object key as the generated `Deserialize` impls read it: borrowed from the input when
/// the input allows, so known keys cost no allocation.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    #[inline]
    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a property name")
            }

            fn visit_borrowed_str<E: Error>(self, value: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(value)))
            }

            fn visit_str<E: Error>(self, value: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: Error>(self, value: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// An operation's optional `Idempotency-Key` header: a fresh key unless the caller set one.
/// Generated `send` methods call this once per call, so every attempt carries the same key.
pub fn fill_idempotency_key(key: &mut Result<Option<String>, String>) {
    if let Ok(slot @ None) = key {
        *slot = Some(idempotency_key());
    }
}

/// The values a query parameter sends, as the client's query serializer writes them: one for
/// a scalar (a string as it is), one per item for a list. The mock crate matches on them.
pub fn query_values<T: serde::Serialize + ?Sized>(value: &T) -> Vec<String> {
    let Ok(json) = crate::RawJson::from_serialize(value) else {
        return Vec::new();
    };
    match parts(json.raw()) {
        Parts::Array(items) => items.into_iter().map(scalar_text).collect(),
        _ => vec![scalar_text(json.raw())],
    }
}

/// A value's text in a query or a form: a string as it is, anything else as its JSON text.
fn scalar_text(raw: &serde_json::value::RawValue) -> String {
    match parts(raw) {
        Parts::String(text) => text.into_owned(),
        _ => raw.get().to_owned(),
    }
}

/// A query list the spec sends as one value (`style: form, explode: false` → `ids=a,b`,
/// `spaceDelimited`, `pipeDelimited`): each item's text, joined by the separator; an absent
/// value stays absent. Generated code wraps such parameters in it.
pub struct Joined<'a, T: ?Sized>(pub &'a T, pub &'static str);

impl<T: serde::Serialize + ?Sized> serde::Serialize for Joined<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match crate::RawJson::from_serialize(self.0) {
            Ok(json) if json.is_null() => serializer.serialize_none(),
            Ok(_) => serializer.serialize_str(&joined(self.0, self.1)),
            Err(e) => Err(serde::ser::Error::custom(e)),
        }
    }
}

/// The one value a joined query list sends (see [`Joined`]): what the mock matches.
pub fn joined<T: serde::Serialize + ?Sized>(value: &T, separator: &str) -> String {
    query_values(value).join(separator)
}

/// The text of a list or object sent `style: simple` (see [`crate::Simple`]): a list's items
/// comma-separated, an object's keys and values (`k,v,k,v`, or `k=v,k=v` exploded; `null`
/// values left out), a scalar as it is; each item passed through `encode` first. A value serde
/// cannot write as JSON is sent empty, which a path parameter then refuses.
pub fn simple_text<T: serde::Serialize + ?Sized>(
    value: &T,
    exploded: bool,
    encode: fn(&str) -> std::borrow::Cow<'_, str>,
) -> String {
    let Ok(json) = crate::RawJson::from_serialize(value) else {
        return String::new();
    };
    let mut texts: Vec<String> = Vec::new();
    match parts(json.raw()) {
        Parts::Array(items) => {
            texts.extend(
                items
                    .into_iter()
                    .map(|item| encode(&scalar_text(item)).into_owned()),
            );
        }
        Parts::Object(members) => {
            for (key, value) in members {
                if matches!(parts(value), Parts::Other("null")) {
                    continue;
                }
                let value = scalar_text(value);
                let (key, value) = (encode(&key).into_owned(), encode(&value));
                if exploded {
                    texts.push(format!("{key}={value}"));
                } else {
                    texts.push(key);
                    texts.push(value.into_owned());
                }
            }
        }
        Parts::Other("null") => {}
        _ => texts.push(encode(&scalar_text(json.raw())).into_owned()),
    }
    texts.join(",")
}

/// A path parameter's list or object (`invent::Simple`, `invent::SimpleExploded`): its path
/// segment, each item percent-encoded and the separators not.
pub trait SimpleStyle {
    /// The segment the value fills in the path.
    fn path_segment(&self) -> String;
}

/// A list or object path parameter's segment (see [`SimpleStyle`]): generated code fills the
/// path with it, and the mock matches it.
pub fn simple_path<T: SimpleStyle + ?Sized>(value: &T) -> String {
    value.path_segment()
}

/// A query parameter sent `style: deepObject`: each property of the object is its own pair,
/// `name[key]=value`, and nested values go deeper (`name[a][b]=…`, a list's items by index,
/// `name[ids][0]=…`), as qs-style servers read them. A `null` inside is sent empty, an absent
/// value not at all. Generated code sends such parameters through it.
pub struct DeepQuery<'a, T: ?Sized>(pub &'a str, pub &'a T);

impl<T: serde::Serialize + ?Sized> serde::Serialize for DeepQuery<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let pairs = deep_object_pairs(self.0, self.1).map_err(serde::ser::Error::custom)?;
        serializer.collect_seq(pairs)
    }
}

/// The pairs a deepObject query parameter sends (see [`DeepQuery`]), in order: what the mock
/// matches.
pub fn deep_object_pairs<T: serde::Serialize + ?Sized>(
    name: &str,
    value: &T,
) -> Result<Vec<(String, String)>, String> {
    fn walk(key: String, raw: &serde_json::value::RawValue, pairs: &mut Vec<(String, String)>) {
        match parts(raw) {
            Parts::Object(members) => {
                for (member, value) in members {
                    walk(format!("{key}[{member}]"), value, pairs);
                }
            }
            Parts::Array(items) => {
                for (i, item) in items.into_iter().enumerate() {
                    walk(format!("{key}[{i}]"), item, pairs);
                }
            }
            Parts::Other("null") => pairs.push((key, String::new())),
            _ => pairs.push((key, scalar_text(raw))),
        }
    }
    let json = crate::RawJson::from_serialize(value).map_err(|e| format!("`{name}`: {e}"))?;
    let mut pairs = Vec::new();
    if !json.is_null() {
        walk(name.to_owned(), json.raw(), &mut pairs);
    }
    Ok(pairs)
}

/// Whether a request's query sends deep object `name` (a `name[…]` key, or `name` itself): what
/// the mock matches as missing when it does not.
pub fn deep_object_sent(query: Option<&str>, name: &str) -> bool {
    url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()).any(|(key, _)| {
        key.strip_prefix(name)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
    })
}

/// Every byte a cookie value may not carry as it is (RFC 6265 `cookie-octet`): controls,
/// space, `"`, `,`, `;`, `\`, non-ASCII, and `%` itself, so the value reads back.
const COOKIE_VALUE: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// A cookie parameter's value as it is sent (percent-encoded where a cookie value cannot
/// carry a byte as it is): what the mock matches.
pub fn cookie_value(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, COOKIE_VALUE).to_string()
}

/// Adds `name=value` to the request's one `Cookie` header (a client sends one, RFC 6265
/// §5.4), after the cookies already there. Generated code sends cookie parameters with it.
pub fn add_cookie(
    headers: &mut reqwest::header::HeaderMap,
    name: &str,
    value: &str,
) -> Result<(), reqwest::header::InvalidHeaderValue> {
    join_cookie(headers, &format!("{name}={}", cookie_value(value)), false)
}

/// Joins `pair` to the `Cookie` header with `; `; the header is sensitive (kept out of logs by
/// the HTTP stack) when it was, or when `sensitive` says `pair` is a credential.
pub(crate) fn join_cookie(
    headers: &mut reqwest::header::HeaderMap,
    pair: &str,
    sensitive: bool,
) -> Result<(), reqwest::header::InvalidHeaderValue> {
    let (mut cookie, sensitive) = match headers.get(reqwest::header::COOKIE) {
        Some(before) => {
            let mut all = before.as_bytes().to_vec();
            all.extend_from_slice(b"; ");
            all.extend_from_slice(pair.as_bytes());
            let value = reqwest::header::HeaderValue::from_bytes(&all)?;
            (value, sensitive || before.is_sensitive())
        }
        None => (reqwest::header::HeaderValue::try_from(pair)?, sensitive),
    };
    cookie.set_sensitive(sensitive);
    headers.insert(reqwest::header::COOKIE, cookie);
    Ok(())
}

/// The value the request sends for cookie `name`, as written (what the mock matches: compare
/// with [`cookie_value`]).
pub fn cookie_in(headers: &reqwest::header::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_owned())
}

/// An `application/x-www-form-urlencoded` body, as OpenAPI encodes one by default (`style:
/// form, explode: true`): each property once, a list as the property repeated once per item
/// (`tags=a&tags=b`), a number as its JSON text. What a form cannot carry (a `null`, a nested
/// object, a list of lists or objects) is refused, naming the property: nothing is sent,
/// nothing dropped.
pub fn form_body<T: serde::Serialize + ?Sized>(body: &T) -> Result<String, String> {
    let text = |name: &str, raw: &serde_json::value::RawValue| -> Result<String, String> {
        match parts(raw) {
            Parts::Object(_) | Parts::Array(_) => Err(format!(
                "the form body cannot carry a nested list or object in `{}`",
                name.escape_debug()
            )),
            Parts::Other("null") => Err(format!(
                "the form body cannot carry `null` for `{}`",
                name.escape_debug()
            )),
            _ => Ok(scalar_text(raw)),
        }
    };
    let json = crate::RawJson::from_serialize(body).map_err(|e| format!("the form body: {e}"))?;
    let Parts::Object(properties) = parts(json.raw()) else {
        return Err("a form body must be an object".into());
    };
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in &properties {
        match parts(value) {
            Parts::Array(items) => {
                for item in items {
                    form.append_pair(name, &text(name, item)?);
                }
            }
            _ => {
                form.append_pair(name, &text(name, value)?);
            }
        }
    }
    Ok(form.finish())
}

/// `builder` with `body` as its form body ([`form_body`]) and its content type: what each
/// form operation's request is built with, in place of progenitor's encoder (which has no
/// form for a list, and drops a `null`).
// The error is progenitor's, as its own encoder's is: the generated `send` returns it.
#[allow(clippy::result_large_err)]
pub fn form_request<T: serde::Serialize + ?Sized, E>(
    builder: reqwest::RequestBuilder,
    body: &T,
) -> Result<reqwest::RequestBuilder, progenitor_client::Error<E>> {
    let body = form_body(body).map_err(progenitor_client::Error::InvalidRequest)?;
    Ok(builder
        .header(
            reqwest::header::CONTENT_TYPE,
            reqwest::header::HeaderValue::from_static("application/x-www-form-urlencoded"),
        )
        .body(body))
}

/// Random bytes (a websocket handshake key), from the SDK's own generator.
pub fn random_bytes<T: Default + AsMut<[u8]>>() -> T {
    let mut bytes = T::default();
    fastrand::fill(bytes.as_mut());
    bytes
}

pub use crate::pages::{At, Listing, Paging, Style};

/// A listing page's call bounded by what is left of the walk's deadline: the sooner of that
/// and the call's own deadline.
pub fn within_deadline(options: &mut crate::CallOptions, left: std::time::Duration) {
    options.bound_deadline(left);
}

/// A listing's page parameter (an offset, a page number) as the walk counts it.
pub fn page_number<T: TryInto<u64>>(value: T) -> Option<u64> {
    value.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::{add_cookie, deep_object_pairs, form_body, idempotency_key};

    #[test]
    fn a_deep_object_spells_out_every_value_and_sends_nothing_when_absent() {
        let value = crate::RawJson::from_text(
            r#"{"state":"open","range":{"gte":1,"lt":1.50},"ids":["a","b c"],"gone":null,"ok":true}"#,
        )
        .unwrap();
        let pairs = deep_object_pairs("filter", &value).unwrap();
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (&k[..], &v[..])).collect();
        assert_eq!(
            pairs,
            [
                ("filter[state]", "open"),
                ("filter[range][gte]", "1"),
                ("filter[range][lt]", "1.50"),
                ("filter[ids][0]", "a"),
                ("filter[ids][1]", "b c"),
                ("filter[gone]", ""),
                ("filter[ok]", "true"),
            ]
        );
        assert!(deep_object_pairs("filter", &None::<u8>).unwrap().is_empty());
        assert!(super::deep_object_sent(
            Some("a=1&filter%5Bstate%5D=open"),
            "filter"
        ));
        assert!(!super::deep_object_sent(
            Some("filters%5Bx%5D=1&f=2"),
            "filter"
        ));
        assert!(!super::deep_object_sent(None, "filter"));
        // As reqwest writes it into the URL.
        let request = reqwest::Client::new()
            .get("http://api.test/")
            .query(&super::DeepQuery("f", &value))
            .build()
            .unwrap();
        let query = request.url().query().unwrap();
        assert!(
            query.starts_with("f%5Bstate%5D=open&f%5Brange%5D%5Bgte%5D=1&"),
            "{query}"
        );
    }

    #[test]
    fn cookies_share_one_header_and_their_values_are_encoded_where_a_cookie_cannot_hold_them() {
        let mut headers = reqwest::header::HeaderMap::new();
        add_cookie(&mut headers, "session", "abc").unwrap();
        add_cookie(&mut headers, "theme", "dark; path=/ \"x\" 100% é").unwrap();
        let all: Vec<_> = headers.get_all(reqwest::header::COOKIE).iter().collect();
        assert_eq!(all.len(), 1);
        assert_eq!(
            all[0],
            "session=abc; theme=dark%3B%20path=/%20%22x%22%20100%25%20%C3%A9"
        );
        assert_eq!(
            super::cookie_in(&headers, "session").as_deref(),
            Some("abc")
        );
        assert_eq!(
            super::cookie_in(&headers, "theme"),
            Some(super::cookie_value("dark; path=/ \"x\" 100% é"))
        );
        assert_eq!(super::cookie_in(&headers, "sess"), None);
    }

    #[test]
    fn a_form_body_repeats_a_list_and_refuses_what_a_form_cannot_carry() {
        // A number is sent as its JSON text (`1.50`, not `1.5`).
        let body = crate::RawJson::from_text(
            r#"{"text": "a b&c", "tags": ["x", "y z"], "n": 1.50, "ok": true}"#,
        )
        .unwrap();
        assert_eq!(
            form_body(&body).unwrap(),
            "text=a+b%26c&tags=x&tags=y+z&n=1.50&ok=true"
        );
        let null = form_body(&serde_json::json!({"avatar": null})).unwrap_err();
        assert!(null.contains("`avatar`"), "{null}");
        let nested = form_body(&serde_json::json!({"meta": {"a": 1}})).unwrap_err();
        assert!(nested.contains("`meta`"), "{nested}");
        let deep = form_body(&serde_json::json!({"rows": [[1]]})).unwrap_err();
        assert!(deep.contains("`rows`"), "{deep}");
    }

    #[test]
    fn an_idempotency_key_is_a_lowercase_hyphenated_version_4_uuid() {
        for _ in 0..1000 {
            let key = idempotency_key();
            let groups: Vec<&str> = key.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{key}");
            assert!(
                key.chars()
                    .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)),
                "{key}"
            );
            assert!(groups[2].starts_with('4'), "version 4: {key}");
            assert!(
                groups[3].starts_with(['8', '9', 'a', 'b']),
                "RFC 9562 variant: {key}"
            );
        }
    }

    #[test]
    fn two_idempotency_keys_differ() {
        assert_ne!(idempotency_key(), idempotency_key());
    }
}
