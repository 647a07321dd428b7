//! Codegen scaling: the generator's time for specs of 1, 10, 100 and 1000 operations made
//! from openapi.yaml (distinct paths and operation ids), per operation, and t(1000)/t(100).

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

/// openapi.yaml with its one operation copied `n` times under distinct paths and ids.
fn spec_with(n: usize) -> String {
    let mut spec = invent_tests::spec().json;
    let paths = spec["paths"].as_object().unwrap().clone();
    let (path, item) = paths.iter().next().unwrap();
    let mut grown = serde_json::Map::new();
    for i in 0..n {
        let mut copy = item.clone();
        for operation in copy.as_object_mut().unwrap().values_mut() {
            if let Some(id) = operation.get("operationId").and_then(Value::as_str) {
                operation["operationId"] = Value::String(format!("{id}_{i}"));
            }
        }
        grown.insert(
            path.replacen("/assistants/", &format!("/assistants{i}/"), 1),
            copy,
        );
    }
    spec["paths"] = Value::Object(grown);
    // JSON is YAML: the generator reads it like openapi.yaml.
    serde_json::to_string(&spec).unwrap()
}

/// Parse, normalize and generate every file, as `cargo xtask generate` does.
fn time_generation(text: &str) -> Duration {
    let started = Instant::now();
    let spec = xtask::spec::parse(Path::new("openapi.yaml"), text).unwrap();
    let files = xtask::generate_from_spec(Path::new("openapi.yaml"), &spec).unwrap();
    assert_eq!(files.len(), 3);
    started.elapsed()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then one small size only.
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full { &[1, 10, 100, 1000] } else { &[1] };
    let mut results = Vec::new();
    println!(
        "{:>10} {:>12} {:>16}",
        "operations", "time", "per operation"
    );
    for &n in sizes {
        let text = spec_with(n);
        let runs = if n >= 1000 { 1 } else { 3 };
        let best = (0..runs).map(|_| time_generation(&text)).min().unwrap();
        println!("{n:>10} {:>10.1?} {:>14.2?}", best, best / n as u32);
        results.push((n, best));
    }
    let time = |n: usize| {
        results
            .iter()
            .find(|(m, _)| *m == n)
            .map(|(_, t)| t.as_secs_f64())
    };
    if let (Some(t100), Some(t1000)) = (time(100), time(1000)) {
        println!(
            "t(1000)/t(100) = {:.2} (linear is 10; the target is at most 12)",
            t1000 / t100
        );
    }
}
