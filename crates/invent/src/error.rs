//! One error type for every way a call can fail, told apart with a `match`, never by
//! parsing a message. `Display` is one actionable line and never holds the API key.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use reqwest::StatusCode;

use crate::body;
use crate::call::{CallRecord, FailedResponse};
use crate::retry;

/// Why a call failed.
#[non_exhaustive]
pub enum Error {
    /// A value was refused before anything was sent (a broken limit, a missing parameter).
    InvalidRequest(String),
    /// No response: the connection could not be made or broke, on every attempt.
    #[non_exhaustive]
    Transport {
        source: reqwest::Error,
        attempts: u32,
        /// What [`Error::is_retryable`] answers.
        retryable: bool,
    },
    /// An attempt ran past its timeout, on every attempt.
    #[non_exhaustive]
    Timeout {
        source: reqwest::Error,
        attempts: u32,
        /// What [`Error::is_retryable`] answers.
        retryable: bool,
    },
    /// The call's deadline ([`crate::CallOptions::deadline`]) passed during an attempt, which
    /// was cut off: no response came in time.
    #[non_exhaustive]
    DeadlineExceeded {
        deadline: Duration,
        source: reqwest::Error,
        attempts: u32,
        /// What [`Error::is_retryable`] answers.
        retryable: bool,
    },
    /// 400: the parameters were not right.
    BadRequest(ApiError),
    /// 401: the API key is missing or invalid.
    Unauthorized(ApiError),
    /// 403: the API key may not do this.
    Forbidden(ApiError),
    /// 404: something named in the path does not exist.
    NotFound(ApiError),
    /// 409: the request conflicts with the current state of the resource.
    Conflict(ApiError),
    /// 422: the body was understood but refused.
    UnprocessableEntity(ApiError),
    /// 429: rate limited; `retry_after` is the server's `Retry-After`, if it sent one.
    #[non_exhaustive]
    RateLimited {
        error: ApiError,
        retry_after: Option<Duration>,
    },
    /// 5xx: the API failed on its side.
    Server(ApiError),
    /// A status the client does not expect (a redirect, a 418…).
    UnexpectedStatus(ApiError),
    /// A success whose body does not match the spec.
    #[non_exhaustive]
    InvalidResponse {
        status: StatusCode,
        /// The body as received (at most the client's limit).
        body: Bytes,
        /// Why it does not match: serde_json's message, with the client's key removed.
        reason: String,
        attempts: u32,
        /// The response's `x-request-id` (or `request-id`) header, for support requests.
        request_id: Option<String>,
    },
    /// A success whose body is larger than the client's limit
    /// ([`crate::ClientBuilder::max_response_bytes`]); no more than the limit was read.
    #[non_exhaustive]
    ResponseTooLarge {
        status: StatusCode,
        limit: usize,
        attempts: u32,
        /// The response's `x-request-id` (or `request-id`) header, for support requests.
        request_id: Option<String>,
    },
    /// The API answered, but its response broke off (a reset, a bad chunk, a timeout) before
    /// it was read: unlike [`Error::Transport`], the API may have acted on the request.
    #[non_exhaustive]
    ResponseInterrupted {
        status: StatusCode,
        source: reqwest::Error,
        attempts: u32,
        /// The response's `x-request-id` (or `request-id`) header, for support requests.
        request_id: Option<String>,
    },
    /// A listing walked page by page ([`crate::Pages`], [`crate::Items`]) could not go on
    /// after page `page` (counted from 1): it gave a cursor an earlier page gave, so the walk
    /// would never end. The pages before it were yielded.
    #[non_exhaustive]
    Pagination { page: usize, reason: String },
}

/// What the API said when it refused a call.
#[derive(Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The response status.
    pub status: StatusCode,
    /// The body as received, with the client's key removed if a server echoed it: its first
    /// 64 KiB at most (possibly empty, possibly not JSON).
    pub body: Bytes,
    /// `body` is the start of a longer body.
    pub truncated: bool,
    /// The message found in the body (`message`, `error`, `error.message` or `detail`).
    pub message: Option<String>,
    /// The `x-request-id` (or `request-id`) header, for support requests.
    pub request_id: Option<String>,
    /// The `Retry-After` header: how long the server asked the client to wait.
    pub retry_after: Option<Duration>,
    /// Attempts made, retries included.
    pub attempts: u32,
    /// Whether the retry policy would send the request again after this response.
    retryable: bool,
}

