//! `cargo xtask conformance SPEC…`: any spec's generated CLI (the SDK's typed builders behind
//! flags) sends one request per operation to Prism serving that spec; every verdict is counted.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use heck::ToKebabCase;
use serde_json::{Map, Value, json};

use crate::recorder::{Exchange, Recorder};
use crate::{examples, json_schema};

/// What happened to the operations of one spec.
#[derive(Default)]
pub struct Report {
    pub spec: String,
    pub operations: usize,
    /// Prism found the request valid and the SDK read the response.
    pub passed: usize,
    /// The SDK refused a response that is not valid against the spec (rightly).
    pub off_spec_responses: usize,
    /// Not tried, by reason (what the run cannot send yet), each with up to three examples.
    pub skipped: BTreeMap<String, (usize, Vec<String>)>,
    /// Failures by kind, each with up to three examples.
    pub failures: BTreeMap<String, (usize, Vec<String>)>,
}

impl Report {
    fn fail(&mut self, kind: &str, example: String) {
        count(&mut self.failures, kind, example);
    }

    fn skip(&mut self, reason: &str, example: String) {
        count(&mut self.skipped, reason, example);
    }

    pub fn skipped(&self) -> usize {
        self.skipped.values().map(|(n, _)| n).sum()
    }

    pub fn failed(&self) -> usize {
        self.failures.values().map(|(n, _)| n).sum()
    }
}

fn count(tally: &mut BTreeMap<String, (usize, Vec<String>)>, kind: &str, example: String) {
    let entry = tally.entry(kind.to_string()).or_default();
    entry.0 += 1;
    if entry.1.len() < 3 {
        entry.1.push(example);
    }
}

/// The command line's own flags: an operation's flag of the same name is `--api-<name>`.
const OWN_FLAGS: [&str; 8] = [
    "api-key",
    "api-key-file",
    "basic-auth",
    "base-url",
    "timeout",
    "max-retries",
    "verbose",
    "show-secrets",
];

/// Generates and builds the CLI of every spec in the outside-spec workspace, then runs each
/// against Prism.
pub fn run(root: &Path, specs: &[PathBuf]) -> Result<Vec<Report>, String> {
    let members = xtask::scratch::corpus_members(specs);
    let (dir, target) = xtask::scratch::corpus_dirs(root);
    let outcomes = xtask::scratch::update(root, &dir, &members).map_err(|e| e.to_string())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let mut reports = Vec::new();
    for (member, outcome) in members.iter().zip(outcomes) {
        if let Err(e) = outcome.result {
            return Err(format!("{} is refused: {e}", member.spec.display()));
        }
        eprintln!(
            "conformance: building the CLI of {} …",
            member.spec.display()
        );
        xtask::scratch::cargo(
            &dir,
            &target,
            &["build", "-p", &format!("{}-cli", member.name)],
        )
        .map_err(|e| e.to_string())?;
        let cli = target.join("debug").join(&member.name);
        let spec = xtask::spec::load(&member.spec).map_err(|e| e.to_string())?;
        let written = std::fs::read_to_string(&member.spec).map_err(|e| e.to_string())?;
        let (original, _) = xtask::spec::as_3_0(&written)?;
        let mut report = Report {
            spec: member.spec.display().to_string(),
            ..Report::default()
        };
        let served = target
            .join("conformance-specs")
            .join(format!("{}.json", member.name));
        let mut document = xtask::spec::document(&written)?;
        without_examples(&mut document, false);
        std::fs::create_dir_all(served.parent().expect("a folder"))
            .and_then(|()| std::fs::write(&served, document.to_string()))
            .map_err(|e| format!("{}: {e}", served.display()))?;
        let prism = match crate::prism::start(root, &served) {
            Ok(prism) => prism,
            Err(e) => {
                // Nothing of this spec can be judged; the other specs still are.
                report.fail("the mock server could not serve the spec", e);
                reports.push(report);
                continue;
            }
        };
        let recorder = runtime.block_on(Recorder::start(prism.url()));
        let scratch = tempfile_dir(&target, &member.name)?;
        for op in spec.operations() {
            report.operations += 1;
            let call = match arguments(&spec.json, &original, &op, &scratch) {
                Ok(call) => call,
                Err(Skip(reason, example)) => {
                    let at = format!("{} {}", op.method.to_uppercase(), op.path);
                    report.skip(&reason, format!("{at}: {example}"));
                    continue;
                }
            };
            let output = Command::new(&cli)
                .args(["--base-url", recorder.url(), "--api-key", "sk_conformance"])
                .args(["--basic-auth", "conformance:secret"])
                .args(["--max-retries", "0", "--timeout", "30"])
                .arg(xtask::spec::names::operation_name(op.id).replace('_', "-"))
                .args(&call)
                .output()
                .map_err(|e| format!("cannot run {}: {e}", cli.display()))?;
            judge(&mut report, &spec.json, &op, &output, recorder.take());
        }
        drop(prism);
        reports.push(report);
    }
    Ok(reports)
}

