//! When to retry and how long to wait: exponential backoff with jitter, `Retry-After`
//! honoured up to a cap. Pure functions, so the policy is tested without a network.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{Method, StatusCode};

/// Which failures are retried, and how long to wait between attempts.
///
/// What is retried depends on whether sending the request again is safe:
///
/// - **Idempotent requests** (`GET`, `HEAD`, `PUT`, `DELETE`, `OPTIONS`, `TRACE`, and `PATCH`,
///   whose operations in this API set fields to the given values), and requests of any method
///   that carry a non-empty `Idempotency-Key` header (re-sent with the same key), are retried
///   after a connection error, a timeout, or one of the statuses in
///   [`RetryPolicy::RETRIED_STATUSES`] (408, 409, 429, 500, 502, 503 and 504).
/// - **Any other request** (`POST`, or a method this list does not name) is retried only when
///   the failure proves the server processed nothing: the connection could not be made, or a
///   429 came with a valid `Retry-After`. It is not retried after a timeout, a connection that
///   broke once the request may have been sent, a 408, a 409, a 5xx or a 429 without
///   `Retry-After`: the server may have acted on it, and a second attempt could do it twice.
///
/// The wait before retry `n` (from 1) is `initial_backoff * 2^(n-1)`, capped at
/// `max_backoff`, times a random factor in `[0.75, 1]`; a `Retry-After` header (seconds
/// or an HTTP date) replaces it. A `Retry-After` longer than `max_retry_after` is not
/// waited for: the call fails at once (with [`crate::Error::RateLimited`] for a 429) and the
/// caller decides.
///
/// ```
/// use std::time::Duration;
///
/// let policy = invent::RetryPolicy::default()
///     .max_retries(4)
///     .initial_backoff(Duration::from_millis(200));
/// assert_eq!(policy.max_retries, 4);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Retries after the first attempt; default 2.
    pub max_retries: u32,
    /// The first wait; default 0.5 s.
    pub initial_backoff: Duration,
    /// The longest computed wait; default 8 s.
    pub max_backoff: Duration,
    /// The longest `Retry-After` that is waited for; default 60 s.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// Retries after the first attempt.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = retries;
        self
    }

    /// The first wait.
    pub fn initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The longest computed wait.
    pub fn max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The longest `Retry-After` that is waited for.
    pub fn max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// The statuses after which an idempotent request (or one with an `Idempotency-Key`) is
    /// retried; the one list the README and the CLI's help repeat.
    pub const RETRIED_STATUSES: [u16; 7] = [408, 409, 429, 500, 502, 503, 504];

    /// How long to wait before retry number `retry` (1 for the first retry), given the
    /// failed response's headers, if any; `None` when the server asks for a longer wait than
    /// `max_retry_after`. `jitter` is a number in `[0, 1)`.
    pub fn delay(&self, retry: u32, headers: Option<&HeaderMap>, jitter: f64) -> Option<Duration> {
        if let Some(wait) = headers.and_then(retry_after) {
            return (wait <= self.max_retry_after).then_some(wait);
        }
        let doubled = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(retry.saturating_sub(1)));
        let capped = doubled.min(self.max_backoff);
        let factor = 1.0 - 0.25 * jitter.clamp(0.0, 1.0);
        Some(Duration::try_from_secs_f64(capped.as_secs_f64() * factor).unwrap_or(capped))
    }
}

/// What an attempt came to, as far as retrying it is concerned.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Outcome<'a> {
    /// The connection could not be made (`reqwest::Error::is_connect`): nothing was sent.
    NotConnected,
    /// A timeout, or a connection that failed once the request may have been sent.
    Interrupted,
    /// Any other error (a response body that could not be read, say): never retried.
    Failed,
    /// A response came.
    Response {
        status: StatusCode,
        headers: &'a HeaderMap,
    },
}

impl<'a> Outcome<'a> {
    /// The outcome of one `reqwest` attempt.
    pub(crate) fn of(result: &'a reqwest::Result<reqwest::Response>) -> Outcome<'a> {
        match result {
            Ok(response) => Outcome::Response {
                status: response.status(),
                headers: response.headers(),
            },
            // Checked first: a connect timeout is both, and nothing was sent.
            Err(e) if e.is_connect() => Outcome::NotConnected,
            Err(e) if e.is_timeout() || e.is_request() => Outcome::Interrupted,
            Err(_) => Outcome::Failed,
        }
    }

    /// The response's headers, if a response came.
    pub(crate) fn headers(&self) -> Option<&'a HeaderMap> {
        match self {
            Outcome::Response { headers, .. } => Some(headers),
            _ => None,
        }
    }
}

/// Whether a request may be sent again after `outcome` (see [`RetryPolicy`] for the rules);
/// `idempotency_key` is whether it carries a non-empty `Idempotency-Key` header. Attempts
/// left and the `Retry-After` cap are checked elsewhere ([`RetryPolicy::delay`]).
pub(crate) fn may_retry(method: &Method, idempotency_key: bool, outcome: &Outcome) -> bool {
    let replayable = idempotency_key || is_idempotent(method);
    match outcome {
        Outcome::NotConnected => true,
        Outcome::Interrupted => replayable,
        Outcome::Failed => false,
        Outcome::Response { status, .. } if replayable => {
            RetryPolicy::RETRIED_STATUSES.contains(&status.as_u16())
        }
        Outcome::Response { status, headers } => {
            *status == StatusCode::TOO_MANY_REQUESTS && retry_after(headers).is_some()
        }
    }
}

