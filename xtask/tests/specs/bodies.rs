//! Behaviour of bodies.yaml: JSON (with a charset, or an enum), text, bytes and form bodies go
//! out with their content types; raw responses are bytes; a schemaless JSON response a value.

use serde_json::json;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap()
}

#[tokio::test]
async fn json_with_a_charset_is_sent_and_read_as_json() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/json").json_body(json!({"text": "hi"}));
            then.status(200)
                .header("content-type", "application/json; charset=utf-8")
                .body(r#"{"text":"back","extra":1}"#);
        })
        .await;
    let body: invent::types::Message = serde_json::from_value(json!({"text": "hi"})).unwrap();
    let message = client(&server).post_json_charset().body(body).send().await.unwrap();
    mock.assert_async().await;
    assert_eq!(message.text.as_deref(), Some("back"));
    assert_eq!(message.extra["extra"], json!(1));
}

#[tokio::test]
async fn text_bytes_and_forms_go_out_with_their_content_types() {
    let server = httpmock::MockServer::start_async().await;
    let text = server
        .mock_async(|when, then| {
            when.method("POST").path("/text").header("content-type", "text/plain").body("plain words");
            then.status(204);
        })
        .await;
    let upload = server
        .mock_async(|when, then| {
            // A download asks for what the spec says it answers, not JSON.
            when.method("POST")
                .path("/upload")
                .header("content-type", "application/octet-stream")
                .header("accept", "text/csv")
                .body("raw\u{0}bytes");
            then.status(200).header("content-type", "text/csv").body("a,b\n1,2\n");
        })
        .await;
    let form = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/form")
                .header("content-type", "application/x-www-form-urlencoded")
                .body("tags=x&tags=y+z&text=a+b%26c");
            then.status(200).json_body(json!({"anything": [1, 2]}));
        })
        .await;
    let client = client(&server);
    client.post_text().body("plain words").send().await.unwrap();
    let csv = client.upload().body(b"raw\0bytes".to_vec()).send().await.unwrap();
    let mut stream = csv.into_inner();
    let mut read = Vec::new();
    while let Some(chunk) = futures::StreamExt::next(&mut stream).await {
        read.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(read, b"a,b\n1,2\n");
    let message: invent::types::Message =
        serde_json::from_value(json!({"text": "a b&c", "tags": ["x", "y z"]})).unwrap();
    let value = client.post_form().body(message).send().await.unwrap().into_inner();
    // A remembered `null` has no form: refused by name, nothing sent.
    let null: invent::types::Message = serde_json::from_value(json!({"text": null})).unwrap();
    let refused = client.post_form().body(null).send().await.unwrap_err();
    assert!(
        matches!(refused, invent::Error::InvalidRequest(ref m) if m.contains("`text`")),
        "{refused}"
    );
    assert_eq!(value, json!({"anything": [1, 2]}));
    text.assert_async().await;
    upload.assert_async().await;
    form.assert_async().await;
}

#[tokio::test]
async fn a_body_that_is_an_enum_is_sent_and_matched_by_the_typed_mock() {
    use invent_httpmock::MockServerExt;
    let server = httpmock::MockServer::start_async().await;
    let mock = server.put_state(|when, then| {
        when.body(invent::types::State::Stop);
        then.no_content();
    });
    client(&server).put_state().body(invent::types::State::Stop).send().await.unwrap();
    mock.assert();
}
