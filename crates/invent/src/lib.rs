//! Rust client for the Invent API, generated from `openapi.yaml` by `cargo xtask generate`.
//! The generated code is in `generated_sdk.rs`; this file and its siblings are hand-written.

#[rustfmt::skip]
mod generated_sdk;
mod patch;
mod secret;
#[doc(hidden)]
pub mod support;
mod timestamp;

pub use generated_sdk::*;
pub use patch::Patch;
pub use secret::Secret;
pub use timestamp::{Timestamp, TimestampError};
