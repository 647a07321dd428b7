//! A compact, readable listing of a generated file's public API: what a reviewer reads in a
//! snapshot diff when the spec changes (types, fields with serde attributes, client methods).

use std::fmt::Write;

use quote::ToTokens;
use syn::{Fields, Item, ItemImpl, Visibility};

/// Lists every public type, field, variant and method of `file`, in file order, then the
/// command-line flags it defines with their help.
pub fn listing(file: &syn::File) -> String {
    let mut out = String::new();
    list_items(&mut out, "", &file.items);
    for (flag, help) in arg_helps(file) {
        let _ = writeln!(out, "flag --{flag}  {help}");
    }
    out
}

/// The help text of every clap argument (`Arg::new("name")…help("…")`) in `file`, by name.
pub fn arg_helps(file: &syn::File) -> std::collections::BTreeMap<String, String> {
    struct Helps(std::collections::BTreeMap<String, String>);
    impl<'ast> syn::visit::Visit<'ast> for Helps {
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            syn::visit::visit_expr_method_call(self, call);
            let root = crate::generate::tree::chain_root(&call.receiver);
            let is_arg = matches!(root, syn::Expr::Call(c)
                if matches!(&*c.func, syn::Expr::Path(p) if crate::generate::tree::path_is(&p.path, &["clap", "Arg", "new"])));
            if let (true, true, Some(name), Some(help)) = (
                call.method == "help",
                is_arg,
                crate::generate::tree::first_str_arg(root),
                call.args.first().and_then(crate::generate::tree::str_lit),
            ) {
                self.0.insert(name, help);
            }
        }
    }
    let mut helps = Helps(Default::default());
    syn::visit::Visit::visit_file(&mut helps, file);
    helps.0
}

fn list_items(out: &mut String, module: &str, items: &[Item]) {
    let items = &expand_macros(items);
    for item in items {
        match item {
            Item::Struct(s) if is_pub(&s.vis) => list_struct(out, module, s, items),
            Item::Enum(e) if is_pub(&e.vis) => {
                let _ = writeln!(
                    out,
                    "enum {module}{}{}{}",
                    e.ident,
                    growth(&e.attrs),
                    impls_of(items, &e.ident)
                );
                for v in &e.variants {
                    let fields = match &v.fields {
                        Fields::Unit => String::new(),
                        other => show(&other.to_token_stream()),
                    };
                    let _ = writeln!(out, "    {}{fields}{}", v.ident, serde_attrs(&v.attrs));
                }
            }
            Item::Impl(i) if i.trait_.is_none() => list_methods(out, module, i),
            Item::Mod(m) if is_pub(&m.vis) => {
                if let Some((_, inner)) = &m.content {
                    list_items(out, &format!("{module}{}::", m.ident), inner);
                }
            }
            _ => {}
        }
    }
}

/// `items` with each `object_builder!` and `open_enum!` invocation replaced by the items it
/// expands to, so that builders and enums are listed as the types and methods they are.
fn expand_macros(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .flat_map(|item| {
            let Item::Macro(m) = item else {
                return vec![item.clone()];
            };
            let name = m.mac.path.segments.last().map(|s| s.ident.to_string());
            let expanded = match name.as_deref() {
                Some("object_builder") => m
                    .mac
                    .parse_body::<crate::wire::builders::Builder>()
                    .map(|b| b.expansion()),
                Some("open_enum") => m
                    .mac
                    .parse_body::<crate::wire::enums::OpenEnum>()
                    .map(|e| e.expansion()),
                _ => return vec![item.clone()],
            };
            expanded.unwrap_or_else(|_| vec![item.clone()])
        })
        .collect()
}

fn list_struct(out: &mut String, module: &str, s: &syn::ItemStruct, siblings: &[Item]) {
    let _ = write!(out, "struct {module}{}", s.ident);
    if !s.generics.params.is_empty() {
        let _ = write!(out, "{}", show(&s.generics.to_token_stream()));
    }
    let _ = writeln!(
        out,
        "{}{}{}",
        growth(&s.attrs),
        serde_attrs(&s.attrs),
        impls_of(siblings, &s.ident)
    );
    match &s.fields {
        Fields::Named(named) => {
            for f in &named.named {
                if !is_pub(&f.vis) {
                    continue;
                }
                let name = f
                    .ident
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let ty = show(&f.ty.to_token_stream());
                let _ = writeln!(out, "    {name}: {ty}{}", serde_attrs(&f.attrs));
            }
        }
        Fields::Unnamed(unnamed) => {
            for f in &unnamed.unnamed {
                let vis = if is_pub(&f.vis) { "pub " } else { "" };
                let _ = writeln!(out, "    ({vis}{})", show(&f.ty.to_token_stream()));
            }
        }
        Fields::Unit => {}
    }
}

fn list_methods(out: &mut String, module: &str, i: &ItemImpl) {
    let methods: Vec<_> = i
        .items
        .iter()
        .filter_map(|m| match m {
            syn::ImplItem::Fn(f) if is_pub(&f.vis) => Some(f),
            _ => None,
        })
        .collect();
    if methods.is_empty() {
        return;
    }
    let _ = writeln!(out, "impl {module}{}", show(&i.self_ty.to_token_stream()));
    for f in methods {
        let _ = writeln!(out, "    {}", show(&f.sig.to_token_stream()));
    }
}