/// The document without its `example`s and `examples`, which Prism does not need to check
/// requests or to make responses from schemas, and whose contents it would resolve as if they
/// were part of the document (a SCIM example's `$ref` to a live URL stops it). `names`: the
/// object maps names (of properties, paths…) to parts, so an `example` key there is a name.
fn without_examples(value: &mut Value, names: bool) {
    const NAME_MAPS: [&str; 8] = [
        "properties",
        "paths",
        "schemas",
        "responses",
        "parameters",
        "headers",
        "content",
        "securitySchemes",
    ];
    match value {
        Value::Object(object) => {
            if !names {
                object.remove("example");
                object.remove("examples");
            }
            for (key, child) in object.iter_mut() {
                without_examples(child, !names && NAME_MAPS.contains(&key.as_str()));
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| without_examples(item, false)),
        _ => {}
    }
}

/// Why an operation is not tried, and the detail.
struct Skip(String, String);

/// The flags of one call: each parameter's value (made valid against the schema as the spec
/// wrote it, then written in its style) and a `--json-body` file.
fn arguments(
    spec: &Value,
    original: &Value,
    op: &xtask::spec::Operation,
    scratch: &Path,
) -> Result<Vec<String>, Skip> {
    let mut flags = Vec::new();
    for parameter in op.parameters() {
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or("");
        let place = parameter.get("in").and_then(Value::as_str).unwrap_or("");
        let wire = xtask::spec::names::wire_name(parameter);
        let schema = parameter.get("schema").cloned().unwrap_or(json!({}));
        let written = written_parameter(original, op, wire, place);
        let (value, style) = match &written {
            Some(w) => (
                w.get("schema")
                    .and_then(|s| examples::valid(original, s))
                    .or_else(|| examples::valid(spec, &schema)),
                style(w),
            ),
            None => (examples::valid(spec, &schema), (",", false)),
        };
        let Some(value) = value else {
            return Err(Skip(
                format!("no valid value of a {place} parameter could be made"),
                format!("`{name}`: {schema}"),
            ));
        };
        let mut flag = name.to_kebab_case();
        if OWN_FLAGS.contains(&flag.as_str()) {
            flag = format!("api-{flag}");
        }
        let typed_list = schema.get("type").and_then(Value::as_str) == Some("array");
        // A value the SDK holds in a runtime wrapper (`invent::Simple`, `invent::DeepObject`):
        // its flag takes the value's JSON text.
        let held = schema.get("x-rust-type").is_some();
        match value {
            value if held => {
                flags.push(format!("--{flag}"));
                flags.push(value.to_string());
            }
            Value::Array(items) if typed_list => {
                for item in items {
                    flags.push(format!("--{flag}"));
                    flags.push(text(&item));
                }
            }
            Value::Array(items) => {
                flags.push(format!("--{flag}"));
                let (separator, _) = style;
                flags.push(items.iter().map(text).collect::<Vec<_>>().join(separator));
            }
            value => {
                flags.push(format!("--{flag}"));
                flags.push(text(&value));
            }
        }
    }
    if let Some(body) = op.json.get("requestBody") {
        let content = body.get("content").and_then(Value::as_object);
        let json_media = content.into_iter().flatten().find(|(media, _)| {
            // A form body is typed too, and given to the CLI as JSON.
            xtask::spec::view::is_json(media)
                || media.starts_with("application/x-www-form-urlencoded")
        });
        let Some((_, media)) = json_media else {
            let media: Vec<&String> = content.into_iter().flatten().map(|(m, _)| m).collect();
            return Err(Skip(
                "a request body that is not JSON".into(),
                format!("{media:?}"),
            ));
        };
        let schema = media.get("schema").cloned().unwrap_or(json!({}));
        let value = examples::valid(spec, &schema).ok_or_else(|| {
            Skip(
                "no valid request body could be made".into(),
                schema.to_string().chars().take(200).collect(),
            )
        })?;
        let file = scratch.join(format!(
            "{}.json",
            op.id.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ));
        std::fs::write(&file, value.to_string())
            .map_err(|e| Skip("the body file".into(), e.to_string()))?;
        flags.push("--json-body".into());
        flags.push(file.display().to_string());
    }
    Ok(flags)
}

/// The parameter as the spec wrote it (path-level ones included, `$ref`s followed).
fn written_parameter(
    original: &Value,
    op: &xtask::spec::Operation,
    wire: &str,
    place: &str,
) -> Option<Map<String, Value>> {
    let item = original.get("paths")?.get(op.path)?;
    let lists = [
        item.get(op.method)?.get("parameters"),
        item.get("parameters"),
    ];
    lists
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
        .map(|p| {
            p.get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|r| original.pointer(r))
                .unwrap_or(p)
        })
        .filter_map(Value::as_object)
        .find(|p| {
            p.get("name").and_then(Value::as_str) == Some(wire)
                && p.get("in").and_then(Value::as_str) == Some(place)
        })
        .cloned()
}

