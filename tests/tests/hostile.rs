//! The client against servers that misbehave, on loopback: bodies too large or cut short,
//! echoed secrets, odd values, and a fixed-budget mutation loop over real-shaped responses.

use std::time::Duration;

use invent::types::{Assistant, UpdateAssistant};
use invent::{Client, Error};
use invent_tests::server::{Reply, Server};
use serde_json::{Value, json};

const KEY: &str = "sk_hostile_secret_9f8e7d";

fn client(server: &Server) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .timeout(Duration::from_secs(5))
        .max_retries(0)
        .build()
        .unwrap()
}

async fn update(client: &Client) -> Result<Assistant, Error> {
    client
        .update_assistant()
        .org_id("c")
        .assistant_id("ast_1")
        .body(UpdateAssistant::default())
        .send()
        .await
        .map(|r| r.into_inner())
}

fn assistant() -> Value {
    invent_tests::response_example("update_assistant", "200")
}

#[tokio::test]
async fn an_endless_body_stops_at_the_limit() {
    let server = Server::start(vec![Reply::endless(
        "application/json",
        vec![b' '; 16 * 1024],
    )])
    .await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .max_response_bytes(256 * 1024)
        .build()
        .unwrap();
    let error = update(&client).await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 262144, .. }),
        "{error:?}"
    );
    // The client read no more than its limit; the rest sits in socket buffers at most.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        server.endless_written() < 16 * 1024 * 1024,
        "{}",
        server.endless_written()
    );
}

