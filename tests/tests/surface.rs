//! Snapshot of the generated SDK's public API, for reviewers: a spec change shows up here as
//! a readable diff of types, fields (with serde attributes) and client methods.

#[test]
fn generated_api_surface() {
    let listing = xtask::surface::listing(&invent_tests::generated_sdk());
    insta::assert_snapshot!(listing);
}
