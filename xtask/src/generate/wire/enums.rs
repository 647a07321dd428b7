//! Enum pass: every string enum of the spec becomes an open enum that keeps values it does
//! not know (`Unknown(String)`) and writes them back unchanged; known values stay typed.

use quote::{format_ident, quote};
use serde_json::Value;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, Item, LitStr, Token, parse_quote};

use crate::generate::tree;
use crate::spec::Spec;

/// One documented value: its Rust variant and its wire string.
struct Variant {
    attrs: Vec<syn::Attribute>,
    ident: syn::Ident,
    value: String,
}

pub fn apply(spec: &Spec, types: &mut Vec<Item>) -> Result<(), String> {
    // Each enum's position, found once; the open enums replace the closed ones in one
    // rebuild of the module at the end (the pass stays linear in the schemas).
    let by_name = tree::items_by_owner(types);
    let mut replacements: std::collections::HashMap<String, Vec<Item>> = Default::default();
    for (name, schema) in spec.schemas() {
        let Some(Value::Array(values)) = schema.get("enum") else {
            continue;
        };
        if !values.iter().all(Value::is_string) {
            continue;
        }
        let rust = tree::rust_name(name);
        let generated = by_name
            .get(&rust)
            .into_iter()
            .flatten()
            .find_map(|&i| match &types[i] {
                Item::Enum(e) => Some(e),
                _ => None,
            });
        let Some(generated) = generated else {
            return Err(format!(
                "no enum `{rust}` was generated for schema `{name}`"
            ));
        };
        // Its docs, and `#[non_exhaustive]` (typify's patch, see `non_exhaustive.rs`).
        let kept: Vec<_> = generated
            .attrs
            .iter()
            .filter(|a| a.path().is_ident("doc") || super::non_exhaustive::is_attribute(a))
            .cloned()
            .collect();
        // Names and docs from typify; values from the spec (typify was given numbered values
        // where two would have had one name, see `spec::view`).
        if generated.variants.len() != values.len() {
            return Err(format!(
                "enum `{rust}` for schema `{name}` has {} variants; the spec gives {} values",
                generated.variants.len(),
                values.len()
            ));
        }
        let variants: Vec<Variant> = generated
            .variants
            .iter()
            .zip(values)
            .map(|(variant, value)| Variant {
                attrs: variant
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("doc"))
                    .cloned()
                    .collect(),
                ident: variant.ident.clone(),
                value: value.as_str().unwrap_or_default().to_string(),
            })
            .collect();
        let description = schema.get("description").and_then(Value::as_str);
        let value_docs = schema.get(crate::spec::VALUE_DOCS);
        let replacement = open_enum(&rust, &kept, &variants, description, value_docs)?;

        replacements.insert(rust, replacement);
    }
    // Drop each closed enum and every impl progenitor wrote for it; put the open one in its place.
    let replaced: std::collections::HashSet<String> = replacements.keys().cloned().collect();
    let items = std::mem::take(types);
    for item in items {
        match &item {
            Item::Impl(i)
                if tree::impl_self_name(i).is_some_and(|n| replaced.contains(&n.to_string())) => {}
            Item::Enum(e) if replaced.contains(&e.ident.to_string()) => {
                types.extend(
                    replacements
                        .remove(&e.ident.to_string())
                        .unwrap_or_default(),
                );
            }
            _ => types.push(item),
        }
    }
    Ok(())
}

