//! Laws of the generated wire types, checked on documents generated from openapi.yaml's schemas:
//! every valid document round-trips exactly, and every `UpdateAssistant` body fits its schema.

use std::collections::BTreeSet;
use std::fmt::Debug;

use invent_tests::arbitrary::{self, document, document_in, invalid_document, valid_document};
use invent_tests::json_schema::{errors, validator, validator_in};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{RngAlgorithm, TestError, TestRng, TestRunner};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

fn config() -> ProptestConfig {
    ProptestConfig {
        // Regressions are not written into the source tree; a failure prints its minimal case.
        failure_persistence: None,
        // ChaCha, the default, dominates the run time of an unoptimized test build.
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::with_cases(256)
    }
}

/// The seed of every property test: fixed, so a run repeats exactly (CI included); set
/// `INVENT_PROPTEST_SEED` (hex) to explore other documents.
fn seed() -> u128 {
    std::env::var("INVENT_PROPTEST_SEED")
        .ok()
        .and_then(|s| u128::from_str_radix(s.trim_start_matches("0x"), 16).ok())
        .unwrap_or(0x1e7e_47a5_515b_0a5e_c0de_0f1a_7500_0001)
}

/// Runs `test` on values of `strategy`; on failure, panics with the reason for the minimal
/// (shrunk) failing value, which each test writes to include that value.
fn for_all<S>(strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
    S::Value: Debug,
{
    let seed = seed();
    let rng = TestRng::from_seed(RngAlgorithm::XorShift, &seed.to_le_bytes());
    match TestRunner::new_with_rng(config(), rng).run(&strategy, test) {
        Ok(()) => {}
        Err(TestError::Fail(reason, _)) => {
            panic!("{reason} (seed {seed:#034x}: INVENT_PROPTEST_SEED={seed:#034x} repeats it)")
        }
        Err(TestError::Abort(reason)) => panic!("the generator gave up: {reason}"),
    }
}

/// The exact round-trip law: `doc` deserializes into `T` and serializes back to the same JSON,
/// every number spelled as it was (from JSON text); and from a `serde_json::Value`, where the
/// document has no number a `Value` cannot hold.
fn round_trip<T: DeserializeOwned + Serialize>(doc: &Value) -> Result<(), String> {
    let text = arbitrary::text(doc);
    let typed: T =
        serde_json::from_str(&text).map_err(|e| format!("does not deserialize from text: {e}"))?;
    let written = serde_json::to_string(&typed).map_err(|e| format!("does not serialize: {e}"))?;
    if !arbitrary::same_json(&written, &text) {
        return Err(format!("came back from text as {written}"));
    }
    if let Ok(value) = serde_json::from_str::<Value>(&text) {
        let typed: T = serde_json::from_value(value.clone())
            .map_err(|e| format!("does not deserialize: {e}"))?;
        let written =
            serde_json::to_string(&typed).map_err(|e| format!("does not serialize: {e}"))?;
        if !arbitrary::same_json(&written, &value.to_string()) {
            return Err(format!("came back from a Value as {written}"));
        }
    }
    Ok(())
}

fn check_round_trip<T: DeserializeOwned + Serialize>(schema_name: &str) {
    for_all(document(schema_name), |doc| {
        let result = round_trip::<T>(&doc);
        prop_assert!(
            result.is_ok(),
            "{schema_name} document {} {}",
            arbitrary::text(&doc),
            result.unwrap_err()
        );
        Ok(())
    });
}

/// One round-trip test per component schema, in a module named after its Rust type; the
/// list comes from the generated code (`invent::for_each_schema!`), so a new schema in the
/// spec is tested with no edit here.
macro_rules! round_trip_laws {
    ($(($ident:ident, $name:literal, $type:ty)),* $(,)?) => {
        /// The component schemas whose generated type has a round-trip test.
        const COVERED: &[&str] = &[$($name),*];

        $(
            #[allow(non_snake_case)]
            mod $ident {
                #[test]
                fn documents_round_trip_exactly() {
                    super::check_round_trip::<$type>($name);
                }
            }
        )*
    };
}

invent::for_each_schema!(round_trip_laws);

fn component_schemas() -> Map<String, Value> {
    invent_tests::spec().json["components"]["schemas"]
        .as_object()
        .expect("openapi.yaml has component schemas")
        .clone()
}

#[test]
fn every_component_schema_has_a_round_trip_test() {
    let in_spec: BTreeSet<String> = component_schemas().keys().cloned().collect();
    let covered: BTreeSet<String> = COVERED.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        in_spec, covered,
        "the generated schema list and the spec disagree"
    );
}

