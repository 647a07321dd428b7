//! The client end to end over loopback HTTP: request shape, credentials, encoding, bodies,
//! retries, timeouts and the error for each failure class, against a scripted server.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use invent::types::UpdateAssistant;
use invent::{Client, Error, Patch, RetryPolicy};
use invent_tests::server::{Reply, Server};
use serde_json::{Value, json};

const KEY: &str = "sk_test_secret_123";

fn assistant() -> Value {
    invent_tests::response_example("update_assistant", "200")
}

/// A client for `server` with quick retries, so the tests do not sleep for seconds.
fn client(server: &Server) -> Client {
    invent_tests::quick_client(server.url(), KEY)
}

async fn send(client: &Client, body: UpdateAssistant) -> Result<invent::types::Assistant, Error> {
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(body)
        .send()
        .await
        .map(|r| r.into_inner())
}

#[tokio::test]
async fn request_carries_method_path_credentials_and_body() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let body = UpdateAssistant::builder()
        .name("Support")
        .enabled(true)
        .try_into()
        .unwrap();
    let updated = send(&client(&server), body).await.unwrap();
    assert_eq!(updated.name, "<string>");
    let received = server.received();
    assert_eq!(received.len(), 1);
    let request = &received[0];
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.target, "/orgs/c/assistants/ast_1");
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("user-agent"),
        Some(concat!("invent-rust/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(request.json(), json!({"name": "Support", "enabled": true}));
}

#[tokio::test]
async fn ids_are_percent_encoded_into_one_path_segment() {
    for id in [
        "a/b",
        "a?b=1",
        "a#b",
        "a%2Fb",
        "a b",
        "..x",
        "ä",
        "a\\b",
        "..\\..\\admin",
        "%2e%2e",
        "a;b",
    ] {
        let server = Server::start(vec![Reply::json(200, &assistant())]).await;
        client(&server)
            .update_assistant()
            .org_id(id)
            .assistant_id(id)
            .body(UpdateAssistant::default())
            .send()
            .await
            .unwrap();
        let target = server.received()[0].target.clone();
        let segments: Vec<&str> = target.trim_start_matches('/').split('/').collect();
        assert_eq!(segments.len(), 4, "{id:?} changed the path: {target}");
        assert!(
            !target.contains('?') && !target.contains('#'),
            "{id:?} leaked into the target: {target}"
        );
        let decoded = |s: &str| percent_decode(s);
        assert_eq!(decoded(segments[1]), id);
        assert_eq!(decoded(segments[3]), id);
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn dot_segment_and_empty_ids_are_refused_before_sending() {
    let server = Server::start(vec![]).await;
    for id in ["..", ".", ""] {
        let error = client(&server)
            .update_assistant()
            .org_id("c")
            .assistant_id(id)
            .body(UpdateAssistant::default())
            .send()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
        assert!(error.to_string().contains("assistant_id"), "{error}");
    }
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn each_tri_state_goes_out_exactly() {
    let cases = [
        (UpdateAssistant::default(), json!({})),
        (
            UpdateAssistant::builder()
                .avatar_id(Patch::Null)
                .try_into()
                .unwrap(),
            json!({"avatar_id": null}),
        ),
        (
            UpdateAssistant::builder()
                .avatar_id("file_9".to_string())
                .try_into()
                .unwrap(),
            json!({"avatar_id": "file_9"}),
        ),
        (
            serde_json::from_value(json!({"config": {"conversation": {"suggested_messages": []}}}))
                .unwrap(),
            json!({"config": {"conversation": {"suggested_messages": []}}}),
        ),
    ];
    for (body, expected) in cases {
        let server = Server::start(vec![Reply::json(200, &assistant())]).await;
        send(&client(&server), body).await.unwrap();
        assert_eq!(server.received()[0].json(), expected);
    }
}

#[tokio::test]
async fn retries_503_twice_then_returns_the_200() {
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let attempts = Arc::new(Mutex::new(Vec::new()));
    let seen = attempts.clone();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(10)))
        .on_attempt(move |a| {
            seen.lock().unwrap().push((
                a.number,
                a.status.map(|s| s.as_u16()),
                a.retry_in.is_some(),
            ))
        })
        .build()
        .unwrap();
    send(&client, UpdateAssistant::default()).await.unwrap();
    assert_eq!(server.received().len(), 3);
    assert_eq!(
        *attempts.lock().unwrap(),
        vec![
            (1, Some(503), true),
            (2, Some(503), true),
            (3, Some(200), false)
        ]
    );
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let server = Server::start(vec![
        Reply::json(429, &json!({"message": "slow down"})).header("retry-after", "1"),
        Reply::json(200, &assistant()),
    ])
    .await;
    send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap();
    let received = server.received();
    assert_eq!(received.len(), 2);
    let waited = received[1].at - received[0].at;
    assert!(
        waited >= Duration::from_millis(900),
        "waited only {waited:?}"
    );
}

#[tokio::test]
async fn bad_request_is_not_retried_and_keeps_what_the_api_said() {
    let body = json!({"error": {"message": "name is too long"}});
    let server = Server::start(vec![
        Reply::json(400, &body).header("x-request-id", "req_42"),
    ])
    .await;
    let error = send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap_err();
    assert_eq!(server.received().len(), 1);
    let Error::BadRequest(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.status.as_u16(), 400);
    assert_eq!(api.message.as_deref(), Some("name is too long"));
    assert_eq!(api.request_id.as_deref(), Some("req_42"));
    assert_eq!(serde_json::from_slice::<Value>(&api.body).unwrap(), body);
    assert_eq!(error.attempts(), 1);
    insta::assert_snapshot!(error.to_string(), @"400 Bad Request: check that the parameters were correct: name is too long (request id req_42)");
}

#[tokio::test]
async fn attempts_stop_at_the_maximum() {
    let server = Server::start(vec![
        Reply::raw(502, "text/html", "<html>bad gateway</html>");
        6
    ])
    .await;
    let error = send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap_err();
    assert_eq!(server.received().len(), 3);
    let Error::Server(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.attempts, 3);
    assert_eq!(&api.body[..], b"<html>bad gateway</html>");
    assert_eq!(api.message, None);
}

#[tokio::test]
async fn zero_retries_means_one_attempt() {
    let server = Server::start(vec![Reply::raw(503, "text/plain", "busy"); 2]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .max_retries(0)
        .build()
        .unwrap();
    let error = send(&client, UpdateAssistant::default()).await.unwrap_err();
    assert!(matches!(error, Error::Server(_)));
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = Server::start(vec![Reply::hang()]).await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .timeout(Duration::from_millis(300))
        .max_retries(0)
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = send(&client, UpdateAssistant::default()).await.unwrap_err();
    assert!(
        matches!(error, Error::Timeout { attempts: 1, .. }),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert!(error.to_string().contains("did not answer in time"));
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error_after_retries() {
    let (_refusing, base_url) = invent_tests::server::refusing_address();
    let attempts = Arc::new(Mutex::new(0));
    let seen = attempts.clone();
    let client = Client::builder()
        .api_key(KEY)
        .base_url(base_url)
        .retry_policy(RetryPolicy::default().initial_backoff(Duration::from_millis(5)))
        .on_attempt(move |_| *seen.lock().unwrap() += 1)
        .build()
        .unwrap();
    let error = send(&client, UpdateAssistant::default()).await.unwrap_err();
    assert!(
        matches!(error, Error::Transport { attempts: 3, .. }),
        "{error:?}"
    );
    assert_eq!(*attempts.lock().unwrap(), 3);
    assert!(!error.to_string().contains(KEY));
}

#[tokio::test]
async fn a_malformed_success_body_keeps_the_raw_body_and_serde_message() {
    for body in ["{\"id\": ", "not json", ""] {
        let server = Server::start(vec![Reply::raw(200, "application/json", body)]).await;
        let error = send(&client(&server), UpdateAssistant::default())
            .await
            .unwrap_err();
        let Error::InvalidResponse {
            status,
            body: raw,
            reason,
            ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!(status.as_u16(), 200);
        assert_eq!(&raw[..], body.as_bytes());
        assert!(!reason.is_empty());
    }
}

#[tokio::test]
async fn each_status_gets_its_own_variant() {
    type Check = fn(&Error) -> bool;
    let cases: [(u16, Check); 9] = [
        (400, |e| matches!(e, Error::BadRequest(_))),
        (401, |e| matches!(e, Error::Unauthorized(_))),
        (403, |e| matches!(e, Error::Forbidden(_))),
        (404, |e| matches!(e, Error::NotFound(_))),
        (409, |e| matches!(e, Error::Conflict(_))),
        (422, |e| matches!(e, Error::UnprocessableEntity(_))),
        (
            429,
            |e| matches!(e, Error::RateLimited { retry_after: Some(d), .. } if d.as_secs() == 7),
        ),
        (500, |e| matches!(e, Error::Server(_))),
        (418, |e| matches!(e, Error::UnexpectedStatus(_))),
    ];
    for (status, is_expected) in cases {
        // Enough replies for the retried statuses (409, 429, 500).
        let reply = Reply::raw(status, "text/plain", "").header("retry-after", "7");
        let server = Server::start(vec![reply; 3]).await;
        let client = Client::builder()
            .api_key(KEY)
            .base_url(server.url())
            .retry_policy(RetryPolicy::default().max_retry_after(Duration::from_millis(1)))
            .build()
            .unwrap();
        let error = send(&client, UpdateAssistant::default()).await.unwrap_err();
        assert!(is_expected(&error), "{status}: {error:?}");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
        assert!(!error.to_string().contains('\n'), "one line: {error}");
    }
}

#[tokio::test]
async fn unauthorized_says_to_check_the_key_without_printing_it() {
    let server = Server::start(vec![Reply::json(
        401,
        &json!({"message": "invalid api key"}),
    )])
    .await;
    let client = client(&server);
    let error = send(&client, UpdateAssistant::default()).await.unwrap_err();
    let shown = format!("{error} {error:?} {client:?}");
    assert!(error.to_string().contains("INVENT_API_KEY"), "{error}");
    assert!(!shown.contains(KEY), "{shown}");
}

#[test]
fn base_url_must_be_https_or_loopback_http() {
    let build = |url: &str| Client::builder().api_key(KEY).base_url(url).build();
    for good in [
        "https://api.useinvent.com",
        "https://example.com/v1/",
        "http://127.0.0.1:8080",
        "http://localhost:3000",
        "http://[::1]:9000",
    ] {
        assert!(build(good).is_ok(), "{good} was refused");
    }
    for bad in [
        "http://api.useinvent.com",
        "ftp://example.com",
        "api.useinvent.com",
        "https://example.com/?a=1",
        "http://10.0.0.1",
    ] {
        let error = build(bad).unwrap_err();
        assert!(error.to_string().contains(bad), "{bad}: {error}");
    }
}

#[test]
fn an_empty_key_is_refused_by_name() {
    let error = Client::builder().api_key("").build().unwrap_err();
    assert!(error.to_string().contains("INVENT_API_KEY"), "{error}");
    let builder = Client::builder().api_key(KEY);
    assert!(!format!("{builder:?}").contains(KEY));
}

#[tokio::test]
async fn a_retry_after_beyond_the_cap_fails_at_once() {
    let server = Server::start(vec![
        Reply::json(429, &json!({"message": "quota"})).header("retry-after", "3600"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let started = std::time::Instant::now();
    let error = send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(server.received().len(), 1);
    let Error::RateLimited { retry_after, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(*retry_after, Some(Duration::from_secs(3600)));
    assert!(error.to_string().contains("retry after 3600 s"), "{error}");
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = Server::start(vec![
        Reply::raw(302, "text/plain", "").header("location", "http://127.0.0.1:9/steal"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let error = send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap_err();
    // An undocumented 3xx is off-spec: reported with its status, never followed.
    assert!(
        matches!(&error, Error::InvalidResponse { status, .. } if status.as_u16() == 302),
        "{error:?}"
    );
    assert!(error.to_string().contains("does not follow"), "{error}");
    assert_eq!(server.received().len(), 1);
}

#[tokio::test]
async fn an_unparseable_success_body_stays_out_of_debug_output() {
    let mut body = assistant();
    body["secret_key"] = json!("sk_live_in_a_bad_body");
    body.as_object_mut().unwrap().remove("deleted");
    let server = Server::start(vec![Reply::json(200, &body)]).await;
    let error = send(&client(&server), UpdateAssistant::default())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }));
    let shown = format!("{error} {error:?} {error:#?}");
    assert!(!shown.contains("sk_live_in_a_bad_body"), "{shown}");
    assert!(shown.contains("bytes"), "{shown}");
}

#[test]
fn base_url_errors_hide_credentials_and_urls_are_normalized() {
    let error = Client::builder()
        .api_key(KEY)
        .base_url("https://user:hunter2@example.com")
        .build()
        .unwrap_err();
    assert!(!error.to_string().contains("hunter2"), "{error}");
    let client = Client::builder()
        .api_key(KEY)
        .base_url(" https://api.useinvent.com/ ")
        .build()
        .unwrap();
    assert_eq!(client.base_url(), "https://api.useinvent.com");
}

#[test]
fn backoff_doubles_up_to_its_cap_and_never_panics() {
    let policy = RetryPolicy::default();
    let no_jitter: Vec<_> = (1..=6)
        .map(|n| policy.delay(n, None, 0.0).unwrap())
        .collect();
    let seconds: Vec<f64> = no_jitter.iter().map(Duration::as_secs_f64).collect();
    assert_eq!(seconds, vec![0.5, 1.0, 2.0, 4.0, 8.0, 8.0]);
    let jittered = policy.delay(1, None, 0.999).unwrap();
    assert!(jittered >= Duration::from_millis(375) && jittered <= Duration::from_millis(500));
    let huge = RetryPolicy::default()
        .max_backoff(Duration::MAX)
        .initial_backoff(Duration::MAX);
    assert!(huge.delay(40, None, 0.5).is_some());
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "retry-after",
        "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
    );
    assert_eq!(
        policy.delay(1, Some(&headers), 0.0),
        Some(Duration::ZERO),
        "a date in the past means now"
    );
}

/// A call's future holds the builder and the call's record; the operation's own state (the
/// request, the hooks, the response: several kilobytes) is on the heap, moved there once, so
/// that awaiting a call does not copy kilobytes at every step.
#[test]
fn a_call_future_stays_small() {
    let client = Client::builder()
        .api_key("k")
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
    let call = client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(UpdateAssistant::default())
        .send();
    let size = std::mem::size_of_val(&call);
    assert!(size <= 4096, "a call's future is {size} bytes");
}
