//! A scripted HTTP/1.1 server on loopback for end-to-end tests and benchmarks: each request
//! gets the next scripted reply (or none, to test timeouts); every request is recorded.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One scripted reply.
#[derive(Clone, Debug)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    hang: bool,
    /// Bytes written as they are, then the connection closed: a hostile or broken server.
    wire: Option<Vec<u8>>,
    /// A chunked body of this chunk, repeated until the client stops reading.
    endless: Option<Vec<u8>>,
}

impl Reply {
    /// A JSON reply.
    pub fn json(status: u16, body: &Value) -> Reply {
        Reply::raw(
            status,
            "application/json",
            serde_json::to_vec(body).unwrap(),
        )
    }

    /// A reply with any body and content type.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.into(),
            hang: false,
            wire: None,
            endless: None,
        }
    }

    /// Writes exactly `bytes` (a status line, headers and whatever follows), then closes the
    /// connection: a body cut short, a bad chunk, a lying `content-length`.
    pub fn wire(bytes: impl Into<Vec<u8>>) -> Reply {
        Reply {
            wire: Some(bytes.into()),
            ..Reply::raw(0, "", "")
        }
    }

    /// A 200 whose chunked body repeats `chunk` for as long as the client reads it.
    pub fn endless(content_type: &str, chunk: impl Into<Vec<u8>>) -> Reply {
        Reply {
            endless: Some(chunk.into()),
            ..Reply::raw(200, content_type, "")
        }
    }

    /// Accepts the request and never answers.
    pub fn hang() -> Reply {
        Reply {
            status: 0,
            headers: Vec::new(),
            body: Vec::new(),
            hang: true,
            wire: None,
            endless: None,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// A request as the server received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    /// The request target exactly as sent (`/orgs/c/assistants/ast_1`).
    pub target: String,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub at: Instant,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the request body is JSON")
    }
}

/// The server; it stops when dropped.
pub struct Server {
    url: String,
    received: Arc<Mutex<Vec<Received>>>,
    replies: Arc<Mutex<Replies>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// Starts a server that answers requests with `replies`, in order; past the last one it
    /// answers 599, so an unexpected extra request shows.
    pub async fn start(replies: Vec<Reply>) -> Server {
        Server::serve(
            Replies {
                queue: VecDeque::from(replies),
                repeat_last: false,
                endless_written: 0,
            },
            true,
        )
        .await
    }

    /// Starts a server that answers every request with `reply` and records nothing (for
    /// benchmarks).
    pub async fn start_repeating(reply: Reply) -> Server {
        Server::serve(
            Replies {
                queue: VecDeque::from([reply]),
                repeat_last: true,
                endless_written: 0,
            },
            false,
        )
        .await
    }

    async fn serve(replies: Replies, record: bool) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let replies = Arc::new(Mutex::new(replies));
        let log = record.then(|| received.clone());
        let scripted = replies.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve(stream, log.clone(), scripted.clone()));
            }
        });
        Server {
            url,
            received,
            replies,
            task,
        }
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// Every request received so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// How many bytes of endless bodies were written before the client stopped reading.
    pub fn endless_written(&self) -> usize {
        self.replies.lock().unwrap().endless_written
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    mut stream: TcpStream,
    log: Option<Arc<Mutex<Vec<Received>>>>,
    replies: Arc<Mutex<Replies>>,
) {
    let mut buffer = Vec::new();
    let mut chunk = [0u8; 8192];
    // One request after another on the same connection, until the client closes it.
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
        if let Some(log) = &log {
            log.lock().unwrap().push(Received {
                method,
                target,
                headers,
                body,
                at: Instant::now(),
            });
        }
        let reply = replies.lock().unwrap().next();
        if reply.hang {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return;
        }
        if let Some(bytes) = &reply.wire {
            let _ = stream.write_all(bytes).await;
            return;
        }
        if let Some(chunk) = &reply.endless {
            let head = format!(
                "HTTP/1.1 200 Scripted\r\ntransfer-encoding: chunked\r\ncontent-type: {}\r\n\r\n",
                reply.headers.first().map_or("", |(_, v)| v.as_str())
            );
            let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
            framed.extend_from_slice(chunk);
            framed.extend_from_slice(b"\r\n");
            if stream.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            while stream.write_all(&framed).await.is_ok() {
                replies.lock().unwrap().endless_written += framed.len();
            }
            return;
        }
        if stream.write_all(&reply.bytes()).await.is_err() {
            return;
        }
    }
}

/// The scripted replies: each once, in order, then the last one forever if asked to.
struct Replies {
    queue: VecDeque<Reply>,
    repeat_last: bool,
    /// Bytes of endless bodies the server got written (socket buffers included).
    endless_written: usize,
}

impl Replies {
    fn next(&mut self) -> Reply {
        match (self.queue.len(), self.repeat_last) {
            (1, true) => self.queue[0].clone(),
            _ => self
                .queue
                .pop_front()
                .unwrap_or_else(|| Reply::raw(599, "text/plain", "no scripted reply")),
        }
    }
}

impl Reply {
    fn bytes(&self) -> Vec<u8> {
        let mut out = format!(
            "HTTP/1.1 {} Scripted\r\ncontent-length: {}\r\n",
            self.status,
            self.body.len()
        );
        for (name, value) in &self.headers {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
        out.push_str("\r\n");
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

/// An address that refuses connections, and stays so while the returned socket lives: a port
/// bound but not listening (a port bound and released could be taken by another test).
pub fn refusing_address() -> (tokio::net::TcpSocket, String) {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind("127.0.0.1:0".parse().expect("an address"))
        .expect("a free port");
    let address = socket.local_addr().expect("a bound address");
    (socket, format!("http://{address}"))
}
