//! What a successful call reports besides its value: the API's request id and the attempts
//! the call took, read from the response every `send` returns.

use progenitor_client::ResponseValue;
use reqwest::header::HeaderMap;

use crate::call::ATTEMPTS_HEADER;

/// Accessors on the response of every call (`ResponseValue<T>`, which also gives the status
/// and headers; `into_inner()` gives the value).
///
/// ```no_run
/// use invent::ResponseExt;
/// # async fn example(client: invent::Client) -> Result<(), invent::Error> {
/// let response = client
///     .update_assistant()
///     .org_id(invent::OWN_ORG)
///     .assistant_id("ast_123")
///     .body(invent::types::UpdateAssistant::builder().name("Support"))
///     .send()
///     .await?;
/// println!("request {:?} took {} attempt(s)", response.request_id(), response.attempts());
/// # Ok(()) }
/// ```
pub trait ResponseExt {
    /// The API's id for the request (`x-request-id`, or `request-id`), for support requests.
    fn request_id(&self) -> Option<&str>;

    /// Attempts the call took, retries included (1 when the first attempt succeeded).
    fn attempts(&self) -> u32;
}

impl<T> ResponseExt for ResponseValue<T> {
    fn request_id(&self) -> Option<&str> {
        request_id(self.headers())
    }

    fn attempts(&self) -> u32 {
        self.headers()
            .get(ATTEMPTS_HEADER)
            .and_then(|v| v.to_str().ok()?.parse().ok())
            .unwrap_or(1)
    }
}

/// The request id a response carries (`x-request-id`, or `request-id`), if it is text.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<&str> {
    ["x-request-id", "request-id"]
        .iter()
        .find_map(|name| headers.get(*name)?.to_str().ok())
}
