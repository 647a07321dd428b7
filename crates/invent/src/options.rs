//! Options for one call (`.with_options(…)` on any operation, or on a raw call) or, given to
//! `ClientBuilder::call_options`, for every call: timeouts, a deadline, retries, extra headers.

use std::fmt;
use std::time::Duration;

use reqwest::header::{AUTHORIZATION, HeaderName, HeaderValue};

use crate::{RetryPolicy, Secret};

/// What one call may override of the client's settings. Every option is unset by default;
/// an option set for a call wins over the same option set for the client
/// ([`crate::ClientBuilder::call_options`]), which wins over the client's own settings.
///
/// ```
/// use std::time::Duration;
///
/// let options = invent::CallOptions::new()
///     .timeout(Duration::from_secs(5))
///     .deadline(Duration::from_secs(20))
///     .max_retries(1)
///     .header("x-trace", "checkout-42")
///     .query("dry_run", "true");
/// # let _ = options;
/// ```
/// `Debug` shows an [`CallOptions::authorization`] as `[redacted]`, and so the value of every
/// header and query parameter named like a credential ([`crate::redact`]).
#[derive(Clone, Default, PartialEq)]
pub struct CallOptions {
    timeout: Option<Duration>,
    deadline: Option<Duration>,
    max_retries: Option<u32>,
    retry_policy: Option<RetryPolicy>,
    headers: Vec<(String, String)>,
    query: Vec<(String, String)>,
    authorization: Option<Secret<String>>,
}

impl fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallOptions")
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("max_retries", &self.max_retries)
            .field("retry_policy", &self.retry_policy)
            .field("headers", &crate::redact::Pairs(&self.headers))
            .field("query", &crate::redact::Pairs(&self.query))
            .field("authorization", &self.authorization)
            .finish()
    }
}

impl CallOptions {
    /// No option set: the client's settings apply.
    pub fn new() -> CallOptions {
        CallOptions::default()
    }

    /// The limit on each attempt, from connecting to the end of the body.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The limit on the whole call, every attempt and every wait between them included: an
    /// attempt is cut off when the deadline passes ([`crate::Error::DeadlineExceeded`]), and
    /// a retry whose wait would end after it is not started (the call ends with what the
    /// last attempt got).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// The deadline, made no later than `limit` (a listing's walk bounding each page's call).
    pub(crate) fn bound_deadline(&mut self, limit: Duration) {
        self.deadline = Some(self.deadline.map_or(limit, |own| own.min(limit)));
    }

    /// Retries after the first attempt (the rest of the retry policy unchanged).
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// The whole retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }

    /// A header to send, replacing one of that name the request would carry; checked when
    /// the call is sent (a name or value a header cannot carry is refused, naming it). It
    /// cannot be `Authorization`: use [`CallOptions::authorization`].
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// A query parameter to send, after the operation's own (repeat it for several values).
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// The whole `Authorization` header for this call (`"Bearer <another key>"`), instead of
    /// the client's key. It is hidden like the client's key: never shown in `Debug` output or
    /// in an error, even when a server echoes it.
    pub fn authorization(mut self, value: impl Into<String>) -> Self {
        self.authorization = Some(Secret::new(value.into()));
        self
    }

    /// These options over `defaults`: each option set here wins; headers and query
    /// parameters of both are sent (a header set here replaces the default's of that name).
    pub(crate) fn over(&self, defaults: &CallOptions) -> CallOptions {
        let mut headers: Vec<(String, String)> = defaults
            .headers
            .iter()
            .filter(|(name, _)| {
                !self
                    .headers
                    .iter()
                    .any(|(mine, _)| mine.eq_ignore_ascii_case(name))
            })
            .cloned()
            .collect();
        headers.extend(self.headers.iter().cloned());
        CallOptions {
            timeout: self.timeout.or(defaults.timeout),
            deadline: self.deadline.or(defaults.deadline),
            max_retries: self.max_retries.or(defaults.max_retries),
            retry_policy: self
                .retry_policy
                .clone()
                .or_else(|| defaults.retry_policy.clone()),
            headers,
            query: [defaults.query.clone(), self.query.clone()].concat(),
            authorization: self
                .authorization
                .clone()
                .or_else(|| defaults.authorization.clone()),
        }
    }

    /// The retry policy these options give over the client's.
    pub(crate) fn policy(&self, client: &RetryPolicy) -> RetryPolicy {
        let mut policy = self.retry_policy.clone().unwrap_or_else(|| client.clone());
        if let Some(retries) = self.max_retries {
            policy.max_retries = retries;
        }
        policy
    }

    pub(crate) fn attempt_timeout(&self) -> Option<Duration> {
        self.timeout
    }

    pub(crate) fn call_deadline(&self) -> Option<Duration> {
        self.deadline
    }

    /// The `Authorization` header value these options give, if any (hidden in `Debug`).
    pub(crate) fn authorization_value(&self) -> Option<&Secret<String>> {
        self.authorization.as_ref()
    }

    /// Applies the extra headers and query parameters to `request`; refuses, naming it, a
    /// header that cannot be sent or that would replace `Authorization`.
    pub(crate) fn apply(&self, request: &mut reqwest::Request) -> Result<(), String> {
        if !self.query.is_empty() {
            request
                .url_mut()
                .query_pairs_mut()
                .extend_pairs(self.query.iter());
        }
        for (name, value) in &self.headers {
            let header = HeaderName::try_from(name.as_str()).map_err(|_| {
                format!(
                    "extra header `{}` is not a header name",
                    name.escape_debug()
                )
            })?;
            if header == AUTHORIZATION {
                return Err("an extra header cannot replace `Authorization`; use \
                     `CallOptions::authorization` to send other credentials"
                    .into());
            }
            let value = HeaderValue::try_from(value.as_str()).map_err(|_| {
                format!("extra header `{header}` has a value a header cannot carry")
            })?;
            let mut value = value;
            // Kept out of reqwest's and hyper's own `Debug` output too.
            value.set_sensitive(crate::redact::looks_like_credential(header.as_str()));
            request.headers_mut().insert(header, value);
        }
        if let Some(authorization) = &self.authorization {
            let mut value =
                HeaderValue::try_from(authorization.expose().as_str()).map_err(|_| {
                    "the `Authorization` given in the call's options holds characters a header \
                 cannot carry"
                        .to_string()
                })?;
            value.set_sensitive(true);
            request.headers_mut().insert(AUTHORIZATION, value);
        }
        Ok(())
    }
}
