//! Last step: print a syntax tree as formatted Rust with the "generated" header.
//! prettyplease is deterministic and needs no nightly rustfmt.

/// Formats `file` and prefixes the header that marks it as generated.
pub fn render(file: &syn::File) -> String {
    format!("{HEADER}\n{}", prettyplease::unparse(file))
}

/// The generators the output comes from, pinned exactly in the workspace's Cargo.toml.
pub const GENERATOR_VERSIONS: [(&str, &str); 2] = [("progenitor", "0.15.1"), ("typify", "0.8.0")];

/// The first lines of every generated file.
pub const HEADER: &str = "\
// @generated from openapi.yaml by `cargo xtask generate` (progenitor 0.15.1, typify 0.8.0).
// Do not edit by hand: change openapi.yaml (or the generator in xtask/) and regenerate.
";
