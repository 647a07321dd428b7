//! A typed extension of `httpmock::MockServer` for the Invent API, generated from openapi.yaml:
//! `server.update_assistant(|when, then| …)` instead of hand-written paths and JSON.
#![doc = include_str!("../README.md")]

// An operation without parameters of a generated type leaves `use invent::*` unused;
// descriptions in the spec are Markdown, not rustdoc.
#[rustfmt::skip]
#[allow(
    unused_imports,
    clippy::all,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]
mod generated_httpmock;

pub use generated_httpmock::*;
