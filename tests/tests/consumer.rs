//! What a consumer reads first: one way to build a client, a failure's status, request id,
//! body and retryability in one call each, and `Debug` output that shows no credential.

use std::time::Duration;

use invent::types::UpdateAssistant;
use invent::{CallOptions, Client, Error};
use invent_tests::server::{Reply, Server};
use serde_json::{Value, json};

const KEY: &str = "sk_consumer_secret_789";

fn assistant() -> Value {
    invent_tests::response_example("update_assistant", "200")
}

fn client(server: &Server, retries: u32) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .retry_policy(
            invent::RetryPolicy::default()
                .max_retries(retries)
                .initial_backoff(Duration::from_millis(1)),
        )
        .build()
        .unwrap()
}

async fn update(
    client: &Client,
    options: CallOptions,
) -> Result<invent::Response<invent::types::Assistant>, Error> {
    client
        .update_assistant()
        .org_id(invent::OWN_ORG)
        .assistant_id("ast_1")
        .body(UpdateAssistant::builder().name("Support"))
        .with_options(options)
        .send()
        .await
}

#[tokio::test]
async fn a_refusal_answers_status_request_id_body_and_retryability() {
    let body = json!({"message": "slow down"});
    let server = Server::start(vec![
        Reply::json(503, &body).header("x-request-id", "req_503"),
    ])
    .await;
    let error = update(&client(&server, 0), CallOptions::new())
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.request_id(), Some("req_503"));
    assert_eq!(
        serde_json::from_slice::<Value>(error.body().unwrap()).unwrap(),
        body
    );
    // A PATCH of this API may be sent again, and 503 is a status the policy retries.
    assert!(error.is_retryable(), "{error:?}");

    let server = Server::start(vec![Reply::json(404, &json!({"message": "no"}))]).await;
    let error = update(&client(&server, 0), CallOptions::new())
        .await
        .unwrap_err();
    assert!(!error.is_retryable(), "{error:?}");
    assert_eq!(error.request_id(), None);
}

#[tokio::test]
async fn retryability_is_the_policy_s_answer_for_the_method() {
    // A POST is not sent again after a 503: the server may have acted on it.
    let server = Server::start(vec![Reply::json(503, &json!({}))]).await;
    let error = client(&server, 0)
        .raw(invent::Method::POST, "/orgs/c/contacts")
        .json(&json!({"name": "Ada"}))
        .send::<Value>()
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert!(!error.is_retryable(), "{error:?}");
    // Nor after a 429 without Retry-After; with one, it is (nothing was processed).
    let server = Server::start(vec![
        Reply::json(429, &json!({})).header("retry-after", "1"),
    ])
    .await;
    let error = client(&server, 0)
        .raw(invent::Method::POST, "/orgs/c/contacts")
        .send::<Value>()
        .await
        .unwrap_err();
    assert!(error.is_retryable(), "{error:?}");
    // A request refused before sending is not worth sending again.
    let error = client(&server, 0)
        .update_assistant()
        .org_id(invent::OWN_ORG)
        .assistant_id("..")
        .body(UpdateAssistant::builder())
        .send()
        .await
        .unwrap_err();
    assert!(!error.is_retryable() && error.body().is_none(), "{error:?}");
}

