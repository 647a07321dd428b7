//! The `invent` binary end to end against a local scripted server: flags and `--json-body`
//! become the exact request; each failure class has its exit status and one line.

use std::time::Duration;

use assert_cmd::Command;
use invent_tests::server::{Reply, Server};
use serde_json::{Value, json};

const KEY: &str = "sk_cli_secret_789";

fn invent(server_url: &str) -> Command {
    let mut command = Command::cargo_bin("invent").unwrap();
    command
        .env("INVENT_API_KEY", KEY)
        .env("INVENT_BASE_URL", server_url)
        .timeout(Duration::from_secs(60));
    command
}

fn assistant() -> Value {
    let mut doc = invent_tests::response_example("update_assistant", "200");
    doc["secret_key"] = json!("whsec_do_not_show");
    doc
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary (blocking) while the server answers on the runtime's other thread.
async fn run(mut command: Command) -> Run {
    let output = tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap();
    let run = Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(
        !run.stdout.contains(KEY) && !run.stderr.contains(KEY),
        "the API key was printed"
    );
    run
}

#[tokio::test(flavor = "multi_thread")]
async fn flags_become_the_exact_request() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
        "--name",
        "Support",
        "--enabled",
        "true",
    ]);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    let request = &server.received()[0];
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.target, "/orgs/c/assistants/ast_1");
    assert_eq!(
        request.header("authorization"),
        Some(format!("Bearer {KEY}").as_str())
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("user-agent"),
        Some(concat!("invent-cli/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(request.json(), json!({"name": "Support", "enabled": true}));
}

#[tokio::test(flavor = "multi_thread")]
async fn json_body_sends_null_and_empty_lists_as_written() {
    let body = json!({"avatar_id": null, "config": {"conversation": {"suggested_messages": []}, "future": {}}});
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), body.to_string()).unwrap();
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let mut command = invent(server.url());
    command
        .args([
            "update-assistant",
            "--org-id",
            "c",
            "--assistant-id",
            "ast_1",
            "--json-body",
        ])
        .arg(file.path());
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(server.received()[0].json(), body);
}

#[tokio::test(flavor = "multi_thread")]
async fn json_body_from_standard_input_with_flags_overriding_it() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let mut command = invent(server.url());
    command
        .args([
            "update-assistant",
            "--org-id",
            "c",
            "--assistant-id",
            "ast_1",
            "--json-body",
            "-",
            "--name",
            "New",
        ])
        .write_stdin(r#"{"name": "Old", "enabled": false}"#);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        server.received()[0].json(),
        json!({"name": "New", "enabled": false})
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn success_prints_pretty_json_with_the_secret_redacted() {
    let server = Server::start(vec![Reply::json(200, &assistant()); 2]).await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!run.stdout.contains("whsec_do_not_show"));
    insta::assert_snapshot!("success_output", run.stdout);

    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
        "--show-secrets",
    ]);
    let shown = self::run(command).await;
    let printed: Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(printed["secret_key"], json!("whsec_do_not_show"));
}

