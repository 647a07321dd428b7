//! Behaviour of dropshot.yaml: the extension-driven operations generate and the listing is a
//! plain call (the SDK keeps unknown page properties, so progenitor's pager does not apply).

use serde_json::json;

#[tokio::test]
async fn a_paginated_listing_is_a_plain_call_that_keeps_its_page() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/items").query_param("limit", "2");
            then.status(200).json_body(json!({"items": [{"id": "a"}], "next_page": "t2", "total": 9}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let page = client.list_items().limit(2u32).send().await.unwrap().into_inner();
    mock.assert_async().await;
    assert_eq!(page.next_page, invent::Patch::Value("t2".to_string()));
    assert_eq!(page.extra["total"], json!(9));
}
