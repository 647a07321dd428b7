//! Behaviour of all-of.yaml: a merged struct reads optional properties as optional, keeps
//! nulls and unknown properties, and its request body goes out as written.

use invent::Patch;
use invent::types::{Conversation, ConversationStatus, UpdateConversationBody};
use serde_json::json;

fn round_trip(doc: serde_json::Value) -> Conversation {
    let typed: Conversation = serde_json::from_value(doc.clone()).expect("parses");
    assert_eq!(serde_json::to_value(&typed).unwrap(), doc, "round trip");
    typed
}

#[test]
fn optional_properties_of_every_part_are_optional() {
    let typed = round_trip(json!({"id": "c1", "status": "open"}));
    assert_eq!(typed.title, None);
    assert_eq!(typed.archived_at, Patch::Absent);
    assert_eq!(typed.status, ConversationStatus::Open);
}

#[test]
fn required_properties_of_every_part_are_required() {
    let missing = serde_json::from_value::<Conversation>(json!({"status": "open"})).unwrap_err();
    assert!(missing.to_string().contains("missing field `id`"), "{missing}");
    let missing = serde_json::from_value::<Conversation>(json!({"id": "c1"})).unwrap_err();
    assert!(missing.to_string().contains("missing field `status`"), "{missing}");
}

#[test]
fn nulls_under_all_of_survive_a_round_trip() {
    let typed = round_trip(json!({
        "id": "c1", "status": "closed", "archived_at": null, "contact": null, "assignee": null,
        "owner": null
    }));
    assert!(typed.owner.is_null());
    assert_eq!(typed.archived_at, Patch::Null);
    assert!(typed.contact.is_null());
    assert!(typed.assignee.is_null());
}

#[test]
fn unknown_properties_are_kept_at_every_level() {
    let typed = round_trip(json!({
        "id": "c1", "status": "later", "priority": 3,
        "contact": {"email": "a@b.c", "phone": "1"},
        "assignee": {"email": "x@y.z", "team": "t", "shift": "night"}
    }));
    assert_eq!(typed.status, ConversationStatus::Unknown("later".into()));
    assert_eq!(typed.extra["priority"], json!(3));
    let Patch::Value(assignee) = &typed.assignee else {
        panic!("assignee is set")
    };
    assert_eq!(assignee.team.as_deref(), Some("t"));
    assert_eq!(assignee.extra["shift"], json!("night"));
}

#[tokio::test]
async fn the_merged_request_body_goes_out_as_written() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("PATCH")
                .path("/conversations/c1")
                .json_body(json!({"id": "c1", "note": null, "archived_at": null}));
            then.status(200).json_body(json!({"id": "c1", "status": "open", "new": true}));
        })
        .await;
    let client = invent::Client::builder()
        .api_key("key")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let body = UpdateConversationBody::builder()
        .id("c1")
        .note(Patch::Null)
        .archived_at(Patch::Null);
    let got = client
        .update_conversation()
        .id("c1")
        .body(body)
        .send()
        .await
        .expect("the mock answers")
        .into_inner();
    mock.assert_async().await;
    assert_eq!(got.extra["new"], json!(true));
}
