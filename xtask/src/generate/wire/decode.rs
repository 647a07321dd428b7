//! Object pass: every struct of a spec object is read and written by `invent::wire_object!`
//! (each key once, nulls and unknown properties kept), invoked once per type.

use quote::format_ident;
use syn::{Field, Fields, Item, ItemStruct, parse_quote};

use crate::generate::tree;
use crate::spec::Spec;

/// How a field is read and written, from the serde attributes the field pass left on it.
enum Kind {
    /// No `default`: a missing key is an error.
    Required,
    /// `default` and skipped when `None`: an `Option` of a non-nullable property.
    Optional,
    /// `default` and skipped when absent: a nullable `Patch`.
    Patch,
}

pub fn apply(spec: &Spec, types: &mut Vec<Item>) -> Result<(), String> {
    let object_schemas: Vec<&str> = spec
        .schemas()
        .filter(|(_, schema)| schema.contains_key("properties"))
        .map(|(name, _)| name)
        .collect();
    // By Rust name, so that finding each struct's schema stays linear in the schemas.
    let objects: std::collections::HashMap<String, &str> = object_schemas
        .iter()
        .map(|&name| (tree::rust_name(name), name))
        .collect();
    let mut invocations = Vec::new();
    for item in types.iter_mut() {
        let Item::Struct(s) = item else { continue };
        let Some(schema) = objects.get(&s.ident.to_string()) else {
            continue;
        };
        let invocation = invocation(s)
            .map_err(|why| format!("struct `{}` of schema `{schema}`: {why}", s.ident))?;
        for derive in ["Serialize", "Deserialize"] {
            if !drop_derive(&mut s.attrs, derive) {
                return Err(format!(
                    "struct `{}` of schema `{schema}` derives no {derive}",
                    s.ident
                ));
            }
        }
        invocations.push(invocation);
    }
    if invocations.len() != object_schemas.len() {
        return Err(format!(
            "{} object schemas but {} structs for them were found",
            object_schemas.len(),
            invocations.len()
        ));
    }
    types.extend(invocations);
    Ok(())
}

/// `crate::wire_object!(Name { field: "wire" kind, … } extra: Type);`
fn invocation(s: &ItemStruct) -> Result<Item, String> {
    let Fields::Named(fields) = &s.fields else {
        return Err("not a struct with named fields".into());
    };
    let mut entries = Vec::new();
    let mut extra = None;
    for field in &fields.named {
        let ident = field.ident.clone().ok_or("a field without a name")?;
        match kind(field)? {
            None => {
                if extra.replace((ident, field.ty.clone())).is_some() {
                    return Err("two `#[serde(flatten)]` fields".into());
                }
            }
            Some(kind) => {
                let wire = tree::wire_name(field).ok_or("a field without a wire name")?;
                let kind = format_ident!(
                    "{}",
                    match kind {
                        Kind::Required => "required",
                        Kind::Optional => "optional",
                        Kind::Patch => "patch",
                    }
                );
                entries.push(quote::quote!(#ident: #wire #kind));
            }
        }
    }
    let (extra, extra_type) = extra.ok_or("no `#[serde(flatten)]` field for unknown properties")?;
    let name = &s.ident;
    Ok(parse_quote! {
        crate::wire_object!(#name { #(#entries),* } #extra: #extra_type);
    })
}

/// The field's kind from its serde attributes; `None` for the flattened unknown properties.
fn kind(field: &Field) -> Result<Option<Kind>, String> {
    let mut default = false;
    let mut flatten = false;
    let mut skip = None;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            match name.as_str() {
                "default" if !meta.input.peek(syn::Token![=]) => default = true,
                "flatten" => flatten = true,
                "rename" => {
                    meta.value()?.parse::<syn::LitStr>()?;
                }
                "skip_serializing_if" => {
                    let path: syn::Path = meta.value()?.parse::<syn::LitStr>()?.parse()?;
                    skip = path.segments.last().map(|s| s.ident.to_string());
                }
                // A required nullable property: read as a plain `Option` reads.
                "deserialize_with" => {
                    let path: syn::Path = meta.value()?.parse::<syn::LitStr>()?.parse()?;
                    if !tree::path_is(&path, &["std", "option", "Option", "deserialize"]) {
                        return Err(meta.error("an unexpected `deserialize_with`"));
                    }
                }
                _ => return Err(meta.error(format!("an unexpected serde attribute `{name}`"))),
            }
            Ok(())
        })
        .map_err(|e| e.to_string())?;
    }
    Ok(match (flatten, default, skip.as_deref()) {
        (true, _, _) => None,
        (false, false, None) => Some(Kind::Required),
        (false, true, Some("is_none")) => Some(Kind::Optional),
        (false, true, Some("is_absent")) => Some(Kind::Patch),
        (_, default, skip) => {
            return Err(format!(
                "field `{}` has serde attributes this pass does not know (default: {default}, \
                 skip_serializing_if: {skip:?})",
                field
                    .ident
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            ));
        }
    })
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