/// Methods that can be sent twice with the effect of once. `PATCH` is not in general, but
/// this API's `PATCH` sets the given fields to the given values, so it is here.
fn is_idempotent(method: &Method) -> bool {
    [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
        Method::PATCH,
    ]
    .contains(method)
}

/// Whether a request's headers carry a non-empty `Idempotency-Key` (any case of the name).
pub(crate) fn has_idempotency_key(headers: &HeaderMap) -> bool {
    headers
        .get(IDEMPOTENCY_KEY)
        .is_some_and(|value| !value.as_bytes().trim_ascii().is_empty())
}

/// The header that makes a non-idempotent request safe to re-send.
const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// The wait a `Retry-After` header asks for: delay seconds, or an HTTP date from now.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    // Delay-seconds: digits only; more than a `u64` holds is as good as forever.
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Duration::from_secs(
            value.parse::<u64>().unwrap_or(u64::MAX),
        ));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

/// One attempt at a request, as reported to [`crate::ClientBuilder::on_attempt`] and to
/// `tracing`.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Attempt {
    /// The spec's `operationId`.
    pub operation_id: &'static str,
    /// 1 for the first attempt.
    pub number: u32,
    /// The response status, if a response came.
    pub status: Option<StatusCode>,
    /// How long the attempt took.
    pub duration: Duration,
    /// The wait before the next attempt, if there will be one.
    pub retry_in: Option<Duration>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &HeaderMap) -> Outcome<'_> {
        Outcome::Response {
            status: StatusCode::from_u16(status).unwrap(),
            headers,
        }
    }

    fn retry_after_0() -> HeaderMap {
        HeaderMap::from_iter([(RETRY_AFTER, "0".parse().unwrap())])
    }

    const IDEMPOTENT: [Method; 7] = [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
        Method::PATCH,
    ];

    fn unsafe_methods() -> [Method; 2] {
        [Method::POST, Method::from_bytes(b"PURGE").unwrap()]
    }

    #[test]
    fn idempotent_methods_retry_every_listed_status_and_every_transport_failure() {
        let none = HeaderMap::new();
        for method in IDEMPOTENT {
            for status in 100..=599 {
                let listed = RetryPolicy::RETRIED_STATUSES.contains(&status);
                assert_eq!(
                    may_retry(&method, false, &response(status, &none)),
                    listed,
                    "{method} {status}"
                );
            }
            assert!(may_retry(&method, false, &Outcome::NotConnected));
            assert!(may_retry(&method, false, &Outcome::Interrupted));
            assert!(!may_retry(&method, false, &Outcome::Failed));
        }
    }

    #[test]
    fn the_retried_statuses_are_the_documented_ones() {
        assert_eq!(
            RetryPolicy::RETRIED_STATUSES,
            [408, 409, 429, 500, 502, 503, 504]
        );
    }

    #[test]
    fn post_is_retried_only_when_nothing_was_processed() {
        let none = HeaderMap::new();
        let after = retry_after_0();
        for method in unsafe_methods() {
            assert!(may_retry(&method, false, &Outcome::NotConnected));
            assert!(may_retry(&method, false, &response(429, &after)));
            assert!(!may_retry(&method, false, &response(429, &none)));
            assert!(!may_retry(&method, false, &Outcome::Interrupted));
            assert!(!may_retry(&method, false, &Outcome::Failed));
            for status in 100..=599 {
                if status != 429 {
                    let outcome = response(status, &after);
                    assert!(!may_retry(&method, false, &outcome), "{method} {status}");
                }
            }
        }
    }

    #[test]
    fn a_429_with_an_unreadable_retry_after_does_not_count_as_one() {
        let headers = HeaderMap::from_iter([(RETRY_AFTER, "soon".parse().unwrap())]);
        assert!(!may_retry(&Method::POST, false, &response(429, &headers)));
    }

    #[test]
    fn an_idempotency_key_makes_post_retry_like_an_idempotent_request() {
        let none = HeaderMap::new();
        for method in unsafe_methods() {
            for status in 100..=599 {
                assert_eq!(
                    may_retry(&method, true, &response(status, &none)),
                    may_retry(&Method::PATCH, false, &response(status, &none)),
                    "{method} {status}"
                );
            }
            assert!(may_retry(&method, true, &Outcome::Interrupted));
            assert!(may_retry(&method, true, &Outcome::NotConnected));
            assert!(!may_retry(&method, true, &Outcome::Failed));
        }
    }

    #[test]
    fn the_idempotency_key_header_is_found_in_any_case_and_must_not_be_empty() {
        let mut headers = HeaderMap::new();
        assert!(!has_idempotency_key(&headers));
        headers.insert("Idempotency-Key", "".parse().unwrap());
        assert!(!has_idempotency_key(&headers));
        headers.insert("IDEMPOTENCY-KEY", "  ".parse().unwrap());
        assert!(!has_idempotency_key(&headers));
        headers.insert("idempotency-key", "k1".parse().unwrap());
        assert!(has_idempotency_key(&headers));
    }

    #[test]
    fn a_post_429_waits_for_its_retry_after_up_to_the_cap() {
        let policy = RetryPolicy::default();
        let long = HeaderMap::from_iter([(RETRY_AFTER, "3600".parse().unwrap())]);
        assert!(may_retry(&Method::POST, false, &response(429, &long)));
        assert_eq!(policy.delay(1, Some(&long), 0.0), None, "beyond the cap");
        let short = retry_after_0();
        assert_eq!(policy.delay(1, Some(&short), 0.0), Some(Duration::ZERO));
    }
}