/// Why an [`Error`] could not be read as an operation's documented error body (the
/// generated `invent::errors::…Error`, with `try_from(&error)`).
#[derive(Debug)]
#[non_exhaustive]
pub enum TypedBodyError {
    /// The failure came with no refusal from the API to read (a timeout, a request refused
    /// before sending, a success that did not parse…).
    NotARefusal,
    /// The operation documents no body for this status.
    NotDocumented(StatusCode),
    /// The body does not match the schema the spec documents for its status.
    #[non_exhaustive]
    Invalid {
        status: StatusCode,
        source: serde_json::Error,
    },
}

impl fmt::Display for TypedBodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypedBodyError::NotARefusal => f.write_str("the error is not a refusal by the API"),
            TypedBodyError::NotDocumented(status) => {
                write!(f, "the operation documents no body for {status}")
            }
            TypedBodyError::Invalid { status, source } => write!(
                f,
                "the {status} body does not match the schema the spec documents: {source}"
            ),
        }
    }
}

impl std::error::Error for TypedBodyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TypedBodyError::Invalid { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The most of a body `Debug` shows.
const DEBUG_BODY_CHARS: usize = 1024;

/// The most of a server's message `Display` shows.
const DISPLAY_MESSAGE_CHARS: usize = 300;

/// The most of a request id kept.
const REQUEST_ID_CHARS: usize = 200;

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let body = String::from_utf8_lossy(&self.body);
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field(
                "body",
                &body::bounded(&crate::redact::json_text(&body), DEBUG_BODY_CHARS),
            )
            .field("truncated", &self.truncated)
            .field(
                "message",
                &self
                    .message
                    .as_deref()
                    .map(|m| body::bounded(m, DEBUG_BODY_CHARS)),
            )
            .field("request_id", &self.request_id)
            .field("attempts", &self.attempts)
            .field("retryable", &self.retryable)
            .finish()
    }
}

impl ApiError {
    /// The body read as `T`, such as the type the spec documents for this status (the
    /// generated `invent::errors::…Error::try_from(&error)` picks it by status).
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.body)
    }

    /// The body read as a documented error type, `wrap`ped in its variant; for the generated
    /// `try_from` of each operation's error enum.
    #[doc(hidden)]
    pub fn typed<T: serde::de::DeserializeOwned, U>(
        &self,
        wrap: impl FnOnce(T) -> U,
    ) -> Result<U, TypedBodyError> {
        self.json()
            .map(wrap)
            .map_err(|source| TypedBodyError::Invalid {
                status: self.status,
                source,
            })
    }

    fn new(failure: FailedResponse, attempts: u32, key: Option<&str>, retryable: bool) -> Self {
        let body = body::scrub_bytes(failure.body, key, failure.truncated);
        ApiError {
            status: failure.status,
            message: message_in(&body).map(|m| body::scrub(&m, key).into_owned()),
            request_id: crate::response::request_id(&failure.headers)
                .map(|id| body::one_line(&body::scrub(id, key), REQUEST_ID_CHARS)),
            retry_after: retry::retry_after(&failure.headers),
            body,
            truncated: failure.truncated,
            attempts,
            retryable,
        }
    }
}

