//! A loopback HTTP/1.1 proxy in front of a mock server (Prism): forwards each request as sent
//! and records what came back, with Prism's verdict header (`sl-violations`), for the checks.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One exchange as it passed through.
#[derive(Clone, Debug)]
pub struct Exchange {
    pub method: String,
    pub target: String,
    pub status: u16,
    /// Prism's `sl-violations` header: its JSON list of what was off-spec.
    pub violations: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// The proxy; it stops when dropped.
pub struct Recorder {
    url: String,
    log: Arc<Mutex<Vec<Exchange>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Recorder {
    /// Starts a proxy to `upstream` (`http://host:port`) on the current runtime.
    pub async fn start(upstream: String) -> Recorder {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let url = format!("http://{}", listener.local_addr().expect("bound"));
        let log = Arc::new(Mutex::new(Vec::new()));
        // reqwest wants a TLS provider even for plain HTTP: building an `invent` client
        // installs the SDK's.
        let _ = invent::Client::builder()
            .api_key("unused")
            .base_url("http://127.0.0.1:9")
            .build();
        let client = reqwest::Client::builder()
            .no_proxy()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a plain HTTP client");
        let shared = log.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (client, upstream, log) = (client.clone(), upstream.clone(), shared.clone());
                tokio::spawn(async move { forward(stream, &client, &upstream, &log).await });
            }
        });
        Recorder { url, log, task }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The exchanges recorded since the last call.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *self.log.lock().expect("the log"))
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn forward(
    mut stream: TcpStream,
    client: &reqwest::Client,
    upstream: &str,
    log: &Mutex<Vec<Exchange>>,
) {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 16384];
    loop {
        let head_end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).to_string();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or_default().split(' ');
        let method = request_line.next().unwrap_or_default().to_string();
        let target = request_line.next().unwrap_or_default().to_string();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        while buffer.len() < head_end + length {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        let body = buffer[head_end..head_end + length].to_vec();
        buffer.drain(..head_end + length);
        let Ok(verb) = reqwest::Method::from_bytes(method.as_bytes()) else {
            return;
        };
        let mut request = client.request(verb, format!("{upstream}{target}"));
        for (name, value) in &headers {
            if !matches!(name.as_str(), "host" | "content-length" | "connection") {
                request = request.header(name, value);
            }
        }
        let (status, reply_headers, reply) = match request.body(body).send().await {
            Ok(response) => {
                let status = response.status().as_u16();
                let headers = response.headers().clone();
                (
                    status,
                    headers,
                    response.bytes().await.unwrap_or_default().to_vec(),
                )
            }
            Err(e) => (
                599,
                reqwest::header::HeaderMap::new(),
                format!("the proxy could not reach the mock server: {e}").into_bytes(),
            ),
        };
        let text = |name: &str| {
            reply_headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        log.lock().expect("the log").push(Exchange {
            method,
            target,
            status,
            violations: text("sl-violations"),
            content_type: text("content-type"),
            body: reply.clone(),
        });
        let mut out = format!(
            "HTTP/1.1 {status} Proxied\r\ncontent-length: {}\r\n",
            reply.len()
        );
        for (name, value) in &reply_headers {
            if !matches!(
                name.as_str(),
                "content-length" | "transfer-encoding" | "connection"
            ) && let Ok(value) = value.to_str()
            {
                out.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&reply);
        if stream.write_all(&bytes).await.is_err() {
            return;
        }
    }
}
