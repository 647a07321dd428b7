//! Limits pass: the checks progenitor writes for constrained strings (`minLength`,
//! `maxLength`, `pattern`) name the schema and property they guard in their messages.

use serde_json::Value;
use syn::{Item, LitStr};

use crate::generate::tree;
use crate::spec::Spec;

pub fn apply(spec: &Spec, types: &mut [Item]) -> Result<(), String> {
    for (name, schema) in spec.schemas() {
        let is_string = schema.get("type").and_then(Value::as_str) == Some("string");
        let checked = ["minLength", "maxLength", "pattern"]
            .iter()
            .any(|k| schema.contains_key(*k));
        if !is_string || !checked || schema.contains_key("enum") {
            continue;
        }
        // The normalization named every checked string; say it as the maintainer wrote it.
        let origin = spec.origins.get(name).map_or(name, |o| o.place.as_str());
        let newtype = tree::rust_name(name);
        if !prefix_messages(types, &newtype, &format!("`{origin}` is ")) {
            return Err(format!(
                "no checked type `{newtype}` was generated for the string limits of `{origin}` \
                 ({})",
                spec.written_at(name)
            ));
        }
    }
    Ok(())
}

/// Prefixes each error message in the `FromStr` impl of `newtype`; `false` if there is none.
fn prefix_messages(types: &mut [Item], newtype: &str, prefix: &str) -> bool {
    /// Prefixes the messages only (`"…".into()` in an `Err`), not the patterns.
    struct Prefix<'a>(&'a str);
    impl syn::visit_mut::VisitMut for Prefix<'_> {
        fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
            if call.method == "into"
                && let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(lit),
                    ..
                }) = call.receiver.as_mut()
            {
                *lit = LitStr::new(&format!("{}{}", self.0, lit.value()), lit.span());
            }
            syn::visit_mut::visit_expr_method_call_mut(self, call);
        }
    }
    let mut found = false;
    for item in types.iter_mut() {
        let Item::Impl(i) = item else { continue };
        let is_from_str = tree::impl_trait_name(i).as_deref() == Some("FromStr");
        if is_from_str && tree::impl_is_for(i, newtype) {
            syn::visit_mut::VisitMut::visit_item_impl_mut(&mut Prefix(prefix), i);
            found = true;
        }
    }
    found
}
