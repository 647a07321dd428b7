//! The generator's steps, in the order they run: the spec read and normalized (`overlay`,
//! `spec`), progenitor's output (`sdk`) made the SDK's by the passes, then rendered and written.

mod additions;
mod companions;
mod entry;
mod extensions;
pub mod output;
pub mod overlay;
mod pages;
pub mod render;
pub mod sdk;
mod send;
pub mod spec;
pub(crate) mod tree;
pub mod wire;
mod wire_names;

use std::path::{Path, PathBuf};

use crate::Error;

/// One generated file: where it goes (relative to the workspace root) and its text.
pub struct GeneratedFile {
    pub path: PathBuf,
    pub contents: String,
}

/// Whether the workspace's `Cargo.toml` asks `cargo xtask generate` to treat the spec's
/// warnings as errors: `deny-warnings = true` under `[workspace.metadata.invent]` (for
/// maintainers who want every approximation fixed in the spec, or by an overlay, in CI).
pub fn deny_warnings_setting(cargo_toml: &str) -> bool {
    let mut in_table = false;
    for line in cargo_toml.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.starts_with('[') {
            in_table = line == "[workspace.metadata.invent]";
            continue;
        }
        if in_table
            && let Some((key, value)) = line.split_once('=')
            && key.trim() == "deny-warnings"
        {
            return value.trim() == "true";
        }
    }
    false
}

/// Generates every file from the spec at `root/openapi.yaml`, without writing anything.
pub fn generate(root: &Path) -> Result<Vec<GeneratedFile>, Error> {
    let spec_path = root.join("openapi.yaml");
    let spec = spec::load(&spec_path)?;
    generate_from_spec(&spec_path, &spec)
}

/// Generates every file from a loaded spec; `spec_path` names the document in errors.
pub fn generate_from_spec(
    spec_path: &Path,
    spec: &spec::Spec,
) -> Result<Vec<GeneratedFile>, Error> {
    let mut sdk = sdk::generate(spec_path, spec)?;
    wire::apply(spec_path, spec, &mut sdk)?;
    send::apply(spec, &mut sdk).map_err(|m| Error::spec(spec_path, m))?;
    extensions::apply(spec, &mut sdk).map_err(|m| Error::spec(spec_path, m))?;
    entry::apply(spec, &mut sdk).map_err(|m| Error::spec(spec_path, m))?;
    pages::apply(spec, &mut sdk).map_err(|m| Error::spec(spec_path, m))?;
    additions::apply(spec, &mut sdk).map_err(|m| Error::spec(spec_path, m))?;
    wire_names::apply(spec, &mut sdk, wire_names::Uses::Request).map_err(|m| Error::Code {
        step: "wire names (SDK)",
        message: m,
    })?;
    let mut cli = companions::cli(spec_path, spec)?;
    pages::cli(spec, &mut cli).map_err(|m| Error::spec(spec_path, m))?;
    let mut httpmock = companions::httpmock(spec_path, spec)?;
    wire_names::apply(spec, &mut httpmock, wire_names::Uses::Mock).map_err(|m| Error::Code {
        step: "wire names (mock)",
        message: m,
    })?;
    Ok(vec![
        GeneratedFile {
            path: PathBuf::from("crates/invent/src/generated_sdk.rs"),
            contents: render::render(&sdk),
        },
        GeneratedFile {
            path: PathBuf::from("crates/invent-cli/src/generated_cli.rs"),
            contents: render::render(&cli),
        },
        GeneratedFile {
            path: PathBuf::from("crates/invent-httpmock/src/generated_httpmock.rs"),
            contents: render::render(&httpmock),
        },
    ])
}
