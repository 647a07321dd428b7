//! Proof that the wire behaviour is driven by the spec: add a nullable property, an enum and
//! an object to a copy of openapi.yaml, regenerate, and check the types (here) and, in a
//! scratch workspace built by `cargo xtask test-builds`, the behaviour on the wire.

use std::fs;

use invent_tests::root;

/// The spec with three new properties on `UpdateAssistant` (all inline, as a maintainer
/// might write them): a nullable string, a string enum, and an object with its own nullable,
/// list and enum properties.
fn extended_spec() -> String {
    let spec = fs::read_to_string(root().join("openapi.yaml")).unwrap();
    let anchor =
        "        config:\n          $ref: \"#/components/schemas/AssistantConfig\"\n    Assistant:";
    assert!(
        spec.contains(anchor),
        "the anchor in openapi.yaml moved; update this test"
    );
    spec.replacen(
        anchor,
        "        config:\n          $ref: \"#/components/schemas/AssistantConfig\"
        nickname:
          type: string
          nullable: true
        mood:
          type: string
          enum: [calm, cheerful]
        profile:
          type: object
          properties:
            bio:
              type: string
              nullable: true
            tags:
              type: array
              items:
                type: string
            tone:
              type: string
              enum: [formal]
        code:
          type: string
          pattern: \"^[a-z]+$\"
          maxLength: 8
        signing_key:
          type: string
          format: password
          nullable: true
        fallback:
          type: object
          nullable: true
          properties:
            channel:
              type: string
    Assistant:",
        1,
    )
}

/// What the scratch workspace's test checks.
const CHECK: &str = r#"
use invent::Patch;
use invent::types::{UpdateAssistant, UpdateAssistantCode, UpdateAssistantMood, UpdateAssistantProfile, UpdateAssistantProfileTone};
use serde_json::json;

#[test]
fn new_fields_get_the_wire_behaviour() {
    let wire = |v: &UpdateAssistant| serde_json::to_value(v).unwrap();

    // Tri-state on the new nullable property.
    assert_eq!(wire(&UpdateAssistant::default()), json!({}));
    let null: UpdateAssistant = UpdateAssistant::builder().nickname(Patch::Null).try_into().unwrap();
    assert_eq!(wire(&null), json!({"nickname": null}));
    let read: UpdateAssistant = serde_json::from_value(json!({"nickname": null})).unwrap();
    assert_eq!(read.nickname, Patch::Null);

    // Open enum on the new enum property.
    let odd: UpdateAssistant = serde_json::from_value(json!({"mood": "grumpy"})).unwrap();
    assert_eq!(odd.mood, Some(UpdateAssistantMood::Unknown("grumpy".into())));
    assert_eq!(wire(&odd), json!({"mood": "grumpy"}));
    assert_eq!("calm".parse::<UpdateAssistantMood>().unwrap(), UpdateAssistantMood::Calm);

    // The new object keeps unknown properties, says absent from empty, and nests both rules.
    let doc = json!({"profile": {"bio": null, "tags": [], "tone": "casual", "later": {"x": 1}}});
    let profile: UpdateAssistant = serde_json::from_value(doc.clone()).unwrap();
    let p: &UpdateAssistantProfile = profile.profile.as_ref().unwrap();
    assert_eq!(p.bio, Patch::Null);
    assert_eq!(p.tags, Some(vec![]));
    assert_eq!(p.tone, Some(UpdateAssistantProfileTone::Unknown("casual".into())));
    assert_eq!(p.extra["later"], json!({"x": 1}));
    assert_eq!(wire(&profile), doc);

    // And the builder takes the new fields.
    let built: UpdateAssistant = UpdateAssistant::builder().nickname(Patch::Null).mood(UpdateAssistantMood::Calm).try_into().unwrap();
    assert_eq!(wire(&built), json!({"nickname": null, "mood": "calm"}));
    // A pattern and a length limit, checked with the field named.
    assert!(UpdateAssistantCode::try_from("abc").is_ok());
    let refused = UpdateAssistantCode::try_from("ABC").unwrap_err().to_string();
    assert!(refused.contains("UpdateAssistant.code"), "{refused}");
    assert!(UpdateAssistantCode::try_from("abcdefghi").unwrap_err().to_string().contains("8"));

    // A nullable secret: tri-state, redacted in Debug, sent as written.
    let secret: UpdateAssistant = serde_json::from_value(json!({"signing_key": "sk_shh"})).unwrap();
    assert!(!format!("{secret:?}").contains("sk_shh"));
    assert_eq!(wire(&secret), json!({"signing_key": "sk_shh"}));
    let cleared: UpdateAssistant = UpdateAssistant::builder().signing_key(Patch::Null).try_into().unwrap();
    assert_eq!(wire(&cleared), json!({"signing_key": null}));
    // A nullable inline object: tri-state too, and it keeps its own unknown properties.
    let cleared: UpdateAssistant = serde_json::from_value(json!({"fallback": null})).unwrap();
    assert_eq!(cleared.fallback, Patch::Null);
    let set = json!({"fallback": {"channel": "email", "later": true}});
    let read: UpdateAssistant = serde_json::from_value(set.clone()).unwrap();
    assert!(matches!(&read.fallback, Patch::Value(f) if f.channel.as_deref() == Some("email")));
    assert_eq!(wire(&read), set);
    assert_eq!(wire(&UpdateAssistant::default()), json!({}));
}
"#;

