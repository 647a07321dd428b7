//! Client overhead: `update_assistant` through the SDK against raw reqwest with a hand-built
//! request and the same parsing, one call at a time and 64 at once, on a loopback server.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use invent::types::UpdateAssistant;
use invent_tests::calls::{self, KEY};
use invent_tests::server::{Reply, Server};
use tokio::task::JoinSet;

fn client(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(Server::start_repeating(Reply::json(
        200,
        &invent_tests::fixtures::assistant(),
    )));
    let sdk = Arc::new(
        invent::Client::builder()
            .api_key(KEY)
            .base_url(server.url())
            .build()
            .unwrap(),
    );
    let no_retries = invent::Client::builder()
        .api_key(KEY)
        .base_url(server.url())
        .max_retries(0)
        .build()
        .unwrap();
    // Built after an `invent` client, which installed the TLS provider both use.
    let raw = reqwest::Client::new();
    let url = Arc::new(format!("{}/orgs/c/assistants/ast_1", server.url()));
    let body: Arc<UpdateAssistant> =
        Arc::new(serde_json::from_value(invent_tests::fixtures::update_assistant()).unwrap());

    let mut one = c.benchmark_group("one call");
    one.bench_function("invent", |b| {
        b.to_async(&runtime).iter(|| calls::sdk(&sdk, &body))
    });
    one.bench_function("invent, retries off", |b| {
        b.to_async(&runtime).iter(|| calls::sdk(&no_retries, &body))
    });
    one.bench_function("raw reqwest", |b| {
        b.to_async(&runtime).iter(|| calls::raw(&raw, &url, &body))
    });
    one.finish();

    let mut many = c.benchmark_group("64 concurrent calls");
    many.sample_size(20);
    many.bench_function("invent", |b| {
        b.to_async(&runtime).iter(|| async {
            let mut calls = JoinSet::new();
            for _ in 0..64 {
                let (sdk, body) = (sdk.clone(), body.clone());
                calls.spawn(async move { calls::sdk(&sdk, &body).await });
            }
            calls.join_all().await
        })
    });
    many.bench_function("raw reqwest", |b| {
        b.to_async(&runtime).iter(|| async {
            let mut calls = JoinSet::new();
            for _ in 0..64 {
                let (raw, url, body) = (raw.clone(), url.clone(), body.clone());
                calls.spawn(async move { calls::raw(&raw, &url, &body).await });
            }
            calls.join_all().await
        })
    });
    many.finish();
}

criterion_group!(benches, client);
criterion_main!(benches);
