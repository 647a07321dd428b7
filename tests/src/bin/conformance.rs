//! `cargo xtask conformance`: the SDK's requests against Prism, an independent mock server of
//! openapi.yaml that validates each request; checks Prism accepts all and responses parse.

use std::path::PathBuf;
use std::process::ExitCode;

use invent::types::{
    AssistantConfig, ConversationSettings, KnowledgeScope, Language, SpeechToText, TextToSpeech,
    ThreadMode, UpdateAssistant, UpdateAssistantName,
};
use invent::{Client, Error, Patch};
use serde_json::{Map, Value, json};

const REQUESTS: usize = 240;

/// A varied, spec-valid body: every tri-state, empty and non-empty lists, unknown properties.
fn body(rng: &mut fastrand::Rng) -> UpdateAssistant {
    let text = |rng: &mut fastrand::Rng, max: usize| -> String {
        let len = rng.usize(1..=max);
        (0..len)
            .map(|_| ['a', 'Z', '7', ' ', 'é', '→', '"', '/'][rng.usize(..8)])
            .collect()
    };
    let mut extra = Map::new();
    if rng.bool() {
        extra.insert(
            format!("future_{}", rng.u16(..)),
            json!({"nested": [1, "two", null]}),
        );
    }
    // The types are `#[non_exhaustive]`: a test that sets each field at random starts from
    // the default value and assigns fields (examples use the builders instead).
    let conversation = rng.bool().then(|| {
        let mut conversation = ConversationSettings::default();
        conversation.thread_mode = rng.bool().then_some(ThreadMode::New);
        conversation.suggested_messages = match rng.u8(..3) {
            0 => None,
            1 => Some(vec![]),
            _ => Some((0..rng.usize(1..4)).map(|_| text(rng, 40)).collect()),
        };
        conversation.enable_memories = rng.bool().then(|| rng.bool());
        conversation.welcome_banner = rng.bool().then(|| text(rng, 80));
        conversation
    });
    let config = rng.bool().then(|| {
        let mut config = AssistantConfig::default();
        config.language = rng.bool().then_some(Language::Auto);
        config.knowledge_scope = rng.bool().then_some(KnowledgeScope::All);
        config.model = rng.bool().then(|| text(rng, 20));
        config.stt = rng.bool().then(|| {
            let mut stt = SpeechToText::default();
            stt.model = Some(text(rng, 20));
            stt
        });
        config.tts = rng.bool().then(|| {
            let mut tts = TextToSpeech::default();
            tts.voice_id = Some(text(rng, 20));
            tts
        });
        config.conversation = conversation;
        config.instructions = rng.bool().then(|| text(rng, 500));
        config
    });
    let mut body = UpdateAssistant::default();
    body.name = rng
        .bool()
        .then(|| UpdateAssistantName::try_from(text(rng, 1024)).unwrap());
    body.enabled = rng.bool().then(|| rng.bool());
    body.avatar_id = match rng.u8(..3) {
        0 => Patch::Absent,
        1 => Patch::Null,
        _ => Patch::Value(text(rng, 30)),
    };
    body.config = config;
    body.extra = extra.into();
    body
}

#[derive(Default)]
struct Tally {
    sent: usize,
    accepted: usize,
    parsed: usize,
    /// Responses Prism generated that are not valid against the spec (checked with an
    /// independent JSON Schema validator), which the SDK rightly refused.
    refused_off_spec: usize,
    /// The first reason one of them is off-spec.
    off_spec_example: Option<String>,
    failures: Vec<String>,
}

