//! What one call of an operation learned while it ran, shared by the hooks and the `send`
//! wrapper: a task-local record, because progenitor's error does not carry the raw response.

use std::cell::RefCell;
use std::future::Future;
use std::time::{Duration, Instant};

use bytes::Bytes;
use progenitor_client::ResponseValue;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::{CallOptions, Error, Response};

/// The last response that was not a success: its first bytes at most (see `hooks.rs`).
#[derive(Clone, Debug)]
pub(crate) struct FailedResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
    /// The body was longer than what was kept.
    pub truncated: bool,
}

/// The record of one call.
#[derive(Clone, Default)]
pub(crate) struct CallRecord {
    pub attempts: u32,
    /// The status of the last attempt's response, once its headers arrived.
    pub last_status: Option<StatusCode>,
    pub failure: Option<FailedResponse>,
    /// The last response's body as read (within the limit), for a status the spec does not
    /// document.
    pub last_body: Option<Bytes>,
    /// A success whose body was longer than the client's limit: its status and the limit.
    pub too_large: Option<(StatusCode, usize)>,
    /// The client's API key, so that no error shows it even when a server echoes it.
    pub key: Option<String>,
    /// This call's own options (the client's defaults are applied over them by the hooks).
    pub options: CallOptions,
    /// When the call began: its deadline counts from here.
    pub started: Option<Instant>,
    /// The deadline that cut the call short, if one did.
    pub deadline_exceeded: Option<Duration>,
    /// Whether the retry policy would send the request again after the last attempt.
    pub retryable: bool,
    /// The last response's request id (`x-request-id`, or `request-id`), cut to one line.
    pub request_id: Option<String>,
    /// A success's headers, moved here from the response (see `hooks.rs`).
    pub success_headers: Option<HeaderMap>,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

/// Updates the record of the call in progress (nothing happens outside of one).
pub(crate) fn record(update: impl FnOnce(&mut CallRecord)) {
    let _ = CALL.try_with(|call| update(&mut call.borrow_mut()));
}

/// Runs one operation with `options` and turns progenitor's result into the SDK's, with what
/// the call recorded. Generated `send` methods (and raw calls) call this.
///
/// The operation's future (several kilobytes: the request, the hooks, the response) is moved
/// to the heap once, here, so that the future of a call stays small: awaited inline, it would
/// be held twice over by the futures around it and copied whole each time one of them moves.
pub fn call<T, E>(
    options: CallOptions,
    operation: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
) -> impl Future<Output = Result<Response<T>, Error>> {
    let operation = Box::pin(operation);
    let record = CallRecord {
        options,
        started: Some(Instant::now()),
        ..CallRecord::default()
    };
    CALL.scope(RefCell::new(record), async move {
        let result = operation.await;
        let record = CALL.with(|call| call.take());
        if let Some((status, limit)) = record.too_large {
            return Err(Error::ResponseTooLarge {
                status,
                limit,
                attempts: record.attempts,
                request_id: record.request_id,
            });
        }
        match result {
            Ok(response) => Ok(Response::from_generated(
                response,
                record.attempts,
                record.success_headers,
            )),
            Err(error) => Err(Error::from_call(error, record)),
        }
    })
}

/// This call's options, as the call recorded them.
pub(crate) fn options() -> CallOptions {
    CALL.try_with(|call| call.borrow().options.clone())
        .unwrap_or_default()
}

/// When this call began, if it is one.
pub(crate) fn started() -> Option<Instant> {
    CALL.try_with(|call| call.borrow().started).ok().flatten()
}