#[tokio::test]
async fn an_off_spec_success_keeps_its_request_id() {
    let server = Server::start(vec![
        Reply::json(200, &json!({"id": 7})).header("x-request-id", "req_bad"),
    ])
    .await;
    let error = update(&client(&server, 0), CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
    assert_eq!(error.request_id(), Some("req_bad"));
    assert!(error.body().is_some());
}

#[tokio::test]
async fn the_typed_error_body_is_one_call_away() {
    let server = Server::start(vec![Reply::json(404, &json!({"message": "gone"}))]).await;
    let error = update(&client(&server, 0), CallOptions::new())
        .await
        .unwrap_err();
    match invent::errors::UpdateAssistantError::try_from(&error) {
        Ok(invent::errors::UpdateAssistantError::Status404(body)) => {
            assert_eq!(body.0["message"], "gone")
        }
        other => panic!("{other:?}"),
    }
    let server = Server::start(vec![Reply::json(418, &json!({}))]).await;
    let error = update(&client(&server, 0), CallOptions::new())
        .await
        .unwrap_err();
    assert!(matches!(
        invent::errors::UpdateAssistantError::try_from(&error),
        Err(invent::TypedBodyError::NotDocumented(status)) if status == 418
    ));
}

#[tokio::test]
async fn the_api_version_header_is_the_spec_s_and_a_call_may_change_it() {
    let server = Server::start(vec![
        Reply::json(200, &assistant()),
        Reply::json(200, &assistant()),
    ])
    .await;
    let client = client(&server, 0);
    update(&client, CallOptions::new()).await.unwrap();
    update(&client, CallOptions::new().header("api-version", "2.0.0"))
        .await
        .unwrap();
    let received = server.received();
    assert_eq!(received[0].header("api-version"), Some("1.0.0"));
    assert_eq!(received[1].header("api-version"), Some("2.0.0"));
}

#[tokio::test]
async fn debug_output_hides_values_named_like_credentials_and_shows_the_rest() {
    let options = CallOptions::new()
        .header("X-Api-Key", "hdr-secret-1")
        .header("x-session-token", "hdr-secret-2")
        .header("x-trace", "visible-trace")
        .query("api_key", "query-secret-3")
        .query("page", "visible-page")
        .authorization("Bearer auth-secret-4");
    let shown = format!("{options:?}");
    for secret in [
        "hdr-secret-1",
        "hdr-secret-2",
        "query-secret-3",
        "auth-secret-4",
    ] {
        assert!(!shown.contains(secret), "{shown}");
    }
    assert!(
        shown.contains("visible-trace") && shown.contains("visible-page"),
        "{shown}"
    );
    let configured = Client::builder()
        .api_key(KEY)
        .call_options(options)
        .build()
        .unwrap();
    let shown = format!("{configured:?}");
    for secret in [
        KEY,
        "hdr-secret-1",
        "hdr-secret-2",
        "query-secret-3",
        "auth-secret-4",
    ] {
        assert!(!shown.contains(secret), "{shown}");
    }

    let server = Server::start(vec![
        Reply::json(200, &assistant())
            .header("set-cookie", "session=cookie-secret-5")
            .header("x-request-id", "req_visible"),
        Reply::json(
            401,
            &json!({"message": "bad", "refresh_token": "body-secret-6", "hint": "visible-hint"}),
        ),
    ])
    .await;
    let client = client(&server, 0);
    let response = update(&client, CallOptions::new()).await.unwrap();
    let shown = format!("{response:?}");
    assert!(!shown.contains("cookie-secret-5"), "{shown}");
    assert!(shown.contains("req_visible"), "{shown}");
    // Read on purpose, it is there.
    assert_eq!(response.headers()["set-cookie"], "session=cookie-secret-5");
    let error = update(&client, CallOptions::new()).await.unwrap_err();
    let shown = format!("{error:?}");
    assert!(!shown.contains("body-secret-6"), "{shown}");
    assert!(shown.contains("visible-hint"), "{shown}");
    assert!(String::from_utf8_lossy(error.body().unwrap()).contains("body-secret-6"));
}

#[tokio::test]
async fn a_key_sent_in_the_query_is_hidden_from_transport_errors() {
    // Nothing listens on this port: the connection is refused, and the error names the URL.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder()
        .api_key(KEY)
        .base_url(url)
        .build()
        .unwrap();
    let error = update(
        &client,
        CallOptions::new().query("access_token", "query-secret-7"),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert!(error.is_retryable(), "nothing was sent: {error:?}");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains("query-secret-7"), "{shown}");
    }
}

#[test]
fn a_generated_type_hides_unknown_credentials_in_debug_and_keeps_them_on_the_wire() {
    let mut json = invent_tests::response_example("update_assistant", "200");
    json["webhook_secret"] = json!("extra-secret-8");
    json["plan"] = json!({"name": "visible-plan", "api_key": "nested-secret-9"});
    let assistant: invent::types::Assistant = serde_json::from_value(json.clone()).unwrap();
    let shown = format!("{assistant:?}");
    assert!(
        !shown.contains("extra-secret-8") && !shown.contains("nested-secret-9"),
        "{shown}"
    );
    assert!(shown.contains("visible-plan"), "{shown}");
    assert_eq!(assistant.extra["webhook_secret"], "extra-secret-8");
    assert_eq!(serde_json::to_value(&assistant).unwrap(), json);
}
