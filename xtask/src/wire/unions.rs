//! Union pass: each union (`oneOf`/`anyOf`) is an enum of its variants plus one that keeps a
//! value no variant reads, in place of the any-JSON type typify was given for it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Item, parse_quote};

use crate::spec::Spec;
use crate::spec::unions::{self, RustType, Shape, Union};
use crate::tree;

pub fn apply(spec: &Spec, types: &mut Vec<Item>) -> Result<(), String> {
    for (name, schema) in spec.schemas() {
        if unions::keyword(&serde_json::Value::Object(schema.clone())).is_none() {
            continue;
        }
        let union = unions::classify(&spec.json, name, &spec.written_at(name))?;
        let rust = tree::rust_name(name);
        let position = types
            .iter()
            .position(|item| matches!(item, Item::Struct(s) if s.ident == rust))
            .ok_or_else(|| format!("no type `{rust}` was generated for the union `{name}`"))?;
        let Item::Struct(placeholder) = &types[position] else {
            unreachable!("matched above")
        };
        let docs: Vec<_> = placeholder
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("doc"))
            .cloned()
            .collect();
        // Its impls: for it (`Deref`, `From<Value>`), and from it (`From<Action> for Value`).
        types.retain(|item| match item {
            Item::Impl(i) => {
                tree::impl_self_name(i).as_deref() != Some(rust.as_str())
                    && !tree::impl_trait_generic_is(i, &rust)
            }
            _ => true,
        });
        let position = types
            .iter()
            .position(|item| matches!(item, Item::Struct(s) if s.ident == rust))
            .expect("still there");
        types.splice(position..=position, items(&rust, &docs, &union));
    }
    Ok(())
}

/// The enum, and the runtime macro that reads and writes it.
fn items(name: &str, docs: &[syn::Attribute], union: &Union) -> Vec<Item> {
    let name = format_ident!("{name}");
    let unknown = format_ident!("{}", union.unknown);
    let variants: Vec<TokenStream> = union
        .variants
        .iter()
        .map(|v| {
            let ident = format_ident!("{}", v.name);
            let ty = rust_type(&v.rust);
            let doc = match &union.tag {
                Some(tag) => format!(" `{tag}`: {}", v.tags.join(", ")),
                None => format!(" {}", shape_doc(&v.shape)),
            };
            quote!(#[doc = #doc] #ident(#ty))
        })
        .collect();
    let reading = match &union.tag {
        Some(tag) => {
            let arms = union.variants.iter().map(|v| {
                let ident = format_ident!("{}", v.name);
                let ty = rust_type(&v.rust);
                let tags = &v.tags;
                quote!(#ident(#ty) = [#(#tags),*])
            });
            quote!(crate::tagged_union!(#name, #tag, { #(#arms),* } #unknown);)
        }
        None => {
            let arms = union.variants.iter().map(|v| {
                let ident = format_ident!("{}", v.name);
                let ty = rust_type(&v.rust);
                let shape = shape(&v.shape);
                quote!(#ident(#ty) = #shape)
            });
            quote!(crate::shaped_union!(#name, { #(#arms),* } #unknown);)
        }
    };
    let how = match &union.tag {
        Some(tag) => format!(" Read by its `{tag}` property."),
        None => " Read by the shape of the value: the variants are tried in the order listed."
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
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants,)*
            /// A value no variant reads, kept exactly as received.
            #unknown(::serde_json::Value),
        }
        #reading
    };
    file.items
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
        RustType::Object => {
            quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>)
        }
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
    }
}

fn shape_doc(shape: &Shape) -> String {
    match shape {
        Shape::Object(required) if required.is_empty() => "An object.".into(),
        Shape::Object(required) => format!("An object with `{}`.", required.join("`, `")),
        Shape::Array => "A list.".into(),
        Shape::String => "A string.".into(),
        Shape::Integer => "An integer.".into(),
        Shape::Number => "A number.".into(),
        Shape::Boolean => "A boolean.".into(),
    }
}
