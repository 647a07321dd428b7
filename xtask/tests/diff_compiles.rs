//! The diff's Rust verdict against the compiler: code that uses every item of the crate
//! generated from the base spec (and the README's examples) is compiled, in one scratch build,
//! against the crate generated from each edited spec. It must compile exactly when the report
//! finds no compile-time break in the public Rust API.

#[path = "common/edits.rs"]
mod edits;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::diff::Effect;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The generated SDK of a spec text.
fn sdk(text: &str) -> String {
    let path = Path::new("edited.json");
    let spec = xtask::spec::parse(path, text).expect("the spec generates");
    xtask::generate_from_spec(path, &spec)
        .expect("the spec generates")
        .into_iter()
        .find(|f| f.path == Path::new("crates/invent/src/generated_sdk.rs"))
        .expect("an SDK file")
        .contents
}

/// `crate::`, `super::` and module-relative paths of a listing, as paths outside the crate.
fn outside(ty: &str) -> String {
    let mut out = ty
        .replace("crate::", "invent::")
        .replace("super::", "invent::types::");
    for module in ["types::", "builder::", "errors::"] {
        // A path that starts with the module (not `invent::types::…`).
        let mut fixed = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find(module) {
            let before = &rest[..i];
            let qualified = before.ends_with("::");
            fixed.push_str(before);
            if !qualified {
                fixed.push_str("invent::");
            }
            fixed.push_str(module);
            rest = &rest[i + module.len()..];
        }
        fixed.push_str(rest);
        out = fixed;
    }
    out.replace("'a", "'_")
}

/// The type inside the first `TryInto<…>` of a method's signature.
fn try_into_target(sig: &str) -> Option<String> {
    let start = sig.find("TryInto<")? + "TryInto<".len();
    let mut depth = 1;
    for (i, c) in sig[start..].char_indices() {
        match c {
            '<' => depth += 1,
            '>' => {
                depth -= 1;
                if depth == 0 {
                    return Some(sig[start..start + i].to_string());
                }
            }
            _ => {}
        }
    }
    None
}

/// Code that uses every public item of a listing: reads each field with its type, calls each
/// builder setter with a value of its type, matches each enum's variants, builds each type
/// that has `Default`, calls each operation and each of its setters, and names each response.
fn usage(listing: &str) -> String {
    let mut out = String::from(
        "#![allow(warnings, clippy::all)]\n//! Uses every item of the old crate's API.\n\
         use invent::types::*;\n\n",
    );
    let mut n = 0;
    let mut next = || {
        n += 1;
        n
    };
    let mut lines = listing.lines().peekable();
    while let Some(head) = lines.next() {
        let mut members = Vec::new();
        while let Some(m) = lines.peek().and_then(|l| l.strip_prefix("    ")) {
            // Drop attributes (`#[serde(…)]`): two spaces separate them from the member.
            members.push(m.split("  #[").next().unwrap_or(m).trim().to_string());
            lines.next();
        }
        let traits: BTreeSet<&str> = head
            .rsplit_once("  [")
            .map(|(_, t)| t.trim_end_matches(']').split(", ").collect())
            .unwrap_or_default();
        let name = head
            .split("  ")
            .next()
            .unwrap_or(head)
            .split_once(' ')
            .map(|(_, n)| n.to_string())
            .unwrap_or_default();
        let path = outside(&name);
        if head.starts_with("struct types::") && !name.starts_with("types::builder::") {
            if traits.contains("Default") {
                out.push_str(&format!(
                    "fn default_{}() -> {path} {{ {path}::default() }}\n",
                    next()
                ));
            }
            for m in &members {
                if let (false, Some((field, ty))) = (m.starts_with('('), m.split_once(": ")) {
                    out.push_str(&format!(
                        "fn read_{}(v: &{path}) -> &{} {{ &v.{field} }}\n",
                        next(),
                        outside(ty)
                    ));
                }
            }
        } else if head.starts_with("enum ") {
            let mut arms = String::new();
            for v in &members {
                let variant = v.split('(').next().unwrap_or(v);
                let pattern = if v.contains('(') { "(..)" } else { "" };
                arms.push_str(&format!("{path}::{variant}{pattern} => {},\n", next()));
                if let Some(inner) = v.strip_prefix(&format!("{variant}(")) {
                    let ty = inner.trim_end_matches(')');
                    out.push_str(&format!(
                        "fn variant_{}(v: {}) -> {path} {{ {path}::{variant}(v) }}\n",
                        next(),
                        outside(ty)
                    ));
                } else {
                    out.push_str(&format!(
                        "fn variant_{}() -> {path} {{ {path}::{variant} }}\n",
                        next()
                    ));
                }
            }
            out.push_str(&format!(
                "fn match_{}(v: &{path}) -> u32 {{ match v {{ {arms} _ => 0 }} }}\n",
                next()
            ));
        } else if let Some(ty) = head.strip_prefix("impl ") {
            let ty = outside(ty.trim());
            for m in &members {
                let Some(method) = m
                    .strip_prefix("fn ")
                    .or_else(|| m.strip_prefix("async fn "))
                else {
                    continue;
                };
                let method_name: String = method
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                let owner = ty.replace("<'_>", "<'static>");
                if m.contains("(&self) -> builder::") {
                    out.push_str(&format!(
                        "fn op_{}(c: &'static invent::Client) {{ let _ = c.{method_name}(); }}\n",
                        next()
                    ));
                } else if m.starts_with("async fn send") {
                    let ret = m.split("-> ").nth(1).unwrap_or("").trim();
                    out.push_str(&format!(
                        "async fn send_{}(b: {owner}) -> {} {{ b.send().await }}\n",
                        next(),
                        outside(ret).replace("ResponseValue<", "invent::ResponseValue<")
                    ));
                } else if let (true, Some(target)) =
                    (method.contains("(mut self, value:"), try_into_target(m))
                {
                    out.push_str(&format!(
                        "fn set_{}(b: {owner}, v: {}) -> {owner} {{ b.{method_name}(v) }}\n",
                        next(),
                        outside(&target)
                    ));
                }
            }
        }
    }
    out
}

