//! `cargo xtask pull-spec [URL]`: downloads the OpenAPI document the live API serves and, if
//! it is OpenAPI 3.0 or 3.1, writes it to openapi.yaml exactly as the server sent it.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use reqwest::Url;
use serde_json::Value;

use crate::Error;

/// The document the live API serves.
pub const DEFAULT_URL: &str = "https://api.useinvent.com/openapi.json";

/// What a pull may cost.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest document accepted (the live one is a few hundred kilobytes).
    pub max_bytes: u64,
    /// For the whole request, the body included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    /// Redirects followed, each to `https` only (or to plain `http` on a loopback host when
    /// the URL asked for was one).
    pub max_redirects: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            timeout: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(15),
            max_redirects: 5,
        }
    }
}

/// What a pull found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pulled {
    /// The document's `openapi` field: `3.0.3`, `3.1.0`.
    pub openapi: String,
    /// How many paths it has.
    pub paths: usize,
    /// Its size as received.
    pub bytes: usize,
    /// Whether the destination changed (false when it already held exactly these bytes).
    pub changed: bool,
}

/// `cargo xtask pull-spec [URL]`: pulls `url` (default [`DEFAULT_URL`]) into
/// `root/openapi.yaml` and says what to run next.
pub fn run(root: &Path, url: Option<&str>) -> Result<(), Error> {
    let url = url.unwrap_or(DEFAULT_URL);
    let dest = root.join("openapi.yaml");
    let pulled = pull(url, &dest)?;
    let what = format!(
        "{url}: OpenAPI {}, {} path{}, {} bytes",
        pulled.openapi,
        pulled.paths,
        if pulled.paths == 1 { "" } else { "s" },
        pulled.bytes
    );
    if pulled.changed {
        println!("{what}: openapi.yaml updated");
    } else {
        println!("{what}: openapi.yaml already holds this document, unchanged");
    }
    let overlays = crate::overlay::beside(&dest)?;
    if !overlays.is_empty() {
        println!(
            "{} overlay(s) in {}/ are applied to it when it is read",
            overlays.len(),
            crate::overlay::FOLDER
        );
    }
    if pulled.changed {
        println!(
            "next: `cargo xtask generate` (regenerate the code), `cargo test --workspace`, \
             and `cargo xtask diff` (review the change against HEAD)"
        );
    }
    Ok(())
}

/// Downloads `url` and writes it to `dest`, with the default limits.
pub fn pull(url: &str, dest: &Path) -> Result<Pulled, Error> {
    pull_with(url, dest, &Limits::default())
}

/// Downloads `url` and, if it is an OpenAPI 3.0 or 3.1 document (JSON or YAML) with
/// `paths`, writes the bytes received to `dest`, replacing it whole. On any error `dest` is
/// left as it was.
pub fn pull_with(url: &str, dest: &Path, limits: &Limits) -> Result<Pulled, Error> {
    let body = download(url, limits)?;
    let (openapi, paths) = check(&body).map_err(|message| {
        Error::Tool(format!(
            "{url}: {message}; {} was not changed",
            dest.display()
        ))
    })?;
    let changed = std::fs::read(dest).ok().as_deref() != Some(body.as_slice());
    if changed {
        write_whole(dest, &body)?;
    }
    Ok(Pulled {
        openapi,
        paths,
        bytes: body.len(),
        changed,
    })
}

