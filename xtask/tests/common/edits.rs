//! The spec edits both diff tests use: a base spec (openapi.yaml with two more operations)
//! and a table of small edits of it, each with the class `cargo xtask diff` must give it.
#![allow(dead_code)]

use serde_json::{Value, json};
use xtask::diff::{Class, Report, Version};

/// openapi.yaml with two more operations, so that removals and parameters have something
/// to act on: `get_assistant` and `list_assistants` (a bounded `limit`), and a second
/// `Language` value.
pub fn base() -> Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml");
    let text = std::fs::read_to_string(root).expect("openapi.yaml is readable");
    let mut spec = xtask::spec::document(&text).expect("openapi.yaml is YAML");
    let item = "/orgs/{org_id}/assistants/{assistant_id}";
    let ids = spec["paths"][item]["patch"]["parameters"].clone();
    spec["paths"][item]["get"] = json!({
        "operationId": "get_assistant",
        "summary": "Get Assistant",
        "parameters": ids,
        "responses": {
            "200": {"description": "The assistant.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Assistant"}}}},
            "404": {"$ref": "#/components/responses/NotFound"}
        }
    });
    spec["paths"]["/orgs/{org_id}/assistants"] = json!({"get": {
        "operationId": "list_assistants",
        "parameters": [
            ids[0].clone(),
            {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}}
        ],
        "responses": {
            "200": {"description": "The assistants.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Assistant"}}}}}
        }
    }});
    spec["components"]["schemas"]["Language"]["enum"] = json!(["auto", "fr"]);
    spec
}

pub fn schema<'a>(spec: &'a mut Value, name: &str) -> &'a mut Value {
    &mut spec["components"]["schemas"][name]
}

pub fn prop<'a>(spec: &'a mut Value, name: &str, property: &str) -> &'a mut Value {
    &mut schema(spec, name)["properties"][property]
}

fn get(spec: &mut Value) -> &mut Value {
    &mut spec["paths"]["/orgs/{org_id}/assistants/{assistant_id}"]["get"]
}

fn patch(spec: &mut Value) -> &mut Value {
    &mut spec["paths"]["/orgs/{org_id}/assistants/{assistant_id}"]["patch"]
}

fn list(spec: &mut Value) -> &mut Value {
    &mut spec["paths"]["/orgs/{org_id}/assistants"]["get"]
}

pub fn remove(v: &mut Value, key: &str) {
    v.as_object_mut().expect("an object").remove(key);
}

fn require(spec: &mut Value, name: &str, property: &str) {
    let s = schema(spec, name);
    match s.get_mut("required").and_then(Value::as_array_mut) {
        Some(r) => r.push(json!(property)),
        None => s["required"] = json!([property]),
    }
}

fn unrequire(spec: &mut Value, name: &str, property: &str) {
    if let Some(r) = schema(spec, name)["required"].as_array_mut() {
        r.retain(|p| p != property);
    }
}

type Edit = fn(&mut Value);

