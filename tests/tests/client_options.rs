//! Per-call control over loopback HTTP: a deadline across retries, a timeout per call, extra
//! headers and query parameters, the request id and attempts of a success, and raw calls.

use std::time::{Duration, Instant};

use invent::types::UpdateAssistant;
use invent::{CallOptions, Client, Error, Method, RetryPolicy};
use invent_tests::server::{Reply, Server};
use serde_json::{Value, json};

const KEY: &str = "sk_options_secret_456";

fn assistant() -> Value {
    invent_tests::response_example("update_assistant", "200")
}

fn client(server: &Server) -> Client {
    invent_tests::quick_client(server.url(), KEY)
}

fn body() -> UpdateAssistant {
    UpdateAssistant::builder()
        .name("Support")
        .try_into()
        .unwrap()
}

async fn update(
    client: &Client,
    options: CallOptions,
) -> Result<invent::Response<invent::types::Assistant>, Error> {
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(body())
        .with_options(options)
        .send()
        .await
}

#[tokio::test]
async fn a_deadline_shorter_than_the_retries_stops_them() {
    // Waits of 0.3–0.4 s, then 0.6–0.8 s (jitter), then more between attempts: without a
    // deadline, 4 attempts take over 2 s; with a 0.85 s deadline the second attempt starts
    // and the wait after it would end past the deadline, so no third one starts.
    let server = Server::start(vec![Reply::raw(503, "text/plain", "busy"); 4]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry_policy(
            RetryPolicy::default()
                .max_retries(3)
                .initial_backoff(Duration::from_millis(400))
                .max_backoff(Duration::from_secs(8)),
        )
        .build()
        .unwrap();
    let started = Instant::now();
    let error = update(
        &client,
        CallOptions::new().deadline(Duration::from_millis(850)),
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    assert!(matches!(error, Error::Server(_)), "{error:?}");
    assert_eq!(error.attempts(), 2);
    assert_eq!(server.received().len(), 2);
    assert!(took < Duration::from_millis(850), "took {took:?}");
}

#[tokio::test]
async fn a_deadline_cuts_off_an_attempt_that_does_not_answer() {
    let server = Server::start(vec![Reply::hang()]).await;
    let started = Instant::now();
    // The client's own timeout is 5 s (`quick_client`).
    let error = update(
        &client(&server),
        CallOptions::new().deadline(Duration::from_millis(300)),
    )
    .await
    .unwrap_err();
    let took = started.elapsed();
    let Error::DeadlineExceeded {
        deadline, attempts, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!((*deadline, *attempts), (Duration::from_millis(300), 1));
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_secs(3),
        "took {took:?}"
    );
    assert!(error.to_string().contains("deadline of 0.300 s"), "{error}");
}

#[tokio::test]
async fn a_client_wide_deadline_applies_to_every_call() {
    let server = Server::start(vec![Reply::hang()]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .call_options(CallOptions::new().deadline(Duration::from_millis(200)))
        .build()
        .unwrap();
    let error = update(&client, CallOptions::new()).await.unwrap_err();
    assert!(matches!(error, Error::DeadlineExceeded { .. }), "{error:?}");
}

#[tokio::test]
async fn a_timeout_and_retries_for_one_call_override_the_clients() {
    let server = Server::start(vec![Reply::hang(), Reply::hang()]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let started = Instant::now();
    let options = CallOptions::new()
        .timeout(Duration::from_millis(200))
        .max_retries(0);
    let error = update(&client, options).await.unwrap_err();
    assert!(
        matches!(error, Error::Timeout { attempts: 1, .. }),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn extra_headers_and_query_parameters_reach_the_wire() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .call_options(
            CallOptions::new()
                .header("x-tenant", "default-tenant")
                .header("x-app", "billing")
                .query("source", "sdk"),
        )
        .build()
        .unwrap();
    let options = CallOptions::new()
        .header("X-Tenant", "call-tenant")
        .query("dry_run", "true")
        .query("tag", "a b")
        .query("tag", "c");
    update(&client, options).await.unwrap();
    let request = &server.received()[0];
    assert_eq!(
        request.target,
        "/orgs/c/assistants/ast_1?source=sdk&dry_run=true&tag=a+b&tag=c"
    );
    assert_eq!(request.header("x-tenant"), Some("call-tenant"));
    assert_eq!(request.header("x-app"), Some("billing"));
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
}

#[tokio::test]
async fn authorization_is_replaced_only_when_asked_for_and_stays_hidden() {
    let server = Server::start(vec![Reply::raw(
        401,
        "application/json",
        r#"{"message":"bad key sk_other_key_999"}"#,
    )])
    .await;
    let client = client(&server);
    let error = update(
        &client,
        CallOptions::new().header("Authorization", "Bearer x"),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert!(
        error.to_string().contains("CallOptions::authorization"),
        "{error}"
    );
    assert!(server.received().is_empty());
    let options = CallOptions::new().authorization("Bearer sk_other_key_999");
    assert!(!format!("{options:?}").contains("sk_other_key_999"));
    let error = update(&client, options).await.unwrap_err();
    assert_eq!(
        server.received()[0].header("authorization"),
        Some("Bearer sk_other_key_999")
    );
    assert!(matches!(error, Error::Unauthorized(_)), "{error:?}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains("sk_other_key_999"), "{shown}");
    }
}

#[tokio::test]
async fn a_header_that_cannot_be_sent_is_refused_naming_it() {
    let server = Server::start(vec![]).await;
    let error = update(
        &client(&server),
        CallOptions::new().header("x-bad", "line\nbreak"),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidRequest(m) if m.contains("`x-bad`")),
        "{error:?}"
    );
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_success_tells_its_request_id_and_attempts() {
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &assistant()).header("x-request-id", "req_42"),
    ])
    .await;
    let response = update(&client(&server), CallOptions::new()).await.unwrap();
    assert_eq!(response.request_id(), Some("req_42"));
    assert_eq!(response.attempts(), 2);
    // The count is the SDK's own: the response carries only the headers the server sent.
    assert_eq!(response.headers().get("x-invent-attempts"), None);
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let response = update(&client(&server), CallOptions::new()).await.unwrap();
    assert_eq!((response.request_id(), response.attempts()), (None, 1));
    // A server cannot make a call look as if it took more attempts than it did.
    let server = Server::start(vec![
        Reply::json(200, &assistant()).header("x-invent-attempts", "7"),
    ])
    .await;
    let response = update(&client(&server), CallOptions::new()).await.unwrap();
    assert_eq!(response.attempts(), 1);
    assert_eq!(response.headers()["x-invent-attempts"], "7");
}

#[tokio::test]
async fn a_raw_call_encodes_its_path_and_sends_json() {
    let server = Server::start(vec![
        Reply::json(200, &json!({"id": "ct_1", "tags": ["a"]})),
        Reply::raw(204, "text/plain", ""),
    ])
    .await;
    let client = client(&server);
    let response = client
        .raw(Method::POST, "/orgs/c/contacts/a b%2F/notes")
        .query("limit", "10")
        .header("x-trace", "t")
        .json(&json!({"text": "hi"}))
        .send::<Value>()
        .await
        .unwrap();
    assert_eq!(response.into_inner(), json!({"id": "ct_1", "tags": ["a"]}));
    let request = &server.received()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/orgs/c/contacts/a%20b%252F/notes?limit=10");
    assert_eq!(request.json(), json!({"text": "hi"}));
    assert_eq!(request.header("x-trace"), Some("t"));
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    // A bodyless answer is JSON `null`.
    let empty = client
        .raw(Method::DELETE, "/orgs/c/contacts/ct_1")
        .send::<Value>()
        .await
        .unwrap();
    assert_eq!(empty.into_inner(), Value::Null);
}

#[tokio::test]
async fn a_raw_path_that_would_change_is_refused_before_sending() {
    let server = Server::start(vec![]).await;
    let client = client(&server);
    for path in [
        "/orgs/c/../admin",
        "/orgs//x",
        "/orgs/./x",
        "/orgs/c?admin=1",
    ] {
        let error = client
            .raw(Method::GET, path)
            .send::<Value>()
            .await
            .unwrap_err();
        assert!(
            matches!(error, Error::InvalidRequest(_)),
            "{path}: {error:?}"
        );
    }
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn a_raw_call_retries_by_method_and_fails_like_an_operation() {
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &json!({"ok": true})),
        Reply::raw(503, "text/plain", "busy"),
        Reply::raw(
            404,
            "application/json",
            format!(r#"{{"message":"no such thing for {KEY}"}}"#),
        )
        .header("x-request-id", "req_9"),
    ])
    .await;
    let client = client(&server);
    // GET is retried after a 503.
    let got = client
        .raw(Method::GET, "/orgs/c/x")
        .send::<Value>()
        .await
        .unwrap();
    assert_eq!(got.attempts(), 2);
    // POST is not: the server may have acted.
    let error = client
        .raw(Method::POST, "/orgs/c/x")
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Server(e) if e.attempts == 1),
        "{error:?}"
    );
    let error = client
        .raw(Method::GET, "/orgs/c/y")
        .send::<Value>()
        .await
        .unwrap_err();
    let Error::NotFound(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.request_id.as_deref(), Some("req_9"));
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(KEY), "{shown}");
    }
    assert_eq!(server.received().len(), 4);
}

#[tokio::test]
async fn a_raw_call_reads_any_serde_type_and_names_a_mismatch() {
    #[derive(serde::Deserialize, Debug)]
    struct Contact {
        id: String,
    }
    let server = Server::start(vec![
        Reply::json(200, &json!({"id": "ct_1"})),
        Reply::json(200, &json!({"id": 7})),
    ])
    .await;
    let client = client(&server);
    let contact = client
        .raw(Method::GET, "/c")
        .send::<Contact>()
        .await
        .unwrap();
    assert_eq!(contact.into_inner().id, "ct_1");
    let error = client
        .raw(Method::GET, "/c")
        .send::<Contact>()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
}

#[tokio::test]
async fn a_retry_policy_for_one_call_replaces_the_clients() {
    let server = Server::start(vec![Reply::raw(503, "text/plain", "busy"); 3]).await;
    let client = client(&server);
    assert_eq!(client.retry_policy().max_retries, 2);
    let policy = RetryPolicy::default()
        .max_retries(1)
        .initial_backoff(Duration::from_millis(1));
    let error = update(&client, CallOptions::new().retry_policy(policy))
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), 2);
    assert_eq!(server.received().len(), 2);
}
