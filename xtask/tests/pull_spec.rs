//! `cargo xtask pull-spec` against a loopback server: what it writes, what it refuses (and
//! that it then leaves openapi.yaml alone), and the workflow that runs it every day.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use xtask::pull_spec::{self, Limits, Pulled};

/// A server on 127.0.0.1 that answers one connection with each of `responses`, in order,
/// then stops; it also stops when no connection comes within ten seconds. It returns the
/// request heads it read.
struct Server {
    base: String,
    thread: JoinHandle<Vec<String>>,
}

impl Server {
    fn start(responses: impl FnOnce(&str) -> Vec<Vec<u8>>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let responses = responses(&base);
        listener.set_nonblocking(true).unwrap();
        let thread = std::thread::spawn(move || {
            let mut heads = Vec::new();
            for response in responses {
                let deadline = Instant::now() + Duration::from_secs(10);
                let mut stream = loop {
                    match listener.accept() {
                        Ok((stream, _)) => break stream,
                        Err(_) if Instant::now() < deadline => {
                            std::thread::sleep(Duration::from_millis(10))
                        }
                        Err(_) => return heads,
                    }
                };
                stream.set_nonblocking(false).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(5)))
                    .unwrap();
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") && head.len() < 16 * 1024 {
                    match stream.read(&mut byte) {
                        Ok(1) => head.push(byte[0]),
                        _ => break,
                    }
                }
                heads.push(String::from_utf8_lossy(&head).into_owned());
                // The client may stop reading (a body over the limit): that is not an error.
                let _ = stream.write_all(&response);
                let _ = stream.flush();
            }
            heads
        });
        Server { base, thread }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The request heads, once the server has stopped.
    fn heads(self) -> Vec<String> {
        self.thread.join().unwrap()
    }
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

fn ok(content_type: &str, body: &[u8]) -> Vec<u8> {
    response("200 OK", &[("Content-Type", content_type)], body)
}

/// A minimal OpenAPI 3.1 document as JSON, spaced as no serializer would write it.
const JSON_SPEC: &str = "{\"openapi\": \"3.1.0\",\n  \"info\": {\"title\": \"Live\", \"version\": \"2\"},\n  \"paths\": {\"/a\": {}, \"/b\": {}}}\n";

fn repository_spec() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi.yaml")).unwrap()
}

/// A folder with an openapi.yaml that says `before`.
fn destination() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("openapi.yaml");
    std::fs::write(&dest, "before").unwrap();
    (dir, dest)
}

/// Pulls `url` into a fresh folder whose openapi.yaml says `before`, and checks that an
/// error leaves it (and the folder) exactly as it was.
fn refused(url: &str, limits: &Limits) -> String {
    let (dir, dest) = destination();
    let message = match pull_spec::pull_with(url, &dest, limits) {
        Ok(pulled) => panic!("{url} was pulled: {pulled:?}"),
        Err(e) => e.to_string(),
    };
    assert_eq!(
        std::fs::read_to_string(&dest).unwrap(),
        "before",
        "{message}"
    );
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(
        files.len(),
        1,
        "a file was left beside openapi.yaml: {files:?}"
    );
    message
}

#[test]
fn pulls_a_json_document_and_writes_the_bytes_the_server_sent() {
    let server = Server::start(|_| vec![ok("application/json", JSON_SPEC.as_bytes())]);
    let (_dir, dest) = destination();
    let pulled = pull_spec::pull(&server.url("/openapi.json"), &dest).unwrap();
    assert_eq!(
        pulled,
        Pulled {
            openapi: "3.1.0".into(),
            paths: 2,
            bytes: JSON_SPEC.len(),
            changed: true
        }
    );
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), JSON_SPEC);
    let heads = server.heads();
    assert!(
        heads[0].starts_with("GET /openapi.json HTTP/1.1\r\n"),
        "{heads:?}"
    );
}

#[test]
fn pulls_a_yaml_document_that_the_generator_then_reads() {
    let yaml = repository_spec();
    let server = Server::start(|_| vec![ok("application/yaml", yaml.as_bytes())]);
    let (_dir, dest) = destination();
    let pulled = pull_spec::pull(&server.url("/openapi.yaml"), &dest).unwrap();
    assert_eq!(pulled.openapi, "3.0.3");
    assert!(pulled.changed);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), yaml);
    xtask::spec::load(&dest).unwrap();
    server.heads();
}

