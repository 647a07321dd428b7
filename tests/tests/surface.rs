//! Snapshots of the generated code's public API, for reviewers: a spec change shows up here
//! as a readable diff of types, fields (with serde attributes), methods and CLI commands.

fn listing(path: &str) -> String {
    let text = std::fs::read_to_string(invent_tests::root().join(path)).unwrap();
    xtask::surface::listing(&syn::parse_file(&text).unwrap())
}

#[test]
fn generated_api_surface() {
    insta::assert_snapshot!(listing("crates/invent/src/generated_sdk.rs"));
}

#[test]
fn generated_cli_surface() {
    insta::assert_snapshot!(listing("crates/invent-cli/src/generated_cli.rs"));
}

#[test]
fn generated_httpmock_surface() {
    insta::assert_snapshot!(listing("crates/invent-httpmock/src/generated_httpmock.rs"));
}
