//! Calls the SDK from a program without an async `main`: the program builds a small runtime
//! of its own and blocks on each call. `cargo run --example synchronous -- NEW_NAME`.
//!
//! Reads INVENT_API_KEY (and INVENT_BASE_URL) like `Client::from_env`, and INVENT_ASSISTANT_ID.

use invent::types::{Assistant, UpdateAssistant};
use invent::{Client, OWN_ORG};

/// Renames an assistant, waiting for the answer: a plain function a synchronous program
/// calls. The runtime is one thread (the calling one), made for the call and dropped after.
pub fn rename(
    client: &Client,
    assistant_id: &str,
    name: &str,
) -> Result<Assistant, Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let response = runtime.block_on(
        client
            .update_assistant()
            .org_id(OWN_ORG)
            .assistant_id(assistant_id)
            .body(UpdateAssistant::builder().name(name))
            .send(),
    )?;
    Ok(response.into_inner())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(name) = std::env::args().nth(1) else {
        eprintln!("usage: synchronous NEW_NAME (with INVENT_API_KEY and INVENT_ASSISTANT_ID set)");
        std::process::exit(2);
    };
    let Ok(assistant_id) = std::env::var("INVENT_ASSISTANT_ID") else {
        eprintln!("set INVENT_ASSISTANT_ID to the id (ast_…) of an assistant of your org");
        std::process::exit(2);
    };
    let client = Client::from_env()?;
    let assistant = rename(&client, &assistant_id, &name)?;
    println!("renamed {} to {}", assistant.id, assistant.name);
    Ok(())
}
