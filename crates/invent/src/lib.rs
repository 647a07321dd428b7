//! Rust client for the Invent API, generated from `openapi.yaml` by `cargo xtask generate`.
//! The generated code is in `generated_sdk.rs`; this file and its siblings are hand-written.
//!
//! Build a [`Client`] with [`Client::from_env`] (reads `INVENT_API_KEY` and `INVENT_BASE_URL`)
//! or [`Client::builder`], then call an operation and `send()` it. Every failure is an
//! [`Error`]; optional nullable fields are [`Patch`]es (absent, null or a value); enums keep
//! values this version does not know; objects keep properties it does not know.
//!
//! ```
//! use invent::types::{ConversationSettings, AssistantConfig, UpdateAssistant};
//! use invent::{Client, Error, OWN_ORG, Patch};
//! # use invent_httpmock::MockServerExt;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let server = httpmock::MockServer::start_async().await;
//! # let assistant = serde_json::from_value(serde_json::json!({
//! #     "id": "ast_1", "name": "Support", "enabled": true, "deleted": false, "secret_key": "sk",
//! #     "avatar_url": null, "config": {}, "integrations": [], "actions": [],
//! #     "created_at": "2023-11-07T05:31:56Z", "updated_at": null
//! # }))?;
//! # let mock = server.update_assistant(|when, then| {
//! #     when.org_id("c").assistant_id("ast_1");
//! #     then.ok(&assistant);
//! # });
//! // Here a local mock server; in production, Client::from_env()?.
//! let client = Client::builder().api_key("sk_test").base_url(server.base_url()).build()?;
//!
//! let body = UpdateAssistant::builder()
//!     .name("Support")
//!     .avatar_id(Patch::Null) // removes the avatar
//!     .config(
//!         AssistantConfig::builder().conversation(
//!             ConversationSettings::builder().suggested_messages(Vec::<String>::new()), // clears the list
//!         ),
//!     );
//! let assistant = client
//!     .update_assistant()
//!     .org_id(OWN_ORG)
//!     .assistant_id("ast_1")
//!     .body(body)
//!     .send()
//!     .await?
//!     .into_inner();
//! assert_eq!(assistant.name, "Support");
//! # mock.assert_async().await;
//! # Ok(())
//! # }
//! ```
//!
//! # One way in
//!
//! A client is built by [`Client::from_env`] or [`Client::builder`], which check the base URL
//! (`https`, or `http` to a loopback host), the key and the TLS set-up before anything is sent.
//! There is no other constructor:
//!
//! ```compile_fail,E0599
//! let client = invent::Client::new("https://api.useinvent.com", todo!());
//! ```
//!
//! ```compile_fail,E0624
//! let client = invent::Client::new_with_client("http://example.com", reqwest::Client::new(), todo!());
//! ```
//!
//! # Errors
//!
//! Every failure is an [`Error`]: a `match` tells the kinds apart, and each answers the
//! usual questions in one call ([`Error::status`], [`Error::request_id`],
//! [`Error::is_retryable`], [`Error::body`]); the body the spec documents for a status is
//! `invent::errors::UpdateAssistantError::try_from(&error)`.
//!
//! ```no_run
//! # async fn example(client: invent::Client) {
//! # let body = invent::types::UpdateAssistant::builder();
//! match client.update_assistant().org_id("c").assistant_id("ast_1").body(body).send().await {
//!     Ok(response) => println!("updated {} (request {:?})", response.name, response.request_id()),
//!     Err(invent::Error::NotFound(_)) => println!("no such assistant"),
//!     Err(error) if error.is_retryable() => println!("try again later: {error}"),
//!     Err(error) => println!("{error} (status {:?}, request {:?})", error.status(), error.request_id()),
//! }
//! # }
//! ```
//!
//! # What goes over the wire besides the call
//!
//! Every request carries `api-version: <the spec's info.version>` (`1.0.0`), the client's
//! `User-Agent` and its credentials; a call may send another `api-version` with
//! `CallOptions::new().header("api-version", "…")`. Nothing else is added, to requests or to
//! responses: the attempts a call took are [`Response::attempts`].
//!
//! # Calling from synchronous code
//!
//! A program without an async `main` builds a small runtime and blocks on the call:
//! `examples/synchronous.rs` does it (`tokio::runtime::Builder::new_current_thread()`), and a
//! test runs it. The SDK asks tokio only for timers and a task-local; the application picks
//! the runtime.
//!
//! # The types grow with the API
//!
//! Every object and enum in [`types`] is `#[non_exhaustive]`, so that a new optional property,
//! enum value or union variant in the spec is a minor release: build values with their
//! builders (`UpdateAssistant::builder()`, or an operation's `body_map`), read fields as
//! usual, and give every `match` on a generated enum a `_` arm.
//!
//! ```
//! use invent::types::{Language, UpdateAssistant};
//!
//! let body: UpdateAssistant = UpdateAssistant::builder().name("Support").try_into()?;
//! assert_eq!(body.name.as_deref().map(String::as_str), Some("Support"));
//!
//! fn describe(language: &Language) -> &str {
//!     match language {
//!         Language::Auto => "detected",
//!         Language::Unknown(value) => value,
//!         _ => "added after this code was written",
//!     }
//! }
//! assert_eq!(describe(&Language::Auto), "detected");
//! # Ok::<(), invent::types::error::ConversionError>(())
//! ```
//!
//! A struct literal does not compile, not even with `..Default::default()`:
//!
//! ```compile_fail,E0639
//! let body = invent::types::UpdateAssistant {
//!     enabled: Some(true),
//!     ..Default::default()
//! };
//! ```
//!
//! Nor does a `match` without a `_` arm:
//!
//! ```compile_fail,E0004
//! fn describe(language: &invent::types::Language) -> &str {
//!     match language {
//!         invent::types::Language::Auto => "detected",
//!         invent::types::Language::Unknown(value) => value,
//!     }
//! }
//! ```

