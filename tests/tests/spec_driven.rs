//! Proof that the wire behaviour is driven by the spec: add a nullable property, an enum and
//! an object to a copy of openapi.yaml, regenerate into a scratch workspace, build, and run.

use std::fs;
use std::path::Path;
use std::process::Command;

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

/// What the scratch program checks, with `assert!`s that exit non-zero on failure.
const CHECK: &str = r#"
use invent::Patch;
use invent::types::{UpdateAssistant, UpdateAssistantCode, UpdateAssistantMood, UpdateAssistantProfile, UpdateAssistantProfileTone};
use serde_json::json;

fn main() {
    let wire = |v: &UpdateAssistant| serde_json::to_value(v).unwrap();

    // Tri-state on the new nullable property.
    assert_eq!(wire(&UpdateAssistant::default()), json!({}));
    let null = UpdateAssistant { nickname: Patch::Null, ..Default::default() };
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
    let cleared = UpdateAssistant { signing_key: Patch::Null, ..Default::default() };
    assert_eq!(wire(&cleared), json!({"signing_key": null}));
    // A nullable inline object: tri-state too, and it keeps its own unknown properties.
    let cleared: UpdateAssistant = serde_json::from_value(json!({"fallback": null})).unwrap();
    assert_eq!(cleared.fallback, Patch::Null);
    let set = json!({"fallback": {"channel": "email", "later": true}});
    let read: UpdateAssistant = serde_json::from_value(set.clone()).unwrap();
    assert!(matches!(&read.fallback, Patch::Value(f) if f.channel.as_deref() == Some("email")));
    assert_eq!(wire(&read), set);
    assert_eq!(wire(&UpdateAssistant::default()), json!({}));
    println!("spec-driven behaviour holds");
}
"#;

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn new_spec_fields_get_tri_state_open_enum_and_kept_extras() {
    let scratch = tempfile::tempdir().unwrap();
    let dir = scratch.path();
    fs::write(dir.join("openapi.yaml"), extended_spec()).unwrap();

    // A scratch workspace: the invent crate as it is (hand-written parts included), the mock
    // crate its examples use, and a small program that checks the new fields.
    let manifest = fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let members = manifest.lines().find(|l| l.starts_with("members")).unwrap();
    let manifest = manifest
        .lines()
        .filter(|l| !l.starts_with("default-members"))
        .map(|l| {
            if l == members {
                "members = [\"crates/invent\", \"crates/invent-httpmock\", \"check\"]"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    copy_dir(&root().join("crates/invent"), &dir.join("crates/invent"));
    // invent's examples and doc tests use the mock crate.
    copy_dir(
        &root().join("crates/invent-httpmock"),
        &dir.join("crates/invent-httpmock"),
    );
    fs::create_dir_all(dir.join("check/src")).unwrap();
    fs::write(
        dir.join("check/Cargo.toml"),
        "[package]\nname = \"check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\ninvent.workspace = true\nserde_json.workspace = true\n",
    )
    .unwrap();
    fs::write(dir.join("check/src/main.rs"), CHECK).unwrap();

    let files = xtask::generate(dir).expect("the extended spec generates");
    xtask::output::write(dir, &files).unwrap();

    // Reuse a target folder of the workspace so that repeated runs build only what changed.
    let target = root().join("target/spec-driven");
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--package", "check"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the scratch build or its checks failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("spec-driven behaviour holds"), "{stdout}");
}
