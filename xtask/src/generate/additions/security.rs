//! The table of credentials: for each operation whose spec says how it is authorized, the
//! alternatives of credentials to send (resolved by `spec/security.rs`, sent by `invent`).

use quote::quote;
use serde_json::Value;

use crate::spec::Spec;
use crate::spec::security::SECURITY;

/// `static SECURITY: &[(&str, &[&[Credential]])]`, by progenitor's operation name.
pub fn table(spec: &Spec) -> Result<syn::Item, String> {
    let mut entries = Vec::new();
    for op in spec.operations() {
        let Some(alternatives) = op.json.get(SECURITY).and_then(Value::as_array) else {
            continue;
        };
        let mut written = Vec::new();
        for alternative in alternatives {
            let mut credentials = Vec::new();
            for credential in alternative.as_array().into_iter().flatten() {
                let name = credential.get("name").and_then(Value::as_str).unwrap_or("");
                credentials.push(match credential.get("kind").and_then(Value::as_str) {
                    Some("bearer") => quote!(crate::security::Credential::Bearer),
                    Some("basic") => quote!(crate::security::Credential::Basic),
                    Some("header") => quote!(crate::security::Credential::Header(#name)),
                    Some("query") => quote!(crate::security::Credential::Query(#name)),
                    Some("cookie") => quote!(crate::security::Credential::Cookie(#name)),
                    other => {
                        return Err(format!(
                            "operation `{}` ({}): a credential of kind {other:?}",
                            op.id,
                            op.at()
                        ));
                    }
                });
            }
            written.push(quote!(&[#(#credentials),*]));
        }
        let name = crate::spec::names::operation_name(op.id);
        entries.push(quote!((#name, &[#(#written),*])));
    }
    Ok(syn::parse_quote! {
        /// How each operation is authorized (by operation): alternatives, the first one whose
        /// credentials the client holds is sent. An operation not listed gets the key as a
        /// bearer token.
        pub(crate) static SECURITY: &[(&str, &[&[crate::security::Credential]])] = &[#(#entries),*];
    })
}
