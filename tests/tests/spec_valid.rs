//! openapi.yaml is valid OpenAPI 3.0 according to an independent validator
//! (openapi-spec-validator, installed by `xtask` into target/tools/ on first use).

use std::fs;

use invent_tests::root;

#[test]
fn independent_validator_accepts_the_spec() {
    xtask::tools::validate_spec(&root(), &root().join("openapi.yaml"))
        .expect("openapi.yaml is valid OpenAPI 3.0");
}

#[test]
fn independent_validator_rejects_a_broken_copy() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("openapi.yaml");
    let text = fs::read_to_string(root().join("openapi.yaml")).unwrap();
    fs::write(&broken, text.replacen("type: boolean", "type: bool", 1)).unwrap();
    let refusal = xtask::tools::validate_spec(&root(), &broken)
        .expect_err("the validator rejects `type: bool`")
        .to_string();
    // The validator itself refused (not its installation).
    assert!(
        refusal.starts_with("openapi-spec-validator on"),
        "{refusal}"
    );
}
