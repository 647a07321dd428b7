//! Step 4c: items the generator writes into the SDK from the spec alone, reading nothing of
//! progenitor's output: request limits, typed error bodies, and the list of every type.

mod errors;
mod limits;
mod schemas;

use crate::spec::Spec;

/// Appends the additions to the SDK's syntax tree.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    file.items.push(limits::table(spec)?);
    file.items.push(errors::module(spec));
    file.items.push(schemas::list(spec));
    Ok(())
}

/// The Rust type of a body schema: the generated type of the component it names, or any
/// JSON value.
fn body_type(spec: &Spec, schema: &serde_json::Value) -> proc_macro2::TokenStream {
    match spec.resolve_named(schema).0 {
        Some(name) => {
            let ident = quote::format_ident!("{}", crate::tree::rust_name(name));
            quote::quote!(crate::types::#ident)
        }
        None => quote::quote!(::serde_json::Value),
    }
}
