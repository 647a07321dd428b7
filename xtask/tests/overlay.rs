//! Overlays (`overlays/*.yaml` beside the spec): what each action does to the document, the
//! order of actions and files, errors and warnings naming their place, and `spec::load`.

use std::path::Path;

use serde_json::{Value, json};
use xtask::overlay::{self, Overlay, Warning};

/// The overlay `overlays/{name}` with `actions` (YAML, indented as a list under `actions:`).
fn overlay(name: &str, actions: &str) -> Result<Overlay, xtask::Error> {
    let text =
        format!("overlay: 1.0.0\ninfo:\n  title: test\n  version: 1.0.0\nactions:\n{actions}");
    let named = format!("overlays/{name}");
    overlay::parse(Path::new(&named), &named, &text)
}

/// `document` after one overlay of `actions`, and its warnings.
fn applied(mut document: Value, actions: &str) -> (Value, Vec<Warning>) {
    let warnings = overlay("01-test.yaml", actions)
        .unwrap()
        .apply(&mut document)
        .unwrap();
    (document, warnings)
}

fn error(document: Value, name: &str, actions: &str) -> String {
    let mut document = document;
    match overlay(name, actions).and_then(|o| o.apply(&mut document)) {
        Ok(_) => panic!("the overlay was accepted"),
        Err(e) => e.to_string(),
    }
}

fn two_operations() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {"get": {"operationId": "a", "responses": {
                "200": {"description": "ok"},
                "404": {"description": "missing"}
            }}},
            "/b": {"get": {"operationId": "b", "responses": {"200": {"description": "ok"}}}}
        }
    })
}

#[test]
fn update_merges_its_properties_into_every_selected_object_recursively() {
    let (document, warnings) = applied(
        two_operations(),
        "  - target: $.paths.*.get
    update:
      x-safe: true
      responses:
        '200':
          description: changed
",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    for path in ["/a", "/b"] {
        let get = &document["paths"][path]["get"];
        assert_eq!(get["x-safe"], json!(true), "{path}");
        assert_eq!(get["responses"]["200"]["description"], "changed", "{path}");
        // What the update does not mention stays.
        assert_eq!(get["operationId"], path.trim_start_matches('/'));
    }
    assert_eq!(
        document["paths"]["/a"]["get"]["responses"]["404"],
        json!({"description": "missing"})
    );
}

#[test]
fn update_appends_one_entry_or_the_items_of_a_list_to_a_selected_list() {
    let document = json!({"parameters": [{"name": "a"}]});
    let (document, _) = applied(
        document,
        "  - target: $.parameters
    update:
      name: b
  - target: $.parameters
    update:
      - name: c
      - name: d
",
    );
    assert_eq!(
        document["parameters"],
        json!([{"name": "a"}, {"name": "b"}, {"name": "c"}, {"name": "d"}])
    );
}

#[test]
fn a_list_inside_an_update_is_concatenated_with_the_objects_list() {
    let document = json!({"schema": {"required": ["a"], "properties": {"a": {}}}});
    let (document, _) = applied(
        document,
        "  - target: $.schema
    update:
      required: [b]
      properties:
        b: {type: string}
",
    );
    assert_eq!(document["schema"]["required"], json!(["a", "b"]));
    assert_eq!(
        document["schema"]["properties"],
        json!({"a": {}, "b": {"type": "string"}})
    );
}

#[test]
fn update_replaces_a_selected_primitive() {
    let document = json!({"info": {"title": "Old", "version": "1"}, "n": null});
    let (document, _) = applied(
        document,
        "  - target: $.info.title
    update: New
  - target: $.n
    update: 3
",
    );
    assert_eq!(
        document,
        json!({"info": {"title": "New", "version": "1"}, "n": 3})
    );
}

#[test]
fn remove_takes_every_selected_node_out_of_its_object_or_list() {
    let document = json!({
        "parameters": [{"name": "dummy"}, {"name": "keep"}, {"name": "dummy"}],
        "schemas": {"A": {}, "Old": {}, "B": {}}
    });
    let (document, _) = applied(
        document,
        "  - target: $.parameters[?@.name == 'dummy']
    remove: true
  - target: $.schemas.Old
    remove: true
",
    );
    assert_eq!(document["parameters"], json!([{"name": "keep"}]));
    // The other keys keep their order.
    let keys: Vec<&String> = document["schemas"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["A", "B"]);
}

#[test]
fn removing_a_node_and_a_node_inside_it_removes_both_and_nothing_else() {
    // `$..[?@.k == 1]` selects a.0, a.0.sub.0 and a.2: removing a.0 first would move
    // every later index, and leave a.0.sub.0 pointing at another node.
    let document = json!({"a": [
        {"k": 1, "sub": [{"k": 1}, {"k": 2}]},
        {"k": 2, "sub": [{"k": 1}]},
        {"k": 1}
    ]});
    let (document, _) = applied(
        document,
        "  - target: $..[?@.k == 1]
    remove: true
",
    );
    assert_eq!(document, json!({"a": [{"k": 2, "sub": []}]}));
}

