//! The call the client benchmark and the `calls` example measure, made two ways: through the
//! SDK, and by hand with reqwest (what a user of reqwest alone would write), parsed alike.

use invent::types::{Assistant, UpdateAssistant};

/// The API key both ways send.
pub const KEY: &str = "sk_bench";

/// `update_assistant` through the SDK.
pub async fn sdk(client: &invent::Client, body: &UpdateAssistant) -> Assistant {
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(body.clone())
        .send()
        .await
        .expect("the call succeeds")
        .into_inner()
}

/// The same call by hand, to `url` (the server's `/orgs/c/assistants/ast_1`).
pub async fn raw(client: &reqwest::Client, url: &str, body: &UpdateAssistant) -> Assistant {
    let response = client
        .patch(url)
        .bearer_auth(KEY)
        .json(body)
        .send()
        .await
        .expect("the call succeeds");
    assert!(response.status().is_success());
    serde_json::from_slice(&response.bytes().await.expect("a body")).expect("an assistant")
}
