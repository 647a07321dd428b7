//! Behaviour of parameter-places.yaml: objects in the query go out as `name[key]=value` pairs
//! (nested objects and lists deeper, absent ones not at all), cookies in one `Cookie` header
//! beside the cookie credential, lists and objects in the path and headers comma-separated;
//! the typed mock and the command line send and match the same.

use invent::types::{Filter, FilterRange, ListThingsCreated, ListThingsTheme, Point};
use invent::{DeepObject, Simple, SimpleExploded};
use invent_httpmock::MockServerExt;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder().api_key("k1").base_url(server.base_url()).build().unwrap()
}

fn filter() -> Filter {
    Filter::try_from(
        Filter::builder()
            .state("open")
            .ids(vec!["a".to_string(), "b c".to_string()])
            .range(FilterRange::try_from(FilterRange::builder().gte(1.5)).unwrap()),
    )
    .unwrap()
}

/// The request's query, decoded, and its `Cookie` headers.
fn sent(request: &httpmock::HttpMockRequest) -> (Vec<(String, String)>, Vec<String>) {
    let url = reqwest::Url::parse(&format!("http://api.test/?{}", request.uri().query().unwrap_or(""))).unwrap();
    let query = url.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let cookies = request
        .headers()
        .get_all("cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    (query, cookies)
}

#[tokio::test]
async fn objects_and_cookies_go_on_the_wire_as_the_spec_says() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/things").is_true(|request| {
                let (query, cookies) = sent(request);
                let pairs: Vec<(&str, &str)> =
                    query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                pairs
                    == [
                        ("created[gte]", "10"),
                        ("filter[ids][0]", "a"),
                        ("filter[ids][1]", "b c"),
                        ("filter[range][gte]", "1.5"),
                        ("filter[state]", "open"),
                    ]
                    && cookies == ["page=2; session=s%3B1; theme=dark; token=k1"]
            });
            then.status(204);
        })
        .await;
    let created: ListThingsCreated = serde_json::from_str(r#"{"gte": 10}"#).unwrap();
    client(&server)
        .list_things()
        .filter(filter())
        .created(created)
        .session("s;1")
        .theme(ListThingsTheme::Dark)
        .page(2)
        .send()
        .await
        .unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn absent_objects_and_cookies_are_not_sent() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            when.method("GET").path("/things").is_true(|request| {
                let (query, cookies) = sent(request);
                query.is_empty() && cookies == ["session=s; token=k1"]
            });
            then.status(204);
        })
        .await;
    client(&server).list_things().session("s").send().await.unwrap();
    mock.assert_async().await;
}

#[tokio::test]
async fn the_typed_mock_matches_objects_and_cookies_as_sent() {
    let server = httpmock::MockServer::start_async().await;
    let sent_filter = DeepObject(filter());
    let mock = server.list_things(|when, then| {
        when.filter(&sent_filter).created(None).session("s;1").theme(None);
        then.no_content();
    });
    client(&server).list_things().filter(filter()).session("s;1").send().await.unwrap();
    mock.assert_async().await;

    // A request with another value, or with a value the mock expects to be absent, is not it.
    let server = httpmock::MockServer::start_async().await;
    let mock = server.list_things(|when, then| {
        when.filter(&sent_filter).created(None).session("s;1").theme(None);
        then.no_content();
    });
    let other = serde_json::from_str::<Filter>(r#"{"state":"closed"}"#).unwrap();
    let created: ListThingsCreated = serde_json::from_str("3").unwrap();
    let client = client(&server);
    let attempts = [
        client.list_things().filter(other).session("s;1"),
        client.list_things().filter(filter()).session("s;2"),
        client.list_things().filter(filter()).session("s;1").created(created),
        client.list_things().filter(filter()).session("s;1").theme(ListThingsTheme::Light),
    ];
    for attempt in attempts {
        assert!(attempt.send().await.is_err());
    }
    mock.assert_calls_async(0).await;
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
async fn the_command_line_takes_an_object_as_json_and_cookies_as_flags() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server.list_things(|when, then| {
        let filter: Filter = serde_json::from_str(r#"{"state":"open","ids":["x"]}"#).unwrap();
        when.filter(&DeepObject(filter)).session("s").theme(ListThingsTheme::Light);
        then.no_content();
    });
    let out = cli()
        .args(["--api-key", "k1", "--base-url", &server.base_url(), "list-things"])
        .args(["--filter", r#"{"state":"open","ids":["x"]}"#, "--session", "s", "--theme", "light"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    mock.assert_async().await;
}

fn point(x: i64, y: &str) -> Point {
    Point::try_from(Point::builder().x(x).y(y)).unwrap()
}

#[tokio::test]
async fn lists_and_objects_in_the_path_and_headers_are_comma_separated() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server
        .mock_async(|when, then| {
            // Items are percent-encoded in the path, the commas between them are not.
            when.method("GET")
                .path("/grid/a%2Cb,c/x,1,y,a%20b/x=2,y=n")
                .header("x-tags", "3,4")
                .header("x-point", "x=5,y=z");
            then.status(204);
        })
        .await;
    client(&server)
        .get_grid()
        .cells(vec!["a,b".to_string(), "c".to_string()])
        .at(point(1, "a b"))
        .size(point(2, "n"))
        .x_tags(vec![3, 4])
        .x_point(point(5, "z"))
        .send()
        .await
        .unwrap();
    mock.assert_async().await;

    // An empty list would leave the path's segment empty: refused, nothing sent.
    let empty = client(&server)
        .get_grid()
        .cells(Vec::<String>::new())
        .at(point(1, "a"))
        .size(point(2, "n"))
        .x_tags(vec![3])
        .send()
        .await;
    assert!(matches!(empty, Err(invent::Error::InvalidRequest(ref m)) if m.contains("cells")), "{empty:?}");
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn the_typed_mock_matches_path_and_header_lists_as_sent() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server.get_grid(|when, then| {
        when.cells(&Simple(vec!["a/b".to_string()]))
            .at(&Simple(point(1, "a")))
            .size(&SimpleExploded(point(2, "b")))
            .x_tags(&Simple(vec![7]))
            .x_point(None);
        then.no_content();
    });
    let client = client(&server);
    let grid = |cells: &str, x_tags: i64| {
        client
            .get_grid()
            .cells(vec![cells.to_string()])
            .at(point(1, "a"))
            .size(point(2, "b"))
            .x_tags(vec![x_tags])
    };
    grid("a/b", 7).send().await.unwrap();
    assert!(grid("a/c", 7).send().await.is_err());
    assert!(grid("a/b", 8).send().await.is_err());
    assert!(grid("a/b", 7).x_point(point(0, "")).send().await.is_err());
    mock.assert_calls_async(1).await;
}

#[tokio::test]
async fn the_command_line_takes_path_and_header_lists_as_json() {
    let server = httpmock::MockServer::start_async().await;
    let mock = server.get_grid(|when, then| {
        when.cells(&Simple(vec!["a".to_string(), "b".to_string()]))
            .at(&Simple(point(1, "a")))
            .size(&SimpleExploded(point(2, "b")))
            .x_tags(&Simple(vec![1, 2]));
        then.no_content();
    });
    let out = cli()
        .args(["--api-key", "k1", "--base-url", &server.base_url(), "get-grid"])
        .args(["--cells", r#"["a","b"]"#, "--at", r#"{"x":1,"y":"a"}"#])
        .args(["--size", r#"{"x":2,"y":"b"}"#, "--x-tags", "[1,2]"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    mock.assert_async().await;
}