#[test]
fn actions_apply_in_order_each_to_the_result_of_the_one_before() {
    let document =
        json!({"components": {"schemas": {"A": {"description": "old", "type": "object"}}}});
    let (document, warnings) = applied(
        document,
        "  - target: $.components.schemas.A
    remove: true
  - target: $.components.schemas
    update:
      A: {type: string}
  - target: $.components.schemas.A
    update:
      description: new
",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        document["components"]["schemas"]["A"],
        json!({"type": "string", "description": "new"})
    );
}

#[test]
fn overlay_files_apply_in_file_name_order_and_other_files_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let overlays = dir.path().join("overlays");
    std::fs::create_dir(&overlays).unwrap();
    let title = |title: &str| {
        format!(
            "overlay: 1.0.0\ninfo: {{title: t, version: '1'}}\nactions:\n  - target: $.info\n    update: {{title: {title}, x-{title}: true}}\n"
        )
    };
    std::fs::write(overlays.join("10-last.yaml"), title("last")).unwrap();
    std::fs::write(overlays.join("02-second.yml"), title("second")).unwrap();
    let json = r#"{"overlay": "1.0.0", "info": {"title": "t", "version": "1"},
        "actions": [{"target": "$.info", "update": {"title": "first", "x-first": true}}]}"#;
    std::fs::write(overlays.join("01-first.json"), json).unwrap();
    std::fs::write(overlays.join("README.md"), "not an overlay").unwrap();
    std::fs::write(overlays.join("notes.txt"), "- target: [").unwrap();

    let found = overlay::beside(&dir.path().join("openapi.yaml")).unwrap();
    let names: Vec<&str> = found.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "overlays/01-first.json",
            "overlays/02-second.yml",
            "overlays/10-last.yaml"
        ]
    );
    let mut document = json!({"info": {"title": "T", "version": "1"}});
    overlay::apply_all(&found, &mut document).unwrap();
    assert_eq!(
        document["info"],
        json!({"title": "last", "version": "1", "x-first": true, "x-second": true, "x-last": true})
    );
}

#[test]
fn a_spec_without_an_overlays_folder_has_no_overlays() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        overlay::beside(&dir.path().join("openapi.yaml"))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_invalid_jsonpath_is_an_error_naming_the_file_and_the_action() {
    let message = error(
        two_operations(),
        "02-fix.yaml",
        "  - {target: $.info, update: {x-a: 1}}
  - {target: $.info, update: {x-b: 1}}
  - {target: $.info, update: {x-c: 1}}
  - target: $.paths[
    update: {x-d: 1}
",
    );
    assert!(
        message.starts_with(
            "overlays/02-fix.yaml: actions.3.target: `$.paths[` is not a valid JSONPath"
        ),
        "{message}"
    );
}

#[test]
fn a_target_that_selects_nothing_is_a_warning_naming_the_file_and_the_action() {
    let mut document = two_operations();
    let warnings = overlay(
        "02-fix.yaml",
        "  - target: $.info
    update: {x-seen: true}
  - target: $.paths['/missing'].get
    update: {x-safe: true}
",
    )
    .unwrap()
    .apply(&mut document)
    .unwrap();
    assert_eq!(
        warnings,
        [Warning {
            at: "overlays/02-fix.yaml: actions.1".into(),
            message:
                "target `$.paths['/missing'].get` selects nothing, so the action changed nothing"
                    .into(),
        }]
    );
    // The other action was applied, and nothing was added for the one that selects nothing.
    assert_eq!(document["info"]["x-seen"], json!(true));
    assert!(document["paths"].get("/missing").is_none());
}

#[test]
fn an_update_that_does_not_fit_the_node_is_an_error_naming_the_action_and_the_place() {
    let message = error(
        two_operations(),
        "03-bad.yaml",
        "  - target: $.paths['/a']
    update:
      get:
        responses: replaced
",
    );
    assert!(
        message.starts_with(
            "overlays/03-bad.yaml: actions.0.update: cannot merge a string into an object at \
             `paths./a.get.responses`"
        ),
        "{message}"
    );
    let message = error(
        json!({"info": {}}),
        "03-bad.yaml",
        "  - target: $.info
    update: just a string
",
    );
    assert!(
        message.contains("actions.0.update: cannot merge a string into an object at `info`"),
        "{message}"
    );
}

#[test]
fn removing_the_whole_document_is_an_error() {
    let message = error(
        two_operations(),
        "04.yaml",
        "  - {target: $, remove: true}\n",
    );
    assert!(
        message.contains("actions.0.target: the target selects the document's root"),
        "{message}"
    );
}

#[test]
fn a_document_that_is_not_an_overlay_1_0_is_refused_naming_the_field() {
    let header = "info: {title: t, version: '1'}\n";
    let action = "actions: [{target: $.info, update: {x: 1}}]\n";
    let cases = [
        (format!("{header}{action}"), "overlay: missing"),
        (
            format!("overlay: 1.1.0\n{header}{action}"),
            "overlay: version `1.1.0`",
        ),
        (format!("overlay: 1.0.0\n{action}"), "info: missing"),
        (
            format!("overlay: 1.0.0\ninfo: {{title: t}}\n{action}"),
            "info.version: missing",
        ),
        (
            format!("overlay: 1.0.0\n{header}actions: []\n"),
            "actions: empty",
        ),
        (
            format!("overlay: 1.0.0\n{header}actions: [{{target: $.info, updte: {{x: 1}}}}]\n"),
            "actions.0.updte: unknown field",
        ),
        (
            format!("overlay: 1.0.0\n{header}actions: [{{target: $.info}}]\n"),
            "actions.0: neither `update` nor `remove: true`",
        ),
        (
            format!("overlay: 1.0.0\n{header}actions: [{{target: $.info, remove: 'yes'}}]\n"),
            "actions.0.remove: `\"yes\"` is not `true` or `false`",
        ),
        (
            format!("overlay: 1.0.0\n{header}actions: [{{update: {{x: 1}}}}]\n"),
            "actions.0.target: missing",
        ),
        (
            format!("overlay: 1.0.0\n{header}{action}extra: 1\n"),
            "extra: unknown field",
        ),
    ];
    for (text, expected) in cases {
        let path = Path::new("overlays/bad.yaml");
        let message = match overlay::parse(path, "overlays/bad.yaml", &text) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e.to_string(),
        };
        assert!(
            message.starts_with(&format!("overlays/bad.yaml: {expected}")),
            "{message}\nfor:\n{text}"
        );
    }
    // Extensions are allowed anywhere the Overlay specification allows them.
    let text = format!(
        "overlay: 1.0.2\nx-note: 1\n{header}actions: [{{target: $.info, update: {{}}, x-why: fix}}]\n"
    );
    overlay::parse(Path::new("o.yaml"), "o.yaml", &text).unwrap();
}