/// The document's OpenAPI version and number of paths, or what makes it not one the
/// generator reads.
fn check(body: &[u8]) -> Result<(String, usize), String> {
    let text = std::str::from_utf8(body)
        .map_err(|e| format!("the response is not UTF-8 text ({e}), so not an OpenAPI document"))?;
    let document = crate::spec::document(text)
        .map_err(|e| format!("the response is neither JSON nor YAML: {e}"))?;
    let Value::Object(root) = &document else {
        return Err("the response is not an OpenAPI document (not a mapping)".into());
    };
    let version = match root.get("openapi") {
        Some(Value::String(version)) => version.clone(),
        Some(other) => return Err(format!("`openapi` is `{other}`, not a version string")),
        None if root.contains_key("swagger") => {
            return Err(
                "the response is a Swagger 2.0 document; the generator reads OpenAPI 3.0 and 3.1"
                    .into(),
            );
        }
        None => return Err("the response is not an OpenAPI document (no `openapi` field)".into()),
    };
    let supported = ["3.0.", "3.1."].iter().any(|minor| {
        version
            .strip_prefix(minor)
            .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()))
    });
    if !supported {
        return Err(format!(
            "the document is OpenAPI `{version}`; the generator reads OpenAPI 3.0.x and 3.1.x"
        ));
    }
    let paths = match root.get("paths") {
        Some(Value::Object(paths)) => paths.len(),
        Some(_) => return Err("`paths` is not a mapping".into()),
        None => return Err("the document has no `paths`".into()),
    };
    Ok((version, paths))
}

/// Whether a request may go to `url`: https, or http to a loopback host.
fn allowed(url: &Url, loopback_http: bool) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => loopback_http && is_loopback(url),
        _ => false,
    }
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The response body of a GET of `url`, within the limits.
fn download(url: &str, limits: &Limits) -> Result<Vec<u8>, Error> {
    let fail = |message: String| Error::Tool(format!("{url}: {message}"));
    let parsed = Url::parse(url).map_err(|e| fail(format!("not a URL: {e}")))?;
    // Plain http only where nothing crosses a network: the URL asked for is on this machine.
    let loopback_http = is_loopback(&parsed);
    if !allowed(&parsed, loopback_http) {
        return Err(fail(
            "only https URLs are pulled (plain http only from a loopback host)".into(),
        ));
    }
    // reqwest's rustls has no crypto provider of its own in this workspace (see the SDK's
    // tls.rs); `Err` means one is installed already, which is then used.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let max_redirects = limits.max_redirects;
    let redirects = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max_redirects {
            let message = format!("more than {max_redirects} redirects");
            attempt.error(message)
        } else if !allowed(attempt.url(), loopback_http) {
            let message = format!(
                "a redirect to {} (only https is followed, or plain http between loopback hosts)",
                attempt.url()
            );
            attempt.error(message)
        } else {
            attempt.follow()
        }
    });
    let mut client = reqwest::blocking::Client::builder()
        .redirect(redirects)
        .timeout(limits.timeout)
        .connect_timeout(limits.connect_timeout)
        .user_agent(concat!(
            "invent-xtask/",
            env!("CARGO_PKG_VERSION"),
            " (pull-spec)"
        ));
    if loopback_http {
        // A proxy from HTTP_PROXY has no business with a request to this machine.
        client = client.no_proxy();
    }
    let client = client
        .build()
        .map_err(|e| fail(format!("cannot build an HTTP client: {}", chain(&e))))?;
    let response = client
        .get(parsed)
        .header(
            reqwest::header::ACCEPT,
            "application/json, application/yaml;q=0.9, */*;q=0.1",
        )
        .send()
        .map_err(|e| fail(chain(&e)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!("the server answered {status}")));
    }
    let limit = limits.max_bytes;
    if let Some(length) = response.content_length()
        && length > limit
    {
        return Err(fail(format!(
            "the document is {length} bytes, more than the limit of {limit} bytes"
        )));
    }
    let mut body = Vec::new();
    response
        .take(limit.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| fail(format!("reading the response: {}", chain(&e))))?;
    if body.len() as u64 > limit {
        return Err(fail(format!(
            "the document is more than the limit of {limit} bytes"
        )));
    }
    Ok(body)
}

/// An error with its causes, on one line: reqwest's own message rarely says what failed.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let message = cause.to_string();
        if !text.contains(&message) {
            text.push_str(": ");
            text.push_str(&message);
        }
        source = cause.source();
    }
    text
}

/// Writes `bytes` to `path` through a file beside it renamed into place, so a failed write
/// never leaves half a document.
fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let file_name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{file_name}.pull-{}", std::process::id()));
    let written =
        std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::io(path, e)
    })
}
