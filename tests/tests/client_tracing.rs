//! Each attempt emits a `tracing` event with the operation id, method, path, status, attempt
//! number and duration, so a consumer with a subscriber sees retries; never the key or body.

use std::io::Write;
use std::sync::{Arc, Mutex};

use invent::types::UpdateAssistant;
use invent_tests::server::{Reply, Server};

/// Collects what the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn every_attempt_is_traced_without_secrets() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(
            200,
            &invent_tests::response_example("update_assistant", "200"),
        )
        .header("x-request-id", "req_traced_7"),
    ])
    .await;
    let client = invent_tests::quick_client(server.url(), "sk_trace_secret");
    let body: UpdateAssistant = UpdateAssistant::builder()
        .name("Traced name")
        .try_into()
        .unwrap();
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(body)
        .send()
        .await
        .unwrap();

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("invent request"))
        .collect();
    assert_eq!(lines.len(), 2, "{log}");
    // The API's request id, where the response has one.
    assert!(
        lines[1].contains("request_id=\"req_traced_7\""),
        "{}",
        lines[1]
    );
    assert!(!lines[0].contains("request_id="), "{}", lines[0]);
    for (line, (attempt, status)) in lines.iter().zip([(1, 503), (2, 200)]) {
        for field in [
            "operation_id=\"update_assistant\"".to_string(),
            "method=PATCH".to_string(),
            "path=\"/orgs/c/assistants/ast_1\"".to_string(),
            format!("status={status}"),
            format!("attempt={attempt}"),
            "duration_ms=".to_string(),
        ] {
            assert!(line.contains(&field), "`{field}` missing from {line}");
        }
    }
    assert!(
        lines[0].contains("retrying") && lines[0].contains("INFO"),
        "{}",
        lines[0]
    );
    assert!(
        !log.contains("sk_trace_secret") && !log.contains("Traced name"),
        "{log}"
    );
}
