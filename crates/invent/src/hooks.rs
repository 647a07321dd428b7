//! The client's hooks around every request: credentials and user agent, retries with backoff
//! where re-sending is safe, one `tracing` event per attempt, and a record of the outcome.

use std::time::Instant;

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::ResponseBuilderExt as _;
use reqwest::header::USER_AGENT;

use crate::body;
use crate::call::{self, FailedResponse};
use crate::retry::{self, Attempt, Outcome};
use crate::{Client, Settings};

impl ClientHooks<Settings> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        let options = call::options().over(&self.inner.defaults);
        // The key a server could echo in this call: the call's own credentials, or the client's.
        let key = match options.authorization_value() {
            Some(given) => Some(given.expose().trim_start_matches("Bearer ").to_string()),
            None => self.inner.key.as_ref().map(|k| k.expose().clone()),
        };
        call::record(|call| call.key = key);
        options
            .apply(request)
            .map_err(progenitor_client::Error::InvalidRequest)?;
        if let Some(timeout) = options.attempt_timeout() {
            *request.timeout_mut() = Some(timeout);
        }
        // What the URL and the spec allow, on the request as it will go out; nothing is sent
        // if a value breaks them.
        let url_length = request.url().as_str().len();
        if url_length > MAX_URL_BYTES {
            return Err(progenitor_client::Error::InvalidRequest(format!(
                "the request's URL would be {url_length} bytes long, more than the {MAX_URL_BYTES} \
                 a server accepts; is an id or a parameter too long?"
            )));
        }
        crate::limits::check_operation(info.operation_id, request)
            .map_err(progenitor_client::Error::InvalidRequest)?;
        // An operation that declares its own `Authorization` or `User-Agent` parameter sends
        // the value given to it; every other request gets the client's, as its security says.
        crate::security::apply(info.operation_id, request, &self.inner);
        request
            .headers_mut()
            .entry(USER_AGENT)
            .or_insert_with(|| self.inner.user_agent.clone());
        Ok(())
    }

    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let options = call::options().over(&self.inner.defaults);
        let policy = &options.policy(&self.inner.retry);
        let deadline = options.call_deadline();
        let call_started = call::started().unwrap_or_else(Instant::now);
        let method = request.method().clone();
        let path = request.url().path().to_string();
        // Every attempt re-sends the same request, so the same key.
        let keyed = retry::has_idempotency_key(request.headers());
        let mut pending = Some(request);
        let mut number = 0;
        loop {
            number += 1;
            let mut request = pending.take().expect("a request for every attempt");
            // What is left of the call's deadline bounds this attempt; if it is what cuts the
            // attempt off, the call failed for its deadline.
            let mut cut_by_deadline = None;
            if let Some(deadline) = deadline {
                let left = deadline.saturating_sub(call_started.elapsed());
                let own = request.timeout().copied().or(self.inner.attempt_timeout);
                if own.is_none_or(|own| left < own) {
                    *request.timeout_mut() = Some(left);
                    cut_by_deadline = Some(deadline);
                }
            }
            // A body that cannot be cloned (a stream) gets one attempt.
            let spare = if number <= policy.max_retries {
                request.try_clone()
            } else {
                None
            };
            let started = Instant::now();
            let result = self.client.execute(request).await;
            let status = result.as_ref().ok().map(reqwest::Response::status);
            let outcome = Outcome::of(&result);
            let timed_out = result.as_ref().is_err_and(reqwest::Error::is_timeout);
            let retryable = retry::may_retry(&method, keyed, &outcome);
            let retry_in = if spare.is_some() && retryable {
                policy.delay(number, outcome.headers(), fastrand::f64())
            } else {
                None
            };
            // A retry whose wait would end after the deadline is not started.
            let retry_in = retry_in.filter(|wait| {
                deadline.is_none_or(|deadline| call_started.elapsed() + *wait < deadline)
            });
            let request_id = result
                .as_ref()
                .ok()
                .and_then(|r| crate::response::request_id(r.headers()));
            let attempt = Attempt {
                operation_id: info.operation_id,
                number,
                status,
                duration: started.elapsed(),
                retry_in,
            };
            trace(&attempt, &method, &path, request_id, result.as_ref().err());
            if let Some(hook) = &self.inner.on_attempt {
                hook(&attempt);
            }
            call::record(|call| {
                call.attempts = number;
                call.last_status = status;
                call.deadline_exceeded = cut_by_deadline.filter(|_| timed_out);
                call.retryable = retryable;
                call.request_id = request_id.map(|id| crate::body::one_line(id, 200));
            });
            match retry_in {
                Some(wait) => {
                    tokio::time::sleep(wait).await;
                    pending = spare;
                }
                None => return self.read_body(result?, info).await,
            }
        }
    }
}

