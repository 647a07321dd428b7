//! Limits pass: the checks progenitor writes for constrained strings (`minLength`,
//! `maxLength`, `pattern`) name the schema and property they guard in their messages.

use serde_json::Value;
use syn::{Item, LitStr};

use crate::spec::Spec;
use crate::tree;

pub fn apply(spec: &Spec, types: &mut [Item]) -> Result<(), String> {
    for (name, schema) in spec.schemas() {
        let Some(Value::Object(properties)) = schema.get("properties") else {
            continue;
        };
        for (property, child) in properties {
            let constrained = ["minLength", "maxLength", "pattern"]
                .iter()
                .any(|k| child.get(k).is_some());
            if !constrained || child.get("$ref").is_some() {
                continue;
            }
            // progenitor names an inline constrained string after its parent and property.
            let newtype = tree::rust_name(&format!("{name}-{property}"));
            let prefix = format!("`{name}.{property}` is ");
            let found = prefix_messages(types, &newtype, &prefix);
            if !found {
                return Err(format!(
                    "no checked type `{newtype}` was generated for `{name}.{property}`"
                ));
            }
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
        if is_from_str && tree::impl_self_name(i).as_deref() == Some(newtype) {
            syn::visit_mut::VisitMut::visit_item_impl_mut(&mut Prefix(prefix), i);
            found = true;
        }
    }
    found
}