impl Error {
    /// The response status, for errors that came with a response.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::InvalidResponse { status, .. }
            | Error::ResponseTooLarge { status, .. }
            | Error::ResponseInterrupted { status, .. } => Some(*status),
            other => other.api_error().map(|e| e.status),
        }
    }

    /// The API's id for the request (`x-request-id`, or `request-id`), for errors that came
    /// with a response that has one: quote it in a support request.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::InvalidResponse { request_id, .. }
            | Error::ResponseTooLarge { request_id, .. }
            | Error::ResponseInterrupted { request_id, .. } => request_id.as_deref(),
            other => other.api_error()?.request_id.as_deref(),
        }
    }

    /// Whether sending the request again may succeed and is safe: the answer of the retry
    /// policy ([`crate::RetryPolicy`]) for this failure, the one the client gave when it
    /// stopped (its retries spent, or a wait too long). A refused request, a response that
    /// does not match the spec and one that broke off are never retryable; a timeout is only
    /// for a request that may be sent twice.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Transport { retryable, .. }
            | Error::Timeout { retryable, .. }
            | Error::DeadlineExceeded { retryable, .. } => *retryable,
            other => other.api_error().is_some_and(|e| e.retryable),
        }
    }

    /// The response body that came with the error (its first 64 KiB for a refusal, what was
    /// read of a success that does not match the spec), with the client's key removed.
    pub fn body(&self) -> Option<&[u8]> {
        match self {
            Error::InvalidResponse { body, .. } => Some(body),
            other => other.api_error().map(|e| &e.body[..]),
        }
    }

    /// The API's refusal, for errors that are one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::BadRequest(e)
            | Error::Unauthorized(e)
            | Error::Forbidden(e)
            | Error::NotFound(e)
            | Error::Conflict(e)
            | Error::UnprocessableEntity(e)
            | Error::RateLimited { error: e, .. }
            | Error::Server(e)
            | Error::UnexpectedStatus(e) => Some(e),
            _ => None,
        }
    }

    /// Attempts made before giving up (0 if nothing was sent).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::InvalidRequest(_) => 0,
            Error::Transport { attempts, .. }
            | Error::Timeout { attempts, .. }
            | Error::DeadlineExceeded { attempts, .. }
            | Error::InvalidResponse { attempts, .. }
            | Error::ResponseTooLarge { attempts, .. }
            | Error::ResponseInterrupted { attempts, .. } => *attempts,
            other => other.api_error().map_or(0, |e| e.attempts),
        }
    }

    /// Builds the error for a failed call from progenitor's error and the call's record.
    pub(crate) fn from_call<E>(error: progenitor_client::Error<E>, record: CallRecord) -> Error {
        use progenitor_client::Error as Raw;
        let attempts = record.attempts;
        let retryable = record.retryable;
        let key = record.key.as_deref();
        let request_id = record
            .request_id
            .as_deref()
            .map(|id| body::scrub(id, key).into_owned());
        match error {
            Raw::InvalidRequest(message) | Raw::Custom(message) => {
                Error::InvalidRequest(body::scrub(&message, key).into_owned())
            }
            // Headers came, then the body broke off: the API may have acted.
            Raw::CommunicationError(source) | Raw::ResponseBodyError(source)
                if record.last_status.is_some() && record.failure.is_none() =>
            {
                Error::ResponseInterrupted {
                    status: record.last_status.unwrap_or(StatusCode::OK),
                    source: without_secrets(source),
                    attempts,
                    request_id,
                }
            }
            Raw::CommunicationError(source)
            | Raw::ResponseBodyError(source)
            | Raw::InvalidUpgrade(source) => {
                let source = without_secrets(source);
                if let (true, Some(deadline)) = (source.is_timeout(), record.deadline_exceeded) {
                    Error::DeadlineExceeded {
                        deadline,
                        source,
                        attempts,
                        retryable,
                    }
                } else if source.is_timeout() {
                    Error::Timeout {
                        source,
                        attempts,
                        retryable,
                    }
                } else {
                    Error::Transport {
                        source,
                        attempts,
                        retryable,
                    }
                }
            }
            Raw::InvalidResponsePayload(body, source) if record.failure.is_none() => {
                Error::InvalidResponse {
                    status: record.last_status.unwrap_or(StatusCode::OK),
                    reason: body::scrub(&source.to_string(), key).into_owned(),
                    body: body::scrub_bytes(body, key, false),
                    attempts,
                    request_id,
                }
            }
            Raw::ErrorResponse(_)
            | Raw::UnexpectedResponse(_)
            | Raw::InvalidResponsePayload(..) => {
                match record.failure {
                    Some(failure) => classify(failure, attempts, key, retryable),
                    // A success status the spec does not list (a 201, a 204): the API acted,
                    // but answered other than its description says.
                    None => {
                        let status = record.last_status.unwrap_or(StatusCode::OK);
                        Error::InvalidResponse {
                            status,
                            body: body::scrub_bytes(
                                record.last_body.unwrap_or_default(),
                                key,
                                false,
                            ),
                            reason: format!(
                                "the API documents no {status} response for this operation"
                            ),
                            attempts,
                            request_id,
                        }
                    }
                }
            }
        }
    }
}

