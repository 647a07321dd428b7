//! Shared helpers for the workspace's tests: where things are, and the spec's own examples.
//! The tests themselves live in `tests/tests/`.

use std::path::{Path, PathBuf};

use serde_json::Value;

pub mod arbitrary;
pub mod calls;
pub mod conformance;
pub mod examples;
pub mod fixtures;
pub mod json_schema;
pub mod prism;
pub mod recorder;
pub mod server;

/// The workspace root (the folder holding openapi.yaml).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the root")
        .to_path_buf()
}

/// The normalized spec, as the generator reads it.
pub fn spec() -> xtask::spec::Spec {
    xtask::spec::load(&root().join("openapi.yaml")).expect("openapi.yaml loads")
}

/// The value at a JSON pointer of the spec, such as an example.
pub fn spec_value(pointer: &str) -> Value {
    spec()
        .json
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| panic!("openapi.yaml has no `{pointer}`"))
}

/// The operation with `operation_id`, from the spec's `paths`.
pub fn operation(operation_id: &str) -> Value {
    let spec = spec().json;
    let paths = spec["paths"].as_object().expect("paths");
    paths
        .values()
        .flat_map(|item| item.as_object().into_iter().flatten())
        .map(|(_, op)| op)
        .find(|op| op["operationId"] == operation_id)
        .cloned()
        .unwrap_or_else(|| panic!("openapi.yaml has no operation `{operation_id}`"))
}

/// The page's request example of `operation_id`, as the spec records it.
pub fn request_example(operation_id: &str) -> Value {
    operation(operation_id)["requestBody"]["content"]["application/json"]["example"].clone()
}

/// The page's example of the `status` response of `operation_id`.
pub fn response_example(operation_id: &str, status: &str) -> Value {
    operation(operation_id)["responses"][status]["content"]["application/json"]["example"].clone()
}

/// The README's Rust examples, compiled as doc tests so the README stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// A client for a local test server, with retries 50 times quicker than the default so that
/// tests of retrying do not sleep for seconds.
pub fn quick_client(base_url: &str, api_key: &str) -> invent::Client {
    invent::Client::builder()
        .api_key(api_key)
        .base_url(base_url)
        .timeout(std::time::Duration::from_secs(5))
        .retry_policy(
            invent::RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(10)),
        )
        .build()
        .expect("a loopback base URL and a key build a client")
}
