//! Generates every file from openapi.yaml with its operation copied N times (the codegen
//! bench's synthetic spec), once: run under `valgrind --tool=callgrind` or `perf stat`.

use std::path::Path;

fn main() -> std::process::ExitCode {
    let Some(Ok(n)) = std::env::args().nth(1).map(|n| n.parse::<usize>()) else {
        eprintln!("usage: generate N   (N operations)");
        return std::process::ExitCode::from(2);
    };
    let spec = xtask::build_scale::synthetic_spec(&invent_tests::spec().json, n);
    // JSON is YAML: the generator reads it like openapi.yaml.
    let text = serde_json::to_string(&spec).expect("JSON");
    let started = std::time::Instant::now();
    let generated = xtask::spec::parse(Path::new("openapi.yaml"), &text)
        .and_then(|spec| xtask::generate_from_spec(Path::new("openapi.yaml"), &spec));
    match generated {
        Ok(files) => {
            let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
            println!("{n} operations: {lines} lines in {:.2?}", started.elapsed());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
