//! The maintainers' commands beside the generator: review a spec change (`diff`), build
//! outside specs (`scratch`, for `corpus` and `conformance`), pull the live spec, measure
//! build cost, install pinned tools, and list the generated API for reviewers (`surface`).

pub mod build_cost;
pub mod build_scale;
pub mod diff;
pub mod pull_spec;
pub mod scratch;
pub mod surface;
pub mod tools;
