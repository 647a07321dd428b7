//! Behaviour of path-fragments.yaml: a `#fragment` in a path is not sent, a `?query` written
//! into one is, and the typed mock matches each as sent.

use invent_httpmock::MockServerExt;

fn client(server: &httpmock::MockServer) -> invent::Client {
    invent::Client::builder().api_key("k").base_url(server.base_url()).build().unwrap()
}

#[tokio::test]
async fn a_fragment_is_not_sent_and_the_mock_matches_without_it() {
    let server = httpmock::MockServer::start_async().await;
    let raw = server
        .mock_async(|when, then| {
            when.method("PUT").path("/files/f1").query_param("fields", "shared_link");
            then.status(204);
        })
        .await;
    client(&server).add_link().id("f1").fields("shared_link").send().await.unwrap();
    raw.assert_async().await;

    let server = httpmock::MockServer::start_async().await;
    let typed = server
        .add_link(|when, then| {
            when.id("f1").fields("shared_link");
            then.no_content();
        });
    client(&server).add_link().id("f1").fields("shared_link").send().await.unwrap();
    typed.assert_async().await;
}

#[tokio::test]
async fn a_query_written_into_the_path_is_sent_with_the_others() {
    let server = httpmock::MockServer::start_async().await;
    let raw = server
        .mock_async(|when, then| {
            when.method("GET").path("/search").query_param("kind", "files").query_param("q", "x");
            then.status(204);
        })
        .await;
    client(&server).search_files().q("x").send().await.unwrap();
    raw.assert_async().await;

    let server = httpmock::MockServer::start_async().await;
    let typed = server
        .search_files(|when, then| {
            when.q("x");
            then.no_content();
        });
    client(&server).search_files().q("x").send().await.unwrap();
    typed.assert_async().await;
}
