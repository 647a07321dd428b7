//! Behaviour of dropshot.yaml: the extension-driven operations generate; the listing is a plain
//! call that keeps its page (progenitor's pager does not apply), and pages by its `page_token`.

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

#[tokio::test]
async fn the_listing_walks_its_pages_by_page_token() {
    use futures::TryStreamExt;
    let server = httpmock::MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/items").query_param_missing("page_token");
            then.status(200).json_body(json!({"items": [{"id": "a"}], "next_page": "t2"}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.method("GET").path("/items").query_param("page_token", "t2");
            then.status(200).json_body(json!({"items": [{"id": "b"}], "next_page": null}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let items: Vec<invent::types::Item> = client.list_items().items().try_collect().await.unwrap();
    let ids: Vec<String> = items.iter().map(|i| serde_json::to_value(i).unwrap()["id"].to_string()).collect();
    assert_eq!(ids, [r#""a""#, r#""b""#]);
}