fn open_enum(
    name: &str,
    attrs: &[syn::Attribute],
    variants: &[Variant],
    description: Option<&str>,
    value_docs: Option<&Value>,
) -> Result<Vec<Item>, String> {
    let (docs, marks): (Vec<_>, Vec<_>) = attrs.iter().partition(|a| a.path().is_ident("doc"));
    let name = format_ident!("{name}");
    // `Unknown`, unless a documented value already took the name.
    let unknown = ["Unknown", "UnknownValue", "UndocumentedValue", "OtherValue"]
        .into_iter()
        .find(|name| variants.iter().all(|v| v.ident != name))
        .map(|name| format_ident!("{name}"))
        .ok_or_else(|| {
            format!("enum `{name}` documents every name its catch-all variant could have")
        })?;
    let idents: Vec<_> = variants.iter().map(|v| &v.ident).collect();
    let variant_docs: Vec<_> = variants
        .iter()
        .map(|v| {
            let documented = value_docs
                .and_then(|d| d.get(&v.value))
                .and_then(Value::as_str);
            let attrs = &v.attrs;
            if let Some(about) = documented {
                // The value, then what the spec's part says of it (each line its own doc).
                let docs = std::iter::once(format!("`{}`", v.value))
                    .chain(std::iter::once(String::new()))
                    .chain(about.lines().map(str::to_string));
                quote!(#(#[doc = #docs])*)
            } else if attrs.is_empty() {
                let doc = format!("`{}`", v.value);
                quote!(#[doc = #doc])
            } else {
                quote!(#(#attrs)*)
            }
        })
        .collect();
    let open_doc = format!(
        " Open: a value this version of the SDK does not know is kept in \
         [`{unknown}`](Self::{unknown}) and sent back exactly as received."
    );
    let open = OpenEnum {
        name: name.clone(),
        unknown: unknown.clone(),
        description: description.map(str::to_string),
        variants: variants
            .iter()
            .map(|v| (v.ident.clone(), v.value.clone()))
            .collect(),
    };
    let invocation = open.invocation();
    let file: syn::File = parse_quote! {
        #(#docs)*
        ///
        #[doc = #open_doc]
        #(#marks)*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum #name {
            #(#variant_docs #idents,)*
            /// A value the spec does not document, kept exactly as received.
            #unknown(::std::string::String),
        }

        #invocation
    };
    Ok(file.items)
}

/// An open enum's impls, written by the runtime's `open_enum!`: its name, the variant that
/// keeps other values, the schema's description, and each documented value's variant.
pub struct OpenEnum {
    name: Ident,
    unknown: Ident,
    description: Option<String>,
    variants: Vec<(Ident, String)>,
}

impl OpenEnum {
    /// `crate::open_enum!(Name { A = "a", … } Unknown, "description");`
    fn invocation(&self) -> Item {
        let (name, unknown) = (&self.name, &self.unknown);
        let variants = self
            .variants
            .iter()
            .map(|(ident, value)| quote!(#ident = #value));
        let description = self.description.iter();
        parse_quote!(crate::open_enum!(#name { #(#variants),* } #unknown #(, #description)*);)
    }

    /// The items `open_enum!` expands to (for the API listing; the runtime macro and this
    /// must change together).
    pub fn expansion(&self) -> Vec<Item> {
        let (name, unknown) = (&self.name, &self.unknown);
        let idents: Vec<&Ident> = self.variants.iter().map(|(i, _)| i).collect();
        let values: Vec<&String> = self.variants.iter().map(|(_, v)| v).collect();
        let description = match &self.description {
            Some(d) => quote!(Some(::std::boxed::Box::new(schemars::schema::Metadata {
                description: Some(#d.to_string()),
                ..Default::default()
            }))),
            None => quote!(None),
        };
        let file: syn::File = parse_quote! {
            impl #name {
                /// Every value the spec documents.
                pub const KNOWN: &'static [#name] = &[#(#name::#idents),*];

                /// The value as it is sent on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#idents => #values,)*
                        Self::#unknown(value) => value.as_str(),
                    }
                }

                /// `true` for a value the spec does not document.
                pub fn is_unknown(&self) -> bool {
                    matches!(self, Self::#unknown(_))
                }

                fn known(value: &str) -> ::std::option::Option<Self> {
                    match value {
                        #(#values => Some(Self::#idents),)*
                        _ => None,
                    }
                }
            }

            impl ::std::convert::From<&str> for #name {
                fn from(value: &str) -> Self {
                    Self::known(value).unwrap_or_else(|| Self::#unknown(value.to_owned()))
                }
            }

            impl ::std::convert::From<::std::string::String> for #name {
                fn from(value: ::std::string::String) -> Self {
                    Self::known(&value).unwrap_or(Self::#unknown(value))
                }
            }

            impl ::std::str::FromStr for #name {
                type Err = ::std::convert::Infallible;
                fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                    Ok(Self::from(value))
                }
            }

            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    crate::support::deserialize_open_enum(deserializer)
                }
            }

            #[cfg(feature = "schemars")]
            impl schemars::JsonSchema for #name {
                fn schema_name() -> ::std::string::String {
                    stringify!(#name).to_string()
                }

                fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
                    schemars::schema::Schema::Object(schemars::schema::SchemaObject {
                        metadata: #description,
                        instance_type: Some(schemars::schema::InstanceType::String.into()),
                        enum_values: Some(vec![#(#values.into()),*]),
                        ..Default::default()
                    })
                }
            }
        };
        file.items
    }
}

/// Reads an `open_enum!` invocation's tokens (for the API listing).
impl Parse for OpenEnum {
    fn parse(input: ParseStream) -> syn::Result<OpenEnum> {
        let name: Ident = input.parse()?;
        let body;
        syn::braced!(body in input);
        let mut variants = Vec::new();
        while !body.is_empty() {
            let ident: Ident = body.parse()?;
            body.parse::<Token![=]>()?;
            let value: LitStr = body.parse()?;
            variants.push((ident, value.value()));
            if !body.is_empty() {
                body.parse::<Token![,]>()?;
            }
        }
        let unknown: Ident = input.parse()?;
        let description = if input.parse::<Option<Token![,]>>()?.is_some() {
            Some(input.parse::<LitStr>()?.value())
        } else {
            None
        };
        Ok(OpenEnum {
            name,
            unknown,
            description,
            variants,
        })
    }
}
