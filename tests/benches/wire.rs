//! Wire-type throughput: decode and encode a ~2 KB `Assistant` and an `UpdateAssistant` with
//! the invent types, stock progenitor types from the same spec, and plain serde structs.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// progenitor's output for openapi.yaml with default settings: the baseline a user of
/// progenitor alone would get (unknown properties dropped, closed enums, no tri-state).
mod stock {
    progenitor::generate_api!("../openapi.yaml");
}

/// Hand-written serde structs of the same shape: what a user would write without a generator.
mod plain {
    use serde::{Deserialize, Serialize};
    use serde_json::{Map, Value};

    #[derive(Serialize, Deserialize)]
    pub struct Assistant {
        pub id: String,
        pub name: String,
        pub enabled: bool,
        pub deleted: bool,
        pub secret_key: Option<String>,
        pub avatar_url: Option<String>,
        pub config: AssistantConfig,
        pub integrations: Vec<Integration>,
        pub actions: Vec<Action>,
        pub created_at: Option<String>,
        pub updated_at: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct UpdateAssistant {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub name: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enabled: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub avatar_id: Option<Option<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub config: Option<AssistantConfig>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct AssistantConfig {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub language: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub model: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub stt: Option<Model>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub tts: Option<Model>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub conversation: Option<Conversation>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub knowledge_scope: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub timezone: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub instructions: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Model {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub model: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub voice_id: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Conversation {
        #[serde(skip_serializing_if = "Option::is_none")]
        pub thread_mode: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_memories: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_transfer_to_human_tool: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub welcome_banner: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub suggested_messages: Option<Vec<String>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub auto_intro_message: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_end_conversation_tool: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_block_contact_tool: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_auto_resolve: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_auto_follow_ups: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_auto_csat: Option<bool>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub enable_private_chats: Option<bool>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Integration {
        pub id: Option<String>,
        pub enabled: Option<bool>,
        pub integration_id: Option<String>,
        pub assistant_id: Option<String>,
        pub connection_id: Option<String>,
        pub config: Option<Map<String, Value>>,
        pub error: Option<String>,
        pub created_at: Option<String>,
        pub updated_at: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Action {
        pub id: Option<String>,
        pub enabled: Option<bool>,
        pub name: Option<String>,
        pub instructions: Option<String>,
        pub action_id: Option<String>,
        pub assistant_id: Option<String>,
        pub connection_id: Option<String>,
        pub config: Option<ActionConfig>,
        pub created_at: Option<String>,
        pub updated_at: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct ActionConfig {
        pub input: Option<Map<String, Value>>,
        pub definitions: Option<Vec<Definition>>,
    }

    #[derive(Serialize, Deserialize)]
    pub struct Definition {
        pub path: Option<String>,
        pub definition: Option<Map<String, Value>>,
    }
}

/// Decode and encode benchmarks of one document with the three families of types.
fn compare<I, S, P>(c: &mut Criterion, name: &str, document: &serde_json::Value)
where
    I: DeserializeOwned + Serialize,
    S: DeserializeOwned + Serialize,
    P: DeserializeOwned + Serialize,
{
    let text = serde_json::to_vec(document).unwrap();
    let mut decode = c.benchmark_group(format!("decode {name}"));
    decode.throughput(Throughput::Bytes(text.len() as u64));
    decode.bench_with_input(BenchmarkId::new("invent", text.len()), &text, |b, t| {
        b.iter(|| serde_json::from_slice::<I>(t).unwrap())
    });
    decode.bench_with_input(
        BenchmarkId::new("stock progenitor", text.len()),
        &text,
        |b, t| b.iter(|| serde_json::from_slice::<S>(t).unwrap()),
    );
    decode.bench_with_input(
        BenchmarkId::new("plain serde", text.len()),
        &text,
        |b, t| b.iter(|| serde_json::from_slice::<P>(t).unwrap()),
    );
    decode.finish();

    let (ours, stock, plain): (I, S, P) = (
        serde_json::from_slice(&text).unwrap(),
        serde_json::from_slice(&text).unwrap(),
        serde_json::from_slice(&text).unwrap(),
    );
    let mut encode = c.benchmark_group(format!("encode {name}"));
    encode.throughput(Throughput::Bytes(text.len() as u64));
    encode.bench_function("invent", |b| b.iter(|| serde_json::to_vec(&ours).unwrap()));
    encode.bench_function("stock progenitor", |b| {
        b.iter(|| serde_json::to_vec(&stock).unwrap())
    });
    encode.bench_function("plain serde", |b| {
        b.iter(|| serde_json::to_vec(&plain).unwrap())
    });
    encode.finish();
}

/// The check of a request body against the spec's limits before sending: `invent::limits`
/// reads only the values the limits look at; reading the whole body into a `Value` (what the
/// check did before) is the comparison.
fn limits(c: &mut Criterion) {
    use invent::limits::{Limit, Place, Rule, Step};
    let body = serde_json::to_vec(&invent_tests::fixtures::update_assistant()).unwrap();
    let limits = [Limit {
        place: Place::Body(&[Step::Key("name")]),
        name: "`UpdateAssistant.name`",
        rule: Rule {
            min_length: Some(1),
            max_length: Some(1024),
            ..Rule::NONE
        },
    }];
    let mut request = reqwest::Request::new(
        reqwest::Method::PATCH,
        "https://api.useinvent.com/orgs/c/assistants/a"
            .parse()
            .unwrap(),
    );
    *request.body_mut() = Some(body.clone().into());
    let mut group = c.benchmark_group(format!("request limits, {}-byte body", body.len()));
    group.bench_function("invent::limits::check", |b| {
        b.iter(|| invent::limits::check(&limits, &request).unwrap())
    });
    group.bench_function("whole body into a Value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(&body).unwrap())
    });
    group.finish();
}

fn wire(c: &mut Criterion) {
    limits(c);
    compare::<invent::types::Assistant, stock::types::Assistant, plain::Assistant>(
        c,
        "Assistant",
        &invent_tests::fixtures::assistant(),
    );
    compare::<invent::types::Assistant, stock::types::Assistant, plain::Assistant>(
        c,
        "Assistant, known properties only",
        &invent_tests::fixtures::assistant_known_only(),
    );
    compare::<invent::types::UpdateAssistant, stock::types::UpdateAssistant, plain::UpdateAssistant>(
        c,
        "UpdateAssistant",
        &invent_tests::fixtures::update_assistant(),
    );
}

criterion_group!(benches, wire);
criterion_main!(benches);
