//! Decode pass: structs that keep unknown properties get a hand-rolled `Deserialize` that
//! reads each key once, in place of serde's `flatten`, which buffers the whole object first.

use quote::{format_ident, quote};
use syn::{Field, Fields, Item, ItemStruct, parse_quote};

use crate::spec::Spec;
use crate::tree;

/// How one field is read, from its serde attributes.
struct Plan {
    ident: syn::Ident,
    ty: syn::Type,
    wire: String,
    /// `#[serde(default)]`: a missing key gives `Default::default()`; else it is an error.
    default: bool,
}

pub fn apply(spec: &Spec, types: &mut Vec<Item>) -> Result<(), String> {
    let mut impls = Vec::new();
    let mut decoded = Vec::new();
    for item in types.iter_mut() {
        let Item::Struct(s) = item else { continue };
        let Some((plans, extras)) = plan(s) else {
            continue;
        };
        if !drop_derive(&mut s.attrs, "Deserialize") {
            continue;
        }
        impls.push(deserialize_impl(&s.ident, &plans, &extras));
        decoded.push(s.ident.to_string());
    }
    types.extend(impls);
    // Every object of the spec keeps unknown properties, so every one gets this decoder.
    let objects = spec
        .schemas()
        .filter(|(_, schema)| schema.contains_key("properties"))
        .map(|(name, _)| (name, tree::rust_name(name)));
    for (name, rust) in objects {
        if !decoded.contains(&rust) {
            return Err(format!(
                "struct `{rust}` of schema `{name}` did not get the key-by-key decoder: one of \
                 its fields has a serde attribute the decode pass does not reproduce"
            ));
        }
    }
    Ok(())
}

/// The fields of a struct with one flattened extras map, if every other field is one this pass
/// reads exactly as serde's derive would.
fn plan(s: &ItemStruct) -> Option<(Vec<Plan>, (syn::Ident, syn::Type))> {
    let Fields::Named(fields) = &s.fields else {
        return None;
    };
    let mut plans = Vec::new();
    let mut extras = None;
    for field in &fields.named {
        let attrs = serde_attrs(field)?;
        let ident = field.ident.clone()?;
        if attrs.flatten {
            if extras.replace((ident, field.ty.clone())).is_some() {
                return None;
            }
            continue;
        }
        plans.push(Plan {
            wire: tree::wire_name(field)?,
            ident,
            ty: field.ty.clone(),
            default: attrs.default,
        });
    }
    Some((plans, extras?))
}

#[derive(Default)]
struct SerdeAttrs {
    default: bool,
    flatten: bool,
}

/// The serde attributes of a field, or `None` if one is outside what this pass reproduces.
fn serde_attrs(field: &Field) -> Option<SerdeAttrs> {
    let mut attrs = SerdeAttrs::default();
    let mut supported = true;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let parsed = attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match name.as_str() {
                "default" if !meta.input.peek(syn::Token![=]) => attrs.default = true,
                "flatten" => attrs.flatten = true,
                "rename" | "skip_serializing_if" => {
                    meta.value()?.parse::<syn::LitStr>()?;
                }
                // Reads `Option<T>` as a plain `Option<T>` does; only the missing key differs,
                // and a field without `default` is required here as well.
                "deserialize_with" => {
                    let path = meta.value()?.parse::<syn::LitStr>()?.value();
                    supported &= path.replace(' ', "") == "::std::option::Option::deserialize";
                }
                _ => supported = false,
            }
            Ok(())
        });
        supported &= parsed.is_ok();
    }
    supported.then_some(attrs)
}

/// Removes `name` from the struct's derives; `false` if it was not derived.
fn drop_derive(attrs: &mut [syn::Attribute], name: &str) -> bool {
    for attr in attrs.iter_mut().filter(|a| a.path().is_ident("derive")) {
        let Ok(list) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            continue;
        };
        let kept: Vec<_> = list
            .iter()
            .filter(|p| p.segments.last().is_none_or(|s| s.ident != name))
            .collect();
        if kept.len() < list.len() {
            *attr = parse_quote!(#[derive(#(#kept),*)]);
            return true;
        }
    }
    false
}

fn deserialize_impl(
    name: &syn::Ident,
    plans: &[Plan],
    (extras, extras_type): &(syn::Ident, syn::Type),
) -> Item {
    let slots: Vec<_> = plans
        .iter()
        .map(|p| format_ident!("slot_{}", p.ident))
        .collect();
    let types: Vec<_> = plans.iter().map(|p| &p.ty).collect();
    let wires: Vec<_> = plans.iter().map(|p| &p.wire).collect();
    let idents: Vec<_> = plans.iter().map(|p| &p.ident).collect();
    let finish: Vec<_> = plans
        .iter()
        .zip(&slots)
        .map(|(p, slot)| {
            let wire = &p.wire;
            if p.default {
                quote!(#slot.unwrap_or_default())
            } else {
                quote!(#slot.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field(#wire))?)
            }
        })
        .collect();
    let expecting = format!("an object ({name})");
    parse_quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#name, A::Error> {
                        #(let mut #slots: ::std::option::Option<#types> = None;)*
                        // The properties the spec does not name: any JSON, or the type its
                        // `additionalProperties` gives.
                        let mut #extras: #extras_type = ::std::default::Default::default();
                        while let Some(key) = map.next_key::<crate::support::Key<'de>>()? {
                            match key.as_str() {
                                #(#wires => {
                                    if #slots.is_some() {
                                        return Err(<A::Error as ::serde::de::Error>::duplicate_field(#wires));
                                    }
                                    #slots = Some(map.next_value()?);
                                })*
                                _ => {
                                    #extras.insert(key.into_string(), map.next_value()?);
                                }
                            }
                        }
                        Ok(#name { #(#idents: #finish,)* #extras })
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    }
}
