//! Step 4c: items the generator writes into the SDK from the spec alone, reading nothing of
//! progenitor's output: request limits, credentials, typed error bodies, the list of every type.

mod errors;
mod limits;
mod schemas;
mod security;

use crate::spec::Spec;

/// Appends the additions to the SDK's syntax tree.
pub fn apply(spec: &Spec, file: &mut syn::File) -> Result<(), String> {
    file.items.push(limits::table(spec)?);
    file.items.push(security::table(spec)?);
    file.items.push(streamed(spec));
    file.items.push(errors::module(spec));
    file.items.push(schemas::list(spec));
    Ok(())
}

/// `static STREAMED_RESPONSES`: the operations whose success is not JSON (a download), whose
/// body the client leaves for the caller to read rather than reading it within its limit.
fn streamed(spec: &Spec) -> syn::Item {
    let names = spec
        .operations()
        .into_iter()
        .filter(|op| streams_its_success(op))
        .map(|op| crate::spec::names::operation_name(op.id));
    syn::parse_quote! {
        /// The operations whose success is a stream of bytes the caller reads.
        pub(crate) static STREAMED_RESPONSES: &[&str] = &[#(#names),*];
    }
}

/// Whether an operation's success is a body that is not JSON (a download): its `send`
/// returns a `ByteStream`.
fn streams_its_success(op: &crate::spec::Operation) -> bool {
    let Some(responses) = op
        .json
        .get("responses")
        .and_then(serde_json::Value::as_object)
    else {
        return false;
    };
    responses.iter().any(|(status, response)| {
        let content = response
            .get("content")
            .and_then(serde_json::Value::as_object);
        status.starts_with('2')
            && content.is_some_and(|c| {
                !c.is_empty() && !c.keys().any(|m| m.starts_with("application/json"))
            })
    })
}

/// The Rust type of a body schema: the generated type of the component it names, or any
/// JSON value (its exact text).
fn body_type(spec: &Spec, schema: &serde_json::Value) -> proc_macro2::TokenStream {
    match spec.resolve_named(schema).0 {
        Some(name) => {
            let ident = quote::format_ident!("{}", crate::generate::tree::rust_name(name));
            quote::quote!(crate::types::#ident)
        }
        None => quote::quote!(::invent::RawJson),
    }
}
