//! `cargo xtask build-cost`: cold release builds of `invent` with each TLS choice it offers,
//! beside a baseline crate on the same reqwest, rustls, serde and tokio; times, crate counts.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Error;
use crate::tools::run;

/// What one cold build cost.
pub struct Cost {
    /// What was built, for the report.
    pub label: &'static str,
    pub seconds: f64,
    pub crates: usize,
}

/// The dependencies the baseline shares with `invent`, copied from the workspace manifest.
const SHARED: [&str; 5] = ["reqwest", "rustls", "serde", "serde_json", "tokio"];

/// The builds of `invent` measured: the default, the build as it was before the cost-at-scale
/// issue (aws-lc-rs, schemars), then each other TLS choice it offers.
const CONFIGURATIONS: [(&str, &[&str]); 4] = [
    ("invent (default: rustls + ring)", &[]),
    (
        "invent as before: --features tls-aws-lc,schemars",
        &["--no-default-features", "--features", "tls-aws-lc,schemars"],
    ),
    (
        "invent --features tls-aws-lc (rustls + aws-lc-rs)",
        &["--no-default-features", "--features", "tls-aws-lc"],
    ),
    (
        "invent --features native-tls (OpenSSL)",
        &["--no-default-features", "--features", "native-tls"],
    ),
];

/// Builds each configuration of `invent`, then the baseline (on rustls with ring, like the
/// default), each in a fresh target folder under `target/build-cost/`. The baseline is last.
pub fn measure(root: &Path) -> Result<Vec<Cost>, Error> {
    let scratch = root.join("target/build-cost");
    let _ = std::fs::remove_dir_all(&scratch);
    let baseline = scratch.join("baseline");
    std::fs::create_dir_all(baseline.join("src")).map_err(|e| Error::io(&baseline, e))?;
    let manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| Error::io(root, e))?;
    let shared: Vec<&str> = manifest
        .lines()
        .filter(|line| {
            SHARED
                .iter()
                .any(|name| line.starts_with(&format!("{name} =")))
        })
        .collect();
    let baseline_manifest = format!(
        "[package]\nname = \"baseline\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         # Its own workspace, not a member of the SDK's.\n[workspace]\n\n\
         [features]\ndefault = [\"rustls/ring\"]\n\n[dependencies]\n{}\n",
        shared.join("\n")
    );
    write(&baseline.join("Cargo.toml"), &baseline_manifest)?;
    write(&baseline.join("src/lib.rs"), BASELINE_LIB)?;
    std::fs::copy(root.join("Cargo.lock"), baseline.join("Cargo.lock"))
        .map_err(|e| Error::io(&baseline, e))?;

    let mut costs = Vec::new();
    for (index, (label, features)) in CONFIGURATIONS.iter().enumerate() {
        let args = [&["--package", "invent"][..], features].concat();
        let target = scratch.join(format!("invent-target-{index}"));
        let time = cold_build(root, &args, &target)?;
        costs.push(Cost {
            label,
            seconds: time.as_secs_f64(),
            crates: crate_count(root, &args)?,
        });
        let _ = std::fs::remove_dir_all(&target);
    }
    let time = cold_build(&baseline, &[], &scratch.join("baseline-target"))?;
    costs.push(Cost {
        label: "baseline (reqwest, serde, serde_json, tokio; rustls + ring)",
        seconds: time.as_secs_f64(),
        crates: crate_count(&baseline, &[])?,
    });
    Ok(costs)
}

pub(crate) fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

/// The `cargo` running this (`CARGO`), or the one on the path.
pub(crate) fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

fn cold_build(dir: &Path, args: &[&str], target: &Path) -> Result<Duration, Error> {
    let started = Instant::now();
    run(
        cargo()
            .args(["build", "--release", "--quiet"])
            .args(args)
            .arg("--target-dir")
            .arg(target)
            .current_dir(dir),
        &format!("cargo build --release in {}", dir.display()),
    )?;
    Ok(started.elapsed())
}

/// Distinct crates in the normal (non-dev, non-build) dependency graph, the crate included.
fn crate_count(dir: &Path, args: &[&str]) -> Result<usize, Error> {
    let output = cargo()
        .args(["tree", "--edges", "normal", "--prefix", "none", "--quiet"])
        .args(args)
        .current_dir(dir)
        .output()
        .map_err(|e| Error::Tool(format!("cannot run cargo tree: {e}")))?;
    let text = String::from_utf8_lossy(&output.stdout);
    let mut crates: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split(" (").next())
        .filter(|l| !l.is_empty())
        .collect();
    crates.sort_unstable();
    crates.dedup();
    Ok(crates.len())
}

/// What a hand-written client on the same stack compiles: a PATCH with a JSON body.
const BASELINE_LIB: &str = r#"//! A hand-written client on the SDK's stack, for build-cost comparison.
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
pub struct UpdateAssistant { pub name: Option<String> }

#[derive(Deserialize)]
pub struct Assistant { pub id: String, pub name: String }

pub async fn update(client: &reqwest::Client, key: &str, id: &str, body: &UpdateAssistant) -> reqwest::Result<Assistant> {
    let url = format!("https://api.useinvent.com/orgs/c/assistants/{id}");
    let response = client.patch(url).bearer_auth(key).json(body).send().await?;
    let _sleep = tokio::time::sleep(std::time::Duration::from_millis(1));
    let _value: serde_json::Value = serde_json::json!({});
    response.error_for_status()?.json().await
}
"#;
