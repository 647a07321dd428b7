//! Behaviour of security.yaml: each operation sends the credential its `security` names, in
//! the place the scheme says, and nothing where it says none.

use httpmock::{Mock, MockServer, When};

fn client(server: &MockServer, basic: bool) -> invent::Client {
    let builder = invent::Client::builder().api_key("sk_key").base_url(server.base_url());
    let builder = if basic { builder.basic_auth("user", "pass") } else { builder };
    builder.build().unwrap()
}

/// A mock of `GET path` that asks `expect` of the request and answers 204.
async fn expecting<'a>(
    server: &'a MockServer,
    path: &str,
    expect: impl FnOnce(When) -> When,
) -> Mock<'a> {
    server
        .mock_async(|when, then| {
            expect(when.method("GET").path(path));
            then.status(204);
        })
        .await
}

/// No credential but the ones named.
fn only(when: When, keep: &[&str]) -> When {
    ["authorization", "x-api-key", "cookie"]
        .iter()
        .filter(|h| !keep.contains(h))
        .fold(when, |when, h| when.header_missing(*h))
}

#[tokio::test]
async fn each_scheme_sends_its_credential_where_it_says() {
    let s = MockServer::start_async().await;
    let bearer = expecting(&s, "/default", |w| {
        only(w.header("authorization", "Bearer sk_key"), &["authorization"])
    })
    .await;
    // base64("user:pass")
    let basic = expecting(&s, "/basic", |w| {
        only(w.header("authorization", "Basic dXNlcjpwYXNz"), &["authorization"])
    })
    .await;
    let header = expecting(&s, "/header", |w| only(w.header("x-api-key", "sk_key"), &["x-api-key"])).await;
    let query = expecting(&s, "/query", |w| {
        only(w.query_param("api_key", "sk_key").query_param("q", "x"), &[])
    })
    .await;
    let cookie = expecting(&s, "/cookie", |w| only(w.header("cookie", "session=sk_key"), &["cookie"])).await;
    let open = expecting(&s, "/open", |w| only(w.query_param_missing("api_key"), &[])).await;
    let client = client(&s, true);
    client.by_default().send().await.unwrap();
    client.with_basic().send().await.unwrap();
    client.with_header().send().await.unwrap();
    client.with_query().q("x").send().await.unwrap();
    client.with_cookie().send().await.unwrap();
    client.open().send().await.unwrap();
    for mock in [bearer, basic, header, query, cookie, open] {
        mock.assert_async().await;
    }
}

#[tokio::test]
async fn the_first_alternative_the_client_can_satisfy_is_sent() {
    let s = MockServer::start_async().await;
    let basic = expecting(&s, "/either", |w| {
        only(w.header("authorization", "Basic dXNlcjpwYXNz"), &["authorization"])
    })
    .await;
    client(&s, true).either().send().await.unwrap();
    basic.assert_async().await;

    let s = MockServer::start_async().await;
    let key = expecting(&s, "/either", |w| only(w.header("x-api-key", "sk_key"), &["x-api-key"])).await;
    client(&s, false).either().send().await.unwrap();
    key.assert_async().await;
}

#[tokio::test]
async fn a_client_with_basic_credentials_alone_needs_no_key() {
    let s = MockServer::start_async().await;
    let basic = expecting(&s, "/basic", |w| w.header("authorization", "Basic dXNlcjpwYXNz")).await;
    let client = invent::Client::builder()
        .basic_auth("user", "pass")
        .base_url(s.base_url())
        .build()
        .unwrap();
    client.with_basic().send().await.unwrap();
    basic.assert_async().await;
    // Its Debug output shows neither the password nor the header.
    let shown = format!("{client:?}");
    assert!(!shown.contains("pass") && !shown.contains("dXNlcjpwYXNz"), "{shown}");
    // And neither builder nor client can be made without any credential.
    let none = invent::Client::builder().base_url(s.base_url()).build();
    assert!(matches!(none, Err(invent::ConfigError::MissingApiKey)));
}
