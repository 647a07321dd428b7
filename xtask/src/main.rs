//! `cargo xtask generate [--check]`: regenerate every generated file from openapi.yaml, or
//! check that the committed ones are fresh. A thin command line over the `xtask` library.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask generate [--check] [--deny-warnings]

  generate          regenerate every generated file from openapi.yaml; prints
                    every warning and error of the spec, sorted by place
  generate --check  write nothing; fail with a diff if a generated file is stale
  generate --deny-warnings
                    fail on any warning (what the SDK approximates) as on an
                    error; `deny-warnings = true` under
                    [workspace.metadata.invent] in Cargo.toml does the same
  validate-spec     check openapi.yaml with an independent OpenAPI 3.0 validator
                    (openapi-spec-validator, installed into target/tools/)
  conformance       send the SDK's requests to Prism, an independent mock of
                    openapi.yaml, and check it accepts them all
  conformance SPEC...
                    for other specs (files or folders): build each one's CLI in
                    target/corpus/, send one request per operation through it
                    to Prism serving the spec; print accepted, parsed, skipped
                    and failed counts per spec (fails on any failure)
  corpus PATH...    generate every spec (a file, or each .yaml/.yml/.json in a
                    folder) into one scratch workspace under target/corpus/
                    and build its SDK, CLI and mock crates; reports refusals
  build-cost        time cold release builds of invent (each TLS choice) and of a
                    baseline crate on the same reqwest, serde, serde_json and tokio
                    (minutes)
  diff [BASE] [--format markdown|json] [--fail-on breaking|additive] [--changelog]
                    review the change of openapi.yaml since BASE (a git revision,
                    default HEAD, or a spec file): every change marked breaking,
                    additive or documentation, on the wire and in Rust, and the
                    version bump the crates need; --changelog adds the changes to
                    CHANGELOG.md; --fail-on exits 1 when a change is that grave
  test-builds       the tests that build a scratch workspace: the fixture
                    corpus, the spec-driven test and the diff compile check
                    (`cargo test` skips them as ignored; CI runs this; minutes)
  pull-spec [URL]   download the OpenAPI document the live API serves (default
                    https://api.useinvent.com/openapi.json; JSON or YAML, OpenAPI
                    3.0 or 3.1) and write it, as received, to openapi.yaml; then
                    run generate, and diff to review the change
  build-cost --scale [N...]
                    generate specs of 1, 10 and 100 operations (or N) as invent
                    and as stock progenitor, and time cold, warm (the faster of
                    two) and incremental builds of each (tens of minutes)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let root = workspace_root();
    let result = match args.as_slice() {
        ["generate", flags @ ..] if flags.iter().all(|f| GENERATE_FLAGS.contains(f)) => {
            let deny = flags.contains(&"--deny-warnings") || deny_warnings_setting(&root);
            if flags.contains(&"--check") {
                check(&root, deny)
            } else {
                generate(&root, deny)
            }
        }
        ["validate-spec"] => xtask::tools::validate_spec(&root, &root.join("openapi.yaml"))
            .map(|()| ExitCode::SUCCESS),
        ["conformance", specs @ ..] => conformance(&root, specs),
        ["build-cost"] => build_cost(&root),
        ["test-builds"] => test_builds(&root),
        ["build-cost", "--scale", sizes @ ..] => match sizes
            .iter()
            .map(|n| n.parse::<usize>().ok().filter(|&n| n > 0))
            .collect::<Option<Vec<usize>>>()
        {
            Some(sizes) if sizes.is_empty() => build_scale(&root, &xtask::build_scale::SCALES),
            Some(sizes) => build_scale(&root, &sizes),
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["corpus", paths @ ..] if !paths.is_empty() => corpus(&root, paths),
        ["pull-spec", url @ ..] if url.len() <= 1 => {
            xtask::pull_spec::run(&root, url.first().copied()).map(|()| ExitCode::SUCCESS)
        }
        ["diff", rest @ ..] => match DiffArgs::parse(rest) {
            Some(args) => diff(&root, &args),
            None => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The tests that need a nested cargo build, each test binary by name with its package: they
/// are `#[ignore]`d so that `cargo test --workspace` stays quick, and run here.
const NESTED_BUILD_TESTS: [(&str, &str); 5] = [
    ("xtask", "corpus"),
    ("invent-tests", "spec_driven"),
    ("xtask", "diff_compiles"),
    ("xtask", "real_world"),
    ("invent-tests", "outside_conformance"),
];

fn test_builds(root: &Path) -> Result<ExitCode, xtask::Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    for (package, test) in NESTED_BUILD_TESTS {
        println!("==> cargo test -p {package} --test {test} -- --ignored");
        let status = std::process::Command::new(&cargo)
            .current_dir(root)
            .args(["test", "-p", package, "--test", test, "--", "--ignored"])
            .status()
            .map_err(|e| xtask::Error::Tool(format!("cannot run cargo: {e}")))?;
        if !status.success() {
            eprintln!("error: the nested-build tests of `{test}` failed");
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ sits in the workspace root")
        .to_path_buf()
}

/// The flags `cargo xtask generate` takes.
const GENERATE_FLAGS: [&str; 2] = ["--check", "--deny-warnings"];

/// Whether the workspace's Cargo.toml sets `deny-warnings` (see `xtask::deny_warnings_setting`).
fn deny_warnings_setting(root: &Path) -> bool {
    std::fs::read_to_string(root.join("Cargo.toml"))
        .is_ok_and(|text| xtask::deny_warnings_setting(&text))
}

/// The spec at `root/openapi.yaml`, its warnings printed (sorted by place), and the files it
/// gives; with `deny`, a spec with warnings gives none.
fn generated(root: &Path, deny: bool) -> Result<Vec<xtask::GeneratedFile>, xtask::Error> {
    let path = root.join("openapi.yaml");
    let mut spec = xtask::spec::load(&path)?;
    if deny && !spec.diagnostics.is_empty() {
        spec.diagnostics.deny_warnings();
        return Err(xtask::Error::Tool(format!(
            "{}\n{}: warnings are denied (--deny-warnings, or `deny-warnings` in Cargo.toml)",
            prefixed(&path, &spec.diagnostics.report()),
            path.display()
        )));
    }
    let report = spec.diagnostics.report();
    if !report.is_empty() {
        eprintln!("{}", prefixed(&path, &report));
    }
    xtask::generate_from_spec(&path, &spec)
}

/// Each line of `report` after the document's path.
fn prefixed(path: &Path, report: &str) -> String {
    report
        .lines()
        .map(|line| format!("{}: {line}", path.display()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn generate(root: &Path, deny: bool) -> Result<ExitCode, xtask::Error> {
    let files = generated(root, deny)?;
    let changed = xtask::output::write(root, &files)?;
    for path in &changed {
        println!("updated {path}");
    }
    println!("{} generated files, {} updated", files.len(), changed.len());
    Ok(ExitCode::SUCCESS)
}

fn check(root: &Path, deny: bool) -> Result<ExitCode, xtask::Error> {
    let files = generated(root, deny)?;
    let stale = xtask::output::check(root, &files);
    if stale.is_empty() {
        println!(
            "{} generated files are up to date with openapi.yaml",
            files.len()
        );
        return Ok(ExitCode::SUCCESS);
    }
    const SHOWN: usize = 200;
    for s in &stale {
        let lines: Vec<&str> = s.diff.lines().collect();
        for line in lines.iter().take(SHOWN) {
            eprintln!("{line}");
        }
        if lines.len() > SHOWN {
            eprintln!(
                "… {} more lines of diff for {}",
                lines.len() - SHOWN,
                s.path
            );
        }
    }
    let paths: Vec<_> = stale.iter().map(|s| s.path.as_str()).collect();
    eprintln!(
        "error: {} generated file(s) differ from what openapi.yaml gives: {}\n\
         run `cargo xtask generate` and commit the result",
        stale.len(),
        paths.join(", ")
    );
    Ok(ExitCode::FAILURE)
}

/// Runs the conformance program of the test crate (it needs the SDK, which the generator
/// must not depend on).
fn conformance(root: &Path, specs: &[&str]) -> Result<ExitCode, xtask::Error> {
    // The program runs in the workspace root: paths given from elsewhere are made absolute.
    let specs = specs
        .iter()
        .map(|s| std::path::absolute(s).map_err(|e| xtask::Error::Tool(format!("{s}: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    xtask::tools::run(
        std::process::Command::new(cargo)
            .args([
                "run",
                "--quiet",
                "--package",
                "invent-tests",
                "--bin",
                "conformance",
                "--",
            ])
            .args(specs)
            .current_dir(root),
        "the conformance run",
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Generates outside specs (progenitor's samples, say) into one scratch workspace and builds
/// it, so a maintainer sees which constructs generate, which are refused, and what compiles.
fn corpus(root: &Path, paths: &[&str]) -> Result<ExitCode, xtask::Error> {
    let mut specs = Vec::new();
    for path in paths {
        specs.extend(xtask::scratch::specs_in(Path::new(path))?);
    }
    let members = xtask::scratch::corpus_members(&specs);
    let (dir, target) = xtask::scratch::corpus_dirs(root);
    let outcomes = xtask::scratch::create(root, &dir, &members)?;
    let mut refused = 0;
    for outcome in &outcomes {
        match &outcome.result {
            Ok(_) => {
                println!("generated  {}", outcome.name);
                for warning in outcome.stats.iter().flat_map(|s| &s.listed) {
                    println!("    {warning}");
                }
            }
            Err(e) => {
                refused += 1;
                println!("refused    {}: {e}", outcome.name)
            }
        }
    }
    if refused == outcomes.len() {
        return Ok(ExitCode::FAILURE);
    }
    println!("building the generated crates in {} …", dir.display());
    let generated: Vec<_> = outcomes.iter().filter(|o| o.stats.is_some()).collect();
    let names: Vec<&str> = generated.iter().map(|o| o.name.as_str()).collect();
    let builds = xtask::scratch::check_each(&dir, &target, &names)?;
    println!(
        "\n| spec | operations | listings | schemas | generator warnings by kind | generated lines | generation | build |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (outcome, build) in generated.iter().zip(&builds) {
        let Some(stats) = &outcome.stats else {
            continue;
        };
        let total: usize = stats.warnings.iter().map(|(_, n)| n).sum();
        let kinds: Vec<String> = stats
            .warnings
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        let warnings = match total {
            0 => "none".to_string(),
            _ => format!("{total}: {}", kinds.join(", ")),
        };
        let listings: usize = stats.listings.iter().map(|(_, n)| n).sum();
        let styles: Vec<String> = stats
            .listings
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect();
        let listings = match listings {
            0 => "none".to_string(),
            n => format!("{n}: {}", styles.join(", ")),
        };
        println!(
            "| {} | {} | {listings} | {} | {warnings} | {} | {:.1} s | {:.1} s |",
            outcome.name.trim_start_matches("corpus-"),
            stats.operations,
            stats.schemas,
            stats.lines,
            stats.generation.as_secs_f64(),
            build.as_secs_f64(),
        );
    }
    println!(
        "\n{} of {} specs generated; every generated SDK, CLI and mock crate and their docs build with warnings and clippy denied (the first build includes the dependencies they share, unless an earlier run built them)",
        outcomes.len() - refused,
        outcomes.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn build_cost(root: &Path) -> Result<ExitCode, xtask::Error> {
    let costs = xtask::build_cost::measure(root)?;
    let baseline = costs.last().expect("the baseline is measured last");
    println!("| cold release build | time | ÷ baseline | crates in its dependency graph |");
    println!("| --- | --- | --- | --- |");
    for cost in &costs {
        println!(
            "| {} | {:.1} s | {:.2}× | {} |",
            cost.label,
            cost.seconds,
            cost.seconds / baseline.seconds,
            cost.crates
        );
    }
    println!(
        "\ndefault ÷ as before: {:.2} (the target is at most 0.75); default ÷ baseline: {:.2} \
         (at most 1.2)",
        costs[0].seconds / costs[1].seconds,
        costs[0].seconds / baseline.seconds
    );
    Ok(ExitCode::SUCCESS)
}

fn build_scale(root: &Path, sizes: &[usize]) -> Result<ExitCode, xtask::Error> {
    let rows = xtask::build_scale::measure(root, sizes)?;
    println!("| generated by | operations | lines | cold build | warm | after one more property |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for row in &rows {
        println!(
            "| {} | {} | {} | {:.1} s | {:.1} s | {:.1} s |",
            row.flavour, row.operations, row.lines, row.cold, row.warm, row.incremental
        );
    }
    let warm = |flavour: &str, n: usize| {
        rows.iter()
            .find(|r| r.flavour == flavour && r.operations == n)
            .map(|r| r.warm)
            .unwrap_or(f64::NAN)
    };
    // The two targets, for the sizes this run measured.
    let ratio = warm("invent", 100) / warm("stock progenitor", 100);
    if ratio.is_finite() {
        println!("\nwarm, 100 operations, invent ÷ stock: {ratio:.2} (the target is at most 1.3)");
    }
    let growth = warm("invent", 100) / warm("invent", 10);
    if growth.is_finite() {
        println!("invent's warm t(100)/t(10): {growth:.1} (at most 12)");
    }
    Ok(ExitCode::SUCCESS)
}

/// The options of `cargo xtask diff`.
struct DiffArgs<'a> {
    base: &'a str,
    json: bool,
    fail_on: Option<xtask::diff::Class>,
    changelog: bool,
}

impl<'a> DiffArgs<'a> {
    fn parse(args: &[&'a str]) -> Option<Self> {
        let mut out = DiffArgs {
            base: "HEAD",
            json: false,
            fail_on: None,
            changelog: false,
        };
        let mut base = None;
        let mut args = args.iter();
        while let Some(&arg) = args.next() {
            match arg {
                "--format" => match *args.next()? {
                    "markdown" => out.json = false,
                    "json" => out.json = true,
                    _ => return None,
                },
                "--fail-on" => {
                    out.fail_on = Some(match *args.next()? {
                        "breaking" => xtask::diff::Class::Breaking,
                        "additive" => xtask::diff::Class::Additive,
                        _ => return None,
                    })
                }
                "--changelog" => out.changelog = true,
                flag if flag.starts_with('-') => return None,
                rev if base.is_none() => base = Some(rev),
                _ => return None,
            }
        }
        out.base = base.unwrap_or("HEAD");
        Some(out)
    }
}

/// Reviews openapi.yaml's change since a git revision (or against a spec file).
fn diff(root: &Path, args: &DiffArgs) -> Result<ExitCode, xtask::Error> {
    let read = |path: &Path| {
        std::fs::read_to_string(path)
            .map_err(|e| xtask::Error::Tool(format!("{}: {e}", path.display())))
    };
    let git_show = |rev: &str, file: &str| -> Result<String, xtask::Error> {
        let out = std::process::Command::new("git")
            .args(["show", &format!("{rev}:{file}")])
            .current_dir(root)
            .output()
            .map_err(|e| xtask::Error::Tool(format!("cannot run git: {e}")))?;
        if !out.status.success() {
            return Err(xtask::Error::Tool(format!(
                "`git show {rev}:{file}` failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )));
        }
        String::from_utf8(out.stdout)
            .map_err(|_| xtask::Error::Tool(format!("{rev}:{file} is not UTF-8")))
    };
    let as_file = Path::new(args.base);
    let (old_text, base_toml) = if as_file.is_file() {
        (read(as_file)?, git_show("HEAD", "Cargo.toml")?)
    } else {
        (
            git_show(args.base, "openapi.yaml")?,
            git_show(args.base, "Cargo.toml")?,
        )
    };
    let new_text = read(&root.join("openapi.yaml"))?;
    let version_of = |text: &str, at: &str| {
        xtask::diff::workspace_version(text)
            .ok_or_else(|| xtask::Error::Tool(format!("{at}: no `version` in [workspace.package]")))
    };
    let report = xtask::diff::Report::new(
        args.base,
        &old_text,
        &new_text,
        version_of(&base_toml, &format!("{}:Cargo.toml", args.base))?,
        version_of(&read(&root.join("Cargo.toml"))?, "Cargo.toml")?,
    )?;
    if args.json {
        println!("{:#}", report.json());
    } else {
        print!("{}", report.markdown());
    }
    if args.changelog {
        let path = root.join("CHANGELOG.md");
        let before = read(&path).unwrap_or_else(|_| "# Changelog\n".into());
        let after = xtask::diff::changelog::add(&before, &xtask::diff::changelog::entries(&report));
        if after != before {
            std::fs::write(&path, after)
                .map_err(|e| xtask::Error::Tool(format!("{}: {e}", path.display())))?;
            eprintln!("updated CHANGELOG.md");
        }
    }
    let failed =
        matches!((args.fail_on, report.class()), (Some(limit), Some(class)) if class >= limit);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
