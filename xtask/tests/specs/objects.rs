//! Behaviour of objects.yaml: a typed map beside known properties, readOnly and writeOnly
//! properties required one way only, a nullable enum, odd enum values, annotated references,
//! and values of no declared type kept as their exact text.

use invent::Patch;
use invent::types::{Color, Counts, Untyped, User, UserMode, UserOperation, UserReaction};
use serde_json::json;

#[test]
fn known_properties_and_a_typed_map_round_trip() {
    let doc = json!({"total": 3, "apples": 1, "pears": 2});
    let counts: Counts = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(counts.total, Some(3));
    assert_eq!(counts.extra.get("pears"), Some(&2));
    assert_eq!(serde_json::to_value(&counts).unwrap(), doc);
    // The map says its values are integers.
    assert!(serde_json::from_value::<Counts>(json!({"apples": "one"})).is_err());
}

#[test]
fn read_only_and_write_only_properties_are_required_one_way_only() {
    // A response has no password; a request has no id.
    let response: User = serde_json::from_value(json!({"id": "u1", "email": "a@b.c"})).unwrap();
    assert_eq!(response.id.as_deref(), Some("u1"));
    let request: User = serde_json::from_value(json!({"email": "a@b.c", "password": "pw"})).unwrap();
    assert!(!format!("{request:?}").contains("pw"));
    assert!(serde_json::from_value::<User>(json!({"id": "u1"})).is_err(), "email is required");
}

#[test]
fn a_nullable_enum_written_with_null_is_open_and_nullable() {
    let user: User = serde_json::from_value(json!({"email": "e", "mode": null})).unwrap();
    assert_eq!(user.mode, Patch::Null);
    let user: User = serde_json::from_value(json!({"email": "e", "mode": "scheduled"})).unwrap();
    assert_eq!(user.mode, Patch::Value(UserMode::Unknown("scheduled".into())));
}

#[test]
fn enum_values_that_are_not_identifiers_keep_their_text() {
    for value in ["+1", "-1", "Unknown", "UnknownValue", "heart", "rocket"] {
        let reaction = UserReaction::from(value);
        assert_eq!(reaction.as_str(), value);
        assert_eq!(reaction.is_unknown(), value == "rocket", "{value}");
    }
}

#[test]
fn enum_values_that_differ_only_in_case_are_variants_of_their_own() {
    let values = ["add", "Add", "ADD", "Add2"];
    assert_eq!(
        UserOperation::KNOWN,
        [
            UserOperation::Add,
            UserOperation::Add2,
            UserOperation::Add3,
            UserOperation::Add22
        ]
    );
    for (value, variant) in values.iter().zip(UserOperation::KNOWN) {
        assert_eq!(UserOperation::from(*value), *variant);
        assert_eq!(variant.as_str(), *value);
        let read: UserOperation = serde_json::from_value(json!(value)).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), json!(value));
    }
    assert!(UserOperation::from("aDD").is_unknown());
}

#[test]
fn an_annotated_reference_is_the_referenced_type() {
    let user: User = serde_json::from_value(json!({"email": "e", "color": "green"})).unwrap();
    assert_eq!(user.color, Some(Color::Green));
}

#[test]
fn values_of_no_declared_type_keep_their_text_however_the_spec_writes_them() {
    // Required but not described, described and nullable with a vendor extension, and the
    // values of a map that are only described: each any value, written back byte for byte.
    let text = r#"{"accessed":1E400,"id":"u","labels":{"a":-0,"b":"\u00e9"},"request":{ "n" : 1.50 }}"#;
    let read: Untyped = serde_json::from_str(text).unwrap();
    assert_eq!(read.accessed.as_text(), "1E400");
    assert!(matches!(&read.request, Patch::Value(v) if v.as_text() == r#"{ "n" : 1.50 }"#));
    assert_eq!(read.labels.as_ref().unwrap()["b"], "é");
    assert_eq!(serde_json::to_string(&read).unwrap(), text);
    let null: Untyped = serde_json::from_str(r#"{"accessed":null,"id":"u","request":null}"#).unwrap();
    assert!(null.accessed.is_null() && matches!(null.request, Patch::Null));
}
