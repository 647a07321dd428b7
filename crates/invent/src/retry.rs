//! When to retry and how long to wait: exponential backoff with jitter, `Retry-After`
//! honoured up to a cap. Pure functions, so the policy is tested without a network.

use std::time::{Duration, SystemTime};

use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// Which failures are retried, and how long to wait between attempts.
///
/// Retried: connection errors, timeouts, and the statuses 408, 409, 429, 500, 502, 503 and
/// 504. The wait before retry `n` (from 1) is `initial_backoff * 2^(n-1)`, capped at
/// `max_backoff`, times a random factor in `[0.75, 1]`; a `Retry-After` header (seconds
/// or an HTTP date) replaces it. A `Retry-After` longer than `max_retry_after` is not
/// waited for: the call fails at once (with [`crate::Error::RateLimited`] for a 429) and the
/// caller decides.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// The statuses worth another attempt.
pub fn is_retryable_status(status: StatusCode) -> bool {
    matches!(status.as_u16(), 408 | 409 | 429 | 500 | 502 | 503 | 504)
}

impl RetryPolicy {
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

/// The wait a `Retry-After` header asks for: delay seconds, or an HTTP date from now.
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
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
