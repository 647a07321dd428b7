//! `cargo xtask diff` on a table of spec edits: each edit's expected class and version bump,
//! and a snapshot of the Markdown a reviewer reads. The edits change a copy of openapi.yaml.

#[path = "common/edits.rs"]
mod edits;

use edits::{EDITS, base, prop, remove, report, schema, text};
use serde_json::json;
use xtask::diff::{Class, Report, Version};

#[test]
fn each_edit_is_classified_and_reported() {
    assert!(EDITS.len() >= 30);
    let mut wrong = Vec::new();
    for (name, edit, expected) in EDITS {
        let report = report(*edit);
        if report.class() != *expected {
            wrong.push(format!(
                "{name}: expected {expected:?}, got {:?}\n{}",
                report.class(),
                report.markdown()
            ));
        }
        let bump = expected.map(|c| Version(0, 1, 0).after(c));
        if report.required_version() != bump {
            wrong.push(format!("{name}: bump {:?}", report.required_version()));
        }
        insta::assert_snapshot!(format!("diff_{name}"), report.markdown());
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn no_change_is_an_empty_report_that_does_not_fail() {
    let report = report(|_| {});
    assert_eq!(report.markdown(), "");
    assert!(report.changes.is_empty() && report.api.is_empty());
    assert!(!report.fails(Class::Additive));
    assert!(report.version_ok());
}

#[test]
fn fail_on_and_the_version_check_follow_the_class() {
    let additive = report(
        EDITS
            .iter()
            .find(|e| e.0 == "nested_property_added")
            .unwrap()
            .1,
    );
    assert!(additive.fails(Class::Additive));
    assert!(!additive.fails(Class::Breaking));
    let breaking = report(EDITS.iter().find(|e| e.0 == "operation_removed").unwrap().1);
    assert!(breaking.fails(Class::Breaking));
    assert!(!breaking.version_ok());
    let bumped = Report::new(
        "base",
        &text(&base()),
        &{
            let mut s = base();
            remove(
                &mut s["paths"]["/orgs/{org_id}/assistants/{assistant_id}"],
                "get",
            );
            text(&s)
        },
        Version(0, 1, 0),
        Version(0, 2, 0),
    )
    .unwrap();
    assert!(bumped.version_ok());
    assert!(
        bumped
            .markdown()
            .contains("`Cargo.toml` says 0.2.0: it has the bump.")
    );
}

#[test]
fn the_json_report_carries_every_change_with_both_columns() {
    let report = report(
        EDITS
            .iter()
            .find(|e| e.0 == "enum_value_removed")
            .unwrap()
            .1,
    );
    let json = report.json();
    assert_eq!(json["class"], "breaking");
    assert_eq!(json["required_version"], "0.2.0");
    let changes = json["changes"].as_array().unwrap();
    assert_eq!(changes.len(), report.changes.len());
    assert!(
        changes
            .iter()
            .any(|c| c["rule"] == "response_enum_value_removed"
                && c["wire"]["effect"] == "compatible"
                && c["rust"]["effect"] == "breaking")
    );
}

#[test]
fn the_changelog_entry_sorts_changes_into_sections() {
    let report = report(|s| {
        *prop(s, "UpdateAssistant", "nickname") = json!({"type": "string"});
        remove(&mut schema(s, "UpdateAssistant")["properties"], "enabled");
        prop(s, "UpdateAssistant", "name")["description"] = json!("Display name");
    });
    let entries = xtask::diff::changelog::entries(&report);
    let log = xtask::diff::changelog::add("# Changelog\n\n## [0.1.0] - 2026-01-01\n", &entries);
    insta::assert_snapshot!(log);
}

#[test]
fn the_rules_document_prints_the_rules_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/spec-changes.md");
    let doc = std::fs::read_to_string(&path).expect("docs/spec-changes.md exists");
    let (begin, end) = ("<!-- rules:begin -->\n", "<!-- rules:end -->");
    let (Some(start), Some(stop)) = (doc.find(begin), doc.find(end)) else {
        panic!("docs/spec-changes.md has no `{begin}` … `{end}` markers");
    };
    let table = xtask::diff::rules::table();
    let expected = format!("{}{table}{}", &doc[..start + begin.len()], &doc[stop..]);
    if std::env::var_os("INVENT_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).expect("docs/spec-changes.md is writable");
    }
    assert!(
        doc == expected,
        "docs/spec-changes.md does not hold the rules table of xtask/src/maintain/diff/rules.rs; \
         run `INVENT_UPDATE_DOCS=1 cargo test -p xtask --test diff` to rewrite it"
    );
}

/// The edit the README's "Review a spec change" shows: an optional property and an enum value.
fn readme_edit(spec: &mut serde_json::Value) {
    *prop(spec, "UpdateAssistant", "nickname") = json!({"type": "string", "nullable": true});
    schema(spec, "Language")["enum"]
        .as_array_mut()
        .expect("Language is an enum")
        .push(json!("de"));
}

#[test]
fn the_readme_shows_the_report_the_command_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let written = std::fs::read_to_string(root.join("openapi.yaml")).unwrap();
    let old = xtask::spec::document(&written).unwrap();
    let mut new = old.clone();
    readme_edit(&mut new);
    let report = Report::new(
        "HEAD",
        &written,
        &text(&new),
        Version(0, 1, 0),
        Version(0, 1, 0),
    )
    .unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let (begin, end) = ("<!-- diff-example:begin -->\n", "<!-- diff-example:end -->");
    let shown = readme
        .split_once(begin)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(shown, _)| shown)
        .expect("README.md has the diff example between its markers");
    let printed = format!("````markdown\n{}````\n", report.markdown());
    if std::env::var_os("INVENT_UPDATE_DOCS").is_some() && shown != printed {
        let at = readme.find(begin).unwrap() + begin.len();
        let updated = format!("{}{printed}{}", &readme[..at], &readme[at + shown.len()..]);
        std::fs::write(root.join("README.md"), updated).unwrap();
    }
    assert_eq!(
        shown, printed,
        "run `INVENT_UPDATE_DOCS=1 cargo test -p xtask --test diff`"
    );
}
