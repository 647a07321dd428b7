//! Building a client: API key, base URL, timeouts, retries and user agent, from the
//! environment (`Client::from_env`) or explicitly (`Client::builder`).

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderValue;

use crate::retry::{Attempt, RetryPolicy};
use crate::{CallOptions, Client, Secret};

/// The Invent API's address.
pub const DEFAULT_BASE_URL: &str = "https://api.useinvent.com";

/// The environment variable holding the API key.
pub const API_KEY_ENV: &str = "INVENT_API_KEY";

/// The environment variable that overrides the base URL (a local mock, for example).
pub const BASE_URL_ENV: &str = "INVENT_BASE_URL";

/// The `org_id` that means "the org this API key was issued for" (`/orgs/c/...`).
/// Sub-organizations need their real id.
pub const OWN_ORG: &str = "c";

/// Default limit on one attempt, from connecting to the end of the body.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Default limit on opening a connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Default limit on the size of a response's body. The API's responses are a few kilobytes;
/// a server that sends more than this gets [`crate::Error::ResponseTooLarge`], and the
/// client never holds more than the limit.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 4 * 1024 * 1024;

/// A caller's function, called after every attempt.
type AttemptHook = Arc<dyn Fn(&Attempt) + Send + Sync>;

/// What the client's hooks need on every request; the generated `Client` carries it.
#[derive(Clone)]
pub struct Settings {
    pub(crate) authorization: Option<HeaderValue>,
    /// `Basic …`, for operations whose spec asks for HTTP basic authentication.
    pub(crate) basic: Option<HeaderValue>,
    /// The key itself, to scrub from errors when a server echoes it.
    pub(crate) key: Option<Secret<String>>,
    pub(crate) max_response_bytes: usize,
    pub(crate) user_agent: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) on_attempt: Option<AttemptHook>,
    /// Options every call gets unless it sets them itself.
    pub(crate) defaults: CallOptions,
    /// The limit on one attempt the HTTP client applies, when the SDK built it.
    pub(crate) attempt_timeout: Option<Duration>,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field(
                "authorization",
                &self.authorization.as_ref().map(|_| "[redacted]"),
            )
            .field("basic", &self.basic.as_ref().map(|_| "[redacted]"))
            .field("user_agent", &self.user_agent)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("retry", &self.retry)
            .field("on_attempt", &self.on_attempt.as_ref().map(|_| "Fn"))
            .field("defaults", &self.defaults)
            .field("attempt_timeout", &self.attempt_timeout)
            .finish()
    }
}

