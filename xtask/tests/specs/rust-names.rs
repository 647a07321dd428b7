//! Behaviour of rust-names.yaml: hand-set names are the Rust names (`Widget`, `fetch_widget`,
//! `.since()`, `.trace()`), others that would take them are renamed, the wire is the spec's.

use invent::types::{Widget, Widget2};
use serde_json::json;

#[tokio::test]
async fn hand_set_names_call_the_operation_with_the_spec_s_wire_names() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/widgets/w1")
                .query_param("created[gte]", "2024")
                .query_param("since", "2023")
                .header("X-Trace", "t1");
            then.status(200).json_body(json!({"name": "cog"}));
        })
        .await;
    let client = invent::Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let widget: Widget = client
        .fetch_widget()
        .id("w1")
        .since("2024")
        .since_2("2023")
        .trace("t1")
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;
    assert_eq!(widget.name.as_deref(), Some("cog"));
    // The operation that had the name by its own operationId moved aside.
    let server = httpmock::MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/gadgets");
            then.status(200).json_body(json!({"size": 3}));
        })
        .await;
    let client = invent::Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let gadget: Widget2 = client.fetch_widget_2().send().await.unwrap().into_inner();
    assert_eq!(gadget.size, Some(3));
}
