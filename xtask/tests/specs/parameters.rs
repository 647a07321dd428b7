//! Behaviour of parameters.yaml: arrays go out as `name=a&name=b` (form, explode), headers are
//! sent, non-string path parameters are encoded, and keyword or digit names work.

use invent::types::{MatchKind, SearchStatusItem};
use invent_httpmock::MockServerExt;
use serde_json::json;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap()
}

#[tokio::test]
async fn array_query_parameters_repeat_their_name_in_order() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/search")
                .is_true(|req| {
                    req.uri().query()
                        == Some("2fa=true&status=open&status=snoozed&status=later&tag=a+b&tag=c&type=t")
                })
                .header("X-Tenant", "acme")
                .header("X-Trace-Id", "trace-1");
            then.status(200).json_body(json!({"type": "page", "self": "s", "2nd": 2}));
        })
        .await;
    let page = client(&server)
        .search()
        .status(vec![SearchStatusItem::Open, SearchStatusItem::Snoozed, "later".into()])
        .tag(vec!["a b".to_string(), "c".to_string()])
        .type_("t")
        ._2fa(true)
        .x_tenant("acme")
        .x_trace_id("trace-1")
        .send()
        .await
        .unwrap()
        .into_inner();
    mock.assert_async().await;
    assert_eq!(page.type_.as_deref(), Some("page"));
    assert_eq!(page.self_.as_deref(), Some("s"));
    assert_eq!(page.x2nd, Some(2));
}

#[tokio::test]
async fn the_typed_mock_matches_each_value_of_an_array() {
    let server = httpmock::MockServer::start_async().await;
    let statuses = vec![SearchStatusItem::Closed];
    let tags = vec!["x".to_string()];
    let mock = server.search(|when, then| {
        when.status(&statuses).tag(&tags).x_tenant("acme");
        then.ok(&serde_json::from_value(json!({})).unwrap());
    });
    client(&server)
        .search()
        .status(statuses.clone())
        .tag(tags.clone())
        .x_tenant("acme")
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn non_string_path_parameters_and_keyword_names_are_encoded() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server.match_(|when, then| {
        when.ref_("a.b").n(-7).flag(false).kind(MatchKind::B);
        then.ok(&serde_json::from_value(json!({})).unwrap());
    });
    client(&server)
        .match_()
        .ref_("a.b")
        .n(-7)
        .flag(false)
        .kind(MatchKind::B)
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn a_path_parameter_cannot_climb_out_of_its_segment() {
    let server = httpmock::MockServer::start_async().await;
    let error = client(&server)
        .match_()
        .ref_("..")
        .n(1)
        .flag(true)
        .kind(MatchKind::A)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, invent::Error::InvalidRequest(_)), "{error}");
    assert!(error.to_string().contains("`ref`"), "{error}");
}

#[tokio::test]
async fn an_operation_named_with_a_leading_digit_is_callable() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server._1st_delete(|when, then| {
        when.into_inner().header_exists("authorization");
        then.no_content();
    });
    client(&server)._1st_delete().send().await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn a_value_that_does_not_convert_is_refused_with_the_parameter_named() {
    let server = httpmock::MockServer::start_async().await;
    let error = client(&server)
        .match_()
        .ref_("a")
        .n(u64::MAX)
        .flag(true)
        .kind(MatchKind::A)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "request refused before sending: `n` cannot be converted to `i64`"
    );
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
async fn the_command_line_keeps_its_own_flags_apart_from_the_api_fields() {
    let server = httpmock::MockServer::start_async().await;
    let poll = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/poll")
                .header("authorization", "Bearer key-1")
                .is_true(|req| req.uri().query() == Some("timeout=30"));
            then.status(204);
        })
        .await;
    let create = server
        .mock_async(|when, then| {
            when.method("POST")
                .path("/keys")
                .header("authorization", "Bearer key-1")
                .json_body(json!({"api_key": "body-key"}));
            then.status(204);
        })
        .await;
    let base = server.base_url();
    // `--timeout` is the client's; `--api-timeout` the operation's `timeout` parameter.
    let out = cli()
        .args(["--api-key", "key-1", "--base-url", &base, "--timeout", "5"])
        .args(["poll-events", "--api-timeout", "30"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The client's key is never a body field unless asked for, and the reverse.
    let out = cli()
        .args(["--api-key", "key-1", "--base-url", &base])
        .args(["create-key", "--api-api-key", "body-key"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    poll.assert_async().await;
    create.assert_async().await;
}

#[tokio::test]
async fn a_declared_authorization_parameter_is_sent_as_given() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/enrol").header("authorization", "Basic enrolment-token");
            then.status(204);
        })
        .await;
    client(&server).enrol().authorization("Basic enrolment-token").send().await.unwrap();
    mock.assert_async().await;
}