fn trace(
    attempt: &Attempt,
    method: &reqwest::Method,
    path: &str,
    request_id: Option<&str>,
    error: Option<&reqwest::Error>,
) {
    let status = attempt.status.map(|s| s.as_u16());
    let duration_ms = attempt.duration.as_millis() as u64;
    let retry_in_ms = attempt.retry_in.map(|d| d.as_millis() as u64);
    let error = error.map(|e| e.to_string());
    if attempt.retry_in.is_some() {
        tracing::info!(
            operation_id = attempt.operation_id, %method, path, status, attempt = attempt.number,
            duration_ms, retry_in_ms, request_id, error, "invent request failed; retrying"
        );
    } else {
        tracing::debug!(
            operation_id = attempt.operation_id, %method, path, status, attempt = attempt.number,
            duration_ms, request_id, error, "invent request"
        );
    }
}

/// The longest URL sent: servers refuse longer ones (and some close the connection instead).
const MAX_URL_BYTES: usize = 32 * 1024;

/// The part of an error response's body kept for the error: enough for any message.
const ERROR_BODY_BYTES: usize = 64 * 1024;

impl Client {
    /// Reads the response's body within the client's limit (an error response's first 64 KiB),
    /// records what the error needs, and hands the generated code an identical response. A
    /// success the operation streams (a download) is left to the caller.
    async fn read_body(
        &self,
        mut response: reqwest::Response,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let status = response.status();
        let success = status.is_success();
        if success && crate::generated_sdk::STREAMED_RESPONSES.contains(&info.operation_id) {
            return Ok(response);
        }
        let limit = if success {
            self.inner.max_response_bytes
        } else {
            ERROR_BODY_BYTES.min(self.inner.max_response_bytes)
        };
        // What the rebuilt response keeps of this one, moved rather than copied.
        let version = response.version();
        let headers = std::mem::take(response.headers_mut());
        let url = response.url().clone();
        let announced_too_large = success && response.content_length() > Some(limit as u64);
        let read = if announced_too_large {
            // Not a byte of it is read.
            body::Read {
                bytes: bytes::Bytes::new(),
                complete: false,
            }
        } else {
            body::read(response, limit).await?
        };
        let body = if success && !read.complete {
            call::record(|call| call.too_large = Some((status, limit)));
            bytes::Bytes::new()
        } else {
            read.bytes
        };
        call::record(|call| call.last_body = Some(body.clone()));
        if !success {
            let failure = FailedResponse {
                status,
                headers: headers.clone(),
                body: body.clone(),
                truncated: !read.complete,
            };
            call::record(|call| call.failure = Some(failure));
        }
        let mut rebuilt = http::Response::new(body);
        *rebuilt.status_mut() = status;
        *rebuilt.version_mut() = version;
        if success {
            // A success's headers go to the SDK's `Response` by move, through the record: the
            // generated code (which copies the headers it is given) gets none.
            call::record(|call| call.success_headers = Some(headers));
        } else {
            *rebuilt.headers_mut() = headers;
        }
        // The URL the response came from, as reqwest keeps it (otherwise it would parse a
        // placeholder URL for every response).
        let mut with_url = http::response::Builder::new().url(url);
        if let Some(extensions) = with_url.extensions_mut() {
            *rebuilt.extensions_mut() = std::mem::take(extensions);
        }
        Ok(reqwest::Response::from(rebuilt))
    }
}
