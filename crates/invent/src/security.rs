//! Credentials as each operation's `security` says (the generated `SECURITY` table): a bearer
//! token, HTTP basic, or the key in a header, the query or a cookie; none where it says none.

use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};

use crate::Settings;

/// One credential of an operation's security alternative, as the generated table names it.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Credential {
    /// `Authorization: Bearer <key>` (HTTP bearer, OAuth 2, OpenID Connect).
    Bearer,
    /// `Authorization: Basic …` from [`ClientBuilder::basic_auth`](crate::ClientBuilder::basic_auth).
    Basic,
    /// The key in the header of this name.
    Header(&'static str),
    /// The key in the query parameter of this name.
    Query(&'static str),
    /// The key in the cookie of this name.
    Cookie(&'static str),
}

/// Adds the client's credentials to a request of `operation`: the first alternative of its
/// security whose credentials the client holds (none if that alternative is empty, or if no
/// alternative fits: the server then says what it needs). An operation the spec says nothing
/// about gets the key as a bearer token. A header the call set itself is kept.
pub(crate) fn apply(operation: &str, request: &mut reqwest::Request, settings: &Settings) {
    let alternatives: &[&[Credential]] = match crate::generated_sdk::SECURITY
        .iter()
        .find(|(name, _)| *name == operation)
    {
        Some((_, alternatives)) => alternatives,
        None => &[&[Credential::Bearer]],
    };
    let Some(chosen) = alternatives
        .iter()
        .find(|alternative| alternative.iter().all(|c| holds(settings, *c)))
    else {
        return;
    };
    let key = settings
        .key
        .as_ref()
        .map(|k| k.expose().as_str())
        .unwrap_or_default();
    for credential in chosen.iter() {
        let headers = request.headers_mut();
        match *credential {
            Credential::Bearer => {
                if let Some(value) = &settings.authorization {
                    headers
                        .entry(AUTHORIZATION)
                        .or_insert_with(|| value.clone());
                }
            }
            Credential::Basic => {
                if let Some(value) = &settings.basic {
                    headers
                        .entry(AUTHORIZATION)
                        .or_insert_with(|| value.clone());
                }
            }
            Credential::Header(name) => {
                if let (Ok(name), Ok(mut value)) =
                    (HeaderName::try_from(name), HeaderValue::try_from(key))
                {
                    value.set_sensitive(true);
                    headers.entry(name).or_insert(value);
                }
            }
            Credential::Cookie(name) => {
                // One `Cookie` header, beside the operation's cookie parameters.
                let _ = crate::support::join_cookie(headers, &format!("{name}={key}"), true);
            }
            Credential::Query(name) => {
                request.url_mut().query_pairs_mut().append_pair(name, key);
            }
        }
    }
}

fn holds(settings: &Settings, credential: Credential) -> bool {
    match credential {
        Credential::Basic => settings.basic.is_some(),
        Credential::Bearer => settings.authorization.is_some(),
        _ => settings.key.is_some(),
    }
}
