//! Behaviour of query-styles.yaml: joined lists go out as one value (`ids=a,b`, `sizes=1 2`,
//! `states=open|closed`), exploded ones as a pair per item, absent ones not at all; the mock
//! matches them as sent.

use invent::types::State;
use invent_httpmock::MockServerExt;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap()
}

#[tokio::test]
async fn each_style_goes_on_the_wire_as_the_spec_says() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/things")
                .query_param("ids", "a,b c")
                .query_param("sizes", "1 20")
                .query_param("states", "open|closed|later")
                .query_param("tags", "x")
                .query_param("tags", "y")
                .query_param("opt_fields", "name,gid");
            then.status(204);
        })
        .await;
    client(&server)
        .list_things()
        .ids(vec!["a".to_string(), "b c".to_string()])
        .sizes(vec![1, 20])
        .states(vec![State::Open, State::Closed, "later".into()])
        .tags(vec!["x".to_string(), "y".to_string()])
        .opt_fields(vec!["name".to_string(), "gid".to_string()])
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn absent_lists_are_not_sent_and_the_typed_mock_matches_joined_values() {
    let server = httpmock::MockServer::start_async().await;
    let raw = server
        .mock_async(|when, then| {
            when.method("GET")
                .path("/things")
                .query_param_missing("ids")
                .query_param_missing("sizes")
                .query_param("opt_fields", "");
            then.status(204);
        })
        .await;
    client(&server).list_things().opt_fields(Vec::<String>::new()).send().await.unwrap();
    raw.assert_async().await;

    let server = httpmock::MockServer::start_async().await;
    let typed = server
        .list_things(|when, then| {
            when.ids(&vec!["a".to_string(), "b".to_string()])
                .opt_fields(&vec!["gid".to_string()]);
            then.no_content();
        });
    client(&server)
        .list_things()
        .ids(vec!["a".to_string(), "b".to_string()])
        .opt_fields(vec!["gid".to_string()])
        .send()
        .await
        .unwrap();
    typed.assert_async().await;
}

#[tokio::test]
async fn one_name_goes_out_as_each_operation_says_and_its_mock_matches_it() {
    let server = httpmock::MockServer::start_async().await;
    let ids = vec!["a".to_string(), "b".to_string()];
    let joined = server.list_things(|when, then| {
        when.ids(&ids).opt_fields(&vec!["gid".to_string()]);
        then.no_content();
    });
    let each = server.list_others(|when, then| {
        when.ids(&ids);
        then.no_content();
    });
    let raw_each = server
        .mock_async(|when, then| {
            when.method("GET").path("/others").query_param("ids", "a").query_param("ids", "b");
            then.status(204);
        })
        .await;
    let client = client(&server);
    client.list_things().ids(ids.clone()).opt_fields(vec!["gid".to_string()]).send().await.unwrap();
    client.list_others().ids(ids.clone()).send().await.unwrap();
    joined.assert_async().await;
    // `/others` sends one pair per item: its typed mock and a raw one both matched it (httpmock
    // serves the first that matches, so the raw one is counted apart).
    assert_eq!(each.calls_async().await + raw_each.calls_async().await, 1);
    let sent = server
        .mock_async(|when, then| {
            when.method("GET").path("/others").query_param("ids", "a,b");
            then.status(204);
        })
        .await;
    sent.assert_calls_async(0).await;
}
