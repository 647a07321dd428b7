//! Behaviour of unions.yaml: variants read by tag or by shape, a variant this SDK does not
//! know kept whole and written back, and unions in parameters, lists, nullable fields and mocks.

use invent::Patch;
use invent::types::{
    Action, ActionList, ActionWait, DiskState, DiskStateAttached, Email, IpNet, IpRange,
    ListActionsFilter, Rename, Target, Volume, Webhook,
};
use serde_json::json;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(doc: serde_json::Value) -> T {
    let typed: T = serde_json::from_value(doc.clone()).expect("parses");
    assert_eq!(serde_json::to_value(&typed).unwrap(), doc, "round trip");
    typed
}

#[test]
fn a_discriminated_union_reads_each_variant_by_its_tag() {
    let hook: Action = round_trip(json!({"type": "webhook", "url": "https://x", "new_field": 1}));
    let Action::Webhook(Webhook { url, extra, .. }) = &hook else {
        panic!("{hook:?}")
    };
    assert_eq!(url, "https://x");
    assert_eq!(extra["new_field"], json!(1));
    let mail: Action = round_trip(json!({"type": "mail", "to": "a@b.c"}));
    assert!(matches!(mail, Action::Email(Email { to: Some(_), .. })), "{mail:?}");
    let wait: Action = round_trip(json!({"seconds": 5, "type": "wait"}));
    assert!(matches!(wait, Action::Wait(ActionWait { seconds: 5, .. })), "{wait:?}");
}

