//! The client's hooks around every request: credentials and user agent, retries with backoff
//! where re-sending is safe, one `tracing` event per attempt, and a record of the outcome.

use std::time::Instant;

use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::header::{AUTHORIZATION, USER_AGENT};

use crate::call::{self, FailedResponse};
use crate::retry::{self, Attempt, Outcome};
use crate::{Client, Settings};

impl ClientHooks<Settings> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        info: &OperationInfo,
    ) -> Result<(), progenitor_client::Error<E>> {
        // The spec's limits, on the request as it will go out; nothing is sent if one breaks.
        crate::limits::check_operation(info.operation_id, request)
            .map_err(progenitor_client::Error::InvalidRequest)?;
        let headers = request.headers_mut();
        if let Some(authorization) = &self.inner.authorization {
            headers.insert(AUTHORIZATION, authorization.clone());
        }
        headers.insert(USER_AGENT, self.inner.user_agent.clone());
        Ok(())
    }

    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        let policy = &self.inner.retry;
        let method = request.method().clone();
        let path = request.url().path().to_string();
        // Every attempt re-sends the same request, so the same key.
        let keyed = retry::has_idempotency_key(request.headers());
        let mut pending = Some(request);
        let mut number = 0;
        loop {
            number += 1;
            let request = pending.take().expect("a request for every attempt");
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
            let retry_in = if spare.is_some() && retry::may_retry(&method, keyed, &outcome) {
                policy.delay(number, outcome.headers(), fastrand::f64())
            } else {
                None
            };
            let attempt = Attempt {
                operation_id: info.operation_id,
                number,
                status,
                duration: started.elapsed(),
                retry_in,
            };
            trace(&attempt, &method, &path, result.as_ref().err());
            if let Some(hook) = &self.inner.on_attempt {
                hook(&attempt);
            }
            call::record(|call| {
                call.attempts = number;
                call.last_status = status;
            });
            match retry_in {
                Some(wait) => {
                    tokio::time::sleep(wait).await;
                    pending = spare;
                }
                None => return keep_failure(result?).await,
            }
        }
    }
}

fn trace(attempt: &Attempt, method: &reqwest::Method, path: &str, error: Option<&reqwest::Error>) {
    let status = attempt.status.map(|s| s.as_u16());
    let duration_ms = attempt.duration.as_millis() as u64;
    let retry_in_ms = attempt.retry_in.map(|d| d.as_millis() as u64);
    let error = error.map(|e| e.to_string());
    if attempt.retry_in.is_some() {
        tracing::info!(
            operation_id = attempt.operation_id, %method, path, status, attempt = attempt.number,
            duration_ms, retry_in_ms, error, "invent request failed; retrying"
        );
    } else {
        tracing::debug!(
            operation_id = attempt.operation_id, %method, path, status, attempt = attempt.number,
            duration_ms, error, "invent request"
        );
    }
}

/// Reads a failed response's body into the call record (so the error can carry it raw),
/// then hands the generated code an identical response.
async fn keep_failure(response: reqwest::Response) -> reqwest::Result<reqwest::Response> {
    if response.status().is_success() {
        return Ok(response);
    }
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let body = response.bytes().await?;
    call::record(|call| {
        call.failure = Some(FailedResponse {
            status,
            headers: headers.clone(),
            body: body.clone(),
        })
    });
    let mut rebuilt = http::Response::new(body);
    *rebuilt.status_mut() = status;
    *rebuilt.version_mut() = version;
    *rebuilt.headers_mut() = headers;
    Ok(reqwest::Response::from(rebuilt))
}