/// The README's Rust examples that use only the SDK, each as a function of the usage crate.
fn readme_examples() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut out = String::new();
    let mut block: Option<Vec<String>> = None;
    let mut count = 0;
    for line in readme.lines() {
        match &mut block {
            None if line.starts_with("```rust") => block = Some(Vec::new()),
            None => {}
            Some(lines) if line.starts_with("```") => {
                let code: Vec<String> = std::mem::take(lines);
                block = None;
                let text = code.join("\n");
                if text.contains("httpmock") {
                    continue;
                }
                count += 1;
                let body = text
                    .replace("#[tokio::main]", "")
                    .replace("fn main()", &format!("fn readme_main_{count}()"));
                if body.contains("fn readme_main_") {
                    out.push_str(&format!("mod readme_{count} {{\n{body}\n}}\n"));
                } else {
                    // As a doc test: the block's own tail (`Ok::<…>(())`) or unit, then `Ok`.
                    out.push_str(&format!(
                        "async fn readme_{count}() -> Result<(), Box<dyn std::error::Error>> {{\n{body}\n;\nOk(())\n}}\n"
                    ));
                }
            }
            Some(lines) => {
                // Doc-test hidden lines (`# code`) are code.
                let code = line
                    .strip_prefix("# ")
                    .or_else(|| (line == "#").then_some(""))
                    .unwrap_or(line);
                lines.push(code.to_string());
            }
        }
    }
    assert!(count >= 2, "the README's SDK examples were not found");
    out
}

fn write(path: &Path, text: &str) {
    xtask::scratch::write(path, text).unwrap();
}

/// Copies the SDK crate's manifest and sources (not its tests, benches or examples).
fn copy_sdk(to: &Path, package: &str, generated: &str) {
    let from = root().join("crates/invent");
    let manifest = std::fs::read_to_string(from.join("Cargo.toml")).unwrap();
    let kept = xtask::scratch::without_dev_dependencies(&manifest);
    let kept = kept.replacen("name = \"invent\"", &format!("name = \"{package}\""), 1);
    write(
        &to.join("Cargo.toml"),
        &format!("{kept}\n[lib]\ndoctest = false\n"),
    );
    fn copy(from: &Path, to: &Path) {
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy(&entry.path(), &target);
            } else {
                write(&target, &std::fs::read_to_string(entry.path()).unwrap());
            }
        }
    }
    copy(&from.join("src"), &to.join("src"));
    write(&to.join("src/generated_sdk.rs"), generated);
}

