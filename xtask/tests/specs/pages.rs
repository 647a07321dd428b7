//! Behaviour of pages.yaml: each listing walks its pages as the spec says they go on, asks for
//! a page only when the stream needs it, and ends cleanly, on an error, or on a repeated cursor.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use httpmock::MockServer;
use serde_json::json;

fn client(server: &MockServer) -> invent::Client {
    invent::Client::builder()
        .api_key("k")
        .base_url(server.base_url())
        .max_retries(0)
        .build()
        .unwrap()
}

fn ids(items: &[invent::types::Ticket]) -> Vec<&str> {
    items.iter().map(|t| t.id.as_str()).collect()
}

#[tokio::test]
async fn a_cursor_listing_asks_for_the_next_page_only_when_needed() {
    let server = MockServer::start_async().await;
    let first = server
        .mock_async(|when, then| {
            when.path("/tickets").query_param_missing("cursor").query_param("limit", "2");
            then.json_body(json!({"data": [{"id": "a"}, {"id": "b"}], "next_cursor": "c2"}));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.path("/tickets").query_param("cursor", "c2").query_param("limit", "2");
            then.json_body(json!({"data": [{"id": "c"}], "next_cursor": null}));
        })
        .await;
    let client = client(&server);
    let mut items = client.list_tickets().limit(2).items();
    assert_eq!(items.next().await.unwrap().unwrap().id, "a");
    assert_eq!(items.next().await.unwrap().unwrap().id, "b");
    // Two items read: the first page only.
    assert_eq!((first.calls_async().await, second.calls_async().await), (1, 0));
    assert_eq!(items.next().await.unwrap().unwrap().id, "c");
    assert!(items.next().await.is_none());
    assert_eq!((first.calls_async().await, second.calls_async().await), (1, 1));
}

#[tokio::test]
async fn a_repeated_cursor_ends_the_walk_with_an_error() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/tickets").query_param_missing("cursor");
            then.json_body(json!({"data": [{"id": "a"}], "next_cursor": "again"}));
        })
        .await;
    let looping = server
        .mock_async(|when, then| {
            when.path("/tickets").query_param("cursor", "again");
            then.json_body(json!({"data": [{"id": "b"}], "next_cursor": "again"}));
        })
        .await;
    let pages: Vec<_> = client(&server).list_tickets().pages().collect().await;
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(pages[0].is_ok() && pages[1].is_ok());
    match &pages[2] {
        Err(invent::Error::Pagination { page, reason, .. }) => {
            assert_eq!(*page, 2);
            assert!(reason.contains("`again`"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(looping.calls_async().await, 1);
}

#[tokio::test]
async fn a_failure_on_page_three_comes_after_the_items_of_pages_one_and_two() {
    let server = MockServer::start_async().await;
    for (cursor, body) in [
        (None, json!({"data": [{"id": "a"}], "next_cursor": "2"})),
        (Some("2"), json!({"data": [{"id": "b"}], "next_cursor": "3"})),
    ] {
        server
            .mock_async(|when, then| {
                let when = when.path("/tickets");
                match cursor {
                    Some(c) => when.query_param("cursor", c),
                    None => when.query_param_missing("cursor"),
                };
                then.json_body(body);
            })
            .await;
    }
    server
        .mock_async(|when, then| {
            when.path("/tickets").query_param("cursor", "3");
            then.status(500).json_body(json!({"message": "down"}));
        })
        .await;
    let read: Vec<_> = client(&server).list_tickets().items().collect().await;
    let ok: Vec<_> = read.iter().filter_map(|r| r.as_ref().ok()).map(|t| t.id.as_str()).collect();
    assert_eq!(ok, ["a", "b"]);
    assert!(matches!(read.last(), Some(Err(invent::Error::Server(_)))), "{read:?}");
}

#[tokio::test]
async fn has_more_pages_start_after_the_last_item() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/events").query_param_missing("starting_after");
            then.json_body(json!({"data": [{"id": "e1"}, {"id": "e2"}], "has_more": true}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/events").query_param("starting_after", "e2");
            then.json_body(json!({"data": [{"id": "e3"}], "has_more": false}));
        })
        .await;
    let items: Vec<_> = client(&server).list_events().items().try_collect().await.unwrap();
    assert_eq!(ids(&items), ["e1", "e2", "e3"]);
}

#[tokio::test]
async fn an_offset_listing_counts_the_items_read_up_to_the_total() {
    let server = MockServer::start_async().await;
    for (offset, ids) in [("3", vec!["d", "e"]), ("5", vec!["f"])] {
        let data: Vec<_> = ids.iter().map(|id| json!({"id": id})).collect();
        server
            .mock_async(|when, then| {
                when.path("/contacts").query_param("offset", offset);
                then.json_body(json!({"items": data, "meta": {"total": 6}}));
            })
            .await;
    }
    // The caller's own first offset is where the walk starts; the total ends it (no request
    // for offset 6).
    let items: Vec<_> =
        client(&server).list_contacts().offset(3).items().try_collect().await.unwrap();
    assert_eq!(ids(&items), ["d", "e", "f"]);
}

#[tokio::test]
async fn pages_that_are_lists_end_at_the_empty_page() {
    let server = MockServer::start_async().await;
    for (page, ids) in [("1", vec!["u1", "u2"]), ("2", vec!["u3"]), ("3", vec![])] {
        let data: Vec<_> = ids.iter().map(|id| json!({"id": id})).collect();
        server
            .mock_async(|when, then| {
                let when = when.path("/users").query_param("per_page", "2");
                if page == "1" {
                    when.query_param_missing("page");
                } else {
                    when.query_param("page", page);
                }
                then.json_body(json!(data));
            })
            .await;
    }
    let pages: Vec<_> =
        client(&server).list_users().per_page(2).pages().try_collect().await.unwrap();
    let sizes: Vec<usize> = pages.iter().map(|p| p.len()).collect();
    assert_eq!(sizes, [2, 1, 0]);
}

#[tokio::test]
async fn a_declared_listing_reads_its_cursor_where_the_extension_says() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/logs").query_param_missing("from");
            then.json_body(json!({"entries": ["one"], "continuation": {"token": "t2"}}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/logs").query_param("from", "t2");
            then.json_body(json!({"entries": ["two", "three"], "continuation": {}}));
        })
        .await;
    let lines: Vec<String> = client(&server).list_logs().items().try_collect().await.unwrap();
    assert_eq!(lines, ["one", "two", "three"]);
}

#[tokio::test]
async fn the_walk_ends_when_its_deadline_passes() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/tickets").query_param_missing("cursor");
            then.json_body(json!({"data": [{"id": "a"}], "next_cursor": "slow"}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/tickets").query_param("cursor", "slow");
            then.delay(Duration::from_secs(5))
                .json_body(json!({"data": [{"id": "b"}]}));
        })
        .await;
    let started = std::time::Instant::now();
    let read: Vec<_> = client(&server)
        .list_tickets()
        .items()
        .within(Duration::from_millis(500))
        .collect()
        .await;
    assert!(started.elapsed() < Duration::from_secs(4), "{:?}", started.elapsed());
    assert_eq!(read.len(), 2, "{read:?}");
    assert_eq!(read[0].as_ref().unwrap().id, "a");
    assert!(
        matches!(read[1], Err(invent::Error::DeadlineExceeded { .. })),
        "{read:?}"
    );
}

