//! The API reference page's own examples (kept in openapi.yaml) deserialize into the generated
//! types and serialize back to exactly the same JSON; the JSON is snapshotted for reviewers.

use invent::types::{Assistant, UpdateAssistant};
use invent_tests::{request_example, response_example};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn round_trip<T: DeserializeOwned + Serialize>(example: &Value) -> Value {
    assert!(!example.is_null(), "the spec has no example here");
    let typed: T = serde_json::from_value(example.clone()).expect("the example deserializes");
    serde_json::to_value(&typed).expect("the value serializes")
}

#[test]
fn request_example_round_trips_exactly() {
    let example = request_example("update_assistant");
    let back = round_trip::<UpdateAssistant>(&example);
    assert_eq!(back, example);
    insta::assert_json_snapshot!(back);
}

#[test]
fn response_example_round_trips_exactly() {
    let example = response_example("update_assistant", "200");
    let back = round_trip::<Assistant>(&example);
    assert_eq!(back, example);
    insta::assert_json_snapshot!(back);
}

#[test]
fn response_example_reads_as_typed_values() {
    let mut example = response_example("update_assistant", "200");
    example["secret_key"] = serde_json::json!("sk_example_value");
    let assistant: Assistant = serde_json::from_value(example).unwrap();
    assert_eq!(
        assistant.config.language,
        Some(invent::types::Language::Auto)
    );
    assert_eq!(
        assistant.integrations[0].integration_id,
        Some(invent::types::IntegrationKind::Internal)
    );
    assert_eq!(
        assistant
            .created_at
            .as_ref()
            .map(|t| t.to_utc().to_rfc3339()),
        Some("2023-11-07T05:31:56+00:00".to_string())
    );
    let debug = format!("{assistant:?}");
    assert!(!debug.contains("sk_example_value"), "{debug}");
}
