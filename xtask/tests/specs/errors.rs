//! Behaviour of errors.yaml: one invent::Error for every failure, and the typed body of each
//! documented status (distinct schemas, bodyless, a range, a default) readable from it.

use invent::errors::{CreateConversationError, GetConversationError};
use invent::types::CreateConversationBody;
use serde_json::json;

async fn create_with_reply(status: u16, body: Option<serde_json::Value>) -> invent::Error {
    let server = httpmock::MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("POST").path("/conversations");
            let then = then.status(status);
            if let Some(body) = &body {
                then.json_body(body.clone());
            }
        })
        .await;
    let client = invent::Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .max_retries(0)
        .build()
        .unwrap();
    client
        .create_conversation()
        .body(CreateConversationBody::default())
        .send()
        .await
        .unwrap_err()
}

#[tokio::test]
async fn each_status_reads_its_own_schema() {
    let conflict = create_with_reply(409, Some(json!({"existing_id": "c9"}))).await;
    assert!(matches!(conflict, invent::Error::Conflict(_)), "{conflict}");
    match CreateConversationError::try_from(&conflict) {
        Ok(CreateConversationError::Status409(body)) => assert_eq!(body.existing_id, "c9"),
        other => panic!("{other:?}"),
    }
    let invalid = create_with_reply(
        422,
        Some(json!({"errors": [{"field": "subject", "reason": "missing", "hint": "x"}]})),
    )
    .await;
    let Ok(CreateConversationError::Status422(body)) = CreateConversationError::try_from(&invalid)
    else {
        panic!("{invalid:?}")
    };
    let first = &body.errors.as_ref().unwrap()[0];
    assert_eq!(first.field.as_deref(), Some("subject"));
    assert_eq!(first.extra["hint"], json!("x"));
}

#[tokio::test]
async fn a_bodyless_status_beside_json_ones_has_no_body_to_read() {
    let forbidden = create_with_reply(403, None).await;
    assert!(matches!(forbidden, invent::Error::Forbidden(_)), "{forbidden}");
    assert!(matches!(
        CreateConversationError::try_from(&forbidden),
        Err(invent::TypedBodyError::NotDocumented(status)) if status == 403
    ));
}

#[tokio::test]
async fn ranges_and_default_cover_the_other_statuses() {
    let server_error = create_with_reply(503, Some(json!({"message": "down"}))).await;
    assert!(matches!(
        CreateConversationError::try_from(&server_error),
        Ok(CreateConversationError::Status5xx(p)) if p.message.as_deref() == Some("down")
    ));
    let teapot = create_with_reply(418, Some(json!({"message": "short and stout"}))).await;
    assert!(matches!(teapot, invent::Error::UnexpectedStatus(_)), "{teapot}");
    assert!(matches!(
        CreateConversationError::try_from(&teapot),
        Ok(CreateConversationError::Default(_))
    ));
}

#[tokio::test]
async fn a_body_that_does_not_match_its_schema_is_an_error_not_a_panic() {
    let conflict = create_with_reply(409, Some(json!({"unexpected": true}))).await;
    assert!(matches!(
        CreateConversationError::try_from(&conflict),
        Err(invent::TypedBodyError::Invalid { .. })
    ));
}

#[tokio::test]
async fn an_operation_with_only_a_default_error_reads_it_for_any_status() {
    let server = httpmock::MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/conversations/c1");
            then.status(404).json_body(json!({"message": "gone"}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let error = client.get_conversation().id("c1").send().await.unwrap_err();
    assert!(matches!(error, invent::Error::NotFound(_)), "{error}");
    let Ok(GetConversationError::Default(problem)) = GetConversationError::try_from(&error)
    else {
        panic!("{error:?}")
    };
    assert_eq!(problem.message.as_deref(), Some("gone"));
}

#[tokio::test]
async fn a_bodyless_delete_succeeds_with_204() {
    let server = httpmock::MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("DELETE").path("/conversations/c1");
            then.status(204);
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    client.delete_conversation().id("c1").send().await.unwrap();
}
