//! Rust client for the Invent API, generated from `openapi.yaml` by `cargo xtask generate`.
//! The generated code is in `generated_sdk.rs`; this file and its siblings are hand-written.

mod call;
mod error;
#[rustfmt::skip]
mod generated_sdk;
mod hooks;
mod patch;
mod retry;
mod secret;
mod settings;
mod timestamp;

/// Helpers the generated code calls; not part of the public API.
#[doc(hidden)]
pub mod support;

pub use error::{ApiError, Error};
pub use generated_sdk::*;
pub use patch::Patch;
pub use retry::{Attempt, RetryPolicy};
pub use secret::Secret;
pub use settings::{
    API_KEY_ENV, BASE_URL_ENV, ClientBuilder, ConfigError, DEFAULT_BASE_URL,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, OWN_ORG, Settings,
};
pub use timestamp::{Timestamp, TimestampError};