/// The lines of the API listing that describe `header`'s item: its own line and its members.
fn item<'a>(listing: &'a str, header: &str) -> Vec<&'a str> {
    let mut lines = listing.lines().skip_while(|l| !l.starts_with(header));
    let own = lines
        .next()
        .unwrap_or_else(|| panic!("no `{header}` in:\n{listing}"));
    std::iter::once(own)
        .chain(lines.take_while(|l| l.starts_with(' ')))
        .collect()
}

/// Without a build: the extended spec generates, and each new property gets the type that
/// carries its behaviour (checked on the wire by the test below).
#[test]
fn new_spec_fields_get_the_types_that_carry_their_behaviour() {
    let scratch = tempfile::tempdir().unwrap();
    let path = scratch.path().join("openapi.yaml");
    fs::write(&path, extended_spec()).unwrap();
    let spec = xtask::spec::load(&path).unwrap();
    let files = xtask::generate_from_spec(&path, &spec).unwrap();
    let sdk = files
        .iter()
        .find(|f| f.path.ends_with("crates/invent/src/generated_sdk.rs"))
        .expect("the SDK is generated");
    let listing = xtask::surface::listing(&syn::parse_file(&sdk.contents).unwrap());
    let has = |header: &str, members: &[&str]| {
        let lines = item(&listing, header);
        for member in members {
            assert!(
                lines.iter().any(|l| l.trim_start().starts_with(member)),
                "`{header}` has no `{member}`:\n{}",
                lines.join("\n")
            );
        }
    };
    has(
        "struct types::UpdateAssistant ",
        &[
            "nickname: crate::Patch<String>",
            "mood: Option<UpdateAssistantMood>",
            "profile: Option<UpdateAssistantProfile>",
            "code: Option<UpdateAssistantCode>",
            "signing_key: crate::Patch<",
            "fallback: crate::Patch<UpdateAssistantFallback>",
            "extra: ::invent::Extra",
        ],
    );
    has(
        "enum types::UpdateAssistantMood ",
        &["Calm", "Cheerful", "Unknown(String)"],
    );
    has(
        "struct types::UpdateAssistantProfile ",
        &[
            "bio: crate::Patch<String>",
            "tags: Option<Vec<String>>",
            "tone: Option<UpdateAssistantProfileTone>",
            "extra: ::invent::Extra",
        ],
    );
    has(
        "enum types::UpdateAssistantProfileTone ",
        &["Formal", "Unknown(String)"],
    );
    has("struct types::UpdateAssistantCode ", &["(String)"]);
    has(
        "struct types::UpdateAssistantFallback ",
        &["channel: Option<String>", "extra: ::invent::Extra"],
    );
}

/// The same spec built and tested in a scratch workspace: a nested cargo build, run by
/// `cargo xtask test-builds`.
#[test]
#[ignore = "a nested cargo build: `cargo xtask test-builds` runs it (so does CI)"]
fn new_spec_fields_get_tri_state_open_enum_and_kept_extras() {
    let scratch = tempfile::tempdir().unwrap();
    let spec = scratch.path().join("openapi.yaml");
    fs::write(&spec, extended_spec()).unwrap();
    let check = scratch.path().join("check.rs");
    fs::write(&check, CHECK).unwrap();
    let member = xtask::scratch::Member {
        name: "spec-driven".into(),
        spec,
        test: Some(check),
    };
    // The fixture corpus's target folder: the dependencies are built once for both.
    let dir = root().join("target/corpus/spec-driven");
    let outcomes = xtask::scratch::create(&root(), &dir, &[member]).unwrap();
    if let Err(e) = &outcomes[0].result {
        panic!("the extended spec does not generate: {e}");
    }
    xtask::scratch::check_and_test(&dir, &root().join("target/corpus/target"))
        .unwrap_or_else(|e| panic!("{e}"));
}
