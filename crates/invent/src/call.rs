//! What one call of an operation learned while it ran (attempts made, the failed response's
//! status, headers and raw body), shared by the `exec` hook and the `send` wrapper.

use std::cell::RefCell;
use std::future::Future;

use bytes::Bytes;
use progenitor_client::ResponseValue;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

use crate::Error;

/// The last response that was not a success, kept whole.
#[derive(Clone, Debug)]
pub(crate) struct FailedResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// The record of one call.
#[derive(Clone, Debug, Default)]
pub(crate) struct CallRecord {
    pub attempts: u32,
    pub last_status: Option<StatusCode>,
    pub failure: Option<FailedResponse>,
}

tokio::task_local! {
    static CALL: RefCell<CallRecord>;
}

/// Updates the record of the call in progress (nothing happens outside of one).
pub(crate) fn record(update: impl FnOnce(&mut CallRecord)) {
    let _ = CALL.try_with(|call| update(&mut call.borrow_mut()));
}

/// Runs one operation and turns progenitor's error into [`Error`], with what the call
/// recorded. Generated `send` methods call this.
pub async fn call<T, E>(
    operation: impl Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
) -> Result<ResponseValue<T>, Error> {
    CALL.scope(RefCell::new(CallRecord::default()), async move {
        let result = operation.await;
        let record = CALL.with(|call| call.take());
        result.map_err(|error| Error::from_call(error, record))
    })
    .await
}
