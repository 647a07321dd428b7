//! Writing generated files, or checking that the committed ones are what the spec gives.
//! `--check` writes nothing and reports each stale file with a readable diff.

use std::path::Path;

use similar::TextDiff;

use crate::{Error, GeneratedFile};

/// Writes each file under `root`, creating folders as needed; returns the paths that changed.
pub fn write(root: &Path, files: &[GeneratedFile]) -> Result<Vec<String>, Error> {
    let mut changed = Vec::new();
    for file in files {
        let path = root.join(&file.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&path, &file.contents).map_err(|e| Error::io(&path, e))?;
        changed.push(file.path.display().to_string());
    }
    Ok(changed)
}

/// One committed file that differs from what generation gives.
pub struct Stale {
    pub path: String,
    /// A unified diff from the committed file to the generated one.
    pub diff: String,
}

/// Compares each file with the one under `root`, byte for byte.
pub fn check(root: &Path, files: &[GeneratedFile]) -> Vec<Stale> {
    files
        .iter()
        .filter_map(|file| {
            let path = file.path.display().to_string();
            let committed = std::fs::read(root.join(&file.path)).ok();
            if committed.as_deref() == Some(file.contents.as_bytes()) {
                return None;
            }
            let committed = committed
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let diff = TextDiff::from_lines(&committed, &file.contents)
                .unified_diff()
                .context_radius(3)
                .header(
                    &format!("{path} (committed)"),
                    &format!("{path} (from openapi.yaml)"),
                )
                .to_string();
            let diff = if diff.is_empty() {
                // Same lines, other bytes (line endings, a missing final newline).
                "the bytes differ, but not the lines (line endings or the final newline)\n".into()
            } else {
                diff
            };
            Some(Stale { path, diff })
        })
        .collect()
}