#[test]
fn an_unknown_tag_is_kept_whole_anywhere_it_is_nested() {
    // Kept as its exact text: numbers no 64-bit type holds, exponents, escapes, spacing.
    let unknown = r##"{"type":"slack","channel":"#x","deep":{ "n" : 12345678901234567890123, "e": [1E400, -0, "\u00e9"] }}"##;
    let text = format!(
        r#"{{"items":[{unknown},{{"type":"webhook","url":"u"}}],"fallback":{{"type":"sms","to":"+1"}},"target":{{"kind":"robot","serial":7}},"state":{{"moving":true}}}}"#
    );
    let list: ActionList = serde_json::from_str(&text).expect("parses");
    let items = list.items.as_ref().unwrap();
    assert!(matches!(&items[0], Action::Unknown(v) if v.as_text() == unknown), "{items:?}");
    assert!(matches!(&list.fallback, Patch::Value(Action::Unknown(_))));
    assert!(matches!(list.target, Some(Target::Unknown(_))));
    assert!(matches!(list.state, Some(DiskState::Unknown(_))));
    let written = serde_json::to_string(&list).unwrap();
    assert!(written.contains(unknown), "{written}");
    let as_read: serde_json::Value = serde_json::from_str(&text.replace("1E400", "1")).unwrap();
    let as_written: serde_json::Value =
        serde_json::from_str(&written.replace("1E400", "1")).unwrap();
    assert_eq!(as_written, as_read, "{written}");
    // A read-modify-write keeps what the SDK does not know.
    let mut changed = list.clone();
    changed.extra.insert("seen".into(), true.into());
    let written = serde_json::to_string(&changed).unwrap();
    assert!(written.contains(unknown) && written.ends_with(r#","seen":true}"#), "{written}");
}

#[test]
fn a_variant_built_in_rust_is_written_with_its_tag_once() {
    let hook = Action::Webhook(Webhook::builder().url("u").try_into().unwrap());
    assert_eq!(serde_json::to_value(&hook).unwrap(), json!({"url": "u", "type": "webhook"}));
    let tagged = Action::Webhook(
        Webhook::builder()
            .type_("webhook")
            .url("u")
            .try_into()
            .unwrap(),
    );
    assert_eq!(serde_json::to_string(&tagged).unwrap(), r#"{"type":"webhook","url":"u"}"#);
}

#[test]
fn dropshot_unions_are_read_by_their_fixed_values_and_by_shape() {
    let user: Target = round_trip(json!({"kind": "user", "id": "u1"}));
    assert!(matches!(user, Target::User(_)), "{user:?}");
    let team: Target = round_trip(json!({"kind": "team", "name": "t"}));
    assert!(matches!(team, Target::Team(_)), "{team:?}");
    let detached: DiskState = round_trip(json!("detached"));
    assert!(matches!(detached, DiskState::String(_)), "{detached:?}");
    let attached: DiskState = round_trip(json!({"attached": "vm-1"}));
    assert!(matches!(attached, DiskState::Attached(DiskStateAttached { .. })), "{attached:?}");
}

#[test]
fn variants_of_one_shape_are_told_apart_by_the_formats_and_patterns_of_their_strings() {
    let v4: IpRange = round_trip(json!({"first": "10.0.0.1", "last": "10.0.0.9"}));
    assert!(matches!(v4, IpRange::Ipv4Range(_)), "{v4:?}");
    let v6: IpRange = round_trip(json!({"last": "::2", "first": "::1", "zone": 3}));
    assert!(matches!(v6, IpRange::Ipv6Range(_)), "{v6:?}");
    let neither: IpRange = round_trip(json!({"first": "10.0.0.1", "last": "::1"}));
    assert!(matches!(neither, IpRange::Unknown(_)), "{neither:?}");
    let net: IpNet = round_trip(json!("10.0.0.0/8"));
    assert!(matches!(net, IpNet::Ipv4Net(_)), "{net:?}");
    let net: IpNet = round_trip(json!("fd00::/64"));
    assert!(matches!(net, IpNet::Ipv6Net(_)), "{net:?}");
    let net: IpNet = round_trip(json!("nowhere"));
    assert!(matches!(net, IpNet::Unknown(_)), "{net:?}");
    // Integers before numbers, whatever order the spec lists them in.
    assert!(matches!(round_trip::<IpNet>(json!(7)), IpNet::Integer(7)));
    assert!(matches!(round_trip::<IpNet>(json!(7.5)), IpNet::Number(_)));
}

#[test]
fn a_union_that_contains_itself_nests_to_any_depth() {
    let doc = json!({
        "type": "stack",
        "parts": [{"type": "file", "path": "a"}, {"type": "stack", "parts": [], "parent": null}],
        "parent": {"type": "stack", "parts": [{"type": "tape", "reel": 4}]}
    });
    let volume: Volume = round_trip(doc);
    let Volume::Stack(stack) = &volume else {
        panic!("{volume:?}")
    };
    assert_eq!(stack.parts.len(), 2);
    assert!(matches!(&stack.parts[0], Volume::File(_)));
}

#[test]
fn all_of_one_inline_schema_is_that_schema_and_a_constraining_any_of_is_the_object() {
    let list: ActionList =
        round_trip(json!({"owner": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}));
    let owner: Option<&String> = list.owner.as_ref();
    assert_eq!(owner.map(String::len), Some(36));
    let rename: Rename = round_trip(json!({"label": "x"}));
    assert_eq!(rename.label.as_deref(), Some("x"));
}

#[test]
fn the_json_schema_says_one_of_and_the_discriminator() {
    let schema = serde_json::to_value(schemars::schema_for!(Action)).unwrap();
    assert_eq!(schema["oneOf"].as_array().map(Vec::len), Some(3), "{schema}");
    assert_eq!(schema["discriminator"]["propertyName"], "type");
}

#[tokio::test]
async fn unions_in_parameters_and_bodies_go_out_as_written() {
    use invent_httpmock::MockServerExt;
    let server = httpmock::MockServer::start_async().await;
    let filter = ListActionsFilter::List(vec!["a".into(), "b".into()]);
    let listed = server.list_actions(|when, then| {
        when.id("my-assistant").filter(&filter);
        then.ok(&serde_json::from_value(json!({"items": []})).unwrap());
    });
    let created = server
        .mock_async(|when, then| {
            when.method("POST").json_body(json!({"type": "robot", "x": 1}));
            then.status(201).json_body(json!({"type": "robot", "x": 1}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    client.list_actions().id("my-assistant").filter(filter.clone()).send().await.unwrap();
    listed.assert();
    let unknown: Action = serde_json::from_value(json!({"type": "robot", "x": 1})).unwrap();
    let back = client.create_action().id("my-assistant").body(unknown.clone()).send().await.unwrap();
    created.assert_async().await;
    assert_eq!(back.into_inner(), unknown);
    assert_eq!("one".parse::<ListActionsFilter>().unwrap(), ListActionsFilter::String("one".into()));
}

/// The command line generated from this spec (built beside this test).
fn cli() -> std::process::Command {
    let member = env!("CARGO_PKG_NAME").trim_end_matches("-behaviour");
    let target = std::env::var("CARGO_TARGET_DIR").expect("the corpus sets CARGO_TARGET_DIR");
    let mut command = std::process::Command::new(std::path::Path::new(&target).join("debug").join(member));
    command.env_remove("INVENT_API_KEY").env_remove("INVENT_BASE_URL");
    command
}

#[tokio::test]
async fn the_command_line_parses_union_flags_and_sends_union_bodies_as_written() {
    let server = httpmock::MockServer::start_async().await;
    let listed = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/assistants/6ba7b810-9dad-11d1-80b4-00c04fd430c8/actions")
                .is_true(|req| req.uri().query() == Some("filter=one"));
            then.status(200).json_body(json!({"items": [{"type": "robot", "arm": 2}]}));
        })
        .await;
    let created = server
        .mock_async(|when, then| {
            when.method("POST").path("/assistants/a-name/actions").json_body(json!({"type": "robot", "x": 1}));
            then.status(201).json_body(json!({"type": "robot", "x": 1}));
        })
        .await;
    let base = server.base_url();
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "list-actions"])
        .args(["--id", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "--filter", "one"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed["items"][0], json!({"type": "robot", "arm": 2}));
    let dir = std::env::temp_dir().join(format!("unions-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = dir.join("action.json");
    std::fs::write(&body, r#"{"type": "robot", "x": 1}"#).unwrap();
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "create-action", "--id", "a-name"])
        .arg("--json-body")
        .arg(&body)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    listed.assert_async().await;
    created.assert_async().await;
}
