//! Codegen scaling: the generator's time and output for specs of 1, 10, 100 and 1000 operations
//! made from openapi.yaml (distinct paths, ids and schemas), per operation, and t(1000)/t(100).

use std::path::Path;
use std::time::{Duration, Instant};

/// openapi.yaml with its one operation copied `n` times, each copy with its own schemas.
fn spec_with(n: usize) -> String {
    let spec = xtask::build_scale::synthetic_spec(&invent_tests::spec().json, n);
    // JSON is YAML: the generator reads it like openapi.yaml.
    serde_json::to_string(&spec).unwrap()
}

/// Parse, normalize and generate every file, as `cargo xtask generate` does; the time and the
/// lines generated (SDK, CLI, mock).
fn time_generation(text: &str) -> (Duration, [usize; 3]) {
    let started = Instant::now();
    let spec = xtask::spec::parse(Path::new("openapi.yaml"), text).unwrap();
    let files = xtask::generate_from_spec(Path::new("openapi.yaml"), &spec).unwrap();
    let elapsed = started.elapsed();
    let lines: Vec<usize> = files.iter().map(|f| f.contents.lines().count()).collect();
    (elapsed, lines.try_into().expect("three files"))
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then one small size only.
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if full { &[1, 10, 100, 1000] } else { &[1] };
    let mut results = Vec::new();
    println!(
        "{:>10} {:>10} {:>14} {:>10} {:>8} {:>8}",
        "operations", "time", "per operation", "SDK lines", "CLI", "mock"
    );
    for &n in sizes {
        let text = spec_with(n);
        let runs = if n >= 1000 { 1 } else { 3 };
        let (best, lines) = (0..runs).map(|_| time_generation(&text)).min().unwrap();
        println!(
            "{n:>10} {:>10.1?} {:>14.2?} {:>10} {:>8} {:>8}",
            best,
            best / n as u32,
            lines[0],
            lines[1],
            lines[2]
        );
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