/// Values the SDK does not type are printed as they were sent (numbers beyond `f64`, an
/// exponent's case, trailing zeros, escapes), by a generated subcommand and by `invent api`,
/// whose `--json-body` goes out as written too.
#[tokio::test(flavor = "multi_thread")]
async fn values_the_sdk_does_not_type_are_printed_and_sent_as_written() {
    let odd = r#"{"limit":1E400,"price":1.50,"zero":-0,"word":"caf\u00e9"}"#;
    let text = serde_json::to_string(&assistant()).unwrap().replacen(
        '{',
        &format!(r#"{{"later":{odd},"#),
        1,
    );
    let server = Server::start(vec![Reply::raw(200, "application/json", text.clone()); 2]).await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    for kept in ["1E400", "1.50", "-0", r#""caf\u00e9""#] {
        assert!(run.stdout.contains(kept), "{kept} in {}", run.stdout);
    }
    assert!(!run.stdout.contains("whsec_do_not_show"));

    let body = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(body.path(), odd).unwrap();
    let mut command = invent(server.url());
    command
        .args(["api", "post", "/orgs/c/things", "--json-body"])
        .arg(body.path());
    let run = self::run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1E400") && run.stdout.contains(r#""caf\u00e9""#),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("whsec_do_not_show"), "{}", run.stdout);
    assert_eq!(server.received()[1].body, odd.as_bytes());
}

/// The exit status and standard error of each failure class.
#[tokio::test(flavor = "multi_thread")]
async fn each_failure_class_has_its_exit_status_and_one_line() {
    let mut lines = Vec::new();

    // Usage: an unknown flag.
    let mut command = invent("http://127.0.0.1:9");
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "a",
        "--colour",
        "red",
    ]);
    let usage = run(command).await;
    assert_eq!(usage.status, 2);
    lines.push((
        "unknown flag",
        usage.stderr.lines().next().unwrap_or_default().to_string(),
    ));

    // Usage: a value the spec refuses, before anything is sent.
    let mut command = invent("http://127.0.0.1:9");
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "a",
        "--name",
        "",
    ]);
    let refused = run(command).await;
    assert_eq!(refused.status, 2);
    lines.push((
        "empty name",
        refused
            .stderr
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
    ));

    // Usage: no API key.
    let mut command = invent("http://127.0.0.1:9");
    command.env_remove("INVENT_API_KEY").args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "a",
    ]);
    let no_key = run(command).await;
    assert_eq!(no_key.status, 2);
    lines.push(("no key", no_key.stderr.trim_end().to_string()));

    // Usage: a --json-body that is not JSON.
    let mut command = invent("http://127.0.0.1:9");
    command
        .args([
            "update-assistant",
            "--org-id",
            "c",
            "--assistant-id",
            "a",
            "--json-body",
            "-",
        ])
        .write_stdin("{oops");
    let bad_json = run(command).await;
    assert_eq!(bad_json.status, 2);
    lines.push(("bad json body", bad_json.stderr.trim_end().to_string()));

    // API: a 404 with a message.
    let server = Server::start(vec![Reply::json(
        404,
        &json!({"message": "assistant not found"}),
    )])
    .await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_x",
    ]);
    let api = run(command).await;
    assert_eq!(api.status, 3);
    lines.push(("404", api.stderr.trim_end().to_string()));

    // API: a 401.
    let server = Server::start(vec![Reply::json(401, &json!({"message": "invalid key"}))]).await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    let unauthorized = run(command).await;
    assert_eq!(unauthorized.status, 3);
    lines.push(("401", unauthorized.stderr.trim_end().to_string()));

    // Off-spec response.
    let server = Server::start(vec![Reply::raw(200, "application/json", "{\"id\": 5}")]).await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    let off_spec = run(command).await;
    assert_eq!(off_spec.status, 1);
    lines.push(("off-spec response", off_spec.stderr.trim_end().to_string()));

    // Transport: nothing listens.
    let (_refusing, base_url) = invent_tests::server::refusing_address();
    let mut command = invent(&base_url);
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    let transport = run(command).await;
    assert_eq!(transport.status, 4);
    lines.push((
        "unreachable",
        transport
            .stderr
            .trim_end()
            .replace(base_url.trim_start_matches("http://127.0.0.1:"), "PORT"),
    ));

    for (case, line) in &lines {
        assert!(!line.is_empty(), "{case}");
    }
    // The SDK's own failures are exactly one line (clap's usage errors add a hint line).
    for (case, line) in &lines[2..] {
        assert_eq!(line.lines().count(), 1, "{case}: {line}");
    }
    let report: String = lines
        .iter()
        .map(|(case, line)| format!("{case}: {line}\n"))
        .collect();
    insta::assert_snapshot!("failure_lines", report);
}

#[test]
fn help_documents_flags_and_exit_statuses() {
    let top = Command::cargo_bin("invent")
        .unwrap()
        .env_remove("INVENT_BASE_URL")
        .env_remove("INVENT_API_KEY")
        .arg("--help")
        .output()
        .unwrap();
    let sub = Command::cargo_bin("invent")
        .unwrap()
        .env_remove("INVENT_BASE_URL")
        .env_remove("INVENT_API_KEY")
        .args(["update-assistant", "--help"])
        .output()
        .unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    assert!(top.contains("Exit status"));
    insta::assert_snapshot!("help", top);
    insta::assert_snapshot!(
        "update_assistant_help",
        String::from_utf8(sub.stdout).unwrap()
    );
}

