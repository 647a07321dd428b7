//! Small helpers for finding and reading items in the generated syntax tree.
//! Shared by the generation passes so none of them repeats a lookup.

use syn::{Field, Item, Type};

/// The Rust type name the type generator gives to the component schema `name`.
pub fn rust_name(name: &str) -> String {
    crate::spec::names::type_name(name)
}

/// The items of the inline module `name` among `items`.
pub fn module_mut<'a>(items: &'a mut [Item], name: &str) -> Option<&'a mut Vec<Item>> {
    items.iter_mut().find_map(|item| match item {
        Item::Mod(m) if m.ident == name => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}

/// For each type name, the positions of its items among `items`: the struct or enum of that
/// name and the impls for a type of that name (`X`, `super::X`). Passes that visit every schema look
/// items up here instead of scanning the module once per schema.
pub fn items_by_owner(items: &[Item]) -> std::collections::HashMap<String, Vec<usize>> {
    let mut out: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, item) in items.iter().enumerate() {
        let owner = match item {
            Item::Struct(s) => Some(&s.ident),
            Item::Enum(e) => Some(&e.ident),
            Item::Impl(imp) => impl_self_name(imp),
            _ => None,
        };
        if let Some(owner) = owner {
            out.entry(owner.to_string()).or_default().push(i);
        }
    }
    out
}

/// The name a field has on the wire: its `#[serde(rename)]` (also inside a `cfg_attr`, where
/// the schema-feature pass puts it), or else its identifier.
pub fn wire_name(field: &Field) -> Option<String> {
    let mut rename = None;
    let mut read = |meta: syn::meta::ParseNestedMeta| {
        if meta.path.is_ident("rename") {
            rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
        } else if meta.input.peek(syn::Token![=]) {
            meta.value()?.parse::<syn::Expr>()?;
        }
        Ok(())
    };
    for attr in &field.attrs {
        if attr.path().is_ident("serde") {
            let _ = attr.parse_nested_meta(&mut read);
        } else if attr.path().is_ident("cfg_attr")
            && let Ok(parts) = attr.parse_args_with(
                syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
            )
        {
            for meta in parts.iter().skip(1) {
                if let syn::Meta::List(list) = meta
                    && list.path.is_ident("serde")
                {
                    let _ = list.parse_nested_meta(&mut read);
                }
            }
        }
    }
    rename.or_else(|| {
        field
            .ident
            .as_ref()
            .map(|i| i.to_string().trim_start_matches("r#").to_string())
    })
}

/// The last path segment of a type (`Option` for `::std::option::Option<T>`), if it is a path.
pub fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last(),
        _ => None,
    }
}

/// The single generic argument of a type such as `Option<T>`.
pub fn only_generic(ty: &Type) -> Option<&Type> {
    match &last_segment(ty)?.arguments {
        syn::PathArguments::AngleBracketed(args) if args.args.len() == 1 => first_generic(ty),
        _ => None,
    }
}

