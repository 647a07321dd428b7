//! Makes N `update_assistant` calls, through the SDK or by hand with reqwest, against the
//! loopback server: run under `valgrind --tool=callgrind` to count instructions per call.

use invent::types::UpdateAssistant;
use invent_tests::calls::{self, KEY};
use invent_tests::server::{Reply, Server};

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
    runtime.block_on(make_calls(sdk, n));
    std::process::ExitCode::SUCCESS
}

/// The calls of `benches/client.rs`'s "one call" group.
async fn make_calls(sdk: bool, n: usize) {
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
        let assistant = if sdk {
            calls::sdk(&client, &body).await
        } else {
            calls::raw(&raw, &url, &body).await
        };
        std::hint::black_box(assistant);
    }
}
