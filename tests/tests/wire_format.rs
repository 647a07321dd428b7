//! The wire format of each tri-state, absent-versus-empty, open-enum, secret and limit case,
//! snapshotted so a reviewer sees exactly what goes out and what comes back.

use invent::Patch;
use invent::types::{
    Assistant, AssistantConfig, ConversationSettings, Language, ThreadMode, UpdateAssistant,
};
use serde_json::{Value, json};

fn wire<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn avatar_id_tri_state_goes_out_as_written() {
    let absent = UpdateAssistant::default();
    let null: UpdateAssistant = UpdateAssistant::builder()
        .avatar_id(Patch::Null)
        .try_into()
        .unwrap();
    let value: UpdateAssistant = UpdateAssistant::builder()
        .avatar_id("file_1".to_string())
        .try_into()
        .unwrap();
    insta::assert_json_snapshot!([wire(&absent), wire(&null), wire(&value)], @r#"
    [
      {},
      {
        "avatar_id": null
      },
      {
        "avatar_id": "file_1"
      }
    ]
    "#);
}

#[test]
fn avatar_id_tri_state_reads_back_the_same_three_states() {
    let read = |doc: Value| {
        serde_json::from_value::<UpdateAssistant>(doc)
            .unwrap()
            .avatar_id
    };
    assert_eq!(read(json!({})), Patch::Absent);
    assert_eq!(read(json!({"avatar_id": null})), Patch::Null);
    assert_eq!(
        read(json!({"avatar_id": "file_1"})),
        Patch::Value("file_1".to_string())
    );
}

#[test]
fn builder_clears_avatar_with_explicit_null() {
    let body: UpdateAssistant = UpdateAssistant::builder()
        .avatar_id(Patch::Null)
        .try_into()
        .unwrap();
    assert_eq!(wire(&body), json!({"avatar_id": null}));
}

#[test]
fn empty_suggested_messages_are_sent_and_absent_ones_are_not() {
    // The types are `#[non_exhaustive]`: an `Option` is assigned to the field of a default.
    let conversation = |messages: Option<Vec<String>>| {
        let mut settings = ConversationSettings::default();
        settings.suggested_messages = messages;
        let mut config = AssistantConfig::default();
        config.conversation = Some(settings);
        config
    };
    insta::assert_json_snapshot!(
        [wire(&conversation(None)), wire(&conversation(Some(vec![]))), wire(&conversation(Some(vec!["Hi".into()])))],
        @r#"
    [
      {
        "conversation": {}
      },
      {
        "conversation": {
          "suggested_messages": []
        }
      },
      {
        "conversation": {
          "suggested_messages": [
            "Hi"
          ]
        }
      }
    ]
    "#
    );
}

#[test]
fn empty_free_form_object_survives_a_round_trip() {
    let doc = json!({"config": {}, "id": "int_1"});
    let integration: invent::types::AssistantIntegration =
        serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(integration.config, Some(invent::Extra::default()));
    assert_eq!(wire(&integration), doc);
}

#[test]
fn open_enum_keeps_unknown_values() {
    let known: Language = serde_json::from_value(json!("auto")).unwrap();
    let unknown: Language = serde_json::from_value(json!("klingon")).unwrap();
    assert_eq!(known, Language::Auto);
    assert_eq!(unknown, Language::Unknown("klingon".into()));
    assert!(unknown.is_unknown() && !known.is_unknown());
    insta::assert_json_snapshot!([wire(&known), wire(&unknown), wire(&ThreadMode::from("reuse"))], @r#"
    [
      "auto",
      "klingon",
      "reuse"
    ]
    "#);
}

#[test]
fn open_enum_display_and_from_str_agree_with_serde() {
    for text in ["auto", "klingon", "", "AUTO"] {
        let parsed: Language = text.parse().unwrap();
        let from_serde: Language = serde_json::from_value(json!(text)).unwrap();
        assert_eq!(parsed, from_serde);
        assert_eq!(parsed.to_string(), text);
        assert_eq!(wire(&parsed), json!(text));
    }
    assert_eq!(Language::KNOWN, &[Language::Auto]);
}

#[test]
fn open_enum_refuses_a_non_string() {
    let error = serde_json::from_value::<Language>(json!(3))
        .unwrap_err()
        .to_string();
    assert!(error.contains("a string"), "{error}");
}

fn assistant_with_secret() -> Assistant {
    let mut doc = invent_tests::response_example("update_assistant", "200");
    doc["secret_key"] = json!("sk_live_do_not_print");
    serde_json::from_value(doc).unwrap()
}

#[test]
fn secret_key_is_redacted_in_debug_but_serialized() {
    let assistant = assistant_with_secret();
    let debug = format!("{assistant:?} {:#?}", assistant);
    assert!(!debug.contains("sk_live_do_not_print"), "{debug}");
    assert!(debug.contains("[redacted]"));
    assert_eq!(
        wire(&assistant)["secret_key"],
        json!("sk_live_do_not_print")
    );
    assert_eq!(
        assistant.secret_key.as_ref().map(|s| s.expose().as_str()),
        Some("sk_live_do_not_print")
    );
    let builder = invent::types::builder::Assistant::from(assistant);
    assert!(!format!("{builder:?}").contains("sk_live_do_not_print"));
}

#[test]
fn name_limits_are_refused_with_the_field_and_limit_named() {
    use invent::types::UpdateAssistantName;
    let empty = UpdateAssistantName::try_from("").unwrap_err().to_string();
    assert!(
        empty.contains("UpdateAssistant.name") && empty.contains('1'),
        "{empty}"
    );
    let long = UpdateAssistantName::try_from("x".repeat(1025))
        .unwrap_err()
        .to_string();
    assert!(
        long.contains("UpdateAssistant.name") && long.contains("1024"),
        "{long}"
    );
    assert!(UpdateAssistantName::try_from("x".repeat(1024)).is_ok());
    assert!(
        UpdateAssistantName::try_from("é".repeat(1024)).is_ok(),
        "limits count characters, not bytes"
    );

    let built: Result<UpdateAssistant, _> = UpdateAssistant::builder().name("").try_into();
    let message = built.unwrap_err().to_string();
    assert!(
        message.contains("name") && message.contains("shorter than 1"),
        "{message}"
    );

    let read = serde_json::from_value::<UpdateAssistant>(json!({"name": ""}))
        .unwrap_err()
        .to_string();
    assert!(read.contains("UpdateAssistant.name"), "{read}");
}

#[test]
fn timestamps_keep_their_original_text() {
    let doc = json!({"created_at": "2023-11-07T05:31:56.000+02:00"});
    let integration: invent::types::AssistantIntegration =
        serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(wire(&integration), doc);
    let bad = serde_json::from_value::<invent::types::AssistantIntegration>(
        json!({"created_at": "soon"}),
    );
    assert!(bad.unwrap_err().to_string().contains("soon"));
}

#[test]
fn unknown_properties_are_kept_at_every_level() {
    let doc = json!({
        "language": "auto",
        "brand_new": {"nested": [1, 2]},
        "conversation": {"thread_mode": "new", "future_flag": true},
        "stt": {"model": "m", "vendor": "x"}
    });
    let config: AssistantConfig = serde_json::from_value(doc.clone()).unwrap();
    assert_eq!(config.extra["brand_new"], json!({"nested": [1, 2]}));
    assert_eq!(wire(&config), doc);
}

#[test]
fn objects_refuse_missing_required_and_duplicate_properties() {
    let mut doc = invent_tests::response_example("update_assistant", "200");
    doc.as_object_mut().unwrap().remove("secret_key");
    let missing = serde_json::from_value::<Assistant>(doc)
        .unwrap_err()
        .to_string();
    assert!(missing.contains("missing field `secret_key`"), "{missing}");

    let duplicate =
        serde_json::from_str::<UpdateAssistant>(r#"{"enabled": true, "enabled": false}"#);
    assert!(
        duplicate
            .unwrap_err()
            .to_string()
            .contains("duplicate field `enabled`")
    );

    let not_an_object = serde_json::from_value::<UpdateAssistant>(json!([1]))
        .unwrap_err()
        .to_string();
    assert!(not_an_object.contains("UpdateAssistant"), "{not_an_object}");
}

#[test]
fn a_null_on_a_non_nullable_property_is_kept_and_a_set_value_wins() {
    use invent::types::AssistantIntegration;
    let text = r#"{"id":"i1","error":null,"connection_id":null}"#;
    let read: AssistantIntegration = serde_json::from_str(text).unwrap();
    assert_eq!(read.error, None, "the Rust type stays Option<String>");
    assert_eq!(serde_json::to_string(&read).unwrap(), text);
    let mut changed = read.clone();
    changed.error = Some("expired".into());
    insta::assert_snapshot!(serde_json::to_string(&changed).unwrap(), @r#"{"error":"expired","id":"i1","connection_id":null}"#);
}

#[test]
fn an_extra_entry_never_writes_a_known_property_twice() {
    // The rule: a known property is written by its field; an `extra` entry under its name
    // only as a remembered null while the field is absent.
    let mut body: UpdateAssistant = UpdateAssistant::builder()
        .name("Support")
        .try_into()
        .unwrap();
    body.extra
        .insert("name".into(), json!("x".repeat(2000)).into());
    body.extra.insert("enabled".into(), json!(true).into());
    body.extra.insert("later".into(), json!(1).into());
    insta::assert_snapshot!(serde_json::to_string(&body).unwrap(), @r#"{"name":"Support","later":1}"#);
}

#[test]
fn a_property_given_twice_is_refused() {
    let twice = r#"{"name":"a","name":"b"}"#;
    let error = serde_json::from_str::<UpdateAssistant>(twice).unwrap_err();
    assert!(
        error.to_string().contains("duplicate field `name`"),
        "{error}"
    );
    let unknown_twice = r#"{"later":1,"later":2}"#;
    let error = serde_json::from_str::<UpdateAssistant>(unknown_twice).unwrap_err();
    assert!(
        error.to_string().contains("`later` appears twice"),
        "{error}"
    );
}

#[test]
fn unknown_values_keep_their_exact_text() {
    // Numbers no 64-bit type holds as written, exponents in either case, escapes and spacing
    // inside a value: written back byte for byte, at the top and inside a free-form property.
    let text = r#"{"big":123456789012345678901234567890,"zero":-0,"money":1.50,"tiny":1e-400,"huge":1e+400,"HUGE":1E400,"word":"caf\u00e9","nested":{ "n" : [1.0, 2E3] }}"#;
    let read: AssistantConfig = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_string(&read).unwrap(), text);
    assert_eq!(read.extra["word"], "café");
    assert_eq!(read.extra["huge"].as_text(), "1e+400");
    let integration = r#"{"config":{"limit":1E400,"label":"\u00e9t\u00e9","deep":[-0]}}"#;
    let read: invent::types::AssistantIntegration = serde_json::from_str(integration).unwrap();
    assert_eq!(serde_json::to_string(&read).unwrap(), integration);
}
