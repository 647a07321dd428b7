//! The list of every component schema and its Rust type, as a macro, so that tests visit all
//! the generated types and a new schema needs no edit in `tests/`.

use quote::{format_ident, quote};

use crate::generate::tree;
use crate::spec::Spec;

/// `for_each_schema!(callback)` expands to `callback! { (Ident, "Schema", path::Type), … }`.
pub fn list(spec: &Spec) -> syn::Item {
    let entries = spec.schemas().map(|(name, _)| {
        let ident = format_ident!("{}", tree::rust_name(name));
        quote!((#ident, #name, $crate::types::#ident))
    });
    syn::parse_quote! {
        /// Calls `callback!` with every component schema of the spec: its Rust type's name, the
        /// schema's name and the type (`(Assistant, "Assistant", invent::types::Assistant)`),
        /// so a test can visit every generated type.
        #[doc(hidden)]
        #[macro_export]
        macro_rules! for_each_schema {
            ($callback:ident) => {
                $callback! { #(#entries),* }
            };
        }
    }
}
