//! Last step: print a syntax tree as formatted Rust with the "generated" header.
//! prettyplease is deterministic and needs no nightly rustfmt.

/// Formats `file` and prefixes the header that marks it as generated.
pub fn render(file: &syn::File) -> String {
    format!("{HEADER}\n{}", prettyplease::unparse(file))
}

/// The first lines of every generated file.
pub const HEADER: &str = "\
// @generated from openapi.yaml by `cargo xtask generate`. Do not edit by hand:
// change openapi.yaml (or the generator in xtask/) and regenerate.
";
