//! `cargo xtask test-builds`: the conformance run of outside specs, on two of them (a peer's
//! sample and a real platform's description): every operation is sent, none fails.

use std::path::Path;

#[test]
#[ignore = "builds two generated CLIs and runs Prism (minutes); cargo xtask test-builds runs it"]
fn two_outside_specs_pass_conformance() {
    let shared = invent_tests::root().join("../shared");
    let specs = [
        shared.join("peer-specs/keeper.json"),
        shared.join("real-specs/spotify.yaml"),
    ];
    if let Some(absent) = specs.iter().find(|s| !s.is_file()) {
        println!(
            "skipped: {} is absent (a clone without ../shared)",
            absent.display()
        );
        return;
    }
    let reports = invent_tests::conformance::run(&invent_tests::root(), &specs).unwrap();
    for report in &reports {
        let name = Path::new(&report.spec)
            .file_name()
            .unwrap()
            .to_string_lossy();
        assert_eq!(report.failed(), 0, "{name}: {:?}", report.failures);
        // Nearly every operation is sent and read (Spotify's one raw-image upload is skipped).
        assert!(
            report.passed + report.off_spec_responses + 1 >= report.operations,
            "{name}: {} of {} operations passed; skipped {:?}",
            report.passed,
            report.operations,
            report.skipped
        );
    }
}
