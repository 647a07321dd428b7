//! The generator behind `cargo xtask generate` (openapi.yaml in, every generated file out)
//! in `generate/`, and the maintainers' commands beside it in `maintain/`; main.rs is a thin
//! command line over both.

mod error;
pub mod generate;
pub mod maintain;

pub use error::Error;
pub use generate::{GeneratedFile, deny_warnings_setting, generate, generate_from_spec};
pub use generate::{output, overlay, render, sdk, spec, wire};
pub use maintain::{build_cost, build_scale, diff, pull_spec, scratch, surface, tools};
