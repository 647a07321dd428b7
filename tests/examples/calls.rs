//! Makes N `update_assistant` calls, through the SDK or by hand with reqwest, against the
//! loopback server: run under `valgrind --tool=callgrind` to count instructions per call.

use invent::types::{Assistant, UpdateAssistant};
use invent_tests::server::{Reply, Server};

const KEY: &str = "sk_bench";
const USAGE: &str = "usage: calls sdk|raw N";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(way), Some(Ok(n))) = (args.first(), args.get(1).map(|n| n.parse::<usize>())) else {
        eprintln!("{USAGE}");
        return std::process::ExitCode::from(2);
    };
    let sdk = match way.as_str() {
        "sdk" => true,
        "raw" => false,
        _ => {
            eprintln!("{USAGE}");
            return std::process::ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(calls(sdk, n));
    std::process::ExitCode::SUCCESS
}

/// The same calls as `benches/client.rs`'s "one call" group.
async fn calls(sdk: bool, n: usize) {
    let server =
        Server::start_repeating(Reply::json(200, &invent_tests::fixtures::assistant())).await;
    let client = invent::Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .build()
        .expect("a client");
    let raw = reqwest::Client::new();
    let url = format!("{}/orgs/c/assistants/ast_1", server.url());
    let body: UpdateAssistant =
        serde_json::from_value(invent_tests::fixtures::update_assistant()).expect("the body");
    for _ in 0..n {
        let assistant: Assistant = if sdk {
            client
                .update_assistant()
                .org_id("c")
                .assistant_id("ast_1")
                .body(body.clone())
                .send()
                .await
                .expect("the call succeeds")
                .into_inner()
        } else {
            let response = raw
                .patch(&url)
                .bearer_auth(KEY)
                .json(&body)
                .send()
                .await
                .expect("the call succeeds");
            serde_json::from_slice(&response.bytes().await.expect("a body")).expect("JSON")
        };
        std::hint::black_box(assistant);
    }
}
