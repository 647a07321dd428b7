//! Union pass: each union (`oneOf`/`anyOf`) is an enum of its variants plus one that keeps a
//! value no variant reads, in place of the any-JSON type typify was given for it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Item, parse_quote};

use crate::generate::tree;
use crate::spec::Spec;
use crate::spec::unions::{self, Check, Rule, RustType, Shape, Union, Variant};

pub fn apply(spec: &Spec, types: &mut Vec<Item>) -> Result<(), String> {
    for (name, schema) in spec.schemas() {
        if unions::keyword(&serde_json::Value::Object(schema.clone())).is_none() {
            continue;
        }
        let union = spec
            .unions
            .get(name)
            .ok_or_else(|| format!("the union `{name}` was not classified"))?;
        let rust = tree::rust_name(name);
        let position = types
            .iter()
            .position(|item| matches!(item, Item::Struct(s) if s.ident == rust))
            .ok_or_else(|| format!("no type `{rust}` was generated for the union `{name}`"))?;
        let Item::Struct(placeholder) = &types[position] else {
            unreachable!("matched above")
        };
        // Its docs, and `#[non_exhaustive]` (typify's patch, see `non_exhaustive.rs`).
        let kept: Vec<_> = placeholder
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("doc") || super::non_exhaustive::is_attribute(a))
            .cloned()
            .collect();
        // Its impls: for it (`Deref`, `From<Value>`), and from it (`From<Action> for Value`).
        types.retain(|item| match item {
            Item::Impl(i) => !tree::impl_is_for(i, &rust) && !tree::impl_trait_generic_is(i, &rust),
            _ => true,
        });
        let position = types
            .iter()
            .position(|item| matches!(item, Item::Struct(s) if s.ident == rust))
            .expect("still there");
        types.splice(position..=position, items(&rust, &kept, union));
    }
    Ok(())
}

/// The enum, and the runtime macro that reads and writes it.
fn items(name: &str, attrs: &[syn::Attribute], union: &Union) -> Vec<Item> {
    let (docs, marks): (Vec<_>, Vec<_>) = attrs.iter().partition(|a| a.path().is_ident("doc"));
    let name = format_ident!("{name}");
    let unknown = format_ident!("{}", union.unknown);
    let variants: Vec<TokenStream> = union
        .variants
        .iter()
        .map(|v| {
            let ident = format_ident!("{}", v.name);
            let ty = variant_type(v);
            let doc = match &union.tag {
                Some(tag) => format!(" `{tag}`: {}", v.tags.join(", ")),
                None => format!(" {}", shape_doc(&v.shape, &v.checks)),
            };
            quote!(#[doc = #doc] #ident(#ty))
        })
        .collect();
    let reading = match &union.tag {
        Some(tag) => {
            let arms = union.variants.iter().map(|v| {
                let ident = format_ident!("{}", v.name);
                let ty = variant_type(v);
                let tags = &v.tags;
                quote!(#ident(#ty) = [#(#tags),*])
            });
            quote!(crate::tagged_union!(#name, #tag, { #(#arms),* } #unknown);)
        }
        None => {
            let arms = union.variants.iter().map(|v| {
                let ident = format_ident!("{}", v.name);
                let ty = variant_type(v);
                let shape = shape(&v.shape);
                let checks = v.checks.iter().map(check);
                quote!(#ident(#ty) = #shape, [#(#checks),*])
            });
            quote!(crate::shaped_union!(#name, { #(#arms),* } #unknown);)
        }
    };
    let how = match &union.tag {
        Some(tag) => format!(" Read by its `{tag}` property."),
        None => " Read by the shape of the value: the variants are tried in the order listed, \
                 and the first whose type reads the value holds it."
            .to_string(),
    };
    let open = format!(
        " Open: a value no variant reads is kept in [`{unknown}`](Self::{unknown}) and written \
         back exactly as received."
    );
    let file: syn::File = parse_quote! {
        #(#docs)*
        ///
        #[doc = #how]
        #[doc = #open]
        #(#marks)*
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants,)*
            /// A value no variant reads, kept exactly as received.
            #unknown(::invent::RawJson),
        }
        #reading
    };
    file.items
}

/// A variant's type, boxed when it contains the union.
fn variant_type(variant: &Variant) -> TokenStream {
    let ty = rust_type(&variant.rust);
    if variant.boxed {
        quote!(::std::boxed::Box<#ty>)
    } else {
        ty
    }
}

fn rust_type(rust: &RustType) -> TokenStream {
    match rust {
        RustType::Component(name) => {
            let ident = format_ident!("{}", tree::rust_name(name));
            quote!(#ident)
        }
        RustType::String => quote!(::std::string::String),
        RustType::Integer => quote!(i64),
        RustType::Number => quote!(f64),
        RustType::Boolean => quote!(bool),
        RustType::List(inner) => {
            let inner = rust_type(inner);
            quote!(::std::vec::Vec<#inner>)
        }
        RustType::Object => quote!(::invent::Extra),
        RustType::Any => quote!(::invent::RawJson),
    }
}

fn shape(shape: &Shape) -> TokenStream {
    match shape {
        Shape::Object(required) => quote!(crate::support::Shape::Object(&[#(#required),*])),
        Shape::Array => quote!(crate::support::Shape::Array),
        Shape::String => quote!(crate::support::Shape::String),
        Shape::Integer => quote!(crate::support::Shape::Integer),
        Shape::Number => quote!(crate::support::Shape::Number),
        Shape::Boolean => quote!(crate::support::Shape::Boolean),
        Shape::Any => quote!(crate::support::Shape::Any),
    }
}

fn check(check: &Check) -> TokenStream {
    let property = match &check.property {
        Some(p) => quote!(Some(#p)),
        None => quote!(None),
    };
    match &check.rule {
        Rule::Pattern(p) => quote!(crate::support::Check::pattern(#property, #p)),
        Rule::Format(f) => quote!(crate::support::Check::format(#property, #f)),
    }
}

/// What a variant reads, for its doc comment.
fn shape_doc(shape: &Shape, checks: &[Check]) -> String {
    let shape = match shape {
        Shape::Object(required) if required.is_empty() => "An object.".into(),
        Shape::Object(required) => format!("An object with `{}`.", required.join("`, `")),
        Shape::Array => "A list.".into(),
        Shape::String => "A string.".into(),
        Shape::Integer => "An integer.".into(),
        Shape::Number => "A number.".into(),
        Shape::Boolean => "A boolean.".into(),
        Shape::Any => "Any value (tried last).".into(),
    };
    let checks: Vec<String> = checks
        .iter()
        .map(|c| {
            let rule = match &c.rule {
                Rule::Pattern(p) if p.len() <= 40 && !p.contains('`') => {
                    format!("matches `{p}`")
                }
                Rule::Pattern(_) => "matches its `pattern`".to_string(),
                Rule::Format(f) => format!("is a `{f}`"),
            };
            match &c.property {
                Some(p) => format!("`{p}` {rule}"),
                None => format!("it {rule}"),
            }
        })
        .collect();
    if checks.is_empty() {
        shape
    } else {
        format!("{} Read when {}.", shape, checks.join(" and "))
    }
}