// On docs.rs (every feature on), each item a feature adds says which.
#![cfg_attr(docsrs, feature(doc_cfg))]

// Generated code names the SDK's types `::invent::…`, which then mean the same in this crate,
// the CLI and the mock crate.
extern crate self as invent;

mod body;
mod builders;
mod call;
mod deep_object;
mod enums;
mod error;
// What a spec may hold that lints would flag in generated code: an operation without
// parameters of a generated type (an unused import of progenitor's), enum values such as
// `+1` (variant `plus1`), Markdown in descriptions (bare URLs, `[Foo]`, `<Bar>`, list items
// continued lazily or indented as CommonMark allows; the text stays the spec's).
#[rustfmt::skip]
#[allow(
    unused_imports,
    non_camel_case_types,
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]
mod generated_sdk;
mod hooks;
mod json;
/// The spec's request limits, checked before sending; the generated table uses these types.
#[doc(hidden)]
pub mod limits;
mod object;
mod options;
mod pages;
mod patch;
mod raw;
pub mod redact;
mod response;
mod retry;
#[cfg(feature = "schemars")]
mod schema;
mod secret;
/// How each operation's credentials are sent; the generated table uses these types.
#[doc(hidden)]
pub mod security;
mod settings;
mod simple;
mod timestamp;
mod tls;
mod union;

/// Helpers the generated code calls; not part of the public API.
#[doc(hidden)]
pub mod support;

pub use deep_object::DeepObject;
pub use error::{ApiError, Error, TypedBodyError};
pub use generated_sdk::*;
/// The map of `additionalProperties: {type: …}` objects: it keeps the order keys were read in.
pub use indexmap::IndexMap;
pub use json::RawJson;
pub use object::Extra;
pub use options::CallOptions;
pub use pages::{Items, Pages};
pub use patch::Patch;
pub use raw::{RAW_OPERATION, RawRequest};
/// The HTTP method of a raw call ([`Client::raw`]).
pub use reqwest::Method;
pub use response::{ByteStream, Response};
pub use retry::{Attempt, RetryPolicy};
pub use secret::Secret;
pub use settings::{
    API_KEY_ENV, BASE_URL_ENV, ClientBuilder, ConfigError, DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, OWN_ORG, Settings,
};
pub use simple::{Simple, SimpleExploded};
pub use timestamp::{Timestamp, TimestampError};
