//! Updates an assistant and prints it: against the real API when INVENT_API_KEY is set,
//! otherwise against an in-process mock built with invent-httpmock. Says which it used.
//!
//! `cargo run --example update_assistant` (with a key, also set INVENT_ASSISTANT_ID; the
//! example sends an empty update, which changes nothing and returns the assistant as it is).

use invent::types::{Assistant, UpdateAssistant};
use invent::{Client, OWN_ORG};
use invent_httpmock::MockServerExt;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let key = std::env::var(invent::API_KEY_ENV).unwrap_or_default();
    // Kept alive until the end of main when used.
    let mut _mock_server = None;
    let (client, assistant_id) = if key.is_empty() {
        let server = httpmock::MockServer::start_async().await;
        let assistant: Assistant = serde_json::from_value(serde_json::json!({
            "id": "ast_demo", "name": "Demo assistant", "enabled": true, "deleted": false,
            "secret_key": "never printed", "avatar_url": null,
            "config": {"language": "auto", "conversation": {"suggested_messages": ["Hi!"]}},
            "integrations": [], "actions": [], "created_at": "2023-11-07T05:31:56Z", "updated_at": null
        }))?;
        server.update_assistant(|when, then| {
            when.org_id(OWN_ORG).assistant_id("ast_demo");
            then.ok(&assistant);
        });
        println!(
            "{} is not set: using an in-process mock at {}",
            invent::API_KEY_ENV,
            server.base_url()
        );
        let client = Client::builder()
            .api_key("mock-key")
            .base_url(server.base_url())
            .build()?;
        _mock_server = Some(server);
        (client, "ast_demo".to_string())
    } else {
        let Ok(id) = std::env::var("INVENT_ASSISTANT_ID") else {
            eprintln!("set INVENT_ASSISTANT_ID to the id (ast_…) of an assistant of your org");
            std::process::exit(2);
        };
        println!("using the real API");
        (Client::from_env()?, id)
    };

    let assistant = client
        .update_assistant()
        .org_id(OWN_ORG)
        .assistant_id(assistant_id)
        .body(UpdateAssistant::default())
        .send()
        .await?
        .into_inner();
    // Debug output shows secret_key as [redacted].
    println!("{assistant:#?}");
    Ok(())
}