/// Why a client could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// `INVENT_API_KEY` is unset or empty.
    MissingApiKey,
    /// The API key cannot be sent in a header (it holds a control character, for example).
    InvalidApiKey,
    /// The base URL is not an absolute `https` URL (or `http` to a loopback host).
    #[non_exhaustive]
    InvalidBaseUrl { url: String, reason: String },
    /// The user agent cannot be sent in a header.
    InvalidUserAgent,
    /// reqwest could not build its client (no TLS backend, for example).
    Http(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingApiKey => write!(
                f,
                "no API key: set {API_KEY_ENV} (create a key in the Invent web app's settings)"
            ),
            ConfigError::InvalidApiKey => {
                write!(f, "the API key holds characters a header cannot carry")
            }
            ConfigError::InvalidBaseUrl { url, reason } => {
                write!(f, "invalid base URL `{url}`: {reason}")
            }
            ConfigError::InvalidUserAgent => {
                write!(f, "the user agent holds characters a header cannot carry")
            }
            ConfigError::Http(message) => write!(f, "cannot build the HTTP client: {message}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Client {
    /// A client configured from `INVENT_API_KEY` (required) and `INVENT_BASE_URL`
    /// (default [`DEFAULT_BASE_URL`]), with the default timeouts and retries.
    pub fn from_env() -> Result<Client, ConfigError> {
        let key = std::env::var(API_KEY_ENV).unwrap_or_default();
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var(BASE_URL_ENV)
            && !url.is_empty()
        {
            builder = builder.base_url(url);
        }
        builder.build()
    }

    /// A builder to set every option explicitly.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The base URL every call goes to (`https://…`, without a trailing `/`).
    pub fn base_url(&self) -> &str {
        &self.baseurl
    }

    /// The retry policy this client follows.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }
}

/// Options for a [`Client`]; `build()` checks them.
#[derive(Default)]
pub struct ClientBuilder {
    api_key: Option<Secret<String>>,
    basic_auth: Option<(String, Secret<String>)>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    max_response_bytes: Option<usize>,
    retry: Option<RetryPolicy>,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
    on_attempt: Option<AttemptHook>,
    call_options: CallOptions,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key)
            .field(
                "basic_auth",
                &self.basic_auth.as_ref().map(|(user, p)| (user, p)),
            )
            .field(
                "base_url",
                &self.base_url.as_deref().map(without_credentials),
            )
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_retries", &self.max_retries)
            .field("user_agent", &self.user_agent)
            .field("call_options", &self.call_options)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API key, sent as `Authorization: Bearer <key>` (marked sensitive).
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(Secret::new(key.into()));
        self
    }

    /// The user name and password for operations whose spec asks for HTTP basic
    /// authentication (`Authorization: Basic …`); the other operations still use the API key.
    /// A client with these needs no API key.
    pub fn basic_auth(mut self, username: impl Into<String>, password: impl Into<String>) -> Self {
        self.basic_auth = Some((username.into(), Secret::new(password.into())));
        self
    }

    /// The base URL; default [`DEFAULT_BASE_URL`]. Must be `https`, or `http` to a loopback
    /// host (a local mock).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Limit on one attempt, connection to end of body; default [`DEFAULT_TIMEOUT`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Limit on opening a connection; default [`DEFAULT_CONNECT_TIMEOUT`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How many times a failed attempt is retried; default 2 (so 3 attempts at most).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// The largest response body the client reads; default [`DEFAULT_MAX_RESPONSE_BYTES`].
    /// An error response's body is kept only to its first 64 KiB.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.max_response_bytes = Some(bytes);
        self
    }

    /// The whole retry policy (backoff and `Retry-After` cap included).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The `User-Agent`; default `invent-rust/<crate version>`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Use this `reqwest::Client` (its own timeouts and proxies apply; the API key and
    /// user agent are still added to each request).
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Options every call gets unless it sets them itself (`.with_options(…)` on the call):
    /// a deadline for every call, extra headers or query parameters, another timeout or
    /// retry policy. See [`CallOptions`].
    pub fn call_options(mut self, options: CallOptions) -> Self {
        self.call_options = options;
        self
    }

    /// Called after every attempt, with its number and outcome (retries included).
    pub fn on_attempt(mut self, hook: impl Fn(&Attempt) + Send + Sync + 'static) -> Self {
        self.on_attempt = Some(Arc::new(hook));
        self
    }

    /// Checks the options and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        let base_url = self
            .base_url
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_string());
        let base_url = check_base_url(&base_url)?;
        let key = self
            .api_key
            // Whitespace around a key (a file's newline, a pasted space) is not part of it;
            // servers trim it, and the key to hide must be the one they see.
            .map(|k| Secret::new(k.expose().trim().to_string()))
            .filter(|k| !k.expose().is_empty());
        let basic = match &self.basic_auth {
            Some((user, password)) => {
                use base64::Engine as _;
                let pair = format!("{user}:{}", password.expose());
                let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
                let mut value = HeaderValue::try_from(format!("Basic {encoded}"))
                    .map_err(|_| ConfigError::InvalidApiKey)?;
                value.set_sensitive(true);
                Some(value)
            }
            None => None,
        };
        if key.is_none() && basic.is_none() {
            return Err(ConfigError::MissingApiKey);
        }
        let authorization = match &key {
            Some(key) => {
                let mut value = HeaderValue::try_from(format!("Bearer {}", key.expose()))
                    .map_err(|_| ConfigError::InvalidApiKey)?;
                value.set_sensitive(true);
                Some(value)
            }
            None => None,
        };
        let user_agent = self
            .user_agent
            .unwrap_or_else(|| concat!("invent-rust/", env!("CARGO_PKG_VERSION")).to_string());
        let user_agent =
            HeaderValue::try_from(user_agent).map_err(|_| ConfigError::InvalidUserAgent)?;
        let mut retry = self.retry.unwrap_or_default();
        if let Some(max) = self.max_retries {
            retry.max_retries = max;
        }
        let attempt_timeout = match self.http {
            Some(_) => None,
            None => Some(self.timeout.unwrap_or(DEFAULT_TIMEOUT)),
        };
        // reqwest panics when it builds a rustls client and finds no crypto provider.
        crate::tls::ensure_provider()?;
        let http = match self.http {
            Some(http) => http,
            None => {
                let mut http = reqwest::Client::builder()
                    .timeout(self.timeout.unwrap_or(DEFAULT_TIMEOUT))
                    .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
                    // A redirect would re-send the request (and its credentials) elsewhere.
                    .redirect(reqwest::redirect::Policy::none());
                // Plain http goes to loopback only; a proxy (`HTTP_PROXY`) could be on another
                // machine and would see the key in clear text.
                if base_url.starts_with("http:") {
                    http = http.no_proxy();
                }
                http.build().map_err(|e| ConfigError::Http(e.to_string()))?
            }
        };
        let settings = Settings {
            authorization,
            basic,
            max_response_bytes: self
                .max_response_bytes
                .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
            key,
            user_agent,
            retry,
            on_attempt: self.on_attempt,
            defaults: self.call_options,
            attempt_timeout,
        };
        Ok(Client::new_with_client(&base_url, http, settings))
    }
}

/// An absolute `https` URL, or `http` to a loopback host; returned without a trailing `/`.
fn check_base_url(url: &str) -> Result<String, ConfigError> {
    let invalid = |reason: &str| ConfigError::InvalidBaseUrl {
        url: without_credentials(url),
        reason: reason.to_string(),
    };
    let parsed = reqwest::Url::parse(url).map_err(|e| ConfigError::InvalidBaseUrl {
        url: without_credentials(url),
        reason: e.to_string(),
    })?;
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("a base URL cannot have a query or a fragment"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        // Name the URL without its credentials.
        let mut shown = parsed.clone();
        let _ = shown.set_username("");
        let _ = shown.set_password(None);
        return Err(ConfigError::InvalidBaseUrl {
            url: shown.to_string(),
            reason: "put credentials in the API key, not in the URL".into(),
        });
    }
    match parsed.scheme() {
        "https" => {}
        "http" if is_loopback(&parsed) => {}
        "http" => {
            return Err(invalid(
                "the API does not support HTTP; plain http is allowed only for loopback hosts",
            ));
        }
        other => return Err(invalid(&format!("scheme `{other}` is not http or https"))),
    }
    Ok(parsed.as_str().trim_end_matches('/').to_string())
}

/// A URL as it may be shown: any `user:password@` before the host is `[redacted]@`, whether
/// or not the URL parses.
fn without_credentials(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    // Up to the last `@` before a query or fragment: a password may hold a `/`.
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => {
            let separator = if scheme.is_empty() { "" } else { "://" };
            format!("{scheme}{separator}[redacted]@{}", &rest[at + 1..])
        }
        None => url.to_string(),
    }
}

fn is_loopback(url: &reqwest::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}
