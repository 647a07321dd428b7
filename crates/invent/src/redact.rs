//! One rule for what `Debug` never shows: a value whose name looks like a credential, be it a
//! header, a query parameter or a property the SDK does not know. Everything else stays shown.
//!
//! A name looks like a credential when, in lowercase and with `-` read as `_`, it is one of
//! `authorization`, `proxy_authorization`, `cookie`, `set_cookie`, `x_api_key`, `api_key`,
//! `apikey`, `token`, `secret`, `password`, or ends in `_token`, `_key`, `_secret` or
//! `_password`. Such a value shows as `[redacted]` in the `Debug` output of
//! [`crate::CallOptions`] (its headers and query parameters), [`crate::Response`] (its
//! headers), [`crate::Error`] (the JSON properties of a refusal's body, at any depth, and the
//! query of a URL it names) and [`crate::Extra`] (the properties a generated type does not
//! know, at any depth). The typed maps of `additionalProperties: {type: …}` are data the spec
//! declares, and are shown.
//!
//! To see such a value on purpose, read it: `response.headers()["set-cookie"]`,
//! `error.body()`, `assistant.extra["token"]`; only `Debug` hides it.
//!
//! ```
//! assert!(invent::redact::looks_like_credential("X-Api-Key"));
//! assert!(invent::redact::looks_like_credential("refresh_token"));
//! assert!(!invent::redact::looks_like_credential("x-request-id"));
//! ```

use std::fmt;

use reqwest::header::HeaderMap;

use crate::RawJson;

/// What `Debug` shows in place of a hidden value.
pub const REDACTED: &str = "[redacted]";

/// Whether a value named `name` (a header, a query parameter or a property) is hidden from
/// `Debug` output.
pub fn looks_like_credential(name: &str) -> bool {
    let name = name.to_ascii_lowercase().replace('-', "_");
    const NAMES: [&str; 10] = [
        "authorization",
        "proxy_authorization",
        "cookie",
        "set_cookie",
        "x_api_key",
        "api_key",
        "apikey",
        "token",
        "secret",
        "password",
    ];
    const ENDINGS: [&str; 4] = ["_token", "_key", "_secret", "_password"];
    NAMES.contains(&name.as_str()) || ENDINGS.iter().any(|end| name.ends_with(end))
}

/// `Debug` of name–value pairs (headers or query parameters given to a call), the values of
/// credentials hidden.
pub(crate) struct Pairs<'a>(pub &'a [(String, String)]);

impl fmt::Debug for Pairs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.0
                    .iter()
                    .map(|(name, value)| (name, shown(name, value))),
            )
            .finish()
    }
}

/// `Debug` of a header map, the values of credentials hidden.
pub(crate) struct Headers<'a>(pub &'a HeaderMap);

impl fmt::Debug for Headers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, value)| {
                let value = if looks_like_credential(name.as_str()) || value.is_sensitive() {
                    Shown::Hidden
                } else {
                    Shown::Header(value)
                };
                (name.as_str(), value)
            }))
            .finish()
    }
}

/// `Debug` of the properties a type does not know: each value named like a credential hidden,
/// in nested objects too.
pub(crate) struct Properties<'a>(pub &'a indexmap::IndexMap<String, RawJson>);

impl fmt::Debug for Properties<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, value)| {
                let shown = if looks_like_credential(name) {
                    Shown::Hidden
                } else {
                    Shown::Json(value)
                };
                (name, shown)
            }))
            .finish()
    }
}

/// The JSON text of a body with the values of credential-named properties hidden (a body
/// that is not JSON, or holds none, is returned as it is).
pub(crate) fn json_text(body: &str) -> std::borrow::Cow<'_, str> {
    let Ok(raw) = serde_json::from_str::<&serde_json::value::RawValue>(body) else {
        return body.into();
    };
    let mut hidden = String::new();
    if crate::json::write_redacted(raw, &mut hidden) {
        hidden.into()
    } else {
        body.into()
    }
}

enum Shown<'a> {
    Hidden,
    Json(&'a RawJson),
    Text(&'a str),
    Header(&'a reqwest::header::HeaderValue),
}

fn shown<'a>(name: &str, value: &'a str) -> Shown<'a> {
    if looks_like_credential(name) {
        Shown::Hidden
    } else {
        Shown::Text(value)
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::Hidden => f.write_str(REDACTED),
            Shown::Json(value) => fmt::Debug::fmt(value, f),
            Shown::Text(text) => fmt::Debug::fmt(text, f),
            Shown::Header(value) => fmt::Debug::fmt(value, f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_like_credentials_are_hidden_and_others_shown() {
        for name in [
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "set-cookie",
            "X-Api-Key",
            "x-csrf-token",
            "X-Signing-Secret",
            "token",
            "secret",
            "password",
            "api_key",
            "refresh_token",
            "private_key",
            "client_secret",
            "db_password",
        ] {
            assert!(looks_like_credential(name), "{name}");
        }
        for name in [
            "x-request-id",
            "name",
            "tokens_used",
            "keyboard",
            "content-type",
        ] {
            assert!(!looks_like_credential(name), "{name}");
        }
    }

    #[test]
    fn nested_properties_named_like_credentials_are_hidden() {
        let value: indexmap::IndexMap<String, RawJson> = serde_json::from_str(
            r#"{"plan":"pro","auth":{"token":"t0k3n","scopes":["read"],"list":[{"api_key":"k3y"}]},"secret":1}"#,
        )
        .unwrap();
        let shown = format!("{:?}", Properties(&value));
        assert!(shown.contains("pro") && shown.contains("read"), "{shown}");
        assert!(
            !shown.contains("t0k3n") && !shown.contains("k3y"),
            "{shown}"
        );
        assert!(shown.contains(REDACTED), "{shown}");
    }

    #[test]
    fn a_json_body_loses_its_credentials_and_other_text_stays() {
        let hidden = json_text(r#"{"error":"bad","session_token":"abc123"}"#);
        assert!(
            !hidden.contains("abc123") && hidden.contains("bad"),
            "{hidden}"
        );
        assert_eq!(json_text("not json token=1"), "not json token=1");
    }
}