/// Each edit: its name, what it does to the base, its class (None: no change).
pub const EDITS: &[(&str, Edit, Option<Class>)] = &[
    ("no_change", |_| {}, None),
    (
        "operation_added",
        |s| {
            s["paths"]["/orgs/{org_id}/assistants/{assistant_id}"]["delete"] = json!({
                "operationId": "delete_assistant",
                "parameters": s["paths"]["/orgs/{org_id}/assistants/{assistant_id}"]["patch"]["parameters"].clone(),
                "responses": {"204": {"description": "Deleted."}}
            });
        },
        Some(Class::Additive),
    ),
    (
        "operation_removed",
        |s| {
            remove(
                &mut s["paths"]["/orgs/{org_id}/assistants/{assistant_id}"],
                "get",
            )
        },
        Some(Class::Breaking),
    ),
    (
        "operation_id_changed",
        |s| get(s)["operationId"] = json!("fetch_assistant"),
        Some(Class::Breaking),
    ),
    (
        "operation_moved",
        |s| {
            let op = s["paths"]["/orgs/{org_id}/assistants"]["get"].take();
            remove(&mut s["paths"], "/orgs/{org_id}/assistants");
            s["paths"]["/orgs/{org_id}/assistants/all"] = json!({"get": op});
        },
        Some(Class::Breaking),
    ),
    (
        "parameter_added_required",
        |s| {
            list(s)["parameters"].as_array_mut().unwrap().push(json!({"name": "team", "in": "query", "required": true, "schema": {"type": "string"}}));
        },
        Some(Class::Breaking),
    ),
    (
        "parameter_added_optional",
        |s| {
            list(s)["parameters"]
                .as_array_mut()
                .unwrap()
                .push(json!({"name": "cursor", "in": "query", "schema": {"type": "string"}}));
        },
        Some(Class::Additive),
    ),
    (
        "parameter_removed",
        |s| {
            list(s)["parameters"].as_array_mut().unwrap().pop();
        },
        Some(Class::Breaking),
    ),
    (
        "parameter_made_required",
        |s| list(s)["parameters"][1]["required"] = json!(true),
        Some(Class::Breaking),
    ),
    (
        "parameter_type_changed",
        |s| list(s)["parameters"][1]["schema"] = json!({"type": "string"}),
        Some(Class::Breaking),
    ),
    (
        "parameter_constraint_tightened",
        |s| list(s)["parameters"][1]["schema"]["maximum"] = json!(50),
        Some(Class::Breaking),
    ),
    (
        "parameter_constraint_loosened",
        |s| list(s)["parameters"][1]["schema"]["maximum"] = json!(500),
        Some(Class::Additive),
    ),
    (
        "parameter_description_changed",
        |s| list(s)["parameters"][1]["description"] = json!("How many to list."),
        Some(Class::Documentation),
    ),
    (
        "body_made_optional",
        |s| patch(s)["requestBody"]["required"] = json!(false),
        Some(Class::Additive),
    ),
    (
        "success_status_added",
        |s| {
            let ok = patch(s)["responses"]["200"].clone();
            patch(s)["responses"]["202"] = ok;
        },
        Some(Class::Breaking),
    ),
    (
        "error_status_added",
        |s| patch(s)["responses"]["409"] = json!({"$ref": "#/components/responses/BadRequest"}),
        Some(Class::Additive),
    ),
    (
        "error_status_removed",
        |s| remove(&mut get(s)["responses"], "404"),
        Some(Class::Breaking),
    ),
    (
        "response_type_changed",
        |s| {
            get(s)["responses"]["200"]["content"]["application/json"]["schema"] =
                json!({"$ref": "#/components/schemas/AssistantConfig"})
        },
        Some(Class::Breaking),
    ),
    (
        "error_schema_changed",
        |s| {
            s["components"]["schemas"]["NotFoundBody"] =
                json!({"type": "object", "properties": {"message": {"type": "string"}}});
            get(s)["responses"]["404"] = json!({"description": "Not found.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NotFoundBody"}}}});
        },
        Some(Class::Breaking),
    ),
    (
        "security_removed",
        |s| get(s)["security"] = json!([]),
        Some(Class::Additive),
    ),
    (
        "security_added",
        |s| {
            s["components"]["securitySchemes"]["orgKey"] =
                json!({"type": "apiKey", "in": "header", "name": "X-Org-Key"});
            get(s)["security"] = json!([{"bearerAuth": [], "orgKey": []}]);
        },
        Some(Class::Breaking),
    ),
    (
        "request_property_added_optional",
        |s| *prop(s, "UpdateAssistant", "nickname") = json!({"type": "string"}),
        Some(Class::Additive),
    ),
    (
        "request_property_added_required",
        |s| {
            *prop(s, "UpdateAssistant", "locale") = json!({"type": "string"});
            require(s, "UpdateAssistant", "locale");
        },
        Some(Class::Breaking),
    ),
    (
        "request_property_removed",
        |s| remove(&mut schema(s, "UpdateAssistant")["properties"], "enabled"),
        Some(Class::Breaking),
    ),
    (
        "request_property_type_changed",
        |s| prop(s, "UpdateAssistant", "enabled")["type"] = json!("string"),
        Some(Class::Breaking),
    ),
    (
        "request_property_made_required",
        |s| require(s, "UpdateAssistant", "enabled"),
        Some(Class::Breaking),
    ),
    (
        "request_property_nullable_added",
        |s| prop(s, "UpdateAssistant", "enabled")["nullable"] = json!(true),
        Some(Class::Breaking),
    ),
    (
        "request_property_nullable_removed",
        |s| remove(prop(s, "UpdateAssistant", "avatar_id"), "nullable"),
        Some(Class::Breaking),
    ),
    (
        "request_constraint_tightened",
        |s| prop(s, "UpdateAssistant", "name")["maxLength"] = json!(512),
        Some(Class::Breaking),
    ),
    (
        "request_constraint_loosened",
        |s| prop(s, "UpdateAssistant", "name")["maxLength"] = json!(2048),
        Some(Class::Additive),
    ),
    (
        "request_pattern_added",
        |s| prop(s, "UpdateAssistant", "name")["pattern"] = json!("^[^\\n]*$"),
        Some(Class::Breaking),
    ),
    (
        "request_default_added",
        |s| prop(s, "UpdateAssistant", "enabled")["default"] = json!(true),
        Some(Class::Breaking),
    ),
    (
        "enum_value_added",
        |s| {
            schema(s, "Language")["enum"]
                .as_array_mut()
                .unwrap()
                .push(json!("de"))
        },
        Some(Class::Additive),
    ),
    (
        "enum_value_removed",
        |s| schema(s, "Language")["enum"] = json!(["auto"]),
        Some(Class::Breaking),
    ),
    (
        "response_property_added",
        |s| *prop(s, "Assistant", "owner") = json!({"type": "string"}),
        Some(Class::Additive),
    ),
    (
        "response_property_added_required",
        |s| {
            *prop(s, "Assistant", "owner") = json!({"type": "string"});
            require(s, "Assistant", "owner");
        },
        Some(Class::Additive),
    ),
    (
        "response_property_removed",
        |s| {
            remove(&mut schema(s, "Assistant")["properties"], "deleted");
            unrequire(s, "Assistant", "deleted");
        },
        Some(Class::Breaking),
    ),
    (
        "response_property_made_optional",
        |s| unrequire(s, "Assistant", "deleted"),
        Some(Class::Breaking),
    ),
    (
        "response_property_nullable_added",
        |s| prop(s, "Assistant", "name")["nullable"] = json!(true),
        Some(Class::Breaking),
    ),
    (
        "array_item_type_changed",
        |s| {
            prop(s, "ConversationSettings", "suggested_messages")["items"] =
                json!({"type": "integer"})
        },
        Some(Class::Breaking),
    ),
    (
        "nested_property_added",
        |s| *prop(s, "ConversationSettings", "enable_summaries") = json!({"type": "boolean"}),
        Some(Class::Additive),
    ),
    (
        "schema_added_unused",
        |s| {
            s["components"]["schemas"]["Team"] =
                json!({"type": "object", "properties": {"id": {"type": "string"}}})
        },
        Some(Class::Additive),
    ),
    (
        "request_format_added",
        |s| prop(s, "UpdateAssistant", "avatar_id")["format"] = json!("uuid"),
        Some(Class::Breaking),
    ),
    (
        "response_format_added",
        |s| prop(s, "Assistant", "avatar_url")["format"] = json!("uri"),
        Some(Class::Additive),
    ),
    (
        "format_makes_a_timestamp",
        |s| prop(s, "Assistant", "avatar_url")["format"] = json!("date-time"),
        Some(Class::Breaking),
    ),
    (
        "schema_renamed",
        |s| {
            let tts = s["components"]["schemas"]["TextToSpeech"].take();
            remove(&mut s["components"]["schemas"], "TextToSpeech");
            s["components"]["schemas"]["Voice"] = tts;
            *prop(s, "AssistantConfig", "tts") = json!({"$ref": "#/components/schemas/Voice"});
        },
        Some(Class::Breaking),
    ),
    (
        "server_changed",
        |s| s["servers"][0]["url"] = json!("https://api.example.com"),
        Some(Class::Additive),
    ),
    (
        "info_version_changed",
        |s| s["info"]["version"] = json!("1.1.0"),
        Some(Class::Documentation),
    ),
    (
        "security_alternative_added",
        |s| {
            s["components"]["securitySchemes"]["orgKey"] =
                json!({"type": "apiKey", "in": "header", "name": "X-Org-Key"});
            get(s)["security"] = json!([{"bearerAuth": []}, {"orgKey": []}]);
        },
        Some(Class::Additive),
    ),
    (
        "security_alternative_removed",
        |s| {
            s["components"]["securitySchemes"]["orgKey"] =
                json!({"type": "apiKey", "in": "header", "name": "X-Org-Key"});
            get(s)["security"] = json!([{"orgKey": []}]);
        },
        Some(Class::Breaking),
    ),
    (
        "request_media_type_changed",
        |s| {
            let body = patch(s)["requestBody"]["content"]["application/json"].take();
            patch(s)["requestBody"]["content"] =
                json!({ "application/x-www-form-urlencoded": body });
        },
        Some(Class::Breaking),
    ),
    (
        "path_parameter_renamed_same_setter",
        |s| {
            let old = "/orgs/{org_id}/assistants/{assistant_id}";
            let mut item = s["paths"][old].take();
            remove(&mut s["paths"], old);
            for method in ["get", "patch"] {
                for p in item[method]["parameters"].as_array_mut().unwrap() {
                    if p["name"] == "assistant_id" {
                        p["name"] = json!("assistantId");
                    }
                }
            }
            s["paths"]["/orgs/{org_id}/assistants/{assistantId}"] = item;
        },
        Some(Class::Documentation),
    ),
    (
        "operation_id_recased",
        |s| get(s)["operationId"] = json!("getAssistant"),
        Some(Class::Documentation),
    ),
    (
        "request_property_made_read_only",
        |s| prop(s, "UpdateAssistant", "enabled")["readOnly"] = json!(true),
        Some(Class::Additive),
    ),
    (
        "description_changed",
        |s| {
            prop(s, "UpdateAssistant", "name")["description"] =
                json!("The assistant's display name")
        },
        Some(Class::Documentation),
    ),
    (
        "summary_changed",
        |s| patch(s)["summary"] = json!("Update an assistant"),
        Some(Class::Documentation),
    ),
];

pub fn text(spec: &Value) -> String {
    serde_json::to_string_pretty(spec).expect("JSON")
}

/// The report of one edit against the base, both at version 0.1.0.
pub fn report(edit: Edit) -> Report {
    let old = base();
    let mut new = old.clone();
    edit(&mut new);
    Report::new(
        "base",
        &text(&old),
        &text(&new),
        Version(0, 1, 0),
        Version(0, 1, 0),
    )
    .unwrap_or_else(|e| panic!("the edit does not generate: {e}"))
}
