//! A spec the generator cannot use gets an error that names the problem and where it is,
//! never a panic (bad YAML, a wrong field, what progenitor refuses); what is read other than
//! as written gets a warning that names it.

use std::path::Path;

fn generate(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("openapi.yaml"), text).unwrap();
    match xtask::generate(dir.path()) {
        Ok(_) => panic!("generation should have failed"),
        Err(e) => e.to_string(),
    }
}

/// The report of warnings of a spec that generates.
fn warnings(text: &str) -> String {
    let spec = xtask::spec::parse(Path::new("openapi.yaml"), text).unwrap();
    xtask::generate_from_spec(Path::new("openapi.yaml"), &spec).unwrap();
    spec.diagnostics.report()
}

fn spec_text() -> String {
    std::fs::read_to_string(invent_tests::root().join("openapi.yaml")).unwrap()
}

#[test]
fn yaml_syntax_error_names_the_line() {
    let text = spec_text().replacen("paths:\n", "paths:\n  - [unclosed\n", 1);
    let message = generate(&text);
    assert!(message.contains("openapi.yaml"), "{message}");
    assert!(message.contains("not valid YAML"), "{message}");
    let line = text.lines().position(|l| l.contains("[unclosed")).unwrap() + 1;
    assert!(
        message.contains(&line.to_string()),
        "line {line} not named: {message}"
    );
}

#[test]
fn an_unknown_openapi_version_is_refused_by_name() {
    let message = generate(&spec_text().replacen("openapi: 3.0.3", "openapi: 4.0.0", 1));
    assert!(
        message.contains("4.0.0") && message.contains("3.0") && message.contains("3.1"),
        "{message}"
    );
}

#[test]
fn wrong_field_type_names_its_path() {
    let message = generate(&spec_text().replacen(
        "required: true\n        description: The assistant",
        "required: maybe\n        description: The assistant",
        1,
    ));
    assert!(message.contains("requestBody"), "{message}");
}

#[test]
fn two_success_bodies_are_any_json_with_the_operation_named() {
    // Distinct error bodies are supported (see the corpus); distinct success bodies are any JSON.
    let text = spec_text().replacen(
        "        \"400\":\n          $ref: \"#/components/responses/BadRequest\"",
        "        \"202\":\n          description: accepted, no body\n        \"400\":\n          $ref: \"#/components/responses/BadRequest\"",
        1,
    );
    let message = warnings(&text);
    assert!(
        message.contains("warning: ")
            && message.contains("update_assistant")
            && message.contains("202"),
        "{message}"
    );
}

#[test]
fn a_json_media_type_body_is_sent_as_json_with_a_warning() {
    let text = spec_text().replacen(
        "      requestBody:\n        required: true\n        description: The assistant information to update.\n        content:\n          application/json:",
        "      requestBody:\n        required: true\n        description: The assistant information to update.\n        content:\n          application/merge-patch+json:",
        1,
    );
    let message = warnings(&text);
    assert!(
        message.contains("application/merge-patch+json: a JSON media type"),
        "{message}"
    );
}

#[test]
fn an_ambiguous_one_of_is_tried_in_order_with_its_place() {
    let text = spec_text().replacen(
        "        enabled:\n          description: Whether the assistant is enabled\n          type: boolean\n          example: true\n        avatar_id:",
        "        enabled:\n          oneOf: [{type: object, properties: {a: {type: string}}}, \
         {type: object, properties: {b: {type: string}}}]\n        avatar_id:",
        1,
    );
    let message = warnings(&text);
    assert!(
        message.contains("UpdateAssistant.properties.enabled") && message.contains("same shape"),
        "{message}"
    );
}

#[test]
fn missing_spec_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let message = xtask::generate(dir.path()).err().unwrap().to_string();
    assert!(
        message.contains(&Path::new("openapi.yaml").display().to_string()),
        "{message}"
    );
}

#[test]
fn closed_objects_are_read_as_open_with_a_warning_naming_them() {
    let written = spec_text();
    let text = written.replacen(
        "    SpeechToText:\n      description: Speech-to-text settings of an assistant.\n      type: object\n",
        "    SpeechToText:\n      description: Speech-to-text settings of an assistant.\n      type: object\n      additionalProperties: false\n",
        1,
    );
    assert_ne!(text, written);
    let spec = xtask::spec::parse(Path::new("openapi.yaml"), &text).unwrap();
    let all = spec.diagnostics.report();
    assert!(
        all.contains(
            "warning: components.schemas.SpeechToText.additionalProperties: \
             `additionalProperties: false` read as open"
        ),
        "{all}"
    );
    // The type is the open one the spec without the keyword makes.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("openapi.yaml"), &text).unwrap();
    let closed = xtask::generate(dir.path()).unwrap();
    let open = xtask::generate(&invent_tests::root()).unwrap();
    for (a, b) in open.iter().zip(&closed) {
        assert!(a.contents == b.contents, "{} differs", a.path.display());
    }
}

#[test]
fn a_union_that_only_constrains_an_object_is_the_object_with_a_warning() {
    let path = invent_tests::root().join("xtask/tests/specs/unions.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let all = spec.diagnostics.report();
    assert!(
        all.contains("warning: components.schemas.Rename.anyOf: only constrains"),
        "{all}"
    );
    let rename = &spec.json["components"]["schemas"]["Rename"];
    assert!(xtask::spec::unions::keyword(rename).is_none(), "{rename}");
}
