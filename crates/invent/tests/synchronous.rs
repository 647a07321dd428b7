//! The synchronous example, run as a test: a program without an async `main` makes a call
//! through the runtime it builds itself, against a mock of the API.

#[allow(dead_code)]
#[path = "../examples/synchronous.rs"]
mod example;

use invent_httpmock::MockServerExt as _;

#[test]
fn a_program_without_an_async_main_calls_the_api() {
    let server = httpmock::MockServer::start();
    let assistant: invent::types::Assistant = serde_json::from_value(serde_json::json!({
        "id": "ast_1", "name": "Renamed", "enabled": true, "deleted": false, "secret_key": "sk",
        "avatar_url": null, "config": {}, "integrations": [], "actions": [],
        "created_at": "2023-11-07T05:31:56Z", "updated_at": null
    }))
    .unwrap();
    let mock = server.update_assistant(|when, then| {
        when.org_id(invent::OWN_ORG).assistant_id("ast_1").body(
            &invent::types::UpdateAssistant::builder()
                .name("Renamed")
                .try_into()
                .unwrap(),
        );
        then.ok(&assistant);
    });
    let client = invent::Client::builder()
        .api_key("sk_test")
        .base_url(server.base_url())
        .build()
        .unwrap();
    let renamed = example::rename(&client, "ast_1", "Renamed").unwrap();
    assert_eq!(renamed.name, "Renamed");
    mock.assert();
}
