//! Outside tools the project checks itself with, installed at pinned versions into
//! `target/tools/` (git-ignored) on first use, so a fresh clone needs nothing by hand.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;

/// openapi-spec-validator (PyPI): an independent check that openapi.yaml is valid OpenAPI 3.0.
pub const SPEC_VALIDATOR: (&str, &str) = ("openapi-spec-validator", "0.9.0");

/// Prism (npm): an independent mock server of the spec that validates every request.
pub const PRISM: (&str, &str) = ("@stoplight/prism-cli", "5.16.0");

fn tools_dir(root: &Path) -> PathBuf {
    root.join("target/tools")
}

/// Runs `command`, turning a failure to start or a non-zero exit into an error naming it.
pub fn run(command: &mut Command, what: &str) -> Result<(), Error> {
    let status = command.status().map_err(|e| {
        Error::Tool(format!(
            "cannot start {what} ({:?}): {e}",
            command.get_program()
        ))
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Tool(format!("{what} failed ({status})")))
    }
}

/// The path of a Python console script from `package==version`, installed in a virtual
/// environment under `target/tools/` if it is not there yet.
pub fn python_tool(
    root: &Path,
    (package, version): (&str, &str),
    script: &str,
) -> Result<PathBuf, Error> {
    let venv = tools_dir(root).join(format!("{package}-{version}"));
    install_once(&venv, || {
        eprintln!("installing {package} {version} into {}", venv.display());
        run(
            Command::new("python3").arg("-m").arg("venv").arg(&venv),
            "python3 -m venv",
        )?;
        run(
            Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .arg(format!("{package}=={version}")),
            &format!("pip install {package}=={version}"),
        )
    })?;
    Ok(venv.join("bin").join(script))
}

/// Runs `install` into `dir` once, however many tests or processes need the tool at the same
/// time: one holds an exclusive lock on `<dir>.lock` while it installs; the others wait for it,
/// then find the `.installed` marker. A half-done install (no marker) is started again.
fn install_once(dir: &Path, install: impl FnOnce() -> Result<(), Error>) -> Result<(), Error> {
    let marker = dir.join(".installed");
    if marker.exists() {
        return Ok(());
    }
    let parent = dir.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let lock_path = dir.with_file_name(format!("{name}.lock"));
    let lock = std::fs::File::create(&lock_path).map_err(|e| Error::io(&lock_path, e))?;
    lock.lock().map_err(|e| Error::io(&lock_path, e))?;
    if marker.exists() {
        return Ok(());
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    install()?;
    std::fs::write(&marker, "").map_err(|e| Error::io(&marker, e))
}

/// Validates `spec` as OpenAPI 3.0 with openapi-spec-validator.
pub fn validate_spec(root: &Path, spec: &Path) -> Result<(), Error> {
    let validator = python_tool(root, SPEC_VALIDATOR, "openapi-spec-validator")?;
    run(
        Command::new(validator).args(["--schema", "3.0"]).arg(spec),
        &format!("openapi-spec-validator on {}", spec.display()),
    )
}

/// The path of the `prism` command, installed with npm under `target/tools/` if needed.
pub fn prism(root: &Path) -> Result<PathBuf, Error> {
    let (package, version) = PRISM;
    let prefix = tools_dir(root).join(format!("prism-{version}"));
    install_once(&prefix, || {
        eprintln!("installing {package} {version} into {}", prefix.display());
        std::fs::create_dir_all(&prefix).map_err(|e| Error::io(&prefix, e))?;
        run(
            Command::new("npm")
                .args([
                    "install",
                    "--no-audit",
                    "--no-fund",
                    "--loglevel=error",
                    "--prefix",
                ])
                .arg(&prefix)
                .arg(format!("{package}@{version}")),
            &format!("npm install {package}@{version}"),
        )
    })?;
    Ok(prefix.join("node_modules/.bin/prism"))
}
