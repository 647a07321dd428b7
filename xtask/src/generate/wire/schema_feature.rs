//! Schema-feature pass: each generated type's `schemars::JsonSchema` derive and its
//! `#[schemars(…)]` attributes apply only with the SDK's `schemars` feature (a lighter build).

use syn::punctuated::Punctuated;
use syn::visit_mut::VisitMut;
use syn::{Attribute, Item, Meta, Path, Token, parse_quote};

/// The feature of the SDK crate that turns the schemas on.
pub const FEATURE: &str = "schemars";

/// Gates the derive and the attributes of every type in `types` (its top level: the builders
/// derive no schema). A type whose schema comes from one of the runtime's macros (an open enum,
/// a union) is gated in that macro; any other type without the derive is refused by name.
pub fn apply(types: &mut [Item]) -> Result<(), String> {
    let by_macro: Vec<syn::Ident> = types
        .iter()
        .filter_map(|item| match item {
            Item::Macro(m) => m
                .mac
                .parse_body_with(crate::generate::tree::macro_subject)
                .ok(),
            _ => None,
        })
        .collect();
    for item in types.iter_mut() {
        let (ident, attrs) = match item {
            Item::Struct(s) => (s.ident.clone(), &mut s.attrs),
            Item::Enum(e) => (e.ident.clone(), &mut e.attrs),
            _ => continue,
        };
        if !take_derive(attrs) {
            if by_macro.contains(&ident) {
                continue;
            }
            return Err(format!(
                "type `{ident}` does not derive `schemars::JsonSchema`: the schema-feature pass \
                 expects every generated type to (progenitor's `with_derive`)"
            ));
        }
        // Without serde's derives, `#[serde(…)]` is read by schemars alone (the runtime's
        // `wire_object!` reads and writes the type): it goes behind the feature too.
        let serde_derived = derives_serde(attrs);
        attrs.push(parse_quote!(#[cfg_attr(feature = #FEATURE, derive(schemars::JsonSchema))]));
        GateAttributes { serde_derived }.visit_item_mut(item);
    }
    Ok(())
}

/// Removes `schemars::JsonSchema` from the derive lists in `attrs`; whether it was there.
fn take_derive(attrs: &mut [Attribute]) -> bool {
    let target: Path = parse_quote!(schemars::JsonSchema);
    let mut found = false;
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let Ok(paths) = attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
        else {
            continue;
        };
        let kept: Punctuated<Path, Token![,]> =
            paths.iter().filter(|p| **p != target).cloned().collect();
        if kept.len() != paths.len() {
            found = true;
            *attr = parse_quote!(#[derive(#kept)]);
        }
    }
    found
}

/// Whether `attrs` derive serde's `Serialize` or `Deserialize`.
fn derives_serde(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .any(|p| {
            p.segments
                .last()
                .is_some_and(|s| s.ident == "Serialize" || s.ident == "Deserialize")
        })
}

/// `#[schemars(…)]` anywhere in an item (on it, its fields, its variants) goes behind the
/// feature, and so does `#[serde(…)]` when serde's derives do not read it: the attributes of
/// one place become one `#[cfg_attr(feature = "schemars", …, …)]`.
struct GateAttributes {
    serde_derived: bool,
}

impl GateAttributes {
    fn gate(&self, attrs: &mut Vec<Attribute>) {
        let gated = |a: &Attribute| {
            a.path().is_ident("schemars") || (a.path().is_ident("serde") && !self.serde_derived)
        };
        let Some(first) = attrs.iter().position(gated) else {
            return;
        };
        let metas: Vec<Meta> = attrs
            .iter()
            .filter(|a| gated(a))
            .map(|a| a.meta.clone())
            .collect();
        attrs.retain(|a| !gated(a));
        attrs.insert(
            first,
            parse_quote!(#[cfg_attr(feature = #FEATURE, #(#metas),*)]),
        );
    }
}

impl VisitMut for GateAttributes {
    fn visit_item_struct_mut(&mut self, item: &mut syn::ItemStruct) {
        self.gate(&mut item.attrs);
        syn::visit_mut::visit_item_struct_mut(self, item);
    }

    fn visit_item_enum_mut(&mut self, item: &mut syn::ItemEnum) {
        self.gate(&mut item.attrs);
        syn::visit_mut::visit_item_enum_mut(self, item);
    }

    fn visit_variant_mut(&mut self, variant: &mut syn::Variant) {
        self.gate(&mut variant.attrs);
        syn::visit_mut::visit_variant_mut(self, variant);
    }

    fn visit_field_mut(&mut self, field: &mut syn::Field) {
        self.gate(&mut field.attrs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_derive_and_the_attributes_move_behind_the_feature() {
        let mut types: Vec<Item> = vec![parse_quote! {
            #[derive(Clone, schemars::JsonSchema, Debug)]
            pub struct Thing {
                #[schemars(with = "bool")]
                #[serde(rename = "f")]
                pub flag: Flag,
            }
        }];
        apply(&mut types).unwrap();
        let expected: Item = parse_quote! {
            #[derive(Clone, Debug)]
            #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
            pub struct Thing {
                #[cfg_attr(feature = "schemars", schemars(with = "bool"), serde(rename = "f"))]
                pub flag: Flag,
            }
        };
        assert_eq!(types[0], expected);
        // serde's own derives keep their attributes.
        let mut derived: Vec<Item> = vec![parse_quote! {
            #[derive(::serde::Serialize, schemars::JsonSchema)]
            pub struct Name(#[serde(default)] String);
        }];
        apply(&mut derived).unwrap();
        let kept: Item = parse_quote! {
            #[derive(::serde::Serialize)]
            #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
            pub struct Name(#[serde(default)] String);
        };
        assert_eq!(derived[0], kept);
    }

    #[test]
    fn a_type_without_a_schema_is_refused_unless_a_runtime_macro_gives_it_one() {
        let mut types: Vec<Item> = vec![
            parse_quote!(
                #[derive(Clone)]
                pub enum Mode {
                    Fast,
                    Unknown(String),
                }
            ),
            parse_quote!(crate::open_enum!(Mode { Fast = "fast" } Unknown);),
        ];
        apply(&mut types).unwrap();
        let mut types: Vec<Item> = vec![parse_quote!(
            #[derive(Clone)]
            pub struct Bare {}
        )];
        let message = apply(&mut types).unwrap_err();
        assert!(message.contains("type `Bare`"), "{message}");
    }
}