#[tokio::test]
async fn an_announced_body_over_the_limit_is_not_read() {
    let head =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 209715200\r\n\r\n{";
    let server = Server::start(vec![Reply::wire(head)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(matches!(error, Error::ResponseTooLarge { .. }), "{error:?}");
    assert!(
        error.to_string().contains("larger than the client's limit"),
        "{error}"
    );
}

#[tokio::test]
async fn a_huge_error_body_is_kept_to_its_start_and_shown_in_one_short_line() {
    let message = "m".repeat(10 * 1024 * 1024);
    let server = Server::start(vec![Reply::json(500, &json!({ "message": message }))]).await;
    let error = update(&client(&server)).await.unwrap_err();
    let api = error.api_error().expect("an API error");
    assert!(api.truncated);
    assert_eq!(api.body.len(), 64 * 1024);
    assert!(error.to_string().len() < 500, "{}", error.to_string().len());
    assert!(format!("{error:?}").len() < 2048);
}

#[tokio::test]
async fn an_echoed_key_is_never_shown() {
    let echo = json!({"message": format!("bad key Bearer {KEY}"), "received": KEY});
    let server = Server::start(vec![Reply::json(401, &echo).header("x-echo", KEY)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(matches!(error, Error::Unauthorized(_)), "{error:?}");
    let shown = [
        error.to_string(),
        format!("{error:?}"),
        String::from_utf8_lossy(&error.api_error().unwrap().body).into_owned(),
    ];
    for text in shown {
        assert!(!text.contains(KEY), "{text}");
        assert!(text.contains("[redacted]"), "{text}");
    }
}

#[tokio::test]
async fn a_secret_of_the_wrong_type_is_not_quoted() {
    let mut body = assistant();
    body["secret_key"] = json!(123456789);
    let server = Server::start(vec![Reply::json(200, &body)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
    for text in [error.to_string(), format!("{error:?}")] {
        assert!(!text.contains("123456789"), "{text}");
    }
}

#[tokio::test]
async fn a_success_cut_short_is_not_a_transport_failure() {
    let cut =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{\"id\":";
    let server = Server::start(vec![Reply::wire(cut)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseInterrupted { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("may have acted"), "{error}");
    let bad_chunk = "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n";
    let server = Server::start(vec![Reply::wire(bad_chunk)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(
        matches!(error, Error::ResponseInterrupted { .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_id_no_server_accepts_is_refused_before_sending() {
    let server = Server::start(vec![]).await;
    let long = "a".repeat(70 * 1024);
    let error = client(&server)
        .update_assistant()
        .org_id("c")
        .assistant_id(long)
        .body(UpdateAssistant::default())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::InvalidRequest(_)), "{error:?}");
    assert_eq!(error.attempts(), 0);
    assert!(server.received().is_empty());
}

#[test]
fn credentials_in_a_base_url_are_never_shown() {
    for url in [
        "http://user:pa55word@host:99999",
        "https://user:pa55word@api.example.com/",
    ] {
        let builder = Client::builder().api_key(KEY).base_url(url);
        assert!(!format!("{builder:?}").contains("pa55word"));
        let error = builder.build().unwrap_err();
        assert!(!error.to_string().contains("pa55word"), "{error}");
        assert!(!format!("{error:?}").contains("pa55word"), "{error:?}");
    }
}

#[tokio::test]
async fn deep_nesting_is_refused_cleanly() {
    let mut body = assistant();
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    body["nested"] = json!(null);
    let text = serde_json::to_string(&body)
        .unwrap()
        .replacen("null", &deep, 1);
    let server = Server::start(vec![Reply::raw(200, "application/json", text)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    assert!(matches!(error, Error::InvalidResponse { .. }), "{error:?}");
}

/// The mutation loop: 10,000 responses made from the page's example by byte changes. None
/// may panic, and each that parses writes back what it read.
#[test]
fn mutated_responses_never_panic_and_round_trip_when_they_parse() {
    let seed: u64 = std::env::var("INVENT_MUTATION_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let mut rng = fastrand::Rng::with_seed(seed);
    let original = serde_json::to_vec(&assistant()).unwrap();
    let pieces: [&[u8]; 9] = [
        b"null",
        b"{}",
        b"[]",
        b"\"x\"",
        b"1e400",
        b"-0",
        b"12345678901234567890123456789",
        b"{\"new\":[1,{\"deep\":null}]}",
        b"\\u0000",
    ];
    let mut parsed = 0;
    for round in 0..10_000 {
        let mut doc = original.clone();
        for _ in 0..rng.usize(1..=4) {
            let at = rng.usize(..doc.len());
            match rng.u8(..4) {
                0 => doc[at] = rng.u8(..),
                1 => {
                    doc.remove(at);
                }
                2 => {
                    let piece = pieces[rng.usize(..pieces.len())];
                    doc.splice(at..at, piece.iter().copied());
                }
                _ => {
                    let end = (at + rng.usize(1..32)).min(doc.len());
                    let copy = doc[at..end].to_vec();
                    doc.splice(at..at, copy);
                }
            }
        }
        let Ok(typed) = serde_json::from_slice::<Assistant>(&doc) else {
            continue;
        };
        parsed += 1;
        let as_read: Value = serde_json::from_slice(&doc).unwrap();
        let written = serde_json::to_value(&typed).unwrap();
        assert_eq!(
            written,
            as_read,
            "round {round} (seed {seed}): {}",
            String::from_utf8_lossy(&doc)
        );
    }
    assert!(parsed > 100, "only {parsed} mutated documents parsed");
}

#[tokio::test]
async fn a_key_echoed_escaped_or_in_a_header_is_never_shown() {
    // With a number no `f64` holds beside it: the body is still read to find the key.
    let escaped = format!(
        r#"{{"message":"bad key \u0073{}","detail":"x","limit":1E400}}"#,
        &KEY[1..]
    );
    let server = Server::start(vec![
        Reply::raw(401, "application/json", escaped).header("x-request-id", KEY),
    ])
    .await;
    let error = update(&client(&server)).await.unwrap_err();
    let api = error.api_error().unwrap();
    let shown = [
        error.to_string(),
        format!("{error:?}"),
        String::from_utf8_lossy(&api.body).into_owned(),
        api.message.clone().unwrap_or_default(),
        api.request_id.clone().unwrap_or_default(),
        format!(
            "{:?}",
            invent::errors::UpdateAssistantError::try_from(&error)
        ),
    ];
    for text in shown {
        assert!(!text.contains(KEY), "{text}");
    }
    // The body keeps the rest as sent, and holds no key once read either.
    assert!(String::from_utf8_lossy(&api.body).contains(r#""limit":1E400"#));
    let read: invent::Extra = serde_json::from_slice(&api.body).unwrap();
    let message = read["message"].get::<String>().unwrap();
    assert_eq!(message, "bad key [redacted]");
    assert_eq!(api.message.as_deref(), Some("bad key [redacted]"));
}

#[tokio::test]
async fn a_key_given_with_spaces_is_the_key_servers_see_and_is_hidden() {
    let server = Server::start(vec![Reply::json(
        401,
        &json!({"message": format!("bad {KEY}")}),
    )])
    .await;
    let client = Client::builder()
        .api_key(format!(" {KEY}\n"))
        .base_url(server.url())
        .build()
        .unwrap();
    let error = update(&client).await.unwrap_err();
    assert_eq!(
        server.received()[0].header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert!(!error.to_string().contains(KEY), "{error}");
}

#[tokio::test]
async fn a_key_cut_at_the_end_of_a_kept_error_body_leaves_no_part_of_it() {
    let mut body = " ".repeat(64 * 1024 - 8).into_bytes();
    body.extend_from_slice(KEY.as_bytes());
    let server = Server::start(vec![Reply::raw(500, "text/plain", body)]).await;
    let error = update(&client(&server)).await.unwrap_err();
    let kept = &error.api_error().unwrap().body;
    assert!(
        !kept.ends_with(&KEY.as_bytes()[..8]),
        "the start of the key was kept"
    );
}

#[tokio::test]
async fn server_text_is_shown_on_one_line_of_bounded_length() {
    let mut body = assistant();
    body["created_at"] = json!("\u{1b}[31mRED\nsecond line");
    let long_id = "r".repeat(60_000);
    let server = Server::start(vec![
        Reply::json(200, &body),
        Reply::json(404, &json!({"message": "gone\u{1b}]0;title\u{7}\nmore"}))
            .header("x-request-id", &long_id),
    ])
    .await;
    let client = client(&server);
    for _ in 0..2 {
        let shown = update(&client).await.unwrap_err().to_string();
        assert!(
            !shown.contains('\n') && !shown.contains('\u{1b}'),
            "{shown}"
        );
        assert!(
            shown.chars().count() < 1000,
            "{} characters",
            shown.chars().count()
        );
    }
}

#[tokio::test]
async fn statuses_the_spec_does_not_list_are_off_spec_not_refusals() {
    let server = Server::start(vec![
        Reply::json(201, &assistant()),
        Reply::raw(302, "text/plain", "").header("location", "https://elsewhere.example"),
    ])
    .await;
    let client = client(&server);
    let created = update(&client).await.unwrap_err();
    let Error::InvalidResponse { status, body, .. } = &created else {
        panic!("{created:?}")
    };
    assert_eq!(status.as_u16(), 201);
    assert!(!body.is_empty(), "the body the API sent is kept");
    let moved = update(&client).await.unwrap_err();
    assert!(matches!(moved, Error::InvalidResponse { .. }), "{moved:?}");
}

#[tokio::test]
async fn a_retry_after_beyond_any_clock_is_not_waited_for() {
    let server = Server::start(vec![
        Reply::json(429, &json!({})).header("retry-after", "99999999999999999999"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let client = Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .build()
        .unwrap();
    let error = update(&client).await.unwrap_err();
    assert!(matches!(error, Error::RateLimited { .. }), "{error:?}");
    assert_eq!(server.received().len(), 1);
}
