//! What a successful call returns: the value, with the status, headers, request id and the
//! attempts the call took; and the byte stream of a download. The SDK's own types.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::Stream;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// The response of a successful call: its value (`into_inner()`, or through `Deref`), and
/// what came with it.
///
/// ```no_run
/// # async fn example(client: invent::Client) -> Result<(), invent::Error> {
/// let response = client
///     .update_assistant()
///     .org_id(invent::OWN_ORG)
///     .assistant_id("ast_123")
///     .body(invent::types::UpdateAssistant::builder().name("Support"))
///     .send()
///     .await?;
/// println!("request {:?} took {} attempt(s)", response.request_id(), response.attempts());
/// let assistant = response.into_inner();
/// # let _ = assistant;
/// # Ok(()) }
/// ```
///
/// `Debug` shows the headers with the values of those named like credentials (`set-cookie`,
/// names ending in `-token`…) hidden, as [`crate::redact`] says.
pub struct Response<T> {
    inner: T,
    status: StatusCode,
    headers: HeaderMap,
    attempts: u32,
}

impl<T> Response<T> {
    /// A response from its parts, for code that stands in for the SDK (a test's fake client).
    pub fn new(inner: T, status: StatusCode, headers: HeaderMap, attempts: u32) -> Self {
        Response {
            inner,
            status,
            headers,
            attempts: attempts.max(1),
        }
    }

    /// The value the call returned.
    pub fn into_inner(self) -> T {
        self.inner
    }

    /// The response's status (a success).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The API's id for the request (`x-request-id`, or `request-id`), for support requests.
    pub fn request_id(&self) -> Option<&str> {
        request_id(&self.headers)
    }

    /// Attempts the call took, retries included (1 when the first attempt succeeded). The
    /// count is the SDK's own: no header carries it.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The same response with its value changed by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            inner: f(self.inner),
            status: self.status,
            headers: self.headers,
            attempts: self.attempts,
        }
    }

    /// The response of one of progenitor's calls, which took `attempts`; its headers are
    /// `headers` where the client kept them aside (a success it read), else the response's.
    pub(crate) fn from_generated(
        response: progenitor_client::ResponseValue<T>,
        attempts: u32,
        headers: Option<HeaderMap>,
    ) -> Self {
        let status = response.status();
        let headers = headers.unwrap_or_else(|| response.headers().clone());
        Response::new(response.into_inner(), status, headers, attempts)
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.inner
    }
}

impl<T> DerefMut for Response<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.inner
    }
}

impl<T: fmt::Debug> fmt::Debug for Response<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("inner", &self.inner)
            .field("status", &self.status)
            .field("headers", &crate::redact::Headers(&self.headers))
            .field("attempts", &self.attempts)
            .finish()
    }
}

/// The body of a download, as it arrives: a [`Stream`] of chunks, not held in memory.
///
/// ```no_run
/// use futures::StreamExt as _;
/// # async fn example(mut body: invent::ByteStream) -> Result<(), Box<dyn std::error::Error>> {
/// while let Some(chunk) = body.next().await {
///     let chunk = chunk?;
///     println!("{} bytes", chunk.len());
/// }
/// # Ok(()) }
/// ```
pub struct ByteStream(Pin<Box<dyn Stream<Item = reqwest::Result<Bytes>> + Send + Sync>>);

impl ByteStream {
    /// A stream of the given chunks, for code that stands in for the SDK (a test's fake client).
    pub fn new(stream: impl Stream<Item = reqwest::Result<Bytes>> + Send + Sync + 'static) -> Self {
        ByteStream(Box::pin(stream))
    }

    /// The generated code's stream as the SDK's (called by each download's `send`; a spec
    /// may have none).
    #[allow(dead_code)]
    pub(crate) fn from_generated(stream: progenitor_client::ByteStream) -> Self {
        ByteStream(stream.into_inner())
    }
}

impl Stream for ByteStream {
    type Item = reqwest::Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.as_mut().poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ByteStream")
    }
}

/// The request id a response carries (`x-request-id`, or `request-id`), if it is text.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<&str> {
    ["x-request-id", "request-id"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}