#[test]
fn pulling_the_document_the_file_already_holds_changes_nothing() {
    let server = Server::start(|_| vec![ok("application/json", JSON_SPEC.as_bytes())]);
    let (_dir, dest) = destination();
    std::fs::write(&dest, JSON_SPEC).unwrap();
    let pulled = pull_spec::pull(&server.url("/openapi.json"), &dest).unwrap();
    assert!(!pulled.changed);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), JSON_SPEC);
    server.heads();
}

#[test]
fn follows_a_redirect_between_loopback_urls() {
    let server = Server::start(|base| {
        vec![
            response(
                "302 Found",
                &[("Location", &format!("{base}/v2/openapi.json"))],
                b"",
            ),
            ok("application/json", JSON_SPEC.as_bytes()),
        ]
    });
    let (_dir, dest) = destination();
    pull_spec::pull(&server.url("/openapi.json"), &dest).unwrap();
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), JSON_SPEC);
    let heads = server.heads();
    assert!(heads[1].starts_with("GET /v2/openapi.json "), "{heads:?}");
}

#[test]
fn a_server_error_is_refused_naming_the_url_and_the_status() {
    let server = Server::start(|_| vec![response("500 Internal Server Error", &[], b"oops")]);
    let url = server.url("/openapi.json");
    let message = refused(&url, &Limits::default());
    assert_eq!(
        message,
        format!("{url}: the server answered 500 Internal Server Error")
    );
    server.heads();
}

#[test]
fn a_document_that_is_not_openapi_3_0_or_3_1_is_refused_and_says_why() {
    let cases: [(&str, &str); 6] = [
        (
            "{\"hello\": \"world\"}",
            "not an OpenAPI document (no `openapi` field)",
        ),
        (
            "{\"swagger\": \"2.0\", \"paths\": {}}",
            "a Swagger 2.0 document; the generator reads OpenAPI 3.0 and 3.1",
        ),
        (
            "openapi: 3.2.0\npaths: {}\n",
            "OpenAPI `3.2.0`; the generator reads OpenAPI 3.0.x and 3.1.x",
        ),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n",
            "the document has no `paths`",
        ),
        (
            "<html>Not found</html>",
            "not an OpenAPI document (not a mapping)",
        ),
        ("{\"openapi\": ", "neither JSON nor YAML"),
    ];
    let server = Server::start(|_| {
        cases
            .iter()
            .map(|(body, _)| ok("application/json", body.as_bytes()))
            .collect()
    });
    for (body, expected) in cases {
        let url = server.url("/openapi.json");
        let message = refused(&url, &Limits::default());
        assert!(
            message.starts_with(&format!("{url}: ")) && message.contains(expected),
            "{message}\nfor: {body}"
        );
        assert!(
            message.ends_with("openapi.yaml was not changed"),
            "{message}"
        );
    }
    server.heads();
}

#[test]
fn a_body_over_the_size_limit_is_refused_while_it_is_read() {
    // No Content-Length: the body runs until the server closes the connection.
    let mut streamed = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
    streamed.extend(std::iter::repeat_n(b' ', 4096));
    let server = Server::start(move |_| vec![streamed]);
    let limits = Limits {
        max_bytes: 1024,
        ..Limits::default()
    };
    let message = refused(&server.url("/openapi.json"), &limits);
    assert!(
        message.contains("the document is more than the limit of 1024 bytes"),
        "{message}"
    );
    server.heads();
}

#[test]
fn a_content_length_over_64_mib_is_refused_before_the_body_is_read() {
    let head = "HTTP/1.1 200 OK\r\nContent-Length: 67108865\r\nConnection: close\r\n\r\n{";
    let server = Server::start(|_| vec![head.as_bytes().to_vec()]);
    let message = refused(&server.url("/openapi.json"), &Limits::default());
    assert!(
        message.contains("the document is 67108865 bytes, more than the limit of 67108864 bytes"),
        "{message}"
    );
    server.heads();
}

#[test]
fn a_server_that_does_not_answer_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/openapi.json", listener.local_addr().unwrap());
    listener.set_nonblocking(true).unwrap();
    // Accepts one connection (or waits ten seconds for none), says nothing, and closes it
    // after three seconds.
    let thread = std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(connection) = listener.accept() {
                std::thread::sleep(Duration::from_secs(3));
                drop(connection);
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    });
    let limits = Limits {
        timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let started = Instant::now();
    let message = refused(&url, &limits);
    assert!(started.elapsed() < Duration::from_secs(3), "{message}");
    assert!(message.contains("timed out"), "{message}");
    thread.join().unwrap();
}

