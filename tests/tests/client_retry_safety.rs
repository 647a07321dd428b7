//! Retry safety on a socket: a POST is re-sent only when the server provably processed nothing,
//! or when it carries an `Idempotency-Key`; idempotent methods are retried as before.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use invent::{Client, RetryPolicy};
use invent_tests::server::{Reply, Server};
use progenitor_client::{ClientHooks, OperationInfo};
use reqwest::{Method, Request};

const KEY: &str = "sk_test_secret_123";

/// A request as the generated code would hand it to `exec` (the SDK has no POST operation yet).
fn request(method: Method, base_url: &str, idempotency_key: Option<&str>) -> Request {
    let url = format!("{base_url}/orgs/c/assistants").parse().unwrap();
    let mut request = Request::new(method, url);
    *request.body_mut() = Some(r#"{"name":"Support"}"#.into());
    if let Some(key) = idempotency_key {
        let headers = request.headers_mut();
        headers.insert("Idempotency-Key", key.parse().unwrap());
    }
    request
}

/// Runs `request` through the client's retry loop.
async fn exec(client: &Client, request: Request) -> reqwest::Result<reqwest::Response> {
    let info = OperationInfo {
        operation_id: "test",
    };
    ClientHooks::exec(client, request, &info).await
}

/// Sends one `method` request to a server scripted with `replies`; returns the requests the
/// server received and the final status.
async fn run(method: Method, replies: Vec<Reply>) -> (usize, u16) {
    let server = Server::start(replies).await;
    let client = invent_tests::quick_client(server.url(), KEY);
    let response = exec(&client, request(method, server.url(), None))
        .await
        .unwrap();
    (server.received().len(), response.status().as_u16())
}

fn busy() -> Reply {
    Reply::raw(503, "text/plain", "busy")
}

fn created() -> Reply {
    Reply::raw(200, "application/json", "{}")
}

#[tokio::test]
async fn post_is_not_retried_after_a_503() {
    let (attempts, status) = run(Method::POST, vec![busy(), busy(), created()]).await;
    assert_eq!((attempts, status), (1, 503));
}

#[tokio::test]
async fn post_is_not_retried_after_a_429_without_retry_after() {
    let limited = Reply::raw(429, "text/plain", "slow down");
    let (attempts, status) = run(Method::POST, vec![limited, created()]).await;
    assert_eq!((attempts, status), (1, 429));
}

#[tokio::test]
async fn post_is_retried_after_a_429_with_retry_after() {
    let limited = Reply::raw(429, "text/plain", "slow down").header("Retry-After", "0");
    let (attempts, status) = run(Method::POST, vec![limited, created()]).await;
    assert_eq!((attempts, status), (2, 200));
}

#[tokio::test]
async fn post_is_not_retried_after_a_timeout() {
    let server = Server::start(vec![Reply::hang(), created(), created()]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .build()
        .unwrap();
    let error = exec(&client, request(Method::POST, server.url(), None))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn post_is_retried_when_the_connection_is_refused() {
    let (_refusing, base_url) = invent_tests::server::refusing_address();
    let attempts = Arc::new(AtomicU32::new(0));
    let seen = attempts.clone();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(&base_url)
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .on_attempt(move |_| {
            seen.fetch_add(1, Ordering::SeqCst);
        })
        .build()
        .unwrap();
    let error = exec(&client, request(Method::POST, &base_url, None))
        .await
        .unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    let max_retries = client.retry_policy().max_retries;
    assert_eq!(attempts.load(Ordering::SeqCst), max_retries + 1);
}

#[tokio::test]
async fn post_with_an_idempotency_key_is_retried_with_the_same_key() {
    let server = Server::start(vec![busy(), busy(), created()]).await;
    let client = invent_tests::quick_client(server.url(), KEY);
    let key = invent::support::idempotency_key();
    let response = exec(&client, request(Method::POST, server.url(), Some(&key)))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let received = server.received();
    assert_eq!(received.len(), 3);
    for attempt in &received {
        assert_eq!(attempt.method, "POST");
        assert_eq!(attempt.header("idempotency-key"), Some(key.as_str()));
    }
}

#[tokio::test]
async fn patch_is_still_retried_after_503s() {
    let (attempts, status) = run(Method::PATCH, vec![busy(), busy(), created()]).await;
    assert_eq!((attempts, status), (3, 200));
}

#[test]
fn the_readme_lists_the_statuses_the_policy_retries() {
    let readme = std::fs::read_to_string(invent_tests::root().join("README.md")).unwrap();
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let statuses = RetryPolicy::RETRIED_STATUSES.map(|s| s.to_string());
    let (last, rest) = statuses.split_last().unwrap();
    let listed = format!("{} and {last}", rest.join(", "));
    assert!(
        readme.contains(&format!("timeouts and {listed};")),
        "README.md does not list {listed}"
    );
}
