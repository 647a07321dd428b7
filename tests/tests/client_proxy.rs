//! A plain-http (loopback) base URL never goes through a proxy, even with `HTTP_PROXY` set.
//! One test, in a binary of its own, because it changes the process environment.

use invent::types::UpdateAssistant;
use invent_tests::server::{Reply, Server};
use serde_json::json;

#[tokio::test]
async fn plain_http_ignores_the_proxy_variables() {
    let proxy = Server::start(vec![Reply::json(200, &json!({}))]).await;
    let api = Server::start(vec![Reply::json(
        200,
        &invent_tests::response_example("update_assistant", "200"),
    )])
    .await;
    // SAFETY: this test binary runs this one test, so nothing else reads the environment.
    unsafe {
        for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
            std::env::set_var(name, proxy.url());
        }
        std::env::remove_var("NO_PROXY");
        std::env::remove_var("no_proxy");
    }
    let client = invent::Client::builder()
        .api_key("sk_proxy_test")
        .base_url(api.url())
        .build()
        .unwrap();
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(UpdateAssistant::default())
        .send()
        .await
        .unwrap();
    assert_eq!(api.received().len(), 1);
    assert!(proxy.received().is_empty(), "the proxy saw the request");
}
