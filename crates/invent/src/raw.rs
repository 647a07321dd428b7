//! Calls to any path of the API with the client's runtime (credentials, timeouts, retries by
//! method, tracing, size limits, `invent::Error`): for endpoints this SDK does not describe.

use progenitor_client::{ClientHooks, OperationInfo, ResponseValue};
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{CallOptions, Client, Error};

/// The operation name raw calls carry in tracing events and [`crate::Attempt`]s.
pub const RAW_OPERATION: &str = "raw";

impl Client {
    /// A call of `method` to `path` of the API (`/orgs/c/assistants/ast_1`), for an endpoint
    /// this SDK does not describe; everything else is as for a generated operation. Each
    /// segment of `path` is one path segment as written, percent-encoded by the rules of the
    /// generated operations (`a b` → `a%20b`; an empty, `.` or `..` segment is refused).
    ///
    /// ```no_run
    /// # async fn example(client: invent::Client) -> Result<(), invent::Error> {
    /// let contacts: serde_json::Value = client
    ///     .raw(invent::Method::GET, "/orgs/c/contacts")
    ///     .query("limit", "10")
    ///     .send::<serde_json::Value>()
    ///     .await?
    ///     .into_inner();
    /// # let _ = contacts; Ok(()) }
    /// ```
    pub fn raw(&self, method: Method, path: &str) -> RawRequest<'_> {
        RawRequest {
            client: self,
            method,
            path: path.to_string(),
            body: Ok(None),
            options: CallOptions::new(),
        }
    }
}

/// A raw call being built: [`Client::raw`].
#[derive(Debug, Clone)]
pub struct RawRequest<'a> {
    client: &'a Client,
    method: Method,
    path: String,
    body: Result<Option<crate::RawJson>, String>,
    options: CallOptions,
}

impl RawRequest<'_> {
    /// A JSON body (any serde type, a `serde_json::Value` or an [`crate::RawJson`], sent as
    /// its text).
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = crate::RawJson::from_serialize(body)
            .map(Some)
            .map_err(|e| format!("the body cannot be written as JSON: {e}"));
        self
    }

    /// A query parameter (repeat it for several values).
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options = self.options.query(name, value);
        self
    }

    /// A header, with the rules of [`CallOptions::header`].
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options = self.options.header(name, value);
        self
    }

    /// Options for this call, over the client's ([`CallOptions`]); query parameters and
    /// headers already given are kept.
    pub fn with_options(mut self, options: CallOptions) -> Self {
        self.options = options.over(&self.options);
        self
    }

    /// Sends the call; the response's JSON body is read as `T` (an empty body as JSON
    /// `null`, so `T = ()`, `serde_json::Value` or [`crate::RawJson`] for a bodyless answer;
    /// `RawJson` keeps the body's text exactly).
    pub async fn send<T: DeserializeOwned>(self) -> Result<crate::Response<T>, Error> {
        let RawRequest {
            client,
            method,
            path,
            body,
            options,
        } = self;
        crate::call::call(options, async move {
            let invalid = progenitor_client::Error::<()>::InvalidRequest;
            let url = url(client, &path).map_err(invalid)?;
            let body = body.map_err(invalid)?;
            let mut builder = client
                .client
                .request(method, url)
                .header(reqwest::header::ACCEPT, "application/json");
            if let Some(body) = &body {
                builder = builder.json(body);
            }
            let mut request = builder.build()?;
            let info = OperationInfo {
                operation_id: RAW_OPERATION,
            };
            client.pre(&mut request, &info).await?;
            let result = client.exec(request, &info).await;
            client.post(&result, &info).await?;
            let response = result?;
            if !response.status().is_success() {
                return Err(progenitor_client::Error::UnexpectedResponse(response));
            }
            let status = response.status();
            let headers = response.headers().clone();
            let bytes = response
                .bytes()
                .await
                .map_err(progenitor_client::Error::ResponseBodyError)?;
            let value = serde_json::from_slice(if bytes.is_empty() { b"null" } else { &bytes })
                .map_err(|e| progenitor_client::Error::InvalidResponsePayload(bytes, e))?;
            Ok(ResponseValue::new(value, status, headers))
        })
        .await
    }
}

/// The URL of `path` under the client's base URL, each segment encoded.
fn url(client: &Client, path: &str) -> Result<String, String> {
    if path.contains(['?', '#']) {
        return Err(format!(
            "the path `{}` holds `?` or `#`; give query parameters with `query`",
            path.escape_debug()
        ));
    }
    let mut url = client.baseurl.clone();
    for segment in path.strip_prefix('/').unwrap_or(path).split('/') {
        match segment {
            "" => {
                return Err(format!(
                    "the path `{}` has an empty segment",
                    path.escape_debug()
                ));
            }
            "." | ".." => {
                return Err(format!(
                    "the path `{}` has a `{segment}` segment, which would change it",
                    path.escape_debug()
                ));
            }
            _ => {
                url.push('/');
                url.push_str(&crate::support::encode_path(segment));
            }
        }
    }
    Ok(url)
}
