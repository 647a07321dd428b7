//! A typed extension of `httpmock::MockServer` for the Invent API, generated from openapi.yaml:
//! `server.update_assistant(|when, then| …)` instead of hand-written paths and JSON.
#![doc = include_str!("../README.md")]

// An operation without parameters of a generated type leaves `use invent::*` unused.
#[rustfmt::skip]
#[allow(unused_imports, clippy::all)]
mod generated_httpmock;

pub use generated_httpmock::*;
