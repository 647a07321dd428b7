//! Typed error bodies: for each operation whose error responses have a JSON body, an enum of
//! those bodies by status, read from an `invent::Error` with `try_from(&error)`.

use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;

use crate::spec::Spec;

/// `pub mod errors { … }` with one enum per operation that documents an error body.
pub fn module(spec: &Spec) -> syn::Item {
    let enums: Vec<TokenStream> = spec
        .operations()
        .iter()
        .filter_map(|op| {
            let responses = op.json.get("responses")?.as_object()?;
            let has_success = responses.keys().any(|s| s.starts_with('2'));
            let mut codes = Vec::new();
            let mut ranges = Vec::new();
            let mut default = None;
            let mut variants = Vec::new();
            for (status, response) in responses {
                let kind = match status.as_str() {
                    "default" if has_success => Status::Default,
                    s if s.len() == 3 && s.ends_with("XX") && matches!(&s[..1], "4" | "5") => {
                        Status::Range(s[..1].parse::<u16>().ok()? * 100)
                    }
                    s if s.starts_with('4') || s.starts_with('5') => Status::Code(s.parse().ok()?),
                    _ => continue,
                };
                let body = json_schema(response).map(|schema| {
                    let variant = format_ident!("Status{}", status.to_upper_camel_case());
                    let variant = if kind == Status::Default {
                        format_ident!("Default")
                    } else {
                        variant
                    };
                    let ty = super::body_type(spec, schema);
                    let description = response
                        .get("description")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    let doc = format!(" `{status}`: {description}");
                    variants.push(quote!(#[doc = #doc] #variant(#ty)));
                    variant
                });
                let read = match body {
                    Some(variant) => quote!(api.typed(Self::#variant)),
                    None => quote!(Err(crate::TypedBodyError::NotDocumented(api.status))),
                };
                match kind {
                    Status::Code(code) => codes.push(quote!(#code => #read,)),
                    Status::Range(low) => {
                        let high = low + 99;
                        ranges.push(quote!(#low..=#high => #read,))
                    }
                    Status::Default => default = Some(read),
                }
            }
            if variants.is_empty() {
                return None;
            }
            let name = format_ident!("{}Error", crate::spec::names::type_name(op.id));
            let default = default.unwrap_or(quote!(Err(crate::TypedBodyError::NotDocumented(
                api.status
            ))));
            let read = if codes.is_empty() && ranges.is_empty() {
                default
            } else {
                quote! {
                    match api.status.as_u16() {
                        #(#codes)*
                        #(#ranges)*
                        _ => #default,
                    }
                }
            };
            let doc = format!(
                " The error bodies `{}` documents, by status: read one from an \
                 [`crate::Error`] with `{name}::try_from(&error)`. Non-exhaustive: a \
                 status the spec documents later is a new variant.",
                op.id
            );
            Some(quote! {
                #[doc = #doc]
                #[derive(Clone, Debug, PartialEq)]
                #[non_exhaustive]
                pub enum #name {
                    #(#variants,)*
                }

                /// The body of the error's response as the spec documents it for its status;
                /// why not, if it is not a refusal, its status documents no body, or the body
                /// does not match its schema.
                impl ::std::convert::TryFrom<&crate::Error> for #name {
                    type Error = crate::TypedBodyError;

                    fn try_from(
                        error: &crate::Error,
                    ) -> ::std::result::Result<Self, crate::TypedBodyError> {
                        let api = error.api_error().ok_or(crate::TypedBodyError::NotARefusal)?;
                        #read
                    }
                }
            })
        })
        .collect();
    syn::parse_quote! {
        /// Each operation's documented error bodies, typed, by status.
        pub mod errors {
            #(#enums)*
        }
    }
}

#[derive(PartialEq)]
enum Status {
    Code(u16),
    Range(u16),
    Default,
}

/// The JSON schema of a response's body, if it has one.
fn json_schema(response: &Value) -> Option<&Value> {
    let content = response.get("content")?.as_object()?;
    content
        .iter()
        .find(|(media, _)| media.starts_with("application/json"))?
        .1
        .get("schema")
}