fn cli() -> std::process::Command {
    let member = env!("CARGO_PKG_NAME").trim_end_matches("-behaviour");
    let target = std::env::var("CARGO_TARGET_DIR").expect("the corpus sets CARGO_TARGET_DIR");
    let mut command = std::process::Command::new(std::path::Path::new(&target).join("debug").join(member));
    command.env_remove("INVENT_API_KEY").env_remove("INVENT_BASE_URL");
    command
}

#[tokio::test]
async fn the_cli_prints_every_item_as_json_lines_or_at_most_n() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/tickets").query_param_missing("cursor");
            then.json_body(json!({"data": [{"id": "a"}, {"id": "b"}], "next_cursor": "c2"}));
        })
        .await;
    let second = server
        .mock_async(|when, then| {
            when.path("/tickets").query_param("cursor", "c2");
            then.header("content-type", "application/json")
                .body(r#"{"data": [{"id": "c", "note": 1E400}]}"#);
        })
        .await;
    let base = server.base_url();
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "list-tickets", "--all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // One item a line, each as received (the unknown `1E400` kept as written).
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"note\":1E400}\n"
    );
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "list-tickets", "--max-items", "1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "{\"id\":\"a\"}\n");
    // The second page was asked for once, by --all; --max-items 1 needed only the first.
    assert_eq!(second.calls_async().await, 1);
    // Without either flag, the first page as the API sent it.
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "list-tickets"])
        .output()
        .unwrap();
    let page: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(page["next_cursor"], "c2");
}

#[tokio::test]
async fn a_listing_with_its_own_all_parameter_walks_with_all_items() {
    let server = MockServer::start_async().await;
    server
        .mock_async(|when, then| {
            when.path("/events").query_param("all", "true").query_param_missing("starting_after");
            then.json_body(json!({"data": [{"id": "e1"}], "has_more": true}));
        })
        .await;
    server
        .mock_async(|when, then| {
            when.path("/events").query_param("all", "true").query_param("starting_after", "e1");
            then.json_body(json!({"data": [{"id": "e2"}], "has_more": false}));
        })
        .await;
    let base = server.base_url();
    let out = cli()
        .args(["--api-key", "k", "--base-url", &base, "list-events", "--all", "true", "--all-items"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "{\"id\":\"e1\"}\n{\"id\":\"e2\"}\n");
}
