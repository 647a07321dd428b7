//! Behaviour of openapi-3-1.yaml: the 3.1 spellings mean what the 3.0 ones do (a `null` in a
//! type list is a Patch, `const` an enum, numeric exclusive bounds checked before sending).

use invent::Patch;
use invent::types::{Assistant, AssistantKind};
use serde_json::json;

#[test]
fn a_type_list_with_null_and_a_null_union_are_tri_state() {
    let doc = json!({"name": null, "fallback": null, "kind": "assistant", "avatar": {"url": "u"}});
    let read: Assistant = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(read.name, Patch::Null);
    assert!(read.fallback.is_null());
    assert_eq!(read.kind, Some(AssistantKind::Assistant));
    assert_eq!(serde_json::to_value(&read).unwrap(), doc);
}

#[tokio::test]
async fn numeric_exclusive_bounds_are_checked_before_sending() {
    let server = httpmock::MockServer::start_async().await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let error = client
        .update_assistant()
        .id("ast_1")
        .temperature(2.0)
        .body(Assistant::default())
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "request refused before sending: parameter `temperature` must be less than 2"
    );
}