#[test]
fn completions_cover_bash_zsh_and_fish() {
    for shell in ["bash", "zsh", "fish"] {
        let output = Command::cargo_bin("invent")
            .unwrap()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(
            script.contains("update-assistant") && script.contains("json-body"),
            "{shell}: {script}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn max_retries_and_timeout_flags_reach_the_client() {
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    command.args(["--max-retries", "0", "--timeout", "5"]);
    let run = run(command).await;
    assert_eq!(run.status, 3, "{}", run.stderr);
    assert_eq!(server.received().len(), 1);

    let hanging = Server::start(vec![Reply::hang()]).await;
    let mut command = invent(hanging.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ]);
    command.args(["--max-retries", "0", "--timeout", "1"]);
    let started = std::time::Instant::now();
    let timed_out = self::run(command).await;
    assert_eq!(timed_out.status, 4, "{}", timed_out.stderr);
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// The same check with the generated mock crate, as a consumer would write it.
#[tokio::test(flavor = "multi_thread")]
async fn flags_match_a_typed_invent_httpmock_expectation() {
    use invent_httpmock::MockServerExt;
    let server = httpmock::MockServer::start_async().await;
    let expected: invent::types::UpdateAssistant =
        serde_json::from_value(json!({"name": "Support", "enabled": false})).unwrap();
    let reply: invent::types::Assistant = serde_json::from_value(assistant()).unwrap();
    let mock = server.update_assistant(|when, then| {
        when.org_id("c").assistant_id("ast 1/x").body(&expected);
        then.ok(&reply);
    });
    let mut command = invent(&server.base_url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast 1/x",
    ]);
    command.args(["--name", "Support", "--enabled", "false"]);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    mock.assert_async().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn verbose_logs_each_attempt_without_the_key() {
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &assistant()),
    ])
    .await;
    let mut command = invent(server.url());
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
        "--verbose",
    ]);
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    let attempts: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("invent request"))
        .collect();
    assert_eq!(attempts.len(), 2, "{}", run.stderr);
    assert!(attempts[0].contains("status=503") && attempts[0].contains("retrying"));
    assert!(attempts[1].contains("status=200") && attempts[1].contains("attempt=2"));
}

fn update(command: &mut Command) -> &mut Command {
    command.args([
        "update-assistant",
        "--org-id",
        "c",
        "--assistant-id",
        "ast_1",
    ])
}