/// A copy of `SpeechToText` that forgets unknown properties and nulls, as a careless type would.
#[derive(serde::Deserialize, Serialize)]
struct ForgetfulSpeechToText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model: Option<String>,
}

#[test]
fn the_round_trip_law_catches_a_type_that_drops_unknown_properties() {
    for_all(document("SpeechToText"), |doc| {
        // It keeps nothing but a non-null `model`.
        let only_known = doc.as_object().unwrap().keys().all(|k| k == "model")
            && !doc.get("model").is_some_and(Value::is_null);
        let holds = round_trip::<ForgetfulSpeechToText>(&doc).is_ok();
        prop_assert_eq!(holds, only_known, "document {}", doc);
        Ok(())
    });
}

/// A copy of `SpeechToText` that keeps unknown properties as `serde_json::Value`s, which spell
/// numbers their own way (`1.50` as `1.5`) and cannot hold some (`1e400`).
#[derive(serde::Deserialize, Serialize)]
struct RespellingSpeechToText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    model: Option<String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[test]
fn the_round_trip_law_catches_a_type_that_respells_numbers() {
    // Without odd numbers it holds; with them it fails for some (`1.50`, `1e400`; `-0.0` a
    // `Value` happens to spell as it was).
    let mut caught = 0;
    for doc in samples(document("SpeechToText"), 256) {
        let holds = round_trip::<RespellingSpeechToText>(&doc).is_ok();
        let odd = arbitrary::text(&doc) != serde_json::to_string(&doc).unwrap();
        let nulls = doc.get("model").is_some_and(Value::is_null);
        if !odd && !nulls {
            assert!(holds, "document {doc}");
        }
        caught += usize::from(odd && !holds);
    }
    assert!(caught > 0, "no document had a number a Value respells");
}

#[test]
fn serialized_update_assistant_bodies_satisfy_the_schema() {
    let validator = validator("UpdateAssistant");
    for_all(valid_document("UpdateAssistant"), |doc| {
        let body: invent::types::UpdateAssistant =
            serde_json::from_value(doc.clone()).map_err(|e| {
                TestCaseError::fail(format!("document {doc} does not deserialize: {e}"))
            })?;
        let sent = serde_json::to_value(&body).expect("the body serializes");
        let errors = errors(&validator, &sent);
        prop_assert!(
            errors.is_empty(),
            "document {doc} is sent as {sent}, which the schema rejects: {errors:?}"
        );
        Ok(())
    });
}

#[test]
fn update_assistant_bodies_that_break_the_schema_are_rejected() {
    let validator = validator("UpdateAssistant");
    for_all(invalid_document("UpdateAssistant"), |(doc, what)| {
        prop_assert!(
            !validator.is_valid(&doc),
            "the schema accepts {doc}, where {what}"
        );
        Ok(())
    });
}

#[test]
fn documents_that_break_any_object_schema_are_rejected() {
    for (name, schema) in component_schemas() {
        if schema["properties"].as_object().is_none_or(Map::is_empty) {
            continue;
        }
        let validator = validator(&name);
        for_all(invalid_document(&name), |(doc, what)| {
            prop_assert!(
                !validator.is_valid(&doc),
                "the schema of {name} accepts {doc}, where {what}"
            );
            Ok(())
        });
    }
}

