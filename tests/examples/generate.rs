//! Generates every file, once, from openapi.yaml with its operation copied N times (the codegen
//! bench's synthetic spec) or from the document at PATH: time it, or run it under callgrind.

use std::path::Path;

fn main() -> std::process::ExitCode {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!(
            "usage: generate N|PATH [OUT]   (N operations, or a document; OUT: write the files there)"
        );
        return std::process::ExitCode::from(2);
    };
    let (name, path, text) = match arg.parse::<usize>() {
        Ok(n) => {
            let spec = xtask::build_scale::synthetic_spec(&invent_tests::spec().json, n);
            // JSON is YAML: the generator reads it like openapi.yaml.
            let text = serde_json::to_string(&spec).expect("JSON");
            (format!("{n} operations"), "openapi.yaml".to_string(), text)
        }
        Err(_) => match std::fs::read_to_string(&arg) {
            Ok(text) => (arg.clone(), arg.clone(), text),
            Err(e) => {
                eprintln!("error: {arg}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        },
    };
    let started = std::time::Instant::now();
    let path = Path::new(&path);
    let generated =
        xtask::spec::parse(path, &text).and_then(|spec| xtask::generate_from_spec(path, &spec));
    match generated {
        Ok(files) => {
            let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
            println!("{name}: {lines} lines in {:.2?}", started.elapsed());
            // With a second argument, the files are written under that folder.
            if let Some(out) = std::env::args().nth(2) {
                for file in &files {
                    let to = Path::new(&out).join(&file.path);
                    let written = to
                        .parent()
                        .map_or(Ok(()), std::fs::create_dir_all)
                        .and_then(|()| std::fs::write(&to, &file.contents));
                    if let Err(e) = written {
                        eprintln!("error: {}: {e}", to.display());
                        return std::process::ExitCode::FAILURE;
                    }
                }
            }
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
