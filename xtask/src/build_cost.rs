//! `cargo xtask build-cost`: the cold release build of `invent` beside a baseline crate that
//! depends only on the same reqwest, serde, serde_json and tokio; times and crate counts.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Error;
use crate::tools::run;

/// What one cold build cost.
pub struct Cost {
    pub seconds: f64,
    pub crates: usize,
}

/// The dependencies the baseline shares with `invent`, copied from the workspace manifest.
const SHARED: [&str; 4] = ["reqwest", "serde", "serde_json", "tokio"];

/// Builds both, each in a fresh target folder under `target/build-cost/`.
pub fn measure(root: &Path) -> Result<(Cost, Cost), Error> {
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
         # Its own workspace, not a member of the SDK's.\n[workspace]\n\n[dependencies]\n{}\n",
        shared.join("\n")
    );
    write(&baseline.join("Cargo.toml"), &baseline_manifest)?;
    write(&baseline.join("src/lib.rs"), BASELINE_LIB)?;
    std::fs::copy(root.join("Cargo.lock"), baseline.join("Cargo.lock"))
        .map_err(|e| Error::io(&baseline, e))?;

    let sdk = cold_build(
        root,
        &["--package", "invent"],
        &scratch.join("invent-target"),
    )?;
    let base = cold_build(&baseline, &[], &scratch.join("baseline-target"))?;
    let sdk_crates = crate_count(root, &["--package", "invent"])?;
    let base_crates = crate_count(&baseline, &[])?;
    Ok((
        Cost {
            seconds: sdk.as_secs_f64(),
            crates: sdk_crates,
        },
        Cost {
            seconds: base.as_secs_f64(),
            crates: base_crates,
        },
    ))
}

fn write(path: &Path, text: &str) -> Result<(), Error> {
    std::fs::write(path, text).map_err(|e| Error::io(path, e))
}

fn cargo() -> Command {
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