#[test]
fn generated_valid_documents_satisfy_their_schema() {
    // The generator's own check: what it calls valid, the translated schema accepts, date-time
    // formats included; so the round-trip laws run on documents the spec allows.
    for name in component_schemas().keys() {
        let validator = validator(name);
        for_all(valid_document(name), |doc| {
            let errors = errors(&validator, &doc);
            prop_assert!(
                errors.is_empty(),
                "{name} document {doc} breaks its schema: {errors:?}"
            );
            Ok(())
        });
    }
}

/// `n` documents of `strategy`, from a fixed seed.
fn samples<S: Strategy>(strategy: S, n: usize) -> Vec<S::Value> {
    let mut runner =
        TestRunner::new_with_rng(config(), TestRng::deterministic_rng(RngAlgorithm::XorShift));
    (0..n)
        .map(|_| {
            strategy
                .new_tree(&mut runner)
                .expect("the generator gives a value")
                .current()
        })
        .collect()
}

/// Every string value of a `created_at` or `updated_at` key, at any depth.
fn timestamps(doc: &Value, out: &mut Vec<String>) {
    match doc {
        Value::Object(object) => {
            for (key, value) in object {
                match value {
                    Value::String(s) if key == "created_at" || key == "updated_at" => {
                        out.push(s.clone());
                    }
                    _ => timestamps(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| timestamps(v, out)),
        _ => {}
    }
}

#[test]
fn generated_documents_cover_the_cases_the_laws_are_about() {
    let assistants = samples(document("Assistant"), 512);
    let assistant_properties = component_schemas()["Assistant"]["properties"]
        .as_object()
        .unwrap()
        .clone();
    let mut seen = BTreeSet::new();
    let mut stamps = Vec::new();
    for doc in &assistants {
        timestamps(doc, &mut stamps);
        let mut note = |what: &'static str, happened: bool| {
            if happened {
                seen.insert(what);
            }
        };
        let language = doc.pointer("/config/language");
        note("a documented enum value", language == Some(&json!("auto")));
        note(
            "an unknown enum value",
            language.is_some_and(|l| l != "auto"),
        );
        note("an absent optional property", language.is_none());
        note("a null nullable property", doc["avatar_url"].is_null());
        note("a string nullable property", doc["avatar_url"].is_string());
        note("an empty array", doc["integrations"] == json!([]));
        note(
            "an array of three",
            doc["integrations"].as_array().is_some_and(|a| a.len() == 3),
        );
        let integrations = doc["integrations"].as_array().unwrap();
        note(
            "an empty free-form object",
            integrations.iter().any(|i| i["config"] == json!({})),
        );
        note(
            "a non-empty free-form object",
            integrations
                .iter()
                .any(|i| i["config"].as_object().is_some_and(|c| !c.is_empty())),
        );
        note(
            "an unknown property at the top",
            doc.as_object()
                .unwrap()
                .keys()
                .any(|k| !assistant_properties.contains_key(k)),
        );
        let deep = doc["actions"].as_array().unwrap().iter().any(|action| {
            action
                .pointer("/config/definitions")
                .and_then(Value::as_array)
                .is_some_and(|definitions| {
                    definitions.iter().any(|d| {
                        d.as_object()
                            .unwrap()
                            .keys()
                            .any(|k| k != "path" && k != "definition")
                    })
                })
        });
        note("an unknown property five levels down", deep);
    }
    let mut note_stamp = |what: &'static str, test: &dyn Fn(&str) -> bool| {
        if stamps.iter().any(|s| test(s)) {
            seen.insert(what);
        }
    };
    note_stamp("a date-time in Z", &|s| s.ends_with('Z'));
    note_stamp("a date-time at +00:00", &|s| s.ends_with("+00:00"));
    note_stamp("a date-time at +02:00", &|s| s.ends_with("+02:00"));
    note_stamp("a date-time with .000", &|s| s.contains(".000"));
    note_stamp("a date-time with .123456", &|s| s.contains(".123456"));
    note_stamp("a leap second", &|s| s.contains(":60"));

    let updates = samples(document("UpdateAssistant"), 512);
    let name_lengths: BTreeSet<usize> = updates
        .iter()
        .filter_map(|u| u["name"].as_str())
        .map(|n| n.chars().count())
        .collect();
    if name_lengths.contains(&1) {
        seen.insert("the shortest name");
    }
    if name_lengths.contains(&longest_name()) {
        seen.insert("the longest name");
    }
    if updates
        .iter()
        .any(|u| u["avatar_id"].is_null() && u.as_object().unwrap().contains_key("avatar_id"))
    {
        seen.insert("an explicit null in a PATCH body");
    }

    let expected = BTreeSet::from([
        "a documented enum value",
        "an unknown enum value",
        "an absent optional property",
        "a null nullable property",
        "a string nullable property",
        "an empty array",
        "an array of three",
        "an empty free-form object",
        "a non-empty free-form object",
        "an unknown property at the top",
        "an unknown property five levels down",
        "a date-time in Z",
        "a date-time at +00:00",
        "a date-time at +02:00",
        "a date-time with .000",
        "a date-time with .123456",
        "a leap second",
        "the shortest name",
        "the longest name",
        "an explicit null in a PATCH body",
    ]);
    let missing: Vec<_> = expected.difference(&seen).collect();
    assert!(missing.is_empty(), "the generator never made: {missing:?}");
}

/// The `maxLength` the spec gives `UpdateAssistant.name` (through its component, if it has one).
fn longest_name() -> usize {
    let spec = invent_tests::spec().json;
    let mut schema = &spec["components"]["schemas"]["UpdateAssistant"]["properties"]["name"];
    // A checked string is its own component, referred to directly or through `allOf`.
    let reference = schema["$ref"]
        .as_str()
        .or_else(|| schema["allOf"][0]["$ref"].as_str());
    if let Some(target) = reference {
        let name = target.rsplit('/').next().unwrap();
        schema = &spec["components"]["schemas"][name];
    }
    schema["maxLength"]
        .as_u64()
        .unwrap_or_else(|| panic!("no maxLength: {schema}")) as usize
}

/// The unions fixture of the corpus, normalized: the documents generator reads unions too.
fn unions_fixture() -> Value {
    let path = invent_tests::root().join("xtask/tests/specs/unions.yaml");
    xtask::spec::load(&path)
        .expect("the unions fixture loads")
        .json
}

#[test]
fn generated_union_documents_fit_their_schema() {
    let spec = unions_fixture();
    let unions: Vec<String> = spec["components"]["schemas"]
        .as_object()
        .expect("component schemas")
        .iter()
        .filter(|(_, schema)| xtask::spec::unions::keyword(schema).is_some())
        .map(|(name, _)| name.clone())
        .collect();
    assert!(unions.len() >= 4, "{unions:?}");
    for name in &unions {
        let validator = validator_in(&spec, name);
        for_all(document_in(&spec, name, false), |doc| {
            let errors = errors(&validator, &doc);
            prop_assert!(errors.is_empty(), "{name} document {doc}: {errors:?}");
            Ok(())
        });
    }
}

#[test]
fn a_newer_server_sends_union_tags_this_sdk_does_not_know() {
    let spec = unions_fixture();
    let mut diagnostics = xtask::spec::Diagnostics::default();
    let union = xtask::spec::unions::classify(&spec, "Action", "Action", &mut diagnostics);
    assert!(diagnostics.is_empty(), "{}", diagnostics.report());
    let tag = union.tag.expect("Action is read by its tag");
    let known: BTreeSet<String> = union.variants.iter().flat_map(|v| v.tags.clone()).collect();
    let strategy = document_in(&spec, "Action", true);
    let mut runner = TestRunner::new_with_rng(
        config(),
        TestRng::from_seed(RngAlgorithm::XorShift, &seed().to_le_bytes()),
    );
    let tags: Vec<String> = (0..128)
        .map(|_| {
            let doc = strategy.new_tree(&mut runner).unwrap().current();
            doc[&tag]
                .as_str()
                .expect("every document has its tag")
                .to_string()
        })
        .collect();
    assert!(tags.iter().any(|t| known.contains(t)), "{tags:?}");
    assert!(tags.iter().any(|t| !known.contains(t)), "{tags:?}");
}
