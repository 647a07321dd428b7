//! Realistic documents for benchmarks: an `Assistant` of about 2 KB (several integrations
//! and actions, with properties the spec does not list) and an `UpdateAssistant`.

use serde_json::{Value, json};

/// An assistant as the live API might send it, built from the page's example.
pub fn assistant() -> Value {
    let mut doc = crate::response_example("update_assistant", "200");
    let integration = doc["integrations"][0].clone();
    let action = doc["actions"][0].clone();
    doc["integrations"] = (0..3)
        .map(|i| {
            let mut it = integration.clone();
            it["id"] = json!(format!("int_{i}"));
            it["config"] = json!({"channel": "web", "priority": i});
            it["rollout"] = json!({"stage": "beta"});
            it
        })
        .collect();
    doc["actions"] = (0..3)
        .map(|i| {
            let mut it = action.clone();
            it["id"] = json!(format!("act_{i}"));
            it["config"]["input"] = json!({"url": "https://example.com/hook", "retries": 3});
            it["labels"] = json!(["billing", "support"]);
            it
        })
        .collect();
    doc["config"]["conversation"]["suggested_messages"] =
        json!(["Hi!", "Track my order", "Talk to a human"]);
    doc["workspace_tier"] = json!("enterprise");
    doc
}

/// The same assistant with only the properties the spec names: what keeping unknown data
/// costs is the difference.
pub fn assistant_known_only() -> Value {
    let mut doc = assistant();
    doc.as_object_mut().unwrap().remove("workspace_tier");
    for list in ["integrations", "actions"] {
        for item in doc[list].as_array_mut().unwrap() {
            item.as_object_mut().unwrap().remove("rollout");
            item.as_object_mut().unwrap().remove("labels");
        }
    }
    doc
}

/// A request body touching every kind of field.
pub fn update_assistant() -> Value {
    let mut doc = crate::request_example("update_assistant");
    doc["avatar_id"] = Value::Null;
    doc
}