/// ` impls: Display, FromStr` for the traits implemented for `ident` among `items`.
fn impls_of(items: &[Item], ident: &syn::Ident) -> String {
    let mut traits: Vec<String> = items
        .iter()
        .filter_map(|item| match item {
            Item::Impl(i) if *ident == i.self_ty.to_token_stream().to_string() => {
                let (path, _) = i.trait_.as_ref()?;
                Some(vec![gated(show(&path.to_token_stream()), &i.attrs)])
            }
            // The runtime's macros implement traits for the type they are invoked with.
            Item::Macro(m)
                if m.mac
                    .parse_body_with(crate::generate::tree::macro_subject)
                    .ok()
                    .as_ref()
                    == Some(ident) =>
            {
                let name = m.mac.path.segments.last()?.ident.to_string();
                let traits: &[&str] = match name.as_str() {
                    "wire_object" => &["serde::Deserialize<'de>", "serde::Serialize"],
                    "tagged_union" | "shaped_union" => &[
                        "FromStr",
                        "fmt::Display",
                        "schemars::JsonSchema (feature schemars)",
                        "serde::Deserialize<'de>",
                        "serde::Serialize",
                    ],
                    _ => &[],
                };
                Some(traits.iter().map(|t| t.to_string()).collect())
            }
            _ => None,
        })
        .flatten()
        .collect();
    for attr in items.iter().filter_map(|item| match item {
        Item::Struct(s) if s.ident == *ident => Some(&s.attrs),
        Item::Enum(e) if e.ident == *ident => Some(&e.attrs),
        _ => None,
    }) {
        for a in attr.iter().filter(|a| a.path().is_ident("derive")) {
            if let syn::Meta::List(list) = &a.meta {
                traits.extend(show(&list.tokens).split(", ").map(str::to_string));
            }
        }
        // `#[cfg_attr(feature = "x", derive(A, B))]`: A and B, with the feature named.
        for a in attr.iter().filter(|a| a.path().is_ident("cfg_attr")) {
            let Ok(parts) = a.parse_args_with(
                syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
            ) else {
                continue;
            };
            let feature = feature_of(parts.first());
            for part in parts.iter().skip(1) {
                if let syn::Meta::List(list) = part
                    && list.path.is_ident("derive")
                {
                    traits.extend(show(&list.tokens).split(", ").map(|t| match &feature {
                        Some(f) => format!("{t} (feature {f})"),
                        None => t.to_string(),
                    }));
                }
            }
        }
    }
    if traits.is_empty() {
        return String::new();
    }
    traits.sort();
    traits.dedup();
    format!("  [{}]", traits.join(", "))
}

/// `trait_name`, with the feature named when `attrs` hold `#[cfg(feature = "x")]`.
fn gated(trait_name: String, attrs: &[syn::Attribute]) -> String {
    let feature = attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .find_map(|a| feature_of(a.parse_args::<syn::Meta>().ok().as_ref()));
    match feature {
        Some(f) => format!("{trait_name} (feature {f})"),
        None => trait_name,
    }
}

/// `x` of `feature = "x"`.
fn feature_of(meta: Option<&syn::Meta>) -> Option<String> {
    match meta? {
        syn::Meta::NameValue(nv) if nv.path.is_ident("feature") => match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        },
        _ => None,
    }
}

/// `  #[non_exhaustive]` when `attrs` hold it: a type callers cannot build by a literal or
/// match without a `_` arm, so that it may grow in a minor release.
fn growth(attrs: &[syn::Attribute]) -> &'static str {
    if attrs.iter().any(crate::wire::non_exhaustive::is_attribute) {
        "  #[non_exhaustive]"
    } else {
        ""
    }
}

/// `  #[serde(…)]` for the serde attributes among `attrs`.
fn serde_attrs(attrs: &[syn::Attribute]) -> String {
    attrs
        .iter()
        .filter_map(|a| {
            if a.path().is_ident("serde") {
                return Some(show(&a.to_token_stream()));
            }
            // `#[cfg_attr(feature = "schemars", serde(…))]`: read by the schema derive only;
            // listed as what it says of the wire.
            let parts = a
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
                )
                .ok()
                .filter(|_| a.path().is_ident("cfg_attr"))?;
            let inner: Vec<String> = parts
                .iter()
                .skip(1)
                .filter(|m| m.path().is_ident("serde"))
                .map(|m| show(&quote::quote!(#[#m])))
                .collect();
            (!inner.is_empty()).then(|| inner.join("  "))
        })
        .map(|text| format!("  {text}"))
        .collect()
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

/// Tokens as compact text, with standard-library paths shortened (`Option<String>`).
fn show(tokens: &proc_macro2::TokenStream) -> String {
    let mut text = tokens.to_string();
    for (long, short) in [
        (":: std :: option :: ", ""),
        (":: std :: string :: ", ""),
        (":: std :: vec :: ", ""),
        (":: std :: result :: ", ""),
        (":: std :: convert :: ", ""),
        (":: std :: fmt :: ", "fmt::"),
        (":: std :: str :: ", ""),
        (":: std :: ", "std::"),
        (":: serde :: ", "serde::"),
        (":: serde_json :: ", "serde_json::"),
    ] {
        text = text.replace(long, short);
    }
    for (spaced, tight) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" < ", "<"),
        (" <::", "<::"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& ", "&"),
        ("# [", "#["),
        (" (", "("),
        ("( ", "("),
        (" )", ")"),
        (" [", "["),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
        ("' ", "'"),
        (",>", ">"),
        (" : ", ": "),
        (" :", ":"),
    ] {
        text = text.replace(spaced, tight);
    }
    text.replace("fn(", "fn (")
        .replace("impl(", "impl (")
        .replace("->", " -> ")
        .replace("  ", " ")
}
