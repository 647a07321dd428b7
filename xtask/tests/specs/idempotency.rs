//! Behaviour of idempotency.yaml: a POST that declares an Idempotency-Key gets one key per
//! call, the same on every attempt, and is retried; a POST without one is not retried.

use std::sync::{Arc, Mutex};

use invent::types::Payment;
use serde_json::json;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .retry_policy(invent::RetryPolicy::default().initial_backoff(std::time::Duration::from_millis(5)))
        .build()
        .unwrap()
}

#[tokio::test]
async fn one_key_per_call_reused_on_every_attempt() {
    let server = httpmock::MockServer::start_async().await;
    let keys = Arc::new(Mutex::new(Vec::new()));
    let seen = keys.clone();
    let failing = server
        .mock_async(move |when, then| {
            when.method("POST").path("/payments").is_true(move |req| {
                let key = req.headers().get("idempotency-key").map(|v| v.to_str().unwrap().to_string());
                seen.lock().unwrap().push(key);
                true
            });
            then.status(503);
        })
        .await;
    let error = client(&server).create_payment().body(Payment::default()).send().await.unwrap_err();
    assert_eq!(error.attempts(), 3, "{error}");
    failing.assert_calls_async(3).await;
    let keys = keys.lock().unwrap().clone();
    let first = keys[0].clone().expect("a key was sent");
    assert_eq!(first.len(), 36, "{first}");
    assert!(keys.iter().all(|k| k.as_deref() == Some(first.as_str())), "{keys:?}");
}

#[tokio::test]
async fn a_key_the_caller_sets_is_used_and_calls_get_new_keys() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/payments").header("idempotency-key", "mine");
            then.status(201).json_body(json!({"amount": 1}));
        })
        .await;
    let client = client(&server);
    client.create_payment().idempotency_key("mine").body(Payment::default()).send().await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn a_post_without_a_key_is_not_retried_after_a_server_error() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/refunds");
            then.status(503);
        })
        .await;
    let error = client(&server).create_refund().body(Payment::default()).send().await.unwrap_err();
    assert!(matches!(error, invent::Error::Server(_)), "{error}");
    mock.assert_calls_async(1).await;
}
