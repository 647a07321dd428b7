//! Behaviour of formats.yaml: each format maps as ARCHITECTURE.md says, values round-trip
//! exactly (text of date-times, big and small numbers), and maps keep the order they were read in.

use invent::types::Event;
use serde_json::json;

#[test]
fn every_format_round_trips_exactly() {
    let doc = json!({
        "id": "0E7C1B4A-63E1-4C6B-8D43-8BB2A3C6A1F0",
        "day": "2024-02-29",
        "at": "2023-11-07T05:31:56.000+02:00",
        "small": -2147483648i64,
        "big": 9007199254740993i64,
        "ratio": 0.1,
        "precise": 1e-300,
        "blob": "aGVsbG8=",
        "raw": "bytes",
        "email": "a@b.c",
        "link": "https://example.com/x?y",
        "host": "example.com"
    });
    let event: Event = serde_json::from_value(doc.clone()).unwrap();
    // Strings stay strings: an upper-case UUID is not rewritten.
    assert_eq!(event.id.as_deref(), Some("0E7C1B4A-63E1-4C6B-8D43-8BB2A3C6A1F0"));
    assert_eq!(event.small, Some(i32::MIN));
    assert_eq!(event.big, Some(9007199254740993));
    let back: serde_json::Value = serde_json::from_str(&serde_json::to_string(&event).unwrap()).unwrap();
    assert_eq!(back, doc);
}

#[test]
fn maps_keep_the_order_they_were_read_in() {
    // Struct fields go out in the struct's order; map keys in the order they came in.
    let text = r#"{"counts":{"b":2,"a":1},"labels":{"zeta":"1","alpha":"2","mid":"3"},"owners":{"z":{"name":"Z","x":1},"a":{"name":"A"}}}"#;
    let event: Event = serde_json::from_str(text).unwrap();
    let labels = event.labels.as_ref().unwrap();
    assert_eq!(labels.keys().collect::<Vec<_>>(), ["zeta", "alpha", "mid"]);
    assert_eq!(serde_json::to_string(&event).unwrap(), text);
}

#[tokio::test]
async fn format_parameters_are_sent_as_text() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("PUT")
                .path("/events/0e7c1b4a-63e1-4c6b-8d43-8bb2a3c6a1f0")
                .query_param("since", "2023-11-07T05:31:56Z")
                .query_param("day", "2024-02-29")
                .query_param("page", "3")
                .query_param("weight", "0.5");
            then.status(200).json_body(json!({}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    client
        .put_event()
        .event_id("0e7c1b4a-63e1-4c6b-8d43-8bb2a3c6a1f0")
        .since("2023-11-07T05:31:56Z".parse::<invent::Timestamp>().unwrap())
        .day("2024-02-29")
        .page(3)
        .weight(0.5)
        .body(Event::default())
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[test]
fn passwords_are_secrets_redacted_in_debug_and_sent_as_written() {
    let doc = json!({"token": "tok_123", "pin": "0000"});
    let event: Event = serde_json::from_value(doc.clone()).unwrap();
    let debug = format!("{event:?}");
    assert!(!debug.contains("tok_123") && !debug.contains("0000"), "{debug}");
    assert_eq!(serde_json::to_value(&event).unwrap(), doc);
    let cleared: Event = serde_json::from_value(json!({"token": null})).unwrap();
    assert!(cleared.token.is_null());
}

#[test]
fn a_number_enum_is_an_open_number() {
    let event: Event = serde_json::from_value(json!({"block_size": 1024})).unwrap();
    assert_eq!(event.block_size, Some(1024));
}