/// The repository's openapi.yaml in a fresh folder, with `overlays` (name, text) beside it.
fn spec_folder(overlays: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml");
    std::fs::copy(spec, dir.path().join("openapi.yaml")).unwrap();
    if !overlays.is_empty() {
        std::fs::create_dir(dir.path().join("overlays")).unwrap();
    }
    for (name, text) in overlays {
        std::fs::write(dir.path().join("overlays").join(name), text).unwrap();
    }
    dir
}

#[test]
fn load_applies_the_overlays_beside_the_spec_before_normalizing_it() {
    let fix = "overlay: 1.0.0
info: {title: Fixes to the published spec, version: 1.0.0}
actions:
  - target: $.components.schemas.UpdateAssistant
    description: The published description is wrong.
    update:
      description: Patched by an overlay.
      properties:
        overlay_note:
          type: string
          nullable: true
          description: A property the published spec lacks.
  - target: $.components.schemas.NoSuchSchema
    update: {description: never}
";
    let dir = spec_folder(&[("01-fix.yaml", fix)]);
    let path = dir.path().join("openapi.yaml");
    let spec = xtask::spec::load(&path).unwrap();
    let schema = &spec.json["components"]["schemas"]["UpdateAssistant"];
    assert_eq!(schema["description"], "Patched by an overlay.");
    assert_eq!(schema["properties"]["overlay_note"]["type"], "string");
    // The properties the spec had are still there.
    assert!(schema["properties"].get("name").is_some(), "{schema:#}");
    // A target that selects nothing is said, naming the overlay and the action.
    let report = spec.diagnostics.report();
    assert!(
        report
            .lines()
            .any(|w| w.starts_with("warning: overlays/01-fix.yaml: actions.1: target")),
        "{report}"
    );

    // Without the overlay (or through `parse`, which reads no overlays) the spec is as written.
    let text = std::fs::read_to_string(&path).unwrap();
    let plain = xtask::spec::parse(&path, &text).unwrap();
    let schema = &plain.json["components"]["schemas"]["UpdateAssistant"];
    assert!(schema["properties"].get("overlay_note").is_none());
    assert_ne!(schema["description"], "Patched by an overlay.");
}

#[test]
fn load_reports_an_overlay_error_naming_the_overlay_file() {
    let bad = "overlay: 1.0.0
info: {title: t, version: '1'}
actions:
  - {target: $.info, update: {x-ok: true}}
  - {target: '$.paths[?@.x ==]', update: {x: 1}}
";
    let dir = spec_folder(&[("02-fix.yaml", bad)]);
    let message = match xtask::spec::load(&dir.path().join("openapi.yaml")) {
        Ok(_) => panic!("the overlay was accepted"),
        Err(e) => e.to_string(),
    };
    let expected = format!(
        "{}: actions.1.target: ",
        dir.path().join("overlays/02-fix.yaml").display()
    );
    assert!(message.starts_with(&expected), "{message}");
}
