//! Behaviour of inline.yaml: inline objects and enums anywhere (body, parameter, array item,
//! response, shared components) keep unknown properties and values like named ones.

use invent::Patch;
use invent::types::{
    CreateNoteBody, CreateNoteBodyMetaMarksItem, CreateNoteMode, CreateNoteResponse,
    CreateNoteResponseState, VisibilityParameter,
};
use serde_json::json;

#[test]
fn an_inline_body_keeps_unknown_properties_and_values_at_every_depth() {
    let doc = json!({
        "text": "hi",
        "meta": {"marks": ["bold", "strike"], "author": null, "pinned": true},
        "later": [1]
    });
    let body: CreateNoteBody = serde_json::from_value(doc.clone()).unwrap();
    let meta = body.meta.as_ref().unwrap();
    assert_eq!(
        meta.marks.as_deref(),
        Some(&[CreateNoteBodyMetaMarksItem::Bold, CreateNoteBodyMetaMarksItem::Unknown("strike".into())][..])
    );
    assert_eq!(meta.author, Patch::Null);
    assert_eq!(meta.extra["pinned"], json!(true));
    assert_eq!(serde_json::to_value(&body).unwrap(), doc);
}

#[test]
fn an_inline_response_is_open_too() {
    let doc = json!({"id": "n1", "state": "archived", "rev": 2});
    let response: CreateNoteResponse = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(response.state, Some(CreateNoteResponseState::Unknown("archived".into())));
    assert_eq!(serde_json::to_value(&response).unwrap(), doc);
}

#[tokio::test]
async fn inline_parameter_enums_are_open_and_sent_as_written() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/notes")
                .query_param("visibility", "team")
                .query_param("mode", "final")
                .json_body(json!({"text": "hi"}));
            then.status(400).json_body(json!({"reason": "nope"}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let body = CreateNoteBody::builder().text("hi");
    let error = client
        .create_note()
        .visibility(VisibilityParameter::from("team"))
        .mode(CreateNoteMode::Final)
        .body(body)
        .send()
        .await
        .unwrap_err();
    mock.assert_async().await;
    assert!(matches!(error, invent::Error::BadRequest(_)), "{error}");
    let Ok(invent::errors::CreateNoteError::Status400(invalid)) =
        invent::errors::CreateNoteError::try_from(&error)
    else {
        panic!("{error:?}")
    };
    assert_eq!(invalid.reason.as_deref(), Some("nope"));
}
