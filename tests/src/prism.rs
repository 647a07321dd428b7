//! Prism, the independent mock server of a spec that checks every request against it: started
//! on a free loopback port, stopped whenever the handle is dropped (on success, error, panic).

use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Prism.
pub struct Prism {
    child: Child,
    port: u16,
}

impl Prism {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts Prism (installed into `target/tools/` on first use) serving `spec` with responses
/// generated from its schemas; waits until it listens (a large spec takes a while).
pub fn start(root: &Path, spec: &Path) -> Result<Prism, String> {
    let prism = xtask::tools::prism(root).map_err(|e| e.to_string())?;
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free loopback port: {e}"))?
        .port();
    // What Prism says goes to a file, for the error if it stops before it listens.
    let log_path = root.join("target/tools/prism.log");
    let log =
        std::fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let child = Command::new(prism)
        .args(["mock", "--dynamic", "--host", "127.0.0.1", "--port"])
        .arg(port.to_string())
        .arg(spec)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot start Prism: {e}"))?;
    let mut prism = Prism { child, port };
    let deadline = Instant::now() + Duration::from_secs(600);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = prism.child.try_wait() {
            let said = std::fs::read_to_string(&log_path).unwrap_or_default();
            let tail: Vec<&str> = said.lines().rev().take(6).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            return Err(format!(
                "Prism stopped ({status}) before it served {}: {}",
                spec.display(),
                tail.join(" / ")
            ));
        }
        if Instant::now() > deadline {
            return Err(format!(
                "Prism did not start listening on {} within 600 s",
                spec.display()
            ));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(prism)
}