#[test]
fn plain_http_to_another_host_and_other_schemes_are_refused_before_any_request() {
    for url in [
        "http://example.com/openapi.json",
        "ftp://127.0.0.1/openapi.json",
        "file:///etc/passwd",
    ] {
        let message = refused(url, &Limits::default());
        assert_eq!(
            message,
            format!("{url}: only https URLs are pulled (plain http only from a loopback host)")
        );
    }
    let message = refused("not a url", &Limits::default());
    assert!(message.starts_with("not a url: not a URL"), "{message}");
}

#[test]
fn a_redirect_to_plain_http_elsewhere_or_too_many_redirects_is_refused() {
    let server = Server::start(|base| {
        let mut responses = vec![response(
            "301 Moved Permanently",
            &[("Location", "http://example.com/openapi.json")],
            b"",
        )];
        // One redirect more than the limit allows, each to the next loopback path.
        for i in 0..=Limits::default().max_redirects {
            let next = format!("{base}/hop/{}", i + 1);
            responses.push(response("302 Found", &[("Location", &next)], b""));
        }
        responses
    });
    let message = refused(&server.url("/openapi.json"), &Limits::default());
    assert!(
        message.contains("a redirect to http://example.com/openapi.json (only https is followed"),
        "{message}"
    );
    let message = refused(&server.url("/hop/0"), &Limits::default());
    assert!(message.contains("more than 5 redirects"), "{message}");
    assert_eq!(server.heads().len(), 7);
}

#[test]
fn run_writes_openapi_yaml_in_the_root_it_is_given() {
    let server = Server::start(|_| vec![ok("application/json", JSON_SPEC.as_bytes())]);
    let root = tempfile::tempdir().unwrap();
    pull_spec::run(root.path(), Some(&server.url("/openapi.json"))).unwrap();
    assert_eq!(
        std::fs::read_to_string(root.path().join("openapi.yaml")).unwrap(),
        JSON_SPEC
    );
    server.heads();
}

/// xtask's usage text, from the binary itself.
fn usage() -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("help")
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

/// The commands the usage lists: the first word of each line indented by two spaces.
fn commands(usage: &str) -> Vec<String> {
    usage
        .lines()
        .filter_map(|line| line.strip_prefix("  "))
        .filter(|rest| !rest.starts_with(' '))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_follow_live_spec_workflow_runs_only_commands_xtask_has() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../.github/workflows/follow-live-spec.yml");
    let text = std::fs::read_to_string(&path).unwrap();
    let workflow = xtask::spec::document(&text).unwrap();
    let usage = usage();
    let known = commands(&usage);
    assert!(known.iter().any(|c| c == "pull-spec"), "{known:?}");
    // It runs on a schedule and by hand.
    assert!(
        workflow["on"]["schedule"][0]["cron"].is_string(),
        "{workflow:#}"
    );
    assert!(workflow["on"].get("workflow_dispatch").is_some());

    let mut invoked = Vec::new();
    let mut opens_a_pull_request = false;
    for (job, body) in workflow["jobs"].as_object().unwrap() {
        for step in body["steps"].as_array().unwrap() {
            if step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("peter-evans/create-pull-request@"))
            {
                assert!(step["with"]["body-path"].is_string(), "{step:#}");
                opens_a_pull_request = true;
            }
            let Some(run) = step["run"].as_str() else {
                continue;
            };
            for line in run.lines() {
                let words: Vec<&str> = line.split_whitespace().collect();
                for (i, pair) in words.windows(2).enumerate() {
                    if pair != ["cargo", "xtask"] {
                        continue;
                    }
                    let command = words.get(i + 2).copied().unwrap_or_default();
                    assert!(
                        known.iter().any(|c| c == command),
                        "job `{job}` runs `cargo xtask {command}`, which xtask's usage does not list: {known:?}"
                    );
                    // Its options too (`--format markdown`) are ones the usage names.
                    for option in words[i + 3..]
                        .iter()
                        .take_while(|w| !matches!(**w, ">" | "|" | "&&" | ";"))
                        .filter(|w| w.starts_with("--"))
                    {
                        assert!(
                            usage.contains(option),
                            "job `{job}`: `cargo xtask {command} {option}` is not in xtask's usage"
                        );
                    }
                    invoked.push(command.to_string());
                }
            }
        }
    }
    assert!(opens_a_pull_request, "the workflow opens no pull request");
    assert_eq!(invoked, ["pull-spec", "generate", "diff"], "{text}");
}

#[test]
fn pull_spec_takes_at_most_one_url() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["pull-spec", "https://a.example/", "https://b.example/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("pull-spec [URL]"));
}