/// The error for a response that is not a success.
fn classify(failure: FailedResponse, attempts: u32, key: Option<&str>, retryable: bool) -> Error {
    let retry_after = retry::retry_after(&failure.headers);
    if failure.status.as_u16() < 400 {
        // A redirect (never followed) or an informational status: not a refusal.
        let status = failure.status;
        let request_id = crate::response::request_id(&failure.headers)
            .map(|id| body::one_line(&body::scrub(id, key), REQUEST_ID_CHARS));
        let reason = if status.is_redirection() {
            format!(
                "a {status} redirect, which the client does not follow (it would send the request \
                 and its credentials elsewhere); its body is kept in the error"
            )
        } else {
            format!("the API documents no {status} response for this operation")
        };
        return Error::InvalidResponse {
            status,
            body: body::scrub_bytes(failure.body, key, failure.truncated),
            reason,
            attempts,
            request_id,
        };
    }
    let error = ApiError::new(failure, attempts, key, retryable);
    match error.status.as_u16() {
        400 => Error::BadRequest(error),
        401 => Error::Unauthorized(error),
        403 => Error::Forbidden(error),
        404 => Error::NotFound(error),
        409 => Error::Conflict(error),
        422 => Error::UnprocessableEntity(error),
        429 => Error::RateLimited { error, retry_after },
        500..=599 => Error::Server(error),
        _ => Error::UnexpectedStatus(error),
    }
}

/// The error with the values of credential-named query parameters removed from its URL (a
/// key sent in the query, `?api_key=…`), so that neither `Display` nor `Debug` shows them.
fn without_secrets(mut error: reqwest::Error) -> reqwest::Error {
    if let Some(url) = error.url_mut()
        && url
            .query_pairs()
            .any(|(name, _)| crate::redact::looks_like_credential(&name))
    {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(name, value)| {
                let value = if crate::redact::looks_like_credential(&name) {
                    crate::redact::REDACTED.to_string()
                } else {
                    value.into_owned()
                };
                (name.into_owned(), value)
            })
            .collect();
        url.query_pairs_mut().clear().extend_pairs(pairs);
    }
    error
}

/// The human message in an error body, where the body has one (shown by `Display` as one
/// line without terminal escapes).
fn message_in(body: &[u8]) -> Option<String> {
    let raw: &serde_json::value::RawValue = serde_json::from_slice(body).ok()?;
    let pointers: [&[&str]; 5] = [
        &["message"],
        &["error", "message"],
        &["error"],
        &["detail"],
        &["errors", "0", "message"],
    ];
    pointers
        .iter()
        .find_map(|path| crate::json::string(crate::json::pointer(raw, path)?))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tries = |n: &u32| {
            if *n == 1 {
                "1 attempt".to_string()
            } else {
                format!("{n} attempts")
            }
        };
        match self {
            Error::InvalidRequest(message) => {
                let message = body::one_line(message, DISPLAY_MESSAGE_CHARS);
                write!(f, "request refused before sending: {message}")
            }
            Error::Pagination { page, reason } => {
                let reason = body::one_line(reason, DISPLAY_MESSAGE_CHARS);
                write!(f, "the listing stopped after page {page}: {reason}")
            }
            Error::Transport {
                source, attempts, ..
            } => {
                let place = source.url().map_or("the Invent API".to_string(), |u| {
                    u.origin().ascii_serialization()
                });
                write!(
                    f,
                    "could not reach {place} ({}): {}",
                    tries(attempts),
                    body::one_line(&root_cause(source), DISPLAY_MESSAGE_CHARS)
                )
            }
            Error::Timeout { attempts, .. } => write!(
                f,
                "the Invent API did not answer in time ({}); raise the timeout or try again later",
                tries(attempts)
            ),
            Error::DeadlineExceeded {
                deadline, attempts, ..
            } => write!(
                f,
                "the call's deadline of {:.3} s passed before the Invent API answered ({})",
                deadline.as_secs_f64(),
                tries(attempts)
            ),
            Error::InvalidResponse { status, reason, .. } => {
                let reason = body::one_line(reason, DISPLAY_MESSAGE_CHARS);
                write!(
                    f,
                    "the {status} response does not match the API description: {reason}"
                )
            }
            Error::ResponseTooLarge { status, limit, .. } => write!(
                f,
                "the {status} response is larger than the client's limit of {limit} bytes \
                 (ClientBuilder::max_response_bytes); the rest was not read"
            ),
            Error::ResponseInterrupted { status, source, .. } => write!(
                f,
                "the API answered {status}, but the response broke off before it was read \
                 ({}); the API may have acted on the request",
                body::one_line(&root_cause(source), DISPLAY_MESSAGE_CHARS)
            ),
            Error::RateLimited { error, retry_after } => {
                write!(
                    f,
                    "{}: rate limited (500 requests a minute per IP address)",
                    error.status
                )?;
                match retry_after {
                    Some(wait) => write!(f, "; retry after {} s", wait.as_secs())?,
                    None => write!(f, "; retry later")?,
                }
                write_details(f, error)
            }
            other => {
                let error = other
                    .api_error()
                    .expect("every other variant is an API error");
                let advice = match other {
                    Error::BadRequest(_) => "check that the parameters were correct",
                    Error::Unauthorized(_) => {
                        "the API key is missing or invalid; check INVENT_API_KEY"
                    }
                    Error::Forbidden(_) => {
                        "this API key may not do this; check its org and permissions"
                    }
                    Error::NotFound(_) => {
                        "check the ids in the path (org `c` is the API key's own org)"
                    }
                    Error::Conflict(_) => {
                        "the request conflicts with the current state of the resource"
                    }
                    Error::UnprocessableEntity(_) => "the body was understood but refused",
                    Error::Server(_) => "the Invent API failed on its side; try again later",
                    _ => "a status this client does not expect",
                };
                write!(f, "{}: {advice}", error.status)?;
                write_details(f, error)
            }
        }
    }
}

