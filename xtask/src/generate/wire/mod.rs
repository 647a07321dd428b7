//! Step 3: reshape progenitor's types so they are lossless on the wire, driven by the spec.
//! Each submodule is one pass over the syntax tree of the generated `types` module.

pub(crate) mod builders;
mod decode;
pub(crate) mod enums;
mod fields;
mod limits;
pub(crate) mod non_exhaustive;
mod schema_feature;
mod unions;

use std::path::Path;

use crate::Error;
use crate::generate::tree;
use crate::spec::Spec;

/// Applies every wire pass to the generated SDK file.
pub fn apply(path: &Path, spec: &Spec, file: &mut syn::File) -> Result<(), Error> {
    let types = tree::module_mut(&mut file.items, "types")
        .ok_or_else(|| Error::spec(path, "progenitor emitted no `types` module"))?;
    fields::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    enums::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    unions::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    limits::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    decode::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    builders::apply(types).map_err(|m| Error::spec(path, m))?;
    schema_feature::apply(types).map_err(|m| Error::spec(path, m))?;
    non_exhaustive::apply(spec, types).map_err(|m| Error::spec(path, m))?;
    Ok(())
}
