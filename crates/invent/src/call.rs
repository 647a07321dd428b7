//! What one call of an operation learned while it ran, shared by the hooks and the `send`
//! wrapper: a task-local record, because progenitor's error does not carry the raw response.

use std::cell::RefCell;
use std::future::Future;

use bytes::Bytes;
use progenitor_client::ResponseValue;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::Error;

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
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

/// Updates the record of the call in progress (nothing happens outside of one).
pub(crate) fn record(update: impl FnOnce(&mut CallRecord)) {
    let _ = CALL.try_with(|call| update(&mut call.borrow_mut()));
}

/// Runs one operation and turns progenitor's result into the SDK's, with what the call
/// recorded. Generated `send` methods call this.
pub async fn call<T, E>(
    operation: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
) -> Result<ResponseValue<T>, Error> {
    CALL.scope(RefCell::new(CallRecord::default()), async move {
        let result = operation.await;
        let record = CALL.with(|call| call.take());
        if let Some((status, limit)) = record.too_large {
            return Err(Error::ResponseTooLarge {
                status,
                limit,
                attempts: record.attempts,
            });
        }
        result.map_err(|error| Error::from_call(error, record))
    })
    .await
}