#[tokio::test(flavor = "multi_thread")]
async fn json_body_nulls_on_non_nullable_properties_are_sent_as_written() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let body = json!({"enabled": null, "config": {"model": null, "stt": {"model": null}}});
    let mut command = invent(server.url());
    update(&mut command)
        .args(["--json-body", "-"])
        .write_stdin(body.to_string());
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(server.received()[0].json(), body);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_key_can_come_from_a_file_or_standard_input() {
    let server = Server::start(vec![Reply::json(200, &assistant()); 2]).await;
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), format!("{KEY}\n")).unwrap();
    let mut command = invent(server.url());
    command.env_remove("INVENT_API_KEY");
    update(&mut command).arg("--api-key-file").arg(file.path());
    assert_eq!(run(command).await.status, 0);
    let mut command = invent(server.url());
    command.env_remove("INVENT_API_KEY");
    update(&mut command)
        .args(["--api-key-file", "-"])
        .write_stdin(KEY);
    assert_eq!(run(command).await.status, 0);
    for request in server.received() {
        assert_eq!(
            request.header("authorization"),
            Some(format!("Bearer {KEY}").as_str())
        );
    }
    // Standard input cannot be both the key and the body.
    let mut command = invent(server.url());
    update(&mut command).args(["--api-key-file", "-", "--json-body", "-"]);
    let both = run(command).await;
    assert_eq!(both.status, 2, "{}", both.stderr);
    assert!(both.stderr.contains("standard input"), "{}", both.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_response_cut_short_exits_5_and_an_echoed_key_is_never_printed() {
    let cut =
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 900\r\n\r\n{\"id\"";
    let server = Server::start(vec![Reply::wire(cut)]).await;
    let mut command = invent(server.url());
    update(&mut command);
    let interrupted = run(command).await;
    assert_eq!(interrupted.status, 5, "{}", interrupted.stderr);
    assert!(
        interrupted.stderr.contains("may have acted"),
        "{}",
        interrupted.stderr
    );

    let mut echoed = assistant();
    echoed["name"] = json!(format!("key is {KEY}"));
    let server = Server::start(vec![
        Reply::json(200, &echoed),
        Reply::json(403, &json!({"message": format!("{KEY} may not")})),
    ])
    .await;
    for expected in [0, 3] {
        let mut command = invent(server.url());
        update(&mut command);
        // `run` fails the test if the key shows on either output.
        let output = run(command).await;
        assert_eq!(output.status, expected, "{}", output.stderr);
        assert!(
            output.stdout.contains("[redacted]") || output.stderr.contains("[redacted]"),
            "{} {}",
            output.stdout,
            output.stderr
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_response_that_cannot_be_written_exits_1_and_a_bad_body_is_one_short_line() {
    let server = Server::start(vec![Reply::json(200, &assistant())]).await;
    let url = server.url().to_string();
    let full = tokio::task::spawn_blocking(move || {
        std::process::Command::new(assert_cmd::cargo::cargo_bin!("invent"))
            .env("INVENT_API_KEY", KEY)
            .env("INVENT_BASE_URL", url)
            .args([
                "update-assistant",
                "--org-id",
                "c",
                "--assistant-id",
                "ast_1",
            ])
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stderr = String::from_utf8_lossy(&full.stderr);
    assert_eq!(full.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("could not write the response"), "{stderr}");

    let wrong = json!({"enabled": "\u{1b}[31m".to_string() + &"A".repeat(1_000_000)});
    let mut command = invent(server.url());
    update(&mut command)
        .args(["--json-body", "-"])
        .write_stdin(wrong.to_string());
    let refused = run(command).await;
    assert_eq!(refused.status, 2);
    assert_eq!(refused.stderr.lines().count(), 1, "{}", refused.stderr);
    assert!(refused.stderr.len() < 1000 && !refused.stderr.contains('\u{1b}'));
}

#[tokio::test(flavor = "multi_thread")]
async fn api_calls_any_path_like_a_generated_subcommand() {
    let mut answer = assistant();
    answer["nested"] = json!([{"secret_key": "whsec_nested", "name": "n"}]);
    answer["echo"] = json!(format!("your key is {KEY}"));
    let server = Server::start(vec![
        Reply::raw(503, "text/plain", "busy"),
        Reply::json(200, &answer),
    ])
    .await;
    let body = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(body.path(), r#"{"name": "x", "enabled": null}"#).unwrap();
    let mut command = invent(server.url());
    command
        .args(["api", "patch", "/orgs/c/assistants/a b"])
        .args(["-q", "expand=all", "--header", "x-trace: t1", "--json-body"])
        .arg(body.path());
    let run = run(command).await;
    assert_eq!(run.status, 0, "{}", run.stderr);
    let printed: Value = serde_json::from_str(&run.stdout).unwrap();
    // Secrets the spec names are redacted anywhere; the key wherever a server echoes it.
    assert_eq!(printed["secret_key"], "[redacted]");
    assert_eq!(printed["nested"][0]["secret_key"], "[redacted]");
    assert_eq!(printed["nested"][0]["name"], "n");
    assert_eq!(printed["echo"], "your key is [redacted]");
    // PATCH is retried after a 503, as for the generated subcommand.
    let received = server.received();
    assert_eq!(received.len(), 2);
    let request = &received[1];
    assert_eq!(request.method, "PATCH");
    assert_eq!(request.target, "/orgs/c/assistants/a%20b?expand=all");
    assert_eq!(request.header("x-trace"), Some("t1"));
    assert_eq!(request.json(), json!({"name": "x", "enabled": null}));
}

#[tokio::test(flavor = "multi_thread")]
async fn api_fails_with_the_exit_statuses_of_a_generated_subcommand() {
    let server = Server::start(vec![Reply::raw(
        404,
        "application/json",
        r#"{"message":"no such assistant"}"#,
    )])
    .await;
    let mut command = invent(server.url());
    command.args(["api", "GET", "/orgs/c/assistants/missing"]);
    let refused = run(command).await;
    assert_eq!(refused.status, 3, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("404") && refused.stderr.contains("no such assistant"),
        "{}",
        refused.stderr
    );
    for (args, what) in [
        (vec!["api", "GET", "/orgs/../admin"], "`..`"),
        (vec!["api", "G E T", "/x"], "HTTP method"),
        (vec!["api", "GET", "/x", "-q", "novalue"], "NAME=VALUE"),
        (
            vec!["api", "GET", "/x", "-H", "Authorization: Bearer other"],
            "Authorization",
        ),
    ] {
        let mut command = invent(server.url());
        command.args(&args);
        let usage = run(command).await;
        assert_eq!(usage.status, 2, "{args:?}: {}", usage.stderr);
        assert!(usage.stderr.contains(what), "{args:?}: {}", usage.stderr);
    }
    assert_eq!(server.received().len(), 1);
}