/// The first generic argument of a type such as `Result<T, E>`.
pub fn first_generic(ty: &Type) -> Option<&Type> {
    match &last_segment(ty)?.arguments {
        syn::PathArguments::AngleBracketed(args) => match args.args.first()? {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// The identifier of the type an `impl` block is for, when it is a plain path.
pub fn impl_self_name(item: &syn::ItemImpl) -> Option<&syn::Ident> {
    last_segment(&item.self_ty).map(|s| &s.ident)
}

/// Whether an `impl` block is for the type `name` (compared without building a string: the
/// passes ask this of every impl, for every schema).
pub fn impl_is_for(item: &syn::ItemImpl, name: &str) -> bool {
    impl_self_name(item).is_some_and(|ident| ident == name)
}

/// The last path segment of a type, mutably.
pub fn last_segment_mut(ty: &mut Type) -> Option<&mut syn::PathSegment> {
    match ty {
        Type::Path(p) => p.path.segments.last_mut(),
        _ => None,
    }
}

/// The last segment of the trait an `impl` block implements (`FromStr`, `Default`…), if any.
pub fn impl_trait_name(item: &syn::ItemImpl) -> Option<String> {
    let (path, _) = item.trait_.as_ref()?;
    path.segments.last().map(|s| s.ident.to_string())
}

/// Whether `path` is exactly `segments` (a leading `::` and generic arguments aside):
/// a structural comparison, not one of printed text.
pub fn path_is(path: &syn::Path, segments: &[&str]) -> bool {
    path.segments.len() == segments.len()
        && path
            .segments
            .iter()
            .zip(segments)
            .all(|(s, want)| s.ident == want)
}

/// The value of a string literal expression.
pub fn str_lit(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    }
}

/// The start of a chain of method calls (`Arg::new("x")` in `Arg::new("x").long("x")`).
pub fn chain_root(expr: &syn::Expr) -> &syn::Expr {
    match expr {
        syn::Expr::MethodCall(call) => chain_root(&call.receiver),
        other => other,
    }
}

/// The first argument of a call `f(lit, …)` as a string literal, for `Arg::new("json-body")`.
pub fn first_str_arg(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Call(call) => str_lit(call.args.first()?),
        syn::Expr::MethodCall(call) => str_lit(call.args.first()?),
        _ => None,
    }
}

/// Runs `f` on the arguments of a function-like macro (`format!`), parsed as expressions,
/// and writes them back; `None` if they are not a list of expressions.
pub fn macro_args_mut<R>(
    mac: &mut syn::Macro,
    f: impl FnOnce(&mut syn::punctuated::Punctuated<syn::Expr, syn::Token![,]>) -> R,
) -> Option<R> {
    let mut args = mac
        .parse_body_with(syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated)
        .ok()?;
    let result = f(&mut args);
    mac.tokens = quote::ToTokens::to_token_stream(&args);
    Some(result)
}

/// A type as prettyplease prints it (`::std::string::String`), for messages.
pub fn pretty_type(ty: &Type) -> String {
    let file: syn::File = syn::parse_quote!(type T = #ty;);
    prettyplease::unparse(&file)
        .trim()
        .trim_start_matches("type T = ")
        .trim_end_matches(';')
        .to_string()
}

/// Whether an `impl Trait<X> for …` names the type `name` as `X` (`From<Action> for Value`).
pub fn impl_trait_generic_is(item: &syn::ItemImpl, name: &str) -> bool {
    let Some((path, _)) = &item.trait_ else {
        return false;
    };
    let Some(syn::PathArguments::AngleBracketed(args)) = path.segments.last().map(|s| &s.arguments)
    else {
        return false;
    };
    args.args.iter().any(|arg| {
        matches!(arg, syn::GenericArgument::Type(ty)
            if last_segment(ty).is_some_and(|s| s.ident == name))
    })
}

/// The first identifier of a macro's tokens, the rest ignored: the type one of the runtime's
/// macros (`open_enum!`, `wire_object!`, `tagged_union!`…) is invoked for.
pub fn macro_subject(input: syn::parse::ParseStream) -> syn::Result<syn::Ident> {
    let ident = input.parse()?;
    input.parse::<proc_macro2::TokenStream>()?;
    Ok(ident)
}

/// Replaces every string literal in `file` whose whole value is a key of `renames` by the
/// value it maps to; returns how many it replaced.
pub fn rename_literals(
    file: &mut syn::File,
    renames: &std::collections::HashMap<String, String>,
) -> usize {
    struct Renamer<'a>(&'a std::collections::HashMap<String, String>, usize);
    impl syn::visit_mut::VisitMut for Renamer<'_> {
        fn visit_lit_str_mut(&mut self, lit: &mut syn::LitStr) {
            if let Some(wire) = self.0.get(&lit.value()) {
                *lit = syn::LitStr::new(wire, lit.span());
                self.1 += 1;
            }
        }
    }
    let mut renamer = Renamer(renames, 0);
    syn::visit_mut::VisitMut::visit_file_mut(&mut renamer, file);
    renamer.1
}