#[test]
#[ignore = "a nested cargo build: `cargo xtask test-builds` runs it (so does CI)"]
fn code_written_against_the_old_crate_compiles_exactly_when_the_report_says_so() {
    let base = edits::text(&edits::base());
    let base_sdk = sdk(&base);
    let listing = xtask::surface::listing(&syn::parse_file(&base_sdk).unwrap());
    let uses = format!("{}\n{}", usage(&listing), readme_examples());

    // The cases: the base itself (the usage must compile against it) and every edit that
    // changes the public Rust API.
    let mut cases: Vec<(String, String, bool)> = vec![("base".into(), base_sdk, true)];
    for (name, edit, _) in edits::EDITS {
        let report = edits::report(*edit);
        if report.api.iter().all(|c| !c.line.contains(" invent:")) {
            continue;
        }
        let breaks = report
            .api
            .iter()
            .any(|c| c.effect == Effect::Breaking && c.line.contains(" invent:"));
        let mut spec = edits::base();
        edit(&mut spec);
        cases.push((name.to_string(), sdk(&edits::text(&spec)), !breaks));
    }
    assert!(cases.len() >= 15, "too few edits change the Rust API");

    let dir = root().join("target/diff-compile");
    for (name, generated, _) in &cases {
        let package = format!("case-{}", name.replace('_', "-"));
        copy_sdk(&dir.join(name).join("sdk"), &package, generated);
        write(
            &dir.join(name).join("usage/Cargo.toml"),
            &format!(
                "[package]\nname = \"{package}-usage\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
                 publish = false\n\n[dependencies]\ninvent = {{ package = \"{package}\", path = \"../sdk\" }}\n\
                 serde_json.workspace = true\ntokio.workspace = true\n"
            ),
        );
        write(&dir.join(name).join("usage/src/lib.rs"), &uses);
    }
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let packages: Vec<String> = cases
        .iter()
        .flat_map(|(name, _, _)| [format!("{name}/sdk"), format!("{name}/usage")])
        .collect();
    write(
        &dir.join("Cargo.toml"),
        &xtask::scratch::workspace_manifest(&manifest, &packages),
    );
    write(
        &dir.join("Cargo.lock"),
        &std::fs::read_to_string(root().join("Cargo.lock")).unwrap(),
    );

    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args([
            "check",
            "--workspace",
            "--keep-going",
            "--message-format=json",
        ])
        .env("CARGO_NET_OFFLINE", "true")
        .env(
            "CARGO_TARGET_DIR",
            root().join("target/diff-compile-target"),
        )
        .current_dir(&dir)
        .output()
        .expect("cargo runs");
    // The packages with a compile error, from cargo's JSON messages.
    let mut failed = BTreeSet::new();
    let mut errors = String::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if msg["reason"] == "compiler-message" && msg["message"]["level"] == "error" {
            let id = msg["package_id"].as_str().unwrap_or("").to_string();
            errors.push_str(msg["message"]["rendered"].as_str().unwrap_or(""));
            failed.insert(id);
        }
    }
    let failed_package = |package: &str| {
        failed
            .iter()
            .any(|id| id.contains(&format!("#{package}@")) || id.contains(&format!("/{package}#")))
    };
    let mut wrong = Vec::new();
    for (name, _, should_compile) in &cases {
        let package = format!("case-{}", name.replace('_', "-"));
        assert!(
            !failed_package(&package),
            "the crate generated for `{name}` does not compile:\n{errors}"
        );
        let compiled = !failed_package(&format!("{package}-usage"));
        if compiled != *should_compile {
            wrong.push(format!(
                "{name}: the report says it {} compile, but it {}",
                if *should_compile {
                    "should"
                } else {
                    "should not"
                },
                if compiled { "does" } else { "does not" }
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{}\n\ncompiler errors:\n{errors}\n{}",
        wrong.join("\n"),
        String::from_utf8_lossy(&output.stderr)
    );
}