/// The innermost cause of an error: "Connection refused" rather than "error sending request".
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

fn write_details(f: &mut fmt::Formatter<'_>, error: &ApiError) -> fmt::Result {
    if let Some(message) = &error.message {
        let line = message.lines().next().unwrap_or_default();
        write!(f, ": {}", body::one_line(line, DISPLAY_MESSAGE_CHARS))?;
    }
    if let Some(id) = &error.request_id {
        write!(f, " (request id {id})")?;
    }
    Ok(())
}

/// Like a derived `Debug`, except that a success body that did not parse shows as its length:
/// it may hold secrets (an assistant's `secret_key`).
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRequest(message) => {
                f.debug_tuple("InvalidRequest").field(message).finish()
            }
            Error::Pagination { page, reason } => f
                .debug_struct("Pagination")
                .field("page", page)
                .field("reason", reason)
                .finish(),
            Error::Transport {
                source,
                attempts,
                retryable,
            } => f
                .debug_struct("Transport")
                .field("source", source)
                .field("attempts", attempts)
                .field("retryable", retryable)
                .finish(),
            Error::Timeout {
                source,
                attempts,
                retryable,
            } => f
                .debug_struct("Timeout")
                .field("source", source)
                .field("attempts", attempts)
                .field("retryable", retryable)
                .finish(),
            Error::DeadlineExceeded {
                deadline,
                source,
                attempts,
                retryable,
            } => f
                .debug_struct("DeadlineExceeded")
                .field("deadline", deadline)
                .field("source", source)
                .field("attempts", attempts)
                .field("retryable", retryable)
                .finish(),
            Error::InvalidResponse {
                status,
                body,
                reason,
                attempts,
                request_id,
            } => f
                .debug_struct("InvalidResponse")
                .field("status", status)
                .field("body", &format_args!("<{} bytes>", body.len()))
                .field("reason", &body::bounded(reason, DEBUG_BODY_CHARS))
                .field("attempts", attempts)
                .field("request_id", request_id)
                .finish(),
            Error::ResponseTooLarge {
                status,
                limit,
                attempts,
                request_id,
            } => f
                .debug_struct("ResponseTooLarge")
                .field("status", status)
                .field("limit", limit)
                .field("attempts", attempts)
                .field("request_id", request_id)
                .finish(),
            Error::ResponseInterrupted {
                status,
                source,
                attempts,
                request_id,
            } => f
                .debug_struct("ResponseInterrupted")
                .field("status", status)
                .field("source", source)
                .field("attempts", attempts)
                .field("request_id", request_id)
                .finish(),
            Error::RateLimited { error, retry_after } => f
                .debug_struct("RateLimited")
                .field("error", error)
                .field("retry_after", retry_after)
                .finish(),
            other => {
                let name = match other {
                    Error::BadRequest(_) => "BadRequest",
                    Error::Unauthorized(_) => "Unauthorized",
                    Error::Forbidden(_) => "Forbidden",
                    Error::NotFound(_) => "NotFound",
                    Error::Conflict(_) => "Conflict",
                    Error::UnprocessableEntity(_) => "UnprocessableEntity",
                    Error::Server(_) => "Server",
                    _ => "UnexpectedStatus",
                };
                f.debug_tuple(name)
                    .field(other.api_error().expect("an API error"))
                    .finish()
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. }
            | Error::Timeout { source, .. }
            | Error::DeadlineExceeded { source, .. }
            | Error::ResponseInterrupted { source, .. } => Some(source),
            _ => None,
        }
    }
}