/// The separator of a list parameter's items in one value, and whether it explodes.
fn style(parameter: &Map<String, Value>) -> (&'static str, bool) {
    let style = parameter.get("style").and_then(Value::as_str);
    let explode = parameter.get("explode").and_then(Value::as_bool);
    match style {
        Some("spaceDelimited") => (" ", false),
        Some("pipeDelimited") => ("|", false),
        _ => (
            ",",
            explode.unwrap_or(style.is_none() || style == Some("form")),
        ),
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Counts one call: Prism's verdict on the request, and whether the SDK read a valid answer.
fn judge(
    report: &mut Report,
    spec: &Value,
    op: &xtask::spec::Operation,
    output: &std::process::Output,
    exchanges: Vec<Exchange>,
) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first_line = stderr.lines().next().unwrap_or("").to_string();
    let at = format!("{} {}", op.method.to_uppercase(), op.path);
    let Some(exchange) = exchanges.last() else {
        report.fail("not sent", format!("{at}: {first_line}"));
        return;
    };
    let request_violations: Vec<Value> = exchange
        .violations
        .as_deref()
        .and_then(|v| serde_json::from_str::<Vec<Value>>(v).ok())
        .unwrap_or_default()
        .into_iter()
        // Prism's warnings (a deprecated parameter used) are not violations of the spec.
        .filter(|v| v["location"][0] == "request" && v["severity"] != "Warning")
        .collect();
    if request_violations.is_empty() && exchange.status >= 500 {
        // Prism could not make a response (a websocket, a stream): nothing to judge.
        let why = String::from_utf8_lossy(&exchange.body)
            .chars()
            .take(160)
            .collect::<String>();
        report.skip(
            "the mock server could not answer (5xx)",
            format!("{at}: {why}"),
        );
        return;
    }
    if !request_violations.is_empty() || exchange.status >= 400 {
        let why = request_violations
            .first()
            .map(|v| format!("{} at {}", v["message"], v["location"]))
            .unwrap_or_else(|| format!("status {}", exchange.status));
        report.fail("refused by Prism", format!("{at}: {why}"));
        return;
    }
    match output.status.code() {
        Some(0) => report.passed += 1,
        Some(1) => {
            let body: Value = serde_json::from_slice(&exchange.body).unwrap_or(Value::Null);
            let schema = response_schema(op, exchange.status);
            let valid = schema
                .and_then(|s| json_schema::validator_of(spec, &s))
                .is_some_and(|v| v.is_valid(&body));
            if valid {
                report.fail("a valid response not read", format!("{at}: {first_line}"));
            } else {
                report.off_spec_responses += 1;
            }
        }
        _ => report.fail("the CLI failed", format!("{at}: {first_line}")),
    }
}

/// The JSON schema of the operation's response with `status` (or its `default`).
fn response_schema(op: &xtask::spec::Operation, status: u16) -> Option<Value> {
    let responses = op.json.get("responses")?;
    let response = responses
        .get(status.to_string())
        .or_else(|| responses.get(format!("{}XX", status / 100)))
        .or_else(|| responses.get("default"))?;
    let content = response.get("content")?.as_object()?;
    content
        .iter()
        .find(|(media, _)| xtask::spec::view::is_json(media))
        .and_then(|(_, media)| media.get("schema").cloned())
}

fn tempfile_dir(target: &Path, name: &str) -> Result<PathBuf, String> {
    let dir = target.join("conformance-bodies").join(name);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use std::os::unix::process::ExitStatusExt;

    use super::*;

    #[test]
    fn examples_go_and_properties_named_example_stay() {
        let mut doc = json!({
            "paths": {"/a": {"get": {"responses": {"200": {"content": {"application/json": {
                "example": {"$ref": "https://example.com/live"},
                "schema": {"properties": {"example": {"type": "string", "example": "x"}}}
            }}}}}}}
        });
        without_examples(&mut doc, false);
        let media = &doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"];
        assert!(media.get("example").is_none());
        assert_eq!(
            media["schema"]["properties"]["example"],
            json!({"type": "string"})
        );
    }

    fn spec() -> Value {
        json!({
            "paths": {"/things": {"get": {
                "operationId": "get_things",
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "schema": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}
                }}}}
            }}},
            "components": {"schemas": {}}
        })
    }

    fn exchange(status: u16, violations: Option<&str>, body: &str) -> Exchange {
        Exchange {
            method: "GET".into(),
            target: "/things".into(),
            status,
            violations: violations.map(str::to_string),
            content_type: Some("application/json".into()),
            body: body.as_bytes().to_vec(),
        }
    }

    fn verdict(exit: i32, exchanges: Vec<Exchange>) -> Report {
        let spec = spec();
        let op = xtask::spec::Operation {
            id: "get_things",
            method: "get",
            path: "/things",
            json: spec["paths"]["/things"]["get"].as_object().unwrap(),
        };
        let output = std::process::Output {
            status: std::process::ExitStatus::from_raw(exit << 8),
            stdout: Vec::new(),
            stderr: b"invent: the 200 OK response does not match".to_vec(),
        };
        let mut report = Report::default();
        judge(&mut report, &spec, &op, &output, exchanges);
        report
    }

    #[test]
    fn each_verdict_is_counted_where_it_belongs() {
        assert_eq!(
            verdict(0, vec![exchange(200, None, r#"{"n":1}"#)]).passed,
            1
        );
        let flagged = r#"[{"location":["request","query"],"message":"must be integer"}]"#;
        let refused = verdict(0, vec![exchange(200, Some(flagged), "{}")]);
        assert_eq!(
            refused.failures["refused by Prism"].0, 1,
            "Prism's verdict, not the status"
        );
        assert_eq!(verdict(3, vec![exchange(422, None, "{}")]).failed(), 1);
        assert_eq!(verdict(2, vec![]).failures["not sent"].0, 1);
        assert_eq!(verdict(3, vec![exchange(500, None, "{}")]).skipped(), 1);
        // A response the SDK refused: rightly when it is off-spec, wrongly when it is valid.
        assert_eq!(
            verdict(1, vec![exchange(200, None, r#"{"n":"one"}"#)]).off_spec_responses,
            1
        );
        let wrongly = verdict(1, vec![exchange(200, None, r#"{"n":1}"#)]);
        assert_eq!(wrongly.failures["a valid response not read"].0, 1);
    }
}
