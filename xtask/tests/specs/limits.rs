//! Behaviour of limits.yaml: every limit on a body property or parameter is checked before
//! sending, with the place named; nothing reaches the server when one is broken.

use invent::types::{Part, Report};
use serde_json::json;

async fn refused(build: impl FnOnce(&invent::Client) -> invent::builder::CreateReport<'_>) -> String {
    let server = httpmock::MockServer::start_async().await;
    let any = server
        .mock_async(|when, then| {
            when.any_request();
            then.status(200).json_body(json!({}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let result = build(&client).send().await;
    assert_eq!(any.calls_async().await, 0, "nothing may be sent");
    match result {
        Err(invent::Error::InvalidRequest(message)) => message,
        other => panic!("expected a refusal before sending, got {other:?}"),
    }
}

fn report(doc: serde_json::Value) -> Report {
    serde_json::from_value(doc).unwrap()
}

#[tokio::test]
async fn parameter_limits_name_the_parameter() {
    let message = refused(|c| c.create_report().code("ABC").limit(101).body(Report::default())).await;
    assert_eq!(message, "parameter `limit` is more than the maximum 100");
    let message = refused(|c| c.create_report().code("ABC").limit(0).body(Report::default())).await;
    assert_eq!(message, "parameter `limit` is less than the minimum 1");
    let message = refused(|c| c.create_report().code("ABC").score(0.0).body(Report::default())).await;
    assert_eq!(message, "parameter `score` must be more than 0");
    let message = refused(|c| c.create_report().code("abc").body(Report::default())).await;
    assert_eq!(message, "parameter `code` does not match the pattern `^[A-Z]{3}$`");
    let message = refused(|c| {
        c.create_report().code("ABC").ids(vec!["a".into(), "b".into(), "c".into(), "d".into()]).body(Report::default())
    })
    .await;
    assert_eq!(message, "parameter `ids` has 4 items, more than the maximum 3");
    let message = refused(|c| c.create_report().code("ABC").ids(vec!["toolong".into()]).body(Report::default())).await;
    assert_eq!(message, "parameter `ids` is longer than 4 characters");
    let message = refused(|c| c.create_report().code("ABC").x_label("x").body(Report::default())).await;
    assert_eq!(message, "parameter `X-Label` is shorter than 2 characters");
}

#[tokio::test]
async fn body_limits_name_the_schema_and_property() {
    let cases = [
        (json!({"percent": 101}), "`Report.percent` is more than the maximum 100"),
        (json!({"ratio": 1.0}), "`Report.ratio` must be less than 1"),
        (json!({"step": 7}), "`Report.step` is not a multiple of 5"),
        (json!({"tags": []}), "`Report.tags` has 0 items, fewer than the minimum 1"),
        (json!({"tags": ["#a", "#a"]}), "`Report.tags` has the same item twice"),
        (json!({"parts": [{"weight": 3}, {"weight": 11}]}), "`Part.weight` is more than the maximum 10"),
    ];
    for (doc, expected) in cases {
        let body = report(doc.clone());
        let message = refused(|c| c.create_report().code("ABC").body(body)).await;
        assert_eq!(message, expected, "for {doc}");
    }
}

#[test]
fn checked_strings_refuse_at_construction_with_the_place_named() {
    let error = serde_json::from_value::<Report>(json!({"title": ""})).unwrap_err();
    assert!(error.to_string().contains("`Report.title`"), "{error}");
    let error = serde_json::from_value::<Report>(json!({"tags": ["a"]})).unwrap_err();
    assert!(error.to_string().contains("`Report.tags[]`"), "{error}");
}

#[tokio::test]
async fn values_within_the_limits_are_sent() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("POST").path("/reports/ABC").query_param("limit", "100");
            then.status(200).json_body(json!({"percent": 100}));
        })
        .await;
    let client = invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap();
    let body = report(json!({"percent": 0, "ratio": 0.99, "step": 10, "tags": ["#a", "#b"],
                             "parts": [{"weight": 10, "child": {"weight": 5}}]}));
    let _: &Part = &body.parts.as_ref().unwrap()[0];
    client.create_report().code("ABC").limit(100).body(body).send().await.unwrap();
    mock.assert_async().await;
}