async fn run(base_url: &str) -> Tally {
    let client = Client::builder()
        .api_key("sk_conformance")
        .base_url(base_url)
        .max_retries(0)
        .build()
        .unwrap();
    // Built after an `invent` client, which installed the TLS provider both use.
    let raw = reqwest::Client::new();
    let assistant_schema = invent_tests::json_schema::validator("Assistant");
    let mut rng = fastrand::Rng::with_seed(7);
    let mut tally = Tally::default();
    for i in 0..REQUESTS {
        let body = body(&mut rng);
        tally.sent += 1;
        // Ask Prism through the SDK; ask again raw, to read Prism's verdict headers.
        let result = client
            .update_assistant()
            .org_id("c")
            .assistant_id(format!("ast_{i}"))
            .body(body.clone())
            .send()
            .await;
        let verdict = raw
            .patch(format!("{base_url}/orgs/c/assistants/ast_{i}"))
            .bearer_auth("sk_conformance")
            .json(&body)
            .send()
            .await
            .map(|r| {
                (
                    r.status(),
                    r.headers()
                        .get("sl-violations")
                        .map(|v| v.to_str().unwrap_or("").to_string()),
                )
            });
        let (status, violations) = match verdict {
            Ok(v) => v,
            Err(e) => {
                tally
                    .failures
                    .push(format!("request {i}: Prism did not answer: {e}"));
                continue;
            }
        };
        let violations: Vec<Value> = violations
            .and_then(|v| serde_json::from_str(&v).ok())
            .unwrap_or_default();
        let request_violations: Vec<&Value> = violations
            .iter()
            .filter(|v| v["location"][0] == "request")
            .collect();
        if status.is_success() && request_violations.is_empty() {
            tally.accepted += 1;
        } else {
            tally.failures.push(format!(
                "request {i} refused by Prism ({status}): {request_violations:?}; body {}",
                serde_json::to_string(&body).unwrap()
            ));
            continue;
        }
        match result {
            Ok(_) => tally.parsed += 1,
            Err(Error::InvalidResponse { body, reason, .. }) => {
                let document: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                let reasons = invent_tests::json_schema::errors(&assistant_schema, &document);
                if reasons.is_empty() {
                    tally.failures.push(format!(
                        "request {i}: the SDK refused a valid response: {reason}"
                    ));
                } else {
                    tally.refused_off_spec += 1;
                    let reason = &reasons[0];
                    let short = reason
                        .char_indices()
                        .rev()
                        .nth(90)
                        .map_or(reason.as_str(), |(i, _)| &reason[i..]);
                    tally
                        .off_spec_example
                        .get_or_insert_with(|| format!("…{short}"));
                }
            }
            Err(e) => tally.failures.push(format!("request {i}: {e}")),
        }
    }
    tally
}

fn main() -> ExitCode {
    let specs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if !specs.is_empty() {
        return any_spec(&specs);
    }
    let root = invent_tests::root();
    let prism = match invent_tests::prism::start(&root, &root.join("openapi.yaml")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("conformance: {e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let tally = runtime.block_on(run(&prism.url()));
    drop(prism);
    for failure in tally.failures.iter().take(10) {
        eprintln!("  {failure}");
    }
    println!(
        "conformance: {} requests sent, {} accepted by Prism {} as valid against openapi.yaml; \
         {} responses parsed, {} refused as off-spec{}, {} failures",
        tally.sent,
        tally.accepted,
        xtask::tools::PRISM.1,
        tally.parsed,
        tally.refused_off_spec,
        tally
            .off_spec_example
            .map(|e| format!(" (e.g. {e})"))
            .unwrap_or_default(),
        tally.failures.len()
    );
    if tally.failures.is_empty() && tally.accepted == tally.sent && tally.sent >= 200 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Every operation of outside specs (files or folders of them) through their generated CLIs.
fn any_spec(paths: &[PathBuf]) -> ExitCode {
    let mut specs = Vec::new();
    for path in paths {
        match xtask::scratch::specs_in(path) {
            Ok(found) => specs.extend(found),
            Err(e) => {
                eprintln!("conformance: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let reports = match invent_tests::conformance::run(&invent_tests::root(), &specs) {
        Ok(reports) => reports,
        Err(e) => {
            eprintln!("conformance: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("| spec | operations | passed | off-spec responses refused | skipped | failed |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for r in &reports {
        let skipped = r.skipped();
        println!(
            "| {} | {} | {} | {} | {skipped} | {} |",
            r.spec,
            r.operations,
            r.passed,
            r.off_spec_responses,
            r.failed()
        );
    }
    for r in &reports {
        let both = [("skipped", &r.skipped), ("failed", &r.failures)];
        for (label, (kind, (n, examples))) in
            both.iter().flat_map(|(l, t)| t.iter().map(move |e| (l, e)))
        {
            println!("{}: {label} {n}: {kind}, e.g.", r.spec);
            for example in examples {
                println!("    {example}");
            }
        }
    }
    if reports.iter().all(|r| r.failed() == 0) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
